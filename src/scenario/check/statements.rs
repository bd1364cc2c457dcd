//! Self-efficacy statements: rated before and after, and only where the
//! skill they name comes up.
//!
//! A rating of "how certain are you that you can ..." measures a change
//! only when it is given before the run and again after it (Bandura's
//! scales are read as a difference). And rated at a level whose flow never
//! reaches the skill, the second answer says nothing about practising it.

use std::collections::{BTreeSet, HashMap};

use super::flow::reachable_at;
use super::{Checker, f};
use crate::scenario::locate::PathPart as P;
use crate::scenario::model::*;

impl Checker<'_> {
    pub(super) fn check_statements(&mut self) {
        let s = self.scenario;
        if self.has_errors() {
            return;
        }
        let index: HashMap<&str, usize> = s.beats.iter().enumerate().map(|(i, b)| (b.id(), i)).collect();
        let Some(&start) = index.get(s.start.as_str()) else { return };
        for (i, statement) in s.ratings.self_efficacy.iter().enumerate() {
            let kind = RatingKind::SelfEfficacy(statement.id.clone());
            let in_flow = s.beats.iter().any(|b| matches!(b, Beat::Rate { rating, .. } if *rating == kind));
            let (mut once, mut unpractised) = (Vec::new(), Vec::new());
            for level in s.levels.iter().map(|l| l.level) {
                let whens: BTreeSet<bool> = s
                    .ratings
                    .schedule
                    .iter()
                    .filter(|a| a.rating == kind && a.asked_in_run_from(level))
                    .map(|a| a.when == RatingWhen::AtStart)
                    .chain(in_flow.then_some(false))
                    .collect();
                if whens.is_empty() {
                    continue;
                }
                // Before: at the start; after: anything later.
                if whens.len() < 2 {
                    once.push(level);
                }
                if !statement.practised_at.is_empty() {
                    let reached = reachable_at(s, &index, start, level);
                    let practised = statement
                        .practised_at
                        .iter()
                        .any(|b| index.get(b.as_str()).is_some_and(|&n| reached[n]));
                    if !practised {
                        unpractised.push(level);
                    }
                }
            }
            let path = [f("ratings"), f("self_efficacy"), P::Index(i), f("id")];
            if !once.is_empty() {
                self.warning(
                    "rated-once",
                    &path,
                    format!(
                        "\"{}\" is rated only once in a run at level(s) {once:?}: a change shows only \
                         between a rating before the run and one after",
                        statement.id
                    ),
                    "not rated before and after",
                    "ask the SelfEfficacy rating AtStart and again AtEnd, at the same levels".into(),
                );
            }
            if !unpractised.is_empty() {
                self.warning(
                    "unpractised-statement",
                    &path,
                    format!(
                        "\"{}\" is rated at level(s) {unpractised:?}, where the flow never reaches a beat \
                         in its practised_at",
                        statement.id
                    ),
                    "the skill never comes up there",
                    "ask it only at the levels where the skill is practised (`levels` on its ratings), \
                     or route those levels through one of its beats"
                        .into(),
                );
            }
        }
    }
}
