//! Each rating instrument's scale, in one place: its top, the step its
//! answers come in, where a prompt starts, and how far one press of an
//! arrow key moves it. The session validates answers against it, the
//! prompts print it, and every front end (keys, mouse cells, the headset's
//! card, the frame bench) asks it instead of keeping its own numbers.

use super::RatingAnswer;
use crate::scenario::RatingKind;

/// The scale of one rating prompt; every value on it lies in
/// `0..=top` and is a multiple of `step`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatingScale {
    pub top: u8,
    pub step: u8,
    /// Where the prompt starts before the participant moves it.
    pub default: u8,
    /// How far one arrow key moves the value: coarser than `step` on the
    /// 0-100 scales, so a rating takes a few presses, not fifty.
    pub key_step: u8,
}

impl RatingScale {
    /// Whether `value` is on the scale.
    pub fn holds(&self, value: u8) -> bool {
        value <= self.top && value.is_multiple_of(self.step)
    }

    /// One key step up, at most the top.
    pub fn up(&self, value: u8) -> u8 {
        value.saturating_add(self.key_step).min(self.top)
    }

    /// One key step down, at least 0.
    pub fn down(&self, value: u8) -> u8 {
        value.saturating_sub(self.key_step)
    }

    /// One key step up from what the prompt holds: from nothing set yet,
    /// the first press puts the value in the middle, where it can be seen.
    pub fn up_from(&self, value: Option<u8>) -> u8 {
        value.map_or(self.default, |v| self.up(v))
    }

    /// One key step down from what the prompt holds (see `up_from`).
    pub fn down_from(&self, value: Option<u8>) -> u8 {
        value.map_or(self.default, |v| self.down(v))
    }

    /// The value of a cell on a pointer scale of `cells` equal parts
    /// (cell 0 is the bottom, `cells` the top), on the scale's steps.
    pub fn at_cell(&self, cell: u8, cells: u8) -> u8 {
        let raw = u32::from(cell.min(cells)) * u32::from(self.top) / u32::from(cells.max(1));
        let step = u32::from(self.step.max(1));
        ((raw / step) * step) as u8
    }
}

/// The scale of `kind` (see clinical-background.md): SUDS and expectancy
/// 0-100 %, self-efficacy 0-100 in tens (Bandura's format), the Fast
/// Motion Sickness scale 0-20.
pub fn scale(kind: &RatingKind) -> RatingScale {
    match kind {
        RatingKind::Suds | RatingKind::Expectancy(_) | RatingKind::ExpectancyReview(_) => {
            RatingScale { top: 100, step: 1, default: 50, key_step: 5 }
        }
        RatingKind::SelfEfficacy(_) => RatingScale { top: 100, step: 10, default: 50, key_step: 10 },
        RatingKind::Cybersickness => RatingScale { top: 20, step: 1, default: 0, key_step: 1 },
    }
}

/// What a prompt holds before the participant touches it: the scale's
/// default, except for an expectancy review, which holds nothing: whether
/// the feared outcome happened, and how likely it seems now, are the
/// learning the review measures, so nothing answers either for them.
pub fn starting_answer(kind: &RatingKind) -> (Option<u8>, Option<bool>) {
    let value = (!is_review(kind)).then_some(scale(kind).default);
    (value, None)
}

pub fn is_review(kind: &RatingKind) -> bool {
    matches!(kind, RatingKind::ExpectancyReview(_))
}

/// The answer a prompt's value and, for a review, its yes or no give;
/// none while the value, or a review's yes or no, is still open.
pub fn answer(kind: &RatingKind, value: Option<u8>, happened: Option<bool>) -> Option<RatingAnswer> {
    match (is_review(kind), value, happened) {
        (true, Some(likelihood), Some(happened)) => Some(RatingAnswer::Review { happened, likelihood }),
        (true, ..) | (false, None, _) => None,
        (false, Some(value), _) => Some(RatingAnswer::Scale(value)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_is_on_its_scale_and_keys_stay_on_it() {
        let kinds = [
            RatingKind::Suds,
            RatingKind::SelfEfficacy("x".into()),
            RatingKind::Expectancy("x".into()),
            RatingKind::ExpectancyReview("x".into()),
            RatingKind::Cybersickness,
        ];
        for kind in &kinds {
            let s = scale(kind);
            assert!(s.holds(s.default), "{kind:?}");
            let (mut v, mut steps) = (s.default, 0);
            while v < s.top {
                v = s.up(v);
                steps += 1;
                assert!(s.holds(v), "{kind:?}: {v}");
            }
            assert!(steps <= 20, "{kind:?}: {steps} presses from the default to the top");
            assert_eq!(s.up(s.top), s.top);
            assert_eq!(s.down(0), 0);
            assert!(s.key_step.is_multiple_of(s.step), "{kind:?}");
        }
    }

    #[test]
    fn a_review_starts_with_nothing_set_and_answers_only_once_both_are_given() {
        let review = RatingKind::ExpectancyReview("x".into());
        assert_eq!(starting_answer(&review), (None, None));
        assert_eq!(starting_answer(&RatingKind::Suds), (Some(50), None));
        assert_eq!(answer(&review, None, Some(false)), None);
        assert_eq!(answer(&review, Some(20), None), None);
        assert_eq!(
            answer(&review, Some(20), Some(false)),
            Some(RatingAnswer::Review { happened: false, likelihood: 20 })
        );
        // The first arrow press shows the middle; the next ones move it.
        let s = scale(&review);
        assert_eq!((s.up_from(None), s.down_from(None)), (50, 50));
        assert_eq!((s.up_from(Some(50)), s.down_from(Some(50))), (55, 45));
    }

    #[test]
    fn pointer_cells_land_on_the_scale() {
        let se = scale(&RatingKind::SelfEfficacy("x".into()));
        assert_eq!(
            (0..=10).map(|c| se.at_cell(c, 10)).collect::<Vec<_>>(),
            (0..=10).map(|c| c * 10).collect::<Vec<_>>()
        );
        let sick = scale(&RatingKind::Cybersickness);
        assert_eq!(sick.at_cell(10, 10), 20);
        assert_eq!(sick.at_cell(5, 10), 10);
        assert_eq!(sick.at_cell(12, 10), 20, "a cell past the top is the top");
    }
}
