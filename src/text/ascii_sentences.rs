//! UAX #29 sentence boundaries of ASCII text: the same pieces as unicode-segmentation's
//! `split_sentence_bound_indices`, several times cheaper.
//!
//! Why: the crate looks every character up in its Unicode tables (a binary search) and copies its
//! state per character; that was ~8 % of all the engine's instructions, though almost all news
//! lines are ASCII or nearly. This is the crate's forward state machine (`sentence.rs`, version
//! 1.13) restricted to ASCII, with the Sentence_Break property of the 128 ASCII characters as a
//! table. A line with other characters is run through it too when they are all of news
//! typography (curly quotes, dashes, no-break spaces, accented Latin letters): each is written
//! as ASCII of the same Sentence_Break value ([`pieces_with_stand_ins`]). [`super::segment`]
//! uses the crate for every other line. The tests check it against the crate on every ASCII
//! character and every stand-in in many contexts, on random strings, and on the seed articles.
//!
//! Cost: linear in the line, except rule SB8's look-ahead after a full stop (as in the crate).

/// Sentence_Break values that occur in ASCII (none is Sep, OLetter, Extend or Format).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    CR,
    LF,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Other,
}

/// The Sentence_Break property of an ASCII byte (SentenceBreakProperty.txt).
const fn cat_of(b: u8) -> Cat {
    match b {
        b'\r' => Cat::CR,
        b'\n' => Cat::LF,
        b'\t' | 0x0B | 0x0C | b' ' => Cat::Sp,
        b'a'..=b'z' => Cat::Lower,
        b'A'..=b'Z' => Cat::Upper,
        b'0'..=b'9' => Cat::Numeric,
        b'.' => Cat::ATerm,
        b'!' | b'?' => Cat::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Cat::Close,
        b',' | b'-' | b':' | b';' => Cat::SContinue,
        _ => Cat::Other,
    }
}

/// [`cat_of`] of every ASCII byte, looked up once per character.
const CATS: [Cat; 128] = {
    let mut t = [Cat::Other; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = cat_of(b as u8);
        b += 1;
    }
    t
};

fn cat(b: u8) -> Cat {
    CATS[usize::from(b & 0x7F)]
}

// The parts of the state: what the last characters were, runs of Close and of Sp collapsed (the
// crate's `StatePart` without Sep, which ASCII lacks, and Eot, which only stops the crate's
// iterator from breaking at the end twice).
const SOT: u32 = 0;
const OTHER: u32 = 1;
const CR: u32 = 2;
const LF: u32 = 3;
const ATERM: u32 = 4;
const UPPER_LOWER: u32 = 5;
const CLOSE_PLUS: u32 = 6;
const SP_PLUS: u32 = 7;
const STERM: u32 = 8;

/// The last four parts, one a byte, the newest in the low byte: part `k` back is [`slot`]`(s, k)`.
type State = u32;

fn slot(s: State, k: u32) -> u32 {
    (s >> (8 * k)) & 0xFF
}

fn advance(s: State, c: Cat) -> State {
    let part = match c {
        Cat::CR => CR,
        Cat::LF => LF,
        Cat::ATerm => ATERM,
        Cat::Upper | Cat::Lower => UPPER_LOWER,
        Cat::Close => CLOSE_PLUS,
        Cat::Sp => SP_PLUS,
        Cat::STerm => STERM,
        _ => OTHER,
    };
    if (part == CLOSE_PLUS || part == SP_PLUS) && slot(s, 0) == part {
        s
    } else {
        (s << 8) | part
    }
}

fn is_saterm(part: u32) -> bool {
    part == ATERM || part == STERM
}

/// Where SATerm must be for "SATerm Close* Sp*" (the newest Sp run, then Close run, skipped).
fn before_close_sp(s: State) -> u32 {
    let mut k = if slot(s, 0) == SP_PLUS { 1 } else { 0 };
    if slot(s, k) == CLOSE_PLUS {
        k += 1;
    }
    slot(s, k)
}

/// SB8: ATerm Close* Sp* × ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower
fn sb8(s: State, ahead: &[u8]) -> bool {
    if before_close_sp(s) == ATERM {
        for &b in ahead {
            match cat(b) {
                Cat::Lower => return true,
                Cat::Upper | Cat::CR | Cat::LF | Cat::STerm | Cat::ATerm => return false,
                _ => continue,
            }
        }
    }
    false
}

/// SATerm Close* Sp* (SB8a, SB10)
fn sb8a(s: State) -> bool {
    is_saterm(before_close_sp(s))
}

/// SATerm Close* (SB9)
fn sb9(s: State) -> bool {
    is_saterm(slot(s, if slot(s, 0) == CLOSE_PLUS { 1 } else { 0 }))
}

/// SATerm Close* Sp* ParaSep? (SB11)
fn sb11(s: State) -> bool {
    let mut k = if matches!(slot(s, 0), CR | LF) { 1 } else { 0 };
    if slot(s, k) == SP_PLUS {
        k += 1;
    }
    if slot(s, k) == CLOSE_PLUS {
        k += 1;
    }
    is_saterm(slot(s, k))
}

/// SB6–SB10: no break before a character of category `c` (the first byte of `ahead`) in state
/// `s`.
fn keeps_going(s: State, c: Cat, ahead: &[u8]) -> bool {
    let last = slot(s, 0);
    (c == Cat::Numeric && last == ATERM) // SB6
        || (c == Cat::Upper && last == ATERM && slot(s, 1) == UPPER_LOWER) // SB7
        || sb8(s, ahead) // SB8
        || (matches!(c, Cat::SContinue | Cat::STerm | Cat::ATerm) && sb8a(s)) // SB8a
        || (matches!(c, Cat::Close | Cat::Sp | Cat::CR | Cat::LF) && sb9(s)) // SB9
        || (matches!(c, Cat::Sp | Cat::CR | Cat::LF) && sb8a(s)) // SB10
}

/// Appends the sentence pieces of the ASCII string `s` as byte ranges `(start, end)` into it:
/// what `s.split_sentence_bound_indices()` gives as `(start, piece)`.
pub fn pieces(s: &[u8], out: &mut Vec<(usize, usize)>) {
    debug_assert!(s.is_ascii());
    let mut state: State = 0; // [Sot; 4]
    let mut start: Option<usize> = None;
    let mut pos = 0;
    while let Some(&byte) = s.get(pos) {
        let before = state;
        let c = cat(byte);
        state = advance(state, c);
        let last = slot(before, 0);
        let brk = match last {
            SOT => true,        // SB1
            CR => c != Cat::LF, // SB3, SB4
            LF => true,         // SB4
            // SB11 needs SATerm Close* Sp* ParaSep? before: not after a letter or any other
            // character (most bytes), so nothing more to check.
            OTHER | UPPER_LOWER => false,
            // SB11, unless one of SB6–SB10 (which all keep the sentence going) applies first.
            _ => sb11(before) && !keeps_going(before, c, &s[pos..]),
        };
        if brk {
            if let Some(a) = start {
                out.push((a, pos));
            }
            start = Some(pos);
        }
        pos += 1;
        // After a letter or other plain byte, SB11 cannot apply before the next SATerm or line
        // break (Close and Sp runs lead back to that byte, not to an SATerm): skip to it, with
        // the state it would have there.
        if matches!(slot(state, 0), OTHER | UPPER_LOWER) {
            let next = super::find_byte(s, pos, |b| (b == b'.') | (b == b'!') | (b == b'?') | (b == b'\r') | (b == b'\n')).unwrap_or(s.len());
            // A plain byte always adds a part, whatever came before; from the fourth plain byte
            // before `next` on, at least four parts are added, which is all the state holds: the
            // state there does not depend on what came before, so the bytes before need no look.
            let mut from = next;
            let mut plain = 0;
            while from > pos && plain < 4 {
                from -= 1;
                plain += usize::from(!matches!(cat(s[from]), Cat::Sp | Cat::Close));
            }
            if plain == 4 {
                state = OTHER;
            }
            for &b in &s[from..next] {
                state = advance(state, cat(b));
            }
            pos = next;
        }
    }
    // SB2 (the crate's Eot part only stops it from breaking there twice)
    if let (Some(a), true) = (start, slot(state, 0) != SOT) {
        out.push((a, s.len()));
    }
}

/// The ASCII stand-in of a non-ASCII character with the same Sentence_Break value, for those
/// of news typography (curly quotes, dashes, no-break spaces, signs, accented Latin letters);
/// `None` for any other, which leaves its line to the crate. The tests check every one against
/// the crate.
fn stand_in(c: char) -> Option<u8> {
    Some(match c {
        // Close: quotation marks and guillemets.
        '\u{2018}'..='\u{201F}' | '\u{AB}' | '\u{BB}' | '\u{2039}' | '\u{203A}' => b'"',
        // Sp: no-break and typographic spaces.
        '\u{A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => b' ',
        // SContinue: en and em dashes.
        '\u{2013}' | '\u{2014}' => b',',
        // Other: signs and symbols.
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2015}' | '\u{2022}' | '\u{2026}' | '\u{2032}' | '\u{2033}' | '\u{20AC}' | '\u{2122}' | '\u{A3}' | '\u{A5}'
        | '\u{A7}' | '\u{A9}' | '\u{AE}' | '\u{B0}' | '\u{B1}' | '\u{B4}' | '\u{B7}' | '\u{D7}' | '\u{F7}' => b'#',
        // Lower and Upper: Latin letters with diacritics (titlecase ones, such as U+01C5, are
        // neither: left to the crate).
        '\u{C0}'..='\u{24F}' if c.is_lowercase() => b'a',
        '\u{C0}'..='\u{24F}' if c.is_uppercase() => b'A',
        _ => return None,
    })
}

/// The sentence pieces of a line that is not all ASCII, as the crate gives them, through
/// [`pieces`], when every character of it has a [`stand_in`]; `false` (and nothing appended)
/// otherwise. Each non-ASCII character is written as as many copies of its stand-in as it has
/// bytes, into `shadow`, so that offsets are kept. The machine decides alike on the copies:
/// runs of Close and of Sp are one part of its state anyway; after a letter, a dash or a sign
/// (its first copy) nothing breaks, and the copies that follow add parts that, like the first,
/// stop every rule's look back; and no break falls between copies (the tests check all of it
/// against the crate).
pub fn pieces_with_stand_ins(line: &str, shadow: &mut Vec<u8>, out: &mut Vec<(usize, usize)>) -> bool {
    shadow.clear();
    for c in line.chars() {
        let b = if c.is_ascii() { c as u8 } else { match stand_in(c) { Some(b) => b, None => return false } };
        shadow.extend(std::iter::repeat(b).take(c.len_utf8()));
    }
    pieces(shadow, out);
    true
}

#[cfg(test)]
mod tests {
    use unicode_segmentation::UnicodeSegmentation;

    fn crate_pieces(s: &str) -> Vec<(usize, usize)> {
        s.split_sentence_bound_indices().map(|(i, p)| (i, i + p.len())).collect()
    }

    fn ours(s: &str) -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        super::pieces(s.as_bytes(), &mut v);
        v
    }

    #[test]
    fn every_ascii_character_in_context_as_the_crate() {
        let templates = [
            "{}", "a. {}", "a.{}", "1.{}", "a.{}b", "a.{}B", "a. {}b", "a{}b", "{}\n", "{}\r\n", "\r{}", "a.{} b", "a.{}{}b", "a!{}b",
            "a! {}B", "A.{}.b", "a.){}b", "a. ){}b", "x{}. y", "U.S.{}Gov", "{}.{}", "a.{}\n", "a?{} ", "Hi.{}{}{}There. yes",
        ];
        for c in 0u8..128 {
            for d in [b'a', b'A', b'.', b' ', b'"', b'\n', b'1', b',', b'#', c] {
                for t in templates {
                    let mut s = String::new();
                    let mut k = 0;
                    for (i, part) in t.split("{}").enumerate() {
                        if i > 0 {
                            s.push(if k % 2 == 0 { c as char } else { d as char });
                            k += 1;
                        }
                        s.push_str(part);
                    }
                    assert_eq!(ours(&s), crate_pieces(&s), "{s:?}");
                }
            }
        }
    }

    /// `count` pseudo-random strings (xorshift from `seed`) of up to `max_len - 1` characters of
    /// `alphabet`, each character picked with `mix`.
    fn random_strings(alphabet: &[char], count: usize, max_len: u64, seed: u64, mix: u64) -> impl Iterator<Item = String> + '_ {
        let mut x = seed;
        (0..count).map(move |_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (0..(x % max_len) as usize).map(|i| alphabet[((x.rotate_left(i as u32 * 5) ^ (i as u64).wrapping_mul(mix)) % alphabet.len() as u64) as usize]).collect()
        })
    }

    #[test]
    fn random_strings_as_the_crate() {
        // Every Sentence_Break category of ASCII, and runs of them.
        let alphabet: Vec<char> = "aaaaxyzAAAXYZ0019....!!??  \t\r\n\n\"\"''()[],,;:--#$%&*/@_~\x0b\x0c\x00\x7f".chars().collect();
        for s in random_strings(&alphabet, 200_000, 24, 0x2545_F491_4F6C_DD1D, 0x9E37_79B9_7F4A_7C15) {
            assert_eq!(ours(&s), crate_pieces(&s), "{s:?}");
        }
    }

    fn with_stand_ins(s: &str) -> Option<Vec<(usize, usize)>> {
        let (mut shadow, mut v) = (Vec::new(), Vec::new());
        super::pieces_with_stand_ins(s, &mut shadow, &mut v).then_some(v)
    }

    /// Every character with a stand-in, in the contexts of the ASCII test and next to the
    /// characters whose neighbours matter most; and characters without one are refused.
    #[test]
    fn every_stand_in_in_context_as_the_crate() {
        let templates = [
            "{}", "a. {}", "a.{}", "a.{}b", "a.{}B", "a. {}b", "a{}b", "{}\n", "a.{} b", "a.{}{}b", "a!{}b", "a! {}B", "A.{}.b", "a.){}b",
            "x{}. y", "U.S.{}Gov", "{}.{}", "a?{} ", "Hi.{}{}{}There. yes", "end.{} Next", "end. {}Next", "end.{}{} next", "He said.{}\u{201D} Then",
        ];
        let supported: Vec<char> = ('\u{80}'..='\u{2FFF}').filter(|&c| super::stand_in(c).is_some()).collect();
        assert!(supported.len() > 300, "{}", supported.len());
        for &c in &supported {
            for d in ['a', 'A', '.', ' ', '"', '\n', '1', ',', '#', '\u{2019}', '\u{E9}', '\u{A0}', '\u{2014}', c] {
                for t in templates {
                    let mut s = String::new();
                    for (i, part) in t.split("{}").enumerate() {
                        if i > 0 {
                            s.push(if i % 2 == 1 { c } else { d });
                        }
                        s.push_str(part);
                    }
                    assert_eq!(with_stand_ins(&s), Some(crate_pieces(&s)), "{s:?}");
                }
            }
        }
        for c in ['\u{85}', '\u{AD}', '\u{300}', '\u{1C5}', '\u{2028}', '\u{3002}', '\u{4E00}', '\u{FF0E}'] {
            assert_eq!(with_stand_ins(&format!("a. {c}b")), None, "{c:?}");
        }
    }

    #[test]
    fn random_strings_with_stand_ins_as_the_crate() {
        let alphabet: Vec<char> = "aaxyzAAXYZ019....!!??  \t\r\n\"'(),;-#\u{2018}\u{2019}\u{201C}\u{201D}\u{AB}\u{BB}\u{A0}\u{2009}\u{2013}\u{2014}\u{2026}\u{20AC}\u{E9}\u{C9}\u{DF}\u{17E}\u{17D}".chars().collect();
        for s in random_strings(&alphabet, 100_000, 20, 0x9E37_79B9_7F4A_7C15, 0x2545_F491_4F6C_DD1D) {
            assert_eq!(with_stand_ins(&s), Some(crate_pieces(&s)), "{s:?}");
        }
    }

    #[test]
    fn news_text_as_the_crate() {
        for t in [
            include_str!("../../data/seeds/000_e8bd50c7991fc38f.txt"),
            include_str!("../../data/seeds/001_f76da1300c43f52b.txt"),
            include_str!("../../data/seeds/003_3ddae123ad0d3eba.txt"),
        ] {
            for line in t.lines() {
                let got = if line.is_ascii() { Some(ours(line)) } else { with_stand_ins(line) };
                assert_eq!(got, Some(crate_pieces(line)), "{line:?}");
            }
        }
    }
}
