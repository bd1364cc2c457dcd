//! A scenario file saved mid-session: the new version takes over at the
//! next beat or from the current one, found by the beat's id; a version
//! that changes what the run built on is refused with its reason; the
//! record names each beat from the version in force.

use mestring::session::{Incompatible, Input, Output, Rejection, ReloadAt, Session, version_of};

use crate::session::{past_start_ratings, team_meeting};
use crate::team_meeting_source;

/// The meeting with Kari's welcome and her encouragement worded anew.
fn edited() -> String {
    team_meeting_source()
        .replace("Good morning, everyone.", "Morning, all.")
        .replace("Take your time.", "No hurry at all.")
}

fn lines(outputs: &[mestring::session::Stamped<Output>]) -> Vec<usize> {
    outputs
        .iter()
        .filter_map(|o| if let Output::Line { beat, .. } = o.item { Some(beat) } else { None })
        .collect()
}

/// Steps to the next line's start; its beat.
fn next_line(s: &mut Session) -> usize {
    for _ in 0..200 {
        let at = s.next_deadline().expect("a timer");
        if let Some(&beat) = lines(s.step(at, Input::Tick)).first() {
            return beat;
        }
        if s.offered_choice().is_some() {
            let at = s.now() + 2_000;
            if let Some(&beat) = lines(s.step(at, Input::Choose { option: 0 })).first() {
                return beat;
            }
        }
    }
    panic!("no line came");
}

fn say_text(s: &Session, beat: usize) -> String {
    match &s.scenario().beats[beat] {
        mestring::scenario::Beat::Say { text, .. } => text.show("en").to_string(),
        other => panic!("not a line: {other:?}"),
    }
}

#[test]
fn a_new_version_from_the_current_beat_says_the_line_again_in_its_new_words() {
    let mut s = Session::new(team_meeting(), 2, 1).unwrap();
    past_start_ratings(&mut s);
    let at = s.now() + 500;
    let outputs = s.step(at, Input::Reload { at: ReloadAt::CurrentBeat, source: edited() }).to_vec();
    let version = version_of(&edited());
    assert!(
        outputs.iter().any(
            |o| o.item == Output::Reloaded { at: ReloadAt::CurrentBeat, beat: "welcome".into(), version }
        ),
        "{outputs:?}"
    );
    let again = lines(&outputs);
    assert_eq!(again.len(), 1, "the welcome starts again: {outputs:?}");
    assert!(say_text(&s, again[0]).starts_with("Morning, all."));
}

#[test]
fn a_new_version_at_the_next_beat_lets_the_current_one_finish_and_takes_over_after() {
    let mut s = Session::new(team_meeting(), 2, 1).unwrap();
    past_start_ratings(&mut s);
    let welcome = s.scenario().beats.iter().position(|b| b.id() == "welcome").unwrap();
    let at = s.now() + 500;
    let outputs = s.step(at, Input::Reload { at: ReloadAt::NextBeat, source: edited() }).to_vec();
    assert!(outputs.iter().any(|o| matches!(o.item, Output::ReloadWaiting { .. })), "{outputs:?}");
    assert!(lines(&outputs).is_empty(), "the welcome goes on as it was");
    assert!(say_text(&s, welcome).starts_with("Good morning"), "the running version until the next beat");
    assert!(s.waiting_version().is_some());
    // The flow moves on: the new version is in force from there on.
    let mut took_over = false;
    for _ in 0..50 {
        let at = s.next_deadline().unwrap();
        let out = s.step(at, Input::Tick).to_vec();
        took_over |= out.iter().any(|o| matches!(&o.item, Output::Reloaded { at: ReloadAt::NextBeat, .. }));
        if s.offered_choice().is_some() {
            break;
        }
    }
    assert!(took_over && s.waiting_version().is_none());
    // The participant chooses "needs time" and Kari encourages, in the new words.
    let option = s.scenario().beats[s.offered_choice().unwrap()].clone();
    let mestring::scenario::Beat::Choose { options, .. } = option else { panic!() };
    let encourage = options.iter().position(|o| o.next == "kari-encourage").expect("an option leads there");
    let at = s.now() + 2_000;
    let said = lines(s.step(at, Input::Choose { option: encourage }));
    let beat = said.first().copied().unwrap_or_else(|| next_line(&mut s));
    assert_eq!(s.scenario().beats[beat].id(), "kari-encourage");
    assert!(say_text(&s, beat).starts_with("No hurry at all."));
}

#[test]
fn a_version_that_changes_the_cast_or_loses_the_beat_is_refused_and_the_run_goes_on() {
    let mut s = Session::new(team_meeting(), 2, 1).unwrap();
    past_start_ratings(&mut s);
    let recast =
        team_meeting_source().replace("id: \"aisha\"", "id: \"aisha-b\"").replace("\"aisha\"", "\"aisha-b\"");
    let at = s.now() + 500;
    let outputs = s.step(at, Input::Reload { at: ReloadAt::NextBeat, source: recast }).to_vec();
    assert!(
        outputs.iter().any(|o| matches!(
            o.item,
            Output::Rejected { reason: Rejection::Incompatible(Incompatible::Cast), .. }
        )),
        "{outputs:?}"
    );
    assert!(s.waiting_version().is_none());

    let gone = team_meeting_source().replace("\"welcome\"", "\"hello\"");
    let at = s.now() + 100;
    let outputs = s.step(at, Input::Reload { at: ReloadAt::CurrentBeat, source: gone }).to_vec();
    assert!(
        outputs.iter().any(|o| matches!(o.item, Output::Rejected { reason: Rejection::BeatGone, .. })),
        "{outputs:?}"
    );
    let at = s.now() + 100;
    let outputs =
        s.step(at, Input::Reload { at: ReloadAt::NextBeat, source: "(not a scenario".into() }).to_vec();
    assert!(outputs.iter().any(|o| matches!(
        o.item,
        Output::Rejected { reason: Rejection::Incompatible(Incompatible::Unreadable), .. }
    )));
    assert!(!s.has_ended());
}

/// The shell, headless: the file saved broken, then fixed, mid-session.
#[cfg(feature = "shell")]
#[test]
fn a_broken_save_is_located_while_the_run_goes_on_and_a_fixed_one_takes_over_at_the_next_beat() {
    use mestring::app::reload::FileState;

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team-meeting.ron");
    std::fs::write(&file, team_meeting_source()).unwrap();
    let data = dir.path().join("data");
    let ratings = "after 0.5 rate 40\n".repeat(4);
    let options = crate::shell::options(2, &ratings);
    let mut h = crate::shell::recorded(&data, file.to_str().unwrap(), "P220", options);
    h.run_for(2.5);

    // Saved with a mistake: located on the console, the run goes on.
    let broken = team_meeting_source().replacen("next: \"opening\"", "next: \"nope\"", 1);
    std::fs::write(&file, broken).unwrap();
    h.run_for(1.5);
    let FileState::Broken(messages) = h.file_state().clone() else { panic!("{:?}", h.file_state()) };
    assert!(messages.iter().any(|m| m.contains("team-meeting.ron:") && m.contains("nope")), "{messages:?}");
    assert!(h.view().ended.is_none() && h.view().line.is_some(), "the welcome goes on");

    // Saved again, mended and with a new first answer: ready, then taken
    // at the next beat.
    // A beat written before the others moves every beat's place in the
    // file: the record must still name the right ones.
    let fixed = team_meeting_source()
        .replace("There isn't much to say, really.", "Not much to report, really.")
        .replacen("}, next: \"opening\"),", "}, next: \"a-breath\"),", 1)
        .replacen(
            "        Say(id: \"welcome\"",
            "        Wait(id: \"a-breath\", seconds: 1.0, next: \"opening\"),\n        Say(id: \"welcome\"",
            1,
        );
    assert!(fixed.contains("a-breath"));
    std::fs::write(&file, &fixed).unwrap();
    h.run_for(1.5);
    assert!(matches!(h.file_state(), FileState::Ready { .. }), "{:?}", h.file_state());
    h.take_new_version(ReloadAt::NextBeat);
    assert!(matches!(h.file_state(), FileState::Waiting { .. }), "{:?}", h.file_state());
    assert!(h.run_until(30.0, |h| matches!(h.file_state(), FileState::Taken { .. })), "{:?}", h.file_state());
    let FileState::Taken { beat, .. } = h.file_state().clone() else { unreachable!() };
    assert_eq!(beat, "opening");
    assert!(h.run_until(5.0, |h| h.view().choices.is_some()));
    let shown = h.panel_texts().join("\n");
    assert!(shown.contains("Not much to report, really."), "the choice comes from the new file: {shown}");
    // The participant takes the answer the new version reworded.
    let offer = h.view().choices.clone().unwrap();
    let mestring::scenario::Beat::Choose { options, .. } = &h.session().scenario().beats[offer.beat] else {
        panic!("not a choice")
    };
    let reworded =
        options.iter().position(|o| o.text.show("en").starts_with("Not much to report, really.")).unwrap();
    let place = offer.order.iter().position(|&o| o == reworded).unwrap();
    assert!(h.click(mestring::app::testing::PanelButton::Option(place)));
    h.frame();
    // The console's last choices name it from the version in force.
    let last = h.live_picture().choices.front().cloned().expect("the choice is not on the console");
    assert_eq!((last.beat.as_str(), last.option), ("opening", reworded + 1));

    // The record has the reload, and names the beats of the new version.
    h.close();
    let store = mestring::record::Store::open(&data).unwrap();
    let session = store.sessions(Some("P220")).unwrap().remove(0);
    let events = store.events(&session.id).unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    assert!(kinds.contains(&"reload") && kinds.contains(&"reloaded"), "{kinds:?}");
    let reloaded = events.iter().find(|e| e.kind == "reloaded").unwrap();
    assert_eq!(reloaded.beat.as_deref(), Some("opening"));
    let offered = events.iter().find(|e| e.kind == "choices").unwrap();
    assert_eq!(offered.beat.as_deref(), Some("opening"));
    // The debrief reads the choice in the version it was made in.
    let html = mestring::debrief::session_html(&store, &session.id, Some(mestring::words::Lang::En)).unwrap();
    assert!(html.contains("Not much to report, really."), "the debrief lost the new version's answer");
    assert!(!html.contains("much to say, really"), "the debrief shows the first version's words");
}
