//! Playing a scenario in a terminal: lines and choices as text, ratings
//! typed in, `p` to pause and `q` to stop at any time.
//!
//! The terminal owns the real clock; the session only ever sees the
//! times it is given, exactly as in the headset.

use std::io::{BufRead, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::prompts::rating_prompt;
use crate::scenario::{Beat, RatingKind, Scenario};
pub use crate::session::drive::Both;
use crate::session::drive::{Observer, feed, start, tick};
use crate::session::{Actor, EndReason, Input, Millis, Output, RatingAnswer, Session, Stamped};
use crate::w;
use crate::words::{Lang, names};

/// Prints what happens for a person, in one language.
pub struct Printer<W: Write> {
    pub out: W,
    pub lang: String,
    /// Show inputs that did not come from the keyboard (a script's), so a
    /// scripted run reads like the conversation it was.
    pub echo_inputs: bool,
    /// A prompt is on screen waiting for its answer on the same line.
    pub prompt_open: bool,
    /// The options last shown, by their index in the scenario, in order.
    pub shown: Vec<usize>,
    /// A modelling run: the peer answers, and the options are theirs.
    pub watching: bool,
}

impl<W: Write> Printer<W> {
    pub fn new(out: W, lang: &str, echo_inputs: bool) -> Self {
        Printer {
            out,
            lang: lang.to_string(),
            echo_inputs,
            prompt_open: false,
            shown: Vec::new(),
            watching: false,
        }
    }
}

impl<W: Write> Printer<W> {
    fn say(&mut self, text: &str) {
        // Something happening while a prompt waits starts its own line.
        let open = std::mem::take(&mut self.prompt_open);
        // A closed terminal must not take the session down with it.
        let _ = writeln!(self.out, "{}{text}", if open { "\n" } else { "" });
    }

    fn show(&mut self, scenario: &Scenario, at: Millis, output: &Output) {
        let lang = self.lang.clone();
        let words = crate::prompts::player_words(&lang);
        let l = Lang::of(&lang);
        let time = super::transcript::clock(at);
        let name = |c: usize| scenario.cast.get(c).map_or("?", |c| c.name.as_str());
        match output {
            Output::Started { level } => {
                let summary =
                    scenario.levels.get(usize::from(*level) - 1).map_or("", |l| l.summary.show(&lang));
                self.say(&format!(
                    "\n== {} ==\n{}\n",
                    scenario.title.show(&lang),
                    scenario.situation.show(&lang)
                ));
                self.say(&format!("[{time}] {summary}"));
                self.say(&format!("{}\n", words.controls));
            }
            Output::Line { beat, by, attitude, .. } => {
                if let Some(Beat::Say { text, variants, .. }) = scenario.beats.get(*beat) {
                    let text = variants.get(attitude).unwrap_or(text).show(&lang);
                    let who = scenario.cast.get(*by).map(|c| names::speaker(l, c)).unwrap_or_default();
                    self.say(&format!("[{time}] {who}: «{text}»"));
                }
            }
            Output::Modelling { peer } => {
                self.watching = true;
                self.say(&w!(l, "player-modelling", time = time, name = name(*peer)));
            }
            Output::PeerAnswer { beat, option, by, .. } => {
                if let Some(o) = scenario.option(*beat, *option) {
                    self.say(&format!("[{time}] {}: «{}»", name(*by), o.text.show(&lang)));
                }
            }
            // In a modelling run the peer's answer is what is shown.
            Output::ChoicesOffered { .. } if self.watching => {}
            Output::ChoicesOffered { beat, answer_millis, order, .. } => {
                if let Some(Beat::Choose { prompt, options, .. }) = scenario.beats.get(*beat) {
                    if let Some(p) = prompt {
                        self.say(&format!("\n{}", p.show(&lang)));
                    }
                    // Numbered as shown: the participant types a place in this list.
                    self.shown.clone_from(order);
                    let shown = order.iter().filter_map(|&i| options.get(i));
                    for (place, o) in shown.enumerate() {
                        self.say(&format!("  {}) {}", place + 1, o.text.show(&lang)));
                    }
                    if let Some(m) = answer_millis {
                        self.say(&format!("  {}", w!(l, "player-seconds-left", seconds = m / 1000)));
                    }
                    self.prompt(&words.choose);
                }
            }
            Output::RatingAsked { rating } => {
                let p = rating_prompt(scenario, rating, &lang);
                self.say(&format!("\n{}", p.question));
                let mid = p.mid.map(|m| format!(", {m}")).unwrap_or_default();
                self.say(&format!("  ({}{mid}, {})", p.low, p.high));
                if matches!(rating, RatingKind::ExpectancyReview(_)) {
                    self.prompt(&words.review_hint);
                } else {
                    self.prompt(&format!("0-{}", p.scale.top));
                }
            }
            Output::CueStarted { cue, by, .. } => {
                let cue = names::cue(l, *cue);
                self.say(&match by {
                    Some(c) => w!(l, "player-cue-by", time = time, cue = cue, name = name(*c)),
                    None => w!(l, "player-cue", time = time, cue = cue),
                });
            }
            Output::TimeUp { .. } => self.say(&format!("[{time}] * {}", words.time_up)),
            Output::SilenceTaken { .. } => self.say(&format!("[{time}] * {}", words.silence_taken)),
            Output::LevelChanged { from, to } => {
                self.say(&w!(l, "player-level", time = time, from = *from, to = *to))
            }
            Output::Paused { by } => self.say(&w!(l, "player-paused-by", time = time, by = by.name())),
            Output::Resumed { by } => self.say(&w!(l, "player-resumed-by", time = time, by = by.name())),
            Output::Marker { note } => self.say(&w!(l, "player-marker", time = time, note = note)),
            Output::MarkerNoted { note, .. } => {
                self.say(&w!(l, "player-marker-noted", time = time, note = note))
            }
            Output::RatingSkipped { rating, .. } => {
                let rating = names::rating_in(l, rating, scenario);
                self.say(&w!(l, "player-rating-skipped", time = time, rating = rating))
            }
            Output::Rejected { reason, .. } => self.say(&format!("  ({})", reason.say(l))),
            Output::RecoveryStarted { .. } => self.say(&format!("\n[{time}] {}", words.recovery)),
            Output::CalmingStarted { .. } => self.say(&format!("\n{}", w!(l, "player-calming", time = time))),
            Output::BreathingStarted { pace } => self.say(&w!(
                l,
                "player-breathing",
                time = time,
                inhale = pace.in_millis / 1000,
                exhale = pace.out_millis / 1000,
                breaths = pace.breaths
            )),
            Output::BreathingEnded { .. } => self.say(&w!(l, "player-breathing-ended", time = time)),
            Output::CalmingEnded => self.say(&w!(l, "player-calming-ended", time = time)),
            Output::Ended { reason } => {
                let why = match reason {
                    EndReason::Completed { beat } => match scenario.beats.get(*beat) {
                        Some(Beat::End { text: Some(t), .. }) => t.show(&lang).to_string(),
                        _ => words.complete.clone(),
                    },
                    EndReason::Stopped { by } => w!(l, "player-stopped-by", by = by.name()),
                    EndReason::ScenarioFault => w!(l, "player-scenario-fault"),
                };
                self.say(&format!("\n{}", w!(l, "player-end", time = time, why = why)));
            }
            _ => {}
        }
    }

    fn prompt(&mut self, hint: &str) {
        let _ = write!(self.out, "> ({hint}) ");
        let _ = self.out.flush();
        self.prompt_open = true;
    }
}

impl<W: Write> Observer for Printer<W> {
    fn input(&mut self, _: &Scenario, _: Millis, input: &Input) {
        if !self.echo_inputs || *input == Input::Tick {
            return;
        }
        match input {
            Input::Choose { option } => {
                self.prompt_open = false;
                // As typed: the option's place in the list shown.
                let place = self.shown.iter().position(|i| i == option);
                self.say(&place.map_or(option + 1, |p| p + 1).to_string());
            }
            Input::Rate(answer) => {
                self.prompt_open = false;
                // As the participant would have typed it.
                let l = Lang::of(&self.lang);
                self.say(&match answer {
                    RatingAnswer::Scale(v) => v.to_string(),
                    RatingAnswer::Review { happened, likelihood } => w!(
                        l,
                        "player-typed-review",
                        happened = if *happened { "yes" } else { "no" },
                        likelihood = *likelihood
                    ),
                });
            }
            // A pause, a level, a cue or a marker from the script shows as
            // the output it causes, in the participant's words; the
            // script's own wording is the transcript's.
            _ => {}
        }
    }

    fn outputs(&mut self, scenario: &Scenario, outputs: &[Stamped<Output>]) {
        for o in outputs {
            self.show(scenario, o.at, &o.item);
        }
    }
}

/// What a typed line means, given what the session waits for.
pub fn interpret(line: &str, session: &Session, lang: Lang) -> Result<Input, String> {
    let line = line.trim().to_lowercase();
    let mut words = line.split_whitespace();
    let first = words.next().unwrap_or("");
    match first {
        "p" | "pause" => return Ok(Input::Pause { by: Actor::Participant }),
        "r" | "resume" => return Ok(Input::Resume { by: Actor::Participant }),
        "q" | "quit" | "stop" => return Ok(Input::Stop { by: Actor::Participant }),
        "b" | "breathe" | "pust" => return Ok(Input::Calm { by: Actor::Participant }),
        _ => {}
    }
    if let Some(rating) = session.open_rating() {
        // The clinician's word, where the two share the terminal.
        if matches!(first, "skip" | "hopp") {
            return Ok(Input::SkipRating);
        }
        if matches!(rating, RatingKind::ExpectancyReview(_)) {
            let happened = match first {
                "y" | "yes" | "j" | "ja" => true,
                "n" | "no" | "nei" => false,
                _ => return Err(w!(lang, "player-answer-yes-no")),
            };
            let likelihood = words.next().and_then(|w| w.trim_end_matches('%').parse().ok());
            return likelihood
                .map(|likelihood| Input::Rate(RatingAnswer::Review { happened, likelihood }))
                .ok_or_else(|| w!(lang, "player-add-likelihood"));
        }
        return first
            .trim_end_matches('%')
            .parse()
            .map(|v| Input::Rate(RatingAnswer::Scale(v)))
            .map_err(|_| w!(lang, "player-type-scale"));
    }
    if let Some(order) = session.offered_order() {
        // A place in the list as shown, turned into the scenario's option.
        return match first.parse::<usize>() {
            Ok(n) if n >= 1 => Ok(Input::Choose { option: order.get(n - 1).copied().unwrap_or(n - 1) }),
            _ => Err(w!(lang, "player-type-option")),
        };
    }
    Err(w!(lang, "player-nothing-to-answer"))
}

/// Plays interactively on stdin and stdout until the session ends.
/// `speed` > 1 makes lines and waits pass faster (for authors trying a
/// flow); response times are then scaled the same way.
pub fn play_interactive(session: &mut Session, observer: &mut dyn Observer, speed: f64, lang: Lang) {
    let (tx, rx) = mpsc::channel::<Option<String>>();
    // stdin blocks, so it is read on its own thread; None means it closed.
    std::thread::spawn(move || {
        let stdin = std::io::stdin();
        for line in stdin.lock().lines() {
            match line {
                Ok(l) => {
                    if tx.send(Some(l)).is_err() {
                        return;
                    }
                }
                Err(_) => break,
            }
        }
        let _ = tx.send(None);
    });
    let began = Instant::now();
    let now = || (began.elapsed().as_secs_f64() * 1000.0 * speed) as Millis;
    start(session, observer);
    while !session.has_ended() {
        let wait = match session.next_deadline() {
            Some(deadline) => Duration::from_secs_f64(deadline.saturating_sub(now()) as f64 / 1000.0 / speed),
            None => Duration::from_secs(3600),
        };
        match rx.recv_timeout(wait) {
            Ok(Some(line)) => match interpret(&line, session, lang) {
                Ok(input) => feed(session, observer, now(), input),
                Err(msg) => {
                    let _ = writeln!(std::io::stdout(), "  ({msg})");
                }
            },
            // Input closed (end of a pipe, or Ctrl-D): stop cleanly.
            Ok(None) | Err(mpsc::RecvTimeoutError::Disconnected) => {
                crate::session::drive::stop_now(session, observer, now(), Actor::Participant);
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                tick(session, observer, now());
            }
        }
    }
}
