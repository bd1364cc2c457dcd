//! The brackets of a RON text, matched without parsing it.
//!
//! When ron gives up on a file, it says where it stopped, which after a
//! missing `}` is often lines away from the mistake and comes with a hint
//! about something else. This scan pairs `(`, `[` and `{` with their
//! closers, stepping over texts, raw texts, characters and comments (whose
//! brackets do not count), so the checker can point at the bracket that was
//! never closed. It also finds the top-level struct's fields, so that the
//! loader can read each one on its own.

use std::ops::Range;

/// A bracket that no closer matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclosed {
    /// Byte offset of the opening bracket.
    pub at: usize,
    pub bracket: char,
    /// The closer that came where this one's was due, with its offset;
    /// `None` when the file ends first.
    pub instead: Option<(usize, char)>,
}

impl Unclosed {
    /// The closer the author has to write.
    pub fn closer(&self) -> char {
        closer_of(self.bracket)
    }

    /// Where the text this bracket leaves open ends: at the closer that
    /// came instead, or at the end of the file.
    pub fn reach(&self, len: usize) -> Range<usize> {
        self.at..self.instead.map_or(len, |(at, _)| at + 1)
    }
}

/// What one pass over the text found.
#[derive(Debug, Default)]
pub struct Brackets {
    /// Brackets never closed, in the order they were found out: those a
    /// wrong closer gave away first, then those still open at the end.
    pub unclosed: Vec<Unclosed>,
    /// The first bracket at the top and the commas directly inside it.
    pub top: Option<Top>,
    /// The scan ended inside a text or a comment: past that point it knows
    /// nothing, so its brackets prove nothing either.
    pub lost: bool,
}

/// The top-level value's own brackets: for a scenario, `Scenario( ... )`.
#[derive(Debug, Clone)]
pub struct Top {
    pub open: usize,
    /// Commas between the top-level struct's fields.
    pub commas: Vec<usize>,
    /// Its closing bracket, if it has one.
    pub close: Option<usize>,
}

impl Top {
    /// Each field (`name: value`) as its text, trimmed of the space and
    /// comments around it, and the offset just past its comma (or its
    /// end, for the last); empty pieces after a trailing comma left out.
    pub fn fields(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        let end = self.close.unwrap_or(text.len());
        let starts = std::iter::once(self.open + 1).chain(self.commas.iter().map(|c| c + 1));
        // Each piece ends at its comma (kept) or, the last, at the close.
        let ends = self.commas.iter().map(|&c| (c, c + 1)).chain(std::iter::once((end, end)));
        starts
            .zip(ends)
            .map(|(start, (end, past_comma))| {
                let field = trim(text, start..end);
                let through = if past_comma > end { past_comma } else { field.end };
                (field, through)
            })
            .filter(|(field, _)| !field.is_empty())
            .collect()
    }
}

/// `range` without the whitespace and comments at either end.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let mut lexer = Lexer { src: text.as_bytes(), pos: range.start, lost: false };
    lexer.skip_space();
    let start = lexer.pos.min(range.end);
    let piece = &text[start..range.end];
    start..start + piece.trim_end().len()
}

fn closer_of(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

/// Pairs the brackets of `text`.
pub fn scan(text: &str) -> Brackets {
    let mut lexer = Lexer { src: text.as_bytes(), pos: 0, lost: false };
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut found = Brackets::default();
    let mut wrong_closes = Vec::new();
    // Openers minus closers, per kind: ( [ {.
    let mut short = [0isize; 3];
    // Brackets of each kind on the stack, so a stray closer is known
    // without searching a stack that may be very deep.
    let mut open = [0usize; 3];
    for token in lexer.by_ref() {
        match token {
            Token::Open(at, bracket) => {
                short[kind(bracket)] += 1;
                open[kind(bracket)] += 1;
                // `#![enable(...)]` lines come first; the value is the
                // first `( ... )` after them.
                if stack.is_empty() && found.top.is_none() && bracket == '(' {
                    found.top = Some(Top { open: at, commas: Vec::new(), close: None });
                }
                stack.push((at, bracket));
            }
            Token::Close(at, bracket) => {
                short[kind(bracket)] -= 1;
                // A closer that matches a bracket further down closes it,
                // and the ones above it were left open; one that matches
                // nothing is stray and left to ron to report.
                if open[kind(bracket)] == 0 {
                    continue;
                }
                let depth = stack.iter().rposition(|&(_, b)| closer_of(b) == bracket).unwrap_or(0);
                for (left_open, b) in stack.drain(depth + 1..).rev() {
                    open[kind(b)] -= 1;
                    wrong_closes.push(Unclosed { at: left_open, bracket: b, instead: Some((at, bracket)) });
                }
                stack.pop();
                open[kind(bracket)] -= 1;
                if stack.is_empty()
                    && let Some(top) = found.top.as_mut().filter(|t| t.close.is_none())
                {
                    top.close = Some(at);
                }
            }
            Token::Comma(at) => {
                if stack.len() == 1
                    && let Some(top) = found.top.as_mut().filter(|t| t.close.is_none())
                {
                    top.commas.push(at);
                }
            }
        }
    }
    found.lost = lexer.lost;
    wrong_closes.sort_by_key(|u| u.at);
    found.unclosed = wrong_closes;
    found.unclosed.extend(stack.into_iter().map(|(at, bracket)| Unclosed { at, bracket, instead: None }));
    found.unclosed = keep_unbalanced(found.unclosed, short);
    found
}

/// 0, 1 or 2 for round, square and curly brackets.
fn kind(bracket: char) -> usize {
    match bracket {
        '(' | ')' => 0,
        '[' | ']' => 1,
        _ => 2,
    }
}

/// Keeps only as many unclosed brackets of each kind as the text has more
/// openers than closers. A stray `)` makes the matcher give up an opener
/// that was in fact closed; counting shows there is no `(` short, and the
/// author is not sent to look for a missing bracket that is not missing.
fn keep_unbalanced(unclosed: Vec<Unclosed>, mut short: [isize; 3]) -> Vec<Unclosed> {
    unclosed
        .into_iter()
        .filter(|u| {
            let left = &mut short[kind(u.bracket)];
            *left -= 1;
            *left >= 0
        })
        .collect()
}

#[derive(Debug, Clone, Copy)]
enum Token {
    Open(usize, char),
    Close(usize, char),
    Comma(usize),
}

/// Steps over RON text a token at a time, yielding only brackets and
/// commas; texts, characters and comments are skipped whole.
struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    /// Ended inside a text or comment that never closes.
    lost: bool,
}

impl Iterator for Lexer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        loop {
            self.skip_space();
            let at = self.pos;
            let b = *self.src.get(at)?;
            self.pos += 1;
            match b {
                b'(' | b'[' | b'{' => return Some(Token::Open(at, char::from(b))),
                b')' | b']' | b'}' => return Some(Token::Close(at, char::from(b))),
                b',' => return Some(Token::Comma(at)),
                b'"' => self.string(None),
                b'\'' => self.char_literal(),
                b if b.is_ascii_alphanumeric() || b == b'_' => self.word(at),
                _ => {}
            }
        }
    }
}

impl Lexer<'_> {
    fn rest(&self) -> &[u8] {
        &self.src[self.pos.min(self.src.len())..]
    }

    /// Whitespace and comments; `//` to the end of the line, `/* */`
    /// nested as RON nests them.
    fn skip_space(&mut self) {
        loop {
            let rest = self.rest();
            if rest.first().is_some_and(u8::is_ascii_whitespace) {
                self.pos += 1;
            } else if rest.starts_with(b"//") {
                let line = rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |n| n + 1);
                self.pos += line;
            } else if rest.starts_with(b"/*") {
                self.block_comment();
            } else {
                return;
            }
        }
    }

    fn block_comment(&mut self) {
        let mut depth = 0usize;
        while self.pos < self.src.len() {
            let rest = self.rest();
            if rest.starts_with(b"/*") {
                depth += 1;
                self.pos += 2;
            } else if rest.starts_with(b"*/") {
                depth -= 1;
                self.pos += 2;
                if depth == 0 {
                    return;
                }
            } else {
                self.pos += 1;
            }
        }
        self.lost = true;
    }

    /// A word: an identifier or a number, or the prefix of a raw text
    /// (`r#"..."#`), a byte text (`b"..."`) or a raw identifier (`r#name`).
    fn word(&mut self, start: usize) {
        while self.rest().first().is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_') {
            self.pos += 1;
        }
        let word = &self.src[start..self.pos];
        if word == b"r" || word == b"br" {
            let hashes = self.rest().iter().take_while(|&&b| b == b'#').count();
            if self.rest().get(hashes) == Some(&b'"') {
                self.pos += hashes + 1;
                self.string(Some(hashes));
            }
        }
    }

    /// The rest of a text after its opening quote. `raw` holds the number
    /// of `#`s of a raw text, which has no `\` escapes.
    fn string(&mut self, raw: Option<usize>) {
        let hashes = raw.unwrap_or(0);
        while let Some(&b) = self.src.get(self.pos) {
            self.pos += 1;
            match b {
                b'\\' if raw.is_none() => self.pos += 1,
                b'"' if self.rest().iter().take(hashes).filter(|&&h| h == b'#').count() == hashes => {
                    self.pos += hashes;
                    return;
                }
                _ => {}
            }
        }
        self.lost = true;
    }

    /// A character such as `'a'` or `'\''`. A lone `'` is not one; it is
    /// stepped over so it cannot hide the brackets after it.
    fn char_literal(&mut self) {
        let rest = self.rest();
        let body = if rest.first() == Some(&b'\\') { 2 } else { 1 };
        let Some(close) = rest.iter().skip(body).position(|&b| b == b'\'' || b == b'\n') else { return };
        let close = close + body;
        // Escapes such as '\u{e6}' run longer than one letter; anything
        // else with more than one character before a quote is no char.
        let letter_len = std::str::from_utf8(&rest[..close]).map_or(usize::MAX, |s| s.chars().count());
        if rest[close] == b'\'' && (body == 2 || letter_len == 1) {
            self.pos += close + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unclosed(text: &str) -> Vec<(usize, char, Option<char>)> {
        scan(text).unclosed.iter().map(|u| (u.at, u.bracket, u.instead.map(|(_, c)| c))).collect()
    }

    #[test]
    fn brackets_in_texts_chars_and_comments_do_not_count() {
        let text =
            r####"S(a: "(", b: r#"[" "#, c: '{', d: '\'', e: r##"a"#(b"##, /* ( /* [ */ */ f: 1) // {"####;
        let found = scan(text);
        assert!(found.unclosed.is_empty(), "{:?}", found.unclosed);
        assert!(!found.lost);
        let top = found.top.unwrap();
        assert_eq!(top.commas.len(), 5);
        let fields: Vec<&str> = top.fields(text).into_iter().map(|(r, _)| &text[r]).collect();
        assert_eq!(fields[0], r#"a: "(""#);
        assert_eq!(fields[5], "f: 1");
    }

    #[test]
    fn an_unclosed_bracket_is_found_where_it_opens() {
        // `{` closed by `)`: the `{` is the one left open.
        assert_eq!(unclosed("S(t: {\"nb\": \"x\"), u: 1)"), [(5, '{', Some(')'))]);
        // Left open at the end: innermost last.
        assert_eq!(unclosed("S(b: [A(x: 1"), [(1, '(', None), (5, '[', None), (7, '(', None)]);
    }

    #[test]
    fn a_stray_closer_is_not_blamed_on_an_opener() {
        // The extra `)` would close `S(` and leave `[` open, but there are
        // as many `[` as `]`: nothing is unclosed.
        assert_eq!(unclosed("S(b: [A(x: 1)), C])"), []);
    }

    #[test]
    fn ends_lost_inside_an_unclosed_text() {
        let found = scan("S(a: \"never closed (");
        assert!(found.lost);
    }

    #[test]
    fn fields_of_the_top_level_struct() {
        let text = "#![enable(implicit_some)]\nS(\n  a: [1, 2],\n  b: (x: 1, y: 2), // note\n)";
        let top = scan(text).top.unwrap();
        let fields: Vec<&str> = top.fields(text).into_iter().map(|(r, _)| &text[r]).collect();
        assert_eq!(fields, ["a: [1, 2]", "b: (x: 1, y: 2)"]);
        let (a, through) = top.fields(text)[0].clone();
        assert_eq!(&text[a.end..through], ",");
    }
}
