//! The reports' charts, drawn by plotters into inline SVG: the session's
//! timeline and a scenario's progress over runs. Colours are the
//! Okabe-Ito set, told apart with most colour-vision differences.

use plotters::prelude::*;

use super::session::Timeline;
use super::words::{Lang, MarkKind};

const SUDS: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
const EFFICACY: [RGBColor; 3] =
    [RGBColor(0x00, 0x72, 0xB2), RGBColor(0x56, 0xB4, 0xE9), RGBColor(0x00, 0x9E, 0x73)];
const CUE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
const LEVEL: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
const MARKER: RGBColor = RGBColor(0x00, 0x9E, 0x73);
const QUIET: RGBColor = RGBColor(0x99, 0x99, 0x99);
const FONT: &str = "sans-serif";

/// Charts are drawn at this width; the page scales them to its own.
const WIDTH: u32 = 900;

/// Axis labels at whole numbers only.
fn whole(x: &f64) -> String {
    if x.fract().abs() < 1e-9 { format!("{x:.0}") } else { String::new() }
}

/// A legend entry short enough to leave the chart visible.
fn short(label: &str) -> String {
    const MAX: usize = 42;
    if label.chars().count() <= MAX {
        label.to_string()
    } else {
        format!("{}…", label.chars().take(MAX - 1).collect::<String>().trim_end())
    }
}

fn err<E: std::fmt::Display>(e: E) -> String {
    format!("cannot draw the chart: {e}")
}

/// SUDS and self-efficacy over session minutes, pauses shaded, and a
/// vertical line for each cue, level change and marker.
pub fn timeline(t: &Timeline, lang: Lang) -> Result<String, String> {
    let w = lang.words();
    let minutes = |ms: u64| ms as f64 / 60_000.0;
    let end = minutes(t.end).max(0.5);
    let mut svg = String::new();
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
            .x_desc(w.minutes_axis)
            .x_label_formatter(&x_label)
            .y_label_formatter(&whole)
            .y_labels(6)
            .label_style((FONT, 19))
            .axis_desc_style((FONT, 19))
            .light_line_style(WHITE.mix(0.0))
            .draw()
            .map_err(err)?;
        for p in &t.pauses {
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(minutes(p.from), 0.0), (minutes(p.to), 100.0)],
                    QUIET.mix(0.25).filled(),
                )))
                .map_err(err)?;
        }
        for m in &t.marks {
            let colour = match m.kind {
                MarkKind::Cue(_) => CUE,
                MarkKind::Level { .. } => LEVEL,
                MarkKind::Marker(_) => MARKER,
                _ => continue,
            };
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
            let points: Vec<(f64, f64)> =
                s.points.iter().map(|p| (minutes(p.at), f64::from(p.value))).collect();
            chart
                .draw_series(LineSeries::new(points.clone(), colour.stroke_width(3)))
                .map_err(err)?
                .label(short(&s.label))
                .legend(move |(x, y)| PathElement::new([(x, y), (x + 22, y)], colour.stroke_width(3)));
            chart.draw_series(points.into_iter().map(|p| Circle::new(p, 5, colour.filled()))).map_err(err)?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .label_font((FONT, 18))
            .background_style(WHITE.mix(0.85))
            .border_style(QUIET)
            .draw()
            .map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(svg)
}

/// One scenario's runs: peak SUDS and self-efficacy (0–100, left axis)
/// and the highest level completed (right axis).
pub fn progression(
    runs: &[(Option<u8>, Option<u8>, Option<u8>)],
    levels: u8,
    lang: Lang,
) -> Result<String, String> {
    let w = lang.words();
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
        chart
            .configure_mesh()
            .x_desc(w.run_number)
            .y_labels(6)
            .y_label_formatter(&whole)
            .x_labels(runs.len().clamp(2, 20))
            .x_label_formatter(&whole)
            .label_style((FONT, 19))
            .axis_desc_style((FONT, 19))
            .light_line_style(WHITE.mix(0.0))
            .draw()
            .map_err(err)?;
        chart
            .configure_secondary_axes()
            .y_desc(w.level)
            .y_labels(usize::from(levels.max(1)) + 1)
            .y_label_formatter(&whole)
            .label_style((FONT, 19))
            .axis_desc_style((FONT, 19))
            .draw()
            .map_err(err)?;
        let at = |i: usize| i as f64 + 1.0;
        let suds: Vec<(f64, f64)> =
            runs.iter().enumerate().filter_map(|(i, r)| Some((at(i), f64::from(r.0?)))).collect();
        let efficacy: Vec<(f64, f64)> =
            runs.iter().enumerate().filter_map(|(i, r)| Some((at(i), f64::from(r.1?)))).collect();
        let level: Vec<(f64, f64)> =
            runs.iter().enumerate().filter_map(|(i, r)| Some((at(i), f64::from(r.2?)))).collect();
        for (points, colour, label) in
            [(suds, SUDS, w.peak_suds), (efficacy, EFFICACY[0], w.run_self_efficacy)]
        {
            chart
                .draw_series(LineSeries::new(points.clone(), colour.stroke_width(3)))
                .map_err(err)?
                .label(label)
                .legend(move |(x, y)| PathElement::new([(x, y), (x + 22, y)], colour.stroke_width(3)));
            chart.draw_series(points.into_iter().map(|p| Circle::new(p, 5, colour.filled()))).map_err(err)?;
        }
        chart
            .draw_secondary_series(
                level
                    .into_iter()
                    .map(|(x, y)| Rectangle::new([(x - 0.12, 0.0), (x + 0.12, y)], LEVEL.mix(0.45).filled())),
            )
            .map_err(err)?
            .label(w.highest_level_completed)
            .legend(|(x, y)| Rectangle::new([(x, y - 6), (x + 22, y + 6)], LEVEL.mix(0.45).filled()));
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .label_font((FONT, 18))
            .background_style(WHITE.mix(0.85))
            .border_style(QUIET)
            .draw()
            .map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(svg)
}
