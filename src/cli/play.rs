//! `mestring play`: a scenario played in the terminal, from the keyboard or
//! a script of answers, its transcript written and compared with a blessed one.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use mestring::play::terminal::{Both, Printer, play_interactive};
use mestring::play::{Observer, ScriptOutcome, Transcript, first_difference, run_script_paced};
use mestring::session::Session;
use mestring::session::drive::Unobserved;

use mestring::w;

use super::args::PlayArgs;
use super::{
    CliError, lang as cli_lang, load_scenario, open_private, read_script, records, session_language,
};

/// Plays one session and writes its transcript. A transcript that differs
/// from `--expect` is the play's answer, not a failure to run it: the
/// difference is reported here, and the exit status 1 comes back as `Ok`.
///
/// The scenario is shown in its language (`--lang`, else its first); what
/// the command says around it is in the command line's language.
pub fn play(args: PlayArgs, data_dir: &Path) -> Result<ExitCode, CliError> {
    let l = cli_lang();
    let loaded = load_scenario(&args.scenario)?;
    let source_path = loaded.path.clone();
    let scenario = Arc::new(loaded.scenario);
    let lang = session_language(&scenario, args.lang.clone(), args.participant.as_deref(), data_dir)?;
    if !scenario.languages.contains(&lang) {
        return Err(
            w!(l, "error-no-such-language", lang = &lang, have = scenario.languages.join(", ")).into()
        );
    }
    let kind = super::run_kind(args.modelling, &scenario)?;
    // A modelling run plays the scenario with its peer among the cast.
    let (scenario, mut session) = Session::of_kind(&scenario, args.level, args.seed, kind)?;
    if !(args.speed.is_finite() && (0.1..=100.0).contains(&args.speed)) {
        return Err(w!(l, "cli-speed-out-of-range").into());
    }
    // Read before anything is written: the transcript may go to the very
    // file it is compared with.
    let expected = args
        .expect
        .as_ref()
        .map(std::fs::read_to_string)
        .transpose()
        .map_err(|e| w!(l, "cli-cannot-read-expected", why = e.to_string()))?;
    let mut transcript = Transcript::new(&scenario, args.level, args.seed, &lang);
    let out_path =
        args.transcript.clone().unwrap_or_else(|| default_transcript_path(&scenario.id, args.level));
    open_private(&out_path).and_then(|file| transcript.write_through(file)).map_err(|e| {
        w!(l, "cli-cannot-write-transcript", path = out_path.display().to_string(), why = e.to_string())
    })?;
    let mut recording = match &args.participant {
        None => None,
        Some(participant) => Some(records::start_recording(
            &records::Recording { participant, level: args.level, seed: args.seed, lang: &lang, kind },
            data_dir,
            &scenario,
            &source_path,
        )?),
    };
    let mut not_recording = Unobserved;
    let recorder: &mut dyn Observer = match &mut recording {
        Some((_, r)) => r,
        None => &mut not_recording,
    };
    let echo_inputs = args.script.is_some();
    let mut printer = Printer::new(std::io::stdout(), &lang, echo_inputs);
    let mut silent = Unobserved;
    let shown: &mut dyn Observer = if args.quiet { &mut silent } else { &mut printer };

    match &args.script {
        Some(path) => {
            let steps = read_script(path)?;
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
                eprintln!("{}", w!(l, "cli-note", problem = w!(l, "cli-script-ran-out")));
            }
        }
        None => {
            if !std::io::stdin().is_terminal() && !args.quiet {
                eprintln!("{}", w!(l, "cli-note", problem = w!(l, "cli-reading-stdin")));
            }
            let mut both = Both(&mut transcript, shown);
            play_interactive(
                &mut session,
                &mut Both(&mut both, recorder),
                args.speed,
                mestring::words::Lang::of(&lang),
            );
        }
    }
    if let Some((mut store, recorder)) = recording {
        records::finish_recording(&mut store, recorder)?;
    }

    let text = transcript.text();
    if let Some(e) = transcript.write_error() {
        let path = out_path.display().to_string();
        return Err(w!(l, "cli-transcript-incomplete", path = path, why = e.to_string()).into());
    }
    eprintln!("{}", w!(l, "cli-transcript-written", path = out_path.display().to_string()));

    if let (Some(expect), Some(expected)) = (&args.expect, &expected) {
        let expect_path = expect.display().to_string();
        match first_difference(expected, &text) {
            None => eprintln!("{}", w!(l, "cli-transcript-matches", path = expect_path)),
            Some((line, want, got)) => {
                eprintln!("{}", w!(l, "cli-transcript-differs", path = expect_path, line = line));
                // The two lines are the transcript's own, under labels aligned.
                let (expected, actual) = (w!(l, "cli-transcript-expected"), w!(l, "cli-transcript-actual"));
                let width = expected.chars().count().max(actual.chars().count());
                eprintln!("  {expected:<width$} {want}");
                eprintln!("  {actual:<width$} {got}");
                eprintln!("{}", w!(l, "cli-transcript-bless", path = out_path.display().to_string()));
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn default_transcript_path(id: &str, level: u8) -> PathBuf {
    let (date, time) = mestring::wallclock::utc_date_time(mestring::wallclock::now_unix_ms() / 1000);
    PathBuf::from("transcripts").join(format!("{id}-level{level}-{date}-{time}.transcript"))
}
