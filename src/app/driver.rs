//! Runs the session core inside Bevy: frame time in, outputs out.
//!
//! Each frame the driver lets the session's clock run to the frame's
//! session time (giving a scripted participant's steps on the way, at
//! their exact times), then feeds what the participant and clinician did
//! this frame (`SessionInput` messages), all through the core's one
//! driving path (`session::drive`). Every output goes on as a
//! `SessionOutput` message for the stage, cast and panels; the frame's
//! inputs and outputs, in order, are kept in `SessionLog` for whoever
//! records. It keeps a small `SessionView` of what is on screen now. No
//! scenario rule lives here: the session decides, this only feeds and
//! forwards.

use bevy::prelude::*;

use super::AppSystems;
use crate::play::ScriptedParticipant;
use crate::scenario::{Attitude, RatingKind, Scenario};
use crate::session::breathing::Pace;
use crate::session::drive::{self, Observer};
use crate::session::scale::starting_answer;
use crate::session::{Actor, EndReason, Input, Millis, Output, Session, Stamped};

/// One output of the session, as it happens.
#[derive(Message, Debug, Clone)]
pub struct SessionOutput(pub Stamped<Output>);

/// Something the participant or clinician asks of the session (keys,
/// mouse, controllers, the console), taken or refused this frame.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct SessionInput(pub Input);

impl SessionInput {
    /// What the participant's one pause button (Esc, the menu button) asks:
    /// to go on when paused, else to pause. In a calming pause it is the
    /// way out of the breathing, as the calming button is.
    pub fn pause_button(view: &SessionView) -> SessionInput {
        let by = Actor::Participant;
        SessionInput(match view {
            SessionView { calming: Some(_), .. } => Input::Calm { by },
            SessionView { paused: true, .. } => Input::Resume { by },
            _ => Input::Pause { by },
        })
    }
}

/// What the session shows right now.
#[derive(Resource, Default, Debug, Clone, PartialEq)]
pub struct SessionView {
    /// The line being spoken: beat, speaker, attitude.
    pub line: Option<(usize, usize, Attitude)>,
    /// In a modelling run, the answer the peer is saying: beat, option, peer.
    pub answer: Option<(usize, usize, usize)>,
    /// A modelling run: the peer answers, the participant watches.
    pub modelling: bool,
    /// The choice on offer.
    pub choices: Option<Offer>,
    /// The open rating prompt, the value the participant has set (none yet
    /// on a review) and, for a review, their yes or no.
    pub rating: Option<(RatingKind, Option<u8>, Option<bool>)>,
    pub paused: bool,
    /// A calming pause is on.
    pub calming: Option<CalmingView>,
    /// The run is over and the calm phase (then the last SUDS) is on.
    pub recovering: bool,
    pub ended: Option<EndReason>,
    pub level: u8,
}

/// Where a calming pause stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CalmingView {
    /// Its SUDS is asked (before or after the breathing).
    Rating,
    /// Breathing at `pace` since `since` (session clock).
    Breathing { pace: Pace, since: Millis },
}

/// A Choose beat's options as shown: `order[place]` is the scenario's
/// index of the option at that place (the session shuffles them).
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    pub beat: usize,
    pub order: Vec<usize>,
}

impl Offer {
    /// The input for the option shown at `place` (0-based), if there is one.
    pub fn choose(&self, place: usize) -> Option<SessionInput> {
        self.order.get(place).map(|&option| SessionInput(Input::Choose { option }))
    }
}

#[derive(Resource)]
pub struct RunningSession {
    pub session: Session,
    /// Frame time (seconds) when the session started.
    started: Option<f64>,
}

impl RunningSession {
    pub fn new(session: Session) -> Self {
        RunningSession { session, started: None }
    }
}

/// Answers from a script, given when they fall due.
#[derive(Resource)]
pub struct Scripted(pub ScriptedParticipant);

/// One thing that happened to the session, in the order it happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Logged {
    Input(Millis, Input),
    Outputs(Vec<Stamped<Output>>),
}

/// Shows `entries` to `observer` in the order they happened.
pub fn replay(entries: &[Logged], scenario: &Scenario, observer: &mut dyn Observer) {
    for entry in entries {
        match entry {
            Logged::Input(at, input) => observer.input(scenario, *at, input),
            Logged::Outputs(outputs) => observer.outputs(scenario, outputs),
        }
    }
}

/// This frame's inputs and outputs in order, for a recorder to replay.
#[derive(Resource, Default, Debug)]
pub struct SessionLog(pub Vec<Logged>);

impl Observer for SessionLog {
    fn input(&mut self, _: &Scenario, at: Millis, input: &Input) {
        self.0.push(Logged::Input(at, input.clone()));
    }

    fn outputs(&mut self, _: &Scenario, outputs: &[Stamped<Output>]) {
        if !outputs.is_empty() {
            self.0.push(Logged::Outputs(outputs.to_vec()));
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<SessionOutput>()
        .add_message::<SessionInput>()
        .init_resource::<SessionView>()
        .init_resource::<SessionLog>()
        .add_systems(Update, drive.in_set(AppSystems::Drive))
        .add_systems(Last, stop_on_exit.in_set(super::OnExit::StopSession));
}

fn drive(
    time: Res<Time>,
    mut running: ResMut<RunningSession>,
    script: Option<ResMut<Scripted>>,
    mut inputs: MessageReader<SessionInput>,
    mut view: ResMut<SessionView>,
    mut log: ResMut<SessionLog>,
    mut out: MessageWriter<SessionOutput>,
) {
    let now = time.elapsed_secs_f64();
    let started = *running.started.get_or_insert(now);
    let at = ((now - started) * 1000.0) as Millis;
    log.0.clear();
    let session = &mut running.session;
    match script {
        Some(mut script) => script.0.advance(session, &mut *log, at, &mut |_| {}),
        None => drive::tick(session, &mut *log, at),
    }
    for SessionInput(input) in inputs.read() {
        drive::feed(session, &mut *log, at, input.clone());
    }
    show(&log, session, &mut view, &mut out);
}

/// Closing the window ends the session: the clinician's stop, so the
/// record closes properly instead of reading as a crash.
fn stop_on_exit(
    mut exits: MessageReader<AppExit>,
    mut running: ResMut<RunningSession>,
    mut view: ResMut<SessionView>,
    mut log: ResMut<SessionLog>,
    mut out: MessageWriter<SessionOutput>,
) {
    if exits.read().next().is_none() {
        return;
    }
    // What the frame logged has been recorded; only the stop is new.
    log.0.clear();
    if running.session.has_ended() {
        return;
    }
    let session = &mut running.session;
    let at = session.now();
    drive::stop_now(session, &mut *log, at, Actor::Clinician);
    show(&log, session, &mut view, &mut out);
}

/// Sends the frame's outputs on and updates the view.
fn show(log: &SessionLog, session: &Session, view: &mut SessionView, out: &mut MessageWriter<SessionOutput>) {
    let outputs = log.0.iter().flat_map(|l| match l {
        Logged::Outputs(o) => o.as_slice(),
        Logged::Input(..) => &[],
    });
    // The view carries over, so a value the participant set on an open
    // rating stays; a new prompt (RatingAsked) starts from its default.
    let mut next = view.clone();
    for o in outputs.clone() {
        apply(&mut next, o);
    }
    next.level = session.level();
    if next != *view {
        *view = next;
    }
    out.write_batch(outputs.cloned().map(SessionOutput));
}

/// What each output changes on screen.
fn apply(view: &mut SessionView, output: &Stamped<Output>) {
    match &output.item {
        Output::Line { beat, by, attitude, .. } => view.line = Some((*beat, *by, *attitude)),
        Output::LineDone { .. } | Output::LineSkipped { .. } => {
            view.line = None;
            view.answer = None;
        }
        Output::Modelling { .. } => view.modelling = true,
        // The peer speaks their answer as anyone speaks a line.
        Output::PeerAnswer { beat, option, by, .. } => {
            view.line = Some((*beat, *by, Attitude::Friendly));
            view.answer = Some((*beat, *option, *by));
        }
        Output::ChoicesOffered { beat, order, .. } => {
            view.choices = Some(Offer { beat: *beat, order: order.clone() })
        }
        Output::Chosen { .. } | Output::SilenceTaken { .. } => view.choices = None,
        Output::RatingAsked { rating } => {
            let (value, happened) = starting_answer(rating);
            view.rating = Some((rating.clone(), value, happened));
        }
        Output::Rated { .. } | Output::RatingSkipped { .. } => view.rating = None,
        Output::Paused { .. } => view.paused = true,
        Output::Resumed { .. } => view.paused = false,
        Output::CalmingStarted { .. } | Output::BreathingEnded { .. } => {
            view.calming = Some(CalmingView::Rating)
        }
        Output::BreathingStarted { pace } => {
            view.calming = Some(CalmingView::Breathing { pace: *pace, since: output.at })
        }
        Output::CalmingEnded => view.calming = None,
        // The beat starts again from the new version: what it showed goes.
        Output::Reloaded { at: crate::session::ReloadAt::CurrentBeat, .. } => {
            view.line = None;
            view.answer = None;
            view.choices = None;
        }
        // The stop ends any pause; the calm phase has nothing to answer.
        Output::RecoveryStarted { .. } => {
            view.recovering = true;
            view.paused = false;
            view.calming = None;
            view.line = None;
            view.choices = None;
            view.rating = None;
        }
        Output::Ended { reason } => {
            view.recovering = false;
            view.ended = Some(reason.clone());
            view.line = None;
            view.choices = None;
            view.rating = None;
        }
        _ => {}
    }
}
