//! The policy's words: each proposal and its reason as a clinician reads
//! them. Kept apart from the rules so wording can be tuned without touching
//! what is proposed; the sentences are in `assets/locales/*/progression.ftl`.

use super::{Advice, Criteria, Expectation, Learned, Proposal, Reason, Shortfall};
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

    /// Why, in a sentence or a few, spoken to the participant: the
    /// clinician reads it aloud.
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
                w!(l, "reason-not-mastered", level = level, why = shortfall_text(l, level, shortfall))
            }
            Reason::MoreRunsNeeded { level, mastered, needed, criteria } => w!(
                l,
                "reason-more-runs-needed",
                runs = mastered,
                level = level,
                needed = needed,
                criteria = criteria_text(l, criteria)
            ),
            Reason::Mastered { level, runs, peak, self_efficacy, criteria, learned } => {
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
                let next = if level == to {
                    w!(l, "reason-mastered-top", level = level)
                } else {
                    w!(l, "reason-mastered", to = to)
                };
                let mut sentences = vec![done];
                sentences.extend(learned_text(l, learned));
                sentences.push(next);
                sentences.join(" ")
            }
        }
    }
}

fn shortfall_text(l: Lang, level: u8, shortfall: Shortfall) -> String {
    let p = |v: u8| l.percent(f64::from(v));
    match shortfall {
        Shortfall::StoppedByParticipant => w!(l, "shortfall-stopped-by-participant", level = level),
        Shortfall::StoppedByClinician => w!(l, "shortfall-stopped-by-clinician", level = level),
        Shortfall::Unfinished => w!(l, "shortfall-unfinished", level = level),
        Shortfall::LevelChanged => w!(l, "shortfall-level-changed", level = level),
        Shortfall::NoSuds => w!(l, "shortfall-no-suds", level = level),
        Shortfall::SudsAbove { peak, limit } => {
            w!(l, "shortfall-suds-above", level = level, peak = peak, limit = limit)
        }
        Shortfall::NoSelfEfficacy => w!(l, "shortfall-no-self-efficacy", level = level),
        Shortfall::SelfEfficacyBelow { value, min } => {
            w!(l, "shortfall-self-efficacy-below", level = level, value = value, min = min)
        }
        Shortfall::SelfEfficacyFell(c) => {
            w!(l, "shortfall-self-efficacy-fell", level = level, from = c.from, to = c.to)
        }
        Shortfall::ExpectationHeld(e) => w!(
            l,
            "shortfall-expectation-held",
            level = level,
            before = p(e.before.unwrap_or(0)),
            now = p(e.now)
        ),
    }
}

/// What the run taught, a sentence for each thing it showed.
fn learned_text(l: Lang, learned: Learned) -> Vec<String> {
    let p = |v: u8| l.percent(f64::from(v));
    let rose = learned.self_efficacy_rose.map(|c| w!(l, "learned-self-efficacy-rose", rise = c.rise()));
    let feared = learned.expectation.map(|e| match e {
        Expectation { happened: true, .. } => w!(l, "learned-expectation-borne"),
        Expectation { before: Some(before), now, .. } if now < before => {
            w!(l, "learned-expectation-disconfirmed", before = p(before), now = p(now))
        }
        Expectation { now, .. } => w!(l, "learned-expectation-not-asked", now = p(now)),
    });
    rose.into_iter().chain(feared).collect()
}

fn criteria_text(l: Lang, c: Criteria) -> String {
    match c.self_efficacy_at_least {
        Some(min) => w!(l, "criteria-suds-and-self-efficacy", suds = c.peak_suds_at_most, min = min),
        None => w!(l, "criteria-suds", suds = c.peak_suds_at_most),
    }
}
