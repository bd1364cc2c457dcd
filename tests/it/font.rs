//! Every letter a participant can be shown exists in the font the shell
//! draws with. Bevy's own font lacks æ, ø and å, and a missing glyph shows
//! as a box in the middle of a sentence.

use mestring::prompts::rating_prompt;
use read_fonts::{FontRef, TableProvider};

use crate::{repo, shipped};

#[test]
fn the_font_has_every_character_the_shipped_scenarios_and_prompts_use() {
    let bytes = std::fs::read(repo().join("assets/fonts/DejaVuSans.ttf")).unwrap();
    let font = FontRef::new(&bytes).unwrap();
    let cmap = font.cmap().unwrap();
    let mut text = String::new();
    for entry in std::fs::read_dir(repo().join("scenarios")).unwrap() {
        text.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    for (_, scenario) in shipped() {
        for lang in &scenario.languages {
            let kinds = scenario.ratings.schedule.iter().map(|a| &a.rating);
            for kind in kinds {
                let p = rating_prompt(&scenario, kind, lang);
                text.push_str(&format!("{} {} {} {}", p.question, p.low, p.mid.unwrap_or_default(), p.high));
            }
        }
    }
    let mut missing: Vec<char> =
        text.chars().filter(|c| !c.is_control() && cmap.map_codepoint(*c).is_none()).collect();
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "the font lacks {missing:?}");
    // And the test would notice: the font does not cover everything.
    assert!(cmap.map_codepoint('\u{4E2D}').is_none());
}
