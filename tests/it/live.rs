//! The console's live picture, headless: the ratings, cues, level changes
//! and markers it plots, the alert that suggests a pause, the last
//! choices, and where the participant looks, read from a recorded run and
//! compared with what the record says.

use mestring::live_picture::{Alert, Event};
use mestring::record::behaviour::GazeTarget;
use mestring::scenario::{RatingKind, StressCue};
use mestring::session::{Input, RatingAnswer};

use crate::shell::{exported, options, recorded};

/// The team meeting's four start ratings at level 3: SUDS, two
/// self-efficacy statements and an expectancy.
const HIGH_START: &str = "after 0.5 rate 85\nafter 0.5 rate 60\nafter 0.5 rate 70\nafter 0.5 rate 40\n";

#[test]
fn the_live_picture_plots_what_happened_and_suggests_a_pause_at_high_distress() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut h = recorded(&data, "team-meeting", "P210", options(3, HIGH_START));
    h.run_for(4.0);
    let live = h.live_picture();
    assert_eq!(live.suds.first().map(|p| p.1), Some(85));
    let efficacy: Vec<(&str, u8)> =
        live.self_efficacy.iter().map(|(id, points)| (id.as_str(), points[0].1)).collect();
    assert_eq!(efficacy, [("give-update", 60), ("answer-criticism", 70)], "one series per statement");
    // At the meeting's step-down threshold (80): a pause is suggested.
    assert!(
        matches!(live.alerts()[..], [Alert::Distress { suds: 85, threshold: 80, .. }]),
        "{:?}",
        live.alerts()
    );

    // The proposal beside the level buttons reads the run so far: a peak
    // at the step-down threshold points a level down.
    let advice = h.live_proposal();
    assert!(matches!(advice.proposal, mestring::progression::Proposal::StepDown { to: 2 }), "{advice:?}");
    assert!(!advice.reason_text("en").is_empty());

    h.ask(Input::SetLevel { level: 4 });
    h.ask(Input::TriggerCue { cue: StressCue::PhoneRinging, intensity: 0.5 });
    h.ask(Input::Marker { note: String::new() });
    h.ask(Input::MarkerNote { note: "sat back in the chair".into() });
    let events: Vec<&Event> = h.live_picture().events.iter().map(|(_, e)| e).collect();
    assert!(events.contains(&&Event::Level { from: 3, to: 4 }), "{events:?}");
    assert!(
        events.iter().any(|e| matches!(e, Event::Cue { cue: StressCue::PhoneRinging, .. })),
        "{events:?}"
    );
    assert!(events.contains(&&Event::Marker { note: "sat back in the chair".into() }), "{events:?}");

    // A lower SUDS, asked by the clinician, takes the alert back.
    h.ask(Input::AskNow { rating: RatingKind::Suds });
    assert!(h.run_until(5.0, |h| h.view().rating.is_some()), "the SUDS is asked");
    h.ask(Input::Rate(RatingAnswer::Scale(30)));
    assert_eq!(h.live_picture().suds.last().map(|p| p.1), Some(30));
    assert!(h.live_picture().alerts().is_empty());

    // Where the participant looks: the console counts the same samples
    // the record keeps, so its eye contact is the debrief's.
    h.run_for(2.0);
    let (now, shares) = h.eye_contact();
    assert!(matches!(now, Some(GazeTarget::Face(0))), "the view rests on Kari: {now:?}");
    h.close();
    let recorded = &exported(&data, "P210")["sessions"][0]["gaze"]["eye_contact"];
    for (c, share) in shares.iter().enumerate() {
        let kept = recorded[c].as_f64();
        match (share, kept) {
            (Some(live), Some(kept)) => {
                assert!((live - kept).abs() < 0.02, "character {c}: {live} and {kept}")
            }
            (None, None) => {}
            other => panic!("character {c}: {other:?}"),
        }
    }
}

#[test]
fn a_clinic_sets_its_own_thresholds_and_choices_are_listed_with_their_tags() {
    let mut o = options(1, "after 0.5 rate 85\nafter 0.5 rate 60\nafter 1 answer\n");
    o.alerts = mestring::app::AlertSettings { suds: Some(90), sickness: Some(4) };
    let mut h = crate::shell::harness_with("team-meeting", o);
    h.run_for(2.0);
    assert_eq!(h.live_picture().thresholds.suds, 90);
    assert!(h.live_picture().alerts().is_empty(), "85 is under the clinic's 90");
    let chose = h.run_until(120.0, |h| !h.live_picture().choices.is_empty());
    assert!(chose, "a choice was made");
    let choice = &h.live_picture().choices[0];
    let scenario = h.session().scenario();
    let written = scenario.beats.iter().find_map(|b| match b {
        mestring::scenario::Beat::Choose { id, options, .. } if *id == choice.beat => Some(options.clone()),
        _ => None,
    });
    let written = written.expect("the choice's beat is a choice");
    assert_eq!(choice.tags, written[choice.option - 1].tags, "the tags are the chosen option's");
}
