//! What the clinician watches while a session runs: SUDS, self-efficacy
//! and VR sickness over session time, the cues, level changes and markers
//! on the same clock, the last choices, and whether a rating suggests a
//! pause. Built from the session's outputs alone, so it is the same in
//! the window, in the headless tests and when a record is read back.
//!
//! The alert only suggests: the clinician decides whether to pause, and
//! nothing the participant sees changes.

use std::collections::VecDeque;

use crate::progression::{Advice, PastRun, Policy, RunEnd, RunRatings};
use crate::scenario::{Beat, ChoiceTag, RatingKind, Scenario, StressCue};
use crate::session::{Millis, Output, RatingAnswer};

/// Where a rating suggests a pause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    /// SUDS at or above this (0 to 100).
    pub suds: u8,
    /// VR sickness (FMS) at or above this (0 to 20).
    pub sickness: u8,
}

impl Thresholds {
    /// Half the FMS scale. This is the project's cautious choice, not a
    /// published cut-off: sickness tends to grow while exposure goes on,
    /// so the console asks the clinician to look well before "frank
    /// sickness" (20). A clinic sets its own with `--alert-sickness`.
    pub const DEFAULT_SICKNESS: u8 = 10;

    /// The scenario's own: SUDS at its step-down threshold (the distress
    /// it calls too high for a level), sickness at half the scale.
    pub fn of(scenario: &Scenario) -> Thresholds {
        Thresholds {
            suds: Policy::of(scenario).step_down_peak_suds_at_least,
            sickness: Self::DEFAULT_SICKNESS,
        }
    }
}

/// Something on the session clock that is not a rating.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Cue { cue: StressCue, intensity: f32 },
    Level { from: u8, to: u8 },
    Marker { note: String },
}

/// One of the participant's choices.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub at: Millis,
    /// The beat's id.
    pub beat: String,
    /// As written in the scenario, from 1.
    pub option: usize,
    pub latency: Millis,
    pub tags: Vec<ChoiceTag>,
}

/// A rating that suggests a pause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alert {
    Distress { at: Millis, suds: u8, threshold: u8 },
    Sickness { at: Millis, fms: u8, threshold: u8 },
}

#[derive(Debug, Clone)]
pub struct LivePicture {
    pub thresholds: Thresholds,
    /// (session time, rating), in time order.
    pub suds: Vec<(Millis, u8)>,
    /// Per statement (its id), as the scenario names them.
    pub self_efficacy: Vec<(String, Vec<(Millis, u8)>)>,
    pub sickness: Vec<(Millis, u8)>,
    pub events: Vec<(Millis, Event)>,
    /// The newest first, at most `CHOICES`.
    pub choices: VecDeque<Choice>,
    /// This run's ratings as the progression policy reads them.
    ratings: RunRatings,
    /// The level in force, and whether the clinician changed it.
    level: u8,
    level_changed: bool,
}

/// How many choices the console lists.
pub const CHOICES: usize = 4;

impl LivePicture {
    pub fn new(thresholds: Thresholds) -> LivePicture {
        LivePicture {
            thresholds,
            suds: Vec::new(),
            self_efficacy: Vec::new(),
            sickness: Vec::new(),
            events: Vec::new(),
            choices: VecDeque::new(),
            ratings: RunRatings::default(),
            level: 0,
            level_changed: false,
        }
    }

    /// Takes in one output of the session at session time `at`.
    pub fn note(&mut self, beats: &[Beat], at: Millis, output: &Output) {
        if let Output::Rated { rating, answer, .. } = output {
            self.ratings.rated_kind(rating, answer);
        }
        match output {
            Output::Started { level } => self.level = *level,
            Output::Rated { rating, answer: RatingAnswer::Scale(value), .. } => {
                let series = match rating {
                    RatingKind::Suds => &mut self.suds,
                    RatingKind::SelfEfficacy(statement) => {
                        let at_statement = self.self_efficacy.iter().position(|(s, _)| s == statement);
                        let i = at_statement.unwrap_or_else(|| {
                            self.self_efficacy.push((statement.clone(), Vec::new()));
                            self.self_efficacy.len() - 1
                        });
                        &mut self.self_efficacy[i].1
                    }
                    RatingKind::Cybersickness => &mut self.sickness,
                    RatingKind::Expectancy(_) | RatingKind::ExpectancyReview(_) => return,
                };
                series.push((at, *value));
            }
            Output::CueStarted { cue, intensity, .. } => {
                self.events.push((at, Event::Cue { cue: *cue, intensity: *intensity }));
            }
            Output::LevelChanged { from, to } => {
                self.level = *to;
                self.level_changed = true;
                self.events.push((at, Event::Level { from: *from, to: *to }));
            }
            Output::Marker { note } => self.events.push((at, Event::Marker { note: note.clone() })),
            // The note typed after a marker belongs to the newest one.
            Output::MarkerNoted { note, .. } => {
                if let Some((_, Event::Marker { note: old })) =
                    self.events.iter_mut().rev().find(|(_, e)| matches!(e, Event::Marker { .. }))
                {
                    *old = note.clone();
                }
            }
            Output::Chosen { beat, option, latency, .. } => {
                let Some(Beat::Choose { id, options, .. }) = beats.get(*beat) else { return };
                let tags = options.get(*option).map(|o| o.tags.clone()).unwrap_or_default();
                self.choices.push_front(Choice {
                    at,
                    beat: id.clone(),
                    option: option + 1,
                    latency: *latency,
                    tags,
                });
                self.choices.truncate(CHOICES);
            }
            _ => {}
        }
    }

    /// The progression proposal if the run ended now, at its end, after
    /// the participant's `past` runs of the scenario (oldest first): the
    /// same rule as the start screen's, with this run as the newest.
    pub fn proposal(&self, policy: &Policy, levels: usize, past: &[PastRun]) -> Advice {
        let now = PastRun {
            level: self.level,
            level_changed: self.level_changed,
            end: RunEnd::Completed,
            peak_suds: self.ratings.peak_suds(),
            self_efficacy: self.ratings.self_efficacy(),
            self_efficacy_change: self.ratings.self_efficacy_change(),
            expectation: self.ratings.expectation(),
        };
        let runs: Vec<PastRun> = past.iter().cloned().chain(std::iter::once(now)).collect();
        crate::progression::propose(policy, self.level, levels, &runs)
    }

    /// What the newest ratings suggest: the newest SUDS at or above its
    /// threshold, the newest sickness rating at or above its own. A later
    /// rating below the threshold takes the alert back.
    pub fn alerts(&self) -> Vec<Alert> {
        let t = self.thresholds;
        let distress = self.suds.last().filter(|(_, v)| *v >= t.suds).map(|&(at, suds)| Alert::Distress {
            at,
            suds,
            threshold: t.suds,
        });
        let sickness = self
            .sickness
            .last()
            .filter(|(_, v)| *v >= t.sickness)
            .map(|&(at, fms)| Alert::Sickness { at, fms, threshold: t.sickness });
        distress.into_iter().chain(sickness).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rated(rating: RatingKind, value: u8) -> Output {
        Output::Rated { rating, answer: RatingAnswer::Scale(value), latency: 900 }
    }

    #[test]
    fn ratings_land_on_their_series_and_alerts_follow_the_newest() {
        let mut live = LivePicture::new(Thresholds { suds: 80, sickness: 10 });
        live.note(&[], 1_000, &rated(RatingKind::Suds, 40));
        assert!(live.alerts().is_empty());
        live.note(&[], 2_000, &rated(RatingKind::Suds, 80));
        live.note(&[], 2_500, &rated(RatingKind::SelfEfficacy("speak".into()), 60));
        assert_eq!(live.alerts(), [Alert::Distress { at: 2_000, suds: 80, threshold: 80 }]);
        live.note(&[], 3_000, &rated(RatingKind::Cybersickness, 12));
        assert_eq!(live.alerts().len(), 2);
        live.note(&[], 4_000, &rated(RatingKind::Suds, 50));
        assert_eq!(live.alerts(), [Alert::Sickness { at: 3_000, fms: 12, threshold: 10 }]);
        assert_eq!(live.suds, [(1_000, 40), (2_000, 80), (4_000, 50)]);
        assert_eq!(live.self_efficacy, [("speak".to_string(), vec![(2_500, 60)])]);
    }

    #[test]
    fn the_proposal_reads_this_run_as_the_newest() {
        use crate::progression::Proposal;
        let policy = Policy::resolve(&Default::default(), false);
        let mut live = LivePicture::new(Thresholds { suds: 80, sickness: 10 });
        live.note(&[], 0, &Output::Started { level: 3 });
        live.note(&[], 1_000, &rated(RatingKind::Suds, 90));
        let advice = live.proposal(&policy, 5, &[]);
        assert!(matches!(advice.proposal, Proposal::StepDown { to: 2 }), "{advice:?}");
    }

    #[test]
    fn a_note_typed_after_a_marker_becomes_its_text() {
        let mut live = LivePicture::new(Thresholds { suds: 80, sickness: 10 });
        live.note(&[], 1_000, &Output::Marker { note: String::new() });
        live.note(&[], 1_500, &Output::LevelChanged { from: 2, to: 3 });
        live.note(&[], 2_000, &Output::MarkerNoted { marker: 1_000, note: "looked away".into() });
        assert_eq!(live.events[0], (1_000, Event::Marker { note: "looked away".into() }));
    }
}
