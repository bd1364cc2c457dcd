//! The reflective debrief: a report the clinician and participant read
//! together after a session (`session`), and one across the participant's
//! programme (`programme`), written as self-contained HTML.
//!
//! In parts: `session` and `programme` work out what a report shows from
//! the store, as figures that name the events they came from; `words`
//! says it in bokmål or English; `chart` draws the SVG charts (plotters)
//! and `html` puts it all on a page (minijinja). Nothing here reads a
//! clock or the network, and a report is written whole or not at all.

pub mod chart;
pub mod html;
pub mod programme;
pub mod session;
pub mod words;

use std::path::Path;

use programme::{ProgrammeReport, Run};
use session::{Record, SessionReport};
pub use words::Lang;

use crate::record::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum DebriefError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The template's or chart's own reason, in English.
    Render(String),
    Write {
        path: String,
        source: std::io::Error,
    },
}

impl crate::words::Explain for DebriefError {
    fn explain(&self, lang: Lang) -> String {
        match self {
            DebriefError::Store(e) => crate::words::Explain::explain(e, lang),
            DebriefError::Render(why) => crate::w!(lang, "error-report-render", why = why),
            DebriefError::Write { path, source } => {
                crate::w!(lang, "error-report-write", path = path, why = source.to_string())
            }
        }
    }
}

crate::english_display!(DebriefError);

/// The report of one stored session. `lang` defaults to the session's own.
pub fn session_report(store: &Store, id: &str, lang: Option<Lang>) -> Result<SessionReport, DebriefError> {
    let s = store.session(id)?;
    let lang = lang.unwrap_or_else(|| Lang::of(&s.lang));
    let events = store.events(id)?;
    let samples = store.samples(id)?;
    let scenario = store.scenario_of(id)?;
    let (goal, previous_goal) = goals_around(store, &s)?;
    let learned = store.learned(id)?;
    let modelled_before = match &s.participant {
        Some(code) => modelled_before(&store.sessions(Some(code))?, &s),
        None => 0,
    };
    let record = Record {
        session: &s,
        events: &events,
        samples: &samples,
        scenario: &scenario,
        goal,
        previous_goal,
        learned,
        modelled_before,
    };
    Ok(SessionReport::of(record, lang))
}

/// How many modelling runs of `s`'s scenario came before it among
/// `sessions` (one participant's, in order).
fn modelled_before(
    sessions: &[crate::record::store::SessionRow],
    s: &crate::record::store::SessionRow,
) -> usize {
    let modelling = crate::session::RunKind::Modelling.name();
    sessions
        .iter()
        .take_while(|x| x.id != s.id)
        .filter(|x| x.scenario == s.scenario && x.kind == modelling)
        .count()
}

/// This session's goal, and the one set at the participant's session before.
fn goals_around(
    store: &Store,
    s: &crate::record::store::SessionRow,
) -> Result<(Option<crate::record::store::GoalRow>, Option<crate::record::store::GoalRow>), DebriefError> {
    let goal = store.goal(&s.id)?;
    let Some(code) = &s.participant else { return Ok((goal, None)) };
    let sessions = store.sessions(Some(code))?;
    let before = sessions.iter().position(|x| x.id == s.id).and_then(|i| i.checked_sub(1));
    let previous = match before {
        Some(i) => store.goal(&sessions[i].id)?,
        None => None,
    };
    Ok((goal, previous))
}

pub fn session_html(store: &Store, id: &str, lang: Option<Lang>) -> Result<String, DebriefError> {
    html::session(&session_report(store, id, lang)?).map_err(DebriefError::Render)
}

/// The overview of one participant's programme. `lang` defaults to the
/// language of their newest session, else bokmål.
pub fn programme_report(
    store: &Store,
    code: &str,
    lang: Option<Lang>,
) -> Result<ProgrammeReport, DebriefError> {
    let code = store.participant(code)?;
    let sessions = store.sessions(Some(&code))?;
    // The newest session's language, else the one chosen for them.
    let chosen = store.participant_lang(&code)?;
    let lang =
        lang.unwrap_or_else(|| sessions.last().map(|s| Lang::of(&s.lang)).or(chosen).unwrap_or(Lang::Nb));
    let mut runs = Vec::new();
    for s in &sessions {
        let events = store.events(&s.id)?;
        let scenario = store.scenario_of(&s.id)?;
        // Behaviour samples are not read: the overview shows none, and a
        // programme holds many sessions.
        let record = Record {
            session: s,
            events: &events,
            samples: &[],
            scenario: &scenario,
            goal: None,
            previous_goal: None,
            learned: None,
            modelled_before: modelled_before(&sessions, s),
        };
        let levels = scenario.levels.len().min(usize::from(u8::MAX)) as u8;
        runs.push(Run {
            report: SessionReport::of(record, lang),
            levels,
            started_unix_ms: s.started_unix_ms,
        });
    }
    let rtw_se = store.rtw_se(&code)?;
    let expectations = store.rtw_expectations(&code)?;
    let goals = store.goals(&code)?;
    ProgrammeReport::of(&code, runs, &rtw_se, &expectations, &goals, lang).map_err(DebriefError::Render)
}

pub fn programme_html(store: &Store, code: &str, lang: Option<Lang>) -> Result<String, DebriefError> {
    html::programme(&programme_report(store, code, lang)?).map_err(DebriefError::Render)
}

/// Writes a report whole or not at all, private, replacing any report
/// at `path` only once the new one is complete
/// ([`crate::private_files::replace_whole`]).
pub fn write_report(path: &Path, html: &str) -> Result<(), DebriefError> {
    crate::private_files::replace_whole(path, |out| out.write_all(html.as_bytes()))
        .map_err(|source| DebriefError::Write { path: path.display().to_string(), source })
}
