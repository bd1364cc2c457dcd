//! The breathing guide of a calming pause: a circle that grows while the
//! participant breathes in and shrinks while they breathe out, the word
//! for which, and which breath of how many. It follows the session's own
//! pace (`session::breathing::Pace`), the same one the tone follows.

use bevy::prelude::*;

use super::{TEXT, centred_card, set_text, text};
use crate::app::driver::{CalmingView, RunningSession, SessionView};
use crate::app::{AppSystems, Loaded};
use crate::prompts::player_words;
use crate::session::breathing::Breath;

/// The circle's diameter with the lungs empty and full, in pixels: the
/// change is large enough to follow from the corner of the eye.
pub const EMPTY_DIAMETER: f32 = 70.0;
pub const FULL_DIAMETER: f32 = 260.0;
/// A soft blue-green, calm against the dimmed room.
const CIRCLE: Color = Color::srgba(0.45, 0.78, 0.82, 0.85);

#[derive(Component)]
struct GuideCard;

/// The circle that breathes.
#[derive(Component)]
pub struct BreathingCircle;

#[derive(Component)]
enum GuideText {
    Title,
    Breath,
    Count,
    Hint,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_guide).add_systems(Update, show_guide.in_set(AppSystems::Show));
}

fn spawn_guide(mut commands: Commands) {
    centred_card(&mut commands, 60.0, GuideCard, |card| {
        card.spawn((text(30.0, TEXT), GuideText::Title));
        // A fixed square for the circle to grow in, so the words around it
        // do not move with each breath.
        card.spawn(Node {
            width: px(FULL_DIAMETER + 10.0),
            height: px(FULL_DIAMETER + 10.0),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            ..default()
        })
        .with_child((
            Node {
                width: px(EMPTY_DIAMETER),
                height: px(EMPTY_DIAMETER),
                border_radius: BorderRadius::MAX,
                ..default()
            },
            BackgroundColor(CIRCLE),
            BreathingCircle,
        ));
        card.spawn((text(34.0, TEXT), GuideText::Breath));
        card.spawn((text(20.0, TEXT), GuideText::Count));
        card.spawn((text(20.0, TEXT), GuideText::Hint));
    });
}

/// Every frame while breathing: the circle's size and the word follow the
/// session clock.
#[allow(clippy::type_complexity)]
fn show_guide(
    view: Res<SessionView>,
    running: Res<RunningSession>,
    loaded: Res<Loaded>,
    mut card: Query<&mut Node, (With<GuideCard>, Without<BreathingCircle>)>,
    mut circle: Query<&mut Node, (With<BreathingCircle>, Without<GuideCard>)>,
    labelled: Query<(Entity, &GuideText)>,
    mut texts: Query<&mut Text, Without<super::Status>>,
) {
    let breathing = match view.calming {
        Some(CalmingView::Breathing { pace, since }) if view.ended.is_none() => Some((pace, since)),
        _ => None,
    };
    if let Ok(mut card) = card.single_mut() {
        let display = if breathing.is_some() { Display::Flex } else { Display::None };
        if card.display != display {
            card.display = display;
        }
    }
    let Some((pace, since)) = breathing else { return };
    let elapsed = running.session.now().saturating_sub(since);
    let size = EMPTY_DIAMETER + (FULL_DIAMETER - EMPTY_DIAMETER) * pace.fullness(elapsed);
    if let Ok(mut circle) = circle.single_mut() {
        circle.width = px(size);
        circle.height = px(size);
    }
    let words = player_words(&loaded.options.lang);
    let breath = pace.at(elapsed);
    let number = (elapsed / pace.breath_millis() + 1).min(u64::from(pace.breaths));
    for (entity, which) in &labelled {
        let value = match which {
            GuideText::Title => words.calm_title.clone(),
            GuideText::Breath => match breath {
                Breath::In(_) => words.breathe_in.clone(),
                Breath::Out(_) | Breath::Done => words.breathe_out.clone(),
            },
            GuideText::Count => format!("{number} / {}", pace.breaths),
            GuideText::Hint if loaded.mode.is_headset() => words.calm_hint_headset.clone(),
            GuideText::Hint => words.calm_hint_keys.clone(),
        };
        set_text(&mut texts, entity, value);
    }
}

/// The circle's diameter on screen now, in pixels, when it is shown.
pub(crate) fn circle_diameter(world: &mut World) -> Option<f32> {
    let mut q = world.query_filtered::<(Entity, &Node), With<BreathingCircle>>();
    let (circle, node) = q.single(world).ok()?;
    let width = match node.width {
        Val::Px(px) => px,
        _ => return None,
    };
    super::displayed(world, circle).then_some(width)
}
