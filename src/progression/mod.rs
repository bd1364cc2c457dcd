//! The progression policy: from a participant's past runs of a scenario,
//! whether to propose the next level, the one below, or another run at the
//! same level, and why, in words a clinician can read.
//!
//! Pure: no clock, no records, no Bevy. The record (`record::store`)
//! gathers the runs; the command line and the shell show the advice. The
//! policy proposes; the clinician decides, unless the scenario allows
//! automatic steps.
//!
//! The rules, in the order they are tried (see docs/scenario-format.md,
//! section 4.12, for the clinical reasons):
//!
//! 1. Only the newest runs at the current level count, back to the first
//!    run at another level: mastery has to be recent and at this level.
//!    With none, the proposal is to stay and try the level.
//! 2. If the participant stopped the newest of those runs, that is escape,
//!    never mastery: step down (stay at level 1). Never automatic.
//! 3. If its peak SUDS reached the step-down threshold: step down (stay at
//!    level 1).
//! 4. If it is not a mastery run (completed, at one level throughout, with
//!    a peak SUDS at most the step-up threshold and, where the policy uses
//!    it, self-efficacy at least its threshold): stay, saying what fell
//!    short. A missing rating never counts as a good one.
//! 5. If fewer than `runs` runs in a row are mastery runs: stay.
//! 6. Otherwise step up, or at the top level say the scenario is mastered.
//!
//! The policy (`policy`: the types and `propose`) and its words (`words`:
//! each proposal and reason in English and Norwegian) live apart, so a
//! change of wording never touches the rules and the rules read without
//! two languages of text between them.

mod policy;
mod words;

pub use policy::{
    Advice, Criteria, PastRun, Policy, Proposal, Reason, RunEnd, RunRatings, Shortfall, propose,
};

#[cfg(test)]
mod tests;
