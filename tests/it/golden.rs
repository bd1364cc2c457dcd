//! Golden playthroughs: each script under tests/golden is played and its
//! transcript compared with the blessed one beside it. A behaviour change
//! shows as the first differing line. To bless intended changes, run
//! `cargo xtask bless`.

use std::path::Path;

use mestring::play::script;
use mestring::play::{Transcript, first_difference, run_script};
use mestring::session::{RunKind, Session};

use crate::{repo, shipped};

/// The `#! scenario ID level N lang L seed S` line a golden script starts with.
pub fn directive(text: &str, path: &Path) -> (String, u8, String, u64) {
    let line = text
        .lines()
        .find(|l| l.starts_with("#!"))
        .unwrap_or_else(|| panic!("{} lacks #! line", path.display()));
    let words: Vec<&str> = line.trim_start_matches("#!").split_whitespace().collect();
    let get = |key: &str| {
        let i =
            words.iter().position(|w| *w == key).unwrap_or_else(|| panic!("{}: no {key}", path.display()));
        words[i + 1].to_string()
    };
    (get("scenario"), get("level").parse().unwrap(), get("lang"), get("seed").parse().unwrap())
}

/// The kind of run a golden script plays: a modelling run where its `#!`
/// line ends with `modelling`, else practice.
pub fn run_kind(text: &str) -> RunKind {
    let line = text.lines().find(|l| l.starts_with("#!")).unwrap_or_default();
    if line.split_whitespace().any(|w| w == "modelling") { RunKind::Modelling } else { RunKind::Practice }
}

pub fn play_golden(script_path: &Path) -> String {
    let text = std::fs::read_to_string(script_path).unwrap();
    let (id, level, lang, seed) = directive(&text, script_path);
    let scenario =
        shipped().into_iter().find(|(i, _)| *i == id).unwrap_or_else(|| panic!("no scenario {id}")).1;
    let steps = script::parse(&text).unwrap();
    let (scenario, mut session) = Session::of_kind(&scenario, level, seed, run_kind(&text)).unwrap();
    let mut transcript = Transcript::new(&scenario, level, seed, &lang);
    run_script(&mut session, &steps, &mut transcript);
    transcript.text()
}

/// Every golden script, in name order.
pub fn scripts() -> Vec<std::path::PathBuf> {
    let mut scripts: Vec<_> = std::fs::read_dir(repo().join("tests/golden"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "script"))
        .collect();
    scripts.sort();
    scripts
}

#[test]
fn golden_transcripts_match() {
    let scripts = scripts();
    assert!(!scripts.is_empty());
    let bless = std::env::var_os("MESTRING_BLESS").is_some();
    let mut failures = Vec::new();
    let mut covered = std::collections::BTreeSet::new();
    for script in &scripts {
        let actual = play_golden(script);
        covered.insert(actual.lines().nth(1).unwrap().split_whitespace().nth(2).unwrap().to_string());
        let blessed = script.with_extension("transcript");
        if bless {
            std::fs::write(&blessed, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&blessed).unwrap_or_else(|_| {
            panic!("{} has no blessed transcript; run cargo xtask bless", script.display())
        });
        if let Some((line, want, got)) = first_difference(&expected, &actual) {
            failures.push(format!("{}:{line}\n  expected: {want}\n  actual:   {got}", blessed.display()));
        }
        // Every golden run must reach the scenario's end, not run out.
        assert!(
            actual.contains("< ended completed") || actual.contains("< ended stopped by participant"),
            "{} does not end the session cleanly",
            script.display()
        );
    }
    assert!(failures.is_empty(), "transcripts differ:\n{}", failures.join("\n"));
    for (id, _) in shipped() {
        assert!(covered.contains(&id), "scenario {id} has no golden playthrough");
    }
}
