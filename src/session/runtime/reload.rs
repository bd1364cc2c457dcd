//! A new version of the scenario file taken over by a running session: an
//! author saved the file while someone practised. The shell checks the
//! file, and the clinician chooses where it takes over: at the next beat,
//! or from the beat going on now (`Input::Reload`, which carries the
//! file's text, so the record holds every version the participant met and
//! a replay meets them too). Either way the flow finds its place in the
//! new version by the beat's id, and the run's clocks, ratings, cues and
//! level go on as they were.
//!
//! A version that changes what the run has built on (the people in the
//! room, the room itself, the levels and their cue rules, the rating
//! schedule, the feared outcomes) cannot take over: that needs a new run,
//! and the refusal says which of them changed.

use super::*;

/// The checksum that names a version of the file in the record and on
/// the console.
pub fn version_of(source: &str) -> u32 {
    crc32fast::hash(source.as_bytes())
}

/// A version waiting for the next beat.
#[derive(Debug, Clone)]
pub(super) struct NewVersion {
    scenario: Arc<Scenario>,
    version: u32,
}

/// Why a new version cannot take over in the running session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Incompatible {
    /// The text is not a scenario (the shell checks before it sends).
    Unreadable,
    /// A modelling run: its scenario is the file's with the peer added.
    Modelling,
    Cast,
    Setting,
    Levels,
    Ratings,
    FearedOutcomes,
}

impl crate::words::Explain for Incompatible {
    fn explain(&self, lang: crate::words::Lang) -> String {
        use crate::w;
        match self {
            Incompatible::Unreadable => w!(lang, "reload-refused-unreadable"),
            Incompatible::Modelling => w!(lang, "reload-refused-modelling"),
            Incompatible::Cast => w!(lang, "reload-refused-cast"),
            Incompatible::Setting => w!(lang, "reload-refused-setting"),
            Incompatible::Levels => w!(lang, "reload-refused-levels"),
            Incompatible::Ratings => w!(lang, "reload-refused-ratings"),
            Incompatible::FearedOutcomes => w!(lang, "reload-refused-outcomes"),
        }
    }
}

impl Session {
    /// The version waiting for the next beat, if one is (its checksum).
    pub fn waiting_version(&self) -> Option<u32> {
        self.new_version.as_ref().map(|n| n.version)
    }

    fn can_take(&self, new: &Scenario) -> Result<(), Incompatible> {
        let old = &self.scenario;
        if self.peer.is_some() {
            return Err(Incompatible::Modelling);
        }
        let ids = |s: &Scenario| s.cast.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
        if ids(old) != ids(new) {
            return Err(Incompatible::Cast);
        }
        // The room was built from it and the sound placed in it.
        if serde_json::to_value(&old.setting).ok() != serde_json::to_value(&new.setting).ok() {
            return Err(Incompatible::Setting);
        }
        let cue_rules = |s: &Scenario| s.levels.iter().map(|l| l.cues.len()).collect::<Vec<_>>();
        if cue_rules(old) != cue_rules(new) {
            return Err(Incompatible::Levels);
        }
        if old.ratings.schedule.len() != new.ratings.schedule.len() {
            return Err(Incompatible::Ratings);
        }
        if old.feared_outcomes.len() != new.feared_outcomes.len() {
            return Err(Incompatible::FearedOutcomes);
        }
        Ok(())
    }

    /// The beat the flow stands at, while the run has not begun to end.
    fn current_beat(&self) -> Option<usize> {
        match &self.cursor {
            Cursor::Enter(beat)
            | Cursor::Speaking { beat, .. }
            | Cursor::Silent { beat, .. }
            | Cursor::PeerAnswering { beat, .. } => Some(*beat),
            Cursor::Choosing(c) => Some(c.beat),
            Cursor::Ending { .. } | Cursor::Recovering { .. } | Cursor::Closing { .. } | Cursor::Ended => {
                None
            }
        }
    }

    pub(super) fn reload(&mut self, input: &Input, at: ReloadAt, source: &str) {
        let Some(beat) = self.current_beat() else { return self.reject(input, Rejection::WindingDown) };
        let version = version_of(source);
        let path = std::path::Path::new(&self.scenario.id);
        let Ok((_, scenario)) = crate::scenario::load::parse(path, source.as_bytes()) else {
            return self.reject(input, Rejection::Incompatible(Incompatible::Unreadable));
        };
        if let Err(why) = self.can_take(&scenario) {
            return self.reject(input, Rejection::Incompatible(why));
        }
        let scenario = Arc::new(scenario);
        match at {
            ReloadAt::NextBeat => {
                self.new_version = Some(NewVersion { scenario, version });
                self.emit(Output::ReloadWaiting { version });
            }
            ReloadAt::CurrentBeat => {
                let id = self.scenario.beats[beat].id().to_string();
                let Some(index) = scenario.beats.iter().position(|b| b.id() == id) else {
                    return self.reject(input, Rejection::BeatGone);
                };
                self.new_version = None;
                self.scenario = scenario;
                self.cursor = Cursor::Enter(index);
                self.emit(Output::Reloaded { at, beat: id, version });
                self.run_flow();
            }
        }
    }

    /// The flow moves to `next` (a beat of the running version): a version
    /// waiting for the next beat takes over there, where it has a beat of
    /// that id. Returns the beat to enter.
    pub(super) fn take_waiting_version(&mut self, next: usize) -> usize {
        let Some(new) = self.new_version.take() else { return next };
        let Some(id) = self.scenario.beats.get(next).map(|b| b.id().to_string()) else { return next };
        let version = new.version;
        match new.scenario.beats.iter().position(|b| b.id() == id) {
            Some(index) => {
                self.scenario = new.scenario;
                self.emit(Output::Reloaded { at: ReloadAt::NextBeat, beat: id, version });
                index
            }
            None => {
                self.emit(Output::ReloadDropped { beat: id, version });
                next
            }
        }
    }
}
