//! The headset's controller buttons, as messages: `xr` turns OpenXR's
//! action states into `ControllerPressed`, and here they become what they
//! mean for the participant. The menu button pauses and resumes; the
//! trigger presses what the aim ray points at on the panel card. Tests send
//! the same messages a headset would.

use bevy::prelude::*;

use super::AppSystems;
use super::driver::{SessionInput, SessionView};
use super::world_panel::PanelPointer;

/// A controller button pressed this frame, on either hand.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ControllerPressed {
    /// The trigger (select): presses what the aim points at.
    Trigger,
    /// The menu button: pause, or go on.
    Menu,
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ControllerPressed>().add_systems(Update, follow.in_set(AppSystems::Input));
}

fn follow(
    mut pressed: MessageReader<ControllerPressed>,
    view: Res<SessionView>,
    pointer: Option<ResMut<PanelPointer>>,
    mut asks: MessageWriter<SessionInput>,
) {
    let mut pointer = pointer;
    for press in pressed.read() {
        match press {
            ControllerPressed::Menu => {
                asks.write(SessionInput::pause_button(&view));
            }
            ControllerPressed::Trigger => {
                if let Some(pointer) = pointer.as_mut() {
                    pointer.pressed = true;
                }
            }
        }
    }
}
