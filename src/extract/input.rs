//! Checks of the input itself, before anything is read from it: binary junk, no words, a text
//! that is not English (and which language it seems to be), markup, mojibake, look-alike letters
//! from another script inside names, a run of text with no sentence punctuation, a very short
//! text, and articles that are copies of one another.
//!
//! Each finding is a [`Warning`] with a message meant for the user: it says what was found, what
//! it does to the comparison, and what to do about it. Spans are UTF-8 byte offsets into the
//! article text.

use rustc_hash::FxHashMap as HashMap;

use crate::lexicon;
use crate::report::Warning;
use crate::text::{find_byte, Token, TokKind};

use super::{Doc, Sentence};

/// A sentence with more words than this is most likely text without its punctuation.
pub const LONG_SENTENCE_WORDS: usize = 400;
/// Fewer words than this and there is little to compare.
const SHORT_WORDS: usize = 30;

fn warn(kind: &str, message: String, span: Option<(usize, usize)>) -> Warning {
    Warning { kind: kind.into(), message, start: span.map(|s| s.0), end: span.map(|s| s.1) }
}

/// The warnings about one article's text, in a fixed order. Binary junk silences the others:
/// nothing else said about it would help.
pub fn warnings(text: &str, sentences: &[Sentence]) -> Vec<Warning> {
    if let Some(w) = binary(text) {
        return vec![w];
    }
    let mut out = Vec::new();
    let tags = tag_spans(text);
    let in_tag = |pos: usize| {
        let i = tags.partition_point(|&(_, e)| e <= pos);
        tags.get(i).is_some_and(|&(s, _)| s <= pos)
    };
    let mut words: Vec<&Token> = Vec::with_capacity(sentences.iter().map(|s| s.tokens.len()).sum());
    let mut numbers = 0;
    for t in sentences.iter().flat_map(|s| &s.tokens) {
        if tags.is_empty() || !in_tag(t.start) {
            match t.kind {
                TokKind::Word => words.push(t),
                TokKind::Number => numbers += 1,
                TokKind::Punct => {}
            }
        }
    }
    if words.is_empty() {
        out.push(if numbers > 0 {
            warn("no-words", format!("this article has {numbers} numbers but no words: its numbers are listed, but there is nothing to match facts, names or quotes on"), None)
        } else {
            warn("no-words", "this article has no words or numbers, only punctuation, symbols or emoji: there is nothing in it to compare".into(), None)
        });
    }
    let letters = Letters::count(text, &tags);
    if let Some(w) = not_english(&letters, &words) {
        out.push(w);
    }
    if tags.len() >= 5 && text.contains("</") {
        out.push(warn("markup", "this text looks like HTML or XML markup: paste the article text, or drop the .html file so the page can clean it".into(), None));
    }
    if let Some(w) = mojibake(text) {
        out.push(w);
    }
    // A word mixing scripts has a Cyrillic or Greek letter, counted in `letters` (which counts
    // every letter outside tags, where all of `words` are): most texts have none, and their
    // words need not be looked at.
    let look_alikes = letters.by_script.contains_key(&Script::Cyrillic) || letters.by_script.contains_key(&Script::Greek);
    if let Some(w) = look_alikes.then(|| mixed_script(text, &words)).flatten() {
        out.push(w);
    }
    if let Some(w) = long_sentence(sentences).filter(|_| !words.is_empty()) {
        out.push(w);
    }
    if !words.is_empty() && words.len() < SHORT_WORDS {
        out.push(warn("short", "this article is very short: there is little to compare".into(), None));
    }
    out
}

/// Control characters and U+FFFD (what undecodable bytes become) in a text: binary data.
fn binary(text: &str) -> Option<Warning> {
    // Fast path for ordinary text: no C0 control but layout ones, no DEL, and no byte that can
    // start a C1 control (0xC2) or U+FFFD (0xEF).
    let suspect = |b: u8| ((b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0C)) | (b == 0x7F) | (b == 0xC2) | (b == 0xEF);
    find_byte(text.as_bytes(), 0, suspect)?;
    let (mut odd, mut total) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}')) {
            odd += 1;
        }
    }
    // 2%: a stray control character or two in real text is not junk.
    (odd >= 8 && odd * 50 >= total).then(|| {
        warn(
            "binary",
            format!(
                "this looks like binary data, not text: {odd} of {total} characters are control codes or bytes that are not valid text (shown as \u{FFFD}); paste the article's text instead, copied from a program that shows it as text"
            ),
            None,
        )
    })
}

/// Byte spans `[start, end)` of things that look like tags (`<p>`, `</div>`, `<!-- -->`), sorted.
fn tag_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(off) = text[i..].find('<') {
        let s = i + off;
        let next = bytes.get(s + 1).copied().unwrap_or(b' ');
        if next.is_ascii_alphabetic() || next == b'/' || next == b'!' {
            if let Some(len) = text[s..].find('>') {
                out.push((s, s + len + 1));
                i = s + len + 1;
                continue;
            }
        }
        i = s + 1;
    }
    out
}

// ------------------------------------------------------------------ scripts and languages

/// The writing systems these checks tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Han,
    Kana,
    Hangul,
    Devanagari,
    Thai,
    Other,
}

/// The script of a letter, by Unicode block; `None` for anything that is not a letter.
///
/// Hand-written rather than the `unicode-script` crate: a dozen block ranges decide one message
/// here, and the crate's full Script tables would grow the wasm for no change in what the user
/// is told.
fn script_of(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    Some(match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x590..=0x5FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x900..=0x97F => Script::Devanagari,
        0xE00..=0xE7F => Script::Thai,
        0x3040..=0x30FF | 0x31F0..=0x31FF => Script::Kana,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF => Script::Han,
        _ => Script::Other,
    })
}

/// A name for the language of a text mostly in `script`, as precise as its letters allow.
fn language_name(script: Script, letters: &HashMap<char, usize>) -> &'static str {
    let has = |set: &str| set.chars().map(|c| letters.get(&c).copied().unwrap_or(0)).sum::<usize>();
    match script {
        Script::Cyrillic => {
            // Letters only Ukrainian has, against letters Ukrainian does not have.
            let (uk, ru) = (has("іїєґІЇЄҐ"), has("ыэъёЫЭЪЁ"));
            if uk > 0 && ru == 0 {
                "Ukrainian"
            } else if ru > 0 && uk == 0 {
                "Russian"
            } else {
                "a language in Cyrillic script (Russian, Ukrainian, …)"
            }
        }
        Script::Arabic => "Arabic script, written right to left (Arabic, Persian, Urdu, …)",
        Script::Hebrew => "Hebrew, written right to left",
        Script::Han if letters.keys().any(|&c| script_of(c) == Some(Script::Kana)) => "Japanese",
        Script::Han => "Chinese",
        Script::Kana => "Japanese",
        Script::Hangul => "Korean",
        Script::Greek => "Greek",
        Script::Devanagari => "a language in Devanagari script (Hindi, …)",
        Script::Thai => "Thai",
        Script::Latin => "another language written in Latin letters",
        Script::Other => "a language in a script other than Latin",
    }
}

/// The letters of a text outside markup tags, by script.
struct Letters {
    /// Letters other than ASCII ones, each with its count (to tell languages of one script
    /// apart).
    others: HashMap<char, usize>,
    /// How many letters each script has; no entry for a script with none.
    by_script: HashMap<Script, usize>,
}

impl Letters {
    fn count(text: &str, tags: &[(usize, usize)]) -> Letters {
        let mut others: HashMap<char, usize> = HashMap::default();
        let mut by_script: HashMap<Script, usize> = HashMap::default();
        // ASCII letters are counted without hashing (most of an English text).
        let mut ascii_letters = 0usize;
        let mut pos = 0;
        for &(s, e) in tags.iter().chain(std::iter::once(&(text.len(), text.len()))) {
            let part = &text[pos..s];
            ascii_letters += count_ascii_letters(part.as_bytes());
            if !part.is_ascii() {
                for c in part.chars().filter(|c| !c.is_ascii()) {
                    if let Some(script) = script_of(c) {
                        *others.entry(c).or_default() += 1;
                        *by_script.entry(script).or_default() += 1;
                    }
                }
            }
            pos = e;
        }
        if ascii_letters > 0 {
            *by_script.entry(Script::Latin).or_default() += ascii_letters;
        }
        Letters { others, by_script }
    }
}

/// How many bytes are ASCII letters. Why not `bytes().filter(..).count()`: that was not
/// vectorised (~5 instructions a byte, on every byte of every article). Here 16 byte counters
/// add up 16 bytes at a time, which the compiler turns into vector additions:
/// - a counter takes at most 255 chunks before it is added to the total, so it cannot overflow;
/// - `is_ascii_alphabetic` without branches: 'A'..='Z' and 'a'..='z' are the bytes that are
///   'a'..='z' with bit 5 set.
fn count_ascii_letters(bytes: &[u8]) -> usize {
    let letter = |b: u8| u8::from((b | 0x20).wrapping_sub(b'a') < 26);
    let mut total = 0usize;
    let mut chunks = bytes.chunks_exact(16);
    loop {
        let mut lanes = [0u8; 16];
        let mut n = 0;
        for chunk in chunks.by_ref().take(255) {
            for (lane, &b) in lanes.iter_mut().zip(chunk) {
                *lane += letter(b);
            }
            n += 1;
        }
        total += lanes.iter().map(|&l| usize::from(l)).sum::<usize>();
        if n < 255 {
            break;
        }
    }
    total + chunks.remainder().iter().map(|&b| usize::from(letter(b))).sum::<usize>()
}

/// Not English: mostly non-Latin letters, or Latin words with too few English stop words.
/// Letters inside markup tags are not counted.
fn not_english(letters: &Letters, words: &[&Token]) -> Option<Warning> {
    let lex = lexicon::get();
    let by_script = &letters.by_script;
    let total: usize = by_script.values().sum();
    let latin = by_script.get(&Script::Latin).copied().unwrap_or(0);
    // Few stop words: fewer than a fifth of the words (counted only as far as that takes).
    let few_stop_words = || {
        let fifth = words.len().div_ceil(5);
        words.iter().filter(|t| lex.is_stopword(&t.folded)).take(fifth).count() < fifth
    };
    // ... and few known English words: fewer than 40% are stop words or common words. English
    // made of lists (recipes, results tables) has few stop words but its words are English. On the
    // article-html pages in Latin letters with under a fifth of stop words, the English ones had
    // 48-83% of known words, the Portuguese, German, Italian and Indonesian ones 3-27%.
    let few_known_words = || {
        let known = words.iter().filter(|t| lex.is_stopword(&t.folded) || lex.common_words.contains(t.folded.as_str())).count();
        known * 5 < words.len() * 2
    };
    if total < 20 || !(latin * 2 < total || (words.len() >= 15 && few_stop_words() && few_known_words())) {
        return None;
    }
    let script = if latin * 2 >= total {
        Script::Latin
    } else {
        let mut scripts: Vec<(Script, usize)> = by_script.iter().map(|(&s, &n)| (s, n)).filter(|&(s, _)| s != Script::Latin).collect();
        crate::sort::sort_by_key(&mut scripts, |&(s, n)| (std::cmp::Reverse(n), s as u8));
        scripts[0].0
    };
    Some(warn(
        "not-english",
        format!(
            "this text looks like {}, not English. What still works: sentences, numbers written in digits, years, quotations and text reuse between articles. What does not: names, roles, speakers, dates written in words, tone and most fact matching depend on English word lists and will miss most of it",
            language_name(script, &letters.others)
        ),
        None,
    ))
}

/// Words that mix Latin letters with look-alike Cyrillic or Greek ones ("Zеlеnsky" with a
/// Cyrillic "е"): a name spelled so does not match its usual spelling.
fn mixed_script(text: &str, words: &[&Token]) -> Option<Warning> {
    let mut count = 0;
    let mut first: Option<(usize, usize, Vec<char>)> = None;
    for t in words {
        let word = &text[t.start..t.end];
        if word.is_ascii() {
            continue; // one script only
        }
        let scripts: Vec<Script> = word.chars().filter_map(script_of).collect();
        let latin = scripts.iter().filter(|&&s| s == Script::Latin).count();
        let other = scripts.iter().filter(|&&s| matches!(s, Script::Cyrillic | Script::Greek)).count();
        if latin == 0 || other == 0 {
            continue;
        }
        count += 1;
        if first.is_none() {
            // The odd letters are those of the word's minority script.
            let minority_latin = latin < other;
            let mut odd: Vec<char> = word.chars().filter(|&c| (script_of(c) == Some(Script::Latin)) == minority_latin && script_of(c).is_some()).collect();
            odd.dedup();
            first = Some((t.start, t.end, odd));
        }
    }
    let (start, end, odd) = first?;
    let letters: Vec<String> = odd
        .iter()
        .take(3)
        .map(|&c| {
            let script = match script_of(c) {
                Some(Script::Cyrillic) => "Cyrillic",
                Some(Script::Greek) => "Greek",
                _ => "Latin",
            };
            format!("{script} \"{c}\" (U+{:04X})", c as u32)
        })
        .collect();
    let words = if count == 1 { "1 word mixes".to_string() } else { format!("{count} words mix") };
    Some(warn(
        "mixed-script",
        format!(
            "{words} Latin letters with look-alike letters of another script, e.g. \"{}\" has {}: names spelled this way do not match their usual spelling in other articles",
            &text[start..end],
            letters.join(", ")
        ),
        Some((start, end)),
    ))
}

/// The byte Windows-1252 gives this character (as browsers decode it), for bytes 0x80–0xFF.
fn cp1252_byte(c: char) -> Option<u8> {
    const HIGH: [(char, u8); 27] = [
        ('€', 0x80), ('‚', 0x82), ('ƒ', 0x83), ('„', 0x84), ('…', 0x85), ('†', 0x86), ('‡', 0x87),
        ('ˆ', 0x88), ('‰', 0x89), ('Š', 0x8A), ('‹', 0x8B), ('Œ', 0x8C), ('Ž', 0x8E), ('‘', 0x91),
        ('’', 0x92), ('“', 0x93), ('”', 0x94), ('•', 0x95), ('–', 0x96), ('—', 0x97), ('˜', 0x98),
        ('™', 0x99), ('š', 0x9A), ('›', 0x9B), ('œ', 0x9C), ('ž', 0x9E), ('Ÿ', 0x9F),
    ];
    match c as u32 {
        // Latin-1, and the C1 controls that cp1252's five unassigned bytes decode to.
        u @ 0x80..=0xFF => Some(u as u8),
        _ => HIGH.iter().find(|(h, _)| *h == c).map(|&(_, b)| b),
    }
}

/// Mojibake sequences: characters whose Windows-1252 bytes form one valid multi-byte UTF-8
/// character ("â€™" is the bytes of "’"). Byte spans with the character they should be.
///
/// Hand-written (the Python `ftfy` does this and much more; no Rust crate of its standing
/// exists): this only detects the commonest case, UTF-8 read as Windows-1252, to warn.
fn mojibake_sequences(text: &str) -> Vec<(usize, usize, char)> {
    let mut out = Vec::new();
    // Every sequence starts with a character in U+00C2..U+00F4 ("Â".."ô"), all encoded with a
    // 0xC3 lead byte: only those places are looked at (most texts have none).
    let bytes = text.as_bytes();
    let mut pos = 0;
    while let Some(start) = find_byte(bytes, pos, |b| b == 0xC3) {
        let mut chars = text[start..].chars();
        let Some(lead) = chars.next() else { break };
        pos = start + lead.len_utf8();
        // The lead byte: cp1252_byte maps U+00C2..U+00F4 to themselves and nothing else there, so
        // the character itself says (without the table search cp1252_byte makes for the others).
        let need = match lead as u32 {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            0xF0..=0xF4 => 3,
            _ => continue,
        };
        let mut seq = [lead as u8, 0, 0, 0];
        if !seq[1..=need].iter_mut().all(|b| chars.next().and_then(cp1252_byte).map(|x| *b = x).is_some()) {
            continue;
        }
        if let Some(c) = std::str::from_utf8(&seq[..=need]).ok().and_then(|s| s.chars().next()) {
            let end = text.len() - chars.as_str().len();
            out.push((start, end, c));
            pos = end;
        }
    }
    out
}

/// The text with every mojibake sequence replaced by the character it should be.
pub fn repair_mojibake(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (s, e, c) in mojibake_sequences(text) {
        out.push_str(&text[pos..s]);
        out.push(c);
        pos = e;
    }
    out.push_str(&text[pos..]);
    out
}

fn mojibake(text: &str) -> Option<Warning> {
    let seqs = mojibake_sequences(text);
    let &(s, e, _) = seqs.first()?;
    // Show the word around the first one, as written and as it should read.
    let start = text[..s].rfind(char::is_whitespace).map_or(0, |p| p + text[p..].chars().next().map_or(1, char::len_utf8));
    let end = text[e..].find(char::is_whitespace).map_or(text.len(), |p| e + p);
    let (start, end) = if end - start > 60 { (s, e) } else { (start, end) };
    let word = &text[start..end];
    let places = if seqs.len() == 1 { "1 place".to_string() } else { format!("{} places", seqs.len()) };
    Some(warn(
        "encoding",
        format!(
            "this text seems to have been through the wrong character set (UTF-8 read as Windows-1252): \"{word}\" should read \"{}\" ({places}); names and quotes around them will be misread, so copy the text again from its source",
            repair_mojibake(word)
        ),
        Some((start, end)),
    ))
}

/// A sentence far longer than any real one: text that lost its punctuation.
fn long_sentence(sentences: &[Sentence]) -> Option<Warning> {
    let count = |s: &Sentence| s.tokens.iter().filter(|t| t.kind != TokKind::Punct).count();
    let (n, s) = sentences.iter().map(|s| (count(s), s)).max_by_key(|&(n, s)| (n, std::cmp::Reverse(s.start)))?;
    (n > LONG_SENTENCE_WORDS).then(|| {
        warn(
            "long-sentence",
            format!(
                "a passage of {n} words has no sentence punctuation, so it is read as one sentence: facts, quotes and numbers are matched sentence by sentence and will be poor here; paste the text with its full stops"
            ),
            Some((s.start, s.end)),
        )
    })
}

// ------------------------------------------------------------------ across articles

/// Warns on every article whose text is the same as an earlier one's (white space aside): a
/// copy is not an independent source. The one check here that looks at several articles, as it
/// is about the input rather than the story.
pub fn warn_copies(docs: &mut [Doc]) {
    let key = |d: &Doc| {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        for w in d.text.split_whitespace() {
            w.hash(&mut h);
        }
        h.finish()
    };
    let same = |a: &Doc, b: &Doc| a.text.split_whitespace().eq(b.text.split_whitespace());
    let mut firsts: HashMap<u64, Vec<usize>> = HashMap::default();
    let mut copy_of: Vec<Option<usize>> = vec![None; docs.len()];
    for i in 0..docs.len() {
        let slot = firsts.entry(key(&docs[i])).or_default();
        match slot.iter().copied().find(|&j| same(&docs[j], &docs[i])) {
            Some(j) => copy_of[i] = Some(j),
            None => slot.push(i),
        }
    }
    let copies = copy_of.iter().flatten().count();
    if copies == 0 {
        return;
    }
    let total = docs.len();
    for i in 0..total {
        if let Some(j) = copy_of[i] {
            let original = docs[j].id.clone();
            let all = if copies == 1 { String::new() } else { format!(" ({copies} of the {total} articles are copies of another one)") };
            docs[i].warnings.push(warn(
                "identical",
                format!("this article has the same text as \"{original}\"{all}: a copy is not an independent source, so it adds no confirmation"),
                None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::analyze;
    use crate::Article;

    fn found(text: &str) -> Vec<Warning> {
        analyze(&Article::new("a", text)).warnings
    }

    fn kinds(text: &str) -> Vec<String> {
        found(text).into_iter().map(|w| w.kind).collect()
    }

    fn message(text: &str, kind: &str) -> String {
        found(text).into_iter().find(|w| w.kind == kind).unwrap_or_else(|| panic!("no {kind} warning for {text:?}")).message
    }

    const ENGLISH: &str = "The talks in Istanbul ended after less than two hours, and both sides agreed to exchange prisoners. ";

    #[test]
    fn english_news_gets_no_warning() {
        assert!(kinds(&ENGLISH.repeat(3)).is_empty(), "{:?}", kinds(&ENGLISH.repeat(3)));
        // Curly quotes, dashes and accented names are not mojibake or mixed scripts.
        let t = "“We are ready,” said Zelenskyy’s aide — José Müller — in Kyiv on Friday, naïve as it sounds. ".repeat(4);
        assert!(kinds(&t).is_empty(), "{:?}", kinds(&t));
        // A recipe card: few stop words, but English words.
        let recipe = "Asian Chicken Zoodles\nPortion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp.\n1 cup zucchini noodles, 4 oz. cooked chicken, 1 tsp. sesame oil, 1 tsp. soy sauce, fresh ginger, green onions\nEat every 2-3 hours\nDrink 20-30 minutes before your workout\nSlow Cooker Beef Chili, cilantro, green onions, olives, pumpkin seeds\n";
        assert!(kinds(recipe).is_empty(), "{:?}", kinds(recipe));
        // Its twin in Portuguese, as few stop words and few English words, is warned about.
        let receita = "Abobrinha com frango\nPorções: 1 verde, 1 vermelho, 1 amarelo, 1 colher.\n1 xícara abobrinha, 120 g frango cozido, 1 colher óleo gergelim, molho shoyu, gengibre fresco, cebolinha\nComer cada 2-3 horas\nBeber 20-30 minutos antes treino\nChili carne panela lenta, coentro, cebolinha, azeitonas, sementes abóbora\n";
        assert!(kinds(receita).contains(&"not-english".to_string()), "{:?}", kinds(receita));
    }

    #[test]
    fn names_the_language_and_says_what_works() {
        let ru = "Переговоры в Стамбуле завершились менее чем за два часа. Стороны договорились об обмене 1000 военнопленными.";
        let m = message(ru, "not-english");
        assert!(m.starts_with("this text looks like Russian, not English"), "{m}");
        assert!(m.contains("What still works: sentences, numbers written in digits") && m.contains("What does not: names"), "{m}");
        let uk = "Переговори в Стамбулі завершилися менш ніж за дві години. Сторони домовилися про обмін 1000 військовополоненими.";
        assert!(message(uk, "not-english").contains("looks like Ukrainian"));
        let ar = "انتهت المحادثات في إسطنبول بعد أقل من ساعتين. واتفق الجانبان على تبادل 1000 أسير حرب.";
        assert!(message(ar, "not-english").contains("Arabic script, written right to left"));
        let zh = "伊斯坦布尔的谈判在不到两个小时后结束。双方同意交换1000名战俘。乌克兰国防部长率领代表团。";
        assert!(message(zh, "not-english").contains("looks like Chinese"));
        let de = "Die Gespräche in Istanbul endeten nach weniger als zwei Stunden, beide Seiten vereinbarten einen Austausch von Gefangenen und wollen weiter verhandeln.";
        assert!(message(de, "not-english").starts_with("this text looks like another language written in Latin letters, not English"));
    }

    #[test]
    fn markup_is_not_counted_as_language() {
        let html = format!("<html><head><script>alert(1)</script></head><body><iframe src=\"x\"></iframe><svg><circle r=\"5\"/></svg><p>{ENGLISH}</p><p>{ENGLISH}</p></body></html>");
        let k = kinds(&html);
        assert!(k.contains(&"markup".to_string()) && !k.contains(&"not-english".to_string()), "{k:?}");
    }

    #[test]
    fn branch_free_byte_tests_match_the_standard_ones() {
        for b in 0..=255u8 {
            assert_eq!((b | 0x20).wrapping_sub(b'a') < 26, b.is_ascii_alphabetic(), "{b:#x}");
        }
    }

    #[test]
    fn ascii_letters_are_counted_as_the_standard_test_counts_them() {
        let text: Vec<u8> = (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        for n in [0, 1, 15, 16, 17, 255 * 16, 255 * 16 + 3, 256 * 16, 20_000] {
            assert_eq!(count_ascii_letters(&text[..n]), text[..n].iter().filter(|b| b.is_ascii_alphabetic()).count(), "{n}");
        }
    }

    #[test]
    fn binary_junk_gets_one_clear_warning() {
        let junk: String = (0..2000u32).map(|i| char::from_u32((i * 7919) % 0x250).unwrap_or('\u{FFFD}')).collect();
        let w = found(&junk);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].kind, "binary");
        assert!(w[0].message.contains("characters are control codes"), "{}", w[0].message);
        // One stray control character in real text is not junk.
        assert!(!kinds(&format!("{}\u{0}{}", ENGLISH, ENGLISH)).contains(&"binary".to_string()));
    }

    #[test]
    fn numbers_punctuation_and_emoji_only() {
        assert_eq!(message("12 345 6789 2022 17.5 100,000", "no-words"), "this article has 6 numbers but no words: its numbers are listed, but there is nothing to match facts, names or quotes on");
        assert!(message("... !!! ??? --- ;;; (( ))", "no-words").contains("only punctuation, symbols or emoji"));
        assert!(message("🇺🇦🤝🇷🇺 😀😀 🎉🔥💯", "no-words").contains("no words or numbers"));
        // 500 numbers in a row are not "a sentence without punctuation" as well.
        let numbers: Vec<String> = (0..500).map(|i| (i * 37).to_string()).collect();
        assert_eq!(kinds(&numbers.join(" ")), ["no-words"]);
    }

    #[test]
    fn mojibake_is_named_with_its_repair() {
        let t = "Zelenskyâ€™s delegation arrived in Istanbul. â€œWe are ready,â€\u{9d} he said. CafÃ© owners agreed.";
        let w = found(t).into_iter().find(|w| w.kind == "encoding").expect("an encoding warning");
        assert!(w.message.contains("\"Zelenskyâ€™s\" should read \"Zelensky’s\" (4 places)"), "{}", w.message);
        assert_eq!(&t[w.start.unwrap()..w.end.unwrap()], "Zelenskyâ€™s");
        assert_eq!(repair_mojibake(t), "Zelensky’s delegation arrived in Istanbul. “We are ready,” he said. Café owners agreed.");
    }

    #[test]
    fn look_alike_letters_are_named() {
        let t = "Zеlеnsky met Рutin in Istanbul on Friday. Zelensky said the talks were useful.";
        let w = found(t).into_iter().find(|w| w.kind == "mixed-script").expect("a mixed-script warning");
        assert!(w.message.starts_with("2 words mix Latin letters"), "{}", w.message);
        assert!(w.message.contains("\"Zеlеnsky\" has Cyrillic \"е\" (U+0435)"), "{}", w.message);
        assert_eq!(&t[w.start.unwrap()..w.end.unwrap()], "Zеlеnsky");
    }

    #[test]
    fn a_sentence_without_punctuation_is_flagged() {
        let words = ["talks", "in", "istanbul", "ended", "and", "the", "prisoners", "were", "exchanged"];
        let t: String = (0..12_000).map(|i| words[i % words.len()]).collect::<Vec<_>>().join(" ");
        let w = found(&t).into_iter().find(|w| w.kind == "long-sentence").expect("a long-sentence warning");
        assert!(w.message.starts_with("a passage of 12000 words has no sentence punctuation"), "{}", w.message);
        assert!(!kinds(&ENGLISH.repeat(50)).contains(&"long-sentence".to_string()));
    }

    #[test]
    fn copies_are_named() {
        let a = |id: &str, t: &str| analyze(&Article::new(id, t));
        let mut docs = vec![a("A", ENGLISH), a("B", "Something else entirely was said."), a("C", &format!("  {}\n", ENGLISH.replace(' ', "  ")))];
        warn_copies(&mut docs);
        let ids: Vec<&str> = docs.iter().filter(|d| d.warnings.iter().any(|w| w.kind == "identical")).map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["C"]);
        let w = docs[2].warnings.iter().find(|w| w.kind == "identical").unwrap();
        assert_eq!(w.message, "this article has the same text as \"A\": a copy is not an independent source, so it adds no confirmation");
        let mut many: Vec<Doc> = (0..200).map(|i| a(&format!("Article {}", i + 1), ENGLISH)).collect();
        warn_copies(&mut many);
        assert!(many[0].warnings.iter().all(|w| w.kind != "identical"));
        assert!(many[199].warnings.iter().any(|w| w.message.contains("same text as \"Article 1\" (199 of the 200 articles are copies of another one)")));
    }
}
