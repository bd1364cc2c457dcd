//! The clinician's console: a panel on the desktop window (F1 shows or
//! hides it; in headset mode it is shown from the start, since the window
//! is the clinician's mirror).
//!
//! It shows where the session runs (the headset's runtime and its state),
//! what the level does, where the session is, the live picture (`live`:
//! ratings over time, an alert that suggests a pause, where the
//! participant looks, the last choices), and sends the clinician's commands as session inputs: pause,
//! resume and stop, a level up or down, any stress cue at a chosen
//! intensity, a note for the debrief, the name labels, and recentring the
//! headset. The session decides and records; the console only asks.

mod pace;

pub(super) use pace::ConsolePace;

use std::collections::VecDeque;

use bevy::prelude::*;
use bevy_egui::{
    EguiContexts, EguiGlobalSettings, EguiInputSystemSettings, EguiPlugin, EguiPrimaryContextPass,
    PrimaryEguiContext, egui,
};

use super::driver::{RunningSession, SessionInput, SessionOutput, SessionView};
use super::labels::{Labels, ShowLabels};
use super::stage::ParticipantView;
use super::{AppSystems, Loaded, PointerOnConsole, RecentreView};
use crate::scenario::{RatingKind, StressCue};
use crate::session::{Actor, EndReason, Input, Output, RatingAnswer};
use crate::w;
use crate::words::{Lang, names};

#[derive(Resource)]
pub struct Console {
    pub shown: bool,
    /// Intensity for cues the clinician starts (0..1).
    intensity: f32,
    note: String,
    /// Stop asks twice: a stray click must not end a session.
    confirm_stop: bool,
    /// What happened lately, newest first, kept as what happened so a
    /// change of language rewords the whole list; each with the version of
    /// the scenario in force then, which names its beats (a reload may
    /// have moved them since).
    recent: VecDeque<(crate::session::Millis, Output, std::sync::Arc<crate::scenario::Scenario>)>,
    /// The clinician's language, which may differ from the participant's.
    pub lang: Lang,
    /// Width of the panel in physical pixels, last frame.
    width: f32,
    /// When the newest marker was dropped, for the note typed after it.
    last_marker: Option<crate::session::Millis>,
    /// The version of the scenario the session's outputs name beats and
    /// options in: the first, then each one a `Reloaded` output brings.
    version: Option<std::sync::Arc<crate::scenario::Scenario>>,
}

impl Console {
    /// The console's width in `window`'s logical pixels: as wide as it was
    /// last drawn (egui's zoom widens it), or as it is laid out before that.
    fn logical_width(&self, window: &Window) -> f32 {
        if self.width > 0.0 { self.width / window.scale_factor() } else { CONSOLE_WIDTH }
    }

    fn new(shown: bool, lang: Lang) -> Self {
        Console {
            shown,
            lang,
            intensity: 0.5,
            note: String::new(),
            confirm_stop: false,
            recent: VecDeque::new(),
            width: 0.0,
            last_marker: None,
            version: None,
        }
    }
}

/// What of the console works without a window: its state, the log it
/// keeps and the clinician's keys. Every app has it (the headless harness
/// too, so the keys are tested there); `plugin` draws the panel over it.
pub(super) fn state_plugin(app: &mut App) {
    let loaded = app.world().resource::<Loaded>();
    let shown = loaded.mode.is_headset() || loaded.options.console;
    let lang = Lang::of(&loaded.options.lang);
    app.insert_resource(Console::new(shown, lang)).add_systems(
        Update,
        ((toggle, urgent_keys).in_set(AppSystems::Input), note_outputs.in_set(AppSystems::Follow)),
    );
}

/// The panel itself, on a window.
pub(super) fn plugin(app: &mut App) {
    app.insert_resource(EguiGlobalSettings {
        auto_create_primary_context: false,
        // The console is worked with a mouse and a keyboard on the desktop
        // window: the input systems for touch, pinching, dropped files and
        // contexts off the window would only cost the participant's frame.
        input_system_settings: EguiInputSystemSettings {
            run_write_window_touch_messages_system: false,
            run_write_non_window_pointer_moved_messages_system: false,
            run_write_pinch_gesture_messages_system: false,
            run_write_non_window_touch_messages_system: false,
            run_write_file_dnd_messages_system: false,
            ..default()
        },
        ..default()
    })
    .add_plugins((EguiPlugin::default(), pace::plugin))
    .add_systems(PostStartup, console_on_window)
    .add_systems(Update, make_room)
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

/// The console's width in logical pixels: fixed, so what it shows (a
/// longer label, a note being typed) never moves its buttons or the view
/// beside it.
const CONSOLE_WIDTH: f32 = 340.0;

/// The clinician's keys for what cannot wait for the mouse: function
/// keys, which the participant's controls never use and a note being
/// typed never takes. Shown on their buttons.
pub const MARKER_KEY: KeyCode = KeyCode::F2;
pub const PAUSE_KEY: KeyCode = KeyCode::F5;
pub const STOP_KEY: KeyCode = KeyCode::F8;

/// F2 drops a marker at once, with the note field's text if any (more can
/// be added to it after); F5 pauses or resumes; F8 asks to stop, and F8
/// again stops, as the buttons do.
fn urgent_keys(
    keys: Res<ButtonInput<KeyCode>>,
    view: Res<SessionView>,
    mut console: ResMut<Console>,
    mut asks: MessageWriter<SessionInput>,
) {
    if view.ended.is_some() {
        return;
    }
    let by = Actor::Clinician;
    if keys.just_pressed(MARKER_KEY) {
        asks.write(SessionInput(Input::Marker { note: std::mem::take(&mut console.note) }));
    }
    if keys.just_pressed(PAUSE_KEY) {
        asks.write(SessionInput(if view.paused { Input::Resume { by } } else { Input::Pause { by } }));
    }
    if keys.just_pressed(STOP_KEY) {
        if console.confirm_stop {
            asks.write(SessionInput(Input::Stop { by }));
        }
        console.confirm_stop = !console.confirm_stop;
    }
}

const RECENT: usize = 8;

/// Keeps the outputs a clinician follows.
fn note_outputs(
    mut outputs: MessageReader<SessionOutput>,
    running: Res<RunningSession>,
    mut console: ResMut<Console>,
) {
    for SessionOutput(o) in outputs.read() {
        if matches!(o.item, Output::Marker { .. }) {
            console.last_marker = Some(o.at);
        }
        // The outputs before a reload in the same frame still name the
        // old version's beats: the version changes at `Reloaded`, as the
        // record's rows change it.
        let version = match (&o.item, &console.version) {
            (Output::Reloaded { .. }, _) | (_, None) => running.session.scenario().clone(),
            (_, Some(v)) => v.clone(),
        };
        console.version = Some(version.clone());
        if log_line(Lang::En, &version, o.at, &o.item).is_some() {
            console.recent.push_front((o.at, o.item.clone(), version));
            console.recent.truncate(RECENT);
        }
    }
}

/// One output as a line of the console's log, in plain words; `None` for
/// outputs the clinician does not follow there.
fn log_line(
    lang: Lang,
    scenario: &crate::scenario::Scenario,
    at: crate::session::Millis,
    item: &Output,
) -> Option<String> {
    let code = lang.code();
    // An answer by its own words, cut short for the log's one line.
    let answer = |beat: usize, option: usize| {
        scenario.option(beat, option).map_or_else(|| (option + 1).to_string(), |o| short(o.text.show(code)))
    };
    let seconds = |ms: crate::session::Millis| lang.decimal(ms as f64 / 1000.0, 1);
    let line = match item {
        Output::RatingSkipped { rating, .. } => {
            w!(lang, "log-rating-skipped", rating = names::rating_in(lang, rating, scenario))
        }
        Output::Rated { rating, answer, latency } => {
            let answer = match answer {
                RatingAnswer::Scale(v) => v.to_string(),
                RatingAnswer::Review { happened, likelihood } => w!(
                    lang,
                    "log-review",
                    happened = if *happened { "yes" } else { "no" },
                    likelihood = *likelihood
                ),
            };
            w!(
                lang,
                "log-rated",
                rating = names::rating_in(lang, rating, scenario),
                answer = answer,
                seconds = seconds(*latency)
            )
        }
        Output::Chosen { beat, option, latency, .. } => {
            w!(lang, "log-chose", answer = answer(*beat, *option), seconds = seconds(*latency))
        }
        Output::CueStarted { cue, intensity, .. } => {
            w!(
                lang,
                "log-cue",
                cue = names::cue(lang, *cue),
                intensity = lang.decimal(f64::from(*intensity), 1)
            )
        }
        Output::LevelChanged { from, to } => w!(lang, "log-level", from = *from, to = *to),
        Output::SilenceTaken { .. } => w!(lang, "log-silence"),
        Output::OutcomeHappened { outcome, .. } => w!(
            lang,
            "log-outcome",
            outcome = scenario.feared_outcomes.get(*outcome).map_or("?", |o| o.text.show(code))
        ),
        Output::Paused { by } => w!(lang, "log-paused", by = by.name()),
        Output::Resumed { by } => w!(lang, "log-resumed", by = by.name()),
        Output::Marker { note } => w!(lang, "log-marker", note = note),
        Output::MarkerNoted { note, .. } => w!(lang, "log-marker-noted", note = note),
        Output::RecoveryStarted { millis, .. } => w!(lang, "log-recovery", seconds = seconds(*millis)),
        Output::Ended { reason } => w!(lang, "log-ended", why = end_reason(lang, reason)),
        Output::CalmingStarted { by } => w!(lang, "log-calming", by = by.name()),
        Output::BreathingStarted { pace } => w!(
            lang,
            "log-breathing",
            breaths = pace.breaths,
            in_seconds = seconds(pace.in_millis),
            out_seconds = seconds(pace.out_millis)
        ),
        Output::BreathingEnded { completed } => {
            w!(lang, "log-breathing-ended", all = if *completed { "yes" } else { "no" })
        }
        Output::CalmingEnded => w!(lang, "log-calming-ended"),
        Output::PeerAnswer { option, beat, .. } => {
            w!(lang, "log-peer-answer", answer = answer(*beat, *option))
        }
        _ => return None,
    };
    Some(format!("{:>6} s  {line}", seconds(at)))
}

/// The log's room for an answer's words: the rest is cut at a word.
const ANSWER_CHARS: usize = 48;

fn short(text: &str) -> String {
    if text.chars().count() <= ANSWER_CHARS {
        return text.to_string();
    }
    // One more than fits: a whole word that ends exactly at the limit stays.
    let cut: String = text.chars().take(ANSWER_CHARS + 1).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', '.', ';', ':']))
}

pub(super) fn end_reason(lang: Lang, reason: &EndReason) -> String {
    match reason {
        EndReason::Completed { .. } => w!(lang, "end-completed"),
        EndReason::Stopped { by: Actor::Participant } => w!(lang, "end-stopped-by-participant"),
        EndReason::Stopped { by: Actor::Clinician } => w!(lang, "end-stopped-by-clinician"),
        EndReason::ScenarioFault => w!(lang, "end-scenario-fault"),
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
    recording: Option<Res<super::recording::RecordingHealth>>,
    live: Res<super::live::Live>,
    (file_state, mut take): (Res<super::reload::FileState>, MessageWriter<super::reload::TakeNewVersion>),
    (volume, mut set_volume): (
        Option<Res<super::sound::ParticipantVolume>>,
        MessageWriter<super::sound::SetVolume>,
    ),
    mut fonts_set: Local<bool>,
) -> Result {
    if !console.shown {
        on_console.set_if_neq(PointerOnConsole(false));
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    if !std::mem::replace(&mut *fonts_set, true) {
        super::fonts::egui_fonts(ctx);
    }
    let mut root = egui::Ui::new(
        ctx.clone(),
        "console-root".into(),
        egui::UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.viewport_rect()),
    );
    let s = &loaded.scenario.scenario;
    let lang = loaded.options.lang.as_str();
    let l = console.lang;
    let session = &running.session;
    let by = Actor::Clinician;
    let panel = egui::Panel::right("clinician-console").exact_size(CONSOLE_WIDTH).resizable(false).show(
        &mut root,
        |ui| {
            // On a short window the console scrolls rather than losing its foot.
            egui::ScrollArea::vertical().id_salt("console-scroll").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.heading(w!(l, "console-heading"));
                    // The clinician's own language: the participant's words stay
                    // in the session's language.
                    ui.label(egui::RichText::new(w!(l, "console-language")).small());
                    for lang in Lang::ALL {
                        ui.selectable_value(&mut console.lang, lang, lang.own_name());
                    }
                });
                // Which runtime and headset, and how the XR session is doing:
                // the clinician's to know, never on the participant's card.
                ui.label(loaded.mode.say(l));
                if let Some(headset) = &headset {
                    ui.label(w!(l, "headset-session", state = headset.state, frames = headset.frames));
                }
                ui.separator();
                let state = match (&view.ended, view.paused) {
                    (Some(reason), _) => w!(l, "session-ended", why = end_reason(l, reason)),
                    (None, _) if view.calming.is_some() => w!(l, "session-calming"),
                    (None, true) => w!(l, "session-paused"),
                    (None, false) => w!(l, "session-running"),
                };
                let seconds = (session.now() / 1000).to_string();
                let state =
                    w!(l, "session-state", scenario = s.id.as_str(), state = state, seconds = seconds);
                // Whose run it is, on the same line: the buttons below keep
                // their place.
                match recording.as_deref().and_then(|r| r.participant.as_deref()) {
                    Some(code) => ui.label(format!("{code} · {state}")),
                    None => ui.label(state),
                };
                // Whether it is being saved: a failed journal must not pass unseen.
                match recording.as_deref() {
                    Some(super::recording::RecordingHealth { failure: Some(why), .. }) => {
                        let warning = w!(l, "recording-failed", why = why.as_str());
                        ui.label(
                            egui::RichText::new(warning).strong().color(egui::Color32::from_rgb(255, 90, 80)),
                        );
                    }
                    Some(health) => {
                        let file = health
                            .journal
                            .file_name()
                            .map(|f| f.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        ui.label(egui::RichText::new(w!(l, "recording-to", journal = file)).small());
                    }
                    None => {
                        ui.label(egui::RichText::new(w!(l, "recording-none")).small());
                    }
                }
                if let Some(peer) = s.peer.as_ref().filter(|_| session.is_modelling()) {
                    ui.label(w!(l, "session-modelling", peer = peer.name.as_str()));
                }

                ui.separator();
                let level = view.level;
                let summary =
                    s.levels.get(usize::from(level).saturating_sub(1)).map_or("", |l| l.summary.show(lang));
                ui.label(w!(l, "level-of", level = level, levels = s.levels.len()));
                ui.label(egui::RichText::new(summary).small());
                ui.horizontal(|ui| {
                    if ui.add_enabled(level > 1, egui::Button::new(w!(l, "step-down"))).clicked() {
                        asks.write(SessionInput(Input::SetLevel { level: level - 1 }));
                    }
                    if ui
                        .add_enabled(usize::from(level) < s.levels.len(), egui::Button::new(w!(l, "step-up")))
                        .clicked()
                    {
                        asks.write(SessionInput(Input::SetLevel { level: level + 1 }));
                    }
                });
                // Where this run points, by the same rule as the start screen.
                let advice = live.proposal();
                ui.label(
                    egui::RichText::new(w!(l, "console-proposal", headline = advice.headline(l.code())))
                        .small(),
                );
                ui.label(egui::RichText::new(advice.reason_text(l.code())).small().weak());

                ui.separator();
                ui.horizontal(|ui| {
                    let ended = view.ended.is_some();
                    if view.paused {
                        if ui
                            .add_enabled(!ended, egui::Button::new(keyed(w!(l, "resume"), PAUSE_KEY)))
                            .clicked()
                        {
                            asks.write(SessionInput(Input::Resume { by }));
                        }
                    } else if ui
                        .add_enabled(!ended, egui::Button::new(keyed(w!(l, "pause"), PAUSE_KEY)))
                        .clicked()
                    {
                        asks.write(SessionInput(Input::Pause { by }));
                    }
                    if console.confirm_stop {
                        if ui.button(keyed(w!(l, "really-stop"), STOP_KEY)).clicked() {
                            asks.write(SessionInput(Input::Stop { by }));
                            console.confirm_stop = false;
                        }
                        if ui.button(w!(l, "keep-going")).clicked() {
                            console.confirm_stop = false;
                        }
                    } else if ui
                        .add_enabled(!ended, egui::Button::new(keyed(w!(l, "stop"), STOP_KEY)))
                        .clicked()
                    {
                        console.confirm_stop = true;
                    }
                });
                // The same button as the participant's: it begins a calming
                // pause, and during the breathing ends it early.
                let calm = if view.calming.is_some() { w!(l, "calming-end") } else { w!(l, "calming-start") };
                let open = view.ended.is_none() && !view.recovering;
                if ui.add_enabled(open, egui::Button::new(calm)).clicked() {
                    asks.write(SessionInput(Input::Calm { by }));
                }
                // Outside the schedule: how distressed, how sick, now.
                ui.horizontal(|ui| {
                    let asks_now = [
                        (RatingKind::Suds, w!(l, "ask-suds-now")),
                        (RatingKind::Cybersickness, w!(l, "ask-cybersickness-now")),
                    ];
                    for (rating, label) in asks_now {
                        if ui.add_enabled(open && !view.paused, egui::Button::new(label)).clicked() {
                            asks.write(SessionInput(Input::AskNow { rating }));
                        }
                    }
                });
                // A prompt at a bad moment, or one the participant cannot
                // answer now: let it go, and the run goes on.
                let skippable = view.rating.is_some() && (!view.paused || view.calming.is_some());
                if ui.add_enabled(skippable, egui::Button::new(w!(l, "skip-rating"))).clicked() {
                    asks.write(SessionInput(Input::SkipRating));
                }

                // Below the controls, so an alert coming up never moves a
                // button from under the clinician's pointer.
                ui.separator();
                let still = view.paused || view.ended.is_some();
                super::live::draw(ui, &live, s, l, still);
                ui.separator();
                super::reload::draw(ui, &file_state, l, &mut take);

                // What the participant hears, all of it: the level's noise
                // keeps its relations, only the whole is louder or softer.
                if let Some(volume) = &volume {
                    let mut percent = (volume.0.get() * 100.0).round();
                    let slider = egui::Slider::new(&mut percent, 0.0..=100.0)
                        .fixed_decimals(0)
                        .suffix(" %")
                        .text(w!(l, "volume"));
                    if ui.add(slider).changed() {
                        set_volume.write(super::sound::SetVolume(percent / 100.0));
                    }
                }

                ui.separator();
                ui.label(w!(l, "stress-cues"));
                ui.add(egui::Slider::new(&mut console.intensity, 0.0..=1.0).text(w!(l, "intensity")));
                egui::Grid::new("cues").num_columns(2).show(ui, |ui| {
                    for (i, cue) in StressCue::ALL.iter().enumerate() {
                        if ui.button(names::cue(l, *cue)).clicked() {
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
                // A marker at once (F2), its note with it or typed after.
                ui.text_edit_singleline(&mut console.note);
                ui.horizontal(|ui| {
                    let open = view.ended.is_none();
                    if ui.add_enabled(open, egui::Button::new(keyed(w!(l, "marker"), MARKER_KEY))).clicked() {
                        asks.write(SessionInput(Input::Marker { note: std::mem::take(&mut console.note) }));
                    }
                    if let Some(at) = console.last_marker {
                        let label = w!(l, "marker-add-note", at = crate::debrief::words::clock(at));
                        let typed = !console.note.trim().is_empty();
                        if ui.add_enabled(open && typed, egui::Button::new(label)).clicked() {
                            asks.write(SessionInput(Input::MarkerNote {
                                note: std::mem::take(&mut console.note),
                            }));
                        }
                    }
                });
                let mut shown = labels.0;
                if ui.checkbox(&mut shown, w!(l, "name-labels")).changed() {
                    show_labels.write(ShowLabels(shown));
                }
                if loaded.mode.is_headset() && ui.button(w!(l, "recentre")).clicked() {
                    recentre.write(RecentreView);
                }

                ui.separator();
                ui.label(w!(l, "lately"));
                for (at, item, version) in &console.recent {
                    if let Some(line) = log_line(l, version, *at, item) {
                        ui.label(egui::RichText::new(line).monospace().small());
                    }
                }
                ui.label(egui::RichText::new(w!(l, "hide-hint")).small());
            });
        },
    );
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

/// A button's label with its key: "Pause (F5)".
fn keyed(label: String, key: KeyCode) -> String {
    let key = match key {
        KeyCode::F2 => "F2",
        KeyCode::F5 => "F5",
        KeyCode::F8 => "F8",
        _ => return label,
    };
    format!("{label} ({key})")
}

#[cfg(test)]
mod tests {
    use super::short;

    #[test]
    fn a_long_answer_is_cut_at_a_word_and_a_short_one_kept_whole() {
        let long = "Not much to report, really. Maybe someone else could start?";
        assert_eq!(short(long), "Not much to report, really. Maybe someone else…");
        assert_eq!(short("Yes, I can do that."), "Yes, I can do that.");
        // A word that ends right at the limit stays whole.
        let at_limit = "Jeg vil gjerne si noe om hvordan det går nå, men først vil jeg høre hva dere tenker";
        assert_eq!(short(at_limit), "Jeg vil gjerne si noe om hvordan det går nå, men…");
        // Cut just after a comma: the comma goes too.
        let comma = "Jeg har vært borte en stund og trenger litt tid, hvis det går greit for alle";
        assert_eq!(short(comma), "Jeg har vært borte en stund og trenger litt tid…");
    }
}
