//! What a character is doing, as one pose: breathing, sway, posture,
//! arms and legs from the gait, attitude and gestures (`compose`); the
//! parts put where the pose says (`rig`); heads turned and nodding
//! (`look_and_talk`).

use std::f32::consts::FRAC_PI_2;

use bevy::prelude::*;

use super::attitude::Expression;
use super::body::*;
use super::gestures::Gestures;
use super::walk::Gait;
use super::{CastMember, Head};
use crate::app::driver::SessionView;
use crate::app::stage::{ParticipantView, participant_place};
use crate::room::SEATED_HEAD_M;
use crate::session::RunKind;

/// Everything a character is doing, as one pose.
pub(super) fn compose(
    time: Res<Time>,
    mut cast: Query<(&CastMember, &Gait, &Expression, &Gestures, &mut Pose)>,
) {
    let t = time.elapsed_secs();
    for (member, gait, expression, g, mut pose) in &mut cast {
        let b = expression.now;
        let phase = member.phase;
        // A stare freezes the small movements of life; walking replaces them.
        let still = 1.0 - g.stare;
        let walking = gait.stride;
        let settled = 1.0 - walking;
        let restless = b.fidget * still * settled;

        let bob = (1.0 - (2.0 * gait.cycle).cos()) * 0.012 * walking;
        let hip = SEATED_HIP + (STANDING_HIP - SEATED_HIP) * gait.stand + bob;
        let sway = (t * 0.4 + phase).sin() * 0.015 * still;
        let shift = (t * 1.3 + phase).sin() * 0.07 * restless;
        let lean =
            b.lean * (1.0 - 0.5 * gait.stand) * settled + 0.2 * g.remark - 0.06 * g.sigh + 0.04 * walking;
        let spine = Quat::from_rotation_y(shift)
            * Quat::from_rotation_z(b.tilt * settled + sway)
            * Quat::from_rotation_x(lean);
        let breath = (t * 1.6 + phase).sin() * 0.012 * (0.3 + 0.7 * still) + 0.04 * g.sigh;
        let shoulder_lift = 0.05 * g.sigh;

        // Arms: at rest for sitting or standing, folded for a critical
        // bearing, then whatever a cue asks of them; swinging in the walk.
        let rest = Arm::REST.lerp(Arm::HANG, gait.stand);
        let folded = rest.lerp(Arm::CROSSED, b.crossed * settled).lerp(Arm::KEYS, g.typing);
        let mut arms = [folded, folded];
        // The right forearm lies over the left.
        arms[1].bend += 0.12 * b.crossed * settled;
        arms[0] = arms[0].lerp(Arm::WATCH, g.watch);
        let beat = Arm { bend: Arm::POINT.bend + (t * 6.0).sin() * 0.35 * still, ..Arm::POINT };
        arms[1] = arms[1].lerp(beat, g.remark);
        arms[1].bend += (t * 9.0 + phase).sin() * 0.1 * restless * (1.0 - b.crossed);
        arms[0].bend += (t * 14.0).sin() * 0.06 * g.typing;
        arms[1].bend += (t * 14.0).cos() * 0.06 * g.typing;
        let swing = gait.cycle.sin() * 0.4 * walking;
        arms[0].pitch += swing;
        arms[1].pitch -= swing;

        let mut wrist_at = Vec3::ZERO;
        for (i, s) in SIDES.into_iter().enumerate() {
            let (shoulder, elbow) = arms[i].joints(s);
            pose.shoulders[i] = shoulder;
            pose.elbows[i] = elbow;
            if i == 0 {
                let at = Vec3::new(0.0, hip, 0.0)
                    + spine * (SHOULDER * Vec3::new(s, 1.0, 1.0) + Vec3::Y * shoulder_lift);
                let turned = spine * shoulder;
                wrist_at = at + turned * Vec3::NEG_Y * UPPER_ARM + turned * elbow * Vec3::NEG_Y * FOREARM;
            }
            // Legs: thighs forward and shins down when seated; straight
            // when standing; a stride when walking, the knee bending as
            // the leg swings through.
            let sit = FRAC_PI_2 * (1.0 - gait.stand);
            let swing = s * gait.cycle.sin() * 0.45 * walking;
            let lift = (s * gait.cycle.cos()).max(0.0) * 0.6 * walking;
            pose.thighs[i] = Quat::from_rotation_x(-(sit + swing));
            pose.knees[i] = Quat::from_rotation_x(sit + lift);

            pose.brows[i] = Quat::from_rotation_z(s * b.brow_angle);
            pose.mouth[i] = Quat::from_rotation_z(s * b.mouth * 0.55);
        }
        pose.hip = hip;
        pose.spine = spine;
        pose.breath = breath;
        pose.shoulder_lift = shoulder_lift;
        pose.brow_raise = b.brow_raise;
        pose.head_at = Vec3::new(0.0, hip, 0.0) + spine * Vec3::new(0.0, NECK + 0.6 * shoulder_lift, 0.0);
        pose.wrist_at = wrist_at;
    }
}

/// Puts every part where its owner's pose says.
pub(super) fn rig(poses: Query<&Pose>, mut parts: Query<(&Part, &mut Transform)>) {
    for (part, mut at) in &mut parts {
        let Ok(p) = poses.get(part.owner) else { continue };
        match part.limb {
            Limb::Spine => {
                at.translation.y = p.hip;
                at.rotation = p.spine;
            }
            Limb::Chest => at.scale = Vec3::new(1.0 + p.breath, 1.0, CHEST_DEPTH * (1.0 + p.breath)),
            Limb::Shoulder(i) => {
                at.translation.y = SHOULDER.y + p.shoulder_lift;
                at.rotation = p.shoulders[i];
            }
            Limb::Elbow(i) => at.rotation = p.elbows[i],
            Limb::Hip(i) => {
                at.translation.y = p.hip;
                at.rotation = p.thighs[i];
            }
            Limb::Knee(i) => at.rotation = p.knees[i],
            Limb::Brow(i) => {
                at.translation.y = BROW.y + p.brow_raise;
                at.rotation = p.brows[i];
            }
            Limb::MouthCorner(i) => at.rotation = p.mouth[i],
            Limb::Head => at.translation = p.head_at,
        }
    }
}

/// Heads turn toward the participant for the share of time their gaze
/// says, otherwise down toward the table (or aside, when uninterested);
/// the speaker nods as they talk. A stare holds every head on the
/// participant; a watch check takes the eyes to the wrist; walking, they
/// look where they go.
#[allow(clippy::type_complexity)]
pub(super) fn look_and_talk(
    time: Res<Time>,
    view: Res<SessionView>,
    loaded: Res<crate::app::Loaded>,
    camera: Query<&GlobalTransform, With<ParticipantView>>,
    cast: Query<(&CastMember, &GlobalTransform, &Gait, &Expression, &Gestures, &Pose)>,
    mut heads: Query<(&ChildOf, &mut Transform), With<Head>>,
) {
    // In a modelling run the people answer the peer in the participant's
    // seat, not the participant watching from the side.
    let eye = match loaded.options.kind {
        RunKind::Modelling => participant_place(&loaded.scenario.scenario.setting, RunKind::Practice).0,
        RunKind::Practice => {
            camera.single().map_or(Vec3::new(0.0, SEATED_HEAD_M, 1.5), GlobalTransform::translation)
        }
    };
    // The peer, in the seat those looks go to, looks ahead at the people
    // they answer.
    let peer = match loaded.options.kind {
        RunKind::Modelling => loaded.scenario.scenario.peer_index(),
        RunKind::Practice => None,
    };
    let t = time.elapsed_secs();
    let dt = time.delta_secs();
    let speaker = view.line.map(|(_, by, _)| by);
    for (parent, mut head) in &mut heads {
        let Ok((member, body, gait, expression, g, pose)) = cast.get(parent.parent()) else { continue };
        // An 8-second cycle: looking at the participant for `gaze` of it.
        let cycle = ((t + member.phase * 3.0) / 8.0).fract();
        let speaking = speaker == Some(member.index);
        let at_participant = speaking || cycle < member.gaze || g.stare > 0.5 || g.remark > 0.5;
        let local_eye = body.affine().inverse().transform_point3(eye);
        let look = if gait.stride > 0.5 {
            Quat::from_rotation_x(0.12)
        } else if g.watch > 0.5 {
            Quat::from_rotation_arc(Vec3::Z, (pose.wrist_at - pose.head_at).normalize_or(Vec3::Z))
        } else if at_participant && peer == Some(member.index) {
            Quat::from_rotation_x(0.08)
        } else if at_participant {
            Quat::from_rotation_arc(Vec3::Z, (local_eye - pose.head_at).normalize_or(Vec3::Z))
        } else {
            // Down at the table or their notes; aside, out of the window,
            // when they would rather be elsewhere.
            let aside = expression.now.aside * if member.index % 2 == 0 { 0.6 } else { -0.6 };
            Quat::from_rotation_y(aside) * Quat::from_rotation_x(0.35 - 0.2 * expression.now.aside)
        };
        let emphasis = 1.0 + 1.5 * g.remark;
        let nod = if (speaking || g.remark > 0.5) && g.stare < 0.5 {
            Quat::from_rotation_x((t * 6.0).sin() * 0.05 * emphasis)
        } else {
            Quat::IDENTITY
        };
        let k = 1.0 - (-(5.0 + 8.0 * g.stare) * dt).exp();
        head.rotation = head.rotation.slerp(look * nod, k);
    }
}
