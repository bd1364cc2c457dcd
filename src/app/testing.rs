//! The shell without a window or GPU, for tests: the run's own plugins on
//! a headless Bevy app whose clock the test steps. It presses keys (as
//! keyboard messages), presses the participant's panel buttons (as the
//! pointer does, through `Interaction`), sends the headset's controller
//! buttons and the clinician's commands as the messages the real inputs
//! send, and reads the world back: the session and its view, the
//! characters' bodies, the panels' texts, the camera.
//!
//! A whole scenario plays in seconds, because nothing waits for a frame
//! to be drawn. What only a window shows (pixels, the real pointer, the
//! OpenXR fallback) stays in the window tests.

mod console;

use std::time::Duration;

use bevy::app::PluginsState;
use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
use bevy::prelude::*;
use bevy::render::RenderPlugin;
use bevy::render::settings::{RenderCreation, WgpuSettings};
use bevy::time::TimeUpdateStrategy;
use bevy::ui::UiSystems;
use bevy::window::{ExitCondition, PrimaryWindow, WindowResolution};
use bevy::winit::WinitPlugin;

pub use super::cast::CharacterState;
use super::driver::{Logged, RunningSession, SessionInput, SessionLog, SessionView, replay};
pub use super::panels::PanelButton;
use super::stage::ParticipantView;
use super::world_panel::{PanelCard, PanelPointer};
use super::{
    AppSystems, ControllerPressed, Loaded, OnExit, RecentreView, RunError, RunOptions, ShowLabels, headset,
};
use crate::play::Transcript;
use crate::record::{Recorder, Store};
use crate::scenario::LoadedScenario;
use crate::session::{Input, Millis, Session};
pub use console::ConsoleWidget;

/// Bevy's plugins without a window, a GPU or a terminal logger of their
/// own (the caller logs), stepping time by exactly `frame` each update.
pub(super) fn headless_app(frame: Duration) -> App {
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
    .insert_resource(TimeUpdateStrategy::ManualDuration(frame));
    app
}

/// What `App::run` does before the first frame.
pub(super) fn get_ready(app: &mut App) {
    while app.plugins_state() == PluginsState::Adding {
        bevy::tasks::tick_global_task_pools_on_main_thread();
    }
    app.finish();
    app.cleanup();
}

/// The frame a harness steps by unless told otherwise: 30 Hz, about what
/// a software-rendered window manages on a good day.
pub const FRAME: Duration = Duration::from_nanos(1_000_000_000 / 30);

/// A run of the shell on a clock the test steps.
pub struct Harness {
    app: App,
    frame: Duration,
    /// Keys pressed last frame, released on the next.
    held: Vec<KeyCode>,
}

/// Buttons to press on the next frame, and the one the pointer rests on,
/// set after the UI's own focus pass as the panel card's pointer does.
#[derive(Resource, Default)]
struct Presses {
    pressed: Vec<Entity>,
    hovered: Option<Entity>,
}

fn press_buttons(mut presses: ResMut<Presses>, mut buttons: Query<&mut Interaction>) {
    if let Some(hovered) = presses.hovered
        && let Ok(mut interaction) = buttons.get_mut(hovered)
    {
        interaction.set_if_neq(Interaction::Hovered);
    }
    for entity in presses.pressed.drain(..) {
        if let Ok(mut interaction) = buttons.get_mut(entity) {
            *interaction = Interaction::Pressed;
        }
    }
}

/// Everything the driver logged since the run began, in order.
#[derive(Resource, Default)]
struct History(Vec<Logged>);

fn keep_history(log: Res<SessionLog>, mut history: ResMut<History>) {
    history.0.extend(log.0.iter().cloned());
}

fn keep_history_on_exit(exits: MessageReader<AppExit>, log: Res<SessionLog>, history: ResMut<History>) {
    if !exits.is_empty() {
        keep_history(log, history);
    }
}

impl Harness {
    /// The run `options` ask for, in desktop mode, without a window.
    /// `options.panels_in_room` hangs the panels on the card in the room,
    /// as a headset run does.
    pub fn new(scenario: LoadedScenario, options: RunOptions) -> Result<Harness, RunError> {
        Harness::build(scenario, options, None, FRAME)
    }

    /// The same, recorded into `store` through `recorder`.
    pub fn recorded(
        scenario: LoadedScenario,
        options: RunOptions,
        store: Store,
        recorder: Recorder,
    ) -> Result<Harness, RunError> {
        Harness::build(scenario, options, Some((store, recorder)), FRAME)
    }

    /// The run as the participant meets it in a headset, recorded: the
    /// panels on the card in the room, the headset's words, the controller
    /// messages as its only input. No OpenXR runtime is involved (the
    /// headset tests run one); what the runtime adds is `xr`'s turning
    /// action states into the same `ControllerPressed` messages.
    pub fn in_headset(
        scenario: LoadedScenario,
        options: RunOptions,
        recording: Option<(Store, Recorder)>,
    ) -> Result<Harness, RunError> {
        let options = RunOptions { panels_in_room: true, ..options };
        let mode = headset::Mode::Headset {
            runtime: "no runtime (the headless harness)".into(),
            system: "a headset in a test".into(),
        };
        Harness::build_as(scenario, options, recording, FRAME, mode, None)
    }

    /// Steps the clock by `frame` each update instead of 30 Hz.
    pub fn with_frame(
        scenario: LoadedScenario,
        options: RunOptions,
        frame: Duration,
    ) -> Result<Harness, RunError> {
        Harness::build(scenario, options, None, frame)
    }

    fn build(
        scenario: LoadedScenario,
        options: RunOptions,
        recording: Option<(Store, Recorder)>,
        frame: Duration,
    ) -> Result<Harness, RunError> {
        let mode = headset::Mode::Desktop { why: headset::NoHeadset::Unattended, detail: None };
        Harness::build_as(scenario, options, recording, frame, mode, None)
    }

    /// The run with its live sound, on a mixer that no device plays: the
    /// test pulls from the returned source the samples the participant
    /// would hear (the mixer makes them only as they are pulled).
    pub fn with_hearing(
        scenario: LoadedScenario,
        options: RunOptions,
    ) -> Result<
        (Harness, crate::sound::limiter::Limited<crate::sound::AtVolume<rodio::mixer::MixerSource>>),
        RunError,
    > {
        let (mixer, heard) = rodio::mixer::mixer(crate::sound::STEREO, crate::sound::sample_rate());
        let mode = headset::Mode::Desktop { why: headset::NoHeadset::Unattended, detail: None };
        let harness = Harness::build_as(scenario, options, None, FRAME, mode, Some(mixer))?;
        // Through the participant's volume and the limiter, as a device
        // hears it.
        let volume = harness.app.world().resource::<super::sound::ParticipantVolume>().0.clone();
        Ok((harness, crate::sound::to_the_ears(heard, &volume)))
    }

    /// The console's volume slider (0 to 1); then a frame.
    pub fn set_volume(&mut self, volume: f32) {
        self.app.world_mut().write_message(super::sound::SetVolume(volume));
        self.frame();
    }

    fn build_as(
        scenario: LoadedScenario,
        options: RunOptions,
        recording: Option<(Store, Recorder)>,
        frame: Duration,
        mode: headset::Mode,
        mixer: Option<rodio::mixer::Mixer>,
    ) -> Result<Harness, RunError> {
        let (session, scenario) = super::new_session(scenario, &options)?;
        let mut app = headless_app(frame);
        let in_room = options.panels_in_room;
        // The console, drawn as on the window (its shapes reach no screen).
        let console = options.console;
        super::prepare(&mut app, super::Prepared { session, scenario, options, mode, in_room, recording });
        if console {
            app.add_plugins(super::console::plugin);
        }
        // The console's volume slider needs the participant's sound: a
        // mixer no device plays, as the frame bench has.
        let mixer = mixer.or_else(|| {
            console.then(|| rodio::mixer::mixer(crate::sound::STEREO, crate::sound::sample_rate()).0)
        });
        if let Some(mixer) = mixer {
            let hearing = super::sound::Hearing::on_mixer(mixer, app.world().resource::<super::Loaded>());
            app.add_plugins(super::sound::listen).insert_non_send(hearing);
        }
        app.init_resource::<Presses>()
            .init_resource::<History>()
            .init_resource::<console::RecentresAsked>()
            .add_systems(Update, console::count_recentres)
            .add_systems(PreUpdate, press_buttons.after(UiSystems::Focus))
            .add_systems(Update, keep_history.in_set(AppSystems::Follow))
            .add_systems(Last, keep_history_on_exit.after(OnExit::StopSession));
        get_ready(&mut app);
        let mut harness = Harness { app, frame, held: Vec::new() };
        // The first frame builds the room and starts the session at 0.
        harness.frame();
        if console {
            harness.make_console_accessible();
        }
        Ok(harness)
    }

    /// One frame.
    pub fn frame(&mut self) {
        let window = self.window();
        for key in std::mem::take(&mut self.held) {
            self.keyboard(window, key, ButtonState::Released);
        }
        self.app.update();
    }

    /// Frames for `seconds` of the run's time.
    pub fn run_for(&mut self, seconds: f32) {
        let frames = (seconds / self.frame.as_secs_f32()).ceil() as usize;
        for _ in 0..frames {
            self.frame();
        }
    }

    /// Frames until `done` holds, for at most `seconds`; whether it held.
    pub fn run_until(&mut self, seconds: f32, mut done: impl FnMut(&mut Harness) -> bool) -> bool {
        let frames = (seconds / self.frame.as_secs_f32()).ceil() as usize;
        for _ in 0..frames {
            if done(self) {
                return true;
            }
            self.frame();
        }
        done(self)
    }

    fn window(&mut self) -> Entity {
        let world = self.app.world_mut();
        world.query_filtered::<Entity, With<PrimaryWindow>>().single(world).unwrap_or(Entity::PLACEHOLDER)
    }

    fn keyboard(&mut self, window: Entity, key: KeyCode, state: ButtonState) {
        self.app.world_mut().write_message(KeyboardInput {
            key_code: key,
            logical_key: Key::Unidentified(NativeKey::Unidentified),
            state,
            text: None,
            repeat: false,
            window,
        });
    }

    /// Presses `key` in the next frame (and lets go of it in the one
    /// after), as the keyboard does; then runs that frame.
    pub fn press(&mut self, key: KeyCode) {
        let window = self.window();
        self.keyboard(window, key, ButtonState::Pressed);
        self.app.update();
        self.held.push(key);
    }

    /// Presses a button on the participant's panels, as a click or the
    /// controller's trigger does; then runs a frame. Whether the button
    /// is there.
    pub fn click(&mut self, which: PanelButton) -> bool {
        let Some(button) = super::panels::find_button(self.app.world_mut(), which) else { return false };
        self.app.world_mut().resource_mut::<Presses>().pressed.push(button);
        self.frame();
        true
    }

    /// Rests the pointer on a button (it lights up) until it rests on
    /// another; then a frame.
    pub fn hover(&mut self, which: PanelButton) -> bool {
        let Some(button) = super::panels::find_button(self.app.world_mut(), which) else { return false };
        self.app.world_mut().resource_mut::<Presses>().hovered = Some(button);
        self.frame();
        true
    }

    /// A button's background colour now.
    pub fn button_colour(&mut self, which: PanelButton) -> Option<Color> {
        let button = super::panels::find_button(self.app.world_mut(), which)?;
        self.app.world().get::<BackgroundColor>(button).map(|b| b.0)
    }

    /// A controller button, as the headset sends it; then a frame.
    pub fn controller(&mut self, pressed: ControllerPressed) {
        self.app.world_mut().write_message(pressed);
        self.frame();
    }

    /// Aims the controller along `ray` for the next frame (the panel card
    /// is hit where the ray meets it) and pulls the trigger; then two
    /// frames, as the press reaches the card one frame later.
    pub fn aim_and_trigger(&mut self, ray: Ray3d) {
        for trigger in [true, false] {
            if let Some(mut pointer) = self.app.world_mut().get_resource_mut::<PanelPointer>() {
                pointer.ray = Some(ray);
            }
            if trigger {
                self.app.world_mut().write_message(ControllerPressed::Trigger);
            }
            self.frame();
        }
    }

    /// Aims the controller from the participant's eyes at a button on the
    /// panel card in the room (a run with `panels_in_room`) and pulls the
    /// trigger. Whether the button is on the card.
    pub fn trigger_on(&mut self, which: PanelButton) -> bool {
        let world = self.app.world_mut();
        let Some(button) = super::panels::find_button(world, which) else { return false };
        let Some(card) =
            world.query_filtered::<&GlobalTransform, With<PanelCard>>().single(world).ok().copied()
        else {
            return false;
        };
        let Some(centre) = world.get::<UiGlobalTransform>(button).map(|t| t.translation) else {
            return false;
        };
        let eye = self.view_transform().translation();
        let target = super::world_panel::card_point(&card, centre);
        let Ok(direction) = Dir3::new(target - eye) else { return false };
        self.aim_and_trigger(Ray3d { origin: eye, direction });
        true
    }

    /// Asks the session something as the clinician's console does (level,
    /// cue, pause, stop, marker); then a frame.
    pub fn ask(&mut self, input: Input) {
        self.app.world_mut().write_message(SessionInput(input));
        self.frame();
    }

    /// The console's name-label switch; then a frame.
    pub fn show_labels(&mut self, shown: bool) {
        self.app.world_mut().write_message(ShowLabels(shown));
        self.frame();
    }

    /// The console's recentre button; then a frame.
    pub fn recentre(&mut self) {
        self.app.world_mut().write_message(RecentreView);
        self.frame();
    }

    /// Closes the run as closing the window does.
    pub fn close(mut self) {
        self.app.world_mut().write_message(AppExit::Success);
        self.app.update();
    }

    // ---------------------------------------------------------- reading

    /// The run's transcript so far, in `lang`, exactly as `mestring play`
    /// writes one: every input and output the driver saw.
    pub fn transcript(&self, lang: &str) -> String {
        let loaded = self.app.world().resource::<Loaded>();
        let scenario = &loaded.scenario.scenario;
        let mut t = Transcript::new(scenario, loaded.options.level, loaded.options.seed, lang);
        replay(&self.app.world().resource::<History>().0, scenario, &mut t);
        t.text()
    }

    /// Whether the run asked to close (Enter after the end, `--exit-after`).
    pub fn exit_requested(&self) -> bool {
        self.app.should_exit().is_some()
    }

    pub fn session(&self) -> &Session {
        &self.app.world().resource::<RunningSession>().session
    }

    /// The session's clock.
    pub fn now(&self) -> Millis {
        self.session().now()
    }

    /// The clinician's choice for a saved new version of the scenario
    /// file, as the console's buttons send it; then a frame.
    pub fn take_new_version(&mut self, at: crate::session::ReloadAt) {
        self.app.world_mut().write_message(super::reload::TakeNewVersion(at));
        self.frame();
    }

    /// Where the scenario file stands against the run's version, as the
    /// console shows it.
    pub fn file_state(&self) -> &super::reload::FileState {
        self.app.world().resource::<super::reload::FileState>()
    }

    /// What the console's live section shows.
    pub fn live_picture(&self) -> &crate::live_picture::LivePicture {
        &self.app.world().resource::<super::live::Live>().picture
    }

    /// The console's proposal: where the run points if it ended now.
    pub fn live_proposal(&self) -> crate::progression::Advice {
        self.app.world().resource::<super::live::Live>().proposal()
    }

    /// Where the participant looks now, and the eye contact so far per
    /// character, as the console shows them.
    pub fn eye_contact(&self) -> (Option<crate::record::behaviour::GazeTarget>, Vec<Option<f64>>) {
        let live = self.app.world().resource::<super::live::Live>();
        (live.eye_contact.gaze(), live.eye_contact.shares())
    }

    pub fn view(&self) -> &SessionView {
        self.app.world().resource::<SessionView>()
    }

    /// Whether something is asked of the participant now.
    pub fn asked(&self) -> bool {
        let view = self.view();
        view.ended.is_none() && !view.paused && (view.choices.is_some() || view.rating.is_some())
    }

    pub fn characters(&mut self) -> Vec<CharacterState> {
        super::cast::characters(self.app.world_mut())
    }

    /// The character called `name`.
    pub fn character(&mut self, name: &str) -> CharacterState {
        let all = self.characters();
        all.iter().find(|c| c.name == name).cloned().unwrap_or_else(|| {
            let names: Vec<&str> = all.iter().map(|c| c.name.as_str()).collect();
            panic!("nobody called {name} in the cast: {names:?}")
        })
    }

    /// Every text on the participant's panels now.
    pub fn panel_texts(&mut self) -> Vec<String> {
        super::panels::shown_texts(self.app.world_mut())
    }

    /// Whether the view is dimmed for a pause.
    pub fn veil_shown(&mut self) -> bool {
        super::panels::veil_shown(self.app.world_mut())
    }

    /// How far the view has faded for a pause: 0 not at all, 1 the calm,
    /// empty room.
    pub fn pause_fade(&self) -> f32 {
        self.app.world().resource::<super::pause_fade::PauseFade>().0
    }

    /// The room's light now: the ambient brightness and the sum of the
    /// lamps' intensities, as the renderer reads them.
    pub fn room_light(&mut self) -> (f32, f32) {
        let world = self.app.world_mut();
        let ambient = world.resource::<GlobalAmbientLight>().brightness;
        let lamps = world.query::<&PointLight>().iter(world).map(|l| l.intensity).sum();
        (ambient, lamps)
    }

    /// Whether the clinician's name labels are shown.
    pub fn labels_shown(&self) -> bool {
        self.app.world().resource::<super::labels::Labels>().0
    }

    /// Where the participant's eyes are and where they look.
    pub fn view_transform(&mut self) -> GlobalTransform {
        let world = self.app.world_mut();
        world
            .query_filtered::<&GlobalTransform, With<ParticipantView>>()
            .single(world)
            .copied()
            .unwrap_or_default()
    }

    /// The breathing guide's circle, when shown: its diameter in pixels.
    pub fn breathing_circle(&mut self) -> Option<f32> {
        super::panels::breathing_circle_diameter(self.app.world_mut())
    }

    /// The answer clock's bar, when shown: the share of time it shows
    /// left (0..1) and its colour.
    pub fn answer_clock_bar(&mut self) -> Option<(f32, Color)> {
        super::panels::answer_clock_shown(self.app.world_mut())
    }

    /// The app itself, for what the helpers above do not read.
    pub fn app_mut(&mut self) -> &mut App {
        &mut self.app
    }
}

/// The start screen without a window: the clinician's inputs go in as the
/// `ClinicAsk` messages its buttons send, and runs are started by the
/// given launcher (a test's: a recorded run without a window).
pub struct StartScreenHarness {
    app: App,
}

impl StartScreenHarness {
    pub fn new(clinic: crate::clinic::Clinic, launcher: super::clinic::Launcher) -> StartScreenHarness {
        use super::clinic::{Probe, start_screen, state_plugin};
        let mut app = App::new();
        app.add_plugins(MinimalPlugins)
            .insert_resource(start_screen(clinic, Probe::unattended()))
            .insert_resource(Probe::unattended())
            .insert_resource(launcher)
            .add_plugins(state_plugin);
        get_ready(&mut app);
        StartScreenHarness { app }
    }

    /// What the clinician does, then a frame.
    pub fn ask(&mut self, input: crate::clinic::ClinicInput) {
        self.app.world_mut().write_message(super::clinic::ClinicAsk(input));
        self.app.update();
    }

    /// Frames until the started run has come back (its process ended), at
    /// most `seconds` of real time; whether it came back.
    pub fn wait_for_run(&mut self, seconds: u64) -> bool {
        let until = std::time::Instant::now() + Duration::from_secs(seconds);
        while self.screen().clinic.running.is_some() {
            if std::time::Instant::now() > until {
                return false;
            }
            std::thread::sleep(Duration::from_millis(20));
            self.app.update();
        }
        true
    }

    pub fn screen(&self) -> &super::clinic::StartScreen {
        self.app.world().resource::<super::clinic::StartScreen>()
    }

    /// Whether a run's process is still held.
    pub fn run_process_held(&self) -> bool {
        self.app.world().resource::<super::clinic::RunProcess>().0.is_some()
    }
}
