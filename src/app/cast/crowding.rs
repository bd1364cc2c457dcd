//! Crowding: the level's `Ambience { crowding }` brings the others' places
//! (and their chairs) closer to the participant, gliding there when the
//! level changes. Where each place goes is floor geometry in the core
//! (`crate::room::crowded_place`); this moves the chairs and people.

use bevy::prelude::*;

use super::route::{seat_at, vec2};
use crate::app::Loaded;
use crate::app::driver::SessionOutput;
use crate::app::stage::Chair;
use crate::room;
use crate::scenario::Setting;
use crate::session::Output;

/// Where each seat of the setting is now (by seat index), and where the
/// level's crowding wants it.
#[derive(Resource, Debug, Default)]
pub struct SeatPlaces {
    pub now: Vec<Vec2>,
    target: Vec<Vec2>,
    /// The first ambience of a session places everyone at once.
    placed: bool,
}

impl SeatPlaces {
    pub fn at(&self, seat: usize) -> Vec2 {
        self.now.get(seat).copied().unwrap_or_default()
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SeatPlaces>()
        .add_systems(Startup, init_places)
        .add_systems(Update, follow_ambience.in_set(super::Staging::Follow))
        .add_systems(Update, (glide, move_chairs).chain().in_set(super::Staging::Move));
}

/// Where `seat` stands at `crowding` (0..1): see [`room::crowded_place`].
pub fn crowded_place(setting: &Setting, seat: usize, crowding: f32) -> Vec2 {
    vec2(room::crowded_place(setting, seat, crowding))
}

fn init_places(mut places: ResMut<SeatPlaces>, loaded: Res<Loaded>) {
    let setting = &loaded.scenario.scenario.setting;
    places.now = (0..setting.seats.len()).map(|i| seat_at(setting, i)).collect();
    places.target = places.now.clone();
}

fn follow_ambience(
    mut outputs: MessageReader<SessionOutput>,
    mut places: ResMut<SeatPlaces>,
    loaded: Res<Loaded>,
) {
    let setting = &loaded.scenario.scenario.setting;
    for SessionOutput(o) in outputs.read() {
        if let Output::Ambience { crowding, .. } = o.item {
            let places = &mut *places;
            for (seat, target) in places.target.iter_mut().enumerate() {
                *target = crowded_place(setting, seat, crowding);
            }
            if !places.placed {
                places.now.clone_from(&places.target);
                places.placed = true;
            }
        }
    }
}

/// Places glide to where crowding wants them, most of the way in about
/// two seconds: slow enough to feel like people shifting their chairs in.
pub(super) fn glide(time: Res<Time>, mut places: ResMut<SeatPlaces>) {
    let k = 1.0 - (-1.5 * time.delta_secs()).exp();
    let places = places.bypass_change_detection();
    for (now, target) in places.now.iter_mut().zip(&places.target) {
        if now.distance_squared(*target) > 1e-8 {
            *now = now.lerp(*target, k);
        }
    }
}

fn move_chairs(places: Res<SeatPlaces>, mut chairs: Query<(&Chair, &mut Transform)>) {
    for (chair, mut transform) in &mut chairs {
        let at = places.at(chair.seat);
        if transform.translation.xz().distance_squared(at) > 1e-8 {
            transform.translation.x = at.x;
            transform.translation.z = at.y;
        }
    }
}
