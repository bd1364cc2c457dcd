//! The characters: humanoids told apart by skin, hair and clothing, at
//! their seats. They breathe and sway a little, turn their heads toward
//! the participant as much as their gaze setting says, nod while they
//! speak, and are there or not as the level says.

use bevy::prelude::*;

use super::Loaded;
use super::driver::{DriveSession, SessionOutput, SessionView};
use super::stage::{EYE_HEIGHT, ParticipantView, facing};
use crate::scenario::check::parse_hex_colour;
use crate::session::Output;

#[derive(Component)]
pub struct CastMember {
    pub index: usize,
    /// Share of time spent looking at the participant (from the level).
    pub gaze: f32,
    /// A per-person offset so the room does not move in unison.
    phase: f32,
}

/// A character's head, child of their `CastMember` root.
#[derive(Component)]
pub struct Head;

#[derive(Component)]
struct Torso;

pub fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_cast)
        .add_systems(Update, (follow_session, (breathe, look_and_talk)).chain().after(DriveSession));
}

fn colour(hex: &str) -> Color {
    let [r, g, b] = parse_hex_colour(hex).unwrap_or([0.5, 0.5, 0.5]);
    Color::srgb(r, g, b)
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
    let torso_mesh = meshes.add(Capsule3d::new(0.19, 0.38));
    let head_mesh = meshes.add(Sphere::new(0.11));
    let hair_mesh = meshes.add(Sphere::new(0.118));
    let eye_mesh = meshes.add(Sphere::new(0.018));
    let pupil_mesh = meshes.add(Sphere::new(0.009));
    let arm_mesh = meshes.add(Capsule3d::new(0.045, 0.42));
    let leg_mesh = meshes.add(Capsule3d::new(0.06, 0.42));

    for (index, c) in s.cast.iter().enumerate() {
        let Some(seat) = s.setting.seats.iter().find(|seat| seat.id == c.seat) else { continue };
        let seated = !seat.standing;
        let skin = mat(colour(&c.look.skin));
        let hair = mat(colour(&c.look.hair));
        let clothing = mat(colour(&c.look.clothing));
        // Seated hips at chair height; standing hips higher.
        let hip = if seated { 0.47 } else { 0.92 };
        let root = Transform::from_xyz(seat.at.0, 0.0, seat.at.1).with_rotation(facing(seat.facing));
        commands
            .spawn((
                root,
                Visibility::Hidden,
                CastMember { index, gaze: c.behaviour.gaze, phase: index as f32 * 1.7 },
                Name::new(c.name.clone()),
            ))
            .with_children(|body| {
                if let Some(model) = &c.model {
                    // The author's model replaces the built-in body. The
                    // head stays as an empty marker where a seated or
                    // standing person's face is, so gaze is still measured.
                    body.spawn(WorldAssetRoot(assets.load(super::stage::model_scene(&loaded, model))));
                    body.spawn((Transform::from_xyz(0.0, hip + 0.74, 0.0), Visibility::Inherited, Head));
                    return;
                }
                body.spawn((
                    Mesh3d(torso_mesh.clone()),
                    MeshMaterial3d(clothing.clone()),
                    Transform::from_xyz(0.0, hip + 0.36, 0.0),
                    Torso,
                ));
                for side in [-1.0f32, 1.0] {
                    body.spawn((
                        Mesh3d(arm_mesh.clone()),
                        MeshMaterial3d(clothing.clone()),
                        Transform::from_xyz(side * 0.25, hip + 0.38, 0.06)
                            .with_rotation(Quat::from_rotation_x(if seated { -0.6 } else { -0.1 })),
                    ));
                    let leg = if seated {
                        Transform::from_xyz(side * 0.1, hip, 0.22).with_rotation(Quat::from_rotation_x(1.5))
                    } else {
                        Transform::from_xyz(side * 0.1, 0.45, 0.0)
                    };
                    body.spawn((Mesh3d(leg_mesh.clone()), MeshMaterial3d(trousers.clone()), leg));
                }
                body.spawn((Transform::from_xyz(0.0, hip + 0.74, 0.0), Visibility::Inherited, Head))
                    .with_children(|head| {
                        head.spawn((
                            Mesh3d(head_mesh.clone()),
                            MeshMaterial3d(skin.clone()),
                            Transform::IDENTITY,
                        ));
                        head.spawn((
                            Mesh3d(hair_mesh.clone()),
                            MeshMaterial3d(hair.clone()),
                            Transform::from_xyz(0.0, 0.03, -0.025).with_scale(Vec3::new(1.0, 0.8, 1.0)),
                        ));
                        for side in [-1.0f32, 1.0] {
                            head.spawn((
                                Mesh3d(eye_mesh.clone()),
                                MeshMaterial3d(eye_white.clone()),
                                Transform::from_xyz(side * 0.038, 0.015, 0.095),
                            ));
                            head.spawn((
                                Mesh3d(pupil_mesh.clone()),
                                MeshMaterial3d(pupil.clone()),
                                Transform::from_xyz(side * 0.038, 0.015, 0.11),
                            ));
                        }
                    });
            });
    }
}

/// Presence and behaviour come from the session's Cast outputs.
fn follow_session(
    mut outputs: MessageReader<SessionOutput>,
    mut cast: Query<(&mut CastMember, &mut Visibility)>,
) {
    for SessionOutput(o) in outputs.read() {
        if let Output::Cast { character, present, behaviour } = &o.item {
            for (mut member, mut visibility) in &mut cast {
                if member.index == *character {
                    member.gaze = behaviour.gaze;
                    *visibility = if *present { Visibility::Inherited } else { Visibility::Hidden };
                }
            }
        }
    }
}

fn breathe(
    time: Res<Time>,
    view: Res<SessionView>,
    mut torsos: Query<(&ChildOf, &mut Transform), With<Torso>>,
    cast: Query<&CastMember>,
) {
    if view.paused {
        return; // Everyone holds still while paused.
    }
    let t = time.elapsed_secs();
    for (parent, mut transform) in &mut torsos {
        let phase = cast.get(parent.parent()).map_or(0.0, |c| c.phase);
        let breath = (t * 1.6 + phase).sin() * 0.012;
        transform.scale = Vec3::new(1.0 + breath, 1.0, 1.0 + breath);
        transform.rotation = Quat::from_rotation_z((t * 0.4 + phase).sin() * 0.015);
    }
}

/// Heads turn toward the participant for the share of time their gaze
/// says, otherwise down toward the table; the speaker nods as they talk.
fn look_and_talk(
    time: Res<Time>,
    view: Res<SessionView>,
    camera: Query<&GlobalTransform, With<ParticipantView>>,
    cast: Query<(&CastMember, &GlobalTransform)>,
    mut heads: Query<(&ChildOf, &mut Transform), With<Head>>,
) {
    if view.paused {
        return;
    }
    let eye = camera.single().map_or(Vec3::new(0.0, EYE_HEIGHT, 1.5), GlobalTransform::translation);
    let t = time.elapsed_secs();
    let speaker = view.line.map(|(_, by, _)| by);
    for (parent, mut head) in &mut heads {
        let Ok((member, body)) = cast.get(parent.parent()) else { continue };
        // An 8-second cycle: looking at the participant for `gaze` of it.
        let cycle = ((t + member.phase * 3.0) / 8.0).fract();
        let speaking = speaker == Some(member.index);
        let at_participant = speaking || cycle < member.gaze;
        let local_target = body.affine().inverse().transform_point3(eye);
        let head_pos = head.translation;
        let to_target = (local_target - head_pos).normalize_or_zero();
        let look = if at_participant {
            Quat::from_rotation_arc(Vec3::Z, to_target)
        } else {
            Quat::from_rotation_x(0.35) // down at the table or their notes
        };
        let nod = if speaking { Quat::from_rotation_x((t * 6.0).sin() * 0.05) } else { Quat::IDENTITY };
        let target = look * nod;
        head.rotation = head.rotation.slerp(target, 0.08);
    }
}
