//! Entity mentions: runs of capitalised words, split into a title/role prefix and a name, and
//! classified with the gazetteers, title words and name-final keywords of [`crate::lexicon`].
//!
//! Invariants:
//! - A mention's span covers the name only: no title, no possessive `'s`, no trailing punctuation.
//! - Demonyms ("Ukrainian") are not place mentions; they only qualify roles.
//! - Kinds not backed by a list, a title or a keyword are marked `guessed`; the comparison stage
//!   settles them with what other mentions (in every article) say.

use compact_str::CompactString;
use rustc_hash::FxHashSet as HashSet;

use super::Sentence;
use crate::lexicon::{self, Lexicon, TitleKind};
use crate::report::EntityKind;
use crate::text::{Token, TokKind};

/// A name in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// Byte span of the name.
    pub start: usize,
    pub end: usize,
    /// The name as written.
    pub surface: String,
    /// Folded words of the name.
    /// (Inline when short, as tokens' folded forms are: no allocation per word.)
    pub words: Vec<CompactString>,
    pub kind: EntityKind,
    /// The kind was guessed from the shape alone.
    pub guessed: bool,
    /// The gazetteer's canonical name (places and organisations found there).
    pub canonical: Option<&'static str>,
    /// Titles and roles given here: before the name, in an appositive, or by "led by".
    pub roles: Vec<RoleMention>,
}

/// A title or role given to a person in one place of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleMention {
    /// Normalised title words, e.g. "Defense Minister", "presidential aide", "retired Lieutenant General".
    pub title: String,
    /// The office word that heads the title ("Minister"), used to compare roles.
    pub head: String,
    /// The country the title is of ("Ukraine" for "Ukrainian Defence Minister").
    pub country: Option<&'static str>,
    /// Byte span of the role words.
    pub start: usize,
    pub end: usize,
}

impl RoleMention {
    /// Whether the role is leading a body ("head of delegation", see [`leadership_roles`]), not
    /// a title.
    pub fn leads(&self) -> bool {
        self.head.starts_with("head of ")
    }

    /// The role as shown: "Defense Minister (Ukraine)".
    pub fn display(&self) -> String {
        match self.country {
            Some(c) => format!("{} ({c})", self.title),
            None => self.title.clone(),
        }
    }
}

const CONNECTORS: &[&str] = &["of", "de", "da", "del", "al", "bin", "van", "von", "der", "la", "le", "du", "and"];

/// Finds the mentions of every sentence.
/// `lower_words`: words the article writes in lower case; `mid_caps`: words it capitalises
/// inside a sentence (both say whether a sentence-initial capital is a name).
pub fn extract(text: &str, sentences: &[Sentence], lower_words: &HashSet<&str>, mid_caps: &HashSet<&str>) -> Vec<Mention> {
    let lex = lexicon::get();
    let mut out = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let toks = &s.tokens;
        let first_word = toks.iter().position(|t| t.is_word());
        let mut i = 0;
        while i < toks.len() {
            if !(toks[i].is_word() && toks[i].cap) {
                i += 1;
                continue;
            }
            if is_party_designator(toks, i) {
                i += 3;
                continue;
            }
            // A run of capitalised words, allowing inner connectors ("Minister of Defense").
            let mut j = i + 1;
            while j < toks.len() {
                if toks[j].is_word() && toks[j].cap && lex.calendar.get(toks[j].folded.trim_end_matches('.')).is_some_and(|&c| c > 100) {
                    break; // "Athens Saturday": a weekday ends a name
                } else if toks[j].is_word() && toks[j].cap {
                    j += 1;
                } else if toks[j].folded == "-"
                    && toks[j - 1].end == toks[j].start
                    && toks.get(j + 1).is_some_and(|n| n.start == toks[j].end && n.is_word() && n.cap)
                    && !(is_known(lex, &toks[j - 1].folded) && is_known(lex, &toks[j + 1].folded))
                {
                    // "T-Mobile", "Hewlett-Packard" are one name; "Russia-Ukraine" is two.
                    j += 2;
                } else if toks[j].folded == "for"
                    && toks.get(j + 1).is_some_and(|n| n.is_word() && n.cap)
                    && FOR_HEADS.contains(&toks[j - 1].folded.as_str())
                {
                    // "Center for Biological Diversity", "Committee for the …" stays out.
                    j += 2;
                } else if CONNECTORS.contains(&toks[j].folded.as_str())
                    && j + 1 < toks.len()
                    && toks[j + 1].is_word()
                    && toks[j + 1].cap
                    && (toks[j].folded != "and" || joined_by_and(lex, &toks[i..j]) || and_organisation(lex, toks, j))
                {
                    j += 2;
                } else {
                    break;
                }
            }
            let mut run_start = i;
            // Sentence-initial words that are ordinary words elsewhere ("The", "Despite") are not names.
            while run_start < j
                && (is_function_word(lex, &toks[run_start].folded)
                    || (Some(run_start) == first_word
                        && (is_common_word(lex, &toks[run_start].folded, lower_words)
                            || (j - run_start == 1 && !mid_caps.contains(toks[run_start].folded.as_str())))))
                && !is_known(lex, &toks[run_start].folded)
            {
                run_start += 1;
            }
            if run_start < j {
                analyse_run(text, si, s, run_start, j, lex, &mut out);
            }
            i = j.max(i + 1);
        }
    }
    out
}

/// "X and Y" joins one name only when the part before is an organisation-like start
/// ("Bosnia and Herzegovina", "Department of Justice and ..."): checked by the gazetteer.
fn joined_by_and(lex: &Lexicon, before: &[Token]) -> bool {
    before.len() == 1 && lex.and_heads.contains(before[0].folded.as_str())
}

/// Organisation words that a name goes on from with "for": "Center for Biological Diversity",
/// "Centers for Disease Control", "Campaign for Tobacco-Free Kids", "Committee for Economic
/// Development". (The name is an organisation: see `analyse_run`.)
const FOR_HEADS: &[&str] = &["center", "centre", "centers", "centres", "committee", "council", "institute", "coalition", "campaign", "alliance", "society", "foundation", "fund", "association", "league", "union", "office", "bureau", "commission", "agency", "movement", "partnership", "network"];

/// A US party-and-state designator after a politician's name, "(D-Mass.)" or ", R-Texas,":
/// "D", "R" or "I", a hyphen and a capitalised word, all touching, after "(" or ",". It is no
/// name of its own (it was a person, and so a quote's speaker). "D-Day" is no designator.
fn is_party_designator(toks: &[Token], i: usize) -> bool {
    let touching = |a: &Token, b: &Token| a.end == b.start;
    matches!(toks[i].folded.as_str(), "d" | "r" | "i")
        && i > 0
        && matches!(toks[i - 1].folded.as_str(), "(" | ",")
        && toks.get(i + 1).is_some_and(|h| h.folded == "-" && touching(&toks[i], h))
        && toks.get(i + 2).is_some_and(|w| w.is_word() && w.cap && touching(&toks[i + 1], w) && w.folded.trim_end_matches('.') != "day")
}

/// "Fish and Wildlife Service", "National Oceanic and Atmospheric Administration": at the "and"
/// `toks[and]`, the capitalised words after it (with inner "of") end in an organisation keyword,
/// and the word before it is no place, organisation or given name of its own ("Russia and
/// Ukraine Foreign Ministry" stays two names).
fn and_organisation(lex: &Lexicon, toks: &[Token], and: usize) -> bool {
    let before = toks[and - 1].folded.trim_end_matches('.');
    // "… Wildlife Service and National Marine Fisheries Service": the part before is a whole
    // organisation already.
    if is_known(lex, before) || lex.first_names.contains(before) || lex.keywords.get(before) == Some(&EntityKind::Organization) {
        return false;
    }
    let mut q = and + 1;
    while q < toks.len() && toks[q].is_word() && (toks[q].cap || (toks[q].folded == "of" && toks.get(q + 1).is_some_and(|t| t.is_word() && t.cap))) {
        q += 1;
    }
    q > and + 1 && lex.keywords.get(toks[q - 1].folded.trim_end_matches('.')) == Some(&EntityKind::Organization)
}

/// A person named with several words whose last (folded) is `word`: "Lohan" of "Lindsay Lohan".
fn has_surname(m: &Mention, word: &str) -> bool {
    m.kind == EntityKind::Person && m.words.len() > 1 && m.words.last().is_some_and(|w| w.as_str() == word)
}

/// A stop word, or a contraction of one ("i'm", "it's", "we'll", "they've") or a negated
/// auxiliary ("don't", "isn't"): a capital on it after a quotation mark inside a sentence
/// ("declaring, “I’m on meth.”") made it a name. ("o'brien" is no contraction: "o" is no stop
/// word.) `w` is folded, so its apostrophe is '\''.
fn is_function_word(lex: &Lexicon, w: &str) -> bool {
    if lex.is_stopword(w) || w.ends_with("n't") {
        return true;
    }
    match w.split_once('\'') {
        Some((base, "m" | "s" | "d" | "ll" | "ve" | "re")) => lex.is_stopword(base),
        _ => false,
    }
}

fn is_known(lex: &Lexicon, w: &str) -> bool {
    lex.gazetteer.contains_key(w) || lex.demonyms.contains_key(w) || lex.is_title_word(w)
}

fn is_common_word(lex: &Lexicon, w: &str, lower_words: &HashSet<&str>) -> bool {
    lower_words.contains(w) || lex.synonyms.contains_key(w) || lex.speech_verbs.contains(w)
}

/// Folded words joined as they stand in the text: a space where there was white space, nothing
/// where they touch ("t-mobile", "u.s. army").
fn phrase(toks: &[Token]) -> String {
    let mut s = String::with_capacity(toks.iter().map(|t| t.folded.len() + 1).sum());
    for (k, t) in toks.iter().enumerate() {
        if k > 0 && toks[k - 1].end < t.start {
            s.push(' ');
        }
        s.push_str(&t.folded);
    }
    s
}

/// The longest gazetteer place or organisation starting at `toks[i]` within `toks[..end]`:
/// (tokens used, canonical, kind).
fn gazetteer_at(lex: &Lexicon, toks: &[Token], i: usize, end: usize) -> Option<(usize, &'static str, EntityKind)> {
    // The phrase of `len` tokens is a prefix of the phrase of `len + 1`: build the longest once
    // and look its prefixes up, longest first.
    let n = (end - i).min(6);
    if n == 1 {
        // One word (most calls): its folded form is the phrase, nothing to build.
        return gazetteer_entry(lex, &toks[i].folded).map(|(canon, kind)| (1, canon, kind));
    }
    let longest = phrase(&toks[i..i + n]);
    let mut ends = [0usize; 6];
    let mut len = 0;
    for (k, t) in toks[i..i + n].iter().enumerate() {
        if k > 0 && toks[i + k - 1].end < t.start {
            len += 1;
        }
        len += t.folded.len();
        ends[k] = len;
    }
    (1..=n).rev().find_map(|len| gazetteer_entry(lex, &longest[..ends[len - 1]]).map(|(canon, kind)| (len, canon, kind)))
}

/// The gazetteer place or organisation named by a folded phrase: (canonical, kind).
fn gazetteer_entry(lex: &Lexicon, phrase: &str) -> Option<(&'static str, EntityKind)> {
    lex.gazetteer.get(phrase).copied()
}

/// The readings of a token as a title word, as written or without its full stop ("Sen.").
fn title_kinds<'l>(lex: &'l Lexicon, t: &Token) -> Option<&'l Vec<(&'static str, TitleKind)>> {
    lex.titles.get(t.folded.as_str()).or_else(|| lex.titles.get(t.folded.trim_end_matches('.')))
}

/// Splits the run `toks[a..b]` of sentence `si` into role prefix and name, and records mentions.
fn analyse_run(text: &str, si: usize, s: &Sentence, a: usize, b: usize, lex: &Lexicon, out: &mut Vec<Mention>) {
    let toks = &s.tokens;
    // 1. Role prefix: [place|demonym]* [modifier|title|honorific]+ ("of" [modifier|place])*.
    let mut k = a;
    let mut country = None;
    let mut title_words: Vec<&'static str> = Vec::new();
    let mut head: Option<&'static str> = None;
    let mut honorific = false;
    let mut role_start = toks[a].start;
    // Lower-case role words just before the run: "presidential aide", "retired".
    let mut lb = a;
    while lb > 0 {
        let t = &toks[lb - 1];
        if !t.is_word() || t.cap {
            break;
        }
        match lex.titles.get(t.folded.as_str()) {
            Some(kinds) if kinds.iter().any(|(_, k)| matches!(k, TitleKind::Lower | TitleKind::Modifier)) => lb -= 1,
            _ => break,
        }
    }
    for t in &toks[lb..a] {
        let (norm, kind) = lex.titles[t.folded.as_str()][0];
        title_words.push(norm);
        if kind == TitleKind::Lower && lex.title(&t.folded, TitleKind::Lower).is_some_and(|n| n != "presidential") {
            head = Some(norm);
        }
    }
    if lb < a {
        role_start = toks[lb].start;
    }
    loop {
        if k >= b {
            break;
        }
        let f = toks[k].folded.trim_end_matches('.');
        if title_words.is_empty() && country.is_none() {
            if let Some(&p) = lex.demonyms.get(f) {
                country = Some(lex.places[p].name);
                k += 1;
                continue;
            }
            if let Some((len, canon, EntityKind::Place)) = gazetteer_at(lex, toks, k, b) {
                // "U.S. President": a place directly followed by a title word.
                if k + len < b && lex.titles.get(toks[k + len].folded.trim_end_matches('.')).is_some() {
                    country = Some(canon);
                    k += len;
                    continue;
                }
            }
        }
        let Some(kinds) = title_kinds(lex, &toks[k]) else { break };
        if kinds.iter().all(|(_, k)| *k == TitleKind::Group) {
            break;
        }
        // Prefer the office reading ("General"), then modifier, then honorific.
        let (norm, kind) = kinds
            .iter()
            .find(|(_, k)| *k == TitleKind::Title)
            .or_else(|| kinds.iter().find(|(_, k)| *k == TitleKind::Modifier))
            .or_else(|| kinds.first())
            .copied()
            .unwrap_or(("", TitleKind::Lower));
        match kind {
            TitleKind::Honorific => honorific = true,
            // A capitalised occupation before a name ("Actress Tara Reid") heads a role too.
            TitleKind::Title | TitleKind::Lower => {
                head = Some(norm);
                title_words.push(norm);
            }
            _ => title_words.push(norm),
        }
        k += 1;
        // "Minister of Defense", "President of Ukraine".
        if kind == TitleKind::Title && k + 1 < b && toks[k].folded == "of" {
            if let Some(m) = lex.title(&toks[k + 1].folded, TitleKind::Modifier) {
                title_words.insert(title_words.len() - 1, m);
                k += 2;
            } else if let Some((len, canon, EntityKind::Place)) = gazetteer_at(lex, toks, k + 1, b) {
                country = Some(canon);
                k += 1 + len;
            }
        }
    }
    let has_title = head.is_some() || honorific;
    if !has_title && k == a && !s.headline {
        // "House Select Committee Chairman Edward Markey", "Creighton Athletic Director Bruce
        // Rasmussen": the name of a body or a post, then a title and a person's name (a known
        // first name after the title words). All before the name is the role, as written: the
        // words before the title word are often part of the post ("Fire Chief", "Surgeon
        // General", "Vice Adm."), so they are not made a name of their own.
        let title_at = |t: &Token| title_kinds(lex, t).and_then(|kinds| kinds.iter().find(|(_, k)| matches!(k, TitleKind::Title | TitleKind::Honorific)).copied());
        if let Some(j) = (a + 1..b).find(|&j| title_at(&toks[j]).is_some()) {
            let after = (j..b).find(|&q| title_at(&toks[q]).is_none()).unwrap_or(b);
            let joined = toks[a..b].iter().any(|t| t.folded == "and");
            if !joined && after + 1 < b && lex.first_names.contains(toks[after].folded.as_str()) {
                let head = toks[j..after].iter().rev().filter_map(title_at).find(|(_, k)| *k == TitleKind::Title).map(|(norm, _)| norm);
                let role = head.map(|head| RoleMention {
                    title: text[toks[a].start..toks[after - 1].end].to_string(),
                    head: head.to_string(),
                    country: None,
                    start: toks[a].start,
                    end: toks[after - 1].end,
                });
                push(out, text, si, toks, after, b, EntityKind::Person, false, None, role);
                return;
            }
        }
    }
    if has_title && k >= b {
        // A title without a name ("the President said"), unless it is the surname of a person
        // the article named before: "Billy King … “…,” King said".
        if b - a == 1 && !(a > 0 && matches!(toks[a - 1].folded.as_str(), "the" | "a" | "an" | "'s" | "’s")) {
            let word = toks[a].folded.as_str();
            if out.iter().any(|m| has_surname(m, word)) {
                push(out, text, si, toks, a, b, EntityKind::Person, false, None, None);
            }
        }
        return;
    }
    let name_start = if has_title { k } else { a };
    if !has_title {
        // No title: a demonym before the name stays out of the role.
        country = None;
        title_words.clear();
    }
    let role = if head.is_some() && name_start > 0 {
        let title = title_words.join(" ");
        Some(RoleMention {
            title,
            head: head.unwrap_or_default().to_string(),
            country,
            start: role_start,
            end: toks[name_start - 1].end,
        })
    } else {
        None
    };
    let role = role.or_else(|| appositive_role(toks, b, lex));
    if has_title {
        push(out, text, si, toks, name_start, b, EntityKind::Person, false, None, role);
        return;
    }
    // 2. No title: gazetteer names, keyword-typed names, or a guess.
    let mut p = name_start;
    while p < b {
        if let Some(&d) = lex.demonyms.get(toks[p].folded.as_str()) {
            let _ = d; // demonyms qualify, they are not place mentions
            p += 1;
            continue;
        }
        if let Some((len, canon, kind)) = gazetteer_at(lex, toks, p, b) {
            let more = &toks[p + len..b];
            // "Indianapolis Colts", "France Telecom", "Boston Herald": a place that starts a longer
            // name (of words that are not themselves a place) names an organisation.
            if kind == EntityKind::Place
                && !s.headline
                && !more.is_empty()
                && !continues_name(lex, more)
                && gazetteer_at(lex, toks, p + len, b).is_none()
                && !lex.demonyms.contains_key(more[0].folded.as_str())
                && more[0].folded != "of"
            {
                push(out, text, si, toks, p, b, EntityKind::Organization, true, None, None);
                return;
            }
            if kind == EntityKind::Place && more.len() > 1 && more[0].folded == "of" {
                // "Gulf of Aden", "Sea of Japan": one place.
                push(out, text, si, toks, p, b, EntityKind::Place, false, None, None);
                return;
            }
            if more.is_empty() || s.headline || !continues_name(lex, more) {
                push(out, text, si, toks, p, p + len, kind, false, Some(canon), None);
                p += len;
                continue;
            }
        }
        break;
    }
    if p >= b {
        return;
    }
    let rest = &toks[p..b];
    let last = rest.last().map(|t| t.folded.trim_end_matches('.')).unwrap_or("");
    if rest.windows(2).any(|w| w[1].folded == "for" && FOR_HEADS.contains(&w[0].folded.as_str())) {
        push(out, text, si, toks, p, b, EntityKind::Organization, false, None, None);
        return;
    }
    if let Some(&kind) = lex.keywords.get(last) {
        // A keyword alone ("Street", "Palace") is a capitalised common noun, not a name.
        if rest.len() > 1 {
            push(out, text, si, toks, p, b, kind, false, None, None);
        }
        return;
    }
    if s.headline {
        return; // Title Case: every word is capitalised, so shape says nothing.
    }
    if rest.iter().any(|t| lex.calendar.contains_key(t.folded.trim_end_matches('.')) || t.kind == TokKind::Number) {
        return; // dates are handled by the number extractor
    }
    if rest.len() == 1 && lex.synonyms.contains_key(rest[0].folded.as_str()) {
        return; // a common noun written with a capital ("POWs")
    }
    if rest.len() == 1 && is_acronym(rest[0].text(text)) {
        push(out, text, si, toks, p, b, EntityKind::Organization, true, None, None);
        return;
    }
    // "Englishman Robert Buckley", "Fired Jim O'Brien": ordinary words before a given name are
    // not part of the name.
    let mut p = p;
    while b - p >= 3 && lex.common_words.contains(toks[p].folded.as_str()) && !lex.first_names.contains(toks[p].folded.as_str()) && lex.first_names.contains(toks[p + 1].folded.as_str()) {
        p += 1;
    }
    let rest = &toks[p..b];
    // One word: a speech verb right after it ("Obama said") makes it a person; otherwise the
    // comparison stage settles it with the other articles.
    let speaks = rest.len() == 1 && toks.get(b).is_some_and(|t| lex.speech_verbs.contains(t.folded.as_str()));
    // Several words: a person when the first is a given name or an initial ("Keith Kellogg",
    // "J. K. Rowling"), not for any capitalised phrase ("Internet Explorer").
    // …or when none of its words is an ordinary English word ("Wladimir Klitschko").
    let first = rest[0].folded.trim_end_matches('.');
    let given = lex.first_names.contains(first) || (first.chars().count() == 1 && rest[0].folded.ends_with('.'));
    let unusual = rest.iter().all(|t| !lex.common_words.contains(t.folded.trim_end_matches('.')) && person_shaped(t.text(text)));
    let kind = if ((2..=4).contains(&rest.len()) && (given || unusual)) || (speaks && given) { EntityKind::Person } else { EntityKind::Other };
    push(out, text, si, toks, p, b, kind, true, None, role);
}

/// Names in headlines. Title Case says nothing about what is a name, so a headline only gets
/// mentions of names the article's body confirms: the longest run of its words equal to the
/// words of a body mention, or a person's surname ("Lohan" after "Lindsay Lohan").
pub fn headline_names(text: &str, sentences: &[Sentence], mentions: &mut Vec<Mention>) {
    let known: Vec<&Mention> = mentions.iter().filter(|m| !sentences[m.sentence].headline && (!m.guessed || m.words.len() > 1)).collect();
    if known.is_empty() {
        return;
    }
    let max_len = known.iter().map(|m| m.words.len()).max().unwrap_or(1);
    let mut added = Vec::new();
    for (si, s) in sentences.iter().enumerate().filter(|(_, s)| s.headline) {
        let toks = &s.tokens;
        let mut i = 0;
        while i < toks.len() {
            let taken = mentions.iter().any(|m| m.sentence == si && m.start <= toks[i].start && toks[i].start < m.end);
            if taken || !(toks[i].is_word() && toks[i].cap) {
                i += 1;
                continue;
            }
            let found = (1..=max_len.min(toks.len() - i)).rev().find_map(|len| {
                let words: Vec<&str> = toks[i..i + len].iter().map(|t| t.folded.as_str()).collect();
                known
                    .iter()
                    .find(|m| m.words.iter().map(CompactString::as_str).eq(words.iter().copied()))
                    .or_else(|| (len == 1).then(|| known.iter().find(|m| has_surname(m, words[0]))).flatten())
                    .map(|m| (len, m))
            });
            match found {
                Some((len, m)) => {
                    let (start, end) = (toks[i].start, toks[i + len - 1].end);
                    added.push(Mention {
                        sentence: si,
                        start,
                        end,
                        surface: text[start..end].to_string(),
                        words: toks[i..i + len].iter().map(|t| t.folded.clone()).collect(),
                        kind: m.kind,
                        guessed: false,
                        canonical: m.canonical,
                        roles: Vec::new(),
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
    }
    mentions.extend(added);
    crate::sort::sort_by_key(mentions, |m| (m.sentence, m.start));
}

/// Roles from leading a body: "the Russian delegation, led by X", "X, heading the Russian
/// delegation" → "head of delegation (Russia)".
pub fn leadership_roles(sentences: &[Sentence], mentions: &mut [Mention]) {
    let lex = lexicon::get();
    let group = |t: &Token| lex.title(&t.folded, TitleKind::Group);
    let country = |t: &Token| -> Option<&'static str> {
        let f = t.folded.as_str();
        lex.demonyms.get(f).or_else(|| lex.place_names.get(f)).map(|&p| lex.places[p].name)
    };
    let country_before = |toks: &[Token], i: usize| if i > 0 { country(&toks[i - 1]) } else { None };
    for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Person || (m.guessed && m.words.len() > 1)) {
        let toks = &sentences[m.sentence].tokens;
        let Some(at) = toks.iter().position(|t| t.start == m.start) else { continue };
        let end = toks.iter().position(|t| t.end == m.end).unwrap_or(at);
        // "<demonym> delegation[,] led by [title words] NAME"
        let mut i = at;
        while i > 0 && {
            let f = toks[i - 1].folded.trim_end_matches('.');
            lex.is_title_word(f) || lex.demonyms.contains_key(f) || lex.place_names.contains_key(f) || f == "of"
        } {
            i -= 1;
        }
        let found = if i >= 3 && toks[i - 1].is("by") && matches!(toks[i - 2].folded.as_str(), "led" | "headed") {
            let g = if toks[i - 3].folded == "," && i >= 4 { i - 4 } else { i - 3 };
            group(&toks[g]).map(|name| {
                let country = country_before(toks, g);
                let start = if country.is_some() { toks[g - 1].start } else { toks[g].start };
                (name, country, start, toks[i - 1].end)
            })
        } else {
            None
        };
        // "NAME, heading the <demonym> delegation"
        let found = found.or_else(|| {
            let verb = toks.get(end + 2).filter(|_| toks.get(end + 1).is_some_and(|t| t.folded == ","))?;
            if !matches!(verb.folded.as_str(), "heading" | "leading") {
                return None;
            }
            let mut g = end + 3;
            if toks.get(g).is_some_and(|t| t.is("the")) {
                g += 1;
            }
            let country = toks.get(g).and_then(country);
            if country.is_some() {
                g += 1;
            }
            let name = group(toks.get(g)?)?;
            Some((name, country, verb.start, toks[g].end))
        });
        if let Some((name, country, start, end)) = found {
            m.roles.push(RoleMention { title: format!("head of {name}"), head: format!("head of {name}"), country, start, end });
            if m.guessed && m.kind == EntityKind::Person {
                m.guessed = false;
            }
        }
    }
}

/// Settles, within one article, single-word guesses that are the surname of a person named in
/// full elsewhere in it ("Zelensky" after "Volodymyr Zelensky"), and multi-word guesses that a
/// titled mention confirms.
pub fn resolve_in_doc(mentions: &mut [Mention]) {
    let people: Vec<(CompactString, bool)> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| (m.words.last().cloned().unwrap_or_default(), m.words.len() > 1))
        .collect();
    let full: Vec<Vec<CompactString>> = mentions.iter().filter(|m| m.kind == EntityKind::Person && !m.guessed).map(|m| m.words.clone()).collect();
    for m in mentions.iter_mut().filter(|m| m.guessed) {
        let last = m.words.last().cloned().unwrap_or_default();
        if m.kind == EntityKind::Other && m.words.len() == 1 && people.iter().any(|(l, _)| *l == last) {
            m.kind = EntityKind::Person;
            m.guessed = false;
        } else if m.kind == EntityKind::Person && full.iter().any(|w| *w == m.words) {
            m.guessed = false;
        }
    }
}

/// A word shaped like part of a person's name: capitalised, then lower case, except after the
/// surname prefixes Mc, Mac, De, Di, Da, La, Le, Van, Von, O' ("McDonald", "DeGeneres");
/// "BlackBerry", "iPhone" and all-capitals words are not.
fn person_shaped(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    let mut chars = w.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let n = w.chars().count();
    if n == 1 {
        return true; // an initial
    }
    let inner_caps: Vec<usize> = w.char_indices().skip(1).filter(|(_, c)| c.is_uppercase()).map(|(i, _)| i).collect();
    if inner_caps.is_empty() {
        return true;
    }
    if inner_caps.len() == 1 && w.chars().filter(|c| c.is_alphabetic()).count() > 3 {
        let prefix = &w[..inner_caps[0]];
        return matches!(prefix, "Mc" | "Mac" | "De" | "Di" | "Da" | "La" | "Le" | "Van" | "Von" | "O'" | "O’" | "D'" | "D’");
    }
    false
}

/// More capitalised words after a gazetteer name that make it a longer name ("Turkey Cup").
fn continues_name(lex: &Lexicon, rest: &[Token]) -> bool {
    rest.iter().any(|t| lex.keywords.contains_key(t.folded.trim_end_matches('.')))
}

fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
}

/// "Vladimir Medinsky, a presidential aide," → "presidential aide".
fn appositive_role(toks: &[Token], after: usize, lex: &Lexicon) -> Option<RoleMention> {
    if toks.get(after)?.folded != "," {
        return None;
    }
    let art = toks.get(after + 1)?;
    if !matches!(art.folded.as_str(), "a" | "an" | "the") {
        return None;
    }
    let mut words = Vec::new();
    let mut head = None;
    let mut country = None;
    let mut end = art.end;
    for t in toks.iter().skip(after + 2).take(6) {
        if !t.is_word() {
            break;
        }
        if let Some(&p) = lex.demonyms.get(t.folded.as_str()) {
            country = Some(lex.places[p].name);
        } else if let Some(kinds) = lex.titles.get(t.folded.as_str()) {
            let (norm, kind) = kinds[0];
            if matches!(kind, TitleKind::Title | TitleKind::Lower) && norm != "presidential" {
                head = Some(norm);
            }
            words.push(norm);
        } else {
            break;
        }
        end = t.end;
    }
    let head = head?;
    Some(RoleMention { title: words.join(" "), head: head.to_string(), country, start: toks[after + 2].start, end })
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Mention>,
    text: &str,
    si: usize,
    toks: &[Token],
    a: usize,
    b: usize,
    kind: EntityKind,
    guessed: bool,
    canonical: Option<&'static str>,
    role: Option<RoleMention>,
) {
    let start = toks[a].start;
    let end = toks[b - 1].end;
    let words: Vec<CompactString> = toks[a..b].iter().map(|t| t.folded.clone()).collect();
    out.push(Mention { sentence: si, start, end, surface: text[start..end].to_string(), words, kind, guessed, canonical, roles: role.into_iter().collect() });
}

#[cfg(test)]
mod tests {
    use crate::report::EntityKind::{self, *};
    use crate::Article;

    fn mentions(t: &str) -> Vec<(String, EntityKind, Option<String>)> {
        let d = crate::extract::analyze(&Article::new("t", t));
        d.mentions.iter().map(|m| (m.surface.clone(), m.kind, m.roles.first().map(|r| r.display()))).collect()
    }

    fn m(s: &str, k: EntityKind, r: Option<&str>) -> (String, EntityKind, Option<String>) {
        (s.to_string(), k, r.map(str::to_string))
    }

    #[test]
    fn separates_titles_from_names() {
        let cases: Vec<(&str, Vec<(String, EntityKind, Option<String>)>)> = vec![
            ("Ukrainian Defence Minister Rustem Umerov spoke.", vec![m("Rustem Umerov", Person, Some("Defense Minister (Ukraine)"))]),
            ("It met U.S. President Donald Trump.", vec![m("Donald Trump", Person, Some("President (United States)"))]),
            ("The U.S. President Donald Trump spoke.", vec![m("Donald Trump", Person, Some("President (United States)"))]),
            ("It sent Ukrainian Minister of Defense Rustem Umerov.", vec![m("Rustem Umerov", Person, Some("Defense Minister (Ukraine)"))]),
            ("It was led by presidential aide Vladimir Medinsky.", vec![m("Vladimir Medinsky", Person, Some("presidential aide"))]),
            ("It was led by retired Lt. Gen. Keith Kellogg.", vec![m("Keith Kellogg", Person, Some("retired Lieutenant General"))]),
            ("They met Vladimir Medinsky, a presidential aide, in May.", vec![m("Vladimir Medinsky", Person, Some("presidential aide"))]),
            ("Turkish Foreign Minister Hakan Fidan spoke.", vec![m("Hakan Fidan", Person, Some("Foreign Minister (Turkey)"))]),
            ("The Russian delegation, led by Vladimir Medinsky, spoke.", vec![m("Vladimir Medinsky", Person, Some("head of delegation (Russia)"))]),
            ("Its team was led by presidential aide Vladimir Medinsky.", vec![m("Vladimir Medinsky", Person, Some("presidential aide"))]),
            ("Vladimir Medinsky, heading the Russian delegation, spoke.", vec![m("Vladimir Medinsky", Person, Some("head of delegation (Russia)"))]),
        ];
        for (input, want) in cases {
            assert_eq!(mentions(input), want, "{input}");
        }
    }

    #[test]
    fn person_shaped_words() {
        for w in ["Kellogg", "McDonald", "DeGeneres", "O’Brien", "J."] {
            assert!(super::person_shaped(w), "{w}");
        }
        for w in ["BlackBerry", "iPhone", "NASA", "PlayStation"] {
            assert!(!super::person_shaped(w), "{w}");
        }
    }

    #[test]
    fn places_organisations_and_possessives() {
        let got = mentions("Talks in Istanbul, Turkey, angered the Kremlin and Moscow’s allies at NATO.");
        assert_eq!(
            got,
            vec![m("Istanbul", Place, None), m("Turkey", Place, None), m("Kremlin", Organization, None), m("Moscow", Place, None), m("NATO", Organization, None)]
        );
        let got = mentions("Leaders from the United Kingdom, France and the UK met at Dolmabahçe Palace.");
        assert_eq!(
            got,
            vec![m("United Kingdom", Place, None), m("France", Place, None), m("UK", Place, None), m("Dolmabahçe Palace", Place, None)]
        );
    }

    #[test]
    fn ignores_sentence_initial_words_headlines_demonyms_and_dates() {
        assert_eq!(mentions("Despite this, the deal held. The deal despite all."), vec![]);
        assert_eq!(mentions("Ukrainian soldiers remain skeptical."), vec![]);
        assert_eq!(mentions("They met on May 12 and in March 2022."), vec![]);
        let h = mentions("Stalemate in Peace Talks as Ukraine and Russia Agree on Prisoner Swap");
        assert_eq!(h, vec![m("Ukraine", Place, None), m("Russia", Place, None)]);
    }

    #[test]
    fn a_post_before_a_title_is_part_of_the_role() {
        let cases: &[(&str, &[(&str, EntityKind, Option<&str>)])] = &[
            ("It failed, said House Select Committee Chairman Edward Markey.", &[("Edward Markey", Person, Some("House Select Committee Chairman"))]),
            ("Creighton Athletic Director Bruce Rasmussen spoke.", &[("Bruce Rasmussen", Person, Some("Creighton Athletic Director"))]),
            ("Then Surgeon General David Satcher spoke.", &[("David Satcher", Person, Some("Surgeon General"))]),
            // No first name after the title: as before, one name.
            ("Then Martin Luther King Jr. spoke.", &[("Martin Luther King Jr.", Person, None)]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, EntityKind, Option<String>)> = want.iter().map(|(a, k, r)| (a.to_string(), *k, r.map(str::to_string))).collect();
            assert_eq!(mentions(text), want, "{text}");
        }
    }

    #[test]
    fn organisations_with_and_and_party_designators() {
        let cases: &[(&str, &[(&str, EntityKind)])] = &[
            // An organisation name with an inner "and".
            ("Scientists at the U.S. Fish and Wildlife Service agreed.", &[("U.S. Fish and Wildlife Service", Organization)]),
            ("Ask the National Oceanic and Atmospheric Administration first.", &[("National Oceanic and Atmospheric Administration", Organization)]),
            (
                "The U.S. Fish and Wildlife Service and National Marine Fisheries Service agreed.",
                &[("U.S. Fish and Wildlife Service", Organization), ("National Marine Fisheries Service", Organization)],
            ),
            // Two names stay two: a place before "and", or no organisation word at the end.
            ("Talks between Russia and Ukraine Foreign Ministry staff.", &[("Russia", Place), ("Ukraine Foreign Ministry", Organization)]),
            ("It was Keith Kellogg and Marco Rubio.", &[("Keith Kellogg", Person), ("Marco Rubio", Person)]),
            // "for" after an organisation word goes on with the name.
            ("Lawyers at the Center for Biological Diversity sued.", &[("Center for Biological Diversity", Organization)]),
            ("It was good for Russia and for Ukraine.", &[("Russia", Place), ("Ukraine", Place)]),
            // A party-and-state designator is no name.
            ("The bill, said Rep. Edward J. Markey (D-Mass.), failed.", &[("Edward J. Markey", Person)]),
            ("Sen. Barbara Boxer, D-Calif., said so.", &[("Barbara Boxer", Person)]),
            ("It was D-Day in France.", &[("D-Day", Other), ("France", Place)]),
            // A surname that is a title word, once the full name was given; a title alone is none.
            ("Billy King hired him. Then, King said no. The King spoke.", &[("Billy King", Person), ("King", Person)]),
            ("Then, King said no.", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<(String, EntityKind)> = mentions(text).into_iter().map(|x| (x.0, x.1)).collect();
            let want: Vec<(String, EntityKind)> = want.iter().map(|(a, k)| (a.to_string(), *k)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn contractions_inside_quotations_are_no_names() {
        let cases: &[(&str, &[&str])] = &[
            ("The ad shows people declaring, “I’m on meth,” said Kristi Noem.", &["Kristi Noem"]),
            ("He said, \"I'll be back,\" and O'Brien laughed.", &["O'Brien"]),
            ("Voters told him, “It’s over. We’ve lost,” in Denver.", &["Denver"]),
            ("She shouted, “Don’t move!” at Sgt. Kelly Moore.", &["Kelly Moore"]),
            // A name with an apostrophe is still a name.
            ("The striker, said, “D’Angelo scored twice.”", &["D’Angelo"]),
        ];
        for (text, want) in cases {
            let got: Vec<String> = mentions(text).into_iter().map(|x| x.0).collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}
