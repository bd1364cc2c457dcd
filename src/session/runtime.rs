//! The session state machine: one scenario at one exposure level.
//!
//! Time only ever comes in with an input; nothing here reads a clock. Two
//! clocks are kept: the session clock (everything, pauses included), which
//! stamps every output, and active time (pauses excluded), which drives the
//! scenario's own timers so that a paused session truly stands still.
//!
//! Why one file of about 1,000 lines: one state machine whose steps share
//! private state (the cursor, both clocks, queued ratings, active cues);
//! split, its invariants would be spread over files that each need all of
//! it. The two kinds of step that stand apart, the calming pause and the
//! modelling peer's answers, live beside it (`calming`, `modelling`) as
//! further `impl Session` blocks on the same state.

use std::collections::VecDeque;
use std::sync::Arc;

use super::cast::{behaviour_at, is_present, level_def};
use super::io::*;
use super::rng::SessionRng;
use crate::scenario::resolved::{attitude_slot, speaking_millis, to_millis};
use crate::scenario::{Beat, RatingKind, RatingWhen, Scenario, Sign, StressCue, branch_ways, model_answer};

mod calming;
mod modelling;
mod reload;

use calming::{Calming, CalmingPause};
use modelling::PEER_THINK_MILLIS;
pub use modelling::RunKind;
use reload::NewVersion;
pub use reload::{Incompatible, version_of};

/// Upper bound on beats entered in one step without waiting. A checked
/// scenario never comes near it; an unchecked one with an instant loop
/// ends with a fault instead of hanging the frame.
const MAX_INSTANT_BEATS: usize = 10_000;

/// Mixed into the seed for the stream that orders options.
const ORDER_STREAM: u64 = 0x6f70_7469_6f6e_7321;
/// Mixed into the seed for the stream that draws Branch routes by chance.
const ROUTE_STREAM: u64 = 0x726f_7574_6573_2121;

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    NoSuchLevel {
        level: u8,
        max: usize,
    },
    NoStartBeat(String),
    /// A modelling run of a scenario that has no peer.
    NoPeer(String),
}

impl crate::words::Explain for SessionError {
    fn explain(&self, lang: crate::words::Lang) -> String {
        match self {
            SessionError::NoSuchLevel { level, max } => {
                crate::w!(lang, "error-no-such-level", level = *level, max = *max)
            }
            SessionError::NoStartBeat(beat) => crate::w!(lang, "error-no-start-beat", beat = beat),
            SessionError::NoPeer(id) => crate::w!(lang, "error-no-peer", scenario = id),
        }
    }
}

crate::english_display!(SessionError);

/// Where the flow stands.
#[derive(Debug, Clone, PartialEq)]
enum Cursor {
    /// About to enter this beat (after any queued ratings).
    Enter(usize),
    Speaking {
        beat: usize,
        until: Millis,
    },
    Silent {
        beat: usize,
        until: Millis,
    },
    Choosing(Choosing),
    /// A modelling run's peer says the option they chose, until `until`.
    PeerAnswering {
        beat: usize,
        option: usize,
        until: Millis,
    },
    /// Asking queued ratings (those at the end) before the calm phase.
    Ending {
        reason: EndReason,
    },
    /// The calm phase: nobody in the room, no cues, until `until` (active
    /// time); no run ends on a distress peak.
    Recovering {
        reason: EndReason,
        until: Millis,
    },
    /// Asking the last SUDS, after the calm phase, before the end.
    Closing {
        reason: EndReason,
    },
    Ended,
}

#[derive(Debug, Clone, PartialEq)]
struct Choosing {
    beat: usize,
    offered_at: Millis,
    /// The options' authored indices in the order they are shown.
    order: Vec<usize>,
    /// Active time the reading allowance ends and the answer clock starts.
    read_by: Millis,
    /// The answer clock given with the offer (active time), kept after it runs out.
    answer_millis: Option<Millis>,
    time_up_at: Option<Millis>,
    silence_at: Option<Millis>,
    interrupt_at: Option<(Millis, usize)>,
    /// In a modelling run, when the peer answers.
    model_at: Option<Millis>,
}

#[derive(Debug, Clone)]
struct OpenRating {
    kind: RatingKind,
    asked_at: Millis,
}

#[derive(Debug, Clone)]
struct ActiveCue {
    cue: StressCue,
    until: Millis,
}

/// A running session. Feed it inputs with [`Session::step`].
#[derive(Debug, Clone)]
pub struct Session {
    scenario: Arc<Scenario>,
    level: u8,
    /// The level the run started at, which decides the ratings asked.
    start_level: u8,
    rng: SessionRng,
    /// The order options are shown in, on a stream of its own: shuffling
    /// never shifts when a chance cue comes.
    order_rng: SessionRng,
    /// Routes taken by chance, on a stream of their own for the same reason.
    route_rng: SessionRng,
    /// Per feared outcome, whether a sign of it has come.
    happened: Vec<bool>,
    /// In a modelling run, the peer's index in the cast.
    peer: Option<usize>,
    /// Session clock of the last input.
    now: Millis,
    /// Total time the run stood still so far (paused or in a calming
    /// pause), and since when it stands still now.
    still_total: Millis,
    still_since: Option<Millis>,
    /// Paused by the participant or the clinician.
    paused: bool,
    calming: Option<CalmingPause>,
    cursor: Cursor,
    started: bool,
    queued_ratings: VecDeque<RatingKind>,
    /// Ratings the clinician asked while another was open: asked as soon
    /// as it is answered, not at the next beat.
    asked_now: VecDeque<RatingKind>,
    /// When the newest marker was dropped, for a note typed after it.
    last_marker: Option<Millis>,
    open_rating: Option<OpenRating>,
    /// Active time each periodic rating falls due next, per schedule entry.
    periodic_due: Vec<Option<Millis>>,
    /// Active time each of the level's cue rules fires next.
    cue_due: Vec<Option<Millis>>,
    active_cues: Vec<ActiveCue>,
    /// A new version of the scenario file, offered and not yet taken over.
    new_version: Option<NewVersion>,
    out: Vec<Stamped<Output>>,
}

impl Session {
    pub fn new(scenario: Arc<Scenario>, level: u8, seed: u64) -> Result<Session, SessionError> {
        if level_def(&scenario, level).is_none() {
            return Err(SessionError::NoSuchLevel { level, max: scenario.levels.len() });
        }
        let start =
            scenario.resolved().start.ok_or_else(|| SessionError::NoStartBeat(scenario.start.clone()))?;
        Ok(Session {
            periodic_due: vec![None; scenario.ratings.schedule.len()],
            happened: vec![false; scenario.feared_outcomes.len()],
            peer: None,
            scenario,
            level,
            start_level: level,
            rng: SessionRng::new(seed),
            order_rng: SessionRng::new(seed ^ ORDER_STREAM),
            route_rng: SessionRng::new(seed ^ ROUTE_STREAM),
            now: 0,
            still_total: 0,
            still_since: None,
            paused: false,
            calming: None,
            cursor: Cursor::Enter(start),
            started: false,
            queued_ratings: VecDeque::new(),
            asked_now: VecDeque::new(),
            last_marker: None,
            open_rating: None,
            cue_due: Vec::new(),
            active_cues: Vec::new(),
            new_version: None,
            out: Vec::new(),
        })
    }

    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    pub fn level(&self) -> u8 {
        self.level
    }

    pub fn now(&self) -> Millis {
        self.now
    }

    pub fn is_paused(&self) -> bool {
        self.paused
    }

    /// Whether a calming pause is on (its SUDS or its breathing).
    pub fn is_calming(&self) -> bool {
        self.calming.is_some()
    }

    /// Whether the run's own time stands still: paused, or calming.
    pub fn is_still(&self) -> bool {
        self.still_since.is_some()
    }

    /// Whether the first step has started the session (level, cast, first
    /// prompt or line).
    pub fn has_started(&self) -> bool {
        self.started
    }

    pub fn has_ended(&self) -> bool {
        self.cursor == Cursor::Ended
    }

    /// The beat whose choices are on offer to the participant, if any (in
    /// a modelling run, never: the peer answers).
    pub fn offered_choice(&self) -> Option<usize> {
        match &self.cursor {
            Cursor::Choosing(c)
                if self.open_rating.is_none() && self.calming.is_none() && self.peer.is_none() =>
            {
                Some(c.beat)
            }
            _ => None,
        }
    }

    /// The offered choice's options, by their index in the scenario, in
    /// the order they are shown (position 0 first).
    pub fn offered_order(&self) -> Option<&[usize]> {
        match &self.cursor {
            Cursor::Choosing(c)
                if self.open_rating.is_none() && self.calming.is_none() && self.peer.is_none() =>
            {
                Some(&c.order)
            }
            _ => None,
        }
    }

    /// The answer clock of the offered choice, when the level puts the
    /// participant under time pressure: `(left, given)` in milliseconds of
    /// active time. It starts when the reading allowance is over, stands
    /// still while paused and stays at 0 once it has run out (the choice
    /// stays open).
    pub fn answer_clock(&self) -> Option<(Millis, Millis)> {
        match &self.cursor {
            // A modelling run's choices are the peer's: the watcher has no
            // answer to give, so no clock runs for one.
            Cursor::Choosing(c) if self.open_rating.is_none() && self.peer.is_none() => {
                c.answer_millis.map(|given| {
                    let spent = self.active().saturating_sub(c.read_by);
                    (given.saturating_sub(spent), given)
                })
            }
            _ => None,
        }
    }

    /// The rating prompt waiting for an answer, if any.
    pub fn open_rating(&self) -> Option<&RatingKind> {
        self.open_rating.as_ref().map(|r| &r.kind)
    }

    /// Session-clock time of the next thing the session will do by itself,
    /// if nothing else comes in first. `None` while paused, ended, or
    /// waiting only on the participant with no timer running. In a calming
    /// pause, the end of the breathing.
    pub fn next_deadline(&self) -> Option<Millis> {
        if let Some(CalmingPause { phase: Calming::Breathing { until }, .. }) = &self.calming {
            return Some(*until);
        }
        if !self.started || self.is_still() || self.has_ended() {
            return None;
        }
        self.next_timer().map(|active| active + self.still_total)
    }

    /// Applies one input at session-clock time `at` and returns what came
    /// out, in order. Time that passed since the last input is played out
    /// first, so outputs due before `at` come out stamped with their own
    /// times. A time earlier than the last input is taken as the last
    /// input's time: clocks may jitter, and a stop must never be refused.
    pub fn step(&mut self, at: Millis, input: Input) -> &[Stamped<Output>] {
        self.out.clear();
        let at = at.max(self.now);
        if !self.started {
            self.start();
        }
        self.advance_to(at);
        self.now = at;
        self.apply(input);
        &self.out
    }

    // ------------------------------------------------------------ clocks

    fn active_at(&self, clock: Millis) -> Millis {
        let still_now = self.still_since.map_or(0, |since| clock.saturating_sub(since));
        clock.saturating_sub(self.still_total + still_now)
    }

    /// The run's own time stops (a pause or a calming pause begins).
    fn hold_still(&mut self) {
        self.still_since.get_or_insert(self.now);
    }

    /// The run's own time goes on, unless a pause or a calming pause
    /// still holds it.
    fn go_on_if_free(&mut self) {
        if !self.paused
            && self.calming.is_none()
            && let Some(since) = self.still_since.take()
        {
            self.still_total += self.now - since;
        }
    }

    fn active(&self) -> Millis {
        self.active_at(self.now)
    }

    fn emit(&mut self, item: Output) {
        self.out.push(Stamped { at: self.now, item });
    }

    fn reject(&mut self, input: &Input, reason: Rejection) {
        let name = match input {
            Input::Tick => "tick",
            Input::Choose { .. } => "choose",
            Input::Rate(_) => "rate",
            Input::Pause { .. } => "pause",
            Input::Resume { .. } => "resume",
            Input::Stop { .. } => "stop",
            Input::SetLevel { .. } => "level",
            Input::TriggerCue { .. } => "cue",
            Input::Marker { .. } => "marker",
            Input::Calm { .. } => "calm",
            Input::AskNow { .. } => "ask",
            Input::SkipRating => "skip",
            Input::MarkerNote { .. } => "note",
            Input::Reload { .. } => "reload",
        };
        self.emit(Output::Rejected { input: name.to_string(), reason });
    }

    // ------------------------------------------------------------ start

    fn start(&mut self) {
        self.started = true;
        self.emit(Output::Started { level: self.level });
        if let Some(peer) = self.peer {
            self.emit(Output::Modelling { peer });
        }
        for c in 0..self.scenario.cast.len() {
            let present = is_present(&self.scenario, self.level, c);
            let behaviour = behaviour_at(&self.scenario, self.level, c);
            self.emit(Output::Cast { character: c, present, behaviour });
        }
        self.emit_ambience();
        self.schedule_cues();
        let scenario = Arc::clone(&self.scenario);
        for (i, ask) in scenario.ratings.schedule.iter().enumerate() {
            if !self.asks(ask) {
                continue;
            }
            match &ask.when {
                RatingWhen::AtStart => self.queued_ratings.push_back(ask.rating.clone()),
                RatingWhen::Every(minutes) => {
                    self.periodic_due[i] = Some(minutes_to_millis(*minutes));
                }
                RatingWhen::AfterBeat(_) | RatingWhen::AtEnd => {}
            }
        }
        self.run_flow();
    }

    fn emit_ambience(&mut self) {
        if let Some(level) = level_def(&self.scenario, self.level) {
            let (noise, crowding) = (level.noise, level.crowding);
            self.emit(Output::Ambience { noise, crowding });
        }
    }

    fn schedule_cues(&mut self) {
        let active = self.active();
        let rates: Vec<f32> = level_def(&self.scenario, self.level)
            .map(|l| l.cues.iter().map(|r| r.per_minute).collect())
            .unwrap_or_default();
        self.cue_due = rates.iter().map(|&rate| self.rng.wait_millis(rate).map(|w| active + w)).collect();
    }

    // ------------------------------------------------------------ time

    /// The earliest pending timer, in active time.
    fn next_timer(&self) -> Option<Millis> {
        let cursor = match &self.cursor {
            Cursor::Speaking { until, .. }
            | Cursor::Silent { until, .. }
            | Cursor::Recovering { until, .. }
            | Cursor::PeerAnswering { until, .. } => Some(*until),
            Cursor::Choosing(c) if self.open_rating.is_none() => {
                [c.time_up_at, c.silence_at, c.interrupt_at.map(|(t, _)| t), c.model_at]
                    .into_iter()
                    .flatten()
                    .min()
            }
            _ => None,
        };
        let flowing = !self.winding_down() && !self.has_ended();
        [
            cursor,
            self.periodic_due.iter().flatten().min().copied().filter(|_| flowing),
            self.cue_due.iter().flatten().min().copied().filter(|_| flowing),
            self.active_cues.iter().map(|c| c.until).min(),
        ]
        .into_iter()
        .flatten()
        .min()
    }

    /// Plays out every timer due up to session-clock time `target`.
    fn advance_to(&mut self, target: Millis) {
        if self.has_ended() {
            return;
        }
        if let Some(CalmingPause { phase: Calming::Breathing { until }, .. }) = self.calming
            && until <= target
        {
            self.now = until;
            self.breathing_over(true);
        }
        if self.is_still() {
            return;
        }
        let target_active = self.active_at(target);
        while let Some(due) = self.next_timer().filter(|&t| t <= target_active) {
            if self.has_ended() {
                break;
            }
            self.now = due + self.still_total;
            self.fire_timers(due);
        }
    }

    fn fire_timers(&mut self, active: Millis) {
        // Cues that run out.
        let mut i = 0;
        while i < self.active_cues.len() {
            if self.active_cues[i].until <= active {
                let cue = self.active_cues.swap_remove(i).cue;
                self.emit(Output::CueStopped { cue });
            } else {
                i += 1;
            }
        }
        // Periodic ratings fall due; they are asked at the next pause in the flow.
        let scenario = Arc::clone(&self.scenario);
        for (i, ask) in scenario.ratings.schedule.iter().enumerate() {
            if let (Some(due), RatingWhen::Every(minutes)) = (self.periodic_due[i], &ask.when)
                && due <= active
            {
                // Not twice in a row: a rating already waiting, or being
                // answered right now, covers this one.
                let open = self.open_rating.as_ref().is_some_and(|r| r.kind == ask.rating);
                if !open && !self.queued_ratings.contains(&ask.rating) {
                    self.queued_ratings.push_back(ask.rating.clone());
                }
                self.periodic_due[i] = Some(due + minutes_to_millis(*minutes));
            }
        }
        // Chance cues.
        for i in 0..self.cue_due.len() {
            if let Some(due) = self.cue_due[i]
                && due <= active
            {
                self.fire_cue_rule(i);
                let rate = level_def(&self.scenario, self.level)
                    .and_then(|l| l.cues.get(i))
                    .map_or(0.0, |r| r.per_minute);
                self.cue_due[i] = self.rng.wait_millis(rate).map(|w| due + w);
            }
        }
        // The flow's own timer.
        match self.cursor.clone() {
            Cursor::Speaking { beat, until } if until <= active => {
                self.emit(Output::LineDone { beat });
                self.leave(beat);
            }
            Cursor::Silent { beat, until } if until <= active => self.leave(beat),
            Cursor::PeerAnswering { beat, option, until } if until <= active => {
                self.emit(Output::LineDone { beat });
                let next = self.scenario.resolved().options.get(beat).and_then(|o| o.get(option)).copied();
                self.go_to(beat, next.flatten());
            }
            // The peer answers before any answer clock or silence is up.
            Cursor::Choosing(c) if self.open_rating.is_none() && c.model_at.is_some_and(|t| t <= active) => {
                self.peer_answers(&c)
            }
            Cursor::Recovering { reason, until } if until <= active => {
                self.queued_ratings.push_back(RatingKind::Suds);
                self.cursor = Cursor::Closing { reason };
            }
            Cursor::Choosing(mut c) if self.open_rating.is_none() => {
                if let Some(t) = c.silence_at
                    && t <= active
                {
                    self.emit(Output::SilenceTaken { beat: c.beat, after: active - c.offered_at });
                    let next = self.scenario.resolved().silence.get(c.beat).copied().flatten();
                    self.go_to(c.beat, next);
                } else {
                    if let Some(t) = c.time_up_at
                        && t <= active
                    {
                        c.time_up_at = None;
                        self.emit(Output::TimeUp { beat: c.beat });
                        let by = self.someone_present(StressCue::WatchCheck);
                        self.start_cue(StressCue::WatchCheck, 0.6, by);
                    }
                    if let Some((t, by)) = c.interrupt_at
                        && t <= active
                    {
                        c.interrupt_at = None;
                        self.start_cue(StressCue::Interruption, 0.7, Some(by));
                    }
                    self.cursor = Cursor::Choosing(c);
                }
            }
            _ => {}
        }
        self.run_flow();
    }

    fn fire_cue_rule(&mut self, rule: usize) {
        let Some(r) = level_def(&self.scenario, self.level).and_then(|l| l.cues.get(rule)).cloned() else {
            return;
        };
        let by = match &r.by {
            Some(id) => {
                let c = self.scenario.cast.iter().position(|c| &c.id == id);
                // The named person has left at this level: no cue from them.
                match c.filter(|&c| is_present(&self.scenario, self.level, c)) {
                    Some(c) => Some(c),
                    None => return,
                }
            }
            None if r.cue.is_personal() => match self.someone_present(r.cue) {
                Some(c) => Some(c),
                None => return,
            },
            None => None,
        };
        self.start_cue(r.cue, r.intensity, by);
    }

    /// Someone present to give `cue`, by chance; a cue that is seen only
    /// from someone in the room, not on the phone or a video call.
    fn someone_present(&mut self, cue: StressCue) -> Option<usize> {
        let cast = &self.scenario.cast;
        let present: Vec<usize> = (0..cast.len())
            .filter(|&c| is_present(&self.scenario, self.level, c))
            .filter(|&c| !cue.is_seen() || cast[c].remote.is_none())
            .collect();
        if present.is_empty() { None } else { Some(present[self.rng.below(present.len())]) }
    }

    fn start_cue(&mut self, cue: StressCue, intensity: f32, by: Option<usize>) {
        let millis = cue.default_millis();
        let until = self.active() + millis;
        // The same cue again restarts it rather than stacking copies.
        self.active_cues.retain(|c| c.cue != cue);
        self.active_cues.push(ActiveCue { cue, until });
        self.emit(Output::CueStarted { cue, intensity, by, millis });
    }

    // ------------------------------------------------------------ flow

    /// Finishes `beat` and moves to `next`.
    fn go_to(&mut self, beat: usize, next: Option<usize>) {
        self.after_beat(beat);
        self.cursor = match next {
            Some(n) => Cursor::Enter(self.take_waiting_version(n)),
            // Only reachable for an unchecked scenario: end rather than die.
            None => {
                self.emit(Output::Ended { reason: EndReason::ScenarioFault });
                Cursor::Ended
            }
        };
    }

    /// Follows the beat's single `next`.
    fn leave(&mut self, beat: usize) {
        let next = self.scenario.resolved().next.get(beat).copied().flatten();
        self.go_to(beat, next);
    }

    fn after_beat(&mut self, beat: usize) {
        let scenario = Arc::clone(&self.scenario);
        for &k in scenario.resolved().after_beat.get(beat).into_iter().flatten() {
            let ask = &scenario.ratings.schedule[k];
            if self.asks(ask) {
                self.queued_ratings.push_back(ask.rating.clone());
            }
        }
    }

    /// Runs the flow until it has to wait for time or for the participant.
    fn run_flow(&mut self) {
        let mut steps = 0;
        loop {
            if self.open_rating.is_some() || self.is_still() {
                return;
            }
            steps += 1;
            if steps > MAX_INSTANT_BEATS {
                self.emit(Output::Ended { reason: EndReason::ScenarioFault });
                self.cursor = Cursor::Ended;
                return;
            }
            match self.cursor.clone() {
                Cursor::Enter(beat) => {
                    if self.ask_queued_rating() {
                        return;
                    }
                    self.enter(beat);
                }
                Cursor::Ending { reason } => {
                    if self.ask_queued_rating() {
                        return;
                    }
                    self.recover(reason);
                    return;
                }
                Cursor::Closing { reason } => {
                    if self.ask_queued_rating() {
                        return;
                    }
                    self.emit(Output::Ended { reason });
                    self.finish();
                    return;
                }
                _ => return,
            }
        }
    }

    /// A rating the clinician asks now: at once, or next after the one
    /// open; never twice over.
    fn ask_out_of_turn(&mut self, kind: RatingKind) {
        if !matches!(kind, RatingKind::Suds | RatingKind::Cybersickness) {
            return self.reject(&Input::AskNow { rating: kind }, Rejection::NotAskable);
        }
        let open = self.open_rating.as_ref().map(|r| &r.kind);
        if open == Some(&kind) || self.asked_now.contains(&kind) {
            return;
        }
        // It stands in for the same rating waiting on the schedule.
        self.queued_ratings.retain(|k| *k != kind);
        if open.is_some() {
            self.asked_now.push_back(kind);
        } else {
            self.ask_now(kind);
        }
    }

    fn ask_queued_rating(&mut self) -> bool {
        match self.queued_ratings.pop_front() {
            Some(kind) => {
                self.emit(Output::RatingAsked { rating: kind.clone() });
                self.open_rating = Some(OpenRating { kind, asked_at: self.active() });
                true
            }
            None => false,
        }
    }

    fn enter(&mut self, index: usize) {
        let scenario = Arc::clone(&self.scenario);
        let Some(beat) = scenario.beats.get(index) else {
            self.emit(Output::Ended { reason: EndReason::ScenarioFault });
            self.cursor = Cursor::Ended;
            return;
        };
        let active = self.active();
        if !matches!(beat, Beat::Say { .. }) {
            self.note_signs(index);
        }
        match beat {
            Beat::Say { .. } => {
                let Some(speaker) = scenario.resolved().by[index] else {
                    return self.leave(index);
                };
                if !is_present(&scenario, self.level, speaker) {
                    self.emit(Output::LineSkipped { beat: index, by: speaker });
                    return self.leave(index);
                }
                let attitude = behaviour_at(&scenario, self.level, speaker).attitude;
                let millis = scenario.resolved().line_millis[index][attitude_slot(attitude)];
                self.emit(Output::Line { beat: index, by: speaker, attitude, millis });
                self.note_signs(index);
                self.cursor = Cursor::Speaking { beat: index, until: active + millis };
            }
            Beat::Choose { options, silence, keep_order, .. } => {
                let level = level_def(&scenario, self.level);
                let answer_millis = level.and_then(|l| l.answer_seconds).map(to_millis);
                // Time to read what is shown comes first: pressure to
                // answer, or a silence taken, never becomes a reading test.
                let reading_millis = scenario.resolved().reading_millis[index];
                let read_by = active + reading_millis;
                let mut order: Vec<usize> = (0..options.len()).collect();
                if !keep_order {
                    self.order_rng.shuffle(&mut order);
                }
                let interrupter = (0..scenario.cast.len()).find(|&c| {
                    is_present(&scenario, self.level, c) && behaviour_at(&scenario, self.level, c).interrupts
                });
                let interrupt_at =
                    interrupter.map(|c| (active + 2_000 + (self.rng.unit() * 4_000.0) as Millis, c));
                self.emit(Output::ChoicesOffered {
                    beat: index,
                    answer_millis,
                    reading_millis,
                    order: order.clone(),
                });
                self.cursor = Cursor::Choosing(Choosing {
                    beat: index,
                    offered_at: active,
                    order,
                    read_by,
                    answer_millis,
                    time_up_at: answer_millis.map(|m| read_by + m),
                    silence_at: silence.as_ref().map(|s| read_by + to_millis(s.seconds)),
                    interrupt_at,
                    model_at: self.peer.map(|_| active + PEER_THINK_MILLIS),
                });
            }
            Beat::Wait { seconds, .. } => {
                let millis = to_millis(*seconds);
                self.emit(Output::SilenceStarted { beat: index, millis });
                self.cursor = Cursor::Silent { beat: index, until: active + millis };
            }
            Beat::Cue { cue, intensity, by, .. } => {
                match (by, scenario.resolved().by[index]) {
                    // Someone named who is in the room makes it.
                    (Some(_), Some(c)) if is_present(&scenario, self.level, c) => {
                        self.start_cue(*cue, *intensity, Some(c));
                    }
                    // The named person is not here at this level: as with
                    // chance cues, nobody else makes their sigh or remark.
                    (Some(_), _) => {}
                    (None, _) => {
                        let by = if cue.is_personal() { self.someone_present(*cue) } else { None };
                        self.start_cue(*cue, *intensity, by);
                    }
                }
                self.leave(index);
            }
            Beat::Rate { rating, .. } => {
                if self.asks_kind(rating) {
                    self.queued_ratings.push_back(rating.clone());
                }
                self.leave(index);
            }
            Beat::Branch { routes, .. } => {
                let resolved = scenario.resolved();
                let ways = branch_ways(routes, self.level);
                // One draw per branch where chance decides, none where the
                // level alone does.
                let way = if ways.len() > 1 {
                    let draw = self.route_rng.unit() as f32;
                    let mut sum = 0.0;
                    ways.iter()
                        .find(|(_, p)| {
                            sum += p;
                            draw < sum
                        })
                        .or(ways.last())
                        .and_then(|w| w.0)
                } else {
                    ways.first().and_then(|w| w.0)
                };
                let next = match way {
                    Some(j) => resolved.routes[index][j],
                    None => resolved.otherwise[index],
                };
                self.go_to(index, next);
            }
            Beat::End { .. } => {
                self.after_beat(index);
                for ask in &scenario.ratings.schedule {
                    if ask.when == RatingWhen::AtEnd && self.asks(ask) {
                        self.queued_ratings.push_back(ask.rating.clone());
                    }
                }
                self.cursor = Cursor::Ending { reason: EndReason::Completed { beat: index } };
            }
        }
    }

    /// Notes the feared outcomes that reaching `beat` is a sign of.
    fn note_signs(&mut self, beat: usize) {
        let scenario = Arc::clone(&self.scenario);
        for &o in scenario.resolved().signs.get(beat).into_iter().flatten() {
            self.outcome_happened(o, beat);
        }
    }

    fn outcome_happened(&mut self, outcome: usize, beat: usize) {
        if !std::mem::replace(&mut self.happened[outcome], true) {
            self.emit(Output::OutcomeHappened { outcome, beat });
        }
    }

    /// Whether the flow is over and the session is in its end ratings, its
    /// calm phase or its last SUDS.
    fn winding_down(&self) -> bool {
        matches!(self.cursor, Cursor::Ending { .. } | Cursor::Recovering { .. } | Cursor::Closing { .. })
    }

    /// Starts the calm phase: the cues stop, the people leave, the room
    /// goes quiet; after it, the last SUDS.
    fn recover(&mut self, reason: EndReason) {
        // A stop ends a pause and a calming pause too: the calm phase runs
        // on active time.
        if let Some(calm) = self.calming.take() {
            if matches!(calm.phase, Calming::Breathing { .. }) {
                self.emit(Output::BreathingEnded { completed: false });
            }
            self.emit(Output::CalmingEnded);
        }
        self.paused = false;
        self.go_on_if_free();
        self.open_rating = None;
        self.queued_ratings.clear();
        self.asked_now.clear();
        // No chance cue and no periodic rating falls due any more.
        self.cue_due.clear();
        self.periodic_due.iter_mut().for_each(|due| *due = None);
        for cue in std::mem::take(&mut self.active_cues) {
            self.emit(Output::CueStopped { cue: cue.cue });
        }
        let scenario = Arc::clone(&self.scenario);
        for c in 0..scenario.cast.len() {
            if is_present(&scenario, self.level, c) {
                let behaviour = behaviour_at(&scenario, self.level, c);
                self.emit(Output::Cast { character: c, present: false, behaviour });
            }
        }
        // The room stays a room, at the quietest background its author
        // wrote, with nobody else about: silence itself would feel strange.
        let noise = scenario.levels.iter().map(|l| l.noise).fold(f32::INFINITY, f32::min);
        let noise = if noise.is_finite() { noise } else { 0.0 };
        self.emit(Output::Ambience { noise, crowding: 0.0 });
        let millis = to_millis(scenario.recovery_seconds);
        self.emit(Output::RecoveryStarted { reason: reason.clone(), millis });
        self.cursor = Cursor::Recovering { reason, until: self.active() + millis };
    }

    fn finish(&mut self) {
        self.cursor = Cursor::Ended;
        self.open_rating = None;
        self.queued_ratings.clear();
        self.asked_now.clear();
        for cue in std::mem::take(&mut self.active_cues) {
            self.emit(Output::CueStopped { cue: cue.cue });
        }
    }

    // ------------------------------------------------------------ inputs

    fn apply(&mut self, input: Input) {
        if self.has_ended() {
            if input != Input::Tick {
                self.reject(&input, Rejection::SessionEnded);
            }
            return;
        }
        match &input {
            Input::Tick => {}
            Input::Stop { by } => match self.cursor.clone() {
                // A stop in the calm phase ends the session there and then.
                Cursor::Recovering { reason, .. } | Cursor::Closing { reason } => {
                    self.emit(Output::Ended { reason });
                    self.finish();
                }
                // Stopping during the end ratings skips them; the run was
                // still completed.
                Cursor::Ending { reason } => self.recover(reason),
                _ => self.recover(EndReason::Stopped { by: *by }),
            },
            // A calming pause comes to its end by itself, or by a second
            // press; a pause on top of it would only confuse the two.
            Input::Pause { .. } | Input::Resume { .. } if self.is_calming() => {
                self.reject(&input, Rejection::Calming)
            }
            Input::Pause { by } => {
                if self.is_paused() {
                    return self.reject(&input, Rejection::Paused);
                }
                self.paused = true;
                self.hold_still();
                self.emit(Output::Paused { by: *by });
            }
            Input::Resume { by } => {
                if !self.is_paused() {
                    return self.reject(&input, Rejection::NotPaused);
                }
                self.paused = false;
                self.go_on_if_free();
                self.emit(Output::Resumed { by: *by });
                self.run_flow();
            }
            Input::Marker { note } => {
                let note = note.clone();
                self.last_marker = Some(self.now);
                self.emit(Output::Marker { note });
            }
            Input::Reload { at, source } => self.reload(&input, *at, source),
            Input::MarkerNote { note } => match self.last_marker {
                Some(marker) => self.emit(Output::MarkerNoted { marker, note: note.clone() }),
                None => self.reject(&input, Rejection::NoMarker),
            },
            // Nothing brings the people or the cues back once the run is over.
            Input::SetLevel { .. }
            | Input::TriggerCue { .. }
            | Input::Choose { .. }
            | Input::Calm { .. }
            | Input::AskNow { .. }
                if self.winding_down() =>
            {
                self.reject(&input, Rejection::WindingDown)
            }
            Input::SetLevel { level } => self.set_level(&input, *level),
            // A calming pause may begin while paused: it is a way to spend
            // the pause, and the pause goes on after it.
            Input::Calm { by } => self.calm(&input, *by),
            // In a calming pause only its own SUDS is answered (or let go).
            Input::Rate(answer) if self.is_calming() => self.rate(&input, Some(*answer)),
            Input::SkipRating if self.is_calming() => self.rate(&input, None),
            _ if self.is_calming() => self.reject(&input, Rejection::Calming),
            _ if self.is_paused() => self.reject(&input, Rejection::Paused),
            Input::AskNow { rating } => self.ask_out_of_turn(rating.clone()),
            Input::Choose { option } => self.choose(&input, *option),
            Input::Rate(answer) => self.rate(&input, Some(*answer)),
            Input::SkipRating => self.rate(&input, None),
            Input::TriggerCue { cue, intensity } => {
                if !(0.0..=1.0).contains(intensity) {
                    return self.reject(&input, Rejection::BadIntensity);
                }
                let by = if cue.is_personal() { self.someone_present(*cue) } else { None };
                self.start_cue(*cue, *intensity, by);
            }
        }
    }

    fn set_level(&mut self, input: &Input, level: u8) {
        if level_def(&self.scenario, level).is_none() {
            return self.reject(input, Rejection::NoSuchLevel);
        }
        if level == self.level {
            return self.reject(input, Rejection::SameLevel);
        }
        let from = self.level;
        self.level = level;
        self.emit(Output::LevelChanged { from, to: level });
        for c in 0..self.scenario.cast.len() {
            let before = (is_present(&self.scenario, from, c), behaviour_at(&self.scenario, from, c));
            let after = (is_present(&self.scenario, level, c), behaviour_at(&self.scenario, level, c));
            if before != after {
                self.emit(Output::Cast { character: c, present: after.0, behaviour: after.1 });
            }
        }
        self.emit_ambience();
        self.schedule_cues();
    }

    fn choose(&mut self, input: &Input, option: usize) {
        if self.is_modelling() {
            return self.reject(input, Rejection::Modelling);
        }
        let Some(beat) = self.offered_choice() else {
            return self.reject(input, Rejection::NoChoiceOffered);
        };
        let Cursor::Choosing(c) = &self.cursor else { return };
        let offered_at = c.offered_at;
        let Some(shown_as) = c.order.iter().position(|&o| o == option) else {
            return self.reject(input, Rejection::NoSuchOption);
        };
        let Some(&next) = self.scenario.resolved().options.get(beat).and_then(|o| o.get(option)) else {
            return self.reject(input, Rejection::NoSuchOption);
        };
        let latency = self.active() - offered_at;
        self.take_option(beat, option, shown_as, latency);
        self.go_to(beat, next);
        self.run_flow();
    }

    /// An option is taken, by the participant or a modelling peer: it is
    /// recorded, and any feared outcome it is a sign of has happened.
    fn take_option(&mut self, beat: usize, option: usize, shown_as: usize, latency: Millis) {
        self.emit(Output::Chosen { beat, option, shown_as, latency });
        let scenario = Arc::clone(&self.scenario);
        if let Some(taken) = scenario.option(beat, option) {
            for (o, outcome) in scenario.feared_outcomes.iter().enumerate() {
                let shown = outcome.happens.iter().any(|s| match s {
                    Sign::Chose(tag) => taken.tags.contains(tag),
                    Sign::Reached(_) => false,
                });
                if shown {
                    self.outcome_happened(o, beat);
                }
            }
        }
    }

    /// The open rating answered, or with `None` let go unanswered; either
    /// way the session goes on alike, so a skip never holds a run up.
    fn rate(&mut self, input: &Input, answer: Option<RatingAnswer>) {
        let Some(open) = &self.open_rating else {
            return self.reject(input, Rejection::NoRatingAsked);
        };
        if let Some(answer) = answer
            && let Err(reason) = validate_answer(&open.kind, answer)
        {
            return self.reject(input, reason);
        }
        let latency = self.active().saturating_sub(open.asked_at);
        let rating = open.kind.clone();
        self.open_rating = None;
        self.emit(match answer {
            Some(answer) => Output::Rated { rating, answer, latency },
            None => Output::RatingSkipped { rating, latency },
        });
        if self.calming.is_none()
            && let Some(kind) = self.asked_now.pop_front()
        {
            return self.ask_now(kind);
        }
        match self.calming.as_ref().map(|c| c.phase) {
            Some(Calming::Before) => self.breathe(),
            Some(Calming::After) => self.calming_over(),
            Some(Calming::Breathing { .. }) | None => self.run_flow(),
        }
    }
}

/// Whether an answer fits the rating's scale (see `scale`).
pub fn validate_answer(kind: &RatingKind, answer: RatingAnswer) -> Result<(), Rejection> {
    let value = match (kind, answer) {
        (RatingKind::ExpectancyReview(_), RatingAnswer::Review { likelihood, .. }) => likelihood,
        (RatingKind::ExpectancyReview(_), RatingAnswer::Scale(_)) | (_, RatingAnswer::Review { .. }) => {
            return Err(Rejection::WrongAnswerKind);
        }
        (_, RatingAnswer::Scale(value)) => value,
    };
    if super::scale::scale(kind).holds(value) { Ok(()) } else { Err(Rejection::RatingOutOfRange) }
}

fn minutes_to_millis(minutes: f32) -> Millis {
    // At least half a minute apart, whatever an unchecked file says.
    to_millis(minutes * 60.0).max(30_000)
}
