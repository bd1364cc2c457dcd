//! The `mestring` command line: check scenarios, play them in a terminal,
//! run them in a window or headset.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};

use mestring::play::script;
use mestring::play::terminal::{Both, Printer, play_interactive};
use mestring::play::{Observer, ScriptOutcome, Transcript, first_difference, run_script_paced};
use mestring::scenario::{self, diagnostic, load};
use mestring::session::Session;

#[derive(Parser)]
#[command(
    name = "mestring",
    version,
    about = "Graded work-situation exposure in VR, for work-focused rehabilitation"
)]
struct Cli {
    /// Where records are kept. Default: $MESTRING_DATA_DIR, else ~/.local/share/mestring
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
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
    Play(PlayArgs),
    /// List, add or remove participants (pseudonymous codes only).
    Participants {
        #[command(subcommand)]
        action: Option<ParticipantAction>,
    },
    /// Return-to-work self-efficacy questionnaire (11 items, 1-6): add or list.
    RtwSe {
        #[command(subcommand)]
        action: RtwSeAction,
    },
    /// List recorded sessions.
    Sessions {
        #[arg(long)]
        participant: Option<String>,
    },
    /// Export records for analysis: tidy CSV or the full record as JSON.
    Export {
        #[arg(long, conflicts_with = "session", required_unless_present = "session")]
        participant: Option<String>,
        #[arg(long)]
        session: Option<String>,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file to write.
        out: PathBuf,
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
        /// Take the participant's answers from this script (see `play --script`).
        #[arg(long)]
        script: Option<PathBuf>,
        /// Seed for chance cues; the same seed replays the same session.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Record the session, with behaviour samples, for this participant.
        #[arg(long)]
        participant: Option<String>,
        /// Show the panels on a card in the room, as in the headset, and
        /// point at it with the mouse (a desktop preview of the headset).
        #[arg(long)]
        panels_in_room: bool,
        /// Show the clinician's console from the start (F1 shows and hides it).
        #[arg(long)]
        console: bool,
    },
    /// Propose the level for a participant's next run of a scenario, from
    /// their recorded runs; the clinician decides.
    Propose {
        #[arg(long)]
        participant: String,
        /// A scenario file, or the id of a shipped one.
        scenario: String,
        /// The level the next run would be at. Default: where the newest run ended, else 1.
        #[arg(long)]
        level: Option<u8>,
        /// Language of the proposal: nb (also nn, no) or en.
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Render a level's soundscape (the background and its chance cues, as
    /// heard from the participant's seat) to a 16-bit stereo WAV file.
    RenderAudio {
        /// A scenario file, or the id of a shipped one (e.g. team-meeting).
        scenario: String,
        #[arg(long, default_value_t = 1)]
        level: u8,
        /// How much to render, in seconds.
        #[arg(long, default_value_t = 60.0)]
        seconds: f32,
        /// Seed for chance cues and synthesis; the same seed writes the same file.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The WAV file to write (replaced whole, never left half-written).
        out: PathBuf,
    },
    /// Measure the engine's own CPU time per frame, without a window: the
    /// scenario runs for N simulated minutes at 90 Hz, next to a bare Bevy app.
    #[cfg(feature = "shell")]
    BenchFrames {
        /// A scenario file, or the id of a shipped one.
        scenario: String,
        /// Default: the scenario's top level.
        #[arg(long)]
        level: Option<u8>,
        #[arg(long, default_value_t = 2.0)]
        minutes: f64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Subcommand)]
enum ParticipantAction {
    /// List participants and how many sessions each has.
    List,
    /// Add a participant under a pseudonymous code (e.g. P017).
    Add { code: String },
    /// Erase a participant and everything recorded about them.
    Remove {
        code: String,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand)]
enum RtwSeAction {
    /// Store one questionnaire: the 11 answers in item order, e.g. 4,5,3,6,2,4,5,5,4,3,6
    Add {
        participant: String,
        answers: String,
        /// A label such as "before" or "after".
        #[arg(long)]
        label: Option<String>,
    },
    /// A participant's questionnaires, oldest first, with their means.
    List { participant: String },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Csv,
    Json,
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
    let data_dir = cli.data_dir.clone().unwrap_or_else(mestring::record::default_data_dir);
    match cli.command {
        Command::Check { paths, format, color } => check(paths, format, color),
        Command::Play(args) => play(args, &data_dir),
        Command::Participants { action } => records::participants(&data_dir, action),
        Command::Sessions { participant } => records::sessions(&data_dir, participant.as_deref()),
        Command::RtwSe { action } => records::rtw_se(&data_dir, action),
        Command::Export { participant, session, format, out } => {
            records::export(&data_dir, participant.as_deref(), session.as_deref(), format, &out)
        }
        Command::Propose { participant, scenario, level, lang } => {
            records::propose(&data_dir, &participant, &scenario, level, &lang)
        }
        Command::RenderAudio { scenario, level, seconds, seed, out } => {
            render_audio(&scenario, level, seconds, seed, &out)
        }
        #[cfg(feature = "shell")]
        Command::BenchFrames { scenario, level, minutes, seed } => {
            let Some(loaded) = load_scenario(&scenario) else { return ExitCode::FAILURE };
            if !(minutes > 0.0 && minutes <= 120.0) {
                eprintln!("error: --minutes must be more than 0 and at most 120");
                return ExitCode::FAILURE;
            }
            let level = level.unwrap_or(loaded.scenario.levels.len() as u8);
            let id = loaded.scenario.id.clone();
            eprintln!("bench-frames: {id} at level {level}, {minutes} simulated minutes at 90 Hz");
            match mestring::app::bench::frame_cost(loaded, level, minutes, seed, |p| eprintln!("  {p}")) {
                Ok(r) => {
                    print_frame_report(&id, level, &r);
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        #[cfg(feature = "shell")]
        Command::Run {
            scenario,
            level,
            lang,
            desktop,
            exit_after,
            screenshot,
            script,
            seed,
            participant,
            panels_in_room,
            console,
        } => {
            let Some(loaded) = load_scenario(&scenario) else { return ExitCode::FAILURE };
            let lang = lang.unwrap_or_else(|| first_language(&loaded.scenario));
            let recording = match &participant {
                None => None,
                Some(participant) => {
                    let what = records::Recording { participant, level, seed, lang: &lang };
                    match records::start_recording(&what, &data_dir, &loaded.scenario, &loaded.path) {
                        Ok(r) => Some(r),
                        Err(e) => {
                            eprintln!("error: {e}");
                            return ExitCode::FAILURE;
                        }
                    }
                }
            };
            let script = match script.map(|p| read_script(&p)).transpose() {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let options = mestring::app::RunOptions {
                level,
                lang,
                desktop,
                exit_after,
                screenshot,
                script,
                seed,
                panels_in_room,
                console,
            };
            match mestring::app::run(loaded, options, recording) {
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

/// Reads and parses a script of answers, with a located message on failure.
fn read_script(path: &Path) -> Result<Vec<script::Step>, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("cannot read script {}: {e}", path.display()))?;
    script::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
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
#[cfg(feature = "shell")]
fn print_frame_report(id: &str, level: u8, r: &mestring::app::bench::FrameReport) {
    let (e50, e99) = (r.engine.quantile(0.5), r.engine.quantile(0.99));
    let (b50, b99) = (r.bare.quantile(0.5), r.bare.quantile(0.99));
    println!(
        "frame cost, {id} level {level}: {} frames ({} sessions by the autopilot)",
        r.frames, r.sessions
    );
    println!(
        "  scene: {} entities, {} meshes, {} lights, {} UI nodes (the bare app has the same)",
        r.entities, r.meshes, r.lights, r.ui_nodes
    );
    println!("                 median      p99   (CPU time per App::update, µs)");
    println!("  mestring     {e50:>8.0} {e99:>8.0}");
    println!("  bare Bevy    {b50:>8.0} {b99:>8.0}");
    println!("  engine's own {:>8.0} {:>8.0}   (difference)", e50 - b50, e99 - b99);
    println!("  ratio        {:>8.2} {:>8.2}", e50 / b50, e99 / b99);
    println!(
        "  of which the cue system on the frame thread: {:.1} µs median, {:.1} µs p99 (synthesis is on the audio thread)",
        r.sound.quantile(0.5),
        r.sound.quantile(0.99)
    );
    if let Some(kib) = r.peak_rss_kib {
        println!("  peak resident memory of this process: {:.0} MiB", kib as f64 / 1024.0);
    }
}

/// Renders a level's soundscape to a WAV file and says how loud and busy it is.
fn render_audio(name: &str, level: u8, seconds: f32, seed: u64, out: &Path) -> ExitCode {
    use mestring::sound::recorded::CueRecordings;
    use mestring::sound::{SoundStage, gain_to_db, measure, render_soundscape, write_wav};
    let Some(loaded) = load_scenario(name) else { return ExitCode::FAILURE };
    // Rendering is how an author hears the scenario: a recording that
    // cannot be used stops it, rather than being quietly synthesised.
    let (recordings, unreadable) = CueRecordings::load(&loaded.scenario, loaded.base_dir());
    if !unreadable.is_empty() {
        for e in unreadable {
            eprintln!("error: {e}");
        }
        return ExitCode::FAILURE;
    }
    let stage = SoundStage::new(&loaded.scenario).with_recordings(recordings);
    let sound = match render_soundscape(&loaded.scenario, &stage, level, seconds, seed) {
        Ok(sound) => sound,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = write_wav(out, &sound) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    let mono = sound.mono();
    let loudness = gain_to_db(measure::rms(&mono));
    let events = measure::onsets(&mono, sound.sample_rate, &measure::OnsetSettings::default()).len();
    eprintln!(
        "wrote {}: {seconds} s of {} at level {level} (seed {seed}), {loudness:.1} dBFS, {events} onsets",
        out.display(),
        loaded.scenario.id
    );
    ExitCode::SUCCESS
}

fn first_language(scenario: &scenario::Scenario) -> String {
    scenario.languages.first().cloned().unwrap_or_else(|| "en".into())
}

#[derive(clap::Args)]
struct PlayArgs {
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
    /// Record the session for this participant (their pseudonymous code).
    #[arg(long)]
    participant: Option<String>,
    /// With --script: simulated seconds per real second (default: as fast as possible).
    #[arg(long)]
    pace: Option<f64>,
}

fn play(args: PlayArgs, data_dir: &Path) -> ExitCode {
    let Some(loaded) = load_scenario(&args.scenario) else { return ExitCode::FAILURE };
    let source_path = loaded.path.clone();
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
    let mut recording = match &args.participant {
        None => None,
        Some(participant) => match records::start_recording(
            &records::Recording { participant, level: args.level, seed: args.seed, lang: &lang },
            data_dir,
            &scenario,
            &source_path,
        ) {
            Ok(r) => Some(r),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    let mut not_recording = Silent;
    let recorder: &mut dyn Observer = match &mut recording {
        Some((_, r)) => r,
        None => &mut not_recording,
    };
    let echo_inputs = args.script.is_some();
    let mut printer = Printer { out: std::io::stdout(), lang: lang.clone(), echo_inputs, prompt_open: false };
    let mut silent = Silent;
    let shown: &mut dyn Observer = if args.quiet { &mut silent } else { &mut printer };

    match &args.script {
        Some(path) => {
            let steps = match read_script(path) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let began = std::time::Instant::now();
            let pace = args.pace.filter(|p| p.is_finite() && *p > 0.0);
            let mut pacer = |sim: u64| {
                if let Some(p) = pace {
                    let due = std::time::Duration::from_secs_f64(sim as f64 / 1000.0 / p);
                    if let Some(wait) = due.checked_sub(began.elapsed()) {
                        std::thread::sleep(wait);
                    }
                }
            };
            let mut both = Both(&mut transcript, shown);
            let outcome = run_script_paced(&mut session, &steps, &mut Both(&mut both, recorder), &mut pacer);
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
            let mut both = Both(&mut transcript, shown);
            play_interactive(&mut session, &mut Both(&mut both, recorder), args.speed);
        }
    }
    if let Some((mut store, recorder)) = recording
        && let Err(e) = records::finish_recording(&mut store, recorder)
    {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
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
    let (date, time) = mestring::wallclock::utc_date_time(mestring::wallclock::now_unix_ms() / 1000);
    PathBuf::from("transcripts").join(format!("{id}-level{level}-{date}-{time}.transcript"))
}

/// The record commands: participants, sessions, export, and recording a play.
mod records {
    use std::io::IsTerminal;
    use std::path::Path;
    use std::process::ExitCode;

    use mestring::record::export::{self, Selection};
    use mestring::record::recorder::SessionInfo;
    use mestring::record::{Recorder, Store};
    use mestring::scenario::Scenario;

    use super::{ExportFormat, ParticipantAction, RtwSeAction};
    use mestring::progression::{self, Policy};
    use mestring::record::rtw_se::{REFERENCE_MEAN, RtwSe};

    /// Opens the store and imports what sessions that died left behind,
    /// saying so: a clinician should know a session was cut short.
    pub fn open(dir: &Path) -> Result<Store, String> {
        let mut store = Store::open(dir).map_err(|e| e.to_string())?;
        for (path, result) in store.import_pending() {
            match result {
                Ok(i) if i.complete => eprintln!("imported session {} ({} events)", i.session, i.events),
                Ok(i) => eprintln!(
                    "imported session {} as interrupted: it ended without closing ({} events kept{})",
                    i.session,
                    i.events,
                    i.bad_tail
                        .map(|t| format!("; its last line was damaged: {}", t.reason))
                        .unwrap_or_default()
                ),
                Err(e) => eprintln!("warning: could not import {}: {e}; it is left in place", path.display()),
            }
        }
        Ok(store)
    }

    /// Prints the progression policy's proposal for the next run, and why.
    pub fn propose(dir: &Path, participant: &str, name: &str, level: Option<u8>, lang: &str) -> ExitCode {
        let Some(loaded) = super::load_scenario(name) else { return ExitCode::FAILURE };
        let store = match open(dir) {
            Ok(s) => s,
            Err(e) => return fail(e),
        };
        let scenario = &loaded.scenario;
        let runs = match store.past_runs(participant, &scenario.id) {
            Ok(runs) => runs,
            Err(e) => return fail(e),
        };
        let current = level.or_else(|| runs.last().map(|r| r.level)).unwrap_or(1);
        let advice = progression::propose(&Policy::of(scenario), current, scenario.levels.len(), &runs);
        if matches!(advice.reason, progression::Reason::NoSuchLevel { .. }) {
            return fail(advice.reason_text(lang));
        }
        println!("{}", advice.headline(lang));
        println!("{}", advice.reason_text(lang));
        if advice.automatic {
            println!("(the scenario allows this step to be taken without the clinician)");
        }
        ExitCode::SUCCESS
    }

    fn fail(e: impl std::fmt::Display) -> ExitCode {
        eprintln!("error: {e}");
        ExitCode::FAILURE
    }

    pub fn participants(dir: &Path, action: Option<ParticipantAction>) -> ExitCode {
        let mut store = match open(dir) {
            Ok(s) => s,
            Err(e) => return fail(e),
        };
        match action.unwrap_or(ParticipantAction::List) {
            ParticipantAction::List => match store.participants() {
                Ok(rows) if rows.is_empty() => {
                    eprintln!("no participants yet; add one with: mestring participants add P001");
                    ExitCode::SUCCESS
                }
                Ok(rows) => {
                    println!("{:<16} {:>8}", "code", "sessions");
                    for r in rows {
                        println!("{:<16} {:>8}", r.code, r.sessions);
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            },
            ParticipantAction::Add { code } => {
                match store.add_participant(&code, mestring::wallclock::now_unix_ms() as i64) {
                    Ok(code) => {
                        println!("added participant {code}");
                        ExitCode::SUCCESS
                    }
                    Err(e) => fail(e),
                }
            }
            ParticipantAction::Remove { code, yes } => {
                let code = match store.participant(&code) {
                    Ok(c) => c,
                    Err(e) => return fail(e),
                };
                if !yes {
                    if !std::io::stdin().is_terminal() {
                        return fail(format!(
                            "removing {code} erases all their records; add --yes to confirm"
                        ));
                    }
                    eprint!(
                        "This erases {code} and every session recorded for them. Type the code again to confirm: "
                    );
                    let mut answer = String::new();
                    let _ = std::io::stdin().read_line(&mut answer);
                    if answer.trim().to_ascii_uppercase() != code {
                        eprintln!("not removed");
                        return ExitCode::FAILURE;
                    }
                }
                match store.remove_participant(&code) {
                    Ok(e) => {
                        println!(
                            "removed participant {code}: {} session(s), {} event(s), {} sample(s), {} questionnaire(s), {} journal file(s)",
                            e.sessions, e.events, e.samples, e.questionnaires, e.journals
                        );
                        ExitCode::SUCCESS
                    }
                    Err(e) => fail(e),
                }
            }
        }
    }

    pub fn rtw_se(dir: &Path, action: RtwSeAction) -> ExitCode {
        let store = match open(dir) {
            Ok(s) => s,
            Err(e) => return fail(e),
        };
        match action {
            RtwSeAction::Add { participant, answers, label } => {
                let q = match RtwSe::parse(&answers) {
                    Ok(q) => q,
                    Err(e) => return fail(e),
                };
                match store.add_rtw_se(
                    &participant,
                    label.as_deref(),
                    &q,
                    mestring::wallclock::now_unix_ms() as i64,
                ) {
                    Ok(mean) => {
                        println!("stored RTW-SE for {}: mean {mean:.2}", participant.to_ascii_uppercase());
                        ExitCode::SUCCESS
                    }
                    Err(e) => fail(e),
                }
            }
            RtwSeAction::List { participant } => match store.rtw_se(&participant) {
                Ok(rows) if rows.is_empty() => {
                    eprintln!("no questionnaires stored for {participant}");
                    ExitCode::SUCCESS
                }
                Ok(rows) => {
                    println!("{:<12} {:<10} {:>5}", "answered", "label", "mean");
                    for (at, label, mean) in rows {
                        let (date, _) = mestring::wallclock::utc_date_time((at / 1000) as u64);
                        println!("{date:<12} {:<10} {mean:>5.2}", label.as_deref().unwrap_or("-"));
                    }
                    println!(
                        "(in the Norwegian validation, a mean of {REFERENCE_MEAN} or more went with full return to work)"
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            },
        }
    }

    pub fn sessions(dir: &Path, participant: Option<&str>) -> ExitCode {
        let store = match open(dir) {
            Ok(s) => s,
            Err(e) => return fail(e),
        };
        match store.sessions(participant) {
            Ok(rows) if rows.is_empty() => {
                eprintln!("no sessions recorded yet");
                ExitCode::SUCCESS
            }
            Ok(rows) => {
                println!(
                    "{:<44} {:<10} {:<24} {:>5} {:>9} {:<11} {:>6}",
                    "session", "participant", "scenario", "level", "minutes", "status", "events"
                );
                for r in rows {
                    println!(
                        "{:<44} {:<10} {:<24} {:>5} {:>9.1} {:<11} {:>6}",
                        r.id,
                        r.participant.as_deref().unwrap_or("-"),
                        r.scenario,
                        r.level,
                        r.duration_ms as f64 / 60_000.0,
                        r.status,
                        r.events
                    );
                }
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        }
    }

    pub fn export(
        dir: &Path,
        participant: Option<&str>,
        session: Option<&str>,
        format: ExportFormat,
        out: &Path,
    ) -> ExitCode {
        let store = match open(dir) {
            Ok(s) => s,
            Err(e) => return fail(e),
        };
        let selection = match (participant, session) {
            (Some(p), _) => Selection::Participant(p),
            (None, Some(s)) => Selection::Session(s),
            (None, None) => return fail("name --participant CODE or --session ID"),
        };
        // Write to a temporary name and rename: a failed export never
        // leaves a half file that looks whole.
        let tmp = out.with_extension("partial");
        let result = super::open_private(&tmp).map_err(|e| e.to_string()).and_then(|file| {
            let mut w = std::io::BufWriter::new(file);
            let n = match format {
                ExportFormat::Csv => export::csv(&store, &selection, &mut w),
                ExportFormat::Json => export::json(&store, &selection, &mut w),
            }
            .map_err(|e| e.to_string())?;
            std::io::Write::flush(&mut w).map_err(|e| e.to_string())?;
            std::fs::rename(&tmp, out).map_err(|e| e.to_string())?;
            Ok(n)
        });
        match result {
            Ok(n) => {
                eprintln!("exported {n} events to {}", out.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                fail(e)
            }
        }
    }

    /// What a recorded session is: who, which level, which seed, which language.
    pub struct Recording<'a> {
        pub participant: &'a str,
        pub level: u8,
        pub seed: u64,
        pub lang: &'a str,
    }

    pub fn start_recording(
        what: &Recording,
        data_dir: &Path,
        scenario: &Scenario,
        source: &Path,
    ) -> Result<(Store, Recorder), String> {
        let store = open(data_dir)?;
        let code = store
            .participant(what.participant)
            .map_err(|e| format!("{e}; add them first with: mestring participants add CODE"))?;
        let scenario_source =
            std::fs::read_to_string(source).map_err(|e| format!("cannot read {}: {e}", source.display()))?;
        let info = SessionInfo {
            participant: Some(&code),
            scenario,
            scenario_source: &scenario_source,
            level: what.level,
            seed: what.seed,
            lang: what.lang,
            started_unix_ms: mestring::wallclock::now_unix_ms(),
        };
        let recorder = Recorder::start(&store.journal_dir(), &info).map_err(|e| {
            format!("cannot start the session journal in {}: {e}", store.journal_dir().display())
        })?;
        Ok((store, recorder))
    }

    pub fn finish_recording(store: &mut Store, recorder: Recorder) -> Result<(), String> {
        let journal = recorder.journal();
        recorder.close().map_err(|e| format!("the journal {} may be incomplete: {e}", journal.display()))?;
        let imported = store.import_journal(&journal).map_err(|e| {
            format!("{e}; the journal {} is kept and will be imported on the next start", journal.display())
        })?;
        eprintln!("recorded session {} ({} events)", imported.session, imported.events);
        Ok(())
    }
}
