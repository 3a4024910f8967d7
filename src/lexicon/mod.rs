//! Word lists and gazetteers, compiled from `data/lexicon/` (see its README for provenance and
//! licences) and folded into look-up maps once, on first use.

mod tables;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::report::EntityKind;
use crate::text::{fold, fold_into};

/// What kind of title word a word is (see `data/lexicon/titles.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// An office: "President", "Minister".
    Title,
    /// A word that qualifies an office: "Foreign", "Deputy", "former".
    Modifier,
    /// A courtesy title that is not a role: "Mr", "Dr".
    Honorific,
    /// A lower-case role noun or adjective that can stand before a name: "aide", "presidential".
    Lower,
    /// A body a person can lead: "delegation", "team".
    Group,
}

/// A gazetteer place.
#[derive(Debug, Clone)]
pub struct Place {
    pub name: &'static str,
    /// country, city, region or continent.
    pub kind: &'static str,
}

/// The folded look-up maps.
pub struct Lexicon {
    pub abbreviations: HashSet<String>,
    pub stopwords: HashSet<String>,
    /// The stop words of up to [`SHORT_KEY_BYTES`] bytes (most of them) by [`short_key`]:
    /// [`Lexicon::is_stopword`] is asked about nearly every word of every article.
    stopword_keys: HashSet<u64>,
    pub boilerplate: Vec<String>,
    pub speech_verbs: HashSet<String>,
    /// The past forms of irregular verbs ("saw", "led", "withdrew"), folded.
    pub past_forms: HashSet<String>,
    /// Meridiem and time-zone words ("p.m", "gmt"): the number before them is a time of day.
    pub time_markers: HashSet<String>,
    /// Words near a date that make it a page's time stamp (`stamp_words.txt`).
    pub stamp_words: HashSet<String>,
    pub clause_starters: HashSet<String>,
    pub first_names: WordSet,
    pub common_words: WordSet,
    pub places: Vec<Place>,
    /// First words of multi-word place names joined by "and" ("bosnia" for "Bosnia and Herzegovina").
    pub and_heads: HashSet<String>,
    /// Folded name or other spelling → index into `places`.
    pub place_names: HashMap<String, usize>,
    /// Folded demonym → index into `places`.
    pub demonyms: HashMap<String, usize>,
    /// Folded name or alias → canonical organisation name.
    pub organizations: HashMap<String, &'static str>,
    /// `place_names` and `organizations` in one map, a place before an organisation of the same
    /// name: folded name → (canonical name, kind). A phrase that is neither (most looked up) is
    /// hashed and missed once, not twice.
    pub gazetteer: HashMap<String, (&'static str, EntityKind)>,
    /// Folded word → (normalised form, kind); a word may have several kinds.
    pub titles: HashMap<String, Vec<(&'static str, TitleKind)>>,
    pub keywords: HashMap<String, EntityKind>,
    /// Folded word or phrase → canonical form.
    pub synonyms: HashMap<String, &'static str>,
    /// First words of multi-word synonym phrases ("cease" of "cease-fire", "prisoners" of
    /// "prisoners of war"): a phrase look-up is tried only where one starts.
    pub synonym_heads: HashSet<String>,
    /// The longest synonym phrase, in words.
    pub synonym_max_words: usize,
    /// Folded number word → (value, is a scale word).
    pub number_words: HashMap<String, (f64, bool)>,
    /// How number words start, for skipping the look-up of most words cheaply
    /// ([`Lexicon::may_be_number_word`]).
    number_word_starts: Starts,
    /// Folded month name → 1..=12; weekday → 101..=107.
    pub calendar: HashMap<String, u8>,
    /// How the keys of `calendar` start ([`Lexicon::calendar_word`]).
    calendar_starts: Starts,
    /// Number qualifiers that bound a number ("at least", "just over") as folded word sequences
    /// with their meaning (">=", ">~", …), longest first.
    pub qualifiers: Vec<(Vec<String>, &'static str)>,
    /// Qualifiers of multiples of a scale word ("a few" hundred, "several" thousand) as folded
    /// word sequences with the factors from and to (2 and 9): the `A-Bx` rows of
    /// `qualifiers.tsv`.
    pub multiples: Vec<(Vec<String>, f64, f64)>,
    /// Words after a span of time that make it an offset ("ago", "later"), with the relation:
    /// "ago", "before" or "after".
    pub time_relations: HashMap<String, &'static str>,
    /// Hedges (`hedges.txt`): phrase key → the entry as written. A phrase key is the folded entry
    /// with its words joined by one space and hyphens tight ("so-called"), as
    /// [`crate::comparison::tone`] joins the tokens of a sentence.
    pub hedges: HashMap<String, &'static str>,
    /// Loaded words (`loaded.tsv`): phrase key → (entry, category, note).
    pub loaded: HashMap<String, (&'static str, &'static str, &'static str)>,
    /// Attribution verbs (`attribution.tsv`): phrase key → (entry, stance).
    pub attribution: HashMap<String, (&'static str, &'static str)>,
    /// The longest hedge, loaded or attribution entry, in tokens (a hyphen and a possessive `'s`
    /// are tokens of their own).
    pub tone_max_tokens: usize,
    /// First words of the tone entries of more than one token: a phrase is looked up only where
    /// one starts.
    pub tone_heads: HashSet<String>,
    /// Folded ordinal word → 0 (an earlier event), 1 (the first), 2 (a later one).
    pub event_ordinals: HashMap<String, u8>,
    /// Nouns naming an event that can recur: "talks", "meeting", "round".
    pub event_nouns: HashSet<String>,
}

impl Lexicon {
    /// Whether the folded word could be a number word: false for most words, without a look-up
    /// (their first byte starts no number word).
    pub fn may_be_number_word(&self, folded: &str) -> bool {
        self.number_word_starts.may_hold(folded)
    }

    /// `calendar`'s value for the folded word, looked up only when some key starts like it.
    pub fn calendar_word(&self, folded: &str) -> Option<u8> {
        if !self.calendar_starts.may_hold(folded) {
            return None;
        }
        self.calendar.get(folded).copied()
    }

    pub fn is_stopword(&self, folded: &str) -> bool {
        match short_key(folded) {
            Some(k) => self.stopword_keys.contains(&k),
            None => self.stopwords.contains(folded),
        }
    }

    pub fn title(&self, folded: &str, kind: TitleKind) -> Option<&'static str> {
        self.titles.get(folded)?.iter().find(|(_, k)| *k == kind).map(|(n, _)| *n)
    }

    pub fn is_title_word(&self, folded: &str) -> bool {
        self.titles.contains_key(folded)
    }

    /// The number one folded token writes, in digits or in words, as a cardinal or an ordinal:
    /// "11", "11th", "eleven" and "eleventh" are all 11. `None` for other words.
    pub fn single_number(&self, folded: &str) -> Option<f64> {
        let digits_end = folded.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(folded.len());
        if digits_end > 0 {
            return matches!(&folded[digits_end..], "" | "st" | "nd" | "rd" | "th").then(|| folded[..digits_end].parse().ok()).flatten();
        }
        let unit = |w: &str| self.number_words.get(w).filter(|(_, scale)| !scale).map(|(v, _)| *v);
        if let Some(v) = unit(folded) {
            return Some(v);
        }
        // English ordinals by their regular endings ("fourth", "eleventh", "twentieth"), and the
        // irregular ones, which no number table lists.
        let irregular = [("first", 1.0), ("second", 2.0), ("third", 3.0), ("fifth", 5.0), ("eighth", 8.0), ("ninth", 9.0), ("twelfth", 12.0)];
        if let Some(&(_, v)) = irregular.iter().find(|(w, _)| *w == folded) {
            return Some(v);
        }
        let stem = folded.strip_suffix("th")?;
        match stem.strip_suffix("ie") {
            Some(tens) => unit(&format!("{tens}y")),
            None => unit(stem),
        }
    }

    /// The canonical form of a word for fact matching (synonyms merged, else the word itself).
    pub fn canonical<'a>(&'a self, folded: &'a str) -> &'a str {
        self.synonyms.get(folded).copied().unwrap_or(folded)
    }
}

/// How the keys of a table start: their first bytes, and their first two bytes (the low five
/// bits of each, which tell ASCII letters apart). A word that starts like no key is in no key,
/// known without hashing it: most words, for a table of a few dozen keys.
struct Starts {
    /// Bit `b` is set when some key starts with the byte `b`.
    first: [u64; 4],
    /// Bit [`Starts::pair`] is set when some key of two bytes or more starts with those two.
    pairs: [u64; 16],
    /// Some key is empty.
    empty: bool,
}

impl Starts {
    fn new<'a>(keys: impl Iterator<Item = &'a String>) -> Starts {
        let mut st = Starts { first: [0; 4], pairs: [0; 16], empty: false };
        for k in keys.map(|k| k.as_bytes()) {
            match *k {
                [] => st.empty = true,
                [b] => st.first[usize::from(b >> 6)] |= 1 << (b & 63),
                [b, c, ..] => {
                    st.first[usize::from(b >> 6)] |= 1 << (b & 63);
                    st.pairs[Starts::pair(b, c) >> 6] |= 1 << (Starts::pair(b, c) & 63);
                }
            }
        }
        st
    }

    fn pair(b: u8, c: u8) -> usize {
        usize::from(b & 31) << 5 | usize::from(c & 31)
    }

    /// False when `word` is surely no key. (A word of two bytes or more can only be a key of two
    /// bytes or more.)
    fn may_hold(&self, word: &str) -> bool {
        let first = |b: u8| self.first[usize::from(b >> 6)] & (1 << (b & 63)) != 0;
        match *word.as_bytes() {
            [] => self.empty,
            [b] => first(b),
            [b, c, ..] => first(b) && self.pairs[Starts::pair(b, c) >> 6] & (1 << (Starts::pair(b, c) & 63)) != 0,
        }
    }
}

/// The lexicon, built on first use.
pub fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(build)
}

/// The HTML content-extraction hints (`data/lexicon/html_hints.tsv`): (entry, kind, match), as
/// written; [`crate::html`] reads them directly (they are not folded: class names are ASCII).
pub fn html_hints() -> &'static [(&'static str, &'static str, &'static str)] {
    static HINTS: OnceLock<Vec<(&'static str, &'static str, &'static str)>> = OnceLock::new();
    HINTS.get_or_init(|| rows::<3>(tables::HTML_HINTS).map(|[e, k, m]| (e, k, m)).collect())
}

/// The rows of a generated TSV table (see `tsv_table` in `scripts/gen_lexicon.py`): a row per
/// line, `N` fields separated by TAB (the generator pads short rows).
fn rows<const N: usize>(table: &'static str) -> impl Iterator<Item = [&'static str; N]> {
    table.lines().map(|line| {
        let mut row = [""; N];
        for (slot, field) in row.iter_mut().zip(line.split('\t')) {
            *slot = field;
        }
        row
    })
}

/// The items of a `|` list field of a generated table.
fn items(field: &'static str) -> impl Iterator<Item = &'static str> {
    field.split('|').filter(|x| !x.is_empty())
}

/// A generated word list (one word per line) as a set of folded words.
fn set(list: &str) -> HashSet<String> {
    list.lines().map(fold).collect()
}

/// The longest word [`short_key`] packs.
const SHORT_KEY_BYTES: usize = 7;

/// A word of up to [`SHORT_KEY_BYTES`] bytes as one integer: its bytes (little-endian) and its
/// length in the top byte, so two words have the same key only when they are the same. Hashing
/// and comparing one integer costs about half of what a string look-up does (hashing its bytes,
/// then comparing them with the stored word's); hand-written because no word-set crate keys
/// short strings so. None for a longer word.
fn short_key(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    (b.len() <= SHORT_KEY_BYTES).then(|| b.iter().rev().fold(0u64, |k, &c| k << 8 | u64::from(c)) | (b.len() as u64) << 56)
}

/// The words of a front-coded list (see `scripts/gen_lexicon.py`): each line is one character
/// `'0' + n`, where n is how many bytes the word shares with the previous line's word, then the
/// rest, then optionally `|` and one letter per [`tables::SUFFIXES`] entry (`'a'` + index): the
/// word plus that suffix is in the list too. Words come out in line order, each line's word
/// before its suffixed forms (not sorted).
/// Invariants of the data (checked by the generator): ASCII only, no `|` in a word.
/// A malformed line (impossible from the generator) decodes to something shorter, never panics.
/// (The lexicon itself decodes with [`front_each`]; this form is for the tests.)
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn front_decoded(list: &str) -> impl Iterator<Item = String> + '_ {
    let mut words = Vec::new();
    front_each(list, |w| words.push(w.to_string()));
    words.into_iter()
}

/// [`front_decoded`] without an allocation per word: `f` sees each word in turn, in a buffer
/// that is reused.
fn front_each(list: &str, mut f: impl FnMut(&str)) {
    let mut prev = String::new();
    let mut derived = String::new();
    for line in list.lines() {
        let (word, codes) = line.split_once('|').unwrap_or((line, ""));
        let mut chars = word.chars();
        let shared = chars.next().map_or(0, |c| (c as usize).saturating_sub('0' as usize));
        prev.truncate(shared.min(prev.len()));
        while !prev.is_char_boundary(prev.len()) {
            prev.pop();
        }
        prev.push_str(chars.as_str());
        f(&prev);
        for suffix in codes.bytes().filter_map(|c| tables::SUFFIXES.get(c.wrapping_sub(b'a') as usize)) {
            derived.clear();
            derived.push_str(&prev);
            derived.push_str(suffix);
            f(&derived);
        }
    }
}

/// A set of words, for the two long lists (~50,000 words together). They are kept in one buffer
/// and the set holds slices of it: a `HashSet<String>` made one allocation per word, a fifth of
/// the lexicon's building time in wasm (it is built in the first comparison, before V8 has
/// optimised anything: 45 -> 36 ms of the page's warm-up).
pub struct WordSet(HashSet<&'static str>);

impl WordSet {
    /// Folds every word of the front-coded `list` when `folded` (else takes them as they are).
    fn front_coded(list: &str, folded: bool) -> Self {
        let mut buf = String::with_capacity(list.len() * 2);
        let mut ends = Vec::new();
        front_each(list, |w| {
            if folded {
                fold_into(&mut buf, w);
            } else {
                buf.push_str(w);
            }
            ends.push(buf.len());
        });
        // The lexicon lives as long as the program (a `OnceLock`), so its buffer may too; the
        // slices are taken after the last push, so the buffer never moves under them.
        let buf: &'static str = Box::leak(buf.into_boxed_str());
        let mut set = HashSet::with_capacity_and_hasher(ends.len(), Default::default());
        let mut start = 0;
        for end in ends {
            set.insert(&buf[start..end]);
            start = end;
        }
        WordSet(set)
    }

    /// Whether the set has `word` (a `&str` or a `&String`).
    pub fn contains<Q: AsRef<str> + ?Sized>(&self, word: &Q) -> bool {
        self.0.contains(word.as_ref())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn build() -> Lexicon {
    let number_words: HashMap<String, (f64, bool)> =
        rows::<3>(tables::NUMBER_WORDS).map(|[w, v, kind]| (fold(w), (v.parse().unwrap_or(0.0), kind == "scale"))).collect();
    let number_word_starts = Starts::new(number_words.keys());
    let calendar: HashMap<String, u8> = rows::<2>(tables::CALENDAR)
        .map(|[w, v]| {
            let n = match v.strip_prefix('w') {
                Some(d) => 100 + d.parse::<u8>().unwrap_or(0),
                None => v.parse().unwrap_or(0),
            };
            (fold(w), n)
        })
        .collect();
    // Qualifier rows: bounds, and `A-Bx` multiples (checked by the generator).
    let words = |p: &str| -> Vec<String> { fold(p).split(' ').map(str::to_string).collect() };
    let mut qualifiers: Vec<(Vec<String>, &'static str)> = Vec::new();
    let mut multiples: Vec<(Vec<String>, f64, f64)> = Vec::new();
    for [p, m] in rows::<2>(tables::QUALIFIERS) {
        match m.strip_suffix('x').and_then(|f| f.split_once('-')) {
            Some((lo, hi)) => multiples.push((words(p), lo.parse().unwrap_or(1.0), hi.parse().unwrap_or(1.0))),
            None => qualifiers.push((words(p), m)),
        }
    }
    crate::sort::sort_by(&mut qualifiers, |a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let mut places = Vec::new();
    let mut place_names = HashMap::default();
    let mut demonyms = HashMap::default();
    for (i, [name, kind, aliases, dems]) in rows::<4>(tables::PLACES).enumerate() {
        places.push(Place { name, kind });
        for a in std::iter::once(name).chain(items(aliases)) {
            place_names.entry(fold(a)).or_insert(i);
        }
        for d in items(dems) {
            demonyms.entry(fold(d)).or_insert(i);
        }
    }
    let and_heads = place_names.keys().filter_map(|k: &String| k.split_once(" and ").map(|(h, _)| h.to_string())).collect();
    let mut organizations = HashMap::default();
    for [name, aliases] in rows::<2>(tables::ORGANIZATIONS) {
        for a in std::iter::once(name).chain(items(aliases)) {
            organizations.entry(fold(a)).or_insert(name);
        }
    }
    let mut titles: HashMap<String, Vec<(&'static str, TitleKind)>> = HashMap::default();
    for [word, norm, kind] in rows::<3>(tables::TITLES) {
        let norm = if norm.is_empty() { word } else { norm };
        let kind = match kind {
            "title" => TitleKind::Title,
            "modifier" => TitleKind::Modifier,
            "honorific" => TitleKind::Honorific,
            "group" => TitleKind::Group,
            _ => TitleKind::Lower,
        };
        titles.entry(fold(word)).or_default().push((norm, kind));
    }
    let keywords = rows::<2>(tables::KEYWORDS)
        .map(|[w, k]| {
            let kind = match k {
                "organization" => EntityKind::Organization,
                "place" => EntityKind::Place,
                _ => EntityKind::Other,
            };
            (fold(w), kind)
        })
        .collect();
    let mut synonyms = HashMap::default();
    let mut synonym_max_words = 1;
    for [canon, variants] in rows::<2>(tables::SYNONYMS) {
        for v in std::iter::once(canon).chain(items(variants)) {
            let f = fold(v);
            synonym_max_words = synonym_max_words.max(f.split([' ', '-']).count());
            synonyms.entry(f).or_insert(canon);
        }
    }
    // Irregular past forms map to their base form, or to the base form's synonym group ("led" →
    // "lead"); a form already listed as a synonym keeps that mapping.
    let mut past_forms = HashSet::default();
    for [base, forms] in rows::<2>(tables::IRREGULAR_VERBS) {
        let canon: &'static str = synonyms.get(base).copied().unwrap_or(base);
        for f in items(forms) {
            synonyms.entry(fold(f)).or_insert(canon);
            past_forms.insert(fold(f));
        }
    }
    let synonym_heads = synonyms
        .keys()
        .filter_map(|k: &String| {
            let head = k.split([' ', '-']).next()?;
            (head.len() < k.len()).then(|| head.to_string())
        })
        .collect();
    // Tone lists: folded, words joined by one space, hyphens tight; token count for the scan window.
    let tone_key = |entry: &str| {
        let key = fold(entry).split_whitespace().collect::<Vec<_>>().join(" ").replace(" - ", "-");
        let tokens = key.split(' ').count() + 2 * key.matches('-').count() + key.matches("'s").count();
        (key, tokens)
    };
    let mut tone_max_tokens = 1;
    let mut hedges = HashMap::default();
    for h in tables::HEDGES.lines() {
        let (k, n) = tone_key(h);
        tone_max_tokens = tone_max_tokens.max(n);
        hedges.entry(k).or_insert(h);
    }
    let mut loaded = HashMap::default();
    for [w, category, note] in rows::<3>(tables::LOADED) {
        let (k, n) = tone_key(w);
        tone_max_tokens = tone_max_tokens.max(n);
        loaded.entry(k).or_insert((w, category, note));
    }
    let mut attribution = HashMap::default();
    for [w, stance] in rows::<2>(tables::ATTRIBUTION) {
        let (k, n) = tone_key(w);
        tone_max_tokens = tone_max_tokens.max(n);
        attribution.entry(k).or_insert((w, stance));
    }
    let tone_heads = hedges
        .keys()
        .chain(loaded.keys())
        .chain(attribution.keys())
        .filter_map(|k: &String| {
            let head = k.split([' ', '-']).next()?.trim_end_matches("'s");
            (head.len() < k.len()).then(|| head.to_string())
        })
        .collect();
    Lexicon {
        hedges,
        loaded,
        attribution,
        tone_max_tokens,
        tone_heads,
        event_ordinals: rows::<2>(tables::EVENT_CUES).filter_map(|[w, v]| v.parse::<u8>().ok().map(|o| (fold(w), o))).collect(),
        event_nouns: rows::<2>(tables::EVENT_CUES).filter(|[_, v]| *v == "event").map(|[w, _]| fold(w)).collect(),
        synonym_heads,
        abbreviations: set(tables::ABBREVIATIONS),
        stopwords: set(tables::STOPWORDS),
        stopword_keys: set(tables::STOPWORDS).iter().filter_map(|w| short_key(w)).collect(),
        boilerplate: tables::BOILERPLATE.lines().map(fold).collect(),
        speech_verbs: set(tables::SPEECH_VERBS),
        past_forms,
        time_markers: set(tables::TIME_MARKERS),
        stamp_words: set(tables::STAMP_WORDS),
        clause_starters: set(tables::CLAUSE_STARTERS),
        first_names: WordSet::front_coded(tables::FIRST_NAMES, true),
        // Already lower-case ASCII: no folding needed.
        common_words: WordSet::front_coded(tables::COMMON_WORDS, false),
        and_heads,
        gazetteer: place_names
            .iter()
            .map(|(k, &p)| (k.clone(), (places[p].name, EntityKind::Place)))
            .chain(organizations.iter().filter(|(k, _)| !place_names.contains_key(*k)).map(|(k, &o)| (k.clone(), (o, EntityKind::Organization))))
            .collect(),
        places,
        place_names,
        demonyms,
        organizations,
        titles,
        keywords,
        synonyms,
        synonym_max_words,
        // The generator checks that every value parses.
        number_words,
        number_word_starts,
        calendar_starts: Starts::new(calendar.keys()),
        calendar,
        qualifiers,
        multiples,
        time_relations: rows::<2>(tables::TIME_RELATIONS).map(|[w, r]| (fold(w), r)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_word_starts_cover_every_number_word() {
        let lex = get();
        assert!(lex.number_words.keys().all(|w| lex.may_be_number_word(w)));
        assert!(lex.calendar.keys().all(|w| lex.calendar_starts.may_hold(w)));
        assert!(!lex.calendar_starts.may_hold("putin") && !lex.calendar_starts.may_hold("kremlin"));
        assert!(!lex.may_be_number_word("") && !lex.may_be_number_word("putin") && !lex.may_be_number_word("élan"));
    }

    /// The one gazetteer map says what the place map, then the organisation map, says.
    #[test]
    fn gazetteer_is_places_then_organizations() {
        let lx = get();
        assert_eq!(lx.gazetteer.len(), lx.place_names.keys().chain(lx.organizations.keys()).collect::<HashSet<_>>().len());
        for (k, v) in &lx.gazetteer {
            let want = match lx.place_names.get(k) {
                Some(&p) => (lx.places[p].name, EntityKind::Place),
                None => (lx.organizations[k], EntityKind::Organization),
            };
            assert_eq!(*v, want, "{k}");
        }
    }

    #[test]
    fn looks_up_folded_forms() {
        let lx = get();
        let kyiv = lx.place_names["kiev"];
        assert_eq!(lx.places[kyiv].name, "Kyiv");
        assert_eq!(lx.places[lx.place_names["u.s."]].name, "United States");
        assert_eq!(lx.places[lx.place_names["turkiye"]].name, "Turkey");
        assert_eq!(lx.places[lx.demonyms["ukrainian"]].name, "Ukraine");
        assert_eq!(lx.organizations["nato"], "NATO");
        assert_eq!(lx.title("defence", TitleKind::Modifier), Some("Defense"));
        assert_eq!(lx.canonical("truce"), "ceasefire");
        assert_eq!(lx.canonical("prisoners of war"), "prisoner of war");
        assert!(lx.is_stopword("the"));
        assert_eq!(lx.number_words["thousand"], (1000.0, true));
    }

    /// `is_stopword` through the short keys answers as the word set does: every stop word, and
    /// their prefixes, extensions and other short and long words.
    #[test]
    fn short_keys_find_the_stop_words() {
        let lx = get();
        assert!(lx.stopwords.iter().all(|w| lx.is_stopword(w)));
        let mut others: Vec<String> = lx.stopwords.iter().flat_map(|w| [w[..w.len() - 1].to_string(), format!("{w}s"), format!("{w}\0"), format!("x{w}")]).collect();
        others.extend(["", "a\0", "\0", "kyiv", "themselves", "although", "ukrainian"].map(String::from));
        for w in &others {
            assert_eq!(lx.is_stopword(w), lx.stopwords.contains(w.as_str()), "{w:?}");
        }
        assert!(lx.stopwords.iter().any(|w| w.len() > SHORT_KEY_BYTES), "the long path is tested too");
    }

    /// The front-coded tables decode to exactly the words of their data files.
    #[test]
    fn front_coded_lists_decode_to_the_data_files() {
        for (table, file) in [
            (tables::COMMON_WORDS, include_str!("../../data/lexicon/common_words.txt")),
            (tables::FIRST_NAMES, include_str!("../../data/lexicon/first_names.txt")),
        ] {
            let mut want: Vec<&str> =
                file.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').next().unwrap()).collect();
            want.sort_unstable();
            want.dedup();
            let mut got: Vec<String> = front_decoded(table).collect();
            got.sort_unstable();
            assert_eq!(got.len(), want.len());
            assert!(got.iter().zip(&want).all(|(g, w)| g == w));
        }
        let lx = get();
        // The sets hold the same words as the decoded lists (folded, for the names).
        for (set, table, folded) in [(&lx.common_words, tables::COMMON_WORDS, false), (&lx.first_names, tables::FIRST_NAMES, true)] {
            let words: HashSet<String> = front_decoded(table).map(|w| if folded { fold(&w) } else { w }).collect();
            assert_eq!(set.len(), words.len());
            assert!(words.iter().all(|w| set.contains(w)));
        }
        assert!(lx.common_words.contains("abandon") && lx.common_words.contains("zoo"));
        assert!(lx.first_names.contains("vladimir") && lx.first_names.contains("zsazsa"));
        assert_eq!(front_decoded("0abc\n2d|ac\n9\n0x|~").collect::<Vec<_>>(), ["abc", "abd", "abds", "abded", "abd", "x"]);
    }
}
