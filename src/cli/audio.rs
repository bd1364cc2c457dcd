//! `mestring render-audio`: a level's soundscape rendered offline to a WAV
//! file, with how loud and busy it is.

use std::path::Path;

use mestring::sound::recorded::CueRecordings;
use mestring::sound::{SoundStage, gain_to_db, measure, render_soundscape, write_wav};

use mestring::w;
use mestring::words::Lang;

use super::{CliError, lang, load_scenario};

/// Renders a level's soundscape to a WAV file and says how loud and busy it is.
pub fn render_audio(name: &str, level: u8, seconds: f32, seed: u64, out: &Path) -> Result<(), CliError> {
    let loaded = load_scenario(name)?;
    // Rendering is how an author hears the scenario: a recording that
    // cannot be used stops it, rather than being quietly synthesised.
    let (recordings, unreadable) = CueRecordings::load(&loaded.scenario, loaded.base_dir());
    if !unreadable.is_empty() {
        return Err(CliError::several(unreadable));
    }
    let stage = SoundStage::new(&loaded.scenario).with_recordings(recordings);
    let sound = render_soundscape(&loaded.scenario, &stage, level, seconds, seed)?;
    write_wav(out, &sound)?;
    let mono = sound.mono();
    let loudness = gain_to_db(measure::rms(&mono));
    let events = measure::onsets(&mono, sound.sample_rate, &measure::OnsetSettings::default()).len();
    let l = lang();
    let said = w!(
        l,
        "cli-audio-written",
        path = out.display().to_string(),
        // As given on the command line, with a decimal comma in bokmål.
        seconds = match l {
            Lang::Nb => seconds.to_string().replace('.', ","),
            Lang::En => seconds.to_string(),
        },
        scenario = &loaded.scenario.id,
        level = level,
        seed = seed,
        loudness = l.decimal(f64::from(loudness), 1),
        onsets = events
    );
    eprintln!("{said}");
    Ok(())
}
