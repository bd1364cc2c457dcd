//! One session's debrief, worked out from its stored record: what the
//! report shows, as figures that each name the events they came from (by
//! the events' `seq`), before any of it is drawn or written.

use serde::Serialize;

use super::words::{Ending, Lang, MarkKind, Missing, Moment, clock};
use crate::progression::RunRatings;
use crate::record::export::gaze_summary;
use crate::record::journal::{HeadSource, JournalRecord};
use crate::record::rows::EventRow;
use crate::record::store::{GoalRow, SampleRow, SessionRow};
use crate::scenario::{ChoiceTag, EfficacySource, RatingKind, RatingWhen, Scenario};
use crate::session::{Actor, EndReason, Input, Millis, Output, RatingAnswer, RunKind};
use crate::w;

#[derive(Debug, Clone, Serialize)]
pub struct SessionReport {
    pub lang: Lang,
    pub session: String,
    pub participant: Option<String>,
    pub scenario: String,
    pub title: String,
    pub date: String,
    pub level_start: u8,
    pub level_end: u8,
    pub duration_ms: Millis,
    pub duration: String,
    /// Headset, desktop window or terminal, in the report's language.
    pub shown_in: String,
    /// A practice run, or a modelling run (the peer gave the answers).
    pub kind: RunKind,
    pub kind_text: String,
    pub ending: Ending,
    pub ending_text: String,
    /// The events that say how it ended (the `ended` event, if any).
    pub ending_events: Vec<u64>,
    pub missing: Vec<String>,
    pub timeline: Timeline,
    pub expectancies: Vec<Expectancy>,
    pub looking: Vec<Looking>,
    pub gaze_away: Vec<Episode>,
    pub gaze_away_text: Option<String>,
    pub choices: Vec<ChoiceMade>,
    pub silences: Vec<Silence>,
    pub mastery: Vec<MasteryRow>,
    pub calming: Vec<CalmingPause>,
    /// The VR sickness ratings (FMS), where any was given.
    pub cybersickness: Option<Sickness>,
    /// The run's self-efficacy as the progression policy reads it.
    pub run_self_efficacy: Option<u8>,
    pub reflection: Vec<SourceGroup>,
    pub goal: Option<GoalRow>,
    /// The goal set at the participant's previous session (any scenario).
    pub previous_goal: Option<GoalRow>,
    /// What the participant said they learned, as noted at the debrief.
    pub learned: Option<String>,
    /// The participant's modelling runs of this scenario before this run.
    pub modelled_before: usize,
}

/// A rating at a time, with the event it came from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    pub at: Millis,
    pub value: u8,
    pub seq: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Series {
    pub label: String,
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Mark {
    pub at: Millis,
    pub clock: String,
    pub text: String,
    /// The rating's value for rating marks.
    pub value: Option<u8>,
    pub kind: MarkKind,
    pub seq: u64,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Span {
    pub from: Millis,
    pub to: Millis,
    pub by_participant: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    pub suds: Series,
    pub self_efficacy: Vec<Series>,
    /// Everything on the time axis, in order, ratings included.
    pub marks: Vec<Mark>,
    pub pauses: Vec<Span>,
    pub end: Millis,
}

#[derive(Debug, Clone, Serialize)]
pub struct Expectancy {
    /// The feared outcome's id, and its text as the participant read it.
    pub id: String,
    pub outcome: String,
    pub before: Option<Point>,
    pub happened: Option<bool>,
    pub after: Option<Point>,
    /// Whether the report says what the record shows: the author gave
    /// signs of the outcome, and one came or the run went to its end.
    pub signed: bool,
    /// The first sign in the record, if one came.
    pub seen: Option<Seen>,
    pub sentence: String,
}

/// When the record shows a feared outcome happening.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Seen {
    pub at: Millis,
    pub seq: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Looking {
    pub name: String,
    /// Shares 0..1.
    pub present: Option<f64>,
    pub speaking: Option<f64>,
    pub sentence: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Episode {
    pub at: Millis,
    pub clock: String,
    pub length_ms: Millis,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChoiceMade {
    pub at: Millis,
    pub clock: String,
    /// 1-based, as shown.
    pub option: usize,
    pub text: String,
    pub latency_ms: Millis,
    pub tags: Vec<String>,
    pub seq: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Silence {
    pub at: Millis,
    pub clock: String,
    pub after_ms: Millis,
    pub seq: u64,
}

/// The run's VR sickness ratings (FMS, 0 to 20): how many were given and
/// the highest. Kept off the chart, whose scale is 0 to 100, and said in a
/// sentence beside it, since a clinician looks for it first when a run
/// went badly in the headset.
#[derive(Debug, Clone, Serialize)]
pub struct Sickness {
    pub asked: usize,
    pub peak: Point,
    pub sentence: String,
}

/// A calming pause, with the SUDS asked before and after its breathing.
#[derive(Debug, Clone, Serialize)]
pub struct CalmingPause {
    pub at: Millis,
    pub clock: String,
    pub by_participant: bool,
    pub before: Option<Point>,
    pub after: Option<Point>,
    /// Whether the breathing was taken to its last breath; `None` where
    /// none began (the pause was let go at its first SUDS, or cut short).
    pub all_breaths: Option<bool>,
    pub seq: u64,
    pub sentence: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MasteryRow {
    pub statement: String,
    pub before: Option<Point>,
    pub after: Option<Point>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceGroup {
    pub source: EfficacySource,
    pub heading: String,
    pub questions: Vec<String>,
    pub moments: Vec<String>,
    pub events: Vec<u64>,
}

/// What one session's stored record holds, as the report reads it.
pub struct Record<'a> {
    pub session: &'a SessionRow,
    pub events: &'a [EventRow],
    pub samples: &'a [SampleRow],
    pub scenario: &'a Scenario,
    pub goal: Option<GoalRow>,
    pub previous_goal: Option<GoalRow>,
    pub learned: Option<String>,
    pub modelled_before: usize,
}

impl SessionReport {
    pub fn of(record: Record, lang: Lang) -> SessionReport {
        let Record { session: s, events, samples, scenario, goal, previous_goal, learned, modelled_before } =
            record;
        let kind = RunKind::from_name(&s.kind).unwrap_or_default();
        let peer = scenario.peer.as_ref().map_or_else(String::new, |p| p.name.clone());
        let kind_text = match kind {
            RunKind::Practice => w!(lang, "run-practice"),
            RunKind::Modelling => w!(lang, "run-modelling", peer = peer.as_str()),
        };
        let vicarious = match kind {
            RunKind::Modelling => Moment::Watched { peer: peer.clone(), level: s.level as u8 },
            RunKind::Practice if modelled_before > 0 => Moment::ModelledBefore(modelled_before),
            RunKind::Practice => Moment::NoModelling,
        };
        let code = lang.code();
        let records: Vec<(u64, JournalRecord)> =
            events.iter().filter_map(|e| Some((e.seq, serde_json::from_str(&e.detail).ok()?))).collect();

        let mut suds = Series { label: w!(lang, "debrief-suds"), points: Vec::new() };
        let mut sickness: Vec<Point> = Vec::new();
        let mut self_efficacy: Vec<(String, Series)> = Vec::new();
        let mut marks = Vec::new();
        let mut pauses = Vec::new();
        let mut paused_at: Option<(Millis, bool)> = None;
        let mut expectancies: Vec<(String, Expectancy)> = Vec::new();
        let mut seen_outcomes: Vec<(String, Seen)> = Vec::new();
        let mut choices = Vec::new();
        let mut silences = Vec::new();
        let mut calming: Vec<CalmingPause> = Vec::new();
        // The calming pause under way, and whether its breathing has begun
        // (which makes its next SUDS the one after).
        let mut calming_now: Option<bool> = None;
        let mut ended: Option<(Millis, u64, EndReason)> = None;
        // When the run itself ended and the calm phase after it began.
        let mut calm_from: Option<Millis> = None;
        let mut level_end = s.level as u8;
        let mut end = s.duration_ms.max(0) as Millis;
        // Notes typed after their marker: (the marker's time, the note).
        let mut noted: Vec<(Millis, String)> = Vec::new();
        let mut mark = |at: Millis, kind: MarkKind, value: Option<u8>, seq: u64| {
            marks.push(Mark { at, clock: clock(at), text: lang.mark(&kind), value, kind, seq });
        };
        // A reload during the run may have moved the beats: each choice is
        // read in the version of the scenario in force when it was made.
        let mut versions = crate::record::rows::Versions::new(scenario.clone());
        for (seq, r) in &records {
            let seq = *seq;
            versions.follow(r);
            match r {
                JournalRecord::Output { at, output, .. } => match output {
                    Output::Rated { rating, answer, .. } => {
                        let (value, happened) = match answer {
                            RatingAnswer::Scale(v) => (*v, None),
                            RatingAnswer::Review { happened, likelihood } => (*likelihood, Some(*happened)),
                        };
                        let point = Point { at: *at, value, seq };
                        match rating {
                            RatingKind::Suds => {
                                if let (Some(breathed), Some(c)) = (calming_now, calming.last_mut()) {
                                    if breathed { c.after = Some(point) } else { c.before = Some(point) }
                                }
                                suds.points.push(point);
                                mark(*at, MarkKind::Suds, Some(value), seq);
                            }
                            RatingKind::SelfEfficacy(id) => {
                                let series = entry(&mut self_efficacy, id, || Series {
                                    label: versions.current().statement_text(id, code).to_string(),
                                    points: Vec::new(),
                                });
                                series.points.push(point);
                                let kind = MarkKind::SelfEfficacy(series.label.clone());
                                mark(*at, kind, Some(value), seq);
                            }
                            RatingKind::Expectancy(id) | RatingKind::ExpectancyReview(id) => {
                                let e = entry(&mut expectancies, id, || Expectancy {
                                    id: id.clone(),
                                    outcome: versions.current().outcome_text(id, code).to_string(),
                                    before: None,
                                    happened: None,
                                    after: None,
                                    signed: false,
                                    seen: None,
                                    sentence: String::new(),
                                });
                                if matches!(rating, RatingKind::Expectancy(_)) {
                                    // Asked again: the first answer is the expectation held before.
                                    e.before.get_or_insert(point);
                                } else {
                                    e.after = Some(point);
                                    e.happened = happened;
                                }
                            }
                            RatingKind::Cybersickness => {
                                sickness.push(point);
                                mark(*at, MarkKind::Cybersickness, Some(value), seq);
                            }
                        }
                    }
                    Output::CueStarted { cue, .. } => mark(*at, MarkKind::Cue(*cue), None, seq),
                    Output::LevelChanged { from, to } => {
                        level_end = *to;
                        mark(*at, MarkKind::Level { from: *from, to: *to }, None, seq);
                    }
                    Output::Chosen { beat, option, latency, .. } => {
                        let shown = versions.current().option(*beat, *option);
                        let text = shown.map(|o| o.text.show(code).to_string()).unwrap_or_default();
                        let tags = shown
                            .map(|o| o.tags.iter().map(|t| t.name().to_string()).collect())
                            .unwrap_or_default();
                        mark(*at, MarkKind::Choice(text.clone()), None, seq);
                        choices.push(ChoiceMade {
                            at: *at,
                            clock: clock(*at),
                            option: option + 1,
                            text,
                            latency_ms: *latency,
                            tags,
                            seq,
                        });
                    }
                    Output::SilenceTaken { after, .. } => {
                        mark(*at, MarkKind::Silence, None, seq);
                        silences.push(Silence { at: *at, clock: clock(*at), after_ms: *after, seq });
                    }
                    Output::Paused { by } => {
                        paused_at = Some((*at, *by == Actor::Participant));
                        mark(*at, MarkKind::Paused { by_participant: *by == Actor::Participant }, None, seq);
                    }
                    Output::Resumed { .. } => {
                        if let Some((from, by_participant)) = paused_at.take() {
                            pauses.push(Span { from, to: *at, by_participant });
                        }
                        mark(*at, MarkKind::Resumed, None, seq);
                    }
                    Output::Marker { note } => mark(*at, MarkKind::Marker(note.clone()), None, seq),
                    Output::MarkerNoted { marker, note } => noted.push((*marker, note.clone())),
                    Output::RatingSkipped { rating, .. } => {
                        let rating = crate::words::names::rating_in(lang, rating, versions.current());
                        mark(*at, MarkKind::Skipped(rating), None, seq)
                    }
                    Output::CalmingStarted { by } => {
                        let by_participant = *by == Actor::Participant;
                        calming_now = Some(false);
                        calming.push(CalmingPause {
                            at: *at,
                            clock: clock(*at),
                            by_participant,
                            before: None,
                            after: None,
                            all_breaths: None,
                            seq,
                            sentence: String::new(),
                        });
                        mark(*at, MarkKind::Calming { by_participant }, None, seq);
                    }
                    Output::BreathingStarted { .. } => calming_now = Some(true),
                    Output::BreathingEnded { completed } => {
                        if let Some(c) = calming.last_mut() {
                            c.all_breaths = Some(*completed);
                        }
                    }
                    Output::CalmingEnded => calming_now = None,
                    Output::RecoveryStarted { .. } => calm_from = Some(*at),
                    Output::OutcomeHappened { outcome, .. } => {
                        if let Some(o) = versions.current().feared_outcomes.get(*outcome) {
                            seen_outcomes.push((o.id.clone(), Seen { at: *at, seq }));
                        }
                    }
                    Output::Ended { reason } => {
                        end = end.max(*at);
                        ended = Some((*at, seq, reason.clone()));
                        mark(*at, MarkKind::End, None, seq);
                    }
                    _ => {}
                },
                // A marker is an input that the session echoes as an
                // output; the output is the one kept on the timeline.
                JournalRecord::Input { input: Input::Marker { .. }, .. } => {}
                _ => {}
            }
        }
        // A marker shows its note where it was dropped, at the moment that
        // mattered, not when the note was typed.
        for (at, note) in noted {
            if let Some(m) =
                marks.iter_mut().rev().find(|m| m.at == at && matches!(m.kind, MarkKind::Marker(_)))
            {
                let MarkKind::Marker(text) = &mut m.kind else { continue };
                *text = if text.trim().is_empty() { note } else { format!("{text} — {note}") };
                m.text = lang.mark(&m.kind);
            }
        }

        let ending = match (&ended, s.status.as_str()) {
            (Some((_, _, EndReason::Completed { .. })), _) => Ending::Completed,
            (Some((_, _, EndReason::Stopped { by: Actor::Participant })), _) => Ending::StoppedByParticipant,
            (Some((_, _, EndReason::Stopped { by: Actor::Clinician })), _) => Ending::StoppedByClinician,
            (Some((_, _, EndReason::ScenarioFault)), _) => Ending::ScenarioFault,
            (None, _) => Ending::Interrupted,
        };
        let ended_at = ended.as_ref().map_or(end, |(at, _, _)| *at);
        // A pause still open when the session ended lasts to its end.
        if let Some((from, by_participant)) = paused_at {
            pauses.push(Span { from, to: ended_at.max(from), by_participant });
        }
        // The run ended where the calm phase began; its last SUDS comes after.
        let run_end = calm_from.unwrap_or(ended_at);
        let suds_then = suds.points.iter().rev().find(|p| p.at <= run_end).map(|p| p.value);
        let after_calm =
            calm_from.and_then(|from| suds.points.iter().rev().find(|p| p.at > from)).map(|p| p.value);
        let ending_text = lang.ending(&ending, run_end, suds_then, after_calm);

        let mut missing = Vec::new();
        if suds.points.is_empty() && self_efficacy.is_empty() {
            missing.push(lang.missing(Missing::NoRatings));
        }
        if samples.is_empty() {
            let why = if s.head_from.is_none() { Missing::NoSamples } else { Missing::NoSamplesRecorded };
            missing.push(lang.missing(why));
        }
        if s.status == "interrupted" {
            missing.push(lang.missing(Missing::Interrupted));
        }
        if s.damaged_tail.is_some() {
            missing.push(lang.missing(Missing::Damaged));
        }

        // Looking: only where there are samples to measure it from.
        let (looking, gaze_away, gaze_away_text) = if samples.is_empty() {
            (Vec::new(), Vec::new(), None)
        } else {
            let g = gaze_summary(events, samples, Some(scenario));
            let looking = scenario
                .cast
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let speaking = g.while_speaking.get(i).copied().flatten();
                    Looking {
                        // Someone on the phone is named so: their eye
                        // contact is not measured, not zero.
                        name: crate::words::names::speaker(lang, c),
                        present: g.eye_contact.get(i).copied().flatten(),
                        speaking,
                        sentence: speaking.map(|share| lang.gaze_sentence(&c.name, share)),
                    }
                })
                .collect::<Vec<_>>();
            let episodes: Vec<Episode> = g
                .gaze_away
                .iter()
                .map(|&(at, length_ms)| Episode { at, clock: clock(at), length_ms })
                .collect();
            let longest = episodes.iter().map(|e| e.length_ms).max().unwrap_or(0);
            let text = lang.gaze_away(episodes.len(), longest);
            (looking, episodes, Some(text))
        };

        // "Before" is a rating the schedule asks at the start; every later
        // one is during or after the exposure, and the last is "after". A
        // statement asked only at the end has no "before".
        let mastery = self_efficacy
            .iter()
            .map(|(id, series)| {
                let asked_at_start = scenario.ratings.schedule.iter().any(|a| {
                    a.when == RatingWhen::AtStart && a.rating == RatingKind::SelfEfficacy(id.clone())
                });
                let before = series.points.first().copied().filter(|_| asked_at_start);
                let after = match (before, series.points.last()) {
                    (Some(b), Some(last)) if last.seq == b.seq => None,
                    (_, last) => last.copied(),
                };
                MasteryRow { statement: series.label.clone(), before, after }
            })
            .collect();

        let expectancies = expectancies
            .into_iter()
            .map(|(id, mut e)| {
                // Only an outcome with signs can be looked for in the
                // record, and "no sign of it" only said of a whole run.
                let completed = matches!(ended, Some((_, _, EndReason::Completed { .. })));
                let has_signs = scenario.feared_outcomes.iter().any(|o| o.id == id && !o.happens.is_empty());
                e.seen = seen_outcomes.iter().find(|(o, _)| *o == id).map(|(_, s)| *s).filter(|_| has_signs);
                let signed = e.seen.is_some() || (has_signs && completed);
                e.signed = signed;
                e.sentence = lang.expectancy(
                    &e.outcome,
                    e.before.map(|p| p.value),
                    e.happened.zip(e.after.map(|p| p.value)),
                    signed.then_some(e.seen.map(|s| s.at)),
                );
                e
            })
            .collect();

        // The progression policy's own reduction, so the overview and the
        // level proposals read a run alike.
        let mut run_ratings = RunRatings::default();
        for (id, series) in &self_efficacy {
            for p in &series.points {
                run_ratings.rated_kind(&RatingKind::SelfEfficacy(id.clone()), &RatingAnswer::Scale(p.value));
            }
        }
        let run_self_efficacy = run_ratings.self_efficacy();

        for c in &mut calming {
            c.sentence = lang.moment(&Moment::Calming {
                at: c.at,
                before: c.before.map(|p| p.value),
                after: c.after.map(|p| p.value),
            });
        }
        let reflection = reflection(
            lang, scenario, &suds, &choices, &marks, &looking, &pauses, &calming, &vicarious, ending, &ended,
        );

        SessionReport {
            lang,
            session: s.id.clone(),
            participant: s.participant.clone(),
            scenario: s.scenario.clone(),
            title: scenario.title.show(code).to_string(),
            date: lang.date_time(s.started_unix_ms),
            level_start: s.level as u8,
            level_end,
            duration_ms: end,
            duration: lang.duration(end),
            shown_in: shown_in(lang, s.head_from.as_deref()),
            kind,
            kind_text,
            ending,
            ending_text,
            ending_events: ended.as_ref().map(|(_, seq, _)| vec![*seq]).unwrap_or_default(),
            missing,
            timeline: Timeline {
                suds,
                self_efficacy: self_efficacy.into_iter().map(|(_, s)| s).collect(),
                marks,
                pauses,
                end,
            },
            expectancies,
            looking,
            gaze_away,
            gaze_away_text,
            choices,
            silences,
            mastery,
            calming,
            cybersickness: peak(&sickness).map(|peak| Sickness {
                asked: sickness.len(),
                peak,
                sentence: lang.cybersickness(sickness.len(), peak.at, peak.value),
            }),
            run_self_efficacy,
            reflection,
            goal,
            previous_goal,
            learned,
            modelled_before,
        }
    }

    /// The highest SUDS of the session and when, if any was given.
    pub fn peak_suds(&self) -> Option<Point> {
        peak(&self.timeline.suds.points)
    }
}

/// Where the session was shown, from what its head samples are: the
/// store's `shown_in` is the shell's own English note, for the record.
fn shown_in(lang: Lang, head_from: Option<&str>) -> String {
    match head_from {
        Some(h) if h == HeadSource::Headset.name() => w!(lang, "debrief-in-headset"),
        Some(_) => w!(lang, "debrief-in-window"),
        None => w!(lang, "debrief-terminal"),
    }
}

/// The value kept under `id`, made by `new` the first time: statements
/// and outcomes in the order the session first rated them.
fn entry<'a, T>(list: &'a mut Vec<(String, T)>, id: &str, new: impl FnOnce() -> T) -> &'a mut T {
    let i = match list.iter().position(|(k, _)| k == id) {
        Some(i) => i,
        None => {
            list.push((id.to_string(), new()));
            list.len() - 1
        }
    };
    &mut list[i].1
}

/// The first of the highest values.
fn peak(points: &[Point]) -> Option<Point> {
    points.iter().copied().fold(None, |best: Option<Point>, p| match best {
        Some(b) if b.value >= p.value => Some(b),
        _ => Some(p),
    })
}

/// The scenario's debrief questions by source, each beside what the
/// record says about that source.
#[allow(clippy::too_many_arguments)]
fn reflection(
    lang: Lang,
    scenario: &Scenario,
    suds: &Series,
    choices: &[ChoiceMade],
    marks: &[Mark],
    looking: &[Looking],
    pauses: &[Span],
    calming: &[CalmingPause],
    vicarious: &Moment,
    ending: Ending,
    ended: &Option<(Millis, u64, EndReason)>,
) -> Vec<SourceGroup> {
    let sources = [
        EfficacySource::Mastery,
        EfficacySource::Vicarious,
        EfficacySource::Feedback,
        EfficacySource::Physiological,
    ];
    sources
        .into_iter()
        .map(|source| {
            let questions: Vec<String> = scenario
                .debrief
                .iter()
                .filter(|q| q.source == source)
                .map(|q| q.text.show(lang.code()).to_string())
                .collect();
            let mut moments = Vec::new();
            let mut events = Vec::new();
            match source {
                EfficacySource::Mastery => {
                    let shown: Vec<&ChoiceMade> = choices
                        .iter()
                        .filter(|c| {
                            c.tags.iter().any(|t| ChoiceTag::from_name(t).is_some_and(ChoiceTag::is_approach))
                        })
                        .collect();
                    if !choices.is_empty() {
                        moments
                            .push(lang.moment(&Moment::Choices { shown: shown.len(), total: choices.len() }));
                        events.extend(choices.iter().map(|c| c.seq));
                    }
                    moments.push(lang.moment(&Moment::Ended(ending)));
                    events.extend(ended.as_ref().map(|(_, seq, _)| *seq));
                }
                EfficacySource::Vicarious => moments.push(lang.moment(vicarious)),
                EfficacySource::Feedback => {
                    for l in looking {
                        if let Some(share) = l.speaking {
                            moments.push(lang.moment(&Moment::Looked { name: l.name.clone(), share }));
                        }
                    }
                    for m in marks {
                        if let MarkKind::Marker(note) = &m.kind {
                            moments.push(lang.moment(&Moment::Marker { at: m.at, note: note.clone() }));
                            events.push(m.seq);
                        }
                    }
                }
                EfficacySource::Physiological => {
                    if let Some(p) = peak(&suds.points) {
                        let after = suds.points.iter().find(|q| q.at > p.at).copied();
                        moments.push(lang.moment(&Moment::Peak {
                            at: p.at,
                            value: p.value,
                            after: after.map(|a| (a.at, a.value)),
                        }));
                        events.push(p.seq);
                        events.extend(after.map(|a| a.seq));
                    }
                    // Bringing one's own body down is this source's own
                    // experience: each calming pause, with its SUDS.
                    for c in calming {
                        moments.push(c.sentence.clone());
                        events.push(c.seq);
                    }
                    let own = pauses.iter().filter(|p| p.by_participant).count();
                    if own > 0 {
                        moments.push(lang.moment(&Moment::Pauses(own)));
                    }
                    if own < pauses.len() {
                        moments.push(lang.moment(&Moment::ClinicianPauses(pauses.len() - own)));
                    }
                }
            }
            SourceGroup { source, heading: lang.source(source), questions, moments, events }
        })
        .collect()
}
