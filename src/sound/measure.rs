//! Measures of rendered sound that a listener would notice: how loud, how
//! many distinct events, and how strong a given tone is. Tests use them to
//! check that a harder level sounds harder; a report can print them.

use super::StereoBuffer;

/// Integrated loudness of a stereo buffer in LUFS, as a loudness meter
/// reads it (EBU R 128 after ITU-R BS.1770: K-weighted, gated at −70 LUFS
/// and at 10 LU under the level of what is left). Unlike RMS, it weighs
/// frequencies as hearing does and leaves out the silences between cues,
/// so two levels compare by what a listener hears. `None` where nothing
/// is left after the gates (silence, or less than one 400 ms block).
pub fn integrated_lufs(sound: &StereoBuffer) -> Option<f64> {
    let mut meter = ebur128::EbuR128::new(2, sound.sample_rate, ebur128::Mode::I).ok()?;
    meter.add_frames_f32(&sound.samples).ok()?;
    meter.loudness_global().ok().filter(|l| l.is_finite())
}

/// Root-mean-square level of samples (0 for none).
pub fn rms(samples: &[f32]) -> f32 {
    if samples.is_empty() {
        return 0.0;
    }
    let sum: f64 = samples.iter().map(|&x| f64::from(x) * f64::from(x)).sum();
    (sum / samples.len() as f64).sqrt() as f32
}

/// Largest absolute sample.
pub fn peak(samples: &[f32]) -> f32 {
    samples.iter().fold(0.0, |m, x| m.max(x.abs()))
}

/// Amplitude of the sinusoid at `hz` in `samples` (Goertzel's single-bin
/// DFT): a steady tone of amplitude `a` there measures about `a`, sounds
/// elsewhere next to nothing.
pub fn tone_amplitude(samples: &[f32], sample_rate: u32, hz: f32) -> f32 {
    if samples.is_empty() {
        return 0.0;
    }
    let w = std::f64::consts::TAU * f64::from(hz) / f64::from(sample_rate);
    let coeff = 2.0 * w.cos();
    let (mut s1, mut s2) = (0.0f64, 0.0f64);
    for &x in samples {
        let s0 = f64::from(x) + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    let power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    (2.0 * power.max(0.0).sqrt() / samples.len() as f64) as f32
}

/// How onsets are found: see [`onsets`].
#[derive(Debug, Clone, Copy)]
pub struct OnsetSettings {
    /// Length of one loudness frame, seconds.
    pub frame_seconds: f32,
    /// How far back the "recent loudness" reaches, seconds.
    pub memory_seconds: f32,
    /// How much louder than recently a frame must be, dB.
    pub rise_db: f32,
    /// Frames quieter than this (dBFS) are never onsets: too faint to notice.
    pub floor_db: f32,
    /// Shortest gap between two onsets, seconds.
    pub refractory_seconds: f32,
}

impl Default for OnsetSettings {
    fn default() -> Self {
        OnsetSettings {
            frame_seconds: 0.01,
            memory_seconds: 0.25,
            rise_db: 8.0,
            floor_db: -50.0,
            refractory_seconds: 0.08,
        }
    }
}

/// Times (seconds) at which something new starts: a frame clearly louder
/// than the recent past, and loud enough to notice. A click, a ring, a
/// slam, the first syllable after a pause; not the steady rise and fall of
/// a murmur where many voices overlap.
pub fn onsets(samples: &[f32], sample_rate: u32, settings: &OnsetSettings) -> Vec<f32> {
    let frame = ((settings.frame_seconds * sample_rate as f32) as usize).max(1);
    let energies: Vec<f32> = samples.chunks(frame).map(|c| rms(c).powi(2)).collect();
    let memory = ((settings.memory_seconds / settings.frame_seconds) as usize).max(1);
    let rise = 10f32.powf(settings.rise_db / 10.0);
    let floor = 10f32.powf(settings.floor_db / 10.0);
    let refractory = (settings.refractory_seconds / settings.frame_seconds).ceil() as usize;
    let mut found = Vec::new();
    let mut last: Option<usize> = None;
    for i in 1..energies.len() {
        let from = i.saturating_sub(memory);
        let recent = energies[from..i].iter().sum::<f32>() / (i - from) as f32;
        let e = energies[i];
        let clear = e > floor && e > recent * rise && e > energies[i - 1];
        if clear && last.is_none_or(|l| i - l >= refractory) {
            found.push(i as f32 * settings.frame_seconds);
            last = Some(i);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sine_both_ears(amplitude: f32, hz: f32, seconds: f32) -> StereoBuffer {
        let rate = 48_000;
        let frames = (seconds * rate as f32) as usize;
        let samples = (0..frames)
            .flat_map(|i| {
                let x = amplitude * (std::f32::consts::TAU * hz * i as f32 / rate as f32).sin();
                [x, x]
            })
            .collect();
        StereoBuffer { sample_rate: rate, samples }
    }

    #[test]
    fn integrated_loudness_reads_a_reference_tone_as_the_standard_says() {
        // BS.1770's calibration: a 997 Hz sine at 0 dBFS in both channels
        // reads 0 LUFS, so one at −20 dBFS (amplitude 0.1) reads −20.
        let l = integrated_lufs(&sine_both_ears(0.1, 997.0, 5.0)).unwrap();
        assert!((l + 20.0).abs() < 0.1, "{l}");
        // Twice the amplitude is 6 dB louder.
        let louder = integrated_lufs(&sine_both_ears(0.2, 997.0, 5.0)).unwrap();
        assert!((louder - l - 6.02).abs() < 0.1, "{louder} against {l}");
        // K-weighting hears a low hum as quieter than a tone at 1 kHz: its
        // high-pass takes about 4.6 dB off at 50 Hz, far more at 20 Hz.
        let hum = integrated_lufs(&sine_both_ears(0.1, 50.0, 5.0)).unwrap();
        assert!((l - hum - 4.6).abs() < 0.5, "{hum} against {l}");
        let rumble = integrated_lufs(&sine_both_ears(0.1, 20.0, 5.0)).unwrap();
        assert!(rumble < hum - 6.0, "{rumble} against {hum}");
        // Silence, and less than one gating block, have no loudness.
        assert_eq!(integrated_lufs(&StereoBuffer::silent(48_000 * 5)), None);
        assert_eq!(integrated_lufs(&sine_both_ears(0.1, 997.0, 0.2)), None);
    }

    #[test]
    fn tone_amplitude_finds_a_tone_and_not_its_neighbours() {
        let rate = 48_000;
        let xs: Vec<f32> = (0..rate)
            .map(|i| 0.5 * (std::f32::consts::TAU * 1_000.0 * i as f32 / rate as f32).sin())
            .collect();
        let at = tone_amplitude(&xs, rate, 1_000.0);
        let off = tone_amplitude(&xs, rate, 1_100.0);
        assert!((at - 0.5).abs() < 0.01, "{at}");
        assert!(off < 0.005, "{off}");
    }

    #[test]
    fn clicks_in_silence_are_onsets_and_a_steady_hum_is_not() {
        let rate = 48_000;
        let mut xs = vec![0.0f32; rate as usize * 2];
        for k in 0..5 {
            let at = (k as f32 * 0.3 + 0.1) as f64;
            let start = (at * f64::from(rate)) as usize;
            for j in 0..200 {
                xs[start + j] = 0.5 * (-(j as f32) / 40.0).exp();
            }
        }
        assert_eq!(onsets(&xs, rate, &OnsetSettings::default()).len(), 5);
        let hum: Vec<f32> = (0..rate * 2).map(|i| 0.3 * (0.05 * i as f32).sin()).collect();
        assert!(onsets(&hum, rate, &OnsetSettings::default()).is_empty(), "a steady hum has no onsets");
        let faint: Vec<f32> = xs.iter().map(|x| x * 0.001).collect();
        assert!(onsets(&faint, rate, &OnsetSettings::default()).is_empty(), "too faint to notice");
    }
}
