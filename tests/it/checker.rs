//! Each kind of mistake an author can make gets its own located message.
//! Every case breaks the shipped team meeting in one place and checks the
//! finding's code, its line, and what the author is shown.

use mestring::scenario::diagnostic::render_text;
use mestring::scenario::{FileReport, load_bytes};

use crate::{repo, team_meeting_source};

/// Replaces `from` (which must occur) with `to` in the team meeting and
/// loads the result as if it lay beside the shipped scenarios.
fn broken(from: &str, to: &str) -> (String, FileReport) {
    let source = team_meeting_source();
    assert!(source.contains(from), "test is stale: {from:?} is not in team-meeting.ron");
    let source = source.replacen(from, to, 1);
    let path = repo().join("scenarios/broken.ron");
    let report = load_bytes(&path, source.as_bytes()).expect_err("the broken file must not load");
    (source, report)
}

/// 1-based line of the first occurrence of `needle`.
fn line_of(source: &str, needle: &str) -> usize {
    let at = source.find(needle).unwrap_or_else(|| panic!("{needle:?} not in source"));
    source[..at].matches('\n').count() + 1
}

/// Asserts there is an error with `code` on the line holding `needle`,
/// and that its rendering shows the place, the line and a hint.
fn assert_finding(source: &str, report: &FileReport, code: &str, needle: &str) {
    let line = line_of(source, needle);
    let found = report.findings.iter().find(|f| f.code == code && f.is_error());
    let Some(f) = found else {
        panic!("no {code} error; findings: {:#?}", report.findings);
    };
    assert_eq!(f.line, line, "{code} should point at line {line}: {f:#?}");
    let text = render_text(std::slice::from_ref(report), false);
    let place = format!("broken.ron:{}:{}", f.line, f.column);
    assert!(text.contains(&place), "rendering lacks {place}:\n{text}");
    assert!(text.contains('^'), "rendering lacks a caret:\n{text}");
    assert!(text.contains("hint:"), "rendering lacks a hint:\n{text}");
    let source_line = source.lines().nth(line - 1).unwrap().trim();
    assert!(text.contains(source_line), "rendering lacks the source line {source_line:?}:\n{text}");
}

#[test]
fn ron_syntax_error_is_located() {
    let (src, report) = broken("id: \"kari\", name: \"Kari\",", "id: \"kari\" name: \"Kari\",");
    assert_finding(&src, &report, "syntax", "id: \"kari\" name");
}

#[test]
fn misspelt_field_lists_the_right_ones() {
    let (src, report) = broken("estimated_minutes: 6", "estimated_minute: 6");
    assert_finding(&src, &report, "syntax", "estimated_minute: 6");
    assert!(report.findings[0].hint.as_deref().unwrap().contains("estimated_minutes"));
}

#[test]
fn unknown_character() {
    let (src, report) =
        broken("Say(id: \"ola-accepts\", by: \"ola\"", "Say(id: \"ola-accepts\", by: \"ole\"");
    assert_finding(&src, &report, "unknown-character", "by: \"ole\"");
}

#[test]
fn unknown_beat_suggests_the_nearest() {
    let (src, report) = broken("next: \"ola-accepts\"", "next: \"ola-accept\"");
    assert_finding(&src, &report, "unknown-beat", "next: \"ola-accept\"");
    let f = report.findings.iter().find(|f| f.code == "unknown-beat").unwrap();
    assert_eq!(f.hint.as_deref(), Some("did you mean \"ola-accepts\"?"));
}

#[test]
fn unreachable_beat() {
    let orphan = "Say(id: \"orphan\", by: \"kari\", text: {\"nb\": \"Hei\", \"en\": \"Hi\"}, next: \"end\"),\n        ";
    let (src, report) = broken("End(id: \"end\"", &format!("{orphan}End(id: \"end\""));
    assert_finding(&src, &report, "unreachable-beat", "id: \"orphan\"");
}

#[test]
fn loop_with_no_way_to_an_end() {
    // Kari's closing line leads back to Aisha instead of to the end.
    let (src, report) = broken(
        "\"en\": \"Good. Let's move on to the next item. Thanks, everyone.\",\n        }, next: \"end\"",
        "\"en\": \"Good. Let's move on to the next item. Thanks, everyone.\",\n        }, next: \"aisha-support\"",
    );
    assert_finding(&src, &report, "no-way-to-end", "id: \"aisha-support\"");
}

#[test]
fn loop_where_nothing_waits() {
    let (src, report) = broken(
        "otherwise: \"aisha-support\",",
        "otherwise: \"spin\",\n        ),\n        Cue(id: \"spin\", cue: DoorSlam, next: \"remark-or-not\"",
    );
    assert_finding(&src, &report, "instant-loop", "id: \"remark-or-not\"");
}

#[test]
fn missing_text_for_a_declared_language() {
    let (src, report) = broken("\"en\": \"Fair enough. The figures first would help, yes.\",", "");
    // Reported at the text that lacks it, which opens on the Say's line.
    assert_finding(&src, &report, "missing-text", "Say(id: \"ola-accepts\"");
}

#[test]
fn level_with_nobody_present() {
    let (src, report) = broken("present: [\"kari\", \"aisha\"],", "present: [],");
    assert_finding(&src, &report, "nobody-present", "present: [],");
}

#[test]
fn duplicate_ids() {
    let (src, report) = broken("Say(id: \"kari-help\"", "Say(id: \"kari-encourage\"");
    // The second use is reported; its line holds the renamed beat.
    let second = src.match_indices("id: \"kari-encourage\"").nth(1).unwrap().0;
    let line = src[..second].matches('\n').count() + 1;
    let f = report.findings.iter().find(|f| f.code == "duplicate-id").expect("duplicate-id");
    assert_eq!(f.line, line);
    assert!(
        f.hint.as_deref().unwrap().contains(&format!("line {}", line_of(&src, "id: \"kari-encourage\"")))
    );
}

#[test]
fn values_out_of_range() {
    let (src, report) = broken("gaze: 0.7)}", "gaze: 1.7)}");
    assert_finding(&src, &report, "out-of-range", "gaze: 1.7");
    let (src, report) = broken("    start: ", "    recovery_seconds: 5.0,\n    start: ");
    assert_finding(&src, &report, "out-of-range", "recovery_seconds: 5.0");
    let (src, report) =
        broken("    start: ", "    breathing: (in_seconds: 4.0, out_seconds: 30.0),\n    start: ");
    assert_finding(&src, &report, "out-of-range", "breathing: (in_seconds: 4.0, out_seconds: 30.0)");
    assert!(
        report.findings.iter().any(|f| f.message.contains("out_seconds is 30")),
        "{:#?}",
        report.findings
    );
}

#[test]
fn too_few_levels() {
    let source = team_meeting_source();
    let start = source.find("        (\n            level: 3,").unwrap();
    let end = source.find("    ratings: (").unwrap();
    let source = format!("{}    ],\n\n{}", &source[..start], &source[end..]);
    let report = load_bytes(&repo().join("scenarios/broken.ron"), source.as_bytes()).unwrap_err();
    assert_finding(&source, &report, "too-few-levels", "levels: [");
}

#[test]
fn missing_audio_file() {
    let (src, report) =
        broken("}, next: \"second-try\"),", "}, audio: \"audio/nowhere.ogg\", next: \"second-try\"),");
    assert_finding(&src, &report, "missing-file", "audio/nowhere.ogg");
}

#[test]
fn missing_model_file() {
    let (src, report) =
        broken("room: MeetingRoom,", "room: MeetingRoom,\n        model: \"models/room.glb\",");
    assert_finding(&src, &report, "missing-file", "models/room.glb");
}

#[test]
fn cue_sounds_must_exist_be_sound_and_not_stand_for_a_silence() {
    // The scenario file itself lies in scenarios/: a file, but not sound.
    let sounds = "room: MeetingRoom,\n        sounds: {\n            PhoneRinging: \"sounds/nowhere.ogg\",\n            \
                  DoorSlam: \"team-meeting.ron\",\n            SilentStare: \"hush.wav\",\n        },";
    let (src, report) = broken("room: MeetingRoom,", sounds);
    assert_finding(&src, &report, "missing-file", "sounds/nowhere.ogg");
    assert_finding(&src, &report, "unreadable-sound", "team-meeting.ron");
    assert_finding(&src, &report, "silent-cue-sound", "SilentStare");
    let unreadable = report.findings.iter().find(|f| f.code == "unreadable-sound").unwrap();
    assert!(unreadable.message.contains("not a sound file"), "{unreadable:#?}");
}

#[test]
fn seat_outside_the_room() {
    // The meeting room is 7 m deep: its back wall stands at z = -3.5.
    let (src, report) = broken(
        "(id: \"head\", at: (0.0, -1.6), facing: 0.0),",
        "(id: \"head\", at: (0.0, -3.8), facing: 0.0),",
    );
    assert_finding(&src, &report, "seat-outside-room", "at: (0.0, -3.8)");
    let f = report.findings.iter().find(|f| f.code == "seat-outside-room").unwrap();
    assert_eq!(f.message, "seat \"head\" at (0, -3.8) is outside the MeetingRoom, which is 6 by 7 m");
    assert!(f.hint.as_deref().unwrap().contains("z within ±3.2"), "{f:#?}");
    // Just inside the wall there is no room for a person either.
    let (src, report) = broken(
        "(id: \"head\", at: (0.0, -1.6), facing: 0.0),",
        "(id: \"head\", at: (0.0, -3.4), facing: 0.0),",
    );
    assert_finding(&src, &report, "seat-outside-room", "at: (0.0, -3.4)");
    // Kari cannot walk to a seat outside the room, but that is one mistake.
    assert_eq!(report.errors(), 1, "{:#?}", report.findings);
}

#[test]
fn seat_walled_in_by_furniture() {
    // Ola's seat, beside the table, with shelves on its other three sides.
    let shelves = "(kind: Table, at: (0.0, 0.0), facing: 90.0),\n            \
                   (kind: Shelf, at: (1.0, 1.2)),\n            \
                   (kind: Shelf, at: (1.6, 0.6), facing: 90.0),\n            \
                   (kind: Shelf, at: (1.0, 0.0)),";
    let (src, report) = broken("(kind: Table, at: (0.0, 0.0), facing: 90.0),", shelves);
    assert_finding(&src, &report, "seat-unreachable", "id: \"right-near\"");
    let f = report.findings.iter().find(|f| f.code == "seat-unreachable").unwrap();
    assert!(f.message.contains("seat \"right-near\", where Ola sits"), "{}", f.message);
    assert_eq!(report.errors(), 1, "only Ola's seat is walled in: {:#?}", report.findings);
    // A seat nobody takes at any level is not walked to, so not reported.
    let (_, report) = edited(&[
        ("(kind: Table, at: (0.0, 0.0), facing: 90.0),", shelves),
        (
            "id: \"ola\", name: \"Ola\", role: Colleague, seat: \"right-near\"",
            "id: \"ola\", name: \"Ola\", role: Colleague, seat: \"left-far\"",
        ),
    ]);
    assert!(report.findings.iter().all(|f| f.code != "seat-unreachable"), "{:#?}", report.findings);
}

#[test]
fn all_mistakes_are_reported_at_once() {
    let (_, report) = broken("gaze: 0.7)}", "gaze: 1.7)}");
    assert_eq!(report.errors(), 1);
    let source = team_meeting_source()
        .replacen("gaze: 0.7)}", "gaze: 1.7)}", 1)
        .replacen("next: \"ola-accepts\"", "next: \"nowhere\"", 1)
        .replacen("present: [\"kari\", \"aisha\"],", "present: [],", 1);
    let report = load_bytes(&repo().join("scenarios/broken.ron"), source.as_bytes()).unwrap_err();
    let codes: Vec<_> = report.findings.iter().filter(|f| f.is_error()).map(|f| f.code).collect();
    for code in ["out-of-range", "unknown-beat", "nobody-present"] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
}

#[test]
fn encoding_and_size_problems_are_explained() {
    let path = repo().join("scenarios/broken.ron");
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("S\0c\0".bytes()).collect();
    let r = load_bytes(&path, &utf16).unwrap_err();
    assert_eq!(r.findings[0].code, "not-utf8");
    assert!(r.findings[0].message.contains("UTF-16"));

    let mut latin1 = team_meeting_source().into_bytes();
    let at = latin1.windows(2).position(|w| w == "ø".as_bytes()).unwrap();
    latin1.splice(at..at + 2, [0xF8]);
    let r = load_bytes(&path, &latin1).unwrap_err();
    assert_eq!(r.findings[0].code, "not-utf8");
    assert_eq!(r.findings[0].line, line_of(&team_meeting_source(), "ø"));

    let r = load_bytes(&path, b"  \n ").unwrap_err();
    assert_eq!(r.findings[0].code, "empty-file");

    let huge = vec![b' '; mestring::scenario::load::MAX_FILE_BYTES + 1];
    assert_eq!(load_bytes(&path, &huge).unwrap_err().findings[0].code, "file-too-large");
}

#[test]
fn shipped_scenarios_are_clean() {
    for report in mestring::scenario::check_paths(&[repo().join("scenarios")]) {
        assert!(
            report.findings.is_empty(),
            "{} has findings:\n{}",
            report.file.display(),
            render_text(std::slice::from_ref(&report), false)
        );
    }
}

#[test]
fn misspelt_field_inside_a_beat_is_not_ignored() {
    let (src, report) = broken("silence: (seconds: 12.0", "silense: (seconds: 12.0");
    assert_finding(&src, &report, "syntax", "silense:");
    assert!(report.findings[0].hint.as_deref().unwrap().contains("silence"), "{:?}", report.findings[0]);
}

#[test]
fn quoted_fixed_word_gets_a_hint() {
    let (src, report) = broken("role: Manager,", "role: \"Manager\",");
    assert_finding(&src, &report, "syntax", "role: \"Manager\"");
}

#[test]
fn cue_by_someone_absent_at_a_reachable_level_is_a_warning() {
    // Per is only present from level 3, but this cue is in every level's
    // flow where Ola's remark may not come: levels 1 and 2.
    let source = team_meeting_source().replacen(
        "otherwise: \"aisha-support\",",
        "otherwise: \"per-sighs\",\n        ),\n        Cue(id: \"per-sighs\", cue: Sigh, by: \"per\", next: \"aisha-support\"",
        1,
    );
    let loaded = load_bytes(&repo().join("scenarios/ok.ron"), source.as_bytes()).expect("warnings only");
    let f = loaded.report.findings.iter().find(|f| f.code == "speaker-absent").expect("a warning");
    assert!(f.message.contains("\"per\" makes this cue") && f.message.contains("[1, 2]"), "{}", f.message);
    assert_eq!(f.line, line_of(&source, "by: \"per\", next"));
}

#[test]
fn the_complete_example_in_the_authors_guide_passes_the_checker() {
    let guide = std::fs::read_to_string(repo().join("docs/scenario-format.md")).unwrap();
    // The first ```ron block after the section heading is the full example.
    let section = &guide[guide.find("## 3. A complete example").expect("section 3")..];
    let start = section.find("```ron\n").expect("a ron block") + "```ron\n".len();
    let example = &section[start..start + section[start..].find("\n```").unwrap()];
    let loaded = load_bytes(&repo().join("scenarios/extra-task.ron"), example.as_bytes())
        .unwrap_or_else(|r| panic!("{}", render_text(std::slice::from_ref(&r), false)));
    assert!(loaded.report.findings.is_empty(), "{:#?}", loaded.report.findings);
    assert_eq!(loaded.scenario.levels.len(), 3);
}

// ------------------------------------------------------------ progression

/// The team meeting's progression policy as shipped.
const POLICY: &str = "step_up: (peak_suds_at_most: 60, self_efficacy_at_least: 70, runs: 2),";

/// The team meeting with every `(from, to)` replaced once; each `from`
/// must occur. Loaded whether or not it has errors.
fn edited(edits: &[(&str, &str)]) -> (String, FileReport) {
    let mut source = team_meeting_source();
    for (from, to) in edits {
        assert!(source.contains(from), "test is stale: {from:?} is not in team-meeting.ron");
        source = source.replacen(from, to, 1);
    }
    let report = match load_bytes(&repo().join("scenarios/broken.ron"), source.as_bytes()) {
        Ok(loaded) => loaded.report,
        Err(report) => report,
    };
    (source, report)
}

/// The team meeting's schedule lines that ask `what`, removed.
fn without_ratings(what: &str) -> Vec<(String, &'static str)> {
    team_meeting_source()
        .lines()
        .filter(|l| l.trim_start().starts_with(&format!("(rating: {what}")))
        .map(|l| (format!("{l}\n"), ""))
        .collect()
}

fn assert_warning(source: &str, report: &FileReport, code: &str, needle: &str) -> String {
    let f = report.findings.iter().find(|f| f.code == code && !f.is_error());
    let Some(f) = f else { panic!("no {code} warning; findings: {:#?}", report.findings) };
    assert_eq!(f.line, line_of(source, needle), "{code} should point at the line with {needle:?}: {f:#?}");
    let text = render_text(std::slice::from_ref(report), false);
    assert!(text.contains(&format!("warning[{code}]")) && text.contains("hint:"), "{text}");
    f.message.clone()
}

#[test]
fn progression_values_beyond_the_rating_scales() {
    let (src, report) =
        broken(POLICY, "step_up: (peak_suds_at_most: 140, self_efficacy_at_least: 70, runs: 2),");
    assert_finding(&src, &report, "out-of-range", "peak_suds_at_most: 140");
    let (src, report) =
        broken("step_down: (peak_suds_at_least: 80),", "step_down: (peak_suds_at_least: 101),");
    assert_finding(&src, &report, "out-of-range", "peak_suds_at_least: 101");
    let (src, report) = broken(POLICY, "step_up: (\n  self_efficacy_at_least: 110,\n),");
    assert_finding(&src, &report, "out-of-range", "self_efficacy_at_least: 110");
    // Not a number on the scale at all: a syntax error, with its place.
    let (src, report) = broken(POLICY, "step_up: (peak_suds_at_most: 40.5, runs: 2),");
    assert_finding(&src, &report, "syntax", "peak_suds_at_most: 40.5");
}

#[test]
fn progression_needs_at_least_one_run() {
    let (src, report) =
        broken(POLICY, "step_up: (peak_suds_at_most: 40, self_efficacy_at_least: 70, runs: 0),");
    assert_finding(&src, &report, "out-of-range", "runs: 0");
    let f = report.findings.iter().find(|f| f.code == "out-of-range").unwrap();
    assert!(f.message.contains("between 1 and 10"), "{}", f.message);
    let (src, report) = broken(POLICY, "step_up: (peak_suds_at_most: 40, runs: 11),");
    assert_finding(&src, &report, "out-of-range", "runs: 11");
}

#[test]
fn self_efficacy_threshold_not_in_tens_is_a_warning() {
    let (src, report) =
        edited(&[(POLICY, "step_up: (peak_suds_at_most: 40, self_efficacy_at_least: 75, runs: 2),")]);
    assert_eq!(report.errors(), 0, "{:#?}", report.findings);
    let message = assert_warning(&src, &report, "not-in-tens", "self_efficacy_at_least: 75");
    assert!(message.contains("rated in tens"), "{message}");
    let hint = report.findings[0].hint.as_deref().unwrap();
    assert!(hint.contains("works as 80"), "{hint}");
}

#[test]
fn step_down_threshold_must_be_above_step_up_threshold() {
    let (src, report) =
        broken("step_down: (peak_suds_at_least: 80),", "step_down: (peak_suds_at_least: 40),");
    assert_finding(&src, &report, "thresholds-overlap", "peak_suds_at_least: 40");
    // With step_down left out, its default (80) is compared, and the
    // step-up value that crosses it is pointed at.
    let (src, report) = edited(&[
        ("step_down: (peak_suds_at_least: 80),\n", ""),
        (POLICY, "step_up: (peak_suds_at_most: 85, self_efficacy_at_least: 70, runs: 2),"),
    ]);
    assert_finding(&src, &report, "thresholds-overlap", "peak_suds_at_most: 85");
    let f = report.findings.iter().find(|f| f.code == "thresholds-overlap").unwrap();
    assert!(f.message.contains("(80)") && f.message.contains("(85)"), "{}", f.message);
}

#[test]
fn policy_on_self_efficacy_the_scenario_never_asks() {
    let edits = without_ratings("SelfEfficacy");
    assert_eq!(edits.len(), 4);
    let edits: Vec<(&str, &str)> = edits.iter().map(|(a, b)| (a.as_str(), *b)).collect();
    let (src, report) = edited(&edits);
    assert_finding(&src, &report, "no-self-efficacy-rating", "self_efficacy_at_least: 70");
    // Left out, self-efficacy is simply not part of the policy.
    let mut edits = edits;
    edits.push((POLICY, "step_up: (peak_suds_at_most: 60, runs: 2),"));
    let (_, report) = edited(&edits);
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
}

#[test]
fn policy_on_suds_the_scenario_never_asks() {
    let edits = without_ratings("Suds");
    assert_eq!(edits.len(), 4);
    let edits: Vec<(&str, &str)> = edits.iter().map(|(a, b)| (a.as_str(), *b)).collect();
    let (src, report) = edited(&edits);
    assert_finding(&src, &report, "no-suds-rating", "peak_suds_at_most: 60");
    // The JSON report names the code for tools.
    let json = mestring::scenario::diagnostic::render_json(std::slice::from_ref(&report));
    assert!(json.contains("\"code\": \"no-suds-rating\""), "{json}");
}

#[test]
fn self_efficacy_asked_only_before_is_a_warning() {
    let edits = [
        ("            (rating: SelfEfficacy(\"give-update\"), when: AtEnd),\n", ""),
        (
            "            (rating: SelfEfficacy(\"answer-criticism\"), when: AtEnd, levels: Some((2, 5))),\n",
            "",
        ),
    ];
    let (src, report) = edited(&edits);
    assert_eq!(report.errors(), 0, "{:#?}", report.findings);
    assert_warning(&src, &report, "self-efficacy-only-before", "self_efficacy_at_least: 70");
    // Without a progression block the default policy reads self-efficacy
    // too; the warning then points at the rating asked before.
    let start = src.find("    // When to propose").unwrap();
    let end = src.find("    start: \"welcome\"").unwrap();
    let source = format!("{}{}", &src[..start], &src[end..]);
    let loaded = load_bytes(&repo().join("scenarios/ok.ron"), source.as_bytes()).expect("warnings only");
    assert_warning(
        &source,
        &loaded.report,
        "self-efficacy-only-before",
        "SelfEfficacy(\"give-update\"), when: AtStart",
    );
}

#[test]
fn progression_left_out_gets_the_defaults() {
    use mestring::progression::Policy;
    let source = team_meeting_source();
    let start = source.find("    // When to propose").unwrap();
    let end = source.find("    start: \"welcome\"").unwrap();
    let source = format!("{}{}", &source[..start], &source[end..]);
    let loaded = load_bytes(&repo().join("scenarios/ok.ron"), source.as_bytes()).expect("loads");
    assert!(loaded.report.findings.is_empty(), "{:#?}", loaded.report.findings);
    assert!(loaded.scenario.progression.is_none());
    // The team meeting writes the defaults out, so both read the same.
    let shipped = mestring::scenario::load_file(&repo().join("scenarios/team-meeting.ron")).unwrap();
    assert_eq!(Policy::of(&loaded.scenario), Policy::of(&shipped.scenario));
    assert_eq!(Policy::of(&loaded.scenario), Policy::default());
    // A misspelt field inside the block is not ignored.
    let (src, report) = broken("automatic: false", "automatik: false");
    assert_finding(&src, &report, "syntax", "automatik: false");
    assert!(report.findings[0].hint.as_deref().unwrap().contains("automatic"));
}

// ------------------------------------------------------------ hard cases

/// "line:column" of byte `offset`, as findings name places.
fn place(source: &str, offset: usize) -> String {
    let (line, column) = mestring::scenario::diagnostic::line_column(source, offset);
    format!("{line}:{column}")
}

/// The one finding of a report that has exactly one.
fn only_finding(report: &FileReport) -> &mestring::scenario::Finding {
    assert_eq!(report.findings.len(), 1, "{}", render_text(std::slice::from_ref(report), false));
    &report.findings[0]
}

#[test]
fn a_long_line_is_shown_cut_around_the_caret() {
    // A machine-written line: 60 comments, a wrong start, 60 more.
    let pad: Vec<String> = (0..60).map(|i| format!("/*{i:04}*/")).collect();
    let pad = pad.join(" ");
    let (src, report) = edited(&[
        ("start: \"welcome\",", ""),
        ("estimated_minutes: 6,", &format!("estimated_minutes: 6, {pad} start: \"nowhere\", {pad}")),
    ]);
    let f = only_finding(&report);
    let at = src.find("\"nowhere\"").unwrap();
    assert_eq!(format!("{}:{}", f.line, f.column), place(&src, at));
    let text = render_text(std::slice::from_ref(&report), false);
    let n = f.line;
    let expected = format!(
        "error[unknown-beat]: no beat has the id \"nowhere\"\n   ┌─ {}:{n}:{}\n   │\n\
         {n} │ …57*/ /*0058*/ /*0059*/ start: \"nowhere\", /*0000*/ /*0001*/ /*0002*/ /*0003*/ /*0004*/ /*0005*/ /*000…\n   \
         │                                ^^^^^^^^^ unknown beat\n   │\n",
        report.file.display(),
        f.column,
    );
    assert!(text.starts_with(&expected), "{text}\n--- expected the start to be ---\n{expected}");
    // Tools get the same window.
    let json = mestring::scenario::diagnostic::render_json(std::slice::from_ref(&report));
    assert!(
        json.contains("\"source_line\": \"…57*/ /*0058*/ /*0059*/ start: \\\"nowhere\\\", /*0000*/"),
        "{json}"
    );
}

#[test]
fn no_finding_prints_a_giant_line() {
    // 200 KB of brackets on one line, and a 200 KB id: every finding
    // stays short, its source line and its words both.
    let brackets = "[".repeat(200_000);
    let id = "x".repeat(200_000);
    for (from, to) in [
        ("start: \"welcome\",", format!("start: \"welcome\", {brackets}")),
        ("start: \"welcome\",", format!("start: \"{id}\",")),
        ("estimated_minutes: 6,", format!("{id}: 6,")),
    ] {
        let (_, report) = edited(&[(from, &to)]);
        assert!(report.errors() > 0);
        let text = render_text(std::slice::from_ref(&report), false);
        let longest = text.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(longest < 400, "a line of {longest} characters:\n{}", &text[..text.len().min(3000)]);
        let json = mestring::scenario::diagnostic::render_json(std::slice::from_ref(&report));
        assert!(json.len() < 10_000, "JSON of {} bytes", json.len());
    }
    // The bracket one says where they open, once.
    let (src, report) = edited(&[("start: \"welcome\",", &format!("start: \"welcome\", {brackets}"))]);
    let f = only_finding(&report);
    let first = src.find("[[").unwrap();
    assert_eq!(f.code, "unclosed-bracket");
    assert_eq!(f.message, format!("this `[` opened at {} is never closed", place(&src, first)));
    let closer = src.rfind(')').unwrap();
    assert_eq!(
        f.hint.as_deref().unwrap(),
        format!(
            "write `]` where its value ends, before the `)` at {}; these after it are not closed either: \
             `[` at {}, `[` at {}, `[` at {}, 199996 more",
            place(&src, closer),
            place(&src, first + 1),
            place(&src, first + 2),
            place(&src, first + 3),
        )
    );
}

#[test]
fn an_unclosed_brace_is_reported_where_it_opens() {
    // Ola's text loses its closing }; the ( in the text itself does not count.
    let (src, report) = broken(
        "\"en\": \"Fair enough. The figures first would help, yes.\",\n        }, next: \"aisha-support\"),",
        "\"en\": \"Fair enough :( The figures first would help, yes.\",\n        next: \"aisha-support\"),",
    );
    let f = only_finding(&report);
    let open = src.find("Say(id: \"ola-accepts\"").unwrap()
        + src[src.find("Say(id: \"ola-accepts\"").unwrap()..].find('{').unwrap();
    let close = src.find("next: \"aisha-support\"),").unwrap() + "next: \"aisha-support\"".len();
    assert_eq!(f.code, "unclosed-bracket");
    assert_eq!(f.message, format!("this `{{` opened at {} is never closed", place(&src, open)));
    assert_eq!(f.label, "never closed");
    assert_eq!(
        f.hint.as_deref(),
        Some(format!("write `}}` where its value ends, before the `)` at {}", place(&src, close)).as_str())
    );
    assert_eq!(format!("{}:{}", f.line, f.column), place(&src, open));
}

#[test]
fn a_file_that_stops_short_names_the_innermost_open_bracket() {
    let source = team_meeting_source();
    let cut = source.find("        Say(id: \"ola-accepts\"").unwrap();
    let source = &source[..cut];
    let report = load_bytes(&repo().join("scenarios/broken.ron"), source.as_bytes()).unwrap_err();
    let f = only_finding(&report);
    let beats = source.find("beats: [").unwrap() + "beats: ".len();
    let top = source.find("Scenario(").unwrap() + "Scenario".len();
    assert_eq!(f.message, format!("this `[` opened at {} is never closed", place(source, beats)));
    assert_eq!(
        f.hint.as_deref(),
        Some(
            format!(
                "write `]` where its value ends; the file ends first, with the brackets around it open too: `(` at {}",
                place(source, top)
            )
            .as_str()
        )
    );
}

#[test]
fn a_fraction_where_a_whole_number_belongs_is_said_to_be_the_number() {
    let (src, report) =
        broken(POLICY, "step_up: (peak_suds_at_most: 40.5, self_efficacy_at_least: 70, runs: 2),");
    let f = only_finding(&report);
    assert_eq!(f.code, "syntax");
    assert_eq!(f.message, "peak_suds_at_most must be a whole number, not 40.5");
    assert_eq!(f.label, "not a whole number");
    assert_eq!(
        f.hint.as_deref(),
        Some("peak_suds_at_most counts in whole steps; write 40 or 41, without a decimal point")
    );
    assert_eq!(format!("{}:{}", f.line, f.column), place(&src, src.find("40.5").unwrap()));
    assert_eq!(f.span.len(), "40.5".len());
    // Below zero, where only 0 and up fit.
    let (_, report) =
        broken(POLICY, "step_up: (peak_suds_at_most: 40, self_efficacy_at_least: 70, runs: -2),");
    let f = only_finding(&report);
    assert_eq!((f.message.as_str(), f.label.as_str()), ("runs cannot be negative, but is -2", "below zero"));
    assert_eq!(f.hint.as_deref(), Some("write a whole number from 0 up"));
}

#[test]
fn a_level_with_nobody_present_is_one_finding() {
    let (src, report) = broken("present: [\"kari\", \"aisha\"],", "present: [],");
    let f = only_finding(&report);
    assert_eq!(f.message, "nobody is present at level 1");
    assert_eq!(
        f.hint.as_deref(),
        Some(
            "list the ids of the characters in the room at this level; until then every line, cue and \
             behaviour change by a character is left out there, which is not reported one by one"
        )
    );
    assert_eq!(f.line, line_of(&src, "present: [],"));
}

#[test]
fn a_renamed_character_is_one_finding_with_every_place() {
    let (src, report) = broken("id: \"kari\", name: \"Kari\"", "id: \"karin\", name: \"Kari\"");
    let f = only_finding(&report);
    assert_eq!(f.code, "unknown-character");
    assert_eq!(f.message, "no character has the id \"kari\"");
    let uses: Vec<usize> = src.match_indices("\"kari\"").map(|(at, _)| at).collect();
    assert_eq!(format!("{}:{}", f.line, f.column), place(&src, uses[0]));
    let others: Vec<String> = f.also_at.iter().map(|p| format!("{}:{}", p.line, p.column)).collect();
    let expected: Vec<String> = uses[1..].iter().map(|&at| place(&src, at)).collect();
    assert_eq!(others, expected);
    let text = render_text(std::slice::from_ref(&report), false);
    let note = format!("= also at {} and {} more places", expected[..8].join(", "), expected.len() - 8);
    assert!(text.contains(&note), "{text}\nlacks {note}");
    let json = mestring::scenario::diagnostic::render_json(std::slice::from_ref(&report));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["findings"][0]["also_at"].as_array().map(Vec::len), Some(expected.len()));
}

#[test]
fn a_wrong_start_cuts_off_the_flow_in_one_finding() {
    let (src, report) = broken("start: \"welcome\",", "start: \"end\",");
    let f = only_finding(&report);
    let beats = load_bytes(&repo().join("scenarios/team-meeting.ron"), team_meeting_source().as_bytes())
        .unwrap()
        .scenario
        .beats
        .len();
    // Every beat but the end is cut off, all of them after "welcome".
    assert_eq!(
        f.message,
        format!("beat \"welcome\" can never be reached, nor can the {} beats it leads to", beats - 2)
    );
    assert_eq!(f.line, line_of(&src, "Say(id: \"welcome\""));
}

#[test]
fn two_broken_top_level_fields_are_both_reported() {
    let (src, report) = edited(&[
        ("estimated_minutes: 6,", "estimated_minutes: 6.5,"),
        ("role: Manager,", "role: \"Manager\","),
    ]);
    let found: Vec<(String, &str, &str)> = report
        .findings
        .iter()
        .map(|f| (format!("{}:{}", f.line, f.column), f.code, f.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                place(&src, src.find("6.5").unwrap()),
                "syntax",
                "estimated_minutes must be a whole number, not 6.5"
            ),
            (place(&src, src.find("\"Manager\"").unwrap()), "syntax", "Expected identifier"),
        ]
    );
    // A misspelt field, and a bracket left open in another.
    let (src, report) =
        edited(&[("estimated_minutes: 6,", "estimated_minute: 6,"), ("gaze: 0.7)}", "gaze: 0.7}")]);
    let messages: Vec<&str> = report.findings.iter().map(|f| f.message.as_str()).collect();
    let open = src.find("(attitude: Critical, gaze: 0.7}").unwrap();
    assert_eq!(messages.len(), 2, "{}", render_text(std::slice::from_ref(&report), false));
    assert!(
        messages[0].starts_with("Unexpected field named `estimated_minute` in `Scenario`"),
        "{}",
        messages[0]
    );
    assert_eq!(messages[1], format!("this `(` opened at {} is never closed", place(&src, open)));
}

// ------------------------------------------------ someone not in the room

/// The team meeting with Aisha on the phone instead of at the table.
pub(crate) fn aisha_on_the_phone() -> String {
    let source = team_meeting_source();
    let seat = r#"id: "aisha", name: "Aisha", role: Colleague, seat: "left-near","#;
    assert!(source.contains(seat), "test is stale: Aisha's seat moved");
    source.replacen(seat, r#"id: "aisha", name: "Aisha", role: Colleague, remote: Some(Phone),"#, 1)
}

#[test]
fn a_character_on_the_phone_needs_no_seat_and_speaks_from_the_phone() {
    let source = aisha_on_the_phone();
    let loaded = load_bytes(&repo().join("scenarios/phone.ron"), source.as_bytes())
        .unwrap_or_else(|r| panic!("{}", render_text(&[r], false)));
    let s = &loaded.scenario;
    let aisha = s.cast.iter().position(|c| c.id == "aisha").unwrap();
    let stage = mestring::sound::SoundStage::new(s);
    let voice = stage.place(mestring::scenario::StressCue::Sigh, Some(aisha), 1);
    let phone = stage.place(mestring::scenario::StressCue::PhoneRinging, None, 1);
    assert_eq!(voice, phone, "Aisha's voice comes from the phone on the table");
}

#[test]
fn a_character_on_the_phone_with_a_seat_or_nothing_to_speak_from_is_an_error() {
    let (source, report) = broken(
        r#"id: "aisha", name: "Aisha", role: Colleague, seat: "left-near","#,
        r#"id: "aisha", name: "Aisha", role: Colleague, seat: "left-near", remote: Some(Phone),"#,
    );
    assert_finding(&source, &report, "remote-with-seat", r#"remote: Some(Phone)"#);
    let f = report.findings.iter().find(|f| f.code == "remote-with-seat").unwrap();
    assert_eq!(f.message, "Aisha is not in the room, yet sits in seat \"left-near\"");

    // On video, in a room without a laptop or a screen.
    let source = aisha_on_the_phone().replacen("remote: Some(Phone)", "remote: Some(Video)", 1);
    let source: String = source
        .lines()
        .filter(|l| !l.contains("kind: Screen") && !l.contains("kind: Laptop"))
        .map(|l| format!("{l}\n"))
        .collect();
    let report = load_bytes(&repo().join("scenarios/broken.ron"), source.as_bytes()).expect_err("no screen");
    let f = report.findings.iter().find(|f| f.code == "remote-without-prop").expect("remote-without-prop");
    assert_eq!(f.message, "Aisha's voice has nothing in the room to come from");
    assert!(f.hint.as_deref().is_some_and(|h| h.contains("a Laptop or a Screen")), "{f:#?}");

    // Neither a seat nor a phone.
    let (_, report) = broken(r#"role: Colleague, seat: "left-near","#, "role: Colleague,");
    let f = report.findings.iter().find(|f| f.code == "missing-seat").expect("missing-seat");
    assert_eq!(f.message, "Aisha has no seat");
}

#[test]
fn a_reviewed_outcome_without_a_past_tense_question_is_a_warning() {
    let review = "}, review: {\n            \"nb\": \"Kritiserte noen deg foran de andre?\",\n            \"en\": \"Did someone criticise you in front of the others?\",\n        }, happens";
    let (src, report) = edited(&[(review, "}, happens")]);
    assert_eq!(report.errors(), 0, "{:#?}", report.findings);
    let message =
        assert_warning(&src, &report, "no-review-question", "(rating: ExpectancyReview(\"criticised\")");
    assert_eq!(message, "the feared outcome \"criticised\" is reviewed, but has no review question");
}

#[test]
fn the_review_is_asked_in_the_authors_past_tense_words_with_nothing_chosen() {
    use mestring::prompts::rating_prompt;
    use mestring::scenario::RatingKind;
    let scenario =
        mestring::scenario::load_file(&repo().join("scenarios/team-meeting.ron")).unwrap().scenario;
    let kind = RatingKind::ExpectancyReview("criticised".into());
    assert_eq!(
        rating_prompt(&scenario, &kind, "nb").question,
        "Kritiserte noen deg foran de andre? Og hvor sannsynlig tror du nå at det skjer en annen gang?"
    );
    assert_eq!(
        rating_prompt(&scenario, &kind, "en").question,
        "Did someone criticise you in front of the others? And how likely do you now think it is to happen another time?"
    );
    // Nothing is answered for the participant: neither whether it
    // happened nor how likely it is now.
    assert_eq!(mestring::session::scale::starting_answer(&kind), (None, None));
    assert_eq!(mestring::session::scale::answer(&kind, Some(50), None), None);
    assert_eq!(mestring::session::scale::answer(&kind, None, Some(false)), None);
}

#[test]
fn a_feared_outcome_the_script_makes_certain_where_it_is_asked_is_a_warning() {
    let (src, report) = edited(&[(
        "(levels: (4, 4), chance: Some(0.6), next: \"ola-remark\"),",
        "(levels: (4, 4), next: \"ola-remark\"),",
    )]);
    assert_eq!(report.errors(), 0, "{:#?}", report.findings);
    let message = assert_warning(&src, &report, "certain-outcome", "happens: [Reached(\"ola-remark\")]");
    assert_eq!(
        message,
        "\"criticised\" is certain to happen at level(s) [4], where its likelihood is asked: every way \
         through the flow there passes a sign of it"
    );
}

#[test]
fn a_feared_outcome_that_cannot_happen_where_it_is_asked_is_a_warning() {
    let (src, report) = edited(&[(
        "(rating: Expectancy(\"criticised\"), when: AtStart, levels: Some((2, 5))),",
        "(rating: Expectancy(\"criticised\"), when: AtStart),",
    )]);
    assert_eq!(report.errors(), 0, "{:#?}", report.findings);
    let message = assert_warning(&src, &report, "impossible-outcome", "happens: [Reached(\"ola-remark\")]");
    assert_eq!(
        message,
        "\"criticised\" can never happen at level(s) [1], where its likelihood is asked: no way through \
         the flow there passes a sign of it"
    );
}

#[test]
fn an_asked_outcome_without_signs_is_a_warning_and_a_sign_must_name_a_beat() {
    let (src, report) = edited(&[(", happens: [Reached(\"ola-remark\")]", "")]);
    let message = assert_warning(&src, &report, "unsigned-outcome", "(id: \"criticised\"");
    assert_eq!(message, "\"criticised\" is asked about, but nothing in the flow is named as a sign of it");
    let (src, report) =
        edited(&[("happens: [Reached(\"ola-remark\")]", "happens: [Reached(\"ola-remarks\")]")]);
    assert_finding(&src, &report, "unknown-beat", "Reached(\"ola-remarks\")");
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.hint.as_deref().is_some_and(|h| h.contains("did you mean \"ola-remark\""))),
        "{:#?}",
        report.findings
    );
}

#[test]
fn a_chance_and_an_asks_levels_must_be_in_range() {
    let (src, report) = edited(&[("chance: Some(0.6)", "chance: Some(1.5)")]);
    assert_finding(&src, &report, "out-of-range", "chance: Some(1.5)");
    let (src, report) = edited(&[(
        "(rating: Expectancy(\"criticised\"), when: AtStart, levels: Some((2, 5))),",
        "(rating: Expectancy(\"criticised\"), when: AtStart, levels: Some((2, 7))),",
    )]);
    assert_finding(&src, &report, "out-of-range", "levels: Some((2, 7))");
}

#[test]
fn a_statement_rated_only_once_in_a_run_is_a_warning() {
    let (src, report) =
        edited(&[("(rating: SelfEfficacy(\"answer-criticism\"), when: AtStart, levels: Some((2, 5))),", "")]);
    assert_eq!(report.errors(), 0, "{:#?}", report.findings);
    let message = assert_warning(&src, &report, "rated-once", "(id: \"answer-criticism\"");
    assert_eq!(
        message,
        "\"answer-criticism\" is rated only once in a run at level(s) [2, 3, 4, 5]: a change shows only \
         between a rating before the run and one after"
    );
}

#[test]
fn a_statement_rated_where_its_skill_never_comes_up_is_a_warning() {
    // Asked at every level, but at level 1 nobody makes a remark to answer.
    let (src, report) = edited(&[
        (
            "(rating: SelfEfficacy(\"answer-criticism\"), when: AtStart, levels: Some((2, 5))),",
            "(rating: SelfEfficacy(\"answer-criticism\"), when: AtStart),",
        ),
        (
            "(rating: SelfEfficacy(\"answer-criticism\"), when: AtEnd, levels: Some((2, 5))),",
            "(rating: SelfEfficacy(\"answer-criticism\"), when: AtEnd),",
        ),
    ]);
    assert_eq!(report.errors(), 0, "{:#?}", report.findings);
    let message = assert_warning(&src, &report, "unpractised-statement", "(id: \"answer-criticism\"");
    assert_eq!(
        message,
        "\"answer-criticism\" is rated at level(s) [1], where the flow never reaches a beat in its practised_at"
    );
    let (src, report) = edited(&[("practised_at: [\"reply\"]", "practised_at: [\"replay\"]")]);
    assert_finding(&src, &report, "unknown-beat", "practised_at: [\"replay\"]");
}
