//! What the words files hold, read from their syntax tree: each message's
//! id, the text it is written in and the variables it takes. The words
//! tests hold both languages to the same messages with it, the debrief
//! finds its fixed words with it, and a test catches one language's
//! program words on the other language's screen with each language's
//! vocabulary.

use std::collections::BTreeSet;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::{Lang, Source, sources};

/// One message of a words file.
#[derive(Debug, Clone, Default)]
pub struct Message {
    pub id: &'static str,
    /// The text it is written in, variants included, variables left out.
    pub text: Vec<&'static str>,
    pub variables: BTreeSet<&'static str>,
    /// How many attributes it has (the program asks for none).
    pub attributes: usize,
}

/// The messages of one file, and what in it could not be read.
pub fn messages(source: &Source) -> (Vec<Message>, Vec<String>) {
    let (resource, mut problems) = match fluent_syntax::parser::parse(source.text) {
        Ok(r) => (r, Vec::new()),
        Err((partial, errors)) => (partial, errors.iter().map(|e| format!("{e:?}")).collect()),
    };
    let mut out = Vec::new();
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let mut message =
                    Message { id: m.id.name, attributes: m.attributes.len(), ..Message::default() };
                if let Some(p) = &m.value {
                    pattern(p, &mut message);
                }
                out.push(message);
            }
            Entry::Junk { content } => problems.push(format!("cannot read {content:?}")),
            _ => {}
        }
    }
    (out, problems)
}

fn pattern(p: &Pattern<&'static str>, into: &mut Message) {
    for element in &p.elements {
        match element {
            PatternElement::TextElement { value } => into.text.push(value),
            PatternElement::Placeable { expression } => expression_parts(expression, into),
        }
    }
}

fn expression_parts(e: &Expression<&'static str>, into: &mut Message) {
    match e {
        Expression::Select { selector, variants } => {
            inline_parts(selector, into);
            for v in variants {
                pattern(&v.value, into);
            }
        }
        Expression::Inline(i) => inline_parts(i, into),
    }
}

fn inline_parts(i: &InlineExpression<&'static str>, into: &mut Message) {
    match i {
        InlineExpression::VariableReference { id } => {
            into.variables.insert(id.name);
        }
        InlineExpression::StringLiteral { value } => into.text.push(value),
        InlineExpression::Placeable { expression } => expression_parts(expression, into),
        _ => {}
    }
}

/// The words of `text`: runs of letters, lower-cased. Words of one or two
/// letters are left out: they say too little about a language ("i", "a"
/// and "at" are words in both).
pub fn words_in(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() > 2).map(str::to_lowercase)
}

/// Every word the program's messages in `lang` use, variables left out.
pub fn vocabulary(lang: Lang) -> BTreeSet<String> {
    // A file that does not read is the words tests' to report.
    sources(lang).iter().flat_map(|s| messages(s).0).flat_map(|m| m.text).flat_map(words_in).collect()
}

/// The program's words in the other language that `lang`'s messages never
/// use: none of them belongs on a screen in `lang`.
pub fn foreign_words(lang: Lang) -> BTreeSet<String> {
    let own = vocabulary(lang);
    vocabulary(lang.other()).into_iter().filter(|w| !own.contains(w)).collect()
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
