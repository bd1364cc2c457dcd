//! What the participant hears: the level's background, stress cues from
//! where they happen, and recorded lines from the speaker's seat.
//!
//! The frame thread only hands sources to rodio's mixer and updates the
//! listener's pose; every sample is made on the audio thread
//! (`crate::sound::live`). Without a sound device (a clinic laptop with
//! its audio off, CI) the run goes on silent and says so once.

use std::collections::HashMap;

use bevy::prelude::*;

use super::AppSystems;
use super::Loaded;
use super::driver::SessionOutput;
use super::stage::ParticipantView;
use crate::scenario::{Beat, StressCue};
use crate::session::Output;
use crate::sound::breathing::BreathingTone;
use crate::sound::recorded::CueRecordings;
use crate::sound::{CueHandle, ListenerPose, LiveSound, Position, SoundStage};

/// The live sound of a run. Not `Send`: the device stream stays on the
/// main thread.
pub struct Hearing {
    /// Keeps the device open; dropping it stops all sound.
    _device: Option<rodio::MixerDeviceSink>,
    live: LiveSound,
    stage: SoundStage,
    seed: u64,
    cues: HashMap<StressCue, CueHandle>,
    /// The recorded line playing now.
    line: Option<CueHandle>,
    /// The level's background, held while paused.
    ambience: (f32, f32),
    /// Paused by the participant or the clinician (a calming pause ends
    /// into the silence of a pause that is still on).
    paused: bool,
    /// In a calming pause.
    calming: bool,
    /// The calming pause's tone, while its breathing lasts.
    breathing: Option<CueHandle>,
}

impl Hearing {
    /// Sound on a mixer of the caller's (the frame bench uses one that is
    /// not connected to a device).
    pub fn on_mixer(mixer: rodio::mixer::Mixer, loaded: &Loaded) -> Hearing {
        let (recordings, unreadable) =
            CueRecordings::load(&loaded.scenario.scenario, loaded.scenario.base_dir());
        // The checker has read each file's header; one that still fails
        // (changed since, or damaged further in) is synthesised instead.
        for e in unreadable {
            warn!("sound: {e}; that cue is synthesised instead");
        }
        let stage = SoundStage::new(&loaded.scenario.scenario).with_recordings(recordings);
        let seed = loaded.options.seed;
        Hearing {
            _device: None,
            live: LiveSound::new(mixer, stage.listener(), seed),
            stage,
            seed,
            cues: HashMap::new(),
            line: None,
            ambience: (0.0, 0.0),
            paused: false,
            calming: false,
            breathing: None,
        }
    }

    fn hush(&mut self) {
        for (_, cue) in self.cues.drain() {
            cue.stop();
        }
        if let Some(line) = self.line.take() {
            line.stop();
        }
        self.live.set_ambience(0.0, 0.0);
    }

    fn stop_breathing(&mut self) {
        if let Some(tone) = self.breathing.take() {
            tone.stop();
        }
    }

    /// Where the calming tone comes from: a little in front of the seat,
    /// where the guide is.
    fn before_the_seat(&self) -> Position {
        let seat = self.stage.listener();
        let yaw = seat.yaw_degrees.to_radians();
        // 1.2 m, in the world's units.
        let ahead = 1.2 / seat.scale.max(0.1);
        Position::new(seat.at.x + ahead * yaw.sin(), seat.at.y, seat.at.z + ahead * yaw.cos())
    }
}

pub fn plugin(app: &mut App) {
    app.add_systems(Startup, open_device).add_plugins(listen);
}

/// The clinician's volume for the participant's sound (0 to 1), heard at
/// once on the audio thread. The console's slider sends `SetVolume`.
#[derive(Resource, Clone, Default)]
pub struct ParticipantVolume(pub crate::sound::MasterVolume);

/// The clinician sets the participant's volume (0 to 1).
#[derive(Message, Debug, Clone, Copy, PartialEq)]
pub struct SetVolume(pub f32);

fn set_volume(mut asks: MessageReader<SetVolume>, volume: Res<ParticipantVolume>) {
    for SetVolume(v) in asks.read() {
        volume.0.set(*v);
        info!("sound: the participant's volume is now {:.0} %", volume.0.get() * 100.0);
    }
}

/// Following the session and the head, on whatever `Hearing` there is.
pub fn listen(app: &mut App) {
    app.init_resource::<ParticipantVolume>()
        .add_message::<SetVolume>()
        .add_systems(Update, set_volume.in_set(AppSystems::Input))
        .add_systems(Update, (hear_session, follow_listener).in_set(AppSystems::Show))
        .add_systems(Last, close_frame_cost.run_if(resource_exists::<SoundFrameCost>));
}

/// The frame thread's time spent on sound, per frame, when measured (the
/// frame bench inserts it; a run does not).
#[derive(Resource, Default)]
pub struct SoundFrameCost {
    pub micros: Vec<f64>,
    this_frame: f64,
}

impl SoundFrameCost {
    fn add(cost: &mut Option<ResMut<SoundFrameCost>>, since: std::time::Instant) {
        if let Some(cost) = cost {
            cost.this_frame += since.elapsed().as_secs_f64() * 1e6;
        }
    }
}

fn close_frame_cost(mut cost: ResMut<SoundFrameCost>) {
    let frame = std::mem::take(&mut cost.this_frame);
    cost.micros.push(frame);
}

/// Whether Linux has no sound card at all. Asking ALSA for a device then
/// prints a screenful of errors of its own, so the kernel's list is read
/// first. A sound server (PULSE_SERVER) may play elsewhere, so it is asked.
fn no_sound_card() -> bool {
    if !cfg!(target_os = "linux") || std::env::var_os("PULSE_SERVER").is_some() {
        return false;
    }
    match std::fs::read_to_string("/proc/asound/cards") {
        Ok(cards) => cards.contains("no soundcards"),
        Err(_) => true,
    }
}

fn open_device(world: &mut World) {
    if no_sound_card() {
        warn!(
            "sound: this machine has no sound card; the session runs silent. \
             `mestring render-audio` renders a level's soundscape to a file."
        );
        return;
    }
    match rodio::DeviceSinkBuilder::open_default_sink() {
        Ok(mut device) => {
            device.log_on_drop(false);
            // Everything the participant hears goes through the volume and
            // the limiter.
            let (mix, heard) = rodio::mixer::mixer(crate::sound::STEREO, crate::sound::sample_rate());
            let volume = world.get_resource_or_init::<ParticipantVolume>().0.clone();
            device.mixer().add(crate::sound::to_the_ears(heard, &volume));
            let loaded = world.resource::<Loaded>();
            let mut hearing = Hearing::on_mixer(mix, loaded);
            hearing._device = Some(device);
            world.insert_non_send(hearing);
            info!("sound: playing through the default output device");
        }
        Err(e) => {
            warn!(
                "sound: no output device ({e}); the session runs silent. \
                 `mestring render-audio` renders a level's soundscape to a file."
            );
        }
    }
}

fn hear_session(
    hearing: Option<NonSendMut<Hearing>>,
    mut outputs: MessageReader<SessionOutput>,
    loaded: Res<Loaded>,
    mut cost: Option<ResMut<SoundFrameCost>>,
) {
    let since = std::time::Instant::now();
    hear(hearing, &mut outputs, &loaded);
    SoundFrameCost::add(&mut cost, since);
}

fn hear(hearing: Option<NonSendMut<Hearing>>, outputs: &mut MessageReader<SessionOutput>, loaded: &Loaded) {
    let Some(mut hearing) = hearing else {
        outputs.clear();
        return;
    };
    let hearing = &mut *hearing;
    for SessionOutput(o) in outputs.read() {
        match &o.item {
            // A level changed in a pause is heard when the pause ends.
            Output::Ambience { noise, crowding } => {
                hearing.ambience = (*noise, *crowding);
                if !hearing.paused && !hearing.calming {
                    hearing.live.set_ambience(*noise, *crowding);
                }
            }
            Output::CueStarted { cue, intensity, by, millis } => {
                // A cue of the same kind again replaces the one still
                // sounding, as the session does.
                if let Some(old) = hearing.cues.remove(cue) {
                    old.stop();
                }
                let at = hearing.stage.place(*cue, *by, hearing.seed);
                let seed = hearing.live.next_seed();
                let sound = hearing.stage.cue_source(*cue, *intensity, *by, *millis, seed);
                let handle = hearing.live.play_at(sound, at);
                hearing.cues.insert(*cue, handle);
            }
            Output::CueStopped { cue } => {
                if let Some(old) = hearing.cues.remove(cue) {
                    old.stop();
                }
            }
            Output::Line { beat, by, .. } => {
                if let Some(line) = hearing.line.take() {
                    line.stop();
                }
                let Some(Beat::Say { audio: Some(file), .. }) = loaded.scenario.scenario.beats.get(*beat)
                else {
                    continue;
                };
                let path = loaded.scenario.base_dir().join(file);
                match std::fs::File::open(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|f| rodio::Decoder::new(std::io::BufReader::new(f)).map_err(|e| e.to_string()))
                {
                    Ok(decoded) => {
                        let mouth = hearing.stage.place(StressCue::CriticalRemark, Some(*by), hearing.seed);
                        hearing.line = Some(hearing.live.play_at(decoded, mouth));
                    }
                    // The checker confirmed the file exists; it may still be
                    // in a format rodio cannot read. The subtitle carries on.
                    Err(e) => warn!("sound: cannot play {}: {e}", path.display()),
                }
            }
            Output::LineDone { .. } | Output::LineSkipped { .. } => {
                if let Some(line) = hearing.line.take() {
                    line.stop();
                }
            }
            // A pause is quiet: the room holds still and goes silent.
            Output::Paused { .. } => {
                hearing.paused = true;
                hearing.hush();
            }
            Output::Ended { .. } => {
                hearing.stop_breathing();
                hearing.hush();
            }
            Output::Resumed { .. } => {
                hearing.paused = false;
                let (noise, crowding) = hearing.ambience;
                hearing.live.set_ambience(noise, crowding);
            }
            // A calming pause is quiet too, but for its soft tone.
            Output::CalmingStarted { .. } => {
                hearing.calming = true;
                hearing.hush();
            }
            Output::BreathingStarted { pace } => {
                hearing.stop_breathing();
                let at = hearing.before_the_seat();
                hearing.breathing = Some(hearing.live.play_at(BreathingTone::new(*pace), at));
            }
            Output::BreathingEnded { .. } => hearing.stop_breathing(),
            // A stop ends any pause: the calm phase has its quiet room.
            Output::RecoveryStarted { .. } => {
                (hearing.paused, hearing.calming) = (false, false);
                hearing.stop_breathing();
                let (noise, crowding) = hearing.ambience;
                hearing.live.set_ambience(noise, crowding);
            }
            Output::CalmingEnded => {
                hearing.calming = false;
                if !hearing.paused {
                    let (noise, crowding) = hearing.ambience;
                    hearing.live.set_ambience(noise, crowding);
                }
            }
            _ => {}
        }
    }
}

/// The listener is the participant's head: desktop camera or headset.
fn follow_listener(
    hearing: Option<NonSend<Hearing>>,
    view: Query<&GlobalTransform, With<ParticipantView>>,
    mut cost: Option<ResMut<SoundFrameCost>>,
) {
    let since = std::time::Instant::now();
    let (Some(hearing), Ok(head)) = (hearing, view.single()) else { return };
    let (at, forward) = (head.translation(), head.forward());
    let pose = ListenerPose::new(Position::new(at.x, at.y, at.z), forward.x.atan2(forward.z).to_degrees());
    hearing.live.set_listener(pose);
    SoundFrameCost::add(&mut cost, since);
}
