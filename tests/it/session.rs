//! The session core's promises, checked over many generated input streams.

use std::sync::Arc;

use mestring::scenario::{RatingKind, Scenario, StressCue};
use mestring::session::{Actor, EndReason, Input, Millis, Output, RatingAnswer, Rejection, Session};
use proptest::prelude::*;

use crate::shipped;

/// A valid answer for whatever rating is open.
fn answer_for(kind: &RatingKind, pick: u8) -> RatingAnswer {
    match kind {
        RatingKind::Suds | RatingKind::Expectancy(_) => RatingAnswer::Scale(pick % 101),
        RatingKind::SelfEfficacy(_) => RatingAnswer::Scale((pick % 11) * 10),
        RatingKind::Cybersickness => RatingAnswer::Scale(pick % 21),
        RatingKind::ExpectancyReview(_) => {
            RatingAnswer::Review { happened: pick.is_multiple_of(2), likelihood: pick % 101 }
        }
    }
}

fn option_count(scenario: &Scenario, beat: usize) -> usize {
    match &scenario.beats[beat] {
        mestring::scenario::Beat::Choose { options, .. } => options.len(),
        _ => 0,
    }
}

/// Plays as a participant who always answers, after `think` ms, picking
/// by `picks`. Returns how it ended and the number of inputs it took.
fn answer_everything(
    scenario: Arc<Scenario>,
    level: u8,
    seed: u64,
    picks: &[u8],
    think: Millis,
) -> (EndReason, usize) {
    let mut s = Session::new(Arc::clone(&scenario), level, seed).unwrap();
    let mut ended = None;
    let mut note = |outs: &[mestring::session::Stamped<Output>]| {
        for o in outs {
            if let Output::Ended { reason } = &o.item {
                ended = Some(reason.clone());
            }
        }
    };
    note(s.step(0, Input::Tick));
    let mut n = 0;
    while !s.has_ended() {
        n += 1;
        assert!(n < 10_000, "participant kept answering but the session never ended");
        let pick = picks[n % picks.len()];
        let at = s.now() + think;
        let input = if let Some(kind) = s.open_rating() {
            Input::Rate(answer_for(kind, pick))
        } else if let Some(beat) = s.offered_choice() {
            Input::Choose { option: usize::from(pick) % option_count(&scenario, beat) }
        } else {
            let deadline = s.next_deadline().expect("a session that waits on nobody must have a timer");
            note(s.step(deadline, Input::Tick));
            continue;
        };
        note(s.step(at, input));
    }
    (ended.expect("an ended session says why"), n)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_participant_who_keeps_answering_always_reaches_an_end(
        which in 0usize..4, level in 1u8..=5, seed in any::<u64>(),
        picks in prop::collection::vec(any::<u8>(), 1..20), think in 0u64..30_000,
    ) {
        let all = shipped();
        let (_, scenario) = &all[which % all.len()];
        let level = level.min(scenario.levels.len() as u8);
        let (reason, _) = answer_everything(Arc::clone(scenario), level, seed, &picks, think);
        prop_assert!(matches!(reason, EndReason::Completed { .. }), "ended with {reason:?}");
    }

    #[test]
    fn no_sequence_of_inputs_panics_it(
        which in 0usize..4, level in 1u8..=5, seed in any::<u64>(),
        inputs in prop::collection::vec((0u64..120_000, arb_input()), 0..200),
    ) {
        let all = shipped();
        let (_, scenario) = &all[which % all.len()];
        let level = level.min(scenario.levels.len() as u8);
        let mut s = Session::new(Arc::clone(scenario), level, seed).unwrap();
        let mut last = 0;
        for (at, input) in inputs {
            // Times may go backwards; the session must take that too.
            let outs = s.step(at, input).to_vec();
            for o in &outs {
                prop_assert!(o.at >= last, "outputs went back in time: {} after {last}", o.at);
                last = o.at;
            }
        }
    }

    #[test]
    fn the_same_seed_replays_the_same_session(
        which in 0usize..4, level in 1u8..=5, seed in any::<u64>(),
        picks in prop::collection::vec(any::<u8>(), 1..10),
    ) {
        let all = shipped();
        let (_, scenario) = &all[which % all.len()];
        let level = level.min(scenario.levels.len() as u8);
        let run = || {
            let mut s = Session::new(Arc::clone(scenario), level, seed).unwrap();
            let mut all = s.step(0, Input::Tick).to_vec();
            for (i, pick) in picks.iter().enumerate() {
                let at = (i as u64 + 1) * 7_000;
                let input = match s.open_rating() {
                    Some(kind) => Input::Rate(answer_for(kind, *pick)),
                    None => Input::Choose { option: usize::from(*pick % 3) },
                };
                all.extend(s.step(at, input).iter().cloned());
            }
            all
        };
        prop_assert_eq!(run(), run());
    }
}

fn arb_input() -> impl Strategy<Value = Input> {
    let actor = prop_oneof![Just(Actor::Participant), Just(Actor::Clinician)];
    prop_oneof![
        Just(Input::Tick),
        (0usize..12).prop_map(|option| Input::Choose { option }),
        any::<u8>().prop_map(|v| Input::Rate(RatingAnswer::Scale(v))),
        (any::<bool>(), any::<u8>())
            .prop_map(|(happened, likelihood)| Input::Rate(RatingAnswer::Review { happened, likelihood })),
        actor.clone().prop_map(|by| Input::Pause { by }),
        actor.clone().prop_map(|by| Input::Resume { by }),
        actor.prop_map(|by| Input::Stop { by }),
        (0u8..8).prop_map(|level| Input::SetLevel { level }),
        (0usize..10, -1.0f32..2.0).prop_map(|(i, intensity)| Input::TriggerCue {
            cue: mestring::scenario::StressCue::ALL[i],
            intensity,
        }),
        ".{0,20}".prop_map(|note| Input::Marker { note }),
        Just(Input::Calm { by: Actor::Participant }),
        Just(Input::Calm { by: Actor::Clinician }),
        Just(Input::SkipRating),
    ]
}

pub(crate) fn team_meeting() -> Arc<Scenario> {
    shipped().into_iter().find(|(id, _)| id == "team-meeting").unwrap().1
}

/// Answers open start ratings until the first line is under way.
pub(crate) fn past_start_ratings(s: &mut Session) {
    s.step(0, Input::Tick);
    let mut at = 0;
    while s.open_rating().is_some() {
        at += 1_000;
        s.step(at, Input::Rate(RatingAnswer::Scale(50)));
    }
}

#[test]
fn a_pause_freezes_the_scenario_and_a_stop_always_works() {
    let mut s = Session::new(team_meeting(), 1, 1).unwrap();
    past_start_ratings(&mut s);
    let line_done_at = s.next_deadline().unwrap();
    let now = s.now();
    s.step(now + 500, Input::Pause { by: Actor::Participant });
    // A long pause: nothing happens, the line does not finish.
    let outs = s.step(now + 600_000, Input::Tick).to_vec();
    assert!(outs.is_empty(), "a paused session stays still: {outs:?}");
    assert_eq!(s.next_deadline(), None);
    // Answers are refused while paused, and the refusal is said.
    let outs = s.step(now + 600_001, Input::Choose { option: 0 }).to_vec();
    assert!(matches!(outs[0].item, Output::Rejected { .. }));
    s.step(now + 600_500, Input::Resume { by: Actor::Clinician });
    // The line resumes where it was: its end moved by exactly the pause.
    assert_eq!(s.next_deadline(), Some(line_done_at + 600_000));
    let outs = s.step(now + 600_600, Input::Pause { by: Actor::Clinician }).to_vec();
    assert!(matches!(outs[0].item, Output::Paused { by: Actor::Clinician }));
    // A stop while paused leads into the calm phase; a second one ends it.
    let outs = s.step(now + 600_700, Input::Stop { by: Actor::Participant }).to_vec();
    assert!(outs.iter().any(|o| matches!(o.item, Output::RecoveryStarted { .. })), "{outs:?}");
    let outs = s.step(now + 600_800, Input::Stop { by: Actor::Participant }).to_vec();
    assert!(
        outs.iter()
            .any(|o| o.item == Output::Ended { reason: EndReason::Stopped { by: Actor::Participant } })
    );
    assert!(s.has_ended());
}

#[test]
fn ratings_outside_their_scale_are_refused_and_the_prompt_stays_open() {
    let mut s = Session::new(team_meeting(), 1, 1).unwrap();
    s.step(0, Input::Tick);
    assert_eq!(s.open_rating(), Some(&RatingKind::Suds));
    let outs = s.step(100, Input::Rate(RatingAnswer::Scale(101))).to_vec();
    assert!(matches!(outs[0].item, Output::Rejected { .. }));
    s.step(200, Input::Rate(RatingAnswer::Scale(100)));
    // Self-efficacy is rated in steps of ten.
    assert!(matches!(s.open_rating(), Some(RatingKind::SelfEfficacy(_))));
    let outs = s.step(300, Input::Rate(RatingAnswer::Scale(45))).to_vec();
    assert!(matches!(outs[0].item, Output::Rejected { .. }));
    assert!(matches!(s.open_rating(), Some(RatingKind::SelfEfficacy(_))));
}

#[test]
fn a_level_change_mid_session_changes_the_cast_and_is_reported() {
    let mut s = Session::new(team_meeting(), 1, 1).unwrap();
    past_start_ratings(&mut s);
    let at = s.now() + 1_000;
    let outs = s.step(at, Input::SetLevel { level: 3 }).to_vec();
    assert_eq!(outs[0].item, Output::LevelChanged { from: 1, to: 3 });
    // Ola and Per come in; Kari and Aisha are unchanged and not repeated.
    let entering: Vec<usize> = outs
        .iter()
        .filter_map(|o| match o.item {
            Output::Cast { character, present: true, .. } => Some(character),
            _ => None,
        })
        .collect();
    assert_eq!(entering, vec![2, 3]);
    assert_eq!(s.level(), 3);
    let outs = s.step(at + 1, Input::SetLevel { level: 9 }).to_vec();
    assert!(matches!(outs[0].item, Output::Rejected { .. }));
}

#[test]
fn higher_levels_bring_more_chance_cues() {
    let count = |level: u8| -> usize {
        (0..20)
            .map(|seed| {
                let mut s = Session::new(team_meeting(), level, seed).unwrap();
                s.step(0, Input::Tick);
                // Leave the start rating open for ten minutes: the world
                // goes on around a participant who is thinking.
                s.step(600_000, Input::Tick)
                    .iter()
                    .filter(|o| matches!(o.item, Output::CueStarted { .. }))
                    .count()
            })
            .sum()
    };
    let (one, three, five) = (count(1), count(3), count(5));
    assert_eq!(one, 0, "level 1 has no chance cues");
    assert!(three > 0 && five > three, "cues per level: 1={one} 3={three} 5={five}");
}

#[test]
fn time_pressure_runs_out_and_someone_checks_the_clock() {
    // Level 5: a 12-second answer clock, shorter than the 15-second silence route.
    let mut s = Session::new(team_meeting(), 5, 3).unwrap();
    past_start_ratings(&mut s);
    while s.offered_choice().is_none() {
        let d = s.next_deadline().unwrap();
        s.step(d, Input::Tick);
    }
    // The clock starts once the options have been read.
    let offered = s.now() + s.scenario().resolved().reading_millis[s.offered_choice().unwrap()];
    let outs = s.step(offered + 13_000, Input::Tick).to_vec();
    let up = outs.iter().find(|o| matches!(o.item, Output::TimeUp { .. })).expect("time-up after 12 s");
    assert_eq!(up.at, offered + 12_000);
    assert!(outs.iter().any(|o| matches!(
        o.item,
        Output::CueStarted { cue: mestring::scenario::StressCue::WatchCheck, .. }
    )));
    // At this level Ola interrupts while the participant thinks.
    assert!(outs.iter().any(|o| matches!(
        o.item,
        Output::CueStarted { cue: mestring::scenario::StressCue::Interruption, .. }
    )));
    // The choice is still open: time pressure presses, it does not decide.
    assert!(s.offered_choice().is_some());
}

#[test]
fn the_answer_clock_counts_down_on_active_time_and_stays_empty_after_time_up() {
    let mut s = Session::new(team_meeting(), 5, 3).unwrap();
    past_start_ratings(&mut s);
    while s.offered_choice().is_none() {
        let d = s.next_deadline().unwrap();
        s.step(d, Input::Tick);
    }
    // The clock starts once the options have been read.
    let reading = s.scenario().resolved().reading_millis[s.offered_choice().unwrap()];
    assert!(reading > 0);
    let offered = s.now() + reading;
    assert_eq!(s.answer_clock(), Some((12_000, 12_000)), "level 5 gives 12 seconds");
    s.step(offered - 1, Input::Tick);
    assert_eq!(s.answer_clock(), Some((12_000, 12_000)), "still reading: the clock stands");
    s.step(offered + 4_000, Input::Tick);
    assert_eq!(s.answer_clock(), Some((8_000, 12_000)));
    // A pause stops the clock.
    s.step(offered + 4_000, Input::Pause { by: Actor::Participant });
    s.step(offered + 30_000, Input::Tick);
    assert_eq!(s.answer_clock(), Some((8_000, 12_000)));
    s.step(offered + 30_000, Input::Resume { by: Actor::Participant });
    s.step(offered + 40_000, Input::Tick);
    assert_eq!(s.answer_clock(), Some((0, 12_000)), "run out, and the choice is still open");
    assert!(s.offered_choice().is_some());

    // Level 1 has no time pressure.
    let mut gentle = Session::new(team_meeting(), 1, 3).unwrap();
    past_start_ratings(&mut gentle);
    while gentle.offered_choice().is_none() {
        let d = gentle.next_deadline().unwrap();
        gentle.step(d, Input::Tick);
    }
    assert_eq!(gentle.answer_clock(), None);
}

#[test]
fn response_latency_excludes_pauses() {
    let mut s = Session::new(team_meeting(), 1, 1).unwrap();
    past_start_ratings(&mut s);
    while s.offered_choice().is_none() {
        let d = s.next_deadline().unwrap();
        s.step(d, Input::Tick);
    }
    let t = s.now();
    s.step(t + 1_000, Input::Pause { by: Actor::Participant });
    s.step(t + 61_000, Input::Resume { by: Actor::Participant });
    let outs = s.step(t + 63_000, Input::Choose { option: 0 }).to_vec();
    assert!(outs.iter().any(|o| matches!(o.item, Output::Chosen { latency: 3_000, .. })), "{outs:?}");
}

#[test]
fn a_periodic_rating_due_while_the_same_rating_is_open_is_not_asked_twice() {
    // Level 1 asks two ratings at the start: SUDS, then self-efficacy.
    let mut s = Session::new(team_meeting(), 1, 1).unwrap();
    s.step(0, Input::Tick);
    assert_eq!(s.open_rating(), Some(&RatingKind::Suds));
    // The participant takes four minutes over the first SUDS; the 3-minute
    // SUDS falls due meanwhile and must not follow straight after.
    s.step(240_000, Input::Rate(RatingAnswer::Scale(40)));
    assert!(matches!(s.open_rating(), Some(RatingKind::SelfEfficacy(_))), "{:?}", s.open_rating());
    let outs = s.step(241_000, Input::Rate(RatingAnswer::Scale(50))).to_vec();
    assert!(outs.iter().any(|o| matches!(o.item, Output::Line { .. })), "the first line follows: {outs:?}");
}

#[test]
fn a_glance_at_the_watch_never_comes_from_someone_on_the_phone() {
    let source = crate::checker::aisha_on_the_phone();
    let loaded =
        mestring::scenario::load_bytes(&crate::repo().join("scenarios/phone.ron"), source.as_bytes())
            .unwrap();
    let aisha = loaded.scenario.cast.iter().position(|c| c.id == "aisha").unwrap();
    let mut s = Session::new(Arc::new(loaded.scenario), 3, 1).unwrap();
    past_start_ratings(&mut s);
    let (mut seen, mut heard) = (Vec::new(), Vec::new());
    for i in 0..60 {
        for (cue, into) in [(StressCue::WatchCheck, &mut seen), (StressCue::Sigh, &mut heard)] {
            let at = 10_000 + i * 500;
            for o in s.step(at, Input::TriggerCue { cue, intensity: 0.5 }) {
                if let Output::CueStarted { cue: c, by, .. } = o.item
                    && c == cue
                {
                    into.push(by);
                }
            }
        }
    }
    assert!(seen.len() > 30 && !seen.contains(&Some(aisha)), "{seen:?}");
    // A sigh is heard: it may come from the phone.
    assert!(heard.contains(&Some(aisha)), "{heard:?}");
}

// ------------------------------------------------ choices that are real choices

/// The first Choose beat the flow reaches at `level` with `seed`, with the
/// session standing at it.
pub(crate) fn at_first_choice(level: u8, seed: u64) -> Session {
    let mut s = Session::new(team_meeting(), level, seed).unwrap();
    past_start_ratings(&mut s);
    while s.offered_choice().is_none() {
        let d = s.next_deadline().unwrap();
        s.step(d, Input::Tick);
    }
    s
}

#[test]
fn options_are_shown_in_an_order_from_the_seed_so_the_model_answer_is_not_always_first() {
    let model_place = |seed: u64| {
        let s = at_first_choice(1, seed);
        let beat = s.offered_choice().unwrap();
        let mestring::scenario::Beat::Choose { options, .. } = &s.scenario().beats[beat] else {
            unreachable!()
        };
        let order = s.offered_order().unwrap().to_vec();
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..options.len()).collect::<Vec<_>>(), "every option shown once: {order:?}");
        let model = options.iter().position(|o| o.model).expect("the first choice has a model answer");
        order.iter().position(|&o| o == model).unwrap()
    };
    assert_eq!(model_place(7), model_place(7), "the same seed shows the same order");
    let places: std::collections::BTreeSet<usize> = (0..24).map(model_place).collect();
    assert!(places.len() >= 3, "over 24 seeds the model answer sat only at places {places:?}");
}

#[test]
fn a_choice_is_recorded_with_the_place_it_was_shown_at_and_the_order_shown() {
    let mut s = at_first_choice(1, 11);
    let order = s.offered_order().unwrap().to_vec();
    let beat = s.offered_choice().unwrap();
    // The scenario's option shown last.
    let last = *order.last().unwrap();
    let at = s.now() + 2_000;
    let outs = s.step(at, Input::Choose { option: last }).to_vec();
    let chosen = outs.iter().find_map(|o| match &o.item {
        Output::Chosen { beat: b, option, shown_as, .. } => Some((*b, *option, *shown_as)),
        _ => None,
    });
    assert_eq!(chosen, Some((beat, last, order.len() - 1)));
}

#[test]
fn an_author_can_keep_the_written_order() {
    let mut scenario = (*team_meeting()).clone();
    let beat = at_first_choice(1, 11).offered_choice().unwrap();
    if let mestring::scenario::Beat::Choose { keep_order, .. } = &mut scenario.beats[beat] {
        *keep_order = true;
    }
    let scenario = Arc::new(scenario);
    for seed in 0..8 {
        let mut s = Session::new(Arc::clone(&scenario), 1, seed).unwrap();
        past_start_ratings(&mut s);
        while s.offered_choice() != Some(beat) {
            let d = s.next_deadline().unwrap();
            s.step(d, Input::Tick);
        }
        let order = s.offered_order().unwrap();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "seed {seed}: {order:?}");
    }
}

#[test]
fn shuffling_options_never_moves_a_chance_cue() {
    // Two runs that differ only in option order (one keeps the written
    // order) hear the same cues at the same times up to the first choice.
    let cues = |keep: bool| {
        let mut scenario = (*team_meeting()).clone();
        for b in &mut scenario.beats {
            if let mestring::scenario::Beat::Choose { keep_order, .. } = b {
                *keep_order = keep;
            }
        }
        let mut s = Session::new(Arc::new(scenario), 4, 5).unwrap();
        let mut heard = Vec::new();
        let mut at = 0;
        while at < 300_000 && !s.has_ended() {
            let input = if s.open_rating().is_some() {
                Input::Rate(RatingAnswer::Scale(40))
            } else {
                match s.offered_order() {
                    Some(order) => Input::Choose { option: order.iter().copied().min().unwrap() },
                    None => Input::Tick,
                }
            };
            for o in s.step(at, input) {
                if let Output::CueStarted { cue, .. } = o.item {
                    heard.push((o.at, cue));
                }
            }
            at += 1_000;
        }
        heard
    };
    assert_eq!(cues(false), cues(true));
}

#[test]
fn the_reading_allowance_grows_with_the_words_shown() {
    use mestring::scenario::Text;
    use mestring::scenario::resolved::reading_millis;
    let short = Text::new([("nb", "Ja."), ("en", "Yes.")]);
    let long = Text::new([
        ("nb", "Jeg kan ta den delen av rapporten, men ikke alt."),
        ("en", "I can do part of it."),
    ]);
    assert_eq!(reading_millis([&short].into_iter()), 300);
    // The language with more words decides (ten words in bokmål).
    assert_eq!(reading_millis([&short, &long].into_iter()), 300 + 3_000);
}

// ------------------------------------------------ a recovery at the end of every run

/// What a participant who answers everything with the first option shown
/// and a middling rating gives, from the start to the end.
fn played_to_the_end(
    scenario: Arc<Scenario>,
    level: u8,
    seed: u64,
) -> Vec<mestring::session::Stamped<Output>> {
    played_choosing(scenario, level, seed, |order| order[0])
}

/// A run played to its end by a participant who answers every rating
/// after 1.5 s and picks an option from the order shown with `pick`.
fn played_choosing(
    scenario: Arc<Scenario>,
    level: u8,
    seed: u64,
    pick: impl Fn(&[usize]) -> usize,
) -> Vec<mestring::session::Stamped<Output>> {
    let mut s = Session::new(scenario, level, seed).unwrap();
    let mut outs = s.step(0, Input::Tick).to_vec();
    let mut n = 0;
    while !s.has_ended() {
        n += 1;
        assert!(n < 10_000, "the session never ended");
        let at = s.now() + 1_500;
        let input = if let Some(kind) = s.open_rating() {
            Input::Rate(answer_for(kind, 40))
        } else if let Some(order) = s.offered_order() {
            Input::Choose { option: pick(order) }
        } else {
            let d = s.next_deadline().expect("a session that waits on nobody must have a timer");
            outs.extend_from_slice(s.step(d, Input::Tick));
            continue;
        };
        outs.extend_from_slice(s.step(at, input));
    }
    outs
}

/// The outputs from the calm phase on: it starts after the end ratings,
/// everyone leaves and the room goes quiet, and after its length the
/// last SUDS comes, then the end. Returns the calm phase's start.
fn assert_recovery(what: &str, outs: &[mestring::session::Stamped<Output>], millis: Millis) -> Millis {
    let start = outs
        .iter()
        .position(|o| matches!(o.item, Output::RecoveryStarted { .. }))
        .unwrap_or_else(|| panic!("{what}: no calm phase"));
    let began = outs[start].at;
    let after = &outs[start..];
    let asked = after
        .iter()
        .find(|o| matches!(o.item, Output::RatingAsked { rating: RatingKind::Suds }))
        .unwrap_or_else(|| panic!("{what}: no last SUDS"));
    assert_eq!(asked.at, began + millis, "{what}: the last SUDS came {} ms into the calm", asked.at - began);
    let busy: Vec<_> =
        after.iter().filter(|o| matches!(o.item, Output::CueStarted { .. } | Output::Line { .. })).collect();
    assert!(busy.is_empty(), "{what}: a cue or a line in the calm phase: {busy:?}");
    let last_two: Vec<_> = outs.iter().rev().take(2).map(|o| &o.item).collect();
    assert!(
        matches!(last_two[..], [Output::Ended { .. }, Output::Rated { rating: RatingKind::Suds, .. }]),
        "{what}: the session did not end on the last SUDS: {last_two:?}"
    );
    // Before it: the end ratings; at its start, everyone leaves.
    let cast_out = outs[..start]
        .iter()
        .rev()
        .take_while(|o| !matches!(o.item, Output::Rated { .. } | Output::CueStopped { .. }))
        .filter(|o| matches!(o.item, Output::Cast { present: false, .. }))
        .count();
    assert!(cast_out > 0, "{what}: nobody left the room at the end");
    assert!(
        outs[..start].iter().rev().take(cast_out + 1).any(|o| matches!(
            o.item,
            Output::Ambience { noise, crowding } if noise <= 0.1 && crowding == 0.0
        )),
        "{what}: the room did not go quiet"
    );
    began
}

#[test]
fn every_level_of_every_shipped_scenario_ends_with_a_calm_phase_and_a_last_suds() {
    for (id, scenario) in shipped() {
        let millis = (scenario.recovery_seconds * 1000.0) as Millis;
        for level in 1..=scenario.levels.len() as u8 {
            let outs = played_to_the_end(Arc::clone(&scenario), level, 3);
            let what = format!("{id} level {level}");
            let calm = assert_recovery(&what, &outs, millis);
            // The calm phase comes after the End beat's own ratings.
            let end_ratings =
                outs.iter().filter(|o| o.at < calm && matches!(o.item, Output::Rated { .. })).count();
            assert!(end_ratings > 0, "{what}");
            match outs.last().map(|o| &o.item) {
                Some(Output::Ended { reason: EndReason::Completed { .. } }) => {}
                other => panic!("{what}: ended {other:?}"),
            }
        }
    }
}

#[test]
fn a_stop_leads_into_the_calm_phase_even_from_a_pause_and_a_second_stop_ends_it() {
    let scenario = team_meeting();
    let millis = (scenario.recovery_seconds * 1000.0) as Millis;
    let mut s = at_first_choice(3, 4);
    let t = s.now();
    let mut outs = s.step(t + 1_000, Input::Pause { by: Actor::Participant }).to_vec();
    outs.extend_from_slice(s.step(t + 5_000, Input::Stop { by: Actor::Participant }));
    assert!(!s.has_ended() && !s.is_paused(), "a stop from the pause card starts the calm phase");
    // Nothing brings the room back in the calm phase.
    let rejected = s.step(t + 6_000, Input::SetLevel { level: 5 }).to_vec();
    assert!(rejected.iter().any(|o| matches!(o.item, Output::Rejected { .. })), "{rejected:?}");
    while s.open_rating().is_none() {
        let d = s.next_deadline().expect("the calm phase has a timer");
        outs.extend_from_slice(s.step(d, Input::Tick));
    }
    outs.extend_from_slice(s.step(s.now() + 3_000, Input::Rate(RatingAnswer::Scale(20))));
    assert_recovery("a stop", &outs, millis);
    assert!(matches!(
        outs.last().map(|o| &o.item),
        Some(Output::Ended { reason: EndReason::Stopped { by: Actor::Participant } })
    ));

    // A second stop in the calm phase ends there and then, as stopped.
    let mut s = at_first_choice(3, 4);
    let t = s.now();
    s.step(t + 1_000, Input::Stop { by: Actor::Clinician });
    let outs = s.step(t + 2_000, Input::Stop { by: Actor::Clinician }).to_vec();
    assert!(s.has_ended());
    assert!(
        matches!(
            outs.last().map(|o| &o.item),
            Some(Output::Ended { reason: EndReason::Stopped { by: Actor::Clinician } })
        ),
        "{outs:?}"
    );
}

/// The Done-when of exposure as published: wherever a run asks how likely
/// a feared outcome is, the run can still go either way. Each level that
/// asks is played with many seeds (the chance routes) and many ways of
/// choosing (outcomes that follow from the participant's answers).
#[test]
fn every_asked_expectancy_of_every_shipped_scenario_can_go_either_way() {
    for (id, scenario) in shipped() {
        for (o, outcome) in scenario.feared_outcomes.iter().enumerate() {
            let expectancy = RatingKind::Expectancy(outcome.id.clone());
            for level in 1..=scenario.levels.len() as u8 {
                let asks = scenario
                    .ratings
                    .schedule
                    .iter()
                    .any(|a| a.rating == expectancy && a.asked_in_run_from(level));
                let (mut happened, mut not) = (0, 0);
                for seed in 0..40u64 {
                    // Seeds pick the chance routes; the same seed also picks
                    // which place to choose from, so choices vary too.
                    let outs = played_choosing(Arc::clone(&scenario), level, seed, |order| {
                        order[(seed as usize / 2) % order.len()]
                    });
                    let asked = outs
                        .iter()
                        .any(|x| matches!(&x.item, Output::RatingAsked { rating } if *rating == expectancy));
                    assert_eq!(
                        asked, asks,
                        "{id} level {level}: expectancy of {} asked: {asked}",
                        outcome.id
                    );
                    let signs = outs
                        .iter()
                        .filter(|x| matches!(x.item, Output::OutcomeHappened { outcome: n, .. } if n == o))
                        .count();
                    assert!(signs <= 1, "{id} level {level}: {} noted {signs} times", outcome.id);
                    if signs == 1 { happened += 1 } else { not += 1 }
                }
                if asks {
                    assert!(
                        happened > 0 && not > 0,
                        "{id} level {level}: \"{}\" happened in {happened} of 40 runs; an expectancy asked there must be able to go either way",
                        outcome.id
                    );
                }
            }
        }
    }
}

#[test]
fn a_rating_asked_only_at_some_levels_is_asked_and_reviewed_exactly_there() {
    let asked = |level: u8| -> Vec<RatingKind> {
        played_to_the_end(team_meeting(), level, 5)
            .into_iter()
            .filter_map(|o| match o.item {
                Output::RatingAsked {
                    rating: r @ (RatingKind::Expectancy(_) | RatingKind::ExpectancyReview(_)),
                } => Some(r),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        asked(1),
        Vec::<RatingKind>::new(),
        "nobody at level 1 criticises, so nothing is asked about it"
    );
    assert_eq!(
        asked(2),
        vec![RatingKind::Expectancy("criticised".into()), RatingKind::ExpectancyReview("criticised".into())]
    );
    // The level the run started at decides: a change to level 1 mid-run
    // still brings the review of what was predicted.
    let mut s = Session::new(team_meeting(), 2, 5).unwrap();
    s.step(0, Input::Tick);
    s.step(500, Input::SetLevel { level: 1 });
    let mut reviewed = false;
    let mut n = 0;
    while !s.has_ended() {
        n += 1;
        assert!(n < 10_000);
        let at = s.now() + 1_500;
        let input = if let Some(kind) = s.open_rating() {
            reviewed |= matches!(kind, RatingKind::ExpectancyReview(_));
            Input::Rate(answer_for(kind, 40))
        } else if let Some(order) = s.offered_order() {
            Input::Choose { option: order[0] }
        } else {
            let d = s.next_deadline().unwrap();
            s.step(d, Input::Tick);
            continue;
        };
        s.step(at, input);
    }
    assert!(reviewed, "the review belongs with the expectancy asked at the start");
}

#[test]
fn the_clinician_asks_suds_or_cybersickness_now_at_once_or_right_after_the_open_rating() {
    // During a line: asked at once, and the line goes on meanwhile.
    let mut s = Session::new(team_meeting(), 1, 1).unwrap();
    past_start_ratings(&mut s);
    let t = s.now();
    let outs = s.step(t + 500, Input::AskNow { rating: RatingKind::Cybersickness }).to_vec();
    assert!(
        outs.iter().any(|o| o.item == Output::RatingAsked { rating: RatingKind::Cybersickness }),
        "{outs:?}"
    );
    assert_eq!(s.open_rating(), Some(&RatingKind::Cybersickness));
    // Asked again while open: nothing more.
    assert!(s.step(t + 600, Input::AskNow { rating: RatingKind::Cybersickness }).is_empty());
    // A SUDS asked meanwhile comes right after it.
    assert!(s.step(t + 700, Input::AskNow { rating: RatingKind::Suds }).is_empty());
    let outs = s.step(t + 2_000, Input::Rate(RatingAnswer::Scale(3))).to_vec();
    assert!(outs.iter().any(|o| o.item == Output::RatingAsked { rating: RatingKind::Suds }), "{outs:?}");
    // Self-efficacy and expectancies keep to the schedule; a pause holds.
    let outs =
        s.step(t + 2_100, Input::AskNow { rating: RatingKind::SelfEfficacy("give-update".into()) }).to_vec();
    assert!(outs.iter().any(|o| matches!(o.item, Output::Rejected { reason: Rejection::NotAskable, .. })));
    s.step(t + 2_200, Input::Rate(RatingAnswer::Scale(40)));
    s.step(t + 2_300, Input::Pause { by: Actor::Clinician });
    let outs = s.step(t + 2_400, Input::AskNow { rating: RatingKind::Suds }).to_vec();
    assert!(outs.iter().any(|o| matches!(o.item, Output::Rejected { reason: Rejection::Paused, .. })));
}

#[test]
fn the_clinician_can_let_a_rating_go_unanswered_and_the_run_goes_on_as_after_an_answer() {
    let mut s = Session::new(team_meeting(), 2, 1).unwrap();
    s.step(0, Input::Tick);
    assert_eq!(s.open_rating(), Some(&RatingKind::Suds));
    // The start SUDS skipped: recorded as such, and the next one is asked.
    let outs = s.step(1_500, Input::SkipRating).to_vec();
    assert_eq!(outs[0].item, Output::RatingSkipped { rating: RatingKind::Suds, latency: 1_500 });
    assert_eq!(s.open_rating(), Some(&RatingKind::SelfEfficacy("give-update".into())));
    assert!(!outs.iter().any(|o| matches!(o.item, Output::Rated { .. })));
    // With nothing asked, or while paused, there is nothing to skip.
    past_start_ratings(&mut s);
    let t = s.now();
    let outs = s.step(t + 100, Input::SkipRating).to_vec();
    assert!(outs.iter().any(|o| matches!(o.item, Output::Rejected { reason: Rejection::NoRatingAsked, .. })));
    s.step(t + 200, Input::AskNow { rating: RatingKind::Suds });
    s.step(t + 300, Input::Pause { by: Actor::Clinician });
    let outs = s.step(t + 400, Input::SkipRating).to_vec();
    assert!(outs.iter().any(|o| matches!(o.item, Output::Rejected { reason: Rejection::Paused, .. })));
    s.step(t + 500, Input::Resume { by: Actor::Clinician });
    s.step(t + 600, Input::SkipRating);
    assert_eq!(s.open_rating(), None);
    // A calming pause's SUDS skipped: the breathing begins all the same.
    s.step(t + 700, Input::Calm { by: Actor::Clinician });
    let outs = s.step(t + 800, Input::SkipRating).to_vec();
    assert!(outs.iter().any(|o| matches!(o.item, Output::BreathingStarted { .. })), "{outs:?}");
    // Every rating skipped to the end, the last SUDS after the calm phase
    // too: the run still ends, as completed.
    let mut at = t + 900;
    let mut ended = None;
    for _ in 0..10_000 {
        if s.has_ended() {
            break;
        }
        at = s.next_deadline().unwrap_or(at + 1_000).max(at + 10);
        let input = if s.open_rating().is_some() {
            Input::SkipRating
        } else if let Some(order) = s.offered_order() {
            Input::Choose { option: order[0] }
        } else {
            Input::Tick
        };
        for o in s.step(at, input) {
            if let Output::Ended { reason } = &o.item {
                ended = Some(reason.clone());
            }
        }
    }
    assert!(s.has_ended());
    assert!(matches!(ended, Some(EndReason::Completed { .. })), "{ended:?}");
}

#[test]
fn a_note_typed_after_a_marker_joins_the_newest_marker() {
    let mut s = Session::new(team_meeting(), 1, 1).unwrap();
    past_start_ratings(&mut s);
    let t = s.now();
    let outs = s.step(t + 100, Input::MarkerNote { note: "too early".into() }).to_vec();
    assert!(outs.iter().any(|o| matches!(o.item, Output::Rejected { reason: Rejection::NoMarker, .. })));
    s.step(t + 200, Input::Marker { note: String::new() });
    s.step(t + 300, Input::Marker { note: "second".into() });
    let outs = s.step(t + 4_000, Input::MarkerNote { note: "looked away".into() }).to_vec();
    assert_eq!(outs[0].item, Output::MarkerNoted { marker: t + 300, note: "looked away".into() });
}

#[test]
fn every_shipped_scenario_asks_cybersickness_at_intervals() {
    for (id, s) in shipped() {
        let every = s.ratings.schedule.iter().any(|a| {
            a.rating == RatingKind::Cybersickness
                && matches!(a.when, mestring::scenario::RatingWhen::Every(_))
        });
        assert!(every, "{id} does not ask cybersickness at intervals");
    }
}
