//! Levels: numbering, who is present, behaviour changes, noise and cues,
//! and speakers absent at a level where their beat can be reached.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::flow::reachable_at;
use super::{Checker, at, f};
use crate::scenario::locate::PathPart as P;
use crate::scenario::model::*;

impl Checker<'_> {
    pub(super) fn check_levels(&mut self) {
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
                    "list the ids of the characters in the room at this level; until then every line, \
                     cue and behaviour change by a character is left out there, which is not reported \
                     one by one"
                        .into(),
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
                if self.check_character_ref(&key_path, id) && absent_from(level, id) {
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
                {
                    self.check_cue_giver(&at(&p, &[f("by")]), rule.cue, by);
                }
                if let Some(by) = &rule.by
                    && self.scenario.cast.iter().any(|c| &c.id == by)
                    && absent_from(level, by)
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

    /// A line by a character who is not in the room at a level where the
    /// line can be reached is skipped at run time: worth a warning.
    pub(super) fn check_presence_per_level(&mut self, start: usize, index: &HashMap<&str, usize>) {
        let s = self.scenario;
        let mut absent_levels: BTreeMap<usize, Vec<u8>> = BTreeMap::new();
        for level in &s.levels {
            let reachable = reachable_at(s, index, start, level.level);
            for (i, beat) in s.beats.iter().enumerate() {
                let by = match beat {
                    Beat::Say { by, .. } | Beat::Cue { by: Some(by), .. } => by,
                    _ => continue,
                };
                if reachable[i] && s.cast.iter().any(|c| &c.id == by) && absent_from(level, by) {
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
}

/// Whether `id` is missing from a level that has people present. A level
/// with nobody present is one error, `nobody-present`, which says that
/// everything by anyone is left out there; the same said again per line,
/// cue and behaviour change would bury it.
fn absent_from(level: &Level, id: &str) -> bool {
    !level.present.is_empty() && !level.present.iter().any(|p| p == id)
}
