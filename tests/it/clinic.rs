//! The start screen: who practises, which scenario, at which level, and
//! the run it starts. The rules are tested on `Clinic` itself; the whole
//! loop (add, choose, start, the run's process, its summary and debrief,
//! the next run) through the shell's messages, with runs recorded by a
//! real `mestring` process.

use std::path::{Path, PathBuf};

use mestring::clinic::{Clinic, ClinicInput, Origin, RtwSeWhen, Status};
use mestring::words::Lang;

use crate::{repo, team_meeting_source};

fn shipped_folder() -> Vec<(PathBuf, Origin)> {
    vec![(repo().join("scenarios"), Origin::Shipped)]
}

fn open(data: &Path, folders: Vec<(PathBuf, Origin)>) -> Clinic {
    Clinic::open(data, folders, Lang::En).unwrap()
}

fn team_meeting(clinic: &Clinic) -> PathBuf {
    clinic.scenarios.iter().find(|s| s.id == "team-meeting").expect("team-meeting is listed").path.clone()
}

#[test]
fn a_code_the_rules_refuse_is_explained_and_a_good_one_is_added_and_chosen() {
    let data = tempfile::tempdir().unwrap();
    let mut clinic = open(data.path(), shipped_folder());
    assert!(clinic.participants.is_empty());
    for bad in ["Kari Nordmann", "01017012345"] {
        clinic.apply(ClinicInput::AddParticipant(bad.into()), 1, 1);
        let notice = clinic.notice.clone().expect("a refusal is answered");
        assert!(notice.refused, "{bad}: {notice:?}");
        assert!(!notice.text.is_empty() && !notice.text.contains("Error"), "{bad}: {}", notice.text);
        assert!(clinic.participants.is_empty());
    }
    clinic.apply(ClinicInput::AddParticipant("p017".into()), 1, 1);
    let notice = clinic.notice.clone().unwrap();
    assert!(!notice.refused && notice.text.contains("P017"), "{notice:?}");
    assert_eq!(clinic.participants.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(), ["P017"]);
    assert_eq!(clinic.choice.participant.as_deref(), Some("P017"));
    // The same code again is refused, with its reason.
    clinic.apply(ClinicInput::AddParticipant("P017".into()), 1, 1);
    assert!(clinic.notice.as_ref().unwrap().refused);
    assert_eq!(clinic.participants.len(), 1);
}

#[test]
fn a_broken_scenario_is_listed_with_its_located_message_and_cannot_be_started() {
    let data = tempfile::tempdir().unwrap();
    let own = data.path().join("own");
    std::fs::create_dir(&own).unwrap();
    let broken = team_meeting_source().replacen(
        "next: \"kari-close\", tags: [KeepsPrivate]",
        "next: \"nope\", tags: [KeepsPrivate]",
        1,
    );
    std::fs::write(own.join("our-meeting.ron"), broken).unwrap();
    let mut folders = shipped_folder();
    folders.push((own.clone(), Origin::Clinic));
    let mut clinic = open(data.path(), folders);
    assert_eq!(clinic.scenarios.iter().filter(|s| s.origin == Origin::Shipped).count(), 4);
    let entry =
        clinic.scenarios.iter().find(|s| s.origin == Origin::Clinic).expect("the clinic's own is listed");
    let Status::Broken { messages } = &entry.status else { panic!("not broken: {:?}", entry.status) };
    assert!(messages.iter().any(|m| m.contains("our-meeting.ron:") && m.contains("nope")), "{messages:?}");
    let path = entry.path.clone();
    clinic.apply(ClinicInput::AddParticipant("P017".into()), 1, 1);
    clinic.apply(ClinicInput::ChooseScenario(path), 1, 1);
    assert!(clinic.not_ready().unwrap().contains("cannot be started"));
    assert_eq!(clinic.apply(ClinicInput::Start, 1, 1), None);
    assert!(clinic.notice.as_ref().unwrap().refused);
    assert!(clinic.running.is_none());
}

#[test]
fn start_asks_for_the_run_chosen_recorded_with_the_console() {
    let data = tempfile::tempdir().unwrap();
    let mut clinic = open(data.path(), shipped_folder());
    assert!(clinic.not_ready().unwrap().contains("participant"));
    assert_eq!(clinic.apply(ClinicInput::Start, 1, 1), None);
    clinic.apply(ClinicInput::AddParticipant("P017".into()), 1, 1);
    assert!(clinic.not_ready().unwrap().contains("scenario"));
    clinic.apply(ClinicInput::ChooseScenario(team_meeting(&clinic)), 1, 1);
    // No run yet: the proposal is level 1, and the level starts there.
    assert_eq!(clinic.choice.level, 1);
    assert_eq!(clinic.proposal.as_ref().map(|a| a.next_level()), Some(1));
    clinic.apply(ClinicInput::SetLevel(3), 1, 1);
    clinic.apply(ClinicInput::SetLevel(9), 1, 1);
    assert_eq!(clinic.choice.level, 3, "a level the scenario lacks is not taken");
    clinic.apply(ClinicInput::SetLanguage("de".into()), 1, 1);
    assert_eq!(clinic.choice.lang.as_deref(), Some("nb"), "a language the scenario lacks is not taken");
    clinic.apply(ClinicInput::SetLanguage("en".into()), 1, 1);
    clinic.apply(ClinicInput::SetModelling(true), 1, 1);
    let request = clinic.apply(ClinicInput::Start, 77, 42).expect("everything is chosen");
    assert_eq!((request.participant.as_str(), request.level, request.lang.as_str()), ("P017", 3, "en"));
    assert!(request.modelling && request.seed == 42 && request.asked_unix_ms == 77);
    let args: Vec<String> =
        request.run_args(data.path()).iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let at = |flag: &str| args.iter().position(|a| a == flag).map(|i| args[i + 1].clone());
    assert_eq!(args[2], "run");
    assert_eq!(at("--participant").as_deref(), Some("P017"));
    assert_eq!(at("--level").as_deref(), Some("3"));
    assert_eq!(at("--lang").as_deref(), Some("en"));
    assert_eq!(at("--seed").as_deref(), Some("42"));
    assert!(args.contains(&"--console".into()) && args.contains(&"--modelling".into()), "{args:?}");
    // While it runs, nothing else starts.
    assert!(clinic.not_ready().is_some());
    assert_eq!(clinic.apply(ClinicInput::Start, 78, 43), None);
}

/// Answers every item of the open RTW-SE: `answers[i]` for item i + 1.
fn answer_rtw_se(mut ask: impl FnMut(ClinicInput), answers: [u8; 11]) {
    for (i, answer) in answers.into_iter().enumerate() {
        ask(ClinicInput::AnswerRtwSe { item: i + 1, answer });
    }
}

#[test]
fn the_rtw_se_is_filled_in_item_by_item_and_stored_only_whole() {
    let data = tempfile::tempdir().unwrap();
    let mut clinic = open(data.path(), shipped_folder());
    clinic.apply(ClinicInput::OpenRtwSe, 1, 1);
    assert!(clinic.rtw_se.is_none() && clinic.notice.as_ref().unwrap().refused, "no participant, no form");
    clinic.apply(ClinicInput::AddParticipant("P017".into()), 1, 1);
    clinic.apply(ClinicInput::OpenRtwSe, 1, 1);
    let draft = clinic.rtw_se.as_ref().expect("the form is open");
    let (form, _) = draft.form.as_ref().expect("the shipped form reads");
    assert_eq!((form.items.len(), form.anchors.len()), (11, 6));
    assert_eq!(draft.when, RtwSeWhen::ProgrammeStart, "the first one is the programme's start");

    // Out of range changes nothing; a later answer replaces an earlier one.
    clinic.apply(ClinicInput::AnswerRtwSe { item: 12, answer: 3 }, 1, 1);
    clinic.apply(ClinicInput::AnswerRtwSe { item: 1, answer: 7 }, 1, 1);
    clinic.apply(ClinicInput::AnswerRtwSe { item: 1, answer: 2 }, 1, 1);
    clinic.apply(ClinicInput::AnswerRtwSe { item: 1, answer: 5 }, 1, 1);
    clinic.apply(ClinicInput::AnswerRtwSe { item: 2, answer: 4 }, 1, 1);
    assert_eq!(clinic.rtw_se.as_ref().unwrap().answers[..3], [Some(5), Some(4), None]);
    clinic.apply(ClinicInput::SaveRtwSe, 1, 1);
    let notice = clinic.notice.clone().unwrap();
    assert!(notice.refused && notice.text.contains("3, 4, 5, 6, 7, 8, 9, 10, 11"), "{notice:?}");
    let store = mestring::record::Store::open(data.path()).unwrap();
    assert!(store.rtw_se("P017").unwrap().is_empty(), "nothing half-answered is stored");

    // Read in Norwegian half-way: the answers stay.
    clinic.apply(ClinicInput::SetClinicianLanguage(Lang::Nb), 1, 1);
    let draft = clinic.rtw_se.as_ref().unwrap();
    assert_eq!(draft.form.as_ref().unwrap().0.anchors[5], "Helt enig");
    assert_eq!(draft.answers[0], Some(5));
    answer_rtw_se(|i| drop(clinic.apply(i, 1, 1)), [5, 4, 3, 6, 2, 4, 5, 5, 4, 3, 6]);
    clinic.apply(ClinicInput::SaveRtwSe, 1_700_000_000_000, 1);
    assert!(clinic.rtw_se.is_none(), "stored and put away");
    let notice = clinic.notice.clone().unwrap();
    assert!(!notice.refused && notice.text.contains("4,27"), "{notice:?}");
    assert_eq!(
        store.rtw_se("P017").unwrap(),
        [(1_700_000_000_000, Some("start av programmet".into()), 47.0 / 11.0)]
    );
    assert_eq!(clinic.rtw_se_taken.len(), 1, "the screen lists it");

    // The next one is the end unless the clinician names it otherwise.
    clinic.apply(ClinicInput::SetClinicianLanguage(Lang::En), 1, 1);
    clinic.apply(ClinicInput::OpenRtwSe, 1, 1);
    assert_eq!(clinic.rtw_se.as_ref().unwrap().when, RtwSeWhen::ProgrammeEnd);
    clinic.apply(ClinicInput::SetRtwSeWhen(RtwSeWhen::Other("  after three months ".into())), 1, 1);
    answer_rtw_se(|i| drop(clinic.apply(i, 1, 1)), [6; 11]);
    clinic.apply(ClinicInput::SaveRtwSe, 1_700_000_100_000, 1);
    let labels: Vec<Option<String>> = store.rtw_se("P017").unwrap().into_iter().map(|r| r.1).collect();
    assert_eq!(labels, [Some("start av programmet".into()), Some("after three months".into())]);

    // Put away unstored.
    clinic.apply(ClinicInput::OpenRtwSe, 1, 1);
    answer_rtw_se(|i| drop(clinic.apply(i, 1, 1)), [1; 11]);
    clinic.apply(ClinicInput::CloseRtwSe, 1, 1);
    assert!(clinic.rtw_se.is_none());
    assert_eq!(store.rtw_se("P017").unwrap().len(), 2);
}

#[test]
fn the_expected_return_is_stored_with_the_rtw_se_or_alone_but_never_beside_half_an_rtw_se() {
    use mestring::record::rtw_expectation::Expectation;

    let data = tempfile::tempdir().unwrap();
    let mut clinic = open(data.path(), shipped_folder());
    clinic.apply(ClinicInput::AddParticipant("P018".into()), 1, 1);
    let store = mestring::record::Store::open(data.path()).unwrap();

    // Nothing answered: nothing to store, and the screen says so.
    clinic.apply(ClinicInput::OpenRtwSe, 1, 1);
    assert!(!clinic.rtw_se.as_ref().unwrap().can_store());
    clinic.apply(ClinicInput::SaveRtwSe, 1, 1);
    let notice = clinic.notice.clone().unwrap();
    assert!(notice.refused && notice.text.contains("Nothing is answered"), "{notice:?}");

    // The expectation beside a half-answered RTW-SE: neither is stored.
    clinic.apply(ClinicInput::AnswerRtwExpectation(Expectation::OneToThreeMonths), 1, 1);
    clinic.apply(ClinicInput::AnswerRtwSe { item: 1, answer: 4 }, 1, 1);
    clinic.apply(ClinicInput::SaveRtwSe, 1, 1);
    assert!(clinic.notice.as_ref().unwrap().refused);
    assert!(store.rtw_expectations("P018").unwrap().is_empty() && store.rtw_se("P018").unwrap().is_empty());

    // With the RTW-SE whole, both are stored under the one label.
    answer_rtw_se(|i| drop(clinic.apply(i, 1, 1)), [4; 11]);
    clinic.apply(ClinicInput::SaveRtwSe, 1_700_000_000_000, 1);
    let notice = clinic.notice.clone().unwrap();
    assert!(!notice.refused && notice.text.contains("1 to 3 months"), "{notice:?}");
    assert_eq!(
        store.rtw_expectations("P018").unwrap(),
        [(1_700_000_000_000, Some("start of programme".into()), Expectation::OneToThreeMonths)]
    );
    assert_eq!(store.rtw_se("P018").unwrap().len(), 1);
    assert_eq!(clinic.rtw_expectations_taken.len(), 1, "the screen lists it");

    // Later, the expectation on its own.
    clinic.apply(ClinicInput::OpenRtwSe, 1, 1);
    clinic.apply(ClinicInput::AnswerRtwExpectation(Expectation::UnderOneMonth), 1, 1);
    clinic.apply(ClinicInput::SaveRtwSe, 1_700_000_100_000, 1);
    assert!(clinic.rtw_se.is_none(), "stored and put away");
    let answers: Vec<Expectation> =
        store.rtw_expectations("P018").unwrap().into_iter().map(|r| r.2).collect();
    assert_eq!(answers, [Expectation::OneToThreeMonths, Expectation::UnderOneMonth]);
    assert_eq!(store.rtw_se("P018").unwrap().len(), 1, "no RTW-SE came with it");
}

#[test]
fn a_clinic_copy_of_the_rtw_se_with_a_mistake_is_located_and_cannot_be_answered() {
    let data = tempfile::tempdir().unwrap();
    let copy = mestring::record::rtw_se::clinic_copy(data.path(), Lang::En);
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    let shipped = std::fs::read_to_string(repo().join("assets/questionnaires/rtw-se.en.ron")).unwrap();
    std::fs::write(&copy, shipped.replace("wording: Topics,", "wording: Published")).unwrap();
    let mut clinic = open(data.path(), shipped_folder());
    clinic.apply(ClinicInput::AddParticipant("P017".into()), 1, 1);
    clinic.apply(ClinicInput::OpenRtwSe, 1, 1);
    let draft = clinic.rtw_se.as_ref().unwrap();
    let why = draft.form.as_ref().map(|_| ()).unwrap_err().to_string();
    assert!(why.contains("rtw-se.en.ron:"), "located: {why}");
    clinic.apply(ClinicInput::AnswerRtwSe { item: 1, answer: 4 }, 1, 1);
    assert_eq!(clinic.rtw_se.as_ref().unwrap().answers[0], None, "no text, no answers");
}

#[cfg(feature = "shell")]
mod window_loop {
    use mestring::app::clinic::Launcher;
    use mestring::app::testing::StartScreenHarness;
    use mestring::clinic::ClinicInput;
    use mestring::record::rtw_expectation::Expectation;

    use super::*;

    /// Runs as `mestring run` would be run, but in the terminal player with
    /// a script for the participant's answers: the same arguments save for
    /// the window's, the same store, a real process.
    fn scripted_runs(transcripts: PathBuf) -> Launcher {
        Launcher(Box::new(move |request, data_dir| {
            let mut args = request.run_args(data_dir);
            args.retain(|a| a != "--console");
            let run = args.iter().position(|a| a == "run").unwrap();
            args[run] = "play".into();
            args.extend(["--quiet".into(), "--script".into()]);
            args.push(repo().join("tests/golden/team-meeting-avoidant.script").into());
            args.push("--transcript".into());
            args.push(transcripts.join(format!("{}.transcript", request.seed)).into());
            std::process::Command::new(env!("CARGO_BIN_EXE_mestring"))
                .args(args)
                .current_dir(repo())
                .stdin(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
        }))
    }

    #[test]
    fn a_programme_runs_from_the_start_screen_alone() {
        let data = tempfile::tempdir().unwrap();
        let clinic = open(data.path(), shipped_folder());
        let meeting = team_meeting(&clinic);
        let mut h = StartScreenHarness::new(clinic, scripted_runs(data.path().to_path_buf()));
        h.ask(ClinicInput::AddParticipant("P017".into()));
        // The programme starts with the RTW-SE.
        h.ask(ClinicInput::OpenRtwSe);
        answer_rtw_se(|i| h.ask(i), [3, 4, 3, 3, 2, 4, 3, 4, 3, 3, 4]);
        h.ask(ClinicInput::AnswerRtwExpectation(Expectation::ThreeToSixMonths));
        h.ask(ClinicInput::SaveRtwSe);
        assert_eq!(h.screen().clinic.rtw_se_taken.len(), 1, "stored from the screen");
        assert_eq!(h.screen().clinic.rtw_expectations_taken.len(), 1, "the expected return too");
        h.ask(ClinicInput::ChooseScenario(meeting.clone()));
        h.ask(ClinicInput::Start);
        assert!(h.screen().clinic.running.is_some() && h.run_process_held());
        assert!(h.wait_for_run(120), "the run came back");
        assert!(!h.run_process_held());

        let clinic = &h.screen().clinic;
        assert_eq!(clinic.notice, None, "the run ended well");
        let last = clinic.last_run.clone().expect("the last run is summed up");
        let session = last.session.clone().expect("the run was recorded for P017");
        assert_eq!(last.summary.len(), 3, "{:?}", last.summary);
        assert!(last.summary[0].contains("Team meeting"), "{:?}", last.summary);
        assert!(last.summary[1].contains("level 1"), "{:?}", last.summary);
        assert_eq!(clinic.participants[0].sessions, 1, "the list counts the new run");
        // The proposal now reads that run.
        let advice = clinic.proposal.as_ref().expect("a proposal from the run");
        assert_ne!(advice.reason_text("en"), "");

        h.ask(ClinicInput::WriteDebrief);
        let report = h.screen().clinic.last_run.as_ref().unwrap().report.clone().expect("written");
        let html = std::fs::read_to_string(&report).unwrap();
        assert_eq!(report.file_name().unwrap().to_string_lossy(), format!("{session}.html"));
        assert!(html.contains("P017") && html.contains("<svg"), "the run's report, with its chart");

        // The next run, at the proposed level.
        let proposed = h.screen().clinic.proposal.as_ref().unwrap().next_level();
        h.ask(ClinicInput::SetLevel(if proposed == 1 { 2 } else { 1 }));
        h.ask(ClinicInput::TakeProposal);
        assert_eq!(h.screen().clinic.choice.level, proposed);
        h.ask(ClinicInput::Start);
        assert!(h.wait_for_run(120));
        let clinic = &h.screen().clinic;
        let second = clinic.last_run.as_ref().unwrap().session.clone().unwrap();
        assert_ne!(second, session, "a new run, a new session");
        let store = mestring::record::Store::open(data.path()).unwrap();
        let row = store.session(&second).unwrap();
        assert_eq!((row.participant.as_deref(), row.level), (Some("P017"), i64::from(proposed)));
        assert_eq!(clinic.participants[0].sessions, 2);

        // And ends with it.
        h.ask(ClinicInput::OpenRtwSe);
        answer_rtw_se(|i| h.ask(i), [5, 5, 4, 5, 5, 5, 4, 5, 5, 4, 5]);
        h.ask(ClinicInput::AnswerRtwExpectation(Expectation::UnderOneMonth));
        h.ask(ClinicInput::SaveRtwSe);
        let expected: Vec<Expectation> =
            store.rtw_expectations("P017").unwrap().into_iter().map(|r| r.2).collect();
        assert_eq!(expected, [Expectation::ThreeToSixMonths, Expectation::UnderOneMonth]);
        let taken = store.rtw_se("P017").unwrap();
        let labels: Vec<&str> = taken.iter().filter_map(|r| r.1.as_deref()).collect();
        assert_eq!(labels, ["start of programme", "end of programme"]);
        assert!(taken[1].2 > taken[0].2);
    }

    #[test]
    fn a_run_that_cannot_be_started_says_why_and_the_screen_stays_usable() {
        let data = tempfile::tempdir().unwrap();
        let clinic = open(data.path(), shipped_folder());
        let meeting = team_meeting(&clinic);
        let nowhere = Launcher(Box::new(|_, _| std::process::Command::new("/nonexistent/mestring").spawn()));
        let mut h = StartScreenHarness::new(clinic, nowhere);
        h.ask(ClinicInput::AddParticipant("P017".into()));
        h.ask(ClinicInput::ChooseScenario(meeting));
        h.ask(ClinicInput::Start);
        let clinic = &h.screen().clinic;
        assert!(clinic.running.is_none());
        let notice = clinic.notice.as_ref().unwrap();
        assert!(notice.refused && notice.text.contains("could not be started"), "{notice:?}");
        assert_eq!(clinic.not_ready(), None, "it can be tried again");
    }
}
