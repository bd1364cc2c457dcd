//! The pace of a calming pause's breathing, and where in a breath a
//! moment falls: one rule that the breathing guide, its tone and the
//! transcript all read, so what is seen and what is heard never drift
//! apart.

use serde::{Deserialize, Serialize};

use super::Millis;
use crate::scenario::Breathing;
use crate::scenario::resolved::to_millis;

/// A breathing rhythm in milliseconds: in, out, how many breaths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pace {
    pub in_millis: Millis,
    pub out_millis: Millis,
    pub breaths: u32,
}

/// Where a moment of the breathing falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breath {
    /// Breathing in, this far through the in-breath (0..1000 per mille).
    In(u32),
    /// Breathing out, this far through the out-breath (0..1000 per mille).
    Out(u32),
    /// All the breaths are done.
    Done,
}

impl Pace {
    pub fn of(breathing: &Breathing) -> Pace {
        Pace {
            // Never a zero-length half, whatever an unchecked file says.
            in_millis: to_millis(breathing.in_seconds).max(500),
            out_millis: to_millis(breathing.out_seconds).max(500),
            breaths: breathing.breaths.max(1),
        }
    }

    pub fn breath_millis(&self) -> Millis {
        self.in_millis + self.out_millis
    }

    /// How long all the breaths take.
    pub fn total_millis(&self) -> Millis {
        self.breath_millis() * Millis::from(self.breaths)
    }

    /// Where `elapsed` milliseconds into the breathing falls.
    pub fn at(&self, elapsed: Millis) -> Breath {
        if elapsed >= self.total_millis() {
            return Breath::Done;
        }
        let within = elapsed % self.breath_millis();
        let per_mille = |part: Millis, of: Millis| (part * 1000 / of) as u32;
        if within < self.in_millis {
            Breath::In(per_mille(within, self.in_millis))
        } else {
            Breath::Out(per_mille(within - self.in_millis, self.out_millis))
        }
    }

    /// How full the lungs are at `elapsed`, 0 (out) to 1 (in), eased at
    /// both ends so a guide that follows it turns gently, as a breath does.
    pub fn fullness(&self, elapsed: Millis) -> f32 {
        let ease = |t: f32| t * t * (3.0 - 2.0 * t);
        match self.at(elapsed) {
            Breath::In(p) => ease(p as f32 / 1000.0),
            Breath::Out(p) => 1.0 - ease(p as f32 / 1000.0),
            Breath::Done => 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_rhythm_is_four_in_six_out_six_times() {
        let pace = Pace::of(&Breathing::default());
        assert_eq!((pace.in_millis, pace.out_millis, pace.breaths), (4_000, 6_000, 6));
        assert_eq!(pace.total_millis(), 60_000);
    }

    #[test]
    fn a_moment_falls_in_the_in_breath_then_the_out_breath_then_the_next() {
        let pace = Pace::of(&Breathing::default());
        assert_eq!(pace.at(0), Breath::In(0));
        assert_eq!(pace.at(2_000), Breath::In(500));
        assert_eq!(pace.at(4_000), Breath::Out(0));
        assert_eq!(pace.at(7_000), Breath::Out(500));
        assert_eq!(pace.at(10_000), Breath::In(0));
        assert_eq!(pace.at(59_999), Breath::Out(999));
        assert_eq!(pace.at(60_000), Breath::Done);
    }

    #[test]
    fn the_lungs_fill_while_breathing_in_and_empty_while_breathing_out() {
        let pace = Pace::of(&Breathing::default());
        let filling: Vec<f32> = (0..=40).map(|i| pace.fullness(i * 100)).collect();
        assert!(filling.windows(2).all(|w| w[1] >= w[0]), "{filling:?}");
        let emptying: Vec<f32> = (40..100).map(|i| pace.fullness(i * 100)).collect();
        assert!(emptying.windows(2).all(|w| w[1] <= w[0]), "{emptying:?}");
        assert_eq!(pace.fullness(0), 0.0);
        assert!((pace.fullness(4_000) - 1.0).abs() < 1e-6);
        assert!(pace.fullness(2_000) > 0.4 && pace.fullness(2_000) < 0.6);
    }

    #[test]
    fn an_unchecked_file_cannot_make_a_breath_of_no_length() {
        let pace = Pace::of(&Breathing { in_seconds: 0.0, out_seconds: -3.0, breaths: 0 });
        assert_eq!((pace.in_millis, pace.out_millis, pace.breaths), (500, 500, 1));
        assert_eq!(pace.at(999), Breath::Out(998));
    }
}
