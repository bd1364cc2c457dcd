//! Journals into the store: one session's journal in one transaction, then
//! moved aside; and on start, the journals a dead process left behind.

use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, params};

use super::{Result, Store, StoreError};
use crate::nearest::Nearest;
use crate::record::behaviour::{BehaviourSample, GazeTarget};
use crate::record::journal::{self, BadTail, JournalRecord};
use crate::record::rows::{EventRow, event_row};

/// What an import did.
#[derive(Debug, Clone)]
pub struct Imported {
    pub session: String,
    pub complete: bool,
    pub events: usize,
    pub samples: usize,
    pub bad_tail: Option<BadTail>,
}

impl Store {
    /// Imports one journal: complete if it was closed, interrupted if not.
    /// The journal is then moved under `journals/imported/`.
    pub fn import_journal(&mut self, path: &Path) -> Result<Imported> {
        let read = journal::read(path)?;
        let h = &read.header;
        let path_db = self.dir.join("mestring.sqlite");
        let db = |source| StoreError::Database { path: path_db.clone(), source };
        let exists = self
            .conn
            .query_row("SELECT 1 FROM sessions WHERE id = ?1", [&h.session], |_| Ok(()))
            .optional()
            .map_err(db)?
            .is_some();
        if exists {
            return Err(StoreError::AlreadyImported(h.session.clone()));
        }
        if let Some(code) = &h.participant
            && !self.has_participant(code)?
        {
            // The participant was erased while this session ran: their
            // data must not come back.
            return Err(StoreError::NoParticipant(code.clone(), Nearest::default()));
        }
        let file_name = path.file_name().map(PathBuf::from).unwrap_or_default();
        let kept = PathBuf::from("journals/imported").join(&file_name);
        let complete = read.closed_at.is_some();
        let last_at = read
            .records
            .iter()
            .filter_map(|r| match r {
                JournalRecord::Input { at, .. } | JournalRecord::Output { at, .. } => Some(*at),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        let duration = read.closed_at.unwrap_or(last_at);
        let scenario = crate::scenario::load::parse(Path::new(&h.scenario), h.scenario_source.as_bytes())
            .map(|(_, s)| s)
            .map_err(|_| StoreError::BadSnapshot(path.to_path_buf()))?;
        let rows: Vec<EventRow> = {
            let mut level = h.level;
            let mut versions = crate::record::rows::Versions::new(scenario.clone());
            read.records
                .iter()
                .filter_map(|r| {
                    versions.follow(r);
                    event_row(versions.current(), r, &mut level)
                })
                .collect()
        };
        let samples: Vec<&BehaviourSample> = read
            .records
            .iter()
            .filter_map(|r| if let JournalRecord::Sample(s) = r { Some(s) } else { None })
            .collect();
        let display = read.records.iter().find_map(|r| match r {
            JournalRecord::Display(d) => Some(d),
            _ => None,
        });
        let end_reason = rows.iter().rev().find(|r| r.kind == "ended").and_then(|r| r.note.clone());
        let damaged = read
            .bad_tail
            .as_ref()
            .map(|t| format!("line {}: {} ({} lines after it)", t.line, t.reason, t.lines_after));

        let tx = self.conn.transaction().map_err(db)?;
        tx.execute(
            "INSERT INTO sessions (id, participant, scenario, level, seed, lang, started_unix_ms, status,
                                   end_reason, duration_ms, journal, damaged_tail, shown_in, head_from, sample_hz,
                                   kind)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            params![
                h.session,
                h.participant,
                h.scenario,
                h.level,
                h.seed as i64,
                h.lang,
                h.started_unix_ms as i64,
                if complete { "complete" } else { "interrupted" },
                end_reason,
                duration as i64,
                kept.to_string_lossy(),
                damaged,
                display.map(|d| d.shown_in.clone()),
                display.map(|d| d.head_from.name()),
                display.map(|d| d.sample_hz),
                h.kind.name(),
            ],
        )
        .map_err(db)?;
        {
            let mut stmt = tx
                .prepare(
                    "INSERT INTO events (session, seq, at_ms, level, direction, kind, beat, character, option, tags,
                        latency_ms, rating, value, happened, cue, intensity, actor, note, detail)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
                )
                .map_err(db)?;
            for e in &rows {
                stmt.execute(params![
                    h.session,
                    e.seq as i64,
                    e.at_ms as i64,
                    e.level,
                    e.direction,
                    e.kind,
                    e.beat,
                    e.character,
                    e.option,
                    e.tags,
                    e.latency_ms.map(|l| l as i64),
                    e.rating,
                    e.value,
                    e.happened,
                    e.cue,
                    e.intensity,
                    e.actor,
                    e.note,
                    e.detail,
                ])
                .map_err(db)?;
            }
            let mut stmt = tx
                .prepare(
                    "INSERT INTO samples (session, at_ms, head_x, head_y, head_z, head_qx, head_qy, head_qz, head_qw,
                        left_x, left_y, left_z, right_x, right_y, right_z, gaze, gaze_character, eye_tracked)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                )
                .map_err(db)?;
            for s in &samples {
                let [x, y, z] = s.head_position;
                let [qx, qy, qz, qw] = s.head_rotation;
                let l = s.left_hand.map_or([None; 3], |p| p.map(Some));
                let r = s.right_hand.map_or([None; 3], |p| p.map(Some));
                // Characters by id, like events, so the row reads on its own.
                let (gaze, character) = match s.gaze {
                    GazeTarget::Face(c) => ("face", scenario.cast.get(c).map(|c| c.id.clone())),
                    GazeTarget::Object => ("object", None),
                    GazeTarget::Nothing => ("nothing", None),
                };
                stmt.execute(params![
                    h.session,
                    s.at as i64,
                    x,
                    y,
                    z,
                    qx,
                    qy,
                    qz,
                    qw,
                    l[0],
                    l[1],
                    l[2],
                    r[0],
                    r[1],
                    r[2],
                    gaze,
                    character,
                    s.eye_tracked,
                ])
                .map_err(db)?;
            }
        }
        tx.commit().map_err(db)?;
        // Only once the store holds it does the journal move aside.
        let _ = std::fs::rename(path, self.dir.join(&kept));
        Ok(Imported {
            session: h.session.clone(),
            complete,
            events: rows.len(),
            samples: samples.len(),
            bad_tail: read.bad_tail.clone(),
        })
    }

    /// Imports journals left behind by sessions whose process died.
    pub fn import_pending(&mut self) -> Vec<(PathBuf, Result<Imported>)> {
        let mut found: Vec<PathBuf> = std::fs::read_dir(self.journal_dir())
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "journal"))
                    .collect()
            })
            .unwrap_or_default();
        found.sort();
        found
            .into_iter()
            .map(|p| {
                let r = self.import_journal(&p);
                (p, r)
            })
            .collect()
    }
}
