//! A character's body: its measures, the parts it is built from (spawned
//! once, each a child of the character's root), and the `Pose` every part
//! is put in each frame.

use bevy::prelude::*;

use super::attitude::Expression;
use super::gestures::Gestures;
use super::walk::{Gait, Movement};
use super::{CastMember, Head};
use crate::app::Loaded;
use crate::app::stage::facing;
use crate::scenario::check::parse_hex_colour;

/// Hip height seated (on a 0.45 m chair) and standing, metres.
pub(super) const SEATED_HIP: f32 = 0.47;
pub(super) const STANDING_HIP: f32 = 0.92;
/// The head's centre above the hips.
pub(super) const NECK: f32 = 0.74;
/// Shoulder joints, from the hips.
pub(super) const SHOULDER: Vec3 = Vec3::new(0.24, 0.6, 0.0);
pub(super) const UPPER_ARM: f32 = 0.27;
pub(super) const FOREARM: f32 = 0.23;
pub(super) const HIP_WIDTH: f32 = 0.1;
pub(super) const THIGH: f32 = 0.43;
pub(super) const SHIN: f32 = 0.45;
/// Eyebrows and mouth on the head.
pub(super) const BROW: Vec3 = Vec3::new(0.04, 0.052, 0.092);
pub(super) const MOUTH: Vec3 = Vec3::new(0.016, -0.046, 0.094);
/// The chest is flatter front to back than across.
pub(super) const CHEST_DEPTH: f32 = 0.7;

/// Left (-x) and right (+x), as indices 0 and 1.
pub(super) const SIDES: [f32; 2] = [-1.0, 1.0];

/// A moving part of a character's body, and whose.
#[derive(Component)]
pub(super) struct Part {
    pub(super) owner: Entity,
    pub(super) limb: Limb,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Limb {
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
pub(super) struct Arm {
    pub(super) pitch: f32,
    pub(super) roll: f32,
    pub(super) bend: f32,
    pub(super) inward: f32,
}

impl Arm {
    /// Hanging at the side, standing.
    pub(super) const HANG: Arm = Arm { pitch: 0.05, roll: 0.1, bend: 0.2, inward: 0.15 };
    /// Forearms forward on the thighs or the table edge, seated.
    pub(super) const REST: Arm = Arm { pitch: 0.35, roll: 0.05, bend: 1.2, inward: 0.35 };
    /// Folded across the chest.
    pub(super) const CROSSED: Arm = Arm { pitch: 0.6, roll: -0.1, bend: 1.5, inward: 1.5 };
    /// The left wrist lifted in front of the chest to read the watch.
    pub(super) const WATCH: Arm = Arm { pitch: 1.0, roll: -0.1, bend: 1.6, inward: 1.0 };
    /// A hand raised to make a point.
    pub(super) const POINT: Arm = Arm { pitch: 0.85, roll: 0.2, bend: 1.1, inward: 0.35 };
    /// Hands forward at a keyboard.
    pub(super) const KEYS: Arm = Arm { pitch: 0.45, roll: 0.08, bend: 1.3, inward: 0.45 };

    pub(super) fn lerp(self, to: Arm, k: f32) -> Arm {
        let l = |a: f32, b: f32| a + (b - a) * k;
        Arm {
            pitch: l(self.pitch, to.pitch),
            roll: l(self.roll, to.roll),
            bend: l(self.bend, to.bend),
            inward: l(self.inward, to.inward),
        }
    }

    /// Shoulder and elbow rotations for the arm on side `s` (-1 or 1).
    pub(super) fn joints(self, s: f32) -> (Quat, Quat) {
        (
            Quat::from_rotation_z(s * self.roll) * Quat::from_rotation_x(-self.pitch),
            Quat::from_rotation_y(-s * self.inward) * Quat::from_rotation_x(-self.bend),
        )
    }
}

/// Where every part of a character's body is this frame.
#[derive(Component, Debug, Default)]
pub(super) struct Pose {
    pub(super) hip: f32,
    pub(super) spine: Quat,
    pub(super) breath: f32,
    pub(super) shoulder_lift: f32,
    pub(super) shoulders: [Quat; 2],
    pub(super) elbows: [Quat; 2],
    pub(super) thighs: [Quat; 2],
    pub(super) knees: [Quat; 2],
    pub(super) brows: [Quat; 2],
    pub(super) brow_raise: f32,
    pub(super) mouth: [Quat; 2],
    /// The head's centre and the left wrist, in the character's own frame.
    pub(super) head_at: Vec3,
    pub(super) wrist_at: Vec3,
}

pub(super) fn colour(hex: &str) -> Color {
    let [r, g, b] = parse_hex_colour(hex).unwrap_or([0.5, 0.5, 0.5]);
    Color::srgb(r, g, b)
}

pub(super) fn darker(hex: &str, by: f32) -> Color {
    let [r, g, b] = parse_hex_colour(hex).unwrap_or([0.3, 0.25, 0.2]);
    Color::srgb(r * by, g * by, b * by)
}

pub(super) struct Meshes {
    pub(super) torso: Handle<Mesh>,
    pub(super) head: Handle<Mesh>,
    pub(super) hair: Handle<Mesh>,
    pub(super) eye: Handle<Mesh>,
    pub(super) pupil: Handle<Mesh>,
    pub(super) brow: Handle<Mesh>,
    pub(super) lip: Handle<Mesh>,
    pub(super) upper_arm: Handle<Mesh>,
    pub(super) forearm: Handle<Mesh>,
    pub(super) hand: Handle<Mesh>,
    pub(super) watch: Handle<Mesh>,
    pub(super) thigh: Handle<Mesh>,
    pub(super) shin: Handle<Mesh>,
    pub(super) foot: Handle<Mesh>,
}

pub(super) struct Colours {
    pub(super) skin: Handle<StandardMaterial>,
    pub(super) hair: Handle<StandardMaterial>,
    pub(super) brow: Handle<StandardMaterial>,
    pub(super) clothing: Handle<StandardMaterial>,
    pub(super) trousers: Handle<StandardMaterial>,
    pub(super) eye_white: Handle<StandardMaterial>,
    pub(super) pupil: Handle<StandardMaterial>,
    pub(super) lips: Handle<StandardMaterial>,
    pub(super) watch: Handle<StandardMaterial>,
    pub(super) shoes: Handle<StandardMaterial>,
}

pub(super) fn spawn_cast(
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
        // Someone on the phone or a video call has no body in the room.
        if c.remote.is_some() {
            continue;
        }
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
                body.spawn(WorldAssetRoot(assets.load(crate::app::stage::model_scene(&loaded, model))));
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

pub(super) fn build_body(body: &mut ChildSpawnerCommands, owner: Entity, hip: f32, m: &Meshes, c: &Colours) {
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
