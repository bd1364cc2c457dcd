//! Entering and leaving by walking: someone who joins at a new level comes
//! in at the door, walks round the furniture to their place and sits down;
//! someone who leaves stands up, walks out and is gone. Those in the room
//! when the session starts are simply in their places.

use bevy::prelude::*;

use super::CastMember;
use super::crowding::SeatPlaces;
use super::route::{Room, doorway};
use crate::app::Loaded;
use crate::app::stage::facing;

/// Walking speed, metres a second: an unhurried office walk.
pub const WALKING_SPEED: f32 = 1.2;
/// Length of one step, metres.
const STEP: f32 = 0.6;
/// Seconds to sit down or stand up.
const SIT_SECONDS: f32 = 0.8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Away,
    WalkingIn,
    SittingDown,
    Seated,
    StandingUp,
    WalkingOut,
}

/// Where someone is in coming and going.
#[derive(Component, Debug)]
pub struct Movement {
    wants_in: bool,
    phase: Phase,
    /// Jump straight to the phase's place, without walking (session start).
    snap: bool,
    route: Vec<Vec2>,
    next: usize,
}

impl Default for Movement {
    fn default() -> Self {
        Movement { wants_in: false, phase: Phase::Away, snap: false, route: Vec::new(), next: 0 }
    }
}

impl Movement {
    /// In the room or on the way in (rather than gone or leaving).
    pub fn is_in(&self) -> bool {
        self.wants_in && self.phase != Phase::Away
    }

    /// Settled in their place, not walking.
    pub fn is_settled(&self) -> bool {
        matches!(self.phase, Phase::Seated | Phase::SittingDown)
    }

    /// The session says whether they are in the room; at the start they
    /// are simply there (or not), later they walk.
    pub fn set_present(&mut self, present: bool, at_once: bool) {
        self.wants_in = present;
        if at_once {
            self.phase = if present { Phase::Seated } else { Phase::Away };
            self.snap = true;
        }
    }
}

/// How the legs and body move: standing or sitting, and the walking stride.
#[derive(Component, Debug, Default)]
pub struct Gait {
    /// 0 seated .. 1 standing.
    pub stand: f32,
    /// 0 still .. 1 walking, eased.
    pub stride: f32,
    /// The walking cycle, radians; one step per half turn.
    pub cycle: f32,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, step.in_set(super::Staging::Move).after(super::crowding::glide));
}

fn yaw_towards(d: Vec2) -> Quat {
    Quat::from_rotation_y(d.x.atan2(d.y))
}

fn plan(loaded: &Loaded, seat: usize, from: Vec2, to: Vec2) -> Vec<Vec2> {
    Room::new(&loaded.scenario.scenario.setting, Some(seat)).route(from, to)
}

/// Walks along `route` from corner `next` for `dt`; true on arrival.
fn walk(transform: &mut Transform, route: &[Vec2], next: &mut usize, dt: f32, k_turn: f32) -> bool {
    let mut budget = WALKING_SPEED * dt;
    let mut at = transform.translation.xz();
    let mut heading = Vec2::ZERO;
    while budget > 0.0 && *next < route.len() {
        let to = route[*next] - at;
        let d = to.length();
        if d > 1e-4 {
            heading = to / d;
        }
        if d <= budget {
            at = route[*next];
            budget -= d;
            *next += 1;
        } else {
            at += heading * budget;
            budget = 0.0;
        }
    }
    transform.translation.x = at.x;
    transform.translation.z = at.y;
    if heading != Vec2::ZERO {
        transform.rotation = transform.rotation.slerp(yaw_towards(heading), k_turn);
    }
    *next >= route.len()
}

#[allow(clippy::type_complexity)]
pub(super) fn step(
    time: Res<Time>,
    loaded: Res<Loaded>,
    places: Res<SeatPlaces>,
    mut cast: Query<(&CastMember, &mut Movement, &mut Gait, &mut Transform, &mut Visibility)>,
) {
    let dt = time.delta_secs();
    let setting = &loaded.scenario.scenario.setting;
    let k_turn = 1.0 - (-8.0 * dt).exp();
    let k_settle = 1.0 - (-5.0 * dt).exp();
    for (member, mut movement, mut gait, mut transform, mut visibility) in &mut cast {
        let seat = member.seat;
        let standing_place = setting.seats.get(seat).is_some_and(|s| s.standing);
        let rest = if standing_place { 1.0 } else { 0.0 };
        let place = places.at(seat);
        let seat_facing = facing(setting.seats.get(seat).map_or(0.0, |s| s.facing));
        let m = &mut *movement;
        if std::mem::take(&mut m.snap) {
            transform.translation = Vec3::new(place.x, 0.0, place.y);
            transform.rotation = seat_facing;
            *gait = Gait { stand: rest, ..default() };
            visibility.set_if_neq(if m.phase == Phase::Away {
                Visibility::Hidden
            } else {
                Visibility::Inherited
            });
            continue;
        }
        let mut walking = false;
        match m.phase {
            Phase::Away => {
                if m.wants_in {
                    let door = doorway(setting, seat);
                    m.route = plan(&loaded, seat, door, place);
                    m.next = 1;
                    transform.translation = Vec3::new(door.x, 0.0, door.y);
                    if let Some(first) = m.route.get(1) {
                        transform.rotation = yaw_towards(*first - door);
                    }
                    *gait = Gait { stand: 1.0, ..default() };
                    m.phase = Phase::WalkingIn;
                    *visibility = Visibility::Inherited;
                }
            }
            Phase::WalkingIn | Phase::WalkingOut => {
                let inbound = m.phase == Phase::WalkingIn;
                if inbound != m.wants_in {
                    // Turned back half-way: a level changed again.
                    let here = transform.translation.xz();
                    let to = if m.wants_in { place } else { doorway(setting, seat) };
                    m.route = plan(&loaded, seat, here, to);
                    m.next = 1;
                    m.phase = if m.wants_in { Phase::WalkingIn } else { Phase::WalkingOut };
                }
                if m.phase == Phase::WalkingIn
                    && let Some(last) = m.route.last_mut()
                {
                    // The place may be gliding with the crowding.
                    *last = place;
                }
                walking = true;
                let Movement { route, next, .. } = &mut *m;
                if walk(&mut transform, route, next, dt, k_turn) {
                    if m.phase == Phase::WalkingIn {
                        m.phase = Phase::SittingDown;
                    } else {
                        m.phase = Phase::Away;
                        *visibility = Visibility::Hidden;
                    }
                }
            }
            Phase::SittingDown | Phase::Seated => {
                if !m.wants_in {
                    m.phase = Phase::StandingUp;
                } else {
                    // Turn to face the table and sit; then stay with the
                    // place as crowding moves it.
                    gait.stand = move_towards(gait.stand, rest, dt / SIT_SECONDS);
                    let here = transform.translation.xz().lerp(place, k_settle);
                    transform.translation = Vec3::new(here.x, 0.0, here.y);
                    transform.rotation = transform.rotation.slerp(seat_facing, k_turn);
                    if m.phase == Phase::SittingDown && gait.stand == rest {
                        m.phase = Phase::Seated;
                    }
                }
            }
            Phase::StandingUp => {
                if m.wants_in {
                    m.phase = Phase::SittingDown;
                } else {
                    gait.stand = move_towards(gait.stand, 1.0, dt / SIT_SECONDS);
                    if gait.stand >= 1.0 {
                        let here = transform.translation.xz();
                        m.route = plan(&loaded, seat, here, doorway(setting, seat));
                        m.next = 1;
                        m.phase = Phase::WalkingOut;
                    }
                }
            }
        }
        let k_stride = 1.0 - (-6.0 * dt).exp();
        gait.stride += (if walking { 1.0 } else { 0.0 } - gait.stride) * k_stride;
        if walking {
            gait.cycle =
                (gait.cycle + dt * WALKING_SPEED / STEP * std::f32::consts::PI) % std::f32::consts::TAU;
        }
    }
}

fn move_towards(from: f32, to: f32, by: f32) -> f32 {
    if (to - from).abs() <= by { to } else { from + by.copysign(to - from) }
}
