//! The debrief's words in bokmål and English, and numbers, dates and
//! percentages written the way each language writes them. Kept apart from
//! what the report finds, so wording can be tuned without touching a figure.
//! The words themselves are in `assets/locales/*/debrief.ftl`; the numbers
//! are written here (Fluent knows no decimal comma) and handed in as text.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::scenario::{ChoiceTag, EfficacySource, StressCue};
use crate::session::Millis;
use crate::w;
use crate::words::{PerLanguage, messages, names, say};

pub use crate::words::Lang;

impl Lang {
    /// A whole percentage: "64 %" in Norwegian (with a no-break space),
    /// "64%" in English.
    pub fn percent(self, value: f64) -> String {
        let v = value.round();
        match self {
            Lang::Nb => format!("{v}\u{a0}%"),
            Lang::En => format!("{v}%"),
        }
    }

    /// A number with `places` decimals: a decimal comma in Norwegian.
    pub fn decimal(self, value: f64, places: usize) -> String {
        let s = format!("{value:.places$}");
        match self {
            Lang::Nb => s.replace('.', ",").replace('-', "\u{2212}"),
            Lang::En => s,
        }
    }

    /// Seconds with one decimal: "1,5 s" / "1.5 s".
    pub fn seconds(self, ms: Millis) -> String {
        format!("{}\u{a0}s", self.decimal(ms as f64 / 1000.0, 1))
    }

    /// A length of time in minutes and seconds: "4 min 12 s".
    pub fn duration(self, ms: Millis) -> String {
        let secs = ms / 1000;
        match secs / 60 {
            0 => format!("{}\u{a0}s", secs % 60),
            m => format!("{m}\u{a0}min {}\u{a0}s", secs % 60),
        }
    }

    /// The date and time of day (UTC, stated), from milliseconds since 1970.
    pub fn date_time(self, unix_ms: i64) -> String {
        let (date, time) = crate::wallclock::utc_date_time(unix_ms.max(0) as u64 / 1000);
        let (y, m, d) = (&date[0..4], self.month(&date[4..6]), date[6..8].trim_start_matches('0'));
        let (hh, mm) = (&time[0..2], &time[2..4]);
        match self {
            Lang::Nb => format!("{d}. {m} {y} kl. {hh}.{mm} UTC"),
            Lang::En => format!("{d} {m} {y}, {hh}:{mm} UTC"),
        }
    }

    /// The date alone.
    pub fn date(self, unix_ms: i64) -> String {
        let (date, _) = crate::wallclock::utc_date_time(unix_ms.max(0) as u64 / 1000);
        let (y, m, d) = (&date[0..4], self.month(&date[4..6]), date[6..8].trim_start_matches('0'));
        match self {
            Lang::Nb => format!("{d}.\u{a0}{m} {y}"),
            Lang::En => format!("{d}\u{a0}{m} {y}"),
        }
    }

    /// A month's name from its two digits ("01" to "12").
    fn month(self, digits: &str) -> String {
        w!(self, "month", month = digits.parse::<u8>().unwrap_or(1))
    }

    /// The fixed words of both reports, as the templates read them:
    /// `words.session_title` for the message `debrief-session-title`.
    pub fn words(self) -> &'static Words {
        static WORDS: PerLanguage<Words> = PerLanguage::new();
        WORDS.get(self, fixed_words)
    }
}

/// A point on the session clock, as minutes and seconds: "4:07".
pub fn clock(ms: Millis) -> String {
    let s = ms / 1000;
    format!("{}:{:02}", s / 60, s % 60)
}

/// The fixed words of both reports: headings, labels and short phrases,
/// keyed as the templates read them (`session_title`). Sentences with
/// figures in them are said by the methods below.
pub type Words = BTreeMap<String, String>;

/// Every message of `debrief.ftl` whose id starts with `debrief-`, keyed by
/// the rest of its id with `-` written `_`. Such messages take no
/// variables.
fn fixed_words(lang: Lang) -> Words {
    let files = crate::words::sources(lang).iter().filter(|s| s.name.ends_with("/debrief.ftl"));
    files
        .flat_map(|s| messages(s).0)
        .filter_map(|m| Some((m.id.strip_prefix("debrief-")?.replace('-', "_"), say(lang, m.id, &[]))))
        .collect()
}

/// Sentences with figures in them.
impl Lang {
    pub fn source(self, source: EfficacySource) -> String {
        match source {
            EfficacySource::Mastery => w!(self, "source-mastery"),
            EfficacySource::Vicarious => w!(self, "source-vicarious"),
            EfficacySource::Feedback => w!(self, "source-feedback"),
            EfficacySource::Physiological => w!(self, "source-physiological"),
        }
    }

    /// "You expected it 70 % likely that ... It did not happen. Now you rate it 30 %."
    /// `seen` is what the record shows, where the outcome has signs: the
    /// first sign's time, or `None` when none came.
    pub fn expectancy(
        self,
        outcome: &str,
        before: Option<u8>,
        review: Option<(bool, u8)>,
        seen: Option<Option<Millis>>,
    ) -> String {
        let p = |v: u8| self.percent(f64::from(v));
        let mut afterwards = match review {
            Some((true, a)) => w!(self, "expected-happened", chance = p(a)),
            Some((false, a)) => w!(self, "expected-did-not-happen", chance = p(a)),
            None => w!(self, "expected-not-rated-again"),
        };
        match seen {
            Some(Some(at)) => afterwards += &w!(self, "expected-seen", when = clock(at)),
            Some(None) => afterwards += &w!(self, "expected-not-seen"),
            None => {}
        }
        match before {
            Some(b) => w!(self, "expected-rated", chance = p(b), outcome = outcome, afterwards = afterwards),
            None => w!(self, "expected-not-asked", outcome = outcome, afterwards = afterwards),
        }
    }

    /// How the session ended, never as a failure.
    /// `suds_then` is the last SUDS of the run, `after_calm` the one after
    /// the calm phase that follows every run.
    pub fn ending(
        self,
        ending: &Ending,
        at: Millis,
        suds_then: Option<u8>,
        after_calm: Option<u8>,
    ) -> String {
        let when = self.duration(at);
        let last_suds = suds_then.map(|v| w!(self, "ending-last-suds", suds = v)).unwrap_or_default();
        let calm = after_calm.map(|v| w!(self, "ending-after-calm", suds = v)).unwrap_or_default();
        let said = match ending {
            Ending::Completed => w!(self, "ending-completed", when = when),
            Ending::StoppedByParticipant => {
                w!(self, "ending-stopped-by-participant", when = when, last_suds = last_suds)
            }
            Ending::StoppedByClinician => {
                w!(self, "ending-stopped-by-clinician", when = when, last_suds = last_suds)
            }
            Ending::ScenarioFault => w!(self, "ending-scenario-fault", when = when, last_suds = last_suds),
            Ending::Interrupted => w!(self, "ending-interrupted", when = when),
        };
        format!("{said}{calm}")
    }

    /// What the RTW-SE score is, and the reference mean as orientation.
    pub fn rtw_se_intro(self, reference: f64) -> String {
        w!(self, "rtw-se-intro", reference = self.decimal(reference, 1))
    }

    /// An ending in a word or two, for tables.
    pub fn ending_short(self, ending: &Ending) -> String {
        match ending {
            Ending::Completed => w!(self, "ending-short-completed"),
            Ending::StoppedByParticipant => w!(self, "ending-short-stopped-by-participant"),
            Ending::StoppedByClinician => w!(self, "ending-short-stopped-by-clinician"),
            Ending::ScenarioFault => w!(self, "ending-short-scenario-fault"),
            Ending::Interrupted => w!(self, "ending-short-interrupted"),
        }
    }

    pub fn gaze_sentence(self, name: &str, share: f64) -> String {
        w!(self, "gaze-share", name = name, share = self.percent(share * 100.0))
    }

    pub fn gaze_away(self, count: usize, longest: Millis) -> String {
        w!(self, "gaze-away", count = count, longest = self.seconds(longest))
    }

    /// A choice's tag in words, as the record names it; a tag without
    /// words gives none.
    pub fn tag(self, tag: &str) -> String {
        ChoiceTag::from_name(tag).map_or_else(String::new, |t| names::tag(self, t))
    }

    /// How VR sickness went over the run: how often it was rated, and
    /// when it was highest.
    pub fn cybersickness(self, asked: usize, at: Millis, peak: u8) -> String {
        w!(self, "debrief-cybersickness", asked = asked, at = clock(at), peak = peak)
    }

    /// One event on the timeline, in plain words.
    pub fn mark(self, mark: &MarkKind) -> String {
        use MarkKind::*;
        match mark {
            Suds => w!(self, "mark-suds"),
            Cybersickness => names::rating(self, &crate::scenario::RatingKind::Cybersickness),
            SelfEfficacy(s) => w!(self, "mark-self-efficacy", statement = s),
            Cue(c) => w!(self, "mark-cue", cue = names::cue(self, *c)),
            Level { from, to } => w!(self, "mark-level", from = *from, to = *to),
            Choice(o) => w!(self, "mark-choice", option = o),
            Silence => w!(self, "mark-silence"),
            Paused { by_participant: true } => w!(self, "mark-paused-by-participant"),
            Paused { by_participant: false } => w!(self, "mark-paused-by-clinician"),
            Resumed => w!(self, "mark-resumed"),
            Calming { by_participant: true } => w!(self, "mark-calming-by-participant"),
            Calming { by_participant: false } => w!(self, "mark-calming-by-clinician"),
            Marker(n) => w!(self, "mark-marker", note = n),
            Skipped(r) => w!(self, "mark-rating-skipped", rating = r),
            End => w!(self, "mark-end"),
        }
    }

    /// What the record says for one source of self-efficacy.
    pub fn moment(self, m: &Moment) -> String {
        match m {
            // Told as what was done, never as a score: with none of them an
            // approach, the sentence says only how many answers there were.
            Moment::Choices { shown: 0, total } => w!(self, "moment-answers", total = *total),
            Moment::Choices { shown, total } => {
                w!(self, "moment-answers-approach", shown = *shown, total = *total)
            }
            Moment::Ended(e) => w!(self, "moment-ended", ending = self.ending_short(e)),
            Moment::NoModelling => w!(self, "moment-no-modelling"),
            Moment::ModelledBefore(n) => w!(self, "moment-modelled-before", count = *n),
            Moment::Watched { peer, level } => {
                w!(self, "moment-watched", peer = peer.as_str(), level = *level)
            }
            Moment::Looked { name, share } => self.gaze_sentence(name, *share),
            Moment::Marker { at, note } => w!(self, "moment-marker", at = clock(*at), note = note),
            Moment::Peak { at, value, after: Some((next_at, next_value)) } => w!(
                self,
                "moment-peak",
                at = clock(*at),
                value = *value,
                next_at = clock(*next_at),
                next_value = *next_value
            ),
            Moment::Peak { at, value, after: None } => {
                w!(self, "moment-peak-last", at = clock(*at), value = *value)
            }
            Moment::Pauses(n) => w!(self, "moment-pauses", count = *n),
            Moment::Calming { at, before: Some(before), after: Some(after) } => {
                w!(self, "moment-calming", at = clock(*at), before = *before, after = *after)
            }
            Moment::Calming { at, .. } => w!(self, "moment-calming-unrated", at = clock(*at)),
            Moment::ClinicianPauses(n) => w!(self, "moment-clinician-pauses", count = *n),
        }
    }

    /// Why part of the report is empty.
    pub fn missing(self, m: Missing) -> String {
        match m {
            Missing::NoRatings => w!(self, "missing-no-ratings"),
            Missing::NoSamples => w!(self, "missing-no-samples"),
            Missing::NoSamplesRecorded => w!(self, "missing-no-samples-recorded"),
            Missing::Interrupted => w!(self, "missing-interrupted"),
            Missing::Damaged => w!(self, "missing-damaged"),
        }
    }
}

/// How a session ended, for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Ending {
    Completed,
    StoppedByParticipant,
    StoppedByClinician,
    /// The session stopped itself: the scenario file led it nowhere.
    ScenarioFault,
    Interrupted,
}

/// What a mark on the timeline is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum MarkKind {
    Suds,
    Cybersickness,
    SelfEfficacy(String),
    Cue(StressCue),
    Level {
        from: u8,
        to: u8,
    },
    Choice(String),
    Silence,
    Paused {
        by_participant: bool,
    },
    Resumed,
    Calming {
        by_participant: bool,
    },
    Marker(String),
    /// A rating the clinician let go unanswered, by its name.
    Skipped(String),
    End,
}

/// Something in the record that speaks to one source of self-efficacy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Moment {
    Choices {
        shown: usize,
        total: usize,
    },
    Ended(Ending),
    NoModelling,
    /// Modelling runs of the scenario the participant watched before.
    ModelledBefore(usize),
    /// This run was a modelling run: the peer handled `level`.
    Watched {
        peer: String,
        level: u8,
    },
    Looked {
        name: String,
        share: f64,
    },
    Marker {
        at: Millis,
        note: String,
    },
    Peak {
        at: Millis,
        value: u8,
        after: Option<(Millis, u8)>,
    },
    Pauses(usize),
    ClinicianPauses(usize),
    /// A calming pause, with the SUDS before and after its breathing.
    Calming {
        at: Millis,
        before: Option<u8>,
        after: Option<u8>,
    },
}

/// A part of the record that is not there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Missing {
    NoRatings,
    /// Played in the terminal: nothing to look with.
    NoSamples,
    /// Shown in a window or headset, yet no sample was recorded.
    NoSamplesRecorded,
    Interrupted,
    Damaged,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_are_written_as_each_language_writes_them() {
        assert_eq!(Lang::Nb.percent(64.2), "64\u{a0}%");
        assert_eq!(Lang::En.percent(64.2), "64%");
        assert_eq!(Lang::Nb.decimal(4.636, 1), "4,6");
        assert_eq!(Lang::En.decimal(4.636, 1), "4.6");
        assert_eq!(Lang::Nb.seconds(1_540), "1,5\u{a0}s");
        assert_eq!(Lang::En.duration(252_000), "4\u{a0}min 12\u{a0}s");
        // 23 November 2026, 12:00 UTC.
        assert_eq!(Lang::Nb.date_time(1_795_435_200_000), "23. november 2026 kl. 12.00 UTC");
        assert_eq!(Lang::En.date_time(1_795_435_200_000), "23 November 2026, 12:00 UTC");
        assert_eq!(clock(247_900), "4:07");
    }

    #[test]
    fn a_stop_is_told_as_a_choice_never_as_a_failure() {
        for lang in [Lang::Nb, Lang::En] {
            let s = lang.ending(&Ending::StoppedByParticipant, 252_000, Some(65), Some(30)).to_lowercase();
            for word in ["fail", "mislyk", "gave up", "ga opp", "klarte ikke", "could not"] {
                assert!(!s.contains(word), "{s}");
            }
            assert!(s.contains("65"), "{s}");
        }
    }
}
