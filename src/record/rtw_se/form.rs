//! The RTW-SE form as it is filled in on the start screen: the title, the
//! instruction, the six response anchors and the eleven item texts, in the
//! clinician's language.
//!
//! The shipped files (assets/questionnaires/rtw-se.*.ron) hold each item's
//! topic in mestring's own words and say so (`wording: Topics`): the
//! published item text is licensed. A clinic that holds the licence drops
//! its own copy into the data folder (questionnaires/rtw-se.<lang>.ron)
//! and that copy is used instead. A copy that cannot be read is an error,
//! never a silent fallback to the shipped topics: the clinician must know
//! which text the participant answered.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{ANCHORS, ITEMS};
use crate::w;
use crate::words::{Explain, Lang};

const SHIPPED_EN: &str = include_str!("../../../assets/questionnaires/rtw-se.en.ron");
const SHIPPED_NB: &str = include_str!("../../../assets/questionnaires/rtw-se.nb.ron");

/// Whose words the item texts are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Wording {
    /// mestring's own description of each item's topic.
    Topics,
    /// The published (licensed) item text, put in by the clinic.
    Published,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RtwSeForm {
    pub wording: Wording,
    pub title: String,
    pub instruction: String,
    /// What 1 to 6 mean, in order.
    pub anchors: Vec<String>,
    pub items: Vec<String>,
    /// Shown under the form: where the text comes from.
    pub note: String,
}

/// Where a form was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormSource {
    Shipped,
    Clinic(PathBuf),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    Unreadable { file: PathBuf, why: String },
    Syntax { file: PathBuf, line: usize, col: usize, why: String },
    Items { file: PathBuf, given: usize },
    Anchors { file: PathBuf, given: usize },
    Empty { file: PathBuf, what: String },
}

impl Explain for FormError {
    fn explain(&self, lang: Lang) -> String {
        match self {
            FormError::Unreadable { file, why } => {
                w!(
                    lang,
                    "error-rtw-se-form-unreadable",
                    file = file.display().to_string(),
                    why = why.as_str()
                )
            }
            FormError::Syntax { file, line, col, why } => w!(
                lang,
                "error-rtw-se-form-syntax",
                file = file.display().to_string(),
                line = *line,
                col = *col,
                why = why.as_str()
            ),
            FormError::Items { file, given } => w!(
                lang,
                "error-rtw-se-form-items",
                file = file.display().to_string(),
                items = ITEMS,
                given = *given
            ),
            FormError::Anchors { file, given } => w!(
                lang,
                "error-rtw-se-form-anchors",
                file = file.display().to_string(),
                anchors = ANCHORS,
                given = *given
            ),
            FormError::Empty { file, what } => {
                w!(lang, "error-rtw-se-form-empty", file = file.display().to_string(), what = what.as_str())
            }
        }
    }
}

crate::english_display!(FormError);

/// The clinic's own copy of the form in `lang`, under `data_dir`.
pub fn clinic_copy(data_dir: &Path, lang: Lang) -> PathBuf {
    data_dir.join("questionnaires").join(format!("rtw-se.{}.ron", lang.code()))
}

impl RtwSeForm {
    /// The form in `lang`: the clinic's copy where there is one, else the
    /// shipped topics.
    pub fn load(data_dir: &Path, lang: Lang) -> Result<(RtwSeForm, FormSource), FormError> {
        let copy = clinic_copy(data_dir, lang);
        match std::fs::read_to_string(&copy) {
            Ok(text) => RtwSeForm::parse(&text, &copy).map(|f| (f, FormSource::Clinic(copy))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let shipped = match lang {
                    Lang::En => SHIPPED_EN,
                    Lang::Nb => SHIPPED_NB,
                };
                let name = PathBuf::from(format!("assets/questionnaires/rtw-se.{}.ron", lang.code()));
                RtwSeForm::parse(shipped, &name).map(|f| (f, FormSource::Shipped))
            }
            Err(e) => Err(FormError::Unreadable { file: copy, why: e.to_string() }),
        }
    }

    /// Reads a form's text; `file` names it in messages.
    pub fn parse(text: &str, file: &Path) -> Result<RtwSeForm, FormError> {
        let file = file.to_path_buf();
        let form: RtwSeForm = ron::from_str(text).map_err(|e| FormError::Syntax {
            file: file.clone(),
            line: e.span.start.line,
            col: e.span.start.col,
            why: e.code.to_string(),
        })?;
        if form.items.len() != ITEMS {
            return Err(FormError::Items { file, given: form.items.len() });
        }
        if form.anchors.len() != ANCHORS {
            return Err(FormError::Anchors { file, given: form.anchors.len() });
        }
        let texts = [("title", &form.title), ("instruction", &form.instruction)].into_iter();
        let items = form.items.iter().enumerate().map(|(i, t)| (i + 1, t));
        let anchors = form.anchors.iter().enumerate().map(|(i, t)| (i + 1, t));
        let empty = texts
            .filter(|(_, t)| t.trim().is_empty())
            .map(|(what, _)| what.to_string())
            .chain(items.filter(|(_, t)| t.trim().is_empty()).map(|(i, _)| format!("items[{i}]")))
            .chain(anchors.filter(|(_, t)| t.trim().is_empty()).map(|(i, _)| format!("anchors[{i}]")))
            .next();
        match empty {
            Some(what) => Err(FormError::Empty { file, what }),
            None => Ok(form),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_forms_read_and_say_they_are_topics() {
        let dir = tempfile::tempdir().unwrap();
        for lang in [Lang::En, Lang::Nb] {
            let (form, source) = RtwSeForm::load(dir.path(), lang).unwrap();
            assert_eq!(source, FormSource::Shipped);
            assert_eq!(form.wording, Wording::Topics);
            assert_eq!((form.items.len(), form.anchors.len()), (ITEMS, ANCHORS));
        }
        let nb = RtwSeForm::load(dir.path(), Lang::Nb).unwrap().0;
        assert_eq!(nb.anchors[0], "Helt uenig");
    }

    #[test]
    fn a_clinic_copy_is_used_and_a_broken_one_is_located() {
        let dir = tempfile::tempdir().unwrap();
        let copy = clinic_copy(dir.path(), Lang::En);
        std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
        let good = SHIPPED_EN.replace("wording: Topics", "wording: Published").replace("keep up", "hold");
        std::fs::write(&copy, &good).unwrap();
        let (form, source) = RtwSeForm::load(dir.path(), Lang::En).unwrap();
        assert_eq!((form.wording, source), (Wording::Published, FormSource::Clinic(copy.clone())));
        assert!(form.items[1].contains("hold"));

        std::fs::write(&copy, good.replace("title:", "titel:")).unwrap();
        let err = RtwSeForm::load(dir.path(), Lang::En).unwrap_err();
        assert!(matches!(&err, FormError::Syntax { line, .. } if *line > 1), "{err:?}");
        assert!(err.explain(Lang::En).contains("rtw-se.en.ron:"), "{}", err.explain(Lang::En));

        let ten = good.replace("        \"I can keep going at work even when it is hard.\",\n", "");
        std::fs::write(&copy, ten).unwrap();
        assert!(matches!(RtwSeForm::load(dir.path(), Lang::En), Err(FormError::Items { given: 10, .. })));
    }
}
