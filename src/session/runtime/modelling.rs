//! The modelling run, within the session: a peer in the participant's
//! seat answers each choice with the model answer and says it, and the
//! expectancies (about the participant's own run) are not asked.

use super::*;

/// How long a modelling peer takes to answer, after the options are
/// shown: long enough to be seen thinking, shorter than any answer clock
/// (at least 2 s) or silence route, so the peer always answers.
pub(super) const PEER_THINK_MILLIS: Millis = 1_800;

/// What a run is for: the participant's own practice, or watching a peer
/// model the level first. The record keeps it, and only practice runs
/// count towards progression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RunKind {
    #[default]
    Practice,
    Modelling,
}

impl RunKind {
    /// As the record and the command line write it.
    pub fn name(self) -> &'static str {
        match self {
            RunKind::Practice => "practice",
            RunKind::Modelling => "modelling",
        }
    }

    pub fn from_name(name: &str) -> Option<RunKind> {
        [RunKind::Practice, RunKind::Modelling].into_iter().find(|k| k.name() == name)
    }
}

impl Session {
    /// A modelling run of `scenario` as [`Scenario::for_modelling`] made
    /// it: the peer answers every choice with the model answer, and the
    /// expectancy ratings, which are about the participant's own run, are
    /// not asked.
    pub fn modelling(scenario: Arc<Scenario>, level: u8, seed: u64) -> Result<Session, SessionError> {
        let peer = scenario.peer_index().ok_or_else(|| SessionError::NoPeer(scenario.id.clone()))?;
        let mut session = Session::new(scenario, level, seed)?;
        session.peer = Some(peer);
        Ok(session)
    }

    /// Whether this is a modelling run.
    pub fn is_modelling(&self) -> bool {
        self.peer.is_some()
    }

    pub fn kind(&self) -> RunKind {
        if self.is_modelling() { RunKind::Modelling } else { RunKind::Practice }
    }

    /// A run of `kind`: the scenario it plays (for a modelling run, with
    /// its peer in the cast, which whoever shows the run must show too)
    /// and its session.
    pub fn of_kind(
        scenario: &Scenario,
        level: u8,
        seed: u64,
        kind: RunKind,
    ) -> Result<(Arc<Scenario>, Session), SessionError> {
        match kind {
            RunKind::Practice => {
                let scenario = Arc::new(scenario.clone());
                Ok((Arc::clone(&scenario), Session::new(scenario, level, seed)?))
            }
            RunKind::Modelling => {
                let cast =
                    scenario.for_modelling().ok_or_else(|| SessionError::NoPeer(scenario.id.clone()))?;
                let cast = Arc::new(cast);
                Ok((Arc::clone(&cast), Session::modelling(cast, level, seed)?))
            }
        }
    }

    /// The modelling peer gives the model answer, and says it.
    pub(super) fn peer_answers(&mut self, c: &Choosing) {
        let scenario = Arc::clone(&self.scenario);
        let (Some(peer), Some(Beat::Choose { options, .. })) = (self.peer, scenario.beats.get(c.beat)) else {
            return;
        };
        let option = model_answer(options);
        let rate = scenario.cast.get(peer).map_or(1.0, |p| p.voice.rate);
        let millis = speaking_millis(&options[option].text, rate);
        let shown_as = c.order.iter().position(|&o| o == option).unwrap_or(0);
        let latency = self.active() - c.offered_at;
        self.take_option(c.beat, option, shown_as, latency);
        self.emit(Output::PeerAnswer { beat: c.beat, option, by: peer, millis });
        self.cursor = Cursor::PeerAnswering { beat: c.beat, option, until: self.active() + millis };
    }

    /// Whether this run asks `ask`: at the level it started at, and in a
    /// modelling run not an expectancy (see `asks_kind`).
    pub(super) fn asks(&self, ask: &crate::scenario::RatingAsk) -> bool {
        ask.asked_in_run_from(self.start_level) && self.asks_kind(&ask.rating)
    }

    /// A modelling run asks no expectancy and no review: both are about
    /// what the participant fears in their own run, and they only watch.
    pub(super) fn asks_kind(&self, kind: &RatingKind) -> bool {
        !self.is_modelling() || !matches!(kind, RatingKind::Expectancy(_) | RatingKind::ExpectancyReview(_))
    }
}
