//! Test helpers shared by the native and the wasm tests.
#![allow(dead_code)]

use corroborate::Article;

pub mod html;

/// The five seed articles (data/seeds), with their file stems as ids, compiled in so the wasm
/// test needs no file system.
pub fn seed_articles() -> Vec<Article> {
    let files: [(&str, &str); 5] = [
        ("000_e8bd50c7991fc38f", include_str!("../../data/seeds/000_e8bd50c7991fc38f.txt")),
        ("001_f76da1300c43f52b", include_str!("../../data/seeds/001_f76da1300c43f52b.txt")),
        ("002_fee694d95e96c373", include_str!("../../data/seeds/002_fee694d95e96c373.txt")),
        ("003_3ddae123ad0d3eba", include_str!("../../data/seeds/003_3ddae123ad0d3eba.txt")),
        ("004_905a684dd6f29ba4", include_str!("../../data/seeds/004_905a684dd6f29ba4.txt")),
    ];
    files.iter().map(|(id, text)| Article::new(*id, *text)).collect()
}

/// The committed report of the seed articles, as the native build makes it
/// (regenerate with `make golden` after an intended change).
pub const GOLDEN_REPORT: &str = include_str!("../fixtures/seeds.report.json");
