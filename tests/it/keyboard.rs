//! The keyboard, for real: xdotool types on the window's own display, and
//! the session record says what came of it. A participant who only ever
//! presses 1 and Enter plays a shipped scenario from its first rating to
//! its end, and Enter then closes the window.

use std::time::Duration;

use crate::pointer::{OwnDisplay, find};

/// Plays `scenario` at level 1 by pressing 1 (the first option) and Enter
/// (the rating's default) over and over until the window closes, and
/// returns the recorded session.
fn played_on_the_keyboard(scenario: &str, participant: &str) -> serde_json::Value {
    let display = OwnDisplay::start();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(display.mestring(&data, &["participants", "add", participant]).wait().unwrap().success());
    // --exit-after only as a safety net: the run is meant to end by Enter
    // after the session has ended, long before it.
    let mut app = display.mestring(
        &data,
        &[
            "run",
            scenario,
            "--level",
            "1",
            "--lang",
            "en",
            "--exit-after",
            "600",
            "--participant",
            participant,
        ],
    );
    display.wait_for_window(&mut app);
    // With no window manager nobody gives the window the keyboard focus,
    // and a window without it hears no keys: give it, as a desktop would.
    assert!(display.xdotool(&["search", "--onlyvisible", "--name", "mestring", "windowfocus"]));
    while app.try_wait().unwrap().is_none() {
        display.xdotool(&["key", "1"]);
        std::thread::sleep(Duration::from_millis(300));
        display.xdotool(&["key", "Return"]);
        std::thread::sleep(Duration::from_millis(700));
    }
    let out = app.wait_with_output().unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{log}");
    assert!(log.contains("Enter closed the window"), "the run did not close by Enter after its end:\n{log}");
    let mut v = display.export(&data, participant);
    v["sessions"][0].take()
}

fn plays_to_its_end_on_the_keyboard(scenario: &str, participant: &str) {
    let session = played_on_the_keyboard(scenario, participant);
    let events = &session["events"];
    let mut ended = Vec::new();
    find(events, "Ended", &mut ended);
    assert_eq!(ended.len(), 1, "{scenario}: {ended:?}");
    assert!(
        ended[0]["reason"]["Completed"].is_object(),
        "{scenario} did not end at an End beat: {:?}",
        ended[0]
    );
    // Every choice was the first option, every rating the scale's default.
    let mut chosen = Vec::new();
    find(events, "Chosen", &mut chosen);
    assert!(!chosen.is_empty(), "{scenario}: no choice was made on the keyboard");
    assert!(chosen.iter().all(|c| c["option"] == 0), "{scenario}: {chosen:?}");
    let mut rated = Vec::new();
    find(events, "Rated", &mut rated);
    assert!(rated.len() >= 3, "{scenario}: only {} ratings were given on the keyboard", rated.len());
    for r in &rated {
        let answer = &r["answer"];
        let default = answer["Scale"] == 50
            || answer["Scale"] == 0
            || (answer["Review"]["happened"] == false && answer["Review"]["likelihood"] == 50);
        assert!(default, "{scenario}: a rating other than Enter on the default: {r:?}");
    }
}

#[test]
fn the_upset_customer_plays_to_its_end_on_the_keyboard_alone() {
    plays_to_its_end_on_the_keyboard("upset-customer", "P310");
}

#[test]
fn the_team_meeting_plays_to_its_end_on_the_keyboard_alone() {
    plays_to_its_end_on_the_keyboard("team-meeting", "P311");
}

#[test]
fn the_return_to_work_conversation_plays_to_its_end_on_the_keyboard_alone() {
    plays_to_its_end_on_the_keyboard("return-to-work-manager", "P312");
}

#[test]
fn lunch_with_colleagues_plays_to_its_end_on_the_keyboard_alone() {
    plays_to_its_end_on_the_keyboard("lunch-colleagues", "P313");
}
