//! A session's sound, rendered offline: the level's background and every
//! cue the session starts, each heard from where it happens, mixed to
//! stereo at 48 kHz.
//!
//! The same parts play live in the shell ([`SpatialCue`], [`Ambience`]),
//! so what a test measures here is what a participant hears there.
//!
//! [`render_soundscape`] drives the session with time alone (ticks every
//! 10 ms), as if the participant never answered. The shipped scenarios ask
//! ratings at the start, so the flow waits at the first rating prompt and
//! no lines are spoken or choices offered; the level's chance cues keep
//! coming all the same (their timers run whenever the flow is not ending),
//! which makes the render the level's soundscape proper. Should a
//! session end before the time is up (a scenario without start ratings
//! that runs to its end, or a stop in [`render_outputs`]'s outputs), its
//! cues stop with it and the background plays on to the end.

use std::sync::Arc;

use super::cues::{CueSound, CueSource};
use super::dsp::{RATE, sub_seed};
use super::live::{Ambience, AmbienceControl, SharedListener, SpatialCue};
use super::recorded::CueRecordings;
use super::space::{ListenerPose, Position, on_furniture, prop_position, seat_position};
use super::{MAX_RENDER_SECONDS, SoundError, StereoBuffer};
use crate::room::{DESK_TOP_M, SEATED_HEAD_M, STANDING_HEAD_M};
use crate::scenario::{PropKind, Remote, Scenario, StressCue, Voice};
use crate::session::{Input, Millis, Output, Session, Stamped};

/// How often the offline driver ticks the session.
const TICK_MILLIS: Millis = 10;

/// Where each cue is heard from in one scenario's room, and in whose voice.
/// Built once per scenario; the shell can keep one beside its stage.
#[derive(Debug, Clone)]
pub struct SoundStage {
    listener: ListenerPose,
    /// Each character's mouth, by cast index (none if their seat is unknown).
    mouths: Vec<Option<Position>>,
    seated: Vec<bool>,
    voices: Vec<Voice>,
    phone: Option<Position>,
    door: Option<Position>,
    computer: Option<Position>,
    /// The author's recordings, played instead of the synthesis.
    recordings: CueRecordings,
}

/// A screen on the wall has no top to stand on: its speaker is about
/// here, metres over the floor.
const WALL_SCREEN_M: f32 = 0.85;

impl SoundStage {
    pub fn new(scenario: &Scenario) -> Self {
        let setting = &scenario.setting;
        let seat_of = |id: &str| setting.seats.iter().find(|s| s.id == id);
        let phone = on_furniture(setting, &PropKind::PHONE_STANDS_ON, 0.0);
        let [laptop, screen] = PropKind::VIDEO_SHOWN_ON;
        let computer = on_furniture(setting, &[laptop], 0.1)
            .or_else(|| prop_position(setting, &[screen], WALL_SCREEN_M))
            .or_else(|| on_furniture(setting, &[PropKind::Desk, PropKind::Counter], 0.1));
        // Someone on the phone or a video call speaks from the phone or the
        // screen; everyone else from their seat.
        let mouth = |c: &crate::scenario::Character| match c.remote {
            Some(Remote::Phone) => phone,
            Some(Remote::Video) => computer,
            None => seat_position(setting, &c.seat),
        };
        SoundStage {
            listener: ListenerPose::participant(setting),
            mouths: scenario.cast.iter().map(mouth).collect(),
            seated: scenario.cast.iter().map(|c| seat_of(&c.seat).is_none_or(|s| !s.standing)).collect(),
            voices: scenario.cast.iter().map(|c| c.voice).collect(),
            phone,
            door: prop_position(setting, &[PropKind::Door], 1.0),
            computer,
            recordings: CueRecordings::default(),
        }
    }

    /// The same stage, with the author's recordings of its cues (see
    /// [`CueRecordings::load`]); without, every cue is synthesised.
    pub fn with_recordings(mut self, recordings: CueRecordings) -> Self {
        self.recordings = recordings;
        self
    }

    /// The sound of a cue the session started: the author's recording where
    /// the setting names one, else its synthesis in the voice of whoever
    /// makes it. `seed` seeds the synthesis.
    pub fn cue_source(
        &self,
        cue: StressCue,
        intensity: f32,
        by: Option<usize>,
        millis: Millis,
        seed: u64,
    ) -> CueSource {
        match self.recordings.get(cue) {
            Some(recording) => CueSource::recorded(cue, recording.clone(), intensity, millis),
            None => CueSound::new(cue, intensity, seed).voice(self.voice(by)).millis(millis).source(),
        }
    }

    /// The participant in their seat, facing the way it faces.
    pub fn listener(&self) -> ListenerPose {
        self.listener
    }

    /// The voice of the character with cast index `by` (an average voice
    /// for nobody in particular).
    pub fn voice(&self, by: Option<usize>) -> Voice {
        by.and_then(|c| self.voices.get(c).copied()).unwrap_or_default()
    }

    /// Where a cue made by `by` (a cast index) is heard from. `seed` picks
    /// the side of the room a background conversation comes from.
    pub fn place(&self, cue: StressCue, by: Option<usize>, seed: u64) -> Position {
        let me = &self.listener;
        if let Some(mouth) = by.and_then(|c| self.mouths.get(c).copied().flatten()) {
            let seated = by.and_then(|c| self.seated.get(c).copied()).unwrap_or(true);
            let (hands, wrist) = if seated { (DESK_TOP_M, 0.9) } else { (1.0, 1.1) };
            return match cue {
                // Someone's own keyboard or watch is in front of them, lower down.
                StressCue::KeyboardTyping => Position { y: hands, ..mouth },
                StressCue::WatchCheck => Position { y: wrist, ..mouth },
                _ => mouth,
            };
        }
        let ear = me.at.y;
        match cue {
            StressCue::PhoneRinging => self.phone.unwrap_or_else(|| me.relative(2.0, -1.0, DESK_TOP_M)),
            StressCue::DoorSlam => self.door.unwrap_or_else(|| me.relative(-4.0, 0.0, 1.0)),
            StressCue::Notification | StressCue::KeyboardTyping => {
                self.computer.unwrap_or_else(|| me.relative(1.5, 1.0, DESK_TOP_M))
            }
            // Colleagues talking among themselves behind the participant,
            // off to one side or the other.
            StressCue::OfficeMurmur => {
                let side = if seed & 1 == 0 { 1.5 } else { -1.5 };
                me.relative(-3.0, side, ear.max(SEATED_HEAD_M))
            }
            // Personal cues with nobody named: someone just in front.
            _ => me.relative(1.5, 0.0, ear.min(STANDING_HEAD_M)),
        }
    }
}

/// Everything the session puts out over `seconds`, driven by time alone
/// (see the module notes).
pub fn session_outputs(
    scenario: Arc<Scenario>,
    level: u8,
    seconds: f32,
    seed: u64,
) -> Result<Vec<Stamped<Output>>, SoundError> {
    let millis = length_millis(seconds)?;
    let mut session = Session::new(scenario, level, seed)?;
    let mut outputs = Vec::new();
    let mut at = 0;
    loop {
        outputs.extend_from_slice(session.step(at, Input::Tick));
        if at >= millis || session.has_ended() {
            return Ok(outputs);
        }
        at = (at + TICK_MILLIS).min(millis);
    }
}

/// The soundscape of one level: `seconds` of a session at `level` with
/// `seed`, driven by time alone, mixed to stereo at 48 kHz on `stage` (the
/// scenario's, with or without its recordings).
pub fn render_soundscape(
    scenario: &Scenario,
    stage: &SoundStage,
    level: u8,
    seconds: f32,
    seed: u64,
) -> Result<StereoBuffer, SoundError> {
    let outputs = session_outputs(Arc::new(scenario.clone()), level, seconds, seed)?;
    render_outputs(stage, &outputs, seconds, seed)
}

/// Mixes what a session put out (from [`session_outputs`], a scripted run,
/// or a recorded journal) into `seconds` of stereo: the background follows
/// each `Ambience`, each `CueStarted` plays from its place until it runs
/// out, is started again, or a `CueStopped` for it comes. Other outputs
/// are silent here (lines are not voiced, and a pause is not heard: a cue
/// plays its length through it). `seed` seeds the synthesis; the same
/// outputs and seed give the same samples.
pub fn render_outputs(
    stage: &SoundStage,
    outputs: &[Stamped<Output>],
    seconds: f32,
    seed: u64,
) -> Result<StereoBuffer, SoundError> {
    length_millis(seconds)?;
    let frames = (seconds * RATE) as usize;
    let mut out = StereoBuffer::silent(frames);
    let listener = SharedListener::new(stage.listener());
    let frame_at = |at: Millis| ((at as u128 * RATE as u128 / 1_000) as usize).min(frames);

    // The background, its level changing where the session says so.
    let control = AmbienceControl::default();
    let mut ambience = Ambience::new(control.clone(), listener.clone(), stage.listener(), seed);
    let mut done = 0;
    for o in outputs {
        if let Output::Ambience { noise, crowding } = o.item {
            let until = frame_at(o.at);
            mix_into(&mut out.samples[done * 2..until * 2], &mut ambience);
            done = until;
            control.set(noise, crowding);
        }
    }
    mix_into(&mut out.samples[done * 2..], &mut ambience);

    // The cues, each from where it happens.
    for (k, o) in outputs.iter().enumerate() {
        let Output::CueStarted { cue, intensity, by, millis } = o.item else { continue };
        if cue == StressCue::SilentStare {
            continue;
        }
        let start = frame_at(o.at);
        // The session restarts a cue rather than stacking copies, and
        // stops every cue when it ends.
        let cut = outputs[k + 1..]
            .iter()
            .find(|later| match later.item {
                Output::CueStarted { cue: c, .. } | Output::CueStopped { cue: c } => c == cue,
                Output::Ended { .. } => true,
                _ => false,
            })
            .map_or(frames, |later| frame_at(later.at));
        if cut <= start {
            continue;
        }
        let cue_seed = sub_seed(seed, 1_000 + k as u64);
        let sound = stage.cue_source(cue, intensity, by, millis, cue_seed);
        let at = stage.place(cue, by, cue_seed);
        let mut placed = SpatialCue::new(sound, at, listener.clone()).stop_after(cut - start);
        mix_into(&mut out.samples[start * 2..], &mut placed);
    }
    super::limiter::Limiter::new(RATE).apply(&mut out.samples);
    Ok(out)
}

fn length_millis(seconds: f32) -> Result<Millis, SoundError> {
    if !(0.0..=MAX_RENDER_SECONDS).contains(&seconds) {
        return Err(SoundError::BadLength(seconds));
    }
    Ok((f64::from(seconds) * 1_000.0).round() as Millis)
}

/// Adds an interleaved stereo source into `out` until either runs out.
fn mix_into(out: &mut [f32], source: &mut impl Iterator<Item = f32>) {
    for (slot, x) in out.iter_mut().zip(source) {
        *slot += x;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A shipped scenario, as the stage would place its sounds.
    fn stage_of(id: &str) -> SoundStage {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("scenarios/{id}.ron"));
        let loaded = crate::scenario::load_file(&path).unwrap_or_else(|r| panic!("{id}: {:?}", r.findings));
        SoundStage::new(&loaded.scenario)
    }

    #[test]
    fn things_on_the_furniture_sound_from_where_the_stage_puts_them() {
        let top = |kind| crate::room::surface(kind).unwrap().height;
        // The customer's phone lies on the counter, higher than a desk.
        let counter = stage_of("upset-customer");
        assert!((counter.phone.unwrap().y - top(PropKind::Counter)).abs() < 1e-6, "{:?}", counter.phone);
        // The meeting's laptop stands on the table, a little above its top.
        let meeting = stage_of("team-meeting");
        assert!(
            (meeting.computer.unwrap().y - (top(PropKind::Table) + 0.1)).abs() < 1e-6,
            "{:?}",
            meeting.computer
        );
    }

    #[test]
    fn lengths_outside_reason_are_refused() {
        assert!(length_millis(-1.0).is_err());
        assert!(length_millis(f32::NAN).is_err());
        assert!(length_millis(MAX_RENDER_SECONDS + 1.0).is_err());
        assert_eq!(length_millis(1.5).unwrap(), 1_500);
        let message = length_millis(-1.0).unwrap_err().to_string();
        assert!(message.contains("-1 seconds") && message.contains("7200"), "{message}");
    }
}
