//! The participant's own expectation of returning to work: one question,
//! how long they think it will take, asked per programme (at its start,
//! at its end, or whenever the clinician finds it useful). Expectations
//! of return predict return at least as well as many longer measures, so
//! the overview sets the answers beside the runs.
//!
//! The question and its answers are written in the project's own words
//! (assets/locales/*/prompts.ftl, `rtw-expect-*`): a clinic that uses a
//! particular published version puts its wording there. Only the answer's
//! code is stored.

use serde::Serialize;

use crate::w;
use crate::words::{Explain, Lang};

/// How long the participant expects it to take before they are back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Expectation {
    AlreadyBack,
    UnderOneMonth,
    OneToThreeMonths,
    ThreeToSixMonths,
    OverSixMonths,
    NotBack,
    DontKnow,
}

impl Expectation {
    pub const ALL: [Expectation; 7] = [
        Expectation::AlreadyBack,
        Expectation::UnderOneMonth,
        Expectation::OneToThreeMonths,
        Expectation::ThreeToSixMonths,
        Expectation::OverSixMonths,
        Expectation::NotBack,
        Expectation::DontKnow,
    ];

    /// The code typed on the command line and stored.
    pub fn code(self) -> &'static str {
        match self {
            Expectation::AlreadyBack => "back",
            Expectation::UnderOneMonth => "under-1-month",
            Expectation::OneToThreeMonths => "1-3-months",
            Expectation::ThreeToSixMonths => "3-6-months",
            Expectation::OverSixMonths => "over-6-months",
            Expectation::NotBack => "not-back",
            Expectation::DontKnow => "dont-know",
        }
    }

    pub fn parse(text: &str) -> Result<Expectation, RtwExpectationError> {
        let t = text.trim().to_ascii_lowercase();
        Expectation::ALL
            .into_iter()
            .find(|e| e.code() == t)
            .ok_or_else(|| RtwExpectationError::Unknown(text.to_string()))
    }

    /// The answer as the participant reads it.
    pub fn words(self, lang: Lang) -> String {
        match self {
            Expectation::AlreadyBack => w!(lang, "rtw-expect-back"),
            Expectation::UnderOneMonth => w!(lang, "rtw-expect-under-1-month"),
            Expectation::OneToThreeMonths => w!(lang, "rtw-expect-1-3-months"),
            Expectation::ThreeToSixMonths => w!(lang, "rtw-expect-3-6-months"),
            Expectation::OverSixMonths => w!(lang, "rtw-expect-over-6-months"),
            Expectation::NotBack => w!(lang, "rtw-expect-not-back"),
            Expectation::DontKnow => w!(lang, "rtw-expect-dont-know"),
        }
    }
}

/// The question, as the participant reads it.
pub fn question(lang: Lang) -> String {
    w!(lang, "rtw-expect-question")
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RtwExpectationError {
    /// The answer as typed.
    Unknown(String),
}

impl Explain for RtwExpectationError {
    fn explain(&self, lang: Lang) -> String {
        match self {
            RtwExpectationError::Unknown(given) => {
                let codes: Vec<&str> = Expectation::ALL.iter().map(|e| e.code()).collect();
                w!(lang, "error-rtw-expect-answer", given = given, answers = codes.join(", "))
            }
        }
    }
}

crate::english_display!(RtwExpectationError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_answer_reads_back_from_its_code_and_a_typo_lists_them_all() {
        for e in Expectation::ALL {
            assert_eq!(Expectation::parse(e.code()), Ok(e));
            assert_eq!(Expectation::parse(&e.code().to_uppercase()), Ok(e));
        }
        let err = Expectation::parse("2-months").unwrap_err();
        let said = err.explain(Lang::En);
        assert!(said.contains("\"2-months\"") && said.contains("under-1-month, 1-3-months"), "{said}");
    }
}
