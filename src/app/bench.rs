//! Frame cost: what the engine's own work adds to each frame.
//!
//! A scenario runs without a window or GPU for a number of simulated
//! minutes at 90 frames a second, with an autopilot participant that
//! answers whatever is asked, and each `App::update` is timed. A bare Bevy
//! app with the same plugins and as many meshes, lights and UI nodes runs
//! the same number of frames; the difference is the engine's own cost.
//! Rendering itself (GPU work) is not part of either figure.

use std::sync::Arc;
use std::time::{Duration, Instant};

use bevy::app::PluginsState;
use bevy::prelude::*;
use bevy::render::RenderPlugin;
use bevy::render::settings::{RenderCreation, WgpuSettings};
use bevy::time::TimeUpdateStrategy;
use bevy::window::{ExitCondition, WindowResolution};
use bevy::winit::WinitPlugin;

use super::driver::{PendingInputs, RunningSession, SessionView};
use super::{Loaded, RunOptions, headset};
use crate::scenario::{LoadedScenario, RatingKind};
use crate::session::{Input, RatingAnswer, Session};

/// Frame times of one app, in microseconds.
#[derive(Debug, Clone)]
pub struct FrameTimes {
    pub micros: Vec<f64>,
}

impl FrameTimes {
    /// The value below which this share of frames falls (0..1).
    pub fn quantile(&self, q: f64) -> f64 {
        let mut sorted = self.micros.clone();
        sorted.sort_by(f64::total_cmp);
        let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
        sorted.get(i).copied().unwrap_or(0.0)
    }
}

#[derive(Debug, Clone)]
pub struct FrameReport {
    pub frames: usize,
    pub engine: FrameTimes,
    pub bare: FrameTimes,
    /// What the bare app holds to match the engine's scene.
    pub meshes: usize,
    pub lights: usize,
    pub ui_nodes: usize,
    pub entities: usize,
    /// Sessions the autopilot went through (a session that ends starts again).
    pub sessions: usize,
    /// The frame thread's share of the cue system (handing cues to the
    /// mixer, moving the listener), per frame.
    pub sound: FrameTimes,
    pub peak_rss_kib: Option<u64>,
}

const FRAME: Duration = Duration::from_nanos(1_000_000_000 / 90);

/// Bevy's plugins without a window, a GPU or a terminal logger of their own
/// (the caller logs), stepping time by exactly one 90 Hz frame.
fn headless_app() -> App {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(RenderPlugin {
                render_creation: RenderCreation::Automatic(Box::new(WgpuSettings {
                    backends: None,
                    ..default()
                })),
                ..default()
            })
            .set(WindowPlugin {
                // A window component with a size but no OS window: the UI
                // lays out at a real size, as on a desktop.
                primary_window: Some(Window { resolution: WindowResolution::new(1280, 720), ..default() }),
                exit_condition: ExitCondition::DontExit,
                close_when_requested: false,
                ..default()
            })
            .set(super::model_assets())
            .disable::<WinitPlugin>()
            .disable::<bevy::log::LogPlugin>(),
    )
    .insert_resource(TimeUpdateStrategy::ManualDuration(FRAME));
    app
}

/// What `App::run` does before the first frame.
fn get_ready(app: &mut App) {
    while app.plugins_state() == PluginsState::Adding {
        bevy::tasks::tick_global_task_pools_on_main_thread();
    }
    app.finish();
    app.cleanup();
}

/// One frame, in microseconds.
fn time_frame(app: &mut App) -> f64 {
    let start = Instant::now();
    app.update();
    start.elapsed().as_secs_f64() * 1e6
}

/// Runs `scenario` at `level` for `minutes` of simulated time, and the bare
/// app for as many frames. `progress` hears about every simulated minute.
pub fn frame_cost(
    scenario: LoadedScenario,
    level: u8,
    minutes: f64,
    seed: u64,
    mut progress: impl FnMut(&str),
) -> Result<FrameReport, super::RunError> {
    let shared = Arc::new(scenario.scenario.clone());
    let max = shared.levels.len();
    let session =
        Session::new(shared.clone(), level, seed).map_err(|_| super::RunError::NoSuchLevel { level, max })?;
    let lang = shared.languages.first().cloned().unwrap_or_else(|| "en".into());
    let options = RunOptions {
        level,
        lang,
        desktop: true,
        exit_after: None,
        screenshot: None,
        script: None,
        seed,
        panels_in_room: false,
        console: false,
    };
    let mode = headset::Mode::Desktop { why: "frame-cost bench".into(), detail: None };
    let frames = (minutes * 60.0 * 90.0).round().max(1.0) as usize;

    let mut app = headless_app();
    app.insert_resource(RunningSession::new(session))
        .insert_resource(Loaded { scenario, options, mode })
        .insert_resource(Autopilot { seed, level, scenario: shared, sessions: 1 })
        .add_plugins((super::scene_plugins, super::sound::listen))
        .add_systems(Update, autopilot.before(super::driver::DriveSession));
    // The cue system on a mixer with no device: the frame thread's share
    // (handing sources over, moving the listener) is what is measured; the
    // samples would be made on the audio thread, which is not running.
    let (mixer, _unplayed) = rodio::mixer::mixer(crate::sound::STEREO, crate::sound::sample_rate());
    let hearing = super::sound::Hearing::on_mixer(mixer, app.world().resource::<Loaded>());
    app.insert_non_send(hearing).init_resource::<super::sound::SoundFrameCost>();
    get_ready(&mut app);
    // One frame builds the room; it is not part of the steady-state cost.
    app.update();
    let world = app.world_mut();
    let meshes = world.query_filtered::<(), With<Mesh3d>>().iter(world).count();
    let lights = world.query_filtered::<(), With<PointLight>>().iter(world).count();
    let ui_nodes = world.query_filtered::<(), With<Node>>().iter(world).count();
    let entities = world.query::<()>().iter(world).count();
    let sessions_of = |app: &App| app.world().resource::<Autopilot>().sessions;

    let mut bare = headless_app();
    bare.add_systems(
        Startup,
        move |mut commands: Commands,
              mut mesh_assets: ResMut<Assets<Mesh>>,
              mut materials: ResMut<Assets<StandardMaterial>>| {
            let mesh = mesh_assets.add(Cuboid::new(0.5, 0.5, 0.5));
            let material = materials.add(Color::srgb(0.6, 0.6, 0.6));
            for i in 0..meshes {
                let x = (i % 20) as f32 * 0.3;
                commands.spawn((
                    Mesh3d(mesh.clone()),
                    MeshMaterial3d(material.clone()),
                    Transform::from_xyz(x, 0.0, 0.0),
                ));
            }
            for i in 0..lights {
                commands.spawn((PointLight::default(), Transform::from_xyz(i as f32, 2.5, 0.0)));
            }
            commands.spawn((Camera3d::default(), Transform::from_xyz(0.0, 1.2, 3.0)));
            for _ in 0..ui_nodes {
                commands.spawn(Node::default());
            }
        },
    );
    get_ready(&mut bare);
    bare.update();

    // Frames alternate between the two apps, so a busy moment on a shared
    // machine falls on both alike.
    let per_minute = 60 * 90;
    let (mut engine, mut bare_times) = (Vec::with_capacity(frames), Vec::with_capacity(frames));
    for frame in 1..=frames {
        engine.push(time_frame(&mut app));
        bare_times.push(time_frame(&mut bare));
        if frame % per_minute == 0 {
            progress(&format!("{} of {minutes} simulated minutes", frame / per_minute));
        }
    }
    let sessions = sessions_of(&app);
    // The first entries are the frames before timing began.
    let sound_micros = app.world().resource::<super::sound::SoundFrameCost>().micros.clone();
    let sound = FrameTimes { micros: sound_micros[sound_micros.len().saturating_sub(frames)..].to_vec() };
    let (engine, bare_times) = (FrameTimes { micros: engine }, FrameTimes { micros: bare_times });
    Ok(FrameReport {
        frames,
        engine,
        bare: bare_times,
        meshes,
        lights,
        ui_nodes,
        entities,
        sessions,
        sound,
        peak_rss_kib: peak_rss_kib(),
    })
}

/// The process's peak resident memory (Linux), in KiB.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Answers whatever is asked after a short pause, as a participant who
/// keeps the session moving would; starts a new session when one ends, so
/// every simulated minute is a minute of a live session.
#[derive(Resource)]
struct Autopilot {
    seed: u64,
    level: u8,
    scenario: Arc<crate::scenario::Scenario>,
    sessions: usize,
}

/// Session time the autopilot takes to answer.
const THINKING_MS: u64 = 1_500;

fn autopilot(
    mut pilot: ResMut<Autopilot>,
    mut running: ResMut<RunningSession>,
    mut view: ResMut<SessionView>,
    mut pending: ResMut<PendingInputs>,
    mut since: Local<Option<u64>>,
) {
    let session = &running.session;
    if session.has_ended() {
        pilot.sessions += 1;
        let seed = pilot.seed.wrapping_add(pilot.sessions as u64);
        if let Ok(next) = Session::new(pilot.scenario.clone(), pilot.level, seed) {
            *running = RunningSession::new(next);
            *view = SessionView::default();
        }
        *since = None;
        return;
    }
    let asked = session.offered_choice().is_some() || session.open_rating().is_some();
    if !asked {
        *since = None;
        return;
    }
    let now = session.now();
    if now < *since.get_or_insert(now) + THINKING_MS {
        return;
    }
    *since = None;
    if session.offered_choice().is_some() {
        pending.0.push(Input::Choose { option: 0 });
    } else if let Some(kind) = session.open_rating() {
        pending.0.push(Input::Rate(match kind {
            RatingKind::ExpectancyReview(_) => RatingAnswer::Review { happened: false, likelihood: 30 },
            RatingKind::Cybersickness => RatingAnswer::Scale(2),
            _ => RatingAnswer::Scale(50),
        }));
    }
}
