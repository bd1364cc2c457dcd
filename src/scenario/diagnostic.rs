//! Located findings about a scenario file, and how people and tools see them.
//!
//! Authors are clinicians, not programmers: every finding names the file,
//! line and column, shows the line with a caret, and says what to do.

use std::ops::Range;
use std::path::{Path, PathBuf};

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::term::{self, termcolor};
use serde::Serialize;

use super::window::{Shown, cut_line};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One thing wrong (or worth a second look) in one file.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// A stable short name, e.g. `unknown-beat`, for tools and for tests.
    pub code: &'static str,
    pub message: String,
    /// A few words shown under the caret.
    pub label: String,
    /// What the author can do about it.
    pub hint: Option<String>,
    pub file: PathBuf,
    /// Byte range in the file's text.
    #[serde(skip)]
    pub span: Range<usize>,
    /// 1-based, counted in characters, as editors show them.
    pub line: usize,
    pub column: usize,
    /// Other places where the same thing is wrong, folded into this
    /// finding because one fix usually mends them all (see `fold_repeats`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_at: Vec<Place>,
}

/// Where in a file, for a finding's other places.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    /// Byte range in the file's text.
    pub start: usize,
    pub end: usize,
}

impl Finding {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The findings of one file together with its text, so they can be shown
/// with their source lines.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub file: PathBuf,
    pub source: String,
    pub findings: Vec<Finding>,
}

impl FileReport {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    /// Each error as one line, `file:line:column: message`: how the start
    /// screen and the console list a broken file.
    pub fn located_errors(&self) -> Vec<String> {
        self.findings
            .iter()
            .filter(|f| f.is_error())
            .map(|f| format!("{}:{}:{}: {}", self.file.display(), f.line, f.column, f.message))
            .collect()
    }

    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }
}

/// Builds findings for one file, turning byte ranges into lines and columns.
pub struct FindingSink<'a> {
    file: &'a Path,
    source: &'a str,
    pub findings: Vec<Finding>,
}

impl<'a> FindingSink<'a> {
    pub fn new(file: &'a Path, source: &'a str) -> Self {
        Self { file, source, findings: Vec::new() }
    }

    pub fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
        hint: Option<String>,
    ) {
        let span = clamp_span(self.source, span);
        let (line, column) = line_column(self.source, span.start);
        self.findings.push(Finding {
            severity,
            code,
            message: readable(message.into()),
            label: readable(label.into()),
            hint: hint.map(readable),
            file: self.file.to_path_buf(),
            span,
            line,
            column,
            also_at: Vec::new(),
        });
    }

    /// Folds findings with one of `codes` and the same message into the
    /// first of them, which lists the others' places. A misspelt id or
    /// language makes every use of it fail alike; one finding with all
    /// the places reads as the one mistake it is.
    pub fn fold_repeats(&mut self, codes: &[&str]) {
        let mut kept: Vec<Finding> = Vec::with_capacity(self.findings.len());
        let mut first: HashMap<(&'static str, String), usize> = HashMap::new();
        for f in std::mem::take(&mut self.findings) {
            if !codes.contains(&f.code) {
                kept.push(f);
                continue;
            }
            match first.entry((f.code, f.message.clone())) {
                Entry::Occupied(at) => kept[*at.get()].also_at.push(Place {
                    line: f.line,
                    column: f.column,
                    start: f.span.start,
                    end: f.span.end,
                }),
                Entry::Vacant(slot) => {
                    slot.insert(kept.len());
                    kept.push(f);
                }
            }
        }
        self.findings = kept;
    }

    pub fn error(
        &mut self,
        code: &'static str,
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.push(Severity::Error, code, span, message, label, Some(hint.into()));
    }

    pub fn warning(
        &mut self,
        code: &'static str,
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.push(Severity::Warning, code, span, message, label, Some(hint.into()));
    }
}

/// The longest word a finding's words keep whole, in characters, and
/// the longest message, hint or label.
const LONG_WORD: usize = 60;
const LONG_TEXT: usize = 500;

/// Keeps a finding's words readable whatever the file holds: messages
/// quote the author's ids, fields and numbers, and a 200 KB "id" would
/// otherwise be printed whole. Long words, then long texts, are cut in
/// the middle with `…`.
fn readable(text: String) -> String {
    let cut = |s: &str, keep: usize, tail: usize| {
        let n = s.chars().count();
        let head: String = s.chars().take(keep).collect();
        let end: String = s.chars().skip(n - tail).collect();
        format!("{head}…{end}")
    };
    if !text.split_whitespace().any(|w| w.chars().count() > LONG_WORD) && text.chars().count() <= LONG_TEXT {
        return text;
    }
    let words: Vec<String> = text
        .split(' ')
        .map(|w| if w.chars().count() > LONG_WORD { cut(w, 40, 10) } else { w.to_string() })
        .collect();
    let text = words.join(" ");
    if text.chars().count() > LONG_TEXT { cut(&text, 400, 60) } else { text }
}

/// Keeps a span inside the text and on character boundaries, whatever a
/// caller computed, so rendering can never fail or panic on it.
fn clamp_span(source: &str, span: Range<usize>) -> Range<usize> {
    let mut start = span.start.min(source.len());
    let mut end = span.end.clamp(start, source.len());
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    while !source.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// 1-based line and character column of a byte offset.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Byte offset of a 1-based line and character column (as ron reports them).
pub fn offset_of(source: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, text) in source.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let within = text
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(text.trim_end_matches('\n').len(), |(b, _)| b);
            return offset + within;
        }
        offset += text.len();
    }
    source.len()
}

/// Renders reports as a compiler does: each finding with its source line,
/// a caret and the hint. `color` adds terminal colours.
pub fn render_text(reports: &[FileReport], color: bool) -> String {
    let mut buffer = if color { termcolor::Buffer::ansi() } else { termcolor::Buffer::no_color() };
    let config = term::Config::default();
    for report in reports {
        for f in &report.findings {
            // Each finding sees the file with its own long lines cut.
            let shown = Shown::new(report.file.display().to_string(), &report.source, f.span.clone());
            let severity = match f.severity {
                Severity::Error => CsSeverity::Error,
                Severity::Warning => CsSeverity::Warning,
            };
            let mut diagnostic = Diagnostic::new(severity)
                .with_code(f.code)
                .with_message(&f.message)
                .with_label(Label::primary((), shown.span.clone()).with_message(&f.label));
            if let Some(hint) = &f.hint {
                diagnostic = diagnostic.with_note(format!("hint: {hint}"));
            }
            if !f.also_at.is_empty() {
                diagnostic = diagnostic.with_note(also_at(&f.also_at));
            }
            if term::emit(&mut buffer, &config, &shown, &diagnostic).is_err() {
                // The span was computed against this very text, so this
                // cannot happen; still, never lose the message itself.
                let line = format!("{}:{}:{}: {}\n", f.file.display(), f.line, f.column, f.message);
                let _ = std::io::Write::write_all(&mut buffer, line.as_bytes());
            }
        }
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

/// How many of a finding's other places are named.
const PLACES_NAMED: usize = 8;

/// "also at 12:5, 14:5 and 3 more places": a finding's other places.
fn also_at(places: &[Place]) -> String {
    let named: Vec<String> =
        places.iter().take(PLACES_NAMED).map(|p| format!("{}:{}", p.line, p.column)).collect();
    let more = places.len() - named.len();
    let more = match more {
        0 => String::new(),
        1 => " and 1 more place".to_string(),
        n => format!(" and {n} more places"),
    };
    format!("also at {}{more}", named.join(", "))
}

/// One line of totals, e.g. "2 errors, 1 warning in 5 files".
pub fn summary(reports: &[FileReport]) -> String {
    let errors: usize = reports.iter().map(FileReport::errors).sum();
    let warnings: usize = reports.iter().map(FileReport::warnings).sum();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {} in {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(reports.len(), "file")
    )
}

/// Machine-readable findings: one JSON document for the whole run.
pub fn render_json(reports: &[FileReport]) -> String {
    #[derive(Serialize)]
    struct JsonFinding<'a> {
        #[serde(flatten)]
        finding: &'a Finding,
        /// Cut around the finding when long, as in the text rendering.
        source_line: Cow<'a, str>,
        start: usize,
        end: usize,
    }
    #[derive(Serialize)]
    struct JsonRun<'a> {
        ok: bool,
        errors: usize,
        warnings: usize,
        files: Vec<&'a Path>,
        findings: Vec<JsonFinding<'a>>,
    }
    let findings = reports
        .iter()
        .flat_map(|r| {
            r.findings.iter().map(|f| JsonFinding {
                finding: f,
                source_line: cut_line(r.source.lines().nth(f.line - 1).unwrap_or(""), Some(f.column - 1)).0,
                start: f.span.start,
                end: f.span.end,
            })
        })
        .collect();
    let errors = reports.iter().map(FileReport::errors).sum();
    let run = JsonRun {
        ok: errors == 0,
        errors,
        warnings: reports.iter().map(FileReport::warnings).sum(),
        files: reports.iter().map(|r| r.file.as_path()).collect(),
        findings,
    };
    serde_json::to_string_pretty(&run).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_round_trip() {
        let src = "ab\nçd€f\n\nx";
        for offset in src.char_indices().map(|(i, _)| i) {
            let (line, column) = line_column(src, offset);
            assert_eq!(offset_of(src, line, column), offset, "offset {offset}");
        }
        assert_eq!(line_column(src, 3), (2, 1));
        assert_eq!(line_column(src, 6), (2, 3));
    }

    #[test]
    fn long_words_and_texts_are_cut() {
        let id = format!("{}é", "x".repeat(1000));
        let message = readable(format!("no beat has the id \"{id}\""));
        assert_eq!(message, format!("no beat has the id \"{}…{}é\"", "x".repeat(39), "x".repeat(8)));
        let many = "word ".repeat(200);
        assert_eq!(readable(many.clone()).chars().count(), 400 + 1 + 60);
        assert_eq!(readable("plain words".into()), "plain words");
    }

    #[test]
    fn clamps_spans_inside_multibyte_text() {
        let src = "é€";
        assert_eq!(clamp_span(src, 1..3), 0..5);
        assert_eq!(clamp_span(src, 10..20), 5..5);
    }
}
