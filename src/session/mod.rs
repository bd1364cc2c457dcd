//! The pure session runtime: one scenario at one exposure level, as a
//! deterministic state machine. No Bevy, no wall clock, no I/O: the same
//! inputs at the same times always give the same outputs, so a 30-minute
//! session replays in milliseconds, and the terminal player and the
//! headset share every rule.

pub mod breathing;
pub mod cast;
pub mod drive;
pub mod io;
pub mod rng;
pub mod runtime;
pub mod scale;

pub use drive::Observer;
pub use io::{Actor, EndReason, Input, Millis, Output, RatingAnswer, Rejection, ReloadAt, Stamped};
pub use runtime::{Incompatible, RunKind, Session, SessionError, validate_answer, version_of};
pub use scale::{RatingScale, scale};
