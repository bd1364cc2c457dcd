//! One language on the screen: a whole run in bokmål shows none of the
//! program's English words, and a run in English none of its Norwegian
//! ones. "Program words" are those of the `.ftl` files that the other
//! language's files never use; words the scenario's own texts in the
//! screen's language use are the author's, and left out.

use std::collections::BTreeSet;

use mestring::scenario::Scenario;
use mestring::words::{Lang, foreign_words, words_in};

use crate::golden::{directive, scripts};
use crate::repo;

/// The words of every text the author wrote in `lang`.
fn scenario_words(scenario: &Scenario, lang: Lang) -> BTreeSet<String> {
    fn walk(v: &serde_json::Value, lang: &str, into: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    match v {
                        serde_json::Value::String(s) if k == lang => into.extend(words_in(s)),
                        _ => walk(v, lang, into),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, lang, into)),
            _ => {}
        }
    }
    let mut words = BTreeSet::new();
    walk(&serde_json::to_value(scenario).unwrap(), lang.code(), &mut words);
    // Names of people and places are the author's in every language.
    for c in &scenario.cast {
        words.extend(words_in(&c.name));
    }
    words
}

/// The program's words of the other language in `shown`, with the line
/// each came in. `typed` is what people typed in the run (a clinician's
/// marker notes): theirs, in whatever language they wrote.
pub(crate) fn foreign_in(
    shown: &[String],
    scenario: &Scenario,
    lang: Lang,
    typed: &str,
) -> Vec<(String, String)> {
    let mut own = scenario_words(scenario, lang);
    own.extend(words_in(typed));
    let foreign: BTreeSet<String> = foreign_words(lang).into_iter().filter(|w| !own.contains(w)).collect();
    let mut found = Vec::new();
    for line in shown {
        for w in words_in(line) {
            if foreign.contains(&w) {
                found.push((w, line.clone()));
            }
        }
    }
    found
}

/// The notes of a script's `marker` lines.
fn marker_notes(script: &std::path::Path) -> String {
    let text = std::fs::read_to_string(script).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.find("marker ").map(|i| &l[i + 7..]))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_terminal_player_speaks_one_language_through_every_golden_script() {
    let data = tempfile::tempdir().unwrap();
    for script in scripts() {
        let (id, level, _, seed) = directive(&std::fs::read_to_string(&script).unwrap(), &script);
        let scenario =
            mestring::scenario::load_file(&repo().join(format!("scenarios/{id}.ron"))).unwrap().scenario;
        for lang in Lang::ALL {
            let transcript = data.path().join("t.transcript");
            let o = crate::mestring_on(
                data.path(),
                &[
                    "play",
                    &format!("scenarios/{id}.ron"),
                    "--lang",
                    lang.code(),
                    "--level",
                    &level.to_string(),
                    "--seed",
                    &seed.to_string(),
                    "--script",
                    script.to_str().unwrap(),
                    "--transcript",
                    transcript.to_str().unwrap(),
                ],
            );
            assert!(o.status.success(), "{}: {}", script.display(), crate::stderr_of(&o));
            let shown: Vec<String> = String::from_utf8_lossy(&o.stdout).lines().map(String::from).collect();
            assert!(shown.len() > 10, "{} printed almost nothing", script.display());
            let found = foreign_in(&shown, &scenario, lang, &marker_notes(&script));
            assert!(found.is_empty(), "{} in {}: {found:?}", script.display(), lang.code());
        }
    }
}

#[test]
fn a_norwegian_screen_would_be_caught_showing_an_english_word() {
    // The check itself can fail: an English program line on a Norwegian
    // screen is found, the author's own words are not.
    let scenario = crate::shipped().into_iter().find(|(id, _)| id == "team-meeting").unwrap().1;
    let shown = vec!["Hvor mye ubehag kjenner du akkurat nå?".to_string(), "Paused".to_string()];
    let found = foreign_in(&shown, &scenario, Lang::Nb, "");
    assert_eq!(found, vec![("paused".to_string(), "Paused".to_string())]);
}

/// A whole run on the headless shell, every frame's panel texts gathered:
/// the prompts, the answer buttons, the answer clock, the status bar, the
/// pause card.
#[cfg(feature = "shell")]
#[test]
fn the_participants_panels_speak_one_language_through_a_whole_run() {
    use mestring::app::testing::Harness;

    for (id, script) in [
        ("team-meeting", "team-meeting-clinician.script"),
        ("return-to-work-manager", "return-to-work-manager-diagnosis-pressed.script"),
    ] {
        let path = repo().join("tests/golden").join(script);
        let text = std::fs::read_to_string(&path).unwrap();
        let (_, level, _, seed) = directive(&text, &path);
        let loaded = mestring::scenario::load_file(&repo().join(format!("scenarios/{id}.ron"))).unwrap();
        for lang in Lang::ALL {
            let mut options = crate::shell::options(level, &text);
            options.lang = lang.code().into();
            options.seed = seed;
            let mut h = Harness::new(loaded.clone(), options).unwrap();
            let mut shown = BTreeSet::new();
            let ended = h.run_until(1800.0, |h| {
                shown.extend(h.panel_texts());
                h.view().ended.is_some()
            });
            assert!(ended, "{script} in {} never ended", lang.code());
            h.run_for(1.0);
            shown.extend(h.panel_texts());
            let shown: Vec<String> = shown.into_iter().filter(|t| !t.trim().is_empty()).collect();
            assert!(shown.len() > 10, "{script}: only {shown:?}");
            let found = foreign_in(&shown, &loaded.scenario, lang, &marker_notes(&path));
            assert!(found.is_empty(), "{script} in {}: {found:?}", lang.code());
        }
    }
}
