//! Name and role labels over the characters' heads, for the clinician (L
//! or the console toggles them). They are drawn on the desktop window
//! only: in the headset the participant meets people, not captions.

use bevy::prelude::*;
use bevy::text::FontSize;
use bevy::ui::UiTargetCamera;

use super::Loaded;
use super::cast::{CastMember, Head};
use super::stage::ParticipantView;

/// Whether the labels are shown.
#[derive(Resource, Default, PartialEq)]
pub struct Labels(pub bool);

/// The clinician shows (true) or hides the labels.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShowLabels(pub bool);

/// A label, for the cast member with this index.
#[derive(Component)]
struct Label(usize);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Labels>()
        .add_message::<ShowLabels>()
        .add_systems(PostStartup, spawn_labels)
        .add_systems(Update, toggle.in_set(super::AppSystems::Input))
        .add_systems(PostUpdate, place_labels.after(TransformSystems::Propagate));
}

fn toggle(keys: Res<ButtonInput<KeyCode>>, mut asked: MessageReader<ShowLabels>, mut labels: ResMut<Labels>) {
    let mut shown = labels.0;
    if keys.just_pressed(KeyCode::KeyL) {
        shown = !shown;
    }
    if let Some(ShowLabels(asked)) = asked.read().last() {
        shown = *asked;
    }
    labels.set_if_neq(Labels(shown));
}

fn spawn_labels(mut commands: Commands, loaded: Res<Loaded>, camera: Query<Entity, With<ParticipantView>>) {
    let Ok(camera) = camera.single() else { return };
    let lang = crate::words::Lang::of(&loaded.options.lang);
    for (index, c) in loaded.scenario.scenario.cast.iter().enumerate() {
        commands.spawn((
            Node { position_type: PositionType::Absolute, padding: UiRect::axes(px(8), px(3)), ..default() },
            BackgroundColor(Color::srgba(0.05, 0.06, 0.08, 0.75)),
            Visibility::Hidden,
            // Always the window's camera, even when the panels hang in the
            // headset's room.
            UiTargetCamera(camera),
            Label(index),
            children![(
                Text::new(format!("{} – {}", c.name, crate::words::names::role(lang, c.role))),
                TextFont { font_size: FontSize::Px(16.0), ..default() },
                TextColor(Color::srgb(0.95, 0.95, 0.9)),
            )],
        ));
    }
}

/// Each label sits just above its character's head, centred, and shows
/// only while the labels are on and the character is in the room and in
/// view.
fn place_labels(
    labels: Res<Labels>,
    camera: Query<(&Camera, &GlobalTransform), With<ParticipantView>>,
    cast: Query<(&CastMember, &InheritedVisibility, &Children)>,
    heads: Query<&GlobalTransform, With<Head>>,
    mut shown: Query<(&Label, &mut Node, &mut Visibility, &ComputedNode)>,
) {
    let Ok((camera, view)) = camera.single() else { return };
    for (label, mut node, mut visibility, computed) in &mut shown {
        let spot = labels.0.then(|| {
            let (_, present, children) = cast.iter().find(|(m, _, _)| m.index == label.0)?;
            let head = children.iter().find_map(|c| heads.get(c).ok())?;
            (present.get()).then_some(())?;
            camera.world_to_viewport(view, head.translation() + Vec3::Y * 0.2).ok()
        });
        match spot.flatten() {
            Some(at) => {
                let size = computed.size() * computed.inverse_scale_factor();
                node.left = px(at.x - size.x / 2.0);
                node.top = px(at.y - size.y);
                visibility.set_if_neq(Visibility::Inherited);
            }
            None => {
                visibility.set_if_neq(Visibility::Hidden);
            }
        }
    }
}
