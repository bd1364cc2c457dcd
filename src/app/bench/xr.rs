//! Frame cost in the headset path: the engine against a real OpenXR
//! runtime, next to a bare Bevy + bevy_mod_openxr app with as many meshes,
//! lights and UI nodes.
//!
//! What is timed is the CPU time of the thread that runs `App::update`
//! (the thread's own clock, not the wall clock), for frames of a running XR
//! session: waiting for the runtime's next frame costs no CPU time, so the
//! figure is the engine's work and Bevy's, not the runtime's pace. Each app
//! runs in a process of its own (a runtime serves one session a process
//! cleanly), neither has a desktop window, and the panel card is in the
//! engine's room as in every headset run. On a software-rendered runtime
//! the times say little; their ratio is the figure.

use bevy::prelude::*;
use bevy::window::ExitCondition;
use bevy::winit::WinitPlugin;
use bevy_mod_xr::session::XrState;

use super::{FrameTimes, prepare_autopilot};
use crate::app::headset;
use crate::app::testing::get_ready;
use crate::scenario::LoadedScenario;

/// Which app a process times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XrApp {
    /// mestring's own run, as in the headset.
    Engine,
    /// Bevy and bevy_mod_openxr with the engine's counts of things.
    Bare,
}

/// What the engine's scene holds, for the bare app to match.
#[derive(Debug, Clone, Copy, Default)]
pub struct SceneCounts {
    pub meshes: usize,
    pub lights: usize,
    pub ui_nodes: usize,
}

/// A frame's CPU time on the calling thread, seconds.
fn thread_cpu_seconds() -> f64 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec to write to; the clock id is a
    // constant every Linux has.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    if ok { t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9 } else { 0.0 }
}

/// Frames before timing starts: shaders are compiled and pipelines made
/// in the first frames of a session.
const WARM_UP: usize = 10;
/// A runtime that never starts the session ends the bench.
const MAX_FRAMES_WAITING: usize = 2_000;

/// What one app's run against the runtime gave.
#[derive(Debug, Clone)]
pub struct XrFrames {
    /// The frame thread's CPU time per frame of a running session.
    pub times: FrameTimes,
    /// What the scene held.
    pub counts: SceneCounts,
    /// The runtime and headset, in words.
    pub shown_in: String,
}

/// Runs `which` against the runtime OpenXR finds for `frames` frames of a
/// running session.
pub fn xr_frame_times(
    scenario: LoadedScenario,
    level: u8,
    frames: usize,
    which: XrApp,
    counts: SceneCounts,
    mut progress: impl FnMut(&str),
) -> Result<XrFrames, String> {
    let mode = headset::choose(false);
    if !mode.is_headset() {
        return Err(format!("no headset to bench against: {}", mode.describe()));
    }
    let mut app = App::new();
    let defaults = DefaultPlugins
        .set(WindowPlugin { primary_window: None, exit_condition: ExitCondition::DontExit, ..default() })
        .set(crate::app::model_assets())
        .disable::<WinitPlugin>();
    app.add_plugins(headset::xr_plugins(defaults));
    match which {
        XrApp::Engine => {
            app.add_plugins(crate::app::xr::plugin);
            prepare_autopilot(&mut app, scenario, level, 1, mode.clone(), true).map_err(|e| e.to_string())?;
        }
        XrApp::Bare => {
            app.add_systems(
                Startup,
                move |mut commands: Commands,
                      mut meshes: ResMut<Assets<Mesh>>,
                      mut materials: ResMut<Assets<StandardMaterial>>| {
                    super::spawn_bare_scene(&mut commands, &mut meshes, &mut materials, counts);
                },
            );
        }
    }
    get_ready(&mut app);
    let running = |app: &App| app.world().get_resource::<XrState>() == Some(&XrState::Running);
    let mut waited = 0;
    while !running(&app) {
        app.update();
        waited += 1;
        if waited > MAX_FRAMES_WAITING {
            return Err("the headset session never started running".into());
        }
    }
    for _ in 0..WARM_UP {
        app.update();
    }
    let world = app.world_mut();
    let seen = SceneCounts {
        meshes: world.query_filtered::<(), With<Mesh3d>>().iter(world).count(),
        lights: world.query_filtered::<(), With<PointLight>>().iter(world).count(),
        ui_nodes: world.query_filtered::<(), With<Node>>().iter(world).count(),
    };
    let mut micros = Vec::with_capacity(frames);
    while micros.len() < frames {
        let start = thread_cpu_seconds();
        app.update();
        // Frames the runtime paused the session for are not the engine's.
        if running(&app) {
            micros.push((thread_cpu_seconds() - start) * 1e6);
            if micros.len() % 20 == 0 {
                progress(&format!("{} of {frames} frames", micros.len()));
            }
        }
    }
    Ok(XrFrames { times: FrameTimes { micros }, counts: seen, shown_in: mode.describe() })
}
