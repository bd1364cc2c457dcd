//! The words each language's messages are made of, so a test can catch
//! one language's program words on the other language's screen.

use std::collections::BTreeSet;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::{Lang, sources};

/// The words of `text`: runs of letters, lower-cased. Words of one or two
/// letters are left out: they say too little about a language ("i", "a"
/// and "at" are words in both).
pub fn words_in(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() > 2).map(str::to_lowercase)
}

/// Every word the program's messages in `lang` use, variables left out.
pub fn vocabulary(lang: Lang) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for source in sources(lang) {
        // A file that does not parse is the words tests' to report.
        let resource = fluent_syntax::parser::parse(source.text).unwrap_or_else(|(partial, _)| partial);
        for entry in &resource.body {
            if let Entry::Message(m) = entry
                && let Some(p) = &m.value
            {
                pattern_words(p, &mut words);
            }
        }
    }
    words
}

/// The program's words in the other language that `lang`'s messages never
/// use: none of them belongs on a screen in `lang`.
pub fn foreign_words(lang: Lang) -> BTreeSet<String> {
    let own = vocabulary(lang);
    vocabulary(lang.other()).into_iter().filter(|w| !own.contains(w)).collect()
}

fn pattern_words(pattern: &Pattern<&str>, into: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => into.extend(words_in(value)),
            PatternElement::Placeable { expression } => expression_words(expression, into),
        }
    }
}

fn expression_words(e: &Expression<&str>, into: &mut BTreeSet<String>) {
    match e {
        Expression::Select { variants, .. } => {
            for v in variants {
                pattern_words(&v.value, into);
            }
        }
        Expression::Inline(InlineExpression::StringLiteral { value }) => into.extend(words_in(value)),
        Expression::Inline(InlineExpression::Placeable { expression }) => expression_words(expression, into),
        Expression::Inline(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_has_words_the_other_never_uses() {
        let foreign_on_nb = foreign_words(Lang::Nb);
        assert!(foreign_on_nb.contains("distressed"), "{foreign_on_nb:?}");
        assert!(!foreign_on_nb.contains("suds"), "SUDS is the same in both");
        assert!(foreign_words(Lang::En).contains("ubehag"));
    }
}
