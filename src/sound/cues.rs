//! One synthesised sound per stress cue, as a mono rodio [`Source`].
//!
//! Nothing is recorded or downloaded: every cue is built from seeded noise,
//! tones and a synthetic talker, so the same seed gives the same samples
//! bit for bit (a rendered session can be compared with a golden one) and
//! a scenario can ask for any intensity. Intensity (0..1) sets loudness
//! over a 20 dB range and, where it means something, density: how fast
//! keys are struck, how many people murmur, how insistently a phone rings.
//!
//! A [`CueSource`] does its work as it is pulled, a sample at a time, so
//! creating one costs next to nothing on the frame thread (a murmur
//! allocates its few voices; nothing is synthesised until it is pulled).
//!
//! Why one file of about 650 lines: every cue is built from the same few
//! generators (noise, ring tones, the talker), and their levels are tuned
//! against each other; a sixth of it is tests.

use std::f32::consts::TAU;
use std::sync::Arc;
use std::time::Duration;

use rodio::{ChannelCount, Sample, SampleRate, Source};

use super::dsp::{
    Biquad, Chance, OnePole, RATE, db_to_gain, decay_per_sample, samples, smooth_step, sub_seed,
};
use super::talker::{Manner, Talker};
use super::{MONO, SAMPLE_RATE, sample_rate};
use crate::scenario::{StressCue, Voice};

/// The two tones an office desk phone rings with, sounded together (Hz).
/// A major-third-and-a-bit apart, so the pair beats and sounds urgent.
pub const PHONE_RING_TONES_HZ: [f32; 2] = [1_000.0, 1_330.0];

/// The two notes of a message chime, rising (E6, A6; Hz).
pub const NOTIFICATION_NOTES_HZ: [f32; 2] = [1_318.5, 1_760.0];

/// Every cue fades out over this long at its end rather than stopping dead.
const END_FADE_SECONDS: f32 = 0.03;

/// What to synthesise: a cue at an intensity, for a voice, from a seed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CueSound {
    pub cue: StressCue,
    /// 0 (barely noticeable) .. 1 (as strong as it gets).
    pub intensity: f32,
    /// The voice of whoever makes a spoken cue (remark, interruption).
    pub voice: Voice,
    /// How long the cue lasts.
    pub millis: u64,
    pub seed: u64,
}

impl CueSound {
    /// The cue at its default length, in an average voice.
    pub fn new(cue: StressCue, intensity: f32, seed: u64) -> Self {
        CueSound { cue, intensity, voice: Voice::default(), millis: cue.default_millis(), seed }
    }

    pub fn voice(mut self, voice: Voice) -> Self {
        self.voice = voice;
        self
    }

    pub fn millis(mut self, millis: u64) -> Self {
        self.millis = millis;
        self
    }

    /// The sound, ready to be pulled sample by sample.
    pub fn source(&self) -> CueSource {
        CueSource::new(self)
    }
}

/// Loudness for an intensity: 0 is 20 dB below 1, so "barely noticeable"
/// is still heard over a quiet room and 1 is as loud as the cue gets.
pub fn intensity_gain(intensity: f32) -> f32 {
    db_to_gain(-20.0 * (1.0 - clamp_unit(intensity)))
}

/// An intensity or other fraction held to 0..1 (a NaN counts as 0).
pub(crate) fn clamp_unit(x: f32) -> f32 {
    if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) }
}

/// A synthesised stress cue: mono, 48 kHz, finite.
#[derive(Debug, Clone)]
pub struct CueSource {
    synth: Synth,
    at: usize,
    length: usize,
    gain: f32,
}

#[derive(Debug, Clone)]
enum Synth {
    Silence,
    Phone(PhoneRing),
    Murmur(Murmur),
    Typing(Typing),
    Door(DoorSlam),
    Sigh(Sigh),
    Chime(Chime),
    Speech(Talker),
    Rustle(SleeveRustle),
    /// The author's recording, from its start, again from the top if the
    /// cue lasts longer than it.
    Recorded(Arc<[f32]>),
}

impl CueSource {
    fn new(sound: &CueSound) -> Self {
        let intensity = clamp_unit(sound.intensity);
        let seed = sub_seed(sound.seed, sound.cue as u64);
        let voice = sound.voice;
        let synth = match sound.cue {
            StressCue::SilentStare => Synth::Silence,
            StressCue::PhoneRinging => Synth::Phone(PhoneRing::new(intensity)),
            StressCue::OfficeMurmur => Synth::Murmur(Murmur::new(intensity, samples_of(sound.millis), seed)),
            StressCue::KeyboardTyping => Synth::Typing(Typing::new(intensity, seed)),
            StressCue::DoorSlam => Synth::Door(DoorSlam::new(intensity, seed)),
            StressCue::Sigh => Synth::Sigh(Sigh::new(samples_of(sound.millis), seed)),
            StressCue::Notification => Synth::Chime(Chime::new()),
            StressCue::CriticalRemark => {
                Synth::Speech(Talker::new(Manner::sharp(voice.pitch, voice.rate), seed))
            }
            StressCue::Interruption => {
                Synth::Speech(Talker::new(Manner::sharp(voice.pitch, voice.rate), seed).cut_in())
            }
            StressCue::WatchCheck => Synth::Rustle(SleeveRustle::new(samples_of(sound.millis), seed)),
        };
        let length = if matches!(synth, Synth::Silence) { 0 } else { samples_of(sound.millis) };
        CueSource { synth, at: 0, length, gain: cue_gain(sound.cue, intensity) }
    }

    /// The author's recording of a cue (mono, 48 kHz, its peak at 1; see
    /// [`CueRecordings`](super::recorded::CueRecordings)) in place of its
    /// synthesis, for `millis`. It peaks where the synthesis would at the
    /// same intensity, so an intensity means the same loudness whichever
    /// plays, and an author need not level their files.
    pub fn recorded(cue: StressCue, samples: Arc<[f32]>, intensity: f32, millis: u64) -> Self {
        let length = if samples.is_empty() { 0 } else { samples_of(millis) };
        CueSource { synth: Synth::Recorded(samples), at: 0, length, gain: cue_gain(cue, intensity) }
    }

    /// Samples left to play.
    pub fn remaining(&self) -> usize {
        self.length - self.at
    }
}

/// Peak loudness of each cue at full intensity, one metre away, in dB: a
/// door slam is the loudest thing in an office, a sleeve the faintest.
fn full_intensity_db(cue: StressCue) -> f32 {
    match cue {
        StressCue::SilentStare => 0.0,
        StressCue::PhoneRinging => -9.0,
        StressCue::OfficeMurmur => -10.0,
        StressCue::KeyboardTyping => -10.0,
        StressCue::DoorSlam => -1.0,
        StressCue::Sigh => -12.0,
        StressCue::Notification => -12.0,
        StressCue::CriticalRemark => -6.0,
        StressCue::Interruption => -4.0,
        StressCue::WatchCheck => -24.0,
    }
}

/// A cue's gain at an intensity: its full-intensity peak, less up to 20 dB.
fn cue_gain(cue: StressCue, intensity: f32) -> f32 {
    db_to_gain(full_intensity_db(cue)) * intensity_gain(intensity)
}

fn samples_of(millis: u64) -> usize {
    (millis as usize).saturating_mul(SAMPLE_RATE as usize) / 1_000
}

impl Iterator for CueSource {
    type Item = Sample;

    #[inline]
    fn next(&mut self) -> Option<Sample> {
        if self.at >= self.length {
            return None;
        }
        let i = self.at;
        self.at += 1;
        let x = match &mut self.synth {
            Synth::Silence => 0.0,
            Synth::Phone(s) => s.next(i),
            Synth::Murmur(s) => s.next(i),
            Synth::Typing(s) => s.next(),
            Synth::Door(s) => s.next(i),
            Synth::Sigh(s) => s.next(i),
            Synth::Chime(s) => s.next(i),
            Synth::Speech(s) => s.next(),
            Synth::Rustle(s) => s.next(i),
            Synth::Recorded(s) => s[i % s.len()],
        };
        let fade = smooth_step((self.length - i) as f32 / (END_FADE_SECONDS * RATE));
        Some(x * self.gain * fade)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining(), Some(self.remaining()))
    }
}

impl Source for CueSource {
    fn current_span_len(&self) -> Option<usize> {
        // One format from start to end.
        None
    }

    fn channels(&self) -> ChannelCount {
        MONO
    }

    fn sample_rate(&self) -> SampleRate {
        sample_rate()
    }

    fn total_duration(&self) -> Option<Duration> {
        Some(Duration::from_secs_f64(self.length as f64 / RATE as f64))
    }
}

/// A decaying level, set to zero once far below hearing.
#[inline]
fn flush(x: f32) -> f32 {
    if x.abs() < 1e-9 { 0.0 } else { x }
}

// ---------------------------------------------------------------- phone

/// A desk phone: both tones together in a double ring (on, off, on), then
/// a pause that shortens as intensity grows, so the phone sounds more
/// insistent rather than only louder.
#[derive(Debug, Clone)]
struct PhoneRing {
    cycle: usize,
    phases: [f32; 2],
}

impl PhoneRing {
    const RING: f32 = 0.4;
    const GAP: f32 = 0.2;
    /// Edges this soft keep the spectrum clean around the two tones.
    const EDGE: f32 = 0.01;

    fn new(intensity: f32) -> Self {
        let pause = 2.0 - 1.0 * intensity;
        PhoneRing { cycle: samples(2.0 * Self::RING + Self::GAP + pause), phases: [0.0; 2] }
    }

    fn next(&mut self, i: usize) -> f32 {
        let t = (i % self.cycle) as f32 / RATE;
        let gate = |start: f32| {
            let x = t - start;
            if (0.0..Self::RING).contains(&x) {
                smooth_step(x / Self::EDGE) * smooth_step((Self::RING - x) / Self::EDGE)
            } else {
                0.0
            }
        };
        let on = gate(0.0) + gate(Self::RING + Self::GAP);
        let mut sum = 0.0;
        for (phase, hz) in self.phases.iter_mut().zip(PHONE_RING_TONES_HZ) {
            *phase = (*phase + hz / RATE).fract();
            sum += (TAU * *phase).sin();
        }
        0.5 * on * sum
    }
}

// ---------------------------------------------------------------- murmur

/// A talker at a distance: breathy, relaxed, with the top end muffled.
#[derive(Debug, Clone)]
pub(crate) struct DistantTalker {
    talker: Talker,
    muffle: Biquad,
}

impl DistantTalker {
    pub(crate) fn new(seed: u64) -> Self {
        let mut chance = Chance::new(seed);
        // Voices from deep to high, so a group does not sound like one person.
        let pitch = chance.between(0.7, 1.4);
        DistantTalker {
            talker: Talker::new(Manner::chatting(pitch), sub_seed(seed, 1)),
            muffle: Biquad::low_pass(chance.between(1_800.0, 3_000.0), 0.7),
        }
    }

    #[inline]
    pub(crate) fn next(&mut self) -> f32 {
        self.muffle.run(self.talker.next())
    }
}

/// Colleagues talking among themselves: more voices as intensity grows,
/// swelling in and dying away over the cue.
#[derive(Debug, Clone)]
struct Murmur {
    voices: Vec<DistantTalker>,
    length: usize,
    swell: usize,
}

impl Murmur {
    fn new(intensity: f32, length: usize, seed: u64) -> Self {
        let n = 2 + (4.0 * intensity).round() as u64;
        let voices = (0..n).map(|k| DistantTalker::new(sub_seed(seed, 100 + k))).collect();
        Murmur { voices, length, swell: samples(1.5).min(length / 3).max(1) }
    }

    fn next(&mut self, i: usize) -> f32 {
        let sum: f32 = self.voices.iter_mut().map(DistantTalker::next).sum();
        let envelope = smooth_step(i as f32 / self.swell as f32)
            * smooth_step((self.length - i) as f32 / self.swell as f32);
        // Voices add up in power, not amplitude.
        sum * envelope / (self.voices.len() as f32).sqrt()
    }
}

// ---------------------------------------------------------------- typing

/// Someone typing: short clicks in bursts of a word, a louder, lower space
/// bar between words. Keys come faster as intensity grows.
#[derive(Debug, Clone)]
struct Typing {
    chance: Chance,
    keys_per_second: f32,
    until_next: usize,
    left_in_word: usize,
    click: f32,
    click_decay: f32,
    colour: Biquad,
    thock: f32,
    thock_decay: f32,
    thock_phase: f32,
    thock_hz: f32,
}

impl Typing {
    fn new(intensity: f32, seed: u64) -> Self {
        let mut chance = Chance::new(seed);
        let until_next = samples(chance.between(0.0, 0.2));
        Typing {
            keys_per_second: 4.0 + 8.0 * intensity,
            left_in_word: 3 + chance.below(5),
            chance,
            until_next,
            click: 0.0,
            click_decay: decay_per_sample(0.0015),
            colour: Biquad::band_pass(3_000.0, 2.0),
            thock: 0.0,
            thock_decay: decay_per_sample(0.008),
            thock_phase: 0.0,
            thock_hz: 200.0,
        }
    }

    fn strike(&mut self) {
        let space = self.left_in_word == 0;
        let c = &mut self.chance;
        let strength = c.between(0.6, 1.0);
        self.click = strength * if space { 0.7 } else { 1.0 };
        self.thock = strength * if space { 0.8 } else { 0.35 };
        self.thock_hz = if space { c.between(120.0, 150.0) } else { c.between(180.0, 260.0) };
        // Each key sits in a different place on the board and sounds a little different.
        self.colour.set_band_pass(c.between(2_200.0, 4_500.0), 2.0);
        let beat = 1.0 / self.keys_per_second;
        let wait = if space {
            self.left_in_word = 2 + c.below(6);
            // A short think between words.
            beat + c.between(0.1, 0.45)
        } else {
            self.left_in_word -= 1;
            beat * c.between(0.5, 1.5)
        };
        self.until_next = samples(wait).max(1);
    }

    fn next(&mut self) -> f32 {
        if self.until_next == 0 {
            self.strike();
        }
        self.until_next -= 1;
        let noise = self.chance.noise();
        let click = self.colour.run(noise * self.click);
        self.thock_phase = (self.thock_phase + self.thock_hz / RATE).fract();
        let thock = (TAU * self.thock_phase).sin() * self.thock;
        // Decays end at zero, not in denormal numbers, which are slow.
        self.click = flush(self.click * self.click_decay);
        self.thock = flush(self.thock * self.thock_decay);
        click * 2.5 + thock * 0.5
    }
}

// ---------------------------------------------------------------- door

/// A door slammed shut: a low thump whose pitch drops as the frame takes the
/// blow, a noise crack, and the door rattling a few times as it settles.
#[derive(Debug, Clone)]
struct DoorSlam {
    chance: Chance,
    phase: f32,
    crack: Biquad,
    rattle: Biquad,
    rattles: [usize; 3],
    rattle_env: f32,
}

impl DoorSlam {
    fn new(intensity: f32, seed: u64) -> Self {
        let mut chance = Chance::new(seed);
        let rattles = [
            samples(chance.between(0.06, 0.09)),
            samples(chance.between(0.12, 0.17)),
            samples(chance.between(0.2, 0.28)),
        ];
        DoorSlam {
            // A harder slam is brighter.
            crack: Biquad::low_pass(1_200.0 + 1_800.0 * intensity, 0.7),
            rattle: Biquad::band_pass(chance.between(700.0, 1_000.0), 4.0),
            rattles,
            rattle_env: 0.0,
            chance,
            phase: 0.0,
        }
    }

    fn next(&mut self, i: usize) -> f32 {
        let t = i as f32 / RATE;
        let hz = 45.0 + 45.0 * (-t / 0.05).exp();
        self.phase = (self.phase + hz / RATE).fract();
        let onset = smooth_step(t / 0.002);
        let thump = (TAU * self.phase).sin() * (-t / 0.15).exp() * onset;
        let noise = self.chance.noise();
        let crack = self.crack.run(noise) * (-t / 0.04).exp() * onset;
        if let Some(k) = self.rattles.iter().position(|&at| at == i) {
            self.rattle_env = 0.35 / (k + 1) as f32;
        }
        let rattle = self.rattle.run(noise) * self.rattle_env;
        self.rattle_env = flush(self.rattle_env * 0.9985);
        0.8 * thump + 0.9 * crack + rattle
    }
}

// ---------------------------------------------------------------- sigh

/// An audible sigh: a short in-breath, then a long out-breath ("haah")
/// through an open vowel's formants, rising fast and fading slowly.
#[derive(Debug, Clone)]
struct Sigh {
    chance: Chance,
    length: usize,
    inhale: Biquad,
    f1: Biquad,
    f2: Biquad,
    breathe_out_at: usize,
}

impl Sigh {
    fn new(length: usize, seed: u64) -> Self {
        let mut chance = Chance::new(seed);
        let formant_shift = chance.between(0.9, 1.15);
        Sigh {
            length,
            inhale: Biquad::band_pass(1_800.0, 1.2),
            f1: Biquad::band_pass(650.0 * formant_shift, 3.0),
            f2: Biquad::band_pass(1_150.0 * formant_shift, 4.0),
            breathe_out_at: length * 3 / 10,
            chance,
        }
    }

    fn next(&mut self, i: usize) -> f32 {
        let noise = self.chance.noise();
        if i < self.breathe_out_at {
            let x = i as f32 / self.breathe_out_at as f32;
            // The in-breath is quiet and swells towards its end.
            let env = 0.25 * smooth_step(x * 1.5) * smooth_step((1.0 - x) * 6.0);
            return self.inhale.run(noise) * env * 2.5;
        }
        let x = (i - self.breathe_out_at) as f32 / (self.length - self.breathe_out_at).max(1) as f32;
        let env = smooth_step(x * 12.0) * (1.0 - x).powi(2);
        (self.f1.run(noise) + 0.7 * self.f2.run(noise)) * env * 4.0
    }
}

// ---------------------------------------------------------------- chime

/// A message chime: two bell-like notes, the second a little later and
/// higher, each with a faint inharmonic partial that makes it a bell.
#[derive(Debug, Clone)]
struct Chime {
    second_at: usize,
}

impl Chime {
    fn new() -> Self {
        Chime { second_at: samples(0.13) }
    }

    fn note(hz: f32, t: f32) -> f32 {
        if t < 0.0 {
            return 0.0;
        }
        let env = smooth_step(t / 0.003) * (-t / 0.18).exp();
        ((TAU * hz * t).sin() + 0.2 * (TAU * hz * 2.76 * t).sin()) * env
    }

    fn next(&mut self, i: usize) -> f32 {
        let t = i as f32 / RATE;
        let t2 = (i as f32 - self.second_at as f32) / RATE;
        0.6 * (Self::note(NOTIFICATION_NOTES_HZ[0], t) + Self::note(NOTIFICATION_NOTES_HZ[1], t2))
    }
}

// ---------------------------------------------------------------- watch

/// Someone pulling back a sleeve to look at their watch and letting it
/// fall: two soft swishes of fabric noise, grainy rather than smooth.
#[derive(Debug, Clone)]
struct SleeveRustle {
    chance: Chance,
    length: usize,
    fabric: Biquad,
    grain: OnePole,
}

impl SleeveRustle {
    fn new(length: usize, seed: u64) -> Self {
        let mut chance = Chance::new(seed);
        SleeveRustle {
            fabric: Biquad::band_pass(chance.between(3_000.0, 4_500.0), 0.8),
            grain: OnePole::new(60.0),
            length,
            chance,
        }
    }

    fn next(&mut self, i: usize) -> f32 {
        let x = i as f32 / self.length.max(1) as f32;
        // Sleeve up over the first quarter, down again after a look.
        let swish = |from: f32, to: f32| {
            let y = (x - from) / (to - from);
            if (0.0..1.0).contains(&y) { (std::f32::consts::PI * y).sin() } else { 0.0 }
        };
        let env = swish(0.0, 0.25) + 0.7 * swish(0.6, 0.8);
        let noise = self.chance.noise();
        // Cloth crackles: the loudness jitters many times a second.
        let grain = 0.4 + 2.0 * self.grain.run(self.chance.unit()).max(0.0) * self.chance.unit();
        self.fabric.run(noise) * env * grain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(sound: CueSound) -> Vec<f32> {
        sound.source().collect()
    }

    fn rms(xs: &[f32]) -> f32 {
        if xs.is_empty() {
            return 0.0;
        }
        (xs.iter().map(|x| x * x).sum::<f32>() / xs.len() as f32).sqrt()
    }

    fn peak(xs: &[f32]) -> f32 {
        xs.iter().fold(0.0, |m, x| m.max(x.abs()))
    }

    #[test]
    fn every_cue_lasts_its_length_and_stays_in_range() {
        for cue in StressCue::ALL {
            let xs = render(CueSound::new(cue, 1.0, 4));
            let expected = if cue == StressCue::SilentStare { 0 } else { samples_of(cue.default_millis()) };
            assert_eq!(xs.len(), expected, "{cue:?}");
            let (p, r) = (peak(&xs), rms(&xs));
            println!(
                "{:16} peak {:6.3} ({:6.1} dB)  rms {:6.3} ({:6.1} dB)",
                cue.name(),
                p,
                gain_db(p),
                r,
                gain_db(r)
            );
            assert!(xs.iter().all(|x| x.is_finite()), "{cue:?} has a non-finite sample");
            if cue != StressCue::SilentStare {
                assert!(p > 0.01 && p < 1.0, "{cue:?} peak {p}");
            }
        }
    }

    fn gain_db(g: f32) -> f32 {
        super::super::dsp::gain_to_db(g)
    }

    #[test]
    fn stronger_cues_are_louder() {
        for cue in StressCue::ALL.into_iter().filter(|&c| c != StressCue::SilentStare) {
            let soft = rms(&render(CueSound::new(cue, 0.2, 8)));
            let strong = rms(&render(CueSound::new(cue, 0.9, 8)));
            assert!(strong > soft * 2.0, "{cue:?}: rms {soft} at 0.2, {strong} at 0.9");
        }
    }

    #[test]
    fn same_seed_same_samples() {
        for cue in StressCue::ALL {
            let a = render(CueSound::new(cue, 0.7, 11));
            let b = render(CueSound::new(cue, 0.7, 11));
            assert!(a.iter().zip(&b).all(|(x, y)| x.to_bits() == y.to_bits()), "{cue:?}");
        }
        let a = render(CueSound::new(StressCue::KeyboardTyping, 0.7, 11));
        let b = render(CueSound::new(StressCue::KeyboardTyping, 0.7, 12));
        assert!(a != b);
    }

    /// Median pitch (Hz) of the louder 40 ms frames, each from the lag with
    /// the strongest self-similarity between 60 and 500 Hz.
    fn median_pitch(xs: &[f32]) -> f32 {
        let frame = 1_920;
        let loudest = xs.chunks(frame).map(rms).fold(0.0, f32::max);
        let mut pitches: Vec<f32> = xs
            .chunks_exact(frame)
            .filter(|c| rms(c) > 0.5 * loudest)
            .map(|c| {
                let score = |lag: usize| {
                    let (mut xy, mut yy) = (0.0, 0.0);
                    for i in 0..frame - lag {
                        xy += c[i] * c[i + lag];
                        yy += c[i + lag] * c[i + lag];
                    }
                    xy / yy.max(1e-12).sqrt()
                };
                let lag = (96..800).max_by(|&a, &b| score(a).total_cmp(&score(b))).unwrap_or(96);
                RATE / lag as f32
            })
            .collect();
        pitches.sort_by(f32::total_cmp);
        pitches[pitches.len() / 2]
    }

    #[test]
    fn a_higher_voice_speaks_higher() {
        let pitch = |pitch: f32| {
            let voice = Voice { pitch, rate: 1.0 };
            median_pitch(&render(CueSound::new(StressCue::CriticalRemark, 1.0, 3).voice(voice)))
        };
        let (deep, high) = (pitch(0.7), pitch(1.4));
        println!("median pitch: voice 0.7 {deep:.0} Hz, voice 1.4 {high:.0} Hz");
        // Loud syllables are the stressed, raised ones, so both sit above
        // the voices' mean pitch (121 and 242 Hz, raised 15 % for sharpness).
        assert!((100.0..200.0).contains(&deep), "deep voice at {deep} Hz");
        assert!(high > deep * 1.5, "deep {deep} Hz, high {high} Hz");
    }
}
