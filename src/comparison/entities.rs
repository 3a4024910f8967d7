//! Cross-source entity resolution: one entity per real-world referent.
//!
//! - Places and organisations found in the gazetteers merge on their canonical name, so
//!   spellings, abbreviations and case variants meet (Kiev/Kyiv, U.S./United States, KYIV).
//! - People merge when their surnames are equal or near-equal (Jaro–Winkler ≥ 0.92 on folded
//!   forms, same initial: Zelensky/Zelenskyy) and their given names do not disagree; people who
//!   share a surname but have different given names stay apart.
//! - A one-word name joins the one person whose surname it is; with several candidates it joins
//!   the most mentioned, and with none it stays an entity of its own.
//!
//! Cost: O(M) hash look-ups for M mentions, plus the near-equal surname checks: each pair of a
//! distinct looked-up name and a distinct known surname with the same initial and compatible
//! lengths is checked at most once (see [`Surnames`]), with a linear-time letter count before
//! Jaro–Winkler. In the worst case that is O(Q · S) for Q distinct names and S distinct surnames;
//! in news, lengths and letters leave few candidates per look-up.

use std::collections::BTreeMap;

use compact_str::CompactString;
use rustc_hash::FxHashMap as HashMap;

use crate::extract::{Doc, Mention};
use crate::report::{Entity, EntityKind, Role, Span};

/// Entities and, for each article and mention, the entity it belongs to.
pub struct Resolved {
    pub entities: Vec<Cluster>,
    /// `of[doc][mention]` = index into `entities`.
    pub of: Vec<Vec<usize>>,
}

/// An entity being built.
pub struct Cluster {
    pub kind: EntityKind,
    /// Gazetteer name, when there is one.
    pub canonical: Option<&'static str>,
    /// (doc, mention index)
    pub members: Vec<(usize, usize)>,
    /// Folded given names of the fullest person name seen.
    first: Vec<String>,
}

fn similar_surname(a: &str, b: &str) -> bool {
    a == b
        || (a.chars().count() >= 5
            && b.chars().count() >= 5
            && a.chars().next() == b.chars().next()
            && strsim::jaro_winkler(a, b) >= 0.92)
}

/// What pass 1 and pass 3 merge non-person mentions on.
#[derive(PartialEq, Eq, Hash)]
enum Key {
    /// A gazetteer name, with the kind the mention was given.
    Canonical(EntityKind, &'static str),
    /// The words of a name without a corporate suffix ([`name_key`]).
    Name(String),
    /// A one-word name that joined nothing else.
    Single(String),
}

/// Person clusters by their folded surname, for the look-ups of passes 2 and 3: "which person
/// clusters have a surname `s` with `similar_surname(s, query)`?"
///
/// Gives the same clusters as scanning every person cluster with [`similar_surname`], but checks
/// far fewer pairs:
/// - equal surnames are found by hashing, and each distinct surname is checked once however many
///   clusters share it;
/// - a near-equal surname has the query's first letter and 5+ letters, and Jaro–Winkler ≥ 0.92 needs
///   the Jaro score ≥ 0.8667 (the Winkler bonus adds at most 0.4 · (1 − Jaro)), hence `m/a + m/b ≥ 1.6`
///   for `m` matching characters and lengths `a`, `b`. Matching characters are equal characters, so
///   `m` is at most the size of the two strings' common multiset of characters, and at most
///   `min(a, b)`: the lengths must be within 3:5. Surnames are kept by (first letter, length), a
///   look-up visits only the lengths in that band and skips any surname whose common letters
///   cannot reach the bound ([`may_be_similar`]); the survivors go through `similar_surname` itself;
/// - the near-equal surnames found for a query are memoised with the number of surnames known
///   then, and a later look-up of the same query checks only the surnames added since.
#[derive(Default)]
struct Surnames {
    /// Distinct surnames in order of first appearance.
    list: Vec<Surname>,
    ids: HashMap<String, usize>,
    /// Ids of the surnames of 5+ characters by (first character, character count), ascending.
    by_shape: HashMap<(char, usize), Vec<usize>>,
    /// Per query: the ids of its near-equal (not equal) surnames, and how many surnames were
    /// known when they were computed.
    memo: HashMap<String, (Vec<usize>, usize)>,
}

struct Surname {
    text: String,
    /// Its characters, sorted (for the common-letter bound).
    sorted: Vec<char>,
    /// Person clusters with this surname, ascending.
    clusters: Vec<usize>,
}

impl Surnames {
    /// Records that person cluster `ci` (the newest cluster) has surname `last`.
    fn add(&mut self, last: &str, ci: usize) {
        if let Some(&id) = self.ids.get(last) {
            self.list[id].clusters.push(ci);
            return;
        }
        let id = self.list.len();
        let sorted = sorted_chars(last);
        if sorted.len() >= 5 {
            let first = last.chars().next().unwrap_or(' ');
            self.by_shape.entry((first, sorted.len())).or_default().push(id);
        }
        self.list.push(Surname { text: last.to_string(), sorted, clusters: vec![ci] });
        self.ids.insert(last.to_string(), id);
    }

    /// The ids of the surnames `s` with `similar_surname(s, query)`, in no particular order.
    fn similar(&mut self, query: &str) -> Vec<usize> {
        let Surnames { list, ids, by_shape, memo } = self;
        let mut out: Vec<usize> = ids.get(query).copied().into_iter().collect();
        let n = query.chars().count();
        if n < 5 {
            return out; // only an equal surname can match
        }
        let (near, upto) = match memo.get_mut(query) {
            Some((near, upto)) => (near, upto),
            None => {
                let (near, upto) = memo.entry(query.to_string()).or_default();
                (near, upto)
            }
        };
        if *upto < list.len() {
            let q = sorted_chars(query);
            let first = query.chars().next().unwrap_or(' ');
            // Lengths within 3:5 of the query's (see above).
            for len in (3 * n).div_ceil(5)..=5 * n / 3 {
                let Some(shape) = by_shape.get(&(first, len)) else { continue };
                for &id in &shape[shape.partition_point(|&i| i < *upto)..] {
                    let s = &list[id];
                    if s.text != query && may_be_similar(&s.sorted, &q) && similar_surname(&s.text, query) {
                        near.push(id);
                    }
                }
            }
            *upto = list.len();
        }
        out.extend_from_slice(near);
        out
    }
}

fn sorted_chars(s: &str) -> Vec<char> {
    let mut v: Vec<char> = s.chars().collect();
    // A surname is short: crate::sort's insertion sort, not a copy of the standard one for `char`.
    crate::sort::sort(&mut v);
    v
}

/// False when two strings (their characters sorted) cannot reach a Jaro score of 0.8667, so not a
/// Jaro–Winkler score of 0.92: `m/a + m/b < 1.6`, with `m` bounded by their common characters.
/// Exact integer arithmetic; where it says false, the true score is below 0.92 by at least
/// 0.04 / (a · b), far more than floating-point error.
fn may_be_similar(a: &[char], b: &[char]) -> bool {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    5 * common * (a.len() + b.len()) >= 8 * a.len() * b.len()
}

fn compatible_given(a: &[String], b: &[String]) -> bool {
    match (a.first(), b.first()) {
        (Some(x), Some(y)) => {
            let x = x.trim_end_matches('.');
            let y = y.trim_end_matches('.');
            x == y
                || (x.chars().count() == 1 && y.starts_with(x))
                || (y.chars().count() == 1 && x.starts_with(y))
                || (x.chars().next() == y.chars().next() && strsim::jaro_winkler(x, y) >= 0.9)
        }
        _ => true,
    }
}

/// Resolves the mentions of all articles.
pub fn resolve(docs: &[Doc]) -> Resolved {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut of: Vec<Vec<usize>> = docs.iter().map(|d| vec![usize::MAX; d.mentions.len()]).collect();
    let mut by_key: HashMap<Key, usize> = HashMap::default();
    let add = |clusters: &mut Vec<Cluster>, kind, canonical, first: Vec<String>| {
        clusters.push(Cluster { kind, canonical, members: Vec::new(), first });
        clusters.len() - 1
    };
    // Pass 1: gazetteer names and keyword-typed names merge on a key.
    for (di, d) in docs.iter().enumerate() {
        for (mi, m) in d.mentions.iter().enumerate() {
            if m.kind == EntityKind::Person || (m.guessed && m.words.len() == 1) {
                continue;
            }
            // Gazetteer names meet on their canonical name; others on their words without a
            // corporate suffix ("Microsoft Corp." ~ "Microsoft"), whatever kind each was given.
            let key = match m.canonical {
                Some(c) => Key::Canonical(m.kind, c),
                None => Key::Name(name_key(&m.words)),
            };
            let ci = *by_key.entry(key).or_insert_with(|| add(&mut clusters, m.kind, m.canonical, vec![]));
            if clusters[ci].kind == EntityKind::Other && m.kind != EntityKind::Other && !m.guessed {
                clusters[ci].kind = m.kind;
            }
            clusters[ci].members.push((di, mi));
            of[di][mi] = ci;
        }
    }
    // Pass 2: people named with more than one word. A name joins the first person cluster (in
    // order of creation) with a similar surname and compatible given names; `Surnames` finds the
    // clusters with a similar surname without scanning them all.
    let mut people = Surnames::default();
    let mut seen: HashMap<(Vec<String>, String), usize> = HashMap::default();
    for (di, d) in docs.iter().enumerate() {
        for (mi, m) in d.mentions.iter().enumerate() {
            if m.kind != EntityKind::Person || m.words.len() < 2 {
                continue;
            }
            let (first, last) = split_name(m);
            // A name seen before resolves as it did then: clusters are only appended, and a
            // cluster's given names only go from none to some (the first match sets them), so
            // the first matching cluster cannot change. This keeps 1,000 articles from looking
            // up every repeated mention.
            let key = (first.clone(), last.clone());
            let found = seen.get(&key).copied().or_else(|| {
                // The first compatible cluster of each similar surname; the earliest of those.
                people
                    .similar(&last)
                    .into_iter()
                    .filter_map(|id| people.list[id].clusters.iter().copied().find(|&ci| compatible_given(&clusters[ci].first, &first)))
                    .min()
            });
            let ci = match found {
                Some(ci) => ci,
                None => {
                    let ci = add(&mut clusters, EntityKind::Person, None, first.clone());
                    people.add(&last, ci);
                    ci
                }
            };
            seen.insert(key, ci);
            if clusters[ci].first.is_empty() {
                clusters[ci].first = first;
            }
            clusters[ci].members.push((di, mi));
            of[di][mi] = ci;
        }
    }
    // Organisations with a name of several words, by their last word (first one wins). Not the
    // gazetteer's organisations: their other names are listed there ("the Kremlin"), and their
    // last word alone often names another body ("House" after "White House" is the House of
    // Representatives).
    let mut org_last: HashMap<String, usize> = HashMap::default();
    for (ci, c) in clusters.iter().enumerate() {
        if c.kind == EntityKind::Organization {
            if let Some(&(di, mi)) = c.members.first() {
                let m = &docs[di].mentions[mi];
                let w = &m.words;
                if w.len() > 1 && m.canonical.is_none() {
                    org_last.entry(w[w.len() - 1].to_string()).or_insert(ci);
                }
            }
        }
    }
    // Organisations by the initials of their name ("Advanced Micro Devices" → "amd").
    let mut acronyms: HashMap<String, usize> = HashMap::default();
    for (ci, c) in clusters.iter().enumerate() {
        if c.kind == EntityKind::Organization {
            for &(di, mi) in &c.members {
                if let Some(a) = initials(&docs[di].mentions[mi].words) {
                    acronyms.entry(a).or_insert(ci);
                }
            }
        }
    }
    // Pass 3: one-word names: a known person's surname, a name seen before, an organisation's
    // last word or initials; else their own entity.
    for (di, d) in docs.iter().enumerate() {
        for (mi, m) in d.mentions.iter().enumerate() {
            if of[di][mi] != usize::MAX {
                continue;
            }
            let word: &str = m.words.last().map_or("", CompactString::as_str);
            // No surname is added in this pass, so `similar` is a memo look-up for a repeated word.
            let best = people
                .similar(word)
                .into_iter()
                .flat_map(|id| people.list[id].clusters.iter().copied())
                .filter(|&ci| clusters[ci].kind == EntityKind::Person)
                .max_by_key(|&ci| (clusters[ci].members.len(), std::cmp::Reverse(ci)))
                .or_else(|| by_key.get(&Key::Name(name_key(&m.words))).copied())
                .or_else(|| {
                    // "Colts" after "Indianapolis Colts": the last word of an organisation's name.
                    (m.words.len() == 1 && m.guessed).then(|| org_last.get(word).copied()).flatten()
                })
                .or_else(|| (m.words.len() == 1).then(|| acronyms.get(word).copied()).flatten());
            let ci = match best {
                Some(ci) => ci,
                None => {
                    let key = Key::Single(word.to_string());
                    *by_key.entry(key).or_insert_with(|| add(&mut clusters, m.kind, None, vec![]))
                }
            };
            if m.kind == EntityKind::Person && !m.guessed {
                clusters[ci].kind = EntityKind::Person;
            }
            clusters[ci].members.push((di, mi));
            of[di][mi] = ci;
        }
    }
    for c in clusters.iter_mut().filter(|c| c.kind == EntityKind::Other) {
        let ms = || c.members.iter().map(|&(di, mi)| &docs[di].mentions[mi]);
        if ms().any(|m| !m.roles.is_empty()) {
            // A role makes a person.
            c.kind = EntityKind::Person;
        } else if ms().all(|m| m.words.len() == 1 && is_plural_name(&m.surface)) {
            // A capitalised plural that is no demonym names a group: "Colts", "Saints".
            c.kind = EntityKind::Organization;
        }
    }
    Resolved { entities: clusters, of }
}

/// Corporate and country suffixes that do not change which organisation is meant.
const ORG_SUFFIXES: &[&str] = &["inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.", "limited", "plc", "llc", "group", "holdings", "usa", "u.s.", "us", "uk"];

/// The words of a name without a trailing corporate suffix, joined.
fn name_key(words: &[CompactString]) -> String {
    let mut w: Vec<&str> = words
        .iter()
        .map(|w| match w.as_str() {
            "mt" | "mt." => "mount",
            "ft" | "ft." => "fort",
            w => w,
        })
        .filter(|w| *w != "," && *w != "'s")
        .collect();
    while w.len() > 1 && ORG_SUFFIXES.contains(w.last().unwrap_or(&"")) {
        w.pop();
    }
    w.join(" ")
}

/// The initials of a name of three or more words, skipping connectors: "advanced micro devices"
/// → "amd", "royal canadian mounted police" → "rcmp".
fn initials(words: &[CompactString]) -> Option<String> {
    let content: Vec<&CompactString> = words.iter().filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for" | "de" | "-" | "&")).collect();
    (content.len() >= 3).then(|| content.iter().filter_map(|w| w.chars().next()).collect())
}

fn is_plural_name(s: &str) -> bool {
    let lower = s.to_lowercase();
    s.chars().count() > 3 && lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us") && !lower.ends_with("is")
}

fn split_name(m: &Mention) -> (Vec<String>, String) {
    let (last, first) = m.words.split_last().map_or((String::new(), &[][..]), |(l, f)| (l.to_string(), f));
    (first.iter().map(|w| w.to_string()).collect(), last)
}

/// Builds the report's entities; also returns, per cluster, its report index (clusters are
/// sorted by how many sources mention them).
pub fn build(docs: &[Doc], r: &Resolved) -> (Vec<Entity>, Vec<usize>) {
    let mut built: Vec<(usize, Entity)> = Vec::new();
    for (ci, c) in r.entities.iter().enumerate() {
        if c.members.is_empty() {
            continue;
        }
        // Surface forms by frequency; the name is a gazetteer name, else the most frequent
        // fullest form (most words), first seen on ties.
        let mut forms: Vec<(String, usize, usize)> = Vec::new(); // (form, count, first order)
        for (order, &(di, mi)) in c.members.iter().enumerate() {
            let s = clean_surface(&docs[di].mentions[mi].surface);
            match forms.iter_mut().find(|f| f.0 == s) {
                Some(f) => f.1 += 1,
                None => forms.push((s, 1, order)),
            }
        }
        let name = match c.canonical {
            Some(n) => n.to_string(),
            None => forms
                .iter()
                .max_by_key(|f| (f.0.split_whitespace().count(), f.1, std::cmp::Reverse(f.2)))
                .map(|f| f.0.clone())
                .unwrap_or_default(),
        };
        let variants: Vec<String> = forms.iter().map(|f| f.0.clone()).filter(|f| *f != name).collect();
        let mut sources: Vec<usize> = c.members.iter().map(|&(di, _)| di).collect();
        sources.sort_unstable();
        sources.dedup();
        let mut roles: BTreeMap<String, (Vec<usize>, Vec<Span>)> = BTreeMap::new();
        for &(di, mi) in &c.members {
            for role in &docs[di].mentions[mi].roles {
                let e = roles.entry(role.display()).or_default();
                if !e.0.contains(&di) {
                    e.0.push(di);
                }
                e.1.push(Span { source: docs[di].id.clone(), start: role.start, end: role.end });
            }
        }
        let mentions: Vec<Span> = c
            .members
            .iter()
            .map(|&(di, mi)| {
                let m = &docs[di].mentions[mi];
                Span { source: docs[di].id.clone(), start: m.start, end: m.end }
            })
            .collect();
        built.push((
            ci,
            Entity {
                id: String::new(),
                name,
                kind: c.kind,
                variants,
                sources: sources.iter().map(|&d| docs[d].id.clone()).collect(),
                roles: roles
                    .into_iter()
                    .map(|(role, (srcs, evidence))| Role { role, sources: srcs.iter().map(|&d| docs[d].id.clone()).collect(), evidence })
                    .collect(),
                mentions,
            },
        ));
    }
    crate::sort::sort_by(&mut built, |a, b| {
        b.1.sources.len().cmp(&a.1.sources.len()).then(b.1.mentions.len().cmp(&a.1.mentions.len())).then(a.1.name.cmp(&b.1.name)).then(a.0.cmp(&b.0))
    });
    let mut index = vec![usize::MAX; r.entities.len()];
    let entities = built
        .into_iter()
        .enumerate()
        .map(|(i, (ci, mut e))| {
            index[ci] = i;
            e.id = format!("e{i}");
            e
        })
        .collect();
    (entities, index)
}

/// A surface form without a leading "the" and trailing punctuation.
fn clean_surface(s: &str) -> String {
    s.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.').to_string()
}

#[cfg(test)]
mod tests {
    use crate::{compare, Article};

    fn entity_names(texts: &[&str]) -> Vec<(String, Vec<String>)> {
        let arts: Vec<Article> = texts.iter().enumerate().map(|(i, t)| Article::new(format!("a{i}"), *t)).collect();
        let r = compare(&arts).unwrap();
        r.entities.iter().map(|e| (e.name.clone(), e.variants.clone())).collect()
    }

    #[test]
    fn merges_variants_and_keeps_namesakes_apart() {
        let got = entity_names(&[
            "President Volodymyr Zelenskyy met people in Kyiv. Zelenskyy spoke.",
            "President Volodymyr Zelensky went to Kiev. Later, Zelensky left.",
        ]);
        assert!(got.iter().any(|(n, v)| n.starts_with("Volodymyr Zelensky") && v.len() >= 2), "{got:?}");
        assert!(got.iter().any(|(n, v)| n == "Kyiv" && v == &["Kiev"]), "{got:?}");
        let got = entity_names(&["Senator John Smith spoke.", "Senator Mary Smith spoke."]);
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn surname_index_finds_what_a_scan_finds() {
        use super::{similar_surname, Surnames};
        // Names and near-misses: swaps, doublings, drops, other lengths, non-ASCII.
        let base = ["zelensky", "zelenskyy", "zelenskiy", "zelenski", "zelensk", "zalensky", "zelesnky", "smith", "smyth", "smithe", "smiths",
            "schmidt", "schmitt", "kowalski", "kowalsky", "kovalski", "erdogan", "erdoğan", "erdogans", "putin", "putina", "peskov", "peskova",
            "medinsky", "medinskiy", "umerov", "umarov", "fidan", "fidans", "abcde", "abcdefgh", "abcdefghij", "abcdefghijklmnop", "aaaaa", "aaaaaaaa", "a", "ab", ""];
        let mut names: Vec<String> = base.iter().map(|s| s.to_string()).collect();
        // Deterministic mutations of each: drop, double, swap one character.
        for b in base {
            let c: Vec<char> = b.chars().collect();
            for i in 0..c.len() {
                let mut d = c.clone();
                d.remove(i);
                names.push(d.iter().collect());
                let mut d = c.clone();
                d.insert(i, c[i]);
                names.push(d.iter().collect());
                if i + 1 < c.len() {
                    let mut d = c.clone();
                    d.swap(i, i + 1);
                    names.push(d.iter().collect());
                }
            }
        }
        let mut index = Surnames::default();
        let mut added: Vec<&str> = Vec::new();
        for (ci, name) in names.iter().enumerate() {
            // Look up every name before and after adding it, as passes 2 and 3 do.
            for q in [name.as_str(), names[(ci * 7) % names.len()].as_str()] {
                let mut got: Vec<usize> = index.similar(q).into_iter().flat_map(|id| index.list[id].clusters.clone()).collect();
                got.sort_unstable();
                let want: Vec<usize> = (0..added.len()).filter(|&c| similar_surname(added[c], q)).collect();
                assert_eq!(got, want, "{q:?} among {} names", added.len());
            }
            index.add(name, ci);
            added.push(name);
        }
    }

    #[test]
    fn a_last_word_names_the_organisation_unless_the_gazetteer_knows_it() {
        let got = entity_names(&["The Indianapolis Colts won. Fans cheered.", "Later, Colts fans cheered again."]);
        assert!(got.iter().any(|(n, v)| n == "Indianapolis Colts" && v == &["Colts"]), "{got:?}");
        let got = entity_names(&["A White House official spoke.", "Later, House leaders voted on the bill."]);
        assert!(got.iter().any(|(n, v)| n == "White House" && v.is_empty()), "{got:?}");
        assert!(got.iter().any(|(n, _)| n == "House"), "{got:?}");
    }

    #[test]
    fn surnames_join_full_names_across_articles() {
        let got = entity_names(&["Russian President Vladimir Putin spoke.", "Putin declined. Then Putin left."]);
        assert_eq!(got, vec![("Vladimir Putin".to_string(), vec!["Putin".to_string()])]);
    }
}
