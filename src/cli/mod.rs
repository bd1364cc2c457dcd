//! The command line's commands, a module per group, and what they share:
//! the error they fail with, finding and loading a scenario, reading a script.

pub mod args;
pub mod audio;
pub mod check;
#[cfg(feature = "shell")]
pub mod clinic;
pub mod debrief;
pub mod play;
pub mod records;
#[cfg(feature = "shell")]
pub mod run;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use mestring::play::script;
use mestring::scenario::{self, diagnostic, load};
use mestring::w;
use mestring::words::{Explain, Lang};

/// The language the command line speaks in its own status lines, tables
/// and errors: `$MESTRING_LANG` if set, else the POSIX locale variables in
/// their order of precedence (`LC_ALL`, `LC_MESSAGES`, `LANG`; `nb_NO.UTF-8`
/// is bokmål), else English. What a command shows the participant or
/// writes for them (a played scenario, a debrief report) keeps its own
/// language: the session's, the scenario's or `--lang`.
pub fn lang() -> Lang {
    static LANG: OnceLock<Lang> = OnceLock::new();
    *LANG.get_or_init(|| lang_from(|name| std::env::var(name).ok()))
}

/// [`lang`] from the variables `var` gives; an empty one counts as unset.
fn lang_from(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["MESTRING_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))
        .map_or(Lang::En, |code| Lang::of(&code))
}

/// Why a command could not do its job, in words for the person at the
/// terminal, in the command line's language; `main` prints each problem as
/// an `error: ` line and exits 1. Usually one problem; several when they
/// were found together (every unusable recording), so that all can be
/// fixed in one go.
#[derive(Debug)]
pub struct CliError {
    problems: Vec<String>,
}

impl CliError {
    pub fn several<E: Explain>(problems: impl IntoIterator<Item = E>) -> Self {
        CliError { problems: problems.into_iter().map(|e| e.explain(lang())).collect() }
    }

    pub fn problems(&self) -> &[String] {
        &self.problems
    }
}

/// A message the command line put in words itself (`w!`).
impl From<String> for CliError {
    fn from(problem: String) -> Self {
        CliError { problems: vec![problem] }
    }
}

/// A message that stays as written: `bench-frames`' own, for developers.
impl From<&str> for CliError {
    fn from(problem: &str) -> Self {
        CliError { problems: vec![problem.to_string()] }
    }
}

/// `?` turns the core's errors into their words in the command line's language.
macro_rules! explained {
    ($($t:ty),+ $(,)?) => {$(
        impl From<$t> for CliError {
            fn from(e: $t) -> Self {
                CliError { problems: vec![e.explain(lang())] }
            }
        }
    )+};
}

explained!(
    mestring::record::store::StoreError,
    mestring::record::code::CodeError,
    mestring::record::rtw_se::RtwSeError,
    mestring::record::rtw_expectation::RtwExpectationError,
    mestring::record::journal::JournalError,
    mestring::record::export::ExportError,
    mestring::debrief::DebriefError,
    mestring::session::SessionError,
    mestring::play::script::ScriptError,
    mestring::sound::SoundError,
);
#[cfg(feature = "shell")]
explained!(mestring::app::RunError);

/// Reads and parses a script of answers, with a located message on failure.
pub fn read_script(path: &Path) -> Result<Vec<script::Step>, CliError> {
    let l = lang();
    let text = std::fs::read_to_string(path).map_err(|e| {
        w!(l, "cli-cannot-read-script", path = path.display().to_string(), why = e.to_string())
    })?;
    // Located as a compiler locates: the file, then the line and what is wrong.
    script::parse(&text).map_err(|e| format!("{}: {}", path.display(), e.explain(l)).into())
}

/// A path, or the id of a shipped scenario under scenarios/.
pub fn resolve_scenario(name: &str) -> PathBuf {
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
            Err(w!(lang(), "cli-scenario-has-mistakes").into())
        }
    }
}

/// What kind of run `--modelling` asks for, refused at once (before any
/// journal is started) when the scenario has no peer to model it.
pub fn run_kind(
    modelling: bool,
    scenario: &scenario::Scenario,
) -> Result<mestring::session::RunKind, CliError> {
    use mestring::session::{RunKind, SessionError};
    match (modelling, &scenario.peer) {
        (false, _) => Ok(RunKind::Practice),
        (true, Some(_)) => Ok(RunKind::Modelling),
        (true, None) => Err(SessionError::NoPeer(scenario.id.clone()).into()),
    }
}

/// The language shown when none is asked for.
fn first_language(scenario: &scenario::Scenario) -> String {
    scenario.languages.first().cloned().unwrap_or_else(|| "en".into())
}

/// The language a run is shown in: `--lang` if given; else the one stored
/// with the participant, where the scenario is written in it; else the
/// scenario's first.
pub fn session_language(
    scenario: &scenario::Scenario,
    asked: Option<String>,
    participant: Option<&str>,
    data_dir: &Path,
) -> Result<String, CliError> {
    if let Some(asked) = asked {
        return Ok(asked);
    }
    let shown = first_language(scenario);
    if let Some(code) = participant
        && let Some(reads) = mestring::record::Store::open(data_dir)?.participant_lang(code)?
    {
        if scenario.languages.iter().any(|l| l == reads.code()) {
            return Ok(reads.code().to_string());
        }
        // Never a silent change of language: the clinician hears of it.
        eprintln!(
            "{}",
            w!(lang(), "cli-note-language-missing", code = code, reads = reads.code(), shown = &shown)
        );
    }
    Ok(shown)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_mestring_lang_then_the_locale_then_english() {
        let with = |vars: &[(&str, &str)]| {
            let vars: Vec<(String, String)> =
                vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
            lang_from(|name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
        };
        assert_eq!(with(&[]), Lang::En);
        assert_eq!(with(&[("LANG", "nb_NO.UTF-8")]), Lang::Nb);
        assert_eq!(with(&[("LANG", "C.UTF-8")]), Lang::En);
        assert_eq!(with(&[("LANG", "nb_NO.UTF-8"), ("LC_MESSAGES", "en_GB.UTF-8")]), Lang::En);
        assert_eq!(with(&[("LC_MESSAGES", "en_GB.UTF-8"), ("LC_ALL", "nn_NO.UTF-8")]), Lang::Nb);
        assert_eq!(with(&[("LC_ALL", "nb_NO.UTF-8"), ("MESTRING_LANG", "en")]), Lang::En);
        assert_eq!(with(&[("MESTRING_LANG", ""), ("LANG", "nb_NO.UTF-8")]), Lang::Nb);
    }
}
