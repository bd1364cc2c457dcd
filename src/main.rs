//! The `mestring` command line: check scenarios, play them in a terminal,
//! run them in a window or headset. Here the command line is parsed and
//! handed to its command in `cli`, and here alone a command's failure
//! becomes `error: …` (in the command line's language, `cli::lang`) on
//! stderr and exit status 1.

mod cli;

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use cli::args::{Cli, Command};
use cli::{CliError, audio, check, debrief, play, records};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let data_dir = cli.data_dir.clone().unwrap_or_else(mestring::record::default_data_dir);
    match dispatch(cli.command, &data_dir) {
        Ok(code) => code,
        Err(e) => {
            for problem in e.problems() {
                eprintln!("{}", mestring::w!(cli::lang(), "cli-error", problem = problem));
            }
            ExitCode::FAILURE
        }
    }
}

/// Runs one command. `Ok` carries the exit status of a command that ran:
/// `check`, `play --expect` and `participants remove` answer with status 1
/// when they find errors, a difference or a declined removal.
fn dispatch(command: Option<Command>, data_dir: &Path) -> Result<ExitCode, CliError> {
    let done = |()| ExitCode::SUCCESS;
    #[cfg(feature = "shell")]
    let command = command.unwrap_or_else(|| Command::Clinic(Default::default()));
    #[cfg(not(feature = "shell"))]
    let Some(command) = command else {
        return Err(mestring::w!(cli::lang(), "cli-no-window").into());
    };
    match command {
        Command::Check { paths, format, color } => check::check(paths, format, color),
        Command::Play(args) => play::play(args, data_dir),
        Command::Participants { action } => records::participants(data_dir, action),
        Command::Sessions { participant } => records::sessions(data_dir, participant.as_deref()).map(done),
        Command::RtwSe { action } => records::rtw_se(data_dir, action).map(done),
        Command::RtwExpect { action } => records::rtw_expect(data_dir, action).map(done),
        Command::Export { participant, session, format, out } => {
            records::export(data_dir, participant.as_deref(), session.as_deref(), format, &out).map(done)
        }
        Command::Debrief { session, participant, lang, out, goal, goal_done, learned } => {
            let what = match (session, participant) {
                (Some(id), _) => debrief::Subject::Session(id),
                (None, Some(code)) => debrief::Subject::Participant(code),
                (None, None) => unreachable!("clap requires --session or --participant"),
            };
            let goal = debrief::Notes { goal, goal_done: goal_done.map(|d| d == "yes"), learned };
            debrief::debrief(data_dir, what, lang.as_deref(), out.as_deref(), goal).map(done)
        }
        Command::Propose { participant, scenario, level, lang } => {
            let lang = lang.unwrap_or_else(|| cli::lang().code().to_string());
            records::propose(data_dir, &participant, &scenario, level, &lang).map(done)
        }
        Command::RenderAudio { scenario, every_level: true, seconds, seed, out, .. } => {
            audio::render_every_level(&scenario, seconds, seed, &out).map(done)
        }
        Command::RenderAudio { scenario, level, seconds, seed, out, .. } => {
            audio::render_audio(&scenario, level, seconds, seed, &out).map(done)
        }
        Command::RenderReference { seconds, out } => audio::render_reference(seconds, &out).map(done),
        #[cfg(feature = "shell")]
        Command::Clinic(args) => cli::clinic::clinic(args, data_dir).map(done),
        #[cfg(feature = "shell")]
        Command::Run(args) => cli::run::run(args, data_dir).map(done),
        #[cfg(feature = "shell")]
        Command::BenchFrames { scenario, level, headset: true, frames, bare_scene, .. } => {
            cli::run::bench_xr_frames(&scenario, level, frames, bare_scene.as_deref()).map(done)
        }
        #[cfg(feature = "shell")]
        Command::BenchFrames { scenario, level, minutes, seed, console, .. } => {
            cli::run::bench_frames(&scenario, level, minutes, seed, console).map(done)
        }
    }
}
