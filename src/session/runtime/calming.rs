//! The calming pause, within the session: the run's own time stands
//! still while the participant rates SUDS, breathes at the scenario's pace
//! (on the session clock, the one timer that runs meanwhile), and rates
//! SUDS again; then the run goes on where it stood.

use super::*;
use crate::session::breathing::Pace;

/// A calming pause: the run stands still while the participant rates
/// SUDS, breathes at the scenario's pace, and rates SUDS again.
#[derive(Debug, Clone)]
pub(super) struct CalmingPause {
    pub(super) phase: Calming,
    /// A rating that was open when the pause began, asked again after it.
    pub(super) held: Option<OpenRating>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Calming {
    /// Asking SUDS before the breathing.
    Before,
    /// Breathing until `until`, on the session clock: the run's own time
    /// stands still meanwhile.
    Breathing { until: Millis },
    /// Asking SUDS after it.
    After,
}

impl Session {
    /// The calming button: the first press begins a calming pause; in its
    /// first SUDS a second press lets it go (pressed by mistake), during
    /// the breathing it ends the breathing early, and the last SUDS is
    /// asked all the same.
    pub(super) fn calm(&mut self, input: &Input, by: Actor) {
        match self.calming.as_ref().map(|c| c.phase) {
            None => {
                self.hold_still();
                let held = self.open_rating.take();
                self.calming = Some(CalmingPause { phase: Calming::Before, held });
                self.emit(Output::CalmingStarted { by });
                self.ask_now(RatingKind::Suds);
            }
            Some(Calming::Before) => {
                self.open_rating = None;
                self.calming_over();
            }
            Some(Calming::Breathing { .. }) => self.breathing_over(false),
            Some(Calming::After) => self.reject(input, Rejection::Calming),
        }
    }

    pub(super) fn ask_now(&mut self, kind: RatingKind) {
        self.emit(Output::RatingAsked { rating: kind.clone() });
        self.open_rating = Some(OpenRating { kind, asked_at: self.active() });
    }

    pub(super) fn breathe(&mut self) {
        let pace = Pace::of(&self.scenario.breathing);
        let until = self.now + pace.total_millis();
        if let Some(calm) = &mut self.calming {
            calm.phase = Calming::Breathing { until };
        }
        self.emit(Output::BreathingStarted { pace });
    }

    /// The breathing is over, all of it (`completed`) or ended early; the
    /// last SUDS of the pause follows.
    pub(super) fn breathing_over(&mut self, completed: bool) {
        if let Some(calm) = &mut self.calming {
            calm.phase = Calming::After;
        }
        self.emit(Output::BreathingEnded { completed });
        self.ask_now(RatingKind::Suds);
    }

    /// The run goes on where it stood, with any rating it was asking.
    pub(super) fn calming_over(&mut self) {
        let Some(calm) = self.calming.take() else { return };
        self.emit(Output::CalmingEnded);
        if let Some(held) = calm.held {
            self.emit(Output::RatingAsked { rating: held.kind.clone() });
            self.open_rating = Some(held);
        }
        self.go_on_if_free();
        self.run_flow();
    }
}
