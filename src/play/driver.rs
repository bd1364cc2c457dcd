//! Runs a session from a script on simulated time, recording a transcript.
//!
//! Time jumps straight to whatever the session waits for next, so a
//! 30-minute scenario plays in milliseconds and every run of the same
//! script gives the same transcript.

use super::script::{Action, Step};
use super::transcript::Transcript;
use crate::scenario::Scenario;
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

/// Something that wants to see every input and output as it happens (a
/// terminal printer, a recorder).
pub trait Observer {
    fn input(&mut self, scenario: &Scenario, at: Millis, input: &Input);
    fn outputs(&mut self, scenario: &Scenario, outputs: &[Stamped<Output>]);
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

/// Feeds one input and shows it and its outputs to the observer, in time
/// order: what fell due before the input first, then the input, then what
/// it caused.
pub fn feed(session: &mut Session, observer: &mut dyn Observer, at: Millis, input: Input) {
    let at = at.max(session.now());
    let scenario = std::sync::Arc::clone(session.scenario());
    let due = session.step(at, Input::Tick);
    observer.outputs(&scenario, due);
    observer.input(&scenario, at, &input);
    let outputs = session.step(at, input);
    observer.outputs(&scenario, outputs);
}

/// Starts the session at time 0: the level, the cast, the first ratings
/// or line. Nobody gave an input, so none is shown.
pub fn start(session: &mut Session, observer: &mut dyn Observer) {
    let scenario = std::sync::Arc::clone(session.scenario());
    let outputs = session.step(0, Input::Tick);
    observer.outputs(&scenario, outputs);
}

/// Lets simulated time run until the session waits for the participant,
/// is paused, or has ended. Ticks are not written as inputs: only what
/// they cause is.
fn run_until_waiting(session: &mut Session, observer: &mut dyn Observer) {
    // Chance cues alone can keep producing deadlines; the flow cannot wait
    // on time forever, so this bound is only a guard.
    for _ in 0..1_000_000 {
        if session.has_ended()
            || session.is_paused()
            || session.offered_choice().is_some()
            || session.open_rating().is_some()
        {
            return;
        }
        let Some(deadline) = session.next_deadline() else { return };
        let scenario = std::sync::Arc::clone(session.scenario());
        let outputs = session.step(deadline, Input::Tick);
        observer.outputs(&scenario, outputs);
    }
}

/// Plays `steps` against `session` from its current state.
pub fn run_script(session: &mut Session, steps: &[Step], observer: &mut dyn Observer) -> ScriptOutcome {
    if session.now() == 0 && !session.has_ended() {
        start(session, observer);
    }
    for step in steps {
        if session.has_ended() {
            return ScriptOutcome::Ended;
        }
        if step.is_answer() {
            run_until_waiting(session, observer);
        }
        let at = session.now() + step.after;
        match &step.action {
            Action::Wait(millis) => {
                let target = session.now() + step.after + millis;
                // Play out everything due on the way, stamped at its time.
                let scenario = std::sync::Arc::clone(session.scenario());
                let outputs = session.step(target, Input::Tick);
                observer.outputs(&scenario, outputs);
            }
            Action::Do(input) => feed(session, observer, at, input.clone()),
        }
    }
    run_until_waiting(session, observer);
    if session.has_ended() {
        ScriptOutcome::Ended
    } else {
        let at = session.now();
        feed(session, observer, at, Input::Stop { by: Actor::Clinician });
        ScriptOutcome::ScriptRanOut { line_count: steps.len() }
    }
}
