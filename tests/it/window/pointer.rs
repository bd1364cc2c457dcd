//! The mouse and the console, for real: xdotool moves and clicks the X
//! pointer over the window, and the session record says what came of it.
//! (Pressing panel buttons, hovering and the card's ray are tested on the
//! headless shell, tests/it/shell.rs; here is what only X's pointer shows.) Each test gets a
//! display of its own, because the pointer is shared by every window on a
//! display and the other window tests run at the same time.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use crate::{find, repo};

/// An Xvfb server of the test's own, stopped when dropped.
pub struct OwnDisplay {
    server: Child,
    pub name: String,
}

impl OwnDisplay {
    pub fn start() -> OwnDisplay {
        // Each test in this process takes the next number, so two tests
        // never start a server on the same display; numbers with a server
        // (lock file) already on them are skipped. Far above what xvfb-run
        // picks, so the two never meet.
        static NEXT: AtomicU32 = AtomicU32::new(140);
        loop {
            let n = NEXT.fetch_add(1, Ordering::SeqCst);
            assert!(n < 240, "no free X display number between :140 and :239");
            if Path::new(&format!("/tmp/.X{n}-lock")).exists() {
                continue;
            }
            let name = format!(":{n}");
            let server = Command::new("Xvfb")
                .args([name.as_str(), "-screen", "0", "1280x720x24", "-nolisten", "tcp"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("Xvfb is installed by `cargo xtask setup`");
            let mut display = OwnDisplay { server, name };
            let socket = format!("/tmp/.X11-unix/X{n}");
            let since = Instant::now();
            while !Path::new(&socket).exists() && since.elapsed() < Duration::from_secs(10) {
                std::thread::sleep(Duration::from_millis(50));
            }
            // A server that lost the number to another process's exits
            // at once: only a server still running after a moment is ours.
            std::thread::sleep(Duration::from_millis(300));
            if display.server.try_wait().unwrap().is_none() && Path::new(&socket).exists() {
                return display;
            }
            let _ = display.server.kill();
        }
    }

    /// Runs xdotool on this display; true if it succeeded.
    pub fn xdotool(&self, args: &[&str]) -> bool {
        Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.name)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("xdotool is installed by `cargo xtask setup`")
            .success()
    }

    /// Waits until the mestring window is mapped (a software renderer takes
    /// a while to open it).
    pub fn wait_for_window(&self, app: &mut Child) {
        let since = Instant::now();
        while !self.xdotool(&["search", "--onlyvisible", "--name", "mestring"]) {
            if app.try_wait().unwrap().is_some() {
                let mut log = String::new();
                std::io::Read::read_to_string(app.stderr.as_mut().unwrap(), &mut log).unwrap();
                panic!("mestring exited before its window opened:\n{log}");
            }
            assert!(since.elapsed() < Duration::from_secs(90), "no mestring window after 90 s");
            std::thread::sleep(Duration::from_millis(200));
        }
        // A few frames more, so the first layout is done.
        std::thread::sleep(Duration::from_secs(2));
    }
}

impl OwnDisplay {
    /// mestring with this data folder, on this display.
    pub fn mestring(&self, data: &Path, args: &[&str]) -> Child {
        Command::new(env!("CARGO_BIN_EXE_mestring"))
            .arg("--data-dir")
            .arg(data)
            .args(args)
            .env("DISPLAY", &self.name)
            .current_dir(repo())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }

    /// A participant's whole record, exported as JSON and read back.
    pub fn export(&self, data: &Path, participant: &str) -> serde_json::Value {
        let json = data.with_file_name(format!("{participant}.json"));
        let args = ["export", "--participant", participant, "--format", "json", json.to_str().unwrap()];
        assert!(self.mestring(data, &args).wait().unwrap().success());
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap()
    }
}

impl Drop for OwnDisplay {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// The head rotations (x, y, z, w) sampled so far in the one running
/// session's journal, if it has begun.
fn live_rotations(journal_dir: &Path) -> Option<Vec<[f64; 4]>> {
    let path = std::fs::read_dir(journal_dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "journal"))?;
    let journal = mestring::record::journal::read(&path).ok()?;
    Some(
        journal
            .records
            .iter()
            .filter_map(|r| match r {
                mestring::record::journal::JournalRecord::Sample(s) => Some(s.head_rotation.map(f64::from)),
                _ => None,
            })
            .collect(),
    )
}

/// How far apart the headings of these head rotations lie, in radians:
/// the span, so it does not matter whether sampling began before a turn or
/// during it.
fn heading_span(rotations: &[[f64; 4]]) -> f64 {
    let Some(first) = rotations.first() else { return 0.0 };
    // Yaw of the view direction (-z turned by q) in the floor plane.
    let heading = |&[x, y, z, w]: &[f64; 4]| {
        let fx = -(2.0 * (x * z + w * y));
        let fz = -(1.0 - 2.0 * (x * x + y * y));
        fx.atan2(fz)
    };
    let pi = std::f64::consts::PI;
    let start = heading(first);
    let turned: Vec<f64> =
        rotations.iter().map(|q| (heading(q) - start + pi).rem_euclid(2.0 * pi) - pi).collect();
    turned.iter().copied().fold(f64::MIN, f64::max) - turned.iter().copied().fold(f64::MAX, f64::min)
}

/// The bottom option row sits here when options are offered; the rating
/// panel has nothing to press this far left, so clicks during the ratings
/// do nothing.
const BOTTOM_OPTION: (&str, &str) = ("250", "655");

#[test]
fn the_mouse_turns_the_view_and_clicking_an_option_chooses_it() {
    let display = OwnDisplay::start();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mestring = |args: &[&str]| display.mestring(&data, args);
    assert!(mestring(&["participants", "add", "P300"]).wait().unwrap().success());
    // The script answers the three start ratings and nothing else: the
    // choice can only be made by the mouse.
    let script = dir.path().join("start.script");
    std::fs::write(&script, "after 0.5 rate 40\nafter 0.5 rate 50\nafter 0.5 rate 70\n").unwrap();
    let mut app = mestring(&[
        "run",
        "team-meeting",
        "--level",
        "1",
        "--lang",
        "en",
        "--exit-after",
        "25",
        "--participant",
        "P300",
        "--script",
        script.to_str().unwrap(),
    ]);
    display.wait_for_window(&mut app);

    // Drag to the right with the right button held, a step per frame or
    // so, until the live journal shows the view turned: a software
    // renderer on a busy machine may still be in its first, slow frames.
    let journal_dir = data.join("journals");
    for _ in 0..8 {
        display.xdotool(&["mousemove", "440", "360", "mousedown", "3"]);
        for x in (460..=640).step_by(20) {
            display.xdotool(&["mousemove", &x.to_string(), "360"]);
            std::thread::sleep(Duration::from_millis(400));
        }
        display.xdotool(&["mouseup", "3"]);
        std::thread::sleep(Duration::from_secs(1));
        if live_rotations(&journal_dir).is_some_and(|r| heading_span(&r) > 0.25) {
            break;
        }
    }

    // Then click where the bottom option appears, until the run ends.
    while app.try_wait().unwrap().is_none() {
        display.xdotool(&["mousemove", BOTTOM_OPTION.0, BOTTOM_OPTION.1, "click", "1"]);
        std::thread::sleep(Duration::from_millis(400));
    }
    let out = app.wait_with_output().unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{log}");

    let v = display.export(&data, "P300");
    let session = &v["sessions"][0];

    // The first choice ("What do you say?", three options) was made with
    // the mouse, on the option under the pointer: the last one shown.
    let mut chosen = Vec::new();
    find(&session["events"], "Chosen", &mut chosen);
    assert!(!chosen.is_empty(), "no choice was made by clicking:\n{log}");
    assert_eq!(chosen[0]["shown_as"], 2, "{:?}", chosen[0]);

    // The drag turned the head: the recorded headings span up to 0.8 rad
    // (200 px at 0.004 rad each) a drag, less when the window misses the
    // first moves.
    let rotations: Vec<[f64; 4]> = session["samples"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let q: Vec<f64> = s["rotation"].as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect();
            [q[0], q[1], q[2], q[3]]
        })
        .collect();
    let turned = heading_span(&rotations);
    assert!(turned > 0.25, "the view turned only {turned:.2} rad");
}

#[test]
fn the_clinician_steps_the_level_up_from_the_console_and_every_cue_is_recorded() {
    let display = OwnDisplay::start();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mestring = |args: &[&str]| display.mestring(&data, args);
    assert!(mestring(&["participants", "add", "P302"]).wait().unwrap().success());
    // The script answers the start ratings and, as a clinician would from
    // the console's cue buttons, starts every cue once.
    let mut script = String::from("after 0.5 rate 40\nafter 0.5 rate 50\nafter 0.5 rate 70\n");
    for cue in mestring::scenario::StressCue::ALL {
        script.push_str(&format!("after 0.2 cue {} 0.6\n", cue.name()));
    }
    let script_path = dir.path().join("clinician.script");
    std::fs::write(&script_path, script).unwrap();
    let shot = dir.path().join("console.png");
    let mut app = mestring(&[
        "run",
        "team-meeting",
        "--level",
        "3",
        "--lang",
        "en",
        "--exit-after",
        "10",
        "--participant",
        "P302",
        "--console",
        "--script",
        script_path.to_str().unwrap(),
        "--screenshot",
        shot.to_str().unwrap(),
    ]);
    display.wait_for_window(&mut app);
    // "Step up" in the console, until the run ends: a click that comes
    // before the console's first frame is lost, and each later one steps
    // once more (3 to 4, then 5, then the button is disabled).
    while app.try_wait().unwrap().is_none() {
        display.xdotool(&["mousemove", "1050", "130", "click", "1"]);
        std::thread::sleep(Duration::from_millis(1500));
    }
    let out = app.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // The console is on screen: a dark panel down the right-hand side.
    let (w, h, pixels) = super::read_png(&shot);
    let dark = (0..h).flat_map(|y| (w - 300..w).map(move |x| (x, y))).filter(|&(x, y)| {
        let p = pixels[(y * w + x) as usize];
        p.iter().all(|&c| c < 40)
    });
    assert!(dark.count() > 300 * h as usize / 2, "no console panel on the right");

    let v = display.export(&data, "P302");
    let events = &v["sessions"][0]["events"];
    let mut changed = Vec::new();
    find(events, "LevelChanged", &mut changed);
    assert!(
        changed.iter().any(|c| c["from"] == 3 && c["to"] == 4),
        "the console's Step up is not in the record: {changed:?}"
    );
    let mut started = Vec::new();
    find(events, "CueStarted", &mut started);
    for cue in mestring::scenario::StressCue::ALL {
        let name = serde_json::to_value(cue).unwrap();
        assert!(started.iter().any(|s| s["cue"] == name), "{} was not recorded as started", cue.name());
    }
}
