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
//! level 3                 # the clinician steps the exposure to level 3
//! cue phone-ringing 0.8   # the clinician triggers a cue
//! marker looked away      # the clinician notes something
//! answer                  # the first option, or the open rating's default
//! wait 10                 # ten seconds pass
//! ```

use crate::scenario::StressCue;
use crate::session::{Actor, Input, Millis, RatingAnswer};

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
#[error("script line {line}: {message}")]
pub struct ScriptError {
    pub line: usize,
    pub message: String,
}

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
        steps.push(parse_line(content).map_err(|message| ScriptError { line, message })?.with_line(line));
    }
    Ok(steps)
}

impl Step {
    fn with_line(mut self, line: usize) -> Step {
        self.line = line;
        self
    }
}

fn seconds(word: Option<&str>, what: &str) -> Result<Millis, String> {
    let word = word.ok_or_else(|| format!("{what}: a number of seconds is missing"))?;
    match word.parse::<f64>() {
        Ok(s) if s.is_finite() && (0.0..=86_400.0).contains(&s) => Ok((s * 1000.0).round() as Millis),
        _ => Err(format!("{what}: \"{word}\" is not a number of seconds (0 to 86400)")),
    }
}

fn number<T: std::str::FromStr>(word: Option<&str>, what: &str) -> Result<T, String> {
    let word = word.ok_or_else(|| format!("{what}: a number is missing"))?;
    word.parse().map_err(|_| format!("{what}: \"{word}\" is not a valid number"))
}

fn parse_line(content: &str) -> Result<Step, String> {
    let mut words = content.split_whitespace().peekable();
    let mut after = None;
    if words.peek() == Some(&"after") {
        words.next();
        after = Some(seconds(words.next(), "after")?);
    }
    let verb = words.next().ok_or("an action is missing after `after`")?;
    let by = |rest: &[&str]| match rest {
        [] | ["by", "participant"] => Ok(Actor::Participant),
        ["by", "clinician"] => Ok(Actor::Clinician),
        _ => Err(format!("expected nothing or \"by clinician\" after {verb}")),
    };
    let rest: Vec<&str> = words.collect();
    let mut it = rest.iter().copied();
    let action = match verb {
        "choose" => {
            let n: usize = number(it.next(), "choose")?;
            if n == 0 {
                return Err("options are numbered from 1".into());
            }
            Action::Do(Input::Choose { option: n - 1 })
        }
        "rate" => Action::Do(Input::Rate(RatingAnswer::Scale(number(it.next(), "rate")?))),
        "review" => {
            let happened = match it.next() {
                Some("happened") => true,
                Some("not-happened") => false,
                other => {
                    return Err(format!(
                        "review: expected \"happened\" or \"not-happened\", found {:?}",
                        other.unwrap_or("nothing")
                    ));
                }
            };
            let likelihood = number(it.next(), "review")?;
            Action::Do(Input::Rate(RatingAnswer::Review { happened, likelihood }))
        }
        "pause" => Action::Do(Input::Pause { by: by(&rest)? }),
        "resume" => Action::Do(Input::Resume { by: by(&rest)? }),
        "stop" => Action::Do(Input::Stop { by: by(&rest)? }),
        "level" => Action::Do(Input::SetLevel { level: number(it.next(), "level")? }),
        "cue" => {
            let name = it.next().ok_or("cue: a cue name is missing")?;
            let cue = StressCue::from_name(name).ok_or_else(|| {
                let names: Vec<_> = StressCue::ALL.iter().map(|c| c.name()).collect();
                format!("cue: unknown cue \"{name}\"; cues are: {}", names.join(", "))
            })?;
            let intensity = match it.next() {
                Some(w) => w.parse().map_err(|_| format!("cue: \"{w}\" is not an intensity 0..1"))?,
                None => 0.6,
            };
            Action::Do(Input::TriggerCue { cue, intensity })
        }
        "marker" => Action::Do(Input::Marker { note: rest.join(" ") }),
        "wait" => Action::Wait(seconds(it.next(), "wait")?),
        "answer" => Action::Answer,
        other => {
            return Err(format!(
                "unknown action \"{other}\"; actions are choose, rate, review, answer, pause, resume, stop, level, cue, marker, wait"
            ));
        }
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
            "# a comment\nrate 30\nafter 4.5 choose 2\nreview not-happened 20\npause by clinician\nresume\nlevel 3\ncue phone-ringing 0.8\nmarker looked away\nwait 10\nstop\n",
        )
        .unwrap();
        assert_eq!(steps.len(), 10);
        assert_eq!(steps[0].after, DEFAULT_ANSWER_MILLIS);
        assert_eq!(steps[1], Step { action: Action::Do(Input::Choose { option: 1 }), after: 4500, line: 3 });
        assert_eq!(steps[3].action, Action::Do(Input::Pause { by: Actor::Clinician }));
        assert_eq!(steps[7].action, Action::Do(Input::Marker { note: "looked away".into() }));
        assert_eq!(steps[8].action, Action::Wait(10_000));

        let err = parse("rate 30\nchoose zero\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(parse("choose 0").is_err());
        assert!(parse("cue thunder").unwrap_err().message.contains("phone-ringing"));
        assert!(parse("after -1 choose 1").is_err());
        assert!(parse("dance").is_err());
        let answer = parse("answer\nafter 1.5 answer").unwrap();
        assert_eq!((answer[0].action.clone(), answer[0].after), (Action::Answer, DEFAULT_ANSWER_MILLIS));
        assert!(answer[1].is_answer());
    }
}
