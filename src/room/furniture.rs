//! What stands on the floor and how much of it it takes: furniture sizes,
//! the chairs at seated places, and their footprints for anyone walking
//! round them. The stage builds its shapes to these sizes, so what people
//! walk round is what the participant sees.

use super::Point;
use crate::scenario::{Prop, PropKind, Setting};

/// The side of a chair's square seat (and of its footprint), metres.
pub const CHAIR_SIDE: f32 = 0.46;

/// Length (along the thing's own x), depth (along its z) and top height of
/// furniture that small things stand on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Surface {
    pub length: f32,
    pub depth: f32,
    pub height: f32,
}

/// The top of a table or desk, metres: where a seated person's hands are.
pub const DESK_TOP_M: f32 = 0.77;

/// The furniture small things stand on, with its size.
pub fn surface(kind: PropKind) -> Option<Surface> {
    let (length, depth, height) = match kind {
        PropKind::Table => (1.8, 1.0, DESK_TOP_M),
        PropKind::Desk => (1.4, 0.7, DESK_TOP_M),
        PropKind::Counter => (2.5, 0.7, 1.09),
        _ => return None,
    };
    Some(Surface { length, depth, height })
}

/// Length and depth on the floor of a thing that stands there; `None` for
/// what hangs on the walls (windows, screens, whiteboards, doors) or
/// stands on the furniture (laptops, papers, cups).
pub fn floor_size(kind: PropKind) -> Option<(f32, f32)> {
    match kind {
        PropKind::Table | PropKind::Desk | PropKind::Counter => surface(kind).map(|s| (s.length, s.depth)),
        PropKind::CoffeeMachine => Some((1.2, 0.6)),
        PropKind::Shelf => Some((1.2, 0.35)),
        PropKind::Plant => Some((0.6, 0.6)),
        _ => None,
    }
}

/// Something a walker goes round: a turned rectangle or a circle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Footprint {
    Rect { centre: Point, half: Point, facing: f32 },
    Circle { centre: Point, radius: f32 },
}

impl Footprint {
    pub fn contains(&self, p: Point) -> bool {
        match *self {
            Footprint::Rect { centre, half, facing } => {
                let local = (p - centre).unturned(facing);
                local.x.abs() <= half.x && local.z.abs() <= half.z
            }
            Footprint::Circle { centre, radius } => p.distance_squared(centre) <= radius * radius,
        }
    }

    /// A prop's footprint grown by `margin` on every side, if it stands on
    /// the floor.
    pub fn of_prop(prop: &Prop, margin: f32) -> Option<Footprint> {
        let (length, depth) = floor_size(prop.kind)?;
        Some(Footprint::Rect {
            centre: prop.at.into(),
            half: Point::new(length / 2.0 + margin, depth / 2.0 + margin),
            facing: prop.facing,
        })
    }

    /// A chair at `centre`, turned by `facing`, grown by `margin`.
    pub fn chair(centre: Point, facing: f32, margin: f32) -> Footprint {
        let half = CHAIR_SIDE / 2.0 + margin;
        Footprint::Rect { centre, half: Point::new(half, half), facing }
    }
}

/// Floor-standing furniture, grown by `margin` on every side.
pub fn furniture_footprints(setting: &Setting, margin: f32) -> Vec<Footprint> {
    setting.props.iter().filter_map(|p| Footprint::of_prop(p, margin)).collect()
}

/// The top of the furniture a small thing at `at` stands on, if any: a cup
/// on the counter stands higher than a cup on the table.
pub fn surface_under(setting: &Setting, at: Point) -> Option<f32> {
    setting
        .props
        .iter()
        .filter_map(|f| surface(f.kind).map(|s| (f, s)))
        .filter(|(f, s)| {
            let local = (at - f.at.into()).unturned(f.facing);
            local.x.abs() <= s.length / 2.0 && local.z.abs() <= s.depth / 2.0
        })
        .map(|(_, s)| s.height)
        .reduce(f32::max)
}
