//! The one integration-test binary: modules per area, sharing helpers.

mod calming;
mod checker;
mod cli;
mod clinic;
/// The console drawn headless and clicked by its words.
#[cfg(feature = "shell")]
mod console;
mod debrief;
mod font;
mod fuzz;
mod golden;
/// The headset path against a real OpenXR runtime: ignored unless one is
/// named (`cargo xtask test` says whether they ran).
#[cfg(feature = "shell")]
mod headset;
/// The console's live picture, headless.
#[cfg(feature = "shell")]
mod live;
mod modelling;
mod record;
mod reload;
mod session;
#[cfg(feature = "shell")]
mod shell;
mod sound;
/// What only a real window shows, under Xvfb: run this group alone with
/// `cargo xtask test window::`.
#[cfg(feature = "shell")]
mod window;
mod words;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use mestring::scenario::{Scenario, load_file};

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every shipped scenario, loaded and checked: (id, scenario).
pub fn shipped() -> Vec<(String, Arc<Scenario>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let loaded =
                load_file(p).unwrap_or_else(|r| panic!("{} does not load: {:?}", p.display(), r.findings));
            (loaded.scenario.id.clone(), Arc::new(loaded.scenario))
        })
        .collect()
}

/// Runs the built `mestring` on the store in `data`, from the repository
/// root, with nothing on its standard input.
pub fn mestring_on(data: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_mestring"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .current_dir(repo())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

/// What a command wrote to its standard error.
pub fn stderr_of(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The team-meeting file's text, for tests that break it on purpose.
pub fn team_meeting_source() -> String {
    std::fs::read_to_string(repo().join("scenarios/team-meeting.ron")).unwrap()
}

/// Finds every object under a key with this name, anywhere in the value.
pub fn find<'a>(value: &'a serde_json::Value, key: &str, out: &mut Vec<&'a serde_json::Value>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                if k == key {
                    out.push(v);
                }
                find(v, key, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| find(v, key, out)),
        _ => {}
    }
}
