//! Frame cost: what the engine's own work adds to each frame.
//!
//! A scenario runs without a window or GPU for a number of simulated
//! minutes at 90 frames a second, with a scripted participant that
//! answers whatever is asked (the script's `answer`), and each
//! `App::update` is timed. A bare Bevy
//! app with the same plugins and as many meshes, lights and UI nodes runs
//! the same number of frames; the difference is the engine's own cost.
//! Rendering itself (GPU work) is not part of either figure.

pub mod xr;

use std::sync::Arc;
use std::time::{Duration, Instant};

use bevy::prelude::*;

use super::driver::{RunningSession, Scripted, SessionView};
use super::testing::{get_ready, headless_app};
use super::{AppSystems, Loaded, RunOptions, headset};
use crate::play::ScriptedParticipant;
use crate::play::script::{Action, Step};
use crate::scenario::LoadedScenario;
use crate::session::Session;

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

    pub fn mean(&self) -> f64 {
        self.micros.iter().sum::<f64>() / self.micros.len().max(1) as f64
    }

    /// The frames for which `keep` holds.
    pub fn only(&self, keep: &[bool]) -> FrameTimes {
        FrameTimes { micros: self.micros.iter().zip(keep).filter(|(_, k)| **k).map(|(m, _)| *m).collect() }
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
    /// With the console shown: the same engine with the clinician's
    /// console (egui, its live plot) at its own pace, timed alongside.
    pub with_console: Option<FrameTimes>,
    /// Which of those frames drew the console (the others handed its last
    /// shapes over again).
    pub console_drew: Vec<bool>,
    pub peak_rss_kib: Option<u64>,
}

const FRAME: Duration = Duration::from_nanos(1_000_000_000 / 90);

/// One frame, in microseconds.
fn time_frame(app: &mut App) -> f64 {
    let start = Instant::now();
    app.update();
    start.elapsed().as_secs_f64() * 1e6
}

/// Runs `scenario` at `level` for `minutes` of simulated time, and the bare
/// app for as many frames; with `console`, a third app: the same engine
/// with the clinician's console shown. `progress` hears about every
/// simulated minute.
pub fn frame_cost(
    scenario: LoadedScenario,
    level: u8,
    minutes: f64,
    seed: u64,
    console: bool,
    mut progress: impl FnMut(&str),
) -> Result<FrameReport, super::RunError> {
    let frames = (minutes * 60.0 * 90.0).round().max(1.0) as usize;
    let mut with_console = match console {
        true => Some(engine_app(scenario.clone(), level, seed, true)?),
        false => None,
    };
    let mut app = engine_app(scenario, level, seed, false)?;
    let world = app.world_mut();
    let meshes = world.query_filtered::<(), With<Mesh3d>>().iter(world).count();
    let lights = world.query_filtered::<(), With<PointLight>>().iter(world).count();
    let ui_nodes = world.query_filtered::<(), With<Node>>().iter(world).count();
    let entities = world.query::<()>().iter(world).count();
    let sessions_of = |app: &App| app.world().resource::<Autopilot>().sessions;

    let mut bare = headless_app(FRAME);
    let counts = xr::SceneCounts { meshes, lights, ui_nodes };
    bare.add_systems(
        Startup,
        move |mut commands: Commands,
              mut mesh_assets: ResMut<Assets<Mesh>>,
              mut materials: ResMut<Assets<StandardMaterial>>| {
            spawn_bare_scene(&mut commands, &mut mesh_assets, &mut materials, counts);
            commands.spawn((Camera3d::default(), Transform::from_xyz(0.0, crate::room::SEATED_HEAD_M, 3.0)));
        },
    );
    get_ready(&mut bare);
    bare.update();

    // Frames alternate between the two apps, so a busy moment on a shared
    // machine falls on both alike.
    let per_minute = 60 * 90;
    let (mut engine, mut bare_times) = (Vec::with_capacity(frames), Vec::with_capacity(frames));
    let mut console_times = Vec::with_capacity(if console { frames } else { 0 });
    let mut console_drew = Vec::with_capacity(if console { frames } else { 0 });
    for frame in 1..=frames {
        engine.push(time_frame(&mut app));
        bare_times.push(time_frame(&mut bare));
        if let Some(app) = &mut with_console {
            console_times.push(time_frame(app));
            console_drew.push(app.world().resource::<super::console::ConsolePace>().drew());
        }
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
        with_console: console.then_some(FrameTimes { micros: console_times }),
        console_drew,
        peak_rss_kib: peak_rss_kib(),
    })
}

/// The engine as the bench times it, on a mixer no device plays (the
/// frame thread's share of the sound is measured; the samples would be
/// made on the audio thread). With `console`, the clinician's console is
/// shown and drawn at its own pace, as on the desktop window; headless it
/// never reaches a screen, so this is its CPU cost.
fn engine_app(scenario: LoadedScenario, level: u8, seed: u64, console: bool) -> Result<App, super::RunError> {
    let mode = headset::Mode::Desktop { why: headset::NoHeadset::Unattended, detail: None };
    let mut app = headless_app(FRAME);
    prepare_autopilot(&mut app, scenario, level, seed, mode, false)?;
    app.add_plugins(super::sound::listen);
    if console {
        app.add_plugins(super::console::plugin);
        app.world_mut().resource_mut::<super::console::Console>().shown = true;
    }
    let (mixer, _unplayed) = rodio::mixer::mixer(crate::sound::STEREO, crate::sound::sample_rate());
    let hearing = super::sound::Hearing::on_mixer(mixer, app.world().resource::<Loaded>());
    app.insert_non_send(hearing).init_resource::<super::sound::SoundFrameCost>();
    get_ready(&mut app);
    // One frame builds the room; it is not part of the steady-state cost.
    app.update();
    Ok(app)
}

/// The bare app's scene: as many meshes, lights and UI nodes as the
/// engine's, plain ones. The headless bench adds a camera; in the headset
/// the runtime's views are the cameras.
fn spawn_bare_scene(
    commands: &mut Commands,
    mesh_assets: &mut Assets<Mesh>,
    materials: &mut Assets<StandardMaterial>,
    counts: xr::SceneCounts,
) {
    let mesh = mesh_assets.add(Cuboid::new(0.5, 0.5, 0.5));
    let material = materials.add(Color::srgb(0.6, 0.6, 0.6));
    for i in 0..counts.meshes {
        let x = (i % 20) as f32 * 0.3;
        commands.spawn((
            Mesh3d(mesh.clone()),
            MeshMaterial3d(material.clone()),
            Transform::from_xyz(x, 0.0, 0.0),
        ));
    }
    for i in 0..counts.lights {
        commands.spawn((PointLight::default(), Transform::from_xyz(i as f32, 2.5, 0.0)));
    }
    for _ in 0..counts.ui_nodes {
        commands.spawn(Node::default());
    }
}

/// The process's peak resident memory (Linux), in KiB.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The engine's run on `app`, as both benches time it: the scenario at
/// `level` in its first language, the panels on the card in the room when
/// `in_room` (as in a headset), and the autopilot participant, who starts
/// a new session whenever one ends.
fn prepare_autopilot(
    app: &mut App,
    scenario: LoadedScenario,
    level: u8,
    seed: u64,
    mode: headset::Mode,
    in_room: bool,
) -> Result<(), super::RunError> {
    let shared = Arc::new(scenario.scenario.clone());
    let lang = shared.languages.first().cloned().unwrap_or_else(|| "en".into());
    let options = RunOptions {
        level,
        lang,
        desktop: !mode.is_headset(),
        exit_after: None,
        screenshot: None,
        script: Some(thinking_participant()),
        seed,
        panels_in_room: in_room,
        console: false,
        close_at_end: false,
        window_size: None,
        kind: crate::session::RunKind::Practice,
        alerts: Default::default(),
    };
    let (session, scenario) = super::new_session(scenario, &options)?;
    super::prepare(app, super::Prepared { session, scenario, options, mode, in_room, recording: None });
    app.insert_resource(Autopilot { seed, level, scenario: shared, sessions: 1 })
        .add_systems(Update, next_session.in_set(AppSystems::Input));
    Ok(())
}

/// Starts a new session when one ends, so every simulated minute is a
/// minute of a live session.
#[derive(Resource)]
struct Autopilot {
    seed: u64,
    level: u8,
    scenario: Arc<crate::scenario::Scenario>,
    sessions: usize,
}

/// Session time the participant takes to answer.
const THINKING_MS: u64 = 1_500;

/// A participant who keeps the session moving: whatever is asked, the
/// default answer after a short pause, for longer than any session lasts.
fn thinking_participant() -> Vec<Step> {
    (0..100_000).map(|i| Step { action: Action::Answer, after: THINKING_MS, line: i + 1 }).collect()
}

fn next_session(
    mut pilot: ResMut<Autopilot>,
    mut running: ResMut<RunningSession>,
    mut view: ResMut<SessionView>,
    mut script: ResMut<Scripted>,
) {
    if !running.session.has_ended() {
        return;
    }
    pilot.sessions += 1;
    let seed = pilot.seed.wrapping_add(pilot.sessions as u64);
    if let Ok(next) = Session::new(pilot.scenario.clone(), pilot.level, seed) {
        *running = RunningSession::new(next);
        *view = SessionView::default();
        *script = Scripted(ScriptedParticipant::new(thinking_participant()));
    }
}
