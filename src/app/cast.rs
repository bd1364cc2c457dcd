//! The characters: humanoids told apart by skin, hair and clothing. They
//! breathe and sway a little, turn their heads toward the participant as
//! much as their gaze setting says, and nod while they speak. The level
//! shows on them: they walk in and out as it adds or removes people
//! (`walk`), their attitude is in their posture and face (`attitude`),
//! the stress cues they make are in their bodies (`gestures`), and a
//! crowded level brings them closer (`crowding`).
//!
//! Each feature writes what it wants into its own component on the
//! character (`Gait`, `Expression`, `Gestures`); `compose` turns those
//! into one `Pose`, and `rig` puts the body's parts where the pose says.
//! The body is built in `body`, posed in `pose`, and follows the session
//! in `session`; this file wires them and gives tests a read model.

mod attitude;
mod body;
mod crowding;
mod gestures;
mod pose;
mod route;
mod session;
mod walk;

use bevy::prelude::*;

use self::attitude::Expression;
use self::body::{Pose, spawn_cast};
use self::gestures::Gestures;
use self::pose::{compose, look_and_talk, rig};
use self::session::follow_session;
use self::walk::{Gait, Movement};
use super::AppSystems;

#[derive(Component)]
pub struct CastMember {
    pub index: usize,
    /// Share of time spent looking at the participant (from the level).
    pub gaze: f32,
    /// A per-person offset so the room does not move in unison.
    pub(super) phase: f32,
    /// Their seat's index in the setting.
    pub seat: usize,
}

/// A character's head, child of their `CastMember` root.
#[derive(Component)]
pub struct Head;

/// The order the cast's systems run in each frame, within the app's
/// sets: reading happens in `AppSystems::Follow`, the rest in the
/// pausable `AppSystems::Move`, so everyone holds still while paused.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
enum Staging {
    /// Reading the session's outputs: presence, attitude, cues, crowding.
    Follow,
    /// Walking, blending and gesturing towards what was read.
    Move,
    /// Turning all that into the body's pose.
    Pose,
}

pub(super) fn plugin(app: &mut App) {
    app.configure_sets(Update, Staging::Follow.in_set(AppSystems::Follow))
        .configure_sets(Update, (Staging::Move, Staging::Pose).chain().in_set(AppSystems::Move))
        .add_plugins((walk::plugin, attitude::plugin, gestures::plugin, crowding::plugin))
        .add_systems(Startup, spawn_cast)
        .add_systems(Update, follow_session.in_set(Staging::Follow))
        .add_systems(Update, (compose, rig, look_and_talk).chain().in_set(Staging::Pose));
}

// ------------------------------------------------------------ read model

/// One character as a test or a tool sees them: what the body shows, read
/// from the same components the renderer draws. World coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct CharacterState {
    pub index: usize,
    pub name: String,
    /// In the room and drawn (walking in counts).
    pub present: bool,
    /// Present and seen now: not while the view is faded for a pause.
    pub seen: bool,
    /// Walking (in, out, or round the room), not seated or standing still.
    pub walking: bool,
    pub position: Vec3,
    /// The head's centre.
    pub head: Vec3,
    /// The left wrist: lifted in front of the chest for a watch check.
    pub left_wrist: Vec3,
    /// The mouth's curve as shown: above 0 a smile, below 0 turned down.
    pub mouth: f32,
    /// 0 arms resting .. 1 arms crossed.
    pub arms_crossed: f32,
    /// The eyebrows' angle: positive a frown.
    pub brow_angle: f32,
    /// How far into a watch check (0..1).
    pub watch: f32,
}

/// Every character, in the scenario's cast order.
pub(crate) fn characters(world: &mut World) -> Vec<CharacterState> {
    let mut query = world.query::<(
        Entity,
        &CastMember,
        &Name,
        &Visibility,
        &Movement,
        &Gait,
        &Expression,
        &Gestures,
        &Pose,
        &GlobalTransform,
    )>();
    let mut all: Vec<CharacterState> = query
        .iter(world)
        .map(|(entity, member, name, visibility, movement, gait, expression, gestures, pose, at)| {
            let present = *visibility != Visibility::Hidden && movement.is_in();
            CharacterState {
                index: member.index,
                name: name.as_str().to_string(),
                present,
                seen: present && !super::pause_fade::body_hidden(world, entity),
                walking: gait.stride > 0.05,
                position: at.translation(),
                head: at.transform_point(pose.head_at),
                left_wrist: at.transform_point(pose.wrist_at),
                mouth: expression.now.mouth,
                arms_crossed: expression.now.crossed,
                brow_angle: expression.now.brow_angle,
                watch: gestures.watch,
            }
        })
        .collect();
    all.sort_by_key(|c| c.index);
    all
}
