//! The return-to-work self-efficacy questionnaire (RTW-SE): 11 items
//! answered 1-6, scored as the mean. A programme-level measure, taken
//! before and after a course of sessions. The clinician administers the
//! validated form; mestring stores the answers by item number only.

mod form;

pub use form::{FormError, FormSource, RtwSeForm, Wording, clinic_copy};

use serde::Serialize;

use crate::w;
use crate::words::{Explain, Lang};

pub const ITEMS: usize = 11;

/// The answers run from 1 to this: one per response anchor.
pub const ANCHORS: usize = 6;

/// Whether `value` is an answer to an item.
pub fn is_answer(value: u8) -> bool {
    (1..=ANCHORS as u8).contains(&value)
}

/// In the Norwegian validation, a mean of 4.6 or more went with full
/// return to work; shown beside a score as orientation, not as a verdict.
pub const REFERENCE_MEAN: f64 = 4.6;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RtwSe {
    pub answers: [u8; ITEMS],
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RtwSeError {
    /// How many answers were given.
    Count(usize),
    Value {
        item: usize,
        value: String,
    },
}

impl Explain for RtwSeError {
    fn explain(&self, lang: Lang) -> String {
        match self {
            RtwSeError::Count(given) => w!(lang, "error-rtw-se-count", items = ITEMS, given = *given),
            RtwSeError::Value { item, value } => w!(lang, "error-rtw-se-value", item = *item, value = value),
        }
    }
}

crate::english_display!(RtwSeError);

impl RtwSe {
    /// Parses answers written like `4,5,3,6,2,4,5,5,4,3,6`.
    pub fn parse(text: &str) -> Result<RtwSe, RtwSeError> {
        let parts: Vec<&str> = text.split([',', ' ']).filter(|p| !p.is_empty()).collect();
        if parts.len() != ITEMS {
            return Err(RtwSeError::Count(parts.len()));
        }
        let mut answers = [0u8; ITEMS];
        for (i, p) in parts.iter().enumerate() {
            answers[i] = p
                .parse()
                .ok()
                .filter(|&v| is_answer(v))
                .ok_or_else(|| RtwSeError::Value { item: i + 1, value: p.to_string() })?;
        }
        Ok(RtwSe { answers })
    }

    pub fn mean(&self) -> f64 {
        self.answers.iter().map(|&a| f64::from(a)).sum::<f64>() / ITEMS as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_as_the_mean_and_refuses_bad_answers() {
        let q = RtwSe::parse("4,5,3,6,2,4,5,5,4,3,6").unwrap();
        assert!((q.mean() - 47.0 / 11.0).abs() < 1e-9);
        assert_eq!(RtwSe::parse("1 2 3"), Err(RtwSeError::Count(3)));
        assert!(matches!(RtwSe::parse("4,5,3,6,2,4,5,5,4,3,7"), Err(RtwSeError::Value { item: 11, .. })));
    }
}
