//! Window tests: the real Bevy app renders under Xvfb with Mesa's software
//! Vulkan, for what only a window shows: the scene in pixels, the real
//! pointer and console, the OpenXR fallback. Behaviour is tested on the
//! headless shell (tests/it/shell.rs). `cargo xtask test` provides the
//! display; `cargo xtask test window::` runs this group alone.

mod clinic;
mod pointer;

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
        // Bright, near-white text in the middle band: the pause card's.
        let card = band.iter().filter(|p| p.iter().all(|&c| c > 215)).count();
        (mean, card)
    };
    // Level 1 asks two ratings at the start: SUDS and self-efficacy.
    let start = "after 0.5 rate 40\nafter 0.5 rate 50\n";
    let (running, _) = shot("running", start);
    let (paused, card) = shot("paused", &format!("{start}after 0.5 pause\n"));
    // The veil and the dimmed room leave well under half the brightness.
    assert!(paused < running * 0.75, "paused {paused:.0} is not clearly dimmer than running {running:.0}");
    // The pause card (saying it is paused, go on or stop) is not dimmed.
    assert!(card > 300, "the pause card is dimmed too ({card} bright pixels)");
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
