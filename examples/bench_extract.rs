//! Extraction throughput over a corpus of plain-text articles:
//! `cargo run --release --example bench_extract -- DIR_OR_FILES...`
//!
//! Hypothesis: per-article extraction is linear in the text and stays well above 5 MB/s on one
//! core; the word-splitting floor (unicode-segmentation over the same bytes) is printed beside it.
//! Checks its answer: the mention count must be the same in every run.
use std::time::Instant;

use unicode_segmentation::UnicodeSegmentation;

fn main() {
    let mut texts = Vec::new();
    for arg in std::env::args().skip(1) {
        let p = std::path::Path::new(&arg);
        let files: Vec<std::path::PathBuf> = if p.is_dir() {
            let mut v: Vec<_> = std::fs::read_dir(p).unwrap().map(|e| e.unwrap().path()).collect();
            v.sort();
            v
        } else {
            vec![p.to_path_buf()]
        };
        for f in files {
            if let Ok(t) = std::fs::read_to_string(&f) {
                texts.push(t);
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    assert!(bytes > 0, "usage: bench_extract DIR_OR_FILES...");
    let articles: Vec<corroborate::Article> = texts.iter().enumerate().map(|(i, t)| corroborate::Article::new(format!("a{i}"), t.clone())).collect();
    let _ = corroborate::extract::analyze(&articles[0]); // builds the lexicon once
    let mut times = Vec::new();
    let mut mentions = None;
    for _ in 0..5 {
        let t0 = Instant::now();
        let n: usize = articles.iter().map(|a| corroborate::extract::analyze(a).mentions.len()).sum();
        times.push(t0.elapsed().as_secs_f64());
        assert!(mentions.is_none() || mentions == Some(n), "mention count changed between runs");
        mentions = Some(n);
    }
    let mut floor = Vec::new();
    for _ in 0..5 {
        let t0 = Instant::now();
        let n: usize = texts.iter().map(|t| t.unicode_words().count()).sum();
        floor.push(t0.elapsed().as_secs_f64());
        std::hint::black_box(n);
    }
    times.sort_by(f64::total_cmp);
    floor.sort_by(f64::total_cmp);
    let mb = bytes as f64 / 1e6;
    println!("corpus: {} articles, {:.2} MB; mentions found: {}", texts.len(), mb, mentions.unwrap_or(0));
    println!("extraction (median of 5): {:.3} s = {:.2} MB/s, {:.0} articles/s", times[2], mb / times[2], texts.len() as f64 / times[2]);
    println!("word-split floor (median of 5): {:.3} s = {:.2} MB/s", floor[2], mb / floor[2]);
}
