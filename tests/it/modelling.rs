//! The modelling run (the vicarious source of self-efficacy): a peer in the
//! participant's seat gives the model answers while the participant
//! watches from the side; recorded as a modelling run, never counted as
//! the participant's own mastery.

use std::sync::Arc;

use mestring::scenario::{Beat, RatingKind, Scenario, load_bytes, model_answer};
use mestring::session::{Input, Output, RatingAnswer, Rejection, RunKind, Session, SessionError, Stamped};

use crate::{mestring_on, repo, shipped, stderr_of, team_meeting_source};

/// A modelling run played to its end, every rating answered with its
/// middle: what came out.
fn watched(scenario: &Scenario, level: u8, seed: u64) -> (Arc<Scenario>, Vec<Stamped<Output>>) {
    let (shown, mut s) = Session::of_kind(scenario, level, seed, RunKind::Modelling).unwrap();
    let mut outs = s.step(0, Input::Tick).to_vec();
    for _ in 0..10_000 {
        if s.has_ended() {
            break;
        }
        let at = s.now() + 1_000;
        let input = match s.open_rating() {
            Some(kind) => Input::Rate(RatingAnswer::Scale(mestring::session::scale(kind).default)),
            None => Input::Tick,
        };
        let at = if matches!(input, Input::Tick) { s.next_deadline().unwrap_or(at) } else { at };
        outs.extend_from_slice(s.step(at, input));
        // Nothing is the watcher's to answer: no options, and no clock.
        assert_eq!((s.offered_choice(), s.answer_clock()), (None, None), "{} {level}", scenario.id);
    }
    assert!(s.has_ended(), "{}: the modelling run at level {level} did not end", scenario.id);
    (shown, outs)
}

#[test]
fn the_peer_gives_every_model_answer_at_every_level_of_every_shipped_scenario() {
    for (id, scenario) in shipped() {
        assert!(scenario.peer.is_some(), "{id} has no peer for a modelling run");
        for level in 1..=scenario.levels.len() as u8 {
            let (shown, outs) = watched(&scenario, level, 1);
            let peer = shown.peer_index().unwrap();
            assert!(outs.iter().any(|o| o.item == Output::Modelling { peer }), "{id} {level}");
            let chosen: Vec<(usize, usize)> = outs
                .iter()
                .filter_map(|o| match o.item {
                    Output::Chosen { beat, option, .. } => Some((beat, option)),
                    _ => None,
                })
                .collect();
            assert!(!chosen.is_empty(), "{id} {level}: the peer answered nothing");
            for (beat, option) in &chosen {
                let Some(Beat::Choose { options, .. }) = shown.beats.get(*beat) else { panic!() };
                assert!(
                    options[*option].model,
                    "{id} {level}: not the model answer at {}",
                    shown.beats[*beat].id()
                );
                assert_eq!(*option, model_answer(options));
                // And says it, as the peer.
                assert!(
                    outs.iter().any(|o| o.item
                        == Output::PeerAnswer {
                            beat: *beat,
                            option: *option,
                            by: peer,
                            millis: match o.item {
                                Output::PeerAnswer { millis, .. } => millis,
                                _ => 0,
                            }
                        }),
                    "{id} {level}: the peer did not say their answer"
                );
            }
            // Expectancies are about the participant's own run: not asked.
            assert!(
                !outs.iter().any(|o| matches!(
                    &o.item,
                    Output::RatingAsked {
                        rating: RatingKind::Expectancy(_) | RatingKind::ExpectancyReview(_)
                    }
                )),
                "{id} {level}: an expectancy was asked in a modelling run"
            );
            assert!(outs.iter().any(|o| matches!(o.item, Output::RatingAsked { rating: RatingKind::Suds })));
            assert!(outs.iter().any(|o| matches!(o.item, Output::RecoveryStarted { .. })), "{id} {level}");
        }
    }
}

#[test]
fn the_participant_cannot_answer_in_a_modelling_run_and_a_scenario_without_a_peer_has_none() {
    let (_, scenario) = shipped().into_iter().find(|(id, _)| id == "team-meeting").unwrap();
    let (_, mut s) = Session::of_kind(&scenario, 2, 1, RunKind::Modelling).unwrap();
    s.step(0, Input::Tick);
    assert!(s.is_modelling() && s.kind() == RunKind::Modelling);
    let outs = s.step(10, Input::Choose { option: 0 }).to_vec();
    assert!(
        outs.iter().any(|o| matches!(o.item, Output::Rejected { reason: Rejection::Modelling, .. })),
        "{outs:?}"
    );
    let mut bare = (*scenario).clone();
    bare.peer = None;
    assert!(matches!(Session::of_kind(&bare, 1, 1, RunKind::Modelling), Err(SessionError::NoPeer(_))));
}

#[test]
fn the_checker_warns_at_a_choice_without_a_model_answer_and_keeps_the_peer_id() {
    let source = team_meeting_source();
    let first = source.find("model: true").expect("the meeting marks model answers");
    let edited = format!("{}model: false{}", &source[..first], &source[first + "model: true".len()..]);
    let report = match load_bytes(&repo().join("scenarios/edited.ron"), edited.as_bytes()) {
        Ok(l) => l.report,
        Err(r) => r,
    };
    let warning = report.findings.iter().find(|f| f.code == "no-model-answer").expect("no warning");
    assert!(!warning.is_error() && warning.message.contains("model answer"), "{warning:?}");
    let clash = source.replacen("id: \"per\"", "id: \"peer\"", 1);
    let report = match load_bytes(&repo().join("scenarios/edited.ron"), clash.as_bytes()) {
        Ok(l) => l.report,
        Err(r) => r,
    };
    assert!(
        report.findings.iter().any(|f| f.code == "reserved-id" && f.is_error()),
        "{:#?}",
        report.findings
    );
}

#[test]
fn the_watcher_sits_at_the_side_inside_the_room_in_every_shipped_scenario() {
    for (id, s) in shipped() {
        let seat = mestring::room::participant_head(&s.setting);
        let watcher = mestring::room::watcher_head(&s.setting);
        assert!(mestring::room::within_walls(s.setting.room, watcher.at), "{id}: {watcher:?}");
        let apart = watcher.at.distance(seat.at);
        assert!((1.0..2.5).contains(&apart), "{id}: {apart} m from the peer's seat");
        assert_eq!(watcher.height, mestring::room::SEATED_HEAD_M, "{id}: the watcher sits");
    }
}

/// Recorded from the command line: a modelling run, then a practice run.
/// The modelling run never counts for progression; the reports name it.
#[test]
fn a_modelling_run_is_recorded_as_one_named_so_in_the_reports_and_never_counted_as_mastery() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(mestring_on(&data, &["participants", "add", "P020"]).status.success());
    let answers = dir.path().join("answers.script");
    std::fs::write(&answers, "answer\n".repeat(30)).unwrap();
    let play = |extra: &[&str]| {
        let mut args = vec!["play", "upset-customer", "--level", "2", "--participant", "P020", "--quiet"];
        args.extend_from_slice(&["--script", answers.to_str().unwrap()]);
        args.extend_from_slice(extra);
        let o = mestring_on(&data, &args);
        assert!(o.status.success(), "{}", stderr_of(&o));
    };
    play(&["--modelling"]);
    // Watching is not mastery: there is still no run at this level to go on.
    let o = mestring_on(&data, &["propose", "--participant", "P020", "upset-customer"]);
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(o.status.success() && out.contains("You have no run of this scenario yet"), "{out}");
    play(&[]);

    let store = mestring::record::Store::open(&data).unwrap();
    let sessions = store.sessions(Some("P020")).unwrap();
    assert_eq!(sessions.iter().map(|s| s.kind.as_str()).collect::<Vec<_>>(), ["modelling", "practice"]);
    assert_eq!(store.past_runs("P020", "upset-customer").unwrap().len(), 1, "only the practice run counts");
    let en = Some(mestring::debrief::Lang::En);
    let watched = mestring::debrief::session_report(&store, &sessions[0].id, en).unwrap();
    assert_eq!(watched.kind, RunKind::Modelling);
    assert!(watched.kind_text.contains("Even sat in your seat"), "{}", watched.kind_text);
    let vicarious = |r: &mestring::debrief::session::SessionReport| {
        let group = r.reflection.iter().find(|g| g.source == mestring::scenario::EfficacySource::Vicarious);
        group.unwrap().moments.join(" ")
    };
    assert!(vicarious(&watched).contains("You watched Even handle level 2"), "{}", vicarious(&watched));
    // The peer's answers read with their name, as the peer's.
    assert!(watched.choices.iter().all(|c| !c.text.is_empty()), "{:?}", watched.choices);
    let practised = mestring::debrief::session_report(&store, &sessions[1].id, en).unwrap();
    assert!(
        vicarious(&practised).contains("in a modelling run before this one"),
        "{}",
        vicarious(&practised)
    );
    let html = mestring::debrief::html::session(&watched).unwrap();
    assert!(
        html.contains("data-figure=\"kind\" data-value=\"modelling\""),
        "the report does not name the run"
    );
    let overview = mestring::debrief::programme_html(&store, "P020", en).unwrap();
    assert!(overview.contains("modelling run"), "the overview does not name the modelling run");
    // The exports name it too: the JSON's session, the CSV's run column.
    let json = dir.path().join("export.json");
    let o =
        mestring_on(&data, &["export", "--participant", "P020", "--format", "json", json.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr_of(&o));
    let text = std::fs::read_to_string(&json).unwrap();
    assert!(text.contains("\"kind\": \"modelling\""), "the JSON export does not name the run");
    let csv = dir.path().join("export.csv");
    let o =
        mestring_on(&data, &["export", "--participant", "P020", "--format", "csv", csv.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr_of(&o));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.lines().nth(1).is_some_and(|l| l.contains(",upset-customer,modelling,")), "{text:.300}");
}

/// The modelling run as the participant sees it: from the side, the peer
/// in their seat, the peer's answers as subtitles, no options to press.
#[cfg(feature = "shell")]
mod in_the_shell {
    use bevy::prelude::{KeyCode, Vec3};
    use mestring::app::testing::Harness;
    use mestring::session::RunKind;

    use crate::shell::{load, options};

    #[test]
    fn the_participant_watches_from_the_side_while_the_peer_in_their_seat_answers() {
        let mut o = options(2, &"answer\n".repeat(12));
        o.kind = RunKind::Modelling;
        let loaded = load("team-meeting");
        let setting = loaded.scenario.setting.clone();
        let mut h = Harness::new(loaded, o).unwrap();
        assert!(h.session().is_modelling());
        // The view is the watcher's, beside and behind the participant's seat.
        let watcher = mestring::room::watcher_head(&setting);
        let eye = h.view_transform().translation();
        assert!(eye.distance(Vec3::new(watcher.at.x, watcher.height, watcher.at.z)) < 0.05, "{eye}");
        // The peer sits where the participant would, and is seen.
        h.run_for(1.0);
        let ingrid = h.character("Ingrid");
        let seat = mestring::room::participant_head(&setting);
        assert!(ingrid.present && ingrid.seen, "{ingrid:?}");
        assert!(
            Vec3::new(seat.at.x, 0.0, seat.at.z).distance(ingrid.position.with_y(0.0)) < 0.3,
            "{ingrid:?}"
        );
        // Options come to the peer: none on the participant's panels, and a
        // key press is not an answer.
        assert!(h.run_until(120.0, |h| h.view().choices.is_some()), "no choice came");
        let texts = h.panel_texts();
        assert!(!texts.iter().any(|t| t.starts_with("1  ")), "options are shown to the watcher: {texts:?}");
        h.press(KeyCode::Digit1);
        h.frame();
        // The peer's answer, as their subtitle.
        assert!(
            h.run_until(10.0, |h| h.panel_texts().iter().any(|t| t.starts_with("Ingrid: «"))),
            "the peer's answer is not shown: {:?}",
            h.panel_texts()
        );
        let transcript = h.transcript("en");
        assert!(transcript.contains("rejected choose: in a modelling run the peer answers"), "{transcript}");
        assert!(transcript.contains("< peer "), "{transcript}");
    }
}
