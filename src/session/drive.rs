//! The one way a session is driven: every front end (the terminal player,
//! the Bevy shell, the frame bench) steps the session through these
//! functions, and whoever wants to see what happened (a transcript, a
//! journal, the shell's stage) watches as an `Observer`. Keeping this in
//! one place is what lets a script played in the shell give the very
//! transcript `mestring play` gives.

use std::sync::Arc;

use super::{Input, Millis, Output, Session, Stamped};
use crate::scenario::Scenario;

/// Something that wants to see every input and output as it happens (a
/// terminal printer, a transcript, a recorder, the shell).
pub trait Observer {
    fn input(&mut self, scenario: &Scenario, at: Millis, input: &Input);
    fn outputs(&mut self, scenario: &Scenario, outputs: &[Stamped<Output>]);
}

/// Shows everything to two observers, the first first.
pub struct Both<'a>(pub &'a mut dyn Observer, pub &'a mut dyn Observer);

impl Observer for Both<'_> {
    fn input(&mut self, scenario: &Scenario, at: Millis, input: &Input) {
        self.0.input(scenario, at, input);
        self.1.input(scenario, at, input);
    }

    fn outputs(&mut self, scenario: &Scenario, outputs: &[Stamped<Output>]) {
        self.0.outputs(scenario, outputs);
        self.1.outputs(scenario, outputs);
    }
}

/// Sees nothing: for runs whose only record is elsewhere.
pub struct Unobserved;

impl Observer for Unobserved {
    fn input(&mut self, _: &Scenario, _: Millis, _: &Input) {}
    fn outputs(&mut self, _: &Scenario, _: &[Stamped<Output>]) {}
}

/// Starts the session at time 0: the level, the cast, the first ratings
/// or line. Nobody gave an input, so none is shown. Does nothing to a
/// session that has started.
pub fn start(session: &mut Session, observer: &mut dyn Observer) {
    if session.has_started() {
        return;
    }
    let scenario = Arc::clone(session.scenario());
    let outputs = session.step(0, Input::Tick);
    observer.outputs(&scenario, outputs);
}

/// Feeds one input and shows it and its outputs to the observer, in time
/// order: what fell due before the input first, then the input, then what
/// it caused. A time before the session's clock is taken as its clock.
pub fn feed(session: &mut Session, observer: &mut dyn Observer, at: Millis, input: Input) {
    let at = at.max(session.now());
    tick(session, observer, at);
    let scenario = Arc::clone(session.scenario());
    observer.input(&scenario, at, &input);
    let outputs = session.step(at, input);
    observer.outputs(&scenario, outputs);
}

/// Ends the session now, for a front end that is going away (a window
/// closed, a script or a pipe run out): the stop begins the calm phase, and
/// a second stop ends that too, so the record is complete.
pub fn stop_now(session: &mut Session, observer: &mut dyn Observer, at: Millis, by: super::Actor) {
    for _ in 0..2 {
        if !session.has_ended() {
            feed(session, observer, at, Input::Stop { by });
        }
    }
}

/// Lets time pass to `at`: whatever falls due on the way is shown, the
/// tick itself is not an input anybody gave.
pub fn tick(session: &mut Session, observer: &mut dyn Observer, at: Millis) {
    let scenario = Arc::clone(session.scenario());
    let outputs = session.step(at, Input::Tick);
    observer.outputs(&scenario, outputs);
}

/// Called with the simulated time before the session is stepped to it;
/// a pacer sleeps there so a scripted run takes real time.
pub type Pacer<'a> = &'a mut dyn FnMut(Millis);

/// Lets time run to `target` one deadline at a time, so a pacer sees
/// each; the outputs are the same as from one tick to `target`.
pub fn run_to(session: &mut Session, observer: &mut dyn Observer, target: Millis, pace: Pacer) {
    while let Some(deadline) = session.next_deadline().filter(|&d| d < target) {
        pace(deadline);
        tick(session, observer, deadline);
    }
    pace(target);
    tick(session, observer, target);
}

/// Whether the session waits for somebody: it has ended, asks the
/// participant something, or has no timer running (as while paused).
pub fn is_waiting(session: &Session) -> bool {
    session.has_ended()
        || session.offered_choice().is_some()
        || session.open_rating().is_some()
        || session.next_deadline().is_none()
}

/// Lets time run until the session waits for somebody (see `is_waiting`).
pub fn run_until_waiting(session: &mut Session, observer: &mut dyn Observer, pace: Pacer) {
    // Chance cues alone can keep producing deadlines; the flow cannot wait
    // on time forever, so this bound is only a guard.
    for _ in 0..1_000_000 {
        if is_waiting(session) {
            return;
        }
        let Some(deadline) = session.next_deadline() else { return };
        pace(deadline);
        tick(session, observer, deadline);
    }
}
