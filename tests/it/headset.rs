//! The headset path, against a real OpenXR runtime: every shipped scenario
//! runs in headset mode from a script to its end, through the XR session's
//! states, with frames handed to the runtime throughout, no Vulkan
//! validation error of the headset's making, and head samples that follow
//! the tracked head from the participant's seat.
//!
//! These need a runtime, so they are ignored in a plain `cargo test`.
//! `cargo xtask test` runs them when one is named: `MESTRING_TEST_XR_RUNTIME`
//! (a runtime manifest), or the environment that
//! `eval "$(../shared/openxr-sim/activate)"` prints for the simulated
//! headset. The run's own child process is the only one pointed at the
//! runtime, so the window tests beside these keep their desktop fallback.

use std::path::{Path, PathBuf};
use std::process::Command;

use mestring::room::participant_head;
use mestring::scenario::load_file;

use crate::repo;

/// The runtime manifest the tests are pointed at.
fn runtime() -> PathBuf {
    std::env::var_os("MESTRING_TEST_XR_RUNTIME")
        .or_else(|| std::env::var_os("XR_RUNTIME_JSON"))
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            panic!(
                "no OpenXR runtime named: set MESTRING_TEST_XR_RUNTIME=path/to/manifest.json, or \
                 eval \"$(../shared/openxr-sim/activate)\" first"
            )
        })
}

/// Khronos's validation layer checks every Vulkan call of the run.
const VALIDATION_LAYER: &str = "/usr/share/vulkan/explicit_layer.d/VkLayer_khronos_validation.json";

/// Validation messages known not to come from the headset path, each with
/// the words that must be in the message for it to count as that one:
///
/// - naga writes SPIR-V 1.6 for the physical device's Vulkan 1.3, while
///   bevy_mod_openxr 0.6 creates the device for Vulkan 1.2; every driver
///   that runs 1.3 takes it, and the fix belongs upstream;
/// - the desktop window's swapchain (`vkAcquireNextImageKHR`,
///   `vkQueuePresentKHR`): plain desktop runs show the same two with
///   Debian 12's layers. The headset's images never go through those
///   calls: the runtime owns their swapchain.
const KNOWN_VALIDATION: &[(&str, &str)] = &[
    ("UNASSIGNED-CoreValidation-Shader-InconsistentSpirv", "SPIR-V 1.6 for target environment SPIR-V 1.5"),
    ("VUID-VkPresentInfoKHR-pImageIndices-01296", "vkQueuePresentKHR"),
    ("VUID-vkAcquireNextImageKHR-semaphore-01286", "vkAcquireNextImageKHR"),
];

/// The validation layer's own reports in a log, as (id, message).
fn validation_messages(log: &str) -> Vec<(String, String)> {
    log.lines()
        .filter_map(|line| {
            let rest = line.split("Validation Error: [ ").nth(1)?;
            let (id, _) = rest.split_once(' ')?;
            Some((id.to_string(), line.to_string()))
        })
        .collect()
}

/// What the log says about frames: each periodic count while the run went
/// on, and the count at the end.
fn frame_counts(log: &str) -> (Vec<u64>, Option<u64>) {
    let number_before = |line: &str, words: &str| -> Option<u64> {
        let before = line.split(words).next()?;
        before.rsplit(' ').find(|w| !w.is_empty())?.parse().ok()
    };
    let counts: Vec<u64> = log
        .lines()
        .filter(|l| l.contains("frames handed to the runtime so far"))
        .filter_map(|l| number_before(l, " frames handed"))
        .collect();
    let last = log
        .lines()
        .find(|l| l.contains("the headset session ended cleanly after"))
        .and_then(|l| l.rsplit("after ").next()?.split(' ').next()?.parse::<u64>().ok());
    (counts, last)
}

/// Plays `script` (a golden script: its first line says scenario, level,
/// language and seed) in headset mode, recorded, and checks the run.
fn plays_to_its_end_in_the_headset(script: &str) {
    let runtime = runtime();
    assert!(
        Path::new(VALIDATION_LAYER).exists(),
        "the Vulkan validation layer is missing: apt-get install vulkan-validationlayers (cargo xtask setup does)"
    );
    let script = repo().join("tests/golden").join(script);
    let text = std::fs::read_to_string(&script).unwrap();
    let (scenario, level, lang, seed) = crate::golden::directive(&text, &script);
    let (level, seed) = (level.to_string(), seed.to_string());

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mestring = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_mestring"))
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .current_dir(repo())
            .env("XR_RUNTIME_JSON", &runtime)
            .env("VK_INSTANCE_LAYERS", "VK_LAYER_KHRONOS_validation")
            .env("RUST_LOG", "info")
            .output()
            .unwrap()
    };
    assert!(mestring(&["participants", "add", "H001"]).status.success());
    let o = mestring(&[
        "run",
        &scenario,
        "--level",
        &level,
        "--lang",
        &lang,
        "--seed",
        &seed,
        "--participant",
        "H001",
        "--script",
        script.to_str().unwrap(),
        "--close-at-end",
        // The mirror is drawn in software here; a small one leaves the
        // frames to the headset.
        "--window-size",
        "480x270",
    ]);
    let log = String::from_utf8_lossy(&o.stderr).into_owned();
    let keep = std::env::temp_dir().join(format!("mestring-headset-{scenario}.log"));
    let _ = std::fs::write(&keep, &log);
    let says = |what: &str| log.contains(what);
    let context = format!("(the whole log: {})", keep.display());
    assert!(o.status.success(), "the run failed {context}");

    // Headset mode, named in the log (the console shows the same line).
    assert!(
        says(&format!("running \"{scenario}\" at level {level} in a headset (")),
        "not in headset mode {context}"
    );
    // The session's states, in order, to a clean end.
    let states: Vec<&str> =
        log.lines().filter_map(|l| l.split("entered XR state ").nth(1)).map(str::trim).collect();
    let wanted = ["IDLE", "READY", "SYNCHRONIZED", "VISIBLE", "FOCUSED", "STOPPING", "IDLE", "EXITING"];
    let mut at = 0;
    for state in &states {
        if at < wanted.len() && *state == wanted[at] {
            at += 1;
        }
    }
    assert_eq!(at, wanted.len(), "the XR session went {states:?}, not through {wanted:?} {context}");
    assert!(says("the headset session ended cleanly"), "{context}");

    // No Vulkan validation error but the known ones.
    let unknown: Vec<String> = validation_messages(&log)
        .into_iter()
        .filter(|(id, line)| !KNOWN_VALIDATION.iter().any(|(k, words)| id == k && line.contains(words)))
        .map(|(_, line)| line)
        .collect();
    assert!(unknown.is_empty(), "Vulkan validation errors:\n{}\n{context}", unknown.join("\n"));

    // Frames throughout: every periodic count is higher than the last.
    // Once the runtime is asked to end the session (STOPPING) no more
    // frames are due, so the count at the end may equal the last one seen
    // while the run went on.
    let (frames, total) = frame_counts(&log);
    let total = total.unwrap_or_else(|| panic!("the log gives no count of frames at the end {context}"));
    assert!(frames.len() >= 2, "the log does not count frames: {frames:?} {context}");
    assert!(frames.windows(2).all(|w| w[1] > w[0]), "frames stalled: {frames:?} {context}");
    assert!(frames.last().is_some_and(|&l| total >= l), "{frames:?}, then {total} at the end {context}");

    // The record: completed, shown in the headset, samples from its pose.
    let export = dir.path().join("export.json");
    let e = mestring(&["export", "--participant", "H001", "--format", "json", export.to_str().unwrap()]);
    assert!(e.status.success(), "{}", String::from_utf8_lossy(&e.stderr));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&export).unwrap()).unwrap();
    let session = &v["sessions"][0];
    assert_eq!(session["status"], "complete", "{context}");
    let reason = session["end_reason"].as_str().unwrap_or_default();
    assert!(reason.starts_with("completed"), "ended {reason:?}, not at its end {context}");
    assert_eq!(session["head_from"], "headset");
    assert!(
        session["shown_in"].as_str().is_some_and(|s| s.starts_with("a headset (")),
        "{}",
        session["shown_in"]
    );
    let samples = session["samples"].as_array().unwrap();
    // At most one a frame, at most the asked rate, and one in most frames.
    let duration_s = session["duration_ms"].as_f64().unwrap() / 1000.0;
    let asked = session["sample_hz"].as_f64().unwrap();
    let n = samples.len() as f64;
    assert!(n <= (total as f64 + 5.0).min(asked * duration_s + 5.0), "{n} samples, {total} frames {context}");
    assert!(n >= (total as f64).min(asked * duration_s) * 0.5, "{n} samples in {total} frames {context}");
    let listed = mestring(&["sessions"]);
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(listed.contains("head samples from its tracked pose"), "{listed}");

    // After the recentre the head is at the seat's eyes, facing the seat's
    // way, and moves as the tracked head does. Monado's simulated head
    // wobbles on its own: 20 cm side to side, 10 cm up and down, about 7°
    // either way in heading, so the place is checked to within that and
    // the wobble must show in the samples (a desktop view never moves).
    let loaded = load_file(&repo().join(format!("scenarios/{scenario}.ron"))).unwrap();
    let seat = participant_head(&loaded.scenario.setting);
    let settled: Vec<&serde_json::Value> =
        samples.iter().filter(|s| s["at_ms"].as_u64().unwrap() >= 3_000).collect();
    assert!(settled.len() >= 10, "too few samples after the start: {}", settled.len());
    let f = |s: &serde_json::Value, key: &str, i: usize| s[key][i].as_f64().unwrap() as f32;
    let (mut sideways, mut headings) = (Vec::new(), Vec::new());
    for s in &settled {
        let (x, y, z) = (f(s, "head", 0), f(s, "head", 1), f(s, "head", 2));
        let off = ((x - seat.at.x).powi(2) + (z - seat.at.z).powi(2)).sqrt();
        assert!(
            off < 0.3 && (y - seat.height).abs() < 0.12,
            "head at ({x}, {y}, {z}), the seat's eyes at {seat:?} {context}"
        );
        let q = bevy::math::Quat::from_xyzw(
            f(s, "rotation", 0),
            f(s, "rotation", 1),
            f(s, "rotation", 2),
            f(s, "rotation", 3),
        );
        // A head looks along its -z; the seat's facing names +z.
        let forward = q * -bevy::math::Vec3::Z;
        let heading = forward.x.atan2(forward.z).to_degrees();
        let off = (heading - seat.facing + 540.0).rem_euclid(360.0) - 180.0;
        assert!(off.abs() < 20.0, "facing {heading:.0}°, the seat faces {:.0}° {context}", seat.facing);
        sideways.push(x * forward.z - z * forward.x);
        headings.push(heading);
    }
    let spread =
        |v: &[f32]| v.iter().copied().fold(f32::MIN, f32::max) - v.iter().copied().fold(f32::MAX, f32::min);
    assert!(
        spread(&sideways) > 0.03,
        "the head never moves: the samples are not the tracked head's {context}"
    );
    assert!(
        spread(&headings) > 0.5,
        "the head never turns: the samples are not the tracked head's {context}"
    );
    mark_ran(&scenario);
}

/// Tells `cargo xtask test` that a headset test ran to its end.
fn mark_ran(what: &str) {
    if let Some(path) = std::env::var_os("MESTRING_HEADSET_TESTS_RAN") {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().create(true).append(true).open(path).unwrap();
        writeln!(f, "{what}").unwrap();
    }
}

#[test]
#[ignore = "needs an OpenXR runtime: cargo xtask test runs it when one is named"]
fn the_team_meeting_plays_to_its_end_in_the_headset() {
    plays_to_its_end_in_the_headset("team-meeting-assertive.script");
}

#[test]
#[ignore = "needs an OpenXR runtime: cargo xtask test runs it when one is named"]
fn the_upset_customer_plays_to_its_end_in_the_headset() {
    plays_to_its_end_in_the_headset("upset-customer-top-level.script");
}

#[test]
#[ignore = "needs an OpenXR runtime: cargo xtask test runs it when one is named"]
fn the_return_to_work_conversation_plays_to_its_end_in_the_headset() {
    plays_to_its_end_in_the_headset("return-to-work-manager-gentle.script");
}

#[test]
#[ignore = "needs an OpenXR runtime: cargo xtask test runs it when one is named"]
fn lunch_with_colleagues_plays_to_its_end_in_the_headset() {
    plays_to_its_end_in_the_headset("lunch-colleagues-share-then-snap.script");
}

#[test]
fn the_log_readers_find_what_the_run_writes() {
    let log = "\
INFO mestring::app::xr: headset: 12 frames handed to the runtime so far (0.8 a second lately)
INFO mestring::app::xr: headset: 25 frames handed to the runtime so far (0.9 a second lately)
INFO mestring::app::xr: the headset session ended cleanly after 31 frames
Validation Error: [ VUID-VkPresentInfoKHR-pImageIndices-01296 ] Object 0: vkQueuePresentKHR(): ...
Validation Error: [ VUID-Some-Other-00001 ] Object 0: something else";
    assert_eq!(frame_counts(log), (vec![12, 25], Some(31)));
    let ids: Vec<String> = validation_messages(log).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["VUID-VkPresentInfoKHR-pImageIndices-01296", "VUID-Some-Other-00001"]);
}
