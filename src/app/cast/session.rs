//! The cast follows the session: presence, gaze and attitude from its
//! `Cast` outputs.

use bevy::prelude::*;

use super::CastMember;
use super::attitude::Expression;
use super::walk::Movement;
use crate::app::driver::SessionOutput;
use crate::session::Output;

/// Presence, behaviour and attitude come from the session's Cast outputs:
/// at the start everyone simply is where the level puts them; after a
/// level change they walk and their bearing blends.
pub(super) fn follow_session(
    mut outputs: MessageReader<SessionOutput>,
    mut at_start: Local<bool>,
    mut cast: Query<(&mut CastMember, &mut Movement, &mut Expression)>,
) {
    for SessionOutput(o) in outputs.read() {
        match &o.item {
            Output::Started { .. } => *at_start = true,
            Output::LevelChanged { .. } => *at_start = false,
            Output::Cast { character, present, behaviour } => {
                for (mut member, mut movement, mut expression) in &mut cast {
                    if member.index == *character {
                        member.gaze = behaviour.gaze;
                        movement.set_present(*present, *at_start);
                        expression.set(behaviour.attitude, *at_start);
                    }
                }
            }
            _ => {}
        }
    }
}
