//! Source lines too long to read, cut to a window for showing a finding.
//!
//! A finding shows its source line. A machine-written file can hold a
//! whole scenario, or 200 KB of brackets, on one line, and that line
//! printed whole buries the message. So a line over [`LONG_LINE`]
//! characters is shown as a window around the finding, with `…` where it
//! is cut; the caret still points at the same character and the place in
//! the header is still the file's own line and column.

use std::borrow::Cow;
use std::ops::Range;

use codespan_reporting::files::{self, Files};

/// Lines longer than this, in characters, are cut.
pub const LONG_LINE: usize = 200;
/// How many characters of a cut line are shown...
const WINDOW: usize = 100;
/// ...and how many of them come before the finding, for context.
const LEAD: usize = 30;
/// Marks where a line is cut.
const CUT: char = '…';

/// The characters `from..to` of a line of `len` characters that are shown
/// when `focus` (a character index, if the finding is on this line) is to
/// be seen; `None` when the line is short enough to show whole.
fn window(len: usize, focus: Option<usize>) -> Option<Range<usize>> {
    if len <= LONG_LINE {
        return None;
    }
    let from = focus.map_or(0, |at| at.saturating_sub(LEAD).min(len - WINDOW));
    Some(from..from + WINDOW)
}

/// `line` (without its line break) as shown with the character at
/// `focus` in view: cut with `…` when it is long. Also returns how many
/// characters the shown text starts later than the line.
pub fn cut_line(line: &str, focus: Option<usize>) -> (Cow<'_, str>, usize) {
    let len = line.chars().count();
    let Some(shown) = window(len, focus) else { return (Cow::Borrowed(line), 0) };
    let mut out = String::new();
    if shown.start > 0 {
        out.push(CUT);
    }
    out.extend(line.chars().skip(shown.start).take(shown.len()));
    if shown.end < len {
        out.push(CUT);
    }
    // The `…` stands in for the first shown position.
    let shift = shown.start.saturating_sub(usize::from(shown.start > 0));
    (Cow::Owned(out), shift)
}

/// One finding's view of a file, for codespan: the file's text with its
/// long lines cut, the finding's span moved to match, and columns counted
/// as in the file.
pub struct Shown<'a> {
    name: String,
    text: Cow<'a, str>,
    line_starts: Vec<usize>,
    /// Per cut line (by index): how many characters the shown text
    /// starts later than the line.
    shifts: Vec<(usize, usize)>,
    /// The finding's span in `text`.
    pub span: Range<usize>,
}

impl<'a> Shown<'a> {
    /// `source` as shown for a finding at `span`. Long lines the span
    /// starts or ends on are cut around it; other long lines keep their
    /// start.
    pub fn new(name: String, source: &'a str, span: Range<usize>) -> Shown<'a> {
        if !source.lines().any(|l| l.len() > LONG_LINE && l.chars().count() > LONG_LINE) {
            let line_starts = files::line_starts(source).collect();
            return Shown { name, text: Cow::Borrowed(source), line_starts, shifts: Vec::new(), span };
        }
        let mut text = String::with_capacity(source.len().min(1 << 16));
        let mut shifts = Vec::new();
        let mut shown_span = span.clone();
        let mut start = 0;
        for (index, whole) in source.split_inclusive('\n').enumerate() {
            let line = whole.trim_end_matches(['\n', '\r']);
            let end = start + line.len();
            let focus_byte = [span.start, span.end].into_iter().find(|at| (start..=end).contains(at));
            let focus = focus_byte.map(|at| line[..at - start].chars().count());
            let (cut, shift) = cut_line(line, focus);
            if shift > 0 {
                shifts.push((index, shift));
            }
            for (from, to) in [(span.start, &mut shown_span.start), (span.end, &mut shown_span.end)] {
                if (start..=end).contains(&from) {
                    *to = text.len() + byte_in_cut(&cut, line[..from - start].chars().count(), shift);
                }
            }
            text.push_str(&cut);
            text.push_str(&whole[line.len()..]);
            start += whole.len();
        }
        if span.start > source.len() {
            shown_span = text.len()..text.len();
        }
        shown_span.end = shown_span.end.max(shown_span.start);
        let line_starts = files::line_starts(&text).collect();
        Shown { name, text: Cow::Owned(text), line_starts, shifts, span: shown_span }
    }
}

/// Byte offset in a cut line of the character that was at `column`
/// (0-based) in the whole line; clamped to the shown characters.
fn byte_in_cut(cut: &str, column: usize, shift: usize) -> usize {
    let lead = usize::from(shift > 0);
    let wanted = (column.saturating_sub(shift)).max(lead);
    cut.char_indices().nth(wanted).map_or(cut.len(), |(b, _)| b)
}

impl<'a> Files<'a> for Shown<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, files::Error> {
        Ok(self.line_starts.binary_search(&byte_index).unwrap_or_else(|next| next - 1))
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, files::Error> {
        let start = *self
            .line_starts
            .get(line_index)
            .ok_or(files::Error::LineTooLarge { given: line_index, max: self.line_starts.len() - 1 })?;
        let end = self.line_starts.get(line_index + 1).copied().unwrap_or(self.text.len());
        Ok(start..end)
    }

    /// The file's own column: a cut line's shown text starts later.
    fn column_number(&'a self, (): (), line_index: usize, byte_index: usize) -> Result<usize, files::Error> {
        let range = self.line_range((), line_index)?;
        let shift = self.shifts.iter().find(|(i, _)| *i == line_index).map_or(0, |&(_, s)| s);
        Ok(files::column_index(&self.text, range, byte_index) + 1 + shift)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_shown_whole() {
        assert_eq!(cut_line("Scenario(id: \"x\")", Some(3)), (Cow::Borrowed("Scenario(id: \"x\")"), 0));
    }

    #[test]
    fn a_long_line_is_cut_around_the_focus() {
        let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let (cut, shift) = cut_line(&line, Some(500));
        assert_eq!(cut.chars().count(), WINDOW + 2);
        assert!(cut.starts_with(CUT) && cut.ends_with(CUT));
        // The X is at the same place, counted from the shift.
        assert_eq!(cut.chars().position(|c| c == 'X'), Some(500 - shift));
        // Near the start only the end is cut.
        let (cut, shift) = cut_line(&line, Some(3));
        assert_eq!((cut.starts_with('a'), cut.ends_with(CUT), shift), (true, true, 0));
        // Near the end only the start.
        let (cut, _) = cut_line(&line, Some(999));
        assert_eq!((cut.starts_with(CUT), cut.ends_with('b')), (true, true));
    }

    #[test]
    fn the_caret_and_column_survive_the_cut() {
        let source = format!("first\n{}é[X]{}\nlast\n", "(".repeat(300), ")".repeat(300));
        let at = source.find("[X]").unwrap();
        let shown = Shown::new("f.ron".into(), &source, at..at + 3);
        assert_eq!(&shown.text[shown.span.clone()], "[X]");
        let location = shown.location((), shown.span.start).unwrap();
        assert_eq!((location.line_number, location.column_number), (2, 302));
        assert!(shown.text.lines().all(|l| l.chars().count() <= WINDOW + 2));
    }
}
