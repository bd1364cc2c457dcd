//! The shell, headless: the run's own plugins on a clock the test steps
//! (`mestring::app::testing`). Keys, panel buttons, controller buttons and
//! console commands go in as the real inputs send them; the session, the
//! characters' bodies, the panels and the record are read back. Nothing
//! here needs a display, and a whole scenario plays in seconds.

use std::path::Path;
use std::time::Duration;

use bevy::prelude::{Alpha, Color, KeyCode, Vec3};
use mestring::app::testing::{Harness, PanelButton};
use mestring::app::{ControllerPressed, RunOptions};
use mestring::play::first_difference;
use mestring::record::recorder::SessionInfo;
use mestring::record::{Recorder, Store};
use mestring::scenario::{LoadedScenario, StressCue, load_file};
use mestring::session::{Actor, EndReason, Input};

use crate::{find, repo};

pub(crate) fn load(scenario: &str) -> LoadedScenario {
    let path = if scenario.ends_with(".ron") {
        scenario.into()
    } else {
        repo().join(format!("scenarios/{scenario}.ron"))
    };
    load_file(&path).unwrap_or_else(|r| panic!("{} does not load: {:?}", path.display(), r.findings))
}

pub(crate) fn options(level: u8, script: &str) -> RunOptions {
    RunOptions {
        level,
        lang: "en".into(),
        desktop: true,
        exit_after: None,
        screenshot: None,
        script: Some(mestring::play::script::parse(script).unwrap()),
        panels_in_room: false,
        seed: 1,
        console: false,
        close_at_end: false,
        window_size: None,
        kind: mestring::session::RunKind::Practice,
        alerts: Default::default(),
    }
}

/// Answers the team meeting's three start ratings, as the window tests did.
pub(crate) const START_RATINGS: &str = "after 0.5 rate 40\nafter 0.5 rate 50\nafter 0.5 rate 70\n";

pub(crate) fn harness(scenario: &str, level: u8, script: &str) -> Harness {
    harness_with(scenario, options(level, script))
}

pub(crate) fn harness_with(scenario: &str, options: RunOptions) -> Harness {
    Harness::new(load(scenario), options).unwrap()
}

/// A recorded run of `scenario` for `participant` in a fresh store under
/// `data`.
pub(crate) fn recorded(data: &Path, scenario: &str, participant: &str, options: RunOptions) -> Harness {
    let (loaded, store, recorder) = recording(data, scenario, participant, &options);
    Harness::recorded(loaded, options, store, recorder).unwrap()
}

/// A fresh store under `data` with `participant` in it, and a recorder
/// for a run of `scenario`.
pub(crate) fn recording(
    data: &Path,
    scenario: &str,
    participant: &str,
    options: &RunOptions,
) -> (LoadedScenario, Store, Recorder) {
    let store = Store::open(data).unwrap();
    store.add_participant(participant, 0).unwrap();
    let loaded = load(scenario);
    let source = std::fs::read_to_string(&loaded.path).unwrap();
    let info = SessionInfo {
        participant: Some(participant),
        scenario: &loaded.scenario,
        scenario_source: &source,
        level: options.level,
        seed: options.seed,
        lang: &options.lang,
        started_unix_ms: 0,
        kind: mestring::session::RunKind::Practice,
    };
    let recorder = Recorder::start(&store.journal_dir(), &info).unwrap();
    (loaded, store, recorder)
}

/// The participant's sessions, as `mestring export --format json` gives them.
pub(crate) fn exported(data: &Path, participant: &str) -> serde_json::Value {
    let store = Store::open(data).unwrap();
    let mut out = Vec::new();
    let selection = mestring::record::export::Selection::Participant(participant);
    mestring::record::export::json(&store, &selection, &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

// ---------------------------------------------------------------- pause

#[test]
fn pausing_dims_the_view_holds_everyone_still_and_q_then_stops() {
    let mut h = harness("team-meeting", 1, START_RATINGS);
    assert!(h.run_until(10.0, |h| h.view().line.is_some()), "Kari never speaks");
    assert!(!h.veil_shown());
    // Alive while running: breathing and sway move the heads.
    let before: Vec<Vec3> = h.characters().iter().map(|c| c.head).collect();
    h.run_for(1.0);
    let after: Vec<Vec3> = h.characters().iter().map(|c| c.head).collect();
    assert!(before.iter().zip(&after).any(|(a, b)| a.distance(*b) > 1e-4), "nobody moves while running");

    let light = h.room_light();
    h.press(KeyCode::Escape);
    h.frame();
    assert!(h.view().paused, "Esc did not pause");
    assert!(h.veil_shown(), "the view is not dimmed while paused");
    let texts = h.panel_texts();
    for shown in [
        "Team meeting: status update | paused",
        "Paused",
        "Go on",
        "Breathe calmly",
        "Stop here",
        "Esc goes on, B breathes calmly, Q stops",
    ] {
        assert!(texts.iter().any(|t| t == shown), "{shown:?} is not on the pause card: {texts:?}");
    }
    assert!(texts.iter().any(|t| t.contains("Both are perfectly fine")), "{texts:?}");
    // While paused nothing else is offered: the line's subtitle waits.
    assert!(!texts.iter().any(|t| t.starts_with("Kari:")), "{texts:?}");
    let held: Vec<Vec3> = h.characters().iter().map(|c| c.head).collect();
    let clock = h.now();
    h.run_for(2.0);
    let still: Vec<Vec3> = h.characters().iter().map(|c| c.head).collect();
    assert_eq!(held, still, "someone moved while paused");
    assert!(h.now() > clock + 1_500, "the session clock stopped with the pause");
    assert!(h.view().line.is_some(), "the paused line vanished");
    // The whole view has faded to a dim, empty room.
    assert_eq!(h.pause_fade(), 1.0);
    let present: Vec<_> = h.characters().into_iter().filter(|c| c.present).collect();
    assert!(!present.is_empty() && present.iter().all(|c| !c.seen), "someone is still in view: {present:?}");
    let dim = h.room_light();
    assert!(dim.0 < light.0 * 0.5 && dim.1 < light.1 * 0.5, "the room did not dim: {light:?} -> {dim:?}");

    h.press(KeyCode::Escape);
    h.frame();
    assert!(!h.view().paused && !h.veil_shown(), "Esc did not resume");
    h.run_for(1.0);
    assert_eq!(h.pause_fade(), 0.0);
    assert!(h.characters().iter().filter(|c| c.present).all(|c| c.seen), "the room did not come back");
    assert_eq!(h.room_light(), light, "the light did not come back as it was");
    h.press(KeyCode::Escape);
    h.press(KeyCode::KeyQ);
    h.frame();
    // The stop leads into the calm phase: the pause is over, the people
    // leave, the subtitle bar says what happens next.
    assert!(h.view().recovering && !h.view().paused, "{:?}", h.view());
    assert!(h.view().ended.is_none());
    h.run_for(3.0);
    let texts = h.panel_texts();
    assert!(texts.iter().any(|t| t.starts_with("The session is over. Stay seated")), "{texts:?}");
    assert!(h.characters().iter().all(|c| !c.present), "someone stayed for the calm phase");
    // After it, the last SUDS; its answer ends the session as the participant's stop.
    assert!(h.run_until(90.0, |h| h.view().rating.is_some()), "no last SUDS after the calm phase");
    assert_eq!(h.view().rating.as_ref().map(|r| r.0.clone()), Some(mestring::scenario::RatingKind::Suds));
    h.press(KeyCode::Enter);
    h.frame();
    assert_eq!(h.view().ended, Some(EndReason::Stopped { by: Actor::Participant }));
}

/// In the headset the controller is all the participant has: the trigger
/// on an option chooses, on the scale and OK rates; the menu button
/// pauses, and the pause card's stop ends the session as theirs.
#[test]
fn in_the_headset_the_controller_chooses_rates_pauses_and_stops() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let o = options(1, "");
    let (loaded, store, recorder) = recording(&data, "team-meeting", "P410", &o);
    let mut h = Harness::in_headset(loaded, o, Some((store, recorder))).unwrap();
    // The card tells the participant nothing of runtimes or levels.
    assert!(h.run_until(5.0, |h| h.view().rating.is_some()), "no start rating");
    h.frame();
    let texts = h.panel_texts();
    assert!(texts.iter().any(|t| t == "Team meeting: status update"), "{texts:?}");
    assert!(
        !texts.iter().any(|t| t.contains("headset") || t.contains("runtime") || t.contains("Level")),
        "{texts:?}"
    );
    // Two start ratings at level 1 (the expectancy is asked from level 2):
    // the top cell and OK, then OK.
    assert!(h.trigger_on(PanelButton::Cell(10)), "no top cell on the card");
    assert!(h.trigger_on(PanelButton::Confirm), "no OK on the card");
    assert!(h.run_until(2.0, |h| h.view().rating.is_some()), "the next rating did not come");
    h.frame();
    assert!(h.trigger_on(PanelButton::Confirm), "no OK on the card");
    assert!(h.run_until(60.0, |h| h.view().choices.is_some()), "no choice was offered");
    h.frame();
    let first_shown = h.view().choices.as_ref().unwrap().order[0];
    assert!(h.trigger_on(PanelButton::Option(0)), "no first option on the card");
    h.frame();
    let transcript = h.transcript("en");
    assert!(transcript.contains("> rate 100"), "{transcript}");
    // The transcript numbers options as the scenario does.
    assert!(transcript.contains(&format!("> choose {}", first_shown + 1)), "{transcript}");

    h.controller(ControllerPressed::Menu);
    h.frame();
    assert!(h.view().paused, "the menu button did not pause");
    let texts = h.panel_texts();
    assert!(
        texts.iter().any(|t| t == "The menu button goes on. Point at a button and pull the trigger."),
        "{texts:?}"
    );
    // Stopping is a second, deliberate press on the card.
    assert!(h.trigger_on(PanelButton::Pause(mestring::app::PauseAction::Stop)), "no stop on the pause card");
    h.frame();
    // The calm phase; closing during it ends the session as their stop.
    assert!(h.view().recovering, "the stop did not lead into the calm phase");
    assert!(!h.panel_texts().iter().any(|t| t == "Stop here"), "the pause card stays after the stop");
    h.close();
    let v = exported(&data, "P410");
    let session = &v["sessions"][0];
    assert_eq!(session["end_reason"], "stopped by participant");
    assert_eq!(session["head_from"], "headset", "{session}");
}

#[test]
fn the_pause_cards_go_on_resumes_and_the_menu_button_too() {
    let mut h = harness("upset-customer", 2, "");
    h.run_for(1.0);
    h.press(KeyCode::Escape);
    h.frame();
    assert!(h.click(PanelButton::Pause(mestring::app::PauseAction::GoOn)));
    h.frame();
    assert!(!h.view().paused, "the pause card's go-on did not resume");
}

#[test]
fn the_headset_menu_button_pauses_and_resumes() {
    let mut h = harness("upset-customer", 2, "");
    h.run_for(1.0);
    h.controller(ControllerPressed::Menu);
    h.frame();
    assert!(h.view().paused && h.veil_shown(), "the menu button did not pause");
    h.controller(ControllerPressed::Menu);
    h.frame();
    assert!(!h.view().paused, "the menu button did not resume");
}

// ---------------------------------------------------------------- the level on the people

/// Where `name`'s seat is on the floor.
fn seat_of(scenario: &LoadedScenario, name: &str) -> Vec3 {
    let s = &scenario.scenario;
    let member = s.cast.iter().find(|c| c.name == name).unwrap();
    let seat = s.setting.seats.iter().find(|seat| seat.id == member.seat).unwrap();
    Vec3::new(seat.at.0, 0.0, seat.at.1)
}

#[test]
fn people_who_join_at_a_higher_level_walk_in_and_sit_down_and_walk_out_again() {
    let seat = seat_of(&load("team-meeting"), "Ola");
    let mut h = harness("team-meeting", 1, "");
    h.run_for(0.5);
    assert!(!h.character("Ola").present, "Ola is at the table at level 1");
    h.ask(Input::SetLevel { level: 5 });
    h.run_for(2.0);
    let ola = h.character("Ola");
    assert!(ola.present && ola.walking, "Ola does not walk in: {ola:?}");
    // Standing, his head is above the seated participant's eye line.
    assert!(ola.head.y > 1.5, "Ola walks in seated ({:.2} m)", ola.head.y);
    let away = ola.position.distance(seat);
    assert!(away > 1.0, "Ola popped in beside his seat ({away:.2} m from it)");
    h.run_for(8.0);
    let ola = h.character("Ola");
    assert!(ola.present && !ola.walking, "Ola has not sat down after 10 s: {ola:?}");
    assert!(ola.position.distance(seat) < 0.3, "Ola sits {:.2} m from his seat", ola.position.distance(seat));
    assert!(ola.head.y < 1.4, "Ola's head is at standing height ({:.2} m)", ola.head.y);

    h.ask(Input::SetLevel { level: 1 });
    h.run_for(1.5);
    assert!(h.character("Ola").walking, "Ola does not get up and walk out");
    assert!(h.run_until(20.0, |h| !h.character("Ola").present), "Ola never leaves");
    assert!(h.character("Kari").present, "Kari left too");
}

#[test]
fn attitude_shows_on_hanne_a_smile_at_level_1_a_frown_at_level_4_and_a_glance_at_the_watch() {
    let mut friendly = harness("return-to-work-manager", 1, "");
    friendly.run_for(4.0);
    let hanne = friendly.character("Hanne");
    assert!(hanne.mouth > 0.3, "friendly Hanne does not smile: {hanne:?}");
    let mut critical = harness("return-to-work-manager", 4, "");
    critical.run_for(4.0);
    let stern = critical.character("Hanne");
    assert!(stern.mouth < -0.3, "critical Hanne's mouth is not turned down: {stern:?}");
    assert!(stern.brow_angle > hanne.brow_angle, "critical Hanne does not frown more: {stern:?}");

    // A watch check, 0.5 s in: her left wrist comes up in front of her chest.
    let mut watch = harness("return-to-work-manager", 1, "after 0.5 cue watch-check 0.6\n");
    watch.run_for(2.2);
    let glancing = watch.character("Hanne");
    assert!(glancing.watch > 0.5, "no watch check on Hanne: {glancing:?}");
    let lifted = glancing.left_wrist.y - hanne.left_wrist.y;
    assert!(lifted > 0.15, "her wrist rose only {lifted:.2} m");
}

// ---------------------------------------------------------------- the answer clock

#[test]
fn time_pressure_shows_as_a_bar_that_empties_and_turns_amber() {
    let dir = tempfile::tempdir().unwrap();
    // Kari's welcome made short, so the first choice, with level 5's
    // 12-second clock, comes about a second in.
    let text = crate::team_meeting_source();
    let welcome = "Say(id: \"welcome\", by: \"kari\", text: {";
    assert!(text.contains(welcome), "Kari's welcome changed; update this test");
    let quick = dir.path().join("quick.ron");
    std::fs::write(&quick, text.replace(welcome, "Say(id: \"welcome\", by: \"kari\", seconds: 0.5, text: {"))
        .unwrap();
    // The four start ratings at level 5, answered at once.
    let mut h = harness(
        quick.to_str().unwrap(),
        5,
        "after 0 rate 40\nafter 0 rate 50\nafter 0 rate 50\nafter 0 rate 70\n",
    );
    assert!(h.run_until(5.0, |h| h.answer_clock_bar().is_some()), "no answer clock at level 5");
    let (full, calm) = h.answer_clock_bar().unwrap();
    assert!(full > 0.9, "the bar starts at {:.0} %", full * 100.0);
    // It stands full while the options are read, then empties.
    let beat = h.view().choices.as_ref().unwrap().beat;
    let reading = h.session().scenario().resolved().reading_millis[beat] as f32 / 1000.0;
    h.run_for(reading - 0.5);
    assert!(h.answer_clock_bar().unwrap().0 > 0.9, "the bar emptied while the options were read");
    h.run_for(7.5);
    let (share, colour) = h.answer_clock_bar().unwrap();
    assert!((0.3..0.5).contains(&share), "after 7 of 12 s the bar shows {:.0} % left", share * 100.0);
    let amber = |c: Color| {
        let c = c.to_srgba();
        c.red > 0.9 && (0.55..0.85).contains(&c.green) && c.blue < 0.4
    };
    assert!(amber(colour) && !amber(calm), "the bar is not amber past half: {colour:?} (at first {calm:?})");
    assert!(h.panel_texts().iter().any(|t| t.contains("seconds to answer")), "{:?}", h.panel_texts());
}

// ---------------------------------------------------------------- the participant's controls

#[test]
fn the_rating_scale_takes_a_clicked_cell_and_ok_and_an_option_is_chosen_by_clicking() {
    let mut h = harness("team-meeting", 1, "");
    assert!(h.run_until(5.0, |h| h.view().rating.is_some()), "no start rating");
    assert!(h.click(PanelButton::Cell(3)));
    assert_eq!(h.view().rating.as_ref().map(|r| r.1), Some(Some(30)), "the third cell of SUDS is 30");
    // Arrow keys move it by the scale's key step (5 for SUDS).
    h.press(KeyCode::ArrowRight);
    h.frame();
    assert_eq!(h.view().rating.as_ref().map(|r| r.1), Some(Some(35)));
    assert!(h.click(PanelButton::Confirm));
    h.frame();
    while h.run_until(30.0, |h| h.asked()) && h.view().rating.is_some() {
        h.click(PanelButton::Confirm);
        h.frame();
    }
    assert!(h.view().choices.is_some(), "no choice after the start ratings");
    // The hovered option lights up; the others stay at rest.
    assert!(h.hover(PanelButton::Option(2)));
    h.frame();
    let (hovered, rest) =
        (h.button_colour(PanelButton::Option(2)).unwrap(), h.button_colour(PanelButton::Option(1)).unwrap());
    assert!(
        hovered.alpha() > 3.0 * rest.alpha(),
        "the hovered option does not light up: {hovered:?} vs {rest:?}"
    );
    // The third button holds whichever option the session put third.
    let third_shown = h.view().choices.as_ref().unwrap().order[2];
    let third_text = {
        let beat = h.view().choices.as_ref().unwrap().beat;
        match &h.session().scenario().beats[beat] {
            mestring::scenario::Beat::Choose { options, .. } => {
                options[third_shown].text.show("en").to_string()
            }
            _ => unreachable!(),
        }
    };
    assert!(h.panel_texts().contains(&format!("3  {third_text}")), "{:?}", h.panel_texts());
    assert!(h.click(PanelButton::Option(2)));
    h.frame();
    let transcript = h.transcript("en");
    assert!(transcript.contains("> rate 35"), "{transcript}");
    assert!(transcript.contains(&format!("> choose {}", third_shown + 1)), "{transcript}");
}

#[test]
fn on_the_card_in_the_room_the_controller_presses_ok() {
    let mut o = options(3, "");
    o.panels_in_room = true;
    let mut h = Harness::new(load("team-meeting"), o).unwrap();
    assert!(h.run_until(5.0, |h| h.view().rating.is_some()), "no start rating");
    // The UI lays out on the card's texture a frame after it is shown.
    h.frame();
    assert!(h.trigger_on(PanelButton::Confirm), "no OK button on the card");
    h.frame();
    assert!(h.transcript("en").contains("> rate 50"), "{}", h.transcript("en"));
}

#[test]
fn name_labels_follow_the_console_and_the_l_key() {
    let mut h = harness("team-meeting", 1, "");
    h.run_for(0.5);
    let kari = |h: &mut Harness| h.panel_texts().iter().any(|t| t == "Kari – manager");
    assert!(!h.labels_shown() && !kari(&mut h), "labels are on from the start");
    h.show_labels(true);
    h.frame();
    assert!(h.labels_shown() && kari(&mut h), "the console did not show the labels: {:?}", h.panel_texts());
    // Ola is not at the table at level 1: no label floats where he would be.
    assert!(!h.panel_texts().iter().any(|t| t.starts_with("Ola")), "{:?}", h.panel_texts());
    h.press(KeyCode::KeyL);
    h.frame();
    assert!(!h.labels_shown() && !kari(&mut h), "L did not hide them");
}

// ---------------------------------------------------------------- whole runs, recorded

/// Plays `scenario` at level 1 by pressing 1 (the first option shown) and Enter
/// (the rating's starting value; N first for a review) whenever something is asked, until the
/// session ends and Enter closes the run; returns the recorded session.
fn played_on_the_keyboard(scenario: &str, participant: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut o = options(1, "");
    o.script = None;
    let mut h = recorded(&data, scenario, participant, o);
    while h.view().ended.is_none() {
        assert!(h.run_until(600.0, |h| h.asked() || h.view().ended.is_some()), "{scenario} stalls");
        if h.view().choices.is_some() {
            h.press(KeyCode::Digit1);
        } else if let Some((kind, ..)) = h.view().rating.clone() {
            // A review waits for its yes or no and its likelihood, neither
            // set beforehand: Enter without both gives nothing.
            if mestring::session::scale::is_review(&kind) {
                h.press(KeyCode::Enter);
                h.frame();
                assert!(h.view().rating.is_some(), "{scenario}: Enter answered a review with no yes or no");
                h.press(KeyCode::KeyN);
                h.frame();
                h.press(KeyCode::Enter);
                h.frame();
                assert!(h.view().rating.is_some(), "{scenario}: Enter answered a review with no likelihood");
                let texts = h.panel_texts();
                assert!(
                    texts.iter().any(|t| t.contains("No: –")),
                    "{scenario}: a likelihood is preset: {texts:?}"
                );
                // The first arrow shows the middle of the scale.
                h.press(KeyCode::ArrowUp);
                h.frame();
            }
            h.press(KeyCode::Enter);
        }
        h.frame();
    }
    h.press(KeyCode::Enter);
    assert!(h.exit_requested(), "Enter did not close the run after the end");
    h.close();
    let mut v = exported(&data, participant);
    v["sessions"][0].take()
}

fn plays_to_its_end_on_the_keyboard(scenario: &str, participant: &str) {
    let session = played_on_the_keyboard(scenario, participant);
    assert_eq!(session["status"], "complete", "{scenario}");
    let events = &session["events"];
    let mut ended = Vec::new();
    find(events, "Ended", &mut ended);
    assert_eq!(ended.len(), 1, "{scenario}: {ended:?}");
    assert!(
        ended[0]["reason"]["Completed"].is_object(),
        "{scenario} did not end at an End beat: {:?}",
        ended[0]
    );
    let mut chosen = Vec::new();
    find(events, "Chosen", &mut chosen);
    assert!(!chosen.is_empty(), "{scenario}: no choice was made on the keyboard");
    // Key 1 is the option shown first, wherever it stands in the scenario.
    assert!(chosen.iter().all(|c| c["shown_as"] == 0), "{scenario}: {chosen:?}");
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

#[test]
fn a_recorded_run_keeps_behaviour_samples_and_who_was_looked_at() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut h = recorded(&data, "team-meeting", "P200", options(3, START_RATINGS));
    h.run_for(6.0);
    h.close();
    let v = exported(&data, "P200");
    let session = &v["sessions"][0];
    // Closing the run is the clinician's stop, so the record is whole.
    assert_eq!(session["status"], "complete");
    assert_eq!(session["end_reason"], "stopped by clinician");
    let samples = session["samples"].as_array().unwrap().len();
    // 30 Hz for about 6 s of session time.
    assert!((120..=200).contains(&samples), "{samples} samples in 6 s");
    // Seated at the foot of the table, the view rests on Kari at its head.
    let kari = session["gaze"]["eye_contact"][0].as_f64().unwrap();
    assert!(kari > 0.5, "eye contact with Kari {kari}");
    let aisha = session["gaze"]["eye_contact"][1].as_f64().unwrap();
    assert!(aisha < 0.1, "Aisha sits to the side, not in view's centre: {aisha}");
}

#[test]
fn the_clinician_steps_the_level_up_from_the_console_and_every_cue_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut h = recorded(&data, "team-meeting", "P302", options(3, START_RATINGS));
    h.run_for(2.0);
    h.ask(Input::SetLevel { level: 4 });
    for cue in StressCue::ALL {
        h.ask(Input::TriggerCue { cue, intensity: 0.6 });
        h.run_for(0.2);
    }
    h.ask(Input::Marker { note: "looked down at the table".into() });
    h.close();
    let v = exported(&data, "P302");
    let events = &v["sessions"][0]["events"];
    let mut changed = Vec::new();
    find(events, "LevelChanged", &mut changed);
    assert!(
        changed.iter().any(|c| c["from"] == 3 && c["to"] == 4),
        "the console's step up is not in the record: {changed:?}"
    );
    let mut started = Vec::new();
    find(events, "CueStarted", &mut started);
    for cue in StressCue::ALL {
        let name = serde_json::to_value(cue).unwrap();
        assert!(started.iter().any(|s| s["cue"] == name), "{} was not recorded as started", cue.name());
    }
    let mut markers = Vec::new();
    find(events, "Marker", &mut markers);
    assert!(markers.iter().any(|m| m["note"] == "looked down at the table"), "{markers:?}");
}

#[test]
fn the_clinician_s_keys_pause_stop_and_drop_a_marker_whose_note_comes_after() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut h = recorded(&data, "team-meeting", "P303", options(1, START_RATINGS));
    h.run_for(3.0);
    // F2 drops a marker at once; its note is typed after and joins it.
    h.press(KeyCode::F2);
    h.frame();
    let dropped = h.session().now();
    h.run_for(1.5);
    h.ask(Input::MarkerNote { note: "went quiet when Kari asked".into() });
    h.frame();
    // F5 pauses and resumes.
    h.press(KeyCode::F5);
    h.frame();
    assert!(h.view().paused, "F5 did not pause");
    h.press(KeyCode::F5);
    h.frame();
    assert!(!h.view().paused, "F5 did not resume");
    // F8 asks; only a second F8 stops.
    h.press(KeyCode::F8);
    h.run_for(0.5);
    assert!(h.view().ended.is_none(), "one F8 stopped the session");
    h.press(KeyCode::F8);
    h.frame();
    assert!(h.view().recovering || h.view().ended.is_some(), "a second F8 did not stop it");
    let transcript = h.transcript("en");
    assert!(
        transcript.contains("paused by clinician") && transcript.contains("stopped by clinician"),
        "{transcript}"
    );
    // The console knows where the run is recorded, and that all is well.
    let health = h.app_mut().world().resource::<mestring::app::RecordingHealth>().clone();
    assert_eq!(health.failure, None);
    assert!(health.journal.starts_with(&data) && health.journal.exists(), "{:?}", health.journal);
    h.close();

    let store = mestring::record::Store::open(&data).unwrap();
    let id = store.sessions(Some("P303")).unwrap()[0].id.clone();
    let html = mestring::debrief::session_html(&store, &id, Some(mestring::words::Lang::En)).unwrap();
    // The note shows at the marker's own time, where the moment was.
    let at = mestring::debrief::words::clock(dropped);
    assert!(html.contains(&format!("Marker at {at}: went quiet when Kari asked")), "{html}");
    assert!(html.contains("marker: went quiet when Kari asked"), "the timeline row lacks the note");
}

// ---------------------------------------------------------------- the shell adds no rules

/// Plays a golden script through the shell at `frame` per update and
/// returns its transcript.
fn golden_through_the_shell(script: &Path, frame: Duration) -> String {
    let text = std::fs::read_to_string(script).unwrap();
    let (id, level, lang, seed) = crate::golden::directive(&text, script);
    let mut o = options(level, &text);
    o.lang = lang.clone();
    o.seed = seed;
    o.kind = crate::golden::run_kind(&text);
    let mut h = Harness::with_frame(load(&id), o, frame).unwrap();
    assert!(
        h.run_until(7_200.0, |h| h.view().ended.is_some()),
        "{} never ends in the shell",
        script.display()
    );
    h.transcript(&lang)
}

#[test]
fn every_golden_script_played_through_the_shell_gives_its_blessed_transcript() {
    let mut failures = Vec::new();
    let scripts = crate::golden::scripts();
    for (i, script) in scripts.iter().enumerate() {
        // Frame rates differ between machines and runs; the transcript
        // must not. One script also goes at a steady 30 Hz.
        let frame =
            if i == 0 { Duration::from_nanos(1_000_000_000 / 30) } else { Duration::from_millis(170) };
        let actual = golden_through_the_shell(script, frame);
        let expected = std::fs::read_to_string(script.with_extension("transcript")).unwrap();
        if let Some((line, want, got)) = first_difference(&expected, &actual) {
            failures.push(format!("{}:{line}\n  expected: {want}\n  actual:   {got}", script.display()));
        }
    }
    assert!(scripts.len() >= 10, "only {} golden scripts", scripts.len());
    assert!(failures.is_empty(), "the shell's transcripts differ from play's:\n{}", failures.join("\n"));
}

// ------------------------------------------------ someone not in the room

#[test]
fn a_colleague_on_the_phone_has_no_body_and_the_subtitle_says_where_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("phone.ron");
    std::fs::write(&path, crate::checker::aisha_on_the_phone()).unwrap();
    let mut h = Harness::new(load(path.to_str().unwrap()), options(1, START_RATINGS)).unwrap();
    let names: Vec<String> = h.characters().into_iter().map(|c| c.name).collect();
    assert!(names.contains(&"Kari".to_string()) && !names.contains(&"Aisha".to_string()), "{names:?}");
    // Answer every choice with its first option until Aisha speaks.
    let spoke = h.run_until(300.0, |h| {
        if h.view().choices.is_some() {
            h.ask(Input::Choose { option: 0 });
        }
        h.panel_texts().iter().any(|t| t.starts_with("Aisha (on the phone): «"))
    });
    assert!(spoke, "Aisha's line never showed as a phone call: {:?}", h.panel_texts());
}
