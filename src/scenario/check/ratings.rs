//! Ratings: self-efficacy statements, the rating schedule, the progression
//! policy and its scales, rating kinds, and the debrief questions.

use super::{Checker, at, f};
use crate::scenario::locate::PathPart as P;
use crate::scenario::model::*;

impl Checker<'_> {
    pub(super) fn check_ratings(&mut self) {
        let ratings = &self.scenario.ratings;
        self.check_unique(
            "self-efficacy statement",
            ratings
                .self_efficacy
                .iter()
                .enumerate()
                .map(|(i, s)| (vec![f("ratings"), f("self_efficacy"), P::Index(i), f("id")], s.id.as_str())),
        );
        for (i, statement) in ratings.self_efficacy.iter().enumerate() {
            let path = [f("ratings"), f("self_efficacy"), P::Index(i)];
            self.check_id(&at(&path, &[f("id")]), &statement.id, "self-efficacy statement");
            self.check_text(&at(&path, &[f("can")]), &statement.can);
            for (k, beat) in statement.practised_at.iter().enumerate() {
                if !self.beat_ids.contains(beat.as_str()) {
                    self.unknown_beat(&at(&path, &[f("practised_at"), P::Index(k)]), beat);
                }
            }
        }
        for (i, ask) in ratings.schedule.iter().enumerate() {
            let path = [f("ratings"), f("schedule"), P::Index(i)];
            self.check_rating_kind(&at(&path, &[f("rating")]), &ask.rating);
            if let Some(levels) = ask.levels {
                self.check_level_range(&at(&path, &[f("levels")]), levels);
            }
            match &ask.when {
                RatingWhen::Every(minutes) => {
                    self.check_range(&at(&path, &[f("when")]), *minutes, 0.5, 60.0, "minutes between ratings")
                }
                RatingWhen::AfterBeat(beat) => {
                    if !self.beat_ids.contains(beat.as_str()) {
                        self.unknown_beat(&at(&path, &[f("when")]), beat);
                    }
                }
                RatingWhen::AtStart | RatingWhen::AtEnd => {}
            }
        }
    }

    /// The progression policy: values on the rating scales, thresholds that
    /// cannot both hold, and ratings the policy needs but nobody asks.
    pub(super) fn check_progression(&mut self) {
        let s = self.scenario;
        let up = [f("progression"), f("step_up")];
        let down_at = [f("progression"), f("step_down"), f("peak_suds_at_least")];
        let se_at = at(&up, &[f("self_efficacy_at_least")]);
        if let Some(p) = &s.progression {
            let suds_at = at(&up, &[f("peak_suds_at_most")]);
            let suds = RatingKind::Suds;
            self.check_scale(&suds_at, p.step_up.peak_suds_at_most, "step_up's peak_suds_at_most", &suds);
            self.check_scale(
                &down_at,
                p.step_down.peak_suds_at_least,
                "step_down's peak_suds_at_least",
                &suds,
            );
            if !(1..=10).contains(&p.step_up.runs) {
                self.error(
                    "out-of-range",
                    &at(&up, &[f("runs")]),
                    format!("runs is {}, but must be between 1 and 10", p.step_up.runs),
                    "out of range",
                    "how many runs in a row at a level must go well before a step up; 2 is usual".into(),
                );
            }
            if let Some(se) = p.step_up.self_efficacy_at_least {
                let self_efficacy = RatingKind::SelfEfficacy(String::new());
                self.check_scale(&se_at, se, "self_efficacy_at_least", &self_efficacy);
                let scale = crate::session::scale(&self_efficacy);
                if se <= scale.top && !se.is_multiple_of(scale.step) {
                    self.warning(
                        "not-in-tens",
                        &se_at,
                        format!("self_efficacy_at_least is {se}, but self-efficacy is rated in tens"),
                        "not a multiple of 10",
                        format!(
                            "answers are 0, 10, 20, ... 100, so {se} works as {}; write that",
                            se.div_ceil(10) * 10
                        ),
                    );
                }
                if !s.asks_self_efficacy() {
                    self.error(
                        "no-self-efficacy-rating",
                        &se_at,
                        "the progression policy uses self-efficacy, but the scenario never asks it".into(),
                        "never asked",
                        "ask a SelfEfficacy rating AtEnd in ratings.schedule, or leave self_efficacy_at_least out"
                            .into(),
                    );
                }
            }
            let (up_to, down_from) = (p.step_up.peak_suds_at_most, p.step_down.peak_suds_at_least);
            if down_from <= up_to {
                // At the step-down value where it is written (its span is
                // then not the enclosing one's), else at the step-up value.
                let written = self.span(&down_at) != self.span(&down_at[..2]);
                self.error(
                    "thresholds-overlap",
                    if written { &down_at } else { &suds_at },
                    format!(
                        "step_down's peak_suds_at_least ({down_from}) is not above step_up's \
                         peak_suds_at_most ({up_to}); one run could call for a step up and a step down"
                    ),
                    "not above the step-up threshold",
                    format!(
                        "make peak_suds_at_least higher than peak_suds_at_most; left out, they are {} and {}",
                        Progression::DEFAULT_STEP_DOWN_PEAK_SUDS,
                        Progression::DEFAULT_STEP_UP_PEAK_SUDS
                    ),
                );
            }
            if !s.asks_suds() {
                self.error(
                    "no-suds-rating",
                    &suds_at,
                    "the progression policy reads SUDS, but the scenario never asks it".into(),
                    "SUDS never asked",
                    "ask Suds AtStart, every few minutes and AtEnd in ratings.schedule".into(),
                );
            }
        }
        // The policy reads a run's last self-efficacy ratings: asked only
        // before the exposure, they say nothing about how it went.
        let is_se = |r: &RatingKind| matches!(r, RatingKind::SelfEfficacy(_));
        let asked_before =
            s.ratings.schedule.iter().filter(|a| is_se(&a.rating) && a.when == RatingWhen::AtStart);
        let asked = s.asked_ratings().filter(|r| is_se(r)).count();
        if asked > 0 && asked == asked_before.count() {
            let written = s.progression.is_some_and(|p| p.step_up.self_efficacy_at_least.is_some());
            let first = s.ratings.schedule.iter().position(|a| is_se(&a.rating)).unwrap_or(0);
            let path =
                if written { se_at } else { vec![f("ratings"), f("schedule"), P::Index(first), f("when")] };
            self.warning(
                "self-efficacy-only-before",
                &path,
                "self-efficacy is asked only at the start, but progression judges a run by its ratings after"
                    .into(),
                "asked only before",
                "ask the same SelfEfficacy rating AtEnd too, so a run's rating says how it went".into(),
            );
        }
    }

    /// A threshold on a 0-100 rating scale.
    /// A threshold written in a rating's own units must lie on its scale
    /// (`session::scale`, the one place that knows it).
    fn check_scale(&mut self, path: &[P], value: u8, what: &str, kind: &RatingKind) {
        let top = crate::session::scale(kind).top;
        if value > top {
            let name = match kind {
                RatingKind::SelfEfficacy(_) => "self-efficacy",
                _ => "SUDS",
            };
            self.error(
                "out-of-range",
                path,
                format!("{what} is {value}, but must be between 0 and {top}"),
                "out of range",
                format!("{name} is rated from 0 to {top}"),
            );
        }
    }

    pub(super) fn check_rating_kind(&mut self, path: &[P], kind: &RatingKind) {
        let s = self.scenario;
        match kind {
            RatingKind::SelfEfficacy(id) if !s.ratings.self_efficacy.iter().any(|x| &x.id == id) => {
                let hint = self.known("statements", s.ratings.self_efficacy.iter().map(|x| x.id.as_str()));
                self.error(
                    "unknown-statement",
                    path,
                    format!("no self-efficacy statement has the id \"{id}\""),
                    "unknown statement",
                    format!("{hint}; statements are listed in ratings.self_efficacy"),
                );
            }
            RatingKind::ExpectancyReview(id)
                if s.feared_outcomes.iter().any(|o| &o.id == id && o.review.is_none()) =>
            {
                self.warning(
                    "no-review-question",
                    path,
                    format!("the feared outcome \"{id}\" is reviewed, but has no review question"),
                    "no review question",
                    "give the outcome a `review`: the question afterwards, in the past tense, like \
                     \"Did someone criticise you in front of the others?\""
                        .into(),
                );
            }
            RatingKind::Expectancy(id) | RatingKind::ExpectancyReview(id)
                if !s.feared_outcomes.iter().any(|o| &o.id == id) =>
            {
                let hint = self.known("feared outcomes", s.feared_outcomes.iter().map(|o| o.id.as_str()));
                self.error(
                    "unknown-outcome",
                    path,
                    format!("no feared outcome has the id \"{id}\""),
                    "unknown feared outcome",
                    hint,
                );
            }
            _ => {}
        }
    }

    pub(super) fn check_debrief(&mut self) {
        if self.scenario.debrief.is_empty() {
            self.warning(
                "no-debrief",
                &[f("debrief")],
                "the scenario has no debrief questions".into(),
                "none",
                "add questions for the reflective conversation afterwards".into(),
            );
        }
        for (i, q) in self.scenario.debrief.iter().enumerate() {
            self.check_text(&[f("debrief"), P::Index(i), f("text")], &q.text);
        }
    }
}
