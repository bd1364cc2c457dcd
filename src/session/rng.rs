//! The session's own seeded random numbers.
//!
//! Hand-written on purpose: a golden transcript must replay the same cues
//! for the same seed forever, and a library's generator or its range
//! sampling may change between releases. SplitMix64 is tiny, fast and
//! well studied, and its output is fixed by its definition.

#[derive(Debug, Clone)]
pub struct SessionRng(u64);

impl SessionRng {
    pub fn new(seed: u64) -> Self {
        SessionRng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform index below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.unit() * n as f64) as usize).min(n.saturating_sub(1))
    }

    /// Puts `items` in a random order (Fisher–Yates), the same for the
    /// same stream.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }

    /// Waiting time until the next of a stream of events that happen on
    /// average `per_minute` times a minute (exponential), in milliseconds.
    pub fn wait_millis(&mut self, per_minute: f32) -> Option<u64> {
        if per_minute <= 0.0 || !per_minute.is_finite() {
            return None;
        }
        let mean_ms = 60_000.0 / f64::from(per_minute);
        let wait = -(1.0 - self.unit()).ln() * mean_ms;
        // At least a second apart: two phones ringing in the same instant
        // are one event to a listener.
        Some((wait as u64).max(1_000))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_mean_wait_is_right() {
        let mut a = SessionRng::new(7);
        let mut b = SessionRng::new(7);
        assert!((0..100).all(|_| a.next_u64() == b.next_u64()));
        let mut r = SessionRng::new(1);
        let n = 20_000;
        let mean = (0..n).map(|_| r.wait_millis(2.0).unwrap() as f64).sum::<f64>() / n as f64;
        // Mean of 30 s, give or take sampling noise and the 1 s floor.
        assert!((29_000.0..31_500.0).contains(&mean), "mean {mean}");
        assert_eq!(r.wait_millis(0.0), None);
    }
}
