//! Transcripts: every input and output of a session, one line each, with
//! its session-clock time. Plain text so authors can read and diff them,
//! and stable so a blessed transcript pins a scenario's behaviour.

use std::fmt::Write as _;
use std::io::Write as _;

use crate::prompts::rating_code;
use crate::record::rows::{reload_at, version_text};
use crate::scenario::{Beat, Scenario};
use crate::session::{EndReason, Input, Millis, Output, RatingAnswer};

pub const HEADER: &str = "# mestring transcript v1";

/// `mm:ss.mmm` (minutes grow past 59 rather than wrapping into hours).
pub fn clock(at: Millis) -> String {
    format!("{:02}:{:02}.{:03}", at / 60_000, (at / 1000) % 60, at % 1000)
}

/// Collects transcript lines for one session, and writes each one to a
/// file as it happens when given one: a session cut short (Ctrl-C, a
/// crash, a kill) keeps everything up to that moment.
#[derive(Debug)]
pub struct Transcript {
    lang: String,
    lines: Vec<String>,
    file: Option<std::fs::File>,
    /// The first write error, kept so the player can say the file is
    /// incomplete instead of failing mid-session.
    write_error: Option<std::io::Error>,
}

impl Transcript {
    pub fn new(scenario: &Scenario, level: u8, seed: u64, lang: &str) -> Self {
        let lines = vec![
            HEADER.to_string(),
            format!("# scenario {} level {level} seed {seed} lang {lang}", scenario.id),
        ];
        Transcript { lang: lang.to_string(), lines, file: None, write_error: None }
    }

    /// Writes the lines so far to `file`, and every later line as it comes.
    pub fn write_through(&mut self, file: std::fs::File) -> std::io::Result<()> {
        self.file = Some(file);
        for line in std::mem::take(&mut self.lines) {
            self.push(line);
        }
        self.write_error.take().map_or(Ok(()), Err)
    }

    /// A write to the file that failed, if any.
    pub fn write_error(&self) -> Option<&std::io::Error> {
        self.write_error.as_ref()
    }

    fn push(&mut self, line: String) {
        if let Some(file) = &mut self.file
            && self.write_error.is_none()
            && let Err(e) = file.write_all(format!("{line}\n").as_bytes())
        {
            self.write_error = Some(e);
        }
        self.lines.push(line);
    }

    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    pub fn text(&self) -> String {
        let mut s = self.lines.join("\n");
        s.push('\n');
        s
    }

    pub fn input(&mut self, at: Millis, input: &Input) {
        self.push(format!("{} > {}", clock(at), input_words(input)));
    }

    pub fn output(&mut self, scenario: &Scenario, at: Millis, output: &Output) {
        let line = format!("{} < {}", clock(at), output_words(scenario, &self.lang, output));
        self.push(line);
    }
}

/// An input in the script language (see [`super::script`]), so a
/// transcript's input lines read like the script that made them.
pub fn input_words(input: &Input) -> String {
    match input {
        Input::Tick => "tick".into(),
        Input::Choose { option } => format!("choose {}", option + 1),
        Input::Rate(answer) => format!("rate {}", answer_words(answer)),
        Input::Pause { by } => format!("pause by {}", by.name()),
        Input::Resume { by } => format!("resume by {}", by.name()),
        Input::Stop { by } => format!("stop by {}", by.name()),
        Input::SetLevel { level } => format!("level {level}"),
        Input::TriggerCue { cue, intensity } => format!("cue {} {intensity}", cue.name()),
        Input::Marker { note } => format!("marker {note:?}"),
        Input::Calm { by } => format!("calm by {}", by.name()),
        Input::AskNow { rating } => format!("ask {}", rating_code(rating)),
        Input::SkipRating => "skip".into(),
        Input::MarkerNote { note } => format!("note {note:?}"),
        Input::Reload { at, source } => {
            let (at, version) = (reload_at(*at), version_text(crate::session::version_of(source)));
            format!("reload {at} ({version})")
        }
    }
}

pub fn answer_words(answer: &RatingAnswer) -> String {
    match answer {
        RatingAnswer::Scale(v) => v.to_string(),
        RatingAnswer::Review { happened, likelihood } => {
            format!("{} {likelihood}", if *happened { "happened" } else { "not-happened" })
        }
    }
}

fn beat_id(scenario: &Scenario, beat: usize) -> &str {
    scenario.beats.get(beat).map_or("?", Beat::id)
}

fn character_id(scenario: &Scenario, c: usize) -> &str {
    scenario.cast.get(c).map_or("?", |c| c.id.as_str())
}

/// One output as a transcript line (without the time).
pub fn output_words(scenario: &Scenario, lang: &str, output: &Output) -> String {
    let mut s = String::new();
    match output {
        Output::Started { level } => {
            let _ = write!(s, "started level {level}");
        }
        Output::Cast { character, present, behaviour } => {
            let _ = write!(
                s,
                "cast {} {} {:?} gaze {:.2}{}",
                character_id(scenario, *character),
                if *present { "present" } else { "absent" },
                behaviour.attitude,
                behaviour.gaze,
                if behaviour.interrupts { " interrupts" } else { "" }
            );
        }
        Output::Ambience { noise, crowding } => {
            let _ = write!(s, "ambience noise {noise:.2} crowding {crowding:.2}");
        }
        Output::Line { beat, by, attitude, millis } => {
            let text = match scenario.beats.get(*beat) {
                Some(Beat::Say { text, variants, .. }) => variants.get(attitude).unwrap_or(text).show(lang),
                _ => "",
            };
            let _ = write!(
                s,
                "say {} [{}] {:?} ({:?}, {})",
                beat_id(scenario, *beat),
                character_id(scenario, *by),
                text,
                attitude,
                clock(*millis)
            );
        }
        Output::LineDone { beat } => {
            let _ = write!(s, "said {}", beat_id(scenario, *beat));
        }
        Output::LineSkipped { beat, by } => {
            let _ =
                write!(s, "skipped {} [{} absent]", beat_id(scenario, *beat), character_id(scenario, *by));
        }
        Output::ChoicesOffered { beat, answer_millis, reading_millis, order } => {
            // In the order shown, each with its number in the scenario.
            let _ = write!(s, "choices {}", beat_id(scenario, *beat));
            if let Some(Beat::Choose { options, .. }) = scenario.beats.get(*beat) {
                for &i in order {
                    if let Some(o) = options.get(i) {
                        let _ = write!(s, " | {} {:?}", i + 1, o.text.show(lang));
                    }
                }
            }
            let _ = write!(s, " | reading {}", clock(*reading_millis));
            if let Some(m) = answer_millis {
                let _ = write!(s, " | clock {}", clock(*m));
            }
        }
        Output::Chosen { beat, option, shown_as, latency } => {
            let _ = write!(
                s,
                "chosen {} {} shown {} after {}",
                beat_id(scenario, *beat),
                option + 1,
                shown_as + 1,
                clock(*latency)
            );
            if let Some(o) = scenario.option(*beat, *option)
                && !o.tags.is_empty()
            {
                let tags: Vec<_> = o.tags.iter().map(|t| t.name()).collect();
                let _ = write!(s, " tags {}", tags.join(","));
            }
        }
        Output::TimeUp { beat } => {
            let _ = write!(s, "time-up {}", beat_id(scenario, *beat));
        }
        Output::SilenceTaken { beat, after } => {
            let _ = write!(s, "silence {} after {}", beat_id(scenario, *beat), clock(*after));
        }
        Output::SilenceStarted { beat, millis } => {
            let _ = write!(s, "wait {} {}", beat_id(scenario, *beat), clock(*millis));
        }
        Output::OutcomeHappened { outcome, beat } => {
            let id = scenario.feared_outcomes.get(*outcome).map_or("?", |o| o.id.as_str());
            let _ = write!(s, "outcome {id} at {}", beat_id(scenario, *beat));
        }
        Output::RatingAsked { rating } => {
            let _ = write!(s, "ask {}", rating_code(rating));
        }
        Output::Rated { rating, answer, latency } => {
            let _ =
                write!(s, "rated {} {} after {}", rating_code(rating), answer_words(answer), clock(*latency));
        }
        Output::RatingSkipped { rating, latency } => {
            let _ = write!(s, "skipped {} after {}", rating_code(rating), clock(*latency));
        }
        Output::CueStarted { cue, intensity, by, millis } => {
            let _ = write!(s, "cue {} {intensity:.2} for {}", cue.name(), clock(*millis));
            if let Some(by) = by {
                let _ = write!(s, " by {}", character_id(scenario, *by));
            }
        }
        Output::CueStopped { cue } => {
            let _ = write!(s, "cue-stop {}", cue.name());
        }
        Output::LevelChanged { from, to } => {
            let _ = write!(s, "level {from} -> {to}");
        }
        Output::Paused { by } => {
            let _ = write!(s, "paused by {}", by.name());
        }
        Output::Resumed { by } => {
            let _ = write!(s, "resumed by {}", by.name());
        }
        Output::Marker { note } => {
            let _ = write!(s, "marker {note:?}");
        }
        Output::MarkerNoted { marker, note } => {
            let _ = write!(s, "marker at {} noted {note:?}", clock(*marker));
        }
        Output::Rejected { input, reason } => {
            let _ = write!(s, "rejected {input}: {}", reason.describe());
        }
        Output::RecoveryStarted { reason, millis } => {
            let _ = write!(s, "recovery {} after {}", clock(*millis), end_words(scenario, reason));
        }
        Output::Ended { reason } => {
            let _ = write!(s, "ended {}", end_words(scenario, reason));
        }
        Output::CalmingStarted { by } => {
            let _ = write!(s, "calming by {}", by.name());
        }
        Output::BreathingStarted { pace } => {
            let _ = write!(
                s,
                "breathing {} x in {} out {}",
                pace.breaths,
                clock(pace.in_millis),
                clock(pace.out_millis)
            );
        }
        Output::BreathingEnded { completed } => {
            let _ = write!(s, "breathing-ended {}", if *completed { "all-breaths" } else { "early" });
        }
        Output::CalmingEnded => s.push_str("calming-ended"),
        Output::Reloaded { at, beat, version } => {
            let _ = write!(s, "reloaded {} at {beat} ({})", reload_at(*at), version_text(*version));
        }
        Output::ReloadWaiting { version } => {
            let _ = write!(s, "reload waiting for the next beat ({})", version_text(*version));
        }
        Output::ReloadDropped { beat, version } => {
            let _ = write!(s, "reload dropped: no beat {beat} in {}", version_text(*version));
        }
        Output::Modelling { peer } => {
            let _ = write!(s, "modelling run: {} answers", character_id(scenario, *peer));
        }
        Output::PeerAnswer { beat, option, by, millis } => {
            let text = scenario.option(*beat, *option).map_or("", |o| o.text.show(lang));
            let _ = write!(
                s,
                "peer {} [{}] {text:?} ({})",
                beat_id(scenario, *beat),
                character_id(scenario, *by),
                clock(*millis)
            );
        }
    }
    s
}

fn end_words(scenario: &Scenario, reason: &EndReason) -> String {
    match reason {
        EndReason::Completed { beat } => format!("completed at {}", beat_id(scenario, *beat)),
        EndReason::Stopped { by } => format!("stopped by {}", by.name()),
        EndReason::ScenarioFault => "scenario-fault".into(),
    }
}

/// The first line where two transcripts differ: (1-based line, expected,
/// actual). `None` when they are the same.
pub fn first_difference(expected: &str, actual: &str) -> Option<(usize, String, String)> {
    let mut e = expected.lines();
    let mut a = actual.lines();
    let mut n = 0;
    loop {
        n += 1;
        match (e.next(), a.next()) {
            (None, None) => return None,
            (x, y) if x == y => continue,
            (x, y) => {
                let show =
                    |l: Option<&str>| l.map_or_else(|| "(end of transcript)".to_string(), str::to_string);
                return Some((n, show(x), show(y)));
            }
        }
    }
}
