//! mestring: graded work-situation exposure for work-focused rehabilitation.
//!
//! The scenario rules live in a pure core (`scenario`, `session`, `play`,
//! `progression`) that the Bevy shell (`app`, behind the `shell` feature)
//! only drives.

pub mod clinic;
pub mod debrief;
pub mod live_picture;
pub mod nearest;
pub mod play;
pub mod private_files;
pub mod progression;
pub mod prompts;
pub mod record;
pub mod room;
pub mod scenario;
pub mod session;
pub mod sound;
pub mod wallclock;
pub mod words;

#[cfg(feature = "shell")]
pub mod app;
