//! The start screen's window (`mestring`, `mestring clinic`): the clinic
//! chooses who practises, what and at which level, starts the run, and
//! comes back here to its summary and debrief for the next one.
//!
//! The rules are `crate::clinic`'s; this draws them and sends what the
//! clinician does as `ClinicAsk` messages (the headless tests send the
//! same). A run is its own `mestring run` process: winit allows one event
//! loop per process, and a fresh process per run means nothing of one run
//! (journal, sound, headset session) lives on into the next. While it
//! runs, this window is minimised, and it comes back when the run ends.

use std::path::PathBuf;
use std::process::Child;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

use crate::clinic::{Clinic, ClinicInput, Origin, RtwSeDraft, RtwSeWhen, RunEnd, RunRequest, Status};
use crate::record::rtw_expectation::Expectation;
use crate::record::rtw_se::{FormSource, REFERENCE_MEAN, Wording};
use crate::w;
use crate::words::{Explain, Lang};

/// What the clinician did on the start screen.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct ClinicAsk(pub ClinicInput);

/// The start screen's state.
#[derive(Resource)]
pub struct StartScreen {
    pub clinic: Clinic,
    /// Where a run would be shown (headset or desktop, and why not a
    /// headset), looked for at the start and on each refresh.
    pub shown_in: super::headset::Mode,
    /// The code being typed for a new participant.
    new_code: String,
    /// Why the report could not be opened, if it could not.
    not_opened: Option<String>,
    /// The clinic's own label for an RTW-SE, as it is typed.
    other_label: String,
}

/// How a run is started: the real one starts `mestring run` (this same
/// program); a test may start something else that records a run.
#[derive(Resource)]
pub struct Launcher(pub Box<Launch>);

/// Starts the process that carries out a run, given the data folder.
pub type Launch = dyn Fn(&RunRequest, &std::path::Path) -> std::io::Result<Child> + Send + Sync;

impl Launcher {
    /// This program's `run`, with the request's arguments.
    pub fn this_program() -> Launcher {
        Launcher(Box::new(|request, data_dir| {
            let me = std::env::current_exe()?;
            std::process::Command::new(me).args(request.run_args(data_dir)).spawn()
        }))
    }
}

/// The run's process, while it runs.
#[derive(Resource, Default)]
pub struct RunProcess(pub Option<Child>);

/// How the start screen looks for a headset: the real probe, or (tests)
/// a fixed answer.
#[derive(Resource, Clone, Copy)]
pub struct Probe(pub fn() -> super::headset::Mode);

impl Probe {
    pub fn real() -> Probe {
        Probe(|| super::headset::choose(false))
    }

    /// Where nobody wears a headset: tests.
    pub fn unattended() -> Probe {
        use super::headset::{Mode, NoHeadset};
        Probe(|| Mode::Desktop { why: NoHeadset::Unattended, detail: None })
    }
}

/// The start screen without drawing: state, inputs, the run's process.
/// The headless tests run this; `window_plugin` draws it.
pub fn state_plugin(app: &mut App) {
    app.add_message::<ClinicAsk>()
        .init_resource::<RunProcess>()
        .add_systems(Update, (apply_asks, watch_run).chain());
}

pub fn start_screen(clinic: Clinic, probe: Probe) -> StartScreen {
    StartScreen {
        clinic,
        shown_in: (probe.0)(),
        new_code: String::new(),
        not_opened: None,
        other_label: String::new(),
    }
}

fn apply_asks(
    mut asks: MessageReader<ClinicAsk>,
    mut screen: ResMut<StartScreen>,
    launcher: Res<Launcher>,
    probe: Res<Probe>,
    mut process: ResMut<RunProcess>,
) {
    for ClinicAsk(input) in asks.read() {
        if *input == ClinicInput::Refresh {
            screen.shown_in = (probe.0)();
        }
        let now = crate::wallclock::now_unix_ms() as i64;
        // Each run its own chance cues: a seed from the clock, recorded
        // with the session so the run can be replayed.
        let seed = (now as u64) % 1_000_000_007;
        let Some(request) = screen.clinic.apply(input.clone(), now, seed) else { continue };
        match (launcher.0)(&request, screen.clinic.data_dir()) {
            Ok(child) => {
                info!("started a run: {:?}", request.run_args(screen.clinic.data_dir()));
                process.0 = Some(child);
            }
            Err(e) => screen.clinic.run_ended(RunEnd::NotStarted(e.to_string())),
        }
    }
}

/// Notices when the run's process has ended and brings its summary back.
fn watch_run(mut process: ResMut<RunProcess>, mut screen: ResMut<StartScreen>) {
    let Some(child) = process.0.as_mut() else { return };
    let end = match child.try_wait() {
        Ok(None) => return,
        Ok(Some(status)) => RunEnd::Exited { ok: status.success(), detail: status.to_string() },
        Err(e) => RunEnd::Exited { ok: false, detail: e.to_string() },
    };
    process.0 = None;
    screen.clinic.run_ended(end);
}

/// What `mestring clinic` was asked to do beyond showing the screen.
#[derive(Resource, Debug, Clone, Default)]
pub struct ScreenOptions {
    /// Save a screenshot here after `exit_after` seconds, then close.
    pub screenshot: Option<PathBuf>,
    pub exit_after: Option<f32>,
    pub window_size: Option<(u32, u32)>,
}

/// Opens the start screen and runs until its window is closed.
pub fn run(clinic: Clinic, options: ScreenOptions) -> Result<(), super::RunError> {
    if let Some(path) = &options.screenshot {
        let _ = std::fs::remove_file(path);
    }
    let mut primary = Window { title: "mestring".into(), ..default() };
    if let Some((w, h)) = options.window_size {
        primary.resolution = bevy::window::WindowResolution::new(w, h);
    }
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin { primary_window: Some(primary), ..default() })
            .set(super::quiet_renderer()),
    )
    .add_plugins(EguiPlugin::default())
    .insert_resource(start_screen(clinic, Probe::real()))
    .insert_resource(Probe::real())
    .insert_resource(Launcher::this_program())
    .insert_resource(options)
    .add_plugins(state_plugin)
    .add_systems(Startup, |mut commands: Commands| {
        commands.spawn(Camera2d);
    })
    .add_systems(EguiPrimaryContextPass, draw)
    .add_systems(Update, (minimise_while_running, close_after).after(watch_run));
    match app.run() {
        AppExit::Success => Ok(()),
        AppExit::Error(code) => Err(super::RunError::Exit(code.get())),
    }
}

/// Out of the way while the session window has the screen; back after.
fn minimise_while_running(process: Res<RunProcess>, mut window: Query<&mut Window>, mut was: Local<bool>) {
    let running = process.0.is_some();
    if running != *was {
        *was = running;
        for mut w in &mut window {
            w.set_minimized(running);
        }
    }
}

/// `--exit-after` (and `--screenshot`): for the docs' pictures and demos.
fn close_after(
    mut commands: Commands,
    time: Res<Time>,
    options: Res<ScreenOptions>,
    mut asked: Local<Option<f32>>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(after) = options.exit_after else { return };
    let now = time.elapsed_secs();
    match (*asked, &options.screenshot) {
        (None, Some(path)) if now >= after => {
            commands
                .spawn(bevy::render::view::screenshot::Screenshot::primary_window())
                .observe(bevy::render::view::screenshot::save_to_disk(path.clone()));
            *asked = Some(now);
        }
        (None, None) if now >= after => {
            exit.write(AppExit::Success);
        }
        (Some(since), Some(path)) if path.exists() || now - since > 10.0 => {
            exit.write(AppExit::Success);
        }
        _ => {}
    }
}

/// The screen: participants on the left, the scenario and level in the
/// middle, the start and the last run below.
fn draw(
    mut contexts: EguiContexts,
    mut screen: ResMut<StartScreen>,
    mut asks: MessageWriter<ClinicAsk>,
    mut fonts_set: Local<bool>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if !std::mem::replace(&mut *fonts_set, true) {
        super::fonts::egui_fonts(ctx);
    }
    let screen = &mut *screen;
    let l = screen.clinic.lang;
    let mut ask = |input: ClinicInput| {
        asks.write(ClinicAsk(input));
    };
    let mut root = egui::Ui::new(
        ctx.clone(),
        "start-screen-root".into(),
        egui::UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.viewport_rect()),
    );
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.horizontal(|ui| {
            ui.heading(w!(l, "clinic-heading"));
            ui.add_space(24.0);
            ui.label(egui::RichText::new(w!(l, "clinic-screen-language")).small());
            for lang in Lang::ALL {
                if ui.selectable_label(l == lang, lang.own_name()).clicked() {
                    ask(ClinicInput::SetClinicianLanguage(lang));
                }
            }
        });
        ui.label(w!(l, "clinic-headset", mode = screen.shown_in.say(l)));
        ui.separator();
        if screen.clinic.rtw_se.is_some() {
            rtw_se_form(ui, screen, &mut ask);
            return;
        }
        let running = screen.clinic.running.is_some();
        ui.add_enabled_ui(!running, |ui| {
            ui.columns(2, |cols| {
                participants(&mut cols[0], screen, &mut ask);
                scenario(&mut cols[1], &screen.clinic, &mut ask);
            });
        });
        ui.separator();
        start_and_last(ui, screen, &mut ask);
    });
    Ok(())
}

fn participants(ui: &mut egui::Ui, screen: &mut StartScreen, ask: &mut impl FnMut(ClinicInput)) {
    let l = screen.clinic.lang;
    ui.strong(w!(l, "clinic-participants"));
    if screen.clinic.participants.is_empty() {
        ui.label(w!(l, "clinic-no-participants"));
    }
    egui::ScrollArea::vertical().id_salt("participants").max_height(220.0).show(ui, |ui| {
        for p in &screen.clinic.participants {
            let chosen = screen.clinic.choice.participant.as_deref() == Some(p.code.as_str());
            let text = format!("{}  ({})", p.code, w!(l, "clinic-runs", count = p.sessions));
            if ui.selectable_label(chosen, text).clicked() {
                ask(ClinicInput::ChooseParticipant(p.code.clone()));
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(w!(l, "clinic-new-code"));
        let field = ui.add(egui::TextEdit::singleline(&mut screen.new_code).desired_width(120.0));
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button(w!(l, "clinic-add")).clicked() || entered) && !screen.new_code.trim().is_empty() {
            ask(ClinicInput::AddParticipant(std::mem::take(&mut screen.new_code)));
        }
    });
    if screen.clinic.choice.participant.is_some() {
        ui.separator();
        if screen.clinic.rtw_se_taken.is_empty() {
            ui.label(egui::RichText::new(w!(l, "clinic-rtw-se-none")).small());
        } else {
            ui.label(w!(l, "clinic-rtw-se-taken"));
            for (at, label, mean) in &screen.clinic.rtw_se_taken {
                let label = label.clone().unwrap_or_else(|| w!(l, "clinic-rtw-se-no-label"));
                let row =
                    w!(l, "clinic-rtw-se-row", date = l.date(*at), label = label, mean = l.decimal(*mean, 2));
                let text = egui::RichText::new(row).small();
                ui.label(if *mean >= REFERENCE_MEAN { text.strong() } else { text });
            }
        }
        if !screen.clinic.rtw_expectations_taken.is_empty() {
            ui.label(w!(l, "clinic-rtw-expect-taken"));
            for (at, label, answer) in &screen.clinic.rtw_expectations_taken {
                let label = label.clone().unwrap_or_else(|| w!(l, "clinic-rtw-se-no-label"));
                let row = w!(
                    l,
                    "clinic-rtw-expect-row",
                    date = l.date(*at),
                    label = label,
                    answer = answer.words(l)
                );
                ui.label(egui::RichText::new(row).small());
            }
        }
        if ui.button(w!(l, "clinic-rtw-se-open")).clicked() {
            ask(ClinicInput::OpenRtwSe);
        }
    }
}

/// The questionnaire, item by item, with the anchors over the answers and
/// the mean once all are answered.
fn rtw_se_form(ui: &mut egui::Ui, screen: &mut StartScreen, ask: &mut impl FnMut(ClinicInput)) {
    let l = screen.clinic.lang;
    let Some(draft) = &screen.clinic.rtw_se else { return };
    ui.heading(w!(l, "clinic-rtw-se-for", code = draft.participant.as_str()));
    let form = match &draft.form {
        Ok((form, source)) => {
            ui.strong(&form.title);
            match source {
                FormSource::Clinic(path) => {
                    ui.label(
                        egui::RichText::new(w!(
                            l,
                            "clinic-rtw-se-clinic-copy",
                            path = path.display().to_string()
                        ))
                        .small(),
                    );
                }
                FormSource::Shipped => {}
            }
            if form.wording == Wording::Topics {
                ui.label(egui::RichText::new(w!(l, "clinic-rtw-se-topics")).color(WARNING));
            }
            Some(form)
        }
        Err(e) => {
            ui.label(egui::RichText::new(w!(l, "clinic-rtw-se-broken", why = e.explain(l))).color(REFUSED));
            None
        }
    };
    rtw_se_when(ui, draft, &mut screen.other_label, ask);
    if let Some(form) = form {
        ui.label(&form.instruction);
        let legend: Vec<String> =
            form.anchors.iter().enumerate().map(|(i, a)| format!("{} {a}", i + 1)).collect();
        ui.label(egui::RichText::new(legend.join("  ·  ")).small());
        egui::ScrollArea::vertical().id_salt("rtw-se-items").max_height(ui.available_height() - 120.0).show(
            ui,
            |ui| {
                egui::Grid::new("rtw-se-grid").striped(true).num_columns(2).show(ui, |ui| {
                    for (i, text) in form.items.iter().enumerate() {
                        ui.label(format!("{}. {text}", i + 1));
                        ui.horizontal(|ui| {
                            for (a, anchor) in form.anchors.iter().enumerate() {
                                let answer = a as u8 + 1;
                                let chosen = draft.answers[i] == Some(answer);
                                if ui
                                    .selectable_label(chosen, answer.to_string())
                                    .on_hover_text(anchor)
                                    .clicked()
                                {
                                    ask(ClinicInput::AnswerRtwSe { item: i + 1, answer });
                                }
                            }
                        });
                        ui.end_row();
                    }
                });
            },
        );
    }
    ui.separator();
    ui.strong(w!(l, "clinic-rtw-expect-heading"));
    ui.label(crate::record::rtw_expectation::question(l));
    ui.horizontal_wrapped(|ui| {
        for answer in Expectation::ALL {
            if ui.selectable_label(draft.expectation == Some(answer), answer.words(l)).clicked() {
                ask(ClinicInput::AnswerRtwExpectation(answer));
            }
        }
    });
    ui.label(egui::RichText::new(w!(l, "clinic-rtw-either")).small());
    let answered = draft.answers.iter().flatten().count();
    ui.label(w!(l, "clinic-rtw-se-answered", count = answered, items = draft.answers.len()));
    if let Some(mean) = draft.mean() {
        ui.strong(w!(
            l,
            "clinic-rtw-se-mean",
            mean = l.decimal(mean, 2),
            reference = l.decimal(REFERENCE_MEAN, 1)
        ));
    }
    ui.horizontal(|ui| {
        if ui.add_enabled(draft.can_store(), egui::Button::new(w!(l, "clinic-rtw-se-save"))).clicked() {
            ask(ClinicInput::SaveRtwSe);
        }
        if ui.button(w!(l, "clinic-rtw-se-close")).clicked() {
            ask(ClinicInput::CloseRtwSe);
        }
    });
    if let Some(notice) = &screen.clinic.notice {
        let text = egui::RichText::new(&notice.text);
        ui.label(if notice.refused { text.color(REFUSED) } else { text });
    }
}

/// Start, end, or the clinic's own label.
fn rtw_se_when(ui: &mut egui::Ui, draft: &RtwSeDraft, other: &mut String, ask: &mut impl FnMut(ClinicInput)) {
    let l = draft.lang;
    ui.horizontal(|ui| {
        ui.label(w!(l, "clinic-rtw-se-when"));
        for when in [RtwSeWhen::ProgrammeStart, RtwSeWhen::ProgrammeEnd] {
            if ui.selectable_label(draft.when == when, when.label(l)).clicked() {
                ask(ClinicInput::SetRtwSeWhen(when));
            }
        }
        let is_other = matches!(draft.when, RtwSeWhen::Other(_));
        if ui.selectable_label(is_other, w!(l, "clinic-rtw-se-other")).clicked() {
            ask(ClinicInput::SetRtwSeWhen(RtwSeWhen::Other(other.clone())));
        }
        if ui.add(egui::TextEdit::singleline(other).desired_width(180.0)).changed() {
            ask(ClinicInput::SetRtwSeWhen(RtwSeWhen::Other(other.clone())));
        }
    });
}

fn scenario(ui: &mut egui::Ui, clinic: &Clinic, ask: &mut impl FnMut(ClinicInput)) {
    let l = clinic.lang;
    ui.strong(w!(l, "clinic-scenarios"));
    egui::ScrollArea::vertical().id_salt("scenarios").max_height(220.0).show(ui, |ui| {
        for (i, entry) in clinic.scenarios.iter().enumerate() {
            let chosen = clinic.choice.scenario == Some(i);
            let origin = match entry.origin {
                Origin::Shipped => w!(l, "clinic-shipped"),
                Origin::Clinic => w!(l, "clinic-own"),
            };
            let status = match &entry.status {
                Status::Ready { warnings: 0 } => w!(l, "clinic-ready"),
                Status::Ready { warnings } => w!(l, "clinic-ready-warnings", count = *warnings),
                Status::Broken { .. } => w!(l, "clinic-broken"),
            };
            let text = format!("{} ({origin}): {status}", entry.title(l.code()));
            if ui.selectable_label(chosen, text).clicked() {
                ask(ClinicInput::ChooseScenario(entry.path.clone()));
            }
            if let Status::Broken { messages } = &entry.status {
                for m in messages {
                    ui.label(egui::RichText::new(m).monospace().small().color(REFUSED));
                }
            }
        }
    });
    if clinic.scenarios.is_empty() {
        let folders: Vec<String> = clinic.folders().iter().map(|(f, _)| f.display().to_string()).collect();
        ui.label(w!(l, "clinic-no-scenarios", folders = folders.join(", ")));
    }
    if let Some((own, _)) = clinic.folders().iter().find(|(_, o)| *o == Origin::Clinic) {
        ui.label(egui::RichText::new(w!(l, "clinic-own-folder", folder = own.display().to_string())).small());
    }
    let Some(entry) = clinic.chosen_scenario().filter(|e| e.scenario.is_some()) else { return };
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(w!(l, "clinic-level"));
        for level in 1..=entry.levels.len() as u8 {
            if ui.selectable_label(clinic.choice.level == level, level.to_string()).clicked() {
                ask(ClinicInput::SetLevel(level));
            }
        }
    });
    ui.label(egui::RichText::new(entry.level_summary(clinic.choice.level, l.code())).small());
    match &clinic.proposal {
        Some(advice) => {
            ui.label(w!(l, "clinic-proposal", headline = advice.headline(l.code())));
            ui.label(egui::RichText::new(advice.reason_text(l.code())).small());
            let to = advice.next_level();
            if to != clinic.choice.level && ui.button(w!(l, "clinic-take-proposal", level = to)).clicked() {
                ask(ClinicInput::TakeProposal);
            }
        }
        None => {
            ui.label(egui::RichText::new(w!(l, "clinic-no-proposal")).small());
        }
    }
    ui.horizontal(|ui| {
        ui.label(w!(l, "clinic-language"));
        for lang in &entry.languages {
            if ui.selectable_label(clinic.choice.lang.as_ref() == Some(lang), Lang::name_of(lang)).clicked() {
                ask(ClinicInput::SetLanguage(lang.clone()));
            }
        }
    });
    if let Some(peer) = entry.scenario.as_ref().and_then(|s| s.peer.as_ref()) {
        let mut on = clinic.choice.modelling;
        if ui.checkbox(&mut on, w!(l, "clinic-modelling", peer = peer.name.as_str())).changed() {
            ask(ClinicInput::SetModelling(on));
        }
    }
}

fn start_and_last(ui: &mut egui::Ui, screen: &mut StartScreen, ask: &mut impl FnMut(ClinicInput)) {
    let clinic = &screen.clinic;
    let l = clinic.lang;
    if let Some(run) = &clinic.running {
        ui.label(
            egui::RichText::new(w!(
                l,
                "clinic-running",
                participant = run.participant.as_str(),
                scenario = run.scenario_id.as_str(),
                level = run.level
            ))
            .strong(),
        );
    } else {
        let why = clinic.not_ready();
        let start = egui::Button::new(egui::RichText::new(w!(l, "clinic-start")).heading());
        if ui.add_enabled(why.is_none(), start).clicked() {
            ask(ClinicInput::Start);
        }
        if let Some(why) = why {
            ui.label(egui::RichText::new(why).small());
        }
    }
    if let Some(notice) = &clinic.notice {
        let text = egui::RichText::new(&notice.text);
        ui.label(if notice.refused { text.color(REFUSED) } else { text });
    }
    if let Some(last) = &clinic.last_run {
        ui.separator();
        ui.strong(w!(l, "clinic-last-run"));
        for line in &last.summary {
            ui.label(line);
        }
        if last.session.is_some() {
            ui.horizontal(|ui| {
                if ui.button(w!(l, "clinic-write-debrief")).clicked() {
                    ask(ClinicInput::WriteDebrief);
                }
                if let Some(path) = &last.report
                    && ui.button(w!(l, "clinic-open-debrief")).clicked()
                {
                    screen.not_opened = open_in_browser(path).err().map(|e| {
                        w!(l, "clinic-cannot-open", why = e.to_string(), path = path.display().to_string())
                    });
                }
            });
        }
    }
    if let Some(why) = &screen.not_opened {
        ui.label(egui::RichText::new(why).color(REFUSED));
    }
    if clinic.running.is_none() && ui.button(w!(l, "clinic-refresh")).clicked() {
        ask(ClinicInput::Refresh);
    }
}

/// A refusal or a failure, in red (the start screen's and the console's).
pub(super) const REFUSED: egui::Color32 = egui::Color32::from_rgb(255, 120, 100);
/// Something the clinician should know before going on.
const WARNING: egui::Color32 = egui::Color32::from_rgb(240, 190, 90);

/// The desktop's own browser, through xdg-open; the report is a local file.
fn open_in_browser(path: &std::path::Path) -> std::io::Result<()> {
    std::process::Command::new("xdg-open").arg(path).spawn().map(|_| ())
}
