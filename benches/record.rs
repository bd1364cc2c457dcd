//! Benchmarks of recording: what the frame thread pays to hand over a
//! record, what the journal writer sustains, journal size per minute, and
//! importing a 30-minute session into the store, and writing its debrief.
//! Run with `cargo xtask bench`; figures go to docs/benchmarks.md.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use mestring::debrief::{self, Lang};
use mestring::record::Store;
use mestring::record::behaviour::{BehaviourSample, GazeTarget};
use mestring::record::journal::{JOURNAL_VERSION, JournalWriter, SessionHeader};
use mestring::session::{Input, Output, RatingAnswer, Session};

fn header(id: &str, source: &str) -> SessionHeader {
    SessionHeader {
        journal_version: JOURNAL_VERSION,
        session: id.into(),
        participant: Some("P001".into()),
        scenario: "team-meeting".into(),
        level: 5,
        seed: 1,
        lang: "en".into(),
        started_unix_ms: 0,
        scenario_source: source.into(),
        kind: mestring::session::RunKind::Practice,
    }
}

fn sample(at: u64) -> BehaviourSample {
    BehaviourSample {
        at,
        head_position: [0.01 * (at % 7) as f32, 1.21, 1.6],
        head_rotation: [0.0, 0.998, 0.05, 0.02],
        left_hand: Some([-0.21, 0.93, 1.31]),
        right_hand: Some([0.22, 0.91, 1.29]),
        gaze: if at % 3000 < 1800 { GazeTarget::Face((at / 3000 % 4) as usize) } else { GazeTarget::Object },
        eye_tracked: false,
    }
}

/// Writes a 30-minute top-level session with 30 Hz samples to a journal;
/// returns the journal's path and its size.
fn thirty_minutes(dir: &std::path::Path, id: &str) -> (std::path::PathBuf, u64) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/team-meeting.ron");
    let source = std::fs::read_to_string(&path).expect("team meeting");
    let scenario = std::sync::Arc::new(mestring::scenario::load_file(&path).expect("clean").scenario);
    let journal = dir.join(format!("{id}.journal"));
    let mut w = JournalWriter::create(&journal, &header(id, &source)).expect("journal");
    let mut s = Session::new(scenario, 5, 1).expect("level 5");
    let record = |w: &mut JournalWriter, outs: &[mestring::session::Stamped<Output>]| {
        for o in outs {
            w.output(o.at, &o.item);
        }
    };
    let mut at = 0;
    while at < 30 * 60_000 {
        // Answer whatever is open every 4 s, like a participant who engages.
        let input = match (s.open_rating(), s.offered_choice()) {
            (Some(_), _) if at % 4000 == 0 => Some(Input::Rate(RatingAnswer::Scale(40))),
            (None, Some(_)) if at % 4000 == 0 => Some(Input::Choose { option: 0 }),
            _ => None,
        };
        if let Some(input) = input {
            w.input(at, &input);
            let outs = s.step(at, input).to_vec();
            record(&mut w, &outs);
        } else {
            let outs = s.step(at, Input::Tick).to_vec();
            record(&mut w, &outs);
        }
        w.sample(&sample(at));
        at += 1000 / 30;
    }
    let stats = w.close(at).expect("closed");
    (journal, stats.bytes)
}

fn recording(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");

    // What the frame thread pays per record: one channel send.
    let mut w =
        JournalWriter::create(&dir.path().join("handover.journal"), &header("h", "")).expect("journal");
    let mut at = 0;
    c.bench_function("hand one behaviour sample to the journal (frame thread)", |b| {
        b.iter(|| {
            at += 33;
            w.sample(black_box(&sample(at)));
        })
    });
    drop(w);

    // What the writer sustains: 100,000 events handed over, written and
    // fsynced, closed.
    let mut n = 0;
    c.bench_function("journal 100,000 events to disk (hand-over, write, fsync, close)", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                let path = dir.path().join(format!("throughput-{n}.journal"));
                let start = Instant::now();
                let mut w = JournalWriter::create(&path, &header("t", "")).expect("journal");
                for i in 0..100_000u64 {
                    w.output(i, &Output::CueStopped { cue: mestring::scenario::StressCue::PhoneRinging });
                }
                w.close(100_000).expect("closed");
                total += start.elapsed();
                let _ = std::fs::remove_file(&path);
            }
            total
        })
    });

    // A 30-minute session: its journal size, and importing it.
    let (_, bytes) = thirty_minutes(dir.path(), "size");
    eprintln!(
        "journal of a 30-minute top-level session with 30 Hz samples: {bytes} bytes, {} KiB per minute",
        bytes / 30 / 1024
    );
    let mut k = 0;
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("import a 30-minute session (54,000 samples) into the store", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                k += 1;
                let data = dir.path().join(format!("data-{k}"));
                let mut store = Store::open(&data).expect("store");
                store.add_participant("P001", 0).expect("participant");
                let (journal, _) = thirty_minutes(&store.journal_dir(), &format!("s{k}"));
                let start = Instant::now();
                black_box(store.import_journal(&journal).expect("imported"));
                total += start.elapsed();
                drop(store);
                let _ = std::fs::remove_dir_all(&data);
            }
            total
        })
    });
    group.finish();

    // The debrief of that session: read back from the store, measured,
    // charted and written as HTML, in each language.
    let data = dir.path().join("debrief");
    let mut store = Store::open(&data).expect("store");
    store.add_participant("P001", 0).expect("participant");
    let (journal, _) = thirty_minutes(&store.journal_dir(), "debrief");
    let id = store.import_journal(&journal).expect("imported").session;
    let mut group = c.benchmark_group("debrief");
    group.sample_size(10);
    for lang in [Lang::Nb, Lang::En] {
        let name = format!("build the {} report of a 30-minute session (54,000 samples)", lang.code());
        group.bench_function(name, |b| {
            b.iter(|| black_box(debrief::session_html(&store, &id, Some(lang)).expect("report")))
        });
    }
    group.bench_function("of which reading the session back from the store", |b| {
        b.iter(|| {
            black_box(store.events(&id).expect("events"));
            black_box(store.samples(&id).expect("samples"))
        })
    });
    let html = debrief::session_html(&store, &id, Some(Lang::Nb)).expect("report");
    eprintln!("debrief of a 30-minute session: {} KiB of HTML", html.len() / 1024);
    group.finish();
}

criterion_group!(benches, recording);
criterion_main!(benches);
