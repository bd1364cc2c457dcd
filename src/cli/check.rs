//! `mestring check`: scenario files checked, their findings reported for
//! people (located text on stderr) or tools (JSON on stdout).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use mestring::scenario::{self, diagnostic, load};

use mestring::w;

use super::args::{ColorChoice, Format};
use super::{CliError, lang};

/// Checks every scenario under `paths`. Findings with errors are the
/// check's answer, not a failure to run it: they are reported here, and
/// the exit status 1 comes back as `Ok`.
pub fn check(paths: Vec<PathBuf>, format: Format, color: ColorChoice) -> Result<ExitCode, CliError> {
    let paths = if paths.is_empty() { vec![PathBuf::from("scenarios")] } else { paths };
    let files = load::collect_paths(&paths);
    if files.is_empty() {
        return Err(w!(lang(), "cli-no-scenario-files", paths = show_paths(&paths)).into());
    }
    let reports = load::check_paths(&paths);
    let errors: usize = reports.iter().map(scenario::FileReport::errors).sum();
    match format {
        // For tools: machine-readable, the same in every language.
        Format::Json => println!("{}", diagnostic::render_json(&reports)),
        Format::Text => {
            let color = match color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => std::io::stderr().is_terminal(),
            };
            // The findings and their summary are the checker's own words.
            eprint!("{}", diagnostic::render_text(&reports, color));
            for r in &reports {
                if r.findings.is_empty() {
                    eprintln!("{}", w!(lang(), "cli-check-ok", path = r.file.display().to_string()));
                }
            }
            eprintln!("{}", diagnostic::summary(&reports));
        }
    }
    Ok(if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn show_paths(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}
