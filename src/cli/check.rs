//! `mestring check`: scenario files checked, their findings reported for
//! people (located text on stderr) or tools (JSON on stdout).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use mestring::scenario::{self, diagnostic, load};

use super::CliError;
use super::args::{ColorChoice, Format};

/// Checks every scenario under `paths`. Findings with errors are the
/// check's answer, not a failure to run it: they are reported here, and
/// the exit status 1 comes back as `Ok`.
pub fn check(paths: Vec<PathBuf>, format: Format, color: ColorChoice) -> Result<ExitCode, CliError> {
    let paths = if paths.is_empty() { vec![PathBuf::from("scenarios")] } else { paths };
    let files = load::collect_paths(&paths);
    if files.is_empty() {
        return Err(format!("no .ron files found in {}", show_paths(&paths)).into());
    }
    let reports = load::check_paths(&paths);
    let errors: usize = reports.iter().map(scenario::FileReport::errors).sum();
    match format {
        Format::Json => println!("{}", diagnostic::render_json(&reports)),
        Format::Text => {
            let color = match color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => std::io::stderr().is_terminal(),
            };
            eprint!("{}", diagnostic::render_text(&reports, color));
            for r in &reports {
                if r.findings.is_empty() {
                    eprintln!("ok: {}", r.file.display());
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
