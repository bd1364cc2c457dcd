//! What the participant reads: a status bar (the scenario, and whether it
//! is paused or over), the subtitle of the line being spoken, the options
//! to choose from, the rating prompt with its scale, the pause card
//! (`pause`) and the calming pause's breathing guide (`breathing`). Large, high-contrast text on calm panels, in the
//! participant's language. What the level will do and which headset runtime
//! runs are the clinician's business: they are on the console, not here.

mod answer_clock;
mod breathing;
mod pause;

pub use pause::PauseAction;

pub(crate) use answer_clock::shown as answer_clock_shown;
pub(crate) use breathing::circle_diameter as breathing_circle_diameter;

use bevy::prelude::*;
use bevy::text::FontSize;

use super::AppSystems;
use super::Loaded;
use super::driver::SessionView;
use crate::prompts::{player_words, rating_prompt};
use crate::scenario::{Beat, RatingKind};
use crate::session::EndReason;
use crate::words::Lang;

#[derive(Component)]
struct Subtitle;

#[derive(Component)]
struct Choices;

#[derive(Component)]
struct Rating;

#[derive(Component)]
struct Status;

/// The button at this place (0-based) in the offered choice's list; which
/// option it shows is the session's order.
#[derive(Component)]
pub struct ChoiceOption(pub usize);

#[derive(Component)]
struct ChoicePrompt;

#[derive(Component)]
struct ChoiceClock;

/// A cell of the rating scale: 0 is the bottom, 10 the top.
#[derive(Component)]
pub struct RatingCell(pub u8);

/// "Yes" or "no" for an expectancy review.
#[derive(Component)]
pub struct RatingHappened(pub bool);

/// Gives the rating that is set.
#[derive(Component)]
pub struct RatingConfirm;

#[derive(Component)]
struct RatingAnchors;

/// Dims the whole view while the session is paused: the participant sees
/// at once that the situation has stopped.
#[derive(Component)]
struct PauseVeil;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((answer_clock::plugin, breathing::plugin, pause::plugin))
        .add_systems(Startup, spawn_panels)
        .add_systems(
            Update,
            (show_status, show, show_rating_buttons)
                .in_set(AppSystems::Show)
                .run_if(resource_changed::<SessionView>),
        )
        .add_systems(Update, paint_buttons.in_set(AppSystems::Show).after(show_rating_buttons));
}

const PANEL: Color = Color::srgba(0.08, 0.09, 0.11, 0.82);
const TEXT: Color = Color::srgb(0.97, 0.96, 0.92);
const AMBER: Color = Color::srgb(0.98, 0.8, 0.45);
/// Buttons: at rest, under the pointer, and the value that is set.
const IDLE: Color = Color::srgba(1.0, 1.0, 1.0, 0.06);
const HOVERED: Color = Color::srgba(0.98, 0.8, 0.45, 0.35);
const SELECTED: Color = Color::srgba(0.98, 0.8, 0.45, 0.75);

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
                    lower.spawn(panel(Rating)).with_children(|rating| {
                        rating.spawn(text(26.0, TEXT));
                        // Eleven cells from the bottom of the scale to the
                        // top: clicked or pointed at with a controller.
                        rating.spawn(row()).with_children(|cells| {
                            for cell in 0..=CELLS {
                                cells
                                    .spawn(button(RatingCell(cell), sized(48.0)))
                                    .with_child(text(22.0, TEXT));
                            }
                        });
                        rating.spawn(text(20.0, TEXT)).insert(RatingAnchors);
                        rating.spawn(row()).with_children(|answers| {
                            for happened in [true, false] {
                                answers
                                    .spawn(button(RatingHappened(happened), sized(110.0)))
                                    .with_child(text(22.0, TEXT));
                            }
                            answers.spawn(button(RatingConfirm, sized(110.0))).with_child(text(22.0, TEXT));
                        });
                    });
                    lower.spawn(panel(Choices)).with_children(|choices| {
                        choices.spawn(text(26.0, TEXT)).insert(ChoicePrompt);
                        for option in 0..MAX_OPTIONS {
                            choices
                                .spawn(button(
                                    ChoiceOption(option),
                                    Node { width: percent(100), ..option_row() },
                                ))
                                .with_child(text(26.0, TEXT));
                        }
                        choices.spawn(text(22.0, AMBER)).insert(ChoiceClock);
                    });
                    lower.spawn(panel(Subtitle)).with_child(text(30.0, TEXT));
                });
        });
}

/// The most options a Choose beat offers (keys 1 to 9).
const MAX_OPTIONS: usize = 9;

/// A card of its own root, centred over everything else and hidden until
/// shown (the pause card, the breathing guide): `width` is a percentage of
/// the view.
fn centred_card(
    commands: &mut Commands,
    width: f32,
    marker: impl Component,
    content: impl FnOnce(&mut bevy::ecs::hierarchy::ChildSpawnerCommands),
) {
    commands
        .spawn(Node {
            position_type: PositionType::Absolute,
            width: percent(100),
            height: percent(100),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            ..default()
        })
        .with_children(|screen| {
            screen
                .spawn((
                    Node {
                        display: Display::None,
                        flex_direction: FlexDirection::Column,
                        align_items: AlignItems::Center,
                        row_gap: px(14),
                        padding: UiRect::axes(px(28), px(20)),
                        width: percent(width),
                        border_radius: BorderRadius::all(px(12)),
                        ..default()
                    },
                    BackgroundColor(PANEL),
                    marker,
                ))
                .with_children(content);
        });
}

fn panel(marker: impl Component) -> impl Bundle {
    (
        Node {
            padding: UiRect::axes(px(20), px(12)),
            display: Display::None,
            flex_direction: FlexDirection::Column,
            row_gap: px(6),
            // A definite width, so text wraps before the panel's height is
            // measured.
            width: percent(100),
            border_radius: BorderRadius::all(px(10)),
            ..default()
        },
        BackgroundColor(PANEL),
        marker,
    )
}

fn row() -> Node {
    Node {
        flex_direction: FlexDirection::Row,
        column_gap: px(6),
        justify_content: JustifyContent::Center,
        ..default()
    }
}

fn option_row() -> Node {
    Node { padding: UiRect::axes(px(10), px(4)), border_radius: BorderRadius::all(px(6)), ..default() }
}

/// A button at least this wide, its label centred.
fn sized(min_width: f32) -> Node {
    Node { min_width: px(min_width), justify_content: JustifyContent::Center, ..option_row() }
}

/// Something the pointer can press.
fn button(marker: impl Component, node: Node) -> impl Bundle {
    (Button, node, BackgroundColor(IDLE), marker)
}

/// How many equal parts the pointer's scale has (cells 0 to 10).
const CELLS: u8 = 10;

/// The rating value a cell of the scale stands for.
pub fn cell_value(kind: &RatingKind, cell: u8) -> u8 {
    crate::session::scale(kind).at_cell(cell, CELLS)
}

/// The status bar, and the veil while paused. After the end, Enter closes
/// the desktop window; in the headset the clinician closes it.
fn show_status(
    view: Res<SessionView>,
    loaded: Res<Loaded>,
    mut status: Query<&mut Text, With<Status>>,
    mut veil: Query<&mut Node, (With<PauseVeil>, Without<Children>)>,
) {
    if let Ok(mut veil) = veil.single_mut() {
        veil.display = if view.paused && view.calming.is_none() { Display::Flex } else { Display::None };
    }
    let s = &loaded.scenario.scenario;
    let lang = loaded.options.lang.as_str();
    let words = player_words(lang);
    if let Ok(mut status) = status.single_mut() {
        let closes =
            if loaded.mode.is_headset() { String::new() } else { format!(" ({})", words.enter_closes) };
        let state = match (&view.ended, view.paused) {
            (Some(EndReason::Completed { .. }), _) => format!(" | {}{closes}", words.complete),
            (Some(_), _) => format!(" | {}{closes}", words.ended),
            (None, _) if view.calming.is_some() => format!(" | {}", words.calm_title),
            (None, false) if view.modelling => format!(" | {}", words.modelling),
            (None, true) => format!(" | {}", words.paused),
            (None, false) => String::new(),
        };
        status.0 = format!("{}{state}", s.title.show(lang));
    }
}

/// Sets a text if it changed (so layout is not redone for nothing).
fn set_text(texts: &mut Query<&mut Text, Without<Status>>, entity: Entity, value: String) {
    if let Ok(mut t) = texts.get_mut(entity)
        && t.0 != value
    {
        t.0 = value;
    }
}

/// The subtitle, the choice panel and the rating panel's texts.
#[allow(clippy::type_complexity)]
fn show(
    view: Res<SessionView>,
    loaded: Res<Loaded>,
    mut panels: Query<
        (&mut Node, &Children, Has<Subtitle>, Has<Choices>, Has<Rating>),
        (Or<(With<Subtitle>, With<Choices>, With<Rating>)>, Without<Button>),
    >,
    mut options: Query<(&mut Node, &ChoiceOption, &Children), With<Button>>,
    labelled: Query<(Entity, Has<ChoicePrompt>, Has<RatingAnchors>)>,
    mut texts: Query<&mut Text, Without<Status>>,
) {
    let s = &loaded.scenario.scenario;
    let lang = loaded.options.lang.as_str();
    let words = player_words(lang);
    let mut set = |entity: Entity, value: String| set_text(&mut texts, entity, value);

    let subtitle = view.line.and_then(|(beat, by, attitude)| match s.beats.get(beat) {
        Some(Beat::Say { text, variants, .. }) => {
            let name =
                s.cast.get(by).map(|c| crate::words::names::speaker(Lang::of(lang), c)).unwrap_or_default();
            Some(format!("{name}: «{}»", variants.get(&attitude).unwrap_or(text).show(lang)))
        }
        _ => None,
    });
    // A modelling peer's answer is their line.
    let subtitle = subtitle.or_else(|| {
        let (beat, option, by) = view.answer?;
        let said = s.option(beat, option)?;
        let name =
            s.cast.get(by).map(|c| crate::words::names::speaker(Lang::of(lang), c)).unwrap_or_default();
        Some(format!("{name}: «{}»", said.text.show(lang)))
    });
    // In the calm phase the subtitle bar says what is happening, until the
    // last SUDS is asked.
    let subtitle =
        subtitle.or_else(|| (view.recovering && view.rating.is_none()).then(|| words.recovery.clone()));
    // The answer clock under the options is `answer_clock`'s.
    let offered = view.choices.as_ref().and_then(|offer| match s.beats.get(offer.beat) {
        Some(Beat::Choose { prompt, options, .. }) => Some((prompt, options, &offer.order)),
        _ => None,
    });
    let rating = view.rating.as_ref().map(|(kind, value, happened)| {
        let p = rating_prompt(s, kind, lang);
        // A review's likelihood is not set until the participant sets it.
        let value = value.map_or_else(|| "–".to_string(), |v| v.to_string());
        let review = match (kind, happened) {
            (RatingKind::ExpectancyReview(_), Some(h)) => {
                format!("\n{}: {}   {}", if *h { &words.yes } else { &words.no }, value, words.yes_no_keys)
            }
            // Not answered yet: the keys that answer it, and no yes or no.
            (RatingKind::ExpectancyReview(_), None) => format!("\n{}   {}", value, words.yes_no_keys),
            _ => format!("  {value}"),
        };
        (kind, format!("{}{review}", p.question), format!("{}  ...  {}   (<- -> Enter)", p.low, p.high))
    });

    // In a calming pause only its SUDS is shown, over the breathing guide.
    let calming = view.calming.is_some();
    for (mut node, children, is_subtitle, is_choices, is_rating) in &mut panels {
        // While paused the pause card is all there is; the rest waits.
        let shown = (!view.paused || calming)
            && if is_subtitle {
                subtitle.is_some() && !calming
            } else if is_choices {
                // A modelling run's options are the peer's to answer.
                offered.is_some() && !calming && !view.modelling
            } else {
                is_rating && rating.is_some()
            };
        node.display = if shown { Display::Flex } else { Display::None };
        if is_subtitle && let Some(child) = children.first() {
            set(*child, subtitle.clone().unwrap_or_default());
        }
        if is_rating && let (Some(child), Some(r)) = (children.first(), &rating) {
            set(*child, r.1.clone());
        }
    }
    for (entity, is_prompt, is_anchors) in &labelled {
        if is_prompt {
            let prompt = offered.map(|(p, ..)| p.iter().map(|t| t.show(lang)).collect::<Vec<_>>().join("\n"));
            set(entity, prompt.unwrap_or_default());
        } else if is_anchors {
            set(entity, rating.as_ref().map(|r| r.2.clone()).unwrap_or_default());
        }
    }
    // Button n shows the option the session put at place n.
    for (mut node, place, children) in &mut options {
        let text = offered
            .and_then(|(_, options, order)| order.get(place.0).and_then(|&i| options.get(i)))
            .map(|o| o.text.show(lang));
        node.display = if text.is_some() { Display::Flex } else { Display::None };
        if let (Some(child), Some(text)) = (children.first(), text) {
            set(*child, format!("{}  {text}", place.0 + 1));
        }
    }
}

/// The rating scale's numbers and the answer buttons.
#[allow(clippy::type_complexity)]
fn show_rating_buttons(
    view: Res<SessionView>,
    loaded: Res<Loaded>,
    cells: Query<(&RatingCell, &Children)>,
    mut answers: Query<
        (&mut Node, &Children, Option<&RatingHappened>),
        (Or<(With<RatingHappened>, With<RatingConfirm>)>, With<Button>),
    >,
    mut texts: Query<&mut Text, Without<Status>>,
) {
    let words = player_words(&loaded.options.lang);
    let mut set = |entity: Entity, value: String| set_text(&mut texts, entity, value);
    let rating = view.rating.as_ref();
    if let Some((kind, ..)) = rating {
        for (cell, children) in &cells {
            if let Some(child) = children.first() {
                set(*child, cell_value(kind, cell.0).to_string());
            }
        }
    }
    let review = rating.is_some_and(|r| crate::session::scale::is_review(&r.0));
    for (mut node, children, happened) in &mut answers {
        let label = match happened {
            Some(RatingHappened(true)) => &words.yes,
            Some(RatingHappened(false)) => &words.no,
            None => &words.confirm,
        };
        let shown = happened.is_none() || review;
        node.display = if shown { Display::Flex } else { Display::None };
        if let Some(child) = children.first() {
            set(*child, label.to_string());
        }
    }
}

/// Buttons light up under the pointer; the set rating value, and the
/// yes or no of a review, stay marked.
#[allow(clippy::type_complexity)]
fn paint_buttons(
    view: Res<SessionView>,
    mut buttons: Query<
        (&Interaction, &mut BackgroundColor, Option<&RatingCell>, Option<&RatingHappened>),
        With<Button>,
    >,
) {
    let rating = view.rating.as_ref();
    for (interaction, mut background, cell, happened) in &mut buttons {
        let selected = match (rating, cell, happened) {
            (Some((kind, value, _)), Some(cell), _) => Some(cell_value(kind, cell.0)) == *value,
            (Some((_, _, Some(h))), _, Some(happened)) => *h == happened.0,
            _ => false,
        };
        let colour = match interaction {
            Interaction::Hovered | Interaction::Pressed => HOVERED,
            Interaction::None if selected => SELECTED,
            Interaction::None => IDLE,
        };
        background.set_if_neq(BackgroundColor(colour));
    }
}

// ------------------------------------------------------------ read model

/// A button on the participant's panels, as a test presses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelButton {
    /// The offered choice's option (0-based).
    Option(usize),
    /// A cell of the rating scale, 0 (bottom) to 10 (top).
    Cell(u8),
    /// "Yes" (true) or "no" for an expectancy review.
    Happened(bool),
    /// OK: gives the rating that is set.
    Confirm,
    /// On the pause card: go on, or stop here.
    Pause(PauseAction),
}

/// The entity of a button, if the panels have it.
pub(crate) fn find_button(world: &mut World, which: PanelButton) -> Option<Entity> {
    let mut q = world.query::<(
        Entity,
        Option<&ChoiceOption>,
        Option<&RatingCell>,
        Option<&RatingHappened>,
        Has<RatingConfirm>,
        Option<&PauseAction>,
    )>();
    q.iter(world).find_map(|(e, option, cell, happened, confirm, pause)| {
        let hit = match which {
            PanelButton::Option(n) => option.is_some_and(|o| o.0 == n),
            PanelButton::Cell(c) => cell.is_some_and(|x| x.0 == c),
            PanelButton::Happened(h) => happened.is_some_and(|x| x.0 == h),
            PanelButton::Confirm => confirm,
            PanelButton::Pause(action) => pause == Some(&action),
        };
        hit.then_some(e)
    })
}

/// Whether a node and every node above it are laid out (not
/// `Display::None`) and not hidden: what can be seen of the panels.
fn displayed(world: &World, mut entity: Entity) -> bool {
    loop {
        if world.get::<Node>(entity).is_some_and(|n| n.display == Display::None)
            || world.get::<Visibility>(entity) == Some(&Visibility::Hidden)
        {
            return false;
        }
        match world.get::<ChildOf>(entity) {
            Some(parent) => entity = parent.parent(),
            None => return true,
        }
    }
}

/// Every text shown on the window or the card now (the participant's
/// panels, and the clinician's name labels when they are on); empty texts
/// left out.
pub(crate) fn shown_texts(world: &mut World) -> Vec<String> {
    let mut q = world.query::<(Entity, &Text)>();
    let texts: Vec<(Entity, String)> = q.iter(world).map(|(e, t)| (e, t.0.clone())).collect();
    texts.into_iter().filter(|(e, t)| !t.trim().is_empty() && displayed(world, *e)).map(|(_, t)| t).collect()
}

/// Whether the pause veil dims the view.
pub(crate) fn veil_shown(world: &mut World) -> bool {
    let mut q = world.query_filtered::<Entity, With<PauseVeil>>();
    let veils: Vec<Entity> = q.iter(world).collect();
    veils.into_iter().any(|v| displayed(world, v))
}
