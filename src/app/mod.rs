//! The Bevy shell: turns session outputs into things seen and heard, and
//! what the participant and clinician do into session inputs. It holds no
//! scenario rules of its own.
//!
//! The run starts in a headset when OpenXR reaches one (see `headset`) and
//! in a desktop window otherwise, and says which and why.
//!
//! Every frame's work runs in the sets of `AppSystems`, configured once
//! here; features talk through messages (`SessionInput`, `SessionOutput`,
//! `ShowLabels`, `RecentreView`, `ControllerPressed`) rather than through
//! each other's resources. `testing` runs the same plugins headless.

pub mod bench;
mod cast;
pub mod clinic;
mod console;
mod controller;
mod driver;
mod fonts;
mod headset;
mod keys;
mod labels;
mod live;
mod panels;
mod pause_fade;
mod pointer;
mod recording;
pub mod reload;
pub(crate) mod sound;
mod stage;
pub mod testing;
mod world_panel;
mod xr;

pub use controller::ControllerPressed;
pub use driver::{CalmingView, SessionInput, SessionOutput, SessionView};
pub use labels::ShowLabels;
pub use live::AlertSettings;
pub use panels::PauseAction;
pub use recording::RecordingHealth;

use std::path::PathBuf;

use bevy::prelude::*;

use crate::scenario::LoadedScenario;

/// What `mestring run` was asked to do.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub level: u8,
    pub lang: String,
    pub desktop: bool,
    /// Close by itself after this many seconds (demos, tests).
    pub exit_after: Option<f32>,
    /// Save a screenshot here just before closing.
    pub screenshot: Option<PathBuf>,
    /// Answers from a script instead of the keyboard (a scripted participant).
    pub script: Option<Vec<crate::play::script::Step>>,
    /// Show the panels on the card in the room, as the headset does, and
    /// point at it with the mouse: a desktop preview of the headset's view.
    pub panels_in_room: bool,
    pub seed: u64,
    /// Show the clinician's console from the start (F1 toggles it).
    pub console: bool,
    /// Close by itself once the session has ended (scripted runs, tests).
    pub close_at_end: bool,
    /// The desktop window's size in logical pixels (default 1280 × 720).
    pub window_size: Option<(u32, u32)>,
    /// A practice run, or a modelling run: a peer in the participant's
    /// seat gives the model answers while the participant watches from the
    /// side.
    pub kind: crate::session::RunKind,
    /// Where the console's alert suggests a pause, if not the scenario's.
    pub alerts: AlertSettings,
}

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    NoSuchLevel {
        level: u8,
        max: usize,
    },
    NoSuchLanguage {
        lang: String,
        have: String,
    },
    /// A modelling run of a scenario without a peer.
    NoPeer(String),
    Exit(u8),
}

impl crate::words::Explain for RunError {
    fn explain(&self, lang: crate::words::Lang) -> String {
        match self {
            RunError::NoSuchLevel { level, max } => {
                crate::w!(lang, "error-no-such-level", level = *level, max = *max)
            }
            RunError::NoSuchLanguage { lang: wanted, have } => {
                crate::w!(lang, "error-no-such-language", lang = wanted, have = have)
            }
            RunError::NoPeer(id) => crate::w!(lang, "error-no-peer", scenario = id),
            RunError::Exit(code) => crate::w!(lang, "error-window-exit", code = *code),
        }
    }
}

crate::english_display!(RunError);

/// The order of a frame's work in `Update`. Inputs become session inputs,
/// the session steps, features read what it said, things move towards it
/// (held still while paused: `Move` is the one pausable set), and the
/// frame's state is shown and heard.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppSystems {
    Input,
    Drive,
    Follow,
    Move,
    Show,
}

/// What happens in `Last` when the app exits: the session is stopped
/// (the clinician's stop), then its record is closed.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OnExit {
    StopSession,
    Record,
}

/// Whether the desktop pointer is the clinician's (over the console): then
/// it neither turns the participant's view nor presses their panels.
/// Written by the console, read by the participant's pointer.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PointerOnConsole(pub bool);

/// The order cameras render in. The card's panels must be drawn into its
/// texture before the room (which shows the card) is; the console goes
/// over everything on the window.
pub(crate) mod camera_order {
    pub const PANEL_CARD: isize = -1;
    pub const PARTICIPANT_VIEW: isize = 0;
    pub const CONSOLE: isize = 10;
}

/// The clinician asks to recentre the headset's view on the seat.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecentreView;

/// The run should close: on the desktop at once; in the headset once the
/// XR session has ended through its states (`xr`).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CloseRun;

/// Without a headset there is no session to end first.
fn close_at_once(mut close: MessageReader<CloseRun>, loaded: Res<Loaded>, mut exit: MessageWriter<AppExit>) {
    if close.read().count() > 0 && !loaded.mode.is_headset() {
        exit.write(AppExit::Success);
    }
}

fn app_systems(app: &mut App) {
    app.configure_sets(
        Update,
        (
            AppSystems::Input,
            AppSystems::Drive,
            AppSystems::Follow,
            AppSystems::Move.run_if(|view: Res<SessionView>| !view.paused),
            AppSystems::Show,
        )
            .chain(),
    )
    .configure_sets(Last, (OnExit::StopSession, OnExit::Record).chain())
    .init_resource::<PointerOnConsole>()
    .add_message::<RecentreView>()
    .add_message::<CloseRun>()
    .add_systems(Last, close_at_once.before(OnExit::StopSession));
}

/// The loaded scenario and the run's settings, for every plugin to read.
#[derive(Resource, Debug, Clone)]
pub struct Loaded {
    pub scenario: LoadedScenario,
    pub options: RunOptions,
    /// Headset or desktop, and why.
    pub mode: headset::Mode,
}

impl Loaded {
    /// Which mode the run is in and why, for the log and the screen.
    pub fn mode(&self) -> String {
        self.mode.describe()
    }
}

/// Opens the window and runs until it is closed. With a store and a
/// recorder, the session is recorded, behaviour samples included.
pub fn run(
    scenario: LoadedScenario,
    options: RunOptions,
    recording: Option<(crate::record::Store, crate::record::Recorder)>,
) -> Result<(), RunError> {
    let (session, scenario) = new_session(scenario, &options)?;
    if let Some(path) = &options.screenshot {
        // The exit system waits for this file to appear: an old one must not
        // count as the new screenshot.
        let _ = std::fs::remove_file(path);
    }
    let title = format!("mestring – {}", scenario.scenario.title.show(&options.lang));
    let mode = headset::choose(options.desktop);
    let mut app = App::new();
    // In the headset the window is only the clinician's mirror: it must
    // never wait for the monitor's refresh and hold back the headset.
    let present_mode = if mode.is_headset() {
        bevy::window::PresentMode::AutoNoVsync
    } else {
        bevy::window::PresentMode::default()
    };
    let mut primary = Window { title, present_mode, ..default() };
    if let Some((w, h)) = options.window_size {
        primary.resolution = bevy::window::WindowResolution::new(w, h);
    }
    // In the headset, the window's close button ends the XR session first
    // (`xr` hears the request); on the desktop it closes at once.
    let window =
        WindowPlugin { primary_window: Some(primary), close_when_requested: !mode.is_headset(), ..default() };
    let defaults = DefaultPlugins.set(window).set(model_assets()).set(quiet_renderer());
    if mode.is_headset() {
        app.add_plugins((headset::xr_plugins(defaults), xr::plugin));
    } else {
        app.add_plugins(defaults);
    }
    if options.panels_in_room && !mode.is_headset() {
        app.insert_resource(CardPreview);
    }
    let in_room = mode.is_headset() || options.panels_in_room;
    prepare(&mut app, Prepared { session, scenario, options, mode, in_room, recording });
    app.add_plugins((auto_exit_plugin, sound::plugin, console::plugin)).add_systems(Startup, say_mode);
    let exit = app.run();
    if let Some(kib) = bench::peak_rss_kib() {
        info!("peak resident memory: {:.0} MiB", kib as f64 / 1024.0);
    }
    match exit {
        AppExit::Success => Ok(()),
        AppExit::Error(code) => Err(RunError::Exit(code.get())),
    }
}

/// The session a run asks for, refused before any window opens when the
/// scenario lacks the level, the language or (for a modelling run) a
/// peer; and the scenario as the run shows it (a modelling run's with its
/// peer among the cast).
fn new_session(
    mut scenario: LoadedScenario,
    options: &RunOptions,
) -> Result<(crate::session::Session, LoadedScenario), RunError> {
    use crate::session::{Session, SessionError};
    let s = &scenario.scenario;
    if !s.languages.contains(&options.lang) {
        return Err(RunError::NoSuchLanguage { lang: options.lang.clone(), have: s.languages.join(", ") });
    }
    // The session knows which levels exist; its refusal is the level check.
    let (shown, session) =
        Session::of_kind(s, options.level, options.seed, options.kind).map_err(|e| match e {
            SessionError::NoPeer(id) => RunError::NoPeer(id),
            _ => RunError::NoSuchLevel { level: options.level, max: s.levels.len() },
        })?;
    scenario.scenario = (*shown).clone();
    Ok((session, scenario))
}

/// What `prepare` builds a run from.
struct Prepared {
    session: crate::session::Session,
    scenario: LoadedScenario,
    options: RunOptions,
    mode: headset::Mode,
    /// The panels hang on the card in the room (a headset, or its preview).
    in_room: bool,
    /// The store and journal a recorded run writes to.
    recording: Option<(crate::record::Store, crate::record::Recorder)>,
}

/// What a run holds with or without a window or GPU: the session and its
/// settings, the room, the cast, the panels (on the card in the room when
/// asked), the participant's and clinician's controls, and the record when
/// there is one (an unrecorded run has no recording systems at all).
fn prepare(app: &mut App, run: Prepared) {
    let Prepared { session, scenario, options, mode, in_room, recording } = run;
    let mut options = options;
    // The steps move into the driver; nothing else reads them.
    if let Some(steps) = options.script.take() {
        app.insert_resource(driver::Scripted(crate::play::ScriptedParticipant::new(steps)));
    }
    // Bevy holds a frame's time step to 250 ms, so on a machine that draws
    // fewer than four frames a second (software rendering) the session's
    // clock would fall behind the wall clock: a 12-second answer clock
    // would last a minute. Up to a second a frame it keeps real time.
    app.world_mut().resource_mut::<Time<Virtual>>().set_max_delta(std::time::Duration::from_secs(1));
    app.insert_resource(driver::RunningSession::new(session))
        .insert_resource(Loaded { scenario, options, mode })
        .add_plugins((app_systems, scene_plugins, live::plugin, reload::plugin, console::state_plugin));
    if let Some((store, recorder)) = recording {
        app.insert_non_send(recording::Recording::new(store, recorder)).add_plugins(recording::plugin);
    }
    if in_room {
        app.add_plugins(world_panel::plugin);
    }
}

/// The renderer without Vulkan's validation layer unless a developer asks
/// for it (`WGPU_VALIDATION=1`). A debug build would otherwise load the
/// layer wherever it is installed (the headset tests install it) and fill
/// a clinic's log with reports meant for developers. In a headset,
/// bevy_mod_openxr creates the renderer itself; the headset tests load the
/// layer through the Vulkan loader.
fn quiet_renderer() -> bevy::render::RenderPlugin {
    use bevy::render::settings::{InstanceFlags, RenderCreation, WgpuSettings};
    let mut settings = WgpuSettings::default();
    settings.instance_flags.remove(InstanceFlags::VALIDATION);
    settings.instance_flags = settings.instance_flags.with_env();
    bevy::render::RenderPlugin { render_creation: RenderCreation::Automatic(Box::new(settings)), ..default() }
}

/// The mouse points at the panel card in the room (desktop preview).
#[derive(Resource)]
pub struct CardPreview;

/// Models named in a scenario live beside it, anywhere on disk, and are
/// loaded by absolute path; the checker has already confirmed they exist.
fn model_assets() -> AssetPlugin {
    AssetPlugin { unapproved_path_mode: bevy::asset::UnapprovedPathMode::Allow, ..default() }
}

/// A glTF scene is spawned through reflection, and this trimmed Bevy build
/// does not register types by itself: these are the components a glTF
/// scene's entities carry.
fn model_types(app: &mut App) {
    app.register_type::<Transform>()
        .register_type::<GlobalTransform>()
        .register_type::<TransformTreeChanged>()
        .register_type::<Visibility>()
        .register_type::<InheritedVisibility>()
        .register_type::<ViewVisibility>()
        .register_type::<Name>()
        .register_type::<ChildOf>()
        .register_type::<Children>()
        .register_type::<Mesh3d>()
        .register_type::<MeshMaterial3d<StandardMaterial>>()
        .register_type::<bevy::camera::primitives::Aabb>();
}

/// The session, the room, the cast, the panels and the participant's
/// controls: everything a run shows, with or without a window.
fn scene_plugins(app: &mut App) {
    app.add_plugins((
        model_types,
        fonts::plugin,
        driver::plugin,
        stage::plugin,
        cast::plugin,
        panels::plugin,
        pause_fade::plugin,
        keys::plugin,
        pointer::plugin,
        labels::plugin,
        controller::plugin,
    ));
}

fn say_mode(loaded: Res<Loaded>) {
    let o = &loaded.options;
    if let headset::Mode::Desktop { detail: Some(detail), .. } = &loaded.mode {
        warn!("no headset, so the session runs in a desktop window: {detail}");
    }
    info!("mestring: running \"{}\" at level {} in {}", loaded.scenario.scenario.id, o.level, loaded.mode());
}

/// Closing by itself after `--exit-after`, or at the end with
/// `--close-at-end`, taking the `--screenshot` first.
fn auto_exit_plugin(app: &mut App) {
    app.init_resource::<AutoExit>().add_systems(Update, auto_exit.in_set(AppSystems::Show));
}

#[derive(Resource, Default)]
enum AutoExit {
    #[default]
    Running,
    /// Screenshot requested at this time; waiting for the file.
    Capturing(f32),
    /// Asked to close; the close may take a few frames (the headset).
    Closing,
}

/// After the end, a moment on the last screen before closing.
const CLOSE_AFTER_END: f32 = 1.0;

fn auto_exit(
    mut commands: Commands,
    time: Res<Time>,
    loaded: Res<Loaded>,
    view: Res<driver::SessionView>,
    mut ended_at: Local<Option<f32>>,
    mut state: ResMut<AutoExit>,
    mut exit: MessageWriter<CloseRun>,
) {
    let now = time.elapsed_secs();
    if view.ended.is_some() && ended_at.is_none() {
        *ended_at = Some(now);
    }
    let at_end = ended_at.filter(|_| loaded.options.close_at_end).map(|t| t + CLOSE_AFTER_END);
    let Some(after) = [loaded.options.exit_after, at_end].into_iter().flatten().reduce(f32::min) else {
        return;
    };
    match *state {
        AutoExit::Running if now >= after => match &loaded.options.screenshot {
            Some(path) => {
                commands
                    .spawn(bevy::render::view::screenshot::Screenshot::primary_window())
                    .observe(bevy::render::view::screenshot::save_to_disk(path.clone()));
                *state = AutoExit::Capturing(now);
            }
            None => {
                exit.write(CloseRun);
                *state = AutoExit::Closing;
            }
        },
        AutoExit::Capturing(since) => {
            let saved = loaded.options.screenshot.as_ref().is_some_and(|p| p.exists());
            // Capture is asynchronous; give it a few seconds on a slow
            // software renderer before closing without it.
            if saved || now - since > 10.0 {
                if !saved {
                    warn!("the screenshot was not written in time");
                }
                exit.write(CloseRun);
                *state = AutoExit::Closing;
            }
        }
        AutoExit::Running | AutoExit::Closing => {}
    }
}
