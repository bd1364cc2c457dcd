//! The clinician's console: a panel on the desktop window (F1 shows or
//! hides it; in headset mode it is shown from the start, since the window
//! is the clinician's mirror).
//!
//! It shows where the session runs (the headset's runtime and its state),
//! what the level does, where the session is and what the participant has
//! rated and chosen, and sends the clinician's commands as session inputs: pause,
//! resume and stop, a level up or down, any stress cue at a chosen
//! intensity, a note for the debrief, the name labels, and recentring the
//! headset. The session decides and records; the console only asks.

use std::collections::VecDeque;

use bevy::prelude::*;
use bevy_egui::{
    EguiContexts, EguiGlobalSettings, EguiPlugin, EguiPrimaryContextPass, PrimaryEguiContext, egui,
};

use super::driver::{RunningSession, SessionInput, SessionOutput, SessionView};
use super::labels::{Labels, ShowLabels};
use super::stage::ParticipantView;
use super::{AppSystems, Loaded, PointerOnConsole, RecentreView};
use crate::scenario::{Beat, StressCue};
use crate::session::{Actor, Input, Output};

#[derive(Resource)]
pub struct Console {
    pub shown: bool,
    /// Intensity for cues the clinician starts (0..1).
    intensity: f32,
    note: String,
    /// Stop asks twice: a stray click must not end a session.
    confirm_stop: bool,
    /// What happened lately, newest first.
    recent: VecDeque<String>,
    /// Width of the panel in physical pixels, last frame.
    width: f32,
}

impl Console {
    fn new(shown: bool) -> Self {
        Console {
            shown,
            intensity: 0.5,
            note: String::new(),
            confirm_stop: false,
            recent: VecDeque::new(),
            width: 0.0,
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    let loaded = app.world().resource::<Loaded>();
    let shown = loaded.mode.is_headset() || loaded.options.console;
    app.insert_resource(EguiGlobalSettings { auto_create_primary_context: false, ..default() })
        .add_plugins(EguiPlugin::default())
        .insert_resource(Console::new(shown))
        .add_systems(PostStartup, console_on_window)
        .add_systems(
            Update,
            (toggle.in_set(AppSystems::Input), note_outputs.in_set(AppSystems::Follow), make_room),
        )
        .add_systems(EguiPrimaryContextPass, console_panel);
}

/// The console has a camera of its own over the whole window: the view's
/// camera shrinks to the space beside the console, and the console must
/// never land on the panel card the participant sees in the headset.
fn console_on_window(mut commands: Commands, camera: Query<Entity, With<ParticipantView>>) {
    commands.spawn((
        Camera2d,
        Camera { order: super::camera_order::CONSOLE, clear_color: ClearColorConfig::None, ..default() },
        PrimaryEguiContext,
    ));
    // The participant's panels stay with the view, beside the console.
    if let Ok(camera) = camera.single() {
        commands.entity(camera).insert(IsDefaultUiCamera);
    }
}

fn toggle(keys: Res<ButtonInput<KeyCode>>, mut console: ResMut<Console>) {
    if keys.just_pressed(KeyCode::F1) {
        console.shown = !console.shown;
    }
}

const RECENT: usize = 8;

/// A short line per output a clinician follows.
fn note_outputs(
    mut outputs: MessageReader<SessionOutput>,
    loaded: Res<Loaded>,
    mut console: ResMut<Console>,
) {
    let s = &loaded.scenario.scenario;
    for SessionOutput(o) in outputs.read() {
        let secs = o.at as f64 / 1000.0;
        let line = match &o.item {
            Output::Rated { rating, answer, latency } => {
                Some(format!("{rating:?}: {answer:?} ({:.1} s)", *latency as f64 / 1000.0))
            }
            Output::Chosen { beat, option, latency } => {
                let id = s.beats.get(*beat).map_or("?", Beat::id);
                Some(format!("chose {} at {id} ({:.1} s)", option + 1, *latency as f64 / 1000.0))
            }
            Output::CueStarted { cue, intensity, .. } => {
                Some(format!("cue {} at {intensity:.1}", cue.name()))
            }
            Output::LevelChanged { from, to } => Some(format!("level {from} -> {to}")),
            Output::SilenceTaken { .. } => Some("stayed silent".into()),
            Output::Paused { by } => Some(format!("paused by {}", by.name())),
            Output::Resumed { by } => Some(format!("resumed by {}", by.name())),
            Output::Marker { note } => Some(format!("note: {note}")),
            Output::Ended { reason } => Some(format!("ended: {reason:?}")),
            _ => None,
        };
        if let Some(line) = line {
            console.recent.push_front(format!("{secs:>6.1} s  {line}"));
            console.recent.truncate(RECENT);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn console_panel(
    mut contexts: EguiContexts,
    mut console: ResMut<Console>,
    labels: Res<Labels>,
    loaded: Res<Loaded>,
    running: Res<RunningSession>,
    view: Res<SessionView>,
    mut asks: MessageWriter<SessionInput>,
    mut show_labels: MessageWriter<ShowLabels>,
    mut recentre: MessageWriter<RecentreView>,
    mut on_console: ResMut<PointerOnConsole>,
    headset: Option<Res<super::headset::HeadsetStatus>>,
) -> Result {
    if !console.shown {
        on_console.set_if_neq(PointerOnConsole(false));
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let mut root = egui::Ui::new(
        ctx.clone(),
        "console-root".into(),
        egui::UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.viewport_rect()),
    );
    let s = &loaded.scenario.scenario;
    let lang = loaded.options.lang.as_str();
    let session = &running.session;
    let by = Actor::Clinician;
    let panel =
        egui::Panel::right("clinician-console").default_size(300.0).resizable(false).show(&mut root, |ui| {
            ui.heading("Clinician");
            // Which runtime and headset, and how the XR session is doing:
            // the clinician's to know, never on the participant's card.
            ui.label(loaded.mode());
            if let Some(headset) = &headset {
                ui.label(format!("headset session: {}, {} frames shown", headset.state, headset.frames));
            }
            ui.separator();
            let state = match (&view.ended, view.paused) {
                (Some(reason), _) => format!("ended ({reason:?})"),
                (None, true) => "paused".into(),
                (None, false) => "running".into(),
            };
            ui.label(format!("{}: {state}, {:.0} s", s.id, session.now() as f64 / 1000.0));

            ui.separator();
            let level = view.level;
            let summary =
                s.levels.get(usize::from(level).saturating_sub(1)).map_or("", |l| l.summary.show(lang));
            ui.label(format!("Level {level} of {}", s.levels.len()));
            ui.label(egui::RichText::new(summary).small());
            ui.horizontal(|ui| {
                if ui.add_enabled(level > 1, egui::Button::new("Step down")).clicked() {
                    asks.write(SessionInput(Input::SetLevel { level: level - 1 }));
                }
                if ui.add_enabled(usize::from(level) < s.levels.len(), egui::Button::new("Step up")).clicked()
                {
                    asks.write(SessionInput(Input::SetLevel { level: level + 1 }));
                }
            });

            ui.separator();
            ui.horizontal(|ui| {
                let ended = view.ended.is_some();
                if view.paused {
                    if ui.add_enabled(!ended, egui::Button::new("Resume")).clicked() {
                        asks.write(SessionInput(Input::Resume { by }));
                    }
                } else if ui.add_enabled(!ended, egui::Button::new("Pause")).clicked() {
                    asks.write(SessionInput(Input::Pause { by }));
                }
                if console.confirm_stop {
                    if ui.button("Really stop").clicked() {
                        asks.write(SessionInput(Input::Stop { by }));
                        console.confirm_stop = false;
                    }
                    if ui.button("Keep going").clicked() {
                        console.confirm_stop = false;
                    }
                } else if ui.add_enabled(!ended, egui::Button::new("Stop…")).clicked() {
                    console.confirm_stop = true;
                }
            });

            ui.separator();
            ui.label("Stress cues");
            ui.add(egui::Slider::new(&mut console.intensity, 0.0..=1.0).text("intensity"));
            egui::Grid::new("cues").num_columns(2).show(ui, |ui| {
                for (i, cue) in StressCue::ALL.iter().enumerate() {
                    if ui.button(cue.name()).clicked() {
                        asks.write(SessionInput(Input::TriggerCue {
                            cue: *cue,
                            intensity: console.intensity,
                        }));
                    }
                    if i % 2 == 1 {
                        ui.end_row();
                    }
                }
            });

            ui.separator();
            ui.horizontal(|ui| {
                ui.text_edit_singleline(&mut console.note);
                if ui.button("Note").clicked() && !console.note.trim().is_empty() {
                    asks.write(SessionInput(Input::Marker { note: std::mem::take(&mut console.note) }));
                }
            });
            let mut shown = labels.0;
            if ui.checkbox(&mut shown, "Name labels (L)").changed() {
                show_labels.write(ShowLabels(shown));
            }
            if loaded.mode.is_headset() && ui.button("Recentre headset (R)").clicked() {
                recentre.write(RecentreView);
            }

            ui.separator();
            ui.label("Lately");
            for line in &console.recent {
                ui.label(egui::RichText::new(line).monospace().small());
            }
            ui.label(egui::RichText::new("F1 hides this panel").small());
        });
    on_console.set_if_neq(PointerOnConsole(panel.response.contains_pointer() || ctx.egui_is_using_pointer()));
    console.width = panel.response.rect.width() * ctx.pixels_per_point();
    Ok(())
}

/// The room and its panels fit beside the console rather than under it.
fn make_room(
    console: Res<Console>,
    window: Query<&Window, With<bevy::window::PrimaryWindow>>,
    mut camera: Query<&mut Camera, With<ParticipantView>>,
) {
    let (Ok(window), Ok(mut camera)) = (window.single(), camera.single_mut()) else { return };
    let size = window.physical_size();
    let width = if console.shown { size.x.saturating_sub(console.width.round() as u32) } else { size.x };
    let viewport = (width < size.x && width > 0).then(|| bevy::camera::Viewport {
        physical_position: UVec2::ZERO,
        physical_size: UVec2::new(width, size.y),
        ..default()
    });
    let now = camera.viewport.as_ref().map(|v| (v.physical_position, v.physical_size));
    if now != viewport.as_ref().map(|v| (v.physical_position, v.physical_size)) {
        camera.viewport = viewport;
    }
}
