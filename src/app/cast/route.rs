//! Where people walk, in Bevy's terms: the walking grid and its routes
//! live in the core (`crate::room`); this only turns its floor points into
//! the stage's `Vec2` (x, z) and back.

use bevy::math::Vec2;

use crate::room::{self, Point, WalkingGrid};
use crate::scenario::Setting;

/// A floor point as the stage's (x, z).
pub fn vec2(p: Point) -> Vec2 {
    Vec2::new(p.x, p.z)
}

/// The stage's (x, z) as a floor point.
pub fn point(v: Vec2) -> Point {
    Point::new(v.x, v.y)
}

/// A seat's place on the floor.
pub fn seat_at(setting: &Setting, seat: usize) -> Vec2 {
    vec2(room::seat_at(setting, seat))
}

/// Where people come in and go out (see [`room::doorway`]).
pub fn doorway(setting: &Setting, seat: usize) -> Vec2 {
    vec2(room::doorway(setting, seat))
}

/// The room as one walker sees it (see [`WalkingGrid`]).
pub struct Room(WalkingGrid);

impl Room {
    pub fn new(setting: &Setting, walker_seat: Option<usize>) -> Room {
        Room(WalkingGrid::new(setting, walker_seat))
    }

    /// A way from `from` to `to`, corners included (see [`WalkingGrid::route`]).
    pub fn route(&self, from: Vec2, to: Vec2) -> Vec<Vec2> {
        self.0.route(point(from), point(to)).into_iter().map(vec2).collect()
    }
}
