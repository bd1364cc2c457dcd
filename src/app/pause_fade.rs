//! While paused, the whole view fades to a neutral, empty room: the
//! lights go down and the characters are gone, so nobody stays in view,
//! frozen mid-frown, while the participant collects themselves. It comes
//! back the same way on resuming.
//!
//! The room itself stays (its walls are a calmer thing to look at than a
//! black void, and keep a seated person oriented); the panels are unlit,
//! so the pause card reads the same in the dim. Sound is hushed by the
//! sound plugin on the same session output.

use bevy::prelude::*;

use super::AppSystems;
use super::cast::CastMember;
use super::driver::SessionView;

/// How long the fade takes, either way, seconds: quick enough to feel like
/// an answer to the press, slow enough not to flash.
const FADE_SECONDS: f32 = 0.6;
/// How much light is left at the end of the fade.
const DIMMED: f32 = 0.3;
/// Past this point of the fade the characters are gone (and before it,
/// on the way back, they return): half-way, when the room is dim.
const CAST_GONE_AT: f32 = 0.5;

/// How far the view has faded: 0 the session as it is, 1 the calm room.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq)]
pub struct PauseFade(pub f32);

/// A light's strength before any fade, taken when first seen.
#[derive(Component, Clone, Copy)]
struct Undimmed(f32);

#[derive(Resource, Clone, Copy)]
struct UndimmedAmbient(f32);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PauseFade>()
        .add_systems(Update, (fade, (dim_lights, hide_cast)).chain().in_set(AppSystems::Show));
}

fn fade(view: Res<SessionView>, time: Res<Time>, mut fade: ResMut<PauseFade>) {
    // A session that has ended is not paused: the recovery at the end is
    // its own matter. A calming pause dims and stills the room the same way.
    let still = view.paused || view.calming.is_some();
    let target = if still && view.ended.is_none() { 1.0 } else { 0.0 };
    let step = time.delta_secs() / FADE_SECONDS;
    let next = if fade.0 < target { (fade.0 + step).min(target) } else { (fade.0 - step).max(target) };
    fade.set_if_neq(PauseFade(next));
}

/// The light left at a point of the fade, eased so the change is smooth
/// at both ends.
fn light_left(fade: f32) -> f32 {
    let eased = fade * fade * (3.0 - 2.0 * fade);
    1.0 - (1.0 - DIMMED) * eased
}

#[allow(clippy::type_complexity)]
fn dim_lights(
    fade: Res<PauseFade>,
    mut commands: Commands,
    mut ambient: ResMut<GlobalAmbientLight>,
    undimmed_ambient: Option<Res<UndimmedAmbient>>,
    mut directional: Query<(Entity, &mut DirectionalLight, Option<&Undimmed>), Without<PointLight>>,
    mut point: Query<(Entity, &mut PointLight, Option<&Undimmed>), Without<DirectionalLight>>,
) {
    if !fade.is_changed() {
        return;
    }
    let k = light_left(fade.0);
    let base = match undimmed_ambient {
        Some(base) => base.0,
        None => {
            commands.insert_resource(UndimmedAmbient(ambient.brightness));
            ambient.brightness
        }
    };
    ambient.brightness = base * k;
    for (entity, mut light, undimmed) in &mut directional {
        light.illuminance = dimmed(&mut commands, entity, light.illuminance, undimmed, k);
    }
    for (entity, mut light, undimmed) in &mut point {
        light.intensity = dimmed(&mut commands, entity, light.intensity, undimmed, k);
    }
}

/// A lamp's strength at `k` of its undimmed one, which is kept on the lamp
/// the first time it is dimmed.
fn dimmed(commands: &mut Commands, lamp: Entity, now: f32, undimmed: Option<&Undimmed>, k: f32) -> f32 {
    let base = undimmed.map_or(now, |u| u.0);
    if undimmed.is_none() {
        commands.entity(lamp).insert(Undimmed(base));
    }
    base * k
}

/// The characters' bodies are hidden, not the characters: walking in and
/// out owns each character's own visibility, and picks up where it was.
fn hide_cast(
    fade: Res<PauseFade>,
    cast: Query<&Children, With<CastMember>>,
    mut parts: Query<&mut Visibility, Without<CastMember>>,
    mut commands: Commands,
) {
    if !fade.is_changed() {
        return;
    }
    let shown = if fade.0 >= CAST_GONE_AT { Visibility::Hidden } else { Visibility::Inherited };
    for children in &cast {
        for child in children {
            match parts.get_mut(*child) {
                Ok(mut visibility) => {
                    visibility.set_if_neq(shown);
                }
                // A model's scene root, spawned without a visibility.
                Err(_) => {
                    commands.entity(*child).insert(shown);
                }
            }
        }
    }
}

/// Whether a character's body is hidden by the pause.
pub(crate) fn body_hidden(world: &World, character: Entity) -> bool {
    world.get::<Children>(character).is_some_and(|children| {
        children.iter().any(|c| world.get::<Visibility>(c) == Some(&Visibility::Hidden))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_light_goes_down_smoothly_to_what_is_left() {
        assert_eq!(light_left(0.0), 1.0);
        assert!((light_left(1.0) - DIMMED).abs() < 1e-6);
        let mid = light_left(0.5);
        assert!(mid < 1.0 && mid > DIMMED);
        // Never brighter further into the fade.
        let steps: Vec<f32> = (0..=20).map(|i| light_left(i as f32 / 20.0)).collect();
        assert!(steps.windows(2).all(|w| w[1] <= w[0]));
    }
}
