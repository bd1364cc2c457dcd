//! Attitude in the body and face: a friendly colleague leans in and
//! smiles, a critical one leans back with arms crossed, brows drawn down
//! and the mouth turned down, an uninterested one slumps and fidgets. A
//! level change that alters someone's attitude blends over about a second.

use bevy::prelude::*;

use crate::scenario::Attitude;

/// What an attitude does to a body and face. Angles in radians.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Bearing {
    /// Forward lean of the upper body (negative leans back).
    pub lean: f32,
    /// Sideways tilt of the upper body (a slump).
    pub tilt: f32,
    /// 0: arms resting, 1: arms crossed.
    pub crossed: f32,
    /// How restless: shifting, drumming fingers.
    pub fidget: f32,
    /// Eyebrow angle: positive draws the inner ends down (a frown),
    /// negative lifts them (open, warm).
    pub brow_angle: f32,
    /// Eyebrows raised (positive) or lowered, metres.
    pub brow_raise: f32,
    /// The mouth's curve: 1 a smile, 0 flat, -1 turned down.
    pub mouth: f32,
    /// Looking aside rather than down when not looking at the participant.
    pub aside: f32,
}

impl Bearing {
    pub fn of(attitude: Attitude) -> Bearing {
        match attitude {
            Attitude::Friendly => {
                Bearing { lean: 0.14, brow_angle: -0.2, brow_raise: 0.006, mouth: 1.0, ..Bearing::default() }
            }
            Attitude::Neutral => Bearing::default(),
            Attitude::Critical => Bearing {
                lean: -0.16,
                crossed: 1.0,
                brow_angle: 0.5,
                brow_raise: -0.006,
                mouth: -0.9,
                ..Bearing::default()
            },
            Attitude::Uninterested => Bearing {
                lean: -0.08,
                tilt: 0.07,
                fidget: 1.0,
                brow_angle: 0.2,
                brow_raise: -0.004,
                mouth: -0.35,
                aside: 1.0,
                ..Bearing::default()
            },
        }
    }

    fn lerp(self, to: Bearing, k: f32) -> Bearing {
        let l = |a: f32, b: f32| a + (b - a) * k;
        Bearing {
            lean: l(self.lean, to.lean),
            tilt: l(self.tilt, to.tilt),
            crossed: l(self.crossed, to.crossed),
            fidget: l(self.fidget, to.fidget),
            brow_angle: l(self.brow_angle, to.brow_angle),
            brow_raise: l(self.brow_raise, to.brow_raise),
            mouth: l(self.mouth, to.mouth),
            aside: l(self.aside, to.aside),
        }
    }
}

/// A character's bearing now, on its way to what their attitude asks.
#[derive(Component, Debug, Default)]
pub struct Expression {
    pub now: Bearing,
    target: Bearing,
}

impl Expression {
    pub fn new(attitude: Attitude) -> Expression {
        let b = Bearing::of(attitude);
        Expression { now: b, target: b }
    }

    /// A new attitude: shown at once (at the session's start) or blended in.
    pub fn set(&mut self, attitude: Attitude, at_once: bool) {
        self.target = Bearing::of(attitude);
        if at_once {
            self.now = self.target;
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, blend.in_set(super::Staging::Move));
}

/// Most of the way in a second: a change of mood, not a switch.
fn blend(time: Res<Time>, mut expressions: Query<&mut Expression>) {
    let k = 1.0 - (-3.5 * time.delta_secs()).exp();
    for mut e in &mut expressions {
        if e.now != e.target {
            let target = e.target;
            let next = e.now.lerp(target, k);
            e.now = next;
        }
    }
}
