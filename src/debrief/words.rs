//! The debrief's words in bokmål and English, and numbers, dates and
//! percentages written the way each language writes them. Kept apart from
//! what the report finds, so wording can be tuned without touching a figure.
//! The fixed words are in `assets/locales/*/debrief.ftl`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Serialize;

use crate::scenario::{EfficacySource, StressCue};
use crate::session::Millis;
use crate::words::say;

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
        let (y, m, d) =
            (&date[0..4], date[4..6].parse::<usize>().unwrap_or(1), date[6..8].trim_start_matches('0'));
        let (hh, mm) = (&time[0..2], &time[2..4]);
        match self {
            Lang::Nb => format!("{d}. {} {y} kl. {hh}.{mm} UTC", MONTHS_NB[(m + 11) % 12]),
            Lang::En => format!("{d} {} {y}, {hh}:{mm} UTC", MONTHS_EN[(m + 11) % 12]),
        }
    }

    /// The date alone.
    pub fn date(self, unix_ms: i64) -> String {
        let (date, _) = crate::wallclock::utc_date_time(unix_ms.max(0) as u64 / 1000);
        let (y, m, d) =
            (&date[0..4], date[4..6].parse::<usize>().unwrap_or(1), date[6..8].trim_start_matches('0'));
        match self {
            Lang::Nb => format!("{d}.\u{a0}{} {y}", MONTHS_NB[(m + 11) % 12]),
            Lang::En => format!("{d}\u{a0}{} {y}", MONTHS_EN[(m + 11) % 12]),
        }
    }

    /// The fixed words of both reports, as the templates read them:
    /// `words.session_title` for the message `debrief-session-title`.
    pub fn words(self) -> &'static Words {
        static WORDS: [OnceLock<Words>; 2] = [OnceLock::new(), OnceLock::new()];
        let slot = match self {
            Lang::Nb => &WORDS[0],
            Lang::En => &WORDS[1],
        };
        slot.get_or_init(|| fixed_words(self))
    }
}

/// A point on the session clock, as minutes and seconds: "4:07".
pub fn clock(ms: Millis) -> String {
    let s = ms / 1000;
    format!("{}:{:02}", s / 60, s % 60)
}

const MONTHS_NB: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The fixed words of both reports: headings, labels and short phrases,
/// keyed as the templates read them (`session_title`). Sentences with
/// figures in them are said by the methods below.
pub type Words = BTreeMap<String, String>;

/// Every message of `debrief.ftl` whose id starts with `debrief-`, keyed by
/// the rest of its id with `-` written `_`. Such messages take no
/// variables; a message's id starts its line, as Fluent has it.
fn fixed_words(lang: Lang) -> Words {
    let mut words = Words::new();
    let files = crate::words::sources(lang).iter().filter(|s| s.name.ends_with("/debrief.ftl"));
    for line in files.flat_map(|s| s.text.lines()) {
        let Some((id, _)) = line.split_once('=') else { continue };
        let id = id.trim_end();
        let Some(key) = id.strip_prefix("debrief-") else { continue };
        if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            words.insert(key.replace('-', "_"), say(lang, id, &[]));
        }
    }
    words
}

/// Sentences with figures in them.
impl Lang {
    pub fn source(self, source: EfficacySource) -> &'static str {
        match (self, source) {
            (Lang::Nb, EfficacySource::Mastery) => "Egen mestring",
            (Lang::Nb, EfficacySource::Vicarious) => "Å se andre mestre",
            (Lang::Nb, EfficacySource::Feedback) => "Tilbakemeldinger",
            (Lang::Nb, EfficacySource::Physiological) => "Kroppens signaler",
            (Lang::En, EfficacySource::Mastery) => "Your own mastery",
            (Lang::En, EfficacySource::Vicarious) => "Seeing others manage",
            (Lang::En, EfficacySource::Feedback) => "Feedback",
            (Lang::En, EfficacySource::Physiological) => "Your body's signals",
        }
    }

    /// "You expected it 70 % likely that ... It did not happen. Now you rate it 30 %."
    pub fn expectancy(self, outcome: &str, before: Option<u8>, review: Option<(bool, u8)>) -> String {
        let p = |v: u8| self.percent(f64::from(v));
        let first = match (self, before) {
            (Lang::Nb, Some(b)) => format!("Før økten anslo du {} sjanse for at {outcome}.", p(b)),
            (Lang::En, Some(b)) => {
                format!("Before the session you put the chance that {outcome} at {}.", p(b))
            }
            (Lang::Nb, None) => {
                format!("Du ble ikke spurt før økten om hvor sannsynlig det var at {outcome}.")
            }
            (Lang::En, None) => {
                format!("You were not asked before the session how likely it was that {outcome}.")
            }
        };
        let second = match (self, review) {
            (Lang::Nb, Some((true, a))) => format!(" Det skjedde. Nå anslår du sjansen til {}.", p(a)),
            (Lang::Nb, Some((false, a))) => format!(" Det skjedde ikke. Nå anslår du sjansen til {}.", p(a)),
            (Lang::En, Some((true, a))) => format!(" It happened. Now you put the chance at {}.", p(a)),
            (Lang::En, Some((false, a))) => {
                format!(" It did not happen. Now you put the chance at {}.", p(a))
            }
            (Lang::Nb, None) => " Etterpå ble det ikke vurdert på nytt.".into(),
            (Lang::En, None) => " It was not rated again afterwards.".into(),
        };
        format!("{first}{second}")
    }

    /// How the session ended, never as a failure.
    pub fn ending(self, ending: &Ending, at: Millis, suds_then: Option<u8>) -> String {
        let when = self.duration(at);
        let suds = suds_then.map(|v| match self {
            Lang::Nb => format!(" Siste SUDS før det var {v}."),
            Lang::En => format!(" The last SUDS before it was {v}."),
        });
        let suds = suds.unwrap_or_default();
        match (self, ending) {
            (Lang::Nb, Ending::Completed) => format!("Du gjennomførte hele scenarioet ({when})."),
            (Lang::En, Ending::Completed) => format!("You went through the whole scenario ({when})."),
            (Lang::Nb, Ending::StoppedByParticipant) => format!(
                "Du valgte å stoppe etter {when}. Å kjenne etter og stoppe er en del av øvingen, \
                 og det viser hvor grensen gikk i dag.{suds}"
            ),
            (Lang::En, Ending::StoppedByParticipant) => format!(
                "You chose to stop after {when}. Noticing when to stop is part of the practice, \
                 and it shows where the edge was today.{suds}"
            ),
            (Lang::Nb, Ending::StoppedByClinician) => {
                format!("Økten ble avsluttet av behandleren etter {when}.{suds}")
            }
            (Lang::En, Ending::StoppedByClinician) => {
                format!("The clinician ended the session after {when}.{suds}")
            }
            (Lang::Nb, Ending::ScenarioFault) => format!(
                "Økten stoppet etter {when} fordi scenariofilen ikke førte videre. Det skyldes filen, ikke deg.{suds}"
            ),
            (Lang::En, Ending::ScenarioFault) => format!(
                "The session stopped after {when} because the scenario file led nowhere further. That is the \
                 file's doing, not yours.{suds}"
            ),
            (Lang::Nb, Ending::Interrupted) => format!(
                "Opptaket stopper etter {when}: programmet ble avbrutt før økten var ferdig. Alt fram til da er med."
            ),
            (Lang::En, Ending::Interrupted) => format!(
                "The record stops after {when}: the program was cut off before the session ended. Everything \
                 up to then is here."
            ),
        }
    }

    /// What the RTW-SE score is, and the reference mean as orientation.
    pub fn rtw_se_intro(self, reference: f64) -> String {
        let r = self.decimal(reference, 1);
        match self {
            Lang::Nb => format!(
                "Gjennomsnitt av 11 spørsmål (1–6). Et snitt på {r} eller mer hang sammen med full retur til \
                 arbeid i den norske valideringen (Gjengedal mfl. 2021). Det er en pekepinn, ikke en dom."
            ),
            Lang::En => format!(
                "The mean of 11 items (1–6). A mean of {r} or more went with full return to work in the \
                 Norwegian validation (Gjengedal et al. 2021). It is a pointer, not a verdict."
            ),
        }
    }

    /// An ending in a word or two, for tables.
    pub fn ending_short(self, ending: &Ending) -> &'static str {
        match (self, ending) {
            (Lang::Nb, Ending::Completed) => "gjennomført",
            (Lang::En, Ending::Completed) => "completed",
            (Lang::Nb, Ending::StoppedByParticipant) => "stoppet selv",
            (Lang::En, Ending::StoppedByParticipant) => "stopped by you",
            (Lang::Nb, Ending::StoppedByClinician) => "avsluttet av behandler",
            (Lang::En, Ending::StoppedByClinician) => "ended by the clinician",
            (Lang::Nb, Ending::ScenarioFault) => "stoppet av en feil i scenariofilen",
            (Lang::En, Ending::ScenarioFault) => "stopped by a fault in the scenario file",
            (Lang::Nb, Ending::Interrupted) => "avbrutt",
            (Lang::En, Ending::Interrupted) => "cut off",
        }
    }

    pub fn gaze_sentence(self, name: &str, share: f64) -> String {
        match self {
            Lang::Nb => format!("Du så på {name} i {} av tiden {name} snakket.", self.percent(share * 100.0)),
            Lang::En => {
                format!("You looked at {name} {} of the time {name} spoke.", self.percent(share * 100.0))
            }
        }
    }

    pub fn gaze_away(self, count: usize, longest: Millis) -> String {
        match (self, count) {
            (Lang::Nb, 0) => "Blikket var aldri borte fra ansiktene i mer enn 3 sekunder.".into(),
            (Lang::Nb, 1) => format!("Én gang, i {}.", self.seconds(longest)),
            (Lang::En, 0) => "Your gaze never left the faces for more than 3 seconds.".into(),
            (Lang::Nb, n) => format!("{n} ganger, den lengste {}.", self.seconds(longest)),
            (Lang::En, 1) => format!("Once, for {}.", self.seconds(longest)),
            (Lang::En, n) => format!("{n} times, the longest {}.", self.seconds(longest)),
        }
    }

    pub fn tag(self, tag: &str) -> &'static str {
        match (self, tag) {
            (Lang::Nb, "assertive") => "tydelig",
            (Lang::Nb, "avoidant") => "unnvikende",
            (Lang::Nb, "asks-for-help") => "ber om hjelp",
            (Lang::Nb, "apologetic") => "unnskyldende",
            (Lang::Nb, "aggressive") => "skarp",
            (Lang::Nb, "sets-boundary") => "setter grense",
            (Lang::Nb, "shares-openly") => "deler åpent",
            (Lang::Nb, "keeps-private") => "holder for seg selv",
            (Lang::En, "assertive") => "assertive",
            (Lang::En, "avoidant") => "avoidant",
            (Lang::En, "asks-for-help") => "asks for help",
            (Lang::En, "apologetic") => "apologetic",
            (Lang::En, "aggressive") => "sharp",
            (Lang::En, "sets-boundary") => "sets a boundary",
            (Lang::En, "shares-openly") => "shares openly",
            (Lang::En, "keeps-private") => "keeps it private",
            _ => "",
        }
    }

    /// One event on the timeline, in plain words.
    pub fn mark(self, mark: &MarkKind) -> String {
        use MarkKind::*;
        match (self, mark) {
            (Lang::Nb, Suds) => "SUDS".into(),
            (Lang::En, Suds) => "SUDS".into(),
            (Lang::Nb, SelfEfficacy(s)) => format!("mestringstro: {s}"),
            (Lang::En, SelfEfficacy(s)) => format!("self-efficacy: {s}"),
            (Lang::Nb, Cue(c)) => format!("stressinnslag: {}", cue(self, *c)),
            (Lang::En, Cue(c)) => format!("stress cue: {}", cue(self, *c)),
            (Lang::Nb, Level { from, to }) => format!("nivå {from} → {to}"),
            (Lang::En, Level { from, to }) => format!("level {from} → {to}"),
            (Lang::Nb, Choice(o)) => format!("valg: «{o}»"),
            (Lang::En, Choice(o)) => format!("choice: “{o}”"),
            (Lang::Nb, Silence) => "stillhet".into(),
            (Lang::En, Silence) => "silence".into(),
            (Lang::Nb, Paused { by_participant: true }) => "pause (du)".into(),
            (Lang::Nb, Paused { by_participant: false }) => "pause (behandler)".into(),
            (Lang::En, Paused { by_participant: true }) => "pause (you)".into(),
            (Lang::En, Paused { by_participant: false }) => "pause (clinician)".into(),
            (Lang::Nb, Resumed) => "fortsatte".into(),
            (Lang::En, Resumed) => "went on".into(),
            (Lang::Nb, Marker(n)) => format!("merknad: {n}"),
            (Lang::En, Marker(n)) => format!("marker: {n}"),
            (Lang::Nb, End) => "slutt".into(),
            (Lang::En, End) => "end".into(),
        }
    }

    /// What the record says for one source of self-efficacy.
    pub fn moment(self, m: &Moment) -> String {
        match (self, m) {
            // Told as what was done, never as a score: with none of them an
            // approach, the sentence says only how many answers there were.
            (Lang::Nb, Moment::Choices { shown: 0, total }) => format!("Du ga {total} svar i økten."),
            (Lang::En, Moment::Choices { shown: 0, total }) => {
                format!("You gave {total} answers in the session.")
            }
            (Lang::Nb, Moment::Choices { shown, total }) => format!(
                "Du ga {total} svar i økten; i {shown} av dem sa du tydelig fra, satte en grense, ba om hjelp \
                 eller delte åpent."
            ),
            (Lang::En, Moment::Choices { shown, total }) => format!(
                "You gave {total} answers in the session; in {shown} of them you spoke up, set a boundary, asked \
                 for help or shared openly."
            ),
            (Lang::Nb, Moment::Ended(e)) => format!("Økten: {}.", self.ending_short(e)),
            (Lang::En, Moment::Ended(e)) => format!("The session: {}.", self.ending_short(e)),
            (Lang::Nb, Moment::NoModelling) => {
                "Ingen modelløkt (å se en kollega gjøre det) er tatt opp for dette scenarioet.".into()
            }
            (Lang::En, Moment::NoModelling) => {
                "No modelling run (watching a peer do it) is on record for this scenario.".into()
            }
            (Lang::Nb, Moment::Looked { name, share }) => self.gaze_sentence(name, *share),
            (Lang::En, Moment::Looked { name, share }) => self.gaze_sentence(name, *share),
            (Lang::Nb, Moment::Marker { at, note }) => format!("Merknad ved {}: {note}", clock(*at)),
            (Lang::En, Moment::Marker { at, note }) => format!("Marker at {}: {note}", clock(*at)),
            (Lang::Nb, Moment::Peak { at, value, after: Some((a, v)) }) => format!(
                "SUDS var høyest ved {} ({value}). Neste gang du ble spurt, ved {}, var den {v}.",
                clock(*at),
                clock(*a)
            ),
            (Lang::En, Moment::Peak { at, value, after: Some((a, v)) }) => format!(
                "SUDS was highest at {} ({value}). The next time you were asked, at {}, it was {v}.",
                clock(*at),
                clock(*a)
            ),
            (Lang::Nb, Moment::Peak { at, value, after: None }) => {
                format!("SUDS var høyest ved {} ({value}); du ble ikke spurt igjen etter det.", clock(*at))
            }
            (Lang::En, Moment::Peak { at, value, after: None }) => {
                format!("SUDS was highest at {} ({value}); you were not asked again after that.", clock(*at))
            }
            (Lang::Nb, Moment::Pauses(1)) => "Du tok én pause underveis.".into(),
            (Lang::Nb, Moment::Pauses(n)) => format!("Du tok {n} pauser underveis."),
            (Lang::En, Moment::Pauses(1)) => "You took one pause along the way.".into(),
            (Lang::En, Moment::Pauses(n)) => format!("You took {n} pauses along the way."),
            (Lang::Nb, Moment::ClinicianPauses(1)) => "Behandleren satte økten på pause én gang.".into(),
            (Lang::Nb, Moment::ClinicianPauses(n)) => format!("Behandleren satte økten på pause {n} ganger."),
            (Lang::En, Moment::ClinicianPauses(1)) => "The clinician paused the session once.".into(),
            (Lang::En, Moment::ClinicianPauses(n)) => format!("The clinician paused the session {n} times."),
        }
    }

    /// Why part of the report is empty.
    pub fn missing(self, m: Missing) -> &'static str {
        match (self, m) {
            (Lang::Nb, Missing::NoRatings) => {
                "Ingen vurderinger (SUDS, mestringstro) ble gitt i denne økten."
            }
            (Lang::En, Missing::NoRatings) => "No ratings (SUDS, self-efficacy) were given in this session.",
            (Lang::Nb, Missing::NoSamples) => {
                "Ingen blikkdata: økten ble spilt i terminalen, uten bilde, så blikk og hode ble ikke målt."
            }
            (Lang::En, Missing::NoSamples) => {
                "No gaze data: the session was played in the terminal, without a picture, so looking was not measured."
            }
            (Lang::Nb, Missing::NoSamplesRecorded) => "Ingen blikkdata ble tatt opp i denne økten.",
            (Lang::En, Missing::NoSamplesRecorded) => "No gaze data was recorded in this session.",
            (Lang::Nb, Missing::Interrupted) => {
                "Økten ble avbrutt (programmet stoppet uten å avslutte); opptaket fram til da er med."
            }
            (Lang::En, Missing::Interrupted) => {
                "The session was cut off (the program stopped without closing it); the record up to then is here."
            }
            (Lang::Nb, Missing::Damaged) => "Den siste linjen i opptaket var skadet og er ikke med.",
            (Lang::En, Missing::Damaged) => "The last line of the record was damaged and is left out.",
        }
    }
}

/// A stress cue in a few words.
fn cue(lang: Lang, cue: StressCue) -> &'static str {
    use StressCue::*;
    match (lang, cue) {
        (Lang::Nb, PhoneRinging) => "telefonen ringer",
        (Lang::Nb, OfficeMurmur) => "prat i lokalet",
        (Lang::Nb, KeyboardTyping) => "tastaturklikking",
        (Lang::Nb, DoorSlam) => "en dør smeller",
        (Lang::Nb, Sigh) => "et sukk",
        (Lang::Nb, Notification) => "et varsel",
        (Lang::Nb, CriticalRemark) => "en kritisk kommentar",
        (Lang::Nb, Interruption) => "en avbrytelse",
        (Lang::Nb, SilentStare) => "et stille blikk",
        (Lang::Nb, WatchCheck) => "noen ser på klokka",
        (Lang::En, PhoneRinging) => "the phone rings",
        (Lang::En, OfficeMurmur) => "office murmur",
        (Lang::En, KeyboardTyping) => "typing",
        (Lang::En, DoorSlam) => "a door slams",
        (Lang::En, Sigh) => "a sigh",
        (Lang::En, Notification) => "a notification",
        (Lang::En, CriticalRemark) => "a critical remark",
        (Lang::En, Interruption) => "an interruption",
        (Lang::En, SilentStare) => "a silent stare",
        (Lang::En, WatchCheck) => "someone checks the time",
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
    SelfEfficacy(String),
    Cue(StressCue),
    Level { from: u8, to: u8 },
    Choice(String),
    Silence,
    Paused { by_participant: bool },
    Resumed,
    Marker(String),
    End,
}

/// Something in the record that speaks to one source of self-efficacy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Moment {
    Choices { shown: usize, total: usize },
    Ended(Ending),
    NoModelling,
    Looked { name: String, share: f64 },
    Marker { at: Millis, note: String },
    Peak { at: Millis, value: u8, after: Option<(Millis, u8)> },
    Pauses(usize),
    ClinicianPauses(usize),
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
            let s = lang.ending(&Ending::StoppedByParticipant, 252_000, Some(65)).to_lowercase();
            for word in ["fail", "mislyk", "gave up", "ga opp", "klarte ikke", "could not"] {
                assert!(!s.contains(word), "{s}");
            }
            assert!(s.contains("65"), "{s}");
        }
    }
}
