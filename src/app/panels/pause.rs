//! The pause card: what the participant reads while the session is paused,
//! and their way out of it.
//!
//! Pausing is one action (Esc, the controller's menu button). Stopping is
//! a second, deliberate one, on this card: a stray press can pause but
//! never end a session. The words say plainly that stopping is as good a
//! choice as going on; nothing here may make a participant feel they
//! failed by stopping (clinical-background.md).

use bevy::prelude::*;

use super::{TEXT, button, centred_card, set_text, sized, text};
use crate::app::driver::SessionView;
use crate::app::{AppSystems, Loaded};
use crate::prompts::player_words;

/// What a button on the pause card does.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub enum PauseAction {
    /// Resume the session.
    GoOn,
    /// End it here, as the participant's own stop.
    Stop,
    /// A calming pause: SUDS, paced breathing, SUDS.
    Calm,
}

#[derive(Component)]
struct PauseCard;

#[derive(Component)]
enum PauseText {
    Title,
    Body,
    Hint,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_card)
        .add_systems(Update, show_card.in_set(AppSystems::Show).run_if(resource_changed::<SessionView>));
}

fn spawn_card(mut commands: Commands) {
    // While paused it is the only panel shown.
    centred_card(&mut commands, 70.0, PauseCard, |card| {
        card.spawn((text(34.0, TEXT), PauseText::Title));
        card.spawn((text(24.0, TEXT), PauseText::Body));
        card.spawn(Node { column_gap: px(24), ..default() }).with_children(|row| {
            for action in [PauseAction::GoOn, PauseAction::Calm, PauseAction::Stop] {
                row.spawn(button(action, sized(220.0))).with_child(text(26.0, TEXT));
            }
        });
        card.spawn((text(20.0, TEXT), PauseText::Hint));
    });
}

/// Shown while paused and not ended; worded for how the participant
/// answers (keys on the desktop, the controller in the headset).
#[allow(clippy::type_complexity)]
fn show_card(
    view: Res<SessionView>,
    loaded: Res<Loaded>,
    mut card: Query<&mut Node, With<PauseCard>>,
    labelled: Query<(Entity, &PauseText)>,
    buttons: Query<(&PauseAction, &Children)>,
    mut texts: Query<&mut Text, Without<super::Status>>,
) {
    // A calming pause begun from the card has the screen to itself.
    let shown = view.paused && view.ended.is_none() && view.calming.is_none();
    if let Ok(mut card) = card.single_mut() {
        card.display = if shown { Display::Flex } else { Display::None };
    }
    if !shown {
        return;
    }
    let words = player_words(&loaded.options.lang);
    let headset = loaded.mode.is_headset();
    for (entity, which) in &labelled {
        let value = match which {
            PauseText::Title => &words.pause_title,
            PauseText::Body => &words.pause_body,
            PauseText::Hint if headset => &words.pause_hint_headset,
            PauseText::Hint => &words.pause_hint_keys,
        };
        set_text(&mut texts, entity, value.to_string());
    }
    for (action, children) in &buttons {
        let label = match action {
            PauseAction::GoOn => &words.go_on,
            PauseAction::Stop => &words.stop_here,
            PauseAction::Calm => &words.calm,
        };
        if let Some(child) = children.first() {
            set_text(&mut texts, *child, label.to_string());
        }
    }
}
