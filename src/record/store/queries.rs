//! Reading the store back: sessions, their events and behaviour samples
//! (for listings and exports), and a participant's past runs of a
//! scenario as the progression policy reads them.

use std::path::Path;

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{Result, Store, StoreError};
use crate::nearest::Nearest;
use crate::progression::{PastRun, RunEnd, RunRatings};
use crate::record::journal::HeadSource;
use crate::record::rows::EventRow;
use crate::scenario::Scenario;
use crate::session::Actor;

/// One stored behaviour sample, as exported.
#[derive(Debug, Clone, Serialize)]
pub struct SampleRow {
    pub at_ms: u64,
    pub head: [f64; 3],
    pub rotation: [f64; 4],
    pub left: [Option<f64>; 3],
    pub right: [Option<f64>; 3],
    pub gaze: String,
    pub gaze_character: Option<String>,
    pub eye_tracked: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionRow {
    pub id: String,
    pub participant: Option<String>,
    pub scenario: String,
    pub level: i64,
    pub lang: String,
    pub started_unix_ms: i64,
    pub status: String,
    pub end_reason: Option<String>,
    pub duration_ms: i64,
    pub events: i64,
    pub damaged_tail: Option<String>,
    /// Where it was shown, what the head samples are ("headset" or
    /// "desktop-view") and the rate asked for; none for sessions without a
    /// window (`mestring play`) and those recorded before this was kept.
    pub shown_in: Option<String>,
    pub head_from: Option<String>,
    pub sample_hz: Option<i64>,
    pub samples: i64,
    /// `practice` or `modelling` (see `session::RunKind`).
    pub kind: String,
}

impl SessionRow {
    /// The head samples' rate in fact, per second of session: the asked
    /// rate, or the frame rate where the machine drew fewer frames.
    pub fn samples_per_second(&self) -> Option<f64> {
        (self.samples > 0 && self.duration_ms > 0)
            .then(|| self.samples as f64 * 1000.0 / self.duration_ms as f64)
    }

    /// What the head samples were: where they come from, how many, and
    /// whether the frame rate held them below the asked rate.
    pub fn sampling(&self) -> Option<Sampling> {
        let (from, asked, got) = (self.head_from.as_deref()?, self.sample_hz?, self.samples_per_second()?);
        Some(Sampling {
            samples: self.samples,
            from_headset: from == HeadSource::Headset.name(),
            per_second: got,
            asked,
            // Within a tenth of the asked rate counts as held.
            held: got >= asked as f64 * 0.9,
        })
    }
}

/// A session's head samples, for a person to read about.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sampling {
    pub samples: i64,
    /// From the headset's tracked pose; else from the desktop view.
    pub from_headset: bool,
    pub per_second: f64,
    pub asked: i64,
    /// Whether the frame rate let them come at the asked rate.
    pub held: bool,
}

impl Store {
    pub fn sessions(&self, participant: Option<&str>) -> Result<Vec<SessionRow>> {
        let code = participant.map(|p| self.participant(p)).transpose()?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT s.id, s.participant, s.scenario, s.level, s.lang, s.started_unix_ms, s.status, s.end_reason,
                        s.duration_ms, (SELECT COUNT(*) FROM events e WHERE e.session = s.id), s.damaged_tail,
                        s.shown_in, s.head_from, s.sample_hz,
                        (SELECT COUNT(*) FROM samples x WHERE x.session = s.id), s.kind
                 FROM sessions s WHERE ?1 IS NULL OR s.participant = ?1 ORDER BY s.started_unix_ms, s.id",
            )
            .map_err(|e| self.db_err(e))?;
        stmt.query_map([code], |r| {
            Ok(SessionRow {
                id: r.get(0)?,
                participant: r.get(1)?,
                scenario: r.get(2)?,
                level: r.get(3)?,
                lang: r.get(4)?,
                started_unix_ms: r.get(5)?,
                status: r.get(6)?,
                end_reason: r.get(7)?,
                duration_ms: r.get(8)?,
                events: r.get(9)?,
                damaged_tail: r.get(10)?,
                shown_in: r.get(11)?,
                head_from: r.get(12)?,
                sample_hz: r.get(13)?,
                samples: r.get(14)?,
                kind: r.get(15)?,
            })
        })
        .and_then(Iterator::collect)
        .map_err(|e| self.db_err(e))
    }

    /// The events of the given sessions, in order.
    pub fn events(&self, session: &str) -> Result<Vec<EventRow>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT seq, at_ms, level, direction, kind, beat, character, option, tags, latency_ms, rating, value,
                        happened, cue, intensity, actor, note, detail
                 FROM events WHERE session = ?1 ORDER BY seq",
            )
            .map_err(|e| self.db_err(e))?;
        stmt.query_map([session], |r| {
            Ok(EventRow {
                seq: r.get::<_, i64>(0)? as u64,
                at_ms: r.get::<_, i64>(1)? as u64,
                level: r.get(2)?,
                direction: r.get(3)?,
                kind: r.get(4)?,
                beat: r.get(5)?,
                character: r.get(6)?,
                option: r.get(7)?,
                tags: r.get(8)?,
                latency_ms: r.get::<_, Option<i64>>(9)?.map(|l| l as u64),
                rating: r.get(10)?,
                value: r.get(11)?,
                happened: r.get(12)?,
                cue: r.get(13)?,
                intensity: r.get(14)?,
                actor: r.get(15)?,
                note: r.get(16)?,
                detail: r.get(17)?,
            })
        })
        .and_then(Iterator::collect)
        .map_err(|e| self.db_err(e))
    }

    /// A participant's runs of one scenario, oldest first and newest last,
    /// as the progression policy reads them: each session's level (the one
    /// in force when it ended), whether the clinician changed it during the
    /// run, how it ended, and its ratings as `RunRatings` reduces them
    /// (peak SUDS, self-efficacy and how it moved, the feared outcome that
    /// taught least). Only practice
    /// runs: watching a peer is never the participant's own mastery.
    pub fn past_runs(&self, participant: &str, scenario: &str) -> Result<Vec<PastRun>> {
        let code = self.participant(participant)?;
        let db = |e| self.db_err(e);
        let sessions: Vec<(String, u8, Option<String>)> = {
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT id, level, end_reason FROM sessions
                     WHERE participant = ?1 AND scenario = ?2 AND kind = 'practice'
                     ORDER BY started_unix_ms, id",
                )
                .map_err(db)?;
            stmt.query_map(params![code, scenario], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .and_then(Iterator::collect)
                .map_err(db)?
        };
        let mut runs: Vec<(PastRun, RunRatings)> = sessions
            .iter()
            .map(|(_, level, end_reason)| {
                let run = PastRun {
                    level: *level,
                    level_changed: false,
                    end: run_end(end_reason.as_deref()),
                    peak_suds: None,
                    self_efficacy: None,
                    self_efficacy_change: None,
                    expectation: None,
                };
                (run, RunRatings::default())
            })
            .collect();
        let index: std::collections::HashMap<&str, usize> =
            sessions.iter().enumerate().map(|(i, (id, _, _))| (id.as_str(), i)).collect();

        // Level changes that took effect, in order: the last one is where
        // the run ended.
        let mut stmt = self
            .conn
            .prepare(
                "SELECT e.session, e.value FROM events e JOIN sessions s ON s.id = e.session
                 WHERE s.participant = ?1 AND s.scenario = ?2 AND e.kind = 'level-changed'
                 ORDER BY e.session, e.seq",
            )
            .map_err(db)?;
        let changes: Vec<(String, i64)> = stmt
            .query_map(params![code, scenario], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(Iterator::collect)
            .map_err(db)?;
        for (session, to) in changes {
            if let (Some(&i), Ok(to)) = (index.get(session.as_str()), u8::try_from(to)) {
                runs[i].0.level = to;
                runs[i].0.level_changed = true;
            }
        }

        let mut stmt = self
            .conn
            .prepare(
                "SELECT session, rating, value, happened FROM ratings
                 WHERE participant = ?1 AND scenario = ?2
                   AND (rating = 'suds' OR rating LIKE 'self-efficacy:%' OR rating LIKE 'expectancy%')
                 ORDER BY session, seq",
            )
            .map_err(db)?;
        let ratings: Vec<(String, String, Option<i64>, Option<bool>)> = stmt
            .query_map(params![code, scenario], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .and_then(Iterator::collect)
            .map_err(db)?;
        for (session, rating, value, happened) in ratings {
            if let (Some(&i), Some(value)) =
                (index.get(session.as_str()), value.and_then(|v| u8::try_from(v).ok()))
            {
                runs[i].1.rated(&rating, value, happened);
            }
        }
        Ok(runs
            .into_iter()
            .map(|(run, ratings)| PastRun {
                peak_suds: ratings.peak_suds(),
                self_efficacy: ratings.self_efficacy(),
                self_efficacy_change: ratings.self_efficacy_change(),
                expectation: ratings.expectation(),
                ..run
            })
            .collect())
    }

    /// A session's behaviour samples, in time order, with the character
    /// ids their gaze names.
    pub fn samples(&self, session: &str) -> Result<Vec<SampleRow>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT at_ms, head_x, head_y, head_z, head_qx, head_qy, head_qz, head_qw, left_x, left_y, left_z,
                        right_x, right_y, right_z, gaze, gaze_character, eye_tracked
                 FROM samples WHERE session = ?1 ORDER BY at_ms, rowid",
            )
            .map_err(|e| self.db_err(e))?;
        stmt.query_map([session], |r| {
            Ok(SampleRow {
                at_ms: r.get::<_, i64>(0)? as u64,
                head: [r.get(1)?, r.get(2)?, r.get(3)?],
                rotation: [r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?],
                left: [r.get(8)?, r.get(9)?, r.get(10)?],
                right: [r.get(11)?, r.get(12)?, r.get(13)?],
                gaze: r.get(14)?,
                gaze_character: r.get(15)?,
                eye_tracked: r.get(16)?,
            })
        })
        .and_then(Iterator::collect)
        .map_err(|e| self.db_err(e))
    }

    /// The scenario a stored session ran, as it was then: from the header
    /// of its kept journal, never from today's file (outputs index into it).
    pub fn scenario_of(&self, session: &str) -> Result<Scenario> {
        let journal: String = self
            .conn
            .query_row("SELECT journal FROM sessions WHERE id = ?1", [session], |r| r.get(0))
            .optional()
            .map_err(|e| self.db_err(e))?
            .ok_or_else(|| StoreError::NoSession(session.into(), Nearest::default()))?;
        let path = self.dir.join(journal);
        let header = crate::record::journal::read_header(&path)?;
        let scenario =
            crate::scenario::load::parse(Path::new(&header.scenario), header.scenario_source.as_bytes())
                .map(|(_, s)| s)
                .map_err(|_| StoreError::BadSnapshot(path.clone()))?;
        // A modelling run's outputs count its peer among the cast.
        match header.kind {
            crate::session::RunKind::Practice => Ok(scenario),
            crate::session::RunKind::Modelling => {
                scenario.for_modelling().ok_or(StoreError::BadSnapshot(path))
            }
        }
    }

    pub fn session(&self, id: &str) -> Result<SessionRow> {
        let all = self.sessions(None)?;
        let nearest = Nearest::among(id, all.iter().map(|s| s.id.as_str()));
        all.into_iter().find(|s| s.id == id).ok_or_else(|| StoreError::NoSession(id.to_string(), nearest))
    }
}

/// How a stored session ended, from its end reason (the note of its
/// `ended` event). A session with none was cut short: its process died
/// or the journal was closed before the session ended.
fn run_end(end_reason: Option<&str>) -> RunEnd {
    match end_reason {
        Some(r) if r.starts_with("completed") => RunEnd::Completed,
        Some("stopped by participant") => RunEnd::Stopped { by: Actor::Participant },
        Some("stopped by clinician") => RunEnd::Stopped { by: Actor::Clinician },
        _ => RunEnd::Unfinished,
    }
}

#[cfg(test)]
mod tests {
    use super::SessionRow;

    fn row(head_from: &str, sample_hz: i64, samples: i64, duration_ms: i64) -> SessionRow {
        SessionRow {
            id: "s".into(),
            participant: None,
            scenario: "team-meeting".into(),
            level: 1,
            lang: "en".into(),
            started_unix_ms: 0,
            status: "complete".into(),
            end_reason: None,
            duration_ms,
            events: 0,
            damaged_tail: None,
            shown_in: Some("a headset".into()),
            head_from: Some(head_from.into()),
            sample_hz: Some(sample_hz),
            samples,
            kind: "practice".into(),
        }
    }

    #[test]
    fn the_sampling_says_where_the_samples_come_from_and_when_the_frame_rate_held_them_back() {
        let slow = row("headset", 30, 76, 66_000).sampling().unwrap();
        assert!(slow.from_headset && !slow.held && (slow.per_second - 1.15).abs() < 0.01, "{slow:?}");
        let held = row("desktop-view", 30, 1_790, 60_000).sampling().unwrap();
        assert!(!held.from_headset && held.held, "{held:?}");
        assert_eq!(row("headset", 30, 0, 60_000).sampling(), None);
    }
}
