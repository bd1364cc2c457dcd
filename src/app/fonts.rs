//! The font every text is drawn in.
//!
//! Bevy's built-in font is a subset without æ, ø, å or « », which
//! Norwegian participants read in every line. DejaVu Sans covers them
//! (and most European scripts), stays legible at headset resolutions, and
//! is freely redistributable (assets/fonts/DejaVu-LICENSE.txt). It is
//! compiled in, so text never depends on where the asset folder is.

use bevy::asset::AssetId;
use bevy::prelude::*;

const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

pub(super) fn plugin(app: &mut App) {
    // Text that names no font uses the default font handle: replacing the
    // font behind it changes every text at once.
    let mut fonts = app.world_mut().resource_mut::<Assets<Font>>();
    if let Err(e) = fonts.insert(AssetId::default(), Font::from_bytes(DEJAVU_SANS.to_vec())) {
        warn!("could not install the text font, some letters may not show: {e}");
    }
}

/// The same font behind egui's own (the console, the start screen), so
/// what egui's default fonts lack (the arrow of "level 2 → 3", block
/// marks) still shows. egui's fonts come first: its look stays.
pub(super) fn egui_fonts(ctx: &bevy_egui::egui::Context) {
    use bevy_egui::egui::{FontData, FontDefinitions, FontFamily};
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert("DejaVuSans".into(), std::sync::Arc::new(FontData::from_static(DEJAVU_SANS)));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push("DejaVuSans".into());
    }
    ctx.set_fonts(fonts);
}
