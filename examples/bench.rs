//! The native benchmark (part of `make bench`, see bench/README.md):
//!
//! ```text
//! cargo run --release --example bench -- [--runs N] [--cli PATH] [--json OUT] DIR...
//! ```
//! Each DIR is a corpus of plain-text articles (`*.txt`, one article per file, the file stem is
//! the source id; `bench/make-corpora.py` writes them).
//!
//! Hypothesis: on one core, extraction + comparison is linear in the text (growth exponent
//! ≤ 1.2 from 200 to 1,000 articles) and within 10× of the time unicode-segmentation needs just to
//! split the same bytes into words (the floor, measured in the same process, interleaved).
//!
//! How: every corpus is measured in its own child process (this binary with `--child DIR`), so
//! the peak resident memory it reports (`VmHWM` of /proc/self/status, Linux) belongs to that
//! corpus alone. The child loads the articles, runs everything once to warm up, then N times
//! (default 5) in turn: the word-splitting floor, extraction alone, extraction + comparison
//! (`corroborate::compare`, the one-thread library call the CLI makes). Medians are printed, of
//! wall time and of the thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`): on a machine shared with
//! other work the CPU time is the steadier figure, and throughputs are computed from it; the
//! wall-clock seconds are printed beside them.
//!
//! Checks before any time is printed: the mention, fact and entity counts are the same in every
//! run and not zero, and the report is byte-identical to the CLI's
//! (`--cli`, default target/release/corroborate, `compare --format json` on the same files).
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use unicode_segmentation::UnicodeSegmentation;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let runs = take_opt(&mut args, "--runs").map(|s| s.parse::<usize>().expect("--runs N")).unwrap_or(5);
    assert!(runs >= 1, "--runs must be at least 1");
    if let Some(dir) = take_opt(&mut args, "--child") {
        child(Path::new(&dir), runs);
        return;
    }
    let cli = take_opt(&mut args, "--cli").unwrap_or_else(|| "target/release/corroborate".into());
    let json_out = take_opt(&mut args, "--json");
    if args.is_empty() {
        eprintln!("usage: bench [--runs N] [--cli PATH] [--json OUT] DIR...");
        std::process::exit(2);
    }
    let exe = std::env::current_exe().expect("own path");
    let mut rows = Vec::new();
    for dir in &args {
        let out = Command::new(&exe)
            .args(["--child", dir, "--runs", &runs.to_string()])
            .output()
            .expect("run the child");
        if !out.status.success() {
            eprintln!("bench: {dir} failed:\n{}", String::from_utf8_lossy(&out.stderr));
            std::process::exit(1);
        }
        let m: serde_json::Value = serde_json::from_slice(&out.stdout).expect("child JSON");
        check_against_cli(&cli, Path::new(dir), &m);
        rows.push(m);
    }
    print_table(&rows, runs);
    if let Some(path) = json_out {
        std::fs::write(&path, serde_json::to_string_pretty(&rows).unwrap() + "\n").unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
    }
}

/// Removes `--name VALUE` from `args` and returns VALUE.
fn take_opt(args: &mut Vec<String>, name: &str) -> Option<String> {
    let i = args.iter().position(|a| a == name)?;
    assert!(i + 1 < args.len(), "{name} needs a value");
    let v = args.remove(i + 1);
    args.remove(i);
    Some(v)
}

fn corpus_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

fn hash(s: &str) -> u64 {
    // DefaultHasher::new() has fixed keys: the same string hashes the same in every process.
    let mut h = DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 }
}

/// Peak resident set size of this process in bytes (Linux: VmHWM in /proc/self/status).
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// CPU time of the calling thread, in seconds.
fn thread_cpu() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid timespec; CLOCK_THREAD_CPUTIME_ID exists on every Linux.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime failed");
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

/// Wall and CPU seconds of one call.
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64, f64) {
    let (t0, c0) = (Instant::now(), thread_cpu());
    let out = f();
    let cpu = thread_cpu() - c0;
    (out, t0.elapsed().as_secs_f64(), cpu)
}

fn child(dir: &Path, runs: usize) {
    let files = corpus_files(dir);
    assert!(files.len() >= 2, "{}: fewer than two .txt articles", dir.display());
    let articles: Vec<corroborate::Article> = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            corroborate::Article::new(f.file_stem().unwrap().to_string_lossy(), text)
        })
        .collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let words: usize = articles.iter().map(|a| a.text.split_whitespace().count()).sum();

    // Warm-up, and the answers every run must give again.
    let report = corroborate::compare(&articles).expect("the corpus compares");
    let json = corroborate::to_json(&report);
    let (facts, entities) = (report.facts.len(), report.entities.len());
    let corroborated = report.facts.iter().filter(|f| f.corroboration >= 2).count();
    let conflicts = report.conflicts.len();
    drop(report);
    let mentions: usize = articles.iter().map(|a| corroborate::extract::analyze(a).mentions.len()).sum();
    let split: usize = articles.iter().map(|a| a.text.unicode_words().count()).sum();
    assert!(facts > 0 && entities > 0 && mentions > 0, "{}: nothing found (facts {facts}, entities {entities}, mentions {mentions})", dir.display());

    // [wall, cpu] per run
    let (mut floor, mut extract, mut full) = ([vec![], vec![]], [vec![], vec![]], [vec![], vec![]]);
    for _ in 0..runs {
        let (n, w, c) = timed(|| articles.iter().map(|a| a.text.unicode_words().count()).sum::<usize>());
        floor[0].push(w);
        floor[1].push(c);
        assert_eq!(std::hint::black_box(n), split, "word count changed between runs");

        let (n, w, c) = timed(|| articles.iter().map(|a| corroborate::extract::analyze(a).mentions.len()).sum::<usize>());
        extract[0].push(w);
        extract[1].push(c);
        assert_eq!(n, mentions, "mention count changed between runs");

        let (r, w, c) = timed(|| corroborate::compare(&articles).expect("the corpus compares"));
        full[0].push(w);
        full[1].push(c);
        assert_eq!((r.facts.len(), r.entities.len()), (facts, entities), "fact/entity counts changed between runs");
        drop(r);
    }
    let out = serde_json::json!({
        "dir": dir.display().to_string(),
        "articles": articles.len(),
        "bytes": bytes,
        "words": words,
        "runs": runs,
        "floor_s": median(&mut floor[1]),
        "extract_s": median(&mut extract[1]),
        "full_s": median(&mut full[1]),
        "floor_wall_s": median(&mut floor[0]),
        "extract_wall_s": median(&mut extract[0]),
        "full_wall_s": median(&mut full[0]),
        "peak_rss": peak_rss(),
        "mentions": mentions,
        "facts": facts,
        "corroborated": corroborated,
        "conflicts": conflicts,
        "entities": entities,
        "report_hash": hash(&json).to_string(),
        "report_bytes": json.len(),
    });
    println!("{out}");
}

/// The library's report must be the CLI's, byte for byte, on the same files.
fn check_against_cli(cli: &str, dir: &Path, m: &serde_json::Value) {
    let files = corpus_files(dir);
    let out = Command::new(cli)
        .args(["compare", "--format", "json"])
        .args(&files)
        .output()
        .unwrap_or_else(|e| panic!("cannot run the CLI {cli} (build it with `cargo build --release`): {e}"));
    assert!(out.status.success(), "the CLI failed on {}: {}", dir.display(), String::from_utf8_lossy(&out.stderr));
    let json = String::from_utf8(out.stdout).expect("UTF-8 report");
    let report: serde_json::Value = serde_json::from_str(&json).expect("the CLI prints JSON");
    let n = |k: &str| report[k].as_array().map_or(0, Vec::len) as u64;
    assert_eq!(n("facts"), m["facts"].as_u64().unwrap(), "{}: fact count differs from the CLI's", dir.display());
    assert_eq!(n("entities"), m["entities"].as_u64().unwrap(), "{}: entity count differs from the CLI's", dir.display());
    assert_eq!(hash(&json).to_string(), m["report_hash"].as_str().unwrap(), "{}: report differs from the CLI's", dir.display());
}

fn print_table(rows: &[serde_json::Value], runs: usize) {
    let f = |m: &serde_json::Value, k: &str| m[k].as_f64().unwrap_or(f64::NAN);
    println!("Native, one thread, median of {runs} runs (each corpus in its own process; answers checked against the CLI).");
    println!("Throughputs from the thread's CPU time; wall-clock seconds of extraction + comparison beside them.\n");
    println!("| articles | MB | word-split floor MB/s | extraction MB/s | extraction art/s | extr.+comparison MB/s | extr.+comparison art/s | extr.+comparison s CPU / wall | × floor | peak RSS MB | facts | entities |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for m in rows {
        let mb = f(m, "bytes") / 1e6;
        let n = f(m, "articles");
        let (fl, ex, full) = (f(m, "floor_s"), f(m, "extract_s"), f(m, "full_s"));
        println!(
            "| {} | {:.2} | {:.1} | {:.2} | {:.0} | {:.2} | {:.0} | {:.3} / {:.3} | {:.0}× | {:.0} | {} | {} |",
            n,
            mb,
            mb / fl,
            mb / ex,
            n / ex,
            mb / full,
            n / full,
            full,
            f(m, "full_wall_s"),
            full / fl,
            f(m, "peak_rss") / 1048576.0,
            m["facts"],
            m["entities"],
        );
    }
    // Growth exponent of extraction + comparison between the 200- and 1,000-article corpora.
    let by = |n: u64| rows.iter().find(|m| m["articles"].as_u64() == Some(n));
    if let (Some(a), Some(b)) = (by(200), by(1000)) {
        let k = (f(b, "full_s") / f(a, "full_s")).ln() / (f(b, "bytes") / f(a, "bytes")).ln();
        let ka = (f(b, "full_s") / f(a, "full_s")).ln() / (1000f64 / 200.0).ln();
        println!("\ngrowth exponent of extraction + comparison (CPU time), 200 → 1,000 articles: {ka:.2} (per article), {k:.2} (per byte); target ≤ 1.2");
    }
}
