//! The synthesised soundscape as a participant would hear it: rendered to
//! real WAV files, read back and measured. A harder level must sound
//! louder and busier, a phone must ring in its two tones, a remark from
//! the right must come from the right, and a seed must replay exactly.

use std::path::Path;
use std::sync::Arc;

use mestring::scenario::{RatingKind, Scenario, StressCue};
use mestring::session::{Actor, Input, Output, RatingAnswer, Session, Stamped};
use mestring::sound::measure::{OnsetSettings, integrated_lufs, onsets, rms, tone_amplitude};
use mestring::sound::recorded::CueRecordings;
use mestring::sound::{
    PHONE_RING_TONES_HZ, SAMPLE_RATE, SoundStage, StereoBuffer, gain_to_db, read_wav, render_outputs,
    render_soundscape, session_outputs, write_wav,
};

use crate::shipped;

/// Writes the buffer as a WAV file and reads it back: every figure below is
/// measured on what a player would get.
fn through_wav(dir: &Path, name: &str, buffer: &StereoBuffer) -> StereoBuffer {
    let path = dir.join(format!("{name}.wav"));
    write_wav(&path, buffer).unwrap_or_else(|e| panic!("{e}"));
    let back = read_wav(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.sample_rate, SAMPLE_RATE);
    assert_eq!(back.frames(), buffer.frames());
    back
}

fn db(x: f32) -> f32 {
    gain_to_db(x)
}

fn top_level(scenario: &Scenario) -> u8 {
    scenario.levels.iter().map(|l| l.level).max().unwrap_or(1)
}

fn index_of(scenario: &Scenario, id: &str) -> usize {
    scenario.cast.iter().position(|c| c.id == id).unwrap_or_else(|| panic!("no {id} in {}", scenario.id))
}

/// A single cue started at time zero, with nothing else in the room.
fn one_cue(cue: StressCue, intensity: f32, by: Option<usize>) -> Vec<Stamped<Output>> {
    vec![Stamped { at: 0, item: Output::CueStarted { cue, intensity, by, millis: cue.default_millis() } }]
}

#[test]
fn the_top_level_sounds_louder_and_busier_than_level_one() {
    // Two minutes: chance cues come a few a minute, and one minute can be a quiet one.
    const SECONDS: f32 = 120.0;
    let dir = tempfile::tempdir().unwrap();
    let settings = OnsetSettings::default();
    println!("{:24} {:>5} {:>10} {:>7} {:>6}", "scenario", "level", "rms", "dBFS", "onsets");
    for (id, scenario) in shipped() {
        let mut measured = Vec::new();
        for level in [1, top_level(&scenario)] {
            let buffer =
                render_soundscape(&scenario, &SoundStage::new(&scenario), level, SECONDS, 1).unwrap();
            let back = through_wav(dir.path(), &format!("{id}-{level}"), &buffer);
            let mono = back.mono();
            let (loudness, events) = (rms(&mono), onsets(&mono, SAMPLE_RATE, &settings).len());
            println!("{id:24} {level:>5} {loudness:>10.5} {:>7.1} {events:>6}", db(loudness));
            measured.push((loudness, events));
        }
        let [(quiet, few), (loud, many)] = measured[..] else { unreachable!() };
        assert!(db(loud) - db(quiet) >= 10.0, "{id}: top level only {:.1} dB louder", db(loud) - db(quiet));
        assert!(many >= few + 5 && many >= 2 * few, "{id}: {few} onsets at level 1, {many} at the top");
    }
}

/// Also the calibration (`sound::calibration`): level 1 sits 15 to 25 LU
/// under speech at the reference, and no level is louder than speech.
#[test]
fn every_level_is_louder_than_the_one_below_it_by_integrated_loudness() {
    // The figures docs/levels.md quotes; printed for `--nocapture`.
    const SECONDS: f32 = 120.0;
    let dir = tempfile::tempdir().unwrap();
    println!("{:24} {:>5} {:>8}", "scenario", "level", "LUFS");
    for (id, scenario) in shipped() {
        let stage = SoundStage::new(&scenario);
        let mut lufs = Vec::new();
        for level in 1..=top_level(&scenario) {
            let buffer = render_soundscape(&scenario, &stage, level, SECONDS, 1).unwrap();
            let back = through_wav(dir.path(), &format!("{id}-{level}"), &buffer);
            let l = integrated_lufs(&back).unwrap_or_else(|| panic!("{id} level {level} is silent"));
            println!("{id:24} {level:>5} {l:>8.1}");
            lufs.push(l);
        }
        use mestring::sound::calibration::{LEVEL_1_LUFS, REFERENCE_LUFS, TOP_LUFS};
        assert!(
            LEVEL_1_LUFS.contains(&lufs[0]),
            "{id}: level 1 is {:.1} LUFS, not within {:?} (15 to 25 LU under speech at {REFERENCE_LUFS})",
            lufs[0],
            LEVEL_1_LUFS
        );
        let loudest = lufs.iter().copied().fold(f64::MIN, f64::max);
        assert!(loudest <= TOP_LUFS, "{id}: a level at {loudest:.1} LUFS is louder than speech ({TOP_LUFS})");
        for (below, above) in
            lufs.iter().zip(&lufs[1..]).enumerate().map(|(i, (b, a))| ((i + 1, b), (i + 2, a)))
        {
            assert!(
                above.1 > below.1,
                "{id}: level {} ({:.1} LUFS) is not louder than level {} ({:.1})",
                above.0,
                above.1,
                below.0,
                below.1
            );
        }
    }
}

#[test]
fn a_phone_rings_in_its_two_tones_and_nothing_else_stands_out() {
    let (_, scenario) = shipped().into_iter().find(|(id, _)| id == "team-meeting").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let buffer =
        render_outputs(&SoundStage::new(&scenario), &one_cue(StressCue::PhoneRinging, 0.8, None), 6.0, 3)
            .unwrap();
    let mono = through_wav(dir.path(), "phone", &buffer).mono();
    let at = |hz: f32| tone_amplitude(&mono, SAMPLE_RATE, hz);
    let [low, high] = PHONE_RING_TONES_HZ;
    let tones = [at(low), at(high)];
    println!("phone tones: {low} Hz {:.1} dB, {high} Hz {:.1} dB", db(tones[0]), db(tones[1]));
    let weaker = tones[0].min(tones[1]);
    assert!(weaker > 0.01, "the tones are too faint: {tones:?}");
    assert!((db(tones[0]) - db(tones[1])).abs() < 3.0, "the two tones should be equally strong: {tones:?}");
    // Neighbours a little off each tone, between them, below, and the
    // harmonics a buzzy ringer would have: all far below the tones.
    let elsewhere = [
        500.0, 800.0, 900.0, 1_100.0, 1_165.0, 1_230.0, 1_430.0, 1_600.0, 2_000.0, 2_330.0, 2_660.0, 3_000.0,
        4_000.0,
    ];
    for hz in elsewhere {
        let a = at(hz);
        println!("  {hz:>6} Hz {:>6.1} dB ({:>5.1} dB under the weaker tone)", db(a), db(weaker) - db(a));
        assert!(db(weaker) - db(a) > 30.0, "{hz} Hz is only {:.1} dB under the tones", db(weaker) - db(a));
    }
    // Inside the first ring (0.05 to 0.35 s) the two tones are all there is.
    let rate = SAMPLE_RATE as usize;
    let ring = &mono[rate / 20..rate * 7 / 20];
    let [a, b] = [low, high].map(|hz| tone_amplitude(ring, SAMPLE_RATE, hz));
    let share = (a * a + b * b) / 2.0 / rms(ring).powi(2);
    println!("inside a ring the two tones carry {:.2} % of the power", 100.0 * share);
    assert!(share > 0.97, "the tones carry only {:.1} % of the ring's power", 100.0 * share);
}

#[test]
fn the_same_seed_replays_the_same_samples_and_another_does_not() {
    let (_, scenario) = shipped().into_iter().find(|(id, _)| id == "upset-customer").unwrap();
    let level = top_level(&scenario);
    let stage = SoundStage::new(&scenario);
    let a = render_soundscape(&scenario, &stage, level, 20.0, 42).unwrap();
    let b = render_soundscape(&scenario, &stage, level, 20.0, 42).unwrap();
    let c = render_soundscape(&scenario, &stage, level, 20.0, 43).unwrap();
    let same = a.samples.iter().zip(&b.samples).all(|(x, y)| x.to_bits() == y.to_bits());
    assert!(same && a.samples.len() == b.samples.len(), "seed 42 rendered twice differs");
    let differing = a.samples.iter().zip(&c.samples).filter(|(x, y)| x != y).count();
    println!("seed 42 vs 43: {differing} of {} samples differ", a.samples.len());
    assert!(differing > a.samples.len() / 2, "seed 43 is too like seed 42: {differing} samples differ");
    // And the files are byte for byte the same.
    let dir = tempfile::tempdir().unwrap();
    write_wav(&dir.path().join("a.wav"), &a).unwrap();
    write_wav(&dir.path().join("b.wav"), &b).unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("a.wav")).unwrap(),
        std::fs::read(dir.path().join("b.wav")).unwrap()
    );
}

#[test]
fn a_remark_from_the_right_is_heard_on_the_right() {
    // In the team meeting the participant faces Kari down the table: Ola
    // sits on their right, Aisha on their left.
    let (_, scenario) = shipped().into_iter().find(|(id, _)| id == "team-meeting").unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (who, right_side) in [("ola", true), ("aisha", false)] {
        let by = Some(index_of(&scenario, who));
        let buffer =
            render_outputs(&SoundStage::new(&scenario), &one_cue(StressCue::CriticalRemark, 0.8, by), 3.0, 5)
                .unwrap();
        let back = through_wav(dir.path(), who, &buffer);
        let left = rms(&back.left().collect::<Vec<_>>());
        let right = rms(&back.right().collect::<Vec<_>>());
        let lean = db(right) - db(left);
        println!(
            "remark by {who}: left {:.1} dB, right {:.1} dB, right louder by {lean:.1} dB",
            db(left),
            db(right)
        );
        if right_side {
            assert!(lean > 6.0, "{who} should be clearly on the right: {lean:.1} dB");
        } else {
            assert!(lean < -6.0, "{who} should be clearly on the left: {lean:.1} dB");
        }
    }
}

#[test]
fn chance_cues_keep_coming_while_the_session_waits_for_the_participant() {
    // Driven by time alone the session waits at its first rating prompt;
    // the level's cue rules go on firing all the same.
    let (_, scenario) = shipped().into_iter().find(|(id, _)| id == "team-meeting").unwrap();
    let outputs = session_outputs(Arc::clone(&scenario), top_level(&scenario), 300.0, 9).unwrap();
    assert!(outputs.iter().any(|o| matches!(o.item, Output::RatingAsked { .. })));
    assert!(!outputs.iter().any(|o| matches!(o.item, Output::Ended { .. })));
    let starts: Vec<u64> =
        outputs.iter().filter(|o| matches!(o.item, Output::CueStarted { .. })).map(|o| o.at).collect();
    let late = starts.iter().filter(|&&at| at > 150_000).count();
    println!("{} cues in 5 minutes, {late} in the second half", starts.len());
    assert!(starts.len() >= 8 && late >= 4, "cues at {starts:?}");
}

#[test]
fn after_the_session_ends_the_room_goes_calm_but_still_sounds_and_its_cues_stop() {
    let (_, scenario) = shipped().into_iter().find(|(id, _)| id == "team-meeting").unwrap();
    let level = top_level(&scenario);
    let mut session = Session::new(Arc::clone(&scenario), level, 2).unwrap();
    let mut outputs = Vec::new();
    for at in (0..=30_010).step_by(10) {
        // A phone is ringing when the clinician stops the session.
        let input = match at {
            29_000 => Input::TriggerCue { cue: StressCue::PhoneRinging, intensity: 1.0 },
            // The stop leads into the calm phase; a second one ends it.
            30_000 | 30_010 => Input::Stop { by: Actor::Clinician },
            _ => Input::Tick,
        };
        outputs.extend_from_slice(session.step(at, input));
    }
    assert!(session.has_ended());
    let after_stop = 31 * SAMPLE_RATE as usize;
    let stage = SoundStage::new(&scenario);
    let everything = render_outputs(&stage, &outputs, 60.0, 2).unwrap().mono();
    let cues_only: Vec<_> =
        outputs.iter().filter(|o| !matches!(o.item, Output::Ambience { .. })).cloned().collect();
    let cues = render_outputs(&stage, &cues_only, 60.0, 2).unwrap().mono();
    let background: Vec<_> =
        outputs.iter().filter(|o| !matches!(o.item, Output::CueStarted { .. })).cloned().collect();
    let room = render_outputs(&stage, &background, 60.0, 2).unwrap().mono();
    let ringing = rms(&cues[29 * SAMPLE_RATE as usize..30 * SAMPLE_RATE as usize]);
    let (cues_after, room_after) = (rms(&cues[after_stop..]), rms(&room[after_stop..]));
    let room_before = rms(&room[20 * SAMPLE_RATE as usize..29 * SAMPLE_RATE as usize]);
    let all_after = rms(&everything[after_stop..]);
    println!(
        "phone before the stop {:.1} dBFS; room {:.1} dBFS; after the stop: cues {:.1} dBFS, room {:.1} dBFS, mix {:.1} dBFS",
        db(ringing),
        db(room_before),
        db(cues_after),
        db(room_after),
        db(all_after)
    );
    assert!(db(ringing) > -40.0, "the phone should ring before the stop");
    assert_eq!(cues_after, 0.0, "a cue sounded after the session ended");
    // The calm after the run: the quietest level's background, not silence.
    assert!(db(room_after) > -90.0, "the room fell silent after the stop");
    assert!(db(room_after) < db(room_before) - 6.0, "the room did not calm down after the stop");
    assert!((db(all_after) - db(room_after)).abs() < 0.5, "after the stop the mix should be the room alone");
}

/// Eight minutes of a participant who answers every rating at once and
/// never chooses: the flow goes on by its silence routes until it ends or
/// stands at a choice that has none.
fn ratings_answered_choices_never(scenario: &Arc<Scenario>, level: u8, seed: u64) -> Vec<Stamped<Output>> {
    let mut session = Session::new(Arc::clone(scenario), level, seed).unwrap();
    let mut outputs = Vec::new();
    for at in (0..=480_000).step_by(10) {
        let input = match session.open_rating() {
            Some(RatingKind::ExpectancyReview(_)) => {
                Input::Rate(RatingAnswer::Review { happened: false, likelihood: 30 })
            }
            Some(RatingKind::Cybersickness) => Input::Rate(RatingAnswer::Scale(1)),
            Some(_) => Input::Rate(RatingAnswer::Scale(30)),
            None => Input::Tick,
        };
        outputs.extend_from_slice(session.step(at, input));
    }
    outputs
}

#[test]
fn chance_cues_keep_coming_while_a_choice_waits_and_stop_when_the_session_ends() {
    for (id, scenario) in shipped() {
        let outputs = ratings_answered_choices_never(&scenario, top_level(&scenario), 4);
        let last_offer =
            outputs.iter().rev().find(|o| matches!(o.item, Output::ChoicesOffered { .. })).map(|o| o.at);
        let ended = outputs.iter().find(|o| matches!(o.item, Output::Ended { .. })).map(|o| o.at);
        let cues: Vec<(u64, StressCue)> = outputs
            .iter()
            .filter_map(|o| match o.item {
                Output::CueStarted { cue, .. } => Some((o.at, cue)),
                _ => None,
            })
            .collect();
        let shown: Vec<String> = cues.iter().map(|(at, c)| format!("{}@{}s", c.name(), at / 1000)).collect();
        println!("{id}: last choice offered at {last_offer:?} ms, ended at {ended:?} ms; cues {shown:?}");
        match ended {
            Some(end) => assert!(cues.iter().all(|&(at, _)| at <= end), "{id}: a cue after the end"),
            None => {
                // Standing at a choice without a silence route: the level's
                // chance cues go on for as long as the participant is silent.
                let since = last_offer.unwrap_or_else(|| panic!("{id} neither ended nor offered a choice"));
                let later = cues.iter().filter(|&&(at, _)| at > since + 60_000).count();
                assert!(later >= 3, "{id}: only {later} cues more than a minute into the wait");
            }
        }
    }
}

#[test]
fn an_authors_recording_replaces_the_synthesised_phone_and_repeats_while_it_rings() {
    let dir = tempfile::tempdir().unwrap();
    // The author's own phone: half a second of 700 Hz (nothing like the
    // synthesised pair of tones), recorded at 44.1 kHz.
    let rate = 44_100;
    let ring: Vec<f32> = (0..rate / 2)
        .flat_map(|i| {
            let x = 0.4 * (std::f32::consts::TAU * 700.0 * i as f32 / rate as f32).sin();
            [x, x]
        })
        .collect();
    write_wav(&dir.path().join("our-phone.wav"), &StereoBuffer { sample_rate: rate as u32, samples: ring })
        .unwrap();
    let source = crate::team_meeting_source().replacen(
        "room: MeetingRoom,",
        "room: MeetingRoom,\n        sounds: { PhoneRinging: \"our-phone.wav\" },",
        1,
    );
    let file = dir.path().join("meeting.ron");
    std::fs::write(&file, source).unwrap();
    let loaded = mestring::scenario::load_file(&file).unwrap_or_else(|r| panic!("{:?}", r.findings));
    let (recordings, unreadable) = CueRecordings::load(&loaded.scenario, loaded.base_dir());
    assert!(unreadable.is_empty(), "{unreadable:?}");

    let phone = one_cue(StressCue::PhoneRinging, 0.8, None);
    let stage = SoundStage::new(&loaded.scenario);
    let synthesised = render_outputs(&stage, &phone, 8.0, 3).unwrap();
    let recorded = render_outputs(&stage.with_recordings(recordings), &phone, 8.0, 3).unwrap();
    let (synthesised, recorded) = (
        through_wav(dir.path(), "synth", &synthesised).mono(),
        through_wav(dir.path(), "rec", &recorded).mono(),
    );
    let at = |mono: &[f32], hz: f32| db(tone_amplitude(mono, SAMPLE_RATE, hz));
    let [low, high] = PHONE_RING_TONES_HZ;
    println!(
        "synthesised: 700 Hz {:.1} dB, {low} Hz {:.1} dB; recorded: 700 Hz {:.1} dB, {low} Hz {:.1} dB",
        at(&synthesised, 700.0),
        at(&synthesised, low),
        at(&recorded, 700.0),
        at(&recorded, low)
    );
    // The recording peaks where the synthesised ring does at the same
    // intensity, however loud the file itself is.
    let peak = |mono: &[f32]| db(mono.iter().fold(0.0f32, |m, x| m.max(x.abs())));
    println!("peaks: synthesised {:.1} dB, recorded {:.1} dB", peak(&synthesised), peak(&recorded));
    assert!((peak(&recorded) - peak(&synthesised)).abs() < 2.0, "the recording is levelled differently");
    for hz in [low, high] {
        assert!(at(&recorded, 700.0) - at(&recorded, hz) > 30.0, "the synthesised {hz} Hz is still heard");
        assert!(
            at(&synthesised, hz) - at(&synthesised, 700.0) > 30.0,
            "the synthesis sounds like the recording"
        );
    }
    // Half a second of recording fills the ring's whole length, from the
    // top again each time it runs out.
    let millis = StressCue::PhoneRinging.default_millis() as usize;
    let second = SAMPLE_RATE as usize;
    let late = &recorded[(millis - 400) * second / 1_000..(millis - 100) * second / 1_000];
    assert!(
        db(tone_amplitude(late, SAMPLE_RATE, 700.0)) > -40.0,
        "the recording did not repeat to the ring's end"
    );
    assert!(rms(&recorded[(millis + 100) * second / 1_000..]) < 1e-4, "the ring outlasted its cue");
}

/// The live sound, as the participant's headset is handed it.
#[cfg(feature = "shell")]
mod live {
    use mestring::app::testing::Harness;
    use mestring::scenario::StressCue;
    use mestring::session::Input;
    use mestring::sound::limiter::CEILING;

    use crate::shell::{START_RATINGS, load, options};

    /// Every cue at full intensity at once, on the top level's noise, at
    /// full volume: more than a headset should ever be handed. The
    /// limiter bends it under the ceiling.
    #[test]
    fn every_cue_at_once_at_full_intensity_stays_under_the_ceiling() {
        let (mut h, mut heard) =
            Harness::with_hearing(load("team-meeting"), options(5, START_RATINGS)).unwrap();
        h.run_for(2.0);
        let mut peak = 0.0f32;
        for round in 0..3 {
            for cue in StressCue::ALL {
                h.ask(Input::TriggerCue { cue, intensity: 1.0 });
            }
            // A second of sound per round, pulled as the device pulls it.
            for _ in 0..30 {
                h.frame();
                peak = (&mut heard).take(3_200).fold(peak, |m, x| m.max(x.abs()));
            }
            assert!(peak <= CEILING + 1e-6, "round {round}: a peak of {peak} went past the ceiling");
        }
        assert!(heard.frames_bent() > 0, "nothing was loud enough to need the limiter (peak {peak})");
    }
}
