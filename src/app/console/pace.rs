//! The console's own pace: drawn 15 times a second, and on the very frame
//! of any input the clinician gives it, rather than on every one of the
//! participant's frames.
//!
//! Why: the participant's frame is the budget that matters (90 Hz in a
//! headset, where a late frame can make them sick), and the console shares
//! the frame thread with it. The clinician reads the console; they do not
//! track it. What changes on it by itself changes slowly: the session clock
//! in whole seconds, the plot by a pixel or so a second, a line in the log
//! now and then. 15 drawings a second show each change within 67 ms.
//!
//! What the clinician does to it (a click, a key, the pointer moving over
//! it) is drawn at once. egui's own wish to be drawn again is not asked:
//! any input makes it wish for the next frame, and bevy_egui hands it input
//! every frame. So egui's own animations (a scroll bar fading in) run at 15
//! frames a second too.
//!
//! Between two drawings none of bevy_egui's systems run, and the last
//! shapes are handed to the renderer again (the render world takes them
//! each frame), so the console never flickers. Input is not lost that way:
//! a frame with input for the console is a frame that draws.

use std::time::Duration;

use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;
use bevy::window::WindowEvent;
use bevy_egui::{EguiPostUpdateSet, EguiPreUpdateSet, EguiRenderOutput, PrimaryEguiContext, egui};

use super::Console;

/// How often the console is drawn when nothing asks for it sooner.
pub const EVERY: Duration = Duration::from_nanos(1_000_000_000 / 15);

/// When the console is drawn next: the rule, without Bevy.
#[derive(Debug, Clone, PartialEq)]
pub struct Pace {
    every: Duration,
    /// The next drawing that is due by the clock alone.
    next: Duration,
}

impl Pace {
    pub fn new(every: Duration) -> Self {
        Pace { every, next: Duration::ZERO }
    }

    /// Whether the frame that starts at `now` and lasts about `frame`
    /// draws the console: when its time has come, or when `asked`
    /// (something changed on it). Half a frame early counts as on time, so
    /// a frame that ends a little short of the mark does not put the
    /// drawing off a whole frame. A drawing that was asked for leaves the
    /// clock's beat as it was.
    pub fn tick(&mut self, now: Duration, frame: Duration, asked: bool) -> bool {
        let on_time = now + frame / 2 >= self.next;
        if on_time {
            self.next += self.every;
            // Frames slower than the pace: every one is drawn, from now on.
            if self.next <= now {
                self.next = now + self.every;
            }
        }
        on_time || asked
    }
}

/// This frame's decision and what it keeps between drawings.
#[derive(Resource)]
pub(in crate::app) struct ConsolePace {
    pace: Pace,
    /// Whether the console is drawn this frame.
    draw: bool,
    /// Whether the console was shown at the last drawing: a change either
    /// way is drawn at once (hiding it must clear it).
    was_shown: Option<bool>,
    /// The shapes of the last drawing, as handed to the renderer.
    shapes: Vec<egui::ClippedPrimitive>,
    pointer: Pointer,
}

impl ConsolePace {
    /// Whether this frame drew the console.
    pub fn drew(&self) -> bool {
        self.draw
    }
}

impl Default for ConsolePace {
    fn default() -> Self {
        ConsolePace {
            pace: Pace::new(EVERY),
            draw: true,
            was_shown: None,
            shapes: Vec::new(),
            pointer: Pointer::default(),
        }
    }
}

/// Puts all of bevy_egui's per-frame work under the pace: reading input,
/// the pass, tessellating, updating textures. A frame that does not draw
/// pays for none of it. That loses no input, because any input the
/// clinician gives makes its frame draw (`decide`).
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ConsolePace>()
        .configure_sets(
            PreUpdate,
            (EguiPreUpdateSet::InitContexts, EguiPreUpdateSet::ProcessInput, EguiPreUpdateSet::BeginPass)
                .run_if(draw_this_frame),
        )
        .configure_sets(
            PostUpdate,
            (
                EguiPostUpdateSet::EndPass,
                EguiPostUpdateSet::ProcessOutput,
                EguiPostUpdateSet::PostProcessOutput,
            )
                .run_if(draw_this_frame),
        )
        .add_systems(PreUpdate, decide.before(EguiPreUpdateSet::InitContexts))
        .add_systems(PostUpdate, hand_over_again.after(EguiPostUpdateSet::ProcessOutput));
}

fn draw_this_frame(pace: Res<ConsolePace>) -> bool {
    pace.draw
}

/// Whether this frame draws the console. It runs before bevy_egui reads
/// the frame's input, so a frame with input for the console reads it and
/// draws.
fn decide(
    time: Res<Time<Real>>,
    console: Res<Console>,
    mut pace: ResMut<ConsolePace>,
    mut window_events: MessageReader<WindowEvent>,
    mut keys: MessageReader<KeyboardInput>,
    windows: Query<&Window>,
) {
    let pace = &mut *pace;
    let changed = pace.was_shown != Some(console.shown);
    // Keys count even while the console is hidden: bevy_egui must see a
    // modifier let go, or it would hold it down (and refuse typed text)
    // once the console is shown again.
    let keyed = !keys.is_empty();
    keys.clear();
    let mut acts = false;
    for event in window_events.read() {
        acts |= pace.pointer.acts_on_console(event, &windows, &console);
    }
    let asked = changed || keyed || (console.shown && acts);
    // Hidden and already cleared: nothing to draw until it is shown again.
    let idle = !console.shown && !changed;
    let now = time.elapsed();
    pace.draw = !idle && pace.pace.tick(now, time.delta(), asked);
    if pace.draw {
        pace.was_shown = Some(console.shown);
    }
}

/// Where the pointer was last seen: over the console or not, and whether a
/// mouse button is held (a drag).
#[derive(Default)]
struct Pointer {
    on_console: bool,
    held: bool,
}

impl Pointer {
    /// Whether a window event is the clinician acting on the console: a
    /// click, a key, a scroll, text, the window changing size or focus, the
    /// pointer moving over the console or off it, or moving anywhere while
    /// a button is held (a slider or a scroll bar dragged past the
    /// console's edge). The pointer moving over the participant's view
    /// with no button held does not count (in the desktop window that may
    /// be the participant looking around).
    fn acts_on_console(&mut self, event: &WindowEvent, windows: &Query<&Window>, console: &Console) -> bool {
        match event {
            WindowEvent::CursorMoved(moved) => {
                let left = windows.get(moved.window).map_or(0.0, |w| w.width() - console.logical_width(w));
                let was = std::mem::replace(&mut self.on_console, moved.position.x >= left);
                was || self.on_console || self.held
            }
            WindowEvent::CursorLeft(_) => std::mem::take(&mut self.on_console) || self.held,
            WindowEvent::MouseButtonInput(button) => {
                self.held = button.state.is_pressed();
                true
            }
            WindowEvent::MouseWheel(_)
            | WindowEvent::KeyboardInput(_)
            | WindowEvent::Ime(_)
            | WindowEvent::WindowResized(_)
            | WindowEvent::WindowScaleFactorChanged(_)
            | WindowEvent::WindowFocused(_) => true,
            _ => false,
        }
    }
}

/// The render world takes the console's shapes every frame. On a frame that
/// drew, the new ones are kept; on one that did not, the kept ones are
/// handed over again.
fn hand_over_again(
    mut pace: ResMut<ConsolePace>,
    mut output: Query<&mut EguiRenderOutput, With<PrimaryEguiContext>>,
) {
    let Ok(mut output) = output.single_mut() else { return };
    if pace.draw {
        pace.shapes.clone_from(&output.paint_jobs);
    } else if output.paint_jobs.is_empty() && !pace.shapes.is_empty() {
        output.paint_jobs.clone_from(&pace.shapes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Duration = Duration::from_nanos(1_000_000_000 / 90);

    fn drawn_frames(pace: &mut Pace, frames: u32, frame: Duration, asked: impl Fn(u32) -> bool) -> Vec<u32> {
        let mut drawn = Vec::new();
        for i in 0..frames {
            if pace.tick(frame * i, frame, asked(i)) {
                drawn.push(i);
            }
        }
        drawn
    }

    #[test]
    fn at_90_hz_every_sixth_frame_is_drawn() {
        let drawn = drawn_frames(&mut Pace::new(EVERY), 90, FRAME, |_| false);
        assert_eq!(drawn.len(), 15);
        assert!(drawn.windows(2).all(|w| w[1] - w[0] == 6), "{drawn:?}");
    }

    #[test]
    fn frames_a_little_short_keep_the_beat() {
        // Frames 1 % short of 90 Hz: six of them end just before the mark,
        // which must not put every drawing off a frame. The drawings keep
        // to 15 a second of real time.
        let frame = FRAME * 99 / 100;
        let drawn = drawn_frames(&mut Pace::new(EVERY), 91, frame, |_| false);
        assert_eq!(drawn.len(), 15, "{drawn:?}");
        assert_eq!(drawn.windows(2).filter(|w| w[1] - w[0] == 6).count(), 13, "{drawn:?}");
    }

    #[test]
    fn the_clinician_acting_is_drawn_at_once_and_the_beat_goes_on() {
        let drawn = drawn_frames(&mut Pace::new(EVERY), 13, FRAME, |i| i == 4);
        assert_eq!(drawn, vec![0, 4, 6, 12]);
    }

    #[test]
    fn at_15_hz_or_slower_every_frame_is_drawn() {
        let slow = Duration::from_millis(80);
        let drawn = drawn_frames(&mut Pace::new(EVERY), 10, slow, |_| false);
        assert_eq!(drawn, (0..10).collect::<Vec<_>>());
    }
}
