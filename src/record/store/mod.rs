//! The store: participants and their sessions in an embedded SQLite
//! database on the clinic's machine, in a folder only its owner can read.
//!
//! Journals are the source of truth while a session runs; the store is
//! where they go once it has ended (or, for a session whose process died,
//! on the next start). A journal is kept after import, moved to
//! `journals/imported/`: nothing recorded is ever thrown away by the
//! program itself, only by an explicit erase of a participant.
//!
//! In parts: `schema` opens the database and brings its tables up to
//! date, `participants` adds and erases the people recorded, `import`
//! brings journals in, `debrief_notes` keeps the sub-goal and what was
//! learned at each debrief,
//! and `queries` reads sessions, events, samples and
//! past runs back out for listings, exports and progression.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::nearest::Nearest;

use super::code::CodeError;
use super::journal::JournalError;

mod debrief_notes;
mod import;
mod participants;
mod queries;
mod schema;

pub use debrief_notes::{GOAL_MAX_CHARS, GoalRow, LEARNED_MAX_CHARS};
pub use import::Imported;
pub use participants::{Erased, ParticipantRow};
pub use queries::{SampleRow, SessionRow};

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
    /// With the known codes nearest to it, when there are any.
    #[error("there is no participant with the code {0}{1}")]
    NoParticipant(String, Nearest),
    #[error("there is already a participant with the code {0}")]
    ParticipantExists(String),
    #[error("there is no session with the id {0}{1}")]
    NoSession(String, Nearest),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error("{0}")]
    Goal(String),
    #[error("session {0} is already in the store")]
    AlreadyImported(String),
    #[error("the scenario kept in journal {0} cannot be read; the journal is left where it is")]
    BadSnapshot(PathBuf),
}

type Result<T> = std::result::Result<T, StoreError>;

pub struct Store {
    conn: Connection,
    dir: PathBuf,
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

impl Store {
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
}
