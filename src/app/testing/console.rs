//! The clinician's console, drawn headless (`RunOptions::console`): what a
//! test reads off it, and how it clicks and types on it.
//!
//! egui lays the console out as it does on the window; only its shapes
//! reach no screen. egui's accessibility tree says where each widget is
//! and what it says, so a test finds a button by its words and clicks it
//! through the window events a mouse sends. From there on it is the
//! console's own code that runs: bevy_egui's input, the console's pace,
//! the button, the message it sends.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::input::mouse::MouseButtonInput;
use bevy::prelude::*;
use bevy::window::{CursorMoved, PrimaryWindow, WindowEvent, WindowResized};
use bevy_egui::{EguiContext, EguiOutput, EguiRenderOutput, PrimaryEguiContext, egui};

use super::Harness;

/// One widget on the console, as egui describes it to a screen reader.
#[derive(Debug, Clone)]
pub struct ConsoleWidget {
    /// The accessibility role, e.g. "Button", "Slider", "TextInput".
    pub role: String,
    /// What it says (a button's words) or holds (a label's, a text field's).
    pub text: String,
    pub enabled: bool,
    /// Its centre, in the window's logical pixels.
    pub centre: Vec2,
}

impl Harness {
    /// Turns egui's accessibility tree on, once the console's context is
    /// there (after the first frame): egui builds it only when asked.
    pub(super) fn make_console_accessible(&mut self) {
        let world = self.app.world_mut();
        let mut contexts = world.query_filtered::<&mut EguiContext, With<PrimaryEguiContext>>();
        for mut context in contexts.iter_mut(world) {
            context.get_mut().enable_accesskit();
        }
    }

    /// Whether the last frame drew the console (the others hand its last
    /// shapes over again).
    pub fn console_drew(&self) -> bool {
        self.app.world().resource::<super::super::console::ConsolePace>().drew()
    }

    /// The console's shapes as the renderer would take them this frame,
    /// taken as the render world takes them (so the next frame starts
    /// without them, as on a window).
    pub fn take_console_shapes(&mut self) -> Vec<egui::ClippedPrimitive> {
        let world = self.app.world_mut();
        let mut output = world.query_filtered::<&mut EguiRenderOutput, With<PrimaryEguiContext>>();
        output.single_mut(world).map(|mut o| std::mem::take(&mut o.paint_jobs)).unwrap_or_default()
    }

    /// Every widget the console shows now, top to bottom: the frames
    /// run until its next drawing, so what a click just changed is there.
    pub fn console_widgets(&mut self) -> Vec<ConsoleWidget> {
        self.frame();
        let mut frames = 0;
        while !self.console_drew() {
            assert!(frames < 30, "the console was not drawn in 30 frames");
            self.frame();
            frames += 1;
        }
        let world = self.app.world_mut();
        let mut output = world.query_filtered::<&EguiOutput, With<PrimaryEguiContext>>();
        let Ok(output) = output.single(world) else { return Vec::new() };
        let Some(tree) = &output.platform_output.accesskit_update else { return Vec::new() };
        let mut widgets: Vec<ConsoleWidget> = tree
            .nodes
            .iter()
            .filter_map(|(_, node)| {
                let bounds = node.bounds()?;
                let text = node.label().or(node.value()).unwrap_or_default().to_string();
                Some(ConsoleWidget {
                    role: format!("{:?}", node.role()),
                    text,
                    enabled: !node.is_disabled(),
                    centre: Vec2::new(
                        ((bounds.x0 + bounds.x1) / 2.0) as f32,
                        ((bounds.y0 + bounds.y1) / 2.0) as f32,
                    ),
                })
            })
            .collect();
        widgets.sort_by(|a, b| a.centre.y.total_cmp(&b.centre.y).then(a.centre.x.total_cmp(&b.centre.x)));
        widgets
    }

    /// The first widget of `role` whose text starts with `text`.
    pub fn console_widget(&mut self, role: &str, text: &str) -> Option<ConsoleWidget> {
        self.console_widgets().into_iter().find(|w| w.role == role && w.text.starts_with(text))
    }

    /// Clicks the first button whose words start with `words`, as a
    /// mouse does: the pointer moves onto it (a frame), the left button
    /// goes down (a frame) and up (a frame). Whether there was one.
    pub fn click_console(&mut self, words: &str) -> bool {
        let Some(button) = self.console_widget("Button", words) else { return false };
        self.click_console_at(button.centre);
        true
    }

    /// A click of the left mouse button at `at` (logical pixels).
    pub fn click_console_at(&mut self, at: Vec2) {
        self.pointer_to(at);
        self.left_button(true);
        self.left_button(false);
    }

    /// The pointer moves to `at` (logical pixels); then a frame.
    pub fn pointer_to(&mut self, at: Vec2) {
        let window = self.window();
        self.send_window_event(WindowEvent::CursorMoved(CursorMoved { window, position: at, delta: None }));
        self.app.update();
    }

    /// The left mouse button goes down or up; then a frame.
    pub fn left_button(&mut self, down: bool) {
        let window = self.window();
        let state = if down { ButtonState::Pressed } else { ButtonState::Released };
        let button = MouseButtonInput { button: MouseButton::Left, state, window };
        self.send_window_event(WindowEvent::MouseButtonInput(button));
        self.app.update();
    }

    /// Types `text` into the widget that has the keyboard, a character a
    /// frame, as a keyboard does.
    pub fn type_on_console(&mut self, text: &str) {
        let window = self.window();
        for c in text.chars() {
            for state in [ButtonState::Pressed, ButtonState::Released] {
                let key = KeyboardInput {
                    key_code: KeyCode::Unidentified(bevy::input::keyboard::NativeKeyCode::Unidentified),
                    logical_key: Key::Character(c.to_string().into()),
                    state,
                    text: (state == ButtonState::Pressed).then(|| c.to_string().into()),
                    repeat: false,
                    window,
                };
                self.send_window_event(WindowEvent::KeyboardInput(key));
                self.app.update();
            }
        }
    }

    /// A window event and its own message, as winit sends both.
    fn send_window_event(&mut self, event: WindowEvent) {
        let world = self.app.world_mut();
        match &event {
            WindowEvent::CursorMoved(e) => {
                world.write_message(e.clone());
            }
            WindowEvent::MouseButtonInput(e) => {
                world.write_message(*e);
            }
            WindowEvent::KeyboardInput(e) => {
                world.write_message(e.clone());
            }
            WindowEvent::WindowResized(e) => {
                world.write_message(e.clone());
            }
            _ => {}
        }
        world.write_message(event);
    }

    /// The participant's volume the console's slider set (0 to 1).
    pub fn participant_volume(&self) -> f32 {
        self.app.world().resource::<super::super::sound::ParticipantVolume>().0.get()
    }

    /// How many times the view was asked to recentre (the headset's
    /// runtime does the recentring; the headset tests see it done).
    pub fn recentres_asked(&self) -> usize {
        self.app.world().resource::<RecentresAsked>().0
    }

    /// Makes the window `height` logical pixels tall, so the whole console
    /// fits without scrolling; then a frame.
    pub fn console_window_height(&mut self, height: f32) {
        let world = self.app.world_mut();
        let mut window = world.query_filtered::<(Entity, &mut Window), With<PrimaryWindow>>();
        let Ok((entity, mut window)) = window.single_mut(world) else { return };
        let width = window.width();
        window.resolution.set(width, height);
        // As winit says it: the cameras follow the message, not the window.
        self.send_window_event(WindowEvent::WindowResized(WindowResized { window: entity, width, height }));
        self.app.update();
    }
}

/// Recentring asked for so far, counted for `recentres_asked`.
#[derive(Resource, Default)]
pub(super) struct RecentresAsked(usize);

pub(super) fn count_recentres(
    mut asked: MessageReader<super::RecentreView>,
    mut count: ResMut<RecentresAsked>,
) {
    count.0 += asked.read().count();
}
