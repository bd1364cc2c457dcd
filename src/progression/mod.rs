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
//! 2. If the participant stopped the newest of those runs, the step was
//!    bigger than it looked: step down (stay at level 1). Never automatic.
//! 3. If its peak SUDS reached the step-down threshold: step down (stay at
//!    level 1).
//! 4. If it is not a mastery run, stay, saying what is still to come. A
//!    mastery run was completed at one level throughout; its peak SUDS
//!    stayed under the step-up ceiling; where the policy uses it,
//!    self-efficacy ended at least at its threshold; self-efficacy did not
//!    fall on any task; and no feared outcome that failed to come is still
//!    thought as likely as before. A missing rating never counts as a good
//!    one.
//! 5. If fewer than `runs` runs in a row are mastery runs: stay.
//! 6. Otherwise step up, or at the top level say the scenario is mastered,
//!    with what the newest run taught.
//!
//! Peak SUDS is a ceiling, not the goal. Exposure works by what it
//! teaches (the feared outcome did not come, or came and was borne; the
//! participant found they could), and distress need not fall within a run
//! for that to happen (Craske et al. 2014). So a step up waits for
//! completion, self-efficacy and expectancies put to the test, while
//! distress only has to stay under a ceiling.
//!
//! The policy (`policy`: the types and `propose`) and its words (`words`:
//! each proposal and reason in English and Norwegian) live apart, so a
//! change of wording never touches the rules and the rules read without
//! two languages of text between them.

mod policy;
mod words;

pub use policy::{
    Advice, Change, Criteria, Expectation, Learned, PastRun, Policy, Proposal, Reason, RunEnd, RunRatings,
    SELF_EFFICACY_FALL, Shortfall, propose,
};

#[cfg(test)]
mod tests;
