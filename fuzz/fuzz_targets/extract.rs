//! Per-article extraction of arbitrary bytes: no panic, and every mention, number, date and quote
//! span slices the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let d = corroborate::extract::analyze(&corroborate::Article::new("a", text.clone()));
    let spans = d
        .mentions
        .iter()
        .map(|m| (m.start, m.end))
        .chain(d.quantities.iter().map(|q| (q.start, q.end)))
        .chain(d.dates.iter().map(|x| (x.start, x.end)))
        .chain(d.quotes.iter().map(|q| (q.start, q.end)));
    for (s, e) in spans {
        assert!(s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e));
    }
});
