//! Who is in the room at a level and how they behave there.

use crate::scenario::{Behaviour, Scenario};

/// A character's behaviour at `level`: their own, changed by the level.
pub fn behaviour_at(scenario: &Scenario, level: u8, character: usize) -> Behaviour {
    let Some(c) = scenario.cast.get(character) else { return Behaviour::default() };
    let mut b = c.behaviour;
    if let Some(change) = level_def(scenario, level).and_then(|l| l.behaviour.get(&c.id)) {
        if let Some(a) = change.attitude {
            b.attitude = a;
        }
        if let Some(g) = change.gaze {
            b.gaze = g;
        }
        if let Some(i) = change.interrupts {
            b.interrupts = i;
        }
    }
    b
}

pub fn is_present(scenario: &Scenario, level: u8, character: usize) -> bool {
    match (level_def(scenario, level), scenario.cast.get(character)) {
        (Some(l), Some(c)) => l.present.contains(&c.id),
        _ => false,
    }
}

pub fn level_def(scenario: &Scenario, level: u8) -> Option<&crate::scenario::Level> {
    scenario.levels.get(usize::from(level).checked_sub(1)?)
}
