//! The store's schema and its opening: a private folder and database file,
//! and the migrations that bring an older database up to date.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::{Result, Store, StoreError};
use crate::private_files::{self, CreateMode};

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
    // 4: where a session was shown (headset or desktop) and what its head
    // samples are, from the journal's display note.
    "ALTER TABLE sessions ADD COLUMN shown_in TEXT;
     ALTER TABLE sessions ADD COLUMN head_from TEXT;
     ALTER TABLE sessions ADD COLUMN sample_hz INTEGER;",
    // 5: what a session's debrief adds: the participant's next sub-goal
    // and whether they later reported it done (NULL: not yet reported);
    // what they said they learned.
    "CREATE TABLE goals (
        session TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        set_unix_ms INTEGER NOT NULL,
        done INTEGER,
        reported_unix_ms INTEGER
     );
     CREATE TABLE learned (
        session TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        noted_unix_ms INTEGER NOT NULL
     );",
    // 6: the language a participant reads (NULL: not chosen, so a run
    // takes the scenario's first language).
    "ALTER TABLE participants ADD COLUMN lang TEXT;",
    // 7: the participant's expectation of returning to work, one answer
    // at a time, by its code (record::rtw_expectation).
    "CREATE TABLE rtw_expectation (
        participant TEXT NOT NULL REFERENCES participants(code) ON DELETE CASCADE,
        answered_unix_ms INTEGER NOT NULL,
        label TEXT,
        answer TEXT NOT NULL
     );",
    // 8: what a run was for: the participant's own practice, or watching
    // a peer model it first (never counted as mastery).
    "ALTER TABLE sessions ADD COLUMN kind TEXT NOT NULL DEFAULT 'practice';",
];

/// Creates the private folder `path`, failing as the store does.
fn private_dir(path: &Path) -> Result<()> {
    private_files::create_dir(path).map_err(|source| StoreError::Folder { path: path.to_path_buf(), source })
}

impl Store {
    /// Opens (creating if needed) the store in `dir`, bringing its schema
    /// up to date.
    pub fn open(dir: &Path) -> Result<Store> {
        private_dir(dir)?;
        private_dir(&dir.join("journals/imported"))?;
        let path = dir.join("mestring.sqlite");
        // Create the file ourselves so it is private from its first byte;
        // SQLite gives its side files the same permissions.
        private_files::create_file(&path, CreateMode::Keep)
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
}
