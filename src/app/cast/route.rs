//! Where people walk: from the door to their seat and back, around the
//! furniture, the other chairs and the participant. Pure floor geometry
//! (x across the room, z along it), worked out once when someone sets off,
//! never per frame.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use bevy::math::{Vec2, Vec3};

use crate::app::stage::{facing, furniture, room_size};
use crate::scenario::{PropKind, Setting};

/// Grid cell for route finding, metres.
const CELL: f32 = 0.15;
/// How far a walker's centre keeps from furniture and chairs.
const CLEARANCE: f32 = 0.28;
/// How far a walker's centre keeps from the walls.
const WALL_GAP: f32 = 0.3;
/// The participant is given a wide berth: nobody brushes past their knees.
const PARTICIPANT_BERTH: f32 = 0.75;
/// Half the side of a chair's footprint.
const CHAIR_HALF: f32 = 0.23;

/// Something a walker goes round: a turned rectangle or a circle.
#[derive(Debug, Clone, Copy)]
pub enum Footprint {
    Rect { centre: Vec2, half: Vec2, facing: f32 },
    Circle { centre: Vec2, radius: f32 },
}

impl Footprint {
    pub fn contains(&self, p: Vec2) -> bool {
        match *self {
            Footprint::Rect { centre, half, facing: angle } => {
                let local = facing(angle).inverse() * Vec3::new(p.x - centre.x, 0.0, p.y - centre.y);
                local.x.abs() <= half.x && local.z.abs() <= half.y
            }
            Footprint::Circle { centre, radius } => p.distance_squared(centre) <= radius * radius,
        }
    }
}

/// Floor-standing furniture, grown by `margin` on every side.
pub fn furniture_footprints(setting: &Setting, margin: f32) -> Vec<Footprint> {
    setting
        .props
        .iter()
        .filter_map(|p| {
            let (l, d) = match p.kind {
                PropKind::Table | PropKind::Desk | PropKind::Counter => {
                    furniture(p.kind).map(|(l, d, _)| (l, d))?
                }
                PropKind::CoffeeMachine => (1.2, 0.6),
                PropKind::Shelf => (1.2, 0.35),
                PropKind::Plant => (0.6, 0.6),
                // On the walls or on the furniture.
                _ => return None,
            };
            Some(Footprint::Rect {
                centre: Vec2::new(p.at.0, p.at.1),
                half: Vec2::new(l / 2.0 + margin, d / 2.0 + margin),
                facing: p.facing,
            })
        })
        .collect()
}

/// A seat's place on the floor.
pub fn seat_at(setting: &Setting, seat: usize) -> Vec2 {
    setting.seats.get(seat).map_or(Vec2::ZERO, |s| Vec2::new(s.at.0, s.at.1))
}

/// The participant's place on the floor.
pub fn participant_at(setting: &Setting) -> Vec2 {
    setting
        .seats
        .iter()
        .find(|s| s.id == setting.participant_seat)
        .map_or(Vec2::ZERO, |s| Vec2::new(s.at.0, s.at.1))
}

/// Where people come in and go out: the room's door, or else the point
/// of the wall nearest to `seat`.
pub fn doorway(setting: &Setting, seat: usize) -> Vec2 {
    let (w, d) = room_size(setting.room);
    let half = Vec2::new(w / 2.0 - 0.05, d / 2.0 - 0.05);
    if let Some(door) = setting.props.iter().find(|p| p.kind == PropKind::Door) {
        return Vec2::new(door.at.0, door.at.1).clamp(-half, half);
    }
    let at = seat_at(setting, seat);
    [Vec2::new(-half.x, at.y), Vec2::new(half.x, at.y), Vec2::new(at.x, -half.y), Vec2::new(at.x, half.y)]
        .into_iter()
        .min_by(|a, b| a.distance_squared(at).total_cmp(&b.distance_squared(at)))
        .unwrap_or(at)
}

/// The room as one walker sees it: everything to go round except their
/// own chair.
pub struct Room {
    half: Vec2,
    blocked: Vec<Footprint>,
    columns: usize,
    rows: usize,
}

impl Room {
    pub fn new(setting: &Setting, walker_seat: Option<usize>) -> Room {
        let (w, d) = room_size(setting.room);
        let mut blocked = furniture_footprints(setting, CLEARANCE);
        for (i, seat) in setting.seats.iter().enumerate() {
            if Some(i) == walker_seat {
                continue;
            }
            let centre = Vec2::new(seat.at.0, seat.at.1);
            if seat.id == setting.participant_seat {
                blocked.push(Footprint::Circle { centre, radius: PARTICIPANT_BERTH });
            } else if !seat.standing {
                let half = Vec2::splat(CHAIR_HALF + CLEARANCE);
                blocked.push(Footprint::Rect { centre, half, facing: seat.facing });
            }
        }
        let columns = (w / CELL).ceil() as usize;
        let rows = (d / CELL).ceil() as usize;
        Room { half: Vec2::new(w / 2.0, d / 2.0), blocked, columns, rows }
    }

    /// Whether a walker's centre may stand at `p`.
    pub fn free(&self, p: Vec2) -> bool {
        p.x.abs() <= self.half.x - WALL_GAP
            && p.y.abs() <= self.half.y - WALL_GAP
            && !self.blocked.iter().any(|f| f.contains(p))
    }

    fn centre(&self, cell: usize) -> Vec2 {
        let (c, r) = (cell % self.columns, cell / self.columns);
        Vec2::new((c as f32 + 0.5) * CELL - self.half.x, (r as f32 + 0.5) * CELL - self.half.y)
    }

    fn nearest_free(&self, free: &[bool], p: Vec2) -> Option<usize> {
        (0..free.len()).filter(|&i| free[i]).min_by(|&a, &b| {
            self.centre(a).distance_squared(p).total_cmp(&self.centre(b).distance_squared(p))
        })
    }

    /// Whether the straight way from `a` to `b` stays clear.
    fn clear(&self, a: Vec2, b: Vec2) -> bool {
        let steps = (a.distance(b) / (CELL / 3.0)).ceil().max(1.0) as usize;
        (0..=steps).all(|i| self.free(a.lerp(b, i as f32 / steps as f32)))
    }

    /// A way from `from` to `to`: corners to walk through, the first being
    /// `from` and the last `to`. Both ends may lie in tight spots (a door
    /// in the wall, a chair at the table); the way leaves and reaches them
    /// straight from the nearest open floor. If the floor offers no way,
    /// the straight line.
    pub fn route(&self, from: Vec2, to: Vec2) -> Vec<Vec2> {
        let free: Vec<bool> = (0..self.columns * self.rows).map(|i| self.free(self.centre(i))).collect();
        let (Some(start), Some(goal)) = (self.nearest_free(&free, from), self.nearest_free(&free, to)) else {
            return vec![from, to];
        };
        let Some(cells) = self.search(&free, start, goal) else { return vec![from, to] };
        let corners: Vec<Vec2> = cells.iter().map(|&c| self.centre(c)).collect();
        // Pull the way taut: from each corner, straight to the furthest
        // corner in clear sight.
        let mut way = vec![from, corners[0]];
        let mut i = 0;
        while i + 1 < corners.len() {
            let mut j = corners.len() - 1;
            while j > i + 1 && !self.clear(corners[i], corners[j]) {
                j -= 1;
            }
            way.push(corners[j]);
            i = j;
        }
        way.push(to);
        way.dedup_by(|a, b| a.distance_squared(*b) < 1e-4);
        way
    }

    /// A* over the grid, eight ways, never cutting a blocked corner.
    fn search(&self, free: &[bool], start: usize, goal: usize) -> Option<Vec<usize>> {
        let (cols, rows) = (self.columns as i64, self.rows as i64);
        let estimate = |cell: usize| {
            let (dx, dy) = (
                (cell as i64 % cols - goal as i64 % cols).unsigned_abs(),
                (cell as i64 / cols - goal as i64 / cols).unsigned_abs(),
            );
            10 * dx.max(dy) + 4 * dx.min(dy)
        };
        let mut cost = vec![u64::MAX; free.len()];
        let mut came_from = vec![usize::MAX; free.len()];
        let mut open = BinaryHeap::new();
        cost[start] = 0;
        open.push(Reverse((estimate(start), start)));
        while let Some(Reverse((_, cell))) = open.pop() {
            if cell == goal {
                let mut way = vec![goal];
                let mut at = goal;
                while at != start {
                    at = came_from[at];
                    way.push(at);
                }
                way.reverse();
                return Some(way);
            }
            let (c, r) = (cell as i64 % cols, cell as i64 / cols);
            for (dc, dr) in [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1)] {
                let (nc, nr) = (c + dc, r + dr);
                if !(0..cols).contains(&nc) || !(0..rows).contains(&nr) {
                    continue;
                }
                let next = (nr * cols + nc) as usize;
                let diagonal = dc != 0 && dr != 0;
                if !free[next]
                    || (diagonal && !(free[(r * cols + nc) as usize] && free[(nr * cols + c) as usize]))
                {
                    continue;
                }
                let through = cost[cell] + if diagonal { 14 } else { 10 };
                if through < cost[next] {
                    cost[next] = through;
                    came_from[next] = cell;
                    open.push(Reverse((through + estimate(next), next)));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Scenario, load_file};

    fn scenario(name: &str) -> Scenario {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios").join(name);
        load_file(&path).map(|l| l.scenario).unwrap_or_else(|r| panic!("{name}: {:?}", r.findings))
    }

    /// The nearest the way comes to `p`.
    fn closest(way: &[Vec2], p: Vec2) -> f32 {
        way.windows(2)
            .map(|w| {
                let (a, b) = (w[0], w[1]);
                let t = ((p - a).dot(b - a) / (b - a).length_squared().max(1e-6)).clamp(0.0, 1.0);
                a.lerp(b, t).distance(p)
            })
            .fold(f32::MAX, f32::min)
    }

    fn length(way: &[Vec2]) -> f32 {
        way.windows(2).map(|w| w[0].distance(w[1])).sum()
    }

    #[test]
    fn a_late_colleague_walks_round_the_participant_and_the_table_to_his_seat() {
        let s = scenario("team-meeting.ron");
        let ola = s.setting.seats.iter().position(|seat| seat.id == "right-near").unwrap();
        let door = doorway(&s.setting, ola);
        assert_eq!(door, Vec2::new(-2.0, 3.45), "the meeting room's door");
        let way = Room::new(&s.setting, Some(ola)).route(door, seat_at(&s.setting, ola));
        assert_eq!(way.first(), Some(&door));
        assert_eq!(way.last(), Some(&Vec2::new(1.0, 0.6)));
        // The straight line passes right through the participant's seat.
        let you = participant_at(&s.setting);
        assert!(closest(&[door, Vec2::new(1.0, 0.6)], you) < 0.3);
        assert!(closest(&way, you) > 0.7, "passes {:.2} m from the participant: {way:?}", closest(&way, you));
        // Never over the table (1.0 across, 1.8 along, turned).
        let table = furniture_footprints(&s.setting, 0.0)[0];
        let crosses =
            way.windows(2).any(|w| (0..=50).any(|i| table.contains(w[0].lerp(w[1], i as f32 / 50.0))));
        assert!(!crosses, "crosses the table: {way:?}");
        assert!(length(&way) < 9.0, "a detour of {:.1} m: {way:?}", length(&way));
    }

    #[test]
    fn without_a_door_people_come_from_the_nearest_wall() {
        let mut s = scenario("team-meeting.ron");
        s.setting.props.retain(|p| p.kind != PropKind::Door);
        let kari = s.setting.seats.iter().position(|seat| seat.id == "head").unwrap();
        // Kari sits 1.6 m from the back wall at z = -3.5.
        assert_eq!(doorway(&s.setting, kari), Vec2::new(0.0, -3.45));
    }

    #[test]
    fn every_shipped_seat_can_be_reached_from_the_door() {
        for name in
            ["team-meeting.ron", "upset-customer.ron", "return-to-work-manager.ron", "lunch-colleagues.ron"]
        {
            let s = scenario(name);
            let you = participant_at(&s.setting);
            for (i, seat) in
                s.setting.seats.iter().enumerate().filter(|(_, seat)| seat.id != s.setting.participant_seat)
            {
                let room = Room::new(&s.setting, Some(i));
                let way = room.route(doorway(&s.setting, i), seat_at(&s.setting, i));
                assert!(way.len() >= 2);
                // Not straight through anyone: the way keeps off the
                // participant except in its last step into a seat beside them.
                let before_last = &way[..way.len() - 1];
                assert!(
                    before_last.len() < 2 || closest(before_last, you) > 0.5,
                    "{name}, {}: {way:?}",
                    seat.id
                );
            }
        }
    }
}
