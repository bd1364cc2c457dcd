//! The calming pause's tone: a soft, low hum that swells while breathing
//! in and ebbs while breathing out, at the pace the breathing guide shows
//! (both read `session::breathing::Pace`, so sight and sound never drift
//! apart). Made sample by sample on the audio thread, like the cues.

use std::time::Duration;

use rodio::{ChannelCount, SampleRate, Source};

use super::{MONO, SAMPLE_RATE, db_to_gain, sample_rate};
use crate::session::breathing::Pace;

/// The hum's note with the lungs empty: G3, low and unobtrusive.
pub const BREATHING_TONE_HZ: f32 = 196.0;
/// How far the note rises with a full breath (a whole tone): the ear
/// hears the in-breath go up and the out-breath come down.
const RISE: f32 = 0.12;
/// Loudest at the top of the in-breath. A cue's remark from a seat
/// sits around -20 dBFS; this stays well under the room.
pub const BREATHING_TONE_PEAK_DBFS: f32 = -26.0;
/// What is left of it at the bottom of the out-breath, so the hum thins
/// out rather than stopping and starting.
const FLOOR: f32 = 0.15;

/// The tone for one pace of breathing, as a mono source.
#[derive(Debug, Clone)]
pub struct BreathingTone {
    pace: Pace,
    frame: u64,
    length: u64,
    phase: f32,
}

impl BreathingTone {
    pub fn new(pace: Pace) -> Self {
        let length = pace.total_millis() * u64::from(SAMPLE_RATE) / 1000;
        BreathingTone { pace, frame: 0, length, phase: 0.0 }
    }
}

impl Iterator for BreathingTone {
    type Item = f32;

    fn next(&mut self) -> Option<f32> {
        if self.frame >= self.length {
            return None;
        }
        let millis = self.frame * 1000 / u64::from(SAMPLE_RATE);
        let full = self.pace.fullness(millis);
        let hz = BREATHING_TONE_HZ * (1.0 + RISE * full);
        self.phase = (self.phase + hz / SAMPLE_RATE as f32).fract();
        let angle = std::f32::consts::TAU * self.phase;
        // A soft fifth above keeps it from sounding like a test tone.
        let voice = angle.sin() + 0.25 * (1.5 * angle).sin();
        // Fades in and out over the first and last half second, so it
        // neither clicks on nor cuts off.
        let edge = ((self.frame.min(self.length - self.frame)) as f32 / (0.5 * SAMPLE_RATE as f32)).min(1.0);
        let gain = db_to_gain(BREATHING_TONE_PEAK_DBFS) / 1.25 * (FLOOR + (1.0 - FLOOR) * full) * edge;
        self.frame += 1;
        Some(voice * gain)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = (self.length - self.frame) as usize;
        (left, Some(left))
    }
}

impl Source for BreathingTone {
    fn current_span_len(&self) -> Option<usize> {
        None
    }

    fn channels(&self) -> ChannelCount {
        MONO
    }

    fn sample_rate(&self) -> SampleRate {
        sample_rate()
    }

    fn total_duration(&self) -> Option<Duration> {
        Some(Duration::from_millis(self.pace.total_millis()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Breathing;
    use crate::sound::{gain_to_db, measure};

    fn correlation(a: &[f32], b: &[f32]) -> f32 {
        let mean = |x: &[f32]| x.iter().sum::<f32>() / x.len() as f32;
        let (ma, mb) = (mean(a), mean(b));
        let cov: f32 = a.iter().zip(b).map(|(x, y)| (x - ma) * (y - mb)).sum();
        let var = |x: &[f32], m: f32| x.iter().map(|v| (v - m) * (v - m)).sum::<f32>();
        cov / (var(a, ma) * var(b, mb)).sqrt()
    }

    #[test]
    fn the_tone_swells_with_each_in_breath_and_ebbs_with_each_out_breath() {
        let pace = Pace::of(&Breathing::default());
        let samples: Vec<f32> = BreathingTone::new(pace).collect();
        assert_eq!(samples.len() as u64, pace.total_millis() * 48);
        // Loudness in 100 ms windows against how full the guide says the
        // lungs are: the two rise and fall together.
        let window = (SAMPLE_RATE / 10) as usize;
        let (mut loud, mut full) = (Vec::new(), Vec::new());
        for (i, chunk) in samples.chunks_exact(window).enumerate() {
            loud.push(measure::rms(chunk));
            full.push(pace.fullness(i as u64 * 100 + 50));
        }
        let r = correlation(&loud[5..loud.len() - 5], &full[5..full.len() - 5]);
        assert!(r > 0.95, "loudness follows the breath: r = {r}");
        // Soft: its loudest stays near its stated peak, far under full scale.
        let peak = gain_to_db(measure::peak(&samples));
        assert!(peak < BREATHING_TONE_PEAK_DBFS + 1.0 && peak > BREATHING_TONE_PEAK_DBFS - 3.0, "{peak}");
        // No click at either end.
        assert!(samples[0].abs() < 1e-3 && samples[samples.len() - 1].abs() < 1e-3);
    }

    #[test]
    fn the_note_rises_with_the_in_breath_and_falls_with_the_out_breath() {
        let pace = Pace::of(&Breathing::default());
        let samples: Vec<f32> = BreathingTone::new(pace).collect();
        // 200 ms around a moment (in ms from the start).
        let around = |ms: usize| &samples[(ms - 100) * 48..(ms + 100) * 48];
        let (low, high) = (BREATHING_TONE_HZ, BREATHING_TONE_HZ * (1.0 + RISE));
        let strength = |ms: usize, hz: f32| measure::tone_amplitude(around(ms), SAMPLE_RATE, hz);
        // Lungs empty at 10 s (the second in-breath begins), full at 14 s.
        assert!(strength(10_000, low) > 2.0 * strength(10_000, high));
        assert!(strength(14_000, high) > 2.0 * strength(14_000, low));
    }
}
