//! Finds where a value sits in a RON source, by path (`beats[3].next`).
//!
//! serde gives us typed values but forgets where they came from, and the
//! checker's messages must point at the author's line and column. So after
//! ron has accepted a file, this module scans the same text once more and
//! builds a light tree of byte ranges: structs with named fields, lists,
//! maps with their keys. It is tolerant: on text it cannot follow it stops,
//! and lookups fall back to the nearest enclosing value it did find.

use std::ops::Range;

/// One step of a path into the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathPart {
    /// A struct field or enum struct-variant field.
    Field(String),
    /// An element of a list or tuple.
    Index(usize),
    /// The value under a string or identifier key in a map.
    Key(String),
    /// The key itself (to point at a map key rather than its value).
    KeyName(String),
}

impl PathPart {
    pub fn field(name: &str) -> PathPart {
        PathPart::Field(name.to_string())
    }
}

/// Renders a path as authors read it: `beats[3].next`.
pub fn show_path(path: &[PathPart]) -> String {
    let mut out = String::new();
    for part in path {
        match part {
            PathPart::Field(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            PathPart::Index(i) => out.push_str(&format!("[{i}]")),
            PathPart::Key(k) | PathPart::KeyName(k) => out.push_str(&format!("[\"{k}\"]")),
        }
    }
    out
}

#[derive(Debug, Default)]
struct Node {
    span: Range<usize>,
    /// Named fields, list elements (named by index) or map entries.
    children: Vec<(Child, Node)>,
}

#[derive(Debug)]
enum Child {
    Field(String),
    Index(usize),
    Key(String, Range<usize>),
}

/// A scanned source, ready for lookups.
#[derive(Debug)]
pub struct SourceMap {
    root: Node,
}

const MAX_DEPTH: usize = 200;

impl SourceMap {
    pub fn scan(source: &str) -> SourceMap {
        let mut scanner = Scanner { src: source.as_bytes(), pos: 0 };
        scanner.skip_attributes();
        let root = scanner.value(0).unwrap_or(Node { span: 0..0, children: Vec::new() });
        SourceMap { root }
    }

    /// The byte range of the value at `path`, or of the deepest enclosing
    /// value found when the full path is not in the source (a field the
    /// author left out is reported at the struct that lacks it).
    pub fn span(&self, path: &[PathPart]) -> Range<usize> {
        let mut node = &self.root;
        for part in path {
            let next = node.children.iter().find_map(|(child, n)| match (part, child) {
                (PathPart::Field(want), Child::Field(name)) if want == name => Some(Ok(n)),
                (PathPart::Index(want), Child::Index(i)) if want == i => Some(Ok(n)),
                (PathPart::Key(want), Child::Key(k, _)) if want == k => Some(Ok(n)),
                (PathPart::KeyName(want), Child::Key(k, span)) if want == k => Some(Err(span.clone())),
                _ => None,
            });
            match next {
                Some(Ok(n)) => node = n,
                Some(Err(key_span)) => return key_span,
                None => break,
            }
        }
        node.span.clone()
    }
}

struct Scanner<'a> {
    src: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        loop {
            match self.peek() {
                Some(b) if b.is_ascii_whitespace() => self.pos += 1,
                Some(b'/') if self.src.get(self.pos + 1) == Some(&b'/') => {
                    while let Some(b) = self.peek() {
                        self.pos += 1;
                        if b == b'\n' {
                            break;
                        }
                    }
                }
                Some(b'/') if self.src.get(self.pos + 1) == Some(&b'*') => {
                    // RON block comments nest.
                    let mut depth = 0usize;
                    while self.pos < self.src.len() {
                        if self.src[self.pos..].starts_with(b"/*") {
                            depth += 1;
                            self.pos += 2;
                        } else if self.src[self.pos..].starts_with(b"*/") {
                            depth -= 1;
                            self.pos += 2;
                            if depth == 0 {
                                break;
                            }
                        } else {
                            self.pos += 1;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// `#![enable(...)]` lines at the top of a file.
    fn skip_attributes(&mut self) {
        loop {
            self.skip_ws();
            if self.src[self.pos..].starts_with(b"#!") {
                while let Some(b) = self.peek() {
                    self.pos += 1;
                    if b == b']' {
                        break;
                    }
                }
            } else {
                return;
            }
        }
    }

    fn ident(&mut self) -> Option<Range<usize>> {
        let start = self.pos;
        if self.src[self.pos..].starts_with(b"r#") {
            self.pos += 2;
        }
        while let Some(b) = self.peek() {
            if b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 {
                self.pos += 1;
            } else {
                break;
            }
        }
        (self.pos > start).then_some(start..self.pos)
    }

    /// A quoted string; returns its span (quotes included) and its text.
    fn string(&mut self) -> Option<(Range<usize>, String)> {
        let start = self.pos;
        if self.peek() == Some(b'r') {
            // raw string r#"..."#
            self.pos += 1;
            let mut hashes = 0;
            while self.peek() == Some(b'#') {
                hashes += 1;
                self.pos += 1;
            }
            if self.peek() != Some(b'"') {
                return None;
            }
            self.pos += 1;
            let body_start = self.pos;
            loop {
                let b = self.peek()?;
                if b == b'"'
                    && self.src[self.pos + 1..].iter().take(hashes).filter(|&&c| c == b'#').count() == hashes
                {
                    let body = String::from_utf8_lossy(&self.src[body_start..self.pos]).into_owned();
                    self.pos += 1 + hashes;
                    return Some((start..self.pos, body));
                }
                self.pos += 1;
            }
        }
        self.pos += 1; // opening quote
        let mut text = Vec::new();
        loop {
            let b = self.peek()?;
            self.pos += 1;
            match b {
                b'\\' => {
                    if let Some(esc) = self.peek() {
                        text.push(esc);
                        self.pos += 1;
                    }
                }
                b'"' => return Some((start..self.pos, String::from_utf8_lossy(&text).into_owned())),
                _ => text.push(b),
            }
        }
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_ws();
        let start = self.pos;
        match self.peek()? {
            b'"' => {
                let (span, _) = self.string()?;
                Some(Node { span, children: Vec::new() })
            }
            b'r' if matches!(self.src.get(self.pos + 1), Some(b'"') | Some(b'#')) => {
                let (span, _) = self.string()?;
                Some(Node { span, children: Vec::new() })
            }
            b'\'' => {
                self.pos += 1;
                while let Some(b) = self.peek() {
                    self.pos += 1;
                    if b == b'\\' {
                        self.pos += 1;
                    } else if b == b'\'' {
                        break;
                    }
                }
                Some(Node { span: start..self.pos, children: Vec::new() })
            }
            b'(' => self.parens(start, depth),
            b'[' => self.list(start, depth),
            b'{' => self.map(start, depth),
            b if b.is_ascii_alphabetic() || b == b'_' => {
                self.ident()?;
                self.skip_ws();
                if self.peek() == Some(b'(') {
                    self.parens(start, depth)
                } else {
                    Some(Node { span: start..self.pos, children: Vec::new() })
                }
            }
            _ => {
                // number, sign, or something ron accepted that we need not
                // understand: take everything up to the next delimiter.
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b')' | b']' | b'}' | b':') || b.is_ascii_whitespace() {
                        break;
                    }
                    self.pos += 1;
                }
                (self.pos > start).then(|| Node { span: start..self.pos, children: Vec::new() })
            }
        }
    }

    /// Walks a bracketed sequence from its opening bracket at `start` to
    /// `close`, handing each item to `item`. Commas between items are
    /// skipped; ron has already checked they are where they belong.
    fn delimited(
        &mut self,
        start: usize,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Option<()>,
    ) -> Option<Range<usize>> {
        self.pos += 1; // the opening bracket
        loop {
            self.skip_ws();
            match self.peek()? {
                b if b == close => {
                    self.pos += 1;
                    return Some(start..self.pos);
                }
                b',' => self.pos += 1,
                _ => item(self)?,
            }
        }
    }

    /// `name:` at the cursor, consumed; otherwise nothing is consumed.
    fn field_name(&mut self) -> Option<String> {
        let save = self.pos;
        if let Some(span) = self.ident() {
            self.skip_ws();
            if self.peek() == Some(b':') {
                self.pos += 1;
                let name = String::from_utf8_lossy(&self.src[span]).into_owned();
                return Some(name.strip_prefix("r#").map_or_else(|| name.clone(), str::to_string));
            }
        }
        self.pos = save;
        None
    }

    /// `( ... )` after an optional name: named fields or tuple elements.
    fn parens(&mut self, start: usize, depth: usize) -> Option<Node> {
        let mut children = Vec::new();
        let mut index = 0;
        let span = self.delimited(start, b')', |s| {
            let child = match s.field_name() {
                Some(name) => Child::Field(name),
                None => {
                    index += 1;
                    Child::Index(index - 1)
                }
            };
            children.push((child, s.value(depth + 1)?));
            Some(())
        })?;
        Some(Node { span, children })
    }

    fn list(&mut self, start: usize, depth: usize) -> Option<Node> {
        let mut children = Vec::new();
        let span = self.delimited(start, b']', |s| {
            let child = Child::Index(children.len());
            children.push((child, s.value(depth + 1)?));
            Some(())
        })?;
        Some(Node { span, children })
    }

    fn map(&mut self, start: usize, depth: usize) -> Option<Node> {
        let mut children = Vec::new();
        let span = self.delimited(start, b'}', |s| {
            let key_start = s.pos;
            let key_text = match s.peek()? {
                b'"' => s.string()?.1,
                _ => {
                    let key = s.value(depth + 1)?;
                    String::from_utf8_lossy(&s.src[key.span]).into_owned()
                }
            };
            let key_span = key_start..s.pos;
            s.skip_ws();
            if s.peek()? != b':' {
                return None;
            }
            s.pos += 1;
            children.push((Child::Key(key_text, key_span), s.value(depth + 1)?));
            Some(())
        })?;
        Some(Node { span, children })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_at(src: &str, path: &[PathPart]) -> String {
        let map = SourceMap::scan(src);
        src[map.span(path)].to_string()
    }

    #[test]
    fn finds_fields_indices_and_keys() {
        let src = r#"#![enable(implicit_some)]
// a comment with ( brackets [
Scenario(
    id: "x", /* nested /* block */ comment */
    beats: [
        Say(id: "a", by: "kari", text: {"nb": "Hei", "en": "Hi"}, next: "b"),
        End(id: "b"),
    ],
    levels: [ (level: 1, present: ["kari"], answer_seconds: 2.5) ],
)"#;
        let p = |s: &str| PathPart::field(s);
        assert_eq!(text_at(src, &[p("id")]), "\"x\"");
        assert_eq!(text_at(src, &[p("beats"), PathPart::Index(0), p("next")]), "\"b\"");
        assert_eq!(text_at(src, &[p("beats"), PathPart::Index(1)]), "End(id: \"b\")");
        assert_eq!(
            text_at(src, &[p("beats"), PathPart::Index(0), p("text"), PathPart::Key("en".into())]),
            "\"Hi\""
        );
        assert_eq!(
            text_at(src, &[p("beats"), PathPart::Index(0), p("text"), PathPart::KeyName("en".into())]),
            "\"en\""
        );
        assert_eq!(text_at(src, &[p("levels"), PathPart::Index(0), p("answer_seconds")]), "2.5");
        // A missing field falls back to the value that should hold it.
        assert_eq!(text_at(src, &[p("beats"), PathPart::Index(1), p("next")]), "End(id: \"b\")");
    }

    #[test]
    fn survives_truncated_and_garbage_input() {
        for src in ["", "(", "Scenario(beats: [", "{\"a\": ", "r#\"", "'", "/* unclosed", "))))"] {
            let map = SourceMap::scan(src);
            let span = map.span(&[PathPart::field("beats"), PathPart::Index(3)]);
            assert!(span.end <= src.len());
        }
    }
}
