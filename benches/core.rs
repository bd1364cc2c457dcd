//! Benchmarks of the scenario core: parsing and checking the shipped
//! scenarios, and stepping sessions through 10,000 inputs.
//! Run with `cargo xtask bench`; figures go to docs/benchmarks.md.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use mestring::scenario::{RatingKind, Scenario, load_bytes};
use mestring::session::{Input, RatingAnswer, Session};

fn shipped_files() -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("scenarios/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|p| {
            let bytes = std::fs::read(&p).expect("readable scenario");
            (p, bytes)
        })
        .collect();
    files.sort();
    files
}

fn parse_and_check(c: &mut Criterion) {
    let files = shipped_files();
    c.bench_function(&format!("parse+check all {} shipped scenarios", files.len()), |b| {
        b.iter(|| {
            for (path, bytes) in &files {
                black_box(load_bytes(path, bytes).expect("shipped scenarios are clean"));
            }
        })
    });
}

/// One input a participant would give now: answer what is open, or let
/// time run to the session's next deadline.
fn next_input(s: &Session, scenario: &Scenario, k: usize) -> (u64, Input) {
    if let Some(kind) = s.open_rating() {
        let answer = match kind {
            RatingKind::ExpectancyReview(_) => {
                RatingAnswer::Review { happened: k.is_multiple_of(2), likelihood: 40 }
            }
            RatingKind::Cybersickness => RatingAnswer::Scale(2),
            _ => RatingAnswer::Scale(((k % 10) * 10) as u8),
        };
        return (s.now() + 1_500, Input::Rate(answer));
    }
    if let Some(beat) = s.offered_choice() {
        let n = match &scenario.beats[beat] {
            mestring::scenario::Beat::Choose { options, .. } => options.len(),
            _ => 1,
        };
        return (s.now() + 2_500, Input::Choose { option: k % n });
    }
    (s.next_deadline().unwrap_or(s.now() + 1_000), Input::Tick)
}

fn step_sessions(c: &mut Criterion) {
    let scenarios: Vec<Arc<Scenario>> =
        shipped_files().iter().map(|(p, b)| Arc::new(load_bytes(p, b).expect("clean").scenario)).collect();
    c.bench_function("step sessions through 10,000 inputs", |b| {
        b.iter(|| {
            let mut which = 0;
            let mut s = Session::new(Arc::clone(&scenarios[0]), 5, 1).expect("level 5");
            for k in 0..10_000 {
                if s.has_ended() {
                    which = (which + 1) % scenarios.len();
                    let top = scenarios[which].levels.len() as u8;
                    s = Session::new(Arc::clone(&scenarios[which]), top, k as u64).expect("top level");
                }
                let (at, input) = next_input(&s, &scenarios[which], k);
                black_box(s.step(at, input).len());
            }
        })
    });
}

criterion_group!(benches, parse_and_check, step_sessions);
criterion_main!(benches);
