//! The reports' charts, drawn by plotters into inline SVG: the session's
//! timeline and a scenario's progress over runs. Colours are the
//! Okabe-Ito set, told apart with most colour-vision differences. The
//! legend is the page's, under the chart, so it never covers a point.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use serde::Serialize;

use super::session::Timeline;
use super::words::{Lang, MarkKind};
use crate::w;

const SUDS: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
const EFFICACY: [RGBColor; 3] =
    [RGBColor(0x00, 0x72, 0xB2), RGBColor(0x56, 0xB4, 0xE9), RGBColor(0x33, 0x22, 0x88)];
const CUE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
const LEVEL: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
const MARKER: RGBColor = RGBColor(0x00, 0x9E, 0x73);
const QUIET: RGBColor = RGBColor(0x99, 0x99, 0x99);
const INK: RGBColor = RGBColor(0x1d, 0x23, 0x27);
const FONT: &str = "sans-serif";

/// Charts are drawn at this width; the page scales them to its own.
const WIDTH: u32 = 900;

/// A chart and what its colours mean.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Chart {
    pub svg: String,
    pub legend: Vec<LegendItem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LegendItem {
    pub label: String,
    /// `#rrggbb`.
    pub colour: String,
    /// "line", "rule" (a vertical line), "area", "dot" or "ring".
    pub shape: &'static str,
}

fn item(label: impl Into<String>, c: RGBColor, shape: &'static str) -> LegendItem {
    LegendItem { label: label.into(), colour: format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2), shape }
}

/// Axis labels at whole numbers only.
fn whole(x: &f64) -> String {
    if x.fract().abs() < 1e-9 { format!("{x:.0}") } else { String::new() }
}

/// A legend entry short enough to read at a glance.
fn short(label: &str) -> String {
    const MAX: usize = 60;
    if label.chars().count() <= MAX {
        label.to_string()
    } else {
        format!("{}…", label.chars().take(MAX - 1).collect::<String>().trim_end())
    }
}

/// A series of ratings: a line through them and a dot on each.
fn line_with_dots<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    points: Vec<(f64, f64)>,
    colour: RGBColor,
) -> Result<(), String> {
    chart.draw_series(LineSeries::new(points.clone(), colour.stroke_width(3))).map_err(err)?;
    chart.draw_series(points.into_iter().map(|p| Circle::new(p, 5, colour.filled()))).map_err(err)?;
    Ok(())
}

fn err<E: std::fmt::Display>(e: E) -> String {
    format!("cannot draw the chart: {e}")
}

/// SUDS and self-efficacy over session minutes, pauses shaded, and a
/// vertical line for each cue, level change and marker.
pub fn timeline(t: &Timeline, lang: Lang) -> Result<Chart, String> {
    let minutes = |ms: u64| ms as f64 / 60_000.0;
    let end = minutes(t.end).max(0.5);
    let mut svg = String::new();
    let mut lines = Vec::new();
    let mut rules: Vec<LegendItem> = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, 330)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(50)
            .y_label_area_size(48)
            .build_cartesian_2d(0f64..end, 0f64..100f64)
            .map_err(err)?;
        let x_label = |x: &f64| lang.decimal(*x, if end < 3.0 { 1 } else { 0 });
        chart
            .configure_mesh()
            .x_desc(w!(lang, "debrief-minutes-axis"))
            .x_label_formatter(&x_label)
            .y_labels(6)
            .y_label_formatter(&whole)
            .label_style((FONT, 19))
            .axis_desc_style((FONT, 19))
            .light_line_style(WHITE.mix(0.0))
            .draw()
            .map_err(err)?;
        for p in &t.pauses {
            let shade =
                Rectangle::new([(minutes(p.from), 0.0), (minutes(p.to), 100.0)], QUIET.mix(0.25).filled());
            chart.draw_series(std::iter::once(shade)).map_err(err)?;
        }
        // Choices and silences: small marks along the foot of the chart.
        let mut foot = |is: fn(&MarkKind) -> bool, label: String, shape: &'static str| -> Vec<(f64, f64)> {
            let at: Vec<(f64, f64)> =
                t.marks.iter().filter(|m| is(&m.kind)).map(|m| (minutes(m.at), 4.0)).collect();
            if !at.is_empty() {
                rules.push(item(label, INK, shape));
            }
            at
        };
        let choices = foot(|k| matches!(k, MarkKind::Choice(_)), w!(lang, "debrief-legend-choice"), "dot");
        let silences = foot(|k| matches!(k, MarkKind::Silence), w!(lang, "debrief-legend-silence"), "ring");
        chart.draw_series(choices.into_iter().map(|p| Circle::new(p, 5, INK.filled()))).map_err(err)?;
        chart
            .draw_series(silences.into_iter().map(|p| Circle::new(p, 5, INK.stroke_width(2))))
            .map_err(err)?;
        for m in &t.marks {
            let (colour, label) = match m.kind {
                MarkKind::Cue(_) => (CUE, w!(lang, "debrief-legend-cue")),
                MarkKind::Level { .. } => (LEVEL, w!(lang, "debrief-legend-level")),
                MarkKind::Marker(_) => (MARKER, w!(lang, "debrief-legend-marker")),
                _ => continue,
            };
            if !rules.iter().any(|i| i.label == label) {
                rules.push(item(label, colour, "rule"));
            }
            let x = minutes(m.at);
            chart
                .draw_series(LineSeries::new([(x, 0.0), (x, 100.0)], colour.stroke_width(2)))
                .map_err(err)?;
        }
        let mut series = vec![(&t.suds, SUDS)];
        series.extend(t.self_efficacy.iter().zip(EFFICACY.iter().cycle()).map(|(s, &c)| (s, c)));
        for (s, colour) in series {
            if s.points.is_empty() {
                continue;
            }
            let points = s.points.iter().map(|p| (minutes(p.at), f64::from(p.value))).collect();
            line_with_dots(&mut chart, points, colour)?;
            lines.push(item(short(&s.label), colour, "line"));
        }
        root.present().map_err(err)?;
    }
    let mut legend = lines;
    legend.extend(rules);
    if !t.pauses.is_empty() {
        legend.push(item(w!(lang, "debrief-paused-span"), QUIET, "area"));
    }
    Ok(Chart { svg, legend })
}

/// One run on a progress chart.
#[derive(Debug, Clone, Copy)]
pub struct RunPoint {
    pub peak_suds: Option<u8>,
    pub self_efficacy: Option<u8>,
    /// The level, when the run was completed.
    pub level_completed: Option<u8>,
}

/// One scenario's runs: peak SUDS and self-efficacy (0–100, left axis)
/// and the level completed (right axis). `numbers` are the runs' numbers
/// in the programme, for the x axis.
pub fn progression(runs: &[RunPoint], numbers: &[usize], levels: u8, lang: Lang) -> Result<Chart, String> {
    let n = runs.len().max(1) as f64;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, 280)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(50)
            .y_label_area_size(48)
            .right_y_label_area_size(56)
            .build_cartesian_2d(0.5f64..n + 0.5, 0f64..100f64)
            .map_err(err)?
            .set_secondary_coord(0.5f64..n + 0.5, 0f64..f64::from(levels.max(1)) + 0.5);
        let number = |x: &f64| {
            let i = x.round();
            let on_a_run = (x - i).abs() < 1e-9 && i >= 1.0;
            on_a_run.then(|| numbers.get(i as usize - 1).map(usize::to_string)).flatten().unwrap_or_default()
        };
        chart
            .configure_mesh()
            .x_desc(w!(lang, "debrief-run-number"))
            .x_labels(runs.len().clamp(2, 20))
            .x_label_formatter(&number)
            .y_labels(6)
            .y_label_formatter(&whole)
            .label_style((FONT, 19))
            .axis_desc_style((FONT, 19))
            .light_line_style(WHITE.mix(0.0))
            .draw()
            .map_err(err)?;
        chart
            .configure_secondary_axes()
            .y_desc(w!(lang, "debrief-level"))
            .y_labels(usize::from(levels.max(1)) + 1)
            .y_label_formatter(&whole)
            .label_style((FONT, 19))
            .axis_desc_style((FONT, 19))
            .draw()
            .map_err(err)?;
        let at = |i: usize| i as f64 + 1.0;
        let pick = |f: fn(&RunPoint) -> Option<u8>| -> Vec<(f64, f64)> {
            runs.iter().enumerate().filter_map(|(i, r)| Some((at(i), f64::from(f(r)?)))).collect()
        };
        // Bars first, so the lines stay on top of them.
        let bars = pick(|r| r.level_completed)
            .into_iter()
            .map(|(x, y)| Rectangle::new([(x - 0.12, 0.0), (x + 0.12, y)], LEVEL.mix(0.45).filled()));
        chart.draw_secondary_series(bars).map_err(err)?;
        for (points, colour) in [(pick(|r| r.peak_suds), SUDS), (pick(|r| r.self_efficacy), EFFICACY[0])] {
            line_with_dots(&mut chart, points, colour)?;
        }
        root.present().map_err(err)?;
    }
    let legend = vec![
        item(w!(lang, "debrief-peak-suds"), SUDS, "line"),
        item(w!(lang, "debrief-run-self-efficacy"), EFFICACY[0], "line"),
        item(w!(lang, "debrief-level-completed"), LEVEL, "area"),
    ];
    Ok(Chart { svg, legend })
}
