//! The policy's tests: each rule through `propose`, with the words its
//! reasons read in, since a clinician sees the two together.

use super::*;
use crate::scenario::{Progression, RatingKind};
use crate::session::Actor;

const CLINICIAN: RunEnd = RunEnd::Stopped { by: Actor::Clinician };
const PARTICIPANT: RunEnd = RunEnd::Stopped { by: Actor::Participant };

/// 40 / 70 / 2 runs / 80, not automatic.
fn policy() -> Policy {
    Policy::default()
}

/// A completed run at `level`, at one level throughout.
fn run(level: u8, suds: u8, se: u8) -> PastRun {
    PastRun {
        level,
        level_changed: false,
        end: RunEnd::Completed,
        peak_suds: Some(suds),
        self_efficacy: Some(se),
    }
}

fn ended(end: RunEnd, r: PastRun) -> PastRun {
    PastRun { end, ..r }
}

#[test]
fn defaults_follow_the_documented_values() {
    let p = policy();
    assert_eq!(
        (p.step_up_peak_suds_at_most, p.step_up_self_efficacy_at_least, p.step_up_runs),
        (40, Some(70), 2)
    );
    assert_eq!((p.step_down_peak_suds_at_least, p.automatic), (80, false));
    // Self-efficacy left out is not used where the scenario asks none...
    assert_eq!(Policy::resolve(&Progression::default(), false).step_up_self_efficacy_at_least, None);
    // ...but a written threshold is kept (the checker refuses that file).
    let mut written = Progression::default();
    written.step_up.self_efficacy_at_least = Some(60);
    assert_eq!(Policy::resolve(&written, false).step_up_self_efficacy_at_least, Some(60));
    // Zero runs (only in an unchecked file) means one.
    written.step_up.runs = 0;
    assert_eq!(Policy::resolve(&written, true).step_up_runs, 1);
}

#[test]
fn two_good_runs_in_a_row_step_up() {
    let a = propose(&policy(), 2, 5, &[run(2, 35, 70), run(2, 40, 80)]);
    assert_eq!(a.proposal, Proposal::StepUp { to: 3 });
    assert!(!a.automatic, "the clinician decides unless the scenario allows automatic steps");
    assert_eq!(
        a.reason,
        Reason::Mastered {
            level: 2,
            runs: 2,
            peak: 40,
            self_efficacy: Some(70),
            criteria: Criteria { peak_suds_at_most: 40, self_efficacy_at_least: Some(70) }
        }
    );
    assert_eq!(a.next_level(), 3);
    assert_eq!(a.headline("en"), "step up to level 3");
    assert_eq!(a.headline("nb"), "gå opp til nivå 3");
    let text = a.reason_text("en");
    assert!(text.contains("peak SUDS of 40 or less") && text.contains("self-efficacy of 70"), "{text}");
    assert!(text.ends_with("step up to level 3."), "{text}");
    assert!(a.reason_text("nb").ends_with("gå opp til nivå 3."));
}

#[test]
fn fewer_good_runs_than_needed_stay() {
    let a = propose(&policy(), 2, 5, &[run(2, 30, 80)]);
    assert_eq!(a.proposal, Proposal::Stay);
    assert!(matches!(a.reason, Reason::MoreRunsNeeded { mastered: 1, needed: 2, .. }));
    assert!(a.reason_text("en").contains("needs 2 in a row"), "{}", a.reason_text("en"));
    // A good run after a poor one starts the count afresh.
    let a = propose(&policy(), 2, 5, &[run(2, 60, 80), run(2, 30, 80)]);
    assert!(matches!(a.reason, Reason::MoreRunsNeeded { mastered: 1, .. }));
    // Three good ones with runs: 3.
    let p = Policy { step_up_runs: 3, ..policy() };
    let a = propose(&p, 2, 5, &[run(2, 30, 80), run(2, 30, 80)]);
    assert!(matches!(a.reason, Reason::MoreRunsNeeded { mastered: 2, needed: 3, .. }));
    assert!(a.reason_text("en").starts_with("The last 2 runs at level 2 were completed"));
    let a = propose(&p, 2, 5, &[run(2, 30, 80), run(2, 30, 80), run(2, 20, 90)]);
    assert_eq!(a.proposal, Proposal::StepUp { to: 3 });
}

#[test]
fn runs_at_another_level_do_not_count() {
    // Mastered level 2 long ago, stepped up, stepped down again: the
    // old level-2 runs are not recent mastery of level 2.
    let runs = [run(2, 30, 80), run(2, 30, 80), run(3, 85, 40), run(2, 30, 80)];
    let a = propose(&policy(), 2, 5, &runs);
    assert_eq!(a.proposal, Proposal::Stay);
    assert!(matches!(a.reason, Reason::MoreRunsNeeded { mastered: 1, .. }));
    // Good runs at level 1 say nothing about level 2.
    let a = propose(&policy(), 2, 5, &[run(1, 10, 90), run(1, 10, 90)]);
    assert_eq!(a.reason, Reason::NoRunsYet { level: 2, last_level: Some(1) });
    assert!(a.reason_text("en").contains("The last run was at level 1"));
}

#[test]
fn no_runs_at_all() {
    let a = propose(&policy(), 1, 5, &[]);
    assert_eq!((a.proposal, a.reason), (Proposal::Stay, Reason::NoRunsYet { level: 1, last_level: None }));
    assert_eq!(a.headline("en"), "stay at level 1");
    assert_eq!(a.headline("nn"), "bli på nivå 1");
    assert!(a.reason_text("en").starts_with("No run of this scenario"));
}

#[test]
fn a_run_the_participant_stopped_steps_down_and_never_automatically() {
    let p = Policy { automatic: true, ..policy() };
    let runs = [run(3, 30, 80), run(3, 30, 80), ended(PARTICIPANT, run(3, 30, 80))];
    let a = propose(&p, 3, 5, &runs);
    assert_eq!(a.proposal, Proposal::StepDown { to: 2 });
    assert_eq!(a.reason, Reason::StoppedByParticipant { level: 3 });
    assert!(!a.automatic, "a stop calls for a conversation, not a silent change");
    assert!(a.reason_text("en").contains("a level they can stay in to the end"));
    assert!(a.reason_text("nb").contains("et nivå deltakeren kan bli i helt til slutten"));
    // Read aloud to the participant, it never words the stop as a failing.
    for text in [a.reason_text("en"), a.reason_text("nb")] {
        let text = text.to_lowercase();
        for word in ["escape", "avoid", "fail", "unngå", "flukt", "mislyk"] {
            assert!(!text.contains(word), "{text}");
        }
    }
}

#[test]
fn a_stop_by_the_participant_at_the_lowest_level_stays() {
    let a = propose(&policy(), 1, 5, &[ended(PARTICIPANT, run(1, 30, 80))]);
    assert_eq!(a.proposal, Proposal::Stay);
    assert_eq!(a.reason, Reason::StoppedByParticipant { level: 1 });
    assert!(a.reason_text("en").contains("gentler scenario"), "{}", a.reason_text("en"));
}

#[test]
fn an_earlier_escape_breaks_the_run_of_mastery() {
    let runs = [run(2, 30, 80), ended(PARTICIPANT, run(2, 30, 80)), run(2, 30, 80)];
    let a = propose(&policy(), 2, 5, &runs);
    assert!(matches!(a.reason, Reason::MoreRunsNeeded { mastered: 1, .. }), "{:?}", a.reason);
}

#[test]
fn high_distress_steps_down_automatically_only_when_allowed() {
    let a = propose(&policy(), 3, 5, &[run(3, 80, 60)]);
    assert_eq!(a.proposal, Proposal::StepDown { to: 2 });
    assert_eq!(a.reason, Reason::HighDistress { level: 3, peak: 80, threshold: 80 });
    assert!(!a.automatic);
    assert!(a.reason_text("en").contains("was 80, at or above 80"));
    let p = Policy { automatic: true, ..policy() };
    assert!(propose(&p, 3, 5, &[run(3, 95, 60)]).automatic);
    // Just below the threshold: not mastery either, so stay.
    let a = propose(&policy(), 3, 5, &[run(3, 79, 60)]);
    assert_eq!(a.proposal, Proposal::Stay);
    assert_eq!(
        a.reason,
        Reason::NotMastered { level: 3, shortfall: Shortfall::SudsAbove { peak: 79, limit: 40 } }
    );
}

#[test]
fn high_distress_at_the_lowest_level_stays() {
    let a = propose(&Policy { automatic: true, ..policy() }, 1, 5, &[run(1, 90, 30)]);
    assert_eq!(a.proposal, Proposal::Stay);
    assert!(!a.automatic);
    assert!(matches!(a.reason, Reason::HighDistress { level: 1, peak: 90, .. }));
    assert!(a.reason_text("en").contains("the gentlest"));
}

#[test]
fn mastering_the_top_level_says_so_and_stays() {
    let a = propose(&Policy { automatic: true, ..policy() }, 5, 5, &[run(5, 20, 90), run(5, 30, 80)]);
    assert_eq!(a.proposal, Proposal::Stay);
    assert!(!a.automatic);
    assert!(matches!(
        a.reason,
        Reason::Mastered { level: 5, runs: 2, peak: 30, self_efficacy: Some(80), .. }
    ));
    assert!(a.reason_text("en").contains("scenario is mastered"), "{}", a.reason_text("en"));
    assert!(a.reason_text("nb").contains("scenarioet er mestret"));
}

#[test]
fn automatic_step_up_where_the_scenario_allows_it() {
    let p = Policy { automatic: true, ..policy() };
    let a = propose(&p, 1, 3, &[run(1, 20, 80), run(1, 20, 80)]);
    assert_eq!((a.proposal, a.automatic), (Proposal::StepUp { to: 2 }, true));
}

#[test]
fn missing_ratings_never_count_as_good_ones() {
    let no_suds = PastRun { peak_suds: None, ..run(2, 0, 80) };
    let a = propose(&policy(), 2, 5, &[run(2, 30, 80), no_suds]);
    assert_eq!(a.reason, Reason::NotMastered { level: 2, shortfall: Shortfall::NoSuds });
    let no_se = PastRun { self_efficacy: None, ..run(2, 30, 0) };
    let a = propose(&policy(), 2, 5, &[run(2, 30, 80), no_se]);
    assert_eq!(a.reason, Reason::NotMastered { level: 2, shortfall: Shortfall::NoSelfEfficacy });
    // A policy without self-efficacy does not miss it.
    let p = Policy { step_up_self_efficacy_at_least: None, ..policy() };
    let a = propose(&p, 2, 5, &[no_se, no_se]);
    assert_eq!(a.proposal, Proposal::StepUp { to: 3 });
    assert!(matches!(a.reason, Reason::Mastered { self_efficacy: None, .. }));
    assert!(!a.reason_text("en").contains("self-efficacy"), "{}", a.reason_text("en"));
}

#[test]
fn low_self_efficacy_stays() {
    let a = propose(&policy(), 2, 5, &[run(2, 30, 80), run(2, 30, 60)]);
    assert_eq!(
        a.reason,
        Reason::NotMastered { level: 2, shortfall: Shortfall::SelfEfficacyBelow { value: 60, min: 70 } }
    );
    assert!(a.reason_text("en").contains("self-efficacy at 60, below the 70"));
}

#[test]
fn runs_stopped_by_the_clinician_or_unfinished_are_not_mastery() {
    let a = propose(&policy(), 2, 5, &[run(2, 30, 80), ended(CLINICIAN, run(2, 30, 80))]);
    assert_eq!(a.proposal, Proposal::Stay);
    assert_eq!(a.reason, Reason::NotMastered { level: 2, shortfall: Shortfall::StoppedByClinician });
    let a = propose(&policy(), 2, 5, &[run(2, 30, 80), ended(RunEnd::Unfinished, run(2, 30, 80))]);
    assert_eq!(a.reason, Reason::NotMastered { level: 2, shortfall: Shortfall::Unfinished });
    // ...but their distress still counts.
    let a = propose(&policy(), 2, 5, &[ended(CLINICIAN, run(2, 90, 30))]);
    assert_eq!(a.proposal, Proposal::StepDown { to: 1 });
    // An unfinished run between two good ones breaks the count.
    let runs = [run(2, 30, 80), ended(RunEnd::Unfinished, run(2, 30, 80)), run(2, 30, 80)];
    assert!(matches!(propose(&policy(), 2, 5, &runs).reason, Reason::MoreRunsNeeded { mastered: 1, .. }));
}

#[test]
fn a_run_whose_level_changed_is_not_mastery_and_its_peak_is_not_tied_to_a_level() {
    // The clinician stepped down from 3 to 2 mid-run because distress
    // was high: the 90 belongs to level 3, so no second step down.
    let changed = PastRun { level_changed: true, ..run(2, 90, 40) };
    let a = propose(&policy(), 2, 5, &[changed]);
    assert_eq!(a.proposal, Proposal::Stay);
    assert_eq!(a.reason, Reason::NotMastered { level: 2, shortfall: Shortfall::LevelChanged });
    let changed = PastRun { level_changed: true, ..run(2, 20, 90) };
    let a = propose(&policy(), 2, 5, &[run(2, 20, 90), changed]);
    assert_eq!(a.reason, Reason::NotMastered { level: 2, shortfall: Shortfall::LevelChanged });
}

#[test]
fn a_level_outside_the_scenario_proposes_nothing() {
    for level in [0, 6] {
        let a = propose(&policy(), level, 5, &[run(2, 20, 90)]);
        assert_eq!((a.proposal, a.automatic), (Proposal::Stay, false));
        assert!(matches!(a.reason, Reason::NoSuchLevel { levels: 5, .. }));
        assert_eq!(a.headline("en"), "no proposal");
    }
}

#[test]
fn step_down_is_tried_before_step_up_even_with_crossed_thresholds() {
    // Only an unchecked file can cross them; safety comes first.
    let p = Policy { step_up_peak_suds_at_most: 90, step_down_peak_suds_at_least: 50, ..policy() };
    let a = propose(&p, 2, 5, &[run(2, 60, 90), run(2, 60, 90)]);
    assert_eq!(a.proposal, Proposal::StepDown { to: 1 });
}

#[test]
fn run_ratings_take_the_peak_and_the_lowest_last_self_efficacy() {
    let mut r = RunRatings::default();
    assert_eq!((r.peak_suds(), r.self_efficacy()), (None, None));
    for (code, value) in [
        ("suds", 40),
        ("self-efficacy:give-update", 30),
        ("expectancy:criticised", 90),
        ("suds", 65),
        ("suds", 20),
        ("self-efficacy:give-update", 80),
        ("self-efficacy:answer-criticism", 70),
        ("cybersickness", 20),
    ] {
        r.rated(code, value);
    }
    // give-update's before-rating (30) is replaced by its after-rating.
    assert_eq!((r.peak_suds(), r.self_efficacy()), (Some(65), Some(70)));
    let mut k = RunRatings::default();
    k.rated_kind(&RatingKind::Suds, 10);
    k.rated_kind(&RatingKind::SelfEfficacy("x".into()), 50);
    assert_eq!((k.peak_suds(), k.self_efficacy()), (Some(10), Some(50)));
}

#[test]
fn every_reason_reads_in_both_languages() {
    let p = Policy { step_up_runs: 1, ..policy() };
    let cases = [
        propose(&p, 9, 5, &[]),
        propose(&p, 1, 5, &[]),
        propose(&p, 2, 5, &[run(1, 0, 100)]),
        propose(&p, 1, 5, &[ended(PARTICIPANT, run(1, 0, 100))]),
        propose(&p, 2, 5, &[ended(PARTICIPANT, run(2, 0, 100))]),
        propose(&p, 1, 5, &[run(1, 100, 0)]),
        propose(&p, 2, 5, &[run(2, 100, 0)]),
        propose(&p, 2, 5, &[ended(CLINICIAN, run(2, 0, 100))]),
        propose(&p, 2, 5, &[ended(RunEnd::Unfinished, run(2, 0, 100))]),
        propose(&p, 2, 5, &[PastRun { level_changed: true, ..run(2, 0, 100) }]),
        propose(&p, 2, 5, &[PastRun { peak_suds: None, ..run(2, 0, 100) }]),
        propose(&p, 2, 5, &[run(2, 50, 100)]),
        propose(&p, 2, 5, &[PastRun { self_efficacy: None, ..run(2, 0, 100) }]),
        propose(&p, 2, 5, &[run(2, 0, 10)]),
        propose(&policy(), 2, 5, &[run(2, 0, 100)]),
        propose(&p, 2, 5, &[run(2, 0, 100)]),
        propose(&p, 5, 5, &[run(5, 0, 100)]),
    ];
    let mut seen = std::collections::HashSet::new();
    for a in cases {
        let (en, nb) = (a.reason_text("en"), a.reason_text("nb"));
        assert!(en.ends_with('.') && nb.ends_with('.'), "{en} / {nb}");
        assert_ne!(en, nb);
        assert!(!en.contains("  ") && !nb.contains("  "), "{en} / {nb}");
        assert!(seen.insert(en.clone()), "two cases read the same: {en}");
        assert_eq!(a.reason_text("sv"), en, "other languages read English");
    }
}
