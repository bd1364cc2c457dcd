//! The record commands: participants, sessions, RTW-SE questionnaires,
//! exports, level proposals, and the start and end of a recorded session.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use mestring::progression::{self, Policy};
use mestring::record::export::{self, Selection};
use mestring::record::recorder::SessionInfo;
use mestring::record::rtw_expectation::Expectation;
use mestring::record::rtw_se::{REFERENCE_MEAN, RtwSe};
use mestring::record::{Recorder, Store};
use mestring::scenario::Scenario;

use mestring::w;
use mestring::words::{Explain, Lang};

use super::args::{ExportFormat, ParticipantAction, RtwExpectAction, RtwSeAction};
use super::{CliError, lang, load_scenario};

/// Opens the store and imports what sessions that died left behind,
/// saying so: a clinician should know a session was cut short.
pub fn open(dir: &Path) -> Result<Store, CliError> {
    let l = lang();
    let mut store = Store::open(dir)?;
    for (path, result) in store.import_pending() {
        match result {
            Ok(i) if i.complete => {
                eprintln!("{}", w!(l, "cli-imported", session = &i.session, events = i.events))
            }
            Ok(i) => {
                // The reason a line could not be read is the decoder's, in English.
                let damaged =
                    i.bad_tail.map(|t| w!(l, "cli-imported-damaged", why = t.reason)).unwrap_or_default();
                let said = w!(
                    l,
                    "cli-imported-interrupted",
                    session = &i.session,
                    events = i.events,
                    damaged = damaged
                );
                eprintln!("{said}");
            }
            Err(e) => {
                let problem =
                    w!(l, "cli-import-failed", path = path.display().to_string(), problem = e.explain(l));
                eprintln!("{}", w!(l, "cli-warning", problem = problem));
            }
        }
    }
    Ok(store)
}

/// Prints the progression policy's proposal for the next run, and why.
pub fn propose(
    dir: &Path,
    participant: &str,
    name: &str,
    level: Option<u8>,
    lang: &str,
) -> Result<(), CliError> {
    let loaded = load_scenario(name)?;
    let store = open(dir)?;
    let scenario = &loaded.scenario;
    let runs = store.past_runs(participant, &scenario.id)?;
    let current = level.or_else(|| runs.last().map(|r| r.level)).unwrap_or(1);
    let advice = progression::propose(&Policy::of(scenario), current, scenario.levels.len(), &runs);
    if matches!(advice.reason, progression::Reason::NoSuchLevel { .. }) {
        return Err(advice.reason_text(lang).into());
    }
    println!("{}", advice.headline(lang));
    println!("{}", advice.reason_text(lang));
    if advice.automatic {
        // Part of the proposal: in its language, as the lines above.
        println!("{}", w!(mestring::words::Lang::of(lang), "cli-propose-automatic"));
    }
    Ok(())
}

/// Lists, adds or removes participants. A removal the clinician declines
/// at the prompt is the command's answer, not a failure to run it: it
/// says "not removed" and the exit status 1 comes back as `Ok`.
pub fn participants(dir: &Path, action: Option<ParticipantAction>) -> Result<ExitCode, CliError> {
    let l = lang();
    let mut store = open(dir)?;
    match action.unwrap_or(ParticipantAction::List) {
        ParticipantAction::List => {
            let rows = store.participants()?;
            if rows.is_empty() {
                eprintln!("{}", w!(l, "cli-no-participants"));
            } else {
                println!(
                    "{:<16} {:>8}  {}",
                    w!(l, "cli-participants-code"),
                    w!(l, "cli-participants-sessions"),
                    w!(l, "cli-participants-lang")
                );
                // The rows are data: the codes as stored, and counts.
                for r in rows {
                    let reads = r.lang.map_or_else(|| "-".to_string(), |r| language_name(l, r));
                    println!("{:<16} {:>8}  {reads}", r.code, r.sessions);
                }
            }
        }
        ParticipantAction::Add { code, lang: reads } => {
            let reads = reads.as_deref().map(known_language).transpose()?;
            let code = store.add_participant(&code, mestring::wallclock::now_unix_ms() as i64)?;
            if let Some(reads) = reads {
                store.set_participant_lang(&code, reads)?;
            }
            println!("{}", w!(l, "cli-participant-added", code = code));
        }
        ParticipantAction::Lang { code, lang: reads } => {
            let reads = known_language(&reads)?;
            let code = store.set_participant_lang(&code, reads)?;
            println!("{}", w!(l, "cli-participant-reads", code = code, lang = language_name(l, reads)));
        }
        ParticipantAction::Remove { code, yes } => {
            let code = store.participant(&code)?;
            if !yes {
                if !std::io::stdin().is_terminal() {
                    return Err(w!(l, "cli-remove-needs-yes", code = &code).into());
                }
                eprint!("{}", w!(l, "cli-remove-confirm", code = &code));
                let mut answer = String::new();
                let _ = std::io::stdin().read_line(&mut answer);
                if answer.trim().to_ascii_uppercase() != code {
                    eprintln!("{}", w!(l, "cli-not-removed"));
                    return Ok(ExitCode::FAILURE);
                }
            }
            let e = store.remove_participant(&code)?;
            let said = w!(
                l,
                "cli-participant-removed",
                code = code,
                sessions = e.sessions,
                events = e.events,
                samples = e.samples,
                questionnaires = e.questionnaires,
                journals = e.journals
            );
            println!("{said}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Stores one RTW-SE questionnaire, or lists a participant's.
pub fn rtw_se(dir: &Path, action: RtwSeAction) -> Result<(), CliError> {
    let l = lang();
    let store = open(dir)?;
    match action {
        RtwSeAction::Add { participant, answers, label } => {
            let q = RtwSe::parse(&answers)?;
            let mean = store.add_rtw_se(
                &participant,
                label.as_deref(),
                &q,
                mestring::wallclock::now_unix_ms() as i64,
            )?;
            let code = participant.to_ascii_uppercase();
            println!("{}", w!(l, "cli-rtw-se-stored", code = code, mean = l.decimal(mean, 2)));
        }
        RtwSeAction::List { participant } => {
            let rows = store.rtw_se(&participant)?;
            if rows.is_empty() {
                eprintln!("{}", w!(l, "cli-no-questionnaires", code = participant));
                return Ok(());
            }
            let head = (w!(l, "cli-rtw-se-answered"), w!(l, "cli-rtw-se-label"), w!(l, "cli-rtw-se-mean"));
            println!("{:<12} {:<10} {:>5}", head.0, head.1, head.2);
            // The rows are data: the date as the store keeps it, the label as typed.
            for (at, label, mean) in rows {
                let (date, _) = mestring::wallclock::utc_date_time((at / 1000) as u64);
                println!("{date:<12} {:<10} {:>5}", label.as_deref().unwrap_or("-"), l.decimal(mean, 2));
            }
            println!("{}", w!(l, "cli-rtw-se-reference", reference = l.decimal(REFERENCE_MEAN, 1)));
        }
    }
    Ok(())
}

/// Stores one return-to-work expectation, or lists a participant's.
pub fn rtw_expect(dir: &Path, action: RtwExpectAction) -> Result<(), CliError> {
    let l = lang();
    let store = open(dir)?;
    match action {
        RtwExpectAction::Add { participant, answer, label } => {
            let answer = Expectation::parse(&answer)?;
            let now = mestring::wallclock::now_unix_ms() as i64;
            store.add_rtw_expectation(&participant, label.as_deref(), answer, now)?;
            let code = participant.to_ascii_uppercase();
            println!("{}", w!(l, "cli-rtw-expect-stored", code = code, answer = answer.words(l)));
        }
        RtwExpectAction::List { participant } => {
            let rows = store.rtw_expectations(&participant)?;
            // The question in the participant's own language, as they read it.
            let theirs = store.participant_lang(&participant)?.unwrap_or(l);
            println!("{}", mestring::record::rtw_expectation::question(theirs));
            if rows.is_empty() {
                eprintln!("{}", w!(l, "cli-no-rtw-expectations", code = participant));
                return Ok(());
            }
            // The rows are data: the date as the store keeps it, the label as typed.
            for (at, label, answer) in rows {
                let (date, _) = mestring::wallclock::utc_date_time((at / 1000) as u64);
                println!("{date:<12} {:<20} {}", label.as_deref().unwrap_or("-"), answer.words(theirs));
            }
        }
    }
    Ok(())
}

/// Lists recorded sessions, a participant's or everyone's.
pub fn sessions(dir: &Path, participant: Option<&str>) -> Result<(), CliError> {
    let l = lang();
    let store = open(dir)?;
    let rows = store.sessions(participant)?;
    if rows.is_empty() {
        eprintln!("{}", w!(l, "cli-no-sessions"));
        return Ok(());
    }
    println!(
        "{:<44} {:<10} {:<24} {:>5} {:>9} {:<11} {:>6}",
        w!(l, "cli-sessions-session"),
        w!(l, "cli-sessions-participant"),
        w!(l, "cli-sessions-scenario"),
        w!(l, "cli-sessions-level"),
        w!(l, "cli-sessions-minutes"),
        w!(l, "cli-sessions-status"),
        w!(l, "cli-sessions-events")
    );
    // The rows are data as stored: ids, codes, the status word the export
    // also writes.
    for r in rows {
        println!(
            "{:<44} {:<10} {:<24} {:>5} {:>9} {:<11} {:>6}",
            r.id,
            r.participant.as_deref().unwrap_or("-"),
            r.scenario,
            r.level,
            l.decimal(r.duration_ms as f64 / 60_000.0, 1),
            r.status,
            r.events
        );
        // Where it ran and what the samples measured, where that was kept.
        if let Some(s) = r.sampling() {
            let from = if s.from_headset { "headset" } else { "desktop" };
            let rate = l.decimal(s.per_second, 1);
            let line = if s.held {
                w!(l, "cli-sessions-sampling", from = from, samples = s.samples, rate = rate)
            } else {
                w!(
                    l,
                    "cli-sessions-sampling-slow",
                    from = from,
                    samples = s.samples,
                    rate = rate,
                    asked = s.asked
                )
            };
            println!("    {line}");
        }
    }
    Ok(())
}

/// Writes a participant's or one session's records as CSV or JSON.
pub fn export(
    dir: &Path,
    participant: Option<&str>,
    session: Option<&str>,
    format: ExportFormat,
    out: &Path,
) -> Result<(), CliError> {
    let l = lang();
    let store = open(dir)?;
    let selection = match (participant, session) {
        (Some(p), _) => Selection::Participant(p),
        (None, Some(s)) => Selection::Session(s),
        (None, None) => return Err(w!(l, "cli-export-needs-what").into()),
    };
    // Written whole or not at all: a failed export never leaves a half
    // file that looks whole, nor spoils an earlier one.
    let written = mestring::private_files::replace_whole(out, |w| {
        match format {
            ExportFormat::Csv => export::csv(&store, &selection, w),
            ExportFormat::Json => export::json(&store, &selection, w),
        }
        .map_err(|e| std::io::Error::other(e.explain(l)))
    });
    match written {
        Ok(n) => {
            eprintln!("{}", w!(l, "cli-exported", events = n, path = out.display().to_string()));
            Ok(())
        }
        // The export's own error in words, or the file's (the system's words).
        Err(e) => Err(e.to_string().into()),
    }
}

/// What a recorded session is: who, which level, which seed, which language.
pub struct Recording<'a> {
    pub participant: &'a str,
    pub level: u8,
    pub seed: u64,
    pub lang: &'a str,
    pub kind: mestring::session::RunKind,
}

/// Opens the store and the session's journal for a named participant.
pub fn start_recording(
    what: &Recording,
    data_dir: &Path,
    scenario: &Scenario,
    source: &Path,
) -> Result<(Store, Recorder), CliError> {
    let l = lang();
    let store = open(data_dir)?;
    let code = store
        .participant(what.participant)
        .map_err(|e| w!(l, "cli-add-participant-first", problem = e.explain(l)))?;
    let scenario_source = std::fs::read_to_string(source)
        .map_err(|e| w!(l, "cli-cannot-read", path = source.display().to_string(), why = e.to_string()))?;
    let info = SessionInfo {
        participant: Some(&code),
        scenario,
        scenario_source: &scenario_source,
        level: what.level,
        seed: what.seed,
        lang: what.lang,
        started_unix_ms: mestring::wallclock::now_unix_ms(),
        kind: what.kind,
    };
    let recorder = Recorder::start(&store.journal_dir(), &info).map_err(|e| {
        w!(
            l,
            "cli-cannot-start-journal",
            path = store.journal_dir().display().to_string(),
            why = e.to_string()
        )
    })?;
    Ok((store, recorder))
}

/// Closes the journal and imports it into the store.
pub fn finish_recording(store: &mut Store, recorder: Recorder) -> Result<(), CliError> {
    let l = lang();
    let journal = recorder.journal();
    let shown = journal.display().to_string();
    recorder
        .close()
        .map_err(|e| w!(l, "cli-journal-may-be-incomplete", path = &shown, why = e.to_string()))?;
    let imported = store
        .import_journal(&journal)
        .map_err(|e| w!(l, "cli-journal-kept", problem = e.explain(l), path = &shown))?;
    eprintln!("{}", w!(l, "cli-recorded", session = &imported.session, events = imported.events));
    Ok(())
}

/// A language a participant can read, from its code: `nb` or `en` (the
/// languages the program has words for).
fn known_language(code: &str) -> Result<Lang, CliError> {
    Lang::parse(code).ok_or_else(|| w!(lang(), "cli-unknown-language", lang = code).into())
}

fn language_name(l: Lang, of: Lang) -> String {
    match of {
        Lang::Nb => w!(l, "cli-language-nb"),
        Lang::En => w!(l, "cli-language-en"),
    }
}
