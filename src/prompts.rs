//! The words of the rating prompts, per language.
//!
//! These are fixed by the rating instruments, not by scenario authors, so
//! they are asked for here once and every front end (terminal, headset)
//! shows the same wording. The words themselves are in
//! `assets/locales/*/prompts.ftl` and `player.ftl`.

use crate::scenario::{RatingKind, Scenario};
use crate::session::{RatingScale, scale};
use crate::w;
use crate::words::{Lang, PerLanguage};

/// What the participant sees for one rating prompt.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingPrompt {
    pub question: String,
    /// Scale ends and middle, e.g. ("0 = calm", "100 = worst distress").
    pub low: String,
    pub mid: Option<String>,
    pub high: String,
    /// Its top and steps, from the one place that knows them.
    pub scale: RatingScale,
}

/// The prompt for `kind`, with the scenario's statements and outcomes
/// filled in.
pub fn rating_prompt(scenario: &Scenario, kind: &RatingKind, lang: &str) -> RatingPrompt {
    let l = Lang::of(lang);
    let outcome = |id: &str| {
        scenario
            .feared_outcomes
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_string(), |o| o.text.show(lang).to_string())
    };
    let scale = scale(kind);
    match kind {
        RatingKind::Suds => RatingPrompt {
            question: w!(l, "suds-question"),
            low: w!(l, "suds-low"),
            mid: Some(w!(l, "suds-mid")),
            high: w!(l, "suds-high"),
            scale,
        },
        RatingKind::SelfEfficacy(id) => {
            let can = scenario
                .ratings
                .self_efficacy
                .iter()
                .find(|s| &s.id == id)
                .map_or_else(|| id.clone(), |s| s.can.show(lang).to_string());
            RatingPrompt {
                question: w!(l, "self-efficacy-question", statement = can),
                low: w!(l, "self-efficacy-low"),
                mid: Some(w!(l, "self-efficacy-mid")),
                high: w!(l, "self-efficacy-high"),
                scale,
            }
        }
        RatingKind::Expectancy(id) => RatingPrompt {
            question: w!(l, "expectancy-question", outcome = outcome(id)),
            low: w!(l, "expectancy-low"),
            mid: None,
            high: w!(l, "expectancy-high"),
            scale,
        },
        RatingKind::ExpectancyReview(id) => RatingPrompt {
            // The author's own past-tense question, else the outcome quoted.
            question: match scenario
                .feared_outcomes
                .iter()
                .find(|o| &o.id == id)
                .and_then(|o| o.review.as_ref())
            {
                Some(review) => w!(l, "expectancy-review-asked", question = review.show(lang)),
                None => w!(l, "expectancy-review-question", outcome = outcome(id)),
            },
            low: w!(l, "expectancy-low"),
            mid: None,
            high: w!(l, "expectancy-high"),
            scale,
        },
        RatingKind::Cybersickness => RatingPrompt {
            question: w!(l, "cybersickness-question"),
            low: w!(l, "cybersickness-low"),
            mid: None,
            high: w!(l, "cybersickness-high"),
            scale,
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
#[derive(Debug, Clone)]
pub struct PlayerWords {
    pub controls: String,
    pub choose: String,
    pub review_hint: String,
    pub time_up: String,
    pub silence_taken: String,
    pub complete: String,
    /// What the participant reads in the calm phase after the run.
    pub recovery: String,
    /// Buttons on the in-world rating panel.
    pub yes: String,
    /// The keys that answer yes or no, as the panel shows them.
    pub yes_no_keys: String,
    pub no: String,
    pub confirm: String,
    /// The window's status bar: paused, ended early, and how to close.
    pub paused: String,
    pub ended: String,
    pub enter_closes: String,
    /// The pause card: a title, a word that stopping is fine, its two
    /// buttons, and how to press them (keys, or the controller).
    pub pause_title: String,
    pub pause_body: String,
    pub go_on: String,
    pub stop_here: String,
    pub pause_hint_keys: String,
    pub pause_hint_headset: String,
    /// The calming pause: the card's button, the guide's title, its two
    /// words, and how to end the breathing early.
    pub calm: String,
    pub calm_title: String,
    pub breathe_in: String,
    pub breathe_out: String,
    pub calm_hint_keys: String,
    pub calm_hint_headset: String,
    /// The status bar in a modelling run.
    pub modelling: String,
}

/// The player's words in the language of `lang`, built once per language:
/// the panels ask for them every frame.
pub fn player_words(lang: &str) -> &'static PlayerWords {
    static WORDS: PerLanguage<PlayerWords> = PerLanguage::new();
    WORDS.get(Lang::of(lang), |lang| PlayerWords {
        controls: w!(lang, "player-controls"),
        choose: w!(lang, "player-choose"),
        review_hint: w!(lang, "player-review-hint"),
        time_up: w!(lang, "player-time-up"),
        silence_taken: w!(lang, "player-silence-taken"),
        complete: w!(lang, "player-complete"),
        recovery: w!(lang, "player-recovery"),
        yes: w!(lang, "player-yes"),
        yes_no_keys: w!(lang, "player-yes-no-keys"),
        no: w!(lang, "player-no"),
        confirm: w!(lang, "player-confirm"),
        paused: w!(lang, "player-paused"),
        ended: w!(lang, "player-ended"),
        enter_closes: w!(lang, "player-enter-closes"),
        pause_title: w!(lang, "pause-title"),
        pause_body: w!(lang, "pause-body"),
        go_on: w!(lang, "pause-go-on"),
        stop_here: w!(lang, "pause-stop-here"),
        pause_hint_keys: w!(lang, "pause-hint-keys"),
        pause_hint_headset: w!(lang, "pause-hint-headset"),
        calm: w!(lang, "pause-calm"),
        calm_title: w!(lang, "calming-title"),
        breathe_in: w!(lang, "calming-breathe-in"),
        breathe_out: w!(lang, "calming-breathe-out"),
        calm_hint_keys: w!(lang, "calming-hint-keys"),
        calm_hint_headset: w!(lang, "calming-hint-headset"),
        modelling: w!(lang, "player-modelling-status"),
    })
}
