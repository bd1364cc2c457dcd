//! Behaviour samples (where the head points, where the hands are, what is
//! looked at) and the measures derived from them for the debrief.
//!
//! Samples are recorded raw, at 30 Hz by default; the measures are always
//! computed from them, never stored instead of them, so a better measure
//! later can be computed from old sessions too.

use serde::{Deserialize, Serialize};

use crate::session::{Millis, Output};

/// The default sampling rate; the shell may sample up to the display rate.
pub const DEFAULT_SAMPLE_HZ: u32 = 30;

/// Gaze that leaves faces for longer than this is a gaze-away episode, a
/// safety behaviour worth noticing (clinical-background.md).
pub const GAZE_AWAY_MILLIS: Millis = 3_000;

/// What the participant's gaze ray hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GazeTarget {
    /// A character's face (index into the cast).
    Face(usize),
    /// Something else in the room: a prop, a panel, a wall.
    Object,
    Nothing,
}

/// One sample, on the session clock.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BehaviourSample {
    pub at: Millis,
    /// Head position in metres and orientation as a quaternion (x, y, z, w).
    pub head_position: [f32; 3],
    pub head_rotation: [f32; 4],
    pub left_hand: Option<[f32; 3]>,
    pub right_hand: Option<[f32; 3]>,
    pub gaze: GazeTarget,
    /// Whether the gaze came from eye tracking rather than the head's
    /// forward direction.
    pub eye_tracked: bool,
}

/// Measures of looking, for the debrief.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GazeSummary {
    /// Per character: share of sampled time their face was looked at,
    /// counting only time they were present (0..1; None if never present
    /// while sampled).
    pub eye_contact: Vec<Option<f64>>,
    /// Per beat the participant went through (a line, a choice, a
    /// silence), in order: the same shares, over that beat's time.
    pub eye_contact_per_beat: Vec<BeatGaze>,
    /// Per character: share of the time they were speaking (their lines,
    /// from start to planned end) that their face was looked at (0..1;
    /// None if they never spoke while sampled).
    pub while_speaking: Vec<Option<f64>>,
    /// Episodes when no face was looked at for longer than 3 s: (start, length).
    pub gaze_away: Vec<(Millis, Millis)>,
    /// Per line: (beat, speaker, time from the line's start to the first
    /// look at the speaker's face; None if never during the line).
    pub first_look: Vec<(usize, usize, Option<Millis>)>,
}

/// Eye contact during one beat.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BeatGaze {
    pub beat: usize,
    pub from: Millis,
    pub to: Millis,
    /// Per character, as in [`GazeSummary::eye_contact`].
    pub eye_contact: Vec<Option<f64>>,
}

const NOMINAL_MILLIS: Millis = 1000 / DEFAULT_SAMPLE_HZ as Millis;

/// How long a sample stands for, given the time to the next one: until
/// then, at most twice the nominal interval (a gap in sampling is not time
/// spent looking). The newest sample, with no next yet, stands for the
/// nominal interval.
fn weight(to_next: Option<Millis>) -> Millis {
    to_next.map_or(NOMINAL_MILLIS, |gap| gap.min(2 * NOMINAL_MILLIS))
}

fn durations(samples: &[BehaviourSample]) -> Vec<Millis> {
    samples
        .windows(2)
        .map(|w| weight(Some(w[1].at.saturating_sub(w[0].at))))
        .chain(samples.last().map(|_| weight(None)))
        .collect()
}

/// Eye contact per character: of the time they were present with a face
/// to look at, the share their face was looked at. The debrief's measures
/// and the console's live figure both count through this.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EyeContactTally {
    looked: Vec<Millis>,
    available: Vec<Millis>,
}

impl EyeContactTally {
    pub fn new(cast_size: usize) -> EyeContactTally {
        EyeContactTally { looked: vec![0; cast_size], available: vec![0; cast_size] }
    }

    /// One sample standing for `weight` ms; `lookable(c)` when character c
    /// was present with a face.
    pub fn add(&mut self, weight: Millis, lookable: impl Fn(usize) -> bool, gaze: GazeTarget) {
        for c in 0..self.looked.len() {
            if lookable(c) {
                self.available[c] += weight;
                if gaze == GazeTarget::Face(c) {
                    self.looked[c] += weight;
                }
            }
        }
    }

    /// Per character, 0..1; None where they were never there to look at.
    pub fn shares(&self) -> Vec<Option<f64>> {
        self.looked.iter().zip(&self.available).map(|(&l, &a)| (a > 0).then(|| l as f64 / a as f64)).collect()
    }
}

/// The tally as the samples come (the console's), weighted as `summarise`
/// weights them: each sample counts once the next one says how long it
/// stood, and the newest counts its nominal interval.
#[derive(Debug, Clone, Default)]
pub struct LiveEyeContact {
    counted: EyeContactTally,
    /// The newest sample: its time, who could be looked at, what was.
    newest: Option<(Millis, Vec<bool>, GazeTarget)>,
}

impl LiveEyeContact {
    pub fn new(cast_size: usize) -> LiveEyeContact {
        LiveEyeContact { counted: EyeContactTally::new(cast_size), newest: None }
    }

    /// A sample at `at`; `lookable[c]` when character c is present with a face.
    pub fn sample(&mut self, at: Millis, lookable: Vec<bool>, gaze: GazeTarget) {
        if let Some((then, could, looked)) = self.newest.take() {
            self.counted.add(weight(Some(at.saturating_sub(then))), |c| could.get(c) == Some(&true), looked);
        }
        self.newest = Some((at, lookable, gaze));
    }

    pub fn cast_size(&self) -> usize {
        self.counted.looked.len()
    }

    /// What the gaze is on now.
    pub fn gaze(&self) -> Option<GazeTarget> {
        self.newest.as_ref().map(|(_, _, g)| *g)
    }

    pub fn shares(&self) -> Vec<Option<f64>> {
        let mut all = self.counted.clone();
        if let Some((_, could, looked)) = &self.newest {
            all.add(weight(None), |c| could.get(c) == Some(&true), *looked);
        }
        all.shares()
    }
}

/// Derives the gaze measures from samples (in time order) and the session's
/// outputs (for who was present and who spoke when). `faces` says, per
/// character, whether they have a face in the room to look at: someone on
/// the phone or a video call does not, and their eye contact is not
/// measured (None) rather than counted as never looked at.
pub fn summarise(faces: &[bool], samples: &[BehaviourSample], outputs: &[(Millis, Output)]) -> GazeSummary {
    let cast_size = faces.len();
    let has_face = |c: usize| faces.get(c).copied().unwrap_or(false);
    let weights = durations(samples);

    // Presence over time, from Cast outputs.
    let mut presence: Vec<Vec<(Millis, bool)>> = vec![Vec::new(); cast_size];
    for (at, o) in outputs {
        if let Output::Cast { character, present, .. } = o
            && let Some(p) = presence.get_mut(*character)
        {
            p.push((*at, *present));
        }
    }
    let present_at = |c: usize, t: Millis| {
        presence[c].iter().take_while(|(at, _)| *at <= t).last().is_some_and(|(_, p)| *p)
    };
    // Per character, the share of [from, to) their face was looked at
    // while they were present. Samples are in time order, so each range
    // is found by binary search.
    let shares = |from: Millis, to: Millis| -> Vec<Option<f64>> {
        let lo = samples.partition_point(|s| s.at < from);
        let hi = samples.partition_point(|s| s.at < to);
        let mut tally = EyeContactTally::new(cast_size);
        for (s, &w) in samples[lo..hi].iter().zip(&weights[lo..hi]) {
            tally.add(w, |c| has_face(c) && present_at(c, s.at), s.gaze);
        }
        tally.shares()
    };
    let eye_contact = shares(0, Millis::MAX);

    // Beats as the participant lived them: each from its first output to
    // the next beat's (or the end).
    let mut spans: Vec<(usize, Millis)> = Vec::new();
    let mut end = samples.last().map_or(0, |s| s.at + 1);
    // The calm phase after the run belongs to no beat.
    let mut calm = false;
    for (at, o) in outputs {
        match o {
            Output::Line { beat, .. }
            | Output::ChoicesOffered { beat, .. }
            | Output::SilenceStarted { beat, .. } => {
                spans.push((*beat, *at));
            }
            Output::RecoveryStarted { .. } => {
                end = *at;
                calm = true;
            }
            Output::Ended { .. } if !calm => end = *at,
            _ => {}
        }
    }
    let eye_contact_per_beat = spans
        .iter()
        .enumerate()
        .map(|(i, &(beat, from))| {
            let to = spans.get(i + 1).map_or(end, |next| next.1);
            BeatGaze { beat, from, to, eye_contact: shares(from, to) }
        })
        .collect();

    // Eye contact with each speaker during their own lines.
    let mut spoken = vec![(0u64, 0u64); cast_size];
    for (at, o) in outputs {
        if let Output::Line { by, millis, .. } = o
            && has_face(*by)
            && let Some(sum) = spoken.get_mut(*by)
        {
            let lo = samples.partition_point(|s| s.at < *at);
            let hi = samples.partition_point(|s| s.at < at + millis);
            for (s, &w) in samples[lo..hi].iter().zip(&weights[lo..hi]) {
                sum.1 += w;
                if s.gaze == GazeTarget::Face(*by) {
                    sum.0 += w;
                }
            }
        }
    }
    let while_speaking =
        spoken.iter().map(|&(looked, total)| (total > 0).then(|| looked as f64 / total as f64)).collect();

    // Time to first look at whoever starts speaking, within their line.
    let mut first_look = Vec::new();
    for (at, o) in outputs {
        if let Output::Line { beat, by, millis, .. } = o
            && has_face(*by)
        {
            let (start, stop) = (*at, at + millis);
            let lo = samples.partition_point(|s| s.at < start);
            let first = samples[lo..]
                .iter()
                .take_while(|s| s.at < stop)
                .find(|s| s.gaze == GazeTarget::Face(*by))
                .map(|s| s.at - start);
            first_look.push((*beat, *by, first));
        }
    }

    // Gaze-away episodes: runs of samples on no face, while there was a
    // face in the room to look at (a phone call alone is not looking away).
    let mut gaze_away = Vec::new();
    let mut run_start: Option<Millis> = None;
    let mut run_end = 0;
    for (s, &w) in samples.iter().zip(&weights) {
        let a_face_to_see = (0..cast_size).any(|c| has_face(c) && present_at(c, s.at));
        let away = a_face_to_see && !matches!(s.gaze, GazeTarget::Face(_));
        match (away, run_start) {
            (true, None) => {
                run_start = Some(s.at);
                run_end = s.at + w;
            }
            (true, Some(_)) => run_end = s.at + w,
            (false, Some(start)) => {
                if run_end - start > GAZE_AWAY_MILLIS {
                    gaze_away.push((start, run_end - start));
                }
                run_start = None;
            }
            (false, None) => {}
        }
    }
    if let Some(start) = run_start
        && run_end - start > GAZE_AWAY_MILLIS
    {
        gaze_away.push((start, run_end - start));
    }

    GazeSummary { eye_contact, eye_contact_per_beat, while_speaking, gaze_away, first_look }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Attitude, Behaviour};

    fn sample(at: Millis, gaze: GazeTarget) -> BehaviourSample {
        BehaviourSample {
            at,
            head_position: [0.0, 1.2, 0.0],
            head_rotation: [0.0, 0.0, 0.0, 1.0],
            left_hand: None,
            right_hand: None,
            gaze,
            eye_tracked: false,
        }
    }

    /// 30 Hz samples from `from` to `to` with one gaze target.
    fn run(from: Millis, to: Millis, gaze: GazeTarget) -> Vec<BehaviourSample> {
        (0..).map(|i| from + i * 1000 / 30).take_while(|&t| t < to).map(|t| sample(t, gaze)).collect()
    }

    #[test]
    fn eye_contact_gaze_away_and_first_look() {
        let b = Behaviour { attitude: Attitude::Neutral, gaze: 0.5, interrupts: false };
        let outputs = vec![
            (0, Output::Cast { character: 0, present: true, behaviour: b }),
            (0, Output::Cast { character: 1, present: false, behaviour: b }),
            (1_000, Output::Line { beat: 4, by: 0, attitude: Attitude::Neutral, millis: 4_000 }),
            (5_000, Output::LineDone { beat: 4 }),
            (6_000, Output::Cast { character: 1, present: true, behaviour: b }),
            (
                10_000,
                Output::Ended {
                    reason: crate::session::EndReason::Stopped { by: crate::session::Actor::Clinician },
                },
            ),
        ];
        // 0-2 s away, 2-4 s at Kari (0), 4-9 s away (a 5 s episode), 9-10 s at 1.
        let mut samples = run(0, 2_000, GazeTarget::Nothing);
        samples.extend(run(2_000, 4_000, GazeTarget::Face(0)));
        samples.extend(run(4_000, 9_000, GazeTarget::Object));
        samples.extend(run(9_000, 10_000, GazeTarget::Face(1)));
        let s = summarise(&[true; 2], &samples, &outputs);

        let kari = s.eye_contact[0].unwrap();
        assert!((kari - 0.2).abs() < 0.01, "Kari looked at 2 s of 10: {kari}");
        let other = s.eye_contact[1].unwrap();
        assert!((other - 0.25).abs() < 0.02, "1 s of the 4 s they were present: {other}");
        // The one beat runs from Kari's line (1 s) to the end (10 s): Kari
        // was looked at for 2 of those 9 s, the other for 1 of their 4.
        assert_eq!(s.eye_contact_per_beat.len(), 1);
        let beat = &s.eye_contact_per_beat[0];
        assert_eq!((beat.beat, beat.from, beat.to), (4, 1_000, 10_000));
        assert!((beat.eye_contact[0].unwrap() - 2.0 / 9.0).abs() < 0.01, "{:?}", beat.eye_contact);
        assert!((beat.eye_contact[1].unwrap() - 0.25).abs() < 0.02, "{:?}", beat.eye_contact);
        // Kari spoke 1-5 s and was looked at 2-4 s: half her line. The
        // other never spoke.
        assert!((s.while_speaking[0].unwrap() - 0.5).abs() < 0.02, "{:?}", s.while_speaking);
        assert_eq!(s.while_speaking[1], None);
        // First look at Kari came 1 s into her line (which began at 1 s).
        let (_, _, first) = s.first_look[0];
        assert!((990..=1_040).contains(&first.unwrap()), "{first:?}");
        // The 0-2 s run is too short; 4-9 s is an episode of about 5 s.
        assert_eq!(s.gaze_away.len(), 1);
        assert!((4_000..4_040).contains(&s.gaze_away[0].0) && (4_950..5_050).contains(&s.gaze_away[0].1));
    }

    #[test]
    fn the_live_share_is_the_debriefs_share() {
        // Character 1 arrives at 6 s; sampling has a 3 s gap at 7-10 s.
        let b = Behaviour { attitude: Attitude::Neutral, gaze: 0.5, interrupts: false };
        let outputs = vec![
            (0, Output::Cast { character: 0, present: true, behaviour: b }),
            (0, Output::Cast { character: 1, present: false, behaviour: b }),
            (6_000, Output::Cast { character: 1, present: true, behaviour: b }),
        ];
        let mut samples = run(0, 3_000, GazeTarget::Face(0));
        samples.extend(run(3_000, 7_000, GazeTarget::Object));
        samples.extend(run(10_000, 12_000, GazeTarget::Face(1)));
        let debrief = summarise(&[true, true], &samples, &outputs).eye_contact;
        let mut live = LiveEyeContact::new(2);
        for s in &samples {
            live.sample(s.at, vec![true, s.at >= 6_000], s.gaze);
        }
        assert_eq!(live.shares(), debrief);
        assert_eq!(live.gaze(), Some(GazeTarget::Face(1)));
    }

    #[test]
    fn gaps_in_sampling_do_not_count_as_looking() {
        let samples = vec![sample(0, GazeTarget::Face(0)), sample(10_000, GazeTarget::Object)];
        let b = Behaviour { attitude: Attitude::Neutral, gaze: 0.5, interrupts: false };
        let s = summarise(
            &[true; 1],
            &samples,
            &[(0, Output::Cast { character: 0, present: true, behaviour: b })],
        );
        // The first sample stands for two intervals (the cap), not the 10 s
        // gap; the last for one. So 2 of 3 intervals were eye contact.
        assert!((s.eye_contact[0].unwrap() - 2.0 / 3.0).abs() < 0.01, "{:?}", s.eye_contact);
    }

    #[test]
    fn someone_on_the_phone_has_no_eye_contact_to_measure() {
        let b = Behaviour { attitude: Attitude::Neutral, gaze: 0.5, interrupts: false };
        let outputs = vec![
            (0, Output::Cast { character: 0, present: true, behaviour: b }),
            (0, Output::Cast { character: 1, present: true, behaviour: b }),
            (1_000, Output::Line { beat: 2, by: 1, attitude: Attitude::Neutral, millis: 3_000 }),
        ];
        let mut samples = run(0, 2_000, GazeTarget::Face(0));
        samples.extend(run(2_000, 5_000, GazeTarget::Object));
        // Character 1 is on the phone: no face in the room.
        let s = summarise(&[true, false], &samples, &outputs);
        assert!((s.eye_contact[0].unwrap() - 0.4).abs() < 0.02, "{:?}", s.eye_contact);
        assert_eq!(s.eye_contact[1], None, "a voice on the phone is not 'never looked at'");
        assert_eq!(s.while_speaking[1], None);
        assert!(s.first_look.is_empty(), "no first look at a phone call's speaker");

        // With only the caller present, looking at the table is not
        // looking away from anyone.
        let alone = vec![(0, Output::Cast { character: 0, present: true, behaviour: b })];
        let s = summarise(&[false], &run(0, 8_000, GazeTarget::Object), &alone);
        assert!(s.gaze_away.is_empty(), "{:?}", s.gaze_away);
        assert!(!summarise(&[true], &run(0, 8_000, GazeTarget::Object), &alone).gaze_away.is_empty());
    }
}
