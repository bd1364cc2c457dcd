//! The record commands: participants, sessions, RTW-SE questionnaires,
//! exports, level proposals, and the start and end of a recorded session.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use mestring::progression::{self, Policy};
use mestring::record::export::{self, Selection};
use mestring::record::recorder::SessionInfo;
use mestring::record::rtw_se::{REFERENCE_MEAN, RtwSe};
use mestring::record::{Recorder, Store};
use mestring::scenario::Scenario;

use super::args::{ExportFormat, ParticipantAction, RtwSeAction};
use super::{CliError, load_scenario};

/// Opens the store and imports what sessions that died left behind,
/// saying so: a clinician should know a session was cut short.
pub fn open(dir: &Path) -> Result<Store, CliError> {
    let mut store = Store::open(dir)?;
    for (path, result) in store.import_pending() {
        match result {
            Ok(i) if i.complete => eprintln!("imported session {} ({} events)", i.session, i.events),
            Ok(i) => eprintln!(
                "imported session {} as interrupted: it ended without closing ({} events kept{})",
                i.session,
                i.events,
                i.bad_tail.map(|t| format!("; its last line was damaged: {}", t.reason)).unwrap_or_default()
            ),
            Err(e) => eprintln!("warning: could not import {}: {e}; it is left in place", path.display()),
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
        println!("(the scenario allows this step to be taken without the clinician)");
    }
    Ok(())
}

/// Lists, adds or removes participants. A removal the clinician declines
/// at the prompt is the command's answer, not a failure to run it: it
/// says "not removed" and the exit status 1 comes back as `Ok`.
pub fn participants(dir: &Path, action: Option<ParticipantAction>) -> Result<ExitCode, CliError> {
    let mut store = open(dir)?;
    match action.unwrap_or(ParticipantAction::List) {
        ParticipantAction::List => {
            let rows = store.participants()?;
            if rows.is_empty() {
                eprintln!("no participants yet; add one with: mestring participants add P001");
            } else {
                println!("{:<16} {:>8}", "code", "sessions");
                for r in rows {
                    println!("{:<16} {:>8}", r.code, r.sessions);
                }
            }
        }
        ParticipantAction::Add { code } => {
            let code = store.add_participant(&code, mestring::wallclock::now_unix_ms() as i64)?;
            println!("added participant {code}");
        }
        ParticipantAction::Remove { code, yes } => {
            let code = store.participant(&code)?;
            if !yes {
                if !std::io::stdin().is_terminal() {
                    return Err(
                        format!("removing {code} erases all their records; add --yes to confirm").into()
                    );
                }
                eprint!(
                    "This erases {code} and every session recorded for them. Type the code again to confirm: "
                );
                let mut answer = String::new();
                let _ = std::io::stdin().read_line(&mut answer);
                if answer.trim().to_ascii_uppercase() != code {
                    eprintln!("not removed");
                    return Ok(ExitCode::FAILURE);
                }
            }
            let e = store.remove_participant(&code)?;
            println!(
                "removed participant {code}: {} session(s), {} event(s), {} sample(s), {} questionnaire(s), {} journal file(s)",
                e.sessions, e.events, e.samples, e.questionnaires, e.journals
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Stores one RTW-SE questionnaire, or lists a participant's.
pub fn rtw_se(dir: &Path, action: RtwSeAction) -> Result<(), CliError> {
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
            println!("stored RTW-SE for {}: mean {mean:.2}", participant.to_ascii_uppercase());
        }
        RtwSeAction::List { participant } => {
            let rows = store.rtw_se(&participant)?;
            if rows.is_empty() {
                eprintln!("no questionnaires stored for {participant}");
                return Ok(());
            }
            println!("{:<12} {:<10} {:>5}", "answered", "label", "mean");
            for (at, label, mean) in rows {
                let (date, _) = mestring::wallclock::utc_date_time((at / 1000) as u64);
                println!("{date:<12} {:<10} {mean:>5.2}", label.as_deref().unwrap_or("-"));
            }
            println!(
                "(in the Norwegian validation, a mean of {REFERENCE_MEAN} or more went with full return to work)"
            );
        }
    }
    Ok(())
}

/// Lists recorded sessions, a participant's or everyone's.
pub fn sessions(dir: &Path, participant: Option<&str>) -> Result<(), CliError> {
    let store = open(dir)?;
    let rows = store.sessions(participant)?;
    if rows.is_empty() {
        eprintln!("no sessions recorded yet");
        return Ok(());
    }
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
        // Where it ran and what the samples measured, where it was kept.
        if let Some(shown_in) = &r.shown_in {
            let sampling = r.sampling().map(|s| format!("; {s}")).unwrap_or_default();
            println!("    shown in {shown_in}{sampling}");
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
    let store = open(dir)?;
    let selection = match (participant, session) {
        (Some(p), _) => Selection::Participant(p),
        (None, Some(s)) => Selection::Session(s),
        (None, None) => return Err("name --participant CODE or --session ID".into()),
    };
    // Written whole or not at all: a failed export never leaves a half
    // file that looks whole, nor spoils an earlier one.
    let written = mestring::private_files::replace_whole(out, |w| {
        match format {
            ExportFormat::Csv => export::csv(&store, &selection, w),
            ExportFormat::Json => export::json(&store, &selection, w),
        }
        .map_err(|e| std::io::Error::other(e.to_string()))
    });
    match written {
        Ok(n) => {
            eprintln!("exported {n} events to {}", out.display());
            Ok(())
        }
        Err(e) => Err(e.to_string().into()),
    }
}

/// What a recorded session is: who, which level, which seed, which language.
pub struct Recording<'a> {
    pub participant: &'a str,
    pub level: u8,
    pub seed: u64,
    pub lang: &'a str,
}

/// Opens the store and the session's journal for a named participant.
pub fn start_recording(
    what: &Recording,
    data_dir: &Path,
    scenario: &Scenario,
    source: &Path,
) -> Result<(Store, Recorder), CliError> {
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
    let recorder = Recorder::start(&store.journal_dir(), &info)
        .map_err(|e| format!("cannot start the session journal in {}: {e}", store.journal_dir().display()))?;
    Ok((store, recorder))
}

/// Closes the journal and imports it into the store.
pub fn finish_recording(store: &mut Store, recorder: Recorder) -> Result<(), CliError> {
    let journal = recorder.journal();
    recorder.close().map_err(|e| format!("the journal {} may be incomplete: {e}", journal.display()))?;
    let imported = store.import_journal(&journal).map_err(|e| {
        format!("{e}; the journal {} is kept and will be imported on the next start", journal.display())
    })?;
    eprintln!("recorded session {} ({} events)", imported.session, imported.events);
    Ok(())
}
