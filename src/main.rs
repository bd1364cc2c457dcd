//! The `mestring` command line: check scenarios, play them in a terminal,
//! run them in a window or headset.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};

use mestring::play::script;
use mestring::play::terminal::{Both, Printer, play_interactive};
use mestring::play::{Observer, ScriptOutcome, Transcript, first_difference, run_script};
use mestring::scenario::{self, diagnostic, load};
use mestring::session::Session;

#[derive(Parser)]
#[command(
    name = "mestring",
    version,
    about = "Graded work-situation exposure in VR, for work-focused rehabilitation"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check scenario files for mistakes; reports every problem with its place.
    Check {
        /// Files or folders (folders are searched for .ron files). Default: scenarios/
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Colour the report: auto colours only on a terminal.
        #[arg(long, value_enum, default_value = "auto")]
        color: ColorChoice,
    },
    /// Play a scenario in the terminal, or replay a script of answers.
    Play {
        /// A scenario file, or the id of a shipped one (e.g. team-meeting).
        scenario: String,
        #[arg(long, default_value_t = 1)]
        level: u8,
        /// Language to show. Default: the scenario's first language.
        #[arg(long)]
        lang: Option<String>,
        /// Seed for chance cues; the same seed replays the same session.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Take choices and ratings from this file instead of the keyboard.
        #[arg(long)]
        script: Option<PathBuf>,
        /// Compare the transcript with this blessed one; exit 1 on a difference.
        #[arg(long)]
        expect: Option<PathBuf>,
        /// Where to write the transcript. Default: transcripts/<id>-level<N>-<time>.transcript
        #[arg(long)]
        transcript: Option<PathBuf>,
        /// Print nothing but the outcome (for scripted runs).
        #[arg(long)]
        quiet: bool,
        /// Let time run faster in an interactive run (e.g. 4).
        #[arg(long, default_value_t = 1.0)]
        speed: f64,
    },
    /// Run a scenario in a headset, or in a desktop window when none is present.
    #[cfg(feature = "shell")]
    Run {
        /// A scenario file, or the id of a shipped one.
        scenario: String,
        #[arg(long, default_value_t = 1)]
        level: u8,
        /// Language to show. Default: the scenario's first language.
        #[arg(long)]
        lang: Option<String>,
        /// Use the desktop window even if a headset runtime is present.
        #[arg(long)]
        desktop: bool,
        /// Close the window by itself after this many seconds (for demos and tests).
        #[arg(long)]
        exit_after: Option<f32>,
        /// Save a screenshot to this PNG file just before closing.
        #[arg(long)]
        screenshot: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { paths, format, color } => check(paths, format, color),
        Command::Play { scenario, level, lang, seed, script, expect, transcript, quiet, speed } => {
            play(PlayArgs { scenario, level, lang, seed, script, expect, transcript, quiet, speed })
        }
        #[cfg(feature = "shell")]
        Command::Run { scenario, level, lang, desktop, exit_after, screenshot } => {
            let Some(loaded) = load_scenario(&scenario) else { return ExitCode::FAILURE };
            let lang = lang.unwrap_or_else(|| first_language(&loaded.scenario));
            let options = mestring::app::RunOptions { level, lang, desktop, exit_after, screenshot };
            match mestring::app::run(loaded, options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn check(paths: Vec<PathBuf>, format: Format, color: ColorChoice) -> ExitCode {
    let paths = if paths.is_empty() { vec![PathBuf::from("scenarios")] } else { paths };
    let files = load::collect_paths(&paths);
    if files.is_empty() {
        eprintln!("error: no .ron files found in {}", show_paths(&paths));
        return ExitCode::FAILURE;
    }
    let reports = load::check_paths(&paths);
    let errors: usize = reports.iter().map(scenario::FileReport::errors).sum();
    match format {
        Format::Json => println!("{}", diagnostic::render_json(&reports)),
        Format::Text => {
            let color = match color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => std::io::stderr().is_terminal(),
            };
            eprint!("{}", diagnostic::render_text(&reports, color));
            for r in &reports {
                if r.findings.is_empty() {
                    eprintln!("ok: {}", r.file.display());
                }
            }
            eprintln!("{}", diagnostic::summary(&reports));
        }
    }
    if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

fn show_paths(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
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
fn load_scenario(name: &str) -> Option<scenario::LoadedScenario> {
    match load::load_file(&resolve_scenario(name)) {
        Ok(loaded) => Some(loaded),
        Err(report) => {
            let color = std::io::stderr().is_terminal();
            eprint!("{}", diagnostic::render_text(std::slice::from_ref(&report), color));
            eprintln!("error: the scenario has mistakes; fix them and try again");
            None
        }
    }
}

/// The language shown when none is asked for.
fn first_language(scenario: &scenario::Scenario) -> String {
    scenario.languages.first().cloned().unwrap_or_else(|| "en".into())
}

struct PlayArgs {
    scenario: String,
    level: u8,
    lang: Option<String>,
    seed: u64,
    script: Option<PathBuf>,
    expect: Option<PathBuf>,
    transcript: Option<PathBuf>,
    quiet: bool,
    speed: f64,
}

fn play(args: PlayArgs) -> ExitCode {
    let Some(loaded) = load_scenario(&args.scenario) else { return ExitCode::FAILURE };
    let scenario = Arc::new(loaded.scenario);
    let lang = args.lang.clone().unwrap_or_else(|| first_language(&scenario));
    if !scenario.languages.contains(&lang) {
        eprintln!(
            "error: the scenario is not written in \"{}\"; it has {}",
            lang,
            scenario.languages.join(", ")
        );
        return ExitCode::FAILURE;
    }
    let mut session = match Session::new(Arc::clone(&scenario), args.level, args.seed) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if !(args.speed.is_finite() && (0.1..=100.0).contains(&args.speed)) {
        eprintln!("error: --speed must be between 0.1 and 100");
        return ExitCode::FAILURE;
    }
    // Read before anything is written: the transcript may go to the very
    // file it is compared with.
    let expected = match args.expect.as_ref().map(std::fs::read_to_string).transpose() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read the expected transcript: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut transcript = Transcript::new(&scenario, args.level, args.seed, &lang);
    let out_path =
        args.transcript.clone().unwrap_or_else(|| default_transcript_path(&scenario.id, args.level));
    if let Err(e) = open_private(&out_path).and_then(|file| transcript.write_through(file)) {
        eprintln!("error: cannot write the transcript to {}: {e}", out_path.display());
        return ExitCode::FAILURE;
    }
    let echo_inputs = args.script.is_some();
    let mut printer = Printer { out: std::io::stdout(), lang: lang.clone(), echo_inputs, prompt_open: false };
    let mut silent = Silent;
    let shown: &mut dyn Observer = if args.quiet { &mut silent } else { &mut printer };

    match &args.script {
        Some(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("error: cannot read script {}: {e}", path.display());
                    return ExitCode::FAILURE;
                }
            };
            let steps = match script::parse(&text) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("error: {}: {e}", path.display());
                    return ExitCode::FAILURE;
                }
            };
            let outcome = run_script(&mut session, &steps, &mut Both(&mut transcript, shown));
            if let ScriptOutcome::ScriptRanOut { .. } = outcome {
                eprintln!(
                    "note: the script ended while the session still waited for an answer; it was stopped"
                );
            }
        }
        None => {
            if !std::io::stdin().is_terminal() && !args.quiet {
                eprintln!("note: reading answers from standard input");
            }
            play_interactive(&mut session, &mut Both(&mut transcript, shown), args.speed);
        }
    }

    let text = transcript.text();
    if let Some(e) = transcript.write_error() {
        eprintln!("error: the transcript {} is incomplete: {e}", out_path.display());
        return ExitCode::FAILURE;
    }
    eprintln!("transcript: {}", out_path.display());

    if let (Some(expect), Some(expected)) = (&args.expect, &expected) {
        match first_difference(expected, &text) {
            None => eprintln!("matches {}", expect.display()),
            Some((line, want, got)) => {
                eprintln!("transcript differs from {} at line {line}:", expect.display());
                eprintln!("  expected: {want}");
                eprintln!("  actual:   {got}");
                eprintln!("(if the change is intended, bless it: copy {} over it)", out_path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

struct Silent;

impl Observer for Silent {
    fn input(&mut self, _: &scenario::Scenario, _: u64, _: &mestring::session::Input) {}
    fn outputs(
        &mut self,
        _: &scenario::Scenario,
        _: &[mestring::session::Stamped<mestring::session::Output>],
    ) {
    }
}

/// Creates (or empties) a file only its owner can read: transcripts hold
/// ratings, which are health data. Its folder is created as needed.
fn open_private(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    }
    std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(path)
}

fn default_transcript_path(id: &str, level: u8) -> PathBuf {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    PathBuf::from("transcripts").join(format!("{id}-level{level}-{}.transcript", utc_stamp(secs)))
}

/// `YYYYMMDD-HHMMSS` in UTC, from seconds since 1970 (civil-from-days).
fn utc_stamp(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}{month:02}{day:02}-{:02}{:02}{:02}", rem / 3600, (rem / 60) % 60, rem % 60)
}

#[cfg(test)]
mod tests {
    #[test]
    fn utc_stamp_matches_known_dates() {
        assert_eq!(super::utc_stamp(0), "19700101-000000");
        assert_eq!(super::utc_stamp(1_795_435_200), "20261123-120000");
    }
}
