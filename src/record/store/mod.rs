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
use crate::w;
use crate::words::{Explain, Lang};

use super::code::CodeError;
use super::journal::JournalError;

mod debrief_notes;
mod import;
mod participants;
mod queries;
mod schema;

pub use debrief_notes::{GOAL_MAX_CHARS, GoalRow, LEARNED_MAX_CHARS};
pub use import::Imported;
pub use participants::{Erased, ExpectationRow, ParticipantRow, Questionnaires, RtwSeRow};
pub use queries::{SampleRow, Sampling, SessionRow};

/// What went wrong with the records; in words in `cli.ftl`
/// ([`Explain`]), and in English as `Display`.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    Database {
        path: PathBuf,
        source: rusqlite::Error,
    },
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(transparent)]
    Code(#[from] CodeError),
    /// With the known codes nearest to it, when there are any.
    NoParticipant(String, Nearest),
    ParticipantExists(String),
    NoSession(String, Nearest),
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// A debrief note with no words in it.
    NoteEmpty(Note),
    /// A debrief note longer than it may be (`chars` > `max`).
    NoteTooLong {
        note: Note,
        chars: usize,
        max: usize,
    },
    /// A sub-goal reported on at a session that set none.
    NoGoal(String),
    AlreadyImported(String),
    BadSnapshot(PathBuf),
}

/// Which of a debrief's notes a [`StoreError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    Goal,
    Learned,
}

impl Explain for StoreError {
    fn explain(&self, lang: Lang) -> String {
        let shown = |p: &Path| p.display().to_string();
        let note_name = |n: &Note| match n {
            Note::Goal => "goal",
            Note::Learned => "learned",
        };
        match self {
            StoreError::Folder { path, source } => {
                w!(lang, "error-store-folder", path = shown(path), why = source.to_string())
            }
            StoreError::Database { path, source } => {
                w!(lang, "error-store-database", path = shown(path), why = source.to_string())
            }
            StoreError::TooNew { path, found, known } => {
                w!(lang, "error-store-too-new", path = shown(path), found = *found, known = *known)
            }
            StoreError::Code(e) => e.explain(lang),
            StoreError::NoParticipant(code, nearest) => {
                w!(lang, "error-store-no-participant", code = code, nearest = nearest.explain(lang))
            }
            StoreError::ParticipantExists(code) => w!(lang, "error-store-participant-exists", code = code),
            StoreError::NoSession(id, nearest) => {
                w!(lang, "error-store-no-session", id = id, nearest = nearest.explain(lang))
            }
            StoreError::Journal(e) => e.explain(lang),
            StoreError::NoteEmpty(note) => w!(lang, "error-note-empty", note = note_name(note)),
            StoreError::NoteTooLong { note, chars, max } => {
                w!(lang, "error-note-too-long", note = note_name(note), chars = *chars, max = *max)
            }
            StoreError::NoGoal(id) => w!(lang, "error-no-goal", id = id),
            StoreError::AlreadyImported(id) => w!(lang, "error-store-already-imported", id = id),
            StoreError::BadSnapshot(path) => w!(lang, "error-store-bad-snapshot", path = shown(path)),
        }
    }
}

crate::english_display!(StoreError);

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
