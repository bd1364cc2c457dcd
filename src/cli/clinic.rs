//! `mestring clinic` (and `mestring` alone): the start screen.

use std::path::{Path, PathBuf};

use mestring::clinic::{Clinic, ClinicInput, Origin};
use mestring::words::Lang;

use super::args::ClinicArgs;
use super::{CliError, lang as cli_lang, resolve_scenario};

/// Opens the start screen over the store in `data_dir`, with the shipped
/// scenarios and the clinic's own folder.
pub fn clinic(args: ClinicArgs, data_dir: &Path) -> Result<(), CliError> {
    let ClinicArgs { scenarios, participant, scenario, lang, exit_after, screenshot, window_size } = args;
    let lang = lang.map_or_else(cli_lang, |l| Lang::of(&l));
    let own = scenarios.unwrap_or_else(|| data_dir.join("scenarios"));
    let folders = vec![(PathBuf::from("scenarios"), Origin::Shipped), (own, Origin::Clinic)];
    let mut clinic = Clinic::open(data_dir, folders, lang)?;
    if let Some(code) = participant {
        let code = mestring::record::Store::open(data_dir)?.participant(&code)?;
        clinic.apply(ClinicInput::ChooseParticipant(code), 0, 0);
    }
    if let Some(name) = scenario {
        let path = resolve_scenario(&name);
        clinic.apply(ClinicInput::ChooseScenario(path.canonicalize().unwrap_or(path)), 0, 0);
        if clinic.choice.scenario.is_none() {
            return Err(mestring::w!(cli_lang(), "cli-clinic-no-scenario", scenario = name).into());
        }
    }
    let options = mestring::app::clinic::ScreenOptions { screenshot, exit_after, window_size };
    mestring::app::clinic::run(clinic, options)?;
    Ok(())
}
