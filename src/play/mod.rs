//! Terminal playthrough: transcripts, scripts, and the players that drive a
//! session from a script (simulated time) or from a person (real time).

pub mod driver;
pub mod script;
pub mod terminal;
pub mod transcript;

pub use driver::{Observer, ScriptOutcome, feed, run_script, run_script_paced};
pub use transcript::{Transcript, first_difference};
