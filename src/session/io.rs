//! What goes into a session and what comes out of it.
//!
//! Outputs name beats and characters by their index in the scenario, not by
//! cloned strings: stepping stays allocation-light, and whoever shows or
//! records an output looks the words up in the scenario it came from.

use serde::{Deserialize, Serialize};

use super::breathing::Pace;
use crate::scenario::{Attitude, Behaviour, RatingKind, StressCue};

/// Session clock in milliseconds since the session started, pauses included.
pub type Millis = u64;

/// Who asked for a pause, a stop or a level change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Actor {
    Participant,
    Clinician,
}

impl Actor {
    pub fn name(self) -> &'static str {
        match self {
            Actor::Participant => "participant",
            Actor::Clinician => "clinician",
        }
    }
}

/// An answer to a rating prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RatingAnswer {
    /// SUDS and expectancy 0..100, self-efficacy 0..100 in tens,
    /// cybersickness 0..20.
    Scale(u8),
    /// For an expectancy review: did the feared outcome happen, and how
    /// likely is it now (0..100).
    Review { happened: bool, likelihood: u8 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Input {
    /// Only time passes.
    Tick,
    /// The participant picks an offered option: its 0-based index in the
    /// scenario, wherever it was shown.
    Choose {
        option: usize,
    },
    /// The participant answers the rating prompt that is open.
    Rate(RatingAnswer),
    Pause {
        by: Actor,
    },
    Resume {
        by: Actor,
    },
    Stop {
        by: Actor,
    },
    /// The clinician steps the exposure up or down.
    SetLevel {
        level: u8,
    },
    /// The clinician makes a stress cue happen now.
    TriggerCue {
        cue: StressCue,
        intensity: f32,
    },
    /// The clinician notes something for the debrief.
    Marker {
        note: String,
    },
    /// The clinician asks a SUDS or a cybersickness rating now, outside the
    /// schedule: at once, or right after a rating that is open.
    AskNow {
        rating: RatingKind,
    },
    /// The calming button, pressed by the participant or the clinician:
    /// begins a calming pause, or, pressed again, brings it to its end.
    Calm {
        by: Actor,
    },
    /// The clinician lets the open rating go unanswered (the participant
    /// cannot answer now, or the prompt came at a bad moment): the session
    /// goes on as after an answer, and the record says it was skipped.
    SkipRating,
    /// The clinician's text for the newest marker: a marker is dropped at
    /// once with one key, when something happens, and its note typed after.
    MarkerNote {
        note: String,
    },
    /// A new version of the scenario file (its whole text, checked by the
    /// shell) takes over: at the next beat, or now, from the beat the run
    /// stands at.
    Reload {
        at: ReloadAt,
        source: String,
    },
}

/// Where a new version of the scenario takes over from the one running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReloadAt {
    /// The beat going on now finishes as it was; the flow goes on in the
    /// new version from the next beat.
    NextBeat,
    /// The beat going on now starts again from the new version.
    CurrentBeat,
}

/// Why an input was not taken. The session goes on as before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rejection {
    SessionEnded,
    Paused,
    NotPaused,
    NoChoiceOffered,
    NoSuchOption,
    NoRatingAsked,
    RatingOutOfRange,
    WrongAnswerKind,
    NoSuchLevel,
    SameLevel,
    BadIntensity,
    /// The run is over and the session is in its end ratings or calm phase.
    WindingDown,
    /// A calming pause is on: it ends by itself or with the calming button.
    Calming,
    /// In a modelling run the peer answers, not the participant.
    Modelling,
    /// Only SUDS and cybersickness can be asked outside the schedule: the
    /// others are read as before and after the run.
    NotAskable,
    /// A note for a marker, and no marker dropped yet.
    NoMarker,
    /// A new version that cannot take over in this run, and why.
    Incompatible(crate::session::runtime::Incompatible),
    /// A reload from the current beat, and the new version has no beat of
    /// that id.
    BeatGone,
}

impl Rejection {
    /// Why, in English, for transcripts and the record.
    pub fn describe(self) -> String {
        self.say(crate::words::Lang::En)
    }

    /// Why, in the participant's language.
    pub fn say(self, lang: crate::words::Lang) -> String {
        use crate::w;
        match self {
            Rejection::SessionEnded => w!(lang, "rejected-session-ended"),
            Rejection::Paused => w!(lang, "rejected-paused"),
            Rejection::NotPaused => w!(lang, "rejected-not-paused"),
            Rejection::NoChoiceOffered => w!(lang, "rejected-no-choice"),
            Rejection::NoSuchOption => w!(lang, "rejected-no-such-option"),
            Rejection::NoRatingAsked => w!(lang, "rejected-no-rating"),
            Rejection::RatingOutOfRange => w!(lang, "rejected-out-of-range"),
            Rejection::WrongAnswerKind => w!(lang, "rejected-wrong-answer"),
            Rejection::NoSuchLevel => w!(lang, "rejected-no-such-level"),
            Rejection::SameLevel => w!(lang, "rejected-same-level"),
            Rejection::BadIntensity => w!(lang, "rejected-bad-intensity"),
            Rejection::WindingDown => w!(lang, "rejected-winding-down"),
            Rejection::Calming => w!(lang, "rejected-calming"),
            Rejection::Modelling => w!(lang, "rejected-modelling"),
            Rejection::NotAskable => w!(lang, "rejected-not-askable"),
            Rejection::NoMarker => w!(lang, "rejected-no-marker"),
            Rejection::Incompatible(why) => crate::words::Explain::explain(&why, lang),
            Rejection::BeatGone => w!(lang, "rejected-beat-gone"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum EndReason {
    /// The flow reached an End beat.
    Completed {
        beat: usize,
    },
    Stopped {
        by: Actor,
    },
    /// The flow went round without waiting far too often; only a scenario
    /// that skipped the checker can do this, and it ends instead of hanging.
    ScenarioFault,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Output {
    Started {
        level: u8,
    },
    /// This run is a modelling run: the peer (cast index `peer`) sits in
    /// the participant's seat and gives the model answers, and the
    /// participant watches from the side.
    Modelling {
        peer: usize,
    },
    /// A character's presence and behaviour, at the start and whenever a
    /// level change alters them.
    Cast {
        character: usize,
        present: bool,
        behaviour: Behaviour,
    },
    /// The level's background: noise and crowding (0..1).
    Ambience {
        noise: f32,
        crowding: f32,
    },
    /// A character starts a line; it lasts `millis` of active time.
    Line {
        beat: usize,
        by: usize,
        attitude: Attitude,
        millis: Millis,
    },
    LineDone {
        beat: usize,
    },
    /// The speaker is not present at this level, so the line is left out.
    LineSkipped {
        beat: usize,
        by: usize,
    },
    /// Options are shown, in `order` (the scenario's option indices, first
    /// shown first). `answer_millis` is the time-pressure clock; it starts
    /// after `reading_millis`, the time allowed for reading them.
    ChoicesOffered {
        beat: usize,
        answer_millis: Option<Millis>,
        // Journals written before options were shuffled have neither.
        #[serde(default)]
        reading_millis: Millis,
        #[serde(default)]
        order: Vec<usize>,
    },
    /// The participant chose `option` (its index in the scenario), shown
    /// at position `shown_as`; `latency` runs from the offer, pauses excluded.
    Chosen {
        beat: usize,
        option: usize,
        #[serde(default)]
        shown_as: usize,
        latency: Millis,
    },
    /// In a modelling run, the peer says the option they chose (after the
    /// `Chosen` that records it); it lasts `millis` of active time, and a
    /// `LineDone` for the beat follows.
    PeerAnswer {
        beat: usize,
        option: usize,
        by: usize,
        millis: Millis,
    },
    /// The time-pressure clock ran out (the choice stays open).
    TimeUp {
        beat: usize,
    },
    /// The participant stayed silent long enough for the scenario to move on.
    SilenceTaken {
        beat: usize,
        after: Millis,
    },
    SilenceStarted {
        beat: usize,
        millis: Millis,
    },
    /// A sign that the feared outcome `outcome` (its index in the
    /// scenario) happened, at `beat`: said once per run, at the first sign.
    OutcomeHappened {
        outcome: usize,
        beat: usize,
    },
    RatingAsked {
        rating: RatingKind,
    },
    Rated {
        rating: RatingKind,
        answer: RatingAnswer,
        latency: Millis,
    },
    /// The clinician let an asked rating go unanswered, `latency` after it
    /// was asked.
    RatingSkipped {
        rating: RatingKind,
        latency: Millis,
    },
    /// The newest marker, dropped at session time `marker`, now has the
    /// clinician's note (its text is this from here on).
    MarkerNoted {
        marker: Millis,
        note: String,
    },
    CueStarted {
        cue: StressCue,
        intensity: f32,
        by: Option<usize>,
        millis: Millis,
    },
    CueStopped {
        cue: StressCue,
    },
    LevelChanged {
        from: u8,
        to: u8,
    },
    Paused {
        by: Actor,
    },
    Resumed {
        by: Actor,
    },
    Marker {
        note: String,
    },
    Rejected {
        input: String,
        reason: Rejection,
    },
    /// The run is over (`reason`) and the calm phase begins: the people
    /// leave, the room goes quiet, and after `millis` of active time the
    /// last SUDS is asked. `Ended` follows that answer.
    RecoveryStarted {
        reason: EndReason,
        millis: Millis,
    },
    Ended {
        reason: EndReason,
    },
    /// A calming pause begins: the run stands still, the scene dims, and
    /// SUDS is asked before the breathing.
    CalmingStarted {
        by: Actor,
    },
    /// The paced breathing begins, at this pace, on the session clock.
    BreathingStarted {
        pace: Pace,
    },
    /// The breathing is over: all its breaths (`completed`), or ended
    /// early by the calming button or a stop. SUDS is asked again.
    BreathingEnded {
        completed: bool,
    },
    /// The calming pause is over; the run goes on where it stood.
    CalmingEnded,
    /// A new version of the scenario (checksum `version`) took over at the
    /// beat `beat` (its id): entered from the new version from here on.
    Reloaded {
        at: ReloadAt,
        beat: String,
        version: u32,
    },
    /// A new version (checksum `version`) waits for the next beat.
    ReloadWaiting {
        version: u32,
    },
    /// The new version waiting for the next beat has no beat `beat`, which
    /// the flow goes to: the run goes on in the version it has.
    ReloadDropped {
        beat: String,
        version: u32,
    },
}

/// Something with the session-clock time it happened at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stamped<T> {
    pub at: Millis,
    pub item: T,
}
