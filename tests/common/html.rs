//! The invariants of [`corroborate::html::Cleaned`], checked by the property tests
//! (`tests/no_panic.rs`) and the `html` fuzz target (`fuzz/fuzz_targets/html.rs`, which includes
//! this file by path).

/// `html::clean` on any input: no panic, and the `Cleaned` invariants hold: text unchanged when
/// it is not HTML; otherwise trimmed, no blank-line runs, the headline one line and first.
pub fn clean_ok(input: &str) -> corroborate::html::Cleaned {
    let c = corroborate::html::clean(input);
    if corroborate::html::looks_like_html(input) {
        assert_eq!(c.text.trim(), c.text);
        assert!(!c.text.contains("\n\n\n"));
        if let Some(t) = &c.title {
            assert!(!t.contains('\n') && t.trim() == t);
            assert!(c.text.is_empty() || c.text.starts_with(t.as_str()));
        }
    } else {
        assert_eq!(c.text, input);
    }
    c
}
