//! HTML cleanup of arbitrary bytes: no panic, and the `Cleaned` invariants hold (text unchanged
//! when it is not HTML; otherwise trimmed, no blank-line runs, the headline one line and first).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let c = corroborate::html::clean(&input);
    if corroborate::html::looks_like_html(&input) {
        assert_eq!(c.text.trim(), c.text);
        assert!(!c.text.contains("\n\n\n"));
        if let Some(t) = &c.title {
            assert!(!t.contains('\n') && t.trim() == t);
            assert!(c.text.is_empty() || c.text.starts_with(t.as_str()));
        }
    } else {
        assert_eq!(c.text, input);
    }
    let _ = serde_json::to_string(&c).unwrap();
});
