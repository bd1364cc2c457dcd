//! Beats and flow: each beat's own values, and the shape of the flow
//! (reachable, always able to end, never spinning without a pause).

use std::collections::HashMap;

use super::{Checker, at, f};
use crate::scenario::locate::PathPart as P;
use crate::scenario::model::*;

impl Checker<'_> {
    pub(super) fn check_beats(&mut self) {
        let s = self.scenario;
        if s.beats.is_empty() {
            self.error(
                "no-beats",
                &[f("beats")],
                "the scenario has no beats".into(),
                "empty",
                "add beats: Say, Choose, Wait, Cue, Rate, Branch and at least one End".into(),
            );
        }
        self.check_unique(
            "beat",
            s.beats.iter().enumerate().map(|(i, b)| (vec![f("beats"), P::Index(i), f("id")], b.id())),
        );
        if !s.beats.is_empty() && !self.beat_ids.contains(s.start.as_str()) {
            self.unknown_beat(&[f("start")], &s.start);
        }
        for (i, beat) in s.beats.iter().enumerate() {
            let path = [f("beats"), P::Index(i)];
            self.check_id(&at(&path, &[f("id")]), beat.id(), "beat");
            for (sub, target) in beat.successors() {
                if !self.beat_ids.contains(target) {
                    self.unknown_beat(&at(&path, &sub), target);
                }
            }
            match beat {
                Beat::Say { by, text, variants, audio, seconds, .. } => {
                    self.check_character_ref(&at(&path, &[f("by")]), by);
                    self.check_text(&at(&path, &[f("text")]), text);
                    for (attitude, variant) in variants {
                        let key = format!("{attitude:?}");
                        self.check_text(&at(&path, &[f("variants"), P::Key(key)]), variant);
                    }
                    if let Some(audio) = audio {
                        self.check_file(&at(&path, &[f("audio")]), audio, "audio");
                    }
                    if let Some(secs) = seconds {
                        self.check_range(&at(&path, &[f("seconds")]), *secs, 0.3, 120.0, "seconds");
                    }
                }
                Beat::Choose { prompt, options, silence, .. } => {
                    if let Some(prompt) = prompt {
                        self.check_text(&at(&path, &[f("prompt")]), prompt);
                    }
                    if options.is_empty() || options.len() > 9 {
                        self.error(
                            "option-count",
                            &at(&path, &[f("options")]),
                            format!("a choice has {} options; it needs 1 to 9", options.len()),
                            "wrong number of options",
                            "options are picked with keys 1-9 and must fit one panel".into(),
                        );
                    }
                    for (j, option) in options.iter().enumerate() {
                        self.check_text(&at(&path, &[f("options"), P::Index(j), f("text")]), &option.text);
                    }
                    let models: Vec<usize> =
                        options.iter().enumerate().filter(|(_, o)| o.model).map(|(j, _)| j).collect();
                    if models.is_empty() && !options.is_empty() {
                        self.warning(
                            "no-model-answer",
                            &at(&path, &[f("options")]),
                            "no option is marked as the model answer".into(),
                            "no model answer",
                            "mark the answer a peer shows in a modelling run with `model: true`; without \
                             one the peer takes the first answer that approaches the situation"
                                .into(),
                        );
                    }
                    if models.len() > 1 {
                        self.error(
                            "several-model-answers",
                            &at(&path, &[f("options"), P::Index(models[1]), f("model")]),
                            "more than one option is marked as the model answer".into(),
                            "second model answer",
                            "a modelling run shows the one marked answer; mark only one".into(),
                        );
                    }
                    if let Some(silence) = silence {
                        self.check_range(
                            &at(&path, &[f("silence"), f("seconds")]),
                            silence.seconds,
                            2.0,
                            300.0,
                            "silence seconds",
                        );
                    }
                }
                Beat::Wait { seconds, .. } => {
                    self.check_range(&at(&path, &[f("seconds")]), *seconds, 0.1, 300.0, "seconds");
                }
                Beat::Cue { intensity, by, cue, .. } => {
                    self.check_range(&at(&path, &[f("intensity")]), *intensity, 0.0, 1.0, "intensity");
                    if let Some(by) = by
                        && self.check_character_ref(&at(&path, &[f("by")]), by)
                    {
                        self.check_cue_giver(&at(&path, &[f("by")]), *cue, by);
                    }
                }
                Beat::Rate { rating, .. } => self.check_rating_kind(&at(&path, &[f("rating")]), rating),
                Beat::Branch { routes, .. } => {
                    for (j, route) in routes.iter().enumerate() {
                        let route_at = at(&path, &[f("routes"), P::Index(j)]);
                        self.check_level_range(&at(&route_at, &[f("levels")]), route.levels);
                        if let Some(chance) = route.chance {
                            self.check_range(&at(&route_at, &[f("chance")]), chance, 0.0, 1.0, "chance");
                        }
                    }
                }
                Beat::End { text, .. } => {
                    if let Some(text) = text {
                        self.check_text(&at(&path, &[f("text")]), text);
                    }
                }
            }
        }
    }

    pub(super) fn check_flow(&mut self) {
        let s = self.scenario;
        let index: HashMap<&str, usize> = s.beats.iter().enumerate().map(|(i, b)| (b.id(), i)).collect();
        let Some(&start) = index.get(s.start.as_str()) else { return };
        let edges: Vec<Vec<usize>> = s
            .beats
            .iter()
            .map(|b| b.successors().iter().filter_map(|(_, t)| index.get(t).copied()).collect())
            .collect();

        // Reachable from the start at some level.
        let reachable = reach(&[start], &edges);
        self.report_unreachable(&reachable, &edges);

        // Able to end: walk the edges backwards from every End.
        let mut reverse = vec![Vec::new(); edges.len()];
        for (from, tos) in edges.iter().enumerate() {
            for &to in tos {
                reverse[to].push(from);
            }
        }
        let ends: Vec<usize> = s
            .beats
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b, Beat::End { .. }))
            .map(|(i, _)| i)
            .collect();
        let can_end = reach(&ends, &reverse);
        // Every beat upstream of a closed loop is stuck too; naming them all
        // would bury the one place to fix. Report each loop once, where the
        // flow enters it.
        let mut stuck: Vec<bool> = (0..s.beats.len()).map(|i| reachable[i] && !can_end[i]).collect();
        while let Some(i) = find_cycle(&edges, &stuck) {
            self.error(
                "no-way-to-end",
                &[f("beats"), P::Index(i), f("id")],
                format!("beat \"{}\" starts a loop that never reaches an End", s.beats[i].id()),
                "stuck in a loop",
                "every beat must lead on to an End; give the loop a way out".into(),
            );
            for (j, inside) in reach(&[i], &edges).into_iter().enumerate() {
                if inside {
                    stuck[j] = false;
                }
            }
        }

        // A loop of beats that never wait (Cue, Branch) would spin forever.
        let instant: Vec<bool> =
            s.beats.iter().map(|b| !b.waits() && !matches!(b, Beat::End { .. })).collect();
        if let Some(cycle_at) = find_cycle(&edges, &instant) {
            self.error(
                "instant-loop",
                &[f("beats"), P::Index(cycle_at), f("id")],
                format!("beat \"{}\" is in a loop where nothing waits", s.beats[cycle_at].id()),
                "loops without a pause",
                "a loop must pass a Say, Choose, Wait or Rate beat, or it runs forever".into(),
            );
        }

        self.check_presence_per_level(start, &index);
    }
}

impl Checker<'_> {
    /// Beats the flow never reaches. A wrong `start` or one missing link
    /// cuts off every beat after it; naming them all would bury the one
    /// place to fix. So each cut-off part is reported once, where it
    /// begins (a beat no other cut-off beat leads to), with how many
    /// beats it takes along.
    fn report_unreachable(&mut self, reachable: &[bool], edges: &[Vec<usize>]) {
        let s = self.scenario;
        let mut left: Vec<bool> = reachable.iter().map(|r| !r).collect();
        let mut led_to = vec![false; edges.len()];
        for (from, tos) in edges.iter().enumerate() {
            for &to in tos.iter().filter(|&&to| to != from && left[from]) {
                led_to[to] = true;
            }
        }
        // Beginnings first; a loop nothing leads into has none, so then
        // the first of it left stands for it.
        while let Some(i) =
            (0..left.len()).find(|&i| left[i] && !led_to[i]).or_else(|| left.iter().position(|&l| l))
        {
            let along: Vec<usize> = reach(&[i], edges)
                .into_iter()
                .enumerate()
                .filter(|&(j, r)| r && left[j] && j != i)
                .map(|(j, _)| j)
                .collect();
            left[i] = false;
            for &j in &along {
                left[j] = false;
            }
            let message = match along.len() {
                0 => format!("beat \"{}\" can never be reached", s.beats[i].id()),
                1 => {
                    format!("beat \"{}\" can never be reached, nor can the beat it leads to", s.beats[i].id())
                }
                n => format!(
                    "beat \"{}\" can never be reached, nor can the {n} beats it leads to",
                    s.beats[i].id()
                ),
            };
            self.error(
                "unreachable-beat",
                &[f("beats"), P::Index(i), f("id")],
                message,
                "unreachable",
                format!("no beat leads here from the start (\"{}\"); link it or remove it", s.start),
            );
        }
    }
}

/// The beats reachable from `start` in a run at `level`: a Branch leads
/// only along the ways open there.
pub(super) fn reachable_at(s: &Scenario, index: &HashMap<&str, usize>, start: usize, level: u8) -> Vec<bool> {
    let edges: Vec<Vec<usize>> = s
        .beats
        .iter()
        .map(|b| b.successors_at(level).iter().filter_map(|t| index.get(t).copied()).collect())
        .collect();
    reach(&[start], &edges)
}

/// Nodes reachable from `starts` along `edges`.
pub(super) fn reach(starts: &[usize], edges: &[Vec<usize>]) -> Vec<bool> {
    let mut seen = vec![false; edges.len()];
    let mut stack: Vec<usize> = starts.to_vec();
    while let Some(n) = stack.pop() {
        if n < seen.len() && !seen[n] {
            seen[n] = true;
            stack.extend(edges[n].iter().copied());
        }
    }
    seen
}

/// A node on a cycle that uses only nodes marked in `within`, if any.
fn find_cycle(edges: &[Vec<usize>], within: &[bool]) -> Option<usize> {
    // Iterative colouring DFS: 0 new, 1 on the stack, 2 done.
    let mut colour = vec![0u8; edges.len()];
    for root in 0..edges.len() {
        if !within[root] || colour[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        colour[root] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&to) = edges[node].get(*next) {
                *next += 1;
                if !within[to] {
                    continue;
                }
                match colour[to] {
                    0 => {
                        colour[to] = 1;
                        stack.push((to, 0));
                    }
                    1 => return Some(to),
                    _ => {}
                }
            } else {
                colour[node] = 2;
                stack.pop();
            }
        }
    }
    None
}
