//! The start screen's state: who practises, which scenario, at which
//! level and in which language, and what the last run came to. The window
//! (`app::clinic`) draws it and sends `ClinicInput`s; every rule of the
//! start screen is here, so it is tested without a window.
//!
//! Nothing here starts a run: `Start` answers with a `RunRequest`, and the
//! shell hands that to a fresh `mestring run` process, so that no state of
//! one run (its journal, its sound, its headset session) can leak into the
//! next.

mod rtw_se;
mod scenarios;

use std::path::{Path, PathBuf};

pub use rtw_se::{RtwSeDraft, RtwSeWhen};
pub use scenarios::{Origin, ScenarioEntry, Status, find_scenarios};

use crate::progression::{self, Advice, Policy};
use crate::record::store::ParticipantRow;
use crate::record::{Store, StoreError};
use crate::w;
use crate::words::{Explain, Lang};

/// Everything the start screen shows.
pub struct Clinic {
    data_dir: PathBuf,
    /// Where the scenarios came from, to look again after a run.
    folders: Vec<(PathBuf, Origin)>,
    pub participants: Vec<ParticipantRow>,
    pub scenarios: Vec<ScenarioEntry>,
    pub choice: Choice,
    /// The proposal for the chosen participant and scenario, from their
    /// recorded runs; the clinician decides.
    pub proposal: Option<Advice>,
    /// The answer to the clinician's last action that needs one (a code
    /// refused and why, a participant added, a report written).
    pub notice: Option<Notice>,
    /// The run that was started and has not come back yet.
    pub running: Option<RunRequest>,
    /// What the last run came to, once it is back.
    pub last_run: Option<LastRun>,
    /// The clinician's language; the participant's is `choice.lang`.
    pub lang: Lang,
    /// The RTW-SE being filled in, while it is.
    pub rtw_se: Option<RtwSeDraft>,
    /// The chosen participant's RTW-SE scores: when, label, mean.
    pub rtw_se_taken: Vec<(i64, Option<String>, f64)>,
    /// The chosen participant's expectations of returning: when, label, answer.
    pub rtw_expectations_taken: Vec<(i64, Option<String>, crate::record::rtw_expectation::Expectation)>,
}

/// What the clinician has chosen so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choice {
    pub participant: Option<String>,
    /// An index into `scenarios`.
    pub scenario: Option<usize>,
    pub level: u8,
    /// The language the participant sees: one the scenario is written in.
    pub lang: Option<String>,
    pub modelling: bool,
}

/// What the buttons, fields and lists of the start screen send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClinicInput {
    AddParticipant(String),
    ChooseParticipant(String),
    /// By the scenario's file: a clinic's own may share a shipped one's id.
    ChooseScenario(PathBuf),
    SetLevel(u8),
    /// Set the level to the proposal's.
    TakeProposal,
    SetLanguage(String),
    SetModelling(bool),
    /// The clinician's own language.
    SetClinicianLanguage(Lang),
    Start,
    /// Write the last run's debrief report.
    WriteDebrief,
    /// Look at the files and the store again (a scenario edited meanwhile).
    Refresh,
    /// Open the RTW-SE for the chosen participant.
    OpenRtwSe,
    /// Item (1 to 11) and answer (1 to 6).
    AnswerRtwSe {
        item: usize,
        answer: u8,
    },
    SetRtwSeWhen(RtwSeWhen),
    /// The participant's expectation of returning to work.
    AnswerRtwExpectation(crate::record::rtw_expectation::Expectation),
    /// Store what is answered for the participant: the RTW-SE if all eleven
    /// items are, the expectation if it is; nothing while the RTW-SE is
    /// only partly answered.
    SaveRtwSe,
    /// Put the questionnaire away unstored.
    CloseRtwSe,
}

/// A line for the clinician, with whether it is a refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub refused: bool,
}

/// A run the clinician has asked for, with everything it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunRequest {
    pub scenario: PathBuf,
    pub scenario_id: String,
    pub participant: String,
    pub level: u8,
    pub lang: String,
    pub modelling: bool,
    pub seed: u64,
    /// When it was asked for (ms since the epoch): the run recorded for the
    /// participant after this is this run.
    pub asked_unix_ms: i64,
}

impl RunRequest {
    /// The arguments of the `mestring run` that carries it out: recorded,
    /// with the clinician's console shown and the data folder of the start
    /// screen.
    pub fn run_args(&self, data_dir: &Path) -> Vec<std::ffi::OsString> {
        let mut args: Vec<std::ffi::OsString> = vec![
            "--data-dir".into(),
            data_dir.into(),
            "run".into(),
            self.scenario.clone().into(),
            "--participant".into(),
            self.participant.clone().into(),
            "--level".into(),
            self.level.to_string().into(),
            "--lang".into(),
            self.lang.clone().into(),
            "--seed".into(),
            self.seed.to_string().into(),
            "--console".into(),
        ];
        if self.modelling {
            args.push("--modelling".into());
        }
        args
    }
}

/// The last run, as the start screen sums it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastRun {
    /// The recorded session, when one was recorded.
    pub session: Option<String>,
    /// One line per fact: scenario and level, length, how it ended.
    pub summary: Vec<String>,
    /// The debrief report, once written.
    pub report: Option<PathBuf>,
}

/// How the run's process ended, as the start screen is told it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunEnd {
    /// It exited by itself; `ok` when with status 0.
    Exited { ok: bool, detail: String },
    /// It could not be started at all.
    NotStarted(String),
}

impl Clinic {
    /// The start screen over the store in `data_dir` and the scenarios in
    /// `folders` (the shipped ones, then the clinic's own).
    pub fn open(data_dir: &Path, folders: Vec<(PathBuf, Origin)>, lang: Lang) -> Result<Clinic, StoreError> {
        let store = Store::open(data_dir)?;
        let participants = store.participants()?;
        let scenarios = find_scenarios(&folders);
        Ok(Clinic {
            data_dir: data_dir.to_path_buf(),
            folders,
            participants,
            scenarios,
            choice: Choice { level: 1, ..Choice::default() },
            proposal: None,
            notice: None,
            running: None,
            last_run: None,
            lang,
            rtw_se: None,
            rtw_se_taken: Vec::new(),
            rtw_expectations_taken: Vec::new(),
        })
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The folders scenarios are read from, and what each holds.
    pub fn folders(&self) -> &[(PathBuf, Origin)] {
        &self.folders
    }

    pub fn chosen_scenario(&self) -> Option<&ScenarioEntry> {
        self.choice.scenario.and_then(|i| self.scenarios.get(i))
    }

    /// What keeps Start from being pressed, if anything, in the
    /// clinician's words.
    pub fn not_ready(&self) -> Option<String> {
        let l = self.lang;
        if self.running.is_some() {
            return Some(w!(l, "clinic-not-ready-running"));
        }
        if self.choice.participant.is_none() {
            return Some(w!(l, "clinic-not-ready-participant"));
        }
        let Some(entry) = self.chosen_scenario() else { return Some(w!(l, "clinic-not-ready-scenario")) };
        match &entry.status {
            Status::Broken { .. } => Some(w!(l, "clinic-not-ready-broken", scenario = entry.name())),
            Status::Ready { .. } if self.choice.modelling && !entry.has_peer => {
                Some(w!(l, "clinic-not-ready-no-peer", scenario = entry.name()))
            }
            Status::Ready { .. } => None,
        }
    }

    /// Carries out one input. `now_unix_ms` stamps what it adds; `seed`
    /// is the seed a run started now would have.
    pub fn apply(&mut self, input: ClinicInput, now_unix_ms: i64, seed: u64) -> Option<RunRequest> {
        let l = self.lang;
        match input {
            ClinicInput::AddParticipant(raw) => {
                let added = Store::open(&self.data_dir).and_then(|s| s.add_participant(&raw, now_unix_ms));
                match added {
                    Ok(code) => {
                        self.notice = Some(Notice {
                            text: w!(l, "clinic-participant-added", code = code.as_str()),
                            refused: false,
                        });
                        self.reload_participants();
                        self.choose_participant(&code);
                    }
                    Err(e) => self.notice = Some(Notice { text: e.explain(l), refused: true }),
                }
            }
            ClinicInput::ChooseParticipant(code) => self.choose_participant(&code),
            ClinicInput::ChooseScenario(path) => {
                if let Some(i) = self.scenarios.iter().position(|s| s.path == path) {
                    self.choice.scenario = Some(i);
                    self.choice.lang = self.language_for(i);
                    self.choice.modelling &= self.scenarios[i].has_peer;
                    self.propose(true);
                }
            }
            ClinicInput::SetLevel(level) => {
                let levels = self.chosen_scenario().map_or(0, |s| s.levels.len());
                if (1..=levels).contains(&usize::from(level)) {
                    self.choice.level = level;
                }
            }
            ClinicInput::TakeProposal => {
                if let Some(advice) = &self.proposal {
                    self.choice.level = advice.next_level();
                }
            }
            ClinicInput::SetLanguage(lang) => {
                if self.chosen_scenario().is_some_and(|s| s.languages.contains(&lang)) {
                    self.choice.lang = Some(lang);
                }
            }
            ClinicInput::SetModelling(on) => {
                self.choice.modelling = on && self.chosen_scenario().is_some_and(|s| s.has_peer);
            }
            ClinicInput::SetClinicianLanguage(lang) => {
                self.lang = lang;
                if let Some(draft) = &mut self.rtw_se {
                    draft.read_in(&self.data_dir, lang);
                }
            }
            ClinicInput::Start => return self.start(now_unix_ms, seed),
            ClinicInput::WriteDebrief => self.write_debrief(),
            ClinicInput::Refresh => self.refresh(),
            ClinicInput::OpenRtwSe => self.open_rtw_se(),
            ClinicInput::AnswerRtwSe { item, answer } => {
                if let Some(draft) = &mut self.rtw_se {
                    draft.answer(item, answer);
                }
            }
            ClinicInput::SetRtwSeWhen(when) => {
                if let Some(draft) = &mut self.rtw_se {
                    draft.when = when;
                }
            }
            ClinicInput::AnswerRtwExpectation(answer) => {
                if let Some(draft) = &mut self.rtw_se {
                    draft.expectation = Some(answer);
                }
            }
            ClinicInput::SaveRtwSe => self.save_rtw_se(now_unix_ms),
            ClinicInput::CloseRtwSe => self.rtw_se = None,
        }
        None
    }

    fn start(&mut self, now_unix_ms: i64, seed: u64) -> Option<RunRequest> {
        if let Some(why) = self.not_ready() {
            self.notice = Some(Notice { text: why, refused: true });
            return None;
        }
        let entry = self.chosen_scenario()?;
        let request = RunRequest {
            scenario: entry.path.clone(),
            scenario_id: entry.id.clone(),
            participant: self.choice.participant.clone()?,
            level: self.choice.level,
            lang: self.choice.lang.clone().or_else(|| entry.languages.first().cloned())?,
            modelling: self.choice.modelling,
            seed,
            asked_unix_ms: now_unix_ms,
        };
        self.running = Some(request.clone());
        self.notice = None;
        self.last_run = None;
        Some(request)
    }

    /// The run asked for has come back: sums it up from the store, and
    /// looks at the participants and proposal again (the run changed both).
    pub fn run_ended(&mut self, end: RunEnd) {
        let Some(request) = self.running.take() else { return };
        let l = self.lang;
        let mut last = LastRun { session: None, summary: Vec::new(), report: None };
        if let RunEnd::NotStarted(why) = &end {
            self.notice =
                Some(Notice { text: w!(l, "clinic-run-not-started", why = why.as_str()), refused: true });
        }
        if let RunEnd::Exited { ok: false, detail } = &end {
            self.notice =
                Some(Notice { text: w!(l, "clinic-run-failed", why = detail.as_str()), refused: true });
        }
        match self.newest_session(&request) {
            Some(id) => {
                last.summary = self.summary_of(&id);
                last.session = Some(id);
            }
            None if matches!(end, RunEnd::Exited { .. }) => last.summary.push(w!(l, "clinic-run-unrecorded")),
            None => {}
        }
        self.last_run = Some(last);
        self.refresh();
    }

    /// The participant's newest session of the scenario begun since the
    /// request: the one that run recorded.
    fn newest_session(&self, request: &RunRequest) -> Option<String> {
        let store = Store::open(&self.data_dir).ok()?;
        let sessions = store.sessions(Some(&request.participant)).ok()?;
        sessions
            .into_iter()
            .filter(|s| {
                s.scenario == request.scenario_id && s.started_unix_ms >= request.asked_unix_ms - 1000
            })
            .max_by_key(|s| s.started_unix_ms)
            .map(|s| s.id)
    }

    /// A finished session in a few lines, in the clinician's language.
    fn summary_of(&self, id: &str) -> Vec<String> {
        let l = self.lang;
        let Ok(store) = Store::open(&self.data_dir) else { return Vec::new() };
        match crate::debrief::session_report(&store, id, Some(l)) {
            Ok(r) => {
                let levels = if r.level_start == r.level_end {
                    w!(l, "clinic-summary-level", level = r.level_start)
                } else {
                    w!(l, "clinic-summary-levels", from = r.level_start, to = r.level_end)
                };
                vec![
                    w!(l, "clinic-summary-what", title = r.title.as_str(), kind = r.kind_text.as_str()),
                    format!("{levels} · {}", r.duration),
                    r.ending_text.clone(),
                ]
            }
            Err(e) => vec![e.explain(l)],
        }
    }

    fn write_debrief(&mut self) {
        let l = self.lang;
        let Some(id) = self.last_run.as_ref().and_then(|r| r.session.clone()) else { return };
        let written = (|| -> Result<PathBuf, String> {
            let store = Store::open(&self.data_dir).map_err(|e| e.explain(l))?;
            // Read with the participant: in the session's language.
            let html = crate::debrief::session_html(&store, &id, None).map_err(|e| e.explain(l))?;
            let dir = self.data_dir.join("reports");
            crate::private_files::create_missing_dirs(&dir).map_err(|e| e.to_string())?;
            let path = dir.join(format!("{id}.html"));
            crate::debrief::write_report(&path, &html).map_err(|e| e.explain(l))?;
            Ok(path)
        })();
        match written {
            Ok(path) => {
                self.notice = Some(Notice {
                    text: w!(l, "clinic-report-written", path = path.display().to_string()),
                    refused: false,
                });
                if let Some(last) = &mut self.last_run {
                    last.report = Some(path);
                }
            }
            Err(why) => self.notice = Some(Notice { text: why, refused: true }),
        }
    }

    /// The questionnaire for the chosen participant, in the clinician's
    /// language; first taken is the programme's start, later ones its end
    /// until the clinician says otherwise.
    fn open_rtw_se(&mut self) {
        let Some(code) = self.choice.participant.clone() else {
            self.notice = Some(Notice { text: w!(self.lang, "clinic-not-ready-participant"), refused: true });
            return;
        };
        let when =
            if self.rtw_se_taken.is_empty() { RtwSeWhen::ProgrammeStart } else { RtwSeWhen::ProgrammeEnd };
        self.rtw_se = Some(RtwSeDraft::new(&code, &self.data_dir, self.lang, when));
    }

    fn save_rtw_se(&mut self, now_unix_ms: i64) {
        let l = self.lang;
        let Some(draft) = &self.rtw_se else { return };
        if draft.partly_answered() {
            let missing: Vec<String> = draft.missing().iter().map(usize::to_string).collect();
            self.notice = Some(Notice {
                text: w!(l, "clinic-rtw-se-missing", count = missing.len(), items = missing.join(", ")),
                refused: true,
            });
            return;
        }
        if !draft.can_store() {
            self.notice = Some(Notice { text: w!(l, "clinic-rtw-nothing"), refused: true });
            return;
        }
        let label = draft.when.label(l);
        let label = (!label.is_empty()).then_some(label);
        let store = match Store::open(&self.data_dir) {
            Ok(store) => store,
            Err(e) => {
                self.notice = Some(Notice { text: e.explain(l), refused: true });
                return;
            }
        };
        let code = draft.participant.clone();
        let code = code.as_str();
        let mut said = Vec::new();
        if let Some(answers) = draft.complete() {
            match store.add_rtw_se(code, label.as_deref(), &answers, now_unix_ms) {
                Ok(mean) => said.push(w!(
                    l,
                    "clinic-rtw-se-stored",
                    code = code,
                    mean = l.decimal(mean, 2),
                    reference = l.decimal(crate::record::rtw_se::REFERENCE_MEAN, 1)
                )),
                Err(e) => {
                    self.notice = Some(Notice { text: e.explain(l), refused: true });
                    return;
                }
            }
        }
        let expectation = draft.expectation;
        if let Some(draft) = &mut self.rtw_se {
            // Stored: a second try after the expectation fails must not
            // store the RTW-SE again.
            draft.answers = Default::default();
        }
        if let Some(answer) = expectation {
            if let Err(e) = store.add_rtw_expectation(code, label.as_deref(), answer, now_unix_ms) {
                // The RTW-SE, if any, is stored: say so beside the failure.
                said.push(e.explain(l));
                self.notice = Some(Notice { text: said.join(" "), refused: true });
                self.reload_rtw_se_taken();
                return;
            }
            said.push(w!(l, "clinic-rtw-expect-stored", code = code, answer = answer.words(l)));
        }
        self.notice = Some(Notice { text: said.join(" "), refused: false });
        self.rtw_se = None;
        self.reload_rtw_se_taken();
    }

    fn reload_rtw_se_taken(&mut self) {
        let store =
            self.choice.participant.as_ref().and_then(|code| Some((Store::open(&self.data_dir).ok()?, code)));
        let Some((store, code)) = store else {
            self.rtw_se_taken = Vec::new();
            self.rtw_expectations_taken = Vec::new();
            return;
        };
        self.rtw_se_taken = store.rtw_se(code).unwrap_or_default();
        self.rtw_expectations_taken = store.rtw_expectations(code).unwrap_or_default();
    }

    fn refresh(&mut self) {
        let chosen = self.chosen_scenario().map(|s| s.path.clone());
        self.scenarios = find_scenarios(&self.folders);
        self.choice.scenario = chosen.and_then(|p| self.scenarios.iter().position(|s| s.path == p));
        self.reload_participants();
        self.propose(false);
    }

    fn reload_participants(&mut self) {
        if let Ok(rows) = Store::open(&self.data_dir).and_then(|s| s.participants()) {
            self.participants = rows;
        }
    }

    fn choose_participant(&mut self, code: &str) {
        if let Some(p) = self.participants.iter().find(|p| p.code == code) {
            if self.choice.participant.as_deref() != Some(p.code.as_str()) {
                // Another participant's answers are not these.
                self.rtw_se = None;
            }
            self.choice.participant = Some(p.code.clone());
            if let Some(i) = self.choice.scenario {
                self.choice.lang = self.language_for(i);
            }
            self.propose(true);
            self.reload_rtw_se_taken();
        }
    }

    /// The participant's own language where the scenario has it, else the
    /// scenario's first.
    fn language_for(&self, scenario: usize) -> Option<String> {
        let entry = self.scenarios.get(scenario)?;
        let reads = self
            .choice
            .participant
            .as_ref()
            .and_then(|code| self.participants.iter().find(|p| &p.code == code))
            .and_then(|p| p.lang)
            .map(|l| l.code().to_string());
        reads.filter(|r| entry.languages.contains(r)).or_else(|| entry.languages.first().cloned())
    }

    /// The proposal for the chosen participant and scenario, from where
    /// their newest run of it ended (level 1 before any). With `jump` (a
    /// new choice of who or what) the level moves to the proposed one; the
    /// clinician may set another.
    fn propose(&mut self, jump: bool) {
        self.proposal = None;
        let (Some(code), Some(entry)) = (self.choice.participant.clone(), self.chosen_scenario()) else {
            return;
        };
        let Some(scenario) = entry.scenario.as_ref() else { return };
        let Ok(runs) = Store::open(&self.data_dir).and_then(|s| s.past_runs(&code, &scenario.id)) else {
            return;
        };
        let levels = scenario.levels.len();
        let newest = runs.last().map_or(1, |r| r.level);
        let advice = progression::propose(&Policy::of(scenario), newest, levels, &runs);
        if matches!(advice.reason, progression::Reason::NoSuchLevel { .. }) {
            // A level the scenario no longer has: start from the top one.
            if jump {
                self.choice.level = (levels as u8).max(1);
            }
            return;
        }
        if jump {
            self.choice.level = advice.next_level();
        }
        self.proposal = Some(advice);
    }
}
