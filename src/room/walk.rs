//! Where people walk: from the door to their seat and back, around the
//! furniture, the other chairs and the participant. A grid over the floor,
//! searched once when someone sets off (never per frame), and asked by the
//! checker whether every seat in use can be walked to at all.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::{Footprint, Point, furniture_footprints, half_size, within_walls};
use crate::scenario::{RoomKind, Setting};

/// Grid cell for route finding, metres.
const CELL: f32 = 0.15;
/// How far a walker's centre keeps from furniture and chairs, metres.
pub const CLEARANCE: f32 = 0.28;
/// The participant is given a wide berth: nobody brushes past their knees.
const PARTICIPANT_BERTH: f32 = 0.75;

/// The room as one walker sees it: everything to go round except their
/// own chair.
pub struct WalkingGrid {
    room: RoomKind,
    half: Point,
    /// What the walker's centre keeps clear of, with room to pass.
    blocked: Vec<Footprint>,
    /// What nobody walks through, even on the last step into a tight
    /// spot: the furniture and the chairs themselves.
    solid: Vec<Footprint>,
    columns: usize,
    rows: usize,
}

impl WalkingGrid {
    /// The grid for whoever sits at `walker_seat` (their own chair is not
    /// in their way); `None` for nobody in particular.
    pub fn new(setting: &Setting, walker_seat: Option<usize>) -> WalkingGrid {
        let (w, d) = super::room_size(setting.room);
        let mut blocked = furniture_footprints(setting, CLEARANCE);
        let mut solid = furniture_footprints(setting, 0.0);
        for (i, seat) in setting.seats.iter().enumerate() {
            if Some(i) == walker_seat {
                continue;
            }
            let centre = seat.at.into();
            if seat.id == setting.participant_seat {
                blocked.push(Footprint::Circle { centre, radius: PARTICIPANT_BERTH });
            } else if !seat.standing {
                blocked.push(Footprint::chair(centre, seat.facing, CLEARANCE));
            }
            if !seat.standing {
                solid.push(Footprint::chair(centre, seat.facing, 0.0));
            }
        }
        let columns = (w / CELL).ceil() as usize;
        let rows = (d / CELL).ceil() as usize;
        WalkingGrid { room: setting.room, half: half_size(setting.room), blocked, solid, columns, rows }
    }

    /// Whether a walker's centre may stand at `p`.
    pub fn free(&self, p: Point) -> bool {
        within_walls(self.room, p) && !self.blocked.iter().any(|f| f.contains(p))
    }

    fn centre(&self, cell: usize) -> Point {
        let (c, r) = (cell % self.columns, cell / self.columns);
        Point::new((c as f32 + 0.5) * CELL - self.half.x, (r as f32 + 0.5) * CELL - self.half.z)
    }

    /// Points every few centimetres along the straight way from `a` to `b`.
    fn along(a: Point, b: Point) -> impl Iterator<Item = Point> {
        let steps = (a.distance(b) / (CELL / 3.0)).ceil().max(1.0) as usize;
        (0..=steps).map(move |i| a.lerp(b, i as f32 / steps as f32))
    }

    /// Whether the straight way from `a` to `b` stays on free floor.
    fn clear(&self, a: Point, b: Point) -> bool {
        Self::along(a, b).all(|p| self.free(p))
    }

    /// Whether one can squeeze straight from `a` to `b`: inside the walls
    /// and through no furniture or chair, however tight.
    fn passable(&self, a: Point, b: Point) -> bool {
        Self::along(a, b).all(|p| {
            p.x.abs() <= self.half.x && p.z.abs() <= self.half.z && !self.solid.iter().any(|f| f.contains(p))
        })
    }

    /// The free cell nearest to `p` from which `p` can be stepped to
    /// straight: the open floor a way leaves a tight spot by.
    fn entry(&self, free: &[bool], p: Point) -> Option<usize> {
        let by_distance = |a: &usize, b: &usize| {
            self.centre(*a).distance_squared(p).total_cmp(&self.centre(*b).distance_squared(p))
        };
        let nearest = (0..free.len()).filter(|&i| free[i]).min_by(by_distance)?;
        if self.passable(self.centre(nearest), p) {
            return Some(nearest);
        }
        // Rare: the nearest floor is behind a table or shelf. Try the
        // others, nearest first.
        let mut cells: Vec<usize> = (0..free.len()).filter(|&i| free[i]).collect();
        cells.sort_by(by_distance);
        cells.into_iter().find(|&c| self.passable(self.centre(c), p))
    }

    /// A way from `from` to `to`: corners to walk through, the first being
    /// `from` and the last `to`. Both ends may lie in tight spots (a door
    /// in the wall, a chair at the table); the way leaves and reaches them
    /// straight from the nearest open floor in sight. If the floor offers
    /// no way, the straight line.
    pub fn route(&self, from: Point, to: Point) -> Vec<Point> {
        self.find_route(from, to).unwrap_or_else(|| vec![from, to])
    }

    /// The way of [`route`](Self::route), or `None` if there is none on
    /// the floor: an end walled in, or no free floor between.
    pub fn find_route(&self, from: Point, to: Point) -> Option<Vec<Point>> {
        let free: Vec<bool> = (0..self.columns * self.rows).map(|i| self.free(self.centre(i))).collect();
        let start = self.entry(&free, from)?;
        let goal = self.entry(&free, to)?;
        let cells = self.search(&free, start, goal)?;
        let corners: Vec<Point> = cells.iter().map(|&c| self.centre(c)).collect();
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
        Some(way)
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
    use super::super::tests::{SHIPPED, scenario};
    use super::super::{doorway, participant_at, seat_at, way_in};
    use super::*;
    use crate::scenario::{Prop, PropKind};

    /// The nearest the way comes to `p`.
    fn closest(way: &[Point], p: Point) -> f32 {
        way.windows(2)
            .map(|w| {
                let (a, b) = (w[0], w[1]);
                let t = ((p - a).dot(b - a) / (b - a).length_squared().max(1e-6)).clamp(0.0, 1.0);
                a.lerp(b, t).distance(p)
            })
            .fold(f32::MAX, f32::min)
    }

    fn length(way: &[Point]) -> f32 {
        way.windows(2).map(|w| w[0].distance(w[1])).sum()
    }

    #[test]
    fn a_late_colleague_walks_round_the_participant_and_the_table_to_his_seat() {
        let s = scenario("team-meeting.ron");
        let ola = s.setting.seats.iter().position(|seat| seat.id == "right-near").unwrap();
        let door = doorway(&s.setting, ola);
        assert_eq!(door, Point::new(-2.0, 3.45), "the meeting room's door");
        let way = WalkingGrid::new(&s.setting, Some(ola)).route(door, seat_at(&s.setting, ola));
        assert_eq!(way.first(), Some(&door));
        assert_eq!(way.last(), Some(&Point::new(1.0, 0.6)));
        // The straight line passes right through the participant's seat.
        let you = participant_at(&s.setting);
        assert!(closest(&[door, Point::new(1.0, 0.6)], you) < 0.3);
        assert!(closest(&way, you) > 0.7, "passes {:.2} m from the participant: {way:?}", closest(&way, you));
        // Never over the table (1.0 across, 1.8 along, turned).
        let table = furniture_footprints(&s.setting, 0.0)[0];
        let crosses =
            way.windows(2).any(|w| (0..=50).any(|i| table.contains(w[0].lerp(w[1], i as f32 / 50.0))));
        assert!(!crosses, "crosses the table: {way:?}");
        assert!(length(&way) < 9.0, "a detour of {:.1} m: {way:?}", length(&way));
    }

    #[test]
    fn every_shipped_seat_can_be_reached_from_the_door() {
        for name in SHIPPED {
            let s = scenario(name);
            let you = participant_at(&s.setting);
            for (i, seat) in
                s.setting.seats.iter().enumerate().filter(|(_, seat)| seat.id != s.setting.participant_seat)
            {
                let way = way_in(&s.setting, i).unwrap_or_else(|| panic!("{name}: no way to {}", seat.id));
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

    #[test]
    fn a_seat_walled_in_by_shelves_has_no_way_in() {
        let mut s = scenario("team-meeting.ron");
        let ola = s.setting.seats.iter().position(|seat| seat.id == "right-near").unwrap();
        assert!(way_in(&s.setting, ola).is_some());
        // Shelves above, beside and below Ola's chair; the table on the
        // fourth side.
        for (at, facing) in [((1.0, 1.2), 0.0), ((1.6, 0.6), 90.0), ((1.0, 0.0), 0.0)] {
            let at = crate::scenario::FloorPoint(at.0, at.1);
            s.setting.props.push(Prop { kind: PropKind::Shelf, at, facing, model: None });
        }
        assert_eq!(way_in(&s.setting, ola), None);
        // The shell still gets a way to walk, if a poor one.
        let grid = WalkingGrid::new(&s.setting, Some(ola));
        assert_eq!(grid.route(doorway(&s.setting, ola), seat_at(&s.setting, ola)).len(), 2);
    }
}
