//! Feared outcomes: their signs, and whether each one is still open at
//! the levels that ask how likely it is.
//!
//! An expectancy rating is a prediction the run can disconfirm (Craske et
//! al. 2014). That only works where the outcome can go either way: where
//! the script makes it certain, or makes it impossible, the answer says
//! nothing the run could change. So for each level that asks, the checker
//! walks every way through the flow at that level, every option and every
//! route that chance can take, and sees whether the ways to an End all
//! pass a sign of the outcome, or none does.

use std::collections::HashMap;

use super::{Checker, f};
use crate::scenario::locate::PathPart as P;
use crate::scenario::model::*;

impl Checker<'_> {
    pub(super) fn check_outcomes(&mut self) {
        let s = self.scenario;
        for (o, outcome) in s.feared_outcomes.iter().enumerate() {
            for (k, sign) in outcome.happens.iter().enumerate() {
                if let Sign::Reached(beat) = sign
                    && !self.beat_ids.contains(beat.as_str())
                {
                    let path = [f("feared_outcomes"), P::Index(o), f("happens"), P::Index(k)];
                    self.unknown_beat(&path, beat);
                }
            }
        }
        // With a broken flow every outcome would look certain or impossible.
        if self.has_errors() {
            return;
        }
        let index: HashMap<&str, usize> = s.beats.iter().enumerate().map(|(i, b)| (b.id(), i)).collect();
        let Some(&start) = index.get(s.start.as_str()) else { return };
        for (o, outcome) in s.feared_outcomes.iter().enumerate() {
            let asked = asking_levels(s, &outcome.id);
            if asked.is_empty() {
                continue;
            }
            let path = [f("feared_outcomes"), P::Index(o)];
            if outcome.happens.is_empty() {
                self.warning(
                    "unsigned-outcome",
                    &[f("feared_outcomes"), P::Index(o), f("id")],
                    format!(
                        "\"{}\" is asked about, but nothing in the flow is named as a sign of it",
                        outcome.id
                    ),
                    "no `happens`",
                    "list what shows it happened, e.g. `happens: [Reached(\"ola-remark\")]` or \
                     `[Chose(Avoidant)]`, so the record and the checker can see it"
                        .into(),
                );
                continue;
            }
            let (mut certain, mut impossible) = (Vec::new(), Vec::new());
            for level in asked {
                match ways_to_end(s, &index, start, level, outcome) {
                    (true, false) => certain.push(level),
                    (false, true) => impossible.push(level),
                    _ => {}
                }
            }
            let signs = [&path[..], &[f("happens")]].concat();
            if !certain.is_empty() {
                self.warning(
                    "certain-outcome",
                    &signs,
                    format!(
                        "\"{}\" is certain to happen at level(s) {certain:?}, where its likelihood is asked: \
                         every way through the flow there passes a sign of it",
                        outcome.id
                    ),
                    "certain by the script",
                    "a prediction can only be disconfirmed if the outcome may not come: give the route to it \
                     a `chance`, let it follow from the participant's choices, or ask only at other levels \
                     (`levels` on the rating)"
                        .into(),
                );
            }
            if !impossible.is_empty() {
                self.warning(
                    "impossible-outcome",
                    &signs,
                    format!(
                        "\"{}\" can never happen at level(s) {impossible:?}, where its likelihood is asked: \
                         no way through the flow there passes a sign of it",
                        outcome.id
                    ),
                    "never happens there",
                    "ask only at levels where it can happen (`levels` on the rating), or give it a way to \
                     happen there"
                        .into(),
                );
            }
        }
    }
}

/// The levels at which a run asks how likely the outcome `id` is: its
/// expectancy in the schedule (within the ask's `levels`), or in a Rate
/// beat, which may come at any level.
fn asking_levels(s: &Scenario, id: &str) -> Vec<u8> {
    let expectancy = RatingKind::Expectancy(id.to_string());
    let in_flow = s.beats.iter().any(|b| matches!(b, Beat::Rate { rating, .. } if *rating == expectancy));
    s.levels
        .iter()
        .map(|l| l.level)
        .filter(|&level| {
            in_flow || s.ratings.schedule.iter().any(|a| a.rating == expectancy && a.asked_in_run_from(level))
        })
        .collect()
}

/// Whether a run at `level` can reach an End having passed a sign of the
/// outcome, and whether it can reach one without. A depth-first walk over
/// (beat, seen yet) pairs, so loops end.
fn ways_to_end(
    s: &Scenario,
    index: &HashMap<&str, usize>,
    start: usize,
    level: u8,
    outcome: &FearedOutcome,
) -> (bool, bool) {
    let present = |by: &str| {
        s.levels.iter().find(|l| l.level == level).is_some_and(|l| l.present.iter().any(|p| p == by))
    };
    // A line is a sign only where it is said: its speaker is there.
    let is_sign = |beat: &Beat| {
        let reached = outcome.happens.iter().any(|sign| matches!(sign, Sign::Reached(id) if id == beat.id()));
        reached
            && match beat {
                Beat::Say { by, .. } => present(by),
                _ => true,
            }
    };
    let chose_sign = |option: &ChoiceOption| {
        outcome.happens.iter().any(|sign| matches!(sign, Sign::Chose(tag) if option.tags.contains(tag)))
    };
    let mut visited = vec![[false; 2]; s.beats.len()];
    let mut stack = vec![(start, false)];
    let (mut with, mut without) = (false, false);
    while let Some((b, seen)) = stack.pop() {
        let beat = &s.beats[b];
        let seen = seen || is_sign(beat);
        if std::mem::replace(&mut visited[b][usize::from(seen)], true) {
            continue;
        }
        let mut go = |next: &str, seen: bool| {
            if let Some(&n) = index.get(next) {
                stack.push((n, seen));
            }
        };
        match beat {
            Beat::End { .. } => {
                with |= seen;
                without |= !seen;
            }
            Beat::Choose { options, silence, .. } => {
                for option in options {
                    go(&option.next, seen || chose_sign(option));
                }
                if let Some(silence) = silence {
                    go(&silence.next, seen);
                }
            }
            other => {
                for next in other.successors_at(level) {
                    go(next, seen);
                }
            }
        }
    }
    (with, without)
}
