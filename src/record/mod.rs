//! Recording: the single source of truth about what happened in a session.
//!
//! While a session runs, every input and output goes to an append-only
//! journal (`journal`) written by its own thread, so a crash loses at most
//! the last fraction of a second. When the session ends (or, if its
//! process died, on the next start) the journal is imported into the store
//! (`store`, SQLite), where sessions are listed, exported (`export`) and,
//! on request, erased. Records are pseudonymous (`code`) and stay in a
//! private folder on the clinic's machine.

pub mod behaviour;
pub mod code;
pub mod export;
pub mod journal;
pub mod recorder;
pub mod rows;
pub mod rtw_expectation;
pub mod rtw_se;
pub mod store;

pub use recorder::Recorder;
pub use store::{Store, StoreError, default_data_dir};
