//! Sound: stress cues synthesised from seeded noise and tones, placed in the
//! room, mixed offline to a WAV file or played live through rodio's mixer.
//!
//! - `breathing`: the calming pause's tone, swelling and ebbing with the breath.
//! - `cues`: one synthesised mono source per [`StressCue`](crate::scenario::StressCue).
//! - `space`: listener pose and source position to a gain per ear.
//! - `live`: sources for the shell's audio thread: a cue that follows the
//!   listener's head, the background murmur, and a small front for both.
//! - `render`: a session's cues and ambience mixed offline into stereo.
//! - `wav`: 16-bit PCM files, written atomically, and read back for tests.
//! - `measure`: loudness, onsets and tone strength, for tests and reports.
//! - `recorded`: the author's own recordings of cues, decoded to play
//!   instead of the synthesis.
//!
//! No audio device is opened here and nothing is downloaded: the core
//! builds and tests without sound hardware, and the same seed gives the
//! same samples bit for bit.

pub mod breathing;
pub mod calibration;
pub mod cues;
mod dsp;
pub mod limiter;
pub mod live;
pub mod measure;
pub mod recorded;
pub mod render;
pub mod space;
mod talker;
pub mod wav;

use std::num::NonZero;
use std::path::PathBuf;

pub use cues::{CueSound, CueSource, NOTIFICATION_NOTES_HZ, PHONE_RING_TONES_HZ, intensity_gain};
pub use dsp::{db_to_gain, gain_to_db};
pub use live::{
    Ambience, AmbienceControl, AtVolume, CueHandle, LiveSound, MasterVolume, SharedListener, SpatialCue,
    to_the_ears,
};
pub use render::{SoundStage, render_outputs, render_soundscape, session_outputs};
pub use space::{ListenerPose, Position, StereoGains, stereo_gains};
pub use talker::MEAN_SPEAKING_PITCH_HZ;
pub use wav::{read_wav, write_wav};

/// Every sound here is made at 48 kHz, the rate headsets play at; rodio's
/// mixer converts if a device wants another.
pub const SAMPLE_RATE: u32 = 48_000;

pub(crate) const MONO: rodio::ChannelCount = NonZero::<u16>::MIN;
pub(crate) const STEREO: rodio::ChannelCount = match NonZero::new(2) {
    Some(n) => n,
    None => unreachable!(),
};

pub(crate) fn sample_rate() -> rodio::SampleRate {
    NonZero::new(SAMPLE_RATE).unwrap_or(NonZero::<u32>::MIN)
}

#[derive(Debug, thiserror::Error)]
pub enum SoundError {
    #[error(transparent)]
    Session(#[from] crate::session::SessionError),
    BadLength(f32),
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `why` is the decoder's or checker's reason, in English.
    Recording {
        path: PathBuf,
        why: String,
    },
    NotWav {
        path: PathBuf,
        why: &'static str,
    },
}

impl crate::words::Explain for SoundError {
    fn explain(&self, lang: crate::words::Lang) -> String {
        use crate::w;
        let shown = |p: &PathBuf| p.display().to_string();
        match self {
            SoundError::Session(e) => crate::words::Explain::explain(e, lang),
            SoundError::BadLength(seconds) => {
                // As Rust writes an f32 ("2.5", "-1"), with a decimal comma in bokmål.
                let seconds = match lang {
                    crate::words::Lang::Nb => seconds.to_string().replace('.', ","),
                    crate::words::Lang::En => seconds.to_string(),
                };
                w!(lang, "error-sound-length", seconds = seconds, max = MAX_RENDER_SECONDS as u32)
            }
            SoundError::Write { path, source } => {
                w!(lang, "error-sound-write", path = shown(path), why = source.to_string())
            }
            SoundError::Read { path, source } => {
                w!(lang, "error-sound-read", path = shown(path), why = source.to_string())
            }
            SoundError::Recording { path, why } => {
                w!(lang, "error-sound-recording", path = shown(path), why = why)
            }
            SoundError::NotWav { path, why } => {
                w!(lang, "error-sound-not-wav", path = shown(path), why = *why)
            }
        }
    }
}

crate::english_display!(SoundError);

/// The longest offline render: two hours, far past any session, and well
/// inside what a 16-bit WAV file (4 GiB) can hold.
pub const MAX_RENDER_SECONDS: f32 = 7_200.0;

/// Interleaved stereo samples (left, right, left, ...), in -1..1.
#[derive(Debug, Clone, PartialEq)]
pub struct StereoBuffer {
    pub sample_rate: u32,
    pub samples: Vec<f32>,
}

impl StereoBuffer {
    pub fn silent(frames: usize) -> Self {
        StereoBuffer { sample_rate: SAMPLE_RATE, samples: vec![0.0; frames * 2] }
    }

    /// Frames: one sample per ear.
    pub fn frames(&self) -> usize {
        self.samples.len() / 2
    }

    pub fn seconds(&self) -> f32 {
        self.frames() as f32 / self.sample_rate as f32
    }

    pub fn left(&self) -> impl Iterator<Item = f32> + '_ {
        self.samples.iter().step_by(2).copied()
    }

    pub fn right(&self) -> impl Iterator<Item = f32> + '_ {
        self.samples.iter().skip(1).step_by(2).copied()
    }

    /// Both ears averaged.
    pub fn mono(&self) -> Vec<f32> {
        self.samples.chunks_exact(2).map(|f| 0.5 * (f[0] + f[1])).collect()
    }

    /// The buffer as a rodio source, to play or to feed to a mixer.
    pub fn into_source(self) -> rodio::buffer::SamplesBuffer {
        let rate = NonZero::new(self.sample_rate).unwrap_or(sample_rate());
        rodio::buffer::SamplesBuffer::new(STEREO, rate, self.samples)
    }
}
