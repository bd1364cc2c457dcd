//! Where a sound is heard from: the listener's pose and a source's place,
//! turned into a gain for each ear.
//!
//! Coordinates are the stage's: metres, y up, the scenario's floor point
//! `(x, z)` on the floor, facing angles turning from +z towards +x (so a
//! listener facing +z has +x on their left, as in the Bevy shell).
//! Panning is equal-power by azimuth, so a sound moving round the head
//! keeps its loudness; distance follows the inverse-distance law from a one
//! metre reference, held at full gain closer in than that so a voice across
//! a small table does not blow up. Where heads are (seats, head heights)
//! is the room's geometry, asked of `crate::room` as the stage asks it.

use crate::room::{self, Head};
use crate::scenario::{FloorPoint, PropKind, Setting};

/// Distance at which a source plays at its own level, metres.
pub const REFERENCE_DISTANCE_M: f32 = 1.0;

/// A point in the room.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Position {
    pub x: f32,
    pub y: f32,
    pub z: f32,
}

impl Position {
    pub const fn new(x: f32, y: f32, z: f32) -> Self {
        Position { x, y, z }
    }

    /// A point on the scenario's floor plan, `height` metres up.
    pub fn on_floor(at: FloorPoint, height: f32) -> Self {
        Position { x: at.0, y: height, z: at.1 }
    }

    /// Where a head is.
    pub fn of_head(head: Head) -> Self {
        Position { x: head.at.x, y: head.height, z: head.at.z }
    }
}

/// Where the listener's head is and which way it faces.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ListenerPose {
    pub at: Position,
    /// Degrees from +z towards +x, as a seat's `facing`.
    pub yaw_degrees: f32,
    /// Metres per world unit: 1.0 when the world is laid out in metres (the
    /// stage is); a scaled-down world passes its scale so distances still
    /// sound right.
    pub scale: f32,
}

impl Default for ListenerPose {
    fn default() -> Self {
        let head = Head::default();
        ListenerPose { at: Position::of_head(head), yaw_degrees: head.facing, scale: 1.0 }
    }
}

impl ListenerPose {
    pub fn new(at: Position, yaw_degrees: f32) -> Self {
        ListenerPose { at, yaw_degrees, scale: 1.0 }
    }

    /// The participant in their seat, facing the way the seat faces. A
    /// setting without that seat puts them at the centre, facing +z.
    pub fn participant(setting: &Setting) -> Self {
        let head = room::participant_head(setting);
        ListenerPose::new(Position::of_head(head), head.facing)
    }

    /// Unit vector the listener looks along, on the floor plane (x, z).
    pub fn forward(&self) -> (f32, f32) {
        let yaw = self.yaw_degrees.to_radians();
        (yaw.sin(), yaw.cos())
    }

    /// Unit vector to the listener's right ear, on the floor plane (x, z):
    /// forward crossed with up.
    pub fn right(&self) -> (f32, f32) {
        let (fx, fz) = self.forward();
        (-fz, fx)
    }

    /// A point `ahead` metres in front and `right` metres to the right of
    /// the listener, at `height`.
    pub fn relative(&self, ahead: f32, right: f32, height: f32) -> Position {
        let (fx, fz) = self.forward();
        let (rx, rz) = self.right();
        Position::new(self.at.x + ahead * fx + right * rx, height, self.at.z + ahead * fz + right * rz)
    }

    /// Azimuth of `source`, degrees: 0 ahead, +90 right, ±180 behind.
    pub fn azimuth_degrees(&self, source: Position) -> f32 {
        let (dx, dz) = (source.x - self.at.x, source.z - self.at.z);
        let (fx, fz) = self.forward();
        let (rx, rz) = self.right();
        let ahead = dx * fx + dz * fz;
        let right = dx * rx + dz * rz;
        right.atan2(ahead).to_degrees()
    }

    /// Distance to `source`, metres.
    pub fn distance_m(&self, source: Position) -> f32 {
        let (dx, dy, dz) = (source.x - self.at.x, source.y - self.at.y, source.z - self.at.z);
        (dx * dx + dy * dy + dz * dz).sqrt() * self.scale
    }
}

/// Gains for the left and right ear.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StereoGains {
    pub left: f32,
    pub right: f32,
}

/// Inverse-distance gain: 1 at and inside the reference distance, halved
/// (-6 dB) each time the distance doubles beyond it.
pub fn distance_gain(distance_m: f32) -> f32 {
    if distance_m.is_nan() {
        return 1.0;
    }
    REFERENCE_DISTANCE_M / distance_m.max(REFERENCE_DISTANCE_M)
}

/// Equal-power pan for an azimuth: both ears at -3 dB straight ahead,
/// all in one ear at ±90°. A source behind pans as its mirror image in
/// front would; two loudspeakers or headphones without head-related
/// filtering cannot tell front from back anyway.
pub fn pan_gains(azimuth_degrees: f32) -> StereoGains {
    let pan = azimuth_degrees.to_radians().sin();
    let pan = if pan.is_nan() { 0.0 } else { pan };
    let angle = (pan + 1.0) * std::f32::consts::FRAC_PI_4;
    StereoGains { left: angle.cos(), right: angle.sin() }
}

/// What each ear gets from a source at `source` heard from `listener`.
pub fn stereo_gains(listener: &ListenerPose, source: Position) -> StereoGains {
    let pan = pan_gains(listener.azimuth_degrees(source));
    let d = distance_gain(listener.distance_m(source));
    StereoGains { left: pan.left * d, right: pan.right * d }
}

/// The first prop of one of `kinds` in the setting, in that order of
/// preference.
pub fn prop_position(setting: &Setting, kinds: &[PropKind], height: f32) -> Option<Position> {
    kinds.iter().find_map(|kind| {
        setting.props.iter().find(|p| p.kind == *kind).map(|p| Position::on_floor(p.at, height))
    })
}

/// Where a thing on the furniture sounds from, at the first prop of these
/// kinds: `above` metres over the top of that table, desk or counter, or
/// over the top it stands on (a laptop on a desk), as the stage puts it
/// there; over the floor for what is neither (a screen on the wall).
pub fn on_furniture(setting: &Setting, kinds: &[PropKind], above: f32) -> Option<Position> {
    kinds.iter().find_map(|kind| {
        setting.props.iter().find(|p| p.kind == *kind).map(|p| {
            let top = room::surface(p.kind)
                .map(|s| s.height)
                .or_else(|| room::surface_under(setting, p.at.into()))
                .unwrap_or(0.0);
            Position::on_floor(p.at, top + above)
        })
    })
}

/// A person's mouth in a seat, by seat id.
pub fn seat_position(setting: &Setting, seat: &str) -> Option<Position> {
    setting.seats.iter().find(|s| s.id == seat).map(|s| Position::of_head(Head::of(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db(g: f32) -> f32 {
        20.0 * g.log10()
    }

    #[test]
    fn a_source_on_the_right_is_louder_in_the_right_ear() {
        // Facing -z (as in the team meeting), +x is on the right.
        let me = ListenerPose::new(Position::new(0.0, 1.2, 1.6), 180.0);
        let right = stereo_gains(&me, Position::new(1.0, 1.2, 0.6));
        let left = stereo_gains(&me, Position::new(-1.0, 1.2, 0.6));
        assert!(right.right > right.left * 2.0, "{right:?}");
        assert!(left.left > left.right * 2.0, "{left:?}");
        assert!((me.azimuth_degrees(Position::new(1.0, 1.2, 0.6)) - 45.0).abs() < 0.01);
        // Facing +z, +x is on the left.
        let other = ListenerPose::new(Position::new(0.0, 1.2, 0.0), 0.0);
        assert!((other.azimuth_degrees(Position::new(-1.0, 1.2, 0.0)) - 90.0).abs() < 0.01);
    }

    #[test]
    fn twice_as_far_is_six_decibels_quieter() {
        let me = ListenerPose::default();
        let near = stereo_gains(&me, me.relative(2.0, 0.0, me.at.y));
        let far = stereo_gains(&me, me.relative(4.0, 0.0, me.at.y));
        let drop = db(near.left) - db(far.left);
        assert!((drop - 6.02).abs() < 0.05, "drop {drop} dB");
        // Inside the reference distance nothing grows.
        let close = stereo_gains(&me, me.relative(0.3, 0.0, me.at.y));
        let at_ref = stereo_gains(&me, me.relative(1.0, 0.0, me.at.y));
        assert_eq!(close, at_ref);
        // A world at half scale (2 units = 1 m) halves the distances.
        let half = ListenerPose { scale: 0.5, ..me };
        let g = stereo_gains(&half, half.relative(4.0, 0.0, half.at.y));
        assert!((g.left - near.left).abs() < 1e-6);
    }

    #[test]
    fn panning_keeps_power_all_round() {
        for az in (-180..=180).step_by(15) {
            let g = pan_gains(az as f32);
            let power = g.left * g.left + g.right * g.right;
            assert!((power - 1.0).abs() < 1e-5, "azimuth {az}: power {power}");
        }
        let ahead = pan_gains(0.0);
        assert!((ahead.left - ahead.right).abs() < 1e-6);
        assert!((db(ahead.left) + 3.01).abs() < 0.02);
        let hard_right = pan_gains(90.0);
        assert!(hard_right.left < 1e-6 && (hard_right.right - 1.0).abs() < 1e-6);
    }

    #[test]
    fn nonsense_positions_give_finite_gains() {
        let me = ListenerPose::default();
        let same = stereo_gains(&me, me.at);
        assert!(same.left.is_finite() && same.right.is_finite());
        let nan = stereo_gains(&me, Position::new(f32::NAN, 0.0, 0.0));
        assert!(nan.left.is_finite() && nan.right.is_finite());
    }
}
