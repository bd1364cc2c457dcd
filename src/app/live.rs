//! The live picture the console draws (`crate::live_picture`, fed from the
//! session's outputs), and where the participant looks: the view is
//! sampled here at 30 Hz of session time, for the console's eye-contact
//! figures and, in a recorded run, for the record (`recording` writes the
//! same samples). One sampling, so the console and the debrief count the
//! same looks.

use bevy::prelude::*;

use super::AppSystems;
use super::cast::{CastMember, Head};
use super::driver::{RunningSession, SessionOutput};
use super::stage::ParticipantView;
use crate::live_picture::{LivePicture, Thresholds};
use crate::record::behaviour::{BehaviourSample, DEFAULT_SAMPLE_HZ, GazeTarget, LiveEyeContact};
use crate::session::Millis;

/// How far from a head's centre the gaze ray may pass and still count as
/// looking at that face, metres (a head is about 0.22 m across).
const FACE_RADIUS: f32 = 0.16;

/// What the clinician watches, as it stands.
#[derive(Resource)]
pub struct Live {
    pub picture: LivePicture,
    pub eye_contact: LiveEyeContact,
    next_sample: Millis,
    policy: crate::progression::Policy,
    levels: usize,
    /// The participant's earlier runs of the scenario, read at the start
    /// of a recorded run: the proposal reads them with this one.
    past: Vec<crate::progression::PastRun>,
}

impl Live {
    /// The progression proposal if the run ended now.
    pub fn proposal(&self) -> crate::progression::Advice {
        self.picture.proposal(&self.policy, self.levels, &self.past)
    }
}

/// One sample of the participant's view, on the session clock.
#[derive(Message, Debug, Clone)]
pub struct ViewSampled(pub BehaviourSample);

/// Where the console's alert sits, when the clinic sets its own (`mestring
/// run --alert-suds`, `--alert-sickness`); else the scenario's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AlertSettings {
    pub suds: Option<u8>,
    pub sickness: Option<u8>,
}

pub(super) fn plugin(app: &mut App) {
    let loaded = app.world().resource::<super::Loaded>();
    let scenario = &loaded.scenario.scenario;
    let settings = loaded.options.alerts;
    let own = Thresholds::of(scenario);
    let thresholds = Thresholds {
        suds: settings.suds.unwrap_or(own.suds),
        sickness: settings.sickness.unwrap_or(own.sickness),
    };
    let live = Live {
        picture: LivePicture::new(thresholds),
        eye_contact: LiveEyeContact::new(scenario.cast.len()),
        next_sample: 0,
        policy: crate::progression::Policy::of(scenario),
        levels: scenario.levels.len(),
        past: Vec::new(),
    };
    app.insert_resource(live)
        .add_message::<ViewSampled>()
        .add_systems(Startup, read_past_runs)
        .add_systems(Update, (follow_outputs, sample_view).chain().in_set(AppSystems::Follow));
}

fn read_past_runs(
    mut live: ResMut<Live>,
    recording: Option<NonSend<super::recording::Recording>>,
    loaded: Res<super::Loaded>,
) {
    if let Some(recording) = recording {
        live.past = recording.past_runs(&loaded.scenario.scenario.id);
    }
}

fn follow_outputs(
    mut outputs: MessageReader<SessionOutput>,
    mut live: ResMut<Live>,
    loaded: Res<super::Loaded>,
) {
    let beats = &loaded.scenario.scenario.beats;
    for SessionOutput(o) in outputs.read() {
        live.picture.note(beats, o.at, &o.item);
    }
}

/// Where the head points and which present face the ray rests on. Not
/// while the session holds still (paused, calming, ended): then nothing
/// is asked of the participant's eyes.
pub(super) fn sample_view(
    mut live: ResMut<Live>,
    running: Res<RunningSession>,
    camera: Query<&GlobalTransform, With<ParticipantView>>,
    cast: Query<(&CastMember, &Visibility)>,
    heads: Query<(&ChildOf, &GlobalTransform), With<Head>>,
    mut sampled: MessageWriter<ViewSampled>,
) {
    let now = running.session.now();
    if now < live.next_sample || running.session.is_still() {
        return;
    }
    let Ok(view) = camera.single() else { return };
    live.next_sample = now + 1000 / Millis::from(DEFAULT_SAMPLE_HZ);
    let (origin, direction) = (view.translation(), view.forward().as_vec3());
    let mut lookable = vec![false; live.eye_contact.cast_size()];
    let mut gaze = GazeTarget::Object;
    let mut nearest = f32::MAX;
    for (parent, head) in &heads {
        let Ok((member, visibility)) = cast.get(parent.parent()) else { continue };
        if *visibility == Visibility::Hidden {
            continue;
        }
        if let Some(slot) = lookable.get_mut(member.index) {
            *slot = true;
        }
        let to_head = head.translation() - origin;
        let along = to_head.dot(direction);
        if along > 0.0 && (to_head - direction * along).length() < FACE_RADIUS && along < nearest {
            nearest = along;
            gaze = GazeTarget::Face(member.index);
        }
    }
    live.eye_contact.sample(now, lookable, gaze);
    sampled.write(ViewSampled(BehaviourSample {
        at: now,
        head_position: origin.to_array(),
        head_rotation: view.rotation().to_array(),
        left_hand: None,
        right_hand: None,
        gaze,
        eye_tracked: false,
    }));
}

/// The console's live section: the alert when there is one, the plot of
/// SUDS and self-efficacy with cues, level changes and markers on the
/// same clock, where the participant looks, and the last choices.
pub(super) fn draw(
    ui: &mut bevy_egui::egui::Ui,
    live: &Live,
    scenario: &crate::scenario::Scenario,
    l: crate::words::Lang,
    quiet: bool,
) {
    use bevy_egui::egui::{self, Color32, RichText};
    use egui_plot::{Line, Plot, PlotPoints, Points, VLine};

    use crate::debrief::words::clock;
    use crate::live_picture::{Alert, Event};
    use crate::w;
    use crate::words::names;

    // Not while the session already holds still: the pause is taken.
    if !quiet {
        for alert in live.picture.alerts() {
            let text = match alert {
                Alert::Distress { at, suds, threshold } => {
                    w!(l, "live-alert-distress", suds = suds, at = clock(at), threshold = threshold)
                }
                Alert::Sickness { at, fms, threshold } => {
                    w!(l, "live-alert-sickness", fms = fms, at = clock(at), threshold = threshold)
                }
            };
            egui::Frame::new().fill(Color32::from_rgb(110, 30, 25)).inner_margin(4.0).show(ui, |ui| {
                ui.label(RichText::new(text).strong().color(Color32::WHITE));
            });
        }
    }

    let seconds = |ms: Millis| ms as f64 / 1000.0;
    let series = |points: &[(Millis, u8)]| -> Vec<[f64; 2]> {
        points.iter().map(|&(at, v)| [seconds(at), f64::from(v)]).collect()
    };
    let picture = &live.picture;
    let suds_colour = Color32::from_rgb(230, 110, 90);
    let efficacy_colour = Color32::from_rgb(110, 180, 240);
    let cue_colour = Color32::from_gray(130);
    let level_colour = Color32::from_rgb(230, 200, 80);
    let marker_colour = Color32::from_rgb(120, 230, 200);
    // The key in one line above the plot: a legend inside it would hide
    // the first minutes of a short run.
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 8.0;
        for (text, colour) in [
            (w!(l, "live-suds"), suds_colour),
            (w!(l, "live-self-efficacy"), efficacy_colour),
            (w!(l, "live-cues"), cue_colour),
            (w!(l, "live-levels"), level_colour),
            (w!(l, "live-markers"), marker_colour),
        ] {
            ui.label(RichText::new(format!("▌{text}")).small().color(colour));
        }
    });
    Plot::new("live-plot")
        .height(120.0)
        .include_y(0.0)
        .include_y(100.0)
        .include_x(0.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show(ui, |plot| {
            for (at, event) in &picture.events {
                let (name, colour) = match event {
                    Event::Cue { .. } => (w!(l, "live-cues"), cue_colour),
                    Event::Level { .. } => (w!(l, "live-levels"), level_colour),
                    Event::Marker { .. } => (w!(l, "live-markers"), marker_colour),
                };
                plot.vline(VLine::new(name, seconds(*at)).color(colour).width(1.0));
            }
            // One line per self-efficacy statement: two statements are
            // two beliefs, not one that rose or fell.
            let statements =
                picture.self_efficacy.iter().map(|(id, points)| (id.clone(), points, efficacy_colour));
            let suds = (w!(l, "live-suds"), &picture.suds, suds_colour);
            for (name, points, colour) in std::iter::once(suds).chain(statements) {
                let xy = series(points);
                plot.line(Line::new(name.clone(), PlotPoints::from(xy.clone())).color(colour).width(2.0));
                plot.points(Points::new(name, PlotPoints::from(xy)).color(colour).radius(3.0));
            }
        });
    if let Some(&(at, fms)) = picture.sickness.last() {
        ui.label(RichText::new(w!(l, "live-sickness", fms = fms, at = clock(at))).small());
    }

    // Where the participant looks: now, and the share of eye contact so far.
    let name = |c: usize| scenario.cast.get(c).map_or_else(|| "?".to_string(), |c| names::speaker(l, c));
    let target = match live.eye_contact.gaze() {
        Some(GazeTarget::Face(c)) => name(c),
        Some(GazeTarget::Object) => w!(l, "live-looking-room"),
        Some(GazeTarget::Nothing) | None => w!(l, "live-looking-nothing"),
    };
    ui.label(w!(l, "live-looking-at", target = target));
    let shares: Vec<String> = live
        .eye_contact
        .shares()
        .iter()
        .enumerate()
        .filter_map(|(c, share)| share.map(|s| format!("{} {:.0} %", name(c), s * 100.0)))
        .collect();
    if !shares.is_empty() {
        ui.label(RichText::new(w!(l, "live-eye-contact", shares = shares.join(" · "))).small());
    }

    // The last choices, with how long they took and what they show.
    if !picture.choices.is_empty() {
        ui.label(w!(l, "live-choices"));
    }
    for choice in &picture.choices {
        let tags: Vec<String> = choice.tags.iter().map(|t| names::tag(l, *t)).collect();
        let line = w!(
            l,
            "live-choice",
            at = clock(choice.at),
            beat = choice.beat.as_str(),
            option = choice.option,
            seconds = l.decimal(seconds(choice.latency), 1),
            tags = if tags.is_empty() { "-".to_string() } else { tags.join(", ") }
        );
        ui.label(RichText::new(line).small());
    }
}
