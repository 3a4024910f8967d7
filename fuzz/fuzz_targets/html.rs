//! HTML cleanup of arbitrary bytes: no panic, and the `Cleaned` invariants hold (text unchanged
//! when it is not HTML; otherwise trimmed, no blank-line runs, the headline one line and first).
#![no_main]
use libfuzzer_sys::fuzz_target;

// The invariants, shared with the property tests.
#[path = "../../tests/common/html.rs"]
mod html_invariants;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let c = html_invariants::clean_ok(&input);
    let _ = serde_json::to_string(&c).unwrap();
});
