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

/// Called with the simulated time before the session is stepped to it;
/// a pacer sleeps there so a scripted run takes real time.
pub type Pacer<'a> = &'a mut dyn FnMut(Millis);

/// Lets simulated time run until the session waits for the participant,
/// is paused, or has ended. Ticks are not written as inputs: only what
/// they cause is.
fn run_until_waiting(session: &mut Session, observer: &mut dyn Observer, pace: Pacer) {
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
        pace(deadline);
        let scenario = std::sync::Arc::clone(session.scenario());
        let outputs = session.step(deadline, Input::Tick);
        observer.outputs(&scenario, outputs);
    }
}

/// Lets simulated time run to `target`, one deadline at a time so a pacer
/// sees each; the outputs are the same as from one step to `target`.
fn run_to(session: &mut Session, observer: &mut dyn Observer, target: Millis, pace: Pacer) {
    let scenario = std::sync::Arc::clone(session.scenario());
    while let Some(deadline) = session.next_deadline().filter(|&d| d < target) {
        pace(deadline);
        let outputs = session.step(deadline, Input::Tick);
        observer.outputs(&scenario, outputs);
    }
    pace(target);
    let outputs = session.step(target, Input::Tick);
    observer.outputs(&scenario, outputs);
}

/// Plays `steps` against `session` from its current state, as fast as it can.
pub fn run_script(session: &mut Session, steps: &[Step], observer: &mut dyn Observer) -> ScriptOutcome {
    run_script_paced(session, steps, observer, &mut |_| {})
}

/// Plays `steps`, calling `pace` before each moment of simulated time.
pub fn run_script_paced(
    session: &mut Session,
    steps: &[Step],
    observer: &mut dyn Observer,
    pace: Pacer,
) -> ScriptOutcome {
    if session.now() == 0 && !session.has_ended() {
        start(session, observer);
    }
    for step in steps {
        if session.has_ended() {
            return ScriptOutcome::Ended;
        }
        if step.is_answer() {
            run_until_waiting(session, observer, pace);
        }
        let at = session.now() + step.after;
        match &step.action {
            Action::Wait(millis) => run_to(session, observer, at + millis, pace),
            Action::Do(input) => {
                run_to(session, observer, at, pace);
                feed(session, observer, at, input.clone());
            }
        }
    }
    run_until_waiting(session, observer, pace);
    if session.has_ended() {
        ScriptOutcome::Ended
    } else {
        let at = session.now();
        feed(session, observer, at, Input::Stop { by: Actor::Clinician });
        ScriptOutcome::ScriptRanOut { line_count: steps.len() }
    }
}
