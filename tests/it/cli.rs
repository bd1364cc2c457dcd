//! The command line as authors and clinicians use it: exit codes, messages
//! on stderr, files written.

use std::process::{Command, Output};

use crate::{repo, team_meeting_source};

fn mestring(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mestring")).args(args).current_dir(repo()).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn check_passes_the_shipped_scenarios() {
    let o = mestring(&["check", "scenarios/"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("0 errors"), "{}", stderr(&o));
}

#[test]
fn check_reports_every_file_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        team_meeting_source().replacen(
            "next: \"kari-close\", tags: [KeepsPrivate]",
            "next: \"nope\", tags: [KeepsPrivate]",
            1,
        ),
    )
    .unwrap();
    let garbage = dir.path().join("garbage.ron");
    std::fs::write(&garbage, [0xC3, 0x28, 0xFF]).unwrap();
    let o = mestring(&["check", "--color", "never", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("bad.ron:") && err.contains("unknown-beat"), "{err}");
    assert!(err.contains("garbage.ron:1:1") && err.contains("not-utf8"), "{err}");
    assert!(err.contains("2 errors"), "{err}");
}

#[test]
fn check_json_is_for_tools() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, team_meeting_source().replacen("gaze: 0.7)}", "gaze: 3.0)}", 1)).unwrap();
    let o = mestring(&["check", "--format", "json", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["errors"], 1);
    let f = &v["findings"][0];
    assert_eq!(f["code"], "out-of-range");
    assert_eq!(f["severity"], "error");
    assert!(f["line"].as_u64().unwrap() > 1);
    assert!(f["source_line"].as_str().unwrap().contains("gaze: 3.0"));
}

#[test]
fn check_of_a_missing_path_says_so() {
    let o = mestring(&["check", "no/such/file.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read no/such/file.ron"), "{}", stderr(&o));
}

#[test]
fn play_with_script_and_expect() {
    let dir = tempfile::tempdir().unwrap();
    let script = repo().join("tests/golden/team-meeting-assertive.script");
    let blessed = repo().join("tests/golden/team-meeting-assertive.transcript");
    let out = dir.path().join("run.transcript");
    // The golden's own seed: it decides the chance routes the script follows.
    let seed = crate::golden::directive(&std::fs::read_to_string(&script).unwrap(), &script).3;
    let args = |expect: &str| {
        vec![
            "play".to_string(),
            "team-meeting".into(),
            "--level".into(),
            "3".into(),
            "--seed".into(),
            seed.to_string(),
            "--lang".into(),
            "en".into(),
            "--script".into(),
            script.to_str().unwrap().into(),
            "--quiet".into(),
            "--transcript".into(),
            out.to_str().unwrap().into(),
            "--expect".into(),
            expect.into(),
        ]
    };
    let run = |expect: &str| {
        let a = args(expect);
        mestring(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let o = run(blessed.to_str().unwrap());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), std::fs::read_to_string(&blessed).unwrap());

    // A transcript that differs is caught, with the first differing line.
    let tampered = dir.path().join("tampered.transcript");
    let text = std::fs::read_to_string(&blessed).unwrap().replacen("rated suds 40", "rated suds 45", 1);
    std::fs::write(&tampered, text).unwrap();
    let o = run(tampered.to_str().unwrap());
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("differs") && err.contains("expected:") && err.contains("rated suds 45"), "{err}");
}

#[test]
fn play_refuses_bad_arguments_plainly() {
    let o = mestring(&["play", "team-meeting", "--level", "9", "--script", "/dev/null", "--quiet"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("level 9 does not exist"), "{}", stderr(&o));

    let o = mestring(&["play", "team-meeting", "--lang", "de", "--script", "/dev/null"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not written in \"de\""), "{}", stderr(&o));

    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("s.script");
    std::fs::write(&script, "rate 40\ndance wildly\n").unwrap();
    let o = mestring(&["play", "team-meeting", "--script", script.to_str().unwrap(), "--quiet"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("script line 2: unknown action \"dance\""), "{}", stderr(&o));
}

#[test]
fn interactive_play_reads_answers_and_q_stops() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.transcript");
    let mut child = Command::new(env!("CARGO_BIN_EXE_mestring"))
        .args([
            "play",
            "team-meeting",
            "--lang",
            "en",
            "--speed",
            "50",
            "--transcript",
            out.to_str().unwrap(),
        ])
        .current_dir(repo())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Answer the three start ratings, then stop.
    for line in ["30", "60", "50", "q"] {
        writeln!(stdin, "{line}").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    // The stop leads into the calm phase (a minute, 1.2 s at this speed);
    // then the last SUDS is asked. Answer until it has been taken (an
    // answer typed before the question comes is only turned away).
    let waiting = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() && waiting.elapsed() < std::time::Duration::from_secs(60) {
        let _ = writeln!(stdin, "20");
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(shown.contains("How distressed are you right now?"), "{shown}");
    assert!(shown.contains("The session is over. Stay seated"), "{shown}");
    let t = std::fs::read_to_string(&out).unwrap();
    assert!(t.contains("rated suds 30"), "{t}");
    assert!(t.contains("recovery 01:00.000 after stopped by participant"), "{t}");
    assert!(t.contains("rated suds 20"), "the last SUDS was not taken: {t}");
    assert!(t.contains("ended stopped by participant"), "{t}");
}

#[test]
fn a_killed_play_keeps_its_transcript_up_to_the_kill_and_only_the_owner_reads_it() {
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("private/t.transcript");
    let mut child = Command::new(env!("CARGO_BIN_EXE_mestring"))
        .args(["play", "team-meeting", "--lang", "en", "--transcript", out.to_str().unwrap()])
        .current_dir(repo())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "35").unwrap();
    writeln!(stdin, "60").unwrap();
    // Wait until the second rating is on disk, then kill without warning.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !std::fs::read_to_string(&out).unwrap_or_default().contains("rated self-efficacy:give-update 60") {
        assert!(std::time::Instant::now() < deadline, "the ratings never reached the file");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let t = std::fs::read_to_string(&out).unwrap();
    assert!(t.starts_with("# mestring transcript v1"), "{t}");
    assert!(t.contains("rated suds 35"), "{t}");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out), 0o600);
    assert_eq!(mode(out.parent().unwrap()), 0o700);
}

#[test]
fn expecting_the_file_being_written_still_compares_against_its_old_contents() {
    let dir = tempfile::tempdir().unwrap();
    let same = dir.path().join("same.transcript");
    std::fs::write(&same, "# mestring transcript v1\n# something else entirely\n").unwrap();
    let script = repo().join("tests/golden/team-meeting-assertive.script");
    let o = mestring(&[
        "play",
        "team-meeting",
        "--level",
        "3",
        "--lang",
        "en",
        "--quiet",
        "--script",
        script.to_str().unwrap(),
        "--transcript",
        same.to_str().unwrap(),
        "--expect",
        same.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("differs"), "{}", stderr(&o));
}

#[test]
fn render_reference_writes_a_voice_at_the_reference_loudness() {
    use mestring::sound::calibration::REFERENCE_LUFS;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reference.wav");
    let o = mestring(&["render-reference", "--seconds", "12", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("-23.0 LUFS") || stderr(&o).contains("−23.0 LUFS"), "{}", stderr(&o));
    let wav = mestring::sound::read_wav(&out).unwrap();
    let lufs = mestring::sound::measure::integrated_lufs(&wav).unwrap();
    assert!((lufs - REFERENCE_LUFS).abs() < 0.2, "{lufs} LUFS in the file");
    let o = mestring(&["render-reference", "--seconds", "0", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

#[test]
fn render_audio_writes_the_same_wav_for_the_same_seed_and_refuses_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let render = |seed: &str, name: &str| {
        let path = dir.path().join(name);
        let o = mestring(&[
            "render-audio",
            "upset-customer",
            "--level",
            "5",
            "--seconds",
            "8",
            "--seed",
            seed,
            path.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stderr(&o).contains("8 s of upset-customer at level 5"), "{}", stderr(&o));
        std::fs::read(path).unwrap()
    };
    let a = render("7", "a.wav");
    assert_eq!(a, render("7", "b.wav"), "the same seed must give the same file");
    assert_ne!(a, render("8", "c.wav"), "another seed must give other sounds");
    let wav = mestring::sound::read_wav(&dir.path().join("a.wav")).unwrap();
    assert_eq!(wav.sample_rate, 48_000);
    assert!((wav.seconds() - 8.0).abs() < 0.01, "{} s", wav.seconds());

    let out = dir.path().join("x.wav");
    let o = mestring(&["render-audio", "upset-customer", "--level", "9", out.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("level 9 does not exist"), "{}", stderr(&o));
    let o = mestring(&["render-audio", "upset-customer", "--seconds=-2", out.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("give a length from 0 to"), "{}", stderr(&o));
    assert!(!out.exists(), "nothing is written for bad input");
}

#[test]
fn render_audio_every_level_writes_one_wav_a_level_and_lists_their_loudness() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("levels");
    let o = mestring(&[
        "render-audio",
        "team-meeting",
        "--every-level",
        "--seconds",
        "30",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let table = String::from_utf8_lossy(&o.stdout).into_owned();
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("Loudness of team-meeting, 30 s per level (seed 1)"), "{table}");
    assert_eq!(lines.len(), 6, "a heading and a row for each of the 5 levels: {table}");
    // Each row's loudness is the file's, measured again from the WAV.
    let mut measured = Vec::new();
    for (level, row) in (1..=5).zip(&lines[1..]) {
        let path = out.join(format!("team-meeting-level-{level}.wav"));
        assert!(
            row.starts_with(&format!("level {level}: ")) && row.ends_with(path.to_str().unwrap()),
            "{row}"
        );
        let wav = mestring::sound::read_wav(&path).unwrap();
        let lufs = mestring::sound::measure::integrated_lufs(&wav).unwrap();
        let shown: f64 = row["level 1: ".len()..].split(" LUFS").next().unwrap().parse().unwrap();
        assert!((shown - lufs).abs() < 0.06, "{row}: the file reads {lufs:.2}");
        measured.push(lufs);
    }
    assert!(lines[1].contains("(0.0 LU against level 1)"), "{}", lines[1]);
    assert!(measured[4] > measured[0], "{measured:?}");
    assert!(stderr(&o).contains("rendering level 5 of 5"), "progress is shown: {}", stderr(&o));
    // A level and every level cannot both be asked for.
    let o =
        mestring(&["render-audio", "team-meeting", "--every-level", "--level", "2", out.to_str().unwrap()]);
    assert!(!o.status.success());
}

#[test]
fn propose_reads_the_recorded_runs_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let with_data = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_mestring"))
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .current_dir(repo())
            .output()
            .unwrap()
    };
    assert!(with_data(&["participants", "add", "P410"]).status.success());
    // No runs yet: a plain refusal would be wrong; a first run starts low.
    let o = with_data(&["propose", "--participant", "P999", "team-meeting"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("P999"), "{}", stderr(&o));
    // Two completed runs at level 1, calm throughout, whose self-efficacy
    // (60) stays under the meeting's step-up threshold (70): stay.
    let script = dir.path().join("level-1.script");
    std::fs::write(
        &script,
        "rate 30\nrate 50\nafter 3 choose 1\nafter 3 choose 1\nrate 30\nrate 60\nrate 20\n",
    )
    .unwrap();
    for _ in 0..2 {
        let o = with_data(&[
            "play",
            "team-meeting",
            "--level",
            "1",
            "--participant",
            "P410",
            "--script",
            script.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let o = with_data(&["propose", "--participant", "P410", "team-meeting"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("stay at level 1"), "{out}");
    assert!(out.contains("70"), "the reason names the threshold: {out}");
}

#[cfg(feature = "shell")]
#[test]
fn run_refuses_a_level_the_scenario_lacks_without_opening_a_window() {
    let o = Command::new(env!("CARGO_BIN_EXE_mestring"))
        .args(["run", "team-meeting", "--level", "8"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("level 8 does not exist"));
}

/// The command line's own words follow $MESTRING_LANG, over the locale;
/// without it, the locale's (LC_ALL, LC_MESSAGES, LANG); else English.
#[test]
fn the_command_line_speaks_bokmal_or_english_as_asked() {
    let dir = tempfile::tempdir().unwrap();
    let run = |data: &str, env: &[(&str, &str)], args: &[&str]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_mestring"));
        for name in ["MESTRING_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            c.env_remove(name);
        }
        c.envs(env.iter().copied())
            .arg("--data-dir")
            .arg(dir.path().join(data))
            .args(args)
            .current_dir(repo())
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
    };
    let stdout = |o: &Output| String::from_utf8_lossy(&o.stdout).into_owned();

    // Bokmål, though the locale says English.
    let nb = |args: &[&str]| run("nb", &[("MESTRING_LANG", "nb"), ("LANG", "en_GB.UTF-8")], args);
    let o = nb(&["sessions"]);
    assert!(o.status.success());
    assert_eq!(stderr(&o), "ingen økter er registrert ennå\n");
    let o = nb(&["participants", "list"]);
    assert!(stderr(&o).starts_with("ingen deltakere ennå; legg til en med:"), "{}", stderr(&o));
    let o = nb(&["participants", "add", "kari@example.no"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "feil: «kari@example.no» ser ut som en e-postadresse; bruk en pseudonymisert kode som P017\n"
    );
    let o = nb(&["participants", "add", "p017"]);
    assert_eq!(stdout(&o), "la til deltakeren P017\n");
    let o = nb(&["participants", "add", "P017"]);
    assert_eq!(stderr(&o), "feil: det finnes allerede en deltaker med koden P017\n");
    let o = nb(&["participants", "list"]);
    let table = stdout(&o);
    assert!(table.starts_with("kode") && table.contains("økter") && table.contains("P017"), "{table}");
    let o = nb(&["debrief", "--session", "nosuch"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("feil: det finnes ingen økt med ID-en nosuch"), "{}", stderr(&o));
    let o = nb(&["rtw-se", "add", "P017", "4,5,3"]);
    assert!(stderr(&o).contains("spørreskjemaet har 11 spørsmål; det ble gitt 3 svar"), "{}", stderr(&o));
    let o = nb(&["participants", "remove", "P071"]);
    assert_eq!(stderr(&o), "feil: det finnes ingen deltaker med koden P071; nærmest: P017\n");
    let o = nb(&["play", "team-meeting", "--level", "9"]);
    assert!(stderr(&o).contains("feil: nivå 9 finnes ikke"), "{}", stderr(&o));

    // English when asked, though the locale says bokmål.
    let en = |args: &[&str]| run("en", &[("MESTRING_LANG", "en"), ("LC_ALL", "nb_NO.UTF-8")], args);
    let o = en(&["sessions"]);
    assert_eq!(stderr(&o), "no sessions recorded yet\n");
    let o = en(&["participants", "list"]);
    assert!(stderr(&o).starts_with("no participants yet; add one with:"), "{}", stderr(&o));
    let o = en(&["participants", "add", "kari@example.no"]);
    assert_eq!(
        stderr(&o),
        "error: \"kari@example.no\" looks like an e-mail address; use a pseudonymous code such as P017\n"
    );
    let o = en(&["participants", "add", "P017"]);
    assert_eq!(stdout(&o), "added participant P017\n");
    let o = en(&["participants", "list"]);
    let table = stdout(&o);
    assert!(table.starts_with("code") && table.contains("sessions") && table.contains("P017"), "{table}");
    let o = en(&["debrief", "--session", "nosuch"]);
    assert!(stderr(&o).starts_with("error: there is no session with the id nosuch"), "{}", stderr(&o));
    let o = en(&["rtw-se", "add", "P017", "4,5,3"]);
    assert!(stderr(&o).contains("the questionnaire has 11 items; 3 answers were given"), "{}", stderr(&o));

    // No MESTRING_LANG: the locale decides, LC_ALL before LANG; none, English.
    let o = run("en", &[("LANG", "nb_NO.UTF-8")], &["sessions"]);
    assert_eq!(stderr(&o), "ingen økter er registrert ennå\n");
    let o = run("en", &[("LANG", "nb_NO.UTF-8"), ("LC_ALL", "C")], &["sessions"]);
    assert_eq!(stderr(&o), "no sessions recorded yet\n");
    let o = run("en", &[], &["sessions"]);
    assert_eq!(stderr(&o), "no sessions recorded yet\n");
}

#[test]
fn a_participants_language_is_stored_with_them_and_their_runs_are_in_it() {
    let data = tempfile::tempdir().unwrap();
    let on = |args: &[&str]| crate::mestring_on(data.path(), args);
    assert!(on(&["participants", "add", "P017", "--lang", "en"]).status.success());
    assert!(on(&["participants", "add", "P018"]).status.success());
    let list = String::from_utf8_lossy(&on(&["participants", "list"]).stdout).into_owned();
    let row = |code: &str| list.lines().find(|l| l.starts_with(code)).unwrap_or_default().to_string();
    assert!(row("P017").ends_with("English"), "{list}");
    assert!(row("P018").ends_with('-'), "{list}");

    // The team meeting is written in nb first: P017's run is in English
    // all the same, P018's in the scenario's first language.
    let script = repo().join("tests/golden/team-meeting-assertive.script");
    let header = |code: &str| {
        let t = data.path().join(format!("{code}.transcript"));
        let o = on(&[
            "play",
            "team-meeting",
            "--participant",
            code,
            "--quiet",
            "--script",
            script.to_str().unwrap(),
            "--transcript",
            t.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        std::fs::read_to_string(t).unwrap().lines().nth(1).unwrap().to_string()
    };
    assert!(header("P017").ends_with("lang en"), "{}", header("P017"));
    assert!(header("P018").ends_with("lang nb"));

    // A change of language holds for the next run; an unknown one is refused.
    assert!(on(&["participants", "lang", "P017", "nb"]).status.success());
    assert!(header("P017").ends_with("lang nb"));
    let o = on(&["participants", "lang", "P017", "sv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not \"sv\""), "{}", stderr(&o));
}

#[test]
fn the_return_to_work_expectation_is_stored_listed_in_the_participants_language_and_shown_in_the_overview() {
    let data = tempfile::tempdir().unwrap();
    let on = |args: &[&str]| crate::mestring_on(data.path(), args);
    assert!(on(&["participants", "add", "P020", "--lang", "nb"]).status.success());
    let o = on(&["rtw-expect", "add", "p020", "2-months"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(
            "\"2-months\" is not one of the answers: back, under-1-month, 1-3-months, 3-6-months, \
             over-6-months, not-back, dont-know"
        ),
        "{}",
        stderr(&o)
    );
    let o = on(&["rtw-expect", "list", "P020"]);
    assert!(stderr(&o).contains("no return-to-work expectation stored for P020"), "{}", stderr(&o));
    for (answer, label) in [("3-6-months", "start of programme"), ("1-3-months", "end of programme")] {
        let o = on(&["rtw-expect", "add", "p020", answer, "--label", label]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    // The participant reads bokmål: the question and answers are theirs.
    let list = String::from_utf8_lossy(&on(&["rtw-expect", "list", "P020"]).stdout).into_owned();
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines[0], "Hvor lang tid tror du det tar før du er tilbake i jobb?");
    assert!(lines[1].contains("start of programme") && lines[1].ends_with("3 til 6 måneder"), "{list}");
    assert!(lines[2].contains("end of programme") && lines[2].ends_with("1 til 3 måneder"), "{list}");
    // The programme overview sets them out in order, by code and in words.
    let out = data.path().join("overview.html");
    let o = on(&["debrief", "--participant", "P020", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(&out).unwrap();
    let first = html.find("data-answer=\"3-6-months\"").expect("the first answer in the overview");
    let second = html.find("data-answer=\"1-3-months\"").expect("the second answer in the overview");
    assert!(first < second, "not in the order answered");
    assert!(html.contains("Forventet tid før du er tilbake i jobb") && html.contains("1 til 3 måneder"));
    // The JSON export carries them too, with an RTW-SE's item answers,
    // though the participant has no session yet.
    assert!(
        on(&["rtw-se", "add", "P020", "4,5,3,6,2,4,5,5,4,3,6", "--label", "start of programme"])
            .status
            .success()
    );
    let json = data.path().join("p020.json");
    let o = on(&["export", "--participant", "p020", "--format", "json", json.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let export: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let p = &export["participants"][0];
    assert_eq!(p["participant"], "P020");
    let answers: Vec<&str> =
        p["rtw_expectation"].as_array().unwrap().iter().map(|e| e["answer"].as_str().unwrap()).collect();
    assert_eq!(answers, ["3-6-months", "1-3-months"]);
    assert_eq!(p["rtw_expectation"][1]["label"], "end of programme");
    let se = &p["rtw_se"][0];
    assert_eq!(se["answers"], serde_json::json!([4, 5, 3, 6, 2, 4, 5, 5, 4, 3, 6]));
    assert!((se["mean"].as_f64().unwrap() - 47.0 / 11.0).abs() < 1e-9, "{se}");
    // Erasing the participant erases the answers with everything else.
    let o = on(&["participants", "remove", "P020", "--yes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!on(&["rtw-expect", "list", "P020"]).status.success());
}
