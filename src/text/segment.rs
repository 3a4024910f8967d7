//! Lines and sentences, with boilerplate and repeated lines dropped.
//!
//! Sentences come from UAX #29 sentence boundaries (unicode-segmentation; for ASCII lines our
//! port of its rules, [`super::ascii_sentences`], identical and cheaper) inside each line, then
//! boundaries that follow an abbreviation or an initial ("U.S. President", "Lt. Gen. Keith") are
//! undone: UAX #29 has no abbreviation list, so this part is ours. Every line break ends a
//! sentence, so headlines without a full stop stand alone.

use rustc_hash::FxHashSet as HashSet;

use unicode_segmentation::UnicodeSegmentation;

use super::{clip, fold};
use crate::report::Warning;

/// The sentences of one article.
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    /// Byte spans of the kept sentences, in text order, trimmed of white space.
    pub sentences: Vec<(usize, usize)>,
    /// Lines dropped, and why.
    pub warnings: Vec<Warning>,
    /// A headline-like line near the top, when there is one.
    pub title: Option<(usize, usize)>,
}

/// Segments an article into sentences.
pub fn segment(text: &str) -> Segmentation {
    let lex = crate::lexicon::get();
    let lines = lines(text);
    let mut seg = Segmentation::default();
    // Room for every line (only looked up, never iterated: its room changes nothing but the
    // rehashing).
    let mut seen: HashSet<String> = HashSet::with_capacity_and_hasher(lines.len(), Default::default());
    let mut kept_lines = 0usize;
    let (mut pieces, mut shadow) = (Vec::new(), Vec::new());
    for (idx, &(s, e)) in lines.iter().enumerate() {
        let line = &text[s..e];
        let (key, words) = line_key(line);
        let terminal = line.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', '!', '?', ':']);
        if words < 15 && lex.boilerplate.iter().any(|b| key.starts_with(b.as_str())) {
            seg.warnings.push(warn("boilerplate", format!("dropped a line that looks like page furniture: \"{}\"", clip(line, 80)), s, e));
            continue;
        }
        if words >= 3 && !seen.insert(key) {
            seg.warnings.push(warn("duplicate-line", format!("dropped a repeated line: \"{}\"", clip(line, 80)), s, e));
            continue;
        }
        if kept_lines == 0 && idx + 1 < lines.len() && (1..=2).contains(&words) && !terminal {
            seg.warnings.push(warn("section-label", format!("dropped a section label: \"{}\"", clip(line, 80)), s, e));
            continue;
        }
        if seg.title.is_none() && kept_lines < 3 && (3..=30).contains(&words) && !terminal {
            seg.title = Some((s, e));
        }
        kept_lines += 1;
        split_line(text, s, e, (&mut pieces, &mut shadow), &mut seg.sentences);
    }
    seg
}

/// A line's key for finding repeats and boilerplate: its [`fold`]ed words joined by one space,
/// and how many of them have a letter or digit.
fn line_key(line: &str) -> (String, usize) {
    let folded = fold(line);
    if let Some(words) = plain_words(folded.as_bytes()) {
        return (folded, words);
    }
    let mut key = String::with_capacity(folded.len());
    let mut words = 0;
    let mut add = |w: &str| {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(w);
        words += usize::from(w.chars().any(char::is_alphanumeric));
    };
    if folded.is_ascii() {
        // The white space of ASCII text (`char::is_whitespace`), found byte by byte rather than
        // through `split_whitespace`'s decoding of every character.
        let white = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
        let bytes = folded.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let start = i + bytes[i..].iter().take_while(|b| white(b)).count();
            i = start + bytes[start..].iter().take_while(|b| !white(b)).count();
            if start < i {
                add(&folded[start..i]);
            }
        }
    } else {
        folded.split_whitespace().for_each(add);
    }
    (key, words)
}

/// When `folded` is its own [`line_key`] (most lines of news), the key's word count, found 16
/// bytes at a time. Why: splitting a line (often a whole paragraph) at white space and joining
/// the words again cost ~12 instructions a byte and a copy per word.
/// - The folded line is its key when it is ASCII and its only white space is single spaces
///   between words: no \t \n \x0b \x0c \r (the rest of `char::is_whitespace` in ASCII), no two
///   spaces in a row, none first or last (the line is trimmed, but folding may drop a combining
///   mark before a space).
/// - Asked here as: it starts with a letter or digit, every space is followed by one, and no byte
///   is other white space. Then each space starts a word with a letter or digit, and all
///   words count. Any other line (a word starting with '"' or '(') takes the general path.
fn plain_words(b: &[u8]) -> Option<usize> {
    // `is_ascii_alphanumeric` without branches, so that the loops are vectorised.
    let alnum = |c: u8| ((c | 0x20).wrapping_sub(b'a') < 26) | (c.wrapping_sub(b'0') < 10);
    let other_white = |c: u8| c.wrapping_sub(b'\t') < 5;
    let bad = |p: u8, c: u8| u8::from(((p == b' ') & !alnum(c)) | other_white(p));
    let (&first, &last) = (b.first()?, b.last()?);
    if !b.is_ascii() || !alnum(first) || last == b' ' || other_white(last) {
        return None;
    }
    // Pairs (b[k], b[k + 1]) for k < len - 1, 16 at a time, then one at a time.
    let mut spaces = 0usize;
    let mut k = 0;
    while let (Some(p), Some(c)) = (b.get(k..k + 16), b.get(k + 1..k + 17)) {
        let (p, c): (&[u8; 16], &[u8; 16]) = (p.try_into().ok()?, c.try_into().ok()?);
        let (mut any_bad, mut sp) = (0u8, 0u8);
        for j in 0..16 {
            any_bad |= bad(p[j], c[j]);
            sp += u8::from(p[j] == b' ');
        }
        if any_bad != 0 {
            return None;
        }
        spaces += usize::from(sp);
        k += 16;
    }
    for (&p, &c) in b[k..].iter().zip(&b[k + 1..]) {
        if bad(p, c) != 0 {
            return None;
        }
        spaces += usize::from(p == b' ');
    }
    Some(spaces + 1)
}

fn warn(kind: &str, message: String, s: usize, e: usize) -> Warning {
    Warning { kind: kind.into(), message, start: Some(s), end: Some(e) }
}

/// Non-blank lines as trimmed byte spans.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut push = |start: usize, end: usize| {
        let (s, e) = trim(text, start, end);
        if s < e {
            out.push((s, e));
        }
    };
    // A line ends after '\n', '\r', U+2028 or U+2029 (E2 80 A8 and E2 80 A9), found by byte.
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut at = 0;
    while let Some(i) = super::find_byte(bytes, at, |b| (b == b'\n') | (b == b'\r') | (b == 0xE2)) {
        at = i + 1;
        let end = match bytes[i] {
            0xE2 if bytes[i + 1..].starts_with(&[0x80, 0xA8]) || bytes[i + 1..].starts_with(&[0x80, 0xA9]) => i + 3,
            0xE2 => continue,
            _ => i + 1,
        };
        push(pos, end);
        pos = end;
        at = end;
    }
    if pos < text.len() {
        push(pos, text.len());
    }
    out
}

fn trim(text: &str, s: usize, e: usize) -> (usize, usize) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let t = piece.trim();
    (s + lead, s + lead + t.len())
}

/// Splits one line into sentences, appending trimmed spans to `out`. `room` is room for the
/// line's UAX #29 pieces and for its ASCII stand-in (both reused from line to line).
fn split_line(text: &str, s: usize, e: usize, room: (&mut Vec<(usize, usize)>, &mut Vec<u8>), out: &mut Vec<(usize, usize)>) {
    let (pieces, shadow) = room;
    let line = &text[s..e];
    // UAX #29 pieces: an ASCII line (most of them), or one whose other characters are those of
    // news typography (curly quotes, dashes, accented letters), through our port of the crate's
    // rules, which gives the same pieces at a fraction of the cost; any other line by the crate.
    pieces.clear();
    if line.is_ascii() {
        super::ascii_sentences::pieces(line.as_bytes(), pieces);
    } else if !super::ascii_sentences::pieces_with_stand_ins(line, shadow, pieces) {
        pieces.extend(line.split_sentence_bound_indices().map(|(i, piece)| (i, i + piece.len())));
    }
    let mut cur: Option<(usize, usize)> = None;
    for &(i, j) in pieces.iter() {
        let (ps, pe) = trim(text, s + i, s + j);
        if ps >= pe {
            continue;
        }
        cur = match cur {
            Some((cs, ce)) if ends_with_abbreviation(&text[cs..ce]) || starts_lower(&text[ps..pe]) => Some((cs, pe)),
            Some(prev) => {
                out.push(prev);
                Some((ps, pe))
            }
            None => Some((ps, pe)),
        };
    }
    if let Some(c) = cur {
        out.push(c);
    }
}

fn starts_lower(s: &str) -> bool {
    s.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_lowercase)
}

/// The text ends with "Abbr." or an initial "J." (so the full stop did not end a sentence).
fn ends_with_abbreviation(s: &str) -> bool {
    let Some(body) = s.strip_suffix('.') else { return false };
    let word = body.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“').next().unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    let f = fold(word);
    crate::lexicon::get().abbreviations.contains(&f) || (f.contains('.') && f.chars().filter(|c| c.is_alphabetic()).count() <= 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        segment(t).sentences.iter().map(|&(s, e)| &t[s..e]).collect()
    }

    #[test]
    fn splits_sentences_but_not_after_abbreviations() {
        let cases: &[(&str, &[&str])] = &[
            ("The U.S. President spoke. He left.", &["The U.S. President spoke.", "He left."]),
            ("It was led by retired Lt. Gen. Keith Kellogg. Talks ended.", &["It was led by retired Lt. Gen. Keith Kellogg.", "Talks ended."]),
            ("Author J. K. Rowling wrote it. Then Mr. Smith read it.", &["Author J. K. Rowling wrote it.", "Then Mr. Smith read it."]),
            ("Headline Without Stop\nBody starts here. Ends here.", &["Headline Without Stop", "Body starts here.", "Ends here."]),
            ("“We will fight,” he said. “We will win.” She agreed.", &["“We will fight,” he said.", "“We will win.”", "She agreed."]),
            ("It met on Jan. 5 in Kyiv. Done.", &["It met on Jan. 5 in Kyiv.", "Done."]),
        ];
        for (input, want) in cases {
            assert_eq!(&sents(input), want, "{input}");
        }
    }

    #[test]
    fn drops_boilerplate_repeats_and_section_labels_with_warnings() {
        let t = "Politics\nBig Headline Here Today\n\nBig Headline Here Today\nText one.\n\nRead the original article here\nText two.";
        let seg = segment(t);
        assert_eq!(sents(t), ["Big Headline Here Today", "Text one.", "Text two."]);
        let kinds: Vec<&str> = seg.warnings.iter().map(|w| w.kind.as_str()).collect();
        assert_eq!(kinds, ["section-label", "duplicate-line", "boilerplate"]);
        let (s, e) = seg.title.unwrap();
        assert_eq!(&t[s..e], "Big Headline Here Today");
    }

    #[test]
    fn lines_and_keys_as_the_standard_library_splits_them() {
        for t in ["a\nb\r\nc\u{2028}d\u{2029}e “x” \u{2027}\n", "\n\n", "", "  one  \r", "no end", "a\u{0B}b\tc  d\x0c", "x\u{0B}y\u{85}z é\u{A0}f \u{2000}g", "\u{0301} x", "x \u{0301}", "a b  c", "The talks in Istanbul ended after less than two hours and both sides agreed to exchange prisoners", "The talks in Istanbul ended after less than two hours and both sides agreed \"to exchange\"", "The talks in Istanbul ended after less than two hours and both sides agreed to\texchange"] {
            let mut want = Vec::new();
            let mut pos = 0;
            for raw in t.split_inclusive(['\n', '\r', '\u{2028}', '\u{2029}']) {
                let (s, e) = trim(t, pos, pos + raw.len());
                if s < e {
                    want.push((s, e));
                }
                pos += raw.len();
            }
            assert_eq!(lines(t), want, "{t:?}");
            let key = fold(t).split_whitespace().collect::<Vec<_>>().join(" ");
            let words = key.split(' ').filter(|w| w.chars().any(char::is_alphanumeric)).count();
            assert_eq!(line_key(t), (key, words), "{t:?}");
        }
    }

    proptest::proptest! {
        /// Keys of ASCII lines (the fast path when they are plain) are their folded words.
        #[test]
        fn line_keys_are_the_folded_words(t in "[a-zA-Z0-9 \"(\t.-]{1,70}") {
            let key = fold(&t).split_whitespace().collect::<Vec<_>>().join(" ");
            let words = key.split(' ').filter(|w| w.chars().any(char::is_alphanumeric)).count();
            proptest::prop_assert_eq!(line_key(&t), (key, words));
        }
    }

    #[test]
    fn dateline_stays_in_its_sentence() {
        assert_eq!(sents("KYIV, Ukraine — The talks ended. More."), ["KYIV, Ukraine — The talks ended.", "More."]);
    }
}
