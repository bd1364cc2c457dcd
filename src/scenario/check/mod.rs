//! The checker: everything about a scenario that serde cannot see.
//!
//! References between parts (characters, seats, beats, feared outcomes),
//! the shape of the flow (reachable, always able to end, never spinning),
//! texts in every declared language, values in range and files that exist.
//! It reports all it finds in one go, as a compiler does.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use super::diagnostic::{FileReport, FindingSink};
use super::locate::{PathPart as P, SourceMap};
use super::model::*;
use super::text::Text;

mod cast;
mod flow;
mod levels;
mod outcomes;
mod ratings;
mod setting;
mod statements;

/// Checks a parsed scenario against its own source text.
pub fn check(file: &Path, source: &str, scenario: &Scenario) -> FileReport {
    let map = SourceMap::scan(source);
    let mut checker = Checker {
        scenario,
        map: &map,
        sink: FindingSink::new(file, source),
        base: file.parent().unwrap_or(Path::new(".")),
        source,
        languages: scenario.languages.iter().map(String::as_str).collect(),
        beat_ids: scenario.beats.iter().map(Beat::id).collect(),
    };
    checker.run();
    let findings = checker.sink.findings;
    FileReport { file: file.to_path_buf(), source: source.to_string(), findings }
}

/// Findings that one mistake repeats wherever it shows: a character, seat
/// or beat renamed where it is declared makes every reference to it
/// unknown, a wrong code in `languages` makes every text lack it. Each is
/// reported once, at its first place, naming the others.
const FOLDED: &[&str] = &[
    "unknown-character",
    "unknown-seat",
    "unknown-beat",
    "unknown-statement",
    "unknown-outcome",
    "missing-text",
    "undeclared-language",
];

/// How far from the centre any position may lie, metres, whatever the room.
const HALF_ROOM: f32 = 15.0;

fn f(name: &str) -> P {
    P::field(name)
}

fn at(path: &[P], more: &[P]) -> Vec<P> {
    let mut v = path.to_vec();
    v.extend_from_slice(more);
    v
}

struct Checker<'a> {
    scenario: &'a Scenario,
    map: &'a SourceMap,
    sink: FindingSink<'a>,
    base: &'a Path,
    source: &'a str,
    languages: Vec<&'a str>,
    /// Every beat id, for checking references in one lookup each.
    beat_ids: HashSet<&'a str>,
}

impl Checker<'_> {
    fn span(&self, path: &[P]) -> Range<usize> {
        self.map.span(path)
    }

    fn error(&mut self, code: &'static str, path: &[P], message: String, label: &str, hint: String) {
        let span = self.span(path);
        self.sink.error(code, span, message, label, hint);
    }

    fn warning(&mut self, code: &'static str, path: &[P], message: String, label: &str, hint: String) {
        let span = self.span(path);
        self.sink.warning(code, span, message, label, hint);
    }

    fn run(&mut self) {
        self.check_metadata();
        self.check_setting();
        self.check_cast();
        self.check_levels();
        self.check_room();
        self.check_ratings();
        self.check_progression();
        self.check_beats();
        self.check_flow();
        self.check_outcomes();
        self.check_statements();
        self.check_debrief();
        // Findings in file order read like a compiler's and make the
        // caret-by-caret output easy to follow.
        self.sink.findings.sort_by_key(|f| (f.span.start, f.code));
        self.sink.fold_repeats(FOLDED);
    }

    // ---------------------------------------------------------------- parts

    fn check_id(&mut self, path: &[P], id: &str, what: &str) {
        let ok = !id.is_empty()
            && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !ok {
            self.error(
                "bad-id",
                path,
                format!("{what} id \"{id}\" is not a plain id"),
                "use lower-case letters, digits and -",
                "ids are used in records and file names: write e.g. \"status-update\"".into(),
            );
        }
    }

    fn check_text(&mut self, path: &[P], text: &Text) {
        for lang in self.languages.clone() {
            match text.get(lang) {
                None => self.error(
                    "missing-text",
                    path,
                    format!("text for language \"{lang}\" is missing"),
                    &format!("no \"{lang}\" text here"),
                    format!("the scenario declares languages {:?}; add \"{lang}\": \"...\"", self.languages),
                ),
                Some(t) if t.trim().is_empty() => self.error(
                    "missing-text",
                    &at(path, &[P::Key(lang.into())]),
                    format!("text for language \"{lang}\" is empty"),
                    "empty text",
                    "write the text, or remove the beat if it is not needed".into(),
                ),
                Some(_) => {}
            }
        }
        for lang in text.languages() {
            if !self.languages.contains(&lang) {
                self.warning(
                    "undeclared-language",
                    &at(path, &[P::KeyName(lang.into())]),
                    format!("language \"{lang}\" is not declared in `languages`"),
                    "not declared",
                    format!("add \"{lang}\" to `languages`, or remove this text"),
                );
            }
        }
    }

    fn check_range(&mut self, path: &[P], value: f32, lo: f32, hi: f32, what: &str) {
        if !(lo..=hi).contains(&value) {
            self.error(
                "out-of-range",
                path,
                format!("{what} is {value}, but must be between {lo} and {hi}"),
                "out of range",
                format!("write a value from {lo} to {hi}"),
            );
        }
    }

    fn check_file(&mut self, path: &[P], relative: &str, what: &str) {
        let full = self.base.join(relative);
        if !full.is_file() {
            self.error(
                "missing-file",
                path,
                format!("{what} file \"{relative}\" does not exist"),
                "file not found",
                format!("paths are relative to the scenario's folder; looked for {}", full.display()),
            );
        }
    }

    fn check_unique<'s>(&mut self, code_what: &str, items: impl Iterator<Item = (Vec<P>, &'s str)>) {
        let mut seen: HashMap<&str, Vec<P>> = HashMap::new();
        for (path, id) in items {
            if let Some(first) = seen.get(id) {
                let (line, _) = super::diagnostic::line_column(self.source, self.span(first).start);
                self.error(
                    "duplicate-id",
                    &path,
                    format!("{code_what} id \"{id}\" is used twice"),
                    "second use",
                    format!("the first is on line {line}; give each {code_what} its own id"),
                );
            } else {
                seen.insert(id, path);
            }
        }
    }

    fn known<'x>(&self, what: &str, ids: impl Iterator<Item = &'x str>) -> String {
        let ids: Vec<_> = ids.map(|i| format!("\"{i}\"")).collect();
        if ids.is_empty() {
            format!("there are no {what} yet")
        } else {
            format!("known {what}: {}", ids.join(", "))
        }
    }

    /// Whether an error has been found: a broken flow (a wrong start, a
    /// beat cut off) would make every judgement of what a run can reach
    /// wrong, so those checks wait until the errors are mended.
    fn has_errors(&self) -> bool {
        self.sink.findings.iter().any(|f| f.is_error())
    }

    /// A `(lowest, highest)` range of the scenario's levels.
    fn check_level_range(&mut self, path: &[P], (lo, hi): (u8, u8)) {
        let level_count = self.scenario.levels.len();
        if lo == 0 || lo > hi || usize::from(hi) > level_count {
            self.error(
                "out-of-range",
                path,
                format!("levels ({lo}, {hi}) is not a range of this scenario's levels"),
                "bad level range",
                format!("write (lowest, highest) with 1 <= lowest <= highest <= {level_count}"),
            );
        }
    }

    fn unknown_beat(&mut self, path: &[P], id: &str) {
        let close = crate::nearest::closest(id, self.scenario.beats.iter().map(Beat::id));
        let hint = match close {
            Some(c) => format!("did you mean \"{c}\"?"),
            None => self.known("beats", self.scenario.beats.iter().map(Beat::id)),
        };
        self.error("unknown-beat", path, format!("no beat has the id \"{id}\""), "unknown beat", hint);
    }

    fn check_metadata(&mut self) {
        let s = self.scenario;
        self.check_id(&[f("id")], &s.id, "scenario");
        if s.languages.is_empty() {
            self.error(
                "no-languages",
                &[f("languages")],
                "no languages are declared".into(),
                "empty",
                "declare the languages every text is written in, e.g. [\"nb\", \"en\"]".into(),
            );
        }
        self.check_unique(
            "language",
            s.languages.iter().enumerate().map(|(i, l)| (vec![f("languages"), P::Index(i)], l.as_str())),
        );
        self.check_text(&[f("title")], &s.title);
        self.check_text(&[f("description")], &s.description);
        self.check_text(&[f("situation")], &s.situation);
        if !(1..=120).contains(&s.estimated_minutes) {
            self.error(
                "out-of-range",
                &[f("estimated_minutes")],
                format!("estimated_minutes is {}, but must be between 1 and 120", s.estimated_minutes),
                "out of range",
                "sessions last 15-30 minutes; one scenario run is usually 3-15".into(),
            );
        }
        self.check_range(&[f("recovery_seconds")], s.recovery_seconds, 15.0, 600.0, "recovery_seconds");
        let breathing = [f("breathing")];
        self.check_range(
            &at(&breathing, &[f("in_seconds")]),
            s.breathing.in_seconds,
            2.0,
            10.0,
            "in_seconds",
        );
        self.check_range(
            &at(&breathing, &[f("out_seconds")]),
            s.breathing.out_seconds,
            2.0,
            12.0,
            "out_seconds",
        );
        self.check_range(&at(&breathing, &[f("breaths")]), s.breathing.breaths as f32, 1.0, 30.0, "breaths");
        self.check_unique(
            "feared outcome",
            s.feared_outcomes
                .iter()
                .enumerate()
                .map(|(i, o)| (vec![f("feared_outcomes"), P::Index(i), f("id")], o.id.as_str())),
        );
        for (i, outcome) in s.feared_outcomes.iter().enumerate() {
            let path = [f("feared_outcomes"), P::Index(i)];
            self.check_id(&at(&path, &[f("id")]), &outcome.id, "feared outcome");
            self.check_text(&at(&path, &[f("text")]), &outcome.text);
            if let Some(review) = &outcome.review {
                self.check_text(&at(&path, &[f("review")]), review);
            }
        }
    }
}

/// `#rrggbb` to linear-free sRGB components 0..1.
pub fn parse_hex_colour(s: &str) -> Option<[f32; 3]> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok().map(|v| f32::from(v) / 255.0);
    Some([channel(0)?, channel(2)?, channel(4)?])
}
