//! No input, however broken, panics the checker, and every finding it
//! makes points inside the text it was given.

use mestring::scenario::{FileReport, load_bytes};
use proptest::prelude::*;

use crate::{repo, team_meeting_source};

fn assert_well_located(bytes: &[u8]) {
    let path = repo().join("scenarios/fuzzed.ron");
    let report: FileReport = match load_bytes(&path, bytes) {
        Ok(loaded) => loaded.report,
        Err(report) => {
            assert!(report.errors() > 0, "a failed load must say why");
            report
        }
    };
    let line_count = report.source.split('\n').count();
    for f in &report.findings {
        assert!(f.span.end <= report.source.len(), "{f:?} beyond the text");
        assert!(f.line >= 1 && f.line <= line_count, "{f:?} has no such line");
        assert!(f.column >= 1);
    }
    // Rendering must not fail either.
    let _ = mestring::scenario::diagnostic::render_text(std::slice::from_ref(&report), false);
    let _ = mestring::scenario::diagnostic::render_json(std::slice::from_ref(&report));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2_000)) {
        assert_well_located(&bytes);
    }

    #[test]
    fn mutated_scenario(cut_at in 0.0f64..1.0, cut_len in 0usize..200, insert in ".{0,12}", dup in any::<bool>()) {
        let mut src = team_meeting_source();
        let mut at = ((src.len() as f64) * cut_at) as usize;
        while !src.is_char_boundary(at) { at -= 1; }
        let mut end = (at + cut_len).min(src.len());
        while !src.is_char_boundary(end) { end -= 1; }
        let removed = src[at..end].to_string();
        src.replace_range(at..end, &insert);
        if dup {
            src.insert_str(at, &removed);
            src.insert_str(at, &removed);
        }
        assert_well_located(src.as_bytes());
    }

    #[test]
    fn truncated_scenario(keep in 0.0f64..1.0) {
        let src = team_meeting_source();
        let n = ((src.len() as f64) * keep) as usize;
        assert_well_located(&src.as_bytes()[..n]);
    }
}

#[test]
fn deeply_nested_input() {
    for open in ["[", "(", "{", "Some(", "{\"a\":"] {
        let mut s = String::from("Scenario(id: ");
        s.push_str(&open.repeat(50_000));
        assert_well_located(s.as_bytes());
        let mut s = String::from("Scenario(id: \"x\", beats: ");
        s.push_str(&open.repeat(2_000));
        s.push_str(&"]".repeat(2_000));
        assert_well_located(s.as_bytes());
    }
}

#[test]
fn huge_but_valid_scenario_is_checked() {
    // Thousands of chained lines: the checker's work must stay near-linear.
    let src = team_meeting_source();
    let mut beats = String::new();
    for i in 0..3_000 {
        beats.push_str(&format!(
            "Say(id: \"line-{i}\", by: \"kari\", text: {{\"nb\": \"Linje {i}\", \"en\": \"Line {i}\"}}, next: \"line-{}\"),\n",
            i + 1
        ));
    }
    beats.push_str(
        "Say(id: \"line-3000\", by: \"kari\", text: {\"nb\": \"Slutt\", \"en\": \"End\"}, next: \"end\"),\n",
    );
    let src = src.replacen("start: \"welcome\",", "start: \"line-0\",", 1).replacen(
        "End(id: \"end\"",
        &format!("{beats}End(id: \"end\""),
        1,
    );
    let path = repo().join("scenarios/huge.ron");
    let report = load_bytes(&path, src.as_bytes()).unwrap_err();
    // The shipped beats are now unreachable; that is all that is wrong.
    assert!(
        report.findings.iter().filter(|f| f.is_error()).all(|f| f.code == "unreachable-beat"),
        "{:#?}",
        report.findings.iter().map(|f| f.code).collect::<Vec<_>>()
    );
}

#[test]
fn many_top_level_fields_stay_quick() {
    // Each top-level field is read on its own once the file fails; a file
    // of a million fields must not be read a million times.
    let s = format!("Scenario({}", "a: [1.5], ".repeat(300_000));
    let started = std::time::Instant::now();
    assert_well_located(s.as_bytes());
    assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
}
