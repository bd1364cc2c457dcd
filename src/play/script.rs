//! Scripts: a participant's (and clinician's) actions written down, so a
//! playthrough can be repeated exactly.
//!
//! One action a line; `#` starts a comment. An action may start with
//! `after SECONDS`: how long after the session began waiting for it the
//! action happens (default 2 s for answers, 0 for everything else).
//!
//! ```text
//! rate 30                 # answers the open rating prompt
//! after 4.5 choose 2      # picks the second option, 4.5 s after it appeared
//! review not-happened 20  # expectancy review: did not happen, now 20 %
//! pause / resume / stop   # by the participant; add "by clinician" for the clinician
//! calm                    # the calming button: a calming pause, or its end
//! ask cybersickness       # the clinician asks a rating now (suds or cybersickness)
//! level 3                 # the clinician steps the exposure to level 3
//! cue phone-ringing 0.8   # the clinician triggers a cue
//! marker looked away      # the clinician notes something
//! answer                  # the first option, or the open rating's default
//! wait 10                 # ten seconds pass
//! ```

use crate::scenario::{RatingKind, StressCue};
use crate::session::{Actor, Input, Millis, RatingAnswer};
use crate::w;
use crate::words::{Explain, Lang};

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// An input for the session.
    Do(Input),
    /// Let time pass.
    Wait(Millis),
    /// Whatever is asked, answered as a participant who only presses
    /// Enter would: the first option, or the rating's starting value.
    Answer,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub action: Action,
    /// Delay from when the session started waiting, in milliseconds.
    pub after: Millis,
    /// 1-based line in the script, for messages.
    pub line: usize,
}

impl Step {
    /// Whether this step answers the participant's prompt (a choice or a
    /// rating), and so must wait until one is open.
    pub fn is_answer(&self) -> bool {
        matches!(self.action, Action::Do(Input::Choose { .. } | Input::Rate(_)) | Action::Answer)
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct ScriptError {
    pub line: usize,
    pub problem: ScriptProblem,
}

/// What is wrong with a script line. `what` and `verb` are the script's
/// own words (`after`, `choose`, ...), `word` what was written instead.
#[derive(Debug, Clone, PartialEq)]
pub enum ScriptProblem {
    SecondsMissing { what: &'static str },
    NotSeconds { what: &'static str, word: String },
    NumberMissing { what: &'static str },
    NotNumber { what: &'static str, word: String },
    ActionMissing,
    ExpectedBy { verb: String },
    OptionsFromOne,
    ReviewWord { found: Option<String> },
    AskWord { found: Option<String> },
    CueMissing,
    UnknownCue { name: String },
    NotIntensity { word: String },
    UnknownAction { word: String },
}

impl Explain for ScriptError {
    fn explain(&self, lang: Lang) -> String {
        w!(lang, "error-script-line", line = self.line, problem = self.problem.explain(lang))
    }
}

impl Explain for ScriptProblem {
    fn explain(&self, lang: Lang) -> String {
        match self {
            ScriptProblem::SecondsMissing { what } => w!(lang, "error-script-seconds-missing", what = *what),
            ScriptProblem::NotSeconds { what, word } => {
                w!(lang, "error-script-not-seconds", what = *what, word = word)
            }
            ScriptProblem::NumberMissing { what } => w!(lang, "error-script-number-missing", what = *what),
            ScriptProblem::NotNumber { what, word } => {
                w!(lang, "error-script-not-number", what = *what, word = word)
            }
            ScriptProblem::ActionMissing => w!(lang, "error-script-action-missing"),
            ScriptProblem::ExpectedBy { verb } => w!(lang, "error-script-expected-by", verb = verb),
            ScriptProblem::OptionsFromOne => w!(lang, "error-script-options-from-one"),
            ScriptProblem::ReviewWord { found } => {
                let found = match found {
                    Some(word) => format!("\"{word}\""),
                    None => w!(lang, "error-script-nothing"),
                };
                w!(lang, "error-script-review-word", found = found)
            }
            ScriptProblem::AskWord { found } => {
                let found = match found {
                    Some(word) => format!("\"{word}\""),
                    None => w!(lang, "error-script-nothing"),
                };
                w!(lang, "error-script-ask-word", found = found)
            }
            ScriptProblem::CueMissing => w!(lang, "error-script-cue-missing"),
            ScriptProblem::UnknownCue { name } => {
                let cues: Vec<_> = StressCue::ALL.iter().map(|c| c.name()).collect();
                w!(lang, "error-script-unknown-cue", name = name, cues = cues.join(", "))
            }
            ScriptProblem::NotIntensity { word } => w!(lang, "error-script-not-intensity", word = word),
            ScriptProblem::UnknownAction { word } => w!(
                lang,
                "error-script-unknown-action",
                word = word,
                actions =
                    "choose, rate, review, answer, pause, resume, stop, calm, ask, level, cue, marker, wait"
            ),
        }
    }
}

crate::english_display!(ScriptError, ScriptProblem);

/// Default think time before an answer, when the script gives none.
pub const DEFAULT_ANSWER_MILLIS: Millis = 2_000;

pub fn parse(text: &str) -> Result<Vec<Step>, ScriptError> {
    let mut steps = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let content = raw.split('#').next().unwrap_or("").trim();
        if content.is_empty() {
            continue;
        }
        steps.push(parse_line(content).map_err(|problem| ScriptError { line, problem })?.with_line(line));
    }
    Ok(steps)
}

impl Step {
    fn with_line(mut self, line: usize) -> Step {
        self.line = line;
        self
    }
}

fn seconds(word: Option<&str>, what: &'static str) -> Result<Millis, ScriptProblem> {
    let word = word.ok_or(ScriptProblem::SecondsMissing { what })?;
    match word.parse::<f64>() {
        Ok(s) if s.is_finite() && (0.0..=86_400.0).contains(&s) => Ok((s * 1000.0).round() as Millis),
        _ => Err(ScriptProblem::NotSeconds { what, word: word.into() }),
    }
}

fn number<T: std::str::FromStr>(word: Option<&str>, what: &'static str) -> Result<T, ScriptProblem> {
    let word = word.ok_or(ScriptProblem::NumberMissing { what })?;
    word.parse().map_err(|_| ScriptProblem::NotNumber { what, word: word.into() })
}

fn parse_line(content: &str) -> Result<Step, ScriptProblem> {
    let mut words = content.split_whitespace().peekable();
    let mut after = None;
    if words.peek() == Some(&"after") {
        words.next();
        after = Some(seconds(words.next(), "after")?);
    }
    let verb = words.next().ok_or(ScriptProblem::ActionMissing)?;
    let by = |rest: &[&str]| match rest {
        [] | ["by", "participant"] => Ok(Actor::Participant),
        ["by", "clinician"] => Ok(Actor::Clinician),
        _ => Err(ScriptProblem::ExpectedBy { verb: verb.into() }),
    };
    let rest: Vec<&str> = words.collect();
    let mut it = rest.iter().copied();
    let action = match verb {
        "choose" => {
            let n: usize = number(it.next(), "choose")?;
            if n == 0 {
                return Err(ScriptProblem::OptionsFromOne);
            }
            Action::Do(Input::Choose { option: n - 1 })
        }
        "rate" => Action::Do(Input::Rate(RatingAnswer::Scale(number(it.next(), "rate")?))),
        "review" => {
            let happened = match it.next() {
                Some("happened") => true,
                Some("not-happened") => false,
                other => return Err(ScriptProblem::ReviewWord { found: other.map(str::to_string) }),
            };
            let likelihood = number(it.next(), "review")?;
            Action::Do(Input::Rate(RatingAnswer::Review { happened, likelihood }))
        }
        "pause" => Action::Do(Input::Pause { by: by(&rest)? }),
        "resume" => Action::Do(Input::Resume { by: by(&rest)? }),
        "stop" => Action::Do(Input::Stop { by: by(&rest)? }),
        "calm" => Action::Do(Input::Calm { by: by(&rest)? }),
        "ask" => {
            let rating = match it.next() {
                Some("suds") => RatingKind::Suds,
                Some("cybersickness") => RatingKind::Cybersickness,
                other => return Err(ScriptProblem::AskWord { found: other.map(str::to_string) }),
            };
            Action::Do(Input::AskNow { rating })
        }
        "level" => Action::Do(Input::SetLevel { level: number(it.next(), "level")? }),
        "cue" => {
            let name = it.next().ok_or(ScriptProblem::CueMissing)?;
            let cue =
                StressCue::from_name(name).ok_or_else(|| ScriptProblem::UnknownCue { name: name.into() })?;
            let intensity = match it.next() {
                Some(w) => w.parse().map_err(|_| ScriptProblem::NotIntensity { word: w.into() })?,
                None => 0.6,
            };
            Action::Do(Input::TriggerCue { cue, intensity })
        }
        "marker" => Action::Do(Input::Marker { note: rest.join(" ") }),
        "skip" => Action::Do(Input::SkipRating),
        "note" => Action::Do(Input::MarkerNote { note: rest.join(" ") }),
        "wait" => Action::Wait(seconds(it.next(), "wait")?),
        "answer" => Action::Answer,
        other => return Err(ScriptProblem::UnknownAction { word: other.into() }),
    };
    let step = Step { after: 0, action, line: 0 };
    let default = if step.is_answer() { DEFAULT_ANSWER_MILLIS } else { 0 };
    Ok(Step { after: after.unwrap_or(default), ..step })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_action_and_reports_bad_lines() {
        let steps = parse(
            "# a comment\nrate 30\nafter 4.5 choose 2\nreview not-happened 20\npause by clinician\nresume\nlevel 3\ncue phone-ringing 0.8\nmarker looked away\nwait 10\nstop\ncalm by clinician\n",
        )
        .unwrap();
        assert_eq!(steps.len(), 11);
        assert_eq!(steps[10].action, Action::Do(Input::Calm { by: Actor::Clinician }));
        let ask = parse("ask cybersickness").unwrap();
        assert_eq!(ask[0].action, Action::Do(Input::AskNow { rating: RatingKind::Cybersickness }));
        assert!(parse("ask mood").unwrap_err().to_string().contains("suds or cybersickness"));
        assert_eq!(parse("skip").unwrap()[0].action, Action::Do(Input::SkipRating));
        assert_eq!(
            parse("note went quiet").unwrap()[0].action,
            Action::Do(Input::MarkerNote { note: "went quiet".into() })
        );
        assert_eq!(steps[0].after, DEFAULT_ANSWER_MILLIS);
        assert_eq!(steps[1], Step { action: Action::Do(Input::Choose { option: 1 }), after: 4500, line: 3 });
        assert_eq!(steps[3].action, Action::Do(Input::Pause { by: Actor::Clinician }));
        assert_eq!(steps[7].action, Action::Do(Input::Marker { note: "looked away".into() }));
        assert_eq!(steps[8].action, Action::Wait(10_000));

        let err = parse("rate 30\nchoose zero\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(parse("choose 0").is_err());
        assert!(parse("cue thunder").unwrap_err().to_string().contains("phone-ringing"));
        let dance = parse("dance").unwrap_err();
        assert!(dance.to_string().starts_with("script line 1: unknown action \"dance\"; actions are choose"));
        assert!(dance.explain(Lang::Nb).starts_with("skriptlinje 1: ukjent handling «dance»"));
        assert!(parse("after -1 choose 1").is_err());
        assert!(parse("dance").is_err());
        let answer = parse("answer\nafter 1.5 answer").unwrap();
        assert_eq!((answer[0].action.clone(), answer[0].after), (Action::Answer, DEFAULT_ANSWER_MILLIS));
        assert!(answer[1].is_answer());
    }
}
