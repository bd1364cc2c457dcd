//! One tidy row per recorded event: the shape the store keeps and the CSV
//! export writes, so R or pandas read it without cleaning.

use serde::Serialize;

use super::journal::JournalRecord;
use crate::play::transcript::input_words;
use crate::prompts::rating_code;
use crate::scenario::Scenario;
use crate::session::{EndReason, Input, Output, RatingAnswer};

/// Column names, in order, for the CSV export. Events and behaviour
/// samples share one long table: `record` says which a row is, and
/// columns that do not apply to it are empty.
#[rustfmt::skip]
pub const COLUMNS: &[&str] = &[
    "record", "session", "participant", "scenario", "run", "seq", "at_ms", "level", "direction", "kind", "beat",
    "character", "option", "tags", "latency_ms", "rating", "value", "happened", "cue", "intensity", "actor",
    "note", "head_x", "head_y", "head_z", "head_qx", "head_qy", "head_qz", "head_qw", "left_x", "left_y",
    "left_z", "right_x", "right_y", "right_z", "gaze", "eye_tracked",
];

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EventRow {
    pub seq: u64,
    pub at_ms: u64,
    /// The exposure level in force when it happened.
    pub level: u8,
    /// "input" (what the participant or clinician did) or "output".
    pub direction: String,
    pub kind: String,
    pub beat: Option<String>,
    pub character: Option<String>,
    /// 1-based, the option's number in the scenario (wherever it was
    /// shown; a chosen row's `value` is where it was shown, 1 = first).
    pub option: Option<i64>,
    pub tags: Option<String>,
    pub latency_ms: Option<u64>,
    pub rating: Option<String>,
    pub value: Option<i64>,
    pub happened: Option<bool>,
    pub cue: Option<String>,
    pub intensity: Option<f64>,
    /// Who paused, resumed, stopped: participant or clinician.
    pub actor: Option<String>,
    pub note: Option<String>,
    /// The full record as JSON, for the JSON export.
    pub detail: String,
}

fn beat_id(s: &Scenario, beat: usize) -> Option<String> {
    s.beats.get(beat).map(|b| b.id().to_string())
}

fn character_id(s: &Scenario, c: usize) -> Option<String> {
    s.cast.get(c).map(|c| c.id.clone())
}

/// The row for one journal record; `level` tracks level changes.
pub fn event_row(scenario: &Scenario, record: &JournalRecord, level: &mut u8) -> Option<EventRow> {
    let detail = serde_json::to_string(record).unwrap_or_default();
    let mut row = match record {
        JournalRecord::Input { seq, at, input } => {
            let mut row = EventRow {
                seq: *seq,
                at_ms: *at,
                direction: "input".into(),
                kind: input_words(input).split_whitespace().next().unwrap_or("").to_string(),
                ..EventRow::default()
            };
            match input {
                Input::Choose { option } => row.option = Some(*option as i64 + 1),
                Input::Rate(answer) => fill_answer(&mut row, answer),
                Input::Pause { by } | Input::Resume { by } | Input::Stop { by } | Input::Calm { by } => {
                    row.actor = Some(by.name().into())
                }
                Input::SetLevel { level } => row.value = Some(i64::from(*level)),
                Input::TriggerCue { cue, intensity } => {
                    row.cue = Some(cue.name().into());
                    row.intensity = Some(f64::from(*intensity));
                }
                Input::Marker { note } | Input::MarkerNote { note } => row.note = Some(note.clone()),
                Input::AskNow { rating } => row.rating = Some(rating_code(rating)),
                Input::Reload { at, source } => {
                    row.note = Some(format!(
                        "{} {}",
                        reload_at(*at),
                        version_text(crate::session::version_of(source))
                    ))
                }
                Input::Tick | Input::SkipRating => {}
            }
            row
        }
        JournalRecord::Output { seq, at, output } => {
            let mut row =
                EventRow { seq: *seq, at_ms: *at, direction: "output".into(), ..EventRow::default() };
            output_row(scenario, output, &mut row, level);
            row
        }
        JournalRecord::Header(_)
        | JournalRecord::Closed { .. }
        | JournalRecord::Sample(_)
        | JournalRecord::Display(_) => return None,
    };
    row.level = *level;
    row.detail = detail;
    Some(row)
}

fn fill_answer(row: &mut EventRow, answer: &RatingAnswer) {
    match answer {
        RatingAnswer::Scale(v) => row.value = Some(i64::from(*v)),
        RatingAnswer::Review { happened, likelihood } => {
            row.value = Some(i64::from(*likelihood));
            row.happened = Some(*happened);
        }
    }
}

fn output_row(s: &Scenario, output: &Output, row: &mut EventRow, level: &mut u8) {
    let kind = match output {
        Output::Started { level: l } => {
            row.value = Some(i64::from(*l));
            "started"
        }
        Output::Cast { character, present, behaviour } => {
            row.character = character_id(s, *character);
            row.note = Some(format!(
                "{} {:?} gaze {:.2}{}",
                if *present { "present" } else { "absent" },
                behaviour.attitude,
                behaviour.gaze,
                if behaviour.interrupts { " interrupts" } else { "" }
            ));
            "cast"
        }
        Output::Ambience { noise, crowding } => {
            row.intensity = Some(f64::from(*noise));
            row.note = Some(format!("crowding {crowding:.2}"));
            "ambience"
        }
        Output::Line { beat, by, attitude, millis } => {
            row.beat = beat_id(s, *beat);
            row.character = character_id(s, *by);
            row.latency_ms = Some(*millis);
            row.note = Some(format!("{attitude:?}"));
            "line"
        }
        Output::LineDone { beat } => {
            row.beat = beat_id(s, *beat);
            "line-done"
        }
        Output::LineSkipped { beat, by } => {
            row.beat = beat_id(s, *beat);
            row.character = character_id(s, *by);
            "line-skipped"
        }
        Output::ChoicesOffered { beat, answer_millis, order, .. } => {
            row.beat = beat_id(s, *beat);
            row.latency_ms = *answer_millis;
            // The scenario's option numbers, first shown first.
            let shown: Vec<String> = order.iter().map(|o| (o + 1).to_string()).collect();
            row.note = (!shown.is_empty()).then(|| format!("shown {}", shown.join(" ")));
            "choices"
        }
        Output::Chosen { beat, option, shown_as, latency } => {
            row.beat = beat_id(s, *beat);
            row.option = Some(*option as i64 + 1);
            row.value = Some(*shown_as as i64 + 1);
            row.latency_ms = Some(*latency);
            if let Some(o) = s.option(*beat, *option) {
                let tags: Vec<&str> = o.tags.iter().map(|t| t.name()).collect();
                row.tags = (!tags.is_empty()).then(|| tags.join(";"));
                row.note = o.model.then(|| "model answer".to_string());
            }
            "chosen"
        }
        Output::TimeUp { beat } => {
            row.beat = beat_id(s, *beat);
            "time-up"
        }
        Output::SilenceTaken { beat, after } => {
            row.beat = beat_id(s, *beat);
            row.latency_ms = Some(*after);
            "silence-taken"
        }
        Output::OutcomeHappened { outcome, beat } => {
            row.beat = beat_id(s, *beat);
            row.note = s.feared_outcomes.get(*outcome).map(|o| o.id.clone());
            "outcome"
        }
        Output::SilenceStarted { beat, millis } => {
            row.beat = beat_id(s, *beat);
            row.latency_ms = Some(*millis);
            "wait"
        }
        Output::RatingAsked { rating } => {
            row.rating = Some(rating_code(rating));
            "rating-asked"
        }
        Output::Rated { rating, answer, latency } => {
            row.rating = Some(rating_code(rating));
            row.latency_ms = Some(*latency);
            fill_answer(row, answer);
            "rated"
        }
        Output::RatingSkipped { rating, latency } => {
            row.rating = Some(rating_code(rating));
            row.latency_ms = Some(*latency);
            "rating-skipped"
        }
        Output::CueStarted { cue, intensity, by, millis } => {
            row.cue = Some(cue.name().into());
            row.intensity = Some(f64::from(*intensity));
            row.character = by.and_then(|c| character_id(s, c));
            row.latency_ms = Some(*millis);
            "cue-started"
        }
        Output::CueStopped { cue } => {
            row.cue = Some(cue.name().into());
            "cue-stopped"
        }
        Output::LevelChanged { from, to } => {
            *level = *to;
            row.value = Some(i64::from(*to));
            row.note = Some(format!("from {from}"));
            "level-changed"
        }
        Output::Paused { by } => {
            row.actor = Some(by.name().into());
            "paused"
        }
        Output::Resumed { by } => {
            row.actor = Some(by.name().into());
            "resumed"
        }
        Output::Marker { note } => {
            row.note = Some(note.clone());
            "marker"
        }
        // The marker's own time in latency_ms's place would mislead: the
        // marker row is the one before with that at_ms.
        Output::MarkerNoted { marker, note } => {
            row.note = Some(note.clone());
            row.value = Some(*marker as i64);
            "marker-noted"
        }
        Output::Rejected { input, reason } => {
            row.note = Some(format!("{input}: {}", reason.describe()));
            "rejected"
        }
        Output::RecoveryStarted { reason, millis } => {
            end_reason(row, s, reason);
            row.latency_ms = Some(*millis);
            "recovery"
        }
        Output::Ended { reason } => {
            end_reason(row, s, reason);
            "ended"
        }
        Output::CalmingStarted { by } => {
            row.actor = Some(by.name().into());
            "calming"
        }
        // The pace, so a reader sees what the participant was guided to.
        Output::BreathingStarted { pace } => {
            row.value = Some(i64::from(pace.breaths));
            row.latency_ms = Some(pace.total_millis());
            row.note = Some(format!("in {} ms, out {} ms", pace.in_millis, pace.out_millis));
            "breathing"
        }
        Output::BreathingEnded { completed } => {
            row.note = Some(if *completed { "all breaths" } else { "ended early" }.into());
            "breathing-ended"
        }
        Output::CalmingEnded => "calming-ended",
        Output::Reloaded { at, beat, version } => {
            row.beat = Some(beat.clone());
            row.note = Some(format!("{} {}", reload_at(*at), version_text(*version)));
            "reloaded"
        }
        Output::ReloadWaiting { version } => {
            row.note = Some(version_text(*version));
            "reload-waiting"
        }
        Output::ReloadDropped { beat, version } => {
            row.beat = Some(beat.clone());
            row.note = Some(version_text(*version));
            "reload-dropped"
        }
        Output::Modelling { peer } => {
            row.character = character_id(s, *peer);
            "modelling"
        }
        // What the peer said: the option, as on a `chosen` row.
        Output::PeerAnswer { beat, option, by, millis } => {
            row.beat = beat_id(s, *beat);
            row.option = Some(*option as i64 + 1);
            row.character = character_id(s, *by);
            row.latency_ms = Some(*millis);
            "peer-answer"
        }
    };
    row.kind = kind.into();
}

/// Why the run ended, in the note (and who stopped it, as the actor).
fn end_reason(row: &mut EventRow, s: &Scenario, reason: &EndReason) {
    row.note = Some(match reason {
        EndReason::Completed { beat } => format!("completed at {}", beat_id(s, *beat).unwrap_or_default()),
        EndReason::Stopped { by } => {
            row.actor = Some(by.name().into());
            format!("stopped by {}", by.name())
        }
        EndReason::ScenarioFault => "scenario fault".into(),
    });
}

/// Where a reload took over, as the record and transcripts write it.
pub fn reload_at(at: crate::session::ReloadAt) -> &'static str {
    match at {
        crate::session::ReloadAt::NextBeat => "next-beat",
        crate::session::ReloadAt::CurrentBeat => "current-beat",
    }
}

/// A version of the scenario file by its checksum.
pub fn version_text(version: u32) -> String {
    format!("version {version:08x}")
}

/// The version of the scenario each record of a journal was made with:
/// the one the session began with, then each new version from the
/// output that says it took over (the text came with the reload's input).
/// Beats are named by their index in the version in force.
pub struct Versions {
    current: Scenario,
    /// Versions sent by reloads, by checksum, not yet in force.
    sent: Vec<(u32, Scenario)>,
}

impl Versions {
    pub fn new(first: Scenario) -> Versions {
        Versions { current: first, sent: Vec::new() }
    }

    pub fn current(&self) -> &Scenario {
        &self.current
    }

    /// Takes in one record, before it is read with `current`.
    pub fn follow(&mut self, record: &JournalRecord) {
        match record {
            JournalRecord::Input { input: Input::Reload { source, .. }, .. } => {
                let path = std::path::Path::new(&self.current.id);
                if let Ok((_, s)) = crate::scenario::load::parse(path, source.as_bytes()) {
                    self.sent.push((crate::session::version_of(source), s));
                }
            }
            JournalRecord::Output { output: Output::Reloaded { version, .. }, .. } => {
                if let Some(i) = self.sent.iter().position(|(v, _)| v == version) {
                    self.current = self.sent.swap_remove(i).1;
                }
            }
            _ => {}
        }
    }
}
