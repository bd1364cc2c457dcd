//! The Bevy shell's commands: `mestring run` (a headset, or a desktop
//! window) and `mestring bench-frames` (the engine's CPU time per frame).

use std::path::Path;

use super::args::RunArgs;
use super::{CliError, load_scenario, read_script, records, session_language};

/// Runs a scenario in a headset or a window until it is closed, recording
/// it when a participant is named.
pub fn run(args: RunArgs, data_dir: &Path) -> Result<(), CliError> {
    let RunArgs {
        scenario,
        level,
        lang,
        desktop,
        exit_after,
        screenshot,
        script,
        seed,
        participant,
        panels_in_room,
        console,
        close_at_end,
        window_size,
        modelling,
        alert_suds,
        alert_sickness,
    } = args;
    let loaded = load_scenario(&scenario)?;
    let lang = session_language(&loaded.scenario, lang, participant.as_deref(), data_dir)?;
    let kind = super::run_kind(modelling, &loaded.scenario)?;
    let recording = match &participant {
        None => None,
        Some(participant) => {
            let what = records::Recording { participant, level, seed, lang: &lang, kind };
            Some(records::start_recording(&what, data_dir, &loaded.scenario, &loaded.path)?)
        }
    };
    let script = script.map(|p| read_script(&p)).transpose()?;
    let options = mestring::app::RunOptions {
        level,
        lang,
        desktop,
        exit_after,
        screenshot,
        script,
        seed,
        panels_in_room,
        console,
        close_at_end,
        window_size,
        kind,
        alerts: mestring::app::AlertSettings { suds: alert_suds, sickness: alert_sickness },
    };
    mestring::app::run(loaded, options, recording)?;
    Ok(())
}

/// Runs the scenario headless for `minutes` simulated minutes at 90 Hz,
/// next to a bare Bevy app, and prints what each frame cost.
///
/// The bench's words stay English, here and in `bench_xr_frames` and
/// `print_frame_report`: developer-only output, compared with
/// docs/benchmarks.md, not read by clinicians or authors.
pub fn bench_frames(
    scenario: &str,
    level: Option<u8>,
    minutes: f64,
    seed: u64,
    console: bool,
) -> Result<(), CliError> {
    let loaded = load_scenario(scenario)?;
    if !(minutes > 0.0 && minutes <= 120.0) {
        return Err("--minutes must be more than 0 and at most 120".into());
    }
    let level = level.unwrap_or(loaded.scenario.levels.len() as u8);
    let id = loaded.scenario.id.clone();
    eprintln!("bench-frames: {id} at level {level}, {minutes} simulated minutes at 90 Hz");
    let r = mestring::app::bench::frame_cost(loaded, level, minutes, seed, console, |p| eprintln!("  {p}"))?;
    print_frame_report(&id, level, &r);
    Ok(())
}

/// The headset path's frame cost: the engine here, the bare app in a child
/// process of this same command (`--bare-scene`), then their ratio.
pub fn bench_xr_frames(
    scenario: &str,
    level: Option<u8>,
    frames: usize,
    bare_scene: Option<&str>,
) -> Result<(), CliError> {
    use mestring::app::bench::xr::{SceneCounts, XrApp, xr_frame_times};
    let loaded = load_scenario(scenario)?;
    if !(1..=100_000).contains(&frames) {
        return Err("--frames must be between 1 and 100000".into());
    }
    let level = level.unwrap_or(loaded.scenario.levels.len() as u8);
    let id = loaded.scenario.id.clone();
    if let Some(counts) = bare_scene {
        // The child: the bare app, its times on stdout for the parent.
        let n: Vec<usize> = counts.split(',').filter_map(|n| n.parse().ok()).collect();
        let [meshes, lights, ui_nodes] = n[..] else {
            return Err(format!("--bare-scene wants meshes,lights,ui-nodes, not {counts}").into());
        };
        let counts = SceneCounts { meshes, lights, ui_nodes };
        let bare = xr_frame_times(loaded, level, frames, XrApp::Bare, counts, |p| eprintln!("  bare: {p}"))?;
        let line: Vec<String> = bare.times.micros.iter().map(|m| format!("{m:.1}")).collect();
        println!("{}", line.join(" "));
        return Ok(());
    }
    eprintln!("bench-frames --headset: {id} at level {level}, {frames} XR frames per app");
    let engine = xr_frame_times(loaded, level, frames, XrApp::Engine, SceneCounts::default(), |p| {
        eprintln!("  engine: {p}")
    })?;
    let counts = engine.counts;
    let me =
        std::env::current_exe().map_err(|e| format!("cannot find this program to run the bare app: {e}"))?;
    let child = std::process::Command::new(me)
        .args([
            "bench-frames",
            scenario,
            "--headset",
            "--level",
            &level.to_string(),
            "--frames",
            &frames.to_string(),
        ])
        .arg("--bare-scene")
        .arg(format!("{},{},{}", counts.meshes, counts.lights, counts.ui_nodes))
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run the bare app: {e}"))?;
    if !child.status.success() {
        return Err(format!("the bare app failed ({})", child.status).into());
    }
    let micros: Vec<f64> =
        String::from_utf8_lossy(&child.stdout).split_whitespace().filter_map(|m| m.parse().ok()).collect();
    let bare = mestring::app::bench::FrameTimes { micros };
    let (e50, e90) = (engine.times.quantile(0.5), engine.times.quantile(0.9));
    let (b50, b90) = (bare.quantile(0.5), bare.quantile(0.9));
    println!("XR frame cost, {id} level {level}: {frames} frames each, on {}", engine.shown_in);
    println!(
        "  scene: {} meshes, {} lights, {} UI nodes (the bare app has the same)",
        counts.meshes, counts.lights, counts.ui_nodes
    );
    println!("                 median      p90   (CPU time of the frame thread per XR frame, µs)");
    println!("  mestring     {e50:>8.0} {e90:>8.0}");
    println!("  bare Bevy    {b50:>8.0} {b90:>8.0}   (Bevy + bevy_mod_openxr)");
    println!("  ratio        {:>8.2} {:>8.2}", e50 / b50, e90 / b90);
    Ok(())
}

/// The frame costs as a table: the engine, the bare app, their difference
/// and ratio, the cue system's share and the peak memory.
fn print_frame_report(id: &str, level: u8, r: &mestring::app::bench::FrameReport) {
    let (e50, e99) = (r.engine.quantile(0.5), r.engine.quantile(0.99));
    let (b50, b99) = (r.bare.quantile(0.5), r.bare.quantile(0.99));
    println!(
        "frame cost, {id} level {level}: {} frames ({} sessions by the autopilot)",
        r.frames, r.sessions
    );
    println!(
        "  scene: {} entities, {} meshes, {} lights, {} UI nodes (the bare app has the same)",
        r.entities, r.meshes, r.lights, r.ui_nodes
    );
    println!("                 median      p99   (CPU time per App::update, µs)");
    println!("  mestring     {e50:>8.0} {e99:>8.0}");
    println!("  bare Bevy    {b50:>8.0} {b99:>8.0}");
    println!("  engine's own {:>8.0} {:>8.0}   (difference)", e50 - b50, e99 - b99);
    println!("  ratio        {:>8.2} {:>8.2}", e50 / b50, e99 / b99);
    println!(
        "  of which the cue system on the frame thread: {:.1} µs median, {:.1} µs p99 (synthesis is on the audio thread)",
        r.sound.quantile(0.5),
        r.sound.quantile(0.99)
    );
    if let Some(console) = &r.with_console {
        let (c50, c99) = (console.quantile(0.5), console.quantile(0.99));
        let drew = console.only(&r.console_drew);
        let between = console.only(&r.console_drew.iter().map(|d| !d).collect::<Vec<_>>());
        println!(
            "  with the console {c50:>8.0} {c99:>8.0}   (the same engine, the clinician's console at its own pace)"
        );
        println!("  console's own {:>7.0} {:>8.0}   (difference to mestring)", c50 - e50, c99 - e99);
        println!(
            "  console's own per frame, mean: {:.0} µs ({:.0} µs with it, {:.0} µs without)",
            console.mean() - r.engine.mean(),
            console.mean(),
            r.engine.mean()
        );
        println!(
            "  drawn on {} of {} frames: a drawing frame {:.0} µs median ({:+.0}), a frame between {:.0} µs ({:+.0})",
            drew.micros.len(),
            console.micros.len(),
            drew.quantile(0.5),
            drew.quantile(0.5) - e50,
            between.quantile(0.5),
            between.quantile(0.5) - e50
        );
    }
    if let Some(kib) = r.peak_rss_kib {
        println!("  peak resident memory of this process: {:.0} MiB", kib as f64 / 1024.0);
    }
}
