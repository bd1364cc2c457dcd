//! Small signal-processing parts the cue synths are built from: seeded
//! noise, resonant filters, and the glottal pulse behind synthetic voices.
//!
//! Everything runs one sample at a time with a few floats of state, so a
//! sound can be started on the frame thread for free and rendered on the
//! audio thread as it plays.

use std::f32::consts::TAU;

use crate::session::rng::SessionRng;

use super::SAMPLE_RATE;

/// Samples per second as a float, for the filter formulas.
pub(crate) const RATE: f32 = SAMPLE_RATE as f32;

/// Sample count for a length in seconds.
pub(crate) fn samples(seconds: f32) -> usize {
    (seconds.max(0.0) * RATE) as usize
}

/// Linear gain for a level in decibels.
pub fn db_to_gain(db: f32) -> f32 {
    10f32.powf(db / 20.0)
}

/// Level in decibels of a linear gain (floored at -200 dB for silence).
pub fn gain_to_db(gain: f32) -> f32 {
    20.0 * gain.abs().max(1e-10).log10()
}

/// Derives an independent seed for part `part` of something seeded with
/// `seed`: each voice or click stream gets its own stream of chance, and
/// adding one never shifts the others.
pub(crate) fn sub_seed(seed: u64, part: u64) -> u64 {
    SessionRng::new(seed ^ part.wrapping_mul(0xA076_1D64_78BD_642F)).next_u64()
}

/// The project's seeded generator, with the few draws synths need.
#[derive(Debug, Clone)]
pub(crate) struct Chance(SessionRng);

impl Chance {
    pub(crate) fn new(seed: u64) -> Self {
        Chance(SessionRng::new(seed))
    }

    /// Uniform in [0, 1).
    pub(crate) fn unit(&mut self) -> f32 {
        self.0.unit() as f32
    }

    /// Uniform in [lo, hi).
    pub(crate) fn between(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * self.unit()
    }

    /// White noise in [-1, 1).
    pub(crate) fn noise(&mut self) -> f32 {
        // The top 24 bits are plenty for audio and cheaper than a float divide.
        ((self.0.next_u64() >> 40) as f32) * (2.0 / (1u64 << 24) as f32) - 1.0
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0.below(n)
    }
}

/// A second-order filter (the audio-EQ-cookbook forms), in transposed
/// direct form II so coefficients can change between samples.
#[derive(Debug, Clone, Default)]
pub(crate) struct Biquad {
    b0: f32,
    b1: f32,
    b2: f32,
    a1: f32,
    a2: f32,
    s1: f32,
    s2: f32,
}

impl Biquad {
    /// Passes a band around `hz` with a peak gain of one; `q` sets how
    /// narrow (a vowel's formant is around 5 to 10).
    pub(crate) fn band_pass(hz: f32, q: f32) -> Self {
        let mut f = Biquad::default();
        f.set_band_pass(hz, q);
        f
    }

    pub(crate) fn set_band_pass(&mut self, hz: f32, q: f32) {
        let (cos, alpha) = Self::angle(hz, q);
        let a0 = 1.0 + alpha;
        self.b0 = alpha / a0;
        self.b1 = 0.0;
        self.b2 = -alpha / a0;
        self.a1 = -2.0 * cos / a0;
        self.a2 = (1.0 - alpha) / a0;
    }

    pub(crate) fn low_pass(hz: f32, q: f32) -> Self {
        let (cos, alpha) = Self::angle(hz, q);
        let a0 = 1.0 + alpha;
        let b1 = (1.0 - cos) / a0;
        Biquad {
            b0: b1 / 2.0,
            b1,
            b2: b1 / 2.0,
            a1: -2.0 * cos / a0,
            a2: (1.0 - alpha) / a0,
            ..Default::default()
        }
    }

    pub(crate) fn high_pass(hz: f32, q: f32) -> Self {
        let (cos, alpha) = Self::angle(hz, q);
        let a0 = 1.0 + alpha;
        let b0 = (1.0 + cos) / 2.0 / a0;
        Biquad {
            b0,
            b1: -2.0 * b0,
            b2: b0,
            a1: -2.0 * cos / a0,
            a2: (1.0 - alpha) / a0,
            ..Default::default()
        }
    }

    fn angle(hz: f32, q: f32) -> (f32, f32) {
        // Kept below Nyquist: a pitch-scaled formant must not fold over.
        let w = TAU * hz.clamp(10.0, RATE * 0.45) / RATE;
        (w.cos(), w.sin() / (2.0 * q.max(0.1)))
    }

    #[inline]
    pub(crate) fn run(&mut self, x: f32) -> f32 {
        let y = self.b0 * x + self.s1;
        self.s1 = self.b1 * x - self.a1 * y + self.s2;
        self.s2 = self.b2 * x - self.a2 * y;
        y
    }
}

/// A one-pole low-pass: cheap smoothing for envelopes and a gentle
/// darkening for distant sound.
#[derive(Debug, Clone)]
pub(crate) struct OnePole {
    k: f32,
    y: f32,
}

impl OnePole {
    pub(crate) fn new(hz: f32) -> Self {
        OnePole { k: 1.0 - (-TAU * hz / RATE).exp(), y: 0.0 }
    }

    #[inline]
    pub(crate) fn run(&mut self, x: f32) -> f32 {
        self.y += self.k * (x - self.y);
        self.y
    }
}

/// Per-sample factor for an exponential decay that falls to 1/e in `seconds`.
pub(crate) fn decay_per_sample(seconds: f32) -> f32 {
    (-1.0 / (seconds.max(1e-4) * RATE)).exp()
}

/// A smooth fade from 0 to 1 as `x` goes from 0 to 1 (flat at both ends):
/// gating a tone with it avoids the click of a hard edge. A cubic rather
/// than a raised cosine: the same shape to the ear, and it runs per sample
/// in every voice, where a cosine would be the dearest thing in the loop.
#[inline]
pub(crate) fn smooth_step(x: f32) -> f32 {
    let x = x.clamp(0.0, 1.0);
    x * x * (3.0 - 2.0 * x)
}

/// The airflow of one vocal-fold cycle at `phase` in [0, 1) (Rosenberg's
/// polynomial pulse): opening smoothly for 40 % of the cycle, closing
/// faster over 16 %, shut for the rest. Its change from sample to sample is
/// the voice's excitation.
#[inline]
pub(crate) fn glottal_flow(phase: f32) -> f32 {
    const OPEN: f32 = 0.4;
    const CLOSE: f32 = 0.16;
    if phase < OPEN {
        smooth_step(phase / OPEN)
    } else if phase < OPEN + CLOSE {
        let y = (phase - OPEN) / CLOSE;
        1.0 - y * y
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Steady-state amplitude of a filter's answer to a sine at `hz`.
    fn response(mut f: Biquad, hz: f32) -> f32 {
        let n = samples(0.5);
        let mut peak = 0.0f32;
        for i in 0..n {
            let y = f.run((TAU * hz * i as f32 / RATE).sin());
            if i > n / 2 {
                peak = peak.max(y.abs());
            }
        }
        peak
    }

    #[test]
    fn band_pass_passes_its_centre_and_damps_elsewhere() {
        let at = response(Biquad::band_pass(1_000.0, 5.0), 1_000.0);
        let off = response(Biquad::band_pass(1_000.0, 5.0), 3_000.0);
        assert!((0.95..1.05).contains(&at), "centre gain {at}");
        assert!(off < 0.2, "gain two octaves off {off}");
        let lp = response(Biquad::low_pass(500.0, 0.707), 4_000.0);
        let hp = response(Biquad::high_pass(4_000.0, 0.707), 500.0);
        assert!(lp < 0.03 && hp < 0.03, "low-pass {lp}, high-pass {hp}");
    }

    #[test]
    fn noise_is_centred_and_spans_the_range() {
        let mut c = Chance::new(3);
        let xs: Vec<f32> = (0..100_000).map(|_| c.noise()).collect();
        let mean = xs.iter().sum::<f32>() / xs.len() as f32;
        let (lo, hi) = xs.iter().fold((1.0f32, -1.0f32), |(lo, hi), &x| (lo.min(x), hi.max(x)));
        assert!(mean.abs() < 0.01, "mean {mean}");
        assert!(lo < -0.999 && hi > 0.999 && lo >= -1.0 && hi < 1.0, "range {lo}..{hi}");
    }

    #[test]
    fn sub_seeds_differ_per_part() {
        assert_ne!(sub_seed(1, 0), sub_seed(1, 1));
        assert_ne!(sub_seed(1, 0), sub_seed(2, 0));
        assert_eq!(sub_seed(5, 7), sub_seed(5, 7));
    }
}
