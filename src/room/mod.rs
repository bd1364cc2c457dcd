//! The room as geometry: its size, what stands in it, where people sit and
//! how high their heads are, the doorway, the walking grid and the routes
//! through it, and how crowding moves the places. Pure floor-plan maths
//! (x across the room, z along it, metres from its centre), with no Bevy:
//! the stage, the sound and the checker all ask here, so each fact lives
//! in one place and what the checker accepts is what the shell can walk.

mod crowding;
mod furniture;
mod point;
mod walk;

pub use crowding::{CLOSEST, crowded_place};
pub use furniture::{
    CHAIR_SIDE, DESK_TOP_M, Footprint, Surface, floor_size, furniture_footprints, surface, surface_under,
};
pub use point::Point;
pub use walk::{CLEARANCE, WalkingGrid};

use crate::scenario::{PropKind, RoomKind, Seat, Setting};

/// Seated head (eye and mouth) height, metres.
pub const SEATED_HEAD_M: f32 = 1.2;

/// Standing head height, metres: at a service counter, by the coffee machine.
pub const STANDING_HEAD_M: f32 = 1.62;

/// The seat of an ordinary chair and of a tall counter chair, metres.
pub const CHAIR_SEAT_M: f32 = 0.45;
pub const HIGH_CHAIR_SEAT_M: f32 = 0.72;

/// Seated head height on a tall counter chair: the seated eye sits about
/// 0.75 m over the seat for an adult, as on an ordinary chair.
pub const HIGH_CHAIR_HEAD_M: f32 = SEATED_HEAD_M + HIGH_CHAIR_SEAT_M - CHAIR_SEAT_M;

/// How far a walker's centre keeps from the walls, metres: a person's
/// shoulders. A seat nearer the wall than this cannot be reached either.
pub const WALL_GAP: f32 = 0.3;

/// Width (x) and depth (z) of each kind of room, metres.
pub fn room_size(kind: RoomKind) -> (f32, f32) {
    match kind {
        RoomKind::MeetingRoom => (6.0, 7.0),
        RoomKind::ServiceCounter => (8.0, 7.0),
        RoomKind::ManagersOffice => (4.5, 5.0),
        RoomKind::LunchRoom => (7.0, 7.0),
        RoomKind::OpenOffice => (10.0, 9.0),
    }
}

/// Half the room's width and depth: the walls stand at `±x` and `±z`.
pub fn half_size(kind: RoomKind) -> Point {
    let (w, d) = room_size(kind);
    Point::new(w / 2.0, d / 2.0)
}

/// Whether a person's centre fits at `p`: inside the walls and at least
/// [`WALL_GAP`] from each.
pub fn within_walls(kind: RoomKind, p: Point) -> bool {
    let half = half_size(kind);
    p.x.abs() <= half.x - WALL_GAP && p.z.abs() <= half.z - WALL_GAP
}

/// Where a head is: over a place on the floor, at a height, facing a way.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Head {
    pub at: Point,
    pub height: f32,
    /// Degrees from +z towards +x, as a seat's `facing`.
    pub facing: f32,
}

impl Head {
    /// The head of whoever takes `seat`: standing, seated, or seated on a
    /// tall chair.
    pub fn of(seat: &Seat) -> Head {
        let height = match (seat.standing, seat.high_chair) {
            (true, _) => STANDING_HEAD_M,
            (false, true) => HIGH_CHAIR_HEAD_M,
            (false, false) => SEATED_HEAD_M,
        };
        Head { at: seat.at.into(), height, facing: seat.facing }
    }
}

impl Default for Head {
    /// Seated at the room's centre, facing +z: where a setting without the
    /// participant's seat puts them.
    fn default() -> Self {
        Head { at: Point::ZERO, height: SEATED_HEAD_M, facing: 0.0 }
    }
}

/// The participant's seat, if the setting has it.
pub fn participant_seat(setting: &Setting) -> Option<&Seat> {
    setting.seats.iter().find(|s| s.id == setting.participant_seat)
}

/// The participant's head (see [`Head::default`] for a setting without
/// their seat).
pub fn participant_head(setting: &Setting) -> Head {
    participant_seat(setting).map_or_else(Head::default, Head::of)
}

/// Where the participant watches a modelling run from: seated at the side
/// of the room, beside and a little behind their own seat (where the peer
/// sits), turned towards what happens in front of it, so they see the
/// peer and the people the peer answers. On the seat's right, or on its
/// left where the right is too close to a wall.
pub fn watcher_head(setting: &Setting) -> Head {
    let seat = participant_head(setting);
    let facing = seat.facing.to_radians();
    let ahead = Point::new(facing.sin(), facing.cos());
    let right = Point::new(facing.cos(), -facing.sin());
    let place = |side: f32| seat.at + right * (1.3 * side) - ahead * 0.7;
    let inside = |p: Point| {
        within_walls(setting.room, p) && {
            let half = half_size(setting.room);
            p.x.abs() <= half.x - 0.5 && p.z.abs() <= half.z - 0.5
        }
    };
    let half = half_size(setting.room) - Point::new(0.5, 0.5);
    let at = [place(1.0), place(-1.0)]
        .into_iter()
        .find(|p| inside(*p))
        .unwrap_or_else(|| place(1.0).clamp(-half, half));
    // Towards a point two metres in front of the peer: the scene itself.
    let look_at = seat.at + ahead * 2.0;
    let to = look_at - at;
    Head { at, height: SEATED_HEAD_M, facing: to.x.atan2(to.z).to_degrees() }
}

/// The participant's place on the floor.
pub fn participant_at(setting: &Setting) -> Point {
    participant_seat(setting).map_or(Point::ZERO, |s| s.at.into())
}

/// A seat's place on the floor, by index in the setting.
pub fn seat_at(setting: &Setting, seat: usize) -> Point {
    setting.seats.get(seat).map_or(Point::ZERO, |s| s.at.into())
}

/// Where people come in and go out: the room's door, or else the point
/// of the wall nearest to `seat`.
pub fn doorway(setting: &Setting, seat: usize) -> Point {
    // Just inside the wall, so a door drawn in it is still in the room.
    let half = half_size(setting.room) - Point::new(0.05, 0.05);
    if let Some(door) = setting.props.iter().find(|p| p.kind == PropKind::Door) {
        return Point::from(door.at).clamp(-half, half);
    }
    let at = seat_at(setting, seat);
    [Point::new(-half.x, at.z), Point::new(half.x, at.z), Point::new(at.x, -half.z), Point::new(at.x, half.z)]
        .into_iter()
        .min_by(|a, b| a.distance_squared(at).total_cmp(&b.distance_squared(at)))
        .unwrap_or(at)
}

/// The way someone walks in from the doorway to `seat`, if there is one on
/// the walking grid: what the shell walks, and what the checker asks for.
pub fn way_in(setting: &Setting, seat: usize) -> Option<Vec<Point>> {
    WalkingGrid::new(setting, Some(seat)).find_route(doorway(setting, seat), seat_at(setting, seat))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Scenario, load_file};

    pub(super) fn scenario(name: &str) -> Scenario {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios").join(name);
        load_file(&path).map(|l| l.scenario).unwrap_or_else(|r| panic!("{name}: {:?}", r.findings))
    }

    pub(super) const SHIPPED: [&str; 4] =
        ["team-meeting.ron", "upset-customer.ron", "return-to-work-manager.ron", "lunch-colleagues.ron"];

    #[test]
    fn without_a_door_people_come_from_the_nearest_wall() {
        let mut s = scenario("team-meeting.ron");
        assert_eq!(doorway(&s.setting, 0), Point::new(-2.0, 3.45), "the meeting room's door");
        s.setting.props.retain(|p| p.kind != PropKind::Door);
        let kari = s.setting.seats.iter().position(|seat| seat.id == "head").unwrap();
        // Kari sits 1.6 m from the back wall at z = -3.5.
        assert_eq!(doorway(&s.setting, kari), Point::new(0.0, -3.45));
    }

    #[test]
    fn heads_are_seated_or_standing_with_the_seat() {
        let meeting = scenario("team-meeting.ron");
        let you = participant_head(&meeting.setting);
        assert_eq!(you, Head { at: Point::new(0.0, 1.6), height: 1.2, facing: 180.0 });
        // "Du sitter i kundeskranken": seated, on a tall chair that clears
        // the counter top (1.09 m) with the eyes.
        let counter = scenario("upset-customer.ron");
        let head = participant_head(&counter.setting).height;
        assert_eq!(head, HIGH_CHAIR_HEAD_M);
        assert!(head > surface(PropKind::Counter).unwrap().height + 0.3 && head < STANDING_HEAD_M);
        let mut standing = counter.setting.clone();
        let you = standing.seats.iter_mut().find(|s| s.id == standing.participant_seat).unwrap();
        (you.standing, you.high_chair) = (true, false);
        assert_eq!(participant_head(&standing).height, STANDING_HEAD_M);
        let mut nowhere = meeting.setting.clone();
        nowhere.participant_seat = "gone".into();
        assert_eq!(participant_head(&nowhere), Head::default());
    }

    #[test]
    fn every_shipped_seat_is_within_the_walls() {
        for name in SHIPPED {
            let s = scenario(name).setting;
            for seat in &s.seats {
                assert!(within_walls(s.room, seat.at.into()), "{name}: {}", seat.id);
            }
            assert!(!within_walls(s.room, half_size(s.room) - Point::new(0.1, 0.1)), "{name}");
        }
    }
}
