//! The progression policy itself: its thresholds, the runs it reads, and
//! `propose`, which applies the rules listed in the module's docs.

use crate::prompts::rating_code;
use crate::scenario::{Progression, RatingKind, Scenario};
use crate::session::Actor;

/// A scenario's progression policy with its defaults filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// A mastery run's highest SUDS rating is at most this.
    pub step_up_peak_suds_at_most: u8,
    /// A mastery run's self-efficacy is at least this; `None` when the
    /// policy does not use self-efficacy.
    pub step_up_self_efficacy_at_least: Option<u8>,
    /// How many mastery runs in a row a step up needs (at least 1).
    pub step_up_runs: u8,
    /// A run whose highest SUDS rating reaches this proposes a step down.
    pub step_down_peak_suds_at_least: u8,
    /// Whether proposed steps may be taken without the clinician.
    pub automatic: bool,
}

impl Policy {
    /// The scenario's policy: its `progression` block, or the defaults.
    pub fn of(scenario: &Scenario) -> Policy {
        Policy::resolve(&scenario.progression(), scenario.asks_self_efficacy())
    }

    /// Fills in what the author left out. Self-efficacy left out is used,
    /// at the default threshold, only where the scenario asks it.
    pub fn resolve(progression: &Progression, asks_self_efficacy: bool) -> Policy {
        let step_up = &progression.step_up;
        Policy {
            step_up_peak_suds_at_most: step_up.peak_suds_at_most,
            step_up_self_efficacy_at_least: step_up
                .self_efficacy_at_least
                .or(asks_self_efficacy.then_some(Progression::DEFAULT_SELF_EFFICACY)),
            step_up_runs: step_up.runs.max(1),
            step_down_peak_suds_at_least: progression.step_down.peak_suds_at_least,
            automatic: progression.automatic,
        }
    }
}

impl Default for Policy {
    /// The defaults, for a scenario that asks self-efficacy.
    fn default() -> Self {
        Policy::resolve(&Progression::default(), true)
    }
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunEnd {
    /// The flow reached an End.
    Completed,
    /// Stopped before the end, by the participant (escape) or the clinician.
    Stopped { by: Actor },
    /// Neither: the program was closed or stopped working mid-run, or the
    /// scenario went wrong.
    Unfinished,
}

/// One past run of a scenario, as the policy reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PastRun {
    /// The level in force when the run ended.
    pub level: u8,
    /// Whether the clinician changed the level while it ran.
    pub level_changed: bool,
    pub end: RunEnd,
    /// The highest SUDS rating in the run, if any was given.
    pub peak_suds: Option<u8>,
    /// The run's self-efficacy (see [`RunRatings::self_efficacy`]), if any.
    pub self_efficacy: Option<u8>,
}

/// A run's ratings reduced to what the policy reads, fed in the order they
/// were given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunRatings {
    peak_suds: Option<u8>,
    /// Per self-efficacy statement, its last rating.
    last_self_efficacy: Vec<(String, u8)>,
}

impl RunRatings {
    /// Takes one rating, by its code as records write it (`suds`,
    /// `self-efficacy:<statement>`); other ratings are ignored.
    pub fn rated(&mut self, code: &str, value: u8) {
        if code == "suds" {
            self.peak_suds = Some(self.peak_suds.map_or(value, |p| p.max(value)));
        } else if let Some(statement) = code.strip_prefix("self-efficacy:") {
            match self.last_self_efficacy.iter_mut().find(|(s, _)| s == statement) {
                Some((_, last)) => *last = value,
                None => self.last_self_efficacy.push((statement.to_string(), value)),
            }
        }
    }

    /// Takes one rating as a session reports it.
    pub fn rated_kind(&mut self, kind: &RatingKind, value: u8) {
        self.rated(&rating_code(kind), value);
    }

    /// The highest SUDS rating.
    pub fn peak_suds(&self) -> Option<u8> {
        self.peak_suds
    }

    /// Per statement the run's last self-efficacy rating (after the
    /// exposure, where the schedule asks it then), and of those the
    /// lowest: every task the scenario practises must feel manageable,
    /// and a high rating on one must not hide a low one on another.
    pub fn self_efficacy(&self) -> Option<u8> {
        self.last_self_efficacy.iter().map(|(_, v)| *v).min()
    }
}

/// What the policy proposes for the next run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proposal {
    StepUp { to: u8 },
    StepDown { to: u8 },
    Stay,
}

/// Why a run does not count as mastery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortfall {
    StoppedByParticipant,
    StoppedByClinician,
    Unfinished,
    LevelChanged,
    NoSuds,
    SudsAbove { peak: u8, limit: u8 },
    NoSelfEfficacy,
    SelfEfficacyBelow { value: u8, min: u8 },
}

/// Why the policy proposes what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The current level is not one of the scenario's.
    NoSuchLevel { level: u8, levels: usize },
    /// No run at this level since the last run at another; `last_level`
    /// is the newest run's level, if there is any run.
    NoRunsYet { level: u8, last_level: Option<u8> },
    /// The participant stopped the newest run at this level.
    StoppedByParticipant { level: u8 },
    /// The newest run's peak SUDS reached the step-down threshold.
    HighDistress { level: u8, peak: u8, threshold: u8 },
    /// The newest run at this level is not a mastery run.
    NotMastered { level: u8, shortfall: Shortfall },
    /// The newest `mastered` runs are mastery runs, but a step up needs
    /// `needed` in a row.
    MoreRunsNeeded { level: u8, mastered: usize, needed: u8, criteria: Criteria },
    /// The newest `runs` runs are mastery runs: their highest peak SUDS
    /// and lowest self-efficacy.
    Mastered { level: u8, runs: u8, peak: u8, self_efficacy: Option<u8>, criteria: Criteria },
}

/// A step up's thresholds, quoted in reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Criteria {
    pub peak_suds_at_most: u8,
    pub self_efficacy_at_least: Option<u8>,
}

/// The policy's proposal for the next run, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Advice {
    /// The level the proposal starts from.
    pub level: u8,
    pub proposal: Proposal,
    pub reason: Reason,
    /// Whether the step may be taken without the clinician: only a step,
    /// only where the scenario allows it, and never after the participant
    /// stopped a run (that calls for a conversation first).
    pub automatic: bool,
}

/// Proposes the next run's level from `runs`, this participant's past runs
/// of one scenario, oldest first and newest last. `current` is the level
/// the next run would be at (usually the newest run's), and `levels` the
/// scenario's number of levels.
pub fn propose(policy: &Policy, current: u8, levels: usize, runs: &[PastRun]) -> Advice {
    let stay = |reason| Advice { level: current, proposal: Proposal::Stay, reason, automatic: false };
    if current == 0 || usize::from(current) > levels {
        return stay(Reason::NoSuchLevel { level: current, levels });
    }
    // Newest first, back to the first run at another level.
    let at_level: Vec<&PastRun> = runs.iter().rev().take_while(|r| r.level == current).collect();
    let Some(newest) = at_level.first() else {
        return stay(Reason::NoRunsYet { level: current, last_level: runs.last().map(|r| r.level) });
    };
    let down = |reason, automatic: bool| {
        if current == 1 {
            stay(reason)
        } else {
            Advice {
                level: current,
                proposal: Proposal::StepDown { to: current - 1 },
                reason,
                automatic: automatic && policy.automatic,
            }
        }
    };

    if newest.end == (RunEnd::Stopped { by: Actor::Participant }) {
        return down(Reason::StoppedByParticipant { level: current }, false);
    }
    // A run whose level changed cannot tie its peak to this level.
    if !newest.level_changed
        && let Some(peak) = newest.peak_suds
        && peak >= policy.step_down_peak_suds_at_least
    {
        let threshold = policy.step_down_peak_suds_at_least;
        return down(Reason::HighDistress { level: current, peak, threshold }, true);
    }
    if let Some(shortfall) = shortfall(policy, newest) {
        return stay(Reason::NotMastered { level: current, shortfall });
    }

    let criteria = Criteria {
        peak_suds_at_most: policy.step_up_peak_suds_at_most,
        self_efficacy_at_least: policy.step_up_self_efficacy_at_least,
    };
    let needed = policy.step_up_runs.max(1);
    let mastered = at_level.iter().take_while(|r| shortfall(policy, r).is_none()).count();
    if mastered < usize::from(needed) {
        return stay(Reason::MoreRunsNeeded { level: current, mastered, needed, criteria });
    }
    let counted = &at_level[..usize::from(needed)];
    let reason = Reason::Mastered {
        level: current,
        runs: needed,
        peak: counted.iter().filter_map(|r| r.peak_suds).max().unwrap_or(0),
        self_efficacy: criteria
            .self_efficacy_at_least
            .map(|_| counted.iter().filter_map(|r| r.self_efficacy).min().unwrap_or(0)),
        criteria,
    };
    if usize::from(current) == levels {
        stay(reason)
    } else {
        Advice {
            level: current,
            proposal: Proposal::StepUp { to: current + 1 },
            reason,
            automatic: policy.automatic,
        }
    }
}

/// Why `run` is not a mastery run under `policy`, if it is not.
fn shortfall(policy: &Policy, run: &PastRun) -> Option<Shortfall> {
    match run.end {
        RunEnd::Completed => {}
        RunEnd::Stopped { by: Actor::Participant } => return Some(Shortfall::StoppedByParticipant),
        RunEnd::Stopped { by: Actor::Clinician } => return Some(Shortfall::StoppedByClinician),
        RunEnd::Unfinished => return Some(Shortfall::Unfinished),
    }
    if run.level_changed {
        return Some(Shortfall::LevelChanged);
    }
    let limit = policy.step_up_peak_suds_at_most;
    match run.peak_suds {
        None => return Some(Shortfall::NoSuds),
        Some(peak) if peak > limit => return Some(Shortfall::SudsAbove { peak, limit }),
        Some(_) => {}
    }
    let min = policy.step_up_self_efficacy_at_least?;
    match run.self_efficacy {
        None => Some(Shortfall::NoSelfEfficacy),
        Some(value) if value < min => Some(Shortfall::SelfEfficacyBelow { value, min }),
        Some(_) => None,
    }
}

impl Advice {
    /// The level the next run would be at if the proposal is taken.
    pub fn next_level(&self) -> u8 {
        match self.proposal {
            Proposal::StepUp { to } | Proposal::StepDown { to } => to,
            Proposal::Stay => self.level,
        }
    }
}
