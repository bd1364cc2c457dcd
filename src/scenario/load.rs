//! Reading scenario files: bytes to text to typed scenario, every failure a
//! located finding rather than a panic or a bare error string.

use std::path::{Path, PathBuf};

use ron::extensions::Extensions;

use super::diagnostic::{FileReport, FindingSink};
use super::model::Scenario;
use super::{check, syntax};

/// Files larger than this are refused before parsing: a real scenario is a
/// few tens of kilobytes, and a huge file is almost surely the wrong file.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// How deep values may nest; far beyond any real scenario, and well inside
/// what the parser's stack can take.
const RECURSION_LIMIT: usize = 64;

/// A scenario that parsed and passed the checker, with where it came from.
#[derive(Debug, Clone)]
pub struct LoadedScenario {
    pub path: PathBuf,
    pub scenario: Scenario,
    /// Warnings the checker raised; a loaded scenario has no errors.
    pub report: FileReport,
}

impl LoadedScenario {
    /// Folder that relative audio and model paths are resolved against.
    pub fn base_dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }
}

/// Reads, parses and checks one file. `Err` holds a report with at least
/// one error.
pub fn load_file(path: &Path) -> Result<LoadedScenario, FileReport> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            let mut report =
                FileReport { file: path.to_path_buf(), source: String::new(), findings: Vec::new() };
            let mut sink = FindingSink::new(path, "");
            let hint = match e.kind() {
                std::io::ErrorKind::NotFound => {
                    "check the path; `mestring check scenarios/` lists the shipped ones"
                }
                std::io::ErrorKind::PermissionDenied => "the file is not readable by this user",
                _ => "check that the path names a readable file",
            };
            sink.error("unreadable-file", 0..0, format!("cannot read {}: {e}", path.display()), "", hint);
            report.findings = sink.findings;
            return Err(report);
        }
    };
    load_bytes(path, &bytes)
}

/// Parses and checks scenario text that is already in memory; `path` names
/// it in messages and anchors relative asset paths.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<LoadedScenario, FileReport> {
    let (source, scenario) = parse(path, bytes)?;
    let report = check::check(path, &source, &scenario);
    if report.errors() > 0 {
        Err(report)
    } else {
        Ok(LoadedScenario { path: path.to_path_buf(), scenario, report })
    }
}

/// Text and typed value, or a report saying why there are none.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<(String, Scenario), FileReport> {
    let fail = |source: String, build: &dyn Fn(&mut FindingSink)| {
        let mut sink = FindingSink::new(path, &source);
        build(&mut sink);
        let findings = sink.findings;
        FileReport { file: path.to_path_buf(), source, findings }
    };

    if bytes.len() > MAX_FILE_BYTES {
        return Err(fail(String::new(), &|sink| {
            sink.error(
                "file-too-large",
                0..0,
                format!("file is {} bytes; scenario files may be at most {MAX_FILE_BYTES}", bytes.len()),
                "",
                "is this the right file? Split very long scenarios into several",
            )
        }));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(fail(String::new(), &|sink| {
            sink.error(
                "not-utf8",
                0..0,
                "file is saved as UTF-16, not UTF-8",
                "",
                "save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
            )
        }));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text).to_string(),
        Err(e) => {
            // Show everything up to the bad byte so the caret lands there.
            let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            let at = good.len();
            return Err(fail(good, &|sink| {
                sink.error(
                    "not-utf8",
                    at..at,
                    format!("byte {} is not valid UTF-8 text", e.valid_up_to()),
                    "text stops being UTF-8 here",
                    "save the file as UTF-8; letters like æ, ø, å must be stored as UTF-8",
                )
            }));
        }
    };
    if text.trim().is_empty() {
        return Err(fail(text, &|sink| {
            sink.error(
                "empty-file",
                0..0,
                "file is empty",
                "",
                "start from the example in docs/scenario-format.md",
            )
        }));
    }

    let options = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT);
    match options.from_str::<Scenario>(&text) {
        Ok(scenario) => Ok((text, scenario)),
        Err(e) => Err(fail(text.clone(), &|sink| syntax::report(sink, &text, &options, &e))),
    }
}

/// Expands files and folders to the `.ron` files in them, sorted so runs
/// are reproducible. Paths that do not exist are kept, to be reported.
pub fn collect_paths(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found = Vec::new();
            walk(input, &mut found, 0);
            found.sort();
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    // Bounded depth: a symlink loop must not hang the checker.
    if depth > 16 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out, depth + 1);
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push(path);
        }
    }
}

/// Checks every file and returns one report per file, errors and all.
pub fn check_paths(paths: &[PathBuf]) -> Vec<FileReport> {
    collect_paths(paths)
        .iter()
        .map(|path| match load_file(path) {
            Ok(loaded) => loaded.report,
            Err(report) => report,
        })
        .collect()
}
