//! `mestring debrief`: a session's report or a participant's programme
//! overview, written as one HTML file; and the sub-goal agreed at a debrief.

use std::path::{Path, PathBuf};

use mestring::debrief::{self as report, Lang};
use mestring::w;
use mestring::wallclock::now_unix_ms;

use super::records::open;
use super::{CliError, lang as cli_lang};

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

/// Writes the report in `lang`, else the session's (or the participant's
/// newest session's) language: it is read with the participant. What the
/// command says about it is in the command line's language.
pub fn debrief(
    dir: &Path,
    subject: Subject,
    lang: Option<&str>,
    out: Option<&Path>,
    notes: Notes,
) -> Result<(), CliError> {
    let l = cli_lang();
    let lang = lang.map(parse_lang).transpose()?;
    let store = open(dir)?;
    let now = now_unix_ms() as i64;
    let (html, name) = match &subject {
        Subject::Session(id) => {
            if let Some(text) = &notes.goal {
                let g = store.set_goal(id, text, now)?;
                eprintln!("{}", w!(l, "cli-goal-saved", id = id, goal = g.text));
            }
            if let Some(text) = &notes.learned {
                store.set_learned(id, text, now)?;
                eprintln!("{}", w!(l, "cli-learned-saved", id = id));
            }
            if let Some(done) = notes.goal_done {
                store.report_goal(id, done, now)?;
                eprintln!("{}", w!(l, "cli-goal-reported", id = id, done = if done { "yes" } else { "no" }));
            }
            let r = report::session_report(&store, id, lang)?;
            let name = format!("{id}-{}", r.lang.code());
            (report::html::session(&r).map_err(report::DebriefError::Render)?, name)
        }
        Subject::Participant(code) => {
            let p = report::programme_report(&store, code, lang)?;
            let name = format!("programme-{}-{}", p.participant, p.lang.code());
            (report::html::programme(&p).map_err(report::DebriefError::Render)?, name)
        }
    };
    let path = match out {
        Some(p) => p.to_path_buf(),
        None => default_path(dir, &name)?,
    };
    report::write_report(&path, &html)?;
    eprintln!("{}", w!(l, "cli-report-written", path = path.display().to_string()));
    Ok(())
}

/// `reports/` in the data folder: private, like everything else there.
fn default_path(dir: &Path, name: &str) -> Result<PathBuf, CliError> {
    let reports = dir.join("reports");
    mestring::private_files::create_missing_dirs(&reports).map_err(|e| {
        w!(cli_lang(), "cli-cannot-make-folder", path = reports.display().to_string(), why = e.to_string())
    })?;
    Ok(reports.join(format!("{name}.html")))
}

fn parse_lang(code: &str) -> Result<Lang, CliError> {
    Lang::parse(code).ok_or_else(|| w!(cli_lang(), "cli-report-languages", lang = code).into())
}
