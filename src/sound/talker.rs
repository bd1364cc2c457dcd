//! A synthetic talker: speech-like babble without words.
//!
//! There is no text-to-speech here, and a stress cue does not need words:
//! what makes a remark feel sharp is a raised, swinging pitch, hard
//! consonants and quick, loud syllables. So a talker is a vocal-fold pulse
//! train at a speaking pitch (with some breath noise), shaped by vowel
//! formants that change every syllable, cut into syllables and phrases by
//! an envelope. Many quiet, breathy talkers make an office murmur.

use super::dsp::{Biquad, Chance, OnePole, RATE, glottal_flow, samples, smooth_step};

/// A middle speaking pitch, Hz, for a voice with `pitch: 1.0`: between
/// typical men's (about 110 Hz) and women's (about 200 Hz) voices.
pub const MEAN_SPEAKING_PITCH_HZ: f32 = 150.0;

/// First and second formants of a handful of vowels (Hz, average adult):
/// enough variety that syllables sound like changing speech.
const VOWELS: [(f32, f32); 6] =
    [(730.0, 1_090.0), (530.0, 1_840.0), (290.0, 2_250.0), (570.0, 850.0), (320.0, 900.0), (660.0, 1_700.0)];

/// How someone speaks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Manner {
    /// Mean fundamental, Hz.
    pub pitch_hz: f32,
    /// Syllables a second while speaking.
    pub syllables_per_second: f32,
    /// How far the pitch swings from syllable to syllable (fraction).
    pub intonation: f32,
    /// 0 = fully voiced, 1 = whispered.
    pub breathiness: f32,
    /// Fraction of a syllable spent rising: short is sharp and clipped.
    pub attack: f32,
    /// Loudness of the consonant burst before a vowel, relative to it.
    pub consonants: f32,
    /// Syllables per phrase, least and most.
    pub phrase: (usize, usize),
    /// Pause between phrases, seconds, least and most.
    pub pause: (f32, f32),
    /// The first syllable of a phrase is stressed: louder and higher.
    pub stress: f32,
}

impl Manner {
    /// Someone speaking sharply: raised pitch with wide swings, clipped
    /// syllables, hard consonants, short breaths between phrases.
    pub(crate) fn sharp(pitch: f32, rate: f32) -> Self {
        Manner {
            pitch_hz: MEAN_SPEAKING_PITCH_HZ * pitch.clamp(0.5, 2.0) * 1.15,
            syllables_per_second: 5.5 * rate.clamp(0.5, 2.0),
            intonation: 0.28,
            breathiness: 0.08,
            attack: 0.12,
            consonants: 0.7,
            phrase: (4, 9),
            pause: (0.12, 0.3),
            stress: 0.35,
        }
    }

    /// Someone talking in the background: relaxed, breathier, even.
    pub(crate) fn chatting(pitch: f32) -> Self {
        Manner {
            pitch_hz: MEAN_SPEAKING_PITCH_HZ * pitch.clamp(0.5, 2.0),
            syllables_per_second: 4.2,
            intonation: 0.12,
            breathiness: 0.35,
            attack: 0.3,
            consonants: 0.35,
            phrase: (3, 10),
            pause: (0.2, 0.9),
            stress: 0.15,
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Talker {
    manner: Manner,
    chance: Chance,
    /// Higher voices come from shorter vocal tracts: formants move up a little.
    formant_scale: f32,
    phase: f32,
    last_flow: f32,
    f1: Biquad,
    f2: Biquad,
    f3: Biquad,
    hiss: Biquad,
    /// Takes the buzz off the pulse train's top end.
    soften: OnePole,
    // The syllable (or pause) being spoken.
    length: usize,
    at: usize,
    pause: bool,
    peak: f32,
    pitch_from: f32,
    pitch_to: f32,
    consonant: usize,
    left_in_phrase: usize,
}

impl Talker {
    pub(crate) fn new(manner: Manner, seed: u64) -> Self {
        let relative = manner.pitch_hz / MEAN_SPEAKING_PITCH_HZ;
        let mut t = Talker {
            manner,
            chance: Chance::new(seed),
            formant_scale: 1.0 + 0.15 * (relative - 1.0).clamp(-0.5, 1.0),
            phase: 0.0,
            last_flow: 0.0,
            f1: Biquad::band_pass(500.0, 6.0),
            f2: Biquad::band_pass(1_500.0, 9.0),
            f3: Biquad::band_pass(2_600.0 * (1.0 + 0.1 * (relative - 1.0)), 10.0),
            hiss: Biquad::high_pass(3_200.0, 0.9),
            soften: OnePole::new(4_000.0),
            length: 0,
            at: 0,
            // As if after a breath, so the first syllable opens a phrase.
            pause: true,
            peak: 1.0,
            pitch_from: manner.pitch_hz,
            pitch_to: manner.pitch_hz,
            consonant: 0,
            left_in_phrase: 0,
        };
        t.start_phrase();
        t.next_syllable();
        t
    }

    /// Starts straight on a stressed syllable at full effort: the talker
    /// cuts in rather than easing in (an interruption).
    pub(crate) fn cut_in(mut self) -> Self {
        self.pause = false;
        self.peak = 1.0;
        self.consonant = samples(0.025);
        self
    }

    fn start_phrase(&mut self) {
        let (lo, hi) = self.manner.phrase;
        self.left_in_phrase = lo + self.chance.below(hi.saturating_sub(lo) + 1);
    }

    fn next_syllable(&mut self) {
        self.at = 0;
        if self.left_in_phrase == 0 && !self.pause {
            // A breath between phrases.
            self.pause = true;
            let (lo, hi) = self.manner.pause;
            self.length = samples(self.chance.between(lo, hi)).max(1);
            self.start_phrase();
            return;
        }
        // Coming out of a breath starts a phrase.
        let first = self.pause;
        self.pause = false;
        self.left_in_phrase = self.left_in_phrase.saturating_sub(1);
        let m = self.manner;
        let mean = RATE / m.syllables_per_second;
        self.length = (mean * self.chance.between(0.6, 1.4)) as usize;
        let stressed = first || self.chance.unit() < 0.2;
        let lift = if stressed { 1.0 + m.stress } else { 1.0 };
        self.peak = self.chance.between(0.55, 0.85) * if stressed { 1.0 / 0.85 } else { 1.0 };
        self.pitch_from = self.pitch_to;
        self.pitch_to = m.pitch_hz * lift * (1.0 + m.intonation * self.chance.between(-1.0, 1.0));
        if first {
            self.pitch_from = self.pitch_to;
        }
        // Formants change while the sound is silent, so the jump cannot click.
        let (v1, v2) = VOWELS[self.chance.below(VOWELS.len())];
        self.f1.set_band_pass(v1 * self.formant_scale, 6.0);
        self.f2.set_band_pass(v2 * self.formant_scale, 9.0);
        self.consonant = if self.chance.unit() < 0.7 { samples(self.chance.between(0.015, 0.05)) } else { 0 };
    }

    #[inline]
    pub(crate) fn next(&mut self) -> f32 {
        if self.at >= self.length {
            self.next_syllable();
        }
        let i = self.at;
        self.at += 1;
        if self.pause {
            // The breath is silent. The formants are left as they are (the
            // next syllable fades in over whatever is left in them) rather
            // than rung down into denormal numbers, which are slow.
            return 0.0;
        }
        let m = self.manner;
        let x = i as f32 / self.length as f32;
        // The vowel starts after the consonant, and ends softly.
        let vowel_x =
            (i.saturating_sub(self.consonant)) as f32 / (self.length - self.consonant).max(1) as f32;
        let envelope = self.peak * smooth_step(vowel_x / m.attack) * smooth_step((1.0 - vowel_x) / 0.35);
        let pitch = self.pitch_from + (self.pitch_to - self.pitch_from) * smooth_step(x);
        self.phase += pitch / RATE;
        if self.phase >= 1.0 {
            self.phase -= 1.0;
        }
        let flow = glottal_flow(self.phase);
        // The change in airflow is what sounds; scaled so its size does
        // not depend on the pitch.
        let voiced = (flow - self.last_flow) * (RATE / pitch) * 0.25;
        self.last_flow = flow;
        let breath = self.chance.noise();
        let source = self.soften.run(voiced * (1.0 - m.breathiness) + breath * m.breathiness * 0.6);
        let vowel = self.f1.run(source) + 0.6 * self.f2.run(source) + 0.25 * self.f3.run(source);
        let consonant = if i < self.consonant {
            let c = i as f32 / self.consonant as f32;
            self.hiss.run(breath) * m.consonants * self.peak * (1.0 - c) * smooth_step(c * 8.0)
        } else {
            0.0
        };
        vowel * envelope * 2.2 + consonant
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rms(xs: &[f32]) -> f32 {
        (xs.iter().map(|x| x * x).sum::<f32>() / xs.len() as f32).sqrt()
    }

    #[test]
    fn talker_speaks_in_syllables_with_pauses() {
        let mut t = Talker::new(Manner::sharp(1.0, 1.0), 9);
        let xs: Vec<f32> = (0..samples(4.0)).map(|_| t.next()).collect();
        // Loudness in 10 ms frames: syllables and gaps alternate.
        let frames: Vec<f32> = xs.chunks(480).map(rms).collect();
        let loud = frames.iter().cloned().fold(0.0, f32::max);
        let quiet = frames.iter().filter(|&&f| f < loud * 0.1).count();
        let voiced = frames.iter().filter(|&&f| f > loud * 0.3).count();
        assert!(loud > 0.05 && loud < 1.0, "loudest frame {loud}");
        assert!(quiet > frames.len() / 20, "{quiet} quiet frames of {}", frames.len());
        assert!(voiced > frames.len() / 4, "{voiced} voiced frames of {}", frames.len());
    }
}
