//! The panels in the room, for the headset.
//!
//! A headset shows no screen-space UI, so in headset mode the same panels
//! (status, subtitle, options, rating scale) are drawn into a texture that
//! hangs in the room in front of the participant, a little below eye
//! level, like a card held up for them. A ray (the controller's aim, or
//! the mouse in the desktop preview) is turned into a point on that card,
//! and the button under it is marked hovered or pressed: the same
//! `Interaction` the mouse gives on the desktop, so choosing and rating go
//! through one path.

use bevy::camera::RenderTarget;
use bevy::prelude::*;
use bevy::render::render_resource::TextureFormat;
use bevy::ui::UiSystems;
use bevy::window::PrimaryWindow;

use super::stage::{ParticipantView, participant_place};
use super::{CardPreview, Loaded};

/// Texture size of the card, pixels.
const PIXELS: UVec2 = UVec2::new(1280, 720);
/// Its size in the room, metres, and its distance in front of the eyes:
/// it fills about 60 degrees, so 26 px text is about 1.4 degrees tall,
/// comfortably legible in current headsets.
/// Close, like a card held at arm's length, so things on a table stay
/// behind it.
const SIZE: Vec2 = Vec2::new(0.72, 0.405);
const AHEAD: f32 = 0.6;
/// Its centre sits this far below the eyes, so its lower edge stays above
/// a table top and the faces across the room stay free.
const BELOW: f32 = 0.1;

/// The card in the room.
#[derive(Component)]
pub struct PanelCard;

/// Where the participant points this frame, and whether they pressed.
#[derive(Resource, Default)]
pub struct PanelPointer {
    pub ray: Option<Ray3d>,
    pub pressed: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PanelPointer>()
        .add_systems(Startup, hang_card)
        .add_systems(PostStartup, draw_panels_on_card)
        .add_systems(PreUpdate, (mouse_preview, point_at_card).chain().after(UiSystems::Focus));
}

fn hang_card(
    mut commands: Commands,
    mut images: ResMut<Assets<Image>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    loaded: Res<Loaded>,
) {
    let image =
        images.add(Image::new_target_texture(PIXELS.x, PIXELS.y, TextureFormat::Rgba8UnormSrgb, None));
    commands.spawn((
        Camera2d,
        Camera {
            order: super::camera_order::PANEL_CARD,
            clear_color: ClearColorConfig::Custom(Color::NONE),
            ..default()
        },
        RenderTarget::Image(image.clone().into()),
        PanelCamera,
    ));
    let (eye, facing) = participant_place(&loaded.scenario.scenario.setting, loaded.options.kind);
    // The seat faces +z turned by `facing`; the card's front (+z) must
    // face back at the participant.
    let forward = facing * Vec3::Z;
    let centre = eye + forward * AHEAD - Vec3::Y * BELOW;
    commands.spawn((
        Mesh3d(meshes.add(Rectangle::new(SIZE.x, SIZE.y))),
        MeshMaterial3d(materials.add(StandardMaterial {
            base_color_texture: Some(image),
            unlit: true,
            alpha_mode: AlphaMode::Blend,
            cull_mode: None,
            ..default()
        })),
        Transform::from_translation(centre).looking_to(forward, Vec3::Y),
        PanelCard,
    ));
}

#[derive(Component)]
struct PanelCamera;

/// Every top-level UI node draws into the card instead of the window.
fn draw_panels_on_card(
    mut commands: Commands,
    camera: Query<Entity, With<PanelCamera>>,
    roots: Query<Entity, (With<Node>, Without<ChildOf>)>,
) {
    let Ok(camera) = camera.single() else { return };
    for root in &roots {
        commands.entity(root).insert(bevy::ui::UiTargetCamera(camera));
    }
}

/// Where a ray meets the card, in the card's pixels (top-left origin).
fn card_pixel(ray: Ray3d, card: &GlobalTransform) -> Option<Vec2> {
    let plane = InfinitePlane3d::new(card.forward());
    let distance = ray.intersect_plane(card.translation(), plane)?;
    let local = card.affine().inverse().transform_point3(ray.get_point(distance));
    let half = SIZE / 2.0;
    if local.x.abs() > half.x || local.y.abs() > half.y {
        return None;
    }
    // Seen from the front, local +x is to the right and +y up; the
    // texture's rows run downward.
    let u = 0.5 + local.x / SIZE.x;
    let v = 0.5 - local.y / SIZE.y;
    Some(Vec2::new(u * PIXELS.x as f32, v * PIXELS.y as f32))
}

fn point_at_card(
    mut pointer: ResMut<PanelPointer>,
    card: Query<&GlobalTransform, With<PanelCard>>,
    mut buttons: Query<
        (&ComputedNode, &UiGlobalTransform, &InheritedVisibility, &mut Interaction),
        With<Button>,
    >,
) {
    let pressed = std::mem::take(&mut pointer.pressed);
    let at = pointer.ray.take().zip(card.single().ok()).and_then(|(ray, card)| card_pixel(ray, card));
    for (node, transform, visible, mut interaction) in &mut buttons {
        let over = visible.get() && at.is_some_and(|p| node.contains_point(*transform, p));
        let next = match (over, pressed) {
            (true, true) => Interaction::Pressed,
            (true, false) => Interaction::Hovered,
            (false, _) => Interaction::None,
        };
        interaction.set_if_neq(next);
    }
}

/// In the desktop preview of the card (`--panels-in-room`), the mouse
/// points from the camera through the cursor.
fn mouse_preview(
    preview: Option<Res<CardPreview>>,
    mouse: Res<ButtonInput<MouseButton>>,
    window: Query<&Window, With<PrimaryWindow>>,
    camera: Query<(&Camera, &GlobalTransform), With<ParticipantView>>,
    mut pointer: ResMut<PanelPointer>,
) {
    if preview.is_none() {
        return;
    }
    let cursor = window.single().ok().and_then(Window::cursor_position);
    let Ok((camera, at)) = camera.single() else { return };
    pointer.ray = cursor.and_then(|c| camera.viewport_to_world(at, c).ok());
    pointer.pressed = mouse.just_pressed(MouseButton::Left);
}

/// Where a pixel of the card's panels is in the room: the inverse of
/// `card_pixel`, so a test can aim a controller at a button.
pub(crate) fn card_point(card: &GlobalTransform, pixel: Vec2) -> Vec3 {
    let u = pixel.x / PIXELS.x as f32;
    let v = pixel.y / PIXELS.y as f32;
    card.transform_point(Vec3::new((u - 0.5) * SIZE.x, (0.5 - v) * SIZE.y, 0.0))
}
