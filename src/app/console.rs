//! The clinician's console: a panel on the desktop window (F1 shows or
//! hides it; in headset mode it is shown from the start, since the window
//! is the clinician's mirror).
//!
//! It shows where the session is and what the participant has rated and
//! chosen, and sends the clinician's commands as session inputs: pause,
//! resume and stop, a level up or down, any stress cue at a chosen
//! intensity, a note for the debrief, the name labels, and recentring the
//! headset. The session decides and records; the console only asks.

use std::collections::VecDeque;

use bevy::prelude::*;
use bevy_egui::{
    EguiContexts, EguiGlobalSettings, EguiPlugin, EguiPrimaryContextPass, PrimaryEguiContext, egui,
};

use super::Loaded;
use super::driver::{DriveSession, PendingInputs, RunningSession, SessionOutput, SessionView};
use super::labels::Labels;
use super::stage::ParticipantView;
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
    /// Whether the pointer is over the console (then it is not the
    /// participant's: no mouse-look or panel clicks).
    pub pointer_over: bool,
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
            pointer_over: false,
            width: 0.0,
        }
    }
}

pub fn plugin(app: &mut App) {
    let loaded = app.world().resource::<Loaded>();
    let shown = loaded.mode.is_headset() || loaded.options.console;
    app.insert_resource(EguiGlobalSettings { auto_create_primary_context: false, ..default() })
        .add_plugins(EguiPlugin::default())
        .insert_resource(Console::new(shown))
        .add_systems(PostStartup, console_on_window)
        .add_systems(Update, (toggle, note_outputs.after(DriveSession), make_room))
        .add_systems(EguiPrimaryContextPass, console_panel);
}

/// The console has a camera of its own over the whole window: the view's
/// camera shrinks to the space beside the console, and the console must
/// never land on the panel card the participant sees in the headset.
fn console_on_window(mut commands: Commands, camera: Query<Entity, With<ParticipantView>>) {
    commands.spawn((
        Camera2d,
        Camera { order: 10, clear_color: ClearColorConfig::None, ..default() },
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
    mut labels: ResMut<Labels>,
    recentre: Option<ResMut<super::xr::Recentre>>,
    loaded: Res<Loaded>,
    running: Res<RunningSession>,
    view: Res<SessionView>,
    mut pending: ResMut<PendingInputs>,
) -> Result {
    if !console.shown {
        console.pointer_over = false;
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
    let mut recentre = recentre;
    let panel =
        egui::Panel::right("clinician-console").default_size(300.0).resizable(false).show(&mut root, |ui| {
            ui.heading("Clinician");
            ui.label(loaded.mode());
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
                    pending.0.push(Input::SetLevel { level: level - 1 });
                }
                if ui.add_enabled(usize::from(level) < s.levels.len(), egui::Button::new("Step up")).clicked()
                {
                    pending.0.push(Input::SetLevel { level: level + 1 });
                }
            });

            ui.separator();
            ui.horizontal(|ui| {
                let ended = view.ended.is_some();
                if view.paused {
                    if ui.add_enabled(!ended, egui::Button::new("Resume")).clicked() {
                        pending.0.push(Input::Resume { by });
                    }
                } else if ui.add_enabled(!ended, egui::Button::new("Pause")).clicked() {
                    pending.0.push(Input::Pause { by });
                }
                if console.confirm_stop {
                    if ui.button("Really stop").clicked() {
                        pending.0.push(Input::Stop { by });
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
                        pending.0.push(Input::TriggerCue { cue: *cue, intensity: console.intensity });
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
                    pending.0.push(Input::Marker { note: std::mem::take(&mut console.note) });
                }
            });
            ui.checkbox(&mut labels.0, "Name labels (L)");
            if let Some(recentre) = recentre.as_mut()
                && ui.button("Recentre headset (R)").clicked()
            {
                recentre.0 = true;
            }

            ui.separator();
            ui.label("Lately");
            for line in &console.recent {
                ui.label(egui::RichText::new(line).monospace().small());
            }
            ui.label(egui::RichText::new("F1 hides this panel").small());
        });
    console.pointer_over = panel.response.contains_pointer() || ctx.egui_is_using_pointer();
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
