//! The words of the rating prompts, per language.
//!
//! These are fixed by the rating instruments, not by scenario authors, so
//! they live here once and every front end (terminal, headset) shows the
//! same wording. Unknown languages fall back to English.

use crate::scenario::{RatingKind, Scenario};
use crate::session::{RatingScale, scale};

/// What the participant sees for one rating prompt.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingPrompt {
    pub question: String,
    /// Scale ends and middle, e.g. ("0 = calm", "100 = worst distress").
    pub low: &'static str,
    pub mid: Option<&'static str>,
    pub high: &'static str,
    /// Its top and steps, from the one place that knows them.
    pub scale: RatingScale,
}

/// Whether `lang` gets Norwegian words: `nb`, `nn` and `no`.
pub(crate) fn norwegian(lang: &str) -> bool {
    matches!(lang, "nb" | "no" | "nn")
}

/// The prompt for `kind`, with the scenario's statements and outcomes
/// filled in.
pub fn rating_prompt(scenario: &Scenario, kind: &RatingKind, lang: &str) -> RatingPrompt {
    let nb = norwegian(lang);
    let outcome = |id: &str| {
        scenario
            .feared_outcomes
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_string(), |o| o.text.show(lang).to_string())
    };
    match kind {
        RatingKind::Suds => RatingPrompt {
            question: if nb {
                "Hvor mye ubehag kjenner du akkurat nå?".into()
            } else {
                "How distressed are you right now?".into()
            },
            low: if nb { "0 = helt rolig" } else { "0 = completely calm" },
            mid: Some(if nb { "50 = tydelig ubehag" } else { "50 = clearly distressed" }),
            high: if nb { "100 = verst tenkelig" } else { "100 = worst imaginable" },
            scale: scale(kind),
        },
        RatingKind::SelfEfficacy(id) => {
            let can = scenario
                .ratings
                .self_efficacy
                .iter()
                .find(|s| &s.id == id)
                .map_or_else(|| id.clone(), |s| s.can.show(lang).to_string());
            RatingPrompt {
                question: if nb {
                    format!("Hvor sikker er du på at du kan {can}?")
                } else {
                    format!("How certain are you that you can {can}?")
                },
                low: if nb { "0 = kan ikke i det hele tatt" } else { "0 = cannot do at all" },
                mid: Some(if nb { "50 = middels sikker" } else { "50 = moderately certain" }),
                high: if nb { "100 = helt sikker" } else { "100 = highly certain" },
                scale: scale(kind),
            }
        }
        RatingKind::Expectancy(id) => RatingPrompt {
            question: if nb {
                format!("Hvor sannsynlig er det at {}?", outcome(id))
            } else {
                format!("How likely is it that {}?", outcome(id))
            },
            low: if nb { "0 % = vil ikke skje" } else { "0 % = will not happen" },
            mid: None,
            high: if nb { "100 % = vil helt sikkert skje" } else { "100 % = will surely happen" },
            scale: scale(kind),
        },
        RatingKind::ExpectancyReview(id) => RatingPrompt {
            question: if nb {
                format!("Skjedde det at {}? Og hvor sannsynlig tror du det er nå?", outcome(id))
            } else {
                format!("Did it happen that {}? And how likely do you think it is now?", outcome(id))
            },
            low: if nb { "0 % = vil ikke skje" } else { "0 % = will not happen" },
            mid: None,
            high: if nb { "100 % = vil helt sikkert skje" } else { "100 % = will surely happen" },
            scale: scale(kind),
        },
        RatingKind::Cybersickness => RatingPrompt {
            question: if nb {
                "Hvor uvel (kvalm, svimmel) kjenner du deg nå?".into()
            } else {
                "How sick (nauseous, dizzy) do you feel right now?".into()
            },
            low: if nb { "0 = ikke uvel" } else { "0 = not sick at all" },
            mid: None,
            high: if nb { "20 = svært uvel" } else { "20 = frank sickness" },
            scale: scale(kind),
        },
    }
}

/// A short name for a rating kind, used in transcripts and records.
pub fn rating_code(kind: &RatingKind) -> String {
    match kind {
        RatingKind::Suds => "suds".into(),
        RatingKind::SelfEfficacy(id) => format!("self-efficacy:{id}"),
        RatingKind::Expectancy(id) => format!("expectancy:{id}"),
        RatingKind::ExpectancyReview(id) => format!("expectancy-review:{id}"),
        RatingKind::Cybersickness => "cybersickness".into(),
    }
}

/// The terminal player's own words, per language.
#[derive(Debug, Clone, Copy)]
pub struct PlayerWords {
    pub controls: &'static str,
    pub choose: &'static str,
    pub seconds_left: &'static str,
    pub review_hint: &'static str,
    pub time_up: &'static str,
    pub silence_taken: &'static str,
    pub complete: &'static str,
    /// Buttons on the in-world rating panel.
    pub yes: &'static str,
    pub no: &'static str,
    pub confirm: &'static str,
    /// The window's status bar: paused, ended early, and how to close.
    pub paused: &'static str,
    pub ended: &'static str,
    pub enter_closes: &'static str,
    /// The pause card: a title, a word that stopping is fine, its two
    /// buttons, and how to press them (keys, or the controller).
    pub pause_title: &'static str,
    pub pause_body: &'static str,
    pub go_on: &'static str,
    pub stop_here: &'static str,
    pub pause_hint_keys: &'static str,
    pub pause_hint_headset: &'static str,
}

pub fn player_words(lang: &str) -> PlayerWords {
    if norwegian(lang) {
        PlayerWords {
            controls: "(p = pause, r = fortsett, q = avslutt, når som helst)",
            choose: "skriv nummeret på svaret",
            seconds_left: "sekunder til å svare",
            review_hint: "svar f.eks. «j 20» (det skjedde, 20 %) eller «n 10»",
            time_up: "tiden er ute – noen ser på klokka",
            silence_taken: "stillheten blir tatt som et svar",
            complete: "scenarioet er fullført",
            yes: "Ja",
            no: "Nei",
            confirm: "OK",
            paused: "pause",
            ended: "avsluttet",
            enter_closes: "Enter lukker vinduet",
            pause_title: "Pause",
            pause_body: "Alt står stille. Ta den tiden du trenger.\nDu kan fortsette når du er klar, eller avslutte her. Begge deler er helt greit.",
            go_on: "Fortsett",
            stop_here: "Avslutt her",
            pause_hint_keys: "Esc fortsetter, Q avslutter",
            pause_hint_headset: "Menyknappen fortsetter. Pek på en knapp og trykk på avtrekkeren.",
        }
    } else {
        PlayerWords {
            controls: "(p = pause, r = resume, q = stop, at any time)",
            choose: "type the number of your answer",
            seconds_left: "seconds to answer",
            review_hint: "answer like \"y 20\" (it happened, 20 %) or \"n 10\"",
            time_up: "time is up - someone checks the clock",
            silence_taken: "the silence is taken as an answer",
            complete: "the scenario is complete",
            yes: "Yes",
            no: "No",
            confirm: "OK",
            paused: "paused",
            ended: "ended",
            enter_closes: "Enter closes the window",
            pause_title: "Paused",
            pause_body: "Everything is on hold. Take the time you need.\nYou can go on when you are ready, or stop here. Both are perfectly fine.",
            go_on: "Go on",
            stop_here: "Stop here",
            pause_hint_keys: "Esc goes on, Q stops",
            pause_hint_headset: "The menu button goes on. Point at a button and pull the trigger.",
        }
    }
}
