//! Text stage: folding, tokens, lines and sentences.
//!
//! Invariants:
//! - The original text is never rewritten: every span here is a byte range of it, on char
//!   boundaries. Folding produces separate strings used only for matching.
//! - Tokens never contain white space; possessive `'s` / `’s` is its own token.

mod ascii_sentences;
mod segment;

pub use segment::{segment, Segmentation};

use compact_str::CompactString;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_segmentation::UnicodeSegmentation;

/// The matching form of a string: lower case, diacritics removed (NFD, combining marks dropped),
/// typographic apostrophes and dashes straightened. "Erdoğan’s" → "erdogan's".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(&mut out, s);
    out
}

/// Appends [`fold`]`(s)` to `out` (for building many folded words in one buffer).
pub fn fold_into(out: &mut String, s: &str) {
    if s.is_ascii() {
        // Fast path (most text): no diacritics or typographic marks to remove. '`' is looked for
        // 16 bytes at a time ([`find_byte`]): the callers fold whole lines and sentences, where a
        // byte-by-byte loop cost ~4 instructions a byte.
        let start = out.len();
        if find_byte(s.as_bytes(), 0, |b| b == b'`').is_some() {
            out.extend(s.chars().map(|c| if c == '`' { '\'' } else { c }));
        } else {
            out.push_str(s);
        }
        out[start..].make_ascii_lowercase();
        return;
    }
    // NFD a character at a time, not `s.nfd()`: that iterator picks canonical or compatibility
    // decomposition at run time, so it linked the compatibility tables into the wasm (~44 KB
    // gzipped). The canonical reordering `nfd()` also does only moves characters of non-zero
    // combining class, and all of them are combining marks, which are dropped here (checked for
    // every code point by `fold_matches_nfd` in the tests), so the result is the same.
    for c in s.chars() {
        decompose_canonical(c, |d| {
            if is_combining_mark(d) {
                return;
            }
            match d {
                '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
                '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
                d if d.is_uppercase() => out.extend(d.to_lowercase()),
                d => out.push(d),
            }
        });
    }
}

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (possibly with digits, internal dots or apostrophes): "Kyiv", "U.S.", "don't".
    Word,
    /// Starts with a digit: "1,000", "30", "2022", "1.2bn".
    Number,
    /// Anything else that is not white space: punctuation, symbols, quotes.
    Punct,
}

/// A token of the original text.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte offsets into the article text (half-open).
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// [`fold`]ed text, inline when short (most words: no allocation per token).
    pub folded: CompactString,
    /// The first letter is upper case (or a digit-free all-caps acronym).
    pub cap: bool,
}

impl Token {
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn is(&self, folded: &str) -> bool {
        self.folded == folded
    }
}

/// Splits `text[start..end]` into tokens (UAX #29 word boundaries), then: splits a possessive
/// `'s` off its word, and joins an abbreviation or an initial with its full stop ("U.S.", "Lt.",
/// "J.") using the lexicon's abbreviation list.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    tokenize_with(text, start, end, &mut Vec::new())
}

/// [`tokenize`], building the tokens in `scratch` (left empty, with its room, for the next
/// call): the vector returned is allocated once, at its final size. Tokens are kept until the
/// comparison is done, so they must not keep the room a growing vector leaves (~6 MB of the wasm
/// memory's peak for 831 articles); growing in a reused buffer and copying once is cheaper than
/// growing every sentence's vector and shrinking it.
pub fn tokenize_with(text: &str, start: usize, end: usize, scratch: &mut Vec<Token>) -> Vec<Token> {
    scratch.clear();
    tokenize_into(text, start, end, scratch);
    // Not `mem::take`, which would hand out the buffer with all its room; moved in one copy
    // (`append`), not token by token (`drain(..).collect()`).
    let mut tokens = Vec::with_capacity(scratch.len());
    tokens.append(scratch);
    tokens
}

/// Appends the tokens of `text[start..end]` to `out`, which must be empty (an abbreviation's
/// full stop joins the last token).
fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let lex = crate::lexicon::get();
    let span = &text[start..end];
    // ASCII folds a byte at a time, so an ASCII token's folded form is its bytes of the folded
    // span: folded once, rather than token by token.
    let folded_span = span.is_ascii().then(|| fold(span));
    let mut buf = String::new();
    segments(span, |i, piece| {
        let s = start + i;
        let e = s + piece.len();
        // A full stop right after an abbreviation or an initial belongs to it.
        if piece == "." {
            if let Some(prev) = out.last_mut() {
                let p = &text[prev.start..prev.end];
                let initial = p.chars().count() == 1 && p.chars().all(char::is_uppercase);
                if prev.end == s && prev.kind == TokKind::Word && (initial || p.contains('.') || lex.abbreviations.contains(prev.folded.as_str())) {
                    prev.end = e;
                    prev.folded.push('.');
                    return;
                }
            }
        }
        // In ASCII, `char::is_numeric`, `is_alphanumeric` and `is_uppercase` are the ASCII
        // tests: read bytes, not chars.
        let ascii = folded_span.is_some();
        let kind = if ascii {
            let b = piece.as_bytes();
            if b[0].is_ascii_digit() {
                TokKind::Number
            } else if b.iter().any(u8::is_ascii_alphanumeric) {
                TokKind::Word
            } else {
                TokKind::Punct
            }
        } else if piece.chars().next().is_some_and(char::is_numeric) {
            TokKind::Number
        } else if piece.chars().any(char::is_alphanumeric) {
            TokKind::Word
        } else {
            TokKind::Punct
        };
        let folded = match &folded_span {
            Some(f) => CompactString::new(&f[i..i + piece.len()]),
            None => {
                buf.clear();
                fold_into(&mut buf, piece);
                CompactString::new(&buf)
            }
        };
        if kind == TokKind::Word && (folded.ends_with("'s") && folded.len() > 3) {
            // Possessive: "Putin’s" → "Putin" + "’s".
            let cut = e - piece.chars().rev().take(2).map(char::len_utf8).sum::<usize>();
            out.push(make(text, s, cut, kind));
            out.push(make(text, cut, e, TokKind::Punct));
            return;
        }
        let cap = if ascii { piece.as_bytes()[0].is_ascii_uppercase() } else { is_cap(piece) };
        out.push(Token { start: s, end: e, kind, cap, folded });
    });
}

/// Calls `f` with each UAX #29 word segment of `s` that is not white space, and its offset: the
/// segments of `split_word_bound_indices`, without the white space. ASCII text (most sentences)
/// takes [`ascii_segments`] (unicode-segmentation's general path cost a sixth of the extraction,
/// and even its ASCII word iterator a tenth of it).
fn segments(s: &str, mut f: impl FnMut(usize, &str)) {
    if !s.is_ascii() {
        for (i, piece) in s.split_word_bound_indices() {
            if !piece.chars().all(char::is_whitespace) {
                f(i, piece);
            }
        }
        return;
    }
    ascii_segments(s, f);
}

/// [`segments`] of ASCII text: the UAX #29 word boundary rules that can apply to ASCII, checked
/// against unicode-segmentation by the tests (every string of up to four bytes from the classes
/// below, and random longer ones):
/// - letters, digits and '_' (ALetter, Numeric, ExtendNumLet) all hold together (WB5, WB8–WB10,
///   WB13a, WB13b);
/// - ':' (MidLetter), '.' (MidNumLet) and '\'' (Single_Quote) hold between two letters (WB6, WB7);
/// - ',' and ';' (MidNum), '.' and '\'' hold between two digits (WB11, WB12);
/// - anything else is a segment of its own (WB999), but for runs of spaces (WB3d) and CR LF
///   (WB3), which are white space and never reported anyway.
fn ascii_segments(s: &str, mut f: impl FnMut(usize, &str)) {
    let b = s.as_bytes();
    // Letters, digits and '_', as a table: one load a byte rather than four range tests.
    const WORD: [bool; 256] = {
        let mut t = [false; 256];
        let mut c = 0;
        while c < 256 {
            t[c] = (c as u8).is_ascii_alphanumeric() || c == b'_' as usize;
            c += 1;
        }
        t
    };
    let word = |c: u8| WORD[c as usize];
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if !word(c) {
            // White space as `char::is_whitespace` has it in ASCII: \t \n \x0b \x0c \r and space.
            if !matches!(c, b'\t'..=b'\r' | b' ') {
                f(i, &s[i..i + 1]);
            }
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            while j < b.len() && word(b[j]) {
                j += 1;
            }
            // A middle mark between two letters or two digits joins them.
            if j + 1 < b.len() {
                let (prev, mid, next) = (b[j - 1], b[j], b[j + 1]);
                let joins = if prev.is_ascii_alphabetic() {
                    next.is_ascii_alphabetic() && matches!(mid, b':' | b'.' | b'\'')
                } else {
                    prev.is_ascii_digit() && next.is_ascii_digit() && matches!(mid, b',' | b';' | b'.' | b'\'')
                };
                if joins {
                    j += 2;
                    continue;
                }
            }
            break;
        }
        f(i, &s[i..j]);
        i = j;
    }
}

fn make(text: &str, s: usize, e: usize, kind: TokKind) -> Token {
    let piece = &text[s..e];
    Token { start: s, end: e, kind, folded: CompactString::new(fold(piece)), cap: is_cap(piece) }
}

fn is_cap(piece: &str) -> bool {
    piece.chars().next().is_some_and(char::is_uppercase)
}

/// The index of the first byte at or after `from` for which `hit` holds. Most bytes of a text are
/// not the ones looked for, so it first tests 16 bytes at a time without branching, which the
/// compiler turns into vector instructions when `hit` has no branch either (`&` and `|`, not
/// `&&` and `||`): 2–3 instructions a byte instead of ~13. (Not the `memchr` crate: its
/// searches take at most three bytes, and the callers look for up to five, or for ranges.)
pub(crate) fn find_byte(bytes: &[u8], from: usize, hit: impl Fn(u8) -> bool) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 16).and_then(|c| <&[u8; 16]>::try_from(c).ok()) {
        if chunk.map(|b| u8::from(hit(b))) != [0; 16] {
            break;
        }
        i += 16;
    }
    bytes[i..].iter().position(|&b| hit(b)).map(|p| i + p)
}

/// The first `n` characters of `s`, with "…" when something was cut.
pub fn clip(s: &str, n: usize) -> String {
    // Sliced at the (n+1)-th character and copied once, not collected a character at a time (a
    // fact's summary is clipped to 240). At most `n` bytes are at most `n` characters.
    let cut = if s.len() <= n { None } else { s.char_indices().nth(n).map(|(i, _)| i) };
    match cut {
        Some(i) => {
            let mut out = String::with_capacity(i + '…'.len_utf8());
            out.push_str(&s[..i]);
            out.push('…');
            out
        }
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len()).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn folds_case_diacritics_and_apostrophes() {
        assert_eq!(fold("Erdoğan’s"), "erdogan's");
        assert_eq!(fold("O`Neil"), "o'neil");
        // fold_into appends what fold returns, after what the buffer holds.
        for w in ["O`Neil-ÉLISE", "KYIV", "Erdoğan’s"] {
            let mut out = String::from("x|");
            fold_into(&mut out, w);
            assert_eq!(out, format!("x|{}", fold(w)));
        }
        assert_eq!(fold("KYIV"), "kyiv");
        assert_eq!(fold("Dolmabahçe"), "dolmabahce");
        assert_eq!(fold("cease‐fire"), "cease-fire");
    }

    /// `fold_into` decomposes a character at a time; the whole-string NFD it replaced also
    /// reorders combining marks, which must not matter: every code point, and marks in both
    /// orders after a letter, fold as they did through `nfd()`.
    #[test]
    fn fold_matches_nfd() {
        use unicode_normalization::UnicodeNormalization;
        let by_nfd = |s: &str| -> String {
            let mut out = String::new();
            for c in s.nfd().filter(|&c| !is_combining_mark(c)) {
                match c {
                    '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
                    '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
                    c if c.is_uppercase() => out.extend(c.to_lowercase()),
                    c => out.push(c),
                }
            }
            out
        };
        let mut s = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            s.clear();
            s.push('é');
            s.push(c);
            s.push('\u{0301}');
            s.push(c);
            assert_eq!(fold(&s), by_nfd(&s), "U+{:04X}", c as u32);
        }
        for s in ["A\u{0323}\u{0302}x", "A\u{0302}\u{0323}x", "Ệ\u{0316}ǅ", "한국어 ﬁ ①"] {
            assert_eq!(fold(s), by_nfd(s), "{s}");
        }
    }

    #[test]
    fn tokens_keep_abbreviations_and_split_possessives() {
        let cases: &[(&str, &[&str])] = &[
            ("The U.S. President", &["The", "U.S.", "President"]),
            ("retired Lt. Gen. Keith Kellogg", &["retired", "Lt.", "Gen.", "Keith", "Kellogg"]),
            ("Putin’s response", &["Putin", "’s", "response"]),
            ("1,000 POWs.", &["1,000", "POWs", "."]),
            ("J. K. Rowling", &["J.", "K.", "Rowling"]),
            ("30-day ceasefire", &["30", "-", "day", "ceasefire"]),
            ("talks end.", &["talks", "end", "."]),
        ];
        for (input, want) in cases {
            assert_eq!(&toks(input), want, "{input}");
        }
    }

    /// The segments of unicode-segmentation, without the white space.
    fn general_segments(s: &str) -> Vec<(usize, String)> {
        s.split_word_bound_indices().filter(|(_, w)| !w.chars().all(char::is_whitespace)).map(|(i, w)| (i, w.to_string())).collect()
    }

    /// Every string of up to four bytes over one byte of each ASCII word-boundary class (and
    /// every ASCII byte alone and between letters and digits) segments as unicode-segmentation
    /// has it.
    #[test]
    fn ascii_segments_match_unicode_segmentation_exhaustively() {
        let alphabet = b"aZ09_:.',;\" \t\n\r\x0b\x0c!-";
        let mut strings: Vec<Vec<u8>> = vec![Vec::new()];
        let mut all = Vec::new();
        for _ in 0..4 {
            strings = strings.iter().flat_map(|s| alphabet.iter().map(move |&c| [s.as_slice(), &[c]].concat())).collect();
            all.extend(strings.iter().cloned());
        }
        for c in 0..128u8 {
            for (x, y) in [(b'a', b'b'), (b'1', b'2'), (b'a', b'1'), (b'1', b'a'), (b'_', b'_'), (b' ', b' ')] {
                all.push(vec![c]);
                all.push(vec![x, c, y]);
                all.push(vec![x, c, c, y]);
            }
        }
        for s in all {
            let s = String::from_utf8(s).unwrap();
            let mut got = Vec::new();
            ascii_segments(&s, |i, w| got.push((i, w.to_string())));
            assert_eq!(got, general_segments(&s), "{s:?}");
        }
    }

    proptest::proptest! {
        /// The ASCII path of `segments` gives the segments of the general one.
        #[test]
        fn ascii_segments_are_the_general_ones_on_any_ascii(s in "[\\x00-\\x7f]{0,60}") {
            let mut got = Vec::new();
            segments(&s, |i, w| got.push((i, w.to_string())));
            proptest::prop_assert_eq!(got, general_segments(&s));
        }

        /// The ASCII path of `segments` gives the segments of the general one.
        #[test]
        fn ascii_segments_are_the_general_ones(s in "[ab1_.,;:'\"!? \t\n\r\x0b\x0c-]{0,40}") {
            let mut got = Vec::new();
            segments(&s, |i, w| got.push((i, w.to_string())));
            let want: Vec<(usize, String)> =
                s.split_word_bound_indices().filter(|(_, w)| !w.chars().all(char::is_whitespace)).map(|(i, w)| (i, w.to_string())).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn find_byte_finds_the_first_hit() {
        let text: Vec<u8> = (0..100u8).map(|i| if i % 37 == 5 { b'"' } else { b'a' + i % 26 }).collect();
        for from in 0..=text.len() {
            let want = text[from..].iter().position(|&b| b == b'"').map(|p| from + p);
            assert_eq!(find_byte(&text, from, |b| b == b'"'), want, "{from}");
        }
    }

    #[test]
    fn token_kinds() {
        let s = "In 2022, “Russia” said";
        let t = tokenize(s, 0, s.len());
        let kinds: Vec<TokKind> = t.iter().map(|t| t.kind).collect();
        use TokKind::*;
        assert_eq!(kinds, [Word, Number, Punct, Punct, Word, Punct, Word]);
        assert!(t[4].cap && !t[6].cap);
    }
}
