//! Feeds a running session's inputs and outputs to its journal.

use std::path::{Path, PathBuf};

use super::journal::{JOURNAL_VERSION, JournalWriter, SessionHeader, WriteStats};
use crate::scenario::Scenario;
use crate::session::Observer;
use crate::session::{Input, Millis, Output, Stamped};

/// Records one session: created before it starts, closed when it ends.
pub struct Recorder {
    writer: JournalWriter,
    last_at: Millis,
    /// Whose session it is (the console's header names the code).
    participant: Option<String>,
}

/// What identifies a session in its record.
pub struct SessionInfo<'a> {
    pub participant: Option<&'a str>,
    pub scenario: &'a Scenario,
    pub scenario_source: &'a str,
    pub level: u8,
    pub seed: u64,
    pub lang: &'a str,
    pub started_unix_ms: u64,
    pub kind: crate::session::RunKind,
}

impl Recorder {
    /// Starts a journal in `journal_dir` under a new session id.
    pub fn start(journal_dir: &Path, info: &SessionInfo) -> std::io::Result<Recorder> {
        // Time-based ids sort by start; the counter settles the rare clash.
        // An id whose journal was already imported is taken too.
        for attempt in 0..1000u32 {
            let id = format!("{}-{}-{attempt}", utc_id(info.started_unix_ms), info.scenario.id);
            let name = format!("{id}.journal");
            if journal_dir.join("imported").join(&name).exists() {
                continue;
            }
            let path = journal_dir.join(name);
            let header = SessionHeader {
                journal_version: JOURNAL_VERSION,
                session: id,
                participant: info.participant.map(str::to_string),
                scenario: info.scenario.id.clone(),
                level: info.level,
                seed: info.seed,
                lang: info.lang.to_string(),
                started_unix_ms: info.started_unix_ms,
                scenario_source: info.scenario_source.to_string(),
                kind: info.kind,
            };
            match JournalWriter::create(&path, &header) {
                Ok(writer) => {
                    let participant = info.participant.map(str::to_string);
                    return Ok(Recorder { writer, last_at: 0, participant });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::other("no free session id"))
    }

    /// Records a behaviour sample; the caller (the shell) samples at its
    /// chosen rate. Costs one channel send on the calling thread.
    pub fn sample(&mut self, sample: &super::behaviour::BehaviourSample) {
        self.last_at = self.last_at.max(sample.at);
        self.writer.sample(sample);
    }

    /// Records where the session is shown and what the samples measure.
    pub fn display(&mut self, note: &super::journal::DisplayNote) {
        self.writer.display(note);
    }

    pub fn participant(&self) -> Option<&str> {
        self.participant.as_deref()
    }

    pub fn journal(&self) -> PathBuf {
        self.writer.path().to_path_buf()
    }

    /// Why the journal can no longer be written, once that has happened.
    pub fn failure(&self) -> Option<String> {
        self.writer.failure()
    }

    /// Closes the journal once the session has ended.
    pub fn close(self) -> std::io::Result<WriteStats> {
        let at = self.last_at;
        self.writer.close(at)
    }
}

impl Observer for Recorder {
    fn input(&mut self, _: &Scenario, at: Millis, input: &Input) {
        self.last_at = self.last_at.max(at);
        self.writer.input(at, input);
    }

    fn outputs(&mut self, _: &Scenario, outputs: &[Stamped<Output>]) {
        for o in outputs {
            self.last_at = self.last_at.max(o.at);
            self.writer.output(o.at, &o.item);
        }
    }
}

/// `20261123T150102.345Z`-style stamp from Unix milliseconds (UTC).
fn utc_id(unix_ms: u64) -> String {
    let (date, time) = crate::wallclock::utc_date_time(unix_ms / 1000);
    format!("{date}T{time}.{:03}Z", unix_ms % 1000)
}
