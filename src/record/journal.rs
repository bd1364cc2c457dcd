//! The session journal: every input and output, appended as it happens,
//! so a crash or a kill loses at most the last fraction of a second.
//!
//! One record a line: an 8-digit hex CRC-32 of the JSON, a space, the
//! JSON. A line cut short by a crash, or damaged on disk, fails its CRC or
//! its parse; reading stops there and says where, keeping all before it.
//!
//! Writing happens on a thread of its own: the frame (or terminal) thread
//! only hands records over a channel and never waits for the disk. The
//! writer batches what arrives and flushes and fsyncs at most
//! [`SYNC_EVERY`] after the first unsynced record, so even with a slow
//! fsync a record is on disk within 100 ms of being handed over.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::session::RunKind;

use super::behaviour::BehaviourSample;
use crate::private_files::{self, CreateMode};
use crate::session::{Input, Millis, Output};

/// How long a record may wait in memory before it is flushed and synced.
pub const SYNC_EVERY: Duration = Duration::from_millis(40);

pub const JOURNAL_VERSION: u32 = 1;

/// What a session is, written first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionHeader {
    pub journal_version: u32,
    pub session: String,
    pub participant: Option<String>,
    pub scenario: String,
    pub level: u8,
    pub seed: u64,
    pub lang: String,
    pub started_unix_ms: u64,
    /// The scenario file as it was when the session ran. Outputs name
    /// beats and characters by index; with the text kept here, a record
    /// means the same thing after the scenario file has been edited.
    pub scenario_source: String,
    /// A practice run or a modelling run; journals from before modelling
    /// runs are practice runs.
    #[serde(default)]
    pub kind: RunKind,
}

/// Where a session was shown, so a reader of its samples knows what they
/// measured: a headset's tracked pose, or the desktop view the mouse turns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayNote {
    /// In words, e.g. "a headset (Simulated HMD via Monado ...)".
    pub shown_in: String,
    pub head_from: HeadSource,
    /// The sampling rate asked for; a run samples at most once a frame, so
    /// on a slow machine the samples are fewer (the store says how many).
    pub sample_hz: u32,
}

/// What a behaviour sample's head pose is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HeadSource {
    /// The headset's tracked pose, as the runtime reports it.
    Headset,
    /// The desktop window's view, turned by the mouse.
    DesktopView,
}

impl HeadSource {
    pub fn name(self) -> &'static str {
        match self {
            HeadSource::Headset => "headset",
            HeadSource::DesktopView => "desktop-view",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum JournalRecord {
    Header(SessionHeader),
    Input {
        seq: u64,
        at: Millis,
        input: Input,
    },
    Output {
        seq: u64,
        at: Millis,
        output: Output,
    },
    /// Where the session was shown and where its behaviour samples come
    /// from; written once, at the start.
    Display(DisplayNote),
    /// Where the participant looked and moved, at the sampling rate.
    Sample(BehaviourSample),
    /// The session was closed properly; without it, the session was cut short.
    Closed {
        at: Millis,
    },
}

fn encode(record: &JournalRecord) -> Vec<u8> {
    // Serialising our own types to a String cannot fail; an empty object
    // is still a well-formed line if it ever did.
    let json = serde_json::to_string(record).unwrap_or_else(|_| "{}".into());
    let mut line = format!("{:08x} {json}\n", crc32fast::hash(json.as_bytes())).into_bytes();
    line.shrink_to_fit();
    line
}

fn decode(line: &str) -> Result<JournalRecord, String> {
    let (crc, json) = line.split_once(' ').ok_or("no checksum")?;
    let want = u32::from_str_radix(crc, 16).map_err(|_| "bad checksum field")?;
    if crc32fast::hash(json.as_bytes()) != want {
        return Err("checksum mismatch".into());
    }
    serde_json::from_str(json).map_err(|e| format!("unreadable record: {e}"))
}

enum Message {
    /// Encoded on the writer thread, so the sender pays only the send.
    Record(Box<JournalRecord>),
    Close,
}

/// Figures about a journal that was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteStats {
    pub records: u64,
    pub bytes: u64,
    pub syncs: u64,
}

/// Appends records to a journal file from a writer thread.
pub struct JournalWriter {
    path: PathBuf,
    tx: mpsc::Sender<Message>,
    thread: Option<JoinHandle<std::io::Result<WriteStats>>>,
    seq: u64,
    /// The writer thread's error, as soon as it has one: the session goes
    /// on, so whoever runs it must be told at once, not at close.
    failed: Arc<Mutex<Option<String>>>,
}

impl JournalWriter {
    /// Creates a new journal (never overwriting one) and writes its header
    /// to disk before returning, so even a session killed at once leaves a
    /// journal that says what it was.
    pub fn create(path: &Path, header: &SessionHeader) -> std::io::Result<JournalWriter> {
        let mut file = private_files::create_file(path, CreateMode::New)?;
        file.write_all(&encode(&JournalRecord::Header(header.clone())))?;
        file.sync_all()?;
        if let Some(dir) = path.parent() {
            // The new name must survive a crash too.
            File::open(dir).and_then(|d| d.sync_all())?;
        }
        Self::on_file(path, file)
    }

    /// The writer thread on an open journal file.
    fn on_file(path: &Path, file: File) -> std::io::Result<JournalWriter> {
        let (tx, rx) = mpsc::channel();
        let failed = Arc::new(Mutex::new(None));
        let noted = Arc::clone(&failed);
        let thread = std::thread::Builder::new().name("mestring-journal".into()).spawn(move || {
            let result = write_loop(file, &rx);
            if let Err(e) = &result
                && let Ok(mut failed) = noted.lock()
            {
                *failed = Some(e.to_string());
            }
            result
        })?;
        Ok(JournalWriter { path: path.to_path_buf(), tx, thread: Some(thread), seq: 0, failed })
    }

    /// Why the journal can no longer be written, once that has happened
    /// (a full or failing disk): what came after is not on disk.
    pub fn failure(&self) -> Option<String> {
        self.failed.lock().ok().and_then(|f| f.clone())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn send(&mut self, record: JournalRecord) {
        // If the writer thread died (disk error), the error comes back at
        // close; the session itself goes on.
        let _ = self.tx.send(Message::Record(Box::new(record)));
    }

    pub fn input(&mut self, at: Millis, input: &Input) {
        self.seq += 1;
        self.send(JournalRecord::Input { seq: self.seq, at, input: input.clone() });
    }

    pub fn output(&mut self, at: Millis, output: &Output) {
        self.seq += 1;
        self.send(JournalRecord::Output { seq: self.seq, at, output: output.clone() });
    }

    pub fn sample(&mut self, sample: &BehaviourSample) {
        self.send(JournalRecord::Sample(*sample));
    }

    pub fn display(&mut self, note: &DisplayNote) {
        self.send(JournalRecord::Display(note.clone()));
    }

    /// Marks the session closed, waits for everything to reach the disk.
    pub fn close(mut self, at: Millis) -> std::io::Result<WriteStats> {
        self.send(JournalRecord::Closed { at });
        self.finish()
    }

    fn finish(&mut self) -> std::io::Result<WriteStats> {
        let _ = self.tx.send(Message::Close);
        match self.thread.take() {
            Some(t) => t.join().unwrap_or_else(|_| Err(std::io::Error::other("journal writer panicked"))),
            None => Ok(WriteStats::default()),
        }
    }
}

impl Drop for JournalWriter {
    /// Dropped without `close` (an error path): what was written is kept
    /// and synced, and the session reads as cut short.
    fn drop(&mut self) {
        if self.thread.is_some() {
            let _ = self.finish();
        }
    }
}

fn write_loop(file: File, rx: &mpsc::Receiver<Message>) -> std::io::Result<WriteStats> {
    let mut out = BufWriter::with_capacity(64 * 1024, file);
    let mut stats = WriteStats::default();
    let mut unsynced_since: Option<Instant> = None;
    let sync = |out: &mut BufWriter<File>, stats: &mut WriteStats| -> std::io::Result<()> {
        out.flush()?;
        out.get_ref().sync_data()?;
        stats.syncs += 1;
        Ok(())
    };
    loop {
        let wait =
            unsynced_since.map_or(Duration::from_secs(3600), |t| SYNC_EVERY.saturating_sub(t.elapsed()));
        match rx.recv_timeout(wait) {
            Ok(Message::Record(record)) => {
                let line = encode(&record);
                out.write_all(&line)?;
                stats.records += 1;
                stats.bytes += line.len() as u64;
                unsynced_since.get_or_insert_with(Instant::now);
            }
            Ok(Message::Close) | Err(RecvTimeoutError::Disconnected) => {
                sync(&mut out, &mut stats)?;
                return Ok(stats);
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        if unsynced_since.is_some_and(|t| t.elapsed() >= SYNC_EVERY) {
            sync(&mut out, &mut stats)?;
            unsynced_since = None;
        }
    }
}

/// A journal read back.
#[derive(Debug, Clone)]
pub struct JournalRead {
    pub header: SessionHeader,
    /// Inputs and outputs in the order they were written.
    pub records: Vec<JournalRecord>,
    /// Session-clock time it was closed at, if it was.
    pub closed_at: Option<Millis>,
    /// Where reading stopped early, and why (a torn or damaged tail).
    pub bad_tail: Option<BadTail>,
    pub bytes: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BadTail {
    /// 1-based line where reading stopped.
    pub line: usize,
    pub reason: String,
    /// Lines after it that were not read.
    pub lines_after: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `reason` is the decoder's, in English.
    NoHeader {
        path: PathBuf,
        reason: String,
    },
}

impl crate::words::Explain for JournalError {
    fn explain(&self, lang: crate::words::Lang) -> String {
        match self {
            JournalError::Io { path, source } => crate::w!(
                lang,
                "error-journal-io",
                path = path.display().to_string(),
                why = source.to_string()
            ),
            JournalError::NoHeader { path, reason } => {
                crate::w!(lang, "error-journal-no-header", path = path.display().to_string(), why = reason)
            }
        }
    }
}

crate::english_display!(JournalError);

/// Only the header: what a reader of a stored session needs to know its
/// scenario, without reading every sample.
pub fn read_header(path: &Path) -> Result<SessionHeader, JournalError> {
    let io = |source| JournalError::Io { path: path.to_path_buf(), source };
    let mut first = Vec::new();
    BufReader::new(File::open(path).map_err(io)?).read_until(b'\n', &mut first).map_err(io)?;
    if first.last() == Some(&b'\n') {
        first.pop();
    }
    header_of(path, first)
}

fn header_of(path: &Path, first: Vec<u8>) -> Result<SessionHeader, JournalError> {
    match decode(&String::from_utf8_lossy(&first)) {
        Ok(JournalRecord::Header(h)) => Ok(h),
        Ok(_) => {
            Err(JournalError::NoHeader { path: path.into(), reason: "first record is not a header".into() })
        }
        Err(reason) => Err(JournalError::NoHeader { path: path.into(), reason }),
    }
}

pub fn read(path: &Path) -> Result<JournalRead, JournalError> {
    let io = |source| JournalError::Io { path: path.to_path_buf(), source };
    let file = File::open(path).map_err(io)?;
    let bytes = file.metadata().map_err(io)?.len();
    let mut lines = BufReader::new(file).split(b'\n');
    let header = header_of(path, lines.next().transpose().map_err(io)?.unwrap_or_default())?;
    let mut read = JournalRead { header, records: Vec::new(), closed_at: None, bad_tail: None, bytes };
    let mut line_no = 1;
    while let Some(line) = lines.next() {
        line_no += 1;
        let line = line.map_err(io)?;
        let decoded = std::str::from_utf8(&line).map_err(|_| "not UTF-8".to_string()).and_then(decode);
        match decoded {
            Ok(JournalRecord::Closed { at }) => read.closed_at = Some(at),
            Ok(JournalRecord::Header(_)) => {
                read.bad_tail = Some(BadTail {
                    line: line_no,
                    reason: "a second header".into(),
                    lines_after: lines.count(),
                });
                break;
            }
            Ok(record) => read.records.push(record),
            Err(reason) => {
                read.bad_tail = Some(BadTail { line: line_no, reason, lines_after: lines.count() });
                break;
            }
        }
    }
    Ok(read)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Actor, EndReason};

    fn header() -> SessionHeader {
        SessionHeader {
            journal_version: JOURNAL_VERSION,
            session: "s1".into(),
            participant: Some("P01".into()),
            scenario: "team-meeting".into(),
            level: 2,
            seed: 7,
            lang: "nb".into(),
            started_unix_ms: 1,
            scenario_source: String::new(),
            kind: RunKind::Practice,
        }
    }

    #[test]
    fn a_journal_that_cannot_be_written_says_so_at_once_not_only_at_close() {
        // /dev/full takes the open but refuses every write: a full disk.
        let Ok(file) = std::fs::OpenOptions::new().write(true).open("/dev/full") else { return };
        let mut w = JournalWriter::on_file(Path::new("/dev/full"), file).unwrap();
        assert_eq!(w.failure(), None);
        w.output(10, &Output::Marker { note: "x".into() });
        // The first sync comes SYNC_EVERY after the record; wait for it.
        let until = Instant::now() + Duration::from_secs(10);
        while w.failure().is_none() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(10));
        }
        let why = w.failure().expect("the failure was not reported while the session runs");
        assert!(why.to_lowercase().contains("space"), "{why}");
        assert!(w.close(20).is_err(), "and close still reports it");
    }

    #[test]
    fn writes_reads_and_survives_a_torn_tail() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s1.journal");
        let mut w = JournalWriter::create(&path, &header()).unwrap();
        w.input(10, &Input::Pause { by: Actor::Participant });
        w.output(10, &Output::Paused { by: Actor::Participant });
        w.output(20, &Output::Ended { reason: EndReason::Stopped { by: Actor::Clinician } });
        let stats = w.close(20).unwrap();
        assert_eq!(stats.records, 4);
        let r = read(&path).unwrap();
        assert_eq!(r.header, header());
        assert_eq!(r.records.len(), 3);
        assert_eq!(r.closed_at, Some(20));
        assert_eq!(r.bad_tail, None);

        // Cut the file in the middle of its third record, as a crash would.
        let text = std::fs::read_to_string(&path).unwrap();
        let cut = text.match_indices('\n').nth(2).unwrap().0 + 12;
        std::fs::write(&path, &text[..cut]).unwrap();
        let r = read(&path).unwrap();
        assert_eq!(r.records.len(), 2);
        assert_eq!(r.closed_at, None);
        assert_eq!(r.bad_tail.as_ref().unwrap().line, 4);

        // A flipped byte in the middle is caught by the checksum.
        let mut bytes = text.clone().into_bytes();
        let at = text.match_indices('\n').next().unwrap().0 + 20;
        bytes[at] ^= 0x01;
        std::fs::write(&path, &bytes).unwrap();
        let r = read(&path).unwrap();
        assert_eq!(r.records.len(), 0);
        let tail = r.bad_tail.unwrap();
        assert_eq!((tail.line, tail.lines_after), (2, 3));
    }

    #[test]
    fn never_overwrites_and_refuses_what_is_not_a_journal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s1.journal");
        JournalWriter::create(&path, &header()).unwrap().close(0).unwrap();
        assert!(JournalWriter::create(&path, &header()).is_err());
        std::fs::write(&path, b"hello\n").unwrap();
        assert!(matches!(read(&path), Err(JournalError::NoHeader { .. })));
    }
}
