//! Runs the session core inside Bevy: frame time in, outputs out.
//!
//! Each frame the driver steps the session to the frame's session-clock
//! time, first with whatever the participant or clinician did, and sends
//! every output on as a `SessionOutput` message for the stage, cast and
//! panels to show. It keeps a small `SessionView` of what is on screen
//! now. No scenario rule lives here: the session decides, this only feeds
//! and forwards.

use bevy::prelude::*;

use crate::play::script::{Action, Step};
use crate::scenario::{Attitude, RatingKind};
use crate::session::{EndReason, Input, Millis, Output, Session, Stamped};

/// Runs before everything that shows the session.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct DriveSession;

/// One output of the session, as it happens.
#[derive(Message, Debug, Clone)]
pub struct SessionOutput(pub Stamped<Output>);

/// Inputs from keys, mouse, controllers or a script, applied next frame.
#[derive(Resource, Default)]
pub struct PendingInputs(pub Vec<Input>);

/// What the session shows right now.
#[derive(Resource, Default, Debug, Clone, PartialEq)]
pub struct SessionView {
    /// The line being spoken: beat, speaker, attitude.
    pub line: Option<(usize, usize, Attitude)>,
    /// The beat whose options are offered, and the answer clock (ms).
    pub choices: Option<(usize, Option<Millis>)>,
    /// The open rating prompt and the value the participant has set.
    pub rating: Option<(RatingKind, u8, Option<bool>)>,
    pub paused: bool,
    pub ended: Option<EndReason>,
    pub level: u8,
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

/// Answers from a script, given when the session asks for them.
#[derive(Resource)]
pub struct ScriptedParticipant {
    steps: Vec<Step>,
    next: usize,
    /// Session time the current step started waiting from.
    since: Option<Millis>,
}

impl ScriptedParticipant {
    pub fn new(steps: Vec<Step>) -> Self {
        ScriptedParticipant { steps, next: 0, since: None }
    }
}

pub fn plugin(app: &mut App) {
    app.add_message::<SessionOutput>()
        .init_resource::<PendingInputs>()
        .init_resource::<SessionView>()
        .add_systems(Update, (scripted_participant, drive).chain().in_set(DriveSession));
}

fn drive(
    time: Res<Time>,
    mut running: ResMut<RunningSession>,
    mut pending: ResMut<PendingInputs>,
    mut view: ResMut<SessionView>,
    mut out: MessageWriter<SessionOutput>,
    mut recording: Option<NonSendMut<super::recording::Recording>>,
) {
    let now = time.elapsed_secs_f64();
    let started = *running.started.get_or_insert(now);
    let at = ((now - started) * 1000.0) as Millis;
    let mut outputs: Vec<Stamped<Output>> = running.session.step(at, Input::Tick).to_vec();
    if let Some(r) = &mut recording {
        r.outputs(&running, &outputs);
    }
    for input in pending.0.drain(..) {
        let at = at.max(running.session.now());
        if let Some(r) = &mut recording {
            r.input(&running, at, &input);
        }
        let caused = running.session.step(at, input).to_vec();
        if let Some(r) = &mut recording {
            r.outputs(&running, &caused);
        }
        outputs.extend(caused);
    }
    let session = &running.session;
    // The view carries over, so a value the participant set on an open
    // rating stays; a new prompt (RatingAsked) starts from its default.
    let mut next = view.clone();
    for o in &outputs {
        apply(&mut next, &o.item);
    }
    next.level = session.level();
    if next != *view {
        *view = next;
    }
    out.write_batch(outputs.into_iter().map(SessionOutput));
}

/// What each output changes on screen.
fn apply(view: &mut SessionView, output: &Output) {
    match output {
        Output::Line { beat, by, attitude, .. } => view.line = Some((*beat, *by, *attitude)),
        Output::LineDone { .. } | Output::LineSkipped { .. } => view.line = None,
        Output::ChoicesOffered { beat, answer_millis } => view.choices = Some((*beat, *answer_millis)),
        Output::Chosen { .. } | Output::SilenceTaken { .. } => view.choices = None,
        Output::RatingAsked { rating } => {
            let start = if matches!(rating, RatingKind::Cybersickness) { 0 } else { 50 };
            let happened = matches!(rating, RatingKind::ExpectancyReview(_)).then_some(false);
            view.rating = Some((rating.clone(), start, happened));
        }
        Output::Rated { .. } => view.rating = None,
        Output::Paused { .. } => view.paused = true,
        Output::Resumed { .. } => view.paused = false,
        Output::Ended { reason } => {
            view.ended = Some(reason.clone());
            view.line = None;
            view.choices = None;
            view.rating = None;
        }
        _ => {}
    }
}

fn scripted_participant(
    script: Option<ResMut<ScriptedParticipant>>,
    running: Res<RunningSession>,
    mut pending: ResMut<PendingInputs>,
) {
    let Some(mut script) = script else { return };
    let session = &running.session;
    let Some(step) = script.steps.get(script.next).cloned() else { return };
    let now = session.now();
    let ready = !step.is_answer() || session.open_rating().is_some() || session.offered_choice().is_some();
    if !ready || (session.is_paused() && step.is_answer()) {
        script.since = None;
        return;
    }
    let since = *script.since.get_or_insert(now);
    let due = since + step.after + if let Action::Wait(ms) = step.action { ms } else { 0 };
    if now < due {
        return;
    }
    if let Action::Do(input) = step.action {
        pending.0.push(input);
    }
    script.next += 1;
    script.since = None;
}
