//! 16-bit PCM WAV files: written whole or not at all, and read back.
//!
//! The format is small enough to write by hand, and a crate for it would
//! be one more dependency to keep in step with Bevy's tree.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::{SoundError, StereoBuffer};

/// Writes `buffer` as 16-bit stereo PCM. The file is written under a
/// temporary name in the same folder, synced, and renamed over `path`, so
/// a reader never sees half a file and a failed write leaves any old file
/// as it was.
pub fn write_wav(path: &Path, buffer: &StereoBuffer) -> Result<(), SoundError> {
    let fail = |source| SoundError::Write { path: path.to_path_buf(), source };
    let bytes = encode(buffer).map_err(fail)?;
    let temp = temp_path(path);
    let written = std::fs::File::create(&temp).and_then(|mut f| {
        f.write_all(&bytes)?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&temp, path)) {
        let _ = std::fs::remove_file(&temp);
        return Err(fail(e));
    }
    Ok(())
}

/// A name beside `path` that no other write, in this process or another,
/// is using.
fn temp_path(path: &Path) -> PathBuf {
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let n = WRITES.fetch_add(1, Ordering::Relaxed);
    let name = path.file_name().map_or_else(|| "sound.wav".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}-{n}.partial", std::process::id()))
}

/// The file's bytes: a RIFF header, a `fmt ` chunk and the `data` chunk.
fn encode(buffer: &StereoBuffer) -> std::io::Result<Vec<u8>> {
    const CHANNELS: u16 = 2;
    const BYTES_PER_SAMPLE: u16 = 2;
    let data_len = u32::try_from(buffer.samples.len() * usize::from(BYTES_PER_SAMPLE))
        .ok()
        .filter(|&n| n <= u32::MAX - 36)
        .ok_or_else(|| std::io::Error::other("too long for a WAV file (4 GiB)"))?;
    let block_align = CHANNELS * BYTES_PER_SAMPLE;
    let mut out = Vec::with_capacity(44 + data_len as usize);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVE");
    out.extend_from_slice(b"fmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes()); // integer PCM
    out.extend_from_slice(&CHANNELS.to_le_bytes());
    out.extend_from_slice(&buffer.sample_rate.to_le_bytes());
    out.extend_from_slice(&(buffer.sample_rate * u32::from(block_align)).to_le_bytes());
    out.extend_from_slice(&block_align.to_le_bytes());
    out.extend_from_slice(&(BYTES_PER_SAMPLE * 8).to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    for &x in &buffer.samples {
        let x = if x.is_nan() { 0.0 } else { x.clamp(-1.0, 1.0) };
        out.extend_from_slice(&((x * 32_767.0).round() as i16).to_le_bytes());
    }
    Ok(out)
}

/// Reads a 16-bit PCM WAV file, mono or stereo (mono is copied to both ears).
pub fn read_wav(path: &Path) -> Result<StereoBuffer, SoundError> {
    let bytes =
        std::fs::read(path).map_err(|source| SoundError::Read { path: path.to_path_buf(), source })?;
    decode(&bytes).map_err(|why| SoundError::NotWav { path: path.to_path_buf(), why })
}

fn decode(bytes: &[u8]) -> Result<StereoBuffer, &'static str> {
    if bytes.len() < 12 || &bytes[0..4] != b"RIFF" || &bytes[8..12] != b"WAVE" {
        return Err("no RIFF/WAVE header");
    }
    let u16_at = |b: &[u8], i: usize| u16::from_le_bytes([b[i], b[i + 1]]);
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let mut format: Option<(u16, u32)> = None;
    let mut at = 12;
    // Chunks in any order; ones other than `fmt ` and `data` are skipped.
    while at + 8 <= bytes.len() {
        let id = &bytes[at..at + 4];
        let len = u32_at(bytes, at + 4) as usize;
        let body = bytes.get(at + 8..(at + 8).saturating_add(len)).ok_or("a chunk runs past the end")?;
        match id {
            b"fmt " => {
                if body.len() < 16 {
                    return Err("the fmt chunk is too short");
                }
                if u16_at(body, 0) != 1 || u16_at(body, 14) != 16 {
                    return Err("only 16-bit integer PCM is read");
                }
                let channels = u16_at(body, 2);
                if channels != 1 && channels != 2 {
                    return Err("only mono and stereo are read");
                }
                format = Some((channels, u32_at(body, 4)));
            }
            b"data" => {
                let (channels, sample_rate) = format.ok_or("data comes before fmt")?;
                let values =
                    body.chunks_exact(2).map(|b| f32::from(i16::from_le_bytes([b[0], b[1]])) / 32_767.0);
                let samples =
                    if channels == 2 { values.collect() } else { values.flat_map(|x| [x, x]).collect() };
                return Ok(StereoBuffer { sample_rate, samples });
            }
            _ => {}
        }
        // Chunks are padded to an even length.
        at += 8 + len + (len & 1);
    }
    Err("no data chunk")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_buffer_survives_the_round_trip_within_one_step() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.wav");
        let samples: Vec<f32> = (0..2_000).map(|i| ((i as f32) * 0.01).sin() * 0.9).collect();
        let buffer = StereoBuffer { sample_rate: 48_000, samples };
        write_wav(&path, &buffer).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 44 + 4_000);
        let back = read_wav(&path).unwrap();
        assert_eq!(back.sample_rate, 48_000);
        assert_eq!(back.samples.len(), buffer.samples.len());
        let worst = back.samples.iter().zip(&buffer.samples).map(|(a, b)| (a - b).abs()).fold(0.0, f32::max);
        assert!(worst <= 0.5 / 32_767.0 + 1e-6, "worst error {worst}");
        // Nothing left behind but the file itself.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_leaves_no_partial_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("a.wav");
        let err = write_wav(&path, &StereoBuffer::silent(10)).unwrap_err();
        assert!(err.to_string().contains("a.wav"), "{err}");
        assert!(!path.exists());
    }

    #[test]
    fn damaged_files_are_refused_with_a_reason() {
        assert_eq!(decode(b"RIFF\0\0\0\0WAVEdata\x10\0\0\0ab").unwrap_err(), "a chunk runs past the end");
        assert_eq!(decode(b"not a wav").unwrap_err(), "no RIFF/WAVE header");
        let mut bytes = encode(&StereoBuffer::silent(4)).unwrap();
        bytes[34] = 24; // bits per sample
        assert_eq!(decode(&bytes).unwrap_err(), "only 16-bit integer PCM is read");
    }
}
