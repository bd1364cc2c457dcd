//! Terminal playthrough: transcripts, scripts, and the players that drive a
//! session from a script (simulated time) or from a person (real time).

pub mod driver;
pub mod script;
pub mod scripted;
pub mod terminal;
pub mod transcript;

pub use crate::session::drive::{Observer, feed};
pub use driver::{ScriptOutcome, run_script, run_script_paced};
pub use scripted::ScriptedParticipant;
pub use transcript::{Transcript, first_difference};
