//! The last stage before the ears: a soft limiter that keeps the mix under
//! about −1 dBFS, the same for a rendered file and for the live sound.
//!
//! Why: the stress cues are designed at full scale, and a door slam close
//! by on top of a loud top level can add up past 0 dBFS. A headset's
//! output then clips hard, which is both harsher than the scenario asks
//! and startling in a way no author chose. Peaks are bent down smoothly
//! instead; everything under the knee passes untouched.

use rodio::Source;
use rodio::source::SeekError;
use std::time::Duration;

/// Level above which the limiter starts to bend peaks down.
pub const KNEE: f32 = 0.6;
/// The most any sample can reach (about −1 dBFS).
pub const CEILING: f32 = 0.89;
/// How fast the limiter lets go after a peak, seconds.
const RELEASE_SECONDS: f32 = 0.15;

/// The limiter's state: a peak follower (instant attack, slow release)
/// over both ears together, so the stereo image does not wander, and a
/// gain that bends the followed level smoothly into the ceiling.
#[derive(Debug, Clone)]
pub struct Limiter {
    release: f32,
    level: f32,
    /// Frames turned down so far.
    bent: u64,
}

impl Limiter {
    pub fn new(sample_rate: f32) -> Self {
        Limiter { release: (-1.0 / (RELEASE_SECONDS * sample_rate)).exp(), level: 0.0, bent: 0 }
    }

    /// One stereo frame, limited.
    pub fn frame(&mut self, left: f32, right: f32) -> (f32, f32) {
        let peak = left.abs().max(right.abs());
        self.level = peak.max(self.level * self.release);
        if self.level <= KNEE {
            return (left, right);
        }
        let room = CEILING - KNEE;
        let bent = (KNEE + room * ((self.level - KNEE) / room).tanh()).min(CEILING);
        let gain = bent / self.level;
        self.bent += 1;
        (left * gain, right * gain)
    }

    /// Interleaved stereo samples, limited in place.
    pub fn apply(&mut self, samples: &mut [f32]) {
        for frame in samples.chunks_exact_mut(2) {
            (frame[0], frame[1]) = self.frame(frame[0], frame[1]);
        }
    }
}

/// A live stereo source through the limiter (`Limited::new`).
pub struct Limited<S> {
    inner: S,
    limiter: Limiter,
    /// The right ear of the frame whose left ear went out last.
    right: Option<f32>,
}

impl<S: Source> Limited<S> {
    /// `inner` must be stereo, as every mix here is (`sound::STEREO`).
    pub fn new(inner: S) -> Self {
        debug_assert_eq!(inner.channels().get(), 2, "the limiter takes stereo");
        let limiter = Limiter::new(inner.sample_rate().get() as f32);
        Limited { inner, limiter, right: None }
    }

    /// How many frames the limiter has turned down so far.
    pub fn frames_bent(&self) -> u64 {
        self.limiter.bent
    }
}

impl<S: Source> Iterator for Limited<S> {
    type Item = f32;

    fn next(&mut self) -> Option<f32> {
        if let Some(right) = self.right.take() {
            return Some(right);
        }
        let left = self.inner.next()?;
        // A source that ends half-way through a frame: its last sample
        // counts as both ears.
        let right = self.inner.next();
        let (l, r) = self.limiter.frame(left, right.unwrap_or(left));
        self.right = right.map(|_| r);
        Some(l)
    }
}

impl<S: Source> Source for Limited<S> {
    fn current_span_len(&self) -> Option<usize> {
        self.inner.current_span_len()
    }

    fn channels(&self) -> rodio::ChannelCount {
        self.inner.channels()
    }

    fn sample_rate(&self) -> rodio::SampleRate {
        self.inner.sample_rate()
    }

    fn total_duration(&self) -> Option<Duration> {
        self.inner.total_duration()
    }

    fn try_seek(&mut self, _: Duration) -> Result<(), SeekError> {
        Err(SeekError::NotSupported { underlying_source: std::any::type_name::<Self>() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RATE: f32 = 48_000.0;

    #[test]
    fn it_holds_the_ceiling_and_leaves_quiet_sound_alone() {
        let input: Vec<f32> = (0..96_000).map(|i| 3.0 * (i as f32 * 0.05).sin()).collect();
        let mut loud = input.clone();
        Limiter::new(RATE).apply(&mut loud);
        let top = loud.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        assert!(top <= CEILING + 1e-6, "peak {top}");
        // Once settled, the wave is turned down, not squared off: the same
        // gain on every sample.
        let gains: Vec<f32> =
            input.iter().zip(&loud).skip(48_000).filter(|(x, _)| x.abs() > 0.5).map(|(x, y)| y / x).collect();
        let (lo, hi) = gains.iter().fold((f32::MAX, 0.0f32), |(lo, hi), &g| (lo.min(g), hi.max(g)));
        assert!(hi - lo < 0.01, "gain wanders {lo}..{hi}");
        let quiet: Vec<f32> = (0..96_000).map(|i| 0.5 * (i as f32 * 0.05).sin()).collect();
        let mut q = quiet.clone();
        Limiter::new(RATE).apply(&mut q);
        assert_eq!(q, quiet);
    }

    #[test]
    fn the_live_source_limits_exactly_as_the_render_does() {
        // A quiet start, a burst past full scale, a quiet end; the ears differ.
        let input: Vec<f32> = (0..48_000)
            .map(|i| {
                let loud = if (12_000..24_000).contains(&i) { 2.5 } else { 0.3 };
                let ear = if i % 2 == 0 { 1.0 } else { 0.7 };
                loud * ear * (i as f32 * 0.01).sin()
            })
            .collect();
        let mut rendered = input.clone();
        Limiter::new(RATE).apply(&mut rendered);
        let source = rodio::buffer::SamplesBuffer::new(
            crate::sound::STEREO,
            std::num::NonZero::new(48_000).unwrap(),
            input.clone(),
        );
        let live: Vec<f32> = Limited::new(source).collect();
        assert_eq!(live, rendered);
        assert!(live.iter().all(|x| x.abs() <= CEILING + 1e-6));
        assert_ne!(live, input, "the burst went through untouched");
    }
}
