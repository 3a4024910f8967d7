//! Converting a report's spans from UTF-8 byte offsets to UTF-16 code units.
//!
//! Used only at the wasm boundary, so that JavaScript can index its strings with them.

use rustc_hash::FxHashMap as HashMap;

use crate::report::{OffsetUnit, Report};
use crate::Article;

/// Maps byte offsets of one text to UTF-16 offsets. Offsets that fall inside a character are
/// rounded down to its start (the engine never produces them, but the map never panics).
pub struct Utf16Map {
    /// One entry per non-ASCII character, in text order: `(byte offset, utf16 offset, UTF-8
    /// length, UTF-16 length)`. Only these: between them bytes and code units advance together
    /// (news text is mostly ASCII, and an entry per character made this map most of the cost of
    /// the conversion).
    wide: Vec<(usize, usize, usize, usize)>,
    /// The text's length in bytes and in UTF-16 code units.
    len: (usize, usize),
}

impl Utf16Map {
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0; // UTF-8 bytes minus UTF-16 code units so far
        if !text.is_ascii() {
            for (b, c) in text.char_indices() {
                if !c.is_ascii() {
                    let (n8, n16) = (c.len_utf8(), c.len_utf16());
                    wide.push((b, b - extra, n8, n16));
                    extra += n8 - n16;
                }
            }
        }
        Utf16Map { wide, len: (text.len(), text.len() - extra) }
    }

    pub fn convert(&self, byte: usize) -> usize {
        if byte >= self.len.0 {
            return self.len.1;
        }
        match self.wide.partition_point(|&(b, ..)| b <= byte) {
            0 => byte,
            i => {
                let (b, u, n8, n16) = self.wide[i - 1];
                if byte < b + n8 {
                    u
                } else {
                    u + n16 + (byte - b - n8)
                }
            }
        }
    }
}

/// Rewrites every span of `report` (which must be in UTF-8 bytes, as [`crate::compare`] makes it)
/// into UTF-16 code units of the matching article's text.
pub fn to_utf16(report: &mut Report, articles: &[Article]) {
    if report.offset_unit == OffsetUnit::Utf16 {
        return;
    }
    let maps: HashMap<&str, Utf16Map> = articles.iter().map(|a| (a.id.as_str(), Utf16Map::new(&a.text))).collect();
    // A function, not inlined: it is called from ~30 places below.
    #[inline(never)]
    fn convert(maps: &HashMap<&str, Utf16Map>, source: &str, v: &mut usize) {
        if let Some(m) = maps.get(source) {
            *v = m.convert(*v);
        }
    }
    let conv = |source: &str, v: &mut usize| convert(&maps, source, v);
    for s in &mut report.sources {
        for sp in &mut s.sentence_spans {
            conv(&s.id, &mut sp[0]);
            conv(&s.id, &mut sp[1]);
        }
        for w in &mut s.warnings {
            if let Some(v) = w.start.as_mut() {
                conv(&s.id, v);
            }
            if let Some(v) = w.end.as_mut() {
                conv(&s.id, v);
            }
        }
    }
    for e in &mut report.entities {
        for m in e.mentions.iter_mut().chain(e.roles.iter_mut().flat_map(|r| r.evidence.iter_mut())) {
            conv(&m.source, &mut m.start);
            conv(&m.source, &mut m.end);
        }
    }
    let evidences = report
        .facts
        .iter_mut()
        .flat_map(|f| f.evidence.iter_mut())
        .chain(report.conflicts.iter_mut().flat_map(|c| c.values.iter_mut().flat_map(|v| v.evidence.iter_mut())));
    for ev in evidences {
        conv(&ev.source, &mut ev.start);
        conv(&ev.source, &mut ev.end);
    }
    for q in &mut report.quotes {
        for m in &mut q.evidence {
            conv(&m.source, &mut m.start);
            conv(&m.source, &mut m.end);
        }
    }
    for n in &mut report.numbers {
        conv(&n.source, &mut n.start);
        conv(&n.source, &mut n.end);
    }
    for x in &mut report.dates {
        conv(&x.source, &mut x.start);
        conv(&x.source, &mut x.end);
    }
    for e in report.different_event.iter_mut().flat_map(|d| d.evidence.iter_mut()) {
        conv(&e.source, &mut e.start);
        conv(&e.source, &mut e.end);
    }
    for side in report.text_reuse.passages.iter_mut().flat_map(|p| [&mut p.a, &mut p.b]) {
        conv(&side.source, &mut side.start);
        conv(&side.source, &mut side.end);
    }
    for t in &mut report.tone {
        for h in t.loaded.iter_mut().chain(t.hedges.iter_mut()).chain(t.attribution.iter_mut()) {
            conv(&t.source, &mut h.start);
            conv(&t.source, &mut h.end);
        }
    }
    report.offset_unit = OffsetUnit::Utf16;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_multibyte_and_astral_characters() {
        let t = "a’b😀c";
        let m = Utf16Map::new(t);
        // bytes: a=0, ’=1..4, b=4, 😀=5..9, c=9, end=10
        let cases = [(0, 0), (1, 1), (4, 2), (5, 3), (9, 5), (10, 6), (2, 1), (3, 1), (6, 3), (8, 3), (99, 6)];
        for (byte, want) in cases {
            assert_eq!(m.convert(byte), want, "byte {byte}");
        }
        let js: Vec<u16> = t.encode_utf16().collect();
        assert_eq!(String::from_utf16(&js[m.convert(4)..m.convert(9)]).unwrap(), &t[4..9]);
        // Every char boundary of a mixed text maps to the UTF-16 length of the text before it.
        let t = "Ünïcode – “quotes” 😀😀 and ASCII, then é.";
        let m = Utf16Map::new(t);
        for (b, _) in t.char_indices().chain([(t.len(), ' ')]) {
            assert_eq!(m.convert(b), t[..b].encode_utf16().count(), "byte {b}");
        }
        assert_eq!(Utf16Map::new("plain").convert(3), 3);
    }
}
