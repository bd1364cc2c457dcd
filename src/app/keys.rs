//! Keyboard and mouse-free desktop controls, turned into session inputs:
//! number keys choose, arrows and Enter rate, Esc pauses (always), B
//! begins a calming pause (and ends its breathing early), Q stops while
//! paused, and Enter closes the window once the session has ended. The
//! session decides what is allowed.

use bevy::prelude::*;

use super::AppSystems;
use super::driver::{SessionInput, SessionView};
use crate::session::scale::{answer, is_review, scale};
use crate::session::{Actor, Input};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, keys.in_set(AppSystems::Input));
}

const DIGITS: [KeyCode; 9] = [
    KeyCode::Digit1,
    KeyCode::Digit2,
    KeyCode::Digit3,
    KeyCode::Digit4,
    KeyCode::Digit5,
    KeyCode::Digit6,
    KeyCode::Digit7,
    KeyCode::Digit8,
    KeyCode::Digit9,
];

fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    mut view: ResMut<SessionView>,
    mut asks: MessageWriter<SessionInput>,
    egui: Option<Res<bevy_egui::input::EguiWantsInput>>,
    mut exit: MessageWriter<super::CloseRun>,
) {
    // Typing a note in the clinician's console is not the participant
    // choosing or rating.
    if egui.is_some_and(|e| e.wants_any_keyboard_input()) {
        return;
    }
    // After the end there is nothing left to answer, and Enter closes the
    // window; the record is complete by then, so closing adds nothing to it.
    if view.ended.is_some() {
        if keys.just_pressed(KeyCode::Enter) {
            info!("the session has ended and Enter closed the window");
            exit.write(super::CloseRun);
        }
        return;
    }
    if keys.just_pressed(KeyCode::Escape) {
        asks.write(SessionInput::pause_button(&view));
        return;
    }
    if keys.just_pressed(KeyCode::KeyB) {
        asks.write(SessionInput(Input::Calm { by: Actor::Participant }));
        return;
    }
    // In a calming pause only its SUDS is answered, whatever waits behind it.
    if view.paused && view.calming.is_none() {
        if keys.just_pressed(KeyCode::KeyQ) {
            asks.write(SessionInput(Input::Stop { by: Actor::Participant }));
        }
        return;
    }
    if let Some(offer) = view.choices.as_ref().filter(|_| view.calming.is_none()) {
        // Key 1 is the option shown first, wherever it is in the scenario.
        if let Some(choose) = DIGITS.iter().position(|k| keys.just_pressed(*k)).and_then(|n| offer.choose(n))
        {
            asks.write(choose);
        }
        return;
    }
    let Some((kind, value, happened)) = view.rating.clone() else { return };
    let scale = scale(&kind);
    let mut next = (value, happened);
    if keys.just_pressed(KeyCode::ArrowRight) || keys.just_pressed(KeyCode::ArrowUp) {
        next.0 = Some(scale.up_from(value));
    }
    if keys.just_pressed(KeyCode::ArrowLeft) || keys.just_pressed(KeyCode::ArrowDown) {
        next.0 = Some(scale.down_from(value));
    }
    if is_review(&kind) {
        if keys.just_pressed(KeyCode::KeyY) || keys.just_pressed(KeyCode::KeyJ) {
            next.1 = Some(true);
        }
        if keys.just_pressed(KeyCode::KeyN) {
            next.1 = Some(false);
        }
    }
    // Enter on a review waits for its yes or no and its likelihood.
    if keys.just_pressed(KeyCode::Enter)
        && let Some(answer) = answer(&kind, next.0, next.1)
    {
        asks.write(SessionInput(Input::Rate(answer)));
    } else if next != (value, happened) {
        view.rating = Some((kind, next.0, next.1));
    }
}
