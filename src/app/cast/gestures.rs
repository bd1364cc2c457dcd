//! Stress cues that people make, shown on the person making them: a watch
//! check lifts the wrist and the eyes go to it; a sigh lifts and drops the
//! shoulders; a critical remark or an interruption leans the speaker in
//! with a beating hand; typing keeps the hands at the keys. A silent
//! stare turns everyone present to the participant, stock-still, for as
//! long as it lasts.

use bevy::prelude::*;

use super::CastMember;
use super::walk::Movement;
use crate::app::driver::SessionOutput;
use crate::scenario::StressCue;
use crate::session::Output;

/// One cue someone is making.
#[derive(Debug, Clone, Copy)]
struct Made {
    by: Option<usize>,
    /// On the stage clock, seconds.
    since: f32,
    seconds: f32,
}

/// The people-made cues going on now. The session never runs two of the
/// same cue at once, so one slot per cue is enough.
#[derive(Resource, Debug, Default)]
struct PeopleCues {
    /// Seconds of unpaused stage time: cues hold still with everyone else.
    clock: f32,
    watch: Option<Made>,
    sigh: Option<Made>,
    remark: Option<Made>,
    interruption: Option<Made>,
    typing: Option<Made>,
    stare: Option<Made>,
}

impl PeopleCues {
    fn slot(&mut self, cue: StressCue) -> Option<&mut Option<Made>> {
        match cue {
            StressCue::WatchCheck => Some(&mut self.watch),
            StressCue::Sigh => Some(&mut self.sigh),
            StressCue::CriticalRemark => Some(&mut self.remark),
            StressCue::Interruption => Some(&mut self.interruption),
            StressCue::KeyboardTyping => Some(&mut self.typing),
            StressCue::SilentStare => Some(&mut self.stare),
            _ => None,
        }
    }
}

/// How far into each gesture a character is, 0..1.
#[derive(Component, Debug, Default)]
pub struct Gestures {
    /// Wrist lifted and looked at.
    pub watch: f32,
    /// Looking at the participant, motionless.
    pub stare: f32,
    /// Shoulders lifted by a sigh.
    pub sigh: f32,
    /// Leaning in with a beating hand.
    pub remark: f32,
    /// Hands at the keyboard.
    pub typing: f32,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PeopleCues>()
        .add_systems(Update, follow_cues.in_set(super::Staging::Follow))
        .add_systems(Update, gesture.in_set(super::Staging::Move).after(super::walk::step));
}

fn follow_cues(
    mut outputs: MessageReader<SessionOutput>,
    mut cues: ResMut<PeopleCues>,
    cast: Query<(&CastMember, &Movement)>,
) {
    for SessionOutput(o) in outputs.read() {
        match o.item {
            Output::CueStarted { cue, by, millis, .. } => {
                // The session names who makes a personal cue; should it not,
                // the first person in the room does, never someone at random.
                let by = by.or_else(|| cast.iter().filter(|(_, m)| m.is_in()).map(|(c, _)| c.index).min());
                let made = Made { by, since: cues.clock, seconds: millis as f32 / 1000.0 };
                if let Some(slot) = cues.slot(cue) {
                    *slot = Some(made);
                }
            }
            Output::CueStopped { cue } => {
                if let Some(slot) = cues.slot(cue) {
                    *slot = None;
                }
            }
            _ => {}
        }
    }
}

fn gesture(
    time: Res<Time>,
    mut cues: ResMut<PeopleCues>,
    mut cast: Query<(&CastMember, &Movement, &mut Gestures)>,
) {
    let dt = time.delta_secs();
    cues.clock += dt;
    let now = cues.clock;
    let k = 1.0 - (-8.0 * dt).exp();
    let by = |made: Option<Made>, index: usize| made.is_some_and(|m| m.by == Some(index));
    for (member, movement, mut g) in &mut cast {
        // Gestures are made in one's place, not on the way in or out.
        let here = if movement.is_settled() { 1.0 } else { 0.0 };
        let i = member.index;
        let towards = |now: f32, on: bool| now + ((if on { here } else { 0.0 }) - now) * k;
        g.watch = towards(g.watch, by(cues.watch, i));
        g.stare = towards(g.stare, cues.stare.is_some());
        g.remark = towards(g.remark, by(cues.remark, i) || by(cues.interruption, i));
        g.typing = towards(g.typing, by(cues.typing, i));
        // A sigh is one breath: up and down again over the cue's length.
        g.sigh = match cues.sigh.filter(|m| m.by == Some(i)) {
            Some(m) => {
                here * (std::f32::consts::PI * ((now - m.since) / m.seconds.max(0.1)).clamp(0.0, 1.0)).sin()
            }
            None => g.sigh * (1.0 - k),
        };
    }
}
