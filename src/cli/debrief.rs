//! `mestring debrief`: a session's report or a participant's programme
//! overview, written as one HTML file; and the sub-goal agreed at a debrief.

use std::path::{Path, PathBuf};

use mestring::debrief::{self as report, Lang};
use mestring::wallclock::now_unix_ms;

use super::CliError;
use super::records::open;

pub enum Subject {
    Session(String),
    Participant(String),
}

/// What the debrief adds to a session's record before its report is written.
pub struct Notes {
    pub goal: Option<String>,
    pub goal_done: Option<bool>,
    pub learned: Option<String>,
}

pub fn debrief(
    dir: &Path,
    subject: Subject,
    lang: Option<&str>,
    out: Option<&Path>,
    notes: Notes,
) -> Result<(), CliError> {
    let lang = lang.map(parse_lang).transpose()?;
    let store = open(dir)?;
    let now = now_unix_ms() as i64;
    let (html, name) = match &subject {
        Subject::Session(id) => {
            if let Some(text) = &notes.goal {
                let g = store.set_goal(id, text, now)?;
                eprintln!("sub-goal saved for session {id}: {}", g.text);
            }
            if let Some(text) = &notes.learned {
                store.set_learned(id, text, now)?;
                eprintln!("what was learned is saved for session {id}");
            }
            if let Some(done) = notes.goal_done {
                store.report_goal(id, done, now)?;
                eprintln!("sub-goal of session {id} reported {}", if done { "done" } else { "not done" });
            }
            let r = report::session_report(&store, id, lang)?;
            let name = format!("{id}-{}", r.lang.code());
            (report::html::session(&r).map_err(CliError::from)?, name)
        }
        Subject::Participant(code) => {
            let p = report::programme_report(&store, code, lang)?;
            let name = format!("programme-{}-{}", p.participant, p.lang.code());
            (report::html::programme(&p).map_err(CliError::from)?, name)
        }
    };
    let path = match out {
        Some(p) => p.to_path_buf(),
        None => default_path(dir, &name)?,
    };
    report::write_report(&path, &html)?;
    eprintln!(
        "wrote {}; open it in a browser to read it together, print it or save it as PDF",
        path.display()
    );
    Ok(())
}

/// `reports/` in the data folder: private, like everything else there.
fn default_path(dir: &Path, name: &str) -> Result<PathBuf, CliError> {
    let reports = dir.join("reports");
    mestring::private_files::create_missing_dirs(&reports)
        .map_err(|e| format!("cannot make the folder {}: {e}", reports.display()))?;
    Ok(reports.join(format!("{name}.html")))
}

fn parse_lang(code: &str) -> Result<Lang, CliError> {
    match code {
        "nb" | "nn" | "no" => Ok(Lang::Nb),
        "en" => Ok(Lang::En),
        other => {
            Err(format!("the report can be written in nb (bokmål) or en (English), not \"{other}\"").into())
        }
    }
}
