//! The scripted participant: a script's steps given to a session when
//! they fall due. The terminal player runs it on simulated time as fast as
//! it can; the shell runs it frame by frame; both go through `advance`, so
//! a script gives the same inputs at the same session times in both.
//!
//! A step's `after` counts from when the session began waiting for it: for
//! an answer, from when the prompt (or choice) opened; for anything else,
//! from the step before.

use super::script::{Action, Step};
use crate::session::drive::{self, Observer, Pacer};
use crate::session::scale::{answer, starting_answer};
use crate::session::{Input, Millis, Session};

#[derive(Debug, Clone)]
pub struct ScriptedParticipant {
    steps: Vec<Step>,
    next: usize,
    /// Session time the current step counts its `after` from, once known.
    since: Option<Millis>,
}

impl ScriptedParticipant {
    pub fn new(steps: Vec<Step>) -> Self {
        ScriptedParticipant { steps, next: 0, since: None }
    }

    /// Whether every step has been given.
    pub fn is_done(&self) -> bool {
        self.next >= self.steps.len()
    }

    /// When the current step is due, once that can be known: an answer
    /// waits until the session waits for one.
    fn due(&mut self, session: &Session) -> Option<Millis> {
        let step = self.steps.get(self.next)?;
        if self.since.is_none() {
            if step.is_answer() && !drive::is_waiting(session) {
                return None;
            }
            self.since = Some(session.now());
        }
        let wait = if let Action::Wait(ms) = step.action { ms } else { 0 };
        self.since.map(|since| since + step.after + wait)
    }

    /// Plays the session forward to `target`: its own timers and every
    /// step due by then, in time order.
    pub fn advance(
        &mut self,
        session: &mut Session,
        observer: &mut dyn Observer,
        target: Millis,
        pace: Pacer,
    ) {
        drive::start(session, observer);
        while !session.has_ended() {
            match self.due(session) {
                Some(at) if at <= target => {
                    drive::run_to(session, observer, at, pace);
                    let input = match &self.steps[self.next].action {
                        Action::Do(input) => Some(input.clone()),
                        Action::Answer => default_answer(session),
                        Action::Wait(_) => None,
                    };
                    if let Some(input) = input {
                        drive::feed(session, observer, at, input);
                    }
                    self.next += 1;
                    self.since = None;
                }
                Some(_) => break,
                // An answer not yet asked for: let the session go on to
                // its next moment and look again.
                None => match session.next_deadline() {
                    Some(deadline) if deadline <= target => {
                        pace(deadline);
                        drive::tick(session, observer, deadline);
                    }
                    _ => break,
                },
            }
        }
        if !session.has_ended() {
            drive::run_to(session, observer, target, pace);
        }
    }

    /// Plays the whole script as fast as the session allows: time jumps
    /// to whatever comes next.
    pub fn play_out(&mut self, session: &mut Session, observer: &mut dyn Observer, pace: Pacer) {
        drive::start(session, observer);
        // Each turn gives a step or moves the clock to a deadline; the
        // bound only guards against a scenario that never waits.
        for _ in 0..10_000_000 {
            if session.has_ended() || self.is_done() {
                return;
            }
            let Some(next) = self.due(session).or_else(|| session.next_deadline()) else { return };
            self.advance(session, observer, next, pace);
        }
    }
}

/// What a participant who only ever presses 1 and Enter gives: the first
/// option shown, or the open rating's starting value. On screen a review
/// needs a yes or no and a likelihood first; a script's `answer` gives
/// "not happened" at the scale's middle.
pub fn default_answer(session: &Session) -> Option<Input> {
    if let Some(order) = session.offered_order() {
        return Some(Input::Choose { option: order.first().copied().unwrap_or(0) });
    }
    let kind = session.open_rating()?;
    let (value, happened) = starting_answer(kind);
    answer(kind, value.or(Some(crate::session::scale(kind).default)), happened.or(Some(false)))
        .map(Input::Rate)
}
