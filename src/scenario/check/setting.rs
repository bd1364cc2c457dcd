//! Setting: seats, props, the room's model and sounds, floor positions, and
//! whether the room holds its seats and people can walk to them.

use super::{Checker, HALF_ROOM, at, f};
use crate::room::{self, Point};
use crate::scenario::locate::PathPart as P;
use crate::scenario::model::*;

impl Checker<'_> {
    pub(super) fn check_setting(&mut self) {
        let setting = &self.scenario.setting;
        let base = [f("setting")];
        self.check_unique(
            "seat",
            setting
                .seats
                .iter()
                .enumerate()
                .map(|(i, s)| (vec![f("setting"), f("seats"), P::Index(i), f("id")], s.id.as_str())),
        );
        if !setting.seats.iter().any(|s| s.id == setting.participant_seat) {
            self.error(
                "unknown-seat",
                &at(&base, &[f("participant_seat")]),
                format!("participant_seat \"{}\" is not one of the seats", setting.participant_seat),
                "unknown seat",
                self.known("seats", setting.seats.iter().map(|s| s.id.as_str())),
            );
        }
        for (i, seat) in setting.seats.iter().enumerate() {
            let path = at(&base, &[f("seats"), P::Index(i)]);
            self.check_id(&at(&path, &[f("id")]), &seat.id, "seat");
            self.check_floor_point(&at(&path, &[f("at")]), seat.at);
            self.check_range(&at(&path, &[f("facing")]), seat.facing, -360.0, 360.0, "facing");
            if seat.standing && seat.high_chair {
                self.warning(
                    "standing-high-chair",
                    &at(&path, &[f("high_chair")]),
                    format!("seat \"{}\" is a standing place, so its high_chair does nothing", seat.id),
                    "standing place",
                    "leave out `standing: true` for someone on a tall chair, or `high_chair` for someone standing".into(),
                );
            }
        }
        for (i, prop) in setting.props.iter().enumerate() {
            let path = at(&base, &[f("props"), P::Index(i)]);
            self.check_floor_point(&at(&path, &[f("at")]), prop.at);
            self.check_range(&at(&path, &[f("facing")]), prop.facing, -360.0, 360.0, "facing");
            if let Some(model) = &prop.model {
                self.check_file(&at(&path, &[f("model")]), model, "model");
            }
        }
        if let Some(model) = &setting.model {
            self.check_file(&at(&base, &[f("model")]), model, "model");
        }
        for (cue, file) in &setting.sounds {
            let key = format!("{cue:?}");
            if *cue == StressCue::SilentStare {
                self.error(
                    "silent-cue-sound",
                    &at(&base, &[f("sounds"), P::KeyName(key)]),
                    "SilentStare is a silence: it has no sound to replace".into(),
                    "a silence",
                    "remove this line; the silence is everyone stopping to look at the participant".into(),
                );
                continue;
            }
            let path = at(&base, &[f("sounds"), P::Key(key)]);
            self.check_file(&path, file, "sound");
            // Reading the header is enough to know the format; the run
            // decodes the whole file once it starts.
            let full = self.base.join(file);
            if let Some(why) = full.is_file().then(|| crate::sound::recorded::unreadable(&full)).flatten() {
                self.error(
                    "unreadable-sound",
                    &path,
                    format!("sound file \"{file}\" cannot be used: {why}"),
                    "not a usable sound",
                    "export the recording as a .wav or .ogg file, a few seconds long".into(),
                );
            }
        }
    }

    fn check_floor_point(&mut self, path: &[P], point: FloorPoint) {
        if !(point.0.abs() <= HALF_ROOM && point.1.abs() <= HALF_ROOM) {
            self.error(
                "out-of-range",
                path,
                format!("position ({}, {}) is outside the room", point.0, point.1),
                "too far from the centre",
                format!("positions are metres from the room's centre, within ±{HALF_ROOM}"),
            );
        }
    }

    /// Seats the room cannot hold, and seats in use that nobody can walk
    /// to. The stage walks people in from the door on the same walking
    /// grid (`room::way_in`), so what passes here is what the shell walks.
    pub(super) fn check_room(&mut self) {
        let s = self.scenario;
        let kind = s.setting.room;
        let half = room::half_size(kind);
        for (i, seat) in s.setting.seats.iter().enumerate() {
            let path = [f("setting"), f("seats"), P::Index(i), f("at")];
            let p = Point::from(seat.at);
            // Beyond ±HALF_ROOM is already out of range; NaN fails both.
            if !(p.x.abs() <= HALF_ROOM && p.z.abs() <= HALF_ROOM) {
                continue;
            }
            if !room::within_walls(kind, p) {
                let beyond = !(p.x.abs() <= half.x && p.z.abs() <= half.z);
                let (w, d) = room::room_size(kind);
                let (message, label) = if beyond {
                    (
                        format!("seat \"{}\" at {p} is outside the {kind:?}, which is {w} by {d} m", seat.id),
                        "outside the room",
                    )
                } else {
                    (
                        format!(
                            "seat \"{}\" at {p} is against the {kind:?}'s wall, where nobody fits",
                            seat.id
                        ),
                        "against the wall",
                    )
                };
                let (x, z) = (half.x - room::WALL_GAP, half.z - room::WALL_GAP);
                let hint = format!(
                    "keep x within ±{x} and z within ±{z}: the walls of a {kind:?} stand at x ±{} and z ±{}, and a person needs {} m from them",
                    half.x,
                    half.z,
                    room::WALL_GAP
                );
                self.error("seat-outside-room", &path, message, label, hint);
                continue;
            }
            if seat.id == s.setting.participant_seat {
                continue;
            }
            // Someone present at a level may walk in at a level change; a
            // seat nobody takes at any level is never walked to.
            let names: Vec<&str> = s
                .cast
                .iter()
                .filter(|c| c.seat == seat.id && s.levels.iter().any(|l| l.present.contains(&c.id)))
                .map(|c| c.name.as_str())
                .collect();
            if !names.is_empty() && room::way_in(&s.setting, i).is_none() {
                let gap = 2.0 * room::CLEARANCE;
                self.error(
                    "seat-unreachable",
                    &path,
                    format!(
                        "nobody can walk from the door to seat \"{}\", where {} sits: furniture or chairs wall it in",
                        seat.id,
                        names.join(" and ")
                    ),
                    "walled in",
                    format!(
                        "people walk in round the furniture and chairs, keeping {} m clear of them; leave a gap about {gap:.2} m wide, or move the seat",
                        room::CLEARANCE
                    ),
                );
            }
        }
    }
}
