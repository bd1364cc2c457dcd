//! A scenario's references resolved to indices, and its lines' estimated
//! durations, worked out once per scenario.
//!
//! A session follows `next` on every beat and times every line. Looking
//! ids up by string and counting words each time cost more than all the
//! rest of a step (see docs/benchmarks.md), and none of it changes while a
//! scenario is loaded, so it is computed on first use and kept with the
//! scenario, shared by every session on it.

use std::collections::{BTreeMap, HashMap};

use super::model::{Attitude, Beat, RatingWhen, Scenario, Sign};
use super::text::Text;

/// Attitudes in a fixed order, for per-attitude tables.
pub const ATTITUDES: [Attitude; 4] =
    [Attitude::Friendly, Attitude::Neutral, Attitude::Critical, Attitude::Uninterested];

pub fn attitude_slot(a: Attitude) -> usize {
    match a {
        Attitude::Friendly => 0,
        Attitude::Neutral => 1,
        Attitude::Critical => 2,
        Attitude::Uninterested => 3,
    }
}

/// Indices instead of ids. `None` where an id names nothing, which only an
/// unchecked scenario can have; the session ends such a flow cleanly.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub start: Option<usize>,
    /// The single `next` of Say, Wait, Cue and Rate beats.
    pub next: Vec<Option<usize>>,
    /// Per Choose beat, each option's `next`.
    pub options: Vec<Vec<Option<usize>>>,
    /// Per Choose beat, where silence leads.
    pub silence: Vec<Option<usize>>,
    /// Per Branch beat, each route's `next`, then `otherwise`.
    pub routes: Vec<Vec<Option<usize>>>,
    pub otherwise: Vec<Option<usize>>,
    /// The character who speaks a Say beat or makes a Cue beat.
    pub by: Vec<Option<usize>>,
    /// Per Say beat, the line's length in milliseconds for each attitude
    /// of its speaker (the attitude picks the variant that is said).
    pub line_millis: Vec<[u64; 4]>,
    /// Per Choose beat, the time allowed for reading its prompt and options
    /// before any answer clock starts.
    pub reading_millis: Vec<u64>,
    /// Per beat, the rating-schedule entries asked when it is left.
    pub after_beat: Vec<Vec<usize>>,
    /// Per beat, the feared outcomes whose `Reached` sign it is.
    pub signs: Vec<Vec<usize>>,
}

impl Resolved {
    pub fn of(scenario: &Scenario) -> Resolved {
        let beats: HashMap<&str, usize> =
            scenario.beats.iter().enumerate().map(|(i, b)| (b.id(), i)).collect();
        let cast: HashMap<&str, usize> =
            scenario.cast.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let beat = |id: &str| beats.get(id).copied();
        let n = scenario.beats.len();
        let mut r = Resolved {
            start: beat(&scenario.start),
            next: vec![None; n],
            options: vec![Vec::new(); n],
            silence: vec![None; n],
            routes: vec![Vec::new(); n],
            otherwise: vec![None; n],
            by: vec![None; n],
            line_millis: vec![[0; 4]; n],
            reading_millis: vec![0; n],
            after_beat: vec![Vec::new(); n],
            signs: vec![Vec::new(); n],
        };
        for (i, b) in scenario.beats.iter().enumerate() {
            match b {
                Beat::Say { by, text, variants, seconds, next, .. } => {
                    r.next[i] = beat(next);
                    r.by[i] = cast.get(by.as_str()).copied();
                    let rate = r.by[i].map_or(1.0, |c| scenario.cast[c].voice.rate);
                    for (slot, attitude) in ATTITUDES.iter().enumerate() {
                        let words = variants.get(attitude).unwrap_or(text);
                        r.line_millis[i][slot] =
                            seconds.map_or_else(|| speaking_millis(words, rate), to_millis);
                    }
                }
                Beat::Wait { next, .. } | Beat::Rate { next, .. } => r.next[i] = beat(next),
                Beat::Cue { by, next, .. } => {
                    r.next[i] = beat(next);
                    r.by[i] = by.as_deref().and_then(|id| cast.get(id).copied());
                }
                Beat::Choose { prompt, options, silence, .. } => {
                    r.options[i] = options.iter().map(|o| beat(&o.next)).collect();
                    r.reading_millis[i] =
                        reading_millis(prompt.iter().chain(options.iter().map(|o| &o.text)));
                    r.silence[i] = silence.as_ref().and_then(|s| beat(&s.next));
                }
                Beat::Branch { routes, otherwise, .. } => {
                    r.routes[i] = routes.iter().map(|route| beat(&route.next)).collect();
                    r.otherwise[i] = beat(otherwise);
                }
                Beat::End { .. } => {}
            }
        }
        for (k, ask) in scenario.ratings.schedule.iter().enumerate() {
            if let RatingWhen::AfterBeat(id) = &ask.when
                && let Some(i) = beat(id)
            {
                r.after_beat[i].push(k);
            }
        }
        for (o, outcome) in scenario.feared_outcomes.iter().enumerate() {
            for sign in &outcome.happens {
                if let Sign::Reached(id) = sign
                    && let Some(i) = beat(id)
                {
                    r.signs[i].push(o);
                }
            }
        }
        r
    }
}

/// Every timer lasts at least a tenth of a second, whatever an unchecked
/// file says, so the clock always moves on between two timers firing.
pub fn to_millis(seconds: f32) -> u64 {
    let millis = if seconds.is_finite() && seconds > 0.0 { (seconds * 1000.0).round() as u64 } else { 0 };
    millis.clamp(100, 3_600_000)
}

/// Silent reading runs at about 240 words a minute for ordinary prose
/// (Brysbaert 2019, a meta-analysis of 190 studies); text in a headset and a
/// reader under stress are slower, so the allowance is a little generous.
const READING_MILLIS_PER_WORD: u64 = 300;

/// How long reading these texts takes, in the language with the most words
/// (as with speaking, timing is the same whichever language is shown).
pub fn reading_millis<'a>(texts: impl Iterator<Item = &'a Text>) -> u64 {
    let mut words: BTreeMap<&str, u64> = BTreeMap::new();
    for text in texts {
        for (lang, t) in text.entries() {
            *words.entry(lang).or_default() += t.split_whitespace().count() as u64;
        }
    }
    words.into_values().max().unwrap_or(0) * READING_MILLIS_PER_WORD
}

/// How long a line takes to say: about 150 words a minute at an ordinary
/// rate, plus a breath. The longest language decides, so timing (and with
/// it every transcript) is the same whichever language is shown.
pub fn speaking_millis(text: &Text, rate: f32) -> u64 {
    let words = text.entries().map(|(_, t)| t.split_whitespace().count()).max().unwrap_or(0);
    let rate = if rate.is_finite() && rate > 0.1 { rate } else { 1.0 };
    let seconds = 0.6 + words as f32 * 0.4 / rate;
    to_millis(seconds.max(1.2))
}
