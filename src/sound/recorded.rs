//! The author's own recordings of stress cues (`setting.sounds` in a
//! scenario): this office's phone, its door, its people talking.
//!
//! Each file is decoded once, when a run or a render starts, to mono at
//! 48 kHz, the format every other sound here is made in; a cue that has a
//! recording then plays it instead of its synthesis, from the same place
//! and at the same intensity. Decoding happens off the frame loop (before
//! the first frame), so a cue start still only hands a source to the mixer.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use rodio::Source;
use rodio::source::UniformSourceIterator;

use super::{SAMPLE_RATE, SoundError, sample_rate};
use crate::scenario::{Scenario, StressCue};

/// The longest recording a cue may have. Cues last seconds and a shorter
/// recording loops; this keeps a wrongly chosen hour-long file from
/// filling memory (an hour at 48 kHz is 660 MB of samples).
pub const MAX_RECORDING_SECONDS: u32 = 60;

/// The decoded recordings of one scenario, by cue. Cheap to clone: the
/// samples are shared.
#[derive(Debug, Clone, Default)]
pub struct CueRecordings(BTreeMap<StressCue, Arc<[f32]>>);

impl CueRecordings {
    /// Decodes every sound the scenario's setting names, relative to
    /// `base_dir` (the scenario file's folder), each scaled to peak at 1. A
    /// file that cannot be read is left out, so its cue falls back to
    /// synthesis, and is reported.
    pub fn load(scenario: &Scenario, base_dir: &Path) -> (CueRecordings, Vec<SoundError>) {
        let mut recordings = BTreeMap::new();
        let mut failures = Vec::new();
        for (cue, file) in &scenario.setting.sounds {
            match decode_mono(&base_dir.join(file)) {
                Ok(mut samples) => {
                    // Peak at 1: the cue's own level is set where it plays.
                    let peak = samples.iter().fold(0.0f32, |m, x| m.max(x.abs()));
                    samples.iter_mut().for_each(|x| *x /= peak);
                    recordings.insert(*cue, Arc::from(samples));
                }
                Err(e) => failures.push(e),
            }
        }
        (CueRecordings(recordings), failures)
    }

    /// The recording for a cue, if the author gave one.
    pub fn get(&self, cue: StressCue) -> Option<&Arc<[f32]>> {
        self.0.get(&cue)
    }
}

/// Why a file cannot be a cue's recording, without decoding all of it: the
/// checker's question (the format's header tells the kind and, mostly,
/// the length).
pub fn unreadable(path: &Path) -> Option<String> {
    match open(path) {
        Err(why) => Some(why),
        Ok(decoder) => decoder
            .total_duration()
            .is_some_and(|d| d.as_secs_f64() > f64::from(MAX_RECORDING_SECONDS))
            .then(too_long),
    }
}

fn too_long() -> String {
    format!(
        "it is longer than {MAX_RECORDING_SECONDS} seconds; a cue's recording should be a few seconds (a \
         shorter one repeats for as long as the cue lasts)"
    )
}

/// The file's sound as mono samples at 48 kHz, channels averaged.
pub fn decode_mono(path: &Path) -> Result<Vec<f32>, SoundError> {
    let bad = |why: String| SoundError::Recording { path: path.to_path_buf(), why };
    let decoder = open(path).map_err(bad)?;
    let channel_count = decoder.channels();
    let channels = usize::from(channel_count.get());
    let most = (MAX_RECORDING_SECONDS * SAMPLE_RATE) as usize;
    // Resampled first, channels kept, then averaged: rodio's channel
    // converter would keep only the first channel of a stereo file.
    let resampled = UniformSourceIterator::new(decoder, channel_count, sample_rate());
    let mut mono = Vec::new();
    let mut frame = Vec::with_capacity(channels);
    for x in resampled {
        frame.push(x);
        if frame.len() == channels {
            mono.push(frame.iter().sum::<f32>() / channels as f32);
            frame.clear();
            // Some files do not say their length up front.
            if mono.len() > most {
                return Err(bad(too_long()));
            }
        }
    }
    if mono.iter().all(|x| *x == 0.0) {
        return Err(bad("it is silent".into()));
    }
    Ok(mono)
}

/// A decoder for the file, or why there is none, in an author's words.
fn open(path: &Path) -> Result<rodio::Decoder<std::io::BufReader<File>>, String> {
    let file = File::open(path).map_err(|e| format!("it cannot be opened ({e})"))?;
    rodio::Decoder::try_from(file).map_err(|e| match e {
        rodio::decoder::DecoderError::UnrecognizedFormat => {
            "it is not a sound file this program reads (WAV or Ogg Vorbis)".into()
        }
        other => format!("it cannot be decoded ({other})"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sound::{StereoBuffer, write_wav};

    /// A stereo WAV at 24 kHz: a tone on the left, silence on the right.
    fn stereo_tone_at_24k(path: &Path, seconds: f32) {
        let frames = (seconds * 24_000.0) as usize;
        let mut samples = Vec::with_capacity(frames * 2);
        for i in 0..frames {
            samples.push(0.5 * (std::f32::consts::TAU * 440.0 * i as f32 / 24_000.0).sin());
            samples.push(0.0);
        }
        write_wav(path, &StereoBuffer { sample_rate: 24_000, samples }).unwrap();
    }

    #[test]
    fn a_stereo_file_at_another_rate_becomes_mono_at_48k_with_both_channels_heard() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tone.wav");
        stereo_tone_at_24k(&path, 0.5);
        let mono = decode_mono(&path).unwrap();
        // Half a second at 48 kHz, give or take the resampler's edges.
        assert!((mono.len() as i64 - 24_000).abs() < 100, "{} samples", mono.len());
        // The left channel's 0.5 peak, averaged with the silent right.
        let peak = mono.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        assert!((0.2..0.3).contains(&peak), "peak {peak}");
    }

    #[test]
    fn a_file_that_is_not_sound_or_is_too_long_is_refused_in_plain_words() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("notes.wav");
        std::fs::write(&text, "these are my notes, not a recording").unwrap();
        let why = unreadable(&text).unwrap();
        assert!(why.contains("not a sound file"), "{why}");
        assert!(decode_mono(&text).unwrap_err().to_string().contains("not a sound file"));

        let long = dir.path().join("long.wav");
        stereo_tone_at_24k(&long, MAX_RECORDING_SECONDS as f32 + 1.0);
        let why = unreadable(&long).unwrap();
        assert!(why.contains("longer than 60 seconds"), "{why}");
        let e = decode_mono(&long).unwrap_err().to_string();
        assert!(e.contains("longer than 60 seconds"), "{e}");
        let short = dir.path().join("short.wav");
        stereo_tone_at_24k(&short, 2.0);
        assert_eq!(unreadable(&short), None);
    }
}
