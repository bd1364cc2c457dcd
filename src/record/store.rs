//! The store: participants and their sessions in an embedded SQLite
//! database on the clinic's machine, in a folder only its owner can read.
//!
//! Journals are the source of truth while a session runs; the store is
//! where they go once it has ended (or, for a session whose process died,
//! on the next start). A journal is kept after import, moved to
//! `journals/imported/`: nothing recorded is ever thrown away by the
//! program itself, only by an explicit erase of a participant.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::behaviour::{BehaviourSample, GazeTarget};
use super::code::{self, CodeError};
use super::journal::{self, BadTail, JournalError, JournalRecord};
use super::rows::{EventRow, event_row};
use super::rtw_se::RtwSe;
use crate::progression::{PastRun, RunEnd, RunRatings};
use crate::session::Actor;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot use the data folder {path}: {source}")]
    Folder { path: PathBuf, source: std::io::Error },
    #[error("the database in {path} cannot be opened or updated: {source}")]
    Database { path: PathBuf, source: rusqlite::Error },
    #[error(
        "the database in {path} was made by a newer mestring (schema {found}, this one knows {known}); update mestring"
    )]
    TooNew { path: PathBuf, found: i64, known: i64 },
    #[error(transparent)]
    Code(#[from] CodeError),
    #[error("there is no participant with the code {0}")]
    NoParticipant(String),
    #[error("there is already a participant with the code {0}")]
    ParticipantExists(String),
    #[error("there is no session with the id {0}")]
    NoSession(String),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error("session {0} is already in the store")]
    AlreadyImported(String),
    #[error("the scenario kept in journal {0} cannot be read; the journal is left where it is")]
    BadSnapshot(PathBuf),
}

type Result<T> = std::result::Result<T, StoreError>;

/// Schema changes in order; the database's `user_version` says how many
/// have been applied. Never edit one that has shipped: add the next.
const MIGRATIONS: &[&str] = &[
    // 1: participants, sessions and their events.
    "CREATE TABLE participants (
        code TEXT PRIMARY KEY,
        created_unix_ms INTEGER NOT NULL
     );
     CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        participant TEXT REFERENCES participants(code) ON DELETE CASCADE,
        scenario TEXT NOT NULL,
        level INTEGER NOT NULL,
        seed INTEGER NOT NULL,
        lang TEXT NOT NULL,
        started_unix_ms INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('complete', 'interrupted')),
        end_reason TEXT,
        duration_ms INTEGER NOT NULL,
        journal TEXT NOT NULL,
        damaged_tail TEXT
     );
     CREATE TABLE events (
        session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        at_ms INTEGER NOT NULL,
        level INTEGER NOT NULL,
        direction TEXT NOT NULL,
        kind TEXT NOT NULL,
        beat TEXT, character TEXT, option INTEGER, tags TEXT, latency_ms INTEGER,
        rating TEXT, value INTEGER, happened INTEGER,
        cue TEXT, intensity REAL, actor TEXT, note TEXT,
        detail TEXT NOT NULL,
        PRIMARY KEY (session, seq)
     );
     CREATE INDEX sessions_by_participant ON sessions(participant);",
    // 2: behaviour samples, and the return-to-work self-efficacy questionnaire.
    "CREATE TABLE samples (
        session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        at_ms INTEGER NOT NULL,
        head_x REAL NOT NULL, head_y REAL NOT NULL, head_z REAL NOT NULL,
        head_qx REAL NOT NULL, head_qy REAL NOT NULL, head_qz REAL NOT NULL, head_qw REAL NOT NULL,
        left_x REAL, left_y REAL, left_z REAL,
        right_x REAL, right_y REAL, right_z REAL,
        gaze TEXT NOT NULL, gaze_character TEXT, eye_tracked INTEGER NOT NULL
     );
     CREATE INDEX samples_by_session ON samples(session, at_ms);
     CREATE TABLE rtw_se (
        participant TEXT NOT NULL REFERENCES participants(code) ON DELETE CASCADE,
        answered_unix_ms INTEGER NOT NULL,
        label TEXT,
        answers TEXT NOT NULL,
        mean REAL NOT NULL
     );",
    // 3: ratings as a table of their own for analysis; a view over the
    // events, so there is one copy of each answer.
    "CREATE VIEW ratings AS
        SELECT e.session, s.participant, s.scenario, e.seq, e.at_ms, e.level, e.rating, e.value, e.happened,
               e.latency_ms
        FROM events e JOIN sessions s ON s.id = e.session
        WHERE e.kind = 'rated';",
];

pub struct Store {
    conn: Connection,
    dir: PathBuf,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParticipantRow {
    pub code: String,
    pub created_unix_ms: i64,
    pub sessions: i64,
}

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
}

/// What an import did.
#[derive(Debug, Clone)]
pub struct Imported {
    pub session: String,
    pub complete: bool,
    pub events: usize,
    pub samples: usize,
    pub bad_tail: Option<BadTail>,
}

/// What erasing a participant removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Erased {
    pub sessions: usize,
    pub events: usize,
    pub samples: usize,
    pub questionnaires: usize,
    pub journals: usize,
}

/// The data folder: `--data-dir`, else `$MESTRING_DATA_DIR`, else
/// `$XDG_DATA_HOME/mestring`, else `~/.local/share/mestring`.
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("MESTRING_DATA_DIR") {
        return PathBuf::from(dir);
    }
    if let Some(dir) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir).join("mestring");
    }
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("."), PathBuf::from);
    home.join(".local/share/mestring")
}

fn private_dir(path: &Path) -> Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    let fail = |source| StoreError::Folder { path: path.to_path_buf(), source };
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(path).map_err(fail)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700)).map_err(fail)
}

impl Store {
    /// Opens (creating if needed) the store in `dir`, bringing its schema
    /// up to date.
    pub fn open(dir: &Path) -> Result<Store> {
        use std::os::unix::fs::OpenOptionsExt;
        private_dir(dir)?;
        private_dir(&dir.join("journals/imported"))?;
        let path = dir.join("mestring.sqlite");
        // Create the file ourselves so it is private from its first byte;
        // SQLite gives its side files the same permissions.
        std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(&path)
            .map_err(|source| StoreError::Folder { path: path.clone(), source })?;
        let db = |source| StoreError::Database { path: path.clone(), source };
        let conn = Connection::open(&path).map_err(db)?;
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;").map_err(db)?;
        let mut store = Store { conn, dir: dir.to_path_buf() };
        store.migrate().map_err(|e| match e {
            StoreError::Database { source, .. } => db(source),
            other => other,
        })?;
        Ok(store)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where running sessions write their journals.
    pub fn journal_dir(&self) -> PathBuf {
        self.dir.join("journals")
    }

    fn db_err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Database { path: self.dir.join("mestring.sqlite"), source }
    }

    fn migrate(&mut self) -> Result<()> {
        let version: i64 =
            self.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| self.db_err(e))?;
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::TooNew { path: self.dir.clone(), found: version, known });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = self
                .conn
                .transaction()
                .map_err(|e| StoreError::Database { path: PathBuf::new(), source: e })?;
            tx.execute_batch(sql).map_err(|e| StoreError::Database { path: PathBuf::new(), source: e })?;
            tx.pragma_update(None, "user_version", i as i64 + 1)
                .map_err(|e| StoreError::Database { path: PathBuf::new(), source: e })?;
            tx.commit().map_err(|e| StoreError::Database { path: PathBuf::new(), source: e })?;
        }
        Ok(())
    }

    pub fn add_participant(&self, raw: &str, now_unix_ms: i64) -> Result<String> {
        let code = code::validate(raw)?;
        if self.has_participant(&code)? {
            return Err(StoreError::ParticipantExists(code));
        }
        self.conn
            .execute(
                "INSERT INTO participants (code, created_unix_ms) VALUES (?1, ?2)",
                params![code, now_unix_ms],
            )
            .map_err(|e| self.db_err(e))?;
        Ok(code)
    }

    pub fn has_participant(&self, code: &str) -> Result<bool> {
        self.conn
            .query_row("SELECT 1 FROM participants WHERE code = ?1", [code], |_| Ok(()))
            .optional()
            .map(|r| r.is_some())
            .map_err(|e| self.db_err(e))
    }

    /// A known participant's stored code, from what a clinician typed.
    pub fn participant(&self, raw: &str) -> Result<String> {
        let code = code::validate(raw)?;
        if self.has_participant(&code)? { Ok(code) } else { Err(StoreError::NoParticipant(code)) }
    }

    pub fn participants(&self) -> Result<Vec<ParticipantRow>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT p.code, p.created_unix_ms, COUNT(s.id) FROM participants p
                 LEFT JOIN sessions s ON s.participant = p.code GROUP BY p.code ORDER BY p.code",
            )
            .map_err(|e| self.db_err(e))?;
        stmt.query_map([], |r| {
            Ok(ParticipantRow { code: r.get(0)?, created_unix_ms: r.get(1)?, sessions: r.get(2)? })
        })
        .and_then(Iterator::collect)
        .map_err(|e| self.db_err(e))
    }

    /// Erases a participant and everything recorded about them: sessions,
    /// events and their journals.
    pub fn remove_participant(&mut self, raw: &str) -> Result<Erased> {
        let code = self.participant(raw)?;
        let journals: Vec<String> = {
            let mut stmt = self
                .conn
                .prepare("SELECT journal FROM sessions WHERE participant = ?1")
                .map_err(|e| self.db_err(e))?;
            stmt.query_map([&code], |r| r.get(0)).and_then(Iterator::collect).map_err(|e| self.db_err(e))?
        };
        let path = self.dir.join("mestring.sqlite");
        let db = |source| StoreError::Database { path: path.clone(), source };
        let tx = self.conn.transaction().map_err(db)?;
        let events: i64 = tx
            .query_row(
                "SELECT COUNT(*) FROM events WHERE session IN (SELECT id FROM sessions WHERE participant = ?1)",
                [&code],
                |r| r.get(0),
            )
            .map_err(db)?;
        let samples: i64 = tx
            .query_row(
                "SELECT COUNT(*) FROM samples WHERE session IN (SELECT id FROM sessions WHERE participant = ?1)",
                [&code],
                |r| r.get(0),
            )
            .map_err(db)?;
        let questionnaires = tx.execute("DELETE FROM rtw_se WHERE participant = ?1", [&code]).map_err(db)?;
        let sessions = tx.execute("DELETE FROM sessions WHERE participant = ?1", [&code]).map_err(db)?;
        tx.execute("DELETE FROM participants WHERE code = ?1", [&code]).map_err(db)?;
        tx.commit().map_err(db)?;
        let mut removed_journals = 0;
        for j in journals {
            if std::fs::remove_file(self.dir.join(j)).is_ok() {
                removed_journals += 1;
            }
        }
        Ok(Erased {
            sessions,
            events: events as usize,
            samples: samples as usize,
            questionnaires,
            journals: removed_journals,
        })
    }

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
            return Err(StoreError::NoParticipant(code.clone()));
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
            read.records.iter().filter_map(|r| event_row(&scenario, r, &mut level)).collect()
        };
        let samples: Vec<&BehaviourSample> = read
            .records
            .iter()
            .filter_map(|r| if let JournalRecord::Sample(s) = r { Some(s) } else { None })
            .collect();
        let end_reason = rows.iter().rev().find(|r| r.kind == "ended").and_then(|r| r.note.clone());
        let damaged = read
            .bad_tail
            .as_ref()
            .map(|t| format!("line {}: {} ({} lines after it)", t.line, t.reason, t.lines_after));

        let tx = self.conn.transaction().map_err(db)?;
        tx.execute(
            "INSERT INTO sessions (id, participant, scenario, level, seed, lang, started_unix_ms, status,
                                   end_reason, duration_ms, journal, damaged_tail)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
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

    pub fn sessions(&self, participant: Option<&str>) -> Result<Vec<SessionRow>> {
        let code = participant.map(|p| self.participant(p)).transpose()?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT s.id, s.participant, s.scenario, s.level, s.lang, s.started_unix_ms, s.status, s.end_reason,
                        s.duration_ms, (SELECT COUNT(*) FROM events e WHERE e.session = s.id), s.damaged_tail
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
    /// run, how it ended, its peak SUDS and its self-efficacy (per
    /// statement the last rating, the lowest of those).
    pub fn past_runs(&self, participant: &str, scenario: &str) -> Result<Vec<PastRun>> {
        let code = self.participant(participant)?;
        let db = |e| self.db_err(e);
        let sessions: Vec<(String, u8, Option<String>)> = {
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT id, level, end_reason FROM sessions WHERE participant = ?1 AND scenario = ?2
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
                "SELECT session, rating, value FROM ratings
                 WHERE participant = ?1 AND scenario = ?2 AND (rating = 'suds' OR rating LIKE 'self-efficacy:%')
                 ORDER BY session, seq",
            )
            .map_err(db)?;
        let ratings: Vec<(String, String, Option<i64>)> = stmt
            .query_map(params![code, scenario], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .and_then(Iterator::collect)
            .map_err(db)?;
        for (session, rating, value) in ratings {
            if let (Some(&i), Some(value)) =
                (index.get(session.as_str()), value.and_then(|v| u8::try_from(v).ok()))
            {
                runs[i].1.rated(&rating, value);
            }
        }
        Ok(runs
            .into_iter()
            .map(|(run, ratings)| PastRun {
                peak_suds: ratings.peak_suds(),
                self_efficacy: ratings.self_efficacy(),
                ..run
            })
            .collect())
    }

    /// Stores one RTW-SE questionnaire for a participant.
    pub fn add_rtw_se(&self, raw: &str, label: Option<&str>, q: &RtwSe, now_unix_ms: i64) -> Result<f64> {
        let code = self.participant(raw)?;
        let answers: Vec<String> = q.answers.iter().map(u8::to_string).collect();
        self.conn
            .execute(
                "INSERT INTO rtw_se (participant, answered_unix_ms, label, answers, mean) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![code, now_unix_ms, label, answers.join(","), q.mean()],
            )
            .map_err(|e| self.db_err(e))?;
        Ok(q.mean())
    }

    /// A participant's RTW-SE questionnaires, oldest first: (when, label, mean).
    pub fn rtw_se(&self, raw: &str) -> Result<Vec<(i64, Option<String>, f64)>> {
        let code = self.participant(raw)?;
        let mut stmt = self
            .conn
            .prepare("SELECT answered_unix_ms, label, mean FROM rtw_se WHERE participant = ?1 ORDER BY answered_unix_ms")
            .map_err(|e| self.db_err(e))?;
        stmt.query_map([code], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .and_then(Iterator::collect)
            .map_err(|e| self.db_err(e))
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

    pub fn session(&self, id: &str) -> Result<SessionRow> {
        self.sessions(None)?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| StoreError::NoSession(id.to_string()))
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
