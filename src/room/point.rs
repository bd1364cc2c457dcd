//! A point on the floor plan: the little arithmetic the room's geometry
//! needs, so the core does without a maths library and the shell converts
//! to its own vectors at the edge.

use std::ops::{Add, Div, Mul, Neg, Sub};

use crate::scenario::FloorPoint;

/// A place on the floor, metres from the room's centre: `x` across the
/// room, `z` along it (the scenario's `(x, z)`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    pub x: f32,
    pub z: f32,
}

impl Point {
    pub const ZERO: Point = Point { x: 0.0, z: 0.0 };

    pub const fn new(x: f32, z: f32) -> Point {
        Point { x, z }
    }

    pub fn dot(self, other: Point) -> f32 {
        self.x * other.x + self.z * other.z
    }

    pub fn length_squared(self) -> f32 {
        self.dot(self)
    }

    pub fn length(self) -> f32 {
        self.length_squared().sqrt()
    }

    pub fn distance_squared(self, other: Point) -> f32 {
        (self - other).length_squared()
    }

    pub fn distance(self, other: Point) -> f32 {
        (self - other).length()
    }

    // lerp, normalize_or_zero and clamp round as glam's Vec2 does, so the
    // ways and places worked out here are the ones the shell worked out
    // with Bevy's vectors, to the last bit.

    /// The point `t` of the way from `self` to `to`.
    pub fn lerp(self, to: Point, t: f32) -> Point {
        self * (1.0 - t) + to * t
    }

    /// The same direction at length 1; zero for a zero (or non-finite)
    /// vector, so a place already at the participant moves nowhere.
    pub fn normalize_or_zero(self) -> Point {
        let rcp = self.length().recip();
        if rcp.is_finite() && rcp > 0.0 { self * rcp } else { Point::ZERO }
    }

    /// Each coordinate held within `lo..=hi`.
    pub fn clamp(self, lo: Point, hi: Point) -> Point {
        let held = |v: f32, lo: f32, hi: f32| {
            let v = if v > lo { v } else { lo };
            if v < hi { v } else { hi }
        };
        Point::new(held(self.x, lo.x, hi.x), held(self.z, lo.z, hi.z))
    }

    /// This offset as seen from something turned by `facing` degrees (0
    /// looks along +z, 90 along +x): its own across (`x`) and ahead (`z`).
    pub fn unturned(self, facing: f32) -> Point {
        let (sin, cos) = facing.to_radians().sin_cos();
        Point::new(self.x * cos - self.z * sin, self.x * sin + self.z * cos)
    }
}

impl From<FloorPoint> for Point {
    fn from(p: FloorPoint) -> Point {
        Point::new(p.0, p.1)
    }
}

impl Add for Point {
    type Output = Point;
    fn add(self, o: Point) -> Point {
        Point::new(self.x + o.x, self.z + o.z)
    }
}

impl Sub for Point {
    type Output = Point;
    fn sub(self, o: Point) -> Point {
        Point::new(self.x - o.x, self.z - o.z)
    }
}

impl Div<f32> for Point {
    type Output = Point;
    fn div(self, k: f32) -> Point {
        Point::new(self.x / k, self.z / k)
    }
}

impl Neg for Point {
    type Output = Point;
    fn neg(self) -> Point {
        Point::new(-self.x, -self.z)
    }
}

impl Mul<f32> for Point {
    type Output = Point;
    fn mul(self, k: f32) -> Point {
        Point::new(self.x * k, self.z * k)
    }
}

impl std::fmt::Display for Point {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "({}, {})", self.x, self.z)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unturning_undoes_a_facing() {
        // Something facing +x (90°) has +x straight ahead of it.
        let ahead = Point::new(1.0, 0.0).unturned(90.0);
        assert!((ahead.x).abs() < 1e-6 && (ahead.z - 1.0).abs() < 1e-6, "{ahead}");
        // Facing -z (180°), a point towards -x is on its left (+x local).
        let side = Point::new(-1.0, 0.0).unturned(180.0);
        assert!((side.x - 1.0).abs() < 1e-6 && side.z.abs() < 1e-6, "{side}");
    }
}
