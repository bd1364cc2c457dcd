//! The progression policy itself: its thresholds, the runs it reads, and
//! `propose`, which applies the rules listed in the module's docs.

use crate::prompts::rating_code;
use crate::scenario::{Progression, RatingKind, Scenario};
use crate::session::{Actor, RatingAnswer};

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
    /// Stopped before the end, by the participant or the clinician.
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
    /// How self-efficacy moved from before the run to after it (see
    /// [`RunRatings::self_efficacy_change`]), where a statement was rated
    /// both times.
    pub self_efficacy_change: Option<Change>,
    /// What became of the feared outcome that taught least (see
    /// [`RunRatings::expectation`]), where one was reviewed.
    pub expectation: Option<Expectation>,
}

/// A rating before a run and after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub from: u8,
    pub to: u8,
}

impl Change {
    /// How far it rose; negative where it fell.
    pub fn rise(&self) -> i16 {
        i16::from(self.to) - i16::from(self.from)
    }
}

/// A feared outcome's expectancy put to the test: how likely the
/// participant thought it before the run (if asked), whether it happened,
/// and how likely they think it after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expectation {
    pub before: Option<u8>,
    pub happened: bool,
    pub now: u8,
}

impl Expectation {
    /// A disconfirmed prediction that was not revised: the outcome was
    /// feared, did not come, and is still thought at least as likely. The
    /// learning that exposure is for (the expectancy violated) has not
    /// taken hold yet, and another run lets it be tested again. The test
    /// is against the participant's own prediction, not a fixed figure,
    /// because where the outcome happens by chance a high likelihood can
    /// be a fair one.
    pub fn held(&self) -> bool {
        !self.happened && self.before.is_some_and(|before| before > 0 && self.now >= before)
    }
}

/// A run's ratings reduced to what the policy reads, fed in the order they
/// were given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunRatings {
    peak_suds: Option<u8>,
    /// Per self-efficacy statement, its first rating and its last one
    /// after that, if it was rated again.
    self_efficacy: Vec<(String, u8, Option<u8>)>,
    expectancies: Vec<Feared>,
}

/// A feared outcome as a run rated it: its first expectancy rating (the
/// one held before) and its review (whether it happened, how likely now).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Feared {
    outcome: String,
    before: Option<u8>,
    review: Option<(bool, u8)>,
}

impl RunRatings {
    /// Takes one rating, by its code as records write it (`suds`,
    /// `self-efficacy:<statement>`, `expectancy:<outcome>`), and for an
    /// outcome's review (`expectancy-review:<outcome>`) whether it
    /// happened; other ratings are ignored.
    pub fn rated(&mut self, code: &str, value: u8, happened: Option<bool>) {
        if code == "suds" {
            self.peak_suds = Some(self.peak_suds.map_or(value, |p| p.max(value)));
        } else if let Some(statement) = code.strip_prefix("self-efficacy:") {
            match self.self_efficacy.iter_mut().find(|(s, ..)| s == statement) {
                Some((_, _, later)) => *later = Some(value),
                None => self.self_efficacy.push((statement.to_string(), value, None)),
            }
        } else if let Some(outcome) = code.strip_prefix("expectancy:") {
            // Asked again, the first answer is still the one held before.
            self.feared(outcome).before.get_or_insert(value);
        } else if let (Some(outcome), Some(happened)) = (code.strip_prefix("expectancy-review:"), happened) {
            self.feared(outcome).review = Some((happened, value));
        }
    }

    fn feared(&mut self, outcome: &str) -> &mut Feared {
        let i = match self.expectancies.iter().position(|f| f.outcome == outcome) {
            Some(i) => i,
            None => {
                self.expectancies.push(Feared { outcome: outcome.to_string(), before: None, review: None });
                self.expectancies.len() - 1
            }
        };
        &mut self.expectancies[i]
    }

    /// Takes one rating as a session reports it.
    pub fn rated_kind(&mut self, kind: &RatingKind, answer: &RatingAnswer) {
        let (value, happened) = match *answer {
            RatingAnswer::Scale(value) => (value, None),
            RatingAnswer::Review { happened, likelihood } => (likelihood, Some(happened)),
        };
        self.rated(&rating_code(kind), value, happened);
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
        self.self_efficacy.iter().map(|(_, first, later)| later.unwrap_or(*first)).min()
    }

    /// Of the statements rated before and after (twice or more), the one
    /// that rose least or fell most, from its first rating to its last:
    /// as with the lowest rating, a gain on one task must not hide a loss
    /// on another. Ratings are compared within a statement only, since
    /// each asks about a different task.
    pub fn self_efficacy_change(&self) -> Option<Change> {
        let changes = self
            .self_efficacy
            .iter()
            .filter_map(|(_, from, later)| later.map(|to| Change { from: *from, to }));
        changes.min_by_key(Change::rise)
    }

    /// Of the feared outcomes reviewed, the one that taught least: among
    /// those that did not happen, the one whose likelihood came down least
    /// (the one most still expected where none was asked before), else one
    /// that happened.
    pub fn expectation(&self) -> Option<Expectation> {
        let reviewed = self
            .expectancies
            .iter()
            .filter_map(|f| f.review.map(|(happened, now)| Expectation { before: f.before, happened, now }));
        // How far the likelihood rose from before (from 0 where it was
        // not asked): the highest came down least.
        let unlearned = |e: &Expectation| i16::from(e.now) - i16::from(e.before.unwrap_or(0));
        reviewed.max_by_key(|e| (!e.happened, unlearned(e)))
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
    SudsAbove {
        peak: u8,
        limit: u8,
    },
    NoSelfEfficacy,
    SelfEfficacyBelow {
        value: u8,
        min: u8,
    },
    /// Self-efficacy on a task fell by [`SELF_EFFICACY_FALL`] or more
    /// from before the run to after it.
    SelfEfficacyFell(Change),
    /// A feared outcome did not happen, and is still thought at least as
    /// likely as before (see [`Expectation::held`]).
    ExpectationHeld(Expectation),
}

/// A fall in self-efficacy that says the run shook the participant's
/// confidence: two steps of Bandura's scale, where one step either way
/// can be no more than how a number was picked.
pub const SELF_EFFICACY_FALL: u8 = 20;

/// What the newest run counted for a step up showed besides its
/// thresholds: how self-efficacy rose in it and what became of what the
/// participant feared. Said in the reason, so a step up is told as what
/// was learned, not only as distress that stayed low.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Learned {
    /// Self-efficacy's smallest rise from before to after, where it rose
    /// on every statement rated both times.
    pub self_efficacy_rose: Option<Change>,
    pub expectation: Option<Expectation>,
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
    Mastered {
        level: u8,
        runs: u8,
        peak: u8,
        self_efficacy: Option<u8>,
        criteria: Criteria,
        learned: Learned,
    },
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
    let learned = Learned {
        self_efficacy_rose: newest.self_efficacy_change.filter(|c| c.rise() > 0),
        expectation: newest.expectation,
    };
    let reason = Reason::Mastered {
        level: current,
        runs: needed,
        peak: counted.iter().filter_map(|r| r.peak_suds).max().unwrap_or(0),
        self_efficacy: criteria
            .self_efficacy_at_least
            .map(|_| counted.iter().filter_map(|r| r.self_efficacy).min().unwrap_or(0)),
        criteria,
        learned,
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
    if let Some(min) = policy.step_up_self_efficacy_at_least {
        match run.self_efficacy {
            None => return Some(Shortfall::NoSelfEfficacy),
            Some(value) if value < min => return Some(Shortfall::SelfEfficacyBelow { value, min }),
            Some(_) => {}
        }
    }
    // What the run taught, read wherever it was asked, whether or not the
    // policy uses a self-efficacy threshold.
    if let Some(change) = run.self_efficacy_change
        && change.rise() <= -i16::from(SELF_EFFICACY_FALL)
    {
        return Some(Shortfall::SelfEfficacyFell(change));
    }
    run.expectation.filter(Expectation::held).map(Shortfall::ExpectationHeld)
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
