//! Why a scenario file is not valid RON, in as many located findings as
//! one run can find.
//!
//! ron stops at its first error. That one is kept, worded for authors, but
//! on its own it hides the rest and sometimes blames the wrong place. So
//! once the whole file has failed, each top-level field is read on its own
//! (two broken fields give two findings), and the brackets are matched
//! apart from ron, so that an unclosed one is reported where it opens.

use std::ops::Range;

use ron::error::SpannedError;

use super::brackets::{self, Top, Unclosed};
use super::diagnostic::{FindingSink, line_column, offset_of};
use super::model::Scenario;

/// Reports why `text` did not parse; `whole` is ron's error for the file.
pub fn report(sink: &mut FindingSink, text: &str, options: &ron::Options, whole: &SpannedError) {
    let found = brackets::scan(text);
    // Ended inside a text or comment: ron's own error says so, and the
    // brackets after that point are not what the author wrote.
    let unclosed: &[Unclosed] = if found.lost { &[] } else { &found.unclosed };
    let mut errors = found.top.as_ref().map_or_else(Vec::new, |top| field_errors(text, options, top));
    let whole = ParseError::new(text, whole, None);
    if !errors.iter().any(|e| e.field.as_ref().is_some_and(|f| f.contains(&whole.span.start))) {
        errors.push(whole);
    }
    errors.retain(|e| !unclosed.iter().any(|u| explains(u, e, text.len())));
    report_unclosed(sink, text, unclosed);
    for e in &errors {
        let words = describe(text, e);
        sink.error("syntax", words.span, words.message, words.label, words.hint);
    }
    sink.findings.sort_by_key(|f| f.span.start);
}

/// One error of ron's, located in the file.
#[derive(Debug)]
struct ParseError {
    span: Range<usize>,
    code: ron::Error,
    /// The top-level field it was found in, through its comma; `None` for
    /// the error ron gave for the whole file.
    field: Option<Range<usize>>,
}

impl ParseError {
    fn new(text: &str, e: &SpannedError, field: Option<Range<usize>>) -> ParseError {
        let start = offset_of(text, e.span.start.line, e.span.start.col);
        let end = offset_of(text, e.span.end.line, e.span.end.col).max(start);
        ParseError { span: start..end, code: e.code.clone(), field }
    }
}

/// The most top-level fields read one by one.
const MAX_FIELDS: usize = 64;

/// Each top-level field read on its own, as the scenario's only field:
/// its errors, and none of the "missing field" ones that reading it alone
/// brings (those are reported at the closing bracket, outside the field).
fn field_errors(text: &str, options: &ron::Options, top: &Top) -> Vec<ParseError> {
    let fields = top.fields(text);
    // A scenario has 15 fields. Far more pieces is not a scenario, and
    // reading each on its own would cost a parse of the whole file apiece.
    if fields.len() > MAX_FIELDS {
        return Vec::new();
    }
    fields
        .into_iter()
        .filter_map(|(field, through)| {
            let extent = field.start..through.max(field.end + 1);
            let e = options.from_str::<Scenario>(&only(text, top, &extent)).err()?;
            let e = ParseError::new(text, &e, Some(extent.clone()));
            extent.contains(&e.span.start).then_some(e)
        })
        .collect()
}

/// `text` with everything blanked but the top-level value's opening, one
/// field with its comma, and the closing bracket. Every character becomes
/// one space and line breaks stay, so ron's lines and columns are still
/// the file's own.
fn only(text: &str, top: &Top, keep: &Range<usize>) -> String {
    let mut out: String = text
        .char_indices()
        .map(|(i, c)| {
            let kept = i <= top.open || keep.contains(&i) || Some(i) == top.close;
            if kept || c == '\n' { c } else { ' ' }
        })
        .collect();
    if top.close.is_none() {
        out.push(')');
    }
    out
}

/// Whether an unclosed bracket is the likely cause of a parse error: the
/// error lies between the bracket and where it should have closed, in the
/// same top-level field (a field read alone stumbles over its own brackets
/// only).
fn explains(u: &Unclosed, e: &ParseError, len: usize) -> bool {
    let reach = u.reach(len);
    let within = reach.start <= e.span.start && e.span.start <= reach.end;
    within && e.field.as_ref().is_none_or(|field| field.contains(&u.at))
}

/// How many unclosed brackets are named in one finding, and how many
/// places get a finding; past that the file's brackets are lost, and more
/// findings would bury the first.
const LISTED: usize = 3;
const PLACES: usize = 10;

/// Unclosed brackets, each where it opens. Those one wrong closer gave
/// away share a finding, at the first; so do those still open when the
/// file ends, at the innermost.
fn report_unclosed(sink: &mut FindingSink, text: &str, unclosed: &[Unclosed]) {
    let place = |at: usize| {
        let (line, column) = line_column(text, at);
        format!("{line}:{column}")
    };
    let named = |us: &[&Unclosed]| {
        let mut list: Vec<String> =
            us.iter().take(LISTED).map(|u| format!("`{}` at {}", u.bracket, place(u.at))).collect();
        if us.len() > LISTED {
            list.push(format!("{} more", us.len() - LISTED));
        }
        list.join(", ")
    };
    let mut groups: Vec<Vec<&Unclosed>> = Vec::new();
    for u in unclosed {
        match groups.last_mut() {
            Some(group) if group[0].instead == u.instead => group.push(u),
            _ => groups.push(vec![u]),
        }
    }
    for group in groups.iter_mut().take(PLACES) {
        let hint = match group[0].instead {
            Some((at, instead)) => {
                let (first, rest) = group.split_first().expect("groups are never empty");
                let mut hint = format!(
                    "write `{}` where its value ends, before the `{instead}` at {}",
                    first.closer(),
                    place(at)
                );
                if !rest.is_empty() {
                    hint.push_str(&format!("; these after it are not closed either: {}", named(rest)));
                }
                group.truncate(1);
                hint
            }
            None => {
                // Innermost first: that is where the text stops.
                group.reverse();
                let (inner, outer) = group.split_first().expect("groups are never empty");
                let mut hint =
                    format!("write `{}` where its value ends; the file ends first", inner.closer());
                if !outer.is_empty() {
                    hint.push_str(&format!(", with the brackets around it open too: {}", named(outer)));
                }
                group.truncate(1);
                hint
            }
        };
        let u = group[0];
        let message = format!("this `{}` opened at {} is never closed", u.bracket, place(u.at));
        sink.error("unclosed-bracket", u.at..u.at + 1, message, "never closed", hint);
    }
}

/// What a finding says about one parse error.
struct Words {
    span: Range<usize>,
    message: String,
    label: String,
    hint: String,
}

fn describe(text: &str, e: &ParseError) -> Words {
    if let Some(words) = wrong_kind_of_number(text, e) {
        return words;
    }
    let (label, hint) = ron_words(&e.code);
    Words { span: e.span.clone(), message: e.code.to_string(), label: label.into(), hint }
}

/// `3.5` where a whole number belongs: ron reads the `3`, then stops at
/// `.5` expecting a comma, and the author is told about commas. Likewise
/// `3e2`, and `-3` or `300` where the value cannot hold them. The number
/// is what to fix, so the finding says so, at the number.
fn wrong_kind_of_number(text: &str, e: &ParseError) -> Option<Words> {
    use ron::Error as E;
    let span = number_at(text, e.span.start)?;
    let number = &text[span.clone()];
    let what = field_before(text, span.start).unwrap_or("this value");
    let value: f64 = number.replace('_', "").parse().ok()?;
    match e.code {
        E::ExpectedComma
        | E::ExpectedStructLikeEnd
        | E::ExpectedArrayEnd
        | E::ExpectedMapEnd
        | E::ExpectedOptionEnd
        | E::ExpectedInteger
        | E::InvalidIntegerDigit { .. }
        | E::TrailingCharacters
            if number.contains(['.', 'e', 'E']) =>
        {
            let (low, high) = (value.floor(), value.ceil());
            let choice = if low == high { format!("{low}") } else { format!("{low} or {high}") };
            Some(Words {
                span,
                message: format!("{what} must be a whole number, not {number}"),
                label: "not a whole number".into(),
                hint: format!("{what} counts in whole steps; write {choice}, without a decimal point"),
            })
        }
        E::IntegerOutOfBounds if value < 0.0 => Some(Words {
            span,
            message: format!("{what} cannot be negative, but is {number}"),
            label: "below zero".into(),
            hint: "write a whole number from 0 up".into(),
        }),
        E::IntegerOutOfBounds => Some(Words {
            span,
            message: format!("{what} is {number}, more than it can hold"),
            label: "too large".into(),
            hint: "docs/scenario-format.md, section 5, gives the range of each value".into(),
        }),
        _ => None,
    }
}

/// The number literal that `at` lies in or just after, such as `3.5` when
/// `at` is on its `.`: digits, `_`, one sign, a decimal point, exponent.
fn number_at(text: &str, at: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let is_digit = |b: u8| b.is_ascii_digit() || b == b'_';
    let mut start = at.min(bytes.len());
    while start > 0 && is_digit(bytes[start - 1]) {
        start -= 1;
    }
    if start > 0 && matches!(bytes[start - 1], b'-' | b'+') {
        start -= 1;
    }
    let mut end = start;
    while end < bytes.len() {
        let b = bytes[end];
        let sign_after_exponent =
            matches!(b, b'-' | b'+') && end > start && matches!(bytes[end - 1], b'e' | b'E');
        let sign_first = matches!(b, b'-' | b'+') && end == start;
        if is_digit(b) || matches!(b, b'.' | b'e' | b'E') || sign_after_exponent || sign_first {
            end += 1;
        } else {
            break;
        }
    }
    let number = &text[start..end];
    (end > at && number.bytes().any(|b| b.is_ascii_digit())).then_some(start..end)
}

/// The field whose value starts at `at`: the name before its `:`.
fn field_before(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].trim_end().strip_suffix(':')?.trim_end();
    let start = before.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
    let name = &before[start..];
    (!name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit())).then_some(name)
}

/// Words for what ron found: a label under the caret and a hint an author
/// can act on.
fn ron_words(code: &ron::Error) -> (&'static str, String) {
    use ron::Error as E;
    match code {
        E::ExpectedComma => ("a comma is missing here", "put a comma between fields and list items".into()),
        E::Eof => ("the file ends here", "a bracket ( [ { or a quote \" is opened but never closed".into()),
        E::ExpectedStringEnd => ("this text has no closing quote", "close the text with \"".into()),
        E::NoSuchStructField { expected, found, .. } => (
            "not a field here",
            format!("\"{found}\" is not known here; the fields are: {}", expected.join(", ")),
        ),
        E::MissingStructField { field, .. } => {
            ("a field is missing", format!("add `{field}: ...`; docs/scenario-format.md says what it holds"))
        }
        E::DuplicateStructField { field, .. } => {
            ("given twice", format!("`{field}` is written twice; keep one"))
        }
        E::NoSuchEnumVariant { expected, found, .. } => (
            "not one of the allowed words",
            format!("\"{found}\" is not allowed here; choose one of: {}", expected.join(", ")),
        ),
        E::ExceededRecursionLimit => (
            "nested too deeply",
            "values are nested far deeper than any scenario needs; look for unclosed brackets".into(),
        ),
        E::TrailingCharacters => (
            "unexpected text after the scenario",
            "a file holds one Scenario( ... ); remove what follows its closing bracket".into(),
        ),
        E::ExpectedString => {
            ("a text in quotes was expected", "write text in double quotes: \"like this\"".into())
        }
        E::ExpectedMap => (
            "a text per language was expected",
            "write texts per language like {\"nb\": \"Hei\", \"en\": \"Hello\"}".into(),
        ),
        E::ExpectedFloat | E::ExpectedInteger => {
            ("a number was expected", "write a plain number like 3 or 2.5".into())
        }
        E::ExpectedArray => ("a list was expected", "write lists in square brackets: [a, b]".into()),
        E::ExpectedIdentifier => (
            "a word was expected",
            "fixed words like Friendly or MeetingRoom are written without quotes".into(),
        ),
        E::UnclosedBlockComment => ("comment never closed", "close the /* comment with */".into()),
        E::UnexpectedChar(_) => (
            "unexpected character",
            "check for a missing comma, bracket or quote just before this point".into(),
        ),
        _ => ("here", "compare with the example in docs/scenario-format.md".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_found_around_where_ron_stopped() {
        let text = "a: 3.5, b: -2, c: 3e2, d: 1_000.25, e: x";
        let at = |needle: &str| text.find(needle).unwrap();
        let number = |at: usize| number_at(text, at).map(|r| &text[r]);
        assert_eq!(number(at(".5")), Some("3.5"));
        assert_eq!(number(at("-2")), Some("-2"));
        assert_eq!(number(at("3e2")), Some("3e2"));
        assert_eq!(number(at(".25")), Some("1_000.25"));
        assert_eq!(number(at("x")), None);
        assert_eq!(field_before(text, at("3.5")), Some("a"));
        assert_eq!(field_before("[1, 2.5]", 4), None);
    }
}
