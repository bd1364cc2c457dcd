//! Window tests: the real Bevy app renders under Xvfb with Mesa's software
//! Vulkan. `cargo xtask test` provides the display.

use std::process::Command;

use crate::repo;

/// Decodes an RGB(A) PNG into (width, height, rgb pixels).
pub fn read_png(path: &std::path::Path) -> (u32, u32, Vec<[u8; 3]>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels = buf[..info.buffer_size()].chunks(channels).map(|p| [p[0], p[1], p[2]]).collect();
    (info.width, info.height, pixels)
}

fn need_display() {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "window tests need a display; run the suite with `cargo xtask test`, which starts Xvfb"
    );
}

#[test]
fn a_scripted_participant_meets_the_team_at_level_1_and_kari_speaks() {
    meets_the_team_and_kari_speaks(1);
}

#[test]
fn a_scripted_participant_meets_the_team_at_the_top_level_and_kari_speaks() {
    meets_the_team_and_kari_speaks(5);
}

fn meets_the_team_and_kari_speaks(level: u8) {
    need_display();
    let level_arg = level.to_string();
    let dir = tempfile::tempdir().unwrap();
    let shot = dir.path().join("scene.png");
    let script = dir.path().join("start.script");
    // Answer the three start ratings; the meeting then begins with Kari.
    std::fs::write(&script, "after 0.5 rate 40\nafter 0.5 rate 50\nafter 0.5 rate 70\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_mestring"))
        .args([
            "run",
            "team-meeting",
            "--level",
            &level_arg,
            "--lang",
            "en",
            "--exit-after",
            "6",
            "--screenshot",
        ])
        .arg(&shot)
        .arg("--script")
        .arg(&script)
        .current_dir(repo())
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "run failed:\n{log}");
    let running = format!("running \"team-meeting\" at level {level} in a desktop window");
    assert!(log.contains(&running), "{log}");

    let (w, h, pixels) = read_png(&shot);
    assert!(w >= 640 && h >= 400, "window is {w}x{h}");
    let at = |x: u32, y: u32| pixels[(y * w + x) as usize];
    let region = |x0: f32, x1: f32, y0: f32, y1: f32| {
        let (x0, x1, y0, y1) =
            ((x0 * w as f32) as u32, (x1 * w as f32) as u32, (y0 * h as f32) as u32, (y1 * h as f32) as u32);
        (y0..y1).flat_map(move |y| (x0..x1).map(move |x| (x, y)))
    };
    // Not blank: a lit room has many distinct colours.
    let mut colours: Vec<[u8; 3]> = pixels.iter().map(|p| [p[0] & 0xF0, p[1] & 0xF0, p[2] & 0xF0]).collect();
    colours.sort();
    colours.dedup();
    assert!(colours.len() > 40, "only {} colours: blank or uniform", colours.len());
    // Kari's line: light text on the dark subtitle panel near the bottom.
    let subtitle = region(0.1, 0.9, 0.8, 1.0).filter(|&(x, y)| at(x, y).iter().all(|&c| c > 190)).count();
    assert!(subtitle > 800, "no subtitle text at the bottom ({subtitle} light pixels)");
    // The level summary in amber in the status bar at the top.
    let amber = region(0.0, 1.0, 0.0, 0.15)
        .filter(|&(x, y)| {
            let p = at(x, y);
            p[0] > 190 && (140..225).contains(&p[1]) && p[2] < 150
        })
        .count();
    assert!(amber > 300, "no status text at the top ({amber} amber pixels)");
    // The colleagues, told apart by clothing: Aisha's rust-orange and
    // Kari's blue, present at every level. Measured on a good run: about
    // 84,000 and 5,000 pixels; the red cup alone gives 2,500 orange ones
    // and the window glass fails the blue test, so props cannot pass it.
    let orange = pixels.iter().filter(|p| p[0] > 150 && p[0] as i32 - p[1] as i32 > 50 && p[2] < 120).count();
    let blue = pixels.iter().filter(|p| p[0] < 110 && p[2] > 100 && p[2] as i32 - p[0] as i32 > 40).count();
    assert!(orange > 20_000, "Aisha not visible ({orange} orange pixels)");
    assert!(blue > 2_500, "Kari not visible ({blue} blue pixels)");
    // Ola (olive) joins only at the harder levels; the plant alone gives
    // about 1,400 such pixels, Ola at level 5 over 60,000.
    let olive = pixels
        .iter()
        .filter(|p| p[1] > p[0] && p[0] > p[2] && p[1] - p[2] > 40 && p[1] > 90 && p[0] > 70)
        .count();
    if level == 5 {
        assert!(olive > 20_000, "Ola not visible at the top level ({olive} olive pixels)");
    } else {
        assert!(olive < 5_000, "Ola is there at level {level} ({olive} olive pixels)");
    }
}

#[test]
fn run_refuses_a_level_the_scenario_lacks_without_opening_a_window() {
    let o = Command::new(env!("CARGO_BIN_EXE_mestring"))
        .args(["run", "team-meeting", "--level", "8"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("level 8 does not exist"));
}

#[test]
fn a_recorded_run_keeps_behaviour_samples_and_who_was_looked_at() {
    need_display();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mestring = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_mestring"))
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .current_dir(repo())
            .output()
            .unwrap()
    };
    assert!(mestring(&["participants", "add", "P200"]).status.success());
    let script = dir.path().join("start.script");
    std::fs::write(&script, "after 0.5 rate 40\nafter 0.5 rate 50\nafter 0.5 rate 70\n").unwrap();
    let o = mestring(&[
        "run",
        "team-meeting",
        "--level",
        "3",
        "--lang",
        "en",
        "--exit-after",
        "6",
        "--participant",
        "P200",
        "--script",
        script.to_str().unwrap(),
    ]);
    let log = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{log}");
    assert!(log.contains("recorded session"), "{log}");

    let json = dir.path().join("p200.json");
    assert!(
        mestring(&["export", "--participant", "P200", "--format", "json", json.to_str().unwrap()])
            .status
            .success()
    );
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let session = &v["sessions"][0];
    // Closing the window is the clinician's stop, so the record is whole.
    assert_eq!(session["status"], "complete");
    assert_eq!(session["end_reason"], "stopped by clinician");
    assert!(session["samples"].as_array().unwrap().len() >= 10, "too few samples");
    // Seated at the foot of the table, the view rests on Kari at its head.
    let kari = session["gaze"]["eye_contact"][0].as_f64().unwrap();
    assert!(kari > 0.5, "eye contact with Kari {kari}");
    let aisha = session["gaze"]["eye_contact"][1].as_f64().unwrap();
    assert!(aisha < 0.1, "Aisha sits to the side, not in view's centre: {aisha}");
}

#[test]
fn pausing_dims_the_scene() {
    need_display();
    let dir = tempfile::tempdir().unwrap();
    let shot = |name: &str, script_text: &str| {
        let script = dir.path().join(format!("{name}.script"));
        std::fs::write(&script, script_text).unwrap();
        let png = dir.path().join(format!("{name}.png"));
        let o = Command::new(env!("CARGO_BIN_EXE_mestring"))
            .args([
                "run",
                "team-meeting",
                "--level",
                "1",
                "--lang",
                "en",
                "--exit-after",
                "5",
                "--screenshot",
            ])
            .arg(&png)
            .arg("--script")
            .arg(&script)
            .current_dir(repo())
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let (w, h, pixels) = read_png(&png);
        // Mean brightness of the room's middle band, away from the panels.
        let band: Vec<&[u8; 3]> = pixels
            .iter()
            .enumerate()
            .filter(|(i, _)| (h / 5..h * 3 / 5).contains(&(*i as u32 / w)))
            .map(|(_, p)| p)
            .collect();
        let mean = band.iter().map(|p| p.iter().map(|&c| f64::from(c)).sum::<f64>() / 3.0).sum::<f64>()
            / band.len() as f64;
        // Bright amber status text in the top band.
        let status = pixels[..(w * h / 8) as usize]
            .iter()
            .filter(|p| p[0] > 190 && (140..225).contains(&p[1]) && p[2] < 150)
            .count();
        (mean, status)
    };
    let start = "after 0.5 rate 40\nafter 0.5 rate 50\nafter 0.5 rate 70\n";
    let (running, _) = shot("running", start);
    let (paused, status) = shot("paused", &format!("{start}after 0.5 pause\n"));
    // The veil leaves about half the brightness (measured: 0.53).
    assert!(paused < running * 0.75, "paused {paused:.0} is not clearly dimmer than running {running:.0}");
    // The status bar (saying PAUSED and how to go on) is not dimmed.
    assert!(status > 300, "the status bar is dimmed too ({status} bright amber pixels)");
}

#[test]
fn with_openxr_but_no_runtime_the_run_falls_back_to_the_desktop_and_says_why() {
    need_display();
    let dir = tempfile::tempdir().unwrap();
    // The loader is installed (xtask setup); pointing it at a runtime that
    // does not exist is what a clinic PC without a running headset sees.
    let o = Command::new(env!("CARGO_BIN_EXE_mestring"))
        .args(["run", "upset-customer", "--level", "1", "--exit-after", "2"])
        .env("XR_RUNTIME_JSON", dir.path().join("no-runtime.json"))
        .current_dir(repo())
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "run failed:\n{log}");
    assert!(log.contains("no headset, so the session runs in a desktop window"), "{log}");
    assert!(log.contains("OpenXR is installed but no runtime answered"), "{log}");
    assert!(log.contains("in a desktop window (no headset runtime running)"), "{log}");
    // No sound card here either: one plain line, and none of ALSA's own.
    assert_eq!(log.matches("the session runs silent").count(), 1, "{log}");
    assert!(!log.contains("ALSA lib"), "{log}");
}

/// A binary glTF holding one bright magenta board, 2 m wide, from 0.9 m to
/// 2.1 m above the floor, facing +z.
fn magenta_board_glb() -> Vec<u8> {
    let mut bin = Vec::new();
    for [x, y, z] in [[-1.0f32, 0.9, 0.0], [1.0, 0.9, 0.0], [1.0, 2.1, 0.0], [-1.0, 2.1, 0.0]] {
        bin.extend([x, y, z].iter().flat_map(|v| v.to_le_bytes()));
    }
    for _ in 0..4 {
        bin.extend([0.0f32, 0.0, 1.0].iter().flat_map(|v| v.to_le_bytes()));
    }
    bin.extend([0u16, 1, 2, 0, 2, 3].iter().flat_map(|v| v.to_le_bytes()));
    let json = serde_json::json!({
        "asset": {"version": "2.0"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1}, "indices": 2, "material": 0}]}],
        "materials": [{
            "pbrMetallicRoughness": {"baseColorFactor": [1.0, 0.0, 1.0, 1.0], "metallicFactor": 0.0, "roughnessFactor": 1.0},
            "emissiveFactor": [1.0, 0.0, 1.0],
            "doubleSided": true
        }],
        "buffers": [{"byteLength": bin.len()}],
        "bufferViews": [
            {"buffer": 0, "byteOffset": 0, "byteLength": 48, "target": 34962},
            {"buffer": 0, "byteOffset": 48, "byteLength": 48, "target": 34962},
            {"buffer": 0, "byteOffset": 96, "byteLength": 12, "target": 34963}
        ],
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": 4, "type": "VEC3", "min": [-1.0, 0.9, 0.0], "max": [1.0, 2.1, 0.0]},
            {"bufferView": 1, "componentType": 5126, "count": 4, "type": "VEC3"},
            {"bufferView": 2, "componentType": 5123, "count": 6, "type": "SCALAR"}
        ]
    });
    let mut json = serde_json::to_vec(&json).unwrap();
    while !json.len().is_multiple_of(4) {
        json.push(b' ');
    }
    while !bin.len().is_multiple_of(4) {
        bin.push(0);
    }
    let total = 12 + 8 + json.len() + 8 + bin.len();
    let mut glb = Vec::with_capacity(total);
    glb.extend(b"glTF");
    glb.extend(2u32.to_le_bytes());
    glb.extend((total as u32).to_le_bytes());
    glb.extend((json.len() as u32).to_le_bytes());
    glb.extend(b"JSON");
    glb.extend(json);
    glb.extend((bin.len() as u32).to_le_bytes());
    glb.extend(b"BIN\0");
    glb.extend(bin);
    glb
}

#[test]
fn a_gltf_model_named_in_the_scenario_replaces_the_built_in_prop() {
    need_display();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("board.glb"), magenta_board_glb()).unwrap();
    // The meeting, with the whiteboard behind Kari replaced by the model,
    // which lives beside the scenario file, not in any assets folder.
    let text = std::fs::read_to_string(repo().join("scenarios/team-meeting.ron")).unwrap();
    let board = "(kind: Whiteboard, at: (0.0, -3.4))";
    assert!(text.contains(board), "the meeting's whiteboard moved; update this test");
    let text = text.replace(board, "(kind: Whiteboard, at: (0.0, -3.4), model: \"board.glb\")");
    let scenario = dir.path().join("meeting-with-model.ron");
    std::fs::write(&scenario, text).unwrap();
    let shot = dir.path().join("model.png");
    let o = Command::new(env!("CARGO_BIN_EXE_mestring"))
        .arg("run")
        .arg(&scenario)
        .args(["--level", "1", "--lang", "en", "--exit-after", "4", "--screenshot"])
        .arg(&shot)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (_, _, pixels) = read_png(&shot);
    let magenta =
        pixels.iter().filter(|p| p[0] > p[1].saturating_add(60) && p[2] > p[1].saturating_add(60)).count();
    // The board covers about 190 x 110 px behind Kari's head; nothing else
    // in the room is magenta.
    assert!(magenta > 8_000, "the model is not in view ({magenta} magenta pixels)");
}

// ---------------------------------------------------------------- levels on the people

/// A screenshot of a run: `scenario` (a shipped id or a file) at `level`
/// for `seconds`, answering from `script` if given.
struct Shot {
    w: u32,
    h: u32,
    pixels: Vec<[u8; 3]>,
}

impl Shot {
    fn take(
        dir: &std::path::Path,
        name: &str,
        scenario: &str,
        level: u8,
        seconds: f32,
        script: &str,
    ) -> Shot {
        let png = dir.join(format!("{name}.png"));
        let script_file = dir.join(format!("{name}.script"));
        std::fs::write(&script_file, script).unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_mestring"))
            .args(["run", scenario, "--level", &level.to_string(), "--lang", "en"])
            .args(["--exit-after", &seconds.to_string(), "--screenshot"])
            .arg(&png)
            .arg("--script")
            .arg(&script_file)
            .current_dir(repo())
            .output()
            .unwrap();
        assert!(o.status.success(), "{name}: {}", String::from_utf8_lossy(&o.stderr));
        if let Some(keep) = std::env::var_os("MESTRING_KEEP_SHOTS") {
            let _ = std::fs::copy(&png, std::path::Path::new(&keep).join(format!("{name}.png")));
        }
        let (w, h, pixels) = read_png(&png);
        Shot { w, h, pixels }
    }

    /// Pixels in a region given as shares of the width and height.
    fn region(&self, x: (f32, f32), y: (f32, f32)) -> impl Iterator<Item = (u32, u32, [u8; 3])> + '_ {
        let (x0, x1) = ((x.0 * self.w as f32) as u32, (x.1 * self.w as f32) as u32);
        let (y0, y1) = ((y.0 * self.h as f32) as u32, (y.1 * self.h as f32) as u32);
        (y0..y1).flat_map(move |y| (x0..x1).map(move |x| (x, y, self.pixels[(y * self.w + x) as usize])))
    }

    fn count(&self, x: (f32, f32), y: (f32, f32), colour: impl Fn([u8; 3]) -> bool) -> usize {
        self.region(x, y).filter(|&(_, _, p)| colour(p)).count()
    }

    /// The mouth in a face region: how many lip-coloured pixels there are,
    /// and how much lower (in pixels) the mouth's outer fifths sit than its
    /// middle: negative for a smile, positive for turned-down corners.
    fn mouth(&self, x: (f32, f32), y: (f32, f32)) -> (usize, f32) {
        let lips: Vec<(u32, u32)> = self
            .region(x, y)
            .filter(|&(_, _, [r, g, b])| {
                let (r, g, b) = (u32::from(r), u32::from(g), u32::from(b));
                r > 60 && g * 100 < r * 55 && b * 100 < r * 55 && r - g > 45
            })
            .map(|(x, y, _)| (x, y))
            .collect();
        let (Some(left), Some(right)) = (lips.iter().map(|p| p.0).min(), lips.iter().map(|p| p.0).max())
        else {
            return (0, 0.0);
        };
        let span = (right - left + 1) as f32;
        let mean_y = |keep: &dyn Fn(f32) -> bool| {
            let ys: Vec<f32> =
                lips.iter().filter(|p| keep((p.0 - left) as f32 / span)).map(|p| p.1 as f32).collect();
            ys.iter().sum::<f32>() / ys.len().max(1) as f32
        };
        let ends = mean_y(&|at| !(0.2..=0.8).contains(&at));
        let middle = mean_y(&|at| (0.35..=0.65).contains(&at));
        (lips.len(), ends - middle)
    }
}

/// Hanne's face, behind the desk across from the participant.
const HANNE_FACE: ((f32, f32), (f32, f32)) = ((0.43, 0.57), (0.36, 0.56));

#[test]
fn attitude_and_cues_show_on_hanne_a_smile_at_level_1_a_frown_at_level_4_and_a_glance_at_the_watch() {
    need_display();
    let dir = tempfile::tempdir().unwrap();
    // Hanne is friendly at level 1 and critical at level 4; at 4 seconds
    // she is looking at the participant at both.
    let friendly = Shot::take(dir.path(), "friendly", "return-to-work-manager", 1, 4.0, "");
    let critical = Shot::take(dir.path(), "critical", "return-to-work-manager", 4, 4.0, "");
    let (x, y) = HANNE_FACE;
    let (lips, smile) = friendly.mouth(x, y);
    // Measured: about 110 lip pixels each, corners 3.5 px above the
    // middle for the smile and 3 px below it for the frown.
    assert!(lips > 40, "no mouth on friendly Hanne ({lips} lip pixels)");
    assert!(smile < -1.5, "friendly Hanne does not smile: corners {smile:+.1} px from the middle");
    let (lips, frown) = critical.mouth(x, y);
    assert!(lips > 40, "no mouth on critical Hanne ({lips} lip pixels)");
    assert!(frown > 1.5, "critical Hanne's mouth is not turned down: corners {frown:+.1} px from the middle");

    // A watch check, 0.5 s in and lasting 2 s: her left wrist comes up in
    // front of her chest, where at rest there are no hands.
    let watch =
        Shot::take(dir.path(), "watch", "return-to-work-manager", 1, 2.2, "after 0.5 cue watch-check 0.6\n");
    let skin =
        |[r, g, b]: [u8; 3]| r > 170 && (140..215).contains(&g) && (110..190).contains(&b) && r > g + 15;
    let chest = ((0.42, 0.58), (0.54, 0.66));
    let (at_rest, lifted) = (friendly.count(chest.0, chest.1, skin), watch.count(chest.0, chest.1, skin));
    assert!(lifted > 300 && lifted > 5 * at_rest, "no wrist lifted: {lifted} hand pixels, {at_rest} at rest");
}

/// Ola's olive jacket.
fn olive([r, g, b]: [u8; 3]) -> bool {
    g > r && r > b.saturating_add(20) && g > b.saturating_add(35) && g < 190
}

#[test]
fn people_who_join_at_a_higher_level_walk_in_and_sit_down() {
    need_display();
    let dir = tempfile::tempdir().unwrap();
    let up = "after 0.5 level 5\n";
    // Ola and Per are not at level 1; at level 5 they come in. The door is
    // behind the participant, so the first run moves it to the far wall to
    // see them on the way.
    let text = std::fs::read_to_string(repo().join("scenarios/team-meeting.ron")).unwrap();
    let door = "(kind: Door, at: (-2.0, 3.45), facing: 180.0)";
    assert!(text.contains(door), "the meeting's door moved; update this test");
    let far = dir.path().join("door-ahead.ron");
    std::fs::write(&far, text.replace(door, "(kind: Door, at: (1.5, -3.45), facing: 0.0)")).unwrap();
    let walking = Shot::take(dir.path(), "walking", far.to_str().unwrap(), 1, 2.5, up);
    // Standing, a jacket is above the seated participant's eye line (the
    // upper half of the view); seated, nobody's is.
    let upper = ((0.0, 1.0), (0.0, 0.44));
    let ola_seat = ((0.8, 1.0), (0.5, 1.0));
    let standing = walking.count(upper.0, upper.1, olive);
    assert!(standing > 300, "nobody is walking in ({standing} olive pixels above the eye line)");
    let seated = walking.count(ola_seat.0, ola_seat.1, olive);
    assert!(
        seated < 1_000,
        "Ola is already in his seat after 2 s: he popped in ({seated} olive pixels there)"
    );

    // Through the real door behind the participant and round to his seat:
    // after 7.5 s he sits, close by on the right.
    let sitting = Shot::take(dir.path(), "sitting", "team-meeting", 1, 8.0, up);
    let seated = sitting.count(ola_seat.0, ola_seat.1, olive);
    assert!(seated > 10_000, "Ola is not in his seat at level 5 ({seated} olive pixels)");
    let standing = sitting.count(upper.0, upper.1, olive);
    assert!(standing < 100, "someone is still standing ({standing} olive pixels above the eye line)");
}

#[test]
fn time_pressure_shows_as_a_bar_that_empties_and_turns_amber() {
    need_display();
    let dir = tempfile::tempdir().unwrap();
    // Kari's welcome made short, so the first choice, with level 5's
    // 12-second clock, comes about a second in.
    let text = std::fs::read_to_string(repo().join("scenarios/team-meeting.ron")).unwrap();
    let welcome = "Say(id: \"welcome\", by: \"kari\", text: {";
    assert!(text.contains(welcome), "Kari's welcome changed; update this test");
    let quick = dir.path().join("quick.ron");
    std::fs::write(&quick, text.replace(welcome, "Say(id: \"welcome\", by: \"kari\", seconds: 0.5, text: {"))
        .unwrap();
    let ratings = "after 0 rate 40\nafter 0 rate 50\nafter 0 rate 70\n";
    let shot = Shot::take(dir.path(), "clock", quick.to_str().unwrap(), 5, 8.0, ratings);
    // About 7 of 12 seconds gone: a bar in the choice panel's last rows,
    // filled for about 40 % of its 85 %-of-the-window width, in amber.
    let bar = |[r, g, b]: [u8; 3]| r > 200 && (120..215).contains(&g) && b < 100;
    let calm = |[r, g, b]: [u8; 3]| r > 170 && g > 200 && b > 225 && b > r.saturating_add(25);
    let bottom = ((0.0, 1.0), (0.75, 1.0));
    let (w, h) = (shot.w, shot.h);
    let rows = (0..h).filter(|&y| y as f32 >= 0.75 * h as f32);
    let fill =
        rows.map(|y| (0..w).filter(|&x| bar(shot.pixels[(y * w + x) as usize])).count()).max().unwrap_or(0);
    let share = fill as f32 / w as f32;
    assert!((0.15..0.55).contains(&share), "the bar's amber fill spans {:.0} % of the window", share * 100.0);
    let still_calm = shot.count(bottom.0, bottom.1, calm);
    assert!(still_calm < 200, "the bar is still in its calm colour ({still_calm} pixels)");
}
