//! Benchmark of sound synthesis: one minute of the team meeting's top level
//! (background voices, incidental sounds and every chance cue, placed and
//! mixed to stereo), and what that is as a real-time factor: how many
//! seconds of sound one second of one core makes.
//! Run with `cargo bench --no-default-features --bench sound`.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use mestring::scenario::{Scenario, load_file};
use mestring::sound::{SoundStage, render_outputs, render_soundscape, session_outputs};

const SECONDS: f32 = 60.0;

fn team_meeting() -> Arc<Scenario> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios/team-meeting.ron");
    Arc::new(load_file(&path).expect("the shipped team meeting loads").scenario)
}

fn synthesis(c: &mut Criterion) {
    let scenario = team_meeting();
    let stage = SoundStage::new(&scenario);
    let top = scenario.levels.iter().map(|l| l.level).max().expect("levels");
    let mut group = c.benchmark_group("sound");
    group.sample_size(10).measurement_time(Duration::from_secs(30));
    group.bench_function("render 60 s of the team meeting's top level (session + synthesis + mix)", |b| {
        b.iter(|| {
            black_box(render_soundscape(&scenario, &stage, top, SECONDS, black_box(1)).expect("renders"))
        })
    });
    group.finish();

    // The real-time factor, from a few plain timings of the synthesis and
    // mix alone (the session's part is microseconds).
    let outputs = session_outputs(Arc::clone(&scenario), top, SECONDS, 1).expect("session runs");
    let mut best = Duration::MAX;
    for seed in 0..5 {
        let start = Instant::now();
        black_box(render_outputs(&stage, &outputs, SECONDS, seed).expect("renders"));
        best = best.min(start.elapsed());
    }
    eprintln!(
        "sound: {SECONDS} s of the top level rendered in {:.0} ms at best: {:.0}x real time on one core",
        best.as_secs_f64() * 1_000.0,
        f64::from(SECONDS) / best.as_secs_f64()
    );
}

criterion_group!(benches, synthesis);
criterion_main!(benches);
