//! Finding a headset before the window opens.
//!
//! bevy_mod_openxr falls back to a plain window by itself when OpenXR does
//! not start, but it only logs the low-level error. The clinician needs to
//! know in plain words which mode the run is in and why, so the same steps
//! (loader, runtime, Vulkan support, a connected headset) are tried here
//! first, each with its own explanation. Only when all of them succeed are
//! the XR plugins added.

use openxr as xr;

use crate::w;
use crate::words::Lang;

/// Where the participant will see the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// An OpenXR runtime with a headset: the session runs in the headset
    /// and the window mirrors what the participant sees.
    Headset { runtime: String, system: String },
    /// A desktop window, the plain reason there is no headset (for the
    /// screen) and what OpenXR said (for the log).
    Desktop { why: NoHeadset, detail: Option<String> },
}

impl Mode {
    pub fn is_headset(&self) -> bool {
        matches!(self, Mode::Headset { .. })
    }

    /// Where the run is shown, in a line for the clinician.
    pub fn say(&self, lang: Lang) -> String {
        match self {
            Mode::Headset { runtime, system } => w!(lang, "mode-headset", system = system, runtime = runtime),
            Mode::Desktop { why, .. } => w!(lang, "mode-desktop", why = why.say(lang)),
        }
    }

    /// The same in English, for the log and the record (the debrief says
    /// it again in the report's own language).
    pub fn describe(&self) -> String {
        self.say(Lang::En)
    }
}

/// Why a run is in a desktop window, in the order the steps are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoHeadset {
    /// `--desktop` was given.
    Asked,
    /// A test or a bench, where nobody wears one.
    Unattended,
    NoLoader,
    NoVulkan,
    NoRuntime,
    NotConnected,
    NotFound,
}

impl NoHeadset {
    pub fn say(self, lang: Lang) -> String {
        match self {
            NoHeadset::Asked => w!(lang, "no-headset-asked"),
            NoHeadset::Unattended => w!(lang, "no-headset-unattended"),
            NoHeadset::NoLoader => w!(lang, "no-headset-loader"),
            NoHeadset::NoVulkan => w!(lang, "no-headset-vulkan"),
            NoHeadset::NoRuntime => w!(lang, "no-headset-runtime"),
            NoHeadset::NotConnected => w!(lang, "no-headset-connected"),
            NoHeadset::NotFound => w!(lang, "no-headset-found"),
        }
    }
}

/// The headset's side of a run, for the clinician's console: the XR
/// session's state and the frames the runtime has been handed.
#[derive(bevy::prelude::Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct HeadsetStatus {
    pub state: &'static str,
    pub frames: u64,
}

/// Decides the mode: `--desktop` wins; otherwise a headset is used when
/// OpenXR can reach one.
pub fn choose(desktop: bool) -> Mode {
    if desktop {
        return Mode::Desktop { why: NoHeadset::Asked, detail: None };
    }
    match probe() {
        Ok((runtime, system)) => Mode::Headset { runtime, system },
        Err((why, detail)) => Mode::Desktop { why, detail: Some(detail) },
    }
}

/// Walks the steps bevy_mod_openxr takes, saying which one failed: a short
/// reason and the long one.
fn probe() -> Result<(String, String), (NoHeadset, String)> {
    // SAFETY: loading the OpenXR loader library runs its initialisers; it is
    // the system's own loader, the same one bevy_mod_openxr would load.
    let entry = unsafe { xr::Entry::load() }.map_err(|e| {
        (NoHeadset::NoLoader, format!("no OpenXR loader was found ({e}); install libopenxr-dev"))
    })?;
    let extensions = entry.enumerate_extensions().map_err(|e| no_runtime(&e))?;
    if !extensions.khr_vulkan_enable2 && !extensions.khr_vulkan_enable {
        return Err((
            NoHeadset::NoVulkan,
            "the OpenXR runtime has no Vulkan support, which mestring needs".into(),
        ));
    }
    let app = xr::ApplicationInfo {
        application_name: "mestring",
        application_version: 1,
        engine_name: "bevy",
        engine_version: 0,
        api_version: xr::Version::new(1, 0, 0),
    };
    let instance =
        entry.create_instance(&app, &xr::ExtensionSet::default(), &[]).map_err(|e| no_runtime(&e))?;
    let runtime = instance
        .properties()
        .map(|p| format!("{} {}", p.runtime_name, p.runtime_version))
        .unwrap_or_else(|_| "an unnamed runtime".into());
    let system = instance.system(xr::FormFactor::HEAD_MOUNTED_DISPLAY).map_err(|e| match e {
        xr::sys::Result::ERROR_FORM_FACTOR_UNAVAILABLE => (
            NoHeadset::NotConnected,
            format!("the OpenXR runtime {runtime} sees no headset; is it connected and switched on?"),
        ),
        other => (NoHeadset::NotFound, format!("the OpenXR runtime {runtime} found no headset ({other})")),
    })?;
    let name = instance
        .system_properties(system)
        .ok()
        .map(|p| p.system_name)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "a headset".into());
    Ok((runtime, name))
}

fn no_runtime(e: &xr::sys::Result) -> (NoHeadset, String) {
    (
        NoHeadset::NoRuntime,
        format!("OpenXR is installed but no runtime answered: {e}; start the headset's runtime to use it"),
    )
}

/// The XR plugins around Bevy's defaults, with a seated (LOCAL) reference
/// space: the participant sits, and there is no artificial locomotion.
pub fn xr_plugins(defaults: impl bevy::app::PluginGroup) -> bevy::app::PluginGroupBuilder {
    bevy_mod_openxr::add_xr_plugins(defaults).set(bevy_mod_openxr::reference_space::OxrReferenceSpacePlugin {
        default_primary_ref_space: xr::ReferenceSpaceType::LOCAL,
    })
}
