//! The debrief's words in bokmål and English, and numbers, dates and
//! percentages written the way each language writes them. Kept apart from
//! what the report finds, so wording can be tuned without touching a figure.

use serde::Serialize;

use crate::scenario::{EfficacySource, StressCue};
use crate::session::Millis;

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

    pub fn words(self) -> &'static Words {
        match self {
            Lang::Nb => &NB,
            Lang::En => &EN,
        }
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

/// The fixed words of both reports: headings, labels and short phrases.
/// Sentences with figures in them are built by the methods below.
#[derive(Debug, Serialize)]
pub struct Words {
    pub session_title: &'static str,
    pub programme_title: &'static str,
    pub participant: &'static str,
    pub date: &'static str,
    pub level: &'static str,
    pub length: &'static str,
    pub shown_in: &'static str,
    pub terminal: &'static str,
    pub in_headset: &'static str,
    pub in_window: &'static str,
    pub missing_heading: &'static str,
    pub timeline: &'static str,
    pub timeline_intro: &'static str,
    pub suds: &'static str,
    pub self_efficacy: &'static str,
    pub time: &'static str,
    pub what: &'static str,
    pub value: &'static str,
    pub details: &'static str,
    pub minutes_axis: &'static str,
    pub paused_span: &'static str,
    pub legend_cue: &'static str,
    pub legend_level: &'static str,
    pub legend_marker: &'static str,
    pub legend_choice: &'static str,
    pub legend_silence: &'static str,
    pub level_completed: &'static str,
    pub expectancy: &'static str,
    pub no_expectancy: &'static str,
    pub no_self_efficacy: &'static str,
    pub learned: &'static str,
    pub learned_question: &'static str,
    pub behaviour: &'static str,
    pub looking: &'static str,
    pub person: &'static str,
    pub eye_contact_all: &'static str,
    pub eye_contact_speaking: &'static str,
    pub not_measured: &'static str,
    pub gaze_away_heading: &'static str,
    pub choices: &'static str,
    pub question: &'static str,
    pub answer: &'static str,
    pub latency: &'static str,
    pub shows: &'static str,
    pub no_choices: &'static str,
    pub silences: &'static str,
    pub mastery: &'static str,
    pub mastery_intro: &'static str,
    pub statement: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub reflection: &'static str,
    pub reflection_intro: &'static str,
    pub from_the_record: &'static str,
    pub next_step: &'static str,
    pub next_step_question: &'static str,
    pub goal_agreed: &'static str,
    pub goal_blank: &'static str,
    pub last_goal: &'static str,
    pub goal_done: &'static str,
    pub goal_not_done: &'static str,
    pub goal_not_reported: &'static str,
    pub runs: &'static str,
    pub scenario: &'static str,
    pub ended: &'static str,
    pub kind: &'static str,
    pub practice: &'static str,
    pub peak_suds: &'static str,
    pub run_self_efficacy: &'static str,
    pub progression: &'static str,
    pub run_number: &'static str,
    pub highest_level_completed: &'static str,
    pub rtw_se: &'static str,
    pub rtw_se_none: &'static str,
    pub answered: &'static str,
    pub label: &'static str,
    pub mean: &'static str,
    pub against_reference: &'static str,
    pub at_or_above: &'static str,
    pub below: &'static str,
    pub goals: &'static str,
    pub goal: &'static str,
    pub set_after: &'static str,
    pub reported: &'static str,
    pub no_runs: &'static str,
    pub no_goals: &'static str,
    pub made_by: &'static str,
}

static NB: Words = Words {
    session_title: "Gjennomgang etter økten",
    programme_title: "Oversikt over programmet",
    participant: "Deltaker",
    date: "Dato",
    level: "Nivå",
    length: "Lengde",
    shown_in: "Vist i",
    terminal: "terminalen (uten bilde)",
    in_headset: "hodesett",
    in_window: "vindu på skjermen",
    missing_heading: "Dette mangler i rapporten",
    timeline: "Tidslinje",
    timeline_intro: "Stress (SUDS) og mestringstro over øktens tid, med det som skjedde underveis.",
    suds: "Stress (SUDS)",
    self_efficacy: "Mestringstro",
    time: "Tid",
    what: "Hva",
    value: "Verdi",
    details: "Tallene bak figuren",
    minutes_axis: "minutter inn i økten",
    paused_span: "pause",
    legend_cue: "stressinnslag",
    legend_level: "nivå endret",
    legend_marker: "merknad",
    legend_choice: "valg",
    legend_silence: "stillhet",
    level_completed: "nivå fullført (høyre akse)",
    expectancy: "Det du ventet, og det som skjedde",
    no_expectancy: "Ingen forventning ble vurdert i denne økten.",
    no_self_efficacy: "Ingen mestringstro ble vurdert i denne økten.",
    learned: "Det du lærte",
    learned_question: "Hva lærte du av det som skjedde, sammenlignet med det du ventet?",
    behaviour: "Hva du gjorde",
    looking: "Blikk",
    person: "Person",
    eye_contact_all: "Blikkontakt mens personen var til stede",
    eye_contact_speaking: "Blikkontakt mens personen snakket",
    not_measured: "ikke målt",
    gaze_away_heading: "Blikket borte fra ansiktene i mer enn 3 s",
    choices: "Valgene dine",
    question: "Når",
    answer: "Svaret ditt",
    latency: "Betenkningstid",
    shows: "Viser",
    no_choices: "Ingen valg ble tatt i denne økten.",
    silences: "Når du lot være å svare",
    mastery: "Mestringstro før og etter",
    mastery_intro: "Hvor sikker du var på at du kan … (0–100), første og siste gang i økten.",
    statement: "Du kan …",
    before: "Før",
    after: "Etter",
    reflection: "Refleksjon",
    reflection_intro: "Spørsmålene fra scenarioet, ordnet etter de fire kildene til mestringstro, \
                       med det i opptaket som kan hjelpe samtalen.",
    from_the_record: "Fra opptaket",
    next_step: "Neste steg",
    next_step_question: "Hvilken utfordring tar du på deg denne uken?",
    goal_agreed: "Avtalt delmål",
    goal_blank: "Ikke skrevet inn ennå.",
    last_goal: "Delmålet fra forrige gang",
    goal_done: "gjort",
    goal_not_done: "ikke gjort ennå",
    goal_not_reported: "ikke fulgt opp ennå",
    runs: "Øktene",
    scenario: "Scenario",
    ended: "Slutt",
    kind: "Type",
    practice: "øving",
    peak_suds: "Høyeste SUDS",
    run_self_efficacy: "Mestringstro",
    progression: "Utvikling per scenario",
    run_number: "økt nr.",
    highest_level_completed: "Høyeste nivå fullført",
    rtw_se: "Mestringstro for å komme tilbake i arbeid (RTW-SE)",
    rtw_se_none: "Ingen RTW-SE er registrert ennå.",
    answered: "Besvart",
    label: "Merket",
    mean: "Snitt",
    against_reference: "Mot referansen",
    at_or_above: "på eller over",
    below: "under",
    goals: "Delmål",
    goal: "Delmål",
    set_after: "Satt etter",
    reported: "Status",
    no_runs: "Ingen økter er registrert ennå.",
    no_goals: "Ingen delmål er satt ennå.",
    made_by: "Rapporten er laget av mestring fra opptaket på denne maskinen. Den inneholder helseopplysninger: \
              oppbevar og del den som annen pasientinformasjon.",
};

static EN: Words = Words {
    session_title: "Session debrief",
    programme_title: "Programme overview",
    participant: "Participant",
    date: "Date",
    level: "Level",
    length: "Length",
    shown_in: "Shown in",
    terminal: "the terminal (no picture)",
    in_headset: "a headset",
    in_window: "a desktop window",
    missing_heading: "What this report lacks",
    timeline: "Timeline",
    timeline_intro: "Distress (SUDS) and self-efficacy over the session, with what happened along the way.",
    suds: "Distress (SUDS)",
    self_efficacy: "Self-efficacy",
    time: "Time",
    what: "What",
    value: "Value",
    details: "The figures behind the chart",
    minutes_axis: "minutes into the session",
    paused_span: "pause",
    legend_cue: "stress cue",
    legend_level: "level changed",
    legend_marker: "marker",
    legend_choice: "choice",
    legend_silence: "silence",
    level_completed: "level completed (right axis)",
    expectancy: "What you expected, and what happened",
    no_expectancy: "No expectation was rated in this session.",
    no_self_efficacy: "No self-efficacy was rated in this session.",
    learned: "What you learned",
    learned_question: "What did you learn from what happened, compared with what you expected?",
    behaviour: "What you did",
    looking: "Looking",
    person: "Person",
    eye_contact_all: "Eye contact while they were there",
    eye_contact_speaking: "Eye contact while they spoke",
    not_measured: "not measured",
    gaze_away_heading: "Looking away from faces for more than 3 s",
    choices: "Your choices",
    question: "When",
    answer: "Your answer",
    latency: "Time to answer",
    shows: "Shows",
    no_choices: "No choices were made in this session.",
    silences: "Silences you took",
    mastery: "Self-efficacy before and after",
    mastery_intro: "How certain you were that you can … (0–100), the first and last time in the session.",
    statement: "You can …",
    before: "Before",
    after: "After",
    reflection: "Reflection",
    reflection_intro: "The scenario's questions, grouped by the four sources of self-efficacy, beside what \
                       the record holds that may help the conversation.",
    from_the_record: "From the record",
    next_step: "The next step",
    next_step_question: "Which challenge do you take on this week?",
    goal_agreed: "Sub-goal agreed",
    goal_blank: "Not written down yet.",
    last_goal: "The sub-goal from last time",
    goal_done: "done",
    goal_not_done: "not done yet",
    goal_not_reported: "not followed up yet",
    runs: "The sessions",
    scenario: "Scenario",
    ended: "End",
    kind: "Kind",
    practice: "practice",
    peak_suds: "Peak SUDS",
    run_self_efficacy: "Self-efficacy",
    progression: "Progress per scenario",
    run_number: "session no.",
    highest_level_completed: "Highest level completed",
    rtw_se: "Return-to-work self-efficacy (RTW-SE)",
    rtw_se_none: "No RTW-SE has been recorded yet.",
    answered: "Answered",
    label: "Label",
    mean: "Mean",
    against_reference: "Against the reference",
    at_or_above: "at or above",
    below: "below",
    goals: "Sub-goals",
    goal: "Sub-goal",
    set_after: "Set after",
    reported: "Status",
    no_runs: "No sessions have been recorded yet.",
    no_goals: "No sub-goals have been set yet.",
    made_by: "Made by mestring from the record on this machine. It holds health information: keep and share \
              it as other patient information.",
};

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
