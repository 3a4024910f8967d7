//! Lines, sentences and tokens of arbitrary bytes (decoded lossily, as the CLI does): no panic,
//! and every span lies on char boundaries inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let seg = corroborate::text::segment(&text);
    for &(s, e) in &seg.sentences {
        assert!(s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e));
        for t in corroborate::text::tokenize(&text, s, e) {
            assert!(t.start < t.end && t.end <= e && text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
    }
});
