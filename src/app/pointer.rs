//! The mouse on the desktop: clicking an option chooses it, clicking the
//! rating scale sets a value and OK gives it, the pause card's buttons go
//! on or stop, and dragging with the right button held looks around. Like
//! the keys, it only turns what the participant does into session inputs;
//! the session decides what counts.

use bevy::prelude::*;
use bevy::window::{PrimaryWindow, WindowEvent};

use super::driver::{SessionInput, SessionView};
use super::panels::{ChoiceOption, PauseAction, RatingCell, RatingConfirm, RatingHappened, cell_value};
use super::stage::ParticipantView;
use super::{AppSystems, PointerOnConsole};
use crate::session::scale::{answer, is_review};
use crate::session::{Actor, Input};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, (press, look).in_set(AppSystems::Input));
}

#[allow(clippy::type_complexity)]
fn press(
    mut view: ResMut<SessionView>,
    mut asks: MessageWriter<SessionInput>,
    buttons: Query<
        (
            &Interaction,
            Option<&ChoiceOption>,
            Option<&RatingCell>,
            Option<&RatingHappened>,
            Has<RatingConfirm>,
            Option<&PauseAction>,
        ),
        Changed<Interaction>,
    >,
    on_console: Res<PointerOnConsole>,
) {
    // A click on the console is the clinician's, not the participant's.
    if on_console.0 {
        return;
    }
    for (interaction, option, cell, happened, confirm, pause) in &buttons {
        if *interaction != Interaction::Pressed {
            continue;
        }
        // A paused session takes no answers, only the pause card's three;
        // a calming pause takes its SUDS (below) and nothing else.
        if view.paused && view.calming.is_none() {
            let by = Actor::Participant;
            match pause {
                Some(PauseAction::GoOn) => {
                    asks.write(SessionInput(Input::Resume { by }));
                }
                Some(PauseAction::Stop) => {
                    asks.write(SessionInput(Input::Stop { by }));
                }
                Some(PauseAction::Calm) => {
                    asks.write(SessionInput(Input::Calm { by }));
                }
                None => {}
            }
            continue;
        }
        if let Some(place) = option
            && view.calming.is_none()
            && let Some(choose) = view.choices.as_ref().and_then(|offer| offer.choose(place.0))
        {
            asks.write(choose);
        }
        let Some((kind, value, review)) = view.rating.clone() else { continue };
        if let Some(cell) = cell {
            view.rating = Some((kind.clone(), Some(cell_value(&kind, cell.0)), review));
        }
        if let Some(happened) = happened
            && is_review(&kind)
        {
            view.rating = Some((kind.clone(), value, Some(happened.0)));
        }
        // OK on a review waits for its yes or no and its likelihood.
        if confirm && let Some(answer) = answer(&kind, value, review) {
            asks.write(SessionInput(Input::Rate(answer)));
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
    /// The right button is held and the drag began off the console.
    dragging: bool,
    /// Where the cursor was last seen in the window.
    last_cursor: Option<Vec2>,
}

impl Look {
    pub fn new(rest: Quat) -> Self {
        Look { rest, yaw: 0.0, pitch: 0.0, dragging: false, last_cursor: None }
    }

    /// Follows one window event; returns how far the cursor moved while
    /// dragging.
    fn follow(&mut self, event: &WindowEvent, over_console: bool) -> Vec2 {
        match event {
            WindowEvent::MouseButtonInput(b) if b.button == MouseButton::Right => {
                self.dragging = b.state.is_pressed() && !over_console;
            }
            WindowEvent::CursorMoved(m) => {
                let moved = match (self.dragging, self.last_cursor) {
                    (true, Some(before)) => m.position - before,
                    _ => Vec2::ZERO,
                };
                self.last_cursor = Some(m.position);
                return moved;
            }
            WindowEvent::CursorLeft(_) => self.last_cursor = None,
            _ => {}
        }
        Vec2::ZERO
    }
}

/// Right-drag turns the view. The cursor's own movement is used rather than
/// raw mouse motion, so it works the same over remote desktops and in tests.
/// The window's events are read in the order they came, not as the button's
/// state at frame time: a slow frame (a software renderer, a busy laptop)
/// that receives a whole drag at once, press, moves and release, still
/// turns the view by all of it.
fn look(
    mut events: MessageReader<WindowEvent>,
    primary: Query<Entity, With<PrimaryWindow>>,
    mut camera: Query<(&mut Look, &mut Transform), With<ParticipantView>>,
    on_console: Res<PointerOnConsole>,
) {
    let Ok((mut look, mut transform)) = camera.single_mut() else { return };
    let over_console = on_console.0;
    let primary = primary.single().ok();
    let mut moved = Vec2::ZERO;
    for event in events.read().filter(|e| window_of(e).is_none_or(|w| Some(w) == primary)) {
        moved += look.follow(event, over_console);
    }
    if moved != Vec2::ZERO {
        // Dragging right turns the view right (a negative turn about +y).
        look.yaw = (look.yaw - moved.x * SENSITIVITY).clamp(-MAX_YAW, MAX_YAW);
        look.pitch = (look.pitch - moved.y * SENSITIVITY).clamp(-MAX_PITCH, MAX_PITCH);
        transform.rotation = Quat::from_rotation_y(look.yaw) * look.rest * Quat::from_rotation_x(look.pitch);
    }
}

/// The window a pointer event happened in.
fn window_of(event: &WindowEvent) -> Option<Entity> {
    match event {
        WindowEvent::MouseButtonInput(b) => Some(b.window),
        WindowEvent::CursorMoved(m) => Some(m.window),
        WindowEvent::CursorLeft(l) => Some(l.window),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use bevy::input::ButtonState;
    use bevy::input::mouse::MouseButtonInput;
    use bevy::window::{CursorLeft, CursorMoved};

    use super::*;

    fn moved_to(x: f32) -> WindowEvent {
        WindowEvent::CursorMoved(CursorMoved {
            window: Entity::PLACEHOLDER,
            position: Vec2::new(x, 300.0),
            delta: None,
        })
    }

    fn right(state: ButtonState) -> WindowEvent {
        WindowEvent::MouseButtonInput(MouseButtonInput {
            button: MouseButton::Right,
            state,
            window: Entity::PLACEHOLDER,
        })
    }

    fn drag(look: &mut Look, events: &[WindowEvent], over_console: bool) -> Vec2 {
        events.iter().map(|e| look.follow(e, over_console)).sum()
    }

    #[test]
    fn a_whole_drag_in_one_frame_counts_and_moves_without_the_button_do_not() {
        let mut look = Look::new(Quat::IDENTITY);
        let events = [
            moved_to(100.0),
            right(ButtonState::Pressed),
            moved_to(150.0),
            moved_to(220.0),
            right(ButtonState::Released),
            moved_to(500.0),
        ];
        assert_eq!(drag(&mut look, &events, false), Vec2::new(120.0, 0.0));
    }

    #[test]
    fn a_drag_that_starts_on_the_console_or_re_enters_the_window_does_not_jump() {
        let mut look = Look::new(Quat::IDENTITY);
        let on_console = [moved_to(1100.0), right(ButtonState::Pressed), moved_to(1000.0)];
        assert_eq!(drag(&mut look, &on_console, true), Vec2::ZERO);
        let mut look = Look::new(Quat::IDENTITY);
        let left = WindowEvent::CursorLeft(CursorLeft { window: Entity::PLACEHOLDER });
        let events = [moved_to(100.0), right(ButtonState::Pressed), left, moved_to(900.0), moved_to(910.0)];
        assert_eq!(drag(&mut look, &events, false), Vec2::new(10.0, 0.0));
    }
}
