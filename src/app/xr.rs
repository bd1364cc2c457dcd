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
//! None of this can run without a headset runtime, so it is exercised only
//! on real hardware; the desktop preview (`--panels-in-room`) covers the
//! card and its pointing.

use bevy::math::Isometry3d;
use bevy::prelude::*;
use bevy::transform::TransformSystems;
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_mod_openxr::action_binding::{OxrSendActionBindings, OxrSuggestActionBinding};
use bevy_mod_openxr::action_set_attaching::OxrAttachActionSet;
use bevy_mod_openxr::action_set_syncing::{OxrActionSetSyncSet, OxrSyncActionSet};
use bevy_mod_openxr::helper_traits::ToTransform;
use bevy_mod_openxr::openxr_session_running;
use bevy_mod_openxr::resources::{OxrInstance, OxrViews};
use bevy_mod_openxr::session::OxrSession;
use bevy_mod_xr::session::{XrPreDestroySession, XrSessionCreated, XrTrackingRoot, session_available};
use bevy_mod_xr::spaces::{XrSpace, XrSpaceLocationFlags};
use openxr as xr;

use super::controller::ControllerPressed;
use super::stage::{ParticipantView, participant_place};
use super::world_panel::PanelPointer;
use super::{AppSystems, Loaded, RecentreView};

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(WinitSettings {
        focused_mode: UpdateMode::Continuous,
        unfocused_mode: UpdateMode::Continuous,
    })
    .init_resource::<Recentre>()
    .add_systems(Startup, create_actions.run_if(session_available))
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
    let (eye, facing) = participant_place(&loaded.scenario.scenario.setting);
    let (head_yaw, _, _) = head.rotation.to_euler(EulerRot::YXZ);
    // A head looks along its -z; the seat's facing names +z.
    let seat_heading = facing * Quat::from_rotation_y(std::f32::consts::PI);
    root.rotation = seat_heading * Quat::from_rotation_y(-head_yaw);
    root.translation = eye - root.rotation * head.translation;
    recentre.0 = false;
    info!("headset recentred at the participant's seat");
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
