//! Live sound for the shell: sources that do their work on rodio's audio
//! thread, steered from the frame thread through shared state.
//!
//! The frame thread only ever creates small structs and stores a pose or
//! two numbers; every sample is synthesised, and every gain worked out,
//! where rodio pulls it. Gains follow the listener's head every
//! [`GAIN_BLOCK`] frames and glide there, so turning the head never clicks.
//!
//! ```no_run
//! # fn demo(mixer: rodio::mixer::Mixer) {
//! use mestring::scenario::{StressCue, Voice};
//! use mestring::sound::{ListenerPose, LiveSound, Position};
//!
//! let mut sound = LiveSound::new(mixer, ListenerPose::default(), 7);
//! sound.set_ambience(0.4, 0.2);
//! let ring = sound.start_cue(StressCue::PhoneRinging, 0.6, Voice::default(), Position::new(0.0, 0.75, 1.0));
//! // Every frame:
//! sound.set_listener(ListenerPose::default());
//! // When the session says the cue stopped:
//! ring.stop();
//! # }
//! ```
//!
//! Why one file of about 650 lines: the listener, the spatial cue and the
//! ambience share the frame-to-audio-thread hand-over (atomics, one
//! mutex) and its rules; apart they would each need the others open. A
//! sixth of it is tests.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex, TryLockError};
use std::time::Duration;

use rodio::mixer::Mixer;
use rodio::{ChannelCount, Sample, SampleRate, Source};

use super::cues::{CueSound, CueSource, DistantTalker, clamp_unit};
use super::dsp::{Chance, OnePole, db_to_gain, samples, sub_seed};
use super::space::{ListenerPose, Position, StereoGains, stereo_gains};
use super::{STEREO, sample_rate};
use crate::scenario::{StressCue, Voice};

/// Frames between looks at the listener's pose (about 5 ms at 48 kHz):
/// often enough to follow a head turn, rare enough to cost nothing.
pub const GAIN_BLOCK: usize = 256;

/// A stopped cue fades out over this long instead of cutting off.
const STOP_FADE_SECONDS: f32 = 0.02;

/// The listener's pose, shared between the frame thread (which sets it)
/// and the sources on the audio thread (which read it).
///
/// A mutex the audio thread only ever `try_lock`s: if the frame thread is
/// writing at that instant, the source keeps the gains it has for one
/// more block (5 ms) rather than wait.
#[derive(Debug, Clone)]
pub struct SharedListener(Arc<Mutex<ListenerPose>>);

impl SharedListener {
    pub fn new(pose: ListenerPose) -> Self {
        SharedListener(Arc::new(Mutex::new(pose)))
    }

    pub fn set(&self, pose: ListenerPose) {
        let mut guard = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *guard = pose;
    }

    pub fn get(&self) -> ListenerPose {
        *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The pose now, unless someone is writing it this very moment.
    fn try_get(&self) -> Option<ListenerPose> {
        match self.0.try_lock() {
            Ok(pose) => Some(*pose),
            Err(TryLockError::Poisoned(p)) => Some(*p.into_inner()),
            Err(TryLockError::WouldBlock) => None,
        }
    }
}

/// Stops a playing cue from the frame thread (when the session says it
/// stopped, or the session pauses), and says whether it has finished.
#[derive(Debug, Clone, Default)]
pub struct CueHandle {
    state: Arc<CueState>,
}

#[derive(Debug, Default)]
struct CueState {
    stop: AtomicBool,
    finished: AtomicBool,
}

impl CueHandle {
    /// Fades the cue out over 20 ms and ends it.
    pub fn stop(&self) {
        self.state.stop.store(true, Ordering::Relaxed);
    }

    /// True once the cue has played out or faded after a stop.
    pub fn has_finished(&self) -> bool {
        self.state.finished.load(Ordering::Relaxed)
    }
}

/// A sound placed in the room: a mono source (or the average of a
/// multi-channel one) heard as stereo from where it is, following the
/// listener's head.
pub struct SpatialCue<S: Source> {
    inner: S,
    at: Position,
    listener: SharedListener,
    state: Arc<CueState>,
    gains: StereoGains,
    step: StereoGains,
    until_block: usize,
    /// The right ear's sample, waiting to be handed out after the left.
    pending_right: Option<Sample>,
    /// Frames left of the fade after a stop.
    fading: Option<usize>,
    stop_after: Option<usize>,
    frame: usize,
    channels: u16,
}

impl<S: Source> SpatialCue<S> {
    /// `source` placed at `at`, heard by whoever `listener` says is listening.
    pub fn new(source: S, at: Position, listener: SharedListener) -> Self {
        let gains = stereo_gains(&listener.get(), at);
        let channels = source.channels().get();
        SpatialCue {
            inner: source,
            at,
            listener,
            state: Arc::default(),
            gains,
            step: StereoGains { left: 0.0, right: 0.0 },
            until_block: GAIN_BLOCK,
            pending_right: None,
            fading: None,
            stop_after: None,
            frame: 0,
            channels,
        }
    }

    /// A handle to stop this cue from another thread.
    pub fn handle(&self) -> CueHandle {
        CueHandle { state: Arc::clone(&self.state) }
    }

    /// Stops (with the usual fade) once `frames` frames have played: how an
    /// offline render cuts a cue at a known time.
    pub fn stop_after(mut self, frames: usize) -> Self {
        self.stop_after = Some(frames);
        self
    }

    fn next_block(&mut self) {
        self.until_block = GAIN_BLOCK;
        if self.fading.is_none()
            && (self.state.stop.load(Ordering::Relaxed) || self.stop_after.is_some_and(|n| self.frame >= n))
        {
            self.fading = Some(samples(STOP_FADE_SECONDS).max(1));
        }
        // The pose is being written this instant: hold the gains for a block.
        let target = self.listener.try_get().map_or(self.gains, |pose| stereo_gains(&pose, self.at));
        self.step = glide(self.gains, target);
    }

    /// One mono sample of the source: a mono source as is, otherwise its
    /// channels averaged.
    fn next_mono(&mut self) -> Option<Sample> {
        if self.channels <= 1 {
            return self.inner.next();
        }
        let mut sum = self.inner.next()?;
        for _ in 1..self.channels {
            sum += self.inner.next().unwrap_or(0.0);
        }
        Some(sum / Sample::from(self.channels))
    }

    fn finish(&mut self) -> Option<Sample> {
        self.state.finished.store(true, Ordering::Relaxed);
        None
    }
}

impl<S: Source> Iterator for SpatialCue<S> {
    type Item = Sample;

    #[inline]
    fn next(&mut self) -> Option<Sample> {
        if let Some(right) = self.pending_right.take() {
            return Some(right);
        }
        if self.until_block == 0 {
            self.next_block();
        }
        let fade = match &mut self.fading {
            Some(0) => return self.finish(),
            Some(left) => {
                *left -= 1;
                *left as f32 / samples(STOP_FADE_SECONDS).max(1) as f32
            }
            None => 1.0,
        };
        let Some(x) = self.next_mono() else { return self.finish() };
        self.until_block -= 1;
        self.frame += 1;
        self.gains.left += self.step.left;
        self.gains.right += self.step.right;
        let x = x * fade;
        self.pending_right = Some(x * self.gains.right);
        Some(x * self.gains.left)
    }
}

impl<S: Source> Source for SpatialCue<S> {
    fn current_span_len(&self) -> Option<usize> {
        None
    }

    fn channels(&self) -> ChannelCount {
        STEREO
    }

    fn sample_rate(&self) -> SampleRate {
        self.inner.sample_rate()
    }

    fn total_duration(&self) -> Option<Duration> {
        self.inner.total_duration()
    }
}

/// The level's background, set from the session's `Ambience` output:
/// `noise` (0..1) sets how loud, `crowding` (0..1) how many voices.
/// Shared with the [`Ambience`] source; stores are cheap and lock-free.
#[derive(Debug, Clone, Default)]
pub struct AmbienceControl(Arc<[AtomicU32; 2]>);

impl AmbienceControl {
    pub fn set(&self, noise: f32, crowding: f32) {
        self.0[0].store(clamp_unit(noise).to_bits(), Ordering::Relaxed);
        self.0[1].store(clamp_unit(crowding).to_bits(), Ordering::Relaxed);
    }

    /// (noise, crowding)
    pub fn get(&self) -> (f32, f32) {
        (f32::from_bits(self.0[0].load(Ordering::Relaxed)), f32::from_bits(self.0[1].load(Ordering::Relaxed)))
    }
}

/// Most background voices at full crowding.
pub const MAX_BACKGROUND_VOICES: usize = 10;

/// Background voices at a crowding (0..1): two at an empty level, ten at a
/// crowded one.
pub fn background_voices(crowding: f32) -> usize {
    2 + (clamp_unit(crowding) * (MAX_BACKGROUND_VOICES - 2) as f32).round() as usize
}

/// Loudness of the background at a noise level (0..1): silent at 0, a
/// distant murmur at 0.1, a busy open office at 1, on the decibel line
/// `super::calibration` sets against the reference.
pub fn background_gain(noise: f32) -> f32 {
    let noise = clamp_unit(noise);
    use super::calibration::{BACKGROUND_QUIET_DB, BACKGROUND_SPAN_DB};
    if noise <= 0.0 { 0.0 } else { db_to_gain(BACKGROUND_QUIET_DB + BACKGROUND_SPAN_DB * noise) }
}

/// Incidental office sounds a minute at full noise (someone typing at
/// another desk, a computer pinging, a door closing down the corridor): a
/// noisy level is busier, not only louder.
pub const INCIDENTS_PER_MINUTE_AT_FULL_NOISE: f32 = 12.0;

/// Most incidental sounds at once; a new one waits for a free place, so
/// the audio thread never allocates.
const MAX_INCIDENTS: usize = 4;

/// The room's background: people talking around and behind the listener,
/// more of them as crowding grows, over a faint room tone, with now and
/// then an incidental office sound; all louder, and the incidents more
/// frequent, as noise grows. Endless; stereo; each sound heard from its
/// own place.
pub struct Ambience {
    control: AmbienceControl,
    listener: SharedListener,
    seat: ListenerPose,
    seed: u64,
    chance: Chance,
    voices: Vec<BackgroundVoice>,
    tone: [RoomTone; 2],
    incidents: Vec<Incident>,
    incidents_started: u64,
    /// Frames until the next incidental sound; none while the room is silent.
    until_incident: Option<usize>,
    noise: f32,
    level: f32,
    level_step: f32,
    until_block: usize,
    pending_right: Option<Sample>,
}

struct BackgroundVoice {
    talker: DistantTalker,
    at: Position,
    /// Gain for each ear now and its change per frame.
    gains: StereoGains,
    step: StereoGains,
    /// Whether crowding has this voice in the room.
    wanted: bool,
}

/// Air handling and distant traffic: noise with the top taken off. One per
/// ear, from different seeds, so it sounds wide rather than in the middle.
struct RoomTone {
    chance: Chance,
    dark: OnePole,
}

/// One incidental sound somewhere in the room.
struct Incident {
    sound: CueSource,
    at: Position,
    gains: StereoGains,
    step: StereoGains,
}

fn glide(from: StereoGains, to: StereoGains) -> StereoGains {
    let n = GAIN_BLOCK as f32;
    StereoGains { left: (to.left - from.left) / n, right: (to.right - from.right) / n }
}

impl Ambience {
    /// The background around a listener who starts at `seat` (its voices
    /// stay where they are when the listener turns), with the shared
    /// `control` and `listener`.
    pub fn new(control: AmbienceControl, listener: SharedListener, seat: ListenerPose, seed: u64) -> Self {
        let mut chance = Chance::new(sub_seed(seed, 0xA3B1));
        let voices = (0..MAX_BACKGROUND_VOICES)
            .map(|k| {
                // Spread round the sides and back: people at other tables,
                // in the corridor, behind a screen; none straight ahead,
                // where the scenario's own people are.
                let azimuth =
                    (70.0 + 220.0 * (k as f32 + chance.unit()) / MAX_BACKGROUND_VOICES as f32).to_radians();
                let distance = chance.between(2.5, 6.0);
                BackgroundVoice {
                    talker: DistantTalker::new(sub_seed(seed, 0xB000 + k as u64)),
                    at: seat.relative(distance * azimuth.cos(), distance * azimuth.sin(), 1.3),
                    gains: StereoGains { left: 0.0, right: 0.0 },
                    step: StereoGains { left: 0.0, right: 0.0 },
                    wanted: false,
                }
            })
            .collect();
        let tone = [0, 1].map(|ear| RoomTone {
            chance: Chance::new(sub_seed(seed, 0xC000 + ear)),
            dark: OnePole::new(250.0),
        });
        Ambience {
            control,
            listener,
            seat,
            seed,
            chance,
            voices,
            tone,
            incidents: Vec::with_capacity(MAX_INCIDENTS),
            incidents_started: 0,
            until_incident: None,
            noise: 0.0,
            level: 0.0,
            level_step: 0.0,
            until_block: 0,
            pending_right: None,
        }
    }

    fn next_block(&mut self) {
        self.until_block = GAIN_BLOCK;
        let (noise, crowding) = self.control.get();
        let changed = noise != self.noise;
        self.noise = noise;
        // A level change swells or settles over a block rather than jumping.
        self.level_step = (background_gain(noise) - self.level) / GAIN_BLOCK as f32;
        if noise <= 0.0 {
            self.until_incident = None;
        } else if changed || self.until_incident.is_none() {
            // Waits are memoryless, so drawing afresh at the new rate is
            // fair, and a level stepped up gets busy at once rather than
            // after a wait drawn at the quiet rate.
            self.until_incident = Some(self.incident_wait());
        }
        let count = background_voices(crowding);
        let pose = self.listener.try_get();
        for (k, v) in self.voices.iter_mut().enumerate() {
            v.wanted = k < count;
            let target = match (v.wanted, pose) {
                (false, _) => StereoGains { left: 0.0, right: 0.0 },
                (true, Some(pose)) => stereo_gains(&pose, v.at),
                // The pose is being written: keep the ears as they are.
                (true, None) => v.gains,
            };
            v.step = glide(v.gains, target);
        }
        self.incidents.retain(|i| i.sound.remaining() > 0);
        for i in &mut self.incidents {
            let target = pose.map_or(i.gains, |pose| stereo_gains(&pose, i.at));
            i.step = glide(i.gains, target);
        }
    }

    /// Frames until the next incidental sound, as chance has it at this noise.
    fn incident_wait(&mut self) -> usize {
        let per_minute = INCIDENTS_PER_MINUTE_AT_FULL_NOISE * self.noise;
        let seconds = -(1.0 - self.chance.unit()).ln() * 60.0 / per_minute.max(1e-3);
        samples(seconds.clamp(0.5, 3_600.0))
    }

    fn start_incident(&mut self) {
        self.until_incident = Some(self.incident_wait());
        if self.incidents.len() >= MAX_INCIDENTS {
            return;
        }
        let c = &mut self.chance;
        let (cue, millis) = match c.below(3) {
            0 => (StressCue::KeyboardTyping, (c.between(1.0, 3.5) * 1_000.0) as u64),
            1 => (StressCue::Notification, StressCue::Notification.default_millis()),
            // A door pulled shut, not slammed.
            _ => (StressCue::DoorSlam, StressCue::DoorSlam.default_millis()),
        };
        // A busier room is a little less careful, too.
        let intensity = match cue {
            StressCue::DoorSlam => c.between(0.1, 0.3) + 0.2 * self.noise,
            _ => c.between(0.4, 0.6) + 0.3 * self.noise,
        };
        // Anywhere but straight ahead, a few metres off.
        let azimuth = c.between(40.0, 320.0).to_radians();
        let distance = c.between(2.5, 5.0);
        let at = self.seat.relative(distance * azimuth.cos(), distance * azimuth.sin(), 0.9);
        self.incidents_started += 1;
        let seed = sub_seed(self.seed, 0xD000 + self.incidents_started);
        let sound = CueSound::new(cue, intensity, seed).millis(millis).source();
        let gains =
            self.listener.try_get().map_or(StereoGains { left: 0.0, right: 0.0 }, |p| stereo_gains(&p, at));
        self.incidents.push(Incident { sound, at, gains, step: StereoGains { left: 0.0, right: 0.0 } });
    }
}

impl Iterator for Ambience {
    type Item = Sample;

    #[inline]
    fn next(&mut self) -> Option<Sample> {
        if let Some(right) = self.pending_right.take() {
            return Some(right);
        }
        if self.until_block == 0 {
            self.next_block();
        }
        self.until_block -= 1;
        match &mut self.until_incident {
            Some(0) => self.start_incident(),
            Some(n) => *n -= 1,
            None => {}
        }
        self.level += self.level_step;
        let (mut left, mut right) = (0.0, 0.0);
        for v in &mut self.voices {
            v.gains.left += v.step.left;
            v.gains.right += v.step.right;
            // A voice out of the room (and faded) costs nothing.
            if !v.wanted && v.gains.left <= 1e-6 && v.gains.right <= 1e-6 {
                continue;
            }
            let x = v.talker.next();
            left += x * v.gains.left;
            right += x * v.gains.right;
        }
        let [tl, tr] = &mut self.tone;
        // The voices sit a few metres off; the room tone is everywhere.
        left += 0.4 * tl.dark.run(tl.chance.noise());
        right += 0.4 * tr.dark.run(tr.chance.noise());
        let level = self.level;
        let (mut extra_left, mut extra_right) = (0.0, 0.0);
        for i in &mut self.incidents {
            i.gains.left += i.step.left;
            i.gains.right += i.step.right;
            let x = i.sound.next().unwrap_or(0.0);
            extra_left += x * i.gains.left;
            extra_right += x * i.gains.right;
        }
        // Incidents have their own loudness (their intensity); the noise
        // level sets only how often they come.
        self.pending_right = Some(level * right + extra_right);
        Some(level * left + extra_left)
    }
}

impl Source for Ambience {
    fn current_span_len(&self) -> Option<usize> {
        None
    }

    fn channels(&self) -> ChannelCount {
        STEREO
    }

    fn sample_rate(&self) -> SampleRate {
        sample_rate()
    }

    fn total_duration(&self) -> Option<Duration> {
        None
    }
}

/// The clinician's master volume for what the participant hears, from 0
/// (silent) to 1 (as mixed), shared with the audio thread. Set on the
/// frame thread, read once per sample: a change is heard at once, without
/// a click (it is ramped over 10 ms).
#[derive(Debug, Clone)]
pub struct MasterVolume(Arc<AtomicU32>);

impl Default for MasterVolume {
    fn default() -> Self {
        MasterVolume(Arc::new(AtomicU32::new(1.0f32.to_bits())))
    }
}

impl MasterVolume {
    pub fn set(&self, volume: f32) {
        self.0.store(clamp_unit(volume).to_bits(), Ordering::Relaxed);
    }

    pub fn get(&self) -> f32 {
        f32::from_bits(self.0.load(Ordering::Relaxed))
    }

    /// `source` (stereo, the live mix) at this volume.
    pub fn applied_to<S: Source>(&self, source: S) -> AtVolume<S> {
        AtVolume { inner: source, volume: self.clone(), now: self.get(), step: 1.0 / (0.01 * SAMPLE_RATE_F) }
    }
}

const SAMPLE_RATE_F: f32 = super::SAMPLE_RATE as f32;

/// What the participant hears of the live `mix`: at the clinician's
/// volume, then through the limiter. The one chain from the mixer to a
/// device, and to a test's ears.
pub fn to_the_ears<S: Source>(mix: S, volume: &MasterVolume) -> super::limiter::Limited<AtVolume<S>> {
    super::limiter::Limited::new(volume.applied_to(mix))
}

/// A source at the master volume.
pub struct AtVolume<S> {
    inner: S,
    volume: MasterVolume,
    /// The gain applied now, moving towards the volume set.
    now: f32,
    step: f32,
}

impl<S: Source> Iterator for AtVolume<S> {
    type Item = Sample;

    fn next(&mut self) -> Option<Sample> {
        let x = self.inner.next()?;
        let target = self.volume.get();
        self.now += (target - self.now).clamp(-self.step, self.step);
        Some(x * self.now)
    }
}

impl<S: Source> Source for AtVolume<S> {
    fn current_span_len(&self) -> Option<usize> {
        self.inner.current_span_len()
    }

    fn channels(&self) -> ChannelCount {
        self.inner.channels()
    }

    fn sample_rate(&self) -> SampleRate {
        self.inner.sample_rate()
    }

    fn total_duration(&self) -> Option<Duration> {
        self.inner.total_duration()
    }
}

/// The shell's front to live sound: a mixer (from rodio's device sink, or
/// any `rodio::mixer::mixer`), the listener's pose, and the background.
/// Every method is cheap enough for the frame thread.
pub struct LiveSound {
    mixer: Mixer,
    listener: SharedListener,
    ambience: AmbienceControl,
    seed: u64,
    started: u64,
}

impl LiveSound {
    /// Starts the (silent until told) background on `mixer`, around a
    /// listener at `pose`. `seed` makes every cue after it replayable.
    pub fn new(mixer: Mixer, pose: ListenerPose, seed: u64) -> Self {
        let listener = SharedListener::new(pose);
        let ambience = AmbienceControl::default();
        mixer.add(Ambience::new(ambience.clone(), listener.clone(), pose, seed));
        LiveSound { mixer, listener, ambience, seed, started: 0 }
    }

    /// Call every frame with the head's pose.
    pub fn set_listener(&self, pose: ListenerPose) {
        self.listener.set(pose);
    }

    pub fn listener(&self) -> &SharedListener {
        &self.listener
    }

    /// From the session's `Ambience { noise, crowding }` output.
    pub fn set_ambience(&self, noise: f32, crowding: f32) {
        self.ambience.set(noise, crowding);
    }

    /// Starts a stress cue at `at` (from the session's `CueStarted`; see
    /// [`SoundStage`](super::SoundStage) for where and in whose voice).
    /// Nothing is synthesised here: the mixer pulls the samples later.
    pub fn start_cue(&mut self, cue: StressCue, intensity: f32, voice: Voice, at: Position) -> CueHandle {
        let sound = CueSound::new(cue, intensity, self.next_seed()).voice(voice);
        self.play_at(sound.source(), at)
    }

    /// A seed for the next cue's synthesis: each cue its own, and the same
    /// sequence for the same run seed.
    pub fn next_seed(&mut self) -> u64 {
        self.started += 1;
        sub_seed(self.seed, self.started)
    }

    /// Plays any source (a recorded line, say) from `at`.
    pub fn play_at<S: Source + Send + 'static>(&self, source: S, at: Position) -> CueHandle {
        let cue = SpatialCue::new(source, at, self.listener.clone());
        let handle = cue.handle();
        self.mixer.add(cue);
        handle
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::sound::SAMPLE_RATE;

    fn pull(source: &mut impl Iterator<Item = f32>, frames: usize) -> (Vec<f32>, Vec<f32>) {
        let (mut l, mut r) = (Vec::new(), Vec::new());
        for _ in 0..frames {
            match (source.next(), source.next()) {
                (Some(a), Some(b)) => {
                    l.push(a);
                    r.push(b);
                }
                _ => break,
            }
        }
        (l, r)
    }

    #[test]
    fn the_master_volume_scales_the_mix_at_once_and_without_a_step() {
        let (mixer, out) = rodio::mixer::mixer(STEREO, sample_rate());
        let live = LiveSound::new(mixer, ListenerPose::default(), 3);
        live.set_ambience(0.8, 0.8);
        let volume = MasterVolume::default();
        let mut heard = volume.applied_to(out);
        let (full, _) = pull(&mut heard, SAMPLE_RATE as usize / 2);
        volume.set(0.25);
        let (ramp, _) = pull(&mut heard, SAMPLE_RATE as usize / 100);
        let (quarter, _) = pull(&mut heard, SAMPLE_RATE as usize / 2);
        let rms = |xs: &[f32]| (energy(xs) / xs.len() as f32).sqrt();
        let ratio = rms(&quarter) / rms(&full);
        // The murmur is noise: half a second each, within a few per cent.
        assert!((0.2..0.3).contains(&ratio), "a quarter of the level: {ratio}");
        // The ramp never jumps by more than its step between samples.
        assert!(ramp.windows(2).all(|w| (w[1] - w[0]).abs() < 0.2), "no click");
        volume.set(7.0);
        assert_eq!(volume.get(), 1.0, "never above the mix");
    }

    fn energy(xs: &[f32]) -> f32 {
        xs.iter().map(|x| x * x).sum()
    }

    #[test]
    fn a_cue_follows_the_head_as_it_turns() {
        let listener = SharedListener::new(ListenerPose::default());
        // Facing +z, a source at -x is on the right.
        let at = Position::new(-2.0, 1.2, 0.0);
        let sound = CueSound::new(StressCue::PhoneRinging, 1.0, 1).source();
        let mut cue = SpatialCue::new(sound, at, listener.clone());
        let (l, r) = pull(&mut cue, 24_000);
        assert!(energy(&r) > 20.0 * energy(&l), "right {} left {}", energy(&r), energy(&l));
        // Turn round: now it is on the left.
        listener.set(ListenerPose { yaw_degrees: 180.0, ..ListenerPose::default() });
        let _ = pull(&mut cue, 2 * GAIN_BLOCK);
        let (l, r) = pull(&mut cue, 24_000);
        assert!(energy(&l) > 20.0 * energy(&r), "right {} left {}", energy(&r), energy(&l));
    }

    #[test]
    fn a_stopped_cue_fades_and_ends() {
        let listener = SharedListener::new(ListenerPose::default());
        let sound = CueSound::new(StressCue::OfficeMurmur, 1.0, 1).source();
        let mut cue = SpatialCue::new(sound, Position::new(0.0, 1.2, 2.0), listener);
        let handle = cue.handle();
        let _ = pull(&mut cue, 48_000);
        assert!(!handle.has_finished());
        handle.stop();
        let (l, _) = pull(&mut cue, 48_000);
        let fade = samples(STOP_FADE_SECONDS);
        assert!(l.len() <= fade + GAIN_BLOCK + 1, "played {} frames after the stop", l.len());
        assert!(handle.has_finished());
    }

    #[test]
    fn cues_play_through_a_rodio_mixer() {
        let (mixer, mut out) = rodio::mixer::mixer(STEREO, sample_rate());
        let mut live = LiveSound::new(mixer, ListenerPose::default(), 3);
        live.set_ambience(0.5, 0.5);
        let right_of_me = Position::new(-1.5, 1.2, 0.0);
        let handle = live.start_cue(StressCue::DoorSlam, 1.0, Voice::default(), right_of_me);
        let (l, r) = pull(&mut out, SAMPLE_RATE as usize / 2);
        assert_eq!(l.len(), SAMPLE_RATE as usize / 2, "the mixer kept playing");
        assert!(energy(&r) > 4.0 * energy(&l), "right {} left {}", energy(&r), energy(&l));
        let _ = pull(&mut out, SAMPLE_RATE as usize);
        assert!(handle.has_finished());
    }

    #[test]
    fn more_crowding_more_voices_more_noise_louder() {
        let level = |noise: f32, crowding: f32| {
            let control = AmbienceControl::default();
            control.set(noise, crowding);
            let pose = ListenerPose::default();
            let mut a = Ambience::new(control, SharedListener::new(pose), pose, 5);
            let (l, r) = pull(&mut a, 10 * SAMPLE_RATE as usize);
            ((energy(&l) + energy(&r)) / (2.0 * l.len() as f32)).sqrt()
        };
        let quiet = level(0.1, 0.0);
        let loud = level(0.6, 0.0);
        let crowded = level(0.6, 1.0);
        println!("ambience rms: noise 0.1 {quiet:.4}, noise 0.6 {loud:.4}, noise 0.6 crowded {crowded:.4}");
        assert!(loud > 3.0 * quiet && crowded > 1.4 * loud);
        assert_eq!(level(0.0, 1.0), 0.0);
    }
}
