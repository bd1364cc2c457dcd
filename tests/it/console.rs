//! The clinician's console drawn headless and clicked by its words
//! (`Harness` with `RunOptions::console`). Each control is clicked on the
//! widget the clinician clicks, and its effect is read back from the
//! session and the record. The console's own pace is checked here too.

use std::time::Duration;

use mestring::app::RunOptions;
use mestring::app::testing::Harness;
use mestring::scenario::RatingKind;

use crate::find;
use crate::shell::{START_RATINGS, exported, load, options, recorded};

/// The whole console fits a window this tall, so nothing needs scrolling.
const TALL: f32 = 1400.0;

fn console_options(level: u8, script: &str) -> RunOptions {
    RunOptions { console: true, ..options(level, script) }
}

/// Clicks the button that starts with `words`, or fails the test with
/// what the console shows.
fn click(h: &mut Harness, words: &str) {
    if !h.click_console(words) {
        let shown: Vec<String> =
            h.console_widgets().into_iter().map(|w| format!("{} {:?}", w.role, w.text)).collect();
        panic!("no button {words:?} on the console: {shown:#?}");
    }
}

/// Clicks the slider whose label starts with `label` at `share` of its
/// width from the left (egui moves a slider's handle to the click).
fn click_slider(h: &mut Harness, label: &str, share: f32) {
    let slider = h.console_widget("Slider", label).unwrap_or_else(|| panic!("no slider {label:?}"));
    // egui's sliders are 100 points wide unless told otherwise; the ends
    // are kept clear of by half the handle.
    let at = slider.centre + bevy::math::Vec2::new((share - 0.5) * 90.0, 0.0);
    h.click_console_at(at);
}

#[test]
fn every_control_on_the_console_does_what_it_says_when_clicked() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut h = recorded(&data, "team-meeting", "P410", console_options(3, START_RATINGS));
    h.console_window_height(TALL);
    h.run_for(2.0);

    // The level, one step each way.
    click(&mut h, "Step up");
    h.frame();
    assert_eq!(h.session().level(), 4, "Step up did not step up");
    click(&mut h, "Step down");
    h.frame();
    assert_eq!(h.session().level(), 3, "Step down did not step down");

    // A cue at a low intensity: the slider first, then the cue's button.
    click_slider(&mut h, "intensity", 0.1);
    let intensity = h.console_widget("SpinButton", "0.").expect("the intensity's value").text;
    assert_ne!(intensity, "0.50", "the intensity slider did not move");
    click(&mut h, "a door slams");
    h.run_for(0.2);

    // The start ratings the script does not answer are let go first.
    for _ in 0..4 {
        if h.asked() {
            click(&mut h, "Skip this rating");
            h.frame();
        }
    }
    assert!(!h.asked(), "Skip this rating left a start rating open");
    // The log says what was skipped in the scenario's words, not its ids.
    let log: Vec<String> =
        h.console_widgets().into_iter().filter(|w| w.role == "Label").map(|w| w.text).collect();
    let skipped = "expectancy (someone criticises you in front of the others): skipped by the clinician";
    assert!(log.iter().any(|l| l.ends_with(skipped)), "{log:#?}");
    assert!(
        log.iter().any(|l| l.contains("self-efficacy (give a short status update in a team meeting)")),
        "{log:#?}"
    );
    assert!(!log.iter().any(|l| l.contains("give-update") || l.contains("(criticised)")), "{log:#?}");
    // Ask SUDS now, then skip it; the same for VR sickness.
    click(&mut h, "Ask SUDS now");
    h.frame();
    assert!(h.asked(), "Ask SUDS now asked nothing");
    click(&mut h, "Skip this rating");
    h.frame();
    assert!(!h.asked(), "Skip this rating left the rating open");
    click(&mut h, "Ask about VR sickness now");
    h.frame();
    assert!(h.asked(), "Ask about VR sickness now asked nothing");
    click(&mut h, "Skip this rating");
    h.frame();

    // A note typed into the field, then the marker that carries it.
    let field = h.console_widget("TextInput", "").expect("the note field");
    h.click_console_at(field.centre);
    h.type_on_console("looked away, then back");
    click(&mut h, "Marker (F2)");
    h.frame();
    // More for the same marker, typed after it.
    let field = h.console_widget("TextInput", "").expect("the note field");
    h.click_console_at(field.centre);
    h.type_on_console("when Kari asked");
    click(&mut h, "Add to the marker at");
    h.frame();

    // Name labels, on.
    let labels = h.console_widget("CheckBox", "Name labels").expect("the name labels box");
    h.click_console_at(labels.centre);
    h.frame();
    assert!(h.labels_shown(), "the name labels box did not show them");

    // The participant's volume, down to about a fifth.
    click_slider(&mut h, "participant's volume", 0.2);
    h.frame();
    let volume = h.participant_volume();
    assert!((0.1..0.35).contains(&volume), "the volume slider set {volume}");

    // Pause, and the same button resumes.
    click(&mut h, "Pause (F5)");
    h.frame();
    assert!(h.view().paused, "Pause did not pause");
    click(&mut h, "Resume (F5)");
    h.frame();
    assert!(!h.view().paused, "Resume did not resume");

    // The clinician's language: the console's words change, the
    // participant's do not.
    click(&mut h, "norsk");
    h.frame();
    assert!(h.console_widget("Button", "Ask SUDS now").is_none(), "the console is still in English");
    assert!(h.console_widget("Button", "Spør om SUDS nå").is_some(), "the console is not in Norwegian");
    click(&mut h, "English");
    h.frame();

    // Stop asks first: "Keep going" leaves the run as it was, and only
    // "Really stop" stops.
    click(&mut h, "Stop…");
    h.frame();
    click(&mut h, "Keep going");
    h.run_for(0.5);
    assert!(h.view().ended.is_none() && !h.view().recovering, "Keep going stopped the session");
    click(&mut h, "Stop…");
    h.frame();
    click(&mut h, "Really stop");
    h.frame();
    assert!(h.view().recovering || h.view().ended.is_some(), "Really stop did not stop");
    h.close();

    // All of it is in the record.
    let v = exported(&data, "P410");
    let events = &v["sessions"][0]["events"];
    let all = |key: &str| {
        let mut out = Vec::new();
        find(events, key, &mut out);
        out.into_iter().cloned().collect::<Vec<_>>()
    };
    let changed = all("LevelChanged");
    assert!(changed.iter().any(|c| c["from"] == 3 && c["to"] == 4), "{changed:?}");
    assert!(changed.iter().any(|c| c["from"] == 4 && c["to"] == 3), "{changed:?}");
    let cues = all("CueStarted");
    let slam = cues.iter().find(|c| c["cue"] == "DoorSlam").unwrap_or_else(|| panic!("{cues:?}"));
    let at = slam["intensity"].as_f64().unwrap();
    assert!((0.0..0.25).contains(&at), "the door slammed at intensity {at}, not the slider's");
    let skipped = all("RatingSkipped");
    let suds = serde_json::to_value(RatingKind::Suds).unwrap();
    let sickness = serde_json::to_value(RatingKind::Cybersickness).unwrap();
    assert!(skipped.iter().any(|s| s["rating"] == suds), "{skipped:?}");
    assert!(skipped.iter().any(|s| s["rating"] == sickness), "{skipped:?}");
    let markers = all("Marker");
    assert!(markers.iter().any(|m| m["note"] == "looked away, then back"), "{markers:?}");
    let noted = all("MarkerNoted");
    assert!(
        noted.iter().any(|m| m["note"].as_str().is_some_and(|n| n.contains("when Kari asked"))),
        "{noted:?}"
    );
    assert!(!all("Paused").is_empty() && !all("Resumed").is_empty(), "the pause is not in the record");
    let ended = all("Ended");
    assert!(ended.iter().any(|e| e["reason"]["Stopped"]["by"] == "clinician"), "{ended:?}");
}

#[test]
fn the_calming_pause_button_starts_it_and_then_ends_its_breathing_early() {
    let mut h = Harness::new(load("team-meeting"), console_options(2, START_RATINGS)).unwrap();
    h.console_window_height(TALL);
    h.run_for(2.0);
    click(&mut h, "Calming pause (B)");
    h.frame();
    assert!(h.view().calming.is_some(), "the calming pause did not start");
    assert!(h.transcript("en").contains("< calming by clinician"), "{}", h.transcript("en"));
    // The participant gives the first SUDS; the breathing begins, and the
    // same button now ends it early.
    h.press(bevy::prelude::KeyCode::Enter);
    assert!(h.run_until(1.0, |h| h.transcript("en").contains("< breathing")), "{}", h.transcript("en"));
    click(&mut h, "End the breathing (B)");
    h.frame();
    let t = h.transcript("en");
    assert!(t.contains("breathing-ended early"), "the button did not end the breathing:\n{t}");
}

#[test]
fn in_headset_mode_the_console_asks_the_headset_to_recentre() {
    let mut h = Harness::in_headset(load("team-meeting"), console_options(2, START_RATINGS), None).unwrap();
    h.console_window_height(TALL);
    h.run_for(1.0);
    assert_eq!(h.recentres_asked(), 0);
    click(&mut h, "Recentre headset (R)");
    h.frame();
    assert_eq!(h.recentres_asked(), 1, "the button did not ask the headset to recentre");
}

// ---------------------------------------------------------------- pace

const HZ_90: Duration = Duration::from_nanos(1_000_000_000 / 90);

#[test]
fn at_90_hz_the_console_is_drawn_15_times_a_second_and_never_flickers() {
    let mut h = Harness::with_frame(load("team-meeting"), console_options(2, START_RATINGS), HZ_90).unwrap();
    h.run_for(0.5);
    assert!(h.run_until(1.0, |h| h.console_drew()));
    let mut last = h.take_console_shapes();
    let mut drawn = 0;
    for frame in 0..90 {
        h.frame();
        // The render world takes the shapes each frame, as on a window:
        // a frame that did not draw must have handed over the last ones.
        let shapes = h.take_console_shapes();
        assert!(!shapes.is_empty(), "frame {frame} has no console to show");
        if h.console_drew() {
            drawn += 1;
            last = shapes;
        } else {
            assert_eq!(shapes.len(), last.len(), "frame {frame} shows other shapes than the last drawing");
        }
    }
    assert!((14..=16).contains(&drawn), "drawn on {drawn} of 90 frames");
}

#[test]
fn the_clinician_s_click_is_drawn_and_taken_on_its_own_frame() {
    let mut h = Harness::with_frame(load("team-meeting"), console_options(2, START_RATINGS), HZ_90).unwrap();
    h.console_window_height(TALL);
    h.run_for(0.5);
    // Wait for a drawing, so the next frames are between drawings.
    assert!(h.run_until(1.0, |h| h.console_drew()));
    let pause = h.console_widget("Button", "Pause (F5)").unwrap();
    h.frame();
    assert!(!h.console_drew());
    // Each of the click's three frames (move, press, release) draws, and
    // the pause comes on the frame after the release, as every input does.
    h.click_console_at(pause.centre);
    assert!(h.console_drew(), "the release's frame was not drawn");
    h.frame();
    assert!(h.view().paused, "the click did not pause");
}

#[test]
fn a_drag_from_the_console_past_its_edge_is_drawn_on_every_frame() {
    let mut h = Harness::with_frame(load("team-meeting"), console_options(2, START_RATINGS), HZ_90).unwrap();
    h.console_window_height(TALL);
    h.run_for(0.5);
    let slider = h.console_widget("Slider", "participant's volume").expect("the volume slider");
    h.pointer_to(slider.centre);
    h.left_button(true);
    // Leftwards in 20-pixel steps, well past the console's edge and over
    // the participant's view: every step is drawn, so the handle follows.
    for step in 1..=15 {
        h.pointer_to(slider.centre - bevy::math::Vec2::new(20.0 * step as f32, 0.0));
        assert!(h.console_drew(), "step {step} of the drag was not drawn");
    }
    h.left_button(false);
    h.frame();
    assert_eq!(h.participant_volume(), 0.0, "the drag did not take the volume down");
    // With the button up, the pointer over the view draws nothing more.
    let mut drawn = 0;
    for step in 0..5 {
        h.pointer_to(bevy::math::Vec2::new(300.0 + 3.0 * step as f32, 300.0));
        drawn += usize::from(h.console_drew());
    }
    assert!(drawn <= 1, "moves over the view were drawn {drawn} times of 5");
}

#[test]
fn a_hidden_console_costs_no_drawing_until_it_is_shown_again() {
    let mut h = Harness::with_frame(load("team-meeting"), console_options(2, START_RATINGS), HZ_90).unwrap();
    h.run_for(0.5);
    h.press(bevy::prelude::KeyCode::F1);
    h.frame();
    h.take_console_shapes();
    let mut drawn = 0;
    for _ in 0..90 {
        h.frame();
        drawn += usize::from(h.console_drew());
        assert!(h.take_console_shapes().is_empty(), "the hidden console still shows");
    }
    assert_eq!(drawn, 0, "the hidden console was drawn {drawn} times");
    h.press(bevy::prelude::KeyCode::F1);
    assert!(h.run_until(0.2, |h| !h.take_console_shapes().is_empty()), "F1 did not show the console again");
}

/// The two buttons a saved new version of the scenario brings.
#[test]
fn a_saved_version_is_taken_by_its_buttons_at_the_next_beat_or_from_this_one() {
    use mestring::app::reload::FileState;

    for (button, beat_again) in [("At the next beat", false), ("Restart this beat from it", true)] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("team-meeting.ron");
        std::fs::write(&file, crate::team_meeting_source()).unwrap();
        let ratings = "after 0.5 rate 40\n".repeat(4);
        let mut h = Harness::new(load(file.to_str().unwrap()), console_options(2, &ratings)).unwrap();
        h.console_window_height(TALL);
        assert!(h.run_until(10.0, |h| h.view().line.is_some()), "Kari never speaks");
        let edited = crate::team_meeting_source().replace("Good morning, everyone.", "Morning, all.");
        std::fs::write(&file, edited).unwrap();
        assert!(
            h.run_until(3.0, |h| matches!(h.file_state(), FileState::Ready { .. })),
            "{:?}",
            h.file_state()
        );
        let before = h.transcript("en");
        click(&mut h, button);
        assert!(
            h.run_until(30.0, |h| matches!(h.file_state(), FileState::Taken { .. })),
            "{button}: {:?}",
            h.file_state()
        );
        let after = h.transcript("en");
        let new = &after[before.len()..];
        assert!(new.contains("> reload"), "{button}: no reload in the transcript:\n{new}");
        // From this beat: Kari says her welcome again, in its new words.
        assert_eq!(new.contains("Morning, all."), beat_again, "{button}:\n{new}");
    }
}
