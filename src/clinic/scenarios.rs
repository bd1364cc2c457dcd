//! The scenarios a clinic can start: the shipped ones and a folder of its
//! own, each read and checked as `mestring check` would, so a broken file
//! is shown with its located messages and cannot be started.

use std::path::{Path, PathBuf};

use crate::scenario::{Scenario, load};

/// Where a scenario file came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Shipped,
    /// The clinic's own folder.
    Clinic,
}

/// Whether a scenario can be started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Ready {
        warnings: usize,
    },
    /// The checker's errors, each located ("file:line:column: message").
    Broken {
        messages: Vec<String>,
    },
}

/// One scenario file as the start screen lists it.
#[derive(Debug, Clone)]
pub struct ScenarioEntry {
    /// The scenario's id, or the file's stem where it has none to read.
    pub id: String,
    pub path: PathBuf,
    pub origin: Origin,
    pub status: Status,
    /// Titles per language (language, title), empty when it does not parse.
    pub titles: Vec<(String, String)>,
    /// Each level's one line for the clinician, per language, by level.
    pub levels: Vec<Vec<(String, String)>>,
    pub languages: Vec<String>,
    /// Whether a modelling run can be made (the scenario has a peer).
    pub has_peer: bool,
    /// The checked scenario, for the proposal; `None` when broken.
    pub scenario: Option<Scenario>,
}

impl ScenarioEntry {
    /// Its title in `lang`, else its first, else its id.
    pub fn title(&self, lang: &str) -> &str {
        self.titles
            .iter()
            .find(|(l, _)| l == lang)
            .or(self.titles.first())
            .map_or(self.id.as_str(), |(_, t)| t.as_str())
    }

    /// How the clinician's messages name it: its id.
    pub fn name(&self) -> &str {
        &self.id
    }

    /// A level's one line for the clinician in `lang` (else the first written).
    pub fn level_summary(&self, level: u8, lang: &str) -> &str {
        let Some(texts) = self.levels.get(usize::from(level).saturating_sub(1)) else { return "" };
        texts.iter().find(|(l, _)| l == lang).or(texts.first()).map_or("", |(_, t)| t.as_str())
    }

    fn read(path: &Path, origin: Origin) -> ScenarioEntry {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        match load::load_file(path) {
            Ok(loaded) => {
                let s = loaded.scenario;
                let all = |t: &crate::scenario::Text| {
                    s.languages.iter().map(|l| (l.clone(), t.show(l).to_string())).collect::<Vec<_>>()
                };
                ScenarioEntry {
                    id: s.id.clone(),
                    path: path.to_path_buf(),
                    origin,
                    status: Status::Ready { warnings: loaded.report.warnings() },
                    titles: all(&s.title),
                    levels: s.levels.iter().map(|l| all(&l.summary)).collect(),
                    languages: s.languages.clone(),
                    has_peer: s.peer.is_some(),
                    scenario: Some(s),
                }
            }
            Err(report) => ScenarioEntry {
                id: stem,
                path: path.to_path_buf(),
                origin,
                status: Status::Broken { messages: report.located_errors() },
                titles: Vec::new(),
                levels: Vec::new(),
                languages: Vec::new(),
                has_peer: false,
                scenario: None,
            },
        }
    }
}

/// Every `.ron` file in each folder, in name order, the shipped folder's
/// first. A folder that does not exist (no clinic folder yet) adds none.
pub fn find_scenarios(folders: &[(PathBuf, Origin)]) -> Vec<ScenarioEntry> {
    let mut entries = Vec::new();
    for (dir, origin) in folders {
        // Whole paths: a run's process may start elsewhere.
        let dir = dir.canonicalize().unwrap_or_else(|_| dir.clone());
        let Ok(read) = std::fs::read_dir(&dir) else { continue };
        let mut paths: Vec<PathBuf> = read
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "ron") && p.is_file())
            .collect();
        paths.sort();
        entries.extend(paths.iter().map(|p| ScenarioEntry::read(p, *origin)));
    }
    entries
}
