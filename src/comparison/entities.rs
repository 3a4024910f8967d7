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
//! Cost: O(M · P) for M mentions and P person entities, P being small in news.

use std::collections::BTreeMap;

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
    /// Folded given names and surname of the fullest person name seen.
    first: Vec<String>,
    last: String,
}

fn similar_surname(a: &str, b: &str) -> bool {
    a == b
        || (a.chars().count() >= 5
            && b.chars().count() >= 5
            && a.chars().next() == b.chars().next()
            && strsim::jaro_winkler(a, b) >= 0.92)
}

fn surname_bucket(last: &str) -> char {
    last.chars().next().unwrap_or(' ')
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
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let add = |clusters: &mut Vec<Cluster>, kind, canonical, first: Vec<String>, last: String| {
        clusters.push(Cluster { kind, canonical, members: Vec::new(), first, last });
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
                Some(c) => format!("{:?}:{c}", m.kind),
                None => format!("name:{}", name_key(&m.words)),
            };
            let ci = *by_key.entry(key).or_insert_with(|| add(&mut clusters, m.kind, m.canonical, vec![], String::new()));
            if clusters[ci].kind == EntityKind::Other && m.kind != EntityKind::Other && !m.guessed {
                clusters[ci].kind = m.kind;
            }
            clusters[ci].members.push((di, mi));
            of[di][mi] = ci;
        }
    }
    // Pass 2: people named with more than one word. Person clusters are bucketed by the first
    // letter of their surname (near-equal surnames share it), so a look-up scans one bucket.
    let mut people: HashMap<char, Vec<usize>> = HashMap::default();
    let mut seen: HashMap<(Vec<String>, String), usize> = HashMap::default();
    for (di, d) in docs.iter().enumerate() {
        for (mi, m) in d.mentions.iter().enumerate() {
            if m.kind != EntityKind::Person || m.words.len() < 2 {
                continue;
            }
            let (first, last) = split_name(m);
            let bucket = surname_bucket(&last);
            // A name seen before resolves as it did then: clusters are only appended, and a
            // cluster's given names only go from none to some (the first match sets them), so
            // the first matching cluster cannot change. This keeps 1,000 articles from scanning
            // a bucket for every repeated mention (it grew with the square of the articles).
            let key = (first.clone(), last.clone());
            let found = seen.get(&key).copied().or_else(|| {
                people.get(&bucket).and_then(|list| {
                    list.iter().copied().find(|&ci| {
                        let c: &Cluster = &clusters[ci];
                        similar_surname(&c.last, &last) && compatible_given(&c.first, &first)
                    })
                })
            });
            let ci = match found {
                Some(ci) => ci,
                None => {
                    let ci = add(&mut clusters, EntityKind::Person, None, first.clone(), last.clone());
                    people.entry(bucket).or_default().push(ci);
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
    // Organisations with a name of several words, by their last word (first one wins).
    let mut org_last: HashMap<String, usize> = HashMap::default();
    for (ci, c) in clusters.iter().enumerate() {
        if c.kind == EntityKind::Organization {
            if let Some(&(di, mi)) = c.members.first() {
                let w = &docs[di].mentions[mi].words;
                if w.len() > 1 {
                    org_last.entry(w[w.len() - 1].clone()).or_insert(ci);
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
            let word = m.words.last().cloned().unwrap_or_default();
            let best = people
                .get(&surname_bucket(&word))
                .into_iter()
                .flatten()
                .copied()
                .filter(|&ci| clusters[ci].kind == EntityKind::Person && similar_surname(&clusters[ci].last, &word))
                .max_by_key(|&ci| (clusters[ci].members.len(), std::cmp::Reverse(ci)))
                .or_else(|| by_key.get(&format!("name:{}", name_key(&m.words))).copied())
                .or_else(|| {
                    // "Colts" after "Indianapolis Colts": the last word of an organisation's name.
                    (m.words.len() == 1 && m.guessed).then(|| org_last.get(&word).copied()).flatten()
                })
                .or_else(|| (m.words.len() == 1).then(|| acronyms.get(&word).copied()).flatten());
            let ci = match best {
                Some(ci) => ci,
                None => {
                    let key = format!("single:{word}");
                    *by_key.entry(key).or_insert_with(|| add(&mut clusters, m.kind, None, vec![], word.clone()))
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
fn name_key(words: &[String]) -> String {
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
fn initials(words: &[String]) -> Option<String> {
    let content: Vec<&String> = words.iter().filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for" | "de" | "-" | "&")).collect();
    (content.len() >= 3).then(|| content.iter().filter_map(|w| w.chars().next()).collect())
}

fn is_plural_name(s: &str) -> bool {
    let lower = s.to_lowercase();
    s.chars().count() > 3 && lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us") && !lower.ends_with("is")
}

fn split_name(m: &Mention) -> (Vec<String>, String) {
    let mut words = m.words.clone();
    let last = words.pop().unwrap_or_default();
    (words, last)
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
        sources.sort();
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
    built.sort_by(|a, b| {
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
    fn surnames_join_full_names_across_articles() {
        let got = entity_names(&["Russian President Vladimir Putin spoke.", "Putin declined. Then Putin left."]);
        assert_eq!(got, vec![("Vladimir Putin".to_string(), vec!["Putin".to_string()])]);
    }
}
