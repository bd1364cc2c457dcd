//! Project automation: `cargo xtask <command>`.
//!
//!   setup   install the Debian packages the build and tests need (only missing ones)
//!   demo    play the bundled team meeting from a script, then show it in a window
//!   test    setup, then the whole test suite (window tests under Xvfb), then the
//!           headset tests when an OpenXR runtime is named (MESTRING_TEST_XR_RUNTIME)
//!   lint    setup, format check, clippy with warnings denied, the core built without Bevy
//!   ci      lint, then test
//!   bless   re-record the golden transcripts after an intended change
//!   bench   run the criterion benchmarks of the scenario core
//!   screenshots  regenerate docs/screenshots/ and docs/levels.md from the current code
//!                (`screenshots debrief`, `calming` or `modelling`: only those pictures)
//!
//! Plain std on purpose: this must build in seconds on a fresh machine,
//! before anything else is installed.

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Debian packages: headers the build links against, and what the window
/// tests need to render without a display or GPU.
const PACKAGES: &[(&str, &str)] = &[
    ("pkg-config", "finds system libraries for the build"),
    ("libasound2-dev", "ALSA headers for sound output (rodio)"),
    ("libudev-dev", "udev headers for input devices"),
    ("libopenxr-dev", "the OpenXR loader under the name OpenXR apps load (libopenxr_loader.so)"),
    ("libvulkan1", "the Vulkan loader"),
    ("mesa-vulkan-drivers", "software Vulkan (llvmpipe) for window tests"),
    ("xvfb", "a virtual display for window tests"),
    ("xauth", "needed by xvfb-run"),
    ("xdotool", "moves and clicks the pointer in the mouse tests"),
    ("libxkbcommon-x11-0", "keyboard handling in X11 windows"),
    ("libx11-xcb1", "X11 windows"),
    ("libxcursor1", "X11 cursors"),
    ("libxi6", "X11 input"),
    ("libxrandr2", "X11 screen modes"),
    ("python3", "reads exported CSV in a test, as an analyst would"),
    ("pngquant", "quantises the screenshots in docs/ (cargo xtask screenshots), a fifth of their size"),
    ("vulkan-validationlayers", "Khronos's checks of every Vulkan call, in the headset tests"),
    ("libxcb-randr0", "needed by the simulated headset runtime (Monado) the headset tests use"),
    ("chromium", "headless browser: renders the debrief reports to PNG and PDF in the report tests"),
    ("poppler-utils", "pdfinfo and pdftotext read the reports' PDFs in the report tests"),
    ("fonts-dejavu-core", "the font the reports are set in, for the browser"),
];

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup(),
        Some("demo") => demo(),
        Some("test") => test(&args[1..]),
        Some("lint") => lint(),
        Some("ci") => lint().and_then(|()| test(&[])),
        Some("bless") => bless(),
        Some("bench") => bench(),
        Some("screenshots") if args.get(1).is_some_and(|a| a == "debrief") => {
            setup().and_then(|()| built_mestring()).and_then(|m| debrief_screenshots(&m))
        }
        Some("screenshots") if args.get(1).is_some_and(|a| a == "calming") => {
            setup().and_then(|()| built_mestring()).and_then(|m| calming_screenshots(&m))
        }
        Some("screenshots") if args.get(1).is_some_and(|a| a == "modelling") => {
            setup().and_then(|()| built_mestring()).and_then(|m| modelling_screenshots(&m))
        }
        Some("screenshots") if args.get(1).is_some_and(|a| a == "console") => {
            setup().and_then(|()| built_mestring()).and_then(|m| console_screenshots(&m))
        }
        Some("screenshots") => screenshots(),
        _ => {
            eprintln!(
                "usage: cargo xtask <setup | demo | test | lint | ci | bless | bench | screenshots [debrief | calming | modelling | console]>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root. Read at run time: cargo sets CARGO_MANIFEST_DIR
/// when it runs the alias, and a binary reused from a shared target folder
/// may have been built in another checkout, whose path the compile-time
/// value would name.
fn root() -> PathBuf {
    let manifest = env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    manifest.parent().unwrap_or(Path::new(".")).to_path_buf()
}

fn step(what: &str) {
    eprintln!("\n==> {what}");
}

/// Runs a command in the repository root; an error names the command.
fn run(program: &str, args: &[&str]) -> Result<(), String> {
    run_with(program, args, &[])
}

/// The same, with variables set (`Some`) or removed (`None`).
fn run_with(program: &str, args: &[&str], vars: &[(&str, Option<&std::ffi::OsStr>)]) -> Result<(), String> {
    let mut command = Command::new(program);
    for (name, value) in vars {
        match value {
            Some(value) => command.env(name, value),
            None => command.env_remove(name),
        };
    }
    let status = command
        .args(args)
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("`{program} {}` failed ({status})", args.join(" "))) }
}

fn cargo(args: &[&str]) -> Result<(), String> {
    run(&env::var("CARGO").unwrap_or_else(|_| "cargo".into()), args)
}

fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
}

fn setup() -> Result<(), String> {
    step("checking system packages");
    if Command::new("dpkg-query").arg("--version").output().is_err() {
        return Err("this is not a Debian-like system (no dpkg-query); install the equivalents of: "
            .to_string()
            + &PACKAGES.iter().map(|(p, _)| *p).collect::<Vec<_>>().join(" "));
    }
    let missing: Vec<&str> = PACKAGES.iter().map(|(p, _)| *p).filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        eprintln!("all {} packages are installed", PACKAGES.len());
        return Ok(());
    }
    for (p, why) in PACKAGES.iter().filter(|(p, _)| missing.contains(p)) {
        eprintln!("  missing: {p} ({why})");
    }
    let is_root = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0"));
    let sudo = !is_root && Command::new("sudo").args(["-n", "true"]).status().is_ok_and(|s| s.success());
    if !is_root && !sudo {
        return Err(format!(
            "installing packages needs root. Run as root, or:\n  sudo apt-get update && sudo apt-get install -y {}",
            missing.join(" ")
        ));
    }
    let apt = |args: &[&str]| -> Result<(), String> {
        let mut full: Vec<&str> = Vec::new();
        if sudo {
            full.push("apt-get");
        }
        full.extend_from_slice(args);
        let status = Command::new(if sudo { "sudo" } else { "apt-get" })
            .args(&full)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
            .map_err(|e| format!("cannot run apt-get: {e}"))?;
        if status.success() { Ok(()) } else { Err(format!("apt-get {} failed", args.join(" "))) }
    };
    apt(&["update", "-qq"])?;
    let mut install = vec!["install", "-y", "-qq", "--no-install-recommends"];
    install.extend(missing.iter().copied());
    apt(&install)?;
    eprintln!("installed {} package(s)", missing.len());
    Ok(())
}

/// Tests that open a window need a display: use the one there is, or a
/// virtual one.
fn under_display_with(args: &[&str], vars: &[(&str, Option<&std::ffi::OsStr>)]) -> Result<(), String> {
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    on_display(&cargo, args, vars)
}

/// Runs `program` on the display there is, or under Xvfb.
fn on_display(program: &str, args: &[&str], vars: &[(&str, Option<&std::ffi::OsStr>)]) -> Result<(), String> {
    if env::var_os("DISPLAY").is_some() {
        return run_with(program, args, vars);
    }
    let mut full = vec!["--auto-servernum", "--server-args=-screen 0 1280x800x24", program];
    full.extend_from_slice(args);
    run_with("xvfb-run", &full, vars)
}

/// The demo's meeting and its scripted participant, the same in the
/// terminal and in the window; the golden's own seed, so chance brings
/// the remark its script answers.
const DEMO_MEETING: &[&str] = &[
    "team-meeting",
    "--level",
    "3",
    "--seed",
    "2",
    "--lang",
    "en",
    "--script",
    "tests/golden/team-meeting-assertive.script",
];

/// Builds mestring as the test build does and returns the binary, so the
/// demo, the screenshots and the frame bench start at once after the
/// tests (and the tests after them). `cargo build` shares the same
/// compiled Bevy too: Cargo.toml names the features the test-only crates
/// would otherwise add.
fn built_mestring() -> Result<PathBuf, String> {
    step("building mestring (shared with the test build)");
    cargo(&["test", "--workspace", "--no-run", "--quiet"])?;
    let target = match env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => {
            let out = Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
                .args(["metadata", "--format-version", "1", "--no-deps"])
                .current_dir(root())
                .output()
                .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
            let meta = String::from_utf8_lossy(&out.stdout);
            let key = "\"target_directory\":\"";
            let start = meta.find(key).ok_or("cargo metadata names no target directory")? + key.len();
            let end = meta[start..].find('"').ok_or("cargo metadata is malformed")? + start;
            PathBuf::from(&meta[start..end])
        }
    };
    let target = if target.is_absolute() { target } else { root().join(target) };
    Ok(target.join("debug").join("mestring"))
}

/// Runs a program with a display: the one there is, or Xvfb.
fn with_display(program: &Path, args: &[&str]) -> Result<(), String> {
    with_display_env(program, args, &[("XR_RUNTIME_JSON", None)])
}

fn with_display_env(
    program: &Path,
    args: &[&str],
    vars: &[(&str, Option<&std::ffi::OsStr>)],
) -> Result<(), String> {
    on_display(program.to_str().ok_or("the binary's path is not UTF-8")?, args, vars)
}

fn demo() -> Result<(), String> {
    setup()?;
    let mestring = built_mestring()?;
    let bin = mestring.to_str().ok_or("the binary's path is not UTF-8")?;
    step("checking the bundled scenarios");
    run(bin, &["check", "scenarios/"])?;
    step("playing the team meeting at level 3 from a script (answers as a participant would)");
    let play: Vec<&str> = ["play"]
        .iter()
        .chain(DEMO_MEETING)
        .copied()
        .chain(["--transcript", "target/demo/team-meeting.transcript"])
        .collect();
    run(bin, &play)?;
    step("the level's soundscape, rendered to a file (this machine may have no sound card)");
    run(
        bin,
        &["render-audio", "team-meeting", "--level", "3", "--seconds", "20", "target/demo/team-meeting.wav"],
    )?;
    step(
        "the same meeting in a window, the same scripted participant (closes after 10 s; screenshot in target/demo/)",
    );
    let window: Vec<&str> = ["run"]
        .iter()
        .chain(DEMO_MEETING)
        .copied()
        .chain(["--exit-after", "10", "--screenshot", "target/demo/team-meeting.png"])
        .collect();
    with_display(&mestring, &window)?;
    eprintln!(
        "\ndemo done: transcript, sound and screenshot in target/demo/\n\
         play it yourself: cargo run -- play team-meeting --level 3 --lang en\n\
         in a window, with the clinician's console: cargo run -- run team-meeting --level 3 --console"
    );
    Ok(())
}

fn test(extra: &[String]) -> Result<(), String> {
    setup()?;
    // The tests read the command line's English unless they ask for a
    // language themselves: a developer's Norwegian locale must not fail
    // them. SAFETY: xtask is single-threaded here; nothing else reads the
    // environment while it is set.
    unsafe { env::set_var("MESTRING_LANG", "en") };
    let runtime = headset_runtime();
    step("running the test suite");
    let mut args = vec!["test", "--workspace", "--no-fail-fast"];
    args.extend(extra.iter().map(String::as_str));
    // Only the headset tests' own runs see the runtime: the window tests
    // check the desktop fallback.
    let suite = under_display_with(&args, &[("XR_RUNTIME_JSON", None)]);
    let headset = headset_tests(extra, runtime.as_deref());
    suite.and(headset)
}

/// The OpenXR runtime to test the headset path against: the manifest
/// `MESTRING_TEST_XR_RUNTIME` names, or the one a runtime's environment
/// names (`eval "$(../shared/openxr-sim/activate)"` sets it).
fn headset_runtime() -> Option<PathBuf> {
    env::var_os("MESTRING_TEST_XR_RUNTIME").or_else(|| env::var_os("XR_RUNTIME_JSON")).map(PathBuf::from)
}

/// The headset tests (tests/it/headset.rs), one at a time: each run uses
/// both cores. They mark each scenario that ran to its end, so a runtime
/// that was named but ran nothing fails here rather than passing quietly;
/// `MESTRING_REQUIRE_HEADSET_TESTS=1` (CI, where a simulated headset is at
/// hand) fails when none was named either.
fn headset_tests(extra: &[String], runtime: Option<&Path>) -> Result<(), String> {
    let required = env::var_os("MESTRING_REQUIRE_HEADSET_TESTS").is_some_and(|v| v == "1");
    if !extra.is_empty() && !extra.iter().any(|e| e.contains("headset")) {
        eprintln!("headset tests: not run (the suite was filtered)");
        return Ok(());
    }
    let Some(runtime) = runtime else {
        let why = "headset tests: not run: no OpenXR runtime named (set MESTRING_TEST_XR_RUNTIME=path/to/manifest.json, \
                   or eval \"$(../shared/openxr-sim/activate)\" for the simulated headset)";
        eprintln!("{why}");
        return if required {
            Err("the headset tests were required but no runtime was named".into())
        } else {
            Ok(())
        };
    };
    if !runtime.is_file() {
        return Err(format!("headset tests: the runtime manifest {} does not exist", runtime.display()));
    }
    step(&format!("headset tests against the OpenXR runtime {}", runtime.display()));
    let marks = env::temp_dir().join(format!("mestring-headset-tests-{}", std::process::id()));
    let _ = std::fs::remove_file(&marks);
    let result = under_display_with(
        &["test", "--test", "it", "headset::", "--", "--ignored", "--test-threads=1"],
        &[
            ("XR_RUNTIME_JSON", Some(runtime.as_os_str())),
            ("MESTRING_HEADSET_TESTS_RAN", Some(marks.as_os_str())),
        ],
    );
    let ran = std::fs::read_to_string(&marks).unwrap_or_default();
    let _ = std::fs::remove_file(&marks);
    let ran: Vec<&str> = ran.lines().collect();
    let shipped = shipped_scenarios()?.len();
    result?;
    if ran.len() < shipped {
        return Err(format!(
            "headset tests: {} of the {shipped} shipped scenarios ran in the headset ({})",
            ran.len(),
            ran.join(", ")
        ));
    }
    eprintln!("headset tests: {} scenarios ran to their end in the headset ({})", ran.len(), ran.join(", "));
    Ok(())
}

/// The ids of the shipped scenarios (`scenarios/*.ron`), sorted.
fn shipped_scenarios() -> Result<Vec<String>, String> {
    let mut ids: Vec<String> = std::fs::read_dir(root().join("scenarios"))
        .map_err(|e| format!("cannot list scenarios/: {e}"))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    ids.sort();
    Ok(ids)
}

fn lint() -> Result<(), String> {
    // clippy compiles the sound and input crates, which need the headers.
    setup()?;
    step("format check");
    cargo(&["fmt", "--all", "--check"])?;
    step("clippy, warnings denied");
    cargo(&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])?;
    step("the scenario core, its tests and benches build without Bevy");
    cargo(&["check", "--no-default-features", "--all-targets"])
}

fn bless() -> Result<(), String> {
    step("re-recording golden transcripts (review the diff before committing!)");
    let status = Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["test", "--no-default-features", "--test", "it", "golden"])
        .env("MESTRING_BLESS", "1")
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("blessing failed".into());
    }
    run("git", &["diff", "--stat", "--", "tests/golden"])
}

fn bench() -> Result<(), String> {
    step("benchmarks of the scenario core, recording and sound synthesis (release build, without Bevy)");
    cargo(&["bench", "--no-default-features", "--bench", "core", "--bench", "record", "--bench", "sound"])?;
    let mestring = built_mestring()?;
    step("frame cost at the meeting's top level, headless (the tests' dev build: an upper bound)");
    run(
        mestring.to_str().ok_or("the binary's path is not UTF-8")?,
        &["bench-frames", "team-meeting", "--minutes", "2"],
    )
}

/// How many levels a shipped scenario has, as `mestring run` says when
/// asked for one it lacks (it refuses before opening a window).
fn level_count(mestring: &Path, id: &str) -> Result<u8, String> {
    let out = Command::new(mestring)
        .args(["run", id, "--level", "255"])
        .current_dir(root())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", mestring.display()))?;
    let said = String::from_utf8_lossy(&out.stderr);
    said.split("levels 1 to ")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("cannot tell how many levels {id} has; mestring said: {said}"))
}

/// Screenshots of every shipped scenario at every level, a few seconds in,
/// after a scripted participant has answered the start ratings, and the
/// page in docs/ that shows them side by side.
fn screenshots() -> Result<(), String> {
    setup()?;
    let mestring = built_mestring()?;
    let out = root().join("docs/screenshots");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let script = out.join("start-ratings.script");
    // Enough answers for any start schedule; 50 fits every 0-100 scale.
    std::fs::write(&script, "after 0.4 rate 50\n".repeat(6))
        .map_err(|e| format!("cannot write {}: {e}", script.display()))?;
    let ids = shipped_scenarios()?;
    let levels: Vec<(String, u8)> =
        ids.iter().map(|id| level_count(&mestring, id).map(|n| (id.clone(), n))).collect::<Result<_, _>>()?;
    let total: usize = levels.iter().map(|(_, n)| usize::from(*n)).sum();
    let mut shots = 0;
    // What this run writes, and so quantises: a picture left as it was
    // must not lose colours to a second pass.
    let mut written: Vec<PathBuf> = Vec::new();
    let mut page = String::from(
        "# The shipped scenarios, level by level\n\n\
         Each picture is a desktop run a few seconds in, after the start ratings,\n\
         rendered in software (Mesa's llvmpipe) under Xvfb. What each level\n\
         changes is its `summary` in the scenario file (the clinician's console\n\
         shows it). Regenerate with `cargo xtask screenshots`; the pictures come\n\
         from the current code.\n",
    );
    for (id, count) in &levels {
        page.push_str(&format!("\n## `{id}`\n\n"));
        for level in 1..=*count {
            shots += 1;
            step(&format!("screenshot {shots} of {total}: {id} at level {level}"));
            let name = format!("{id}-level-{level}.png");
            let png = out.join(&name);
            let level = level.to_string();
            with_display(
                &mestring,
                &[
                    "run",
                    id,
                    "--level",
                    &level,
                    "--lang",
                    "en",
                    "--script",
                    script.to_str().unwrap_or_default(),
                    "--exit-after",
                    "7",
                    "--screenshot",
                    png.to_str().unwrap_or_default(),
                ],
            )?;
            written.push(png);
            page.push_str(&format!("Level {level}\n\n![{id}, level {level}](screenshots/{name})\n\n"));
        }
    }
    // The clinician's mirror in headset mode, where a runtime is named:
    // the participant's view with the card, and the console beside it.
    match headset_runtime() {
        Some(runtime) => {
            step("screenshot of the mirror window in headset mode");
            let png = out.join("headset-mirror.png");
            with_display_env(
                &mestring,
                &[
                    "run",
                    "team-meeting",
                    "--level",
                    "3",
                    "--lang",
                    "en",
                    "--script",
                    script.to_str().unwrap_or_default(),
                    "--exit-after",
                    "14",
                    "--screenshot",
                    png.to_str().unwrap_or_default(),
                ],
                &[("XR_RUNTIME_JSON", Some(runtime.as_os_str()))],
            )?;
            written.push(png);
        }
        None => eprintln!("no OpenXR runtime named: docs/screenshots/headset-mirror.png is left as it is"),
    }
    let _ = std::fs::remove_file(&script);
    // Every regeneration stays in git's history: 256 colours with
    // dithering keep a rendered room readable at about a fifth the bytes.
    step(&format!("quantising the {} screenshots taken", written.len()));
    let mut quantise = vec!["--quality=70-90", "--speed", "3", "--strip", "--force", "--ext", ".png"];
    let files: Vec<String> = written.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    quantise.extend(files.iter().map(String::as_str));
    run("pngquant", &quantise)?;
    let gallery = root().join("docs/levels.md");
    std::fs::write(&gallery, page).map_err(|e| format!("cannot write {}: {e}", gallery.display()))?;
    eprintln!("{shots} screenshots in docs/screenshots/, shown in docs/levels.md");
    calming_screenshots(&mestring)?;
    modelling_screenshots(&mestring)?;
    debrief_screenshots(&mestring)
}

/// A modelling run, in nb and en: the team meeting at level 2 seen from
/// the side, the peer in the participant's seat giving her first answer
/// (the start ratings, Kari's opening, and the answer, 16 s in).
fn modelling_screenshots(mestring: &Path) -> Result<(), String> {
    let script = "after 0.4 rate 50\n".repeat(3);
    scene_screenshots(mestring, "modelling-run", "a modelling run", &script, &["--modelling"], "16")
}

/// The breathing guide of a calming pause, in nb and en: the team meeting
/// at level 2, the start ratings (1.2 s), the calming button (2 s), its
/// first SUDS (1 s), and 3.5 s of the first in-breath: the circle nearly full.
fn calming_screenshots(mestring: &Path) -> Result<(), String> {
    let script = format!("{}after 2 calm\nafter 1 rate 60\n", "after 0.4 rate 50\n".repeat(3));
    scene_screenshots(mestring, "calming-pause", "the calming pause", &script, &[], "7.7")
}

/// The console mid-session: the start ratings, a cue, a marker with its
/// note, a step up, a SUDS the clinician asked for that reaches the
/// alert, and a choice.
fn console_screenshots(mestring: &Path) -> Result<(), String> {
    let script = "after 0.4 rate 70\nafter 0.4 rate 60\nafter 0.4 rate 40\nafter 0.4 rate 50\n\
                  after 1 cue phone-ringing 0.7\nafter 1 marker\nafter 0.5 note looked down at the table\n\
                  after 0.5 level 3\nafter 0.5 ask suds\nafter 0.8 rate 85\nafter 3 choose 2\n";
    scene_screenshots(mestring, "console", "the console mid-session", script, &["--console"], "17")
}

/// `docs/screenshots/{name}-{en,nb}.png`: the team meeting at level 2 in a
/// window, played from `script` with `extra` arguments, pictured after
/// `exit_after` seconds, and quantised.
fn scene_screenshots(
    mestring: &Path,
    name: &str,
    what: &str,
    script: &str,
    extra: &[&str],
    exit_after: &str,
) -> Result<(), String> {
    let out = root().join("docs/screenshots");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let script_path = out.join(format!("{name}.script"));
    std::fs::write(&script_path, script)
        .map_err(|e| format!("cannot write {}: {e}", script_path.display()))?;
    let mut written = Vec::new();
    for lang in ["en", "nb"] {
        step(&format!("screenshot of {what} in {lang}"));
        let png = out.join(format!("{name}-{lang}.png"));
        let mut args = vec!["run", "team-meeting", "--level", "2", "--lang", lang];
        args.extend(extra);
        args.extend(["--script", script_path.to_str().unwrap_or_default(), "--exit-after", exit_after]);
        args.extend(["--screenshot", png.to_str().unwrap_or_default()]);
        with_display(mestring, &args)?;
        written.push(png.to_string_lossy().into_owned());
    }
    let _ = std::fs::remove_file(&script_path);
    let mut quantise = vec!["--quality=70-90", "--speed", "3", "--strip", "--force", "--ext", ".png"];
    quantise.extend(written.iter().map(String::as_str));
    run("pngquant", &quantise)?;
    eprintln!("{name}-en.png and {name}-nb.png in docs/screenshots/");
    Ok(())
}

/// Screenshots of the debrief reports in docs/: a session recorded from a
/// real desktop run (so it has behaviour samples), two more played in the
/// terminal for the overview, RTW-SE at the start and end, a sub-goal set
/// and reported; each report in nb and en, rendered by headless Chromium.
fn debrief_screenshots(mestring: &Path) -> Result<(), String> {
    let work = env::temp_dir().join(format!("mestring-debrief-shots-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    let data = work.join("data");
    let bin = mestring.to_str().ok_or("the binary's path is not UTF-8")?;
    let data_arg = data.to_str().ok_or("the temp folder's path is not UTF-8")?;
    let with_data = |args: &[&str]| -> Vec<String> {
        ["--data-dir", data_arg].iter().chain(args).map(|s| s.to_string()).collect()
    };
    let m = |args: &[&str]| -> Result<(), String> {
        let full = with_data(args);
        run(bin, &full.iter().map(String::as_str).collect::<Vec<_>>())
    };
    m(&["participants", "add", "P001"])?;
    m(&["rtw-se", "add", "P001", "3,4,3,4,3,3,4,3,3,4,3", "--label", "start of programme"])?;
    m(&["rtw-expect", "add", "P001", "3-6-months", "--label", "start of programme"])?;
    step("recording a team meeting in the desktop window (the clinician's golden script)");
    let run_args = with_data(&[
        "run",
        "team-meeting",
        "--level",
        "2",
        "--lang",
        "nb",
        "--seed",
        "3",
        "--script",
        "tests/golden/team-meeting-clinician.script",
        "--participant",
        "P001",
        "--close-at-end",
        "--window-size",
        "960x540",
    ]);
    with_display(mestring, &run_args.iter().map(String::as_str).collect::<Vec<_>>())?;
    let first = newest_session(bin, data_arg)?;
    m(&[
        "debrief",
        "--session",
        &first,
        "--goal",
        "Si én ting i neste teammøte, selv om det er kort",
        "--learned",
        "Kari ble ikke sint da jeg sa at rapporten ikke var ferdig.",
    ])?;
    let transcript = work.join("t.transcript");
    let transcript = transcript.to_str().unwrap_or_default();
    // Each with its golden's seed, which decides the chance routes.
    for (scenario, level, seed, script) in [
        ("upset-customer", "1", "1", "tests/golden/upset-customer-gentle.script"),
        ("team-meeting", "3", "2", "tests/golden/team-meeting-assertive.script"),
    ] {
        m(&[
            "play",
            scenario,
            "--level",
            level,
            "--seed",
            seed,
            "--lang",
            "nb",
            "--script",
            script,
            "--participant",
            "P001",
            "--quiet",
            "--transcript",
            transcript,
        ])?;
    }
    m(&[
        "debrief",
        "--session",
        &first,
        "--goal-done",
        "yes",
        "--out",
        &format!("{}/ignored.html", work.display()),
    ])?;
    m(&["rtw-se", "add", "P001", "4,5,4,5,4,5,5,4,5,5,4", "--label", "end of programme"])?;
    m(&["rtw-expect", "add", "P001", "1-3-months", "--label", "end of programme"])?;

    let out = root().join("docs/screenshots");
    let mut written = Vec::new();
    for lang in ["nb", "en"] {
        for (what, subject) in
            [("session", ["--session", first.as_str()]), ("programme", ["--participant", "P001"])]
        {
            step(&format!("screenshot of the {what} report in {lang}"));
            let page = work.join(format!("{what}-{lang}.html"));
            let page_arg = page.to_str().unwrap_or_default();
            m(&["debrief", subject[0], subject[1], "--lang", lang, "--out", page_arg])?;
            let png = out.join(format!("debrief-{what}-{lang}.png"));
            let profile = work.join("chromium-profile");
            run(
                "chromium",
                &[
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--hide-scrollbars",
                    "--disable-background-networking",
                    &format!("--user-data-dir={}", profile.display()),
                    "--window-size=900,2600",
                    &format!("--screenshot={}", png.display()),
                    &format!("file://{}", page.display()),
                ],
            )?;
            written.push(png.to_string_lossy().into_owned());
        }
    }
    let mut quantise = vec!["--quality=70-90", "--speed", "3", "--strip", "--force", "--ext", ".png"];
    quantise.extend(written.iter().map(String::as_str));
    run("pngquant", &quantise)?;
    let _ = std::fs::remove_dir_all(&work);
    eprintln!("{} report screenshots in docs/screenshots/ (debrief-*.png)", written.len());
    Ok(())
}

/// The id of the newest session in a data folder, from `mestring sessions`.
fn newest_session(bin: &str, data: &str) -> Result<String, String> {
    let out = Command::new(bin)
        .args(["--data-dir", data, "sessions"])
        .output()
        .map_err(|e| format!("cannot run {bin}: {e}"))?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1)
        // A session's own line starts with its id; the lines under it are indented.
        .filter(|l| !l.starts_with(char::is_whitespace))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .last()
        .ok_or_else(|| "no session was recorded".to_string())
}
