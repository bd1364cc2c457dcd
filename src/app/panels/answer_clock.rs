//! Time pressure made visible: under the options of a choice with an
//! answer clock, the seconds left counting down and a bar that empties as
//! the time runs, calm while there is time, amber past half, red in the
//! last quarter and when time is up. The session keeps the clock (it
//! stops while paused); this only shows it. A choice without a clock
//! shows neither and keeps its layout.

use bevy::prelude::*;

use super::{ChoiceClock, Choices};
use crate::app::AppSystems;
use crate::app::Loaded;
use crate::app::driver::RunningSession;

/// The bar's track, under the options.
#[derive(Component)]
pub struct AnswerClockBar;

/// The part of the bar still left.
#[derive(Component)]
pub struct AnswerClockFill;

/// Bar height, pixels: seen at a glance without crowding the options.
const HEIGHT: f32 = 14.0;
const TRACK: Color = Color::srgba(1.0, 1.0, 1.0, 0.14);
const TRACK_TIME_UP: Color = Color::srgba(0.85, 0.2, 0.15, 0.45);
const CALM: Color = Color::srgb(0.78, 0.88, 0.95);
const AMBER: Color = Color::srgb(0.98, 0.72, 0.2);
const RED: Color = Color::srgb(0.9, 0.2, 0.15);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PostStartup, add_bar).add_systems(Update, show_clock.in_set(AppSystems::Show));
}

/// The bar goes last in the choice panel, after the clock's text, hidden
/// (and so taking no room) until a clock runs.
fn add_bar(mut commands: Commands, panels: Query<Entity, With<Choices>>) {
    for panel in &panels {
        let bar = commands
            .spawn((
                Node {
                    width: percent(100),
                    height: px(HEIGHT),
                    display: Display::None,
                    border_radius: BorderRadius::all(px(HEIGHT / 2.0)),
                    overflow: Overflow::clip(),
                    ..default()
                },
                BackgroundColor(TRACK),
                AnswerClockBar,
            ))
            .with_child((
                Node { width: percent(100), height: percent(100), ..default() },
                BackgroundColor(CALM),
                AnswerClockFill,
            ))
            .id();
        commands.entity(panel).add_child(bar);
    }
}

/// The colour for the share of time left: calm, then amber past half,
/// then red, blending between.
pub fn clock_colour(left: f32) -> Color {
    let mix = |a: Color, b: Color, k: f32| a.mix(&b, k.clamp(0.0, 1.0));
    if left > 0.5 { mix(AMBER, CALM, (left - 0.5) / 0.1) } else { mix(RED, AMBER, (left - 0.25) / 0.1) }
}

#[allow(clippy::type_complexity)]
fn show_clock(
    running: Res<RunningSession>,
    loaded: Res<Loaded>,
    mut shown_seconds: Local<Option<u64>>,
    mut text: Query<&mut Text, With<ChoiceClock>>,
    mut bar: Query<(&mut Node, &mut BackgroundColor), (With<AnswerClockBar>, Without<AnswerClockFill>)>,
    mut fill: Query<(&mut Node, &mut BackgroundColor), (With<AnswerClockFill>, Without<AnswerClockBar>)>,
) {
    let clock = running.session.answer_clock();
    // The text changes once a second, so it is written only then.
    let seconds = clock.map(|(left, _)| left.div_ceil(1000));
    if *shown_seconds != seconds {
        *shown_seconds = seconds;
        let lang = crate::words::Lang::of(&loaded.options.lang);
        let label = seconds.map(|s| crate::w!(lang, "player-seconds-left", seconds = s)).unwrap_or_default();
        for mut text in &mut text {
            text.0.clone_from(&label);
        }
    }
    for (mut node, mut track) in &mut bar {
        let display = if clock.is_some() { Display::Flex } else { Display::None };
        if node.display != display {
            node.display = display;
        }
        let colour = if clock.is_some_and(|(left, _)| left == 0) { TRACK_TIME_UP } else { TRACK };
        track.set_if_neq(BackgroundColor(colour));
    }
    let Some((left, given)) = clock else { return };
    let share = left as f32 / given.max(1) as f32;
    // Whole tenths of a percent: the layout is not redone for changes no
    // one could see.
    let width = percent((share * 1000.0).round() / 10.0);
    for (mut node, mut colour) in &mut fill {
        if node.width != width {
            node.width = width;
        }
        colour.set_if_neq(BackgroundColor(clock_colour(share)));
    }
}

/// What the bar shows now, when it is shown: the share of time left (as
/// the fill's width, 0..1) and the fill's colour.
pub(crate) fn shown(world: &mut World) -> Option<(f32, Color)> {
    let mut bar = world.query_filtered::<&Node, With<AnswerClockBar>>();
    if bar.iter(world).all(|n| n.display == Display::None) {
        return None;
    }
    let mut fill = world.query_filtered::<(&Node, &BackgroundColor), With<AnswerClockFill>>();
    let (node, colour) = fill.iter(world).next()?;
    let Val::Percent(width) = node.width else { return None };
    Some((width / 100.0, colour.0))
}
