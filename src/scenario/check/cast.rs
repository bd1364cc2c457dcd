//! Cast: characters, their seats, voices, looks and models, and references
//! to characters from elsewhere in the scenario.

use std::collections::HashMap;

use super::{Checker, at, f, parse_hex_colour};
use crate::scenario::locate::PathPart as P;
use crate::scenario::{Look, PEER_ID, Voice};

impl Checker<'_> {
    fn character_ids(&self) -> impl Iterator<Item = &str> {
        self.scenario.cast.iter().map(|c| c.id.as_str())
    }

    pub(super) fn check_character_ref(&mut self, path: &[P], id: &str) -> bool {
        if self.scenario.cast.iter().any(|c| c.id == id) {
            return true;
        }
        let hint = self.known("characters", self.character_ids());
        self.error(
            "unknown-character",
            path,
            format!("no character has the id \"{id}\""),
            "unknown character",
            hint,
        );
        false
    }

    pub(super) fn check_cast(&mut self) {
        let s = self.scenario;
        if s.cast.is_empty() {
            self.error(
                "no-cast",
                &[f("cast")],
                "the cast is empty".into(),
                "nobody here",
                "add at least one Character(...) for the participant to meet".into(),
            );
        }
        self.check_unique(
            "character",
            s.cast.iter().enumerate().map(|(i, c)| (vec![f("cast"), P::Index(i), f("id")], c.id.as_str())),
        );
        let mut seat_taken: HashMap<&str, &str> = HashMap::new();
        for (i, c) in s.cast.iter().enumerate() {
            let path = [f("cast"), P::Index(i)];
            self.check_id(&at(&path, &[f("id")]), &c.id, "character");
            if c.name.trim().is_empty() {
                self.error(
                    "missing-text",
                    &at(&path, &[f("name")]),
                    "character name is empty".into(),
                    "empty",
                    "give the character a first name the participant can use".into(),
                );
            }
            if let Some(remote) = c.remote {
                self.check_remote(&path, c, remote);
            } else if c.seat.is_empty() {
                self.error(
                    "missing-seat",
                    &path,
                    format!("{} has no seat", c.name),
                    "no seat",
                    "give the character a seat: id from the setting's seats, or remote: Some(Phone) or \
                     Some(Video) for someone who is not in the room"
                        .into(),
                );
            } else if !s.setting.seats.iter().any(|seat| seat.id == c.seat) {
                let hint = self.known("seats", s.setting.seats.iter().map(|s| s.id.as_str()));
                self.error(
                    "unknown-seat",
                    &at(&path, &[f("seat")]),
                    format!("{} sits in seat \"{}\", which the setting does not have", c.name, c.seat),
                    "unknown seat",
                    hint,
                );
            } else if c.seat == s.setting.participant_seat {
                self.error(
                    "seat-taken",
                    &at(&path, &[f("seat")]),
                    format!("{} sits in the participant's seat", c.name),
                    "the participant sits here",
                    "give the character another seat".into(),
                );
            } else if let Some(other) = seat_taken.insert(c.seat.as_str(), c.name.as_str()) {
                self.error(
                    "seat-taken",
                    &at(&path, &[f("seat")]),
                    format!("{} and {other} both sit in seat \"{}\"", c.name, c.seat),
                    "already taken",
                    "give each character a seat of their own".into(),
                );
            }
            if c.id == PEER_ID {
                self.error(
                    "reserved-id",
                    &at(&path, &[f("id")]),
                    format!("the id \"{PEER_ID}\" is kept for the peer of a modelling run"),
                    "reserved",
                    "give the character another id; the peer is written as `peer: (name: ...)`".into(),
                );
            }
            self.check_voice_and_look(&path, &c.voice, &c.look);
            self.check_range(&at(&path, &[f("behaviour"), f("gaze")]), c.behaviour.gaze, 0.0, 1.0, "gaze");
            if let Some(model) = &c.model {
                self.check_file(&at(&path, &[f("model")]), model, "model");
            }
        }
        if let Some(peer) = &s.peer {
            let path = [f("peer")];
            if peer.name.trim().is_empty() {
                self.error(
                    "missing-text",
                    &at(&path, &[f("name")]),
                    "the peer's name is empty".into(),
                    "empty",
                    "give the peer a first name, shown with what they say".into(),
                );
            }
            self.check_voice_and_look(&path, &peer.voice, &peer.look);
        }
    }

    /// A character's or the peer's voice in range and colours that parse.
    fn check_voice_and_look(&mut self, path: &[P], voice: &Voice, look: &Look) {
        self.check_range(&at(path, &[f("voice"), f("pitch")]), voice.pitch, 0.5, 2.0, "voice pitch");
        self.check_range(&at(path, &[f("voice"), f("rate")]), voice.rate, 0.5, 2.0, "voice rate");
        for (field, value) in [("skin", &look.skin), ("hair", &look.hair), ("clothing", &look.clothing)] {
            if parse_hex_colour(value).is_none() {
                self.error(
                    "bad-colour",
                    &at(path, &[f("look"), f(field)]),
                    format!("\"{value}\" is not a colour"),
                    "not #rrggbb",
                    "write colours as \"#rrggbb\", e.g. \"#3355aa\"".into(),
                );
            }
        }
    }

    /// Someone on the phone or a video call: no seat, and something in the
    /// room their voice comes from.
    fn check_remote(&mut self, path: &[P], c: &crate::scenario::Character, remote: crate::scenario::Remote) {
        use crate::scenario::{PropKind, Remote};
        let props = &self.scenario.setting.props;
        if !c.seat.is_empty() {
            self.error(
                "remote-with-seat",
                &at(path, &[f("seat")]),
                format!("{} is not in the room, yet sits in seat \"{}\"", c.name, c.seat),
                "not in the room",
                "leave out the seat of someone on the phone or a video call".into(),
            );
        }
        let (has, wanted) = match remote {
            Remote::Phone => (
                props.iter().any(|p| PropKind::PHONE_STANDS_ON.contains(&p.kind)),
                "a Desk, Table or Counter for the phone to stand on",
            ),
            Remote::Video => {
                (props.iter().any(|p| PropKind::VIDEO_SHOWN_ON.contains(&p.kind)), "a Laptop or a Screen")
            }
        };
        if !has {
            self.error(
                "remote-without-prop",
                &at(path, &[f("remote")]),
                format!("{}'s voice has nothing in the room to come from", c.name),
                "no phone or screen",
                format!("add {wanted} to the setting's props"),
            );
        }
    }

    /// A cue that is seen (a glance at the watch) given by someone on the
    /// phone or a video call: nobody in the room would see it, though the
    /// record would say it happened.
    pub(super) fn check_cue_giver(&mut self, path: &[P], cue: crate::scenario::StressCue, by: &str) {
        let Some(c) = self.scenario.cast.iter().find(|c| c.id == by) else { return };
        if cue.is_seen() && c.remote.is_some() {
            self.warning(
                "unseen-cue",
                path,
                format!("{} is not in the room, so nobody sees their {}", c.name, cue.name()),
                "not in the room",
                "give this cue to someone in the room, or leave out `by` to let chance pick one".into(),
            );
        }
    }
}
