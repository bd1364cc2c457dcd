//! The room: floor, walls, windows, furniture and light, built from the
//! scenario's setting, and the participant's seated view of it.
//!
//! Procedural shapes in calm office colours stand in until authors name
//! glTF models; sizes are real-world metres so the headset feels right.
//! The room's size, the furniture's footprints and heights, the chairs and
//! the eye heights come from the core (`crate::room`), which the walkers,
//! the sound and the checker read too; what is built here is only how
//! things look.

use bevy::prelude::*;

use super::Loaded;
use crate::room::{self, CHAIR_SIDE};
use crate::scenario::{PropKind, Setting};
use crate::session::RunKind;

/// A chair, standing at the seat with this index in the setting.
#[derive(Component)]
pub struct Chair {
    pub seat: usize,
}

/// The participant's view (the desktop camera; the mirror in a headset).
#[derive(Component)]
pub struct ParticipantView;

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(GlobalAmbientLight {
        color: Color::srgb(1.0, 0.97, 0.92),
        brightness: 350.0,
        ..default()
    })
    .insert_resource(ClearColor(Color::srgb(0.78, 0.84, 0.9)))
    .add_systems(Startup, build_room);
}

/// The rotation for a facing angle in degrees (0 looks along +z, 90 along +x).
pub fn facing(degrees: f32) -> Quat {
    Quat::from_rotation_y(degrees.to_radians())
}

/// Where the participant's eyes are, and which way they face: in their
/// seat, or in a modelling run at the side, watching the peer in it.
pub fn participant_place(setting: &Setting, kind: RunKind) -> (Vec3, Quat) {
    let head = match kind {
        RunKind::Practice => room::participant_head(setting),
        RunKind::Modelling => room::watcher_head(setting),
    };
    (Vec3::new(head.at.x, head.height, head.at.z), facing(head.facing))
}

/// A glTF model named in the scenario (relative to the scenario file),
/// as an asset path Bevy can load: absolute, so models may live beside the
/// scenario rather than in an assets folder.
pub fn model_scene(loaded: &Loaded, model: &str) -> bevy::asset::AssetPath<'static> {
    let path = loaded.scenario.base_dir().join(model);
    let path = std::path::absolute(&path).unwrap_or(path);
    GltfAssetLabel::Scene(0).from_asset(path)
}

struct Kit<'a, 'w, 's> {
    commands: &'a mut Commands<'w, 's>,
    meshes: &'a mut Assets<Mesh>,
    materials: &'a mut Assets<StandardMaterial>,
}

impl Kit<'_, '_, '_> {
    fn material(&mut self, color: Color, roughness: f32) -> Handle<StandardMaterial> {
        self.materials.add(StandardMaterial {
            base_color: color,
            perceptual_roughness: roughness,
            ..default()
        })
    }

    /// A box of `size` whose bottom centre sits at `at`.
    fn block(&mut self, size: Vec3, at: Vec3, rotation: Quat, material: Handle<StandardMaterial>) {
        let mesh = self.meshes.add(Cuboid::new(size.x, size.y, size.z));
        let centre = at + rotation * Vec3::new(0.0, size.y / 2.0, 0.0);
        self.commands.spawn((
            Mesh3d(mesh),
            MeshMaterial3d(material),
            Transform::from_translation(centre).with_rotation(rotation),
        ));
    }
}

fn build_room(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    assets: Res<AssetServer>,
    loaded: Res<Loaded>,
) {
    let setting = &loaded.scenario.scenario.setting;
    let (w, d) = room::room_size(setting.room);
    // A room model replaces the built-in shell (floor, walls, ceiling); the
    // furniture, props and lights are still placed from the scenario.
    if let Some(model) = &setting.model {
        commands.spawn((WorldAssetRoot(assets.load(model_scene(&loaded, model))), Transform::IDENTITY));
    }
    let mut kit = Kit { commands: &mut commands, meshes: &mut meshes, materials: &mut materials };
    if setting.model.is_none() {
        build_shell(&mut kit, w, d);
    }

    // Chairs at every seated place; each moves with its seat when the room
    // crowds in (see `cast::crowding`).
    let chair = kit.material(Color::srgb(0.2, 0.22, 0.26), 0.7);
    let back_mesh = kit.meshes.add(Cuboid::new(CHAIR_SIDE, 0.5, 0.06));
    for (index, seat) in setting.seats.iter().enumerate().filter(|(_, s)| !s.standing) {
        let height = if seat.high_chair { room::HIGH_CHAIR_SEAT_M } else { room::CHAIR_SEAT_M };
        let seat_mesh = kit.meshes.add(Cuboid::new(CHAIR_SIDE, height, CHAIR_SIDE));
        kit.commands
            .spawn((
                Transform::from_xyz(seat.at.0, 0.0, seat.at.1).with_rotation(facing(seat.facing)),
                Visibility::default(),
                Chair { seat: index },
            ))
            .with_children(|c| {
                c.spawn((
                    Mesh3d(seat_mesh.clone()),
                    MeshMaterial3d(chair.clone()),
                    Transform::from_xyz(0.0, height / 2.0, 0.0),
                ));
                c.spawn((
                    Mesh3d(back_mesh.clone()),
                    MeshMaterial3d(chair.clone()),
                    Transform::from_xyz(0.0, height + 0.25, -0.22),
                ));
            });
    }

    for prop in &setting.props {
        let surface = room::surface_under(setting, prop.at.into());
        let (at, rot) = (Vec3::new(prop.at.0, 0.0, prop.at.1), facing(prop.facing));
        match &prop.model {
            // A prop's model stands where the built-in shape would: on the
            // furniture under it, if any.
            Some(model) => {
                let on = at + Vec3::Y * surface.filter(|_| room::surface(prop.kind).is_none()).unwrap_or(0.0);
                kit.commands.spawn((
                    WorldAssetRoot(assets.load(model_scene(&loaded, model))),
                    Transform::from_translation(on).with_rotation(rot),
                ));
            }
            None => build_prop(&mut kit, prop.kind, at, rot, surface),
        }
    }

    // Light: a soft sun through the windows and ceiling panels.
    commands.spawn((
        DirectionalLight { illuminance: 4_000.0, shadow_maps_enabled: false, ..default() },
        Transform::from_xyz(3.0, 6.0, 2.0).looking_at(Vec3::ZERO, Vec3::Y),
    ));
    for x in [-w / 4.0, w / 4.0] {
        for z in [-d / 4.0, d / 4.0] {
            commands.spawn((
                PointLight {
                    intensity: 180_000.0,
                    range: 9.0,
                    color: Color::srgb(1.0, 0.96, 0.9),
                    shadow_maps_enabled: false,
                    ..default()
                },
                Transform::from_xyz(x, 2.6, z),
            ));
        }
    }

    let (eye, rotation) = participant_place(setting, loaded.options.kind);
    // A camera looks along its -z; a facing angle names +z, so turn it
    // round, then tilt a little down: the centre of the view rests on the
    // face of whoever sits across the table, as a seated person looks.
    let rest = rotation * Quat::from_rotation_y(std::f32::consts::PI) * Quat::from_rotation_x(-0.04);
    commands.spawn((
        Camera3d::default(),
        Camera { order: super::camera_order::PARTICIPANT_VIEW, ..default() },
        Projection::Perspective(PerspectiveProjection { fov: 70f32.to_radians(), ..default() }),
        Transform::from_translation(eye).with_rotation(rest),
        super::pointer::Look::new(rest),
        ParticipantView,
    ));
}

/// Floor, ceiling and walls of a room `w` by `d` metres.
fn build_shell(kit: &mut Kit<'_, '_, '_>, w: f32, d: f32) {
    let floor = kit.material(Color::srgb(0.55, 0.5, 0.45), 0.9);
    kit.block(Vec3::new(w, 0.02, d), Vec3::new(0.0, -0.02, 0.0), Quat::IDENTITY, floor);
    let ceiling = kit.material(Color::srgb(0.95, 0.95, 0.93), 1.0);
    kit.block(Vec3::new(w, 0.02, d), Vec3::new(0.0, 2.8, 0.0), Quat::IDENTITY, ceiling);
    let wall = kit.material(Color::srgb(0.9, 0.88, 0.83), 0.95);
    let accent = kit.material(Color::srgb(0.62, 0.72, 0.7), 0.95);
    for (size, at, m) in [
        (Vec3::new(w, 2.8, 0.1), Vec3::new(0.0, 0.0, -d / 2.0), accent.clone()),
        (Vec3::new(w, 2.8, 0.1), Vec3::new(0.0, 0.0, d / 2.0), wall.clone()),
        (Vec3::new(0.1, 2.8, d), Vec3::new(-w / 2.0, 0.0, 0.0), wall.clone()),
        (Vec3::new(0.1, 2.8, d), Vec3::new(w / 2.0, 0.0, 0.0), wall.clone()),
    ] {
        kit.block(size, at, Quat::IDENTITY, m);
    }
    // Skirting boards ground the walls visually.
    let skirting = kit.material(Color::srgb(0.35, 0.33, 0.3), 0.8);
    for (size, at) in [
        (Vec3::new(w, 0.08, 0.12), Vec3::new(0.0, 0.0, -d / 2.0)),
        (Vec3::new(w, 0.08, 0.12), Vec3::new(0.0, 0.0, d / 2.0)),
        (Vec3::new(0.12, 0.08, d), Vec3::new(-w / 2.0, 0.0, 0.0)),
        (Vec3::new(0.12, 0.08, d), Vec3::new(w / 2.0, 0.0, 0.0)),
    ] {
        kit.block(size, at, Quat::IDENTITY, skirting.clone());
    }
}

fn build_prop(kit: &mut Kit<'_, '_, '_>, kind: PropKind, at: Vec3, rot: Quat, surface: Option<f32>) {
    // Small things stand on the furniture under them, or at a table's height.
    let table = room::surface(PropKind::Table).map_or(0.0, |t| t.height);
    let top = Vec3::Y * surface.unwrap_or(table);
    let wood = Color::srgb(0.55, 0.4, 0.28);
    let white = Color::srgb(0.97, 0.97, 0.97);
    let dark = Color::srgb(0.12, 0.12, 0.14);
    // Footprints and heights come from the core, so what people walk round
    // and what stands on top is what is drawn.
    let size = room::floor_size(kind).unwrap_or((0.0, 0.0));
    match kind {
        PropKind::Table | PropKind::Desk => {
            let Some(room::Surface { length: w, depth: d, height: h }) = room::surface(kind) else { return };
            let top = kit.material(wood, 0.6);
            kit.block(Vec3::new(w, 0.05, d), at + Vec3::Y * (h - 0.05), rot, top);
            let leg = kit.material(dark, 0.5);
            for (lx, lz) in [(-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0), (1.0, 1.0)] {
                let offset = rot * Vec3::new(lx * (w / 2.0 - 0.08), 0.0, lz * (d / 2.0 - 0.08));
                kit.block(Vec3::new(0.05, h - 0.05, 0.05), at + offset, rot, leg.clone());
            }
        }
        PropKind::Counter => {
            let Some(room::Surface { length: w, depth: d, height: h }) = room::surface(kind) else { return };
            let body = kit.material(Color::srgb(0.4, 0.45, 0.5), 0.7);
            kit.block(Vec3::new(w - 0.1, h - 0.04, d - 0.1), at, rot, body);
            let top = kit.material(Color::srgb(0.85, 0.85, 0.82), 0.4);
            kit.block(Vec3::new(w, 0.04, d), at + Vec3::Y * (h - 0.04), rot, top);
        }
        PropKind::Whiteboard => {
            let board = kit.material(white, 0.3);
            kit.block(Vec3::new(1.8, 1.0, 0.03), at + Vec3::Y * 1.0, rot, board);
        }
        PropKind::Screen => {
            let screen = kit.material(dark, 0.2);
            match surface {
                // On furniture: a monitor on its foot.
                Some(h) => {
                    kit.block(Vec3::new(0.08, 0.12, 0.08), at + Vec3::Y * h, rot, screen.clone());
                    kit.block(Vec3::new(0.55, 0.34, 0.03), at + Vec3::Y * (h + 0.12), rot, screen);
                }
                // Otherwise a display on the wall.
                None => kit.block(Vec3::new(1.6, 0.9, 0.05), at + Vec3::Y * 1.1, rot, screen),
            }
        }
        PropKind::Window => {
            let glass = kit.material(Color::srgb(0.7, 0.85, 0.95), 0.1);
            kit.block(Vec3::new(1.8, 1.3, 0.04), at + Vec3::Y * 0.9, rot, glass);
        }
        PropKind::Door => {
            let door = kit.material(Color::srgb(0.45, 0.35, 0.25), 0.7);
            kit.block(Vec3::new(0.9, 2.05, 0.06), at, rot, door);
        }
        PropKind::Plant => {
            let pot = kit.material(Color::srgb(0.6, 0.35, 0.25), 0.8);
            kit.block(Vec3::new(0.35, 0.4, 0.35), at, rot, pot);
            let leaves = kit.material(Color::srgb(0.22, 0.45, 0.25), 0.9);
            kit.block(Vec3::new(size.0, 0.8, size.1), at + Vec3::Y * 0.4, rot, leaves);
        }
        PropKind::Shelf => {
            let shelf = kit.material(wood, 0.7);
            kit.block(Vec3::new(size.0, 1.8, size.1), at, rot, shelf);
        }
        PropKind::CoffeeMachine => {
            let machine = kit.material(dark, 0.4);
            kit.block(Vec3::new(0.35, 0.45, 0.4), at + Vec3::Y * 0.9, rot, machine);
            let cabinet = kit.material(white, 0.6);
            kit.block(Vec3::new(size.0, 0.9, size.1), at, rot, cabinet);
        }
        PropKind::Laptop => {
            let body = kit.material(Color::srgb(0.6, 0.62, 0.66), 0.3);
            kit.block(Vec3::new(0.34, 0.02, 0.24), at + top, rot, body.clone());
            let lid = rot * Quat::from_rotation_x(-0.3);
            kit.block(Vec3::new(0.34, 0.22, 0.01), at + top + rot * Vec3::new(0.0, 0.0, -0.12), lid, body);
        }
        PropKind::Papers => {
            let paper = kit.material(white, 0.9);
            kit.block(Vec3::new(0.21, 0.01, 0.3), at + top, rot, paper);
        }
        PropKind::Cup => {
            let cup = kit.material(Color::srgb(0.85, 0.3, 0.25), 0.5);
            kit.block(Vec3::new(0.08, 0.1, 0.08), at + top, rot, cup);
        }
    }
}
