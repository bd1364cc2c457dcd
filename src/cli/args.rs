//! The command line's words: every command, argument and choice as clap reads them.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "mestring",
    version,
    about = "Graded work-situation exposure in VR, for work-focused rehabilitation"
)]
pub struct Cli {
    /// Where records are kept. Default: $MESTRING_DATA_DIR, else ~/.local/share/mestring
    #[arg(long, global = true)]
    pub data_dir: Option<PathBuf>,
    /// Without a command: the start screen (`mestring clinic`).
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
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
    /// The participant's expectation of returning to work (one question): add or list.
    RtwExpect {
        #[command(subcommand)]
        action: RtwExpectAction,
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
    /// Write the debrief report of a session (--session), or the overview of a
    /// participant's programme (--participant), as an HTML page to read
    /// together, print or save as PDF. Also sets the sub-goal agreed at a
    /// session's debrief (--goal), whether it was done (--goal-done) and what
    /// the participant learned (--learned).
    Debrief {
        #[arg(long, conflicts_with = "participant", required_unless_present = "participant")]
        session: Option<String>,
        #[arg(long)]
        participant: Option<String>,
        /// Language of the report: nb (also nn, no) or en. Default: the session's language.
        #[arg(long)]
        lang: Option<String>,
        /// The file to write. Default: reports/<session or code>-<lang>.html in the data folder.
        #[arg(long)]
        out: Option<PathBuf>,
        /// With --session: the participant's next sub-goal, in their words.
        #[arg(long, requires = "session")]
        goal: Option<String>,
        /// With --session: what the participant said they learned, in their words.
        #[arg(long, requires = "session")]
        learned: Option<String>,
        /// With --session: whether the sub-goal set at that session was done (yes or no).
        /// Not with --goal: a goal is reported on after it was set, not with it.
        #[arg(long, requires = "session", conflicts_with = "goal", value_parser = ["yes", "no"])]
        goal_done: Option<String>,
    },
    /// Run a scenario in a headset, or in a desktop window when none is present.
    #[cfg(feature = "shell")]
    Run(RunArgs),
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
        /// Language of the proposal: nb (also nn, no) or en. Default: the
        /// command line's language ($MESTRING_LANG, else the locale).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Render a level's soundscape (the background and its chance cues, as
    /// heard from the participant's seat) to a 16-bit stereo WAV file, and
    /// say how loud it is (integrated loudness, LUFS).
    RenderAudio {
        /// A scenario file, or the id of a shipped one (e.g. team-meeting).
        scenario: String,
        #[arg(long, default_value_t = 1, conflicts_with = "every_level")]
        level: u8,
        /// Render every level, one WAV each in the folder OUT, and list
        /// their loudness side by side.
        #[arg(long)]
        every_level: bool,
        /// How much to render, in seconds.
        #[arg(long, default_value_t = 60.0)]
        seconds: f32,
        /// Seed for chance cues and synthesis; the same seed writes the same file.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The WAV file to write (replaced whole, never left half-written);
        /// with --every-level, the folder to write them in.
        out: PathBuf,
    },
    /// Render the loudness reference to a WAV file: a voice at -23 LUFS.
    /// Play it in the headset and set the volume so it sounds like a
    /// colleague across the table speaking in an ordinary voice; every
    /// level is then as loud as docs/levels.md says.
    RenderReference {
        /// How much to render, in seconds.
        #[arg(long, default_value_t = 30.0)]
        seconds: f32,
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
        /// Measure in the headset path instead: against the OpenXR runtime
        /// there is, the CPU time per XR frame next to a bare Bevy +
        /// bevy_mod_openxr app, as a ratio.
        #[arg(long)]
        headset: bool,
        /// Time a third app beside them: the same engine with the
        /// clinician's console shown (its egui layout and live plot).
        #[arg(long)]
        console: bool,
        /// With --headset: the frames of a running XR session to time, per app.
        #[arg(long, default_value_t = 60)]
        frames: usize,
        /// With --headset: time the bare app with these counts (meshes,lights,ui-nodes);
        /// the bench runs itself with this to keep each app in its own process.
        #[arg(long, hide = true)]
        bare_scene: Option<String>,
    },
    /// The start screen: choose a participant, a scenario and a level,
    /// start the run, and come back to its summary and debrief. What
    /// `mestring` alone opens.
    #[cfg(feature = "shell")]
    Clinic(ClinicArgs),
}

#[cfg(feature = "shell")]
#[derive(clap::Args, Default)]
pub struct ClinicArgs {
    /// The clinic's own scenarios, listed after the shipped ones.
    /// Default: scenarios/ in the data folder.
    #[arg(long)]
    pub scenarios: Option<PathBuf>,
    /// Choose this participant from the start.
    #[arg(long)]
    pub participant: Option<String>,
    /// Choose this scenario (a file, or a shipped id) from the start.
    #[arg(long)]
    pub scenario: Option<String>,
    /// The clinician's language: nb or en. Default: the command line's.
    #[arg(long)]
    pub lang: Option<String>,
    /// Close by itself after this many seconds (for demos and pictures).
    #[arg(long)]
    pub exit_after: Option<f32>,
    /// With --exit-after: save a screenshot to this PNG file first.
    #[arg(long)]
    pub screenshot: Option<PathBuf>,
    /// The window's size in pixels, e.g. 1280x720.
    #[arg(long, value_parser = parse_window_size)]
    pub window_size: Option<(u32, u32)>,
}

#[derive(Subcommand)]
pub enum ParticipantAction {
    /// List participants and how many sessions each has.
    List,
    /// Add a participant under a pseudonymous code (e.g. P017).
    Add {
        code: String,
        /// The language they read: nb (bokmål) or en. Their runs are in it
        /// where the scenario has it.
        #[arg(long)]
        lang: Option<String>,
    },
    /// Choose the language a participant reads: nb (bokmål) or en.
    Lang { code: String, lang: String },
    /// Erase a participant and everything recorded about them.
    Remove {
        code: String,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand)]
pub enum RtwSeAction {
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

#[derive(Subcommand)]
pub enum RtwExpectAction {
    /// Store one answer to "how long until you are back at work?": back,
    /// under-1-month, 1-3-months, 3-6-months, over-6-months, not-back or dont-know
    Add {
        participant: String,
        answer: String,
        /// A label such as "start of programme".
        #[arg(long)]
        label: Option<String>,
    },
    /// The question in the participant's language, and their answers so far.
    List { participant: String },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

// The arguments of `play` and `run`, each in a struct of its own to be
// handed whole to its command; their help text is the `Command` variant's.
#[derive(clap::Args)]
pub struct PlayArgs {
    /// A scenario file, or the id of a shipped one (e.g. team-meeting).
    pub scenario: String,
    #[arg(long, default_value_t = 1)]
    pub level: u8,
    /// Language to show. Default: the scenario's first language.
    #[arg(long)]
    pub lang: Option<String>,
    /// Seed for chance cues; the same seed replays the same session.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Take choices and ratings from this file instead of the keyboard.
    #[arg(long)]
    pub script: Option<PathBuf>,
    /// Compare the transcript with this blessed one; exit 1 on a difference.
    #[arg(long)]
    pub expect: Option<PathBuf>,
    /// Where to write the transcript. Default: transcripts/<id>-level<N>-<time>.transcript
    #[arg(long)]
    pub transcript: Option<PathBuf>,
    /// Print nothing but the outcome (for scripted runs).
    #[arg(long)]
    pub quiet: bool,
    /// Let time run faster in an interactive run (e.g. 4).
    #[arg(long, default_value_t = 1.0)]
    pub speed: f64,
    /// Record the session for this participant (their pseudonymous code).
    #[arg(long)]
    pub participant: Option<String>,
    /// With --script: simulated seconds per real second (default: as fast as possible).
    #[arg(long)]
    pub pace: Option<f64>,
    /// A modelling run: the scenario's peer gives the model answers, and
    /// the participant follows what they say.
    #[arg(long)]
    pub modelling: bool,
}

#[cfg(feature = "shell")]
#[derive(clap::Args)]
pub struct RunArgs {
    /// A scenario file, or the id of a shipped one.
    pub scenario: String,
    #[arg(long, default_value_t = 1)]
    pub level: u8,
    /// Language to show. Default: the scenario's first language.
    #[arg(long)]
    pub lang: Option<String>,
    /// Use the desktop window even if a headset runtime is present.
    #[arg(long)]
    pub desktop: bool,
    /// Close the window by itself after this many seconds (for demos and tests).
    #[arg(long)]
    pub exit_after: Option<f32>,
    /// Save a screenshot to this PNG file just before closing.
    #[arg(long)]
    pub screenshot: Option<PathBuf>,
    /// Take the participant's answers from this script (see `play --script`).
    #[arg(long)]
    pub script: Option<PathBuf>,
    /// Seed for chance cues; the same seed replays the same session.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Record the session, with behaviour samples, for this participant.
    #[arg(long)]
    pub participant: Option<String>,
    /// Show the panels on a card in the room, as in the headset, and
    /// point at it with the mouse (a desktop preview of the headset).
    #[arg(long)]
    pub panels_in_room: bool,
    /// Show the clinician's console from the start (F1 shows and hides it).
    #[arg(long)]
    pub console: bool,
    /// Close by itself a second after the session has ended (for scripted
    /// runs and tests); in a headset, once the runtime has ended its session.
    #[arg(long)]
    pub close_at_end: bool,
    /// The window's size in pixels, e.g. 960x540 (default 1280x720).
    #[arg(long, value_parser = parse_window_size)]
    pub window_size: Option<(u32, u32)>,
    /// A modelling run: the scenario's peer sits in the participant's seat
    /// and gives the model answers, and the participant watches from the side.
    #[arg(long)]
    pub modelling: bool,
    /// The console suggests a pause when a SUDS rating reaches this (0-100;
    /// default: the scenario's step-down threshold, 80 unless it sets one).
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=100))]
    pub alert_suds: Option<u8>,
    /// The console suggests a pause when a VR sickness rating (FMS) reaches
    /// this (0-20; default 10).
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=20))]
    pub alert_sickness: Option<u8>,
}

/// `WIDTHxHEIGHT`, each at least 320 × 240 and at most 7680 × 4320.
#[cfg(feature = "shell")]
fn parse_window_size(s: &str) -> Result<(u32, u32), String> {
    let bad = || format!("\"{s}\" is not a window size; write it as WIDTHxHEIGHT, e.g. 960x540");
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(bad)?;
    let (w, h): (u32, u32) = (w.trim().parse().map_err(|_| bad())?, h.trim().parse().map_err(|_| bad())?);
    if !(320..=7680).contains(&w) || !(240..=4320).contains(&h) {
        return Err(format!("a window of {w}x{h} is outside 320x240 to 7680x4320"));
    }
    Ok((w, h))
}

#[cfg(all(test, feature = "shell"))]
mod tests {
    use super::parse_window_size;

    #[test]
    fn a_window_size_is_width_by_height_within_bounds_and_says_how_when_not() {
        assert_eq!(parse_window_size("960x540"), Ok((960, 540)));
        assert_eq!(parse_window_size("1280X720"), Ok((1280, 720)));
        assert_eq!(
            parse_window_size("960,540"),
            Err("\"960,540\" is not a window size; write it as WIDTHxHEIGHT, e.g. 960x540".into())
        );
        assert_eq!(
            parse_window_size("100x100"),
            Err("a window of 100x100 is outside 320x240 to 7680x4320".into())
        );
    }
}
