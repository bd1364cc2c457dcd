//! Exports for analysis: tidy CSV (one row per event, one column per
//! variable) that R or pandas read as it is, and JSON with the full record.

use std::io::Write;

use serde::Serialize;

use super::behaviour::{BehaviourSample, GazeSummary, GazeTarget, summarise};
use super::journal::JournalRecord;
use super::rows::{COLUMNS, EventRow};
use super::store::{SampleRow, SessionRow, Store, StoreError};
use crate::scenario::Scenario;
use crate::session::{Millis, Output};

/// Which sessions to export.
pub enum Selection<'a> {
    Participant(&'a str),
    Session(&'a str),
}

pub fn sessions(store: &Store, selection: &Selection) -> Result<Vec<SessionRow>, StoreError> {
    match selection {
        Selection::Participant(code) => store.sessions(Some(code)),
        Selection::Session(id) => Ok(vec![store.session(id)?]),
    }
}

/// Quotes a CSV field when it needs it (RFC 4180).
fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// Writes the CSV; returns the number of rows (events and samples).
pub fn csv(store: &Store, selection: &Selection, out: &mut dyn Write) -> Result<usize, ExportError> {
    writeln!(out, "{}", COLUMNS.join(","))?;
    let mut n = 0;
    let mut write_row = |cells: Vec<String>| -> std::io::Result<()> {
        // A row that does not fill every column would shift the ones after.
        debug_assert_eq!(cells.len(), COLUMNS.len(), "CSV row and header disagree");
        let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
        n += 1;
        writeln!(out, "{}", line.join(","))
    };
    for s in sessions(store, selection)? {
        let head = |record: &str| {
            vec![record.to_string(), s.id.clone(), opt(&s.participant), s.scenario.clone(), s.kind.clone()]
        };
        for e in store.events(&s.id)? {
            let mut cells = head("event");
            cells.extend([
                e.seq.to_string(),
                e.at_ms.to_string(),
                e.level.to_string(),
                e.direction.clone(),
                e.kind.clone(),
                opt(&e.beat),
                opt(&e.character),
                opt(&e.option),
                opt(&e.tags),
                opt(&e.latency_ms),
                opt(&e.rating),
                opt(&e.value),
                e.happened.map(|h| if h { "true" } else { "false" }.to_string()).unwrap_or_default(),
                opt(&e.cue),
                opt(&e.intensity),
                opt(&e.actor),
                opt(&e.note),
            ]);
            cells.extend(std::iter::repeat_n(String::new(), 15));
            write_row(cells)?;
        }
        for x in store.samples(&s.id)? {
            let mut cells = head("sample");
            cells.extend([String::new(), x.at_ms.to_string()]);
            // level, direction, kind, beat: events only.
            cells.extend(std::iter::repeat_n(String::new(), 4));
            // The character looked at, in the same column events use.
            cells.push(opt(&x.gaze_character));
            // option .. note: events only.
            cells.extend(std::iter::repeat_n(String::new(), 10));
            cells.extend(x.head.iter().chain(&x.rotation).map(f64::to_string));
            cells.extend(x.left.iter().chain(&x.right).map(opt));
            cells.push(x.gaze.clone());
            cells.push(x.eye_tracked.to_string());
            write_row(cells)?;
        }
    }
    Ok(n)
}

#[derive(Serialize)]
struct JsonSession {
    #[serde(flatten)]
    session: SessionRow,
    events: Vec<serde_json::Value>,
    samples: Vec<SampleRow>,
    /// Measures derived from the samples: eye contact, gaze-away episodes,
    /// time to first look at a speaker.
    gaze: GazeSummary,
}

/// Writes the JSON: every session with its full records, and for each
/// participant among them their questionnaires (RTW-SE, return-to-work
/// expectation); returns the number of events.
pub fn json(store: &Store, selection: &Selection, out: &mut dyn Write) -> Result<usize, ExportError> {
    let mut all = Vec::new();
    let mut n = 0;
    let selected = sessions(store, selection)?;
    // A participant's questionnaires are theirs, not a session's: exported
    // for the one selected, or for whoever a selected session belongs to,
    // even where the participant has no session yet.
    let mut codes: Vec<String> = match selection {
        Selection::Participant(code) => vec![code.to_string()],
        Selection::Session(_) => selected.iter().filter_map(|s| s.participant.clone()).collect(),
    };
    codes.dedup();
    let participants = codes.iter().map(|c| store.questionnaires(c)).collect::<Result<Vec<_>, _>>()?;
    for s in selected {
        let events: Vec<EventRow> = store.events(&s.id)?;
        n += events.len();
        let samples = store.samples(&s.id)?;
        // The scenario as it was run, kept with the journal.
        let scenario = store.scenario_of(&s.id).ok();
        let gaze = gaze_summary(&events, &samples, scenario.as_ref());
        let events = events
            .iter()
            .map(|e| serde_json::from_str(&e.detail).unwrap_or(serde_json::Value::Null))
            .collect();
        all.push(JsonSession { session: s, events, samples, gaze });
    }
    let export = serde_json::json!({ "export_version": 1, "sessions": all, "participants": participants });
    serde_json::to_writer_pretty(&mut *out, &export).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(n)
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    Io(#[from] std::io::Error),
}

impl crate::words::Explain for ExportError {
    fn explain(&self, lang: crate::words::Lang) -> String {
        match self {
            ExportError::Store(e) => crate::words::Explain::explain(e, lang),
            ExportError::Io(e) => crate::w!(lang, "error-export-write", why = e.to_string()),
        }
    }
}

crate::english_display!(ExportError);

/// The gaze measures from stored rows: outputs come back from each event's
/// full record; the stored samples name characters by id, and the cast
/// events say which index each id has.
pub fn gaze_summary(events: &[EventRow], samples: &[SampleRow], scenario: Option<&Scenario>) -> GazeSummary {
    let mut outputs: Vec<(Millis, Output)> = Vec::new();
    let mut index_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for e in events {
        if let Ok(JournalRecord::Output { at, output, .. }) = serde_json::from_str(&e.detail) {
            if let (Output::Cast { character, .. }, Some(id)) = (&output, &e.character) {
                index_of.insert(id.clone(), *character);
            }
            outputs.push((at, output));
        }
    }
    let cast_size = index_of.values().map(|c| c + 1).max().unwrap_or(0);
    let samples: Vec<BehaviourSample> = samples
        .iter()
        .map(|x| BehaviourSample {
            at: x.at_ms,
            head_position: x.head.map(|v| v as f32),
            head_rotation: x.rotation.map(|v| v as f32),
            left_hand: None,
            right_hand: None,
            gaze: match (x.gaze.as_str(), x.gaze_character.as_ref().and_then(|id| index_of.get(id))) {
                ("face", Some(&c)) => GazeTarget::Face(c),
                ("object", _) => GazeTarget::Object,
                _ => GazeTarget::Nothing,
            },
            eye_tracked: x.eye_tracked,
        })
        .collect();
    // Whoever is not in the room has no face to look at; without the
    // scenario, everyone is taken to be in the room.
    let faces: Vec<bool> = match scenario {
        Some(s) => s.cast.iter().map(|c| c.remote.is_none()).collect(),
        None => vec![true; cast_size],
    };
    summarise(&faces, &samples, &outputs)
}
