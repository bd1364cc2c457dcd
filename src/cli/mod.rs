//! The command line's commands, a module per group, and what they share:
//! the error they fail with, finding and loading a scenario, reading a script.

pub mod args;
pub mod audio;
pub mod check;
pub mod debrief;
pub mod play;
pub mod records;
#[cfg(feature = "shell")]
pub mod run;

use std::fmt::Display;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use mestring::play::script;
use mestring::scenario::{self, diagnostic, load};

/// Why a command could not do its job, in words for the person at the
/// terminal; `main` prints each problem as an `error: ` line and exits 1.
/// Usually one problem; several when they were found together (every
/// unusable recording), so that all can be fixed in one go.
#[derive(Debug)]
pub struct CliError {
    problems: Vec<String>,
}

impl CliError {
    pub fn several<E: Display>(problems: impl IntoIterator<Item = E>) -> Self {
        CliError { problems: problems.into_iter().map(|e| e.to_string()).collect() }
    }

    pub fn problems(&self) -> &[String] {
        &self.problems
    }
}

/// Any error's own words are the message: `?` turns a store, session or
/// I/O error into what the person sees, as `error: {e}` always did.
impl<E: Display> From<E> for CliError {
    fn from(e: E) -> Self {
        CliError { problems: vec![e.to_string()] }
    }
}

/// Reads and parses a script of answers, with a located message on failure.
pub fn read_script(path: &Path) -> Result<Vec<script::Step>, CliError> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("cannot read script {}: {e}", path.display()))?;
    script::parse(&text).map_err(|e| format!("{}: {e}", path.display()).into())
}

/// A path, or the id of a shipped scenario under scenarios/.
fn resolve_scenario(name: &str) -> PathBuf {
    let path = PathBuf::from(name);
    if path.exists() {
        return path;
    }
    let shipped = Path::new("scenarios").join(format!("{name}.ron"));
    if shipped.exists() { shipped } else { path }
}

/// Loads a scenario, printing the checker's report if it fails.
pub fn load_scenario(name: &str) -> Result<scenario::LoadedScenario, CliError> {
    match load::load_file(&resolve_scenario(name)) {
        Ok(loaded) => Ok(loaded),
        Err(report) => {
            let color = std::io::stderr().is_terminal();
            eprint!("{}", diagnostic::render_text(std::slice::from_ref(&report), color));
            Err("the scenario has mistakes; fix them and try again".into())
        }
    }
}

/// The language shown when none is asked for.
pub fn first_language(scenario: &scenario::Scenario) -> String {
    scenario.languages.first().cloned().unwrap_or_else(|| "en".into())
}

/// Creates (or empties) a file only its owner can read: transcripts hold
/// ratings, which are health data. Its folder is created as needed.
pub fn open_private(path: &Path) -> std::io::Result<std::fs::File> {
    use mestring::private_files::{CreateMode, create_file, create_missing_dirs};
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_missing_dirs(dir)?;
    }
    create_file(path, CreateMode::Truncate)
}
