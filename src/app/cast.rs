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

mod attitude;
mod crowding;
mod gestures;
mod route;
mod walk;

use std::f32::consts::FRAC_PI_2;

use bevy::prelude::*;

use self::attitude::Expression;
use self::gestures::Gestures;
use self::walk::{Gait, Movement};
use super::AppSystems;
use super::Loaded;
use super::driver::{SessionOutput, SessionView};
use super::stage::{ParticipantView, facing};
use crate::room::SEATED_HEAD_M;
use crate::scenario::check::parse_hex_colour;
use crate::session::Output;

#[derive(Component)]
pub struct CastMember {
    pub index: usize,
    /// Share of time spent looking at the participant (from the level).
    pub gaze: f32,
    /// A per-person offset so the room does not move in unison.
    phase: f32,
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

// ------------------------------------------------------------------ body

/// Hip height seated (on a 0.45 m chair) and standing, metres.
const SEATED_HIP: f32 = 0.47;
const STANDING_HIP: f32 = 0.92;
/// The head's centre above the hips.
const NECK: f32 = 0.74;
/// Shoulder joints, from the hips.
const SHOULDER: Vec3 = Vec3::new(0.24, 0.6, 0.0);
const UPPER_ARM: f32 = 0.27;
const FOREARM: f32 = 0.23;
const HIP_WIDTH: f32 = 0.1;
const THIGH: f32 = 0.43;
const SHIN: f32 = 0.45;
/// Eyebrows and mouth on the head.
const BROW: Vec3 = Vec3::new(0.04, 0.052, 0.092);
const MOUTH: Vec3 = Vec3::new(0.016, -0.046, 0.094);
/// The chest is flatter front to back than across.
const CHEST_DEPTH: f32 = 0.7;

/// Left (-x) and right (+x), as indices 0 and 1.
const SIDES: [f32; 2] = [-1.0, 1.0];

/// A moving part of a character's body, and whose.
#[derive(Component)]
struct Part {
    owner: Entity,
    limb: Limb,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Limb {
    /// The hips' pivot, carrying the upper body.
    Spine,
    Chest,
    Shoulder(usize),
    Elbow(usize),
    Hip(usize),
    Knee(usize),
    Brow(usize),
    MouthCorner(usize),
    Head,
}

/// An arm's angles: swung forward, out to the side, bent at the elbow,
/// and the forearm turned in across the body. Radians.
#[derive(Debug, Clone, Copy, Default)]
struct Arm {
    pitch: f32,
    roll: f32,
    bend: f32,
    inward: f32,
}

impl Arm {
    /// Hanging at the side, standing.
    const HANG: Arm = Arm { pitch: 0.05, roll: 0.1, bend: 0.2, inward: 0.15 };
    /// Forearms forward on the thighs or the table edge, seated.
    const REST: Arm = Arm { pitch: 0.35, roll: 0.05, bend: 1.2, inward: 0.35 };
    /// Folded across the chest.
    const CROSSED: Arm = Arm { pitch: 0.6, roll: -0.1, bend: 1.5, inward: 1.5 };
    /// The left wrist lifted in front of the chest to read the watch.
    const WATCH: Arm = Arm { pitch: 1.0, roll: -0.1, bend: 1.6, inward: 1.0 };
    /// A hand raised to make a point.
    const POINT: Arm = Arm { pitch: 0.85, roll: 0.2, bend: 1.1, inward: 0.35 };
    /// Hands forward at a keyboard.
    const KEYS: Arm = Arm { pitch: 0.45, roll: 0.08, bend: 1.3, inward: 0.45 };

    fn lerp(self, to: Arm, k: f32) -> Arm {
        let l = |a: f32, b: f32| a + (b - a) * k;
        Arm {
            pitch: l(self.pitch, to.pitch),
            roll: l(self.roll, to.roll),
            bend: l(self.bend, to.bend),
            inward: l(self.inward, to.inward),
        }
    }

    /// Shoulder and elbow rotations for the arm on side `s` (-1 or 1).
    fn joints(self, s: f32) -> (Quat, Quat) {
        (
            Quat::from_rotation_z(s * self.roll) * Quat::from_rotation_x(-self.pitch),
            Quat::from_rotation_y(-s * self.inward) * Quat::from_rotation_x(-self.bend),
        )
    }
}

/// Where every part of a character's body is this frame.
#[derive(Component, Debug, Default)]
struct Pose {
    hip: f32,
    spine: Quat,
    breath: f32,
    shoulder_lift: f32,
    shoulders: [Quat; 2],
    elbows: [Quat; 2],
    thighs: [Quat; 2],
    knees: [Quat; 2],
    brows: [Quat; 2],
    brow_raise: f32,
    mouth: [Quat; 2],
    /// The head's centre and the left wrist, in the character's own frame.
    head_at: Vec3,
    wrist_at: Vec3,
}

fn colour(hex: &str) -> Color {
    let [r, g, b] = parse_hex_colour(hex).unwrap_or([0.5, 0.5, 0.5]);
    Color::srgb(r, g, b)
}

fn darker(hex: &str, by: f32) -> Color {
    let [r, g, b] = parse_hex_colour(hex).unwrap_or([0.3, 0.25, 0.2]);
    Color::srgb(r * by, g * by, b * by)
}

struct Meshes {
    torso: Handle<Mesh>,
    head: Handle<Mesh>,
    hair: Handle<Mesh>,
    eye: Handle<Mesh>,
    pupil: Handle<Mesh>,
    brow: Handle<Mesh>,
    lip: Handle<Mesh>,
    upper_arm: Handle<Mesh>,
    forearm: Handle<Mesh>,
    hand: Handle<Mesh>,
    watch: Handle<Mesh>,
    thigh: Handle<Mesh>,
    shin: Handle<Mesh>,
    foot: Handle<Mesh>,
}

struct Colours {
    skin: Handle<StandardMaterial>,
    hair: Handle<StandardMaterial>,
    brow: Handle<StandardMaterial>,
    clothing: Handle<StandardMaterial>,
    trousers: Handle<StandardMaterial>,
    eye_white: Handle<StandardMaterial>,
    pupil: Handle<StandardMaterial>,
    lips: Handle<StandardMaterial>,
    watch: Handle<StandardMaterial>,
    shoes: Handle<StandardMaterial>,
}

fn spawn_cast(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    assets: Res<AssetServer>,
    loaded: Res<Loaded>,
) {
    let s = &loaded.scenario.scenario;
    let mut mat =
        |c: Color| materials.add(StandardMaterial { base_color: c, perceptual_roughness: 0.8, ..default() });
    let eye_white = mat(Color::srgb(0.95, 0.95, 0.95));
    let pupil = mat(Color::srgb(0.08, 0.06, 0.05));
    let trousers = mat(Color::srgb(0.18, 0.19, 0.22));
    let lips = mat(Color::srgb(0.42, 0.12, 0.12));
    let watch = mat(Color::srgb(0.1, 0.1, 0.12));
    let shoes = mat(Color::srgb(0.12, 0.1, 0.09));
    let m = Meshes {
        torso: meshes.add(Capsule3d::new(0.19, 0.38)),
        head: meshes.add(Sphere::new(0.11)),
        hair: meshes.add(Sphere::new(0.118)),
        eye: meshes.add(Sphere::new(0.018)),
        pupil: meshes.add(Sphere::new(0.009)),
        brow: meshes.add(Cuboid::new(0.044, 0.012, 0.016)),
        lip: meshes.add(Cuboid::new(0.032, 0.012, 0.014)),
        upper_arm: meshes.add(Capsule3d::new(0.05, UPPER_ARM - 0.06)),
        forearm: meshes.add(Capsule3d::new(0.045, FOREARM - 0.05)),
        hand: meshes.add(Sphere::new(0.045)),
        watch: meshes.add(Cuboid::new(0.1, 0.03, 0.1)),
        thigh: meshes.add(Capsule3d::new(0.065, THIGH - 0.1)),
        shin: meshes.add(Capsule3d::new(0.055, SHIN - 0.1)),
        foot: meshes.add(Cuboid::new(0.1, 0.07, 0.24)),
    };

    for (index, c) in s.cast.iter().enumerate() {
        let Some(seat_index) = s.setting.seats.iter().position(|seat| seat.id == c.seat) else { continue };
        let seat = &s.setting.seats[seat_index];
        let stand = if seat.standing { 1.0 } else { 0.0 };
        let colours = Colours {
            skin: mat(colour(&c.look.skin)),
            hair: mat(colour(&c.look.hair)),
            brow: mat(darker(&c.look.hair, 0.55)),
            clothing: mat(colour(&c.look.clothing)),
            trousers: trousers.clone(),
            eye_white: eye_white.clone(),
            pupil: pupil.clone(),
            lips: lips.clone(),
            watch: watch.clone(),
            shoes: shoes.clone(),
        };
        let root = commands
            .spawn((
                Transform::from_xyz(seat.at.0, 0.0, seat.at.1).with_rotation(facing(seat.facing)),
                Visibility::Hidden,
                CastMember { index, gaze: c.behaviour.gaze, phase: index as f32 * 1.7, seat: seat_index },
                Movement::default(),
                Gait { stand, ..default() },
                Expression::new(c.behaviour.attitude),
                Gestures::default(),
                Pose::default(),
                Name::new(c.name.clone()),
            ))
            .id();
        let hip = SEATED_HIP + (STANDING_HIP - SEATED_HIP) * stand;
        let head_at = Vec3::new(0.0, hip + NECK, 0.0);
        if let Some(model) = &c.model {
            // The author's model replaces the built-in body; it walks and
            // turns, but has no parts to pose. The head stays as an empty
            // marker where a face is, so gaze is still measured.
            commands.entity(root).with_children(|body| {
                body.spawn(WorldAssetRoot(assets.load(super::stage::model_scene(&loaded, model))));
                body.spawn((
                    Transform::from_translation(head_at),
                    Visibility::Inherited,
                    Head,
                    Part { owner: root, limb: Limb::Head },
                ));
            });
            continue;
        }
        commands.entity(root).with_children(|body| build_body(body, root, hip, &m, &colours));
    }
}

fn build_body(body: &mut ChildSpawnerCommands, owner: Entity, hip: f32, m: &Meshes, c: &Colours) {
    let part = |limb| Part { owner, limb };
    let piece = |mesh: &Handle<Mesh>, material: &Handle<StandardMaterial>, at: Transform| {
        (Mesh3d(mesh.clone()), MeshMaterial3d(material.clone()), at)
    };
    // The upper body turns about the hips.
    body.spawn((Transform::from_xyz(0.0, hip, 0.0), Visibility::Inherited, part(Limb::Spine))).with_children(
        |spine| {
            spine.spawn((
                piece(
                    &m.torso,
                    &c.clothing,
                    Transform::from_xyz(0.0, 0.32, 0.0).with_scale(Vec3::new(1.0, 1.0, CHEST_DEPTH)),
                ),
                part(Limb::Chest),
            ));
            for (i, s) in SIDES.into_iter().enumerate() {
                spine
                    .spawn((
                        Transform::from_translation(SHOULDER * Vec3::new(s, 1.0, 1.0)),
                        Visibility::Inherited,
                        part(Limb::Shoulder(i)),
                    ))
                    .with_children(|shoulder| {
                        shoulder.spawn(piece(
                            &m.upper_arm,
                            &c.clothing,
                            Transform::from_xyz(0.0, -0.12, 0.0),
                        ));
                        shoulder
                            .spawn((
                                Transform::from_xyz(0.0, -UPPER_ARM, 0.0),
                                Visibility::Inherited,
                                part(Limb::Elbow(i)),
                            ))
                            .with_children(|elbow| {
                                elbow.spawn(piece(
                                    &m.forearm,
                                    &c.clothing,
                                    Transform::from_xyz(0.0, -0.1, 0.0),
                                ));
                                elbow.spawn(piece(
                                    &m.hand,
                                    &c.skin,
                                    Transform::from_xyz(0.0, -FOREARM - 0.02, 0.0),
                                ));
                                if i == 0 {
                                    elbow.spawn(piece(
                                        &m.watch,
                                        &c.watch,
                                        Transform::from_xyz(0.0, -FOREARM + 0.03, 0.0),
                                    ));
                                }
                            });
                    });
            }
        },
    );
    for (i, s) in SIDES.into_iter().enumerate() {
        body.spawn((Transform::from_xyz(s * HIP_WIDTH, hip, 0.0), Visibility::Inherited, part(Limb::Hip(i))))
            .with_children(|thigh| {
                thigh.spawn(piece(&m.thigh, &c.trousers, Transform::from_xyz(0.0, -THIGH / 2.0, 0.0)));
                thigh
                    .spawn((
                        Transform::from_xyz(0.0, -THIGH, 0.0),
                        Visibility::Inherited,
                        part(Limb::Knee(i)),
                    ))
                    .with_children(|shin| {
                        shin.spawn(piece(&m.shin, &c.trousers, Transform::from_xyz(0.0, -SHIN / 2.0, 0.0)));
                        shin.spawn(piece(&m.foot, &c.shoes, Transform::from_xyz(0.0, -SHIN + 0.01, 0.06)));
                    });
            });
    }
    body.spawn((Transform::from_xyz(0.0, hip + NECK, 0.0), Visibility::Inherited, Head, part(Limb::Head)))
        .with_children(|head| {
            head.spawn(piece(&m.head, &c.skin, Transform::IDENTITY));
            head.spawn(piece(
                &m.hair,
                &c.hair,
                Transform::from_xyz(0.0, 0.03, -0.025).with_scale(Vec3::new(1.0, 0.8, 1.0)),
            ));
            for (i, s) in SIDES.into_iter().enumerate() {
                head.spawn(piece(&m.eye, &c.eye_white, Transform::from_xyz(s * 0.038, 0.015, 0.095)));
                head.spawn(piece(&m.pupil, &c.pupil, Transform::from_xyz(s * 0.038, 0.015, 0.11)));
                head.spawn((
                    piece(&m.brow, &c.brow, Transform::from_translation(BROW * Vec3::new(s, 1.0, 1.0))),
                    part(Limb::Brow(i)),
                ));
                // A mouth corner turns about the mouth's middle: up for a
                // smile, down for displeasure.
                head.spawn((
                    Transform::from_translation(MOUTH * Vec3::new(s, 1.0, 1.0)),
                    Visibility::Inherited,
                    part(Limb::MouthCorner(i)),
                ))
                .with_child(piece(
                    &m.lip,
                    &c.lips,
                    Transform::from_xyz(s * 0.015, 0.0, 0.0),
                ));
            }
            head.spawn(piece(&m.lip, &c.lips, Transform::from_xyz(0.0, MOUTH.y, MOUTH.z + 0.002)));
        });
}

// ------------------------------------------------------------------ session

/// Presence, behaviour and attitude come from the session's Cast outputs:
/// at the start everyone simply is where the level puts them; after a
/// level change they walk and their bearing blends.
fn follow_session(
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

// ------------------------------------------------------------------ pose

/// Everything a character is doing, as one pose.
fn compose(time: Res<Time>, mut cast: Query<(&CastMember, &Gait, &Expression, &Gestures, &mut Pose)>) {
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
fn rig(poses: Query<&Pose>, mut parts: Query<(&Part, &mut Transform)>) {
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
fn look_and_talk(
    time: Res<Time>,
    view: Res<SessionView>,
    camera: Query<&GlobalTransform, With<ParticipantView>>,
    cast: Query<(&CastMember, &GlobalTransform, &Gait, &Expression, &Gestures, &Pose)>,
    mut heads: Query<(&ChildOf, &mut Transform), With<Head>>,
) {
    let eye = camera.single().map_or(Vec3::new(0.0, SEATED_HEAD_M, 1.5), GlobalTransform::translation);
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

// ------------------------------------------------------------ read model

/// One character as a test or a tool sees them: what the body shows, read
/// from the same components the renderer draws. World coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct CharacterState {
    pub index: usize,
    pub name: String,
    /// In the room and drawn (walking in counts).
    pub present: bool,
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
        .map(|(member, name, visibility, movement, gait, expression, gestures, pose, at)| CharacterState {
            index: member.index,
            name: name.as_str().to_string(),
            present: *visibility != Visibility::Hidden && movement.is_in(),
            walking: gait.stride > 0.05,
            position: at.translation(),
            head: at.transform_point(pose.head_at),
            left_wrist: at.transform_point(pose.wrist_at),
            mouth: expression.now.mouth,
            arms_crossed: expression.now.crossed,
            brow_angle: expression.now.brow_angle,
            watch: gestures.watch,
        })
        .collect();
    all.sort_by_key(|c| c.index);
    all
}
