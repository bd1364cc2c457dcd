//! The one integration-test binary: modules per area, sharing helpers.

mod checker;
mod cli;
mod font;
mod fuzz;
mod golden;
#[cfg(feature = "shell")]
mod keyboard;
#[cfg(feature = "shell")]
mod pointer;
mod record;
mod session;
mod sound;
#[cfg(feature = "shell")]
mod window;

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

/// The team-meeting file's text, for tests that break it on purpose.
pub fn team_meeting_source() -> String {
    std::fs::read_to_string(repo().join("scenarios/team-meeting.ron")).unwrap()
}
