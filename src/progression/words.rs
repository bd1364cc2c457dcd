//! The policy's words: each proposal and its reason as a clinician reads
//! them. Kept apart from the rules so wording can be tuned without touching
//! what is proposed; the sentences are in `assets/locales/*/progression.ftl`.

use super::{Advice, Criteria, Proposal, Reason, Shortfall};
use crate::w;
use crate::words::Lang;

impl Advice {
    /// The proposal in a few words: "step up to level 3". Norwegian for
    /// `nb`, `nn` and `no`, English otherwise.
    pub fn headline(&self, lang: &str) -> String {
        let l = Lang::of(lang);
        match (self.proposal, self.reason) {
            (_, Reason::NoSuchLevel { .. }) => w!(l, "proposal-none"),
            (Proposal::StepUp { to }, _) => w!(l, "proposal-step-up", to = to),
            (Proposal::StepDown { to }, _) => w!(l, "proposal-step-down", to = to),
            (Proposal::Stay, _) => w!(l, "proposal-stay", level = self.level),
        }
    }

    /// Why, in a sentence or two a clinician can read aloud.
    pub fn reason_text(&self, lang: &str) -> String {
        let l = Lang::of(lang);
        let to = self.next_level();
        match self.reason {
            Reason::NoSuchLevel { level, levels } => {
                w!(l, "reason-no-such-level", level = level, levels = levels)
            }
            Reason::NoRunsYet { level, last_level: None } => w!(l, "reason-first-run", level = level),
            Reason::NoRunsYet { level, last_level: Some(last) } => {
                w!(l, "reason-back-to-level", level = level, last = last)
            }
            Reason::StoppedByParticipant { level } if level == to => {
                w!(l, "reason-stopped-at-gentlest", level = level)
            }
            Reason::StoppedByParticipant { level } => w!(l, "reason-stopped", level = level, to = to),
            Reason::HighDistress { level, peak, threshold } if level == to => {
                w!(l, "reason-high-distress-at-gentlest", level = level, peak = peak, threshold = threshold)
            }
            Reason::HighDistress { level, peak, threshold } => {
                w!(l, "reason-high-distress", level = level, peak = peak, threshold = threshold, to = to)
            }
            Reason::NotMastered { level, shortfall } => {
                w!(l, "reason-not-mastered", level = level, why = shortfall_text(l, shortfall))
            }
            Reason::MoreRunsNeeded { level, mastered, needed, criteria } => w!(
                l,
                "reason-more-runs-needed",
                runs = mastered,
                level = level,
                needed = needed,
                criteria = criteria_text(l, criteria)
            ),
            Reason::Mastered { level, runs, peak, self_efficacy, criteria } => {
                let se = match (self_efficacy, criteria.self_efficacy_at_least) {
                    (Some(value), Some(min)) => w!(l, "mastered-self-efficacy", value = value, min = min),
                    _ => String::new(),
                };
                let done = w!(
                    l,
                    "mastered-runs",
                    runs = runs,
                    level = level,
                    peak = peak,
                    limit = criteria.peak_suds_at_most,
                    self_efficacy = se
                );
                if level == to {
                    w!(l, "reason-mastered-top", done = done, level = level)
                } else {
                    w!(l, "reason-mastered", done = done, to = to)
                }
            }
        }
    }
}

fn shortfall_text(l: Lang, shortfall: Shortfall) -> String {
    match shortfall {
        Shortfall::StoppedByParticipant => w!(l, "shortfall-stopped-by-participant"),
        Shortfall::StoppedByClinician => w!(l, "shortfall-stopped-by-clinician"),
        Shortfall::Unfinished => w!(l, "shortfall-unfinished"),
        Shortfall::LevelChanged => w!(l, "shortfall-level-changed"),
        Shortfall::NoSuds => w!(l, "shortfall-no-suds"),
        Shortfall::SudsAbove { peak, limit } => w!(l, "shortfall-suds-above", peak = peak, limit = limit),
        Shortfall::NoSelfEfficacy => w!(l, "shortfall-no-self-efficacy"),
        Shortfall::SelfEfficacyBelow { value, min } => {
            w!(l, "shortfall-self-efficacy-below", value = value, min = min)
        }
    }
}

fn criteria_text(l: Lang, c: Criteria) -> String {
    match c.self_efficacy_at_least {
        Some(min) => w!(l, "criteria-suds-and-self-efficacy", suds = c.peak_suds_at_most, min = min),
        None => w!(l, "criteria-suds", suds = c.peak_suds_at_most),
    }
}
