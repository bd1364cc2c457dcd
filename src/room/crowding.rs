//! Crowding as floor geometry: the level's `crowding` (0..1) brings the
//! others' places closer to the participant, up to [`CLOSEST`] metres, so
//! a higher level feels closer as well as busier. The shell glides the
//! chairs and people there; this says where "there" is.

use super::{Point, furniture_footprints, participant_at, seat_at};
use crate::scenario::Setting;

/// How much closer the others come at crowding 1, metres.
pub const CLOSEST: f32 = 0.35;
/// Nobody is brought nearer than this to the participant.
const NEAREST: f32 = 0.8;
/// A place keeps this far from furniture it is not already at.
const FURNITURE_GAP: f32 = 0.22;

/// Where `seat` stands at `crowding` (0..1): moved straight towards the
/// participant by up to `CLOSEST`, stopping short of furniture it would
/// walk into and of the participant themself. The participant's own seat
/// stays where it is.
pub fn crowded_place(setting: &Setting, seat: usize, crowding: f32) -> Point {
    let at = seat_at(setting, seat);
    let you = participant_at(setting);
    let towards = (you - at).normalize_or_zero();
    if setting.seats.get(seat).is_none_or(|s| s.id == setting.participant_seat) || towards == Point::ZERO {
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

#[cfg(test)]
mod tests {
    use super::super::tests::scenario;
    use super::*;

    fn setting(name: &str) -> Setting {
        scenario(name).setting
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
