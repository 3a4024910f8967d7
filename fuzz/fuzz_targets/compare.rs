//! The whole comparison: the input is split at 0xFF bytes into up to six articles (decoded
//! lossily). No panic; the report serialises, and converting its spans to UTF-16 (what the wasm
//! facade does) never panics either.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let articles: Vec<corroborate::Article> = data
        .split(|&b| b == 0xFF)
        .take(6)
        .enumerate()
        .map(|(i, chunk)| corroborate::Article::new(format!("a{i}"), String::from_utf8_lossy(chunk).into_owned()))
        .collect();
    if let Ok(mut report) = corroborate::compare(&articles) {
        let json = corroborate::to_json(&report);
        assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
        corroborate::offsets::to_utf16(&mut report, &articles);
    }
});
