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

use crate::prompts::{norwegian, rating_code};
use crate::scenario::{Progression, RatingKind, Scenario};
use crate::session::Actor;

/// A scenario's progression policy with its defaults filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// A mastery run's highest SUDS rating is at most this.
    pub step_up_peak_suds_at_most: u8,
    /// A mastery run's self-efficacy is at least this; `None` when the
    /// policy does not use self-efficacy.
    pub step_up_self_efficacy_at_least: Option<u8>,
    /// How many mastery runs in a row a step up needs (at least 1).
    pub step_up_runs: u8,
    /// A run whose highest SUDS rating reaches this proposes a step down.
    pub step_down_peak_suds_at_least: u8,
    /// Whether proposed steps may be taken without the clinician.
    pub automatic: bool,
}

impl Policy {
    /// The scenario's policy: its `progression` block, or the defaults.
    pub fn of(scenario: &Scenario) -> Policy {
        Policy::resolve(&scenario.progression(), scenario.asks_self_efficacy())
    }

    /// Fills in what the author left out. Self-efficacy left out is used,
    /// at the default threshold, only where the scenario asks it.
    pub fn resolve(progression: &Progression, asks_self_efficacy: bool) -> Policy {
        let step_up = &progression.step_up;
        Policy {
            step_up_peak_suds_at_most: step_up.peak_suds_at_most,
            step_up_self_efficacy_at_least: step_up
                .self_efficacy_at_least
                .or(asks_self_efficacy.then_some(Progression::DEFAULT_SELF_EFFICACY)),
            step_up_runs: step_up.runs.max(1),
            step_down_peak_suds_at_least: progression.step_down.peak_suds_at_least,
            automatic: progression.automatic,
        }
    }
}

impl Default for Policy {
    /// The defaults, for a scenario that asks self-efficacy.
    fn default() -> Self {
        Policy::resolve(&Progression::default(), true)
    }
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunEnd {
    /// The flow reached an End.
    Completed,
    /// Stopped before the end, by the participant (escape) or the clinician.
    Stopped { by: Actor },
    /// Neither: the program was closed or stopped working mid-run, or the
    /// scenario went wrong.
    Unfinished,
}

/// One past run of a scenario, as the policy reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PastRun {
    /// The level in force when the run ended.
    pub level: u8,
    /// Whether the clinician changed the level while it ran.
    pub level_changed: bool,
    pub end: RunEnd,
    /// The highest SUDS rating in the run, if any was given.
    pub peak_suds: Option<u8>,
    /// The run's self-efficacy (see [`RunRatings::self_efficacy`]), if any.
    pub self_efficacy: Option<u8>,
}

/// A run's ratings reduced to what the policy reads, fed in the order they
/// were given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunRatings {
    peak_suds: Option<u8>,
    /// Per self-efficacy statement, its last rating.
    last_self_efficacy: Vec<(String, u8)>,
}

impl RunRatings {
    /// Takes one rating, by its code as records write it (`suds`,
    /// `self-efficacy:<statement>`); other ratings are ignored.
    pub fn rated(&mut self, code: &str, value: u8) {
        if code == "suds" {
            self.peak_suds = Some(self.peak_suds.map_or(value, |p| p.max(value)));
        } else if let Some(statement) = code.strip_prefix("self-efficacy:") {
            match self.last_self_efficacy.iter_mut().find(|(s, _)| s == statement) {
                Some((_, last)) => *last = value,
                None => self.last_self_efficacy.push((statement.to_string(), value)),
            }
        }
    }

    /// Takes one rating as a session reports it.
    pub fn rated_kind(&mut self, kind: &RatingKind, value: u8) {
        self.rated(&rating_code(kind), value);
    }

    /// The highest SUDS rating.
    pub fn peak_suds(&self) -> Option<u8> {
        self.peak_suds
    }

    /// Per statement the run's last self-efficacy rating (after the
    /// exposure, where the schedule asks it then), and of those the
    /// lowest: every task the scenario practises must feel manageable,
    /// and a high rating on one must not hide a low one on another.
    pub fn self_efficacy(&self) -> Option<u8> {
        self.last_self_efficacy.iter().map(|(_, v)| *v).min()
    }
}

/// What the policy proposes for the next run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proposal {
    StepUp { to: u8 },
    StepDown { to: u8 },
    Stay,
}

/// Why a run does not count as mastery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortfall {
    StoppedByParticipant,
    StoppedByClinician,
    Unfinished,
    LevelChanged,
    NoSuds,
    SudsAbove { peak: u8, limit: u8 },
    NoSelfEfficacy,
    SelfEfficacyBelow { value: u8, min: u8 },
}

/// Why the policy proposes what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The current level is not one of the scenario's.
    NoSuchLevel { level: u8, levels: usize },
    /// No run at this level since the last run at another; `last_level`
    /// is the newest run's level, if there is any run.
    NoRunsYet { level: u8, last_level: Option<u8> },
    /// The participant stopped the newest run at this level.
    StoppedByParticipant { level: u8 },
    /// The newest run's peak SUDS reached the step-down threshold.
    HighDistress { level: u8, peak: u8, threshold: u8 },
    /// The newest run at this level is not a mastery run.
    NotMastered { level: u8, shortfall: Shortfall },
    /// The newest `mastered` runs are mastery runs, but a step up needs
    /// `needed` in a row.
    MoreRunsNeeded { level: u8, mastered: usize, needed: u8, criteria: Criteria },
    /// The newest `runs` runs are mastery runs: their highest peak SUDS
    /// and lowest self-efficacy.
    Mastered { level: u8, runs: u8, peak: u8, self_efficacy: Option<u8>, criteria: Criteria },
}

/// A step up's thresholds, quoted in reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Criteria {
    pub peak_suds_at_most: u8,
    pub self_efficacy_at_least: Option<u8>,
}

/// The policy's proposal for the next run, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Advice {
    /// The level the proposal starts from.
    pub level: u8,
    pub proposal: Proposal,
    pub reason: Reason,
    /// Whether the step may be taken without the clinician: only a step,
    /// only where the scenario allows it, and never after the participant
    /// stopped a run (that calls for a conversation first).
    pub automatic: bool,
}

/// Proposes the next run's level from `runs`, this participant's past runs
/// of one scenario, oldest first and newest last. `current` is the level
/// the next run would be at (usually the newest run's), and `levels` the
/// scenario's number of levels.
pub fn propose(policy: &Policy, current: u8, levels: usize, runs: &[PastRun]) -> Advice {
    let stay = |reason| Advice { level: current, proposal: Proposal::Stay, reason, automatic: false };
    if current == 0 || usize::from(current) > levels {
        return stay(Reason::NoSuchLevel { level: current, levels });
    }
    // Newest first, back to the first run at another level.
    let at_level: Vec<&PastRun> = runs.iter().rev().take_while(|r| r.level == current).collect();
    let Some(newest) = at_level.first() else {
        return stay(Reason::NoRunsYet { level: current, last_level: runs.last().map(|r| r.level) });
    };
    let down = |reason, automatic: bool| {
        if current == 1 {
            stay(reason)
        } else {
            Advice {
                level: current,
                proposal: Proposal::StepDown { to: current - 1 },
                reason,
                automatic: automatic && policy.automatic,
            }
        }
    };

    if newest.end == (RunEnd::Stopped { by: Actor::Participant }) {
        return down(Reason::StoppedByParticipant { level: current }, false);
    }
    // A run whose level changed cannot tie its peak to this level.
    if !newest.level_changed
        && let Some(peak) = newest.peak_suds
        && peak >= policy.step_down_peak_suds_at_least
    {
        let threshold = policy.step_down_peak_suds_at_least;
        return down(Reason::HighDistress { level: current, peak, threshold }, true);
    }
    if let Some(shortfall) = shortfall(policy, newest) {
        return stay(Reason::NotMastered { level: current, shortfall });
    }

    let criteria = Criteria {
        peak_suds_at_most: policy.step_up_peak_suds_at_most,
        self_efficacy_at_least: policy.step_up_self_efficacy_at_least,
    };
    let needed = policy.step_up_runs.max(1);
    let mastered = at_level.iter().take_while(|r| shortfall(policy, r).is_none()).count();
    if mastered < usize::from(needed) {
        return stay(Reason::MoreRunsNeeded { level: current, mastered, needed, criteria });
    }
    let counted = &at_level[..usize::from(needed)];
    let reason = Reason::Mastered {
        level: current,
        runs: needed,
        peak: counted.iter().filter_map(|r| r.peak_suds).max().unwrap_or(0),
        self_efficacy: criteria
            .self_efficacy_at_least
            .map(|_| counted.iter().filter_map(|r| r.self_efficacy).min().unwrap_or(0)),
        criteria,
    };
    if usize::from(current) == levels {
        stay(reason)
    } else {
        Advice {
            level: current,
            proposal: Proposal::StepUp { to: current + 1 },
            reason,
            automatic: policy.automatic,
        }
    }
}

/// Why `run` is not a mastery run under `policy`, if it is not.
fn shortfall(policy: &Policy, run: &PastRun) -> Option<Shortfall> {
    match run.end {
        RunEnd::Completed => {}
        RunEnd::Stopped { by: Actor::Participant } => return Some(Shortfall::StoppedByParticipant),
        RunEnd::Stopped { by: Actor::Clinician } => return Some(Shortfall::StoppedByClinician),
        RunEnd::Unfinished => return Some(Shortfall::Unfinished),
    }
    if run.level_changed {
        return Some(Shortfall::LevelChanged);
    }
    let limit = policy.step_up_peak_suds_at_most;
    match run.peak_suds {
        None => return Some(Shortfall::NoSuds),
        Some(peak) if peak > limit => return Some(Shortfall::SudsAbove { peak, limit }),
        Some(_) => {}
    }
    let min = policy.step_up_self_efficacy_at_least?;
    match run.self_efficacy {
        None => Some(Shortfall::NoSelfEfficacy),
        Some(value) if value < min => Some(Shortfall::SelfEfficacyBelow { value, min }),
        Some(_) => None,
    }
}

impl Advice {
    /// The level the next run would be at if the proposal is taken.
    pub fn next_level(&self) -> u8 {
        match self.proposal {
            Proposal::StepUp { to } | Proposal::StepDown { to } => to,
            Proposal::Stay => self.level,
        }
    }

    /// The proposal in a few words: "step up to level 3". Norwegian for
    /// `nb`, `nn` and `no`, English otherwise.
    pub fn headline(&self, lang: &str) -> String {
        let nb = norwegian(lang);
        match (self.proposal, self.reason) {
            (_, Reason::NoSuchLevel { .. }) => if nb { "ikke noe forslag" } else { "no proposal" }.into(),
            (Proposal::StepUp { to }, _) => {
                if nb {
                    format!("gå opp til nivå {to}")
                } else {
                    format!("step up to level {to}")
                }
            }
            (Proposal::StepDown { to }, _) => {
                if nb {
                    format!("gå ned til nivå {to}")
                } else {
                    format!("step down to level {to}")
                }
            }
            (Proposal::Stay, _) => {
                let level = self.level;
                if nb { format!("bli på nivå {level}") } else { format!("stay at level {level}") }
            }
        }
    }

    /// Why, in a sentence or two a clinician can read aloud.
    pub fn reason_text(&self, lang: &str) -> String {
        if norwegian(lang) { self.reason_nb() } else { self.reason_en() }
    }

    fn reason_en(&self) -> String {
        let to = self.next_level();
        match self.reason {
            Reason::NoSuchLevel { level, levels } => {
                format!("Level {level} is not one of this scenario's levels (1 to {levels}).")
            }
            Reason::NoRunsYet { level, last_level: None } => {
                format!("No run of this scenario is recorded yet: start at level {level}.")
            }
            Reason::NoRunsYet { level, last_level: Some(last) } => format!(
                "The last run was at level {last}, and there has been none at level {level} since: \
                 try a run at level {level} first."
            ),
            Reason::StoppedByParticipant { level } if level == to => format!(
                "The participant stopped the last run at level {level}, the gentlest. Stay at level {level}, \
                 talk about what made them stop, and prepare the next try together (a modelling run, a \
                 breathing pause), or choose a gentler scenario."
            ),
            Reason::StoppedByParticipant { level } => format!(
                "The participant stopped the last run at level {level}. Leaving early is escape, not mastery: \
                 step down to level {to}, a level they can stay in to the end, and talk about what made them stop."
            ),
            Reason::HighDistress { level, peak, threshold } if level == to => format!(
                "Peak SUDS in the last run at level {level}, the gentlest, was {peak}, at or above {threshold}. \
                 Stay at level {level} and prepare the next run together (a modelling run, a breathing pause), \
                 or choose a gentler scenario."
            ),
            Reason::HighDistress { level, peak, threshold } => format!(
                "Peak SUDS in the last run at level {level} was {peak}, at or above {threshold}: the step was \
                 too big. Step down to level {to}."
            ),
            Reason::NotMastered { level, shortfall } => {
                let why = match shortfall {
                    Shortfall::StoppedByParticipant => "was stopped by the participant".to_string(),
                    Shortfall::StoppedByClinician => {
                        "was stopped by the clinician, so it does not count as mastery".to_string()
                    }
                    Shortfall::Unfinished => {
                        "did not finish (the program was closed or stopped working), so it does not count"
                            .to_string()
                    }
                    Shortfall::LevelChanged => {
                        "changed level while it ran, so its ratings cannot be tied to one level".to_string()
                    }
                    Shortfall::NoSuds => "has no SUDS rating, so its distress cannot be judged".to_string(),
                    Shortfall::SudsAbove { peak, limit } => {
                        format!("had a peak SUDS of {peak}, above the {limit} a step up needs")
                    }
                    Shortfall::NoSelfEfficacy => {
                        "has no self-efficacy rating, so mastery cannot be judged".to_string()
                    }
                    Shortfall::SelfEfficacyBelow { value, min } => {
                        format!("ended with self-efficacy at {value}, below the {min} a step up needs")
                    }
                };
                format!("The last run at level {level} {why}: stay at level {level}.")
            }
            Reason::MoreRunsNeeded { level, mastered, needed, criteria } => {
                let (runs, verb) = if mastered == 1 {
                    ("run".to_string(), "was")
                } else {
                    (format!("{mastered} runs"), "were")
                };
                format!(
                    "The last {runs} at level {level} {verb} completed with {}; a step up needs {needed} in a \
                     row: stay at level {level} for another run.",
                    criteria_en(criteria)
                )
            }
            Reason::Mastered { level, runs, peak, self_efficacy, criteria } => {
                let (runs, verb) =
                    if runs == 1 { ("run".to_string(), "was") } else { (format!("{runs} runs"), "were") };
                let se = match (self_efficacy, criteria.self_efficacy_at_least) {
                    (Some(value), Some(min)) => {
                        format!(" and self-efficacy of {value} or more (at least {min} needed)")
                    }
                    _ => String::new(),
                };
                let done = format!(
                    "The last {runs} at level {level} {verb} completed with peak SUDS of {peak} or less \
                     (at most {} allowed){se}",
                    criteria.peak_suds_at_most
                );
                if level == to {
                    format!(
                        "{done}. Level {level} is the highest, so the scenario is mastered: consider a harder \
                         scenario, or practising the situation at the workplace."
                    )
                } else {
                    format!("{done}: step up to level {to}.")
                }
            }
        }
    }

    fn reason_nb(&self) -> String {
        let to = self.next_level();
        match self.reason {
            Reason::NoSuchLevel { level, levels } => {
                format!("Nivå {level} finnes ikke i dette scenarioet (nivå 1 til {levels}).")
            }
            Reason::NoRunsYet { level, last_level: None } => {
                format!("Ingen gjennomføring av dette scenarioet er registrert ennå: begynn på nivå {level}.")
            }
            Reason::NoRunsYet { level, last_level: Some(last) } => format!(
                "Forrige gjennomføring var på nivå {last}, og ingen har vært på nivå {level} siden: \
                 prøv en gjennomføring på nivå {level} først."
            ),
            Reason::StoppedByParticipant { level } if level == to => format!(
                "Deltakeren avbrøt forrige gjennomføring på nivå {level}, det mildeste. Bli på nivå {level}, \
                 snakk sammen om hva som gjorde at deltakeren avbrøt, og forbered neste forsøk sammen \
                 (en modellgjennomføring, en pustepause), eller velg et mildere scenario."
            ),
            Reason::StoppedByParticipant { level } => format!(
                "Deltakeren avbrøt forrige gjennomføring på nivå {level}. Å gå ut tidlig er unngåelse, ikke \
                 mestring: gå ned til nivå {to}, et nivå deltakeren kan bli i til slutten, og snakk sammen om \
                 hva som gjorde at deltakeren avbrøt."
            ),
            Reason::HighDistress { level, peak, threshold } if level == to => format!(
                "Høyeste SUDS i forrige gjennomføring på nivå {level}, det mildeste, var {peak}, altså {threshold} \
                 eller mer. Bli på nivå {level} og forbered neste gjennomføring sammen (en modellgjennomføring, \
                 en pustepause), eller velg et mildere scenario."
            ),
            Reason::HighDistress { level, peak, threshold } => format!(
                "Høyeste SUDS i forrige gjennomføring på nivå {level} var {peak}, altså {threshold} eller mer: \
                 steget var for stort. Gå ned til nivå {to}."
            ),
            Reason::NotMastered { level, shortfall } => {
                let why = match shortfall {
                    Shortfall::StoppedByParticipant => "ble avbrutt av deltakeren".to_string(),
                    Shortfall::StoppedByClinician => {
                        "ble avbrutt av behandleren, og teller derfor ikke som mestring".to_string()
                    }
                    Shortfall::Unfinished => {
                        "ble ikke fullført (programmet ble lukket eller stoppet), og teller derfor ikke"
                            .to_string()
                    }
                    Shortfall::LevelChanged => {
                        "skiftet nivå underveis, så vurderingene kan ikke knyttes til ett nivå".to_string()
                    }
                    Shortfall::NoSuds => {
                        "har ingen SUDS-vurdering, så ubehaget kan ikke vurderes".to_string()
                    }
                    Shortfall::SudsAbove { peak, limit } => {
                        format!("hadde høyeste SUDS på {peak}, over grensen på {limit} for å gå opp")
                    }
                    Shortfall::NoSelfEfficacy => {
                        "har ingen vurdering av mestringstro, så mestring kan ikke vurderes".to_string()
                    }
                    Shortfall::SelfEfficacyBelow { value, min } => {
                        format!("endte med mestringstro på {value}, under grensen på {min} for å gå opp")
                    }
                };
                format!("Forrige gjennomføring på nivå {level} {why}: bli på nivå {level}.")
            }
            Reason::MoreRunsNeeded { level, mastered, needed, criteria } => {
                let runs = if mastered == 1 {
                    "Forrige gjennomføring".to_string()
                } else {
                    format!("De siste {mastered} gjennomføringene")
                };
                format!(
                    "{runs} på nivå {level} ble fullført med {}; for å gå opp trengs {needed} på rad: \
                     bli på nivå {level} for en gjennomføring til.",
                    criteria_nb(criteria)
                )
            }
            Reason::Mastered { level, runs, peak, self_efficacy, criteria } => {
                let runs = if runs == 1 {
                    "Forrige gjennomføring".to_string()
                } else {
                    format!("De siste {runs} gjennomføringene")
                };
                let se = match (self_efficacy, criteria.self_efficacy_at_least) {
                    (Some(value), Some(min)) => {
                        format!(" og mestringstro på {value} eller mer (krav: minst {min})")
                    }
                    _ => String::new(),
                };
                let done = format!(
                    "{runs} på nivå {level} ble fullført med høyeste SUDS på {peak} eller mindre \
                     (grense: høyst {}){se}",
                    criteria.peak_suds_at_most
                );
                if level == to {
                    format!(
                        "{done}. Nivå {level} er det høyeste, så scenarioet er mestret: vurder et mer krevende \
                         scenario, eller å øve på situasjonen på arbeidsplassen."
                    )
                } else {
                    format!("{done}: gå opp til nivå {to}.")
                }
            }
        }
    }
}

fn criteria_en(c: Criteria) -> String {
    match c.self_efficacy_at_least {
        Some(min) => format!("peak SUDS at most {} and self-efficacy at least {min}", c.peak_suds_at_most),
        None => format!("peak SUDS at most {}", c.peak_suds_at_most),
    }
}

fn criteria_nb(c: Criteria) -> String {
    match c.self_efficacy_at_least {
        Some(min) => format!("høyeste SUDS høyst {} og mestringstro minst {min}", c.peak_suds_at_most),
        None => format!("høyeste SUDS høyst {}", c.peak_suds_at_most),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLINICIAN: RunEnd = RunEnd::Stopped { by: Actor::Clinician };
    const PARTICIPANT: RunEnd = RunEnd::Stopped { by: Actor::Participant };

    /// 40 / 70 / 2 runs / 80, not automatic.
    fn policy() -> Policy {
        Policy::default()
    }

    /// A completed run at `level`, at one level throughout.
    fn run(level: u8, suds: u8, se: u8) -> PastRun {
        PastRun {
            level,
            level_changed: false,
            end: RunEnd::Completed,
            peak_suds: Some(suds),
            self_efficacy: Some(se),
        }
    }

    fn ended(end: RunEnd, r: PastRun) -> PastRun {
        PastRun { end, ..r }
    }

    #[test]
    fn defaults_follow_the_documented_values() {
        let p = policy();
        assert_eq!(
            (p.step_up_peak_suds_at_most, p.step_up_self_efficacy_at_least, p.step_up_runs),
            (40, Some(70), 2)
        );
        assert_eq!((p.step_down_peak_suds_at_least, p.automatic), (80, false));
        // Self-efficacy left out is not used where the scenario asks none...
        assert_eq!(Policy::resolve(&Progression::default(), false).step_up_self_efficacy_at_least, None);
        // ...but a written threshold is kept (the checker refuses that file).
        let mut written = Progression::default();
        written.step_up.self_efficacy_at_least = Some(60);
        assert_eq!(Policy::resolve(&written, false).step_up_self_efficacy_at_least, Some(60));
        // Zero runs (only in an unchecked file) means one.
        written.step_up.runs = 0;
        assert_eq!(Policy::resolve(&written, true).step_up_runs, 1);
    }

    #[test]
    fn two_good_runs_in_a_row_step_up() {
        let a = propose(&policy(), 2, 5, &[run(2, 35, 70), run(2, 40, 80)]);
        assert_eq!(a.proposal, Proposal::StepUp { to: 3 });
        assert!(!a.automatic, "the clinician decides unless the scenario allows automatic steps");
        assert_eq!(
            a.reason,
            Reason::Mastered {
                level: 2,
                runs: 2,
                peak: 40,
                self_efficacy: Some(70),
                criteria: Criteria { peak_suds_at_most: 40, self_efficacy_at_least: Some(70) }
            }
        );
        assert_eq!(a.next_level(), 3);
        assert_eq!(a.headline("en"), "step up to level 3");
        assert_eq!(a.headline("nb"), "gå opp til nivå 3");
        let text = a.reason_text("en");
        assert!(text.contains("peak SUDS of 40 or less") && text.contains("self-efficacy of 70"), "{text}");
        assert!(text.ends_with("step up to level 3."), "{text}");
        assert!(a.reason_text("nb").ends_with("gå opp til nivå 3."));
    }

    #[test]
    fn fewer_good_runs_than_needed_stay() {
        let a = propose(&policy(), 2, 5, &[run(2, 30, 80)]);
        assert_eq!(a.proposal, Proposal::Stay);
        assert!(matches!(a.reason, Reason::MoreRunsNeeded { mastered: 1, needed: 2, .. }));
        assert!(a.reason_text("en").contains("needs 2 in a row"), "{}", a.reason_text("en"));
        // A good run after a poor one starts the count afresh.
        let a = propose(&policy(), 2, 5, &[run(2, 60, 80), run(2, 30, 80)]);
        assert!(matches!(a.reason, Reason::MoreRunsNeeded { mastered: 1, .. }));
        // Three good ones with runs: 3.
        let p = Policy { step_up_runs: 3, ..policy() };
        let a = propose(&p, 2, 5, &[run(2, 30, 80), run(2, 30, 80)]);
        assert!(matches!(a.reason, Reason::MoreRunsNeeded { mastered: 2, needed: 3, .. }));
        assert!(a.reason_text("en").starts_with("The last 2 runs at level 2 were completed"));
        let a = propose(&p, 2, 5, &[run(2, 30, 80), run(2, 30, 80), run(2, 20, 90)]);
        assert_eq!(a.proposal, Proposal::StepUp { to: 3 });
    }

    #[test]
    fn runs_at_another_level_do_not_count() {
        // Mastered level 2 long ago, stepped up, stepped down again: the
        // old level-2 runs are not recent mastery of level 2.
        let runs = [run(2, 30, 80), run(2, 30, 80), run(3, 85, 40), run(2, 30, 80)];
        let a = propose(&policy(), 2, 5, &runs);
        assert_eq!(a.proposal, Proposal::Stay);
        assert!(matches!(a.reason, Reason::MoreRunsNeeded { mastered: 1, .. }));
        // Good runs at level 1 say nothing about level 2.
        let a = propose(&policy(), 2, 5, &[run(1, 10, 90), run(1, 10, 90)]);
        assert_eq!(a.reason, Reason::NoRunsYet { level: 2, last_level: Some(1) });
        assert!(a.reason_text("en").contains("The last run was at level 1"));
    }

    #[test]
    fn no_runs_at_all() {
        let a = propose(&policy(), 1, 5, &[]);
        assert_eq!(
            (a.proposal, a.reason),
            (Proposal::Stay, Reason::NoRunsYet { level: 1, last_level: None })
        );
        assert_eq!(a.headline("en"), "stay at level 1");
        assert_eq!(a.headline("nn"), "bli på nivå 1");
        assert!(a.reason_text("en").starts_with("No run of this scenario"));
    }

    #[test]
    fn a_run_the_participant_stopped_steps_down_and_never_automatically() {
        let p = Policy { automatic: true, ..policy() };
        let runs = [run(3, 30, 80), run(3, 30, 80), ended(PARTICIPANT, run(3, 30, 80))];
        let a = propose(&p, 3, 5, &runs);
        assert_eq!(a.proposal, Proposal::StepDown { to: 2 });
        assert_eq!(a.reason, Reason::StoppedByParticipant { level: 3 });
        assert!(!a.automatic, "an escape calls for a conversation, not a silent change");
        assert!(a.reason_text("en").contains("escape, not mastery"));
        assert!(a.reason_text("nb").contains("unngåelse, ikke mestring"));
    }

    #[test]
    fn a_stop_by_the_participant_at_the_lowest_level_stays() {
        let a = propose(&policy(), 1, 5, &[ended(PARTICIPANT, run(1, 30, 80))]);
        assert_eq!(a.proposal, Proposal::Stay);
        assert_eq!(a.reason, Reason::StoppedByParticipant { level: 1 });
        assert!(a.reason_text("en").contains("gentler scenario"), "{}", a.reason_text("en"));
    }

    #[test]
    fn an_earlier_escape_breaks_the_run_of_mastery() {
        let runs = [run(2, 30, 80), ended(PARTICIPANT, run(2, 30, 80)), run(2, 30, 80)];
        let a = propose(&policy(), 2, 5, &runs);
        assert!(matches!(a.reason, Reason::MoreRunsNeeded { mastered: 1, .. }), "{:?}", a.reason);
    }

    #[test]
    fn high_distress_steps_down_automatically_only_when_allowed() {
        let a = propose(&policy(), 3, 5, &[run(3, 80, 60)]);
        assert_eq!(a.proposal, Proposal::StepDown { to: 2 });
        assert_eq!(a.reason, Reason::HighDistress { level: 3, peak: 80, threshold: 80 });
        assert!(!a.automatic);
        assert!(a.reason_text("en").contains("was 80, at or above 80"));
        let p = Policy { automatic: true, ..policy() };
        assert!(propose(&p, 3, 5, &[run(3, 95, 60)]).automatic);
        // Just below the threshold: not mastery either, so stay.
        let a = propose(&policy(), 3, 5, &[run(3, 79, 60)]);
        assert_eq!(a.proposal, Proposal::Stay);
        assert_eq!(
            a.reason,
            Reason::NotMastered { level: 3, shortfall: Shortfall::SudsAbove { peak: 79, limit: 40 } }
        );
    }

    #[test]
    fn high_distress_at_the_lowest_level_stays() {
        let a = propose(&Policy { automatic: true, ..policy() }, 1, 5, &[run(1, 90, 30)]);
        assert_eq!(a.proposal, Proposal::Stay);
        assert!(!a.automatic);
        assert!(matches!(a.reason, Reason::HighDistress { level: 1, peak: 90, .. }));
        assert!(a.reason_text("en").contains("the gentlest"));
    }

    #[test]
    fn mastering_the_top_level_says_so_and_stays() {
        let a = propose(&Policy { automatic: true, ..policy() }, 5, 5, &[run(5, 20, 90), run(5, 30, 80)]);
        assert_eq!(a.proposal, Proposal::Stay);
        assert!(!a.automatic);
        assert!(matches!(
            a.reason,
            Reason::Mastered { level: 5, runs: 2, peak: 30, self_efficacy: Some(80), .. }
        ));
        assert!(a.reason_text("en").contains("scenario is mastered"), "{}", a.reason_text("en"));
        assert!(a.reason_text("nb").contains("scenarioet er mestret"));
    }

    #[test]
    fn automatic_step_up_where_the_scenario_allows_it() {
        let p = Policy { automatic: true, ..policy() };
        let a = propose(&p, 1, 3, &[run(1, 20, 80), run(1, 20, 80)]);
        assert_eq!((a.proposal, a.automatic), (Proposal::StepUp { to: 2 }, true));
    }

    #[test]
    fn missing_ratings_never_count_as_good_ones() {
        let no_suds = PastRun { peak_suds: None, ..run(2, 0, 80) };
        let a = propose(&policy(), 2, 5, &[run(2, 30, 80), no_suds]);
        assert_eq!(a.reason, Reason::NotMastered { level: 2, shortfall: Shortfall::NoSuds });
        let no_se = PastRun { self_efficacy: None, ..run(2, 30, 0) };
        let a = propose(&policy(), 2, 5, &[run(2, 30, 80), no_se]);
        assert_eq!(a.reason, Reason::NotMastered { level: 2, shortfall: Shortfall::NoSelfEfficacy });
        // A policy without self-efficacy does not miss it.
        let p = Policy { step_up_self_efficacy_at_least: None, ..policy() };
        let a = propose(&p, 2, 5, &[no_se, no_se]);
        assert_eq!(a.proposal, Proposal::StepUp { to: 3 });
        assert!(matches!(a.reason, Reason::Mastered { self_efficacy: None, .. }));
        assert!(!a.reason_text("en").contains("self-efficacy"), "{}", a.reason_text("en"));
    }

    #[test]
    fn low_self_efficacy_stays() {
        let a = propose(&policy(), 2, 5, &[run(2, 30, 80), run(2, 30, 60)]);
        assert_eq!(
            a.reason,
            Reason::NotMastered { level: 2, shortfall: Shortfall::SelfEfficacyBelow { value: 60, min: 70 } }
        );
        assert!(a.reason_text("en").contains("self-efficacy at 60, below the 70"));
    }

    #[test]
    fn runs_stopped_by_the_clinician_or_unfinished_are_not_mastery() {
        let a = propose(&policy(), 2, 5, &[run(2, 30, 80), ended(CLINICIAN, run(2, 30, 80))]);
        assert_eq!(a.proposal, Proposal::Stay);
        assert_eq!(a.reason, Reason::NotMastered { level: 2, shortfall: Shortfall::StoppedByClinician });
        let a = propose(&policy(), 2, 5, &[run(2, 30, 80), ended(RunEnd::Unfinished, run(2, 30, 80))]);
        assert_eq!(a.reason, Reason::NotMastered { level: 2, shortfall: Shortfall::Unfinished });
        // ...but their distress still counts.
        let a = propose(&policy(), 2, 5, &[ended(CLINICIAN, run(2, 90, 30))]);
        assert_eq!(a.proposal, Proposal::StepDown { to: 1 });
        // An unfinished run between two good ones breaks the count.
        let runs = [run(2, 30, 80), ended(RunEnd::Unfinished, run(2, 30, 80)), run(2, 30, 80)];
        assert!(matches!(propose(&policy(), 2, 5, &runs).reason, Reason::MoreRunsNeeded { mastered: 1, .. }));
    }

    #[test]
    fn a_run_whose_level_changed_is_not_mastery_and_its_peak_is_not_tied_to_a_level() {
        // The clinician stepped down from 3 to 2 mid-run because distress
        // was high: the 90 belongs to level 3, so no second step down.
        let changed = PastRun { level_changed: true, ..run(2, 90, 40) };
        let a = propose(&policy(), 2, 5, &[changed]);
        assert_eq!(a.proposal, Proposal::Stay);
        assert_eq!(a.reason, Reason::NotMastered { level: 2, shortfall: Shortfall::LevelChanged });
        let changed = PastRun { level_changed: true, ..run(2, 20, 90) };
        let a = propose(&policy(), 2, 5, &[run(2, 20, 90), changed]);
        assert_eq!(a.reason, Reason::NotMastered { level: 2, shortfall: Shortfall::LevelChanged });
    }

    #[test]
    fn a_level_outside_the_scenario_proposes_nothing() {
        for level in [0, 6] {
            let a = propose(&policy(), level, 5, &[run(2, 20, 90)]);
            assert_eq!((a.proposal, a.automatic), (Proposal::Stay, false));
            assert!(matches!(a.reason, Reason::NoSuchLevel { levels: 5, .. }));
            assert_eq!(a.headline("en"), "no proposal");
        }
    }

    #[test]
    fn step_down_is_tried_before_step_up_even_with_crossed_thresholds() {
        // Only an unchecked file can cross them; safety comes first.
        let p = Policy { step_up_peak_suds_at_most: 90, step_down_peak_suds_at_least: 50, ..policy() };
        let a = propose(&p, 2, 5, &[run(2, 60, 90), run(2, 60, 90)]);
        assert_eq!(a.proposal, Proposal::StepDown { to: 1 });
    }

    #[test]
    fn run_ratings_take_the_peak_and_the_lowest_last_self_efficacy() {
        let mut r = RunRatings::default();
        assert_eq!((r.peak_suds(), r.self_efficacy()), (None, None));
        for (code, value) in [
            ("suds", 40),
            ("self-efficacy:give-update", 30),
            ("expectancy:criticised", 90),
            ("suds", 65),
            ("suds", 20),
            ("self-efficacy:give-update", 80),
            ("self-efficacy:answer-criticism", 70),
            ("cybersickness", 20),
        ] {
            r.rated(code, value);
        }
        // give-update's before-rating (30) is replaced by its after-rating.
        assert_eq!((r.peak_suds(), r.self_efficacy()), (Some(65), Some(70)));
        let mut k = RunRatings::default();
        k.rated_kind(&RatingKind::Suds, 10);
        k.rated_kind(&RatingKind::SelfEfficacy("x".into()), 50);
        assert_eq!((k.peak_suds(), k.self_efficacy()), (Some(10), Some(50)));
    }

    #[test]
    fn every_reason_reads_in_both_languages() {
        let p = Policy { step_up_runs: 1, ..policy() };
        let cases = [
            propose(&p, 9, 5, &[]),
            propose(&p, 1, 5, &[]),
            propose(&p, 2, 5, &[run(1, 0, 100)]),
            propose(&p, 1, 5, &[ended(PARTICIPANT, run(1, 0, 100))]),
            propose(&p, 2, 5, &[ended(PARTICIPANT, run(2, 0, 100))]),
            propose(&p, 1, 5, &[run(1, 100, 0)]),
            propose(&p, 2, 5, &[run(2, 100, 0)]),
            propose(&p, 2, 5, &[ended(CLINICIAN, run(2, 0, 100))]),
            propose(&p, 2, 5, &[ended(RunEnd::Unfinished, run(2, 0, 100))]),
            propose(&p, 2, 5, &[PastRun { level_changed: true, ..run(2, 0, 100) }]),
            propose(&p, 2, 5, &[PastRun { peak_suds: None, ..run(2, 0, 100) }]),
            propose(&p, 2, 5, &[run(2, 50, 100)]),
            propose(&p, 2, 5, &[PastRun { self_efficacy: None, ..run(2, 0, 100) }]),
            propose(&p, 2, 5, &[run(2, 0, 10)]),
            propose(&policy(), 2, 5, &[run(2, 0, 100)]),
            propose(&p, 2, 5, &[run(2, 0, 100)]),
            propose(&p, 5, 5, &[run(5, 0, 100)]),
        ];
        let mut seen = std::collections::HashSet::new();
        for a in cases {
            let (en, nb) = (a.reason_text("en"), a.reason_text("nb"));
            assert!(en.ends_with('.') && nb.ends_with('.'), "{en} / {nb}");
            assert_ne!(en, nb);
            assert!(!en.contains("  ") && !nb.contains("  "), "{en} / {nb}");
            assert!(seen.insert(en.clone()), "two cases read the same: {en}");
            assert_eq!(a.reason_text("sv"), en, "other languages read English");
        }
    }
}
