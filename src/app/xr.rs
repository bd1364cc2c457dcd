//! The headset at run time (only added when `headset::choose` found one).
//!
//! - The tracked space is placed so the participant's head starts at the
//!   seat's eye point, facing the way the seat faces; the clinician can
//!   recentre (R on the desktop window) whenever the participant shifts.
//! - The desktop window's camera follows the head: the clinician's mirror.
//!   The window never waits for vsync, so it cannot hold back the headset.
//! - Controllers: the trigger (select) presses the button the aim ray rests
//!   on in the panel card; the menu button pauses and resumes. Bindings are
//!   suggested for the simple, Touch, Index and Vive profiles.
//!
//! - Closing goes through the XR session's states: the runtime is asked to
//!   end the session (STOPPING, IDLE, EXITING), and the app exits when the
//!   runtime says EXITING, so the runtime is left clean for the next run.
//! - The clinician's console shows the session's state and how many frames
//!   the runtime has been handed (`HeadsetStatus`).
//!
//! This runs only against a headset runtime: the headset tests run it on a
//! simulated headset (Monado, see docs/headsets.md), the headless harness
//! drives the same `ControllerPressed` messages the actions produce.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bevy::math::Isometry3d;
use bevy::prelude::*;
use bevy::render::{Render, RenderApp};
use bevy::transform::TransformSystems;
use bevy::window::WindowCloseRequested;
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_mod_openxr::action_binding::{OxrSendActionBindings, OxrSuggestActionBinding};
use bevy_mod_openxr::action_set_attaching::OxrAttachActionSet;
use bevy_mod_openxr::action_set_syncing::{OxrActionSetSyncSet, OxrSyncActionSet};
use bevy_mod_openxr::helper_traits::ToTransform;
use bevy_mod_openxr::init::should_run_frame_loop;
use bevy_mod_openxr::openxr_session_running;
use bevy_mod_openxr::resources::{OxrFrameState, OxrInstance, OxrViews};
use bevy_mod_openxr::session::OxrSession;
use bevy_mod_xr::session::{
    XrPreDestroySession, XrRenderSystems, XrRequestExitMessage, XrSessionCreated, XrState, XrStateChanged,
    XrTrackingRoot, session_available,
};
use bevy_mod_xr::spaces::{XrSpace, XrSpaceLocationFlags};
use openxr as xr;

use super::controller::ControllerPressed;
use super::headset::HeadsetStatus;
use super::stage::{ParticipantView, participant_place};
use super::world_panel::PanelPointer;
use super::{AppSystems, CloseRun, Loaded, RecentreView};

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(WinitSettings {
        focused_mode: UpdateMode::Continuous,
        unfocused_mode: UpdateMode::Continuous,
    })
    .init_resource::<Recentre>()
    .init_resource::<HeadsetStatus>()
    .init_resource::<Leaving>()
    .add_systems(Startup, create_actions.run_if(session_available))
    .add_systems(Update, (follow_state, leave, leave_when_exiting).chain().in_set(AppSystems::Show))
    .add_systems(OxrSendActionBindings, suggest_bindings)
    .add_systems(XrSessionCreated, (attach_actions, spawn_aims))
    .add_systems(XrPreDestroySession, despawn_aims)
    .add_systems(PreUpdate, sync_actions.before(OxrActionSetSyncSet).run_if(openxr_session_running))
    .add_systems(Update, ask_recentre.in_set(AppSystems::Input))
    .add_systems(
        Update,
        controllers
            .in_set(AppSystems::Input)
            .run_if(openxr_session_running.and_then(resource_exists::<Actions>)),
    )
    .add_systems(
        PostUpdate,
        (recentre, follow_head)
            .chain()
            .after(bevy_mod_openxr::render::update_views)
            .before(TransformSystems::Propagate)
            .run_if(openxr_session_running),
    );
    // Frames are counted where they are handed to the runtime: after
    // bevy_mod_openxr ends the frame in the render world.
    let frames = FramesSubmitted::default();
    app.insert_resource(frames.clone());
    if let Some(render) = app.get_sub_app_mut(RenderApp) {
        render.insert_resource(frames).add_systems(
            Render,
            count_frame
                .after(bevy_mod_openxr::render::end_frame)
                .in_set(XrRenderSystems::PostRender)
                .run_if(should_run_frame_loop),
        );
    }
}

/// Frames handed to the runtime with the scene in them, counted in the
/// render world and read in the main one.
#[derive(Resource, Clone, Default)]
struct FramesSubmitted(Arc<AtomicU64>);

fn count_frame(frames: Res<FramesSubmitted>, state: Option<Res<OxrFrameState>>) {
    if state.is_some_and(|s| s.should_render) {
        frames.0.fetch_add(1, Ordering::Relaxed);
    }
}

/// How often the log says how many frames the runtime has had: a stall
/// shows as a count that stops rising.
const FRAME_REPORT_EVERY: Duration = Duration::from_secs(15);

/// The session's state in words and the frames so far, for the console
/// and the log.
fn follow_state(
    mut changes: MessageReader<XrStateChanged>,
    frames: Res<FramesSubmitted>,
    mut status: ResMut<HeadsetStatus>,
    mut last_report: Local<Option<(Instant, u64)>>,
) {
    for XrStateChanged(state) in changes.read() {
        status.state = state_name(*state);
    }
    let submitted = frames.0.load(Ordering::Relaxed);
    if status.frames != submitted {
        status.frames = submitted;
    }
    let (since, before) = *last_report.get_or_insert((Instant::now(), 0));
    if since.elapsed() >= FRAME_REPORT_EVERY {
        let rate = (submitted - before) as f64 / since.elapsed().as_secs_f64();
        info!("headset: {submitted} frames handed to the runtime so far ({rate:.1} a second lately)");
        *last_report = Some((Instant::now(), submitted));
    }
}

fn state_name(state: XrState) -> &'static str {
    match state {
        XrState::Unavailable => "unavailable",
        XrState::Available => "available",
        XrState::Idle => "idle",
        XrState::Ready => "ready",
        XrState::Running => "running",
        XrState::Stopping => "stopping",
        XrState::Exiting { .. } => "exiting",
    }
}

/// Closing, in the headset: when the runtime was asked to end the session.
#[derive(Resource, Default)]
struct Leaving(Option<Instant>);

/// A runtime that never ends the session must not keep the window open.
/// Generous: a software-rendered runtime takes a few seconds a state.
const LEAVE_AT_MOST: Duration = Duration::from_secs(30);

/// A close (the end of a scripted run, `--exit-after`, the window's close
/// button, Enter after the end) asks the runtime to end the XR session;
/// where there is no running session there is nothing to end.
fn leave(
    mut close: MessageReader<CloseRun>,
    mut window_closed: MessageReader<WindowCloseRequested>,
    state: Option<Res<XrState>>,
    mut leaving: ResMut<Leaving>,
    mut request: MessageWriter<XrRequestExitMessage>,
    mut exit: MessageWriter<AppExit>,
) {
    let asked = close.read().count() + window_closed.read().count() > 0;
    if !asked || leaving.0.is_some() {
        return;
    }
    if state.as_deref() == Some(&XrState::Running) {
        info!("closing: asking the headset runtime to end the session");
        request.write(XrRequestExitMessage);
        leaving.0 = Some(Instant::now());
    } else {
        exit.write(AppExit::Success);
    }
}

/// Exits when the session has ended and the runtime says EXITING: the
/// point where an OpenXR app may let go of the session. The app exits
/// before bevy_mod_openxr would destroy the session while the render world
/// still draws (which panics in the render world at times); the process's
/// exit releases the session and instance.
fn leave_when_exiting(
    state: Option<Res<XrState>>,
    leaving: Res<Leaving>,
    status: Res<HeadsetStatus>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(since) = leaving.0 else { return };
    let exiting = matches!(state.as_deref(), Some(XrState::Exiting { .. } | XrState::Available));
    if exiting {
        info!("the headset session ended cleanly after {} frames", status.frames);
        exit.write(AppExit::Success);
    } else if since.elapsed() > LEAVE_AT_MOST {
        warn!("the headset runtime did not end the session within {LEAVE_AT_MOST:?}; closing anyway");
        exit.write(AppExit::Success);
    }
}

/// Set when the tracked space should be placed again: at the start (the
/// eye height and direction of the seat) and on request.
#[derive(Resource)]
pub struct Recentre(pub bool);

impl Default for Recentre {
    fn default() -> Self {
        Recentre(true)
    }
}

fn ask_recentre(
    keys: Res<ButtonInput<KeyCode>>,
    mut asked: MessageReader<RecentreView>,
    mut recentre: ResMut<Recentre>,
) {
    if keys.just_pressed(KeyCode::KeyR) || asked.read().count() > 0 {
        recentre.0 = true;
    }
}

/// The head between the two eyes, in the tracked space.
fn head_in_space(views: &OxrViews) -> Option<Transform> {
    let (a, b) = (views.first()?.pose.to_transform(), views.get(1)?.pose.to_transform());
    Some(Transform::from_translation((a.translation + b.translation) / 2.0).with_rotation(a.rotation))
}

/// Moves the tracking root so the head is at the seat's eye point, facing
/// along the seat; only the heading is corrected, never the tilt.
fn recentre(
    mut recentre: ResMut<Recentre>,
    views: Res<OxrViews>,
    loaded: Res<Loaded>,
    mut root: Query<&mut Transform, With<XrTrackingRoot>>,
) {
    if !recentre.0 {
        return;
    }
    let (Some(head), Ok(mut root)) = (head_in_space(&views), root.single_mut()) else { return };
    let (eye, facing) = participant_place(&loaded.scenario.scenario.setting, loaded.options.kind);
    let (head_yaw, _, _) = head.rotation.to_euler(EulerRot::YXZ);
    // A head looks along its -z; the seat's facing names +z.
    let seat_heading = facing * Quat::from_rotation_y(std::f32::consts::PI);
    root.rotation = seat_heading * Quat::from_rotation_y(-head_yaw);
    root.translation = eye - root.rotation * head.translation;
    recentre.0 = false;
    // In the scenario's terms: 0° looks along +z, 90° along +x.
    let ahead = root.rotation * head.rotation * Vec3::NEG_Z;
    info!(
        "headset recentred at the participant's seat: eyes at ({:.2}, {:.2}, {:.2}), facing {:.0}°",
        eye.x,
        eye.y,
        eye.z,
        ahead.x.atan2(ahead.z).to_degrees().rem_euclid(360.0)
    );
}

/// The desktop camera shows what the headset shows.
fn follow_head(
    views: Res<OxrViews>,
    root: Query<&Transform, With<XrTrackingRoot>>,
    mut mirror: Query<&mut Transform, (With<ParticipantView>, Without<XrTrackingRoot>)>,
) {
    let (Some(head), Ok(root), Ok(mut mirror)) = (head_in_space(&views), root.single(), mirror.single_mut())
    else {
        return;
    };
    *mirror = root.mul_transform(head);
}

#[derive(Resource)]
struct Actions {
    set: xr::ActionSet,
    select: xr::Action<bool>,
    menu: xr::Action<bool>,
    aim: xr::Action<xr::Posef>,
    hands: [xr::Path; 2],
}

fn create_actions(instance: Res<OxrInstance>, mut commands: Commands) -> Result {
    let hands = [instance.string_to_path("/user/hand/left")?, instance.string_to_path("/user/hand/right")?];
    let set = instance.create_action_set("mestring", "mestring", 0)?;
    let select = set.create_action::<bool>("select", "Choose", &hands)?;
    let menu = set.create_action::<bool>("menu", "Pause", &hands)?;
    let aim = set.create_action::<xr::Posef>("aim", "Point", &hands)?;
    commands.insert_resource(Actions { set, select, menu, aim, hands });
    Ok(())
}

/// Suggested bindings per controller profile. One wrong path makes the
/// runtime refuse a whole profile, so only paths each profile has are used:
/// Touch has a menu button on the left hand only and Index none, so B
/// pauses there.
fn suggest_bindings(actions: Res<Actions>, mut out: MessageWriter<OxrSuggestActionBinding>) {
    let both = |input: &str| -> Vec<std::borrow::Cow<'static, str>> {
        ["left", "right"].iter().map(|hand| format!("/user/hand/{hand}/input/{input}").into()).collect()
    };
    let profiles: [(&str, &str, [&str; 2]); 4] = [
        ("khr/simple_controller", "select/click", ["menu/click", "menu/click"]),
        ("oculus/touch_controller", "trigger/value", ["menu/click", "b/click"]),
        ("valve/index_controller", "trigger/click", ["b/click", "b/click"]),
        ("htc/vive_controller", "trigger/click", ["menu/click", "menu/click"]),
    ];
    for (profile, select, [left_menu, right_menu]) in profiles {
        let profile: std::borrow::Cow<'static, str> = format!("/interaction_profiles/{profile}").into();
        let mut bind = |action: xr::sys::Action, bindings| {
            out.write(OxrSuggestActionBinding { action, interaction_profile: profile.clone(), bindings });
        };
        bind(actions.select.as_raw(), both(select));
        bind(actions.aim.as_raw(), both("aim/pose"));
        bind(
            actions.menu.as_raw(),
            vec![
                format!("/user/hand/left/input/{left_menu}").into(),
                format!("/user/hand/right/input/{right_menu}").into(),
            ],
        );
    }
}

fn attach_actions(actions: Res<Actions>, mut attach: MessageWriter<OxrAttachActionSet>) {
    attach.write(OxrAttachActionSet(actions.set.clone()));
}

fn sync_actions(actions: Res<Actions>, mut sync: MessageWriter<OxrSyncActionSet>) {
    sync.write(OxrSyncActionSet(actions.set.clone()));
}

/// A controller's aim pose, tracked by bevy_mod_openxr under the root.
#[derive(Component)]
struct Aim;

fn spawn_aims(actions: Option<Res<Actions>>, session: Res<OxrSession>, mut commands: Commands) -> Result {
    let Some(actions) = actions else { return Ok(()) };
    for hand in actions.hands {
        let space: XrSpace = session.create_action_space(&actions.aim, hand, Isometry3d::IDENTITY)?;
        commands.spawn((space, Aim));
    }
    Ok(())
}

fn despawn_aims(aims: Query<Entity, With<Aim>>, mut commands: Commands) {
    for aim in &aims {
        commands.entity(aim).despawn();
    }
}

/// Trigger and menu, from either hand. The aim ray of the hand that last
/// pressed the trigger (or the right hand) points at the card.
fn controllers(
    actions: Res<Actions>,
    session: Res<OxrSession>,
    aims: Query<(&GlobalTransform, &XrSpaceLocationFlags), With<Aim>>,
    mut pointer: ResMut<PanelPointer>,
    mut pressed: MessageWriter<ControllerPressed>,
) -> Result {
    let s: &xr::Session<xr::AnyGraphics> = &session;
    let just = |action: &xr::Action<bool>, hand| -> Result<bool> {
        let state = action.state(s, hand)?;
        Ok(state.is_active && state.current_state && state.changed_since_last_sync)
    };
    let (mut trigger, mut menu) = (false, false);
    for hand in actions.hands {
        trigger |= just(&actions.select, hand)?;
        menu |= just(&actions.menu, hand)?;
    }
    if trigger {
        pressed.write(ControllerPressed::Trigger);
    }
    if menu {
        pressed.write(ControllerPressed::Menu);
    }
    // The last tracked aim wins: the right hand is spawned second.
    for (aim, flags) in &aims {
        if flags.position_tracked && flags.rotation_tracked {
            pointer.ray = Some(Ray3d::new(aim.translation(), aim.forward()));
        }
    }
    Ok(())
}
