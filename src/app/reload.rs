//! Hot reload for authors: the scenario file is read again once a second
//! of the run's time; when it has changed, the checker reads it. A file
//! with mistakes is shown on the console with its located messages while
//! the session goes on with the last good version. A good one waits for
//! the clinician: take it at the next beat, or restart the current beat
//! from it (`TakeNewVersion`, which the console's buttons send). The
//! session takes it over (`Input::Reload`, so the record holds the text);
//! once it says so, the run's `Loaded` scenario is the new version, for
//! everything that shows it.

use std::path::PathBuf;

use bevy::prelude::*;

use super::driver::{RunningSession, SessionInput, SessionOutput};
use super::{AppSystems, Loaded};
use crate::session::{Input, Output, Rejection, ReloadAt, version_of};

/// How often the file is looked at, in seconds of the run's time.
const LOOK_EVERY: f32 = 1.0;

/// The clinician's choice for a new version that is ready.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct TakeNewVersion(pub ReloadAt);

/// Where the scenario file stands against the version the run uses.
#[derive(Resource, Debug, Clone, PartialEq, Default)]
pub enum FileState {
    /// As the run has it.
    #[default]
    Unchanged,
    /// Saved with mistakes: each as `file:line:column: message`.
    Broken(Vec<String>),
    /// Saved, checked and ready to be taken.
    Ready { source: String, version: u32, warnings: usize },
    /// Sent to the session, which waits for the next beat.
    Waiting { version: u32 },
    /// Taken over at `beat`.
    Taken { version: u32, beat: String },
    /// The session would not take it: why, in the clinician's words.
    Refused { version: u32, why: String },
}

#[derive(Resource)]
struct Watched {
    path: PathBuf,
    /// The checksum of the text last seen (the run's, at first).
    seen: u32,
    /// The session's language: a version must still be written in it.
    lang: String,
    next_look: f32,
}

pub(super) fn plugin(app: &mut App) {
    let loaded = app.world().resource::<Loaded>();
    let path = loaded.scenario.path.clone();
    let seen = std::fs::read_to_string(&path).map(|t| version_of(&t)).unwrap_or(0);
    let lang = loaded.options.lang.clone();
    app.insert_resource(Watched { path, seen, lang, next_look: LOOK_EVERY })
        .init_resource::<FileState>()
        .add_message::<TakeNewVersion>()
        .add_systems(Update, (look_at_file, take_new_version).chain().in_set(AppSystems::Input))
        .add_systems(Update, follow_session.in_set(AppSystems::Follow));
}

fn look_at_file(
    time: Res<Time>,
    mut watched: ResMut<Watched>,
    mut state: ResMut<FileState>,
    console: Option<Res<super::console::Console>>,
) {
    if time.elapsed_secs() < watched.next_look {
        return;
    }
    watched.next_look = time.elapsed_secs() + LOOK_EVERY;
    // A file being written may be read half-way: the next look reads it whole.
    let Ok(text) = std::fs::read_to_string(&watched.path) else { return };
    let version = version_of(&text);
    if version == watched.seen {
        return;
    }
    watched.seen = version;
    *state = match crate::scenario::load_bytes(&watched.path, text.as_bytes()) {
        Err(report) => FileState::Broken(report.located_errors()),
        Ok(new) if !new.scenario.languages.contains(&watched.lang) => {
            let why = crate::w!(
                console.map_or(crate::words::Lang::En, |c| c.lang),
                "reload-refused-language",
                lang = watched.lang.as_str(),
                file = watched.path.display().to_string()
            );
            FileState::Broken(vec![why])
        }
        Ok(new) => FileState::Ready { source: text, version, warnings: new.report.findings.len() },
    };
}

fn take_new_version(
    mut asks: MessageReader<TakeNewVersion>,
    state: Res<FileState>,
    mut inputs: MessageWriter<SessionInput>,
) {
    for TakeNewVersion(at) in asks.read() {
        if let FileState::Ready { source, .. } = &*state {
            inputs.write(SessionInput(Input::Reload { at: *at, source: source.clone() }));
        }
    }
}

/// What the session made of it; the new version, once in force, is the
/// run's scenario for the panels, the console and the cast's words.
fn follow_session(
    mut outputs: MessageReader<SessionOutput>,
    running: Res<RunningSession>,
    mut loaded: ResMut<Loaded>,
    mut state: ResMut<FileState>,
    console: Option<Res<super::console::Console>>,
) {
    let l = console.map_or(crate::words::Lang::En, |c| c.lang);
    for SessionOutput(o) in outputs.read() {
        let version = match &*state {
            FileState::Ready { version, .. } | FileState::Waiting { version } => *version,
            _ => 0,
        };
        match &o.item {
            Output::ReloadWaiting { version } => *state = FileState::Waiting { version: *version },
            Output::Reloaded { beat, version, .. } => {
                loaded.scenario.scenario = (**running.session.scenario()).clone();
                *state = FileState::Taken { version: *version, beat: beat.clone() };
            }
            Output::ReloadDropped { beat, version } => {
                let why = crate::w!(l, "reload-dropped", beat = beat.as_str());
                *state = FileState::Refused { version: *version, why };
            }
            Output::Rejected { input, reason } if input == "reload" => {
                let why = match reason {
                    Rejection::Incompatible(why) => crate::words::Explain::explain(why, l),
                    other => other.say(l),
                };
                *state = FileState::Refused { version, why };
            }
            _ => {}
        }
    }
}

/// The console's lines about the scenario file, with the clinician's
/// choice when a new version is ready. Nothing while it is unchanged.
pub(super) fn draw(
    ui: &mut bevy_egui::egui::Ui,
    state: &FileState,
    l: crate::words::Lang,
    take: &mut MessageWriter<TakeNewVersion>,
) {
    use bevy_egui::egui::RichText;

    use crate::record::rows::version_text;
    use crate::w;
    let red = super::clinic::REFUSED;
    match state {
        FileState::Unchanged => return,
        FileState::Broken(messages) => {
            ui.label(RichText::new(w!(l, "reload-broken")).strong().color(red));
            for m in messages {
                ui.label(RichText::new(m).monospace().small().color(red));
            }
        }
        FileState::Ready { version, warnings, .. } => {
            ui.label(
                RichText::new(w!(l, "reload-ready", version = version_text(*version), warnings = *warnings))
                    .strong(),
            );
            ui.horizontal(|ui| {
                if ui.button(w!(l, "reload-next-beat")).clicked() {
                    take.write(TakeNewVersion(ReloadAt::NextBeat));
                }
                if ui.button(w!(l, "reload-current-beat")).clicked() {
                    take.write(TakeNewVersion(ReloadAt::CurrentBeat));
                }
            });
        }
        FileState::Waiting { version } => {
            ui.label(w!(l, "reload-waiting", version = version_text(*version)));
        }
        FileState::Taken { version, beat } => {
            let text = w!(l, "reload-taken", version = version_text(*version), beat = beat.as_str());
            ui.label(RichText::new(text).small());
        }
        FileState::Refused { version, why } => {
            let text = w!(l, "reload-refused", version = version_text(*version), why = why.as_str());
            ui.label(RichText::new(text).color(red));
        }
    }
    ui.separator();
}
