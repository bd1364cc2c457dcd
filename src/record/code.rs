//! Participant codes: the only thing that ties records to a person.
//!
//! Records hold health data, so they carry a pseudonymous code the
//! clinician chooses and keeps the key to, never a name. Codes that look
//! like a Norwegian national identity number (11 digits) or an e-mail
//! address are refused: both identify a person directly.

use crate::w;
use crate::words::{Explain, Lang};

/// Why a code is refused, in plain words (`cli.ftl`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    Length,
    Characters(String),
    IdentityNumber(String),
    Email(String),
}

impl Explain for CodeError {
    fn explain(&self, lang: Lang) -> String {
        match self {
            CodeError::Length => w!(lang, "error-code-length"),
            CodeError::Characters(code) => w!(lang, "error-code-characters", code = code),
            CodeError::IdentityNumber(code) => w!(lang, "error-code-identity-number", code = code),
            CodeError::Email(code) => w!(lang, "error-code-email", code = code),
        }
    }
}

crate::english_display!(CodeError);

/// Checks a code and returns it in its stored form (upper case, so P017
/// and p017 are one participant).
pub fn validate(code: &str) -> Result<String, CodeError> {
    let trimmed = code.trim();
    if trimmed.contains('@') {
        return Err(CodeError::Email(trimmed.to_string()));
    }
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    // Eleven digits, whatever separates them (010190 12345, 010190-12345).
    if digits.len() == 11 && trimmed.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '-' || c == '.') {
        return Err(CodeError::IdentityNumber(trimmed.to_string()));
    }
    if !(2..=32).contains(&trimmed.chars().count()) {
        return Err(CodeError::Length);
    }
    if !trimmed.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(CodeError::Characters(trimmed.to_string()));
    }
    if digits.len() >= 11 {
        // A long run of digits inside a code may still be an identity number.
        return Err(CodeError::IdentityNumber(trimmed.to_string()));
    }
    Ok(trimmed.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_pseudonyms_and_refuses_what_identifies_a_person() {
        assert_eq!(validate("p017"), Ok("P017".into()));
        assert_eq!(validate(" RTW-2026_03 "), Ok("RTW-2026_03".into()));
        assert!(matches!(validate("01019012345"), Err(CodeError::IdentityNumber(_))));
        assert!(matches!(validate("010190 12345"), Err(CodeError::IdentityNumber(_))));
        assert!(matches!(validate("P01019012345"), Err(CodeError::IdentityNumber(_))));
        assert!(matches!(validate("kari@example.no"), Err(CodeError::Email(_))));
        assert!(matches!(validate("Kari Nordmann"), Err(CodeError::Characters(_))));
        assert_eq!(validate("x"), Err(CodeError::Length));
    }

    #[test]
    fn the_reasons_are_plain_in_both_languages_and_display_is_the_english() {
        let e = validate("kari@example.no").unwrap_err();
        assert_eq!(
            e.to_string(),
            "\"kari@example.no\" looks like an e-mail address; use a pseudonymous code such as P017"
        );
        assert_eq!(e.explain(Lang::En), e.to_string());
        assert_eq!(
            e.explain(Lang::Nb),
            "«kari@example.no» ser ut som en e-postadresse; bruk en pseudonymisert kode som P017"
        );
    }
}
