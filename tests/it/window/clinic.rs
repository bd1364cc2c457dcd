//! The start screen's window, and the run it hands over: the screen draws
//! (its lists and the chosen row), and the very arguments it gives
//! `mestring run` open a recorded run with the console.

use std::process::Command;

use mestring::clinic::{Clinic, ClinicInput, Origin};
use mestring::words::Lang;

use super::{need_display, read_png};
use crate::repo;

#[test]
fn the_start_screen_draws_its_lists_with_the_chosen_participant_and_scenario() {
    need_display();
    let data = tempfile::tempdir().unwrap();
    let add = crate::mestring_on(data.path(), &["participants", "add", "P017"]);
    assert!(add.status.success(), "{}", crate::stderr_of(&add));
    let shot = data.path().join("start.png");
    let o = Command::new(env!("CARGO_BIN_EXE_mestring"))
        .arg("--data-dir")
        .arg(data.path())
        .args(["clinic", "--participant", "P017", "--scenario", "team-meeting", "--lang", "en"])
        .args(["--window-size", "1280x720", "--exit-after", "3", "--screenshot"])
        .arg(&shot)
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (w, h, pixels) = read_png(&shot);
    assert_eq!((w, h), (1280, 720));
    // egui's selection colour marks the chosen participant (left) and the
    // chosen scenario (right); light text fills both columns.
    let chosen = |x0: u32, x1: u32| {
        (0..h / 2)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .filter(|&(x, y)| {
                let p = pixels[(y * w + x) as usize];
                p[2] > 80 && p[2] as i32 - p[0] as i32 > 60
            })
            .count()
    };
    assert!(chosen(0, w / 2) > 2_000, "no chosen participant ({} pixels)", chosen(0, w / 2));
    assert!(chosen(w / 2, w) > 2_000, "no chosen scenario ({} pixels)", chosen(w / 2, w));
    let text = pixels.iter().filter(|p| p.iter().all(|&c| c > 170)).count();
    assert!(text > 2_000, "hardly any text ({text} light pixels)");
}

#[test]
fn the_run_the_start_screen_asks_for_opens_recorded_with_the_console() {
    need_display();
    let data = tempfile::tempdir().unwrap();
    let mut clinic =
        Clinic::open(data.path(), vec![(repo().join("scenarios"), Origin::Shipped)], Lang::En).unwrap();
    clinic.apply(ClinicInput::AddParticipant("P017".into()), 1, 1);
    let meeting = clinic.scenarios.iter().find(|s| s.id == "team-meeting").unwrap().path.clone();
    clinic.apply(ClinicInput::ChooseScenario(meeting), 1, 1);
    clinic.apply(ClinicInput::SetLanguage("en".into()), 1, 1);
    let request = clinic.apply(ClinicInput::Start, 1, 9).unwrap();
    let script = data.path().join("start.script");
    // The two start ratings, a stop, and the last SUDS after the calm phase.
    std::fs::write(&script, "after 0.5 rate 40\nafter 0.5 rate 50\nafter 0.5 stop\nafter 1 rate 20\n")
        .unwrap();
    // Exactly what the start screen runs, and what a test adds: a script
    // for the participant and a close at the end.
    let o = Command::new(env!("CARGO_BIN_EXE_mestring"))
        .args(request.run_args(data.path()))
        .args(["--desktop", "--close-at-end", "--script"])
        .arg(&script)
        .current_dir(repo())
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{log}");
    clinic.run_ended(mestring::clinic::RunEnd::Exited { ok: true, detail: String::new() });
    let last = clinic.last_run.unwrap();
    assert!(last.session.is_some(), "the run was recorded for P017: {log}");
    assert!(last.summary.iter().any(|l| l.contains("level 1")), "{:?}", last.summary);
}
