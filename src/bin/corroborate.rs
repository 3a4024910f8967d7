//! `corroborate`: the command-line front end (feature `cli`).
//!
//! ```text
//! corroborate compare [--format json|markdown] FILE...
//! corroborate batch [INPUT.jsonl]
//! corroborate clean FILE
//! ```
//! `compare` and `clean` take web pages too: a FILE ending in `.html`/`.htm`, or whose content
//! looks like HTML, is first reduced to its article text (`corroborate::html::clean`), with a note
//! on stderr. `clean` prints that text (headline first, paragraphs separated by blank lines) and
//! its warnings on stderr.
//! `compare` reads each FILE as one article (UTF-8 text; invalid bytes are replaced and warned
//! about), uses the file stem as the source id, and prints the report. Exit codes: 0 ok, 1 bad
//! input (unreadable file, empty, fewer than two articles), 2 usage or output error (a full
//! disk; a reader that stops early, as `| head` does, is not an error).
//!
//! `batch` reads JSON Lines (a file, or stdin when INPUT is absent or `-`), one story cluster a
//! line: `{"story": "...", "articles": [{"id", "title"?, "text"}, ...]}`, and writes one JSON
//! line per input line, in order, as soon as it is done: `{"line": N, "story": "...", "report":
//! {...}}`, or `{"line": N, "story": "..."|null, "error": "..."}` for a story that cannot be
//! compared (bad JSON, too few articles, ...); the other stories go on. It holds one story at a
//! time. Exit codes: 0 every story has a report, 1 at least one error line, 2 usage or I/O error
//! (unreadable input, closed output).

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use corroborate::report::Report;
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
    /// Compare many story clusters: JSON Lines in ({"story", "articles": [{"id", "title"?,
    /// "text"}]} a line), one JSON line out per story ({"line", "story", "report"} or
    /// {"line", "story", "error"}). Exit 0 all compared, 1 some story failed, 2 I/O error.
    Batch {
        /// The JSON Lines file; stdin when absent or `-`.
        input: Option<PathBuf>,
    },
    /// Print the article text of a web page (.html), as `compare` would read it.
    Clean {
        /// Output format: the text, or JSON `{text, title, warnings}` (as the wasm `cleanHtml`).
        #[arg(long, value_enum, default_value_t = CleanFormat::Text)]
        format: CleanFormat,
        /// The page; `-` for stdin.
        file: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum CleanFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Markdown,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Compare { format, files } => match run_compare(&files) {
            Ok(report) => {
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                let written = match format {
                    Format::Json => write_json(&mut out, &report),
                    Format::Markdown => out.write_all(corroborate::markdown::render(&report).as_bytes()),
                };
                match written.and_then(|()| out.flush()) {
                    Ok(()) => ExitCode::SUCCESS,
                    // The reader stopped reading (`| head`): not an error of ours.
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                    Err(e) => {
                        eprintln!("corroborate: cannot write the output: {e}");
                        ExitCode::from(2)
                    }
                }
            }
            Err(msg) => {
                eprintln!("corroborate: {msg}");
                ExitCode::from(1)
            }
        },
        Command::Clean { format, file } => match read_article(&file) {
            Ok((title, text, warnings)) => {
                match format {
                    CleanFormat::Text if text.is_empty() => {}
                    CleanFormat::Text => println!("{text}"),
                    CleanFormat::Json => {
                        println!("{}", serde_json::json!({ "text": text, "title": title, "warnings": warnings }))
                    }
                }
                ExitCode::SUCCESS
            }
            Err(msg) => {
                eprintln!("corroborate: {msg}");
                ExitCode::from(1)
            }
        },
        Command::Batch { input } => match run_batch(input.as_deref()) {
            Ok(0) => ExitCode::SUCCESS,
            Ok(failed) => {
                eprintln!("corroborate: {failed} stor{} could not be compared (see the error lines)", if failed == 1 { "y" } else { "ies" });
                ExitCode::from(1)
            }
            Err(msg) => {
                eprintln!("corroborate: {msg}");
                ExitCode::from(2)
            }
        },
    }
}

/// One line of `batch` input.
#[derive(serde::Deserialize)]
struct Story {
    story: serde_json::Value,
    articles: Vec<Article>,
}

/// One line of `batch` output: `report` or `error`.
#[derive(serde::Serialize)]
struct Answer<'a> {
    line: usize,
    story: &'a serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a corroborate::Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

/// Runs `batch`; returns how many stories failed, or an I/O error.
fn run_batch(input: Option<&std::path::Path>) -> Result<usize, String> {
    let mut reader: Box<dyn BufRead> = match input {
        None => Box::new(std::io::stdin().lock()),
        Some(p) if p.as_os_str() == "-" => Box::new(std::io::stdin().lock()),
        Some(p) => Box::new(std::io::BufReader::new(
            std::fs::File::open(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?,
        )),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = 0;
    let mut buf = Vec::new();
    for line_no in 1usize.. {
        buf.clear();
        if reader.read_until(b'\n', &mut buf).map_err(|e| format!("cannot read the input: {e}"))? == 0 {
            break;
        }
        let line = String::from_utf8_lossy(&buf);
        if line.trim().is_empty() {
            continue;
        }
        let answer = match serde_json::from_str::<Story>(&line) {
            Err(e) => {
                // Name the story if the line is JSON with a "story" field but not a valid cluster.
                let story = serde_json::from_str::<serde_json::Value>(&line).ok().map(|v| v["story"].clone());
                Err((story.unwrap_or(serde_json::Value::Null), format!("not a story cluster ({{\"story\", \"articles\": [{{\"id\", \"text\"}}]}}): {e}")))
            }
            Ok(s) => match corroborate::compare(&s.articles) {
                Ok(report) => Ok((s.story, report)),
                Err(e) => Err((s.story, e.to_string())),
            },
        };
        let answer = match &answer {
            Ok((story, report)) => Answer { line: line_no, story, report: Some(report), error: None },
            Err((story, error)) => {
                failed += 1;
                Answer { line: line_no, story, report: None, error: Some(error.as_str()) }
            }
        };
        serde_json::to_writer(&mut out, &answer).map_err(|e| format!("cannot write the output: {e}"))?;
        out.write_all(b"\n").and_then(|()| out.flush()).map_err(|e| format!("cannot write the output: {e}"))?;
    }
    Ok(failed)
}

fn run_compare(files: &[PathBuf]) -> Result<Report, String> {
    let mut articles = Vec::with_capacity(files.len());
    for path in files {
        let (title, text, _) = read_article(path)?;
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        articles.push(Article { title, ..Article::new(id, text) });
    }
    corroborate::compare(&articles).map_err(|e: Error| e.to_string())
}

/// Writes the report as `corroborate::to_json` does (byte for byte: pretty JSON, two-space
/// indent, a final newline), streamed: no copy of the whole text is held (at 1,000 articles the
/// text-reuse matrix alone is a million lines).
fn write_json(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    corroborate::write_json(&mut *out, report)
}

/// Reads one article file (`-` = stdin) as UTF-8 (invalid bytes replaced, with a warning); a web
/// page (`.html`/`.htm`, or content that looks like HTML) is reduced to its article text, with a
/// note and the cleanup's warnings on stderr. Returns (headline if known, text, cleanup warnings).
fn read_article(path: &std::path::Path) -> Result<(Option<String>, String, Vec<String>), String> {
    let bytes = if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b).map_err(|e| format!("cannot read stdin: {e}"))?;
        b
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("corroborate: warning: {} is not valid UTF-8; invalid bytes were replaced", path.display());
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    let html_name = matches!(ext.as_deref(), Some("html" | "htm"));
    if !html_name && !corroborate::html::looks_like_html(&text) {
        return Ok((None, text, Vec::new()));
    }
    let cleaned = corroborate::html::clean(&text);
    eprintln!(
        "corroborate: note: {} is a web page; using its article text ({} characters of {})",
        path.display(),
        cleaned.text.chars().count(),
        text.chars().count()
    );
    for w in &cleaned.warnings {
        eprintln!("corroborate: {}: {w}", path.display());
    }
    Ok((cleaned.title, cleaned.text, cleaned.warnings))
}
