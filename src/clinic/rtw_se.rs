//! The return-to-work questions filled in on the start screen: the RTW-SE
//! (one answer per item, the mean once every item is answered) and the
//! participant's expectation of returning, under one label for when in the
//! programme they were taken. Stored through the same `Store::add_rtw_se`
//! and `Store::add_rtw_expectation` as the command line's `mestring rtw-se
//! add` and `rtw-expect add`, so both score alike.

use std::path::Path;

use crate::record::rtw_expectation::Expectation;
use crate::record::rtw_se::{FormError, FormSource, ITEMS, RtwSe, RtwSeForm, is_answer};
use crate::w;
use crate::words::Lang;

/// When in the programme the questionnaire is taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RtwSeWhen {
    ProgrammeStart,
    ProgrammeEnd,
    /// The clinic's own label ("after three months").
    Other(String),
}

impl RtwSeWhen {
    /// The label stored with the answers, in the clinician's language.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            RtwSeWhen::ProgrammeStart => w!(lang, "clinic-rtw-se-start"),
            RtwSeWhen::ProgrammeEnd => w!(lang, "clinic-rtw-se-end"),
            RtwSeWhen::Other(text) => text.trim().to_string(),
        }
    }
}

/// The questionnaire being filled in.
#[derive(Debug, Clone)]
pub struct RtwSeDraft {
    /// Whose answers these are.
    pub participant: String,
    /// The form in the language it is read in, or why it cannot be read
    /// (a clinic's copy with a mistake): then nothing can be answered.
    pub form: Result<(RtwSeForm, FormSource), FormError>,
    pub lang: Lang,
    pub when: RtwSeWhen,
    /// Item by item, 1 to 6 once answered.
    pub answers: [Option<u8>; ITEMS],
    /// How long the participant expects it to take before they are back.
    pub expectation: Option<Expectation>,
}

impl RtwSeDraft {
    pub fn new(participant: &str, data_dir: &Path, lang: Lang, when: RtwSeWhen) -> RtwSeDraft {
        RtwSeDraft {
            participant: participant.to_string(),
            form: RtwSeForm::load(data_dir, lang),
            lang,
            when,
            answers: [None; ITEMS],
            expectation: None,
        }
    }

    /// Reads the form again in `lang`, keeping the answers.
    pub fn read_in(&mut self, data_dir: &Path, lang: Lang) {
        self.lang = lang;
        self.form = RtwSeForm::load(data_dir, lang);
    }

    /// Sets item `item` (1 to 11) to `answer` (1 to 6); anything else is
    /// not an answer and changes nothing.
    pub fn answer(&mut self, item: usize, answer: u8) {
        if self.form.is_ok() && (1..=ITEMS).contains(&item) && is_answer(answer) {
            self.answers[item - 1] = Some(answer);
        }
    }

    /// The items not answered yet, numbered from 1.
    pub fn missing(&self) -> Vec<usize> {
        (1..=ITEMS).filter(|i| self.answers[i - 1].is_none()).collect()
    }

    /// The whole questionnaire, once every item is answered.
    pub fn complete(&self) -> Option<RtwSe> {
        let mut answers = [0u8; ITEMS];
        for (slot, a) in answers.iter_mut().zip(self.answers) {
            *slot = a?;
        }
        Some(RtwSe { answers })
    }

    pub fn mean(&self) -> Option<f64> {
        self.complete().map(|q| q.mean())
    }

    /// Whether the RTW-SE is begun but not finished: then nothing is
    /// stored, so no half questionnaire is ever scored.
    pub fn partly_answered(&self) -> bool {
        self.answers.iter().any(Option::is_some) && self.complete().is_none()
    }

    /// Whether storing now would store anything, and only whole answers.
    pub fn can_store(&self) -> bool {
        !self.partly_answered() && (self.complete().is_some() || self.expectation.is_some())
    }
}
