//! Text given per language, written `{"nb": "...", "en": "..."}`.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A text in several languages, in the order the author wrote them.
///
/// Deserialising rejects a language given twice, which a plain map would
/// silently overwrite and so lose one of the author's texts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(Vec<(String, String)>);

impl Text {
    pub fn new<L: Into<String>, T: Into<String>>(pairs: impl IntoIterator<Item = (L, T)>) -> Self {
        Text(pairs.into_iter().map(|(l, t)| (l.into(), t.into())).collect())
    }

    /// The text in `lang`, if the author gave it.
    pub fn get(&self, lang: &str) -> Option<&str> {
        self.0.iter().find(|(l, _)| l == lang).map(|(_, t)| t.as_str())
    }

    /// The text in `lang`, falling back to the first language written, so a
    /// participant always sees something even in a file that failed checks.
    pub fn show(&self, lang: &str) -> &str {
        self.get(lang).or_else(|| self.0.first().map(|(_, t)| t.as_str())).unwrap_or("")
    }

    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(l, _)| l.as_str())
    }

    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(l, t)| (l.as_str(), t.as_str()))
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(l, t)| (l, t)))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a text per language, like {"nb": "Hei", "en": "Hello"}"#)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut pairs: Vec<(String, String)> = Vec::new();
                while let Some((lang, text)) = map.next_entry::<String, String>()? {
                    if pairs.iter().any(|(l, _)| *l == lang) {
                        return Err(serde::de::Error::custom(format!(
                            "language \"{lang}\" is given twice in one text"
                        )));
                    }
                    pairs.push((lang, text));
                }
                Ok(Text(pairs))
            }
        }

        deserializer.deserialize_map(TextVisitor)
    }
}
