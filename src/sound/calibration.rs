//! The loudness the soundscape is set to, so a level's noise means the same
//! on every machine set up to the same reference.
//!
//! The reference is a person speaking at conversational level, about
//! 60–65 dB SPL at a metre, played at −23 LUFS: the EBU R 128 programme
//! level that players and headsets are commonly set up for. A headset set
//! so that speech at −23 LUFS sounds like a person across the table plays
//! every level at its intended loudness. docs/levels.md says how to set it
//! up and gives each level's figure.
//!
//! A quiet office (the gentlest level) is about 20 dB under speech; a
//! busy open-plan office comes close to it. So level 1 of every shipped
//! scenario should sit in `LEVEL_1_LUFS`, and no level above `TOP_LUFS`:
//! background noise louder than the person speaking is not a workplace
//! but a fairground.

use std::ops::RangeInclusive;

/// Speech at conversational level, integrated loudness.
pub const REFERENCE_LUFS: f64 = -23.0;

/// Where a shipped scenario's gentlest level must sit: 15 to 25 LU under
/// the reference.
pub const LEVEL_1_LUFS: RangeInclusive<f64> = (REFERENCE_LUFS - 25.0)..=(REFERENCE_LUFS - 15.0);

/// No level's soundscape may be louder than this: the reference itself.
pub const TOP_LUFS: f64 = REFERENCE_LUFS;

/// The background's gain in decibels at a noise level n (0..1) is
/// `BACKGROUND_QUIET_DB + BACKGROUND_SPAN_DB * n`: a straight line in
/// decibels, as loudness is heard. Set so that the shipped levels land in
/// `LEVEL_1_LUFS` and under `TOP_LUFS`, measured with `render-audio
/// --every-level` (docs/levels.md has the figures).
pub const BACKGROUND_QUIET_DB: f32 = -24.0;
pub const BACKGROUND_SPAN_DB: f32 = 29.0;

/// The reference itself: a synthesised voice speaking for `seconds` in
/// both ears, at exactly `REFERENCE_LUFS`. A clinic plays it in the
/// headset once (`mestring render-reference`) and sets the volume so it
/// sounds like a colleague across the table speaking in an ordinary voice;
/// every level is then as loud as docs/levels.md says.
pub fn reference_voice(seconds: f32, seed: u64) -> super::StereoBuffer {
    let frames = (seconds.max(1.0) * super::SAMPLE_RATE as f32) as usize;
    let mut voice = super::talker::Talker::new(super::talker::Manner::chatting(1.0), seed);
    let mono: Vec<f32> = (0..frames).map(|_| voice.next()).collect();
    let mut buffer = super::StereoBuffer::silent(frames);
    for (frame, x) in buffer.samples.chunks_exact_mut(2).zip(&mono) {
        frame[0] = *x;
        frame[1] = *x;
    }
    if let Some(lufs) = super::measure::integrated_lufs(&buffer) {
        let gain = super::db_to_gain((REFERENCE_LUFS - lufs) as f32);
        for x in &mut buffer.samples {
            *x *= gain;
        }
    }
    buffer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_voice_is_at_the_reference_and_never_clips() {
        let voice = reference_voice(20.0, 1);
        let lufs = crate::sound::measure::integrated_lufs(&voice).unwrap();
        assert!((lufs - REFERENCE_LUFS).abs() < 0.1, "{lufs}");
        let peak = voice.samples.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        assert!(peak < 0.9, "peak {peak}");
    }
}
