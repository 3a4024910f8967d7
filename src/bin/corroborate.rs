//! `corroborate`: the command-line front end (feature `cli`).
//!
//! ```text
//! corroborate compare [--format json|markdown] FILE...
//! ```
//! Reads each FILE as one article (UTF-8 text; invalid bytes are replaced and warned about), uses
//! the file stem as the source id, and prints the report. Exit codes: 0 ok, 1 bad input
//! (unreadable file, empty, fewer than two articles), 2 usage.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use corroborate::{Article, Error};

#[derive(Parser)]
#[command(name = "corroborate", version, about = "Compare news articles about one story")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compare two or more article files (plain text, one article per file).
    Compare {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// The article files; each file's stem becomes its source id.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Markdown,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Compare { format, files } => match run_compare(format, &files) {
            Ok(out) => {
                print!("{out}");
                ExitCode::SUCCESS
            }
            Err(msg) => {
                eprintln!("corroborate: {msg}");
                ExitCode::from(1)
            }
        },
    }
}

fn run_compare(format: Format, files: &[PathBuf]) -> Result<String, String> {
    let mut articles = Vec::with_capacity(files.len());
    for path in files {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("corroborate: warning: {} is not valid UTF-8; invalid bytes were replaced", path.display());
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        };
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        articles.push(Article::new(id, text));
    }
    let report = corroborate::compare(&articles).map_err(|e: Error| e.to_string())?;
    Ok(match format {
        Format::Json => corroborate::to_json(&report),
        Format::Markdown => corroborate::markdown::render(&report),
    })
}
