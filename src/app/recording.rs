//! Records a run into the same journal and store as `mestring play`: the
//! session's inputs and outputs, and behaviour samples from the
//! participant's view at 30 Hz (head pose, and which face the gaze ray
//! from the head rests on), as `live` samples them for the console.
//!
//! It replays the driver's `SessionLog` (the frame's inputs and outputs,
//! in order) into the journal: the driver knows nothing of records.
//! The store's connection is not thread-safe, so all of this lives in a
//! main-thread resource; handing a record to the journal costs a channel
//! send (see docs/benchmarks.md).

use bevy::prelude::*;

use super::driver::{RunningSession, SessionLog, SessionView, replay};
use super::{AppSystems, OnExit};
use crate::record::behaviour::DEFAULT_SAMPLE_HZ;
use crate::record::journal::{DisplayNote, HeadSource};
use crate::record::{Recorder, Store};

pub struct Recording {
    store: Store,
    recorder: Option<Recorder>,
}

impl Recording {
    pub fn new(store: Store, recorder: Recorder) -> Self {
        Recording { store, recorder: Some(recorder) }
    }

    /// The participant's earlier runs of the scenario (none when the
    /// store cannot say: the console's proposal then reads this run alone).
    pub(super) fn past_runs(&self, scenario: &str) -> Vec<crate::progression::PastRun> {
        let Some(code) = self.recorder.as_ref().and_then(Recorder::participant) else { return Vec::new() };
        self.store.past_runs(code, scenario).unwrap_or_default()
    }

    /// Writes what the driver logged this frame, in its order.
    fn write(&mut self, running: &RunningSession, log: &SessionLog) {
        if let Some(r) = &mut self.recorder {
            replay(&log.0, running.session.scenario(), r);
        }
    }

    /// Closes the journal and imports it; says what happened in the log.
    fn finish(&mut self) {
        let Some(recorder) = self.recorder.take() else { return };
        let journal = recorder.journal();
        if let Err(e) = recorder.close() {
            error!("the journal {} may be incomplete: {e}", journal.display());
            return;
        }
        match self.store.import_journal(&journal) {
            Ok(i) => info!("recorded session {} ({} events, {} samples)", i.session, i.events, i.samples),
            Err(e) => error!("{e}; the journal {} is kept and imported on the next start", journal.display()),
        }
    }
}

/// Where the run is recorded, and whether its journal can still be
/// written: the console shows it, loudly when the journal has failed
/// (the run goes on, but what comes after is not saved).
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct RecordingHealth {
    pub journal: std::path::PathBuf,
    /// The participant's code, for the console's header.
    pub participant: Option<String>,
    pub failure: Option<String>,
}

pub(super) fn plugin(app: &mut App) {
    let recorder = app.world().get_non_send::<Recording>().and_then(|r| r.recorder.as_ref());
    let journal = recorder.map(Recorder::journal).unwrap_or_default();
    let participant = recorder.and_then(|r| r.participant().map(str::to_string));
    app.insert_resource(RecordingHealth { journal, participant, failure: None })
        .add_systems(Startup, note_display)
        .add_systems(
            Update,
            (write_log, record_samples.after(super::live::sample_view), watch_journal, finish_when_ended)
                .chain()
                .in_set(AppSystems::Follow),
        )
        .add_systems(Last, finish_on_exit.in_set(OnExit::Record));
}

/// The record says where the session is shown and what its head samples
/// are: in a headset they follow the tracked head (the mirror camera is
/// placed from the headset's views each frame), on the desktop the view
/// the mouse turns.
fn note_display(recording: Option<NonSendMut<Recording>>, loaded: Res<super::Loaded>) {
    let Some(mut recording) = recording else { return };
    let head_from = if loaded.mode.is_headset() { HeadSource::Headset } else { HeadSource::DesktopView };
    let note = DisplayNote { shown_in: loaded.mode(), head_from, sample_hz: DEFAULT_SAMPLE_HZ };
    if let Some(r) = &mut recording.recorder {
        r.display(&note);
    }
}

/// Notices a journal that can no longer be written, once.
fn watch_journal(recording: Option<NonSend<Recording>>, mut health: ResMut<RecordingHealth>) {
    if health.failure.is_some() {
        return;
    }
    if let Some(why) = recording.as_ref().and_then(|r| r.recorder.as_ref()).and_then(Recorder::failure) {
        error!(
            "the journal {} can no longer be written: {why}; the session goes on unrecorded",
            health.journal.display()
        );
        health.failure = Some(why);
    }
}

fn write_log(recording: Option<NonSendMut<Recording>>, running: Res<RunningSession>, log: Res<SessionLog>) {
    if let Some(mut recording) = recording {
        recording.write(&running, &log);
    }
}

/// The view's samples (`live` takes them) go into the record.
fn record_samples(
    recording: Option<NonSendMut<Recording>>,
    mut sampled: MessageReader<super::live::ViewSampled>,
) {
    let Some(mut recording) = recording else { return };
    if let Some(r) = &mut recording.recorder {
        for super::live::ViewSampled(sample) in sampled.read() {
            r.sample(sample);
        }
    }
}

fn finish_when_ended(recording: Option<NonSendMut<Recording>>, view: Res<SessionView>) {
    if let Some(mut recording) = recording
        && view.ended.is_some()
    {
        recording.finish();
    }
}

/// Closing the window ends the session (the driver stops it as the
/// clinician's stop, just before): its last inputs and outputs are written
/// and the record closed and imported.
fn finish_on_exit(
    mut exits: MessageReader<AppExit>,
    recording: Option<NonSendMut<Recording>>,
    running: Res<RunningSession>,
    log: Res<SessionLog>,
) {
    let Some(mut recording) = recording else { return };
    if exits.read().next().is_none() || recording.recorder.is_none() {
        return;
    }
    recording.write(&running, &log);
    recording.finish();
}
