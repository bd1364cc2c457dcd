//! Exports for analysis: tidy CSV (one row per event, one column per
//! variable) that R or pandas read as it is, and JSON with the full record.

use std::io::Write;

use serde::Serialize;

use super::rows::{COLUMNS, EventRow};
use super::store::{SessionRow, Store, StoreError};

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

/// Writes the CSV; returns the number of event rows.
pub fn csv(store: &Store, selection: &Selection, out: &mut dyn Write) -> Result<usize, ExportError> {
    writeln!(out, "{}", COLUMNS.join(","))?;
    let mut n = 0;
    for s in sessions(store, selection)? {
        for e in store.events(&s.id)? {
            let cells = [
                s.id.clone(),
                opt(&s.participant),
                s.scenario.clone(),
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
            ];
            let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
            writeln!(out, "{}", line.join(","))?;
            n += 1;
        }
    }
    Ok(n)
}

#[derive(Serialize)]
struct JsonSession {
    #[serde(flatten)]
    session: SessionRow,
    events: Vec<serde_json::Value>,
}

/// Writes the JSON: every session with its full records; returns the
/// number of events.
pub fn json(store: &Store, selection: &Selection, out: &mut dyn Write) -> Result<usize, ExportError> {
    let mut all = Vec::new();
    let mut n = 0;
    for s in sessions(store, selection)? {
        let events: Vec<EventRow> = store.events(&s.id)?;
        n += events.len();
        let events = events
            .iter()
            .map(|e| serde_json::from_str(&e.detail).unwrap_or(serde_json::Value::Null))
            .collect();
        all.push(JsonSession { session: s, events });
    }
    serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "export_version": 1, "sessions": all }))
        .map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(n)
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
}
