//! What the engine's own things are called for people: stress cues, roles,
//! choice tags and rating kinds. One place, so the console, the name labels
//! and the debrief call a cue the same thing. Each match is exhaustive: a
//! new cue or role cannot be added without its words.

use super::Lang;
use crate::scenario::{Character, ChoiceTag, RatingKind, Remote, Role, Scenario, StressCue};

/// Who is speaking, as a subtitle names them: their name, and for someone
/// who is not in the room, how they take part.
pub fn speaker(lang: Lang, c: &Character) -> String {
    match c.remote {
        None => c.name.clone(),
        Some(Remote::Phone) => w!(lang, "speaker-on-phone", name = &c.name),
        Some(Remote::Video) => w!(lang, "speaker-on-video", name = &c.name),
    }
}

pub fn cue(lang: Lang, cue: StressCue) -> String {
    match cue {
        StressCue::PhoneRinging => w!(lang, "cue-phone-ringing"),
        StressCue::OfficeMurmur => w!(lang, "cue-office-murmur"),
        StressCue::KeyboardTyping => w!(lang, "cue-keyboard-typing"),
        StressCue::DoorSlam => w!(lang, "cue-door-slam"),
        StressCue::Sigh => w!(lang, "cue-sigh"),
        StressCue::Notification => w!(lang, "cue-notification"),
        StressCue::CriticalRemark => w!(lang, "cue-critical-remark"),
        StressCue::Interruption => w!(lang, "cue-interruption"),
        StressCue::SilentStare => w!(lang, "cue-silent-stare"),
        StressCue::WatchCheck => w!(lang, "cue-watch-check"),
    }
}

pub fn role(lang: Lang, role: Role) -> String {
    match role {
        Role::Manager => w!(lang, "role-manager"),
        Role::Colleague => w!(lang, "role-colleague"),
        Role::Customer => w!(lang, "role-customer"),
        Role::HrAdvisor => w!(lang, "role-hr-advisor"),
        Role::UnionRep => w!(lang, "role-union-rep"),
        Role::OccupationalHealth => w!(lang, "role-occupational-health"),
        Role::NewColleague => w!(lang, "role-new-colleague"),
    }
}

pub fn tag(lang: Lang, tag: ChoiceTag) -> String {
    match tag {
        ChoiceTag::Assertive => w!(lang, "tag-assertive"),
        ChoiceTag::Avoidant => w!(lang, "tag-avoidant"),
        ChoiceTag::AsksForHelp => w!(lang, "tag-asks-for-help"),
        ChoiceTag::Apologetic => w!(lang, "tag-apologetic"),
        ChoiceTag::Aggressive => w!(lang, "tag-aggressive"),
        ChoiceTag::SetsBoundary => w!(lang, "tag-sets-boundary"),
        ChoiceTag::SharesOpenly => w!(lang, "tag-shares-openly"),
        ChoiceTag::KeepsPrivate => w!(lang, "tag-keeps-private"),
    }
}

/// A rating in a few words, naming the statement or outcome by what the
/// scenario says it is (in `lang` where the scenario has it), so a person
/// reads "self-efficacy (answer a critical remark calmly)" and not an
/// author's id. An id the scenario lacks is shown as it is.
pub fn rating_in(lang: Lang, kind: &RatingKind, scenario: &Scenario) -> String {
    let code = lang.code();
    match kind {
        RatingKind::SelfEfficacy(id) => {
            w!(lang, "rating-self-efficacy", statement = scenario.statement_text(id, code))
        }
        RatingKind::Expectancy(id) => {
            w!(lang, "rating-expectancy", outcome = scenario.outcome_text(id, code))
        }
        RatingKind::ExpectancyReview(id) => {
            w!(lang, "rating-expectancy-review", outcome = scenario.outcome_text(id, code))
        }
        RatingKind::Suds | RatingKind::Cybersickness => rating(lang, kind),
    }
}

/// A rating in a few words, naming the statement or outcome by its id
/// (where there is no scenario to name it from).
pub fn rating(lang: Lang, kind: &RatingKind) -> String {
    match kind {
        RatingKind::Suds => w!(lang, "rating-suds"),
        RatingKind::SelfEfficacy(id) => w!(lang, "rating-self-efficacy", statement = id),
        RatingKind::Expectancy(id) => w!(lang, "rating-expectancy", outcome = id),
        RatingKind::ExpectancyReview(id) => w!(lang, "rating-expectancy-review", outcome = id),
        RatingKind::Cybersickness => w!(lang, "rating-cybersickness"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_and_role_has_its_own_words_in_both_languages() {
        for lang in Lang::ALL {
            let cues: std::collections::BTreeSet<_> = StressCue::ALL.iter().map(|c| cue(lang, *c)).collect();
            assert_eq!(cues.len(), StressCue::ALL.len(), "two cues share words in {lang:?}");
            assert!(cues.iter().all(|c| !c.starts_with('[')), "{cues:?}");
        }
        assert_eq!(role(Lang::Nb, Role::HrAdvisor), "HR-rådgiver");
        assert_eq!(tag(Lang::En, ChoiceTag::SetsBoundary), "sets a boundary");
    }
}
