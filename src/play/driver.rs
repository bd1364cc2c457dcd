//! Runs a session from a script on simulated time, recording a transcript.
//!
//! Time jumps straight to whatever the session waits for next, so a
//! 30-minute scenario plays in milliseconds and every run of the same
//! script gives the same transcript. The steps are given by the same
//! `ScriptedParticipant` the shell uses.

use super::script::Step;
use super::scripted::ScriptedParticipant;
use super::transcript::Transcript;
use crate::scenario::Scenario;
use crate::session::drive::{self, Observer, Pacer};
use crate::session::{Actor, Input, Millis, Output, Session, Stamped};

/// How a scripted run finished.
#[derive(Debug, Clone, PartialEq)]
pub enum ScriptOutcome {
    /// The session ended while the script ran.
    Ended,
    /// The script ran out while the session still waited for the
    /// participant; the run stopped the session on the clinician's behalf.
    ScriptRanOut { line_count: usize },
}

impl Observer for Transcript {
    fn input(&mut self, _scenario: &Scenario, at: Millis, input: &Input) {
        Transcript::input(self, at, input);
    }

    fn outputs(&mut self, scenario: &Scenario, outputs: &[Stamped<Output>]) {
        for o in outputs {
            self.output(scenario, o.at, &o.item);
        }
    }
}

/// Plays `steps` against `session` from its current state, as fast as it can.
pub fn run_script(session: &mut Session, steps: &[Step], observer: &mut dyn Observer) -> ScriptOutcome {
    run_script_paced(session, steps, observer, &mut |_| {})
}

/// Plays `steps`, calling `pace` before each moment of simulated time.
/// When the script runs out before the session ends, time runs on until
/// the session waits for the participant, and the clinician stops it
/// there: a script is a whole run.
pub fn run_script_paced(
    session: &mut Session,
    steps: &[Step],
    observer: &mut dyn Observer,
    pace: Pacer,
) -> ScriptOutcome {
    ScriptedParticipant::new(steps.to_vec()).play_out(session, observer, pace);
    finish(session, observer, pace, steps.len())
}

/// What a scripted run does once its script has run out: see
/// `run_script_paced`.
pub fn finish(
    session: &mut Session,
    observer: &mut dyn Observer,
    pace: Pacer,
    line_count: usize,
) -> ScriptOutcome {
    if !session.has_ended() {
        drive::run_until_waiting(session, observer, pace);
    }
    if session.has_ended() {
        return ScriptOutcome::Ended;
    }
    let at = session.now();
    drive::stop_now(session, observer, at, Actor::Clinician);
    ScriptOutcome::ScriptRanOut { line_count }
}
