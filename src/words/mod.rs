//! Every word the program itself says to a person, in bokmål and English.
//!
//! The words live in Fluent files under `assets/locales/<lang>/`, one file
//! per surface (rating prompts, the participant's panels, the console, the
//! progression advice, the debrief, the command line), with the same
//! message ids in both languages. They are compiled into the binary, so a
//! program copied to a clinic's machine never runs without its words.
//! Scenario texts are not here: authors write them per language in the
//! scenario files.
//!
//! Fluent chooses plural forms and places variables per language, so the
//! code asks for a message by id and never assembles a sentence itself.
//! Numbers with decimals, percentages and dates are written by the caller
//! in the language's own way (`debrief::words`) and passed in as text,
//! because Fluent's built-in number formatting knows no decimal comma.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::Serialize;

/// The language words are said in: bokmål for `nb` (and `nn`, `no`),
/// English for everything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Nb,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nb, Lang::En];

    /// The language for a code as scenarios and sessions store it. Nynorsk
    /// readers get bokmål rather than English: closer, and what the
    /// shipped scenarios are written in.
    pub fn of(code: &str) -> Lang {
        Lang::parse(code).unwrap_or(Lang::En)
    }

    /// The language a code names, if the program has words for it: `nb`,
    /// `nn`, `no` or `en`, in any case, with or without a region
    /// (`nb_NO.UTF-8`). For a choice someone typed, where an unknown code
    /// must be refused rather than taken as English.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_', '.']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "nb" | "nn" | "no" => Some(Lang::Nb),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The code scenario texts are looked up under, and sessions store.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, as a language picker shows it
    /// whatever language the rest of the screen is in.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Nb => "norsk",
            Lang::En => "English",
        }
    }

    /// A scenario's language code as a person reads it: the language's own
    /// name where the code is exactly one of the program's, else the code.
    pub fn name_of(code: &str) -> &str {
        match Lang::ALL.into_iter().find(|l| l.code() == code) {
            Some(lang) => lang.own_name(),
            None => code,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Nb => Lang::En,
            Lang::En => Lang::Nb,
        }
    }
}

/// One Fluent file: its name (for messages about it) and its text.
pub struct Source {
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! sources {
    ($lang:literal: $($file:literal),+ $(,)?) => {
        &[$(Source {
            name: concat!("assets/locales/", $lang, "/", $file),
            text: include_str!(concat!("../../assets/locales/", $lang, "/", $file)),
        }),+]
    };
}

/// Both languages' files, named once: a test holds the two to the same
/// message ids.
macro_rules! both_languages {
    ($($file:literal),+) => {
        (sources!("nb": $($file),+), sources!("en": $($file),+))
    };
}

const SOURCES: (&[Source], &[Source]) = both_languages!(
    "prompts.ftl",
    "player.ftl",
    "names.ftl",
    "console.ftl",
    "progression.ftl",
    "debrief.ftl",
    "cli.ftl",
    "clinic.ftl"
);

pub fn sources(lang: Lang) -> &'static [Source] {
    match lang {
        Lang::Nb => SOURCES.0,
        Lang::En => SOURCES.1,
    }
}

/// One value per language, made the first time it is asked for: the
/// bundles here, and the word sets the surfaces ask for every frame.
pub struct PerLanguage<T>([OnceLock<T>; 2]);

impl<T> PerLanguage<T> {
    pub const fn new() -> Self {
        PerLanguage([OnceLock::new(), OnceLock::new()])
    }

    pub fn get(&self, lang: Lang, make: impl FnOnce(Lang) -> T) -> &T {
        let slot = match lang {
            Lang::Nb => &self.0[0],
            Lang::En => &self.0[1],
        };
        slot.get_or_init(|| make(lang))
    }
}

impl<T> Default for PerLanguage<T> {
    fn default() -> Self {
        Self::new()
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: PerLanguage<Bundle> = PerLanguage::new();
    BUNDLES.get(lang, build)
}

/// The bundle of one language. A file that does not parse keeps the
/// messages that do (Fluent recovers per message), and says so in the log;
/// the words tests fail on any such error, so this only guards a build
/// someone changed by hand.
fn build(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Unicode isolation marks would show as boxes in the in-world font and
    // as noise in terminals; the texts mix no right-to-left scripts.
    bundle.set_use_isolating(false);
    for source in sources(lang) {
        let resource =
            FluentResource::try_new(source.text.to_string()).unwrap_or_else(|(partial, errors)| {
                tracing::error!(
                    "{}: {} Fluent syntax error(s); the rest of the file is used",
                    source.name,
                    errors.len()
                );
                partial
            });
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!("{}: {errors:?}", source.name);
        }
    }
    bundle
}

/// A variable handed to a message: text, or a number (which Fluent uses
/// to choose a plural form).
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}
impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i16, i32, i64);

/// The message `id` in `lang`, with `args` filled in.
///
/// A message that is missing gives its id in brackets, so a screen shows
/// where a word is lacking instead of failing; the words tests make sure
/// no shipped id is missing.
pub fn say(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        tracing::warn!("no words for \"{id}\" in {}", lang.code());
        return format!("[{id}]");
    };
    let fluent_args = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            let v = match value {
                Arg::Text(s) => FluentValue::from(s.as_ref()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            a.set(*name, v);
        }
        a
    });
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
    if !errors.is_empty() {
        tracing::warn!("words for \"{id}\" in {}: {errors:?}", lang.code());
    }
    text.into_owned()
}

/// Words from the program: `w!(lang, "pause-title")`, or with variables,
/// `w!(lang, "level-of", level = 3, levels = 5)`. Ids are literals, so a
/// test can find every id the code uses.
#[macro_export]
macro_rules! w {
    ($lang:expr, $id:literal) => {
        $crate::words::say($lang, $id, &[])
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::words::say($lang, $id, &[$((stringify!($name), $crate::words::Arg::from($value))),+])
    };
}

pub mod explain;
pub mod names;
mod vocabulary;

pub use vocabulary::{Message, foreign_words, messages, vocabulary, words_in};

pub use explain::Explain;

#[cfg(test)]
mod tests;
