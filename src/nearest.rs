//! Which known names are nearest to one that was not found: the checker's
//! "did you mean" hints and the store's "no such session" messages.

use crate::w;
use crate::words::{Explain, Lang};

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The one name most like `wanted`, when it is close enough to be a typo
/// (at most 2 edits, or a quarter of the name's length).
pub fn closest<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    names
        .map(|name| (edit_distance(wanted, name), name))
        .filter(|(d, name)| *d <= 2.max(name.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

/// Up to three known names nearest to one that was not found, nearest
/// first; names that start with what was typed come before the rest (an
/// id typed in part).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Nearest(pub Vec<String>);

impl Nearest {
    pub fn among<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> Nearest {
        let wanted_lower = wanted.to_lowercase();
        let mut ranked: Vec<(bool, usize, &str)> = names
            .map(|name| (!name.to_lowercase().starts_with(&wanted_lower), edit_distance(wanted, name), name))
            .collect();
        ranked.sort();
        Nearest(ranked.into_iter().take(3).map(|(_, _, name)| name.to_string()).collect())
    }
}

/// "; the nearest: a, b" or nothing, to follow a "there is no ..." message.
impl Explain for Nearest {
    fn explain(&self, lang: Lang) -> String {
        if self.0.is_empty() { String::new() } else { w!(lang, "nearest", names = self.0.join(", ")) }
    }
}

crate::english_display!(Nearest);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_what_was_typed_in_part_first_then_by_distance() {
        let ids = ["team-meeting-1a2b", "team-meeting-9f9f", "upset-customer-1a2b", "lunch-1"];
        let n = Nearest::among("upset", ids.iter().copied());
        assert_eq!(n.0[0], "upset-customer-1a2b");
        assert_eq!(n.0.len(), 3);
        assert_eq!(
            Nearest::among("P017", ["P071", "P170", "Q999"].into_iter()).to_string(),
            "; the nearest: P071, P170, Q999"
        );
        assert_eq!(Nearest::among("P017", ["P071"].into_iter()).explain(Lang::Nb), "; nærmest: P071");
        assert_eq!(Nearest::among("x", std::iter::empty()).to_string(), "");
        assert_eq!(closest("Kair", ["kari", "Kari", "Ola"].into_iter()), Some("Kari"));
    }
}
