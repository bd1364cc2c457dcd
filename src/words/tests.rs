//! The words files hold together: every file parses, both languages have
//! the same messages with the same variables, the code asks only for
//! messages that exist, and no message lies unused.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::*;

/// Each message's id and the variables it uses, per file; a file that
/// does not read, a message with attributes or one given twice fails.
fn messages(source: &Source) -> BTreeMap<String, BTreeSet<String>> {
    let (all, problems) = super::messages(source);
    assert!(problems.is_empty(), "{} does not parse: {problems:?}", source.name);
    let mut out = BTreeMap::new();
    for m in all {
        assert!(m.attributes == 0, "{}: {} has attributes; the code never asks for them", source.name, m.id);
        let vars = m.variables.iter().map(|v| v.to_string()).collect();
        assert!(out.insert(m.id.to_string(), vars).is_none(), "{}: {} twice", source.name, m.id);
    }
    out
}

fn all_messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for source in sources(lang) {
        for (id, vars) in messages(source) {
            assert!(all.insert(id.clone(), vars).is_none(), "{id} is in two files of {}", lang.code());
        }
    }
    all
}

#[test]
fn both_languages_have_the_same_files_messages_and_variables() {
    let (nb, en) = (sources(Lang::Nb), sources(Lang::En));
    let names = |s: &[Source]| {
        s.iter().map(|s| s.name.rsplit('/').next().unwrap_or("").to_string()).collect::<Vec<_>>()
    };
    assert_eq!(names(nb), names(en));
    for (n, e) in nb.iter().zip(en) {
        let (n_msgs, e_msgs) = (messages(n), messages(e));
        let only_nb: Vec<_> = n_msgs.keys().filter(|k| !e_msgs.contains_key(*k)).collect();
        let only_en: Vec<_> = e_msgs.keys().filter(|k| !n_msgs.contains_key(*k)).collect();
        assert!(
            only_nb.is_empty() && only_en.is_empty(),
            "{}: only in nb {only_nb:?}, only in en {only_en:?}",
            n.name
        );
        for (id, vars) in &n_msgs {
            assert_eq!(vars, &e_msgs[id], "{id}: the variables differ between {} and {}", n.name, e.name);
        }
    }
}

/// Every `.rs` file under `src/` and every template, with its path.
fn code() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> =
            std::fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                out.push((path.display().to_string(), text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

/// The ids the code asks for with `w!`, where it asks.
fn asked_for(code: &[(String, String)]) -> Vec<(String, String)> {
    let mut ids = Vec::new();
    for (path, text) in code {
        let mut rest = text.as_str();
        while let Some(at) = rest.find("w!(") {
            rest = &rest[at + 3..];
            // The id is the first string literal after the language.
            let Some(open) = rest.find('"') else { break };
            let after = &rest[open + 1..];
            let Some(close) = after.find('"') else { break };
            ids.push((path.clone(), after[..close].to_string()));
        }
    }
    ids
}

#[test]
fn the_code_asks_only_for_messages_that_exist() {
    let code = code();
    let known = all_messages(Lang::En);
    let missing: Vec<_> = asked_for(&code)
        .into_iter()
        // This file's own examples, and the macro's own definition.
        .filter(|(path, id)| {
            !path.ends_with("words/mod.rs") && !path.ends_with("words/tests.rs") && !known.contains_key(id)
        })
        .collect();
    assert!(missing.is_empty(), "asked for but not in the .ftl files: {missing:?}");
}

#[test]
fn every_message_is_used_somewhere() {
    let code = code();
    let asked: BTreeSet<String> = asked_for(&code).into_iter().map(|(_, id)| id).collect();
    let unused: Vec<_> = all_messages(Lang::En)
        .into_keys()
        .filter(|id| !asked.contains(id) && !used_elsewhere(id, &code))
        .collect();
    assert!(unused.is_empty(), "in the .ftl files but never asked for: {unused:?}");
}

/// Messages asked for by a name the code builds: the debrief templates
/// read `words.session_title` for `debrief-session-title`.
fn used_elsewhere(id: &str, code: &[(String, String)]) -> bool {
    id.strip_prefix("debrief-").is_some_and(|rest| {
        let field = format!("words.{}", rest.replace('-', "_"));
        code.iter().any(|(path, text)| path.ends_with(".html") && text.contains(&field))
    })
}

#[test]
fn every_file_parses_in_the_bundle_too() {
    for lang in Lang::ALL {
        for source in sources(lang) {
            assert!(FluentResource::try_new(source.text.to_string()).is_ok(), "{}", source.name);
        }
    }
}

#[test]
fn variables_and_plurals_are_filled_in_per_language() {
    assert_eq!(w!(Lang::En, "proposal-step-up", to = 3), "step up to level 3");
    assert_eq!(w!(Lang::Nb, "proposal-step-up", to = 3), "gå opp til nivå 3");
    // No isolation marks around variables: they would show as boxes.
    assert!(!w!(Lang::Nb, "proposal-stay", level = 2).contains('\u{2068}'));
}

#[test]
fn a_missing_message_shows_its_id_instead_of_failing() {
    assert_eq!(say(Lang::Nb, "no-such-message", &[]), "[no-such-message]");
}

#[test]
fn language_codes_map_to_bokmal_or_english() {
    for code in ["nb", "nn", "no", "NB", "nb-NO", "nb_NO.UTF-8"] {
        assert_eq!(Lang::of(code), Lang::Nb, "{code}");
    }
    for code in ["en", "de", "", "C.UTF-8", "sv"] {
        assert_eq!(Lang::of(code), Lang::En, "{code}");
    }
}

#[test]
fn every_word_a_debrief_template_reads_exists() {
    // minijinja shows an unknown key as nothing, so a misspelt one would
    // leave a blank heading rather than fail.
    let known = all_messages(Lang::En);
    let mut missing = Vec::new();
    for (path, text) in code().iter().filter(|(p, _)| p.ends_with(".html")) {
        for (at, _) in text.match_indices("words.") {
            let key: String =
                text[at + 6..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            let id = format!("debrief-{}", key.replace('_', "-"));
            if !known.contains_key(&id) {
                missing.push(format!("{path}: words.{key}"));
            }
        }
    }
    assert!(missing.is_empty(), "templates read words that do not exist: {missing:?}");
}
