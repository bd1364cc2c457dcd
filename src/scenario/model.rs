//! The scenario format as serde types: what an author writes in a `.ron` file.
//!
//! Field names here are the words authors see, so they follow
//! docs/scenario-format.md exactly. Every struct denies unknown fields, so a
//! misspelt field is reported instead of silently ignored.
//!
//! Why one file of about 700 lines: it is the format's reference, read
//! beside docs/scenario-format.md; an author's field is found by search
//! in one place. Most of it is doc comments.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::resolved::Resolved;
use super::text::Text;

/// One work situation, with its cast, levels, flow and ratings.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable identifier, used in records and on the command line.
    pub id: String,
    /// Language codes every text must be given in, e.g. `["nb", "en"]`.
    pub languages: Vec<String>,
    pub title: Text,
    pub description: Text,
    /// The work situation practised, in the participant's words.
    pub situation: Text,
    /// What the participant fears will happen; used by expectancy ratings.
    #[serde(default)]
    pub feared_outcomes: Vec<FearedOutcome>,
    pub estimated_minutes: u32,
    pub setting: Setting,
    pub cast: Vec<Character>,
    pub levels: Vec<Level>,
    #[serde(default)]
    pub ratings: Ratings,
    /// When to propose a step up or down between runs. Left out: the
    /// defaults in [`Progression`], see `Scenario::progression()`.
    #[serde(default)]
    pub progression: Option<Progression>,
    /// How long the calm phase after the end lasts, before the last SUDS:
    /// the people leave, the room goes quiet, and no run ends on a peak.
    #[serde(default = "default_recovery_seconds")]
    pub recovery_seconds: f32,
    /// The paced breathing of a calming pause, which the participant or
    /// the clinician can start at any point of a run.
    #[serde(default)]
    pub breathing: Breathing,
    /// The peer who takes the participant's seat in a modelling run and
    /// gives the model answers. Left out: no modelling run.
    #[serde(default)]
    pub peer: Option<Peer>,
    /// The beat the flow starts at.
    pub start: String,
    pub beats: Vec<Beat>,
    #[serde(default)]
    pub debrief: Vec<DebriefQuestion>,
    /// References resolved to indices, worked out on first use.
    #[serde(skip)]
    resolved: OnceLock<Resolved>,
}

impl Scenario {
    /// The scenario's ids resolved to indices and its lines timed, computed
    /// once and shared by every session on this scenario.
    pub fn resolved(&self) -> &Resolved {
        self.resolved.get_or_init(|| Resolved::of(self))
    }

    /// The progression policy as written, or the defaults when the block
    /// is left out.
    pub fn progression(&self) -> Progression {
        self.progression.unwrap_or_default()
    }

    /// Every rating the scenario can ask: the schedule's, then the Rate
    /// beats'.
    pub fn asked_ratings(&self) -> impl Iterator<Item = &RatingKind> {
        let scheduled = self.ratings.schedule.iter().map(|a| &a.rating);
        let in_flow = self.beats.iter().filter_map(|b| match b {
            Beat::Rate { rating, .. } => Some(rating),
            _ => None,
        });
        scheduled.chain(in_flow)
    }

    /// Whether any SUDS rating is asked, in the schedule or the flow.
    pub fn asks_suds(&self) -> bool {
        self.asked_ratings().any(|r| *r == RatingKind::Suds)
    }

    /// Whether any self-efficacy rating is asked, in the schedule or the flow.
    pub fn asks_self_efficacy(&self) -> bool {
        self.asked_ratings().any(|r| matches!(r, RatingKind::SelfEfficacy(_)))
    }

    /// The scenario as a modelling run plays it: its peer one of the cast,
    /// in the participant's seat and in the room at every level. `None`
    /// when the scenario has no peer.
    pub fn for_modelling(&self) -> Option<Scenario> {
        let peer = self.peer.as_ref()?;
        let mut s = self.clone();
        s.cast.push(Character {
            id: PEER_ID.into(),
            name: peer.name.clone(),
            role: Role::Colleague,
            seat: self.setting.participant_seat.clone(),
            remote: None,
            voice: peer.voice,
            look: peer.look.clone(),
            // Attentive: a model who looks at the people they answer.
            behaviour: Behaviour { attitude: Attitude::Friendly, gaze: 0.7, interrupts: false },
            model: None,
        });
        for level in &mut s.levels {
            level.present.push(PEER_ID.into());
        }
        // The cast changed: work the indices out again on first use.
        s.resolved = OnceLock::new();
        Some(s)
    }

    /// Option `option` (its index as written) of the Choose beat `beat`;
    /// `None` for any other beat or an index it lacks.
    pub fn option(&self, beat: usize, option: usize) -> Option<&ChoiceOption> {
        match self.beats.get(beat) {
            Some(Beat::Choose { options, .. }) => options.get(option),
            _ => None,
        }
    }

    /// What the self-efficacy statement `id` says, in `lang` where it is
    /// written in it; the id itself where the scenario has no such
    /// statement (a record made with another version).
    pub fn statement_text<'a>(&'a self, id: &'a str, lang: &str) -> &'a str {
        self.ratings.self_efficacy.iter().find(|s| s.id == id).map_or(id, |s| s.can.show(lang))
    }

    /// What the feared outcome `id` is, in `lang` where it is written in
    /// it; the id itself where the scenario has no such outcome.
    pub fn outcome_text<'a>(&'a self, id: &'a str, lang: &str) -> &'a str {
        self.feared_outcomes.iter().find(|o| o.id == id).map_or(id, |o| o.text.show(lang))
    }

    /// The peer's index in a scenario made by [`Scenario::for_modelling`].
    pub fn peer_index(&self) -> Option<usize> {
        self.peer.as_ref()?;
        self.cast.iter().position(|c| c.id == PEER_ID)
    }
}

/// The cast id of the peer in a modelling run; the checker keeps authors
/// from giving it to anyone else.
pub const PEER_ID: &str = "peer";

/// The peer of a modelling run: a colleague like the others, in their own
/// clothes and voice, who sits where the participant would.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Peer {
    pub name: String,
    #[serde(default)]
    pub voice: Voice,
    #[serde(default)]
    pub look: Look,
}

/// The answer the peer gives at a choice: the first the author marked as
/// a model answer; without one, the first that shows an approach; without
/// that, the first written.
pub fn model_answer(options: &[ChoiceOption]) -> usize {
    options
        .iter()
        .position(|o| o.model)
        .or_else(|| options.iter().position(|o| o.tags.iter().any(|t| t.is_approach())))
        .unwrap_or(0)
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FearedOutcome {
    pub id: String,
    /// Stated so that "how likely is it that ..." reads naturally before it.
    pub text: Text,
    /// The question afterwards, in the past tense: "Did someone criticise
    /// you in front of the others?". Left out, the review quotes `text`.
    #[serde(default)]
    pub review: Option<Text>,
    /// What in the run shows that it happened: reaching a beat (a line
    /// only once it is said), or choosing an option with a tag. The record
    /// notes the first, so the debrief can set what was feared beside
    /// what happened, and the checker can tell whether the outcome is
    /// still open at each level that asks about it.
    #[serde(default)]
    pub happens: Vec<Sign>,
}

/// A sign in the run that a feared outcome happened.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum Sign {
    /// The flow reaches this beat; for a line, the line is said (it is
    /// skipped where its speaker is not present).
    Reached(String),
    /// The participant chooses an option with this tag.
    Chose(ChoiceTag),
}

/// Where the scenario happens.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Setting {
    pub room: RoomKind,
    /// The seat the participant takes (an id from `seats`).
    pub participant_seat: String,
    pub seats: Vec<Seat>,
    #[serde(default)]
    pub props: Vec<Prop>,
    /// Optional glTF model of the whole room, relative to the scenario file.
    #[serde(default)]
    pub model: Option<String>,
    /// The author's own recordings of stress cues in this workplace (this
    /// office's phone, its door), WAV or Ogg Vorbis files relative to the
    /// scenario file. A cue not named here is synthesised.
    #[serde(default)]
    pub sounds: BTreeMap<StressCue, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum RoomKind {
    MeetingRoom,
    ServiceCounter,
    ManagersOffice,
    LunchRoom,
    OpenOffice,
}

/// A place on the floor, in metres from the room's centre `(0, 0)`: `x`
/// across the room, `z` along it. Facing angles turn from +z towards +x.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
pub struct FloorPoint(pub f32, pub f32);

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Seat {
    pub id: String,
    pub at: FloorPoint,
    /// Which way a person in this seat faces, in degrees (0 = towards +z).
    #[serde(default)]
    pub facing: f32,
    /// Standing places (a counter, a doorway) have no chair.
    #[serde(default)]
    pub standing: bool,
    /// A tall chair, as behind a service counter: a seated person's eyes
    /// clear the counter top.
    #[serde(default)]
    pub high_chair: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Prop {
    pub kind: PropKind,
    pub at: FloorPoint,
    #[serde(default)]
    pub facing: f32,
    /// Optional glTF model replacing the built-in shape.
    #[serde(default)]
    pub model: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum PropKind {
    Table,
    Desk,
    Counter,
    Whiteboard,
    Screen,
    Plant,
    Shelf,
    CoffeeMachine,
    Window,
    Door,
    Laptop,
    Papers,
    Cup,
}

impl PropKind {
    /// What a phone stands on: where the ringing and a caller's voice come
    /// from.
    pub const PHONE_STANDS_ON: [PropKind; 3] = [PropKind::Desk, PropKind::Counter, PropKind::Table];
    /// What a video call is shown on: a laptop, else a screen.
    pub const VIDEO_SHOWN_ON: [PropKind; 2] = [PropKind::Laptop, PropKind::Screen];
}

/// A person in the scene.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Character {
    pub id: String,
    pub name: String,
    pub role: Role,
    /// Where they sit or stand (an id from the setting's seats). Left out
    /// for someone who is not in the room.
    #[serde(default)]
    pub seat: String,
    /// Not in the room: on the phone, or on a video call. They have no
    /// seat and no body; their voice comes from the phone or the screen.
    #[serde(default)]
    pub remote: Option<Remote>,
    #[serde(default)]
    pub voice: Voice,
    #[serde(default)]
    pub look: Look,
    /// How they behave unless a level says otherwise.
    #[serde(default)]
    pub behaviour: Behaviour,
    #[serde(default)]
    pub model: Option<String>,
}

/// How someone who is not in the room takes part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Remote {
    /// On the phone: the voice comes from the phone on the desk, table or
    /// counter.
    Phone,
    /// On a video call: the voice comes from the laptop or the screen.
    Video,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Role {
    Manager,
    Colleague,
    Customer,
    HrAdvisor,
    UnionRep,
    OccupationalHealth,
    NewColleague,
}

/// Hints for synthesised or recorded speech.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Voice {
    /// Relative pitch: 0.5 (deep) .. 2.0 (high); 1.0 is an average voice.
    pub pitch: f32,
    /// Relative speaking rate: 0.5 (slow) .. 2.0 (fast).
    pub rate: f32,
}

impl Default for Voice {
    fn default() -> Self {
        Self { pitch: 1.0, rate: 1.0 }
    }
}

/// Colours that tell characters apart at a glance, as `#rrggbb`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Look {
    pub skin: String,
    pub hair: String,
    pub clothing: String,
}

impl Default for Look {
    fn default() -> Self {
        Self { skin: "#c99a7a".into(), hair: "#3b2a20".into(), clothing: "#4a6a8a".into() }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Attitude {
    Friendly,
    Neutral,
    Critical,
    Uninterested,
}

/// How a character acts: their attitude, how much they look at the
/// participant (0 = never, 1 = all the time) and whether they interrupt.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Behaviour {
    pub attitude: Attitude,
    pub gaze: f32,
    pub interrupts: bool,
}

impl Default for Behaviour {
    fn default() -> Self {
        Self { attitude: Attitude::Neutral, gaze: 0.4, interrupts: false }
    }
}

/// A level's changes to one character's behaviour; fields left out keep the
/// character's own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct BehaviourChange {
    pub attitude: Option<Attitude>,
    pub gaze: Option<f32>,
    pub interrupts: Option<bool>,
}

/// One step of graded exposure.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// 1 for the gentlest; levels are numbered 1, 2, 3, ... without gaps.
    pub level: u8,
    /// One line for the clinician: who is there and what happens.
    pub summary: Text,
    /// Ids of the characters in the room at this level.
    pub present: Vec<String>,
    /// Behaviour changes per character id.
    #[serde(default)]
    pub behaviour: BTreeMap<String, BehaviourChange>,
    /// Background noise, 0 (quiet) .. 1 (loud open office).
    #[serde(default)]
    pub noise: f32,
    /// How close the others come, 0 (comfortable distance) .. 1 (crowded).
    #[serde(default)]
    pub crowding: f32,
    /// Stress cues that happen by chance at this level.
    #[serde(default)]
    pub cues: Vec<CueRule>,
    /// Time pressure: seconds the participant has for each answer, shown
    /// as a clock. Left out: no time pressure.
    #[serde(default)]
    pub answer_seconds: Option<f32>,
}

/// A stress cue that occurs at random, on average `per_minute` times a minute.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CueRule {
    pub cue: StressCue,
    pub per_minute: f32,
    /// 0 (barely noticeable) .. 1 (as strong as it gets).
    #[serde(default = "default_intensity")]
    pub intensity: f32,
    /// Who causes it, for cues a person makes (sigh, remark, interruption,
    /// watch check). Left out: someone present.
    #[serde(default)]
    pub by: Option<String>,
}

/// A minute: long enough for arousal to start settling and for the
/// participant to notice it does, short enough to stay part of the run.
pub const DEFAULT_RECOVERY_SECONDS: f32 = 60.0;

fn default_recovery_seconds() -> f32 {
    DEFAULT_RECOVERY_SECONDS
}

/// The rhythm of a calming pause: breathe in for `in_seconds`, out for
/// `out_seconds`, `breaths` times. The out-breath is the longer one, the
/// way paced-breathing exercises slow the body down.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Breathing {
    pub in_seconds: f32,
    pub out_seconds: f32,
    pub breaths: u32,
}

/// Four seconds in, six out, six times: a minute at six breaths a minute,
/// the slow pace paced-breathing exercises commonly use.
impl Default for Breathing {
    fn default() -> Self {
        Breathing { in_seconds: 4.0, out_seconds: 6.0, breaths: 6 }
    }
}

/// A clearly noticeable cue that still leaves room to step up.
fn default_intensity() -> f32 {
    0.6
}

/// The library of stress cues a scenario can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum StressCue {
    PhoneRinging,
    OfficeMurmur,
    KeyboardTyping,
    DoorSlam,
    Sigh,
    Notification,
    CriticalRemark,
    Interruption,
    SilentStare,
    WatchCheck,
}

impl StressCue {
    pub const ALL: [StressCue; 10] = [
        StressCue::PhoneRinging,
        StressCue::OfficeMurmur,
        StressCue::KeyboardTyping,
        StressCue::DoorSlam,
        StressCue::Sigh,
        StressCue::Notification,
        StressCue::CriticalRemark,
        StressCue::Interruption,
        StressCue::SilentStare,
        StressCue::WatchCheck,
    ];

    /// Cues a person makes, so they need someone present to make them.
    pub fn is_personal(self) -> bool {
        matches!(
            self,
            StressCue::Sigh | StressCue::CriticalRemark | StressCue::Interruption | StressCue::WatchCheck
        )
    }

    /// A cue that is seen rather than heard (a glance at the watch): only
    /// someone in the room can give it, never a voice on the phone.
    pub fn is_seen(self) -> bool {
        matches!(self, StressCue::WatchCheck | StressCue::SilentStare)
    }

    /// How long the cue lasts, in milliseconds, when nothing says otherwise.
    pub fn default_millis(self) -> u64 {
        match self {
            StressCue::PhoneRinging => 6_000,
            StressCue::OfficeMurmur => 15_000,
            StressCue::KeyboardTyping => 8_000,
            StressCue::DoorSlam => 800,
            StressCue::Sigh => 1_500,
            StressCue::Notification => 700,
            StressCue::CriticalRemark => 3_000,
            StressCue::Interruption => 3_000,
            StressCue::SilentStare => 5_000,
            StressCue::WatchCheck => 2_000,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            StressCue::PhoneRinging => "phone-ringing",
            StressCue::OfficeMurmur => "office-murmur",
            StressCue::KeyboardTyping => "keyboard-typing",
            StressCue::DoorSlam => "door-slam",
            StressCue::Sigh => "sigh",
            StressCue::Notification => "notification",
            StressCue::CriticalRemark => "critical-remark",
            StressCue::Interruption => "interruption",
            StressCue::SilentStare => "silent-stare",
            StressCue::WatchCheck => "watch-check",
        }
    }

    pub fn from_name(name: &str) -> Option<StressCue> {
        StressCue::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// One step of the flow. Every beat has an `id`; beats that lead on name
/// the beat that follows in `next`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub enum Beat {
    /// A character speaks.
    Say {
        id: String,
        by: String,
        text: Text,
        /// Other wordings per attitude: a critical colleague says it sharper.
        #[serde(default)]
        variants: BTreeMap<Attitude, Text>,
        /// Recorded speech, relative to the scenario file.
        #[serde(default)]
        audio: Option<String>,
        /// How long the line takes; left out, it is estimated from the text.
        #[serde(default)]
        seconds: Option<f32>,
        next: String,
    },
    /// The participant answers by choosing one option.
    Choose {
        id: String,
        /// Shown above the options, e.g. "What do you say?".
        #[serde(default)]
        prompt: Option<Text>,
        options: Vec<ChoiceOption>,
        /// Where the flow goes if the participant stays silent this long.
        #[serde(default)]
        silence: Option<SilenceRoute>,
        /// Options are shown in a new order each run, so the first is not
        /// always the model answer; `true` keeps the written order (for
        /// options that only make sense in order, like a scale).
        #[serde(default)]
        keep_order: bool,
    },
    /// Nobody speaks for a while.
    Wait { id: String, seconds: f32, next: String },
    /// A stress cue happens now, whatever the level.
    Cue {
        id: String,
        cue: StressCue,
        #[serde(default = "default_intensity")]
        intensity: f32,
        #[serde(default)]
        by: Option<String>,
        next: String,
    },
    /// A rating is asked now.
    Rate { id: String, rating: RatingKind, next: String },
    /// The flow goes on by level: the first route whose levels include the
    /// current level is taken, otherwise `otherwise`.
    Branch { id: String, routes: Vec<LevelRoute>, otherwise: String },
    /// The scenario ends here.
    End {
        id: String,
        #[serde(default)]
        text: Option<Text>,
    },
}

impl Beat {
    pub fn id(&self) -> &str {
        match self {
            Beat::Say { id, .. }
            | Beat::Choose { id, .. }
            | Beat::Wait { id, .. }
            | Beat::Cue { id, .. }
            | Beat::Rate { id, .. }
            | Beat::Branch { id, .. }
            | Beat::End { id, .. } => id,
        }
    }

    pub fn kind_name(&self) -> &'static str {
        match self {
            Beat::Say { .. } => "Say",
            Beat::Choose { .. } => "Choose",
            Beat::Wait { .. } => "Wait",
            Beat::Cue { .. } => "Cue",
            Beat::Rate { .. } => "Rate",
            Beat::Branch { .. } => "Branch",
            Beat::End { .. } => "End",
        }
    }

    /// The beats this one can lead to, with the field naming each (for
    /// locating a bad reference in the source).
    pub fn successors(&self) -> Vec<(Vec<crate::scenario::locate::PathPart>, &str)> {
        use crate::scenario::locate::PathPart as P;
        match self {
            Beat::Say { next, .. }
            | Beat::Wait { next, .. }
            | Beat::Cue { next, .. }
            | Beat::Rate { next, .. } => vec![(vec![P::field("next")], next.as_str())],
            Beat::Choose { options, silence, .. } => {
                let mut out: Vec<_> = options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| (vec![P::field("options"), P::Index(i), P::field("next")], o.next.as_str()))
                    .collect();
                if let Some(s) = silence {
                    out.push((vec![P::field("silence"), P::field("next")], s.next.as_str()));
                }
                out
            }
            Beat::Branch { routes, otherwise, .. } => {
                let mut out: Vec<_> = routes
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (vec![P::field("routes"), P::Index(i), P::field("next")], r.next.as_str()))
                    .collect();
                out.push((vec![P::field("otherwise")], otherwise.as_str()));
                out
            }
            Beat::End { .. } => Vec::new(),
        }
    }

    /// The beats this one can lead to in a run at `level`: for a Branch,
    /// only the ways open at that level.
    pub fn successors_at(&self, level: u8) -> Vec<&str> {
        match self {
            Beat::Branch { routes, otherwise, .. } => branch_ways(routes, level)
                .into_iter()
                .map(|(way, _)| way.map_or(otherwise.as_str(), |j| routes[j].next.as_str()))
                .collect(),
            other => other.successors().into_iter().map(|(_, next)| next).collect(),
        }
    }

    /// Whether the flow stops at this beat for time or for the participant.
    /// A loop made only of beats that do not wait would spin forever.
    pub fn waits(&self) -> bool {
        matches!(self, Beat::Say { .. } | Beat::Choose { .. } | Beat::Wait { .. } | Beat::Rate { .. })
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub text: Text,
    pub next: String,
    /// What this answer shows, for the debrief.
    #[serde(default)]
    pub tags: Vec<ChoiceTag>,
    /// The answer a virtual peer gives in a modelling run.
    #[serde(default)]
    pub model: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum ChoiceTag {
    Assertive,
    Avoidant,
    AsksForHelp,
    Apologetic,
    Aggressive,
    SetsBoundary,
    SharesOpenly,
    KeepsPrivate,
}

impl ChoiceTag {
    pub const ALL: [ChoiceTag; 8] = [
        ChoiceTag::Assertive,
        ChoiceTag::Avoidant,
        ChoiceTag::AsksForHelp,
        ChoiceTag::Apologetic,
        ChoiceTag::Aggressive,
        ChoiceTag::SetsBoundary,
        ChoiceTag::SharesOpenly,
        ChoiceTag::KeepsPrivate,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ChoiceTag::Assertive => "assertive",
            ChoiceTag::Avoidant => "avoidant",
            ChoiceTag::AsksForHelp => "asks-for-help",
            ChoiceTag::Apologetic => "apologetic",
            ChoiceTag::Aggressive => "aggressive",
            ChoiceTag::SetsBoundary => "sets-boundary",
            ChoiceTag::SharesOpenly => "shares-openly",
            ChoiceTag::KeepsPrivate => "keeps-private",
        }
    }

    /// The tag a record names (`sets-boundary`), if it is one.
    pub fn from_name(name: &str) -> Option<ChoiceTag> {
        ChoiceTag::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Whether the answer approaches the situation rather than avoiding it:
    /// what the debrief counts as mastery, and a modelling peer prefers.
    pub fn is_approach(self) -> bool {
        matches!(
            self,
            ChoiceTag::Assertive | ChoiceTag::SetsBoundary | ChoiceTag::AsksForHelp | ChoiceTag::SharesOpenly
        )
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SilenceRoute {
    pub seconds: f32,
    pub next: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LevelRoute {
    /// Inclusive range of levels, e.g. `(3, 5)`.
    pub levels: (u8, u8),
    /// How likely the route is taken at those levels, 0..1, drawn per run
    /// from the session's seed. Left out: always. A route not taken hands
    /// on to the next route, then to `otherwise`: a character's reaction
    /// that may or may not come keeps a feared outcome open.
    #[serde(default)]
    pub chance: Option<f32>,
    pub next: String,
}

impl LevelRoute {
    pub fn covers(&self, level: u8) -> bool {
        (self.levels.0..=self.levels.1).contains(&level)
    }
}

/// Where a Branch can lead at `level`, each with how likely it is: the
/// route's index, or `None` for `otherwise`. Routes are tried in order,
/// the first covering the level without a chance is certain, one with a
/// chance is taken that often and otherwise hands on. The shares add up
/// to 1; ways that cannot happen are left out.
pub fn branch_ways(routes: &[LevelRoute], level: u8) -> Vec<(Option<usize>, f32)> {
    let mut ways = Vec::new();
    let mut left = 1.0_f32;
    for (j, route) in routes.iter().enumerate().filter(|(_, r)| r.covers(level)) {
        let p = route.chance.unwrap_or(1.0).clamp(0.0, 1.0);
        if p > 0.0 {
            ways.push((Some(j), left * p));
        }
        left *= 1.0 - p;
        if left <= 0.0 {
            return ways;
        }
    }
    ways.push((None, left));
    ways
}

/// What the participant is asked to rate.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum RatingKind {
    /// Subjective units of distress, 0..100.
    Suds,
    /// "How certain are you that you can ...", 0..100 in steps of 10, for
    /// the named statement in `ratings.self_efficacy`.
    SelfEfficacy(String),
    /// "How likely is it that <feared outcome>?", 0..100 %, before.
    Expectancy(String),
    /// "Did <feared outcome> happen?" and a new likelihood, after.
    ExpectancyReview(String),
    /// Fast Motion Sickness scale, 0..20.
    Cybersickness,
}

/// When and what the participant is asked.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Ratings {
    pub self_efficacy: Vec<SelfEfficacyStatement>,
    pub schedule: Vec<RatingAsk>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SelfEfficacyStatement {
    pub id: String,
    /// Completes "How certain are you that you can ...".
    pub can: Text,
    /// The beats where the skill comes up (the choices that practise it):
    /// the checker warns where the statement is rated at a level whose
    /// flow never reaches one of them.
    #[serde(default)]
    pub practised_at: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RatingAsk {
    pub rating: RatingKind,
    pub when: RatingWhen,
    /// Only in runs started at these levels, inclusive, e.g. `(2, 5)`: an
    /// expectancy is worth asking only where the outcome can go either
    /// way. Left out: at every level.
    #[serde(default)]
    pub levels: Option<(u8, u8)>,
}

impl RatingAsk {
    /// Whether a run started at `level` asks this. The level the run
    /// started at decides, not a level changed to later, so a review is
    /// asked exactly where its expectancy was.
    pub fn asked_in_run_from(&self, level: u8) -> bool {
        self.levels.is_none_or(|(lo, hi)| (lo..=hi).contains(&level))
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub enum RatingWhen {
    AtStart,
    /// Every so many minutes of active (unpaused) time.
    Every(f32),
    /// Right after the named beat.
    AfterBeat(String),
    AtEnd,
}

/// Bandura's four sources of self-efficacy; each debrief question draws on one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum EfficacySource {
    Mastery,
    Vicarious,
    Feedback,
    Physiological,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DebriefQuestion {
    pub source: EfficacySource,
    pub text: Text,
}

/// When the program proposes the next level, between runs. The policy
/// proposes; the clinician decides, unless `automatic` allows the step to
/// be taken by itself. Every field may be left out; the defaults follow
/// graded-exposure practice (see docs/scenario-format.md, 4.12).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Progression {
    pub step_up: StepUp,
    pub step_down: StepDown,
    /// Whether a proposed step may be taken without the clinician's say.
    /// Steps proposed because the participant stopped a run never are.
    pub automatic: bool,
}

/// Propose the next level when the last `runs` runs at this level were
/// completed, with distress under a ceiling and self-efficacy high.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct StepUp {
    /// The highest SUDS rating in a run (0..100) may be at most this: a
    /// ceiling, not a goal.
    pub peak_suds_at_most: u8,
    /// A run's self-efficacy (0..100, in tens) must be at least this:
    /// per statement the run's last rating, the lowest of those. Left
    /// out: [`Progression::DEFAULT_SELF_EFFICACY`] when the scenario asks
    /// any self-efficacy rating, otherwise self-efficacy is not used.
    pub self_efficacy_at_least: Option<u8>,
    /// How many runs in a row at the level must meet both (1..10).
    pub runs: u8,
}

impl Default for StepUp {
    fn default() -> Self {
        Self {
            peak_suds_at_most: Progression::DEFAULT_STEP_UP_PEAK_SUDS,
            self_efficacy_at_least: None,
            runs: Progression::DEFAULT_RUNS,
        }
    }
}

/// Propose the level below when the last run at this level was too much.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct StepDown {
    /// A run whose highest SUDS rating reaches this (0..100).
    pub peak_suds_at_least: u8,
}

impl Default for StepDown {
    fn default() -> Self {
        Self { peak_suds_at_least: Progression::DEFAULT_STEP_DOWN_PEAK_SUDS }
    }
}

impl Progression {
    /// A ceiling, not a goal: a run may be clearly distressing (50 on the
    /// SUDS scale) and still teach what a step up needs; 60 keeps a clear
    /// gap below the step-down threshold.
    pub const DEFAULT_STEP_UP_PEAK_SUDS: u8 = 60;
    /// Past "moderately certain" (50 on Bandura's scale).
    pub const DEFAULT_SELF_EFFICACY: u8 = 70;
    /// Mastery is repeated mastery: one good run can be a lucky one.
    pub const DEFAULT_RUNS: u8 = 2;
    /// Near the top of the SUDS scale: more than a small step.
    pub const DEFAULT_STEP_DOWN_PEAK_SUDS: u8 = 80;
}
