//! Crowding: the level's `Ambience { crowding }` brings the others' places
//! (and their chairs) closer to the participant, up to `CLOSEST` metres at
//! crowding 1, gliding there when the level changes. A higher level then
//! feels closer as well as busier.

use bevy::prelude::*;

use super::route::{furniture_footprints, participant_at, seat_at};
use crate::app::Loaded;
use crate::app::driver::SessionOutput;
use crate::app::stage::Chair;
use crate::scenario::Setting;
use crate::session::Output;

/// How much closer the others come at crowding 1, metres.
pub const CLOSEST: f32 = 0.35;
/// Nobody is brought nearer than this to the participant.
const NEAREST: f32 = 0.8;
/// A place keeps this far from furniture it is not already at.
const FURNITURE_GAP: f32 = 0.22;

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

pub fn plugin(app: &mut App) {
    app.init_resource::<SeatPlaces>()
        .add_systems(Startup, init_places)
        .add_systems(Update, follow_ambience.in_set(super::Staging::Follow))
        .add_systems(Update, (glide, move_chairs).chain().in_set(super::Staging::Move));
}

/// Where `seat` stands at `crowding` (0..1): moved straight towards the
/// participant by up to `CLOSEST`, stopping short of furniture it would
/// walk into and of the participant themself. The participant's own seat
/// stays where it is.
pub fn crowded_place(setting: &Setting, seat: usize, crowding: f32) -> Vec2 {
    let at = seat_at(setting, seat);
    let you = participant_at(setting);
    let towards = (you - at).normalize_or_zero();
    if setting.seats.get(seat).is_none_or(|s| s.id == setting.participant_seat) || towards == Vec2::ZERO {
        return at;
    }
    let room = furniture_footprints(setting, FURNITURE_GAP);
    // Furniture the seat already stands at (a counter, a desk) is not in
    // the way of leaning in; only what it would newly walk into is.
    let in_the_way: Vec<_> = room.iter().filter(|f| !f.contains(at)).collect();
    let want = CLOSEST * crowding.clamp(0.0, 1.0);
    let mut best = at;
    let steps = 35;
    for i in 1..=steps {
        let p = at + towards * want * i as f32 / steps as f32;
        if in_the_way.iter().any(|f| f.contains(p)) || p.distance(you) < NEAREST {
            break;
        }
        best = p;
    }
    best
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::load_file;

    fn setting(name: &str) -> Setting {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios").join(name);
        load_file(&path).map(|l| l.scenario.setting).unwrap_or_else(|r| panic!("{name}: {:?}", r.findings))
    }

    fn seat(s: &Setting, id: &str) -> usize {
        s.seats.iter().position(|seat| seat.id == id).unwrap()
    }

    #[test]
    fn crowding_brings_the_others_closer_and_leaves_the_participant_seated() {
        let s = setting("team-meeting.ron");
        let you = participant_at(&s);
        for id in ["head", "left-near", "right-near", "right-far"] {
            let i = seat(&s, id);
            let apart = seat_at(&s, i).distance(you);
            let at = |c: f32| crowded_place(&s, i, c).distance(you);
            assert!((at(0.0) - apart).abs() < 1e-5, "{id}: crowding 0 keeps the seat");
            assert!(at(0.5) < apart - 0.1, "{id}: {apart} -> {}", at(0.5));
            assert!(at(1.0) < at(0.5), "{id}");
            assert!(at(1.0) >= apart - CLOSEST - 1e-4, "{id}: no more than {CLOSEST} m");
        }
        let you_seat = seat(&s, "you");
        assert_eq!(crowded_place(&s, you_seat, 1.0), seat_at(&s, you_seat));
    }

    #[test]
    fn a_customer_at_the_counter_is_not_pushed_into_it() {
        let s = setting("upset-customer.ron");
        let counter = furniture_footprints(&s, 0.1);
        for id in ["at-counter", "queue-first", "queue-second", "next-till"] {
            let p = crowded_place(&s, seat(&s, id), 1.0);
            let newly_inside =
                counter.iter().any(|f| f.contains(p) && !f.contains(seat_at(&s, seat(&s, id))));
            assert!(!newly_inside, "{id} pushed into the furniture at {p}");
        }
        // The queue still closes in.
        let q = seat(&s, "queue-second");
        assert!(
            crowded_place(&s, q, 1.0).distance(participant_at(&s))
                < seat_at(&s, q).distance(participant_at(&s)) - 0.3
        );
    }
}
