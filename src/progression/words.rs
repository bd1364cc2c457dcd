//! The policy's words: each proposal and its reason as a clinician reads
//! them, in English and Norwegian. Kept apart from the rules so wording
//! can be tuned without touching what is proposed.

use super::{Advice, Criteria, Proposal, Reason, Shortfall};
use crate::prompts::norwegian;

impl Advice {
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
