//! The Bevy shell: turns session outputs into things seen and heard, and
//! what the participant and clinician do into session inputs. It holds no
//! scenario rules of its own.
//!
//! For now the shell opens the desktop window and shows which scenario and
//! level is loaded; the stage, headset and console plugins grow here.

mod fonts;
mod title;

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
}

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("level {level} does not exist; this scenario has levels 1 to {max}")]
    NoSuchLevel { level: u8, max: usize },
    #[error("the scenario is not written in \"{lang}\"; it has {have}")]
    NoSuchLanguage { lang: String, have: String },
    #[error("the window closed with an error (code {0})")]
    Exit(u8),
}

/// The loaded scenario and the run's settings, for every plugin to read.
#[derive(Resource, Debug, Clone)]
pub struct Loaded {
    pub scenario: LoadedScenario,
    pub options: RunOptions,
}

/// Opens the window and runs until it is closed.
pub fn run(scenario: LoadedScenario, options: RunOptions) -> Result<(), RunError> {
    let s = &scenario.scenario;
    if usize::from(options.level) == 0 || usize::from(options.level) > s.levels.len() {
        return Err(RunError::NoSuchLevel { level: options.level, max: s.levels.len() });
    }
    if !s.languages.contains(&options.lang) {
        return Err(RunError::NoSuchLanguage { lang: options.lang, have: s.languages.join(", ") });
    }
    if let Some(path) = &options.screenshot {
        // The exit system waits for this file to appear: an old one must not
        // count as the new screenshot.
        let _ = std::fs::remove_file(path);
    }
    let title = format!("mestring – {}", s.title.show(&options.lang));
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins.set(WindowPlugin { primary_window: Some(Window { title, ..default() }), ..default() }),
    )
    .insert_resource(ClearColor(Color::srgb(0.11, 0.12, 0.14)))
    .insert_resource(Loaded { scenario, options })
    .add_plugins((fonts::plugin, title::plugin, auto_exit_plugin));
    match app.run() {
        AppExit::Success => Ok(()),
        AppExit::Error(code) => Err(RunError::Exit(code.get())),
    }
}

/// Closing by itself after `--exit-after`, taking the `--screenshot` first.
fn auto_exit_plugin(app: &mut App) {
    app.init_resource::<AutoExit>().add_systems(Update, auto_exit);
}

#[derive(Resource, Default)]
enum AutoExit {
    #[default]
    Running,
    /// Screenshot requested at this time; waiting for the file.
    Capturing(f32),
}

fn auto_exit(
    mut commands: Commands,
    time: Res<Time>,
    loaded: Res<Loaded>,
    mut state: ResMut<AutoExit>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(after) = loaded.options.exit_after else { return };
    let now = time.elapsed_secs();
    match *state {
        AutoExit::Running if now >= after => match &loaded.options.screenshot {
            Some(path) => {
                commands
                    .spawn(bevy::render::view::screenshot::Screenshot::primary_window())
                    .observe(bevy::render::view::screenshot::save_to_disk(path.clone()));
                *state = AutoExit::Capturing(now);
            }
            None => {
                exit.write(AppExit::Success);
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
                exit.write(AppExit::Success);
            }
        }
        AutoExit::Running => {}
    }
}
