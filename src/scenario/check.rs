//! The checker: everything about a scenario that serde cannot see.
//!
//! References between parts (characters, seats, beats, feared outcomes),
//! the shape of the flow (reachable, always able to end, never spinning),
//! texts in every declared language, values in range and files that exist.
//! It reports all it finds in one go, as a compiler does.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use super::diagnostic::{FileReport, FindingSink};
use super::locate::{PathPart as P, SourceMap};
use super::model::*;
use super::text::Text;
use crate::room::{self, Point};

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
        self.check_debrief();
        // Findings in file order read like a compiler's and make the
        // caret-by-caret output easy to follow.
        self.sink.findings.sort_by_key(|f| (f.span.start, f.code));
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
        }
    }

    fn check_setting(&mut self) {
        let setting = &self.scenario.setting;
        let base = [f("setting")];
        self.check_unique(
            "seat",
            setting
                .seats
                .iter()
                .enumerate()
                .map(|(i, s)| (vec![f("setting"), f("seats"), P::Index(i), f("id")], s.id.as_str())),
        );
        if !setting.seats.iter().any(|s| s.id == setting.participant_seat) {
            self.error(
                "unknown-seat",
                &at(&base, &[f("participant_seat")]),
                format!("participant_seat \"{}\" is not one of the seats", setting.participant_seat),
                "unknown seat",
                self.known("seats", setting.seats.iter().map(|s| s.id.as_str())),
            );
        }
        for (i, seat) in setting.seats.iter().enumerate() {
            let path = at(&base, &[f("seats"), P::Index(i)]);
            self.check_id(&at(&path, &[f("id")]), &seat.id, "seat");
            self.check_floor_point(&at(&path, &[f("at")]), seat.at);
            self.check_range(&at(&path, &[f("facing")]), seat.facing, -360.0, 360.0, "facing");
        }
        for (i, prop) in setting.props.iter().enumerate() {
            let path = at(&base, &[f("props"), P::Index(i)]);
            self.check_floor_point(&at(&path, &[f("at")]), prop.at);
            self.check_range(&at(&path, &[f("facing")]), prop.facing, -360.0, 360.0, "facing");
            if let Some(model) = &prop.model {
                self.check_file(&at(&path, &[f("model")]), model, "model");
            }
        }
        if let Some(model) = &setting.model {
            self.check_file(&at(&base, &[f("model")]), model, "model");
        }
        for (cue, file) in &setting.sounds {
            let key = format!("{cue:?}");
            if *cue == StressCue::SilentStare {
                self.error(
                    "silent-cue-sound",
                    &at(&base, &[f("sounds"), P::KeyName(key)]),
                    "SilentStare is a silence: it has no sound to replace".into(),
                    "a silence",
                    "remove this line; the silence is everyone stopping to look at the participant".into(),
                );
                continue;
            }
            let path = at(&base, &[f("sounds"), P::Key(key)]);
            self.check_file(&path, file, "sound");
            // Reading the header is enough to know the format; the run
            // decodes the whole file once it starts.
            let full = self.base.join(file);
            if let Some(why) = full.is_file().then(|| crate::sound::recorded::unreadable(&full)).flatten() {
                self.error(
                    "unreadable-sound",
                    &path,
                    format!("sound file \"{file}\" cannot be used: {why}"),
                    "not a usable sound",
                    "export the recording as a .wav or .ogg file, a few seconds long".into(),
                );
            }
        }
    }

    fn check_floor_point(&mut self, path: &[P], point: FloorPoint) {
        if !(point.0.abs() <= HALF_ROOM && point.1.abs() <= HALF_ROOM) {
            self.error(
                "out-of-range",
                path,
                format!("position ({}, {}) is outside the room", point.0, point.1),
                "too far from the centre",
                format!("positions are metres from the room's centre, within ±{HALF_ROOM}"),
            );
        }
    }

    /// Seats the room cannot hold, and seats in use that nobody can walk
    /// to. The stage walks people in from the door on the same walking
    /// grid (`room::way_in`), so what passes here is what the shell walks.
    fn check_room(&mut self) {
        let s = self.scenario;
        let kind = s.setting.room;
        let half = room::half_size(kind);
        for (i, seat) in s.setting.seats.iter().enumerate() {
            let path = [f("setting"), f("seats"), P::Index(i), f("at")];
            let p = Point::from(seat.at);
            // Beyond ±HALF_ROOM is already out of range; NaN fails both.
            if !(p.x.abs() <= HALF_ROOM && p.z.abs() <= HALF_ROOM) {
                continue;
            }
            if !room::within_walls(kind, p) {
                let beyond = !(p.x.abs() <= half.x && p.z.abs() <= half.z);
                let (w, d) = room::room_size(kind);
                let (message, label) = if beyond {
                    (
                        format!("seat \"{}\" at {p} is outside the {kind:?}, which is {w} by {d} m", seat.id),
                        "outside the room",
                    )
                } else {
                    (
                        format!(
                            "seat \"{}\" at {p} is against the {kind:?}'s wall, where nobody fits",
                            seat.id
                        ),
                        "against the wall",
                    )
                };
                let (x, z) = (half.x - room::WALL_GAP, half.z - room::WALL_GAP);
                let hint = format!(
                    "keep x within ±{x} and z within ±{z}: the walls of a {kind:?} stand at x ±{} and z ±{}, and a person needs {} m from them",
                    half.x,
                    half.z,
                    room::WALL_GAP
                );
                self.error("seat-outside-room", &path, message, label, hint);
                continue;
            }
            if seat.id == s.setting.participant_seat {
                continue;
            }
            // Someone present at a level may walk in at a level change; a
            // seat nobody takes at any level is never walked to.
            let names: Vec<&str> = s
                .cast
                .iter()
                .filter(|c| c.seat == seat.id && s.levels.iter().any(|l| l.present.contains(&c.id)))
                .map(|c| c.name.as_str())
                .collect();
            if !names.is_empty() && room::way_in(&s.setting, i).is_none() {
                let gap = 2.0 * room::CLEARANCE;
                self.error(
                    "seat-unreachable",
                    &path,
                    format!(
                        "nobody can walk from the door to seat \"{}\", where {} sits: furniture or chairs wall it in",
                        seat.id,
                        names.join(" and ")
                    ),
                    "walled in",
                    format!(
                        "people walk in round the furniture and chairs, keeping {} m clear of them; leave a gap about {gap:.2} m wide, or move the seat",
                        room::CLEARANCE
                    ),
                );
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

    fn character_ids(&self) -> impl Iterator<Item = &str> {
        self.scenario.cast.iter().map(|c| c.id.as_str())
    }

    fn check_character_ref(&mut self, path: &[P], id: &str) -> bool {
        if self.scenario.cast.iter().any(|c| c.id == id) {
            return true;
        }
        let hint = self.known("characters", self.character_ids());
        self.error(
            "unknown-character",
            path,
            format!("no character has the id \"{id}\""),
            "unknown character",
            hint,
        );
        false
    }

    fn check_cast(&mut self) {
        let s = self.scenario;
        if s.cast.is_empty() {
            self.error(
                "no-cast",
                &[f("cast")],
                "the cast is empty".into(),
                "nobody here",
                "add at least one Character(...) for the participant to meet".into(),
            );
        }
        self.check_unique(
            "character",
            s.cast.iter().enumerate().map(|(i, c)| (vec![f("cast"), P::Index(i), f("id")], c.id.as_str())),
        );
        let mut seat_taken: HashMap<&str, &str> = HashMap::new();
        for (i, c) in s.cast.iter().enumerate() {
            let path = [f("cast"), P::Index(i)];
            self.check_id(&at(&path, &[f("id")]), &c.id, "character");
            if c.name.trim().is_empty() {
                self.error(
                    "missing-text",
                    &at(&path, &[f("name")]),
                    "character name is empty".into(),
                    "empty",
                    "give the character a first name the participant can use".into(),
                );
            }
            if !s.setting.seats.iter().any(|seat| seat.id == c.seat) {
                let hint = self.known("seats", s.setting.seats.iter().map(|s| s.id.as_str()));
                self.error(
                    "unknown-seat",
                    &at(&path, &[f("seat")]),
                    format!("{} sits in seat \"{}\", which the setting does not have", c.name, c.seat),
                    "unknown seat",
                    hint,
                );
            } else if c.seat == s.setting.participant_seat {
                self.error(
                    "seat-taken",
                    &at(&path, &[f("seat")]),
                    format!("{} sits in the participant's seat", c.name),
                    "the participant sits here",
                    "give the character another seat".into(),
                );
            } else if let Some(other) = seat_taken.insert(c.seat.as_str(), c.name.as_str()) {
                self.error(
                    "seat-taken",
                    &at(&path, &[f("seat")]),
                    format!("{} and {other} both sit in seat \"{}\"", c.name, c.seat),
                    "already taken",
                    "give each character a seat of their own".into(),
                );
            }
            self.check_range(&at(&path, &[f("voice"), f("pitch")]), c.voice.pitch, 0.5, 2.0, "voice pitch");
            self.check_range(&at(&path, &[f("voice"), f("rate")]), c.voice.rate, 0.5, 2.0, "voice rate");
            for (field, value) in
                [("skin", &c.look.skin), ("hair", &c.look.hair), ("clothing", &c.look.clothing)]
            {
                if parse_hex_colour(value).is_none() {
                    self.error(
                        "bad-colour",
                        &at(&path, &[f("look"), f(field)]),
                        format!("\"{value}\" is not a colour"),
                        "not #rrggbb",
                        "write colours as \"#rrggbb\", e.g. \"#3355aa\"".into(),
                    );
                }
            }
            self.check_range(&at(&path, &[f("behaviour"), f("gaze")]), c.behaviour.gaze, 0.0, 1.0, "gaze");
            if let Some(model) = &c.model {
                self.check_file(&at(&path, &[f("model")]), model, "model");
            }
        }
    }

    fn check_levels(&mut self) {
        let s = self.scenario;
        if s.levels.len() < 3 {
            self.error(
                "too-few-levels",
                &[f("levels")],
                format!("the scenario has {} level(s); graded exposure needs at least 3", s.levels.len()),
                "too few levels",
                "add levels that step up who is there, their attitude, noise and time pressure".into(),
            );
        }
        for (i, level) in s.levels.iter().enumerate() {
            let path = [f("levels"), P::Index(i)];
            let expected = i + 1;
            if usize::from(level.level) != expected {
                self.error(
                    "level-order",
                    &at(&path, &[f("level")]),
                    format!("level {} is listed as number {expected}", level.level),
                    "out of order",
                    "number levels 1, 2, 3, ... in the order they are listed, gentlest first".into(),
                );
            }
            self.check_text(&at(&path, &[f("summary")]), &level.summary);
            if level.present.is_empty() {
                self.error(
                    "nobody-present",
                    &at(&path, &[f("present")]),
                    format!("nobody is present at level {}", level.level),
                    "empty",
                    "list the ids of the characters in the room at this level".into(),
                );
            }
            let mut seen = HashSet::new();
            for (j, id) in level.present.iter().enumerate() {
                let p = at(&path, &[f("present"), P::Index(j)]);
                if self.check_character_ref(&p, id) && !seen.insert(id.as_str()) {
                    self.error(
                        "duplicate-id",
                        &p,
                        format!("\"{id}\" is listed twice as present"),
                        "listed twice",
                        "list each character once".into(),
                    );
                }
            }
            for (id, change) in &level.behaviour {
                let key_path = at(&path, &[f("behaviour"), P::KeyName(id.clone())]);
                if self.check_character_ref(&key_path, id) && !level.present.contains(id) {
                    self.warning(
                        "absent-behaviour",
                        &key_path,
                        format!(
                            "level {} changes how \"{id}\" behaves, but they are not present",
                            level.level
                        ),
                        "not present at this level",
                        "add them to `present`, or remove this change".into(),
                    );
                }
                if let Some(gaze) = change.gaze {
                    self.check_range(
                        &at(&path, &[f("behaviour"), P::Key(id.clone()), f("gaze")]),
                        gaze,
                        0.0,
                        1.0,
                        "gaze",
                    );
                }
            }
            self.check_range(&at(&path, &[f("noise")]), level.noise, 0.0, 1.0, "noise");
            self.check_range(&at(&path, &[f("crowding")]), level.crowding, 0.0, 1.0, "crowding");
            if let Some(secs) = level.answer_seconds {
                self.check_range(&at(&path, &[f("answer_seconds")]), secs, 2.0, 600.0, "answer_seconds");
            }
            for (j, rule) in level.cues.iter().enumerate() {
                let p = at(&path, &[f("cues"), P::Index(j)]);
                self.check_range(&at(&p, &[f("per_minute")]), rule.per_minute, 0.0, 30.0, "per_minute");
                self.check_range(&at(&p, &[f("intensity")]), rule.intensity, 0.0, 1.0, "intensity");
                if let Some(by) = &rule.by
                    && self.check_character_ref(&at(&p, &[f("by")]), by)
                    && !level.present.contains(by)
                {
                    self.error(
                        "absent-character",
                        &at(&p, &[f("by")]),
                        format!("\"{by}\" makes this cue but is not present at level {}", level.level),
                        "not present",
                        "add them to this level's `present`, or leave `by` out".into(),
                    );
                }
            }
        }
    }

    fn check_ratings(&mut self) {
        let ratings = &self.scenario.ratings;
        self.check_unique(
            "self-efficacy statement",
            ratings
                .self_efficacy
                .iter()
                .enumerate()
                .map(|(i, s)| (vec![f("ratings"), f("self_efficacy"), P::Index(i), f("id")], s.id.as_str())),
        );
        for (i, statement) in ratings.self_efficacy.iter().enumerate() {
            let path = [f("ratings"), f("self_efficacy"), P::Index(i)];
            self.check_id(&at(&path, &[f("id")]), &statement.id, "self-efficacy statement");
            self.check_text(&at(&path, &[f("can")]), &statement.can);
        }
        for (i, ask) in ratings.schedule.iter().enumerate() {
            let path = [f("ratings"), f("schedule"), P::Index(i)];
            self.check_rating_kind(&at(&path, &[f("rating")]), &ask.rating);
            match &ask.when {
                RatingWhen::Every(minutes) => {
                    self.check_range(&at(&path, &[f("when")]), *minutes, 0.5, 60.0, "minutes between ratings")
                }
                RatingWhen::AfterBeat(beat) => {
                    if !self.beat_ids.contains(beat.as_str()) {
                        self.unknown_beat(&at(&path, &[f("when")]), beat);
                    }
                }
                RatingWhen::AtStart | RatingWhen::AtEnd => {}
            }
        }
    }

    /// The progression policy: values on the rating scales, thresholds that
    /// cannot both hold, and ratings the policy needs but nobody asks.
    fn check_progression(&mut self) {
        let s = self.scenario;
        let up = [f("progression"), f("step_up")];
        let down_at = [f("progression"), f("step_down"), f("peak_suds_at_least")];
        let se_at = at(&up, &[f("self_efficacy_at_least")]);
        if let Some(p) = &s.progression {
            let suds_at = at(&up, &[f("peak_suds_at_most")]);
            self.check_scale(&suds_at, p.step_up.peak_suds_at_most, "step_up's peak_suds_at_most", "SUDS");
            self.check_scale(
                &down_at,
                p.step_down.peak_suds_at_least,
                "step_down's peak_suds_at_least",
                "SUDS",
            );
            if !(1..=10).contains(&p.step_up.runs) {
                self.error(
                    "out-of-range",
                    &at(&up, &[f("runs")]),
                    format!("runs is {}, but must be between 1 and 10", p.step_up.runs),
                    "out of range",
                    "how many runs in a row at a level must go well before a step up; 2 is usual".into(),
                );
            }
            if let Some(se) = p.step_up.self_efficacy_at_least {
                self.check_scale(&se_at, se, "self_efficacy_at_least", "self-efficacy");
                if se <= 100 && se % 10 != 0 {
                    self.warning(
                        "not-in-tens",
                        &se_at,
                        format!("self_efficacy_at_least is {se}, but self-efficacy is rated in tens"),
                        "not a multiple of 10",
                        format!(
                            "answers are 0, 10, 20, ... 100, so {se} works as {}; write that",
                            se.div_ceil(10) * 10
                        ),
                    );
                }
                if !s.asks_self_efficacy() {
                    self.error(
                        "no-self-efficacy-rating",
                        &se_at,
                        "the progression policy uses self-efficacy, but the scenario never asks it".into(),
                        "never asked",
                        "ask a SelfEfficacy rating AtEnd in ratings.schedule, or leave self_efficacy_at_least out"
                            .into(),
                    );
                }
            }
            let (up_to, down_from) = (p.step_up.peak_suds_at_most, p.step_down.peak_suds_at_least);
            if down_from <= up_to {
                // At the step-down value where it is written (its span is
                // then not the enclosing one's), else at the step-up value.
                let written = self.span(&down_at) != self.span(&down_at[..2]);
                self.error(
                    "thresholds-overlap",
                    if written { &down_at } else { &suds_at },
                    format!(
                        "step_down's peak_suds_at_least ({down_from}) is not above step_up's \
                         peak_suds_at_most ({up_to}); one run could call for a step up and a step down"
                    ),
                    "not above the step-up threshold",
                    format!(
                        "make peak_suds_at_least higher than peak_suds_at_most; left out, they are {} and {}",
                        Progression::DEFAULT_STEP_DOWN_PEAK_SUDS,
                        Progression::DEFAULT_STEP_UP_PEAK_SUDS
                    ),
                );
            }
            if !s.asks_suds() {
                self.error(
                    "no-suds-rating",
                    &suds_at,
                    "the progression policy reads SUDS, but the scenario never asks it".into(),
                    "SUDS never asked",
                    "ask Suds AtStart, every few minutes and AtEnd in ratings.schedule".into(),
                );
            }
        }
        // The policy reads a run's last self-efficacy ratings: asked only
        // before the exposure, they say nothing about how it went.
        let is_se = |r: &RatingKind| matches!(r, RatingKind::SelfEfficacy(_));
        let asked_before =
            s.ratings.schedule.iter().filter(|a| is_se(&a.rating) && a.when == RatingWhen::AtStart);
        let asked = s.asked_ratings().filter(|r| is_se(r)).count();
        if asked > 0 && asked == asked_before.count() {
            let written = s.progression.is_some_and(|p| p.step_up.self_efficacy_at_least.is_some());
            let first = s.ratings.schedule.iter().position(|a| is_se(&a.rating)).unwrap_or(0);
            let path =
                if written { se_at } else { vec![f("ratings"), f("schedule"), P::Index(first), f("when")] };
            self.warning(
                "self-efficacy-only-before",
                &path,
                "self-efficacy is asked only at the start, but progression judges a run by its ratings after"
                    .into(),
                "asked only before",
                "ask the same SelfEfficacy rating AtEnd too, so a run's rating says how it went".into(),
            );
        }
    }

    /// A threshold on a 0-100 rating scale.
    fn check_scale(&mut self, path: &[P], value: u8, what: &str, scale: &str) {
        if value > 100 {
            self.error(
                "out-of-range",
                path,
                format!("{what} is {value}, but must be between 0 and 100"),
                "out of range",
                format!("{scale} is rated from 0 to 100"),
            );
        }
    }

    fn check_rating_kind(&mut self, path: &[P], kind: &RatingKind) {
        let s = self.scenario;
        match kind {
            RatingKind::SelfEfficacy(id) if !s.ratings.self_efficacy.iter().any(|x| &x.id == id) => {
                let hint = self.known("statements", s.ratings.self_efficacy.iter().map(|x| x.id.as_str()));
                self.error(
                    "unknown-statement",
                    path,
                    format!("no self-efficacy statement has the id \"{id}\""),
                    "unknown statement",
                    format!("{hint}; statements are listed in ratings.self_efficacy"),
                );
            }
            RatingKind::Expectancy(id) | RatingKind::ExpectancyReview(id)
                if !s.feared_outcomes.iter().any(|o| &o.id == id) =>
            {
                let hint = self.known("feared outcomes", s.feared_outcomes.iter().map(|o| o.id.as_str()));
                self.error(
                    "unknown-outcome",
                    path,
                    format!("no feared outcome has the id \"{id}\""),
                    "unknown feared outcome",
                    hint,
                );
            }
            _ => {}
        }
    }

    fn unknown_beat(&mut self, path: &[P], id: &str) {
        let close = closest(id, self.scenario.beats.iter().map(Beat::id));
        let hint = match close {
            Some(c) => format!("did you mean \"{c}\"?"),
            None => self.known("beats", self.scenario.beats.iter().map(Beat::id)),
        };
        self.error("unknown-beat", path, format!("no beat has the id \"{id}\""), "unknown beat", hint);
    }

    fn check_beats(&mut self) {
        let s = self.scenario;
        if s.beats.is_empty() {
            self.error(
                "no-beats",
                &[f("beats")],
                "the scenario has no beats".into(),
                "empty",
                "add beats: Say, Choose, Wait, Cue, Rate, Branch and at least one End".into(),
            );
        }
        self.check_unique(
            "beat",
            s.beats.iter().enumerate().map(|(i, b)| (vec![f("beats"), P::Index(i), f("id")], b.id())),
        );
        if !s.beats.is_empty() && !self.beat_ids.contains(s.start.as_str()) {
            self.unknown_beat(&[f("start")], &s.start);
        }
        let level_count = s.levels.len();
        for (i, beat) in s.beats.iter().enumerate() {
            let path = [f("beats"), P::Index(i)];
            self.check_id(&at(&path, &[f("id")]), beat.id(), "beat");
            for (sub, target) in beat.successors() {
                if !self.beat_ids.contains(target) {
                    self.unknown_beat(&at(&path, &sub), target);
                }
            }
            match beat {
                Beat::Say { by, text, variants, audio, seconds, .. } => {
                    self.check_character_ref(&at(&path, &[f("by")]), by);
                    self.check_text(&at(&path, &[f("text")]), text);
                    for (attitude, variant) in variants {
                        let key = format!("{attitude:?}");
                        self.check_text(&at(&path, &[f("variants"), P::Key(key)]), variant);
                    }
                    if let Some(audio) = audio {
                        self.check_file(&at(&path, &[f("audio")]), audio, "audio");
                    }
                    if let Some(secs) = seconds {
                        self.check_range(&at(&path, &[f("seconds")]), *secs, 0.3, 120.0, "seconds");
                    }
                }
                Beat::Choose { prompt, options, silence, .. } => {
                    if let Some(prompt) = prompt {
                        self.check_text(&at(&path, &[f("prompt")]), prompt);
                    }
                    if options.is_empty() || options.len() > 9 {
                        self.error(
                            "option-count",
                            &at(&path, &[f("options")]),
                            format!("a choice has {} options; it needs 1 to 9", options.len()),
                            "wrong number of options",
                            "options are picked with keys 1-9 and must fit one panel".into(),
                        );
                    }
                    for (j, option) in options.iter().enumerate() {
                        self.check_text(&at(&path, &[f("options"), P::Index(j), f("text")]), &option.text);
                    }
                    let models: Vec<usize> =
                        options.iter().enumerate().filter(|(_, o)| o.model).map(|(j, _)| j).collect();
                    if models.len() > 1 {
                        self.error(
                            "several-model-answers",
                            &at(&path, &[f("options"), P::Index(models[1]), f("model")]),
                            "more than one option is marked as the model answer".into(),
                            "second model answer",
                            "a modelling run shows the one marked answer; mark only one".into(),
                        );
                    }
                    if let Some(silence) = silence {
                        self.check_range(
                            &at(&path, &[f("silence"), f("seconds")]),
                            silence.seconds,
                            2.0,
                            300.0,
                            "silence seconds",
                        );
                    }
                }
                Beat::Wait { seconds, .. } => {
                    self.check_range(&at(&path, &[f("seconds")]), *seconds, 0.1, 300.0, "seconds");
                }
                Beat::Cue { intensity, by, .. } => {
                    self.check_range(&at(&path, &[f("intensity")]), *intensity, 0.0, 1.0, "intensity");
                    if let Some(by) = by {
                        self.check_character_ref(&at(&path, &[f("by")]), by);
                    }
                }
                Beat::Rate { rating, .. } => self.check_rating_kind(&at(&path, &[f("rating")]), rating),
                Beat::Branch { routes, .. } => {
                    for (j, route) in routes.iter().enumerate() {
                        let (lo, hi) = route.levels;
                        if lo == 0 || lo > hi || usize::from(hi) > level_count {
                            self.error(
                                "out-of-range",
                                &at(&path, &[f("routes"), P::Index(j), f("levels")]),
                                format!("levels ({lo}, {hi}) is not a range of this scenario's levels"),
                                "bad level range",
                                format!(
                                    "write (lowest, highest) with 1 <= lowest <= highest <= {level_count}"
                                ),
                            );
                        }
                    }
                }
                Beat::End { text, .. } => {
                    if let Some(text) = text {
                        self.check_text(&at(&path, &[f("text")]), text);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- flow

    fn check_flow(&mut self) {
        let s = self.scenario;
        let index: HashMap<&str, usize> = s.beats.iter().enumerate().map(|(i, b)| (b.id(), i)).collect();
        let Some(&start) = index.get(s.start.as_str()) else { return };
        let edges: Vec<Vec<usize>> = s
            .beats
            .iter()
            .map(|b| b.successors().iter().filter_map(|(_, t)| index.get(t).copied()).collect())
            .collect();

        // Reachable from the start at some level.
        let reachable = reach(&[start], &edges);
        for (i, beat) in s.beats.iter().enumerate() {
            if !reachable[i] {
                self.error(
                    "unreachable-beat",
                    &[f("beats"), P::Index(i), f("id")],
                    format!("beat \"{}\" can never be reached", beat.id()),
                    "unreachable",
                    format!("no beat leads here from the start (\"{}\"); link it or remove it", s.start),
                );
            }
        }

        // Able to end: walk the edges backwards from every End.
        let mut reverse = vec![Vec::new(); edges.len()];
        for (from, tos) in edges.iter().enumerate() {
            for &to in tos {
                reverse[to].push(from);
            }
        }
        let ends: Vec<usize> = s
            .beats
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b, Beat::End { .. }))
            .map(|(i, _)| i)
            .collect();
        let can_end = reach(&ends, &reverse);
        // Every beat upstream of a closed loop is stuck too; naming them all
        // would bury the one place to fix. Report each loop once, where the
        // flow enters it.
        let mut stuck: Vec<bool> = (0..s.beats.len()).map(|i| reachable[i] && !can_end[i]).collect();
        while let Some(i) = find_cycle(&edges, &stuck) {
            self.error(
                "no-way-to-end",
                &[f("beats"), P::Index(i), f("id")],
                format!("beat \"{}\" starts a loop that never reaches an End", s.beats[i].id()),
                "stuck in a loop",
                "every beat must lead on to an End; give the loop a way out".into(),
            );
            for (j, inside) in reach(&[i], &edges).into_iter().enumerate() {
                if inside {
                    stuck[j] = false;
                }
            }
        }

        // A loop of beats that never wait (Cue, Branch) would spin forever.
        let instant: Vec<bool> =
            s.beats.iter().map(|b| !b.waits() && !matches!(b, Beat::End { .. })).collect();
        if let Some(cycle_at) = find_cycle(&edges, &instant) {
            self.error(
                "instant-loop",
                &[f("beats"), P::Index(cycle_at), f("id")],
                format!("beat \"{}\" is in a loop where nothing waits", s.beats[cycle_at].id()),
                "loops without a pause",
                "a loop must pass a Say, Choose, Wait or Rate beat, or it runs forever".into(),
            );
        }

        self.check_presence_per_level(start, &index);
    }

    /// A line by a character who is not in the room at a level where the
    /// line can be reached is skipped at run time: worth a warning.
    fn check_presence_per_level(&mut self, start: usize, index: &HashMap<&str, usize>) {
        let s = self.scenario;
        let mut absent_levels: BTreeMap<usize, Vec<u8>> = BTreeMap::new();
        for level in &s.levels {
            let edges: Vec<Vec<usize>> = s
                .beats
                .iter()
                .map(|b| match b {
                    Beat::Branch { routes, otherwise, .. } => {
                        let next = routes
                            .iter()
                            .find(|r| (r.levels.0..=r.levels.1).contains(&level.level))
                            .map_or(otherwise.as_str(), |r| r.next.as_str());
                        index.get(next).copied().into_iter().collect()
                    }
                    other => other.successors().iter().filter_map(|(_, t)| index.get(t).copied()).collect(),
                })
                .collect();
            let reachable = reach(&[start], &edges);
            for (i, beat) in s.beats.iter().enumerate() {
                let by = match beat {
                    Beat::Say { by, .. } | Beat::Cue { by: Some(by), .. } => by,
                    _ => continue,
                };
                if reachable[i] && s.cast.iter().any(|c| &c.id == by) && !level.present.contains(by) {
                    absent_levels.entry(i).or_default().push(level.level);
                }
            }
        }
        for (i, levels) in absent_levels {
            let (by, what) = match &s.beats[i] {
                Beat::Say { by, .. } => (by, "speaks here"),
                Beat::Cue { by: Some(by), .. } => (by, "makes this cue"),
                _ => continue,
            };
            let skipped = if matches!(s.beats[i], Beat::Say { .. }) { "line" } else { "cue" };
            self.warning(
                "speaker-absent",
                &[f("beats"), P::Index(i), f("by")],
                format!("\"{by}\" {what} but is not present at level(s) {levels:?}; the {skipped} is skipped there"),
                "not present at every level",
                "add them to those levels' `present`, or route around this beat with a Branch".into(),
            );
        }
    }

    fn check_debrief(&mut self) {
        if self.scenario.debrief.is_empty() {
            self.warning(
                "no-debrief",
                &[f("debrief")],
                "the scenario has no debrief questions".into(),
                "none",
                "add questions for the reflective conversation afterwards".into(),
            );
        }
        for (i, q) in self.scenario.debrief.iter().enumerate() {
            self.check_text(&[f("debrief"), P::Index(i), f("text")], &q.text);
        }
    }
}

/// Nodes reachable from `starts` along `edges`.
fn reach(starts: &[usize], edges: &[Vec<usize>]) -> Vec<bool> {
    let mut seen = vec![false; edges.len()];
    let mut stack: Vec<usize> = starts.to_vec();
    while let Some(n) = stack.pop() {
        if n < seen.len() && !seen[n] {
            seen[n] = true;
            stack.extend(edges[n].iter().copied());
        }
    }
    seen
}

/// A node on a cycle that uses only nodes marked in `within`, if any.
fn find_cycle(edges: &[Vec<usize>], within: &[bool]) -> Option<usize> {
    // Iterative colouring DFS: 0 new, 1 on the stack, 2 done.
    let mut colour = vec![0u8; edges.len()];
    for root in 0..edges.len() {
        if !within[root] || colour[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        colour[root] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&to) = edges[node].get(*next) {
                *next += 1;
                if !within[to] {
                    continue;
                }
                match colour[to] {
                    0 => {
                        colour[to] = 1;
                        stack.push((to, 0));
                    }
                    1 => return Some(to),
                    _ => {}
                }
            } else {
                colour[node] = 2;
                stack.pop();
            }
        }
    }
    None
}

/// The id most like `wanted`, for "did you mean" hints.
fn closest<'a>(wanted: &str, ids: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    ids.map(|id| (edit_distance(wanted, id), id))
        .filter(|(d, id)| *d <= 2.max(id.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, id)| id)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
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
