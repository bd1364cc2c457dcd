//! The title card: which scenario, which level, which mode. The clinician
//! sees at a glance that the right thing is loaded.

use bevy::prelude::*;
use bevy::text::FontSize;

use super::Loaded;

pub fn plugin(app: &mut App) {
    app.add_systems(Startup, show_title);
}

fn show_title(mut commands: Commands, loaded: Res<Loaded>) {
    let s = &loaded.scenario.scenario;
    let lang = loaded.options.lang.as_str();
    let level = s.levels.get(usize::from(loaded.options.level) - 1);
    let summary = level.map_or("", |l| l.summary.show(lang));
    let mode = if loaded.options.desktop {
        "desktop window (chosen with --desktop)"
    } else {
        "desktop window (the headset path arrives with the scene)"
    };
    info!("mestring: showing \"{}\" at level {} in a {mode}", s.id, loaded.options.level);

    commands.spawn(Camera2d);
    commands
        .spawn(Node {
            width: percent(100),
            height: percent(100),
            flex_direction: FlexDirection::Column,
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            row_gap: px(18),
            padding: UiRect::all(px(40)),
            ..default()
        })
        .with_children(|card| {
            let line = |text: String, size: f32, color: Color| {
                (
                    Text::new(text),
                    TextFont { font_size: FontSize::Px(size), ..default() },
                    TextColor(color),
                    TextLayout::justify(Justify::Center),
                )
            };
            card.spawn(line(s.title.show(lang).to_string(), 44.0, Color::srgb(0.95, 0.93, 0.88)));
            card.spawn(line(s.situation.show(lang).to_string(), 22.0, Color::srgb(0.80, 0.82, 0.85)));
            card.spawn(line(summary.to_string(), 24.0, Color::srgb(0.98, 0.80, 0.45)));
            card.spawn(line(format!("mode: {mode}"), 16.0, Color::srgb(0.6, 0.65, 0.7)));
        });
}
