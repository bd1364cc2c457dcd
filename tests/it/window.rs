//! Window tests: the real Bevy app renders under Xvfb with Mesa's software
//! Vulkan. `cargo xtask test` provides the display.

use std::process::Command;

use crate::repo;

/// Decodes an RGB(A) PNG into (width, height, rgb pixels).
fn read_png(path: &std::path::Path) -> (u32, u32, Vec<[u8; 3]>) {
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
fn run_opens_a_window_showing_the_scenario_and_level() {
    need_display();
    let dir = tempfile::tempdir().unwrap();
    let shot = dir.path().join("run.png");
    let o = Command::new(env!("CARGO_BIN_EXE_mestring"))
        .args(["run", "team-meeting", "--level", "3", "--lang", "en", "--exit-after", "3", "--screenshot"])
        .arg(&shot)
        .current_dir(repo())
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "run failed:\n{log}");
    assert!(log.contains("showing \"team-meeting\" at level 3"), "{log}");

    let (w, h, pixels) = read_png(&shot);
    assert!(w >= 640 && h >= 400, "window is {w}x{h}");
    // Not blank: the dark background dominates, and text stands out on it.
    let background = pixels.iter().filter(|p| p.iter().all(|&c| c < 60)).count();
    assert!(background > pixels.len() / 2, "the background should fill most of the window");
    // The title is near-white; the level summary is amber.
    let white = pixels.iter().filter(|p| p.iter().all(|&c| c > 190)).count();
    let amber = pixels.iter().filter(|p| p[0] > 190 && (120..230).contains(&p[1]) && p[2] < 150).count();
    assert!(white > 500, "no title text visible ({white} light pixels)");
    assert!(amber > 300, "no level summary visible ({amber} amber pixels)");
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
