//! The mouse on the desktop: clicking an option chooses it, clicking the
//! rating scale sets a value and OK gives it, and dragging with the right
//! button held looks around. Like the keys, it only turns what the
//! participant does into session inputs; the session decides what counts.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use super::Loaded;
use super::driver::{DriveSession, PendingInputs, SessionView};
use super::panels::{ChoiceOption, RatingCell, RatingConfirm, RatingHappened, cell_value};
use super::stage::ParticipantView;
use crate::session::{Input, RatingAnswer};

pub fn plugin(app: &mut App) {
    app.add_systems(Update, (press, look).before(DriveSession));
}

#[allow(clippy::type_complexity)]
fn press(
    loaded: Res<Loaded>,
    mut view: ResMut<SessionView>,
    mut pending: ResMut<PendingInputs>,
    buttons: Query<
        (
            &Interaction,
            Option<&ChoiceOption>,
            Option<&RatingCell>,
            Option<&RatingHappened>,
            Has<RatingConfirm>,
        ),
        Changed<Interaction>,
    >,
    console: Option<Res<super::console::Console>>,
) {
    // A paused session takes no answers; a click on the console is the
    // clinician's, not the participant's.
    if view.paused || console.is_some_and(|c| c.pointer_over) {
        return;
    }
    for (interaction, option, cell, happened, confirm) in &buttons {
        if *interaction != Interaction::Pressed {
            continue;
        }
        if let Some(option) = option
            && view.choices.is_some()
        {
            pending.0.push(Input::Choose { option: option.0 });
        }
        let Some((kind, value, review)) = view.rating.clone() else { continue };
        if let Some(cell) = cell {
            view.rating = Some((kind.clone(), cell_value(&kind, cell.0, &loaded.scenario.scenario), review));
        }
        if let Some(happened) = happened
            && review.is_some()
        {
            view.rating = Some((kind.clone(), value, Some(happened.0)));
        }
        if confirm {
            pending.0.push(Input::Rate(match review {
                Some(happened) => RatingAnswer::Review { happened, likelihood: value },
                None => RatingAnswer::Scale(value),
            }));
        }
    }
}

/// How far the participant may turn from the seat's facing: about what a
/// seated person does by turning the head and shoulders.
const MAX_YAW: f32 = 1.75;
const MAX_PITCH: f32 = 0.8;
/// Radians per pixel of drag.
const SENSITIVITY: f32 = 0.004;

/// Where the view has been turned from its start, and the start itself.
#[derive(Component)]
pub struct Look {
    pub rest: Quat,
    pub yaw: f32,
    pub pitch: f32,
    last_cursor: Option<Vec2>,
}

impl Look {
    pub fn new(rest: Quat) -> Self {
        Look { rest, yaw: 0.0, pitch: 0.0, last_cursor: None }
    }
}

/// Right-drag turns the view. The cursor's own movement is used rather than
/// raw mouse motion, so it works the same over remote desktops and in tests.
fn look(
    mouse: Res<ButtonInput<MouseButton>>,
    window: Query<&Window, With<PrimaryWindow>>,
    mut camera: Query<(&mut Look, &mut Transform), With<ParticipantView>>,
    console: Option<Res<super::console::Console>>,
) {
    let Ok((mut look, mut transform)) = camera.single_mut() else { return };
    let cursor = window.single().ok().and_then(Window::cursor_position);
    let held = mouse.pressed(MouseButton::Right) && !console.is_some_and(|c| c.pointer_over);
    if let (true, Some(now), Some(before)) = (held, cursor, look.last_cursor) {
        let moved = now - before;
        if moved != Vec2::ZERO {
            // Dragging right turns the view right (a negative turn about +y).
            look.yaw = (look.yaw - moved.x * SENSITIVITY).clamp(-MAX_YAW, MAX_YAW);
            look.pitch = (look.pitch - moved.y * SENSITIVITY).clamp(-MAX_PITCH, MAX_PITCH);
            transform.rotation =
                Quat::from_rotation_y(look.yaw) * look.rest * Quat::from_rotation_x(look.pitch);
        }
    }
    look.last_cursor = if held { cursor } else { None };
}
