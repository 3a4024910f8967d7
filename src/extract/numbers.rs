//! Numbers with what they count, as intervals ("less than two hours" → `<2 hour`), and dates.
//!
//! Invariants:
//! - A quantity's span covers its qualifier, the number and the counted words as written.
//! - `counts` is the canonical, stemmed head of the counted phrase (synonyms merged, so "POWs" and
//!   "prisoners of war" count the same thing); empty when the text does not say.
//! - Four-digit numbers from 1800 to 2100 without a thousands separator are years (dates), not
//!   quantities.
//! - Two quantities are about the same thing only when `counts` and `scope` are equal and their
//!   `describes` do not differ ([`Quantity::comparable`]).

use super::{singular, Sentence};
use crate::lexicon::{self, Lexicon};
use crate::text::{Token, TokKind};

/// How a number is bounded by the words before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Exact,
    AtLeast,
    MoreThan,
    LessThan,
    AtMost,
    About,
    JustOver,
    JustUnder,
}

/// A number with the thing it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub sentence: usize,
    /// Byte span, qualifier to counted words.
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// The upper end of a range ("10 to 20", "10-20", "between 10 and 20"); `value` is the lower.
    pub upper: Option<f64>,
    pub bound: Bound,
    pub counts: String,
    /// The noun a hyphenated measure describes: "forward" in "a 225-pound forward", "drive" in
    /// "a 67-yd drive", "climber" in "a 36-year-old Australian climber"; empty otherwise. "a
    /// 225-pound forward" and "the 260-pound Echenique" weigh different people.
    pub describes: String,
    /// What narrows the counted thing, from the words right after it (empty when nothing does):
    /// - a span of time made an offset by the word after it ([`Lexicon::time_relations`]):
    ///   "ago" ("three years ago"), "before" ("nine days before the inauguration") or "after"
    ///   ("two hours later"); an offset is not a length ("for three years");
    /// - a noun joined by "and", counted with the thing: "and crew" in "420 passengers and
    ///   crew", which are not the "246 passengers" alone.
    pub scope: String,
    /// Not a count but a number used as a label: a time of day ("6:00 p.m.", "1630 GMT"), a rank
    /// ("No. 5 seed"), a model ("AK-47") or a score ("a 27-24 loss"). It still anchors its
    /// sentence for matching (two reports of "6 p.m." tell of one moment), but it is never
    /// compared with another source's numbers: different times, ranks or scores are usually
    /// different moments, teams or games, not a disagreement.
    pub label: bool,
}

impl Quantity {
    /// Whether the quantity is someone's age ("a 61-year-old man", "the sixty-one-year-old").
    pub fn is_age(&self) -> bool {
        self.counts == "year-old"
    }

    /// Whether two quantities can be about the same thing: the same counted thing in the same
    /// scope, describing the same noun when both describe one ("the 23-year-old wife" / "the
    /// 32-year-old husband" are two people's ages).
    pub fn comparable(&self, other: &Quantity) -> bool {
        self.counts == other.counts
            && self.scope == other.scope
            && (self.describes.is_empty() || other.describes.is_empty() || self.describes == other.describes)
    }

    /// The set of values the wording allows, as a closed interval.
    pub fn interval(&self) -> (f64, f64) {
        let v = self.value;
        if let Some(u) = self.upper {
            return (v.min(u), v.max(u));
        }
        let eps = v.abs() * 1e-9 + 1e-9;
        match self.bound {
            Bound::Exact => (v, v),
            Bound::AtLeast => (v, f64::INFINITY),
            Bound::MoreThan => (v + eps, f64::INFINITY),
            Bound::LessThan => (f64::NEG_INFINITY, v - eps),
            Bound::AtMost => (f64::NEG_INFINITY, v),
            Bound::About => (v * 0.85, v * 1.15),
            Bound::JustOver => (v + eps, v * 1.3),
            Bound::JustUnder => (v * 0.8, v - eps),
        }
    }

    /// The value as shown: "1000", "<2", ">=30", "~6000", ">~1".
    pub fn display_value(&self) -> String {
        let op = match self.bound {
            Bound::Exact => "",
            Bound::AtLeast => ">=",
            Bound::MoreThan => ">",
            Bound::LessThan => "<",
            Bound::AtMost => "<=",
            Bound::About => "~",
            Bound::JustOver => ">~",
            Bound::JustUnder => "<~",
        };
        // Pushed into one string (two `format!`s and a string per number cost ~1% of a
        // comparison, where every quantity of every source is listed).
        let mut out = String::with_capacity(16);
        match self.upper {
            Some(u) => {
                push_num(&mut out, self.value);
                out.push('-');
                push_num(&mut out, u);
            }
            None => {
                out.push_str(op);
                push_num(&mut out, self.value);
            }
        }
        out
    }

    /// Two wordings that can both be true. The same figure with different bounds ("three years"
    /// / "over three years") counts as compatible: news writes round figures loosely.
    pub fn compatible(&self, other: &Quantity) -> bool {
        if self.value == other.value {
            return true;
        }
        let (a0, a1) = self.interval();
        let (b0, b1) = other.interval();
        a0 <= b1 && b0 <= a1
    }
}

/// A value as [`Quantity::display_value`] writes it, read in words (as the page's `numberLabel`
/// reads it): ">=30" → "at least 30", "<~235000" → "just under 235000", "10-20" → "10 to 20";
/// none for a plain number.
pub fn display_reading(value: &str) -> Option<String> {
    // Longer marks first: "<=" before "<".
    const BOUNDS: [(&str, &str); 7] = [("<=", "at most"), (">=", "at least"), ("<~", "just under"), (">~", "just over"), ("<", "under"), (">", "over"), ("~", "about")];
    if let Some((words, rest)) = BOUNDS.iter().find_map(|(op, words)| value.strip_prefix(op).map(|rest| (words, rest))) {
        return (!rest.is_empty()).then(|| format!("{words} {rest}"));
    }
    let (a, b) = value.split_once('-')?;
    let numeric = |x: &str| x.starts_with(|c: char| c.is_ascii_digit()) && x.chars().all(|c| c.is_ascii_digit() || c == '.');
    (numeric(a) && numeric(b)).then(|| format!("{a} to {b}"))
}

pub fn fmt_num(v: f64) -> String {
    let mut out = String::new();
    push_num(&mut out, v);
    out
}

/// Appends [`fmt_num`]`(v)` to `out`.
fn push_num(out: &mut String, v: f64) {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        out.push_str(itoa::Buffer::new().format(v as i64));
    } else {
        use std::fmt::Write;
        let _ = write!(out, "{v}");
    }
}

/// A calendar date or year.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    /// ISO-like value: "2022", "2022-03", "--05-12", "mid --03", "weekday 1".
    pub value: String,
    /// A page's time stamp ("21 July 2013 Last updated at 11:11 GMT"): the date of the page, not
    /// of anything the article tells. It still places the article in time (event groups use
    /// it), but it is never compared with another source's dates.
    pub stamp: bool,
}

/// Extracts the quantities and dates of every sentence.
pub fn extract(text: &str, sentences: &[Sentence]) -> (Vec<Quantity>, Vec<DateMention>) {
    let lex = lexicon::get();
    let mut qs = Vec::new();
    let mut ds = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let toks = &s.tokens;
        let mut i = 0;
        // Numbers before this token are labels (see `Quantity::label`).
        let mut label_until = 0;
        while i < toks.len() {
            // Most tokens are punctuation or words that are not numbers: skipped without the three
            // readers below, none of which can start at such a token when it is not one of theirs:
            // - `clock_time` starts at a number;
            // - `date_at` at "mid", "early" or "late", a capitalised month or weekday (`month`), or
            //   a number;
            // - `number_at` at a number, "a" or "an", or a word `may_be_number_word` lets through.
            let t = &toks[i];
            if t.kind != TokKind::Number
                && !matches!(t.folded.as_str(), "a" | "an" | "mid" | "early" | "late")
                && !lex.may_be_number_word(&t.folded)
                && month(lex, t).is_none()
            {
                i += 1;
                continue;
            }
            if let Some(next) = clock_time(lex, toks, i) {
                label_until = label_until.max(next);
            }
            if let Some((d, next)) = date_at(lex, toks, i, si) {
                ds.push(DateMention { stamp: is_time_stamp(lex, toks, i, next), ..d });
                i = next;
                continue;
            }
            if let Some((mut value, mut next)) = number_at(lex, toks, i) {
                let mut label = i < label_until || is_label(text, toks, i);
                // A mixed number: "2 1/2 years".
                let frac = |k: usize| -> Option<f64> {
                    let (n, d) = (toks.get(k)?, toks.get(k + 2)?);
                    let (n, d): (f64, f64) = (n.folded.parse().ok()?, d.folded.parse().ok()?);
                    (toks[k + 1].folded == "/" && n < d).then(|| n / d)
                };
                if value.fract() == 0.0 && toks.get(next).is_some_and(|t| t.kind == TokKind::Number) {
                    if let Some(f) = frac(next) {
                        value += f;
                        next += 3;
                    }
                }
                // A fraction: "1/2 liter" is half a liter, not two.
                if toks.get(next).is_some_and(|t| t.folded == "/") {
                    match toks.get(next + 1).filter(|t| t.kind == TokKind::Number).map(|t| t.folded.parse::<f64>()) {
                        Some(Ok(d)) if d > value => {
                            value /= d;
                            next += 2;
                        }
                        // "24/7", "9/11": not a quantity of anything.
                        Some(_) => {
                            label = true;
                            label_until = label_until.max(next + 2);
                        }
                        None => {}
                    }
                }
                let (mut bound, mut qstart) = qualifier_before(lex, toks, i);
                // "a few hundred", "several thousand": a range of multiples of the scale word.
                let mut upper = None;
                if let Some((lo, hi, start)) = multiple_before(lex, toks, i).filter(|_| next == i + 1) {
                    upper = Some(value * hi);
                    value *= lo;
                    qstart = start;
                }
                // A range: "10 to 20", "10-20", "between 10 and 20".
                let between = i > 0 && toks[i - 1].folded == "between";
                if let Some(joiner) = toks.get(next) {
                    let joins = matches!(joiner.folded.as_str(), "to" | "-") || (between && joiner.folded == "and");
                    if joins {
                        match number_at(lex, toks, next + 1) {
                            Some((u, after)) if u > value => {
                                upper = Some(u);
                                next = after;
                                bound = Bound::Exact;
                                if between {
                                    qstart = i - 1;
                                }
                            }
                            // "a 27-24 loss", "58-3 with 51 knockouts": a score or a record.
                            Some((_, after)) if joiner.folded == "-" && toks[i].kind == TokKind::Number => {
                                label = true;
                                label_until = label_until.max(after);
                            }
                            _ => {}
                        }
                    }
                }
                let (counts, cend) = counted_after(lex, toks, next);
                let end = cend.map_or(toks[next - 1].end, |e| e);
                let after = next + toks[next..].partition_point(|t| t.start < end);
                let hyphenated = toks.get(next).is_some_and(|t| t.folded == "-");
                let describes = match (hyphenated, counts == "year-old") {
                    // "a 36-year-old Australian climber": whom the age is of.
                    (true, true) => noun_at(lex, toks, after + toks[after..].iter().take_while(|t| lex.demonyms.contains_key(t.folded.as_str())).count()),
                    (true, false) => noun_at(lex, toks, after),
                    (false, _) => String::new(),
                };
                let scope = scope_after(lex, toks, after, &counts);
                qs.push(Quantity { sentence: si, start: toks[qstart].start, end, value, upper, bound, counts, describes, scope, label });
                i = next;
                continue;
            }
            i += 1;
        }
    }
    (qs, ds)
}

/// A time of day starting at `toks[i]`: "6:00 p.m.", "20:49 GMT", "1630 GMT", "8 p. m.", "10:04
/// PM ET". Returns the index after it. A time of day is neither a count nor a date: two
/// sources giving different times usually tell of different moments (or print their own page
/// time stamps), so it is skipped rather than compared.
fn clock_time(lex: &Lexicon, toks: &[Token], i: usize) -> Option<usize> {
    let digits = |t: &Token| t.kind == TokKind::Number && t.folded.bytes().all(|b| b.is_ascii_digit());
    if !digits(toks.get(i)?) {
        return None;
    }
    let colon = toks.get(i + 1).is_some_and(|t| t.folded == ":") && toks.get(i + 2).is_some_and(|t| t.kind == TokKind::Number);
    let mut j = if colon { i + 3 } else { i + 1 };
    let start = j;
    while let Some(t) = toks.get(j) {
        let w = t.folded.trim_end_matches('.');
        if t.is_word() && lex.time_markers.contains(w) {
            j += 1;
        } else if matches!(w, "a" | "p") && toks.get(j + 1).is_some_and(|d| d.folded == ".") && toks.get(j + 2).is_some_and(|m| m.folded.trim_end_matches('.') == "m") {
            // "p. m." written with a space
            j += 3;
        } else {
            break;
        }
    }
    (colon || j > start).then_some(j)
}

/// Whether the date `toks[i..next]` is a page's time stamp ("21 July 2013 Last updated at 11:11
/// GMT", "Posted: Jul 07, 2012 7:40 PM ET", "announced today (14 October 2011)"): the date of
/// the page or of the report, not of anything the article tells, and it differs from page to page.
fn is_time_stamp(lex: &Lexicon, toks: &[Token], i: usize, next: usize) -> bool {
    let near = toks[i.saturating_sub(4)..i].iter().chain(toks[next..(next + 4).min(toks.len())].iter());
    if near.clone().any(|t| lex.stamp_words.contains(t.folded.as_str())) {
        return true;
    }
    // A clock time right after the date, maybe after a comma or "at".
    let mut j = next;
    while toks.get(j).is_some_and(|t| matches!(t.folded.as_str(), "," | "at" | "-" | "|") || is_year(t).is_some()) {
        j += 1;
    }
    j < toks.len() && clock_time(lex, toks, j).is_some()
}

/// Whether the number at `toks[i]` is a label, not a count: a rank ("#1 seed", "No. 5 seed"), a
/// model or a name ("AK-47", "F-16", "AK 47 guns", "COVID-19").
fn is_label(text: &str, toks: &[Token], i: usize) -> bool {
    if toks[i].kind != TokKind::Number || i == 0 {
        return false;
    }
    let prev = &toks[i - 1];
    let before = i.checked_sub(2).map(|j| &toks[j]);
    match prev.folded.as_str() {
        "#" | "number" => true,
        "." => before.is_some_and(|b| b.folded == "no" && b.cap),
        "no." => prev.cap,
        // "AK-47" but not "between 10-20" or "a 27-24 loss".
        "-" => before.is_some_and(|b| b.is_word() && b.kind != TokKind::Number && b.end == prev.start && prev.end == toks[i].start),
        // "AK 47": a short all-capitals word right before.
        _ => prev.is_word() && (2..=3).contains(&prev.folded.len()) && prev.text(text).bytes().all(|b| b.is_ascii_uppercase()),
    }
}

fn month(lex: &Lexicon, t: &Token) -> Option<u8> {
    if !t.cap {
        return None;
    }
    lex.calendar_word(t.folded.trim_end_matches('.'))
}

fn small_int(t: &Token, lo: u32, hi: u32) -> Option<u32> {
    if t.kind != TokKind::Number {
        return None;
    }
    t.folded.parse::<u32>().ok().filter(|n| (lo..=hi).contains(n))
}

fn is_year(t: &Token) -> Option<u32> {
    if t.folded.len() == 4 {
        small_int(t, 1800, 2100)
    } else {
        None
    }
}

/// A date starting at `toks[i]`: "May 12", "12 May", "March 2022", "mid-March", "2019", "Monday".
fn date_at(lex: &Lexicon, toks: &[Token], i: usize, si: usize) -> Option<(DateMention, usize)> {
    let t = &toks[i];
    let mk = |s: usize, e: usize, value: String| DateMention { sentence: si, start: toks[s].start, end: toks[e - 1].end, value, stamp: false };
    if matches!(t.folded.as_str(), "mid" | "early" | "late") && toks.get(i + 1).is_some_and(|h| h.folded == "-") {
        if let Some(m) = toks.get(i + 2).and_then(|m| month(lex, m)).filter(|m| *m <= 12) {
            return Some((mk(i, i + 3, format!("{} --{m:02}", t.folded)), i + 3));
        }
    }
    if let Some(m) = month(lex, t) {
        if m > 100 {
            return Some((mk(i, i + 1, format!("weekday {}", m - 100)), i + 1));
        }
        if let Some(day) = toks.get(i + 1).and_then(|d| small_int(d, 1, 31)) {
            // "May 12, 2025"
            if toks.get(i + 2).is_some_and(|c| c.folded == ",") {
                if let Some(y) = toks.get(i + 3).and_then(is_year) {
                    return Some((mk(i, i + 4, format!("{y}-{m:02}-{day:02}")), i + 4));
                }
            }
            return Some((mk(i, i + 2, format!("--{m:02}-{day:02}")), i + 2));
        }
        if let Some(y) = toks.get(i + 1).and_then(is_year) {
            return Some((mk(i, i + 2, format!("{y}-{m:02}")), i + 2));
        }
        // A bare month name: only when it cannot be the modal verb "may".
        if t.folded != "may" {
            return Some((mk(i, i + 1, format!("--{m:02}")), i + 1));
        }
        return None;
    }
    if let Some(day) = small_int(t, 1, 31) {
        if let Some(m) = toks.get(i + 1).and_then(|m| month(lex, m)).filter(|m| *m <= 12) {
            return Some((mk(i, i + 2, format!("--{m:02}-{day:02}")), i + 2));
        }
    }
    if let Some(y) = is_year(t) {
        // "2022 invasion" is a year; "2022 soldiers" would be rare enough in news to accept.
        return Some((mk(i, i + 1, format!("{y}")), i + 1));
    }
    None
}

/// A number starting at `toks[i]`: digits ("1,000", "1.2bn", "6 million") or words ("one
/// thousand", "twenty-five", "a dozen"). Returns the value and the index after it.
fn number_at(lex: &Lexicon, toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let t = toks.get(i)?;
    if t.kind == TokKind::Number {
        let f = t.folded.as_str();
        let split = f.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(f.len());
        let (digits, suffix) = f.split_at(split);
        let mut v: f64 = digits.replace(',', "").trim_end_matches('.').parse().ok()?;
        if !suffix.is_empty() {
            match lex.number_words.get(suffix) {
                Some(&(scale, true)) => v *= scale,
                _ => return None, // "25th", "3D"
            }
        }
        let mut next = i + 1;
        // "31.5 million", and hyphenated, "a $31.5-million contract" (not a range up to a million).
        let hyphen = usize::from(toks.get(next).is_some_and(|t| t.folded == "-"));
        if let Some(&(scale, true)) = toks.get(next + hyphen).and_then(|n| lex.number_words.get(n.folded.as_str())) {
            v *= scale;
            next += hyphen + 1;
        }
        return Some((v, next));
    }
    if !t.is_word() {
        return None;
    }
    // "a dozen", "a thousand", and "an hour" / "a day" after a qualifier ("just over an hour").
    if matches!(t.folded.as_str(), "a" | "an") {
        let n = toks.get(i + 1)?;
        if let Some(&(v, _)) = lex.number_words.get(n.folded.as_str()).filter(|(v, scale)| *scale || *v == 12.0) {
            let (v2, next) = words_value(lex, toks, i + 1).unwrap_or((v, i + 2));
            return Some((v2, next));
        }
        let unit = lex.canonical(&n.folded);
        if TIME_UNITS.contains(&unit) && qualifier_before(lex, toks, i).0 != Bound::Exact {
            return Some((1.0, i + 1));
        }
        return None;
    }
    if !lex.may_be_number_word(&t.folded) {
        return None;
    }
    // "e85 million" (a currency sign lost to mojibake): the scale word belongs to a number this
    // reader cannot read, and is not "a million" by itself.
    let scale_word = lex.number_words.get(t.folded.as_str()).is_some_and(|(_, scale)| *scale);
    if scale_word && i > 0 && toks[i - 1].folded.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let (v, next) = words_value(lex, toks, i)?;
    // "one of the leaders", "one another": not a count.
    let after = toks.get(next)?;
    if !(after.is_word() || after.folded == "-") || lex.is_stopword(&after.folded) && after.folded != "more" {
        return None;
    }
    Some((v, next))
}

/// The value of a run of number words starting at `toks[i]`.
fn words_value(lex: &Lexicon, toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut j = i;
    let mut any = false;
    while j < toks.len() {
        let f = toks[j].folded.as_str();
        if let Some(&(v, scale)) = lex.number_words.get(f).filter(|_| toks[j].is_word() && f.len() > 1) {
            if scale {
                if current == 0.0 {
                    current = 1.0;
                }
                if v == 100.0 {
                    current *= v;
                } else {
                    total += current * v;
                    current = 0.0;
                }
            } else {
                current += v;
            }
            any = true;
            j += 1;
        } else if any && (f == "-" || f == "and") && toks.get(j + 1).is_some_and(|n| lex.number_words.contains_key(n.folded.as_str())) {
            j += 1;
        } else {
            break;
        }
    }
    any.then_some((total + current, j))
}

/// Units of time: a span of them can be made an offset ([`Quantity::scope`]), and "an hour"
/// after a qualifier is a number ("just over an hour").
const TIME_UNITS: [&str; 8] = ["second", "minute", "hour", "day", "week", "month", "year", "decade"];

/// Whether the folded words `phrase` stand right before `toks[i]`.
fn phrase_before(toks: &[Token], i: usize, phrase: &[String]) -> bool {
    let n = phrase.len();
    n <= i && toks[i - n..i].iter().zip(phrase).all(|(t, w)| t.folded == *w)
}

/// The qualifier phrase right before `toks[i]` and where it starts.
fn qualifier_before(lex: &Lexicon, toks: &[Token], i: usize) -> (Bound, usize) {
    // The word before `toks[i]`, read once: most qualifiers fail on their last word, compared
    // with it first (a length test, mostly), before `phrase_before` compares them all.
    let Some(prev) = i.checked_sub(1).map(|k| toks[k].folded.as_str()) else { return (Bound::Exact, i) };
    for (phrase, meaning) in &lex.qualifiers {
        if phrase.last().is_some_and(|w| w == prev) && phrase_before(toks, i, phrase) {
            let b = match *meaning {
                ">=" => Bound::AtLeast,
                ">" => Bound::MoreThan,
                "<" => Bound::LessThan,
                "<=" => Bound::AtMost,
                "~" => Bound::About,
                ">~" => Bound::JustOver,
                "<~" => Bound::JustUnder,
                _ => Bound::Exact,
            };
            return (b, i - phrase.len());
        }
    }
    (Bound::Exact, i)
}

/// A qualifier of multiples right before the scale word (or "dozen") `toks[i]` ("a few"
/// hundred, "several" thousand): the factors from and to (2 and 9) and where the qualifier starts.
fn multiple_before(lex: &Lexicon, toks: &[Token], i: usize) -> Option<(f64, f64, usize)> {
    lex.number_words.get(toks[i].folded.as_str()).filter(|(v, scale)| (*scale || *v == 12.0) && toks[i].is_word())?;
    lex.multiples.iter().find(|(phrase, _, _)| phrase_before(toks, i, phrase)).map(|(phrase, lo, hi)| (*lo, *hi, i - phrase.len()))
}

/// The noun at `toks[i]` (singular, canonical), or empty when it is not a word or is a stop word.
fn noun_at(lex: &Lexicon, toks: &[Token], i: usize) -> String {
    match toks.get(i) {
        Some(t) if t.kind == TokKind::Word && !lex.is_stopword(&t.folded) => singular(lex.canonical(&t.folded)),
        _ => String::new(),
    }
}

/// The scope of a quantity from the words after its counted thing `toks[i..]`: see
/// [`Quantity::scope`].
fn scope_after(lex: &Lexicon, toks: &[Token], i: usize, counts: &str) -> String {
    let Some(t) = toks.get(i) else { return String::new() };
    if TIME_UNITS.contains(&counts) {
        if let Some(r) = lex.time_relations.get(t.folded.as_str()) {
            return r.to_string();
        }
    }
    // "420 passengers and crew", not "1,000 prisoners and returned" nor "3 killed and 20 hurt".
    if t.folded == "and" && !counts.is_empty() {
        if let Some(n) = toks.get(i + 1).filter(|n| !n.folded.ends_with("ed") && !n.folded.ends_with("ing")) {
            let noun = noun_at(lex, toks, i + 1);
            if !noun.is_empty() && !lex.number_words.contains_key(n.folded.as_str()) {
                return format!("and {noun}");
            }
        }
    }
    String::new()
}

/// What the number counts, from the words after it: "prisoners of war", "POWs", "-day" → "day".
/// Returns the key and the end of the counted words.
fn counted_after(lex: &Lexicon, toks: &[Token], i: usize) -> (String, Option<usize>) {
    let Some(first) = toks.get(i) else { return (String::new(), None) };
    if first.folded == "%" || first.folded == "percent" {
        return ("percent".into(), Some(first.end));
    }
    if first.folded == "per" && toks.get(i + 1).is_some_and(|t| t.folded == "cent") {
        return ("percent".into(), Some(toks[i + 1].end));
    }
    if first.folded == "-" {
        // "30-day ceasefire": the unit is the hyphenated word.
        if let Some(u) = toks.get(i + 1).filter(|t| t.is_word()) {
            // "46-year-old" is an age, not a span of years ("a 20-year veteran").
            if u.folded == "year" && toks.get(i + 2).is_some_and(|t| t.folded == "-") && toks.get(i + 3).is_some_and(|t| t.folded == "old") {
                return ("year-old".into(), Some(toks[i + 3].end));
            }
            return (singular(lex.canonical(&u.folded)), Some(u.end));
        }
        return (String::new(), None);
    }
    let mut words: Vec<&Token> = Vec::new();
    let mut j = i;
    while j < toks.len() && words.len() < 4 {
        let t = &toks[j];
        // A hyphenated participle modifies what follows: "one rocket-propelled grenade launcher",
        // "two oil-producing countries" count launchers and countries.
        if t.folded == "-" && !words.is_empty() {
            if let Some(m) = toks.get(j + 1).filter(|m| m.is_word() && (m.folded.ends_with("ed") || m.folded.ends_with("ing"))) {
                words.push(m);
                j += 2;
                continue;
            }
        }
        if !t.is_word() || lex.speech_verbs.contains(t.folded.as_str()) {
            break;
        }
        if lex.is_stopword(&t.folded) {
            // "prisoners of war": "of" inside a known phrase only.
            let phrase = format!("{} {} {}", words.last().map_or("", |w| w.folded.as_str()), t.folded, toks.get(j + 1).map_or("", |n| n.folded.as_str()));
            if t.folded == "of" && lex.synonyms.contains_key(phrase.trim()) {
                words.push(t);
                words.push(&toks[j + 1]);
                j += 2;
                continue;
            }
            break;
        }
        // Without a tagger: a verb form after the first word ends the phrase ("two sides agreed",
        // "one soldier expressing"), and so does the first plural noun ("three years concluded").
        if !words.is_empty() && (t.folded.ends_with("ed") || t.folded.ends_with("ing")) {
            break;
        }
        words.push(t);
        j += 1;
        if words.len() > 1 || !t.folded.ends_with("ed") {
            if singular(&t.folded) != t.folded && toks.get(j).map_or(true, |n| n.folded != "of") {
                break;
            }
        }
    }
    if words.is_empty() {
        return (String::new(), None);
    }
    let phrase: Vec<&str> = words.iter().map(|w| w.folded.as_str()).collect();
    if phrase == ["years"] && toks.get(j).is_some_and(|t| t.folded == "old") {
        return ("year-old".into(), Some(toks[j].end));
    }
    // The longest known phrase ending the counted words, else the last word.
    for k in 0..phrase.len() {
        if let Some(c) = lex.synonyms.get(&phrase[k..].join(" ")) {
            return (singular(c), Some(words.last().map_or(0, |w| w.end)));
        }
    }
    let head = phrase.last().copied().unwrap_or("");
    (singular(lex.canonical(head)), Some(words.last().map_or(0, |w| w.end)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn display_values_read_in_words_as_the_page_reads_them() {
        let cases = [("<~235000", Some("just under 235000")), (">=30", Some("at least 30")), ("~6000", Some("about 6000")), ("<2", Some("under 2")), ("10-20", Some("10 to 20")), ("1000", None), ("2022-05-16", None)];
        for (v, want) in cases {
            assert_eq!(super::display_reading(v).as_deref(), want, "{v}");
        }
    }

    use super::*;
    use crate::Article;

    fn qs(t: &str) -> Vec<(String, String, String)> {
        let d = crate::extract::analyze(&Article::new("t", t));
        d.quantities.iter().filter(|q| !q.label).map(|q| (t[q.start..q.end].to_string(), q.display_value(), q.counts.clone())).collect()
    }

    fn q(a: &str, b: &str, c: &str) -> (String, String, String) {
        (a.into(), b.into(), c.into())
    }

    #[test]
    fn numbers_with_counted_things_and_bounds() {
        let cases: Vec<(&str, Vec<(String, String, String)>)> = vec![
            ("They agreed to exchange one thousand prisoners of war.", vec![q("one thousand prisoners of war", "1000", "prisoner of war")]),
            ("A swap of 1,000 POWs each.", vec![q("1,000 POWs", "1000", "prisoner of war")]),
            ("The talks ended after less than two hours.", vec![q("less than two hours", "<2", "hour")]),
            ("The talks, lasting just over an hour, ended.", vec![q("just over an hour", ">~1", "hour")]),
            ("A ceasefire for at least 30 days.", vec![q("at least 30 days", ">=30", "day")]),
            ("Zelensky pushed for a 30-day ceasefire.", vec![q("30-day", "30", "day")]),
            ("The bodies of some 6,000 deceased Ukrainian soldiers.", vec![q("some 6,000 deceased Ukrainian soldiers", "~6000", "soldier")]),
            ("It costs 1.2bn dollars, up 5%.", vec![q("1.2bn dollars", "1200000000", "dollar"), q("5%", "5", "percent")]),
            ("Twenty-five people and a dozen cars.", vec![q("Twenty-five people", "25", "people"), q("a dozen cars", "12", "car")]),
            ("One of the leaders said so.", vec![]),
            ("Between 10 and 20 people died; 30 to 40 were hurt.", vec![q("Between 10 and 20 people", "10-20", "people"), q("30 to 40", "30-40", "")]),
            ("It took 3-5 days.", vec![q("3-5 days", "3-5", "day")]),
            ("A a 0-", vec![q("0", "0", "")]),
            // Times of day are labels, not counts (listed here only when not labels); a fraction
            // is one number.
            ("He gave himself up just after 6:00 p.m., about 8 p. m. or 1630 GMT; 20:49 GMT.", vec![]),
            ("Updated: July 7, 2012, 10:04 PM ET, 3 arrests", vec![q("3 arrests", "3", "arrest")]),
            ("He drank 1/2 liter of vodka, open 24/7.", vec![q("1/2 liter", "0.5", "liter")]),
            ("He was sentenced to 2 1/2 years.", vec![q("2 1/2 years", "2.5", "year")]),
            ("A 27-24 loss; he is 58-3 with 51 knockouts.", vec![q("51 knockouts", "51", "knockout")]),
            // Multiples of a scale word; a scale word glued to an unreadable number is no number.
            ("A few hundred youths, several thousand people and a couple of dozen cars.", vec![q("A few hundred youths", "200-900", "youth"), q("several thousand people", "2000-9000", "people"), q("a couple of dozen cars", "24-36", "car")]),
            ("Stealing more than e85 million worth of diamonds.", vec![]),
            // A hyphenated participle inside the counted words does not end them.
            ("Police found one rocket-propelled grenade launcher and two oil-producing countries.", vec![q("one rocket-propelled grenade launcher", "1", "launcher"), q("two oil-producing countries", "2", "country")]),
            // A hyphenated scale word multiplies; it is not the top of a range.
            ("He signed a three-year, $31.5-million contract.", vec![q("three-year", "3", "year"), q("31.5-million contract", "31500000", "contract")]),
            ("A 20-year veteran, 46-year-old Scott, is 46 years old.", vec![q("20-year", "20", "year"), q("46-year-old", "46", "year-old"), q("46 years old", "46", "year-old")]),
            // Labels are not counts.
            ("The #1 seed and the No. 5 seed; seven AK-47s and 12 AK 47 guns.", vec![q("seven AK", "7", "ak"), q("12 AK", "12", "ak")]),
        ];
        for (input, want) in cases {
            assert_eq!(qs(input), want, "{input}");
        }
    }

    #[test]
    fn what_a_quantity_describes_and_its_scope() {
        // (text, counts, describes, scope) of each quantity.
        let cases: &[(&str, &[(&str, &str, &str)])] = &[
            ("The 6-foot-8, 225-pound forward and a 67-yd drive.", &[("foot", "", ""), ("pound", "forward", ""), ("yd", "drive", "")]),
            ("Zelensky pushed for a 30-day ceasefire; a 46-year-old man, a 36-year-old Australian climber, 40 years old.", &[("day", "ceasefire", ""), ("year-old", "man", ""), ("year-old", "climber", ""), ("year-old", "", "")]),
            ("She moved four years ago, nine days before the inauguration, two hours later.", &[("year", "", "ago"), ("day", "", "before"), ("hour", "", "after")]),
            ("He stayed for three years and 420 passengers and crew left; 3 killed and 20 hurt.", &[("year", "", ""), ("passenger", "", "and crew"), ("kill", "", ""), ("wound", "", "")]),
        ];
        for (input, want) in cases {
            let d = crate::extract::analyze(&Article::new("t", *input));
            let got: Vec<(&str, &str, &str)> = d.quantities.iter().filter(|q| !q.label).map(|q| (q.counts.as_str(), q.describes.as_str(), q.scope.as_str())).collect();
            assert_eq!(got, want.to_vec(), "{input}");
        }
    }

    #[test]
    fn intervals_compare_as_intervals() {
        let mk = |v: f64, bound| Quantity {
            sentence: 0,
            start: 0,
            end: 0,
            value: v,
            upper: None,
            bound,
            counts: "hour".into(),
            describes: String::new(),
            scope: String::new(),
            label: false,
        };
        assert!(mk(2.0, Bound::LessThan).compatible(&mk(1.0, Bound::JustOver)));
        assert!(!mk(2.0, Bound::LessThan).compatible(&mk(3.0, Bound::Exact)));
        assert!(!mk(1000.0, Bound::Exact).compatible(&mk(6000.0, Bound::Exact)));
        assert!(mk(6000.0, Bound::About).compatible(&mk(6100.0, Bound::Exact)));
    }

    #[test]
    fn dates() {
        let d = crate::extract::analyze(&Article::new("t", "By May 12, since 2022, in mid-March and March 2022, on 5 June, on Monday."));
        let v: Vec<&str> = d.dates.iter().map(|d| d.value.as_str()).collect();
        assert_eq!(v, ["--05-12", "2022", "mid --03", "2022-03", "--06-05", "weekday 1"]);
        assert!(d.quantities.is_empty());
        // A page's time stamps are not dates of the story.
        for stamp in ["21 July 2013 Last updated at 11:11 GMT", "Posted: Jul 07, 2012 7:40 PM ET", "Seacom announced today (14 October 2011) that", "May 2, 2013, 1:12 PM", "2 October 2013, 15:39 (GMT+05:00)"] {
            let d = crate::extract::analyze(&Article::new("t", stamp));
            assert!(!d.dates.is_empty() && d.dates.iter().all(|d| d.stamp) && d.quantities.iter().all(|q| q.label), "{stamp}: {:?} {:?}", d.dates, d.quantities);
        }
    }
}
