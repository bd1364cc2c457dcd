//! The scenario language: the RON format as serde types, loading, and the
//! checker that gives authors located, actionable messages. Knows nothing
//! of Bevy, sessions or records.

pub mod brackets;
pub mod check;
pub mod diagnostic;
pub mod load;
pub mod locate;
pub mod model;
pub mod resolved;
mod syntax;
pub mod text;
mod window;

pub use diagnostic::{FileReport, Finding, Severity};
pub use load::{LoadedScenario, check_paths, load_bytes, load_file};
pub use model::*;
pub use text::Text;
