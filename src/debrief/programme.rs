//! One participant's programme: every run in order, each scenario's
//! progress over its runs, RTW-SE and the expected time before returning
//! to work at the start and end, and the sub-goals.

use serde::Serialize;

use super::chart::RunPoint;
use super::session::{Point, SessionReport};
use super::words::{Ending, Lang};
use crate::record::rtw_expectation::{self, Expectation};
use crate::record::rtw_se::REFERENCE_MEAN;
use crate::record::store::GoalRow;
use crate::session::RunKind;
use crate::w;

#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeReport {
    pub lang: Lang,
    pub participant: String,
    pub runs: Vec<RunRow>,
    pub scenarios: Vec<ScenarioProgress>,
    pub rtw_se: Vec<RtwSeRow>,
    pub reference_mean: f64,
    pub reference_text: String,
    pub rtw_se_intro: String,
    /// The question of how long until return, and each answer to it.
    pub rtw_question: String,
    pub rtw_expectations: Vec<RtwExpectationRow>,
    pub goals: Vec<GoalView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RtwExpectationRow {
    pub date: String,
    pub label: Option<String>,
    /// The answer's code, and its words in the report's language.
    pub code: String,
    pub answer: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RunRow {
    pub n: usize,
    pub session: String,
    pub date: String,
    pub scenario: String,
    pub title: String,
    pub level_start: u8,
    pub level_end: u8,
    pub ending: Ending,
    pub ending_text: String,
    /// Practice, or a modelling run (watching the peer).
    pub kind: String,
    pub modelling: bool,
    pub peak_suds: Option<Point>,
    pub self_efficacy: Option<u8>,
    /// The events the run's figures come from.
    pub events: Vec<u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScenarioProgress {
    pub scenario: String,
    pub title: String,
    pub levels: u8,
    /// Run numbers (`RunRow::n`) of this scenario's runs, in order.
    pub runs: Vec<usize>,
    pub highest_level_completed: Option<u8>,
    pub chart: super::chart::Chart,
}

#[derive(Debug, Clone, Serialize)]
pub struct RtwSeRow {
    pub date: String,
    pub label: Option<String>,
    pub mean: f64,
    pub mean_text: String,
    /// At or above the reference mean.
    pub at_reference: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalView {
    pub text: String,
    pub session: String,
    pub set_after: String,
    pub status: String,
    pub done: Option<bool>,
}

/// A run as the overview reads it: its report (without behaviour
/// samples) and its scenario's number of levels.
pub struct Run {
    pub report: SessionReport,
    pub levels: u8,
    pub started_unix_ms: i64,
}

impl ProgrammeReport {
    pub fn of(
        participant: &str,
        runs: Vec<Run>,
        rtw_se: &[(i64, Option<String>, f64)],
        rtw_expectations: &[(i64, Option<String>, Expectation)],
        goals: &[GoalRow],
        lang: Lang,
    ) -> Result<ProgrammeReport, String> {
        let rows: Vec<RunRow> = runs
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let rep = &r.report;
                let peak = rep.peak_suds();
                let mut events: Vec<u64> = peak.iter().map(|p| p.seq).collect();
                events.extend(rep.mastery.iter().filter_map(|m| m.after.or(m.before)).map(|p| p.seq));
                events.extend(&rep.ending_events);
                RunRow {
                    n: i + 1,
                    session: rep.session.clone(),
                    date: lang.date(r.started_unix_ms),
                    scenario: rep.scenario.clone(),
                    title: rep.title.clone(),
                    level_start: rep.level_start,
                    level_end: rep.level_end,
                    ending: rep.ending,
                    ending_text: lang.ending_short(&rep.ending),
                    kind: match rep.kind {
                        RunKind::Practice => w!(lang, "debrief-practice"),
                        RunKind::Modelling => w!(lang, "debrief-modelling"),
                    },
                    modelling: rep.kind == RunKind::Modelling,
                    peak_suds: peak,
                    self_efficacy: rep.run_self_efficacy,
                    events,
                }
            })
            .collect();

        let mut scenarios: Vec<ScenarioProgress> = Vec::new();
        for (row, run) in rows.iter().zip(&runs) {
            match scenarios.iter_mut().find(|s| s.scenario == row.scenario) {
                Some(s) => s.runs.push(row.n),
                None => scenarios.push(ScenarioProgress {
                    scenario: row.scenario.clone(),
                    title: row.title.clone(),
                    levels: run.levels,
                    runs: vec![row.n],
                    highest_level_completed: None,
                    chart: Default::default(),
                }),
            }
        }
        for s in &mut scenarios {
            let points: Vec<RunPoint> = s
                .runs
                .iter()
                .map(|&n| {
                    let r = &rows[n - 1];
                    RunPoint {
                        peak_suds: r.peak_suds.map(|p| p.value),
                        self_efficacy: r.self_efficacy,
                        // Only the participant's own run completes a level.
                        level_completed: (r.ending == Ending::Completed && !r.modelling)
                            .then_some(r.level_end),
                    }
                })
                .collect();
            s.highest_level_completed = points.iter().filter_map(|p| p.level_completed).max();
            s.chart = super::chart::progression(&points, &s.runs, s.levels, lang)?;
        }

        let rtw_se = rtw_se
            .iter()
            .map(|(at, label, mean)| RtwSeRow {
                date: lang.date(*at),
                label: label.clone(),
                mean: *mean,
                mean_text: lang.decimal(*mean, 1),
                at_reference: *mean >= REFERENCE_MEAN,
            })
            .collect();
        let goals = goals
            .iter()
            .map(|g| {
                let set_after = rows
                    .iter()
                    .find(|r| r.session == g.session)
                    .map(|r| format!("{} ({})", r.title, r.date))
                    .unwrap_or_else(|| g.session.clone());
                GoalView {
                    text: g.text.clone(),
                    session: g.session.clone(),
                    set_after,
                    status: goal_status(lang, g.done),
                    done: g.done,
                }
            })
            .collect();
        Ok(ProgrammeReport {
            lang,
            participant: participant.to_string(),
            runs: rows,
            scenarios,
            rtw_se,
            reference_mean: REFERENCE_MEAN,
            reference_text: lang.decimal(REFERENCE_MEAN, 1),
            rtw_se_intro: lang.rtw_se_intro(REFERENCE_MEAN),
            rtw_question: rtw_expectation::question(lang),
            rtw_expectations: rtw_expectations
                .iter()
                .map(|(at, label, e)| RtwExpectationRow {
                    date: lang.date(*at),
                    label: label.clone(),
                    code: e.code().to_string(),
                    answer: e.words(lang),
                })
                .collect(),
            goals,
        })
    }
}

/// A goal's state in words.
pub fn goal_status(lang: Lang, done: Option<bool>) -> String {
    match done {
        Some(true) => w!(lang, "debrief-goal-done"),
        Some(false) => w!(lang, "debrief-goal-not-done"),
        None => w!(lang, "debrief-goal-not-reported"),
    }
}
