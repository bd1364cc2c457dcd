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
        let text = std::fs::read_to_string(&script).unwrap();
        let (id, level, _, seed) = directive(&text, &script);
        let scenario =
            mestring::scenario::load_file(&repo().join(format!("scenarios/{id}.ron"))).unwrap().scenario;
        for lang in Lang::ALL {
            let transcript = data.path().join("t.transcript");
            let (path, level, seed) = (format!("scenarios/{id}.ron"), level.to_string(), seed.to_string());
            let mut args = vec![
                "play",
                &path,
                "--lang",
                lang.code(),
                "--level",
                &level,
                "--seed",
                &seed,
                "--script",
                script.to_str().unwrap(),
                "--transcript",
                transcript.to_str().unwrap(),
            ];
            if crate::golden::run_kind(&text) == mestring::session::RunKind::Modelling {
                args.push("--modelling");
            }
            let o = crate::mestring_on(data.path(), &args);
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

/// Files whose prose is not for the people the words files serve, and why.
const NOT_FOR_PEOPLE: &[(&str, &str)] = &[
    ("src/scenario/", "the checker's findings are for authors, in English (docs/words.md)"),
    ("src/cli/run.rs", "bench-frames tables and their errors are developer output"),
    ("src/app/bench", "the frame benches are developer output"),
    ("src/play/transcript.rs", "the transcript format, compared line by line with blessed files"),
    ("src/play/script.rs", "script keywords, which are the format's own words"),
    ("src/record/rows.rs", "what the record stores about an event, for analysis"),
    ("src/record/store/queries.rs", "the record's stored end reasons, matched as they were stored"),
    ("src/record/journal.rs", "why a journal line cannot be read, inside a worded error"),
    ("src/sound/wav.rs", "why a WAV file cannot be read, inside a worded error"),
    ("src/sound/recorded.rs", "why a recording cannot be used, inside a worded error"),
    ("src/app/testing.rs", "the headless harness, used only by tests"),
    ("src/words/", "the words machinery's own diagnostics, for developers"),
    (
        "src/app/headset.rs",
        "what OpenXR said, for the log; the reason a clinician reads is NoHeadset's words",
    ),
    ("src/cli/args.rs", "clap's help and its value errors, which clap words in English (docs/words.md)"),
    ("src/debrief/chart.rs", "a chart fault's detail, a program fault inside a worded error"),
    ("src/debrief/html.rs", "a template fault's detail, a program fault inside a worded error"),
    (
        "src/private_files.rs",
        "an I/O error's reason, English like the system's own ones inside a worded error",
    ),
    ("src/record/store/import.rs", "what the record keeps about a damaged journal line, for analysis"),
];

/// Calls whose strings go to the log or to a developer, never to a
/// participant or clinician's screen.
const FOR_THE_LOG: &[&str] = &[
    "info!",
    "warn!",
    "error!",
    "debug!",
    "trace!",
    "panic!",
    "unreachable!",
    "assert!",
    "assert_eq!",
    "assert_ne!",
    "debug_assert!",
    "debug_assert_eq!",
    "expect",
    "include_str!",
    "concat!",
    "todo!",
];

/// The string literals in `code`, with the byte offset each starts at.
/// Comments are skipped; raw strings are read as written.
fn literals(code: &str) -> Vec<(usize, String)> {
    let b = code.as_bytes();
    let (mut i, mut out) = (0, Vec::new());
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'\''
                if b.get(i + 2) == Some(&b'\'')
                    || (b.get(i + 1) == Some(&b'\\') && b.get(i + 3) == Some(&b'\'')) =>
            {
                i += if b[i + 1] == b'\\' { 4 } else { 3 };
            }
            b'r' if b.get(i + 1).is_some_and(|c| *c == b'"' || *c == b'#')
                && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) =>
            {
                let hashes = b[i + 1..].iter().take_while(|c| **c == b'#').count();
                let start = i + 2 + hashes;
                let close = format!("\"{}", "#".repeat(hashes));
                let end = code[start..].find(&close).map_or(b.len(), |e| start + e);
                out.push((i, code[start..end].to_string()));
                i = end + close.len();
            }
            b'"' => {
                let start = i + 1;
                i = start;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                out.push((start - 1, code[start..i.min(b.len())].to_string()));
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// The names of the calls a literal at `at` sits inside, innermost first,
/// up to the start of its statement; and whether it is in an attribute.
fn callers(code: &str, at: usize) -> (Vec<String>, bool) {
    let b = code.as_bytes();
    let (mut depth, mut names) = (0i32, Vec::new());
    let mut i = at;
    while i > 0 {
        i -= 1;
        match b[i] {
            b')' | b']' => depth += 1,
            b'(' | b'[' if depth > 0 => depth -= 1,
            b'[' if i > 0 && b[i - 1] == b'#' => return (names, true),
            b'(' => {
                let end = i;
                let mut s = i;
                while s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'_' || b[s - 1] == b'!') {
                    s -= 1;
                }
                names.push(code[s..end].to_string());
            }
            b';' | b'{' | b'}' if depth == 0 => break,
            _ => {}
        }
    }
    (names, false)
}

/// Whether a literal reads as a sentence or phrase for a person: two words
/// or more, the first of at least three letters.
fn is_prose(s: &str) -> bool {
    let words: Vec<&str> = s.split([' ', ',', '.', ':', ';']).filter(|w| !w.is_empty()).collect();
    let letters = |w: &str| w.chars().all(char::is_alphabetic) && w.chars().count() >= 2;
    s.contains(' ')
        && words.len() >= 2
        && words.iter().filter(|w| letters(w)).count() >= 2
        && words.iter().find(|w| letters(w)).is_some_and(|w| w.chars().count() >= 3)
        && !["SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "PRAGMA"]
            .iter()
            .any(|k| s.trim_start().starts_with(k))
}

#[test]
fn no_words_for_people_are_written_in_the_code() {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("tests.rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(&repo().join("src"), &mut files);
    files.sort();
    let mut found = Vec::new();
    for path in files {
        let name = path.strip_prefix(repo()).unwrap().display().to_string();
        if NOT_FOR_PEOPLE.iter().any(|(prefix, _)| name.starts_with(prefix)) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // A module's own tests come last; what they print is for developers.
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
        for (at, literal) in literals(code) {
            if !is_prose(&literal) {
                continue;
            }
            let (names, in_attribute) = callers(code, at);
            if in_attribute || names.iter().any(|n| FOR_THE_LOG.contains(&n.as_str())) {
                continue;
            }
            let line = code[..at].matches('\n').count() + 1;
            found.push(format!("{name}:{line}: \"{literal}\" in {names:?}"));
        }
    }
    assert!(found.is_empty(), "words for people outside assets/locales:\n{}", found.join("\n"));
}

/// The text a browser shows of an HTML page: tags dropped, a line per
/// block, the few entities the templates write decoded.
fn page_text(html: &str) -> Vec<String> {
    let body = html.split("<body").nth(1).unwrap_or(html);
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push('\n');
            }
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
}

#[test]
fn the_debrief_reports_speak_one_language() {
    let data = tempfile::tempdir().unwrap();
    let on = |args: &[&str]| crate::mestring_on(data.path(), args);
    assert!(on(&["participants", "add", "P017"]).status.success());
    let script = repo().join("tests/golden/team-meeting-clinician.script");
    let t = data.path().join("run.transcript");
    let o = on(&[
        "play",
        "team-meeting",
        "--participant",
        "P017",
        "--quiet",
        "--level",
        "2",
        "--seed",
        "3",
        "--script",
        script.to_str().unwrap(),
        "--transcript",
        t.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", crate::stderr_of(&o));
    let store = mestring::record::Store::open(data.path()).unwrap();
    let id = store.sessions(Some("P017")).unwrap()[0].id.clone();
    let scenario = store.scenario_of(&id).unwrap();
    for lang in Lang::ALL {
        for html in [
            mestring::debrief::session_html(&store, &id, Some(lang)).unwrap(),
            mestring::debrief::programme_html(&store, "P017", Some(lang)).unwrap(),
        ] {
            let shown = page_text(&html);
            assert!(shown.len() > 30, "{shown:?}");
            let found = foreign_in(&shown, &scenario, lang, &marker_notes(&script));
            assert!(found.is_empty(), "the report in {}: {found:?}", lang.code());
        }
    }
}
