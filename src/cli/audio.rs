//! `mestring render-audio`: a level's soundscape rendered offline to a WAV
//! file, with how loud and busy it is; or every level's, side by side, so
//! an author or a clinician compares levels by number.

use std::path::{Path, PathBuf};

use mestring::sound::recorded::CueRecordings;
use mestring::sound::{SoundStage, StereoBuffer, gain_to_db, measure, render_soundscape, write_wav};

use mestring::w;
use mestring::words::Lang;

use super::{CliError, lang, load_scenario};

/// What `render-audio` says of one rendered level.
struct Heard {
    /// Integrated loudness, LUFS; `None` for silence.
    lufs: Option<f64>,
    rms_dbfs: f32,
    onsets: usize,
}

impl Heard {
    fn of(sound: &StereoBuffer) -> Heard {
        let mono = sound.mono();
        Heard {
            lufs: measure::integrated_lufs(sound),
            rms_dbfs: gain_to_db(measure::rms(&mono)),
            onsets: measure::onsets(&mono, sound.sample_rate, &measure::OnsetSettings::default()).len(),
        }
    }
}

/// The scenario's stage with the author's recordings. Rendering is how an
/// author hears the scenario: a recording that cannot be used stops it,
/// rather than being quietly synthesised.
fn stage_of(loaded: &mestring::scenario::LoadedScenario) -> Result<SoundStage, CliError> {
    let (recordings, unreadable) = CueRecordings::load(&loaded.scenario, loaded.base_dir());
    if !unreadable.is_empty() {
        return Err(CliError::several(unreadable));
    }
    Ok(SoundStage::new(&loaded.scenario).with_recordings(recordings))
}

/// A loudness as the report writes it: one decimal, or a dash for silence.
fn lufs_text(l: Lang, lufs: Option<f64>) -> String {
    lufs.map_or_else(|| "–".to_string(), |v| l.decimal(v, 1))
}

/// Seconds as given on the command line, with a decimal comma in bokmål.
fn seconds_text(l: Lang, seconds: f32) -> String {
    match l {
        Lang::Nb => seconds.to_string().replace('.', ","),
        Lang::En => seconds.to_string(),
    }
}

/// Writes the loudness reference (a voice at the reference loudness) and
/// says how loud it came out.
pub fn render_reference(seconds: f32, out: &Path) -> Result<(), CliError> {
    if !(1.0..=600.0).contains(&seconds) {
        return Err(w!(lang(), "cli-reference-seconds").into());
    }
    let voice = mestring::sound::calibration::reference_voice(seconds, 1);
    write_wav(out, &voice)?;
    let l = lang();
    let heard = Heard::of(&voice);
    let said = w!(
        l,
        "cli-reference-written",
        path = out.display().to_string(),
        seconds = seconds_text(l, seconds),
        lufs = lufs_text(l, heard.lufs)
    );
    eprintln!("{said}");
    Ok(())
}

/// Renders a level's soundscape to a WAV file and says how loud and busy it is.
pub fn render_audio(name: &str, level: u8, seconds: f32, seed: u64, out: &Path) -> Result<(), CliError> {
    let loaded = load_scenario(name)?;
    let stage = stage_of(&loaded)?;
    let sound = render_soundscape(&loaded.scenario, &stage, level, seconds, seed)?;
    write_wav(out, &sound)?;
    let heard = Heard::of(&sound);
    let l = lang();
    let said = w!(
        l,
        "cli-audio-written",
        path = out.display().to_string(),
        seconds = seconds_text(l, seconds),
        scenario = &loaded.scenario.id,
        level = level,
        seed = seed,
        lufs = lufs_text(l, heard.lufs),
        loudness = l.decimal(f64::from(heard.rms_dbfs), 1),
        onsets = heard.onsets
    );
    eprintln!("{said}");
    Ok(())
}

/// Renders every level's soundscape into the folder `out`, one WAV each
/// (`<scenario>-level-<n>.wav`), and lists their loudness side by side,
/// each against level 1. Progress goes to stderr as each level is done;
/// the table goes to stdout, for a script to read.
pub fn render_every_level(name: &str, seconds: f32, seed: u64, out: &Path) -> Result<(), CliError> {
    let loaded = load_scenario(name)?;
    let stage = stage_of(&loaded)?;
    let l = lang();
    std::fs::create_dir_all(out).map_err(|e| {
        CliError::from(w!(
            l,
            "cli-audio-cannot-make-folder",
            path = out.display().to_string(),
            why = e.to_string()
        ))
    })?;
    let id = &loaded.scenario.id;
    let levels = loaded.scenario.levels.len() as u8;
    let mut rows: Vec<(u8, Heard, PathBuf)> = Vec::new();
    for level in 1..=levels {
        eprintln!("{}", w!(l, "cli-audio-rendering-level", level = level, levels = levels));
        let sound = render_soundscape(&loaded.scenario, &stage, level, seconds, seed)?;
        let path = out.join(format!("{id}-level-{level}.wav"));
        write_wav(&path, &sound)?;
        rows.push((level, Heard::of(&sound), path));
    }
    println!(
        "{}",
        w!(
            l,
            "cli-audio-levels-heading",
            scenario = id.as_str(),
            seconds = seconds_text(l, seconds),
            seed = seed
        )
    );
    let first = rows.first().and_then(|(_, h, _)| h.lufs);
    for (level, heard, path) in &rows {
        let step = match (heard.lufs, first) {
            (Some(v), Some(f)) => l.decimal(v - f, 1),
            _ => "–".to_string(),
        };
        let step = if step.starts_with(['-', '\u{2212}', '–']) || step == l.decimal(0.0, 1) {
            step
        } else {
            format!("+{step}")
        };
        println!(
            "{}",
            w!(
                l,
                "cli-audio-level-row",
                level = *level,
                lufs = lufs_text(l, heard.lufs),
                step = step,
                loudness = l.decimal(f64::from(heard.rms_dbfs), 1),
                onsets = heard.onsets,
                path = path.display().to_string()
            )
        );
    }
    Ok(())
}
