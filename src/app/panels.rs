//! What the participant reads: a status bar (scenario, level, mode), the
//! subtitle of the line being spoken, the options to choose from, and the
//! rating prompt with its scale. Large, high-contrast text on calm panels.

use bevy::prelude::*;
use bevy::text::FontSize;

use super::Loaded;
use super::driver::{DriveSession, SessionView};
use crate::prompts::{player_words, rating_prompt};
use crate::scenario::{Beat, RatingKind};
use crate::session::EndReason;

#[derive(Component)]
struct Subtitle;

#[derive(Component)]
struct Choices;

#[derive(Component)]
struct Rating;

#[derive(Component)]
struct Status;

/// Dims the whole view while the session is paused: the participant sees
/// at once that the situation has stopped.
#[derive(Component)]
struct PauseVeil;

pub fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_panels)
        .add_systems(Update, show.after(DriveSession).run_if(resource_changed::<SessionView>));
}

const PANEL: Color = Color::srgba(0.08, 0.09, 0.11, 0.82);
const TEXT: Color = Color::srgb(0.97, 0.96, 0.92);
const AMBER: Color = Color::srgb(0.98, 0.8, 0.45);

fn text(size: f32, color: Color) -> (Text, TextFont, TextColor) {
    (Text::new(""), TextFont { font_size: FontSize::Px(size), ..default() }, TextColor(color))
}

fn spawn_panels(mut commands: Commands) {
    commands.spawn((
        Node {
            position_type: PositionType::Absolute,
            width: percent(100),
            height: percent(100),
            display: Display::None,
            ..default()
        },
        // Blending is in linear light: 75 % black leaves about half the
        // brightness a person sees.
        BackgroundColor(Color::srgba(0.0, 0.0, 0.0, 0.75)),
        // Beneath the panels: "PAUSED" and how to go on stay readable.
        GlobalZIndex(-1),
        PauseVeil,
    ));
    commands
        .spawn(Node {
            width: percent(100),
            height: percent(100),
            flex_direction: FlexDirection::Column,
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            padding: UiRect::all(px(16)),
            ..default()
        })
        .with_children(|screen| {
            screen.spawn((
                Node {
                    padding: UiRect::axes(px(14), px(8)),
                    max_width: percent(95),
                    border_radius: BorderRadius::all(px(8)),
                    ..default()
                },
                BackgroundColor(PANEL),
                children![(text(18.0, AMBER), Status)],
            ));
            screen
                .spawn(Node {
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::Center,
                    row_gap: px(12),
                    width: percent(85),
                    ..default()
                })
                .with_children(|lower| {
                    for marker in 0..3 {
                        let mut panel = lower.spawn((
                            Node {
                                padding: UiRect::axes(px(20), px(12)),
                                display: Display::None,
                                // A definite width, so text wraps before
                                // the panel's height is measured.
                                width: percent(100),
                                border_radius: BorderRadius::all(px(10)),
                                ..default()
                            },
                            BackgroundColor(PANEL),
                        ));
                        match marker {
                            0 => panel.insert(Rating).with_child(text(26.0, TEXT)),
                            1 => panel.insert(Choices).with_child(text(26.0, TEXT)),
                            _ => panel.insert(Subtitle).with_child(text(30.0, TEXT)),
                        };
                    }
                });
        });
}

#[allow(clippy::type_complexity)]
fn show(
    view: Res<SessionView>,
    loaded: Res<Loaded>,
    mut panels: Query<(&mut Node, &Children, Has<Subtitle>, Has<Choices>, Has<Rating>)>,
    mut status: Query<&mut Text, With<Status>>,
    mut texts: Query<&mut Text, Without<Status>>,
    mut veil: Query<&mut Node, (With<PauseVeil>, Without<Children>)>,
) {
    if let Ok(mut veil) = veil.single_mut() {
        veil.display = if view.paused { Display::Flex } else { Display::None };
    }
    let s = &loaded.scenario.scenario;
    let lang = loaded.options.lang.as_str();
    let words = player_words(lang);
    if let Ok(mut status) = status.single_mut() {
        let summary =
            s.levels.get(usize::from(view.level).saturating_sub(1)).map_or("", |l| l.summary.show(lang));
        let state = match (&view.ended, view.paused) {
            (Some(EndReason::Completed { .. }), _) => format!(" | {}", words.complete),
            (Some(_), _) => " | ended".to_string(),
            (None, true) => " | PAUSED (Esc resumes, Q stops)".to_string(),
            (None, false) => String::new(),
        };
        status.0 = format!("{} | {summary} | {}{state}", s.title.show(lang), loaded.mode());
    }

    let subtitle = view.line.and_then(|(beat, by, attitude)| match s.beats.get(beat) {
        Some(Beat::Say { text, variants, .. }) => {
            let name = s.cast.get(by).map_or("", |c| c.name.as_str());
            Some(format!("{name}: «{}»", variants.get(&attitude).unwrap_or(text).show(lang)))
        }
        _ => None,
    });
    let choices = view.choices.and_then(|(beat, clock)| match s.beats.get(beat) {
        Some(Beat::Choose { prompt, options, .. }) => {
            let mut lines: Vec<String> = prompt.iter().map(|p| p.show(lang).to_string()).collect();
            lines
                .extend(options.iter().enumerate().map(|(i, o)| format!("{}  {}", i + 1, o.text.show(lang))));
            if let Some(ms) = clock {
                lines.push(format!("({} {})", ms / 1000, words.seconds_left));
            }
            Some(lines.join("\n"))
        }
        _ => None,
    });
    let rating = view.rating.as_ref().map(|(kind, value, happened)| {
        let p = rating_prompt(s, kind, lang);
        let filled = (u32::from(*value) * 20 / u32::from(p.max.max(1))) as usize;
        let bar = format!("[{}{}] {value}", "#".repeat(filled), "-".repeat(20 - filled.min(20)));
        let review = match (kind, happened) {
            (RatingKind::ExpectancyReview(_), Some(h)) => {
                format!("\n{}   (Y / N)\n", if *h { "yes" } else { "no" })
            }
            _ => String::new(),
        };
        format!("{}{review}\n{bar}\n{}  ...  {}\n(<- -> then Enter)", p.question, p.low, p.high)
    });

    for (mut node, children, is_subtitle, is_choices, is_rating) in &mut panels {
        let content = if is_subtitle {
            &subtitle
        } else if is_choices {
            &choices
        } else if is_rating {
            &rating
        } else {
            continue;
        };
        node.display = if content.is_some() { Display::Flex } else { Display::None };
        if let Some(child) = children.first()
            && let Ok(mut t) = texts.get_mut(*child)
        {
            t.0 = content.clone().unwrap_or_default();
        }
    }
}
