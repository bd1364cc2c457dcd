//! The calming pause (the physiological source of self-efficacy): the run
//! stands still, SUDS before, paced breathing on the session clock, SUDS
//! after, and the run goes on where it stood.

use mestring::scenario::RatingKind;
use mestring::session::breathing::Pace;
use mestring::session::{Actor, EndReason, Input, Millis, Output, RatingAnswer, Rejection, Session, Stamped};

use crate::session::{at_first_choice, past_start_ratings, team_meeting};

const BY: Actor = Actor::Participant;

fn rate(s: &mut Session, at: Millis, value: u8) -> Vec<Stamped<Output>> {
    s.step(at, Input::Rate(RatingAnswer::Scale(value))).to_vec()
}

fn has(outs: &[Stamped<Output>], want: &Output) -> bool {
    outs.iter().any(|o| &o.item == want)
}

fn rejected(outs: &[Stamped<Output>], why: Rejection) -> bool {
    outs.iter().any(|o| matches!(&o.item, Output::Rejected { reason, .. } if *reason == why))
}

#[test]
fn a_calming_pause_stills_the_run_asks_suds_before_and_after_and_goes_on_where_it_stood() {
    let mut s = at_first_choice(3, 4);
    let (t, beat) = (s.now(), s.offered_choice().unwrap());
    s.step(t + 1_000, Input::Tick);
    let clock_before = s.answer_clock();
    let mut outs = s.step(t + 1_000, Input::Calm { by: BY }).to_vec();
    assert!(has(&outs, &Output::CalmingStarted { by: BY }), "{outs:?}");
    assert!(has(&outs, &Output::RatingAsked { rating: RatingKind::Suds }));
    assert!(s.is_calming() && s.is_still() && !s.is_paused());
    // The choice waits behind the pause: it cannot be answered, and says why.
    assert_eq!(s.offered_choice(), None);
    assert!(rejected(s.step(t + 2_000, Input::Choose { option: 0 }), Rejection::Calming));
    assert!(rejected(s.step(t + 2_100, Input::Pause { by: BY }), Rejection::Calming));

    outs.extend(rate(&mut s, t + 5_000, 70));
    let pace = Pace::of(&team_meeting().breathing);
    assert!(has(&outs, &Output::BreathingStarted { pace }), "{outs:?}");
    // The breathing runs on the session clock; it is the only timer.
    let breath_end = t + 5_000 + pace.total_millis();
    assert_eq!(s.next_deadline(), Some(breath_end));
    // Long after: the breathing ended at its own time, and asked SUDS again;
    // no cue came and nothing of the run moved meanwhile.
    let later = s.step(t + 600_000, Input::Tick).to_vec();
    assert_eq!(
        later.iter().map(|o| (o.at, o.item.clone())).collect::<Vec<_>>(),
        vec![
            (breath_end, Output::BreathingEnded { completed: true }),
            (breath_end, Output::RatingAsked { rating: RatingKind::Suds }),
        ]
    );
    let after = rate(&mut s, t + 603_000, 40);
    assert!(has(&after, &Output::CalmingEnded), "{after:?}");
    assert!(!s.is_calming() && !s.is_still());
    // The same choice, with its answer clock where it stood.
    assert_eq!(s.offered_choice(), Some(beat));
    assert_eq!(s.answer_clock(), clock_before);
    // Its latency leaves the whole calming pause out: 1 s before, 2 s after.
    let chosen = s.step(t + 605_000, Input::Choose { option: 0 }).to_vec();
    assert!(chosen.iter().any(|o| matches!(o.item, Output::Chosen { latency: 3_000, .. })), "{chosen:?}");
}

#[test]
fn the_calming_button_again_ends_the_breathing_early_or_lets_the_pause_go_before_it() {
    // During the breathing: it ends, and the last SUDS is still asked.
    let mut s = at_first_choice(2, 1);
    let t = s.now();
    s.step(t + 1_000, Input::Calm { by: BY });
    rate(&mut s, t + 2_000, 60);
    let outs = s.step(t + 12_000, Input::Calm { by: Actor::Clinician }).to_vec();
    assert!(has(&outs, &Output::BreathingEnded { completed: false }), "{outs:?}");
    assert_eq!(s.open_rating(), Some(&RatingKind::Suds));
    // In the last SUDS the button does nothing: the pause is ending anyway.
    assert!(rejected(s.step(t + 13_000, Input::Calm { by: BY }), Rejection::Calming));
    assert!(has(&rate(&mut s, t + 14_000, 45), &Output::CalmingEnded));
    assert!(s.offered_choice().is_some());

    // In the first SUDS (pressed by mistake): the pause is let go, unmeasured.
    let mut s = at_first_choice(2, 1);
    let t = s.now();
    s.step(t + 1_000, Input::Calm { by: BY });
    let outs = s.step(t + 1_500, Input::Calm { by: BY }).to_vec();
    assert_eq!(outs.iter().map(|o| &o.item).collect::<Vec<_>>(), vec![&Output::CalmingEnded]);
    assert!(s.offered_choice().is_some() && s.open_rating().is_none());
}

#[test]
fn a_rating_open_when_the_pause_began_is_asked_again_after_it() {
    let mut s = Session::new(team_meeting(), 1, 1).unwrap();
    s.step(0, Input::Tick);
    let first = s.open_rating().cloned().unwrap();
    s.step(1_000, Input::Calm { by: BY });
    assert_eq!(s.open_rating(), Some(&RatingKind::Suds));
    rate(&mut s, 2_000, 30);
    s.step(2_500, Input::Calm { by: BY });
    let outs = rate(&mut s, 3_000, 20);
    assert!(has(&outs, &Output::CalmingEnded));
    assert!(has(&outs, &Output::RatingAsked { rating: first.clone() }), "{outs:?}");
    assert_eq!(s.open_rating(), Some(&first));
}

#[test]
fn a_calming_pause_taken_in_a_pause_leaves_the_pause_on() {
    let mut s = Session::new(team_meeting(), 1, 1).unwrap();
    past_start_ratings(&mut s);
    let t = s.now();
    let line_done = s.next_deadline().unwrap();
    s.step(t + 500, Input::Pause { by: BY });
    s.step(t + 1_000, Input::Calm { by: BY });
    assert!(rejected(s.step(t + 1_100, Input::Resume { by: BY }), Rejection::Calming));
    rate(&mut s, t + 2_000, 50);
    s.step(t + 3_000, Input::Calm { by: BY });
    assert!(has(&rate(&mut s, t + 4_000, 40), &Output::CalmingEnded));
    // Still paused: nothing moves until the pause itself ends.
    assert!(s.is_paused() && s.is_still() && s.next_deadline().is_none());
    s.step(t + 10_500, Input::Resume { by: BY });
    assert_eq!(s.next_deadline(), Some(line_done + 10_000));
}

#[test]
fn a_stop_in_a_calming_pause_ends_the_breathing_and_leads_into_the_calm_phase() {
    let mut s = at_first_choice(3, 4);
    let t = s.now();
    s.step(t + 1_000, Input::Calm { by: BY });
    rate(&mut s, t + 2_000, 80);
    let outs = s.step(t + 5_000, Input::Stop { by: BY }).to_vec();
    let items: Vec<&Output> = outs.iter().map(|o| &o.item).collect();
    let at = |want: &Output| items.iter().position(|o| *o == want);
    let (ended, over) =
        (at(&Output::BreathingEnded { completed: false }).unwrap(), at(&Output::CalmingEnded).unwrap());
    let recovery = items.iter().position(|o| matches!(o, Output::RecoveryStarted { .. })).unwrap();
    assert!(ended < over && over < recovery, "{items:?}");
    assert!(!s.is_calming() && !s.is_still());
    // Nor can one begin in the calm phase: that phase is calm already.
    assert!(rejected(s.step(t + 6_000, Input::Calm { by: BY }), Rejection::WindingDown));
    while s.open_rating().is_none() {
        let d = s.next_deadline().unwrap();
        s.step(d, Input::Tick);
    }
    let now = s.now();
    let outs = rate(&mut s, now + 1_000, 30);
    assert!(has(&outs, &Output::Ended { reason: EndReason::Stopped { by: BY } }));
}

#[test]
fn the_scenario_sets_the_pace_of_the_breathing() {
    let source = crate::team_meeting_source().replacen(
        "    start: ",
        "    breathing: (in_seconds: 3.0, out_seconds: 5.0, breaths: 2),\n    start: ",
        1,
    );
    let loaded =
        mestring::scenario::load_bytes(&crate::repo().join("scenarios/paced.ron"), source.as_bytes())
            .unwrap_or_else(|r| panic!("{:#?}", r.findings));
    let mut s = Session::new(std::sync::Arc::new(loaded.scenario), 1, 1).unwrap();
    s.step(0, Input::Tick);
    s.step(1_000, Input::Calm { by: BY });
    let outs = rate(&mut s, 2_000, 50);
    let pace = Pace { in_millis: 3_000, out_millis: 5_000, breaths: 2 };
    assert!(has(&outs, &Output::BreathingStarted { pace }), "{outs:?}");
    assert_eq!(s.next_deadline(), Some(18_000));
}

/// The calming pause as the participant takes it: the B key, the pause
/// card's button, the breathing guide, and what the record and the
/// debrief keep of it.
#[cfg(feature = "shell")]
mod in_the_shell {
    use bevy::prelude::KeyCode;
    use mestring::app::CalmingView;
    use mestring::app::PauseAction;
    use mestring::app::testing::PanelButton;
    use mestring::debrief::{self, Lang};
    use mestring::record::Store;
    use mestring::scenario::RatingKind;
    use mestring::session::{Actor, Input};

    use crate::shell::{START_RATINGS, harness, options, recorded};

    fn tap(h: &mut mestring::app::testing::Harness, key: KeyCode, times: usize) {
        for _ in 0..times {
            h.press(key);
            h.frame();
        }
    }

    fn breathing(h: &mestring::app::testing::Harness) -> bool {
        matches!(h.view().calming, Some(CalmingView::Breathing { .. }))
    }

    #[test]
    fn b_begins_a_calming_pause_the_circle_breathes_and_the_debrief_keeps_both_suds() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let mut o = options(1, "");
        o.script = None;
        let mut h = recorded(&data, "team-meeting", "P101", o);
        // The start ratings, on their defaults.
        while h.view().rating.is_some() {
            h.press(KeyCode::Enter);
            h.frame();
        }
        assert!(h.run_until(10.0, |h| h.view().line.is_some()), "Kari never speaks");
        h.press(KeyCode::KeyB);
        h.frame();
        assert_eq!(h.view().calming, Some(CalmingView::Rating));
        assert_eq!(h.view().rating.as_ref().map(|r| r.0.clone()), Some(RatingKind::Suds));
        h.run_for(1.0);
        // Dimmed and still, the people gone; only the SUDS prompt is shown.
        assert_eq!(h.pause_fade(), 1.0);
        assert!(h.characters().iter().all(|c| !c.seen), "someone is in view in the calming pause");
        let texts = h.panel_texts();
        assert!(!texts.iter().any(|t| t.starts_with("Kari:")), "the subtitle shows: {texts:?}");
        assert!(texts.iter().any(|t| t.contains("distress")), "no SUDS prompt: {texts:?}");
        // SUDS 70 (from 50, four steps of 5 up), then the breathing.
        tap(&mut h, KeyCode::ArrowUp, 4);
        h.press(KeyCode::Enter);
        h.frame();
        assert!(breathing(&h), "{:?}", h.view());
        let texts = h.panel_texts();
        for shown in ["Calming pause", "Breathe in", "1 / 6"] {
            assert!(texts.iter().any(|t| t == shown), "{shown:?} is not on the guide: {texts:?}");
        }
        assert!(texts.iter().any(|t| t.contains("B or Esc ends the breathing early")), "{texts:?}");
        // The circle grows through the in-breath and shrinks through the out-breath.
        let start = h.breathing_circle().expect("no circle");
        h.run_for(3.5);
        let full = h.breathing_circle().unwrap();
        assert!(full > start + 100.0, "the circle did not grow breathing in: {start} -> {full}");
        h.run_for(3.0);
        assert!(h.panel_texts().iter().any(|t| t == "Breathe out"), "{:?}", h.panel_texts());
        let emptier = h.breathing_circle().unwrap();
        assert!(emptier < full - 50.0, "the circle did not shrink breathing out: {full} -> {emptier}");
        // Esc ends the breathing early; the last SUDS, 30, and the run goes on.
        h.press(KeyCode::Escape);
        h.frame();
        assert_eq!(h.view().calming, Some(CalmingView::Rating));
        assert_eq!(h.breathing_circle(), None);
        tap(&mut h, KeyCode::ArrowDown, 4);
        h.press(KeyCode::Enter);
        h.frame();
        assert_eq!(h.view().calming, None);
        assert!(!h.session().is_still(), "the run did not go on");
        h.run_for(1.0);
        assert_eq!(h.pause_fade(), 0.0);
        assert!(h.characters().iter().filter(|c| c.present).all(|c| c.seen), "the room did not come back");
        assert!(h.panel_texts().iter().any(|t| t.starts_with("Kari:")), "the line did not come back");
        // Stopped here, and the record read back as the debrief does.
        h.press(KeyCode::Escape);
        h.press(KeyCode::KeyQ);
        assert!(h.run_until(90.0, |h| h.view().rating.is_some()), "no last SUDS");
        h.press(KeyCode::Enter);
        h.frame();
        h.close();
        let store = Store::open(&data).unwrap();
        let id = store.sessions(Some("P101")).unwrap()[0].id.clone();
        let report = debrief::session_report(&store, &id, Some(Lang::En)).unwrap();
        assert_eq!(report.calming.len(), 1, "{:?}", report.calming);
        let c = &report.calming[0];
        assert_eq!((c.before.map(|p| p.value), c.after.map(|p| p.value)), (Some(70), Some(30)));
        assert_eq!((c.by_participant, c.all_breaths), (true, Some(false)));
        let physiological = report
            .reflection
            .iter()
            .find(|g| g.source == mestring::scenario::EfficacySource::Physiological)
            .unwrap();
        assert!(
            physiological
                .moments
                .iter()
                .any(|m| m.contains("calming pause: SUDS 70 before the breathing, 30 after")),
            "{:?}",
            physiological.moments
        );
        let html = debrief::html::session(&report).unwrap();
        assert!(html.contains("SUDS 70 before the breathing, 30 after"), "the report does not say it");
    }

    #[test]
    fn the_pause_card_offers_a_calming_pause_and_the_pause_waits_after_it() {
        let mut h = harness("upset-customer", 2, "");
        h.run_for(1.0);
        h.press(KeyCode::Escape);
        h.frame();
        assert!(h.panel_texts().iter().any(|t| t == "Breathe calmly"), "{:?}", h.panel_texts());
        assert!(h.click(PanelButton::Pause(PauseAction::Calm)));
        h.frame();
        assert_eq!(h.view().calming, Some(CalmingView::Rating));
        // The pause card gives way to the calming pause.
        assert!(!h.panel_texts().iter().any(|t| t == "Go on"), "{:?}", h.panel_texts());
        h.press(KeyCode::Enter);
        h.frame();
        assert!(breathing(&h));
        // The clinician's console button, mid-breathing, ends it early.
        h.ask(Input::Calm { by: Actor::Clinician });
        h.frame();
        assert_eq!(h.view().calming, Some(CalmingView::Rating));
        h.press(KeyCode::Enter);
        h.frame();
        // Back to the pause it was begun from.
        assert_eq!(h.view().calming, None);
        assert!(h.view().paused && h.panel_texts().iter().any(|t| t == "Go on"), "{:?}", h.panel_texts());
    }

    /// Both ears of `seconds` of what the participant hears, averaged.
    fn listen(heard: &mut impl Iterator<Item = f32>, seconds: f32) -> Vec<f32> {
        let frames = (seconds * 48_000.0) as usize;
        let stereo: Vec<f32> = heard.take(frames * 2).collect();
        stereo.chunks_exact(2).map(|f| 0.5 * (f[0] + f[1])).collect()
    }

    #[test]
    fn the_breathing_is_heard_as_a_soft_tone_in_a_hushed_room_and_stops_with_it() {
        use mestring::sound::breathing::BREATHING_TONE_HZ;
        use mestring::sound::measure::{rms, tone_amplitude};

        let mut o = options(1, START_RATINGS);
        o.seed = 1;
        let (mut h, mut heard) =
            mestring::app::testing::Harness::with_hearing(crate::shell::load("team-meeting"), o).unwrap();
        assert!(h.run_until(10.0, |h| h.view().line.is_some()), "Kari never speaks");
        h.run_for(1.0);
        let room = listen(&mut heard, 1.0);
        h.press(KeyCode::KeyB);
        h.frame();
        h.press(KeyCode::Enter);
        h.frame();
        assert!(breathing(&h));
        // The first second of the first in-breath: the tone fades in on its
        // low note, and nothing of the room is left.
        let tone = listen(&mut heard, 1.0);
        let at_note = |xs: &[f32]| tone_amplitude(&xs[24_000..33_600], 48_000, BREATHING_TONE_HZ * 1.005);
        assert!(
            at_note(&tone) > 10.0 * at_note(&room),
            "no breathing tone: {} against the room's {}",
            at_note(&tone),
            at_note(&room)
        );
        let in_breath = listen(&mut heard, 2.5);
        assert!(rms(&in_breath[72_000..]) > rms(&tone[..24_000]), "the tone did not swell breathing in");
        // Ended early: the tone stops with the breathing.
        h.press(KeyCode::Escape);
        h.frame();
        listen(&mut heard, 0.1);
        let after = listen(&mut heard, 0.5);
        assert!(rms(&after) < 0.1 * rms(&in_breath[72_000..]), "the tone went on after the breathing");
    }

    /// The console's volume: everything the participant hears goes
    /// through it, at once.
    #[test]
    fn the_clinicians_volume_turns_the_participants_sound_down_and_up_at_once() {
        use mestring::sound::measure::rms;

        let (mut h, mut heard) = mestring::app::testing::Harness::with_hearing(
            crate::shell::load("team-meeting"),
            options(1, START_RATINGS),
        )
        .unwrap();
        assert!(h.run_until(10.0, |h| h.view().line.is_some()), "Kari never speaks");
        let room = listen(&mut heard, 1.0);
        assert!(rms(&room) > 0.0, "the room is heard");
        h.set_volume(0.0);
        listen(&mut heard, 0.05);
        assert_eq!(rms(&listen(&mut heard, 0.5)), 0.0, "turned all the way down: nothing");
        h.set_volume(1.0);
        listen(&mut heard, 0.05);
        assert!(rms(&listen(&mut heard, 1.0)) > 0.1 * rms(&room), "back up");
    }

    /// In the headset the controller is all the participant has: the menu
    /// button opens the pause card, the trigger on Breathe calmly begins
    /// the calming pause, and the menu button ends its breathing early.
    #[test]
    fn in_the_headset_the_controller_begins_a_calming_pause_and_ends_its_breathing() {
        use mestring::app::ControllerPressed;

        let loaded = crate::shell::load("upset-customer");
        let mut h = mestring::app::testing::Harness::in_headset(loaded, options(2, ""), None).unwrap();
        h.run_for(1.0);
        h.controller(ControllerPressed::Menu);
        h.frame();
        assert!(h.view().paused, "the menu button did not pause");
        assert!(h.trigger_on(PanelButton::Pause(PauseAction::Calm)), "no Breathe calmly on the card");
        h.frame();
        assert_eq!(h.view().calming, Some(CalmingView::Rating));
        assert!(h.trigger_on(PanelButton::Confirm), "no OK for the SUDS on the card");
        h.frame();
        assert!(breathing(&h), "{:?}", h.view());
        let hint =
            "Follow the circle: in as it grows, out as it shrinks. The menu button ends the breathing early.";
        assert!(h.panel_texts().iter().any(|t| t == hint), "{:?}", h.panel_texts());
        h.controller(ControllerPressed::Menu);
        h.frame();
        assert_eq!(h.view().calming, Some(CalmingView::Rating), "the menu button did not end the breathing");
        assert!(h.trigger_on(PanelButton::Confirm));
        h.frame();
        // Back on the pause card it was begun from.
        assert!(h.view().calming.is_none() && h.view().paused);
        let transcript = h.transcript("en");
        assert!(transcript.contains("breathing-ended early"), "{transcript}");
    }

    /// The console's "ask now" sends `AskNow`; the participant's panel then
    /// asks it, with the instrument's own instruction.
    #[test]
    fn the_clinician_asks_about_vr_sickness_now_and_the_panel_asks_it() {
        let mut h = harness("team-meeting", 1, START_RATINGS);
        assert!(h.run_until(10.0, |h| h.view().line.is_some()), "Kari never speaks");
        h.ask(Input::AskNow { rating: RatingKind::Cybersickness });
        h.frame();
        assert_eq!(h.view().rating.as_ref().map(|r| r.0.clone()), Some(RatingKind::Cybersickness));
        let texts = h.panel_texts();
        assert!(texts.iter().any(|t| t.contains("not of nervousness")), "{texts:?}");
        h.press(KeyCode::Enter);
        h.frame();
        assert!(h.transcript("en").contains("rated cybersickness 0"), "{}", h.transcript("en"));
    }

    /// The console's "skip this rating" sends `SkipRating`: the panel
    /// closes without an answer, the record says it was skipped, and the
    /// line goes on.
    #[test]
    fn the_clinician_skips_a_rating_and_the_panel_closes_unanswered() {
        let mut h = harness("team-meeting", 1, START_RATINGS);
        assert!(h.run_until(10.0, |h| h.view().line.is_some()), "Kari never speaks");
        h.ask(Input::AskNow { rating: RatingKind::Suds });
        h.frame();
        assert!(h.panel_texts().iter().any(|t| t.contains("How distressed")), "{:?}", h.panel_texts());
        h.ask(Input::SkipRating);
        h.frame();
        assert_eq!(h.view().rating, None);
        assert!(h.panel_texts().iter().all(|t| !t.contains("How distressed")), "{:?}", h.panel_texts());
        let transcript = h.transcript("en");
        assert!(transcript.contains("skipped suds after"), "{transcript}");
        assert!(!transcript.contains("rated suds 0"), "{transcript}");
        // Kari's line goes on, and the next rating is answered as usual.
        assert!(h.run_until(30.0, |h| h.view().choices.is_some()), "the run stopped at the skip");
    }
}
