//! Facts as matched pieces of sentences.
//!
//! A news sentence often tells several facts ("The first direct talks in three years, held in
//! Istanbul, ended after less than two hours"), and another source tells each of them in a
//! different sentence. So facts are not built from whole sentences but from *pieces*: for two
//! sentences of different sources, the compact windows of tokens in each that share heavy
//! features (IDF-weighted terms with synonyms merged, entities, places and demonyms, numbers with
//! what they count, dates). One sentence pair can give up to [`MAX_LINKS_PER_PAIR`] pieces, and a
//! sentence can so belong to several facts.
//!
//! Steps and costs, for S sentences with F features each:
//! 1. Features with token positions, IDF over sentences: O(S·F).
//! 2. Candidate sentence pairs from an inverted index over selective features (document
//!    frequency capped, as in [`super::facts`]): O(Σ_f df_f²), never all S² pairs.
//! 3. For each candidate, the best windows: shared features sorted by position, a sliding window
//!    of [`WINDOW`] tokens in each sentence: O(k²) for k shared features (k is small). Skipped,
//!    in O(k), for a pair whose shared features all together could not make a link, and for a
//!    window of the first sentence that cannot outweigh the best one found.
//! 4. Links sorted best first as integers (O(L log L) for L links), then taken greedily: a link
//!    joins the fact that already holds an overlapping piece with a similar signature, when its
//!    pieces also match at least half of that fact's pieces from other sources (average link,
//!    which keeps unrelated facts apart); otherwise it starts a fact. A fact's piece of a
//!    sentence is found through an index (sentence → facts and their pieces of it), so only the
//!    average-link test reads all of a fact's pieces: O(L·P log r) for P pieces per fact and r
//!    links per sentence.
//!
//! Invariants of the result ([`PieceFacts`]):
//! - every fact has pieces from at least two sources;
//! - a fact has at most one piece per sentence (overlapping pieces of one sentence are united);
//! - pieces are token ranges `[t0, t1)` of their sentence's tokens, non-empty;
//! - the order is deterministic: most sources first, then by first piece.

use rustc_hash::FxHashMap as HashMap;

use super::entities::Resolved;
use crate::extract::Doc;
use crate::report::EntityKind;

/// Width, in tokens, of the window the shared features of a piece must fit in (in each sentence).
pub const WINDOW: usize = 12;
/// At most this many disjoint links between one pair of sentences.
pub const MAX_LINKS_PER_PAIR: usize = 3;
/// Shared weight of a link, relative to ln(S+1) (the weight of a feature found once).
///
/// Chosen on ECB+ train/val by the strict measure of `eval/fact_pairs_ecb.py` (two evidence
/// sentences of a fact judged by hand to state a common claim), not only the lenient one of
/// `eval/facts_ecb.py` (they mention the same gold event): of 80 judged pairs of the engine at
/// 1.3, 63 true and 17 false (78.8 %); at 1.5 / 1.6 / 1.7 / 1.8 the pairs still reported were
/// 59 + 12 / 54 + 10 / 54 + 8 / 53 + 7 (true + false), while the lenient recall fell 15.9 →
/// 13.8 % at 1.7 and the seeds' fact F1 rose 47.1 → 48.9.
pub const MIN_LINK_WEIGHT: f32 = 1.7;
/// Background sentences assumed in the IDF (see `build`).
pub const PRIOR_SENTENCES: f32 = 50.0;
/// Share of the windows' own feature weight that the shared features must make up.
pub const MIN_DENSITY: f32 = 0.5;
/// A link's shared features must stand at this many token positions (in the first sentence)…
pub const MIN_SHARED: usize = 3;
/// …of which this many are content (words outside names, numbers, dates), so that a shared
/// name alone ("Ukrainian President Volodymyr Zelenskyy") is not a fact.
pub const MIN_CONTENT: usize = 2;

/// A run of tokens of one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Piece {
    pub doc: usize,
    pub sentence: usize,
    /// Token range `[t0, t1)` in the sentence's tokens.
    pub t0: usize,
    pub t1: usize,
}

impl Piece {
    fn overlap(&self, o: &Piece) -> usize {
        if self.doc != o.doc || self.sentence != o.sentence {
            return 0;
        }
        self.t1.min(o.t1).saturating_sub(self.t0.max(o.t0))
    }
    fn len(&self) -> usize {
        self.t1 - self.t0
    }
}

/// One feature occurrence: id, first and last token (inclusive, first ≤ last), weight (boost,
/// times IDF once weighted).
pub type Feat = (u32, usize, usize, f32);

/// A matched pair of pieces and the features they share.
#[derive(Debug, Clone)]
struct Link {
    a: Piece,
    b: Piece,
    /// Shared feature ids with their weights: `sigs[sig.0..sig.1]` of the array all links' are
    /// kept in (see [`Link::sig`]; one small vector per link was an allocation and a free each).
    sig: (u32, u32),
    score: f32,
}

impl Link {
    /// The shared features of the link, in `sigs`, the array of all links' (see `build`).
    fn sig<'s>(&self, sigs: &'s [(u32, f32)]) -> &'s [(u32, f32)] {
        &sigs[self.sig.0 as usize..self.sig.1 as usize]
    }
}

/// Facts found by matching pieces.
pub struct PieceFacts {
    /// Each fact's pieces, sorted.
    pub facts: Vec<Vec<Piece>>,
    /// Per fact, the score of each piece's best link inside the fact (for choosing a summary).
    pub centrality: Vec<Vec<f32>>,
    /// Per sentence (`[doc][sentence]`), per token: weight of features covered by pieces, and
    /// the sentence's features with positions (for coverage of clauses).
    features: Vec<Vec<Vec<Feat>>>,
    /// Per fact, the features its links share, with summed weights, sorted by id.
    signatures: Vec<Vec<(u32, f32)>>,
    /// The token ranges that pieces cover, as `Piece`s sorted by (doc, sentence): a sentence's
    /// are one run, found by binary search (one sorted array rather than a map of one small list
    /// per sentence).
    covered: Vec<Piece>,
    /// The fact (index into `facts`) of each piece of `covered`.
    covered_by: Vec<u32>,
}

impl PieceFacts {
    /// Whether some sentence of `doc` holds most (by weight) of the features that made fact
    /// `fact`: the source tells it, or something close to it, even if no link joined it.
    pub fn tells(&self, doc: usize, fact: usize) -> bool {
        self.tells_a_piece(doc, fact) || self.tells_the_signature(doc, fact)
    }

    /// Whether some sentence of `doc` holds at least half (by weight) of the features of one
    /// other source's piece of fact `fact`: it tells what that source told. (A fact's
    /// signature sums what all its links share, so a source that tells the fact as one of its
    /// sources did, in the same words, could still hold under half of it: on a judged sample of
    /// ECB+ train/val omissions, 18 of 62 false ones were such, against 1 of 56 true ones;
    /// see eval/README.)
    fn tells_a_piece(&self, doc: usize, fact: usize) -> bool {
        self.facts[fact].iter().filter(|p| p.doc != doc).any(|p| {
            let piece = || self.features[p.doc][p.sentence].iter().filter(|f| p.t0 <= f.1 && f.1 < p.t1);
            let total: f32 = piece().map(|f| f.3).sum();
            total > 0.0
                && self.features[doc].iter().any(|feats| {
                    let have: f32 = piece().filter(|x| feats.iter().any(|f| f.0 == x.0)).map(|x| x.3).sum();
                    have >= 0.5 * total
                })
        })
    }

    /// Whether some sentence of `doc` holds at least half (by weight) of the features that made
    /// fact `fact` (its signature).
    fn tells_the_signature(&self, doc: usize, fact: usize) -> bool {
        let sig = &self.signatures[fact];
        let total: f32 = sig.iter().map(|x| x.1).sum();
        self.features[doc].iter().any(|feats| {
            let have: f32 = sig.iter().filter(|(id, _)| feats.iter().any(|f| f.0 == *id)).map(|x| x.1).sum();
            total > 0.0 && have >= 0.5 * total
        })
    }

    /// Where the pieces of a sentence are in `covered` (and `covered_by`): one run, by binary
    /// search.
    fn covered_in(&self, doc: usize, sentence: usize) -> std::ops::Range<usize> {
        let from = self.covered.partition_point(|p| (p.doc, p.sentence) < (doc, sentence));
        from..from + self.covered[from..].partition_point(|p| (p.doc, p.sentence) == (doc, sentence))
    }

    /// The share (by feature weight) of tokens `[a, b)` of a sentence that pieces of
    /// multi-source facts cover.
    pub fn covered_share(&self, doc: usize, sentence: usize, a: usize, b: usize) -> f32 {
        let feats = &self.features[doc][sentence];
        let ranges = &self.covered[self.covered_in(doc, sentence)];
        let mut total = 0.0;
        let mut covered = 0.0;
        for &(_, pos, _, w) in feats.iter().filter(|f| a <= f.1 && f.1 < b) {
            total += w;
            if ranges.iter().any(|p| p.t0 <= pos && pos < p.t1) {
                covered += w;
            }
        }
        if total == 0.0 {
            0.0
        } else {
            covered / total
        }
    }

    /// The multi-source facts (indexes into `facts`, ascending) whose pieces cover some feature
    /// of tokens `[a, b)` of a sentence: the part of a single-source clause that other sources
    /// tell too.
    pub fn partly_in(&self, doc: usize, sentence: usize, a: usize, b: usize) -> Vec<usize> {
        let feats = &self.features[doc][sentence];
        let mut out: Vec<usize> = self
            .covered_in(doc, sentence)
            .filter(|&i| {
                let p = &self.covered[i];
                feats.iter().any(|f| a <= f.1 && f.1 < b && p.t0 <= f.1 && f.1 < p.t1 && f.3 > 0.0)
            })
            .map(|i| self.covered_by[i] as usize)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

fn token_at(tokens: &[crate::text::Token], byte: usize) -> usize {
    tokens.partition_point(|t| t.end <= byte).min(tokens.len().saturating_sub(1))
}

/// Feature ids by key ("t:exchang", "e:12", "n:1000:prisoner"), with the kind of each id (the
/// key's first byte). Keys are written into one reused buffer and copied only when new: most
/// occurrences are of a feature seen before.
#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
    kind: Vec<u8>,
    buf: String,
}

impl Interner {
    /// The id of the key `kind` + ':' + what `write` appends.
    fn id(&mut self, kind: char, write: impl FnOnce(&mut String)) -> u32 {
        self.buf.clear();
        self.buf.push(kind);
        self.buf.push(':');
        write(&mut self.buf);
        if let Some(&id) = self.ids.get(self.buf.as_str()) {
            return id;
        }
        let id = self.kind.len() as u32;
        self.kind.push(kind as u8);
        self.ids.insert(self.buf.clone(), id);
        id
    }
}

/// Buffers of [`sentence_features`], reused from one sentence to the next.
#[derive(Default)]
struct SentenceBuffers {
    /// The place of each token that is a demonym.
    demonym: Vec<Option<usize>>,
    /// Whether each token is in an appositive describing a name ([`descriptor_after`]).
    described: Vec<bool>,
}

/// An article or a possessive pronoun: what opens a noun phrase.
fn is_determiner(w: &str) -> bool {
    matches!(w, "a" | "an" | "the" | "his" | "her" | "its" | "their")
}

/// Whether the name at token `first` ends an adjunct that opens the sentence or stands aside
/// ("According to the New York Times, he was the last great mafioso", "For Medinsky, the talks
/// were a success"): the comma after it closes the adjunct, not an appositive.
fn opens_with_adjunct(toks: &[crate::text::Token], first: usize) -> bool {
    // (Past an article: "according to the New York Times".)
    let first = if first > 0 && matches!(toks[first - 1].folded.as_str(), "the" | "a") { first - 1 } else { first };
    let before = |k: usize| first.checked_sub(k).map(|i| toks[i].folded.as_str());
    before(1) == Some("to") && before(2) == Some("according")
        || first <= 3
            && toks.first().is_some_and(|t| {
                matches!(t.folded.as_str(), "in" | "at" | "for" | "from" | "with" | "on" | "to" | "by" | "after" | "before" | "during" | "under" | "like" | "unlike" | "despite")
            })
}

/// The appositive right after a name, as a token range: a comma, then a short noun phrase that
/// says who or what the name is, up to the next comma, bracket, dash, relative pronoun or the
/// end of the sentence ("Fred LaRue, a high-ranking Nixon administration official who",
/// "Gigante, head of the Genovese crime family,", "TallGrass Distribution Ltd., a natural
/// health products supplier"). Not a list of names ("Putin, Zelensky and Erdogan"), not a
/// participle or a clause ("Zelensky, speaking in Kyiv,", "Russia, which", "X, he said"): the
/// phrase must start with an article, a possessive or a lower-case word not ending in "-ing" or
/// "-ed", hold no speech verb, auxiliary, pronoun or (after its first word, not right after a
/// determiner) past form, and be at most eight words long.
/// `after` is the index of the first token after the name.
///
/// No parser says what a noun phrase is here; this shape test is what the fact matcher needs:
/// on ECB+ train/val, 8 of the 19 judged false corroborations left at 5a9a834 (two sources
/// describing one person in the same words while stating different claims) were such appositives.
fn descriptor_after(toks: &[crate::text::Token], after: usize, lex: &crate::lexicon::Lexicon) -> Option<(usize, usize)> {
    const MAX_WORDS: usize = 8;
    if toks.get(after)?.folded != "," {
        return None;
    }
    let first = toks.get(after + 1)?;
    let w = first.folded.as_str();
    let determiner = is_determiner(w);
    if !first.is_word() || (!determiner && (first.cap || w.ends_with("ing") || w.ends_with("ed") || lex.is_stopword(w) || lex.speech_verbs.contains(w))) {
        return None;
    }
    let stops = |t: &crate::text::Token| {
        t.kind == crate::text::TokKind::Punct && !matches!(t.folded.as_str(), "'s" | "'" | "-" | "&")
            || matches!(t.folded.as_str(), "who" | "whose" | "which" | "that" | "where" | "when")
    };
    let end = toks[after + 1..].iter().position(stops).map_or(toks.len(), |i| after + 1 + i);
    let phrase = &toks[after + 1..end];
    let words = phrase.iter().filter(|t| t.kind != crate::text::TokKind::Punct).count();
    // A past form after the first word, not right after an article ("users immediately saw a
    // difference", "the group claimed responsibility"; but "the failed candidate"), is a verb.
    let past = |i: usize| {
        let (t, w) = (&phrase[i], phrase[i].folded.as_str());
        i > 0
            && t.is_word()
            && !is_determiner(phrase[i - 1].folded.as_str())
            && (w.ends_with("ed") || lex.past_forms.contains(w))
    };
    let clause = (0..phrase.len()).any(past)
        || phrase.iter().any(|t| {
        lex.speech_verbs.contains(t.folded.as_str())
            || matches!(
                t.folded.as_str(),
                "is" | "was" | "are" | "were" | "be" | "been" | "has" | "have" | "had" | "will" | "would" | "can" | "could" | "may" | "might" | "should" | "must" | "did" | "does" | "do" | "he" | "she" | "they" | "we" | "i" | "it" | "you"
            )
    });
    (words <= MAX_WORDS && !clause && !phrase.is_empty()).then_some((after + 1, end))
}

/// The indexes of a doc's mentions, quantities or dates (`sentence` of each, in order) grouped
/// by sentence, in their order: sentence `s`'s are `order[at[s]..at[s + 1]]` (a counting sort).
/// Filtering all of a doc's for each of its sentences was quadratic in the article's length.
#[derive(Default)]
pub(super) struct BySentence {
    order: Vec<usize>,
    at: Vec<usize>,
}

impl BySentence {
    /// Regroups the items whose sentences are `sentences` (those past `n` sentences are left out).
    pub(super) fn fill(&mut self, n: usize, sentences: impl Iterator<Item = usize> + Clone) {
        self.at.clear();
        self.at.resize(n + 2, 0);
        for s in sentences.clone().filter(|&s| s < n) {
            self.at[s + 2] += 1;
        }
        for s in 2..n + 2 {
            self.at[s] += self.at[s - 1];
        }
        self.order.clear();
        self.order.resize(self.at[n + 1], 0);
        for (i, s) in sentences.enumerate().filter(|&(_, s)| s < n) {
            self.order[self.at[s + 1]] = i;
            self.at[s + 1] += 1;
        }
    }

    /// The items of sentence `s`.
    pub(super) fn of(&self, s: usize) -> &[usize] {
        &self.order[self.at[s]..self.at[s + 1]]
    }

    /// Where the items of sentence `s` are in [`BySentence::order`] (and in anything laid out
    /// in its order).
    pub(super) fn range(&self, s: usize) -> std::ops::Range<usize> {
        self.at[s]..self.at[s + 1]
    }

    /// The items, sentence by sentence.
    pub(super) fn order(&self) -> &[usize] {
        &self.order
    }
}

/// A doc's mentions, quantities and dates by sentence ([`BySentence`]).
#[derive(Default)]
struct DocIndex {
    mentions: BySentence,
    quantities: BySentence,
    dates: BySentence,
}

impl DocIndex {
    fn fill(&mut self, d: &Doc) {
        let n = d.sentences.len();
        self.mentions.fill(n, d.mentions.iter().map(|m| m.sentence));
        self.quantities.fill(n, d.quantities.iter().map(|q| q.sentence));
        self.dates.fill(n, d.dates.iter().map(|x| x.sentence));
    }
}

/// The features of one sentence with token positions and boosts, appended to `out`, and its
/// quantities and dates as anchors, appended to `anchors`.
#[allow(clippy::too_many_arguments)]
fn sentence_features(d: &Doc, di: usize, si: usize, index: &DocIndex, resolved: &Resolved, ids: &mut Interner, out: &mut Vec<Feat>, anchors: &mut Vec<Anchor>, buf: &mut SentenceBuffers) {
    let s = &d.sentences[si];
    let toks = &s.tokens;
    let (mentions, demonym) = (index.mentions.of(si), &mut buf.demonym);
    // Words inside a name are names, not content ("Kremlin", "Volodymyr Zelenskyy").
    // So are the titles given with a name ("Ukrainian President") and demonyms. Not the words
    // of leading a body ("the Russian delegation, led by X", "X, heading the Russian
    // delegation"): who led whom is a fact to match.
    let lex = crate::lexicon::get();
    demonym.clear();
    // (Punctuation is never a demonym: not looked up.)
    demonym.extend(toks.iter().map(|t| if t.kind == crate::text::TokKind::Punct { None } else { lex.demonyms.get(t.folded.as_str()).copied() }));
    // So are the words of an appositive that says who or what a name is ("Rick Howard,
    // intelligence director with iDefense, said"): two sources that both say so have not told
    // the same fact (see [`descriptor_after`]).
    buf.described.clear();
    buf.described.resize(toks.len(), false);
    for m in mentions.iter().map(|&mi| &d.mentions[mi]).filter(|m| m.kind != EntityKind::Place) {
        let (first, after) = (toks.partition_point(|t| t.start < m.start), toks.partition_point(|t| t.start < m.end));
        if opens_with_adjunct(toks, first) {
            continue;
        }
        if let Some((a, b)) = descriptor_after(toks, after, lex) {
            buf.described[a..b].iter_mut().for_each(|x| *x = true);
        }
    }
    // And the words of an age ("the 40-year-old Thompson"), see the quantities below.
    for q in index.quantities.of(si).iter().map(|&qi| &d.quantities[qi]).filter(|q| q.is_age()) {
        let (k, e) = (token_at(toks, q.start), token_at(toks, q.end.saturating_sub(1)));
        buf.described[k..=e].iter_mut().for_each(|x| *x = true);
    }
    let described = &buf.described;
    let in_name = |k: usize| {
        let b = toks[k].start;
        demonym[k].is_some() || mentions.iter().map(|&mi| &d.mentions[mi]).any(|m| (m.start <= b && b < m.end) || m.roles.iter().any(|r| r.start <= b && b < r.end && !r.leads()))
    };
    for (t, k, e) in crate::extract::terms_at(toks) {
        let id = ids.id(
            if described[k] {
                'D'
            } else if in_name(k) {
                'N'
            } else {
                't'
            },
            |b| b.push_str(&t),
        );
        out.push((id, k, e, 1.0));
    }
    for &mi in mentions {
        let m = &d.mentions[mi];
        let (k, e) = (token_at(toks, m.start), token_at(toks, m.end.saturating_sub(1)));
        let id = match (m.kind, m.canonical) {
            (EntityKind::Place, Some(place)) => ids.id('g', |b| b.push_str(place)),
            _ => ids.id('e', |b| b.push_str(itoa::Buffer::new().format(resolved.of[di][mi]))),
        };
        out.push((id, k, e, 1.0));
    }
    for (k, &p) in demonym.iter().enumerate() {
        if let Some(p) = p {
            out.push((ids.id('g', |b| b.push_str(lex.places[p].name)), k, k, 1.0));
        }
    }
    for q in index.quantities.of(si).iter().map(|&qi| &d.quantities[qi]).filter(|q| !q.counts.is_empty()) {
        // The value sits at the number, the counted thing at the end of the quantity.
        let (k, e) = (token_at(toks, q.start), token_at(toks, q.end.saturating_sub(1)));
        // An age ("the 40-year-old Thompson", "a 61-year-old man") says who someone is, like an
        // appositive: one position of content, not four (kinds `a` and `A` rather than `n` and
        // `u`, see [`marks_last`]).
        let age = q.is_age();
        out.push((
            ids.id(if age { 'a' } else { 'n' }, |b| {
                // The value's bits, not its decimal form: as distinct, without formatting a float
                // (NaNs, all "NaN" as decimals, made one).
                let value = if q.value.is_nan() { f64::NAN } else { q.value };
                b.push_str(itoa::Buffer::new().format(value.to_bits()));
                b.push(':');
                b.push_str(&q.counts);
            }),
            k,
            e,
            2.0,
        ));
        let thing = ids.id(if age { 'A' } else { 'u' }, |b| b.push_str(&q.counts));
        out.push((thing, e, e, 1.0));
        let (lo, hi) = q.interval();
        anchors.push(Anchor::Quantity { tok: k, thing, lo, hi });
    }
    for x in index.dates.of(si).iter().map(|&xi| &d.dates[xi]) {
        let (k, e) = (token_at(toks, x.start), token_at(toks, x.end.saturating_sub(1)));
        let date = ids.id('d', |b| b.push_str(&x.value));
        out.push((date, k, e, 1.5));
        anchors.push(Anchor::Date { tok: k, date, grain: super::conflicts::granularity(&x.value) });
    }
}

/// Whether sentence `b` (doc, sentence) has all that [`sentence_features`] reads of sentence `a`,
/// at the same places relative to the sentence's start: its tokens, its names (with their
/// entities and roles), quantities and dates. Then it has the same features and anchors.
fn same_inputs(docs: &[Doc], resolved: &Resolved, indexes: &[DocIndex], (da, sa): (usize, usize), (db, sb): (usize, usize)) -> bool {
    let (x, y) = (&docs[da], &docs[db]);
    let (s, t) = (&x.sentences[sa], &y.sentences[sb]);
    let (oa, ob) = (s.start, t.start);
    let (ia, ib) = (&indexes[da], &indexes[db]);
    // Relative span of anything with a byte span.
    let at = |start: usize, end: usize, o: usize| (start.wrapping_sub(o), end.wrapping_sub(o));
    let tokens = s.tokens.len() == t.tokens.len()
        && s.tokens.iter().zip(&t.tokens).all(|(p, q)| at(p.start, p.end, oa) == at(q.start, q.end, ob) && p.kind == q.kind && p.cap == q.cap && p.folded == q.folded);
    let (ma, mb) = (ia.mentions.of(sa), ib.mentions.of(sb));
    let mentions = || {
        ma.len() == mb.len()
            && ma.iter().zip(mb).all(|(&i, &j)| {
                let (m, n) = (&x.mentions[i], &y.mentions[j]);
                at(m.start, m.end, oa) == at(n.start, n.end, ob)
                    && m.kind == n.kind
                    && m.canonical == n.canonical
                    && resolved.of[da][i] == resolved.of[db][j]
                    && m.roles.len() == n.roles.len()
                    && m.roles.iter().zip(&n.roles).all(|(r, q)| at(r.start, r.end, oa) == at(q.start, q.end, ob) && r.leads() == q.leads())
            })
    };
    let (qa, qb) = (ia.quantities.of(sa), ib.quantities.of(sb));
    let quantities = || {
        qa.len() == qb.len()
            && qa.iter().zip(qb).all(|(&i, &j)| {
                let (p, q) = (&x.quantities[i], &y.quantities[j]);
                let bits = |q: &crate::extract::numbers::Quantity| (q.value.to_bits(), q.interval().0.to_bits(), q.interval().1.to_bits());
                at(p.start, p.end, oa) == at(q.start, q.end, ob) && p.counts == q.counts && bits(p) == bits(q)
            })
    };
    let (xa, xb) = (ia.dates.of(sa), ib.dates.of(sb));
    let dates = || {
        xa.len() == xb.len()
            && xa.iter().zip(xb).all(|(&i, &j)| {
                let (p, q) = (&x.dates[i], &y.dates[j]);
                at(p.start, p.end, oa) == at(q.start, q.end, ob) && p.value == q.value
            })
    };
    tokens && mentions() && quantities() && dates()
}

/// The features of every sentence, with token positions and boosts, before weighting. Built
/// once and shared by the piece matcher and the clause similarity ([`super::facts`]).
///
/// - `occurrences[doc][sentence]` lists every occurrence, sorted by feature id then position;
/// - feature ids index `kind` (the first byte of the feature's key: `t` term, `N` word of a
///   name or title, `D` word of an appositive describing a name, `e` entity, `g` place, `n`
///   number with counted thing, `u` counted thing, `a` and `A` the same for an age, `d` date).
pub struct SentenceFeatures {
    pub occurrences: Vec<Vec<Vec<Feat>>>,
    pub kind: Vec<u8>,
    /// `anchors[doc][sentence]`: the quantities and dates of each sentence, for telling two
    /// pieces that state different numbers or dates apart (see [`contradicts`]).
    anchors: Vec<Vec<Vec<Anchor>>>,
}

/// A value that pins a statement down: a number of some counted thing, or a date.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Anchor {
    /// At token `tok`: a quantity of the counted thing `thing` (id of its `u:` feature), allowing
    /// the values `[lo, hi]`.
    Quantity { tok: usize, thing: u32, lo: f64, hi: f64 },
    /// At token `tok`: a date (id of its `d:` feature) of granularity `grain` (see
    /// [`super::conflicts::granularity`]).
    Date { tok: usize, date: u32, grain: usize },
}

impl SentenceFeatures {
    pub fn new(docs: &[Doc], resolved: &Resolved) -> SentenceFeatures {
        let mut ids = Interner::default();
        let mut occurrences: Vec<Vec<Vec<Feat>>> = Vec::with_capacity(docs.len());
        let mut anchors: Vec<Vec<Vec<Anchor>>> = Vec::with_capacity(docs.len());
        // Buffers reused from one sentence to the next; each sentence's list is allocated once,
        // at its size.
        let (mut found, mut keyed, mut buf) = (Vec::new(), Vec::new(), SentenceBuffers::default());
        let indexes: Vec<DocIndex> = docs
            .iter()
            .map(|d| {
                let mut index = DocIndex::default();
                index.fill(d);
                index
            })
            .collect();
        // A sentence often comes again word for word in later articles (wire copy, shared
        // paragraphs), with the same names, numbers and dates found in it: then its features are
        // those of its first occurrence (the same keys, so the same ids), copied rather than
        // found again. Sentences are told apart by the hash of their text, then `same_inputs`.
        let all: Vec<(usize, usize)> = docs.iter().enumerate().flat_map(|(di, d)| (0..d.sentences.len()).map(move |si| (di, si))).collect();
        let hash = |g: usize| {
            let (d, s) = (&docs[all[g].0], &docs[all[g].0].sentences[all[g].1]);
            let mut h = rustc_hash::FxHasher::default();
            std::hash::Hasher::write(&mut h, d.text[s.start..s.end].as_bytes());
            std::hash::Hasher::finish(&h)
        };
        let firsts = super::first_copies(all.len(), hash, |r, g| same_inputs(docs, resolved, &indexes, all[r], all[g]));
        let mut g = 0;
        for (di, d) in docs.iter().enumerate() {
            let (mut occ_d, mut anc_d): (Vec<Vec<Feat>>, Vec<Vec<Anchor>>) = (Vec::with_capacity(d.sentences.len()), Vec::with_capacity(d.sentences.len()));
            let index = &indexes[di];
            for si in 0..d.sentences.len() {
                let (e, sj) = all[firsts[g]];
                g += 1;
                if (e, sj) != (di, si) {
                    let (o, a) = if e == di { (&occ_d[sj], &anc_d[sj]) } else { (&occurrences[e][sj], &anchors[e][sj]) };
                    let (o, a) = (o.clone(), a.clone());
                    occ_d.push(o);
                    anc_d.push(a);
                    continue;
                }
                let mut a = Vec::new();
                found.clear();
                sentence_features(d, di, si, index, resolved, &mut ids, &mut found, &mut a, &mut buf);
                // Stably by (id, first token): as integers, ties ordered by their index.
                keyed.clear();
                keyed.extend(found.iter().enumerate().map(|(i, f)| (f.0, f.1, i)));
                keyed.sort_unstable();
                occ_d.push(keyed.iter().map(|&(_, _, i)| found[i]).collect());
                anc_d.push(a);
            }
            occurrences.push(occ_d);
            anchors.push(anc_d);
        }
        let kind = ids.kind;
        SentenceFeatures { occurrences, kind, anchors }
    }

    pub fn n_ids(&self) -> usize {
        self.kind.len()
    }
}

/// Builds the multi-source facts of `docs` from their sentence features, which it consumes (the
/// last to use them: kept, their copy made here was ~7 MB of the wasm memory's peak for 831
/// articles). `groups` gives each article's event group ([`super::groups`]): pieces of articles
/// in different groups are never linked, since the same words told of two events are two facts.
pub fn build(sf: SentenceFeatures, groups: &[usize]) -> PieceFacts {
    // 1. One occurrence per feature and sentence (the first, with the highest boost); IDF over
    //    sentences.
    let SentenceFeatures { occurrences: mut features, kind, anchors } = sf;
    let mut df: Vec<u32> = vec![0; kind.len()];
    let mut n_sent = 0usize;
    for v in features.iter_mut().flatten() {
        n_sent += 1;
        dedup_keep_max(v, |f| (f.0, &mut f.3));
        for &(id, _, _, _) in v.iter() {
            df[id as usize] += 1;
        }
    }
    // IDF as if the articles came with PRIOR_SENTENCES unrelated sentences too: with only a few
    // sentences, plain IDF would call every shared word common.
    let n_idf = n_sent as f32 + PRIOR_SENTENCES;
    let idf: Vec<f32> = df.iter().map(|&c| ((n_idf + 1.0) / (c as f32 + 0.5)).ln().max(0.0)).collect();
    for f in features.iter_mut().flatten().flatten() {
        f.3 *= idf[f.0 as usize];
    }
    let kind = &kind;

    // 2. Candidate sentence pairs from different sources, through an inverted index over the
    //    selective features. The postings are one array: a feature's list holds its `df`
    //    sentences (one occurrence per sentence), at `post_start[id]..post_start[id + 1]`.
    let sent_ids: Vec<(usize, usize)> = features.iter().enumerate().flat_map(|(di, d)| (0..d.len()).map(move |si| (di, si))).collect();
    let max_df = (n_sent / 10).clamp(8, 120) as u32;
    let indexed = |id: u32| (2..=max_df).contains(&df[id as usize]);
    let mut post_start: Vec<usize> = Vec::with_capacity(df.len() + 1);
    let mut n_postings = 0;
    for (id, &c) in df.iter().enumerate() {
        post_start.push(n_postings);
        if indexed(id as u32) {
            n_postings += c as usize;
        }
    }
    post_start.push(n_postings);
    let mut postings: Vec<usize> = vec![0; n_postings];
    let mut next = post_start.clone();
    for (g, &(di, si)) in sent_ids.iter().enumerate() {
        for &(id, _, _, _) in &features[di][si] {
            if indexed(id) {
                postings[next[id as usize]] = g;
                next[id as usize] += 1;
            }
        }
    }

    // 3. Links: the best compact windows of shared features. Each pair once, in order, without
    //    sorting: a marker per sentence remembers the last sentence it was paired with (a sparse
    //    accumulator). The features of the first sentence are scattered by id (`in_a`: their
    //    index in its list), so that those a partner shares are found in one pass over the
    //    partner's list.
    let min_weight = MIN_LINK_WEIGHT * (n_idf + 1.0).ln();
    let mut links: Vec<Link> = Vec::new();
    let mut sigs: Vec<(u32, f32)> = Vec::new();
    let mut mark: Vec<usize> = vec![usize::MAX; sent_ids.len()];
    // Per partner of the current sentence: the indexed features they share.
    let mut hits: Vec<u32> = vec![0; sent_ids.len()];
    // Per partner of the current sentence: the weight (in the current sentence) and the content
    // positions (see `Reach`) of those indexed features they share.
    let mut reach: Vec<(f32, usize)> = vec![(0.0, 0); sent_ids.len()];
    let common = super::facts::Common::new(sent_ids.iter().map(|&(di, si)| features[di][si].iter().map(|f| f.0)), |id| df[id as usize] > max_df);
    let mut partners: Vec<usize> = Vec::new();
    // The event group of each sentence's article, read once per posting.
    let sent_group: Vec<usize> = sent_ids.iter().map(|&(d, _)| groups[d]).collect();
    let mut in_a: Vec<u32> = vec![u32::MAX; df.len()];
    // Per feature: how many of its postings are of the current article or earlier ones. Moved
    // forward as the sentences go (`later` below never decreases): a step or none per look, not
    // a binary search.
    let mut seen: Vec<u32> = vec![0; df.len()];
    let mut scratch = Scratch::default();
    // The links of a pair of sentences depend on their weighted features and anchors alone; a
    // sentence often comes again word for word in other articles (wire copy, a shared
    // paragraph), and then so do its pairs: searched once per pair of copies' classes, the links
    // are copied for the others (for the 200-article corpus, 51,000 searches → 18,000).
    let class = copy_classes(&sent_ids, &features, &anchors);
    let mut memo: HashMap<(u32, u32), (u32, u32)> = HashMap::default();
    // The links each sentence made as the first sentence of a pair: `links[from..to]`.
    let mut links_at: Vec<(usize, usize)> = vec![(0, 0); sent_ids.len()];
    for (ga, &(da, sa)) in sent_ids.iter().enumerate() {
        // A copy of an earlier sentence of its event group makes the links that sentence made
        // with the articles after the copy's, in the same order: the same features find the same
        // partners there (in the order of the postings) and link them the same. Copied, not
        // searched again.
        let g0 = class.first[class[ga] as usize];
        if g0 != ga && groups[sent_ids[g0].0] == groups[da] {
            let (from, to) = links_at[g0];
            for li in from..to {
                let l = &links[li];
                if l.b.doc > da {
                    links.push(Link { a: Piece { doc: da, sentence: sa, ..l.a }, ..l.clone() });
                }
            }
            continue;
        }
        links_at[ga] = (links.len(), links.len());
        let fa = &features[da][sa];
        partners.clear();
        // The sentences of the articles after this one (so gb > ga, of another source).
        let later = ga - sa + features[da].len();
        for &(id, k, e, w) in fa {
            if !indexed(id) {
                continue;
            }
            let content = Reach::content_positions((k, e), kind[id as usize]);
            let list = &postings[post_start[id as usize]..post_start[id as usize + 1]];
            let from = &mut seen[id as usize];
            while list.get(*from as usize).is_some_and(|&g| g < later) {
                *from += 1;
            }
            for &gb in &list[*from as usize..] {
                if mark[gb] != ga {
                    if sent_group[gb] != groups[da] {
                        continue;
                    }
                    mark[gb] = ga;
                    hits[gb] = 0;
                    reach[gb] = (0.0, 0);
                    partners.push(gb);
                }
                hits[gb] += 1;
                reach[gb].0 += w;
                reach[gb].1 += content;
            }
        }
        if partners.is_empty() {
            continue;
        }
        for (i, f) in fa.iter().enumerate() {
            in_a[f.0 as usize] = i as u32;
        }
        for &gb in &partners {
            // Most candidates share a word or two: not worth a window search, nor listing what
            // they share (see `pair_links`).
            if common.shared_below(hits[gb], ga, gb, &in_a, MIN_SHARED - 1) {
                continue;
            }
            // Nor those whose shared features would fail `may_link` (about seven in ten of the
            // rest, for 200 articles), known from the indexed ones met in the postings and the
            // partner's few common ones, without reading all its features: a shared feature
            // weighs at most its weight here, and brings the content positions it has here.
            // (Exact as a filter: the margin covers the rounding of this sum and of the one
            // `may_link` takes in another order, of non-negative weights: under 1e-4 of the total
            // even for a thousand of them.)
            let (mut w, mut content) = reach[gb];
            for &id in common.of(gb) {
                let i = in_a[id as usize];
                if i != u32::MAX {
                    let x = &fa[i as usize];
                    w += x.3;
                    content += Reach::content_positions((x.1, x.2), kind[id as usize]);
                }
            }
            if w * (1.0 + 1e-3) < min_weight || content < MIN_CONTENT {
                continue;
            }
            let (db, sb) = sent_ids[gb];
            // (A pair of sentences that have no copies cannot come again: not memoised.)
            let key = (class[ga], class[gb]);
            let memoised = class.copied[key.0 as usize] || class.copied[key.1 as usize];
            if memoised {
                if let Some(&(from, to)) = memo.get(&key) {
                    for li in from as usize..to as usize {
                        let l = &links[li];
                        let (a, b) = (Piece { doc: da, sentence: sa, ..l.a }, Piece { doc: db, sentence: sb, ..l.b });
                        // (The shared features are the same: the copy points at the same `sigs`.)
                        links.push(Link { a, b, sig: l.sig, score: l.score });
                    }
                    continue;
                }
            }
            let from = links.len() as u32;
            let fb = &features[db][sb];
            shared_features(fa, &in_a, fb, kind, &mut scratch.shared);
            pair_links(&anchors, min_weight, ((da, sa), fa), ((db, sb), fb), &mut scratch, &mut links, &mut sigs);
            if memoised {
                memo.insert(key, (from, links.len() as u32));
            }
        }
        for f in fa {
            in_a[f.0 as usize] = u32::MAX;
        }
        links_at[ga].1 = links.len();
    }
    // The links best first, as indexes, then by pieces; ties keep the order they were found in.
    // (Sorting the links themselves took a copy of half of them, ~3 MB of the wasm memory's peak.)
    let order = best_first(&links);
    let pair_links = PairLinks::new(&links, &sent_ids, features.len());

    // 4. Greedy grouping of links into facts.
    let mut facts = Facts::new(sent_ids.len(), pair_links.doc_start.clone());
    for l in order.iter().map(|&li| &links[li as usize]) {
        let sig = l.sig(&sigs);
        let fa = home(&facts, &l.a, sig);
        let fb = home(&facts, &l.b, sig);
        match (fa, fb) {
            (None, None) => {
                let f = facts.groups.len();
                facts.groups.push(Group { pieces: Vec::new(), sig: HashMap::default() });
                facts.add(f, l.a, l.score, sig);
                facts.add(f, l.b, l.score, sig);
            }
            (Some(f), None) | (None, Some(f)) => {
                let new = if fa.is_some() { l.b } else { l.a };
                if supported(&facts.groups[f], &new, &pair_links) {
                    facts.add(f, new, l.score, sig);
                }
            }
            (Some(f), Some(g)) if f != g => {
                let (gf, gg) = (&facts.groups[f], &facts.groups[g]);
                if sig_overlap(&gg.sig, &gf.sig) >= 0.5 && gg.pieces.iter().all(|(p, _)| supported(gf, p, &pair_links)) {
                    facts.merge(f, g);
                }
            }
            _ => {
                let f = fa.unwrap_or_default();
                facts.add(f, l.a, l.score, sig);
                facts.add(f, l.b, l.score, sig);
            }
        }
    }
    let facts = facts.groups;
    // (sources, pieces, centrality, signature) of each fact.
    let mut out: Vec<(usize, Vec<Piece>, Vec<f32>, Vec<(u32, f32)>)> = facts
        .into_iter()
        .filter_map(|g| {
            let mut ps = g.pieces;
            crate::sort::sort_by(&mut ps, |x, y| x.0.cmp(&y.0));
            let mut docs_seen: Vec<usize> = ps.iter().map(|p| p.0.doc).collect();
            docs_seen.dedup();
            let mut sig: Vec<(u32, f32)> = g.sig.into_iter().collect();
            crate::sort::sort_by_key(&mut sig, |x| x.0);
            let (pieces, central) = ps.into_iter().unzip();
            (docs_seen.len() >= 2).then_some((docs_seen.len(), pieces, central, sig))
        })
        .collect();
    crate::sort::sort_by(&mut out, |a, b| b.0.cmp(&a.0).then(a.1[0].cmp(&b.1[0])));
    let mut facts = Vec::with_capacity(out.len());
    let mut centrality = Vec::with_capacity(out.len());
    let mut signatures = Vec::with_capacity(out.len());
    for (_, p, c, s) in out {
        facts.push(p);
        centrality.push(c);
        signatures.push(s);
    }
    let mut covered: Vec<(Piece, u32)> = facts.iter().enumerate().flat_map(|(fi, ps)| ps.iter().map(move |&p| (p, fi as u32))).collect();
    covered.sort_unstable();
    let (covered, covered_by) = covered.into_iter().unzip();
    PieceFacts { facts, centrality, signatures, features, covered, covered_by }
}

/// The copy class of every sentence (numbered across articles): sentences with the same
/// weighted features (ids, token extents, weights) and the same anchors share a class, numbered
/// in order of first appearance; `copied[c]` tells whether class `c` has more than one sentence,
/// `first[c]` is its first sentence.
struct CopyClasses {
    of: Vec<u32>,
    copied: Vec<bool>,
    first: Vec<usize>,
}

impl std::ops::Index<usize> for CopyClasses {
    type Output = u32;
    fn index(&self, g: usize) -> &u32 {
        &self.of[g]
    }
}

fn copy_classes(sent_ids: &[(usize, usize)], features: &[Vec<Vec<Feat>>], anchors: &[Vec<Vec<Anchor>>]) -> CopyClasses {
    use std::hash::{Hash, Hasher};
    // Compared bit for bit (weights and bounds as bits: no NaN or signed-zero surprises).
    let feat_bits = |f: &Feat| (f.0, f.1, f.2, f.3.to_bits());
    let anchor_bits = |x: &Anchor| match *x {
        Anchor::Quantity { tok, thing, lo, hi } => (0u8, tok, thing as u64, lo.to_bits(), hi.to_bits()),
        Anchor::Date { tok, date, grain } => (1u8, tok, date as u64, grain as u64, 0),
    };
    let same = |(d, s): (usize, usize), (e, t): (usize, usize)| {
        let (f, g) = (&features[d][s], &features[e][t]);
        let (a, b) = (&anchors[d][s], &anchors[e][t]);
        f.len() == g.len() && a.len() == b.len() && f.iter().zip(g).all(|(x, y)| feat_bits(x) == feat_bits(y)) && a.iter().zip(b).all(|(x, y)| anchor_bits(x) == anchor_bits(y))
    };
    let hash = |g: usize| {
        let (d, s) = sent_ids[g];
        let mut h = rustc_hash::FxHasher::default();
        features[d][s].iter().for_each(|f| feat_bits(f).hash(&mut h));
        anchors[d][s].iter().for_each(|x| anchor_bits(x).hash(&mut h));
        h.finish()
    };
    let firsts = super::first_copies(sent_ids.len(), hash, |r, g| same(sent_ids[r], sent_ids[g]));
    // Classes numbered in order of first appearance; a class's first sentence is its first.
    let (mut of, mut copied, mut first) = (Vec::with_capacity(sent_ids.len()), Vec::new(), Vec::new());
    for (g, &r) in firsts.iter().enumerate() {
        if r == g {
            of.push(copied.len() as u32);
            copied.push(false);
            first.push(g);
        } else {
            let c = of[r];
            copied[c as usize] = true;
            of.push(c);
        }
    }
    CopyClasses { of, copied, first }
}

/// The indexes of `links` by score, highest first (`f32::total_cmp`), then by first piece, then
/// by second piece, then by index: the order of a stable sort by (score, a, b). Sorted as integers
/// (score and index in one `u64`) in O(L log L) without a comparison closure; only the runs of
/// equal scores, which are short, are then ordered by their pieces.
fn best_first(links: &[Link]) -> Vec<u32> {
    // `total_cmp` order as an unsigned integer, reversed.
    let key = |x: f32| {
        let b = x.to_bits();
        let ascending = if b >> 31 == 1 { !b } else { b | 1 << 31 };
        !ascending
    };
    let mut keyed: Vec<u64> = links.iter().enumerate().map(|(li, l)| u64::from(key(l.score)) << 32 | li as u64).collect();
    keyed.sort_unstable();
    let mut order: Vec<u32> = keyed.iter().map(|&k| k as u32).collect();
    let mut i = 0;
    while i < keyed.len() {
        let run = keyed[i..].iter().take_while(|&&k| k >> 32 == keyed[i] >> 32).count();
        if run > 1 {
            crate::sort::sort_by(&mut order[i..i + run], |&x, &y| {
                let (x, y) = (&links[x as usize], &links[y as usize]);
                x.a.cmp(&y.a).then(x.b.cmp(&y.b))
            });
        }
        i += run;
    }
    order
}

/// Whether two pieces (token ranges, inclusive, of their sentences' anchors `a` and `b`) state
/// values that cannot both be true of one fact: a counted thing whose values in the two pieces
/// never overlap ("six AK-47 rifles" / "14 AK-47 rifles"), or dates of the same granularity that
/// all differ ("on Saturday" / "on Tuesday"). Such pieces tell two facts, or two events, however
/// many words they share; a disagreement between sources about one fact is still reported, by
/// the conflict finder, from the sentence pair.
fn contradicts(a: &[Anchor], (a0, a1): (usize, usize), b: &[Anchor], (b0, b1): (usize, usize)) -> bool {
    let inside = |x: &Anchor, lo: usize, hi: usize| {
        let t = match *x {
            Anchor::Quantity { tok, .. } | Anchor::Date { tok, .. } => tok,
        };
        lo <= t && t <= hi
    };
    let (a, b): (Vec<&Anchor>, Vec<&Anchor>) = (a.iter().filter(|x| inside(x, a0, a1)).collect(), b.iter().filter(|x| inside(x, b0, b1)).collect());
    if a.is_empty() || b.is_empty() {
        return false;
    }
    // Per counted thing (or date granularity) found in both pieces: does any pair of values agree?
    let mut seen: Vec<(bool, u64, bool)> = Vec::new(); // (is date, thing or grain, some pair agrees)
    for x in &a {
        for y in &b {
            let (key, agree) = match (**x, **y) {
                (Anchor::Quantity { thing: t1, lo: l1, hi: h1, .. }, Anchor::Quantity { thing: t2, lo: l2, hi: h2, .. }) if t1 == t2 => {
                    ((false, t1 as u64), l1 <= h2 && l2 <= h1)
                }
                (Anchor::Date { date: d1, grain: g1, .. }, Anchor::Date { date: d2, grain: g2, .. }) if g1 == g2 => ((true, g1 as u64), d1 == d2),
                _ => continue,
            };
            match seen.iter_mut().find(|s| (s.0, s.1) == key) {
                Some(s) => s.2 |= agree,
                None => seen.push((key.0, key.1, agree)),
            }
        }
    }
    seen.iter().any(|s| !s.2)
}

/// Keeps one element per id in a vector sorted by id: the first, with the highest weight of its
/// run. `parts` gives an element's id and its weight.
pub(super) fn dedup_keep_max<T>(v: &mut Vec<T>, mut parts: impl FnMut(&mut T) -> (u32, &mut f32)) {
    v.dedup_by(|later, first| {
        let (id, w) = parts(later);
        let w = *w;
        let (first_id, first_w) = parts(first);
        if id == first_id {
            *first_w = first_w.max(w);
            true
        } else {
            false
        }
    });
}

/// A feature two sentences share.
struct Shared {
    id: u32,
    /// Token extents (inclusive) in the first and in the second sentence.
    a: (usize, usize),
    b: (usize, usize),
    w: f32,
    /// The feature's kind (`kind[id]`, read once).
    kind: u8,
}

/// Buffers of the link search, reused from one sentence pair to the next: most pairs share a
/// word or two, and allocating per pair cost more than the search.
#[derive(Default)]
struct Scratch {
    /// The features the pair shares, in feature id order.
    shared: Vec<Shared>,
    /// (first token in the first sentence, index into `shared`), for [`best_window`].
    order: Vec<(usize, usize)>,
    /// For [`best_window`].
    inside: Vec<Inside>,
}

/// Writes into `out` the features that `fa` and `fb` (lists sorted by id, one occurrence per id)
/// share, in feature id order. `in_a[id]` is the index of feature `id` in `fa`, or `u32::MAX`.
fn shared_features(fa: &[Feat], in_a: &[u32], fb: &[Feat], kind: &[u8], out: &mut Vec<Shared>) {
    out.clear();
    for y in fb {
        let i = in_a[y.0 as usize];
        if i == u32::MAX {
            continue;
        }
        let x = &fa[i as usize];
        out.push(Shared { id: x.0, a: (x.1, x.2), b: (y.1, y.2), w: x.3.min(y.3), kind: kind[x.0 as usize] });
    }
}

// The token positions of a window fit in the bits of a u64 (see `pair_links`).
const _: () = assert!(WINDOW <= 64);

/// Up to [`MAX_LINKS_PER_PAIR`] links between sentences `a` and `b` (with their weighted
/// features), from the features they share (`s.shared`), appended to `links`.
fn pair_links(anchors: &[Vec<Vec<Anchor>>], min_weight: f32, a: ((usize, usize), &[Feat]), b: ((usize, usize), &[Feat]), s: &mut Scratch, links: &mut Vec<Link>, sigs: &mut Vec<(u32, f32)>) {
    let (((da, sa), fa), ((db, sb), fb)) = (a, b);
    // (`build` has already left out the candidates that share fewer than `MIN_SHARED - 1`
    // features, most of them: not worth a window search.)
    for _ in 0..MAX_LINKS_PER_PAIR {
        // Nor are those whose shared features, all of them, fail the tests a window's must pass
        // (about half of the rest, for 1,000 articles).
        if !may_link(&s.shared, min_weight) {
            break;
        }
        let Some((lo_a, lo_b)) = best_window(&s.shared, &mut s.order, &mut s.inside) else { break };
        let fits = |x: &Shared| x.a.0 >= lo_a && x.a.1 < lo_a + WINDOW && x.b.0 >= lo_b && x.b.1 < lo_b + WINDOW;
        // One pass over the window's features. Count words, not features: "two sides" gives a
        // number, a counted thing and a word at two positions, so positions are counted, one bit
        // each (they lie in [lo_a, lo_a + WINDOW)), of all features and of content features only.
        let (mut weight, mut all, mut content, mut anchored) = (0.0f32, 0u64, 0u64, false);
        let (mut a0, mut a1, mut b0, mut b1) = (usize::MAX, 0, usize::MAX, 0);
        for x in s.shared.iter().filter(|x| fits(x)) {
            weight += x.w;
            let bits = 1 << (x.a.0 - lo_a) | u64::from(marks_last(x.kind)) << (x.a.1 - lo_a);
            all |= bits;
            if is_content(x.kind) {
                content |= bits;
            }
            // (A specific quantity: three tokens or more, "less than two hours", not "two sides".)
            anchored |= matches!(x.kind, b'n' | b'd') && x.a.1 >= x.a.0 + 2;
            (a0, a1, b0, b1) = (a0.min(x.a.0), a1.max(x.a.1), b0.min(x.b.0), b1.max(x.b.1));
        }
        // A shared number with its counted thing is anchor enough for one word less.
        let min_shared = if anchored { MIN_SHARED - 1 } else { MIN_SHARED };
        if (all.count_ones() as usize) < min_shared || weight < min_weight {
            break;
        }
        if (content.count_ones() as usize) < MIN_CONTENT {
            // The heaviest window is a name and who it is ("said Anna Pavlidou, manager of a
            // central Athens mobile phone store", "a 59-year-old grandmother"): the pair may
            // still share a statement beside it, as two copies of a quote do. Only then: searching
            // again after any window that fails (other names) joined more judged-false pairs
            // than true ones on ECB+ train/val.
            if !s.shared.iter().any(|x| fits(x) && matches!(x.kind, b'D' | b'a')) {
                break;
            }
            s.shared.retain(|x| !(fits(x) && !is_content(x.kind)));
            continue;
        }
        let own = |f: &[Feat], lo: usize, hi: usize| f.iter().filter(|x| lo <= x.1 && x.2 <= hi).map(|x| x.3).sum::<f32>();
        let density = weight / (own(fa, a0, a1) * own(fb, b0, b1)).sqrt().max(f32::MIN_POSITIVE);
        let clash = contradicts(&anchors[da][sa], (a0, a1), &anchors[db][sb], (b0, b1));
        if density >= MIN_DENSITY && !clash {
            let piece = |doc, sentence, lo: usize, hi: usize| Piece { doc, sentence, t0: lo, t1: hi + 1 };
            let from = sigs.len() as u32;
            sigs.extend(s.shared.iter().filter(|x| fits(x)).map(|x| (x.id, x.w)));
            let sig = (from, sigs.len() as u32);
            links.push(Link { a: piece(da, sa, a0, a1), b: piece(db, sb, b0, b1), sig, score: weight * density });
        }
        // The next link of this pair uses the features left.
        s.shared.retain(|x| !fits(x));
    }
}

/// Whether a feature of kind `kind` is content: a word outside names, a number, a counted thing
/// or a date, not a name's word, an entity or a place (see [`MIN_CONTENT`]).
fn is_content(kind: u8) -> bool {
    !matches!(kind, b'N' | b'D' | b'A' | b'e' | b'g')
}

/// Whether a feature of kind `kind` counts the last token of its extent as a position too: all
/// but an age, which is one item of content however many tokens it takes ("a 61-year-old
/// man", "the sixty-one-year-old"), with its words not content at all. So two sources that give
/// someone's age tell one fact only if they share something else: on ECB+ train/val, as many of
/// the pairs that shared an age and one word more were judged false as true ("the autopsy of the
/// 16-year-old was released" / "the fatal police shooting of 16-year-old Kimani Gray").
fn marks_last(kind: u8) -> bool {
    kind != b'a'
}

/// Whether some window of the shared features might make a link: all of them together reach the
/// weight, the positions and the content positions a link needs (see [`pair_links`]). Exact as a
/// filter: a window holds a subset of the features, with fewer positions and, its weights being
/// non-negative and summed in the same order, no more weight.
fn may_link(shared: &[Shared], min_weight: f32) -> bool {
    let mut reach = Reach::default();
    for x in shared {
        reach.add(x.w, x.a, x.kind);
    }
    reach.may_link(min_weight)
}

/// The sums [`may_link`] tests, feature by feature.
#[derive(Default)]
struct Reach {
    weight: f32,
    all: usize,
    content: usize,
}

impl Reach {
    /// A feature marks its first and last positions (at most two) of its extent `a`; an age
    /// its first only (see [`marks_last`]).
    fn positions(a: (usize, usize), kind: u8) -> usize {
        if a.1 > a.0 && marks_last(kind) {
            2
        } else {
            1
        }
    }

    /// The positions of a feature of extent `a` and kind `kind` that count as content.
    fn content_positions(a: (usize, usize), kind: u8) -> usize {
        if is_content(kind) {
            Reach::positions(a, kind)
        } else {
            0
        }
    }

    /// A shared feature of weight `w`, extent `a` in the first sentence, kind `kind`.
    fn add(&mut self, w: f32, a: (usize, usize), kind: u8) {
        self.weight += w;
        self.all += Reach::positions(a, kind);
        self.content += Reach::content_positions(a, kind);
    }

    fn may_link(&self, min_weight: f32) -> bool {
        self.weight >= min_weight && self.all >= MIN_SHARED - 1 && self.content >= MIN_CONTENT
    }
}

/// The heaviest window of [`WINDOW`] tokens in both sentences, by the weight of the shared
/// features that fit in it, as its first token in each sentence, if any feature is shared.
/// Windows start at a feature; for k shared features the search is O(k² · w) for w features per
/// window, with no allocation (`order` and `inside` are scratch buffers).
fn best_window(shared: &[Shared], order: &mut Vec<(usize, usize)>, inside: &mut Vec<Inside>) -> Option<(usize, usize)> {
    // Keys are unique (they end with the index), so an unstable sort gives the one order.
    order.clear();
    order.extend(shared.iter().enumerate().map(|(k, x)| (x.a.0, k)));
    order.sort_unstable();
    let mut best: Option<(f32, usize, usize)> = None;
    for oi in 0..order.len() {
        let lo_a = order[oi].0;
        if oi > 0 && order[oi - 1].0 == lo_a {
            continue; // the same window as the previous start
        }
        // The features inside the window of the first sentence that starts here…
        inside.clear();
        let mut total = 0.0f32;
        for &(a0, k) in &order[oi..] {
            if a0 >= lo_a + WINDOW {
                break;
            }
            let x = &shared[k];
            if x.a.1 < lo_a + WINDOW {
                inside.push(Inside { b0: x.b.0, k, b1: x.b.1, w: x.w });
                total += x.w;
            }
        }
        // No window of the second sentence holds more than all of these: when that is clearly
        // no heavier than the best so far, none of them wins. (The margin covers the rounding
        // of sums taken in another order: under 1e-5 of the total for the few dozen
        // non-negative weights a window holds.)
        if best.is_some_and(|(bw, _, _)| total * (1.0 + 1e-4) < bw) {
            continue;
        }
        inside.sort_unstable_by_key(|x| (x.b0, x.k));
        // …and, among them, those inside each window of the second sentence.
        for i in 0..inside.len() {
            let lo_b = inside[i].b0;
            if i > 0 && inside[i - 1].b0 == lo_b {
                continue;
            }
            let mut w = 0.0;
            for x in &inside[i..] {
                if x.b0 >= lo_b + WINDOW {
                    break;
                }
                if x.b1 < lo_b + WINDOW {
                    w += x.w;
                }
            }
            // Strictly heavier wins: ties keep the earliest window (deterministic).
            if best.is_none_or(|(bw, _, _)| w > bw) {
                best = Some((w, lo_a, lo_b));
            }
        }
    }
    best.map(|(_, lo_a, lo_b)| (lo_a, lo_b))
}

/// A shared feature inside a window of the first sentence, for [`best_window`]: its extent in
/// the second sentence, its index in the shared features, its weight.
struct Inside {
    b0: usize,
    k: usize,
    b1: usize,
    w: f32,
}

/// A fact being built.
struct Group {
    /// Pieces with the best link score that brought each in; at most one per sentence.
    pieces: Vec<(Piece, f32)>,
    /// Summed weight of each shared feature over the fact's links.
    sig: HashMap<u32, f32>,
}

/// The facts being built, and where their pieces are: a fact's piece of a sentence is found in
/// O(facts holding a piece of that sentence), not by a search through the fact's pieces.
struct Facts {
    groups: Vec<Group>,
    /// Per sentence (numbered across articles, see `doc_start`): (fact, index of its piece of the
    /// sentence in `pieces`), for every fact holding a piece of it. (A vector rather than a map
    /// by (doc, sentence): no hashing on every look-up.)
    by_sentence: Vec<Vec<(usize, usize)>>,
    /// The number of the first sentence of each article.
    doc_start: Vec<usize>,
}

impl Facts {
    /// No facts yet, for `n_sent` sentences whose articles start at `doc_start`.
    fn new(n_sent: usize, doc_start: Vec<usize>) -> Facts {
        Facts { groups: Vec::new(), by_sentence: vec![Vec::new(); n_sent], doc_start }
    }

    /// The number of the sentence of piece `p`.
    fn sentence(&self, p: &Piece) -> usize {
        self.doc_start[p.doc] + p.sentence
    }

    /// Adds piece `p` to fact `f`, brought by a link of score `score` whose shared features `sig`
    /// join the fact's.
    fn add(&mut self, f: usize, p: Piece, score: f32, sig: &[(u32, f32)]) {
        self.add_piece(f, p, score);
        let into = &mut self.groups[f].sig;
        for &(id, w) in sig {
            *into.entry(id).or_insert(0.0) += w;
        }
    }

    /// Adds a piece to fact `f`, uniting it with the fact's piece of the same sentence.
    fn add_piece(&mut self, f: usize, p: Piece, score: f32) {
        let n = self.sentence(&p);
        let pieces = &mut self.groups[f].pieces;
        let at = &mut self.by_sentence[n];
        if let Some(&(_, i)) = at.iter().find(|x| x.0 == f) {
            let (q, s) = &mut pieces[i];
            q.t0 = q.t0.min(p.t0);
            q.t1 = q.t1.max(p.t1);
            *s = s.max(score);
        } else {
            at.push((f, pieces.len()));
            pieces.push((p, score));
        }
    }

    /// Moves the pieces and signature of fact `g` into fact `f`; `g` is left empty.
    fn merge(&mut self, f: usize, g: usize) {
        let moved = std::mem::take(&mut self.groups[g].pieces);
        let sig = std::mem::take(&mut self.groups[g].sig);
        for (p, c) in moved {
            let n = self.sentence(&p);
            self.by_sentence[n].retain(|x| x.0 != g);
            self.add_piece(f, p, c);
        }
        let into = &mut self.groups[f].sig;
        for (id, w) in sig {
            *into.entry(id).or_insert(0.0) += w;
        }
    }
}

/// Weighted share of `a`'s features found in `b`.
fn sig_overlap(a: &HashMap<u32, f32>, b: &HashMap<u32, f32>) -> f32 {
    let total: f32 = a.values().sum();
    if total == 0.0 {
        return 0.0;
    }
    a.iter().filter(|(id, _)| b.contains_key(id)).map(|(_, w)| w).sum::<f32>() / total
}

/// The fact that holds a piece overlapping `p` with a signature like `sig`, if any (the best).
fn home(facts: &Facts, p: &Piece, sig: &[(u32, f32)]) -> Option<usize> {
    let list = &facts.by_sentence[facts.sentence(p)];
    let total: f32 = sig.iter().map(|x| x.1).sum();
    let mut best: Option<(f32, usize)> = None;
    for &(f, i) in list {
        let g = &facts.groups[f];
        let ov = g.pieces[i].0.overlap(p);
        if ov == 0 {
            continue;
        }
        let share = sig.iter().filter(|(id, _)| g.sig.contains_key(id)).map(|x| x.1).sum::<f32>() / total.max(f32::MIN_POSITIVE);
        if share >= 0.5 {
            let s = share + ov as f32 / p.len().max(1) as f32;
            if best.is_none_or(|(bs, bf)| s > bs || (s == bs && f < bf)) {
                best = Some((s, f));
            }
        }
    }
    best.map(|(_, f)| f)
}

/// `p` matches at least half of the fact's pieces from other sources (a link between the two
/// sentences that overlaps both pieces).
fn supported(g: &Group, p: &Piece, pair_links: &PairLinks) -> bool {
    let mut cross = 0;
    let mut strong = 0;
    for (q, _) in g.pieces.iter().filter(|(q, _)| q.doc != p.doc) {
        cross += 1;
        if pair_links.of(p, q).any(|l| {
            let (lp, lq) = if (l.a.doc, l.a.sentence) == (p.doc, p.sentence) { (&l.a, &l.b) } else { (&l.b, &l.a) };
            lp.overlap(p) > 0 && lq.overlap(q) > 0
        }) {
            strong += 1;
        }
    }
    cross > 0 && strong * 2 >= cross
}

/// The links of each sentence pair, for the average-link test: link indexes ordered by their
/// sentence pair (a map of pair → list of indexes was ~9 MB of the wasm memory's peak for 831
/// articles, in ~100,000 small lists). Built by a counting sort on the first sentence and a sort
/// of each row of integer pairs: O(L log r) for L links and rows of r links.
struct PairLinks<'a> {
    links: &'a [Link],
    /// (second sentence, link index) by (first sentence, second sentence, index).
    by_pair: Vec<(u32, u32)>,
    /// `by_pair[first[g]..first[g + 1]]` are the links whose first sentence is sentence `g`
    /// (numbered across articles, in order).
    first: Vec<usize>,
    /// The number of the first sentence of each article.
    doc_start: Vec<usize>,
}

impl<'a> PairLinks<'a> {
    /// `sent_ids`: (doc, sentence) of every sentence, in order; `n_docs` articles.
    fn new(links: &'a [Link], sent_ids: &[(usize, usize)], n_docs: usize) -> Self {
        let mut doc_start = vec![0; n_docs];
        for (g, &(d, s)) in sent_ids.iter().enumerate().rev() {
            if s == 0 {
                doc_start[d] = g;
            }
        }
        let number = |p: &Piece| doc_start[p.doc] + p.sentence;
        // A link's first sentence (`a`) comes before its second (`b`) in that order.
        let mut first = vec![0; sent_ids.len() + 1];
        for l in links {
            first[number(&l.a) + 1] += 1;
        }
        for g in 0..sent_ids.len() {
            first[g + 1] += first[g];
        }
        let mut by_pair: Vec<(u32, u32)> = vec![(0, 0); links.len()];
        let mut next = first.clone();
        for (li, l) in links.iter().enumerate() {
            let g = number(&l.a);
            by_pair[next[g]] = (number(&l.b) as u32, li as u32);
            next[g] += 1;
        }
        for g in 0..sent_ids.len() {
            by_pair[first[g]..first[g + 1]].sort_unstable();
        }
        PairLinks { links, by_pair, first, doc_start }
    }

    /// The links between the sentences of two pieces.
    fn of(&self, p: &Piece, q: &Piece) -> impl Iterator<Item = &'a Link> + '_ {
        let number = |p: &Piece| self.doc_start[p.doc] + p.sentence;
        let (x, y) = (number(p).min(number(q)), number(p).max(number(q)) as u32);
        let row = &self.by_pair[self.first[x]..self.first[x + 1]];
        let from = row.partition_point(|&(b, _)| b < y);
        let links = self.links;
        row[from..].iter().take_while(move |&&(b, _)| b == y).map(move |&(_, li)| &links[li as usize])
    }
}

#[cfg(test)]
mod tests {
    use crate::{compare, Article};

    #[test]
    fn a_source_tells_a_fact_when_it_tells_one_source_s_piece_of_it() {
        use super::{Feat, Piece, PieceFacts};
        // A fact told by sources 0, 1 and 2, each with a piece of four features (ids 1–4, 4–7,
        // 7–10, weight 1): the links shared ten features in all (its signature).
        let piece = |doc| Piece { doc, sentence: 0, t0: 0, t1: 4 };
        let feats = |ids: &[u32]| -> Vec<Feat> { ids.iter().enumerate().map(|(k, &id)| (id, k, k, 1.0)).collect() };
        let facts = |source3: &[u32], signature: &[u32]| PieceFacts {
            facts: vec![vec![piece(0), piece(1), piece(2)]],
            centrality: vec![vec![1.0; 3]],
            features: vec![vec![feats(&[1, 2, 3, 4])], vec![feats(&[4, 5, 6, 7])], vec![feats(&[7, 8, 9, 10])], vec![feats(source3)]],
            signatures: vec![signature.iter().map(|&id| (id, 1.0)).collect()],
            covered: vec![],
            covered_by: vec![],
        };
        let all: Vec<u32> = (1..=10).collect();
        // Source 3 tells three of source 0's four features (three of the signature's ten).
        assert!(facts(&[1, 2, 3, 20], &all).tells(3, 0));
        // The twin: one of them, and words of its own.
        assert!(!facts(&[1, 20, 21, 22], &all).tells(3, 0));
        // Half of the signature, one feature of each piece, still tells it.
        assert!(facts(&[1, 5, 20], &[1, 5, 9]).tells(3, 0));
        assert!(!facts(&[1, 20, 21], &[1, 5, 9]).tells(3, 0));
    }

    /// (articles, evidence texts that must be one fact, evidence texts that must not share a fact)
    fn facts_of(texts: &[&str]) -> Vec<Vec<String>> {
        let arts: Vec<Article> = texts.iter().enumerate().map(|(i, t)| Article::new(format!("s{i}"), *t)).collect();
        let r = compare(&arts).unwrap();
        r.facts.iter().filter(|f| f.corroboration > 1).map(|f| f.evidence.iter().map(|e| e.text.clone()).collect()).collect()
    }

    fn together(facts: &[Vec<String>], a: &str, b: &str) -> bool {
        facts.iter().any(|f| f.iter().any(|e| e.contains(a)) && f.iter().any(|e| e.contains(b)))
    }

    #[test]
    fn one_sentence_can_tell_two_facts() {
        let f = facts_of(&[
            "The first direct peace talks between Russia and Ukraine in three years ended after less than two hours on Friday.",
            "Officials said the first direct peace talks in three years were held in a palace.\nThe meeting ended after less than two hours, a diplomat said.",
        ]);
        assert!(together(&f, "first direct peace talks", "first direct peace talks in three years"), "{f:#?}");
        assert!(together(&f, "less than two hours", "after less than two hours"), "{f:#?}");
        // Two facts, not one: the duration and the "first talks" are apart.
        assert!(f.len() >= 2, "{f:#?}");
    }

    #[test]
    fn different_numbers_of_one_thing_are_not_one_fact() {
        let f = facts_of(&[
            "The navy seized six AK-47 rifles, 12 magazines and about 300 rounds of ammunition from the pirates.",
            "The navy seized 14 AK-47 rifles, 31 magazines and 923 rounds of ammunition from the pirates.",
            "The navy seized six AK-47 rifles, twelve magazines and 300 rounds of ammunition from the pirates.",
        ]);
        assert!(together(&f, "six AK-47 rifles, 12", "six AK-47 rifles, twelve"), "{f:#?}");
        assert!(!together(&f, "six AK-47", "14 AK-47"), "{f:#?}");
        // Compatible wordings of one number still join.
        let f = facts_of(&[
            "The talks between the delegations in Istanbul ended after less than two hours, officials said.",
            "The talks between the delegations in Istanbul ended after just over an hour, a diplomat said.",
        ]);
        assert!(together(&f, "less than two hours", "just over an hour"), "{f:#?}");
    }

    #[test]
    fn articles_about_another_event_share_no_facts_with_the_main_group() {
        // Two piracy attempts foiled by one navy, years apart: the same kind of words, other
        // names, numbers and dates.
        let a = "On November 11, 2011, INS Sukanya foiled a piracy attempt in the Gulf of Aden and arrested 26 pirates. The Indian Navy said the pirates attacked merchant vessels transiting the busy sea lane.";
        let b = "INS Sukanya arrested 26 pirates in the Gulf of Aden on November 11, 2011, after a piracy attempt. Officials said the pirates attacked merchant vessels in the sea lane.";
        let c = "The Sukanya crew held 26 pirates after the November 11, 2011 attempt in the Gulf of Aden. The pirates attacked merchant vessels in the busy sea lane, the Navy said.";
        let d = "On December 13, 2008, INS Mysore foiled a piracy attempt in the Gulf of Aden and arrested 23 pirates. The Indian Navy said the pirates attacked merchant vessels transiting the busy sea lane.";
        let e = "INS Mysore arrested 23 pirates in the Gulf of Aden on December 13, 2008, after a piracy attempt. Officials said the pirates attacked merchant vessels in the sea lane.";
        let arts: Vec<Article> = [a, b, c, d, e].iter().enumerate().map(|(i, t)| Article::new(format!("s{i}"), *t)).collect();
        let r = compare(&arts).unwrap();
        for f in r.facts.iter().filter(|f| f.corroboration > 1) {
            let first = f.sources.iter().any(|s| ["s0", "s1", "s2"].contains(&s.as_str()));
            let second = f.sources.iter().any(|s| ["s3", "s4"].contains(&s.as_str()));
            assert!(!(first && second), "{f:#?}");
        }
        assert!(r.facts.iter().any(|f| f.sources == ["s3", "s4"]), "{:#?}", r.facts);
        let flagged: Vec<&str> = r.different_event.iter().map(|d| d.source.as_str()).collect();
        assert_eq!(flagged, ["s3", "s4"], "{:#?}", r.different_event);
        assert!(r.different_event[0].reasons.iter().any(|x| x.contains("main group of 3 sources") && x.contains("s4")), "{:#?}", r.different_event);
        // An article about the other event omits none of the main event's facts, and the other
        // way round.
        let other = |s: &str| ["s3", "s4"].contains(&s);
        assert!(r.omissions.iter().all(|o| other(&o.source) == o.told_by.iter().all(|s| other(s))), "{:#?}", r.omissions);
        assert!(r.sources.iter().map(|s| s.event_group).eq([0, 0, 0, 1, 1]));
    }

    #[test]
    fn copies_of_a_sentence_are_linked_as_the_sentence_is() {
        // Sources 0 and 1 carry the same sentence (wire copy), at other places in their text:
        // the links of the copy with source 2's sentence are copied from those of the first,
        // with its own sentence.
        let told = "Both sides agreed to exchange one thousand prisoners of war in Istanbul.";
        let other = "The two countries agreed to swap 1,000 POWs in Istanbul, officials said.";
        let arts: Vec<Article> = [told.to_string(), format!("The weather was mild. {told}"), other.to_string()].iter().enumerate().map(|(i, t)| Article::new(format!("s{i}"), t.as_str())).collect();
        let r = compare(&arts).unwrap();
        let fact = r.facts.iter().find(|f| f.corroboration == 3).expect("one fact of the three sources");
        let copy = fact.evidence.iter().find(|e| e.source == "s1").unwrap();
        assert_eq!(copy.sentence, 1);
        let first = fact.evidence.iter().find(|e| e.source == "s0").unwrap();
        assert_eq!((copy.text.as_str(), copy.start - first.start), (first.text.as_str(), "The weather was mild. ".len()));
    }

    #[test]
    fn a_copied_sentence_has_the_features_it_would_have_had() {
        // Source 1 copies source 0's sentence after one of its own; source 2 changes its number.
        let told = "Both sides agreed to exchange 1,000 prisoners of war in Istanbul on Friday.";
        let texts = [told.to_string(), format!("The weather was mild. {told}"), told.replace("1,000", "900")];
        let docs: Vec<crate::extract::Doc> = texts.iter().enumerate().map(|(i, t)| crate::extract::analyze(&Article::new(format!("s{i}"), t.as_str()))).collect();
        let resolved = super::super::entities::resolve(&docs);
        let sf = super::SentenceFeatures::new(&docs, &resolved);
        let index = |d: &crate::extract::Doc| {
            let mut i = super::DocIndex::default();
            i.fill(d);
            i
        };
        let indexes: Vec<super::DocIndex> = docs.iter().map(index).collect();
        assert!(super::same_inputs(&docs, &resolved, &indexes, (0, 0), (1, 1)));
        assert!(!super::same_inputs(&docs, &resolved, &indexes, (0, 0), (2, 0)));
        assert_eq!(sf.occurrences[0][0], sf.occurrences[1][1]);
        assert_eq!(sf.anchors[0][0], sf.anchors[1][1]);
        // The twin: another number, other features (found, not copied).
        assert_ne!(sf.occurrences[0][0], sf.occurrences[2][0]);
        assert_eq!(sf.occurrences[0][0].len(), sf.occurrences[2][0].len());
    }

    #[test]
    fn paraphrases_with_numbers_in_words_merge() {
        let f = facts_of(&[
            "Both sides agreed to exchange one thousand prisoners of war.",
            "The two countries agreed to swap 1,000 POWs each, officials said.",
        ]);
        assert!(together(&f, "one thousand", "1,000"), "{f:#?}");
    }

    #[test]
    fn a_shared_name_alone_is_not_a_fact() {
        let f = facts_of(&[
            "Ukrainian President Volodymyr Zelensky visited a hospital in Lviv.",
            "Ukrainian President Volodymyr Zelensky spoke about the harvest on television.",
        ]);
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn who_led_a_delegation_is_a_fact() {
        // Leading a body is a role of the person, but unlike a title it is what the sentence
        // tells: its words count as content.
        let f = facts_of(&[
            "Moscow sent a Russian team led by Vladimir Medinsky to the talks.",
            "Vladimir Medinsky, heading the Russian delegation, spoke briefly.",
            "Rustem Umerov, heading the Ukrainian delegation, spoke at length.",
        ]);
        assert!(together(&f, "Russian team led by Vladimir Medinsky", "Vladimir Medinsky, heading the Russian delegation"), "{f:#?}");
        assert!(!together(&f, "Medinsky", "Umerov"), "{f:#?}");
    }

    #[test]
    fn appositives_that_describe_a_name() {
        // (sentence, the name it follows, the appositive's words or None)
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("Rick Howard, intelligence director with Verisign's iDefense, said the code spread.", "Howard", Some("intelligence director with Verisign's iDefense")),
            ("Fred LaRue, a high-ranking Nixon administration official who served, died.", "LaRue", Some("a high-ranking Nixon administration official")),
            ("Gigante, head of the Genovese crime family, died.", "Gigante", Some("head of the Genovese crime family")),
            ("Sarah Palin, the failed Republican candidate, apologised.", "Palin", Some("the failed Republican candidate")),
            // A list of names, a participle, a clause, a relative clause: no appositive.
            ("Putin, Zelensky and Erdogan met.", "Putin", None),
            ("Zelensky, speaking in Kyiv, said no.", "Zelensky", None),
            ("Medinsky, heading the Russian delegation, spoke.", "Medinsky", None),
            ("Russia, which started the war, refused.", "Russia", None),
            ("Smith, he said, was late.", "Smith", None),
            ("Cheeks, users immediately felt the change in the team.", "Cheeks", None),
            ("Cheeks, fans immediately noticed the change in the team.", "Cheeks", None),
            ("Jones, the coach who was fired, and the owners of the club and the arena and the team left.", "Jones", Some("the coach")),
            // Too long for a noun phrase.
            ("Jones, the man in the blue coat with the red hat on the corner of the street, left.", "Jones", None),
        ];
        let lex = crate::lexicon::get();
        for &(text, name, want) in cases {
            let toks = crate::text::tokenize(text, 0, text.len());
            let after = toks.iter().position(|t| t.text(text) == name).unwrap() + 1;
            let got = super::descriptor_after(&toks, after, lex).map(|(a, b)| &text[toks[a].start..toks[b - 1].end]);
            assert_eq!(got, want, "{text}");
        }
        // "According to the New York Times, the last great mafioso": the comma closes the adjunct.
        let text = "He was, according to the New York Times, the last great mafioso.";
        let toks = crate::text::tokenize(text, 0, text.len());
        assert!(super::opens_with_adjunct(&toks, toks.iter().position(|t| t.text(text) == "New").unwrap()));
        assert!(!super::opens_with_adjunct(&toks, toks.iter().position(|t| t.text(text) == "mafioso").unwrap()));
    }

    #[test]
    fn who_a_person_is_is_not_a_fact() {
        // Two sources describe the speaker in the same words while telling different things.
        let f = facts_of(&[
            "Attack code has been posted on thousands of sites, said Rick Howard, intelligence director with Verisign's iDefense.",
            "The flaw will show up in tool kits soon, according to Rick Howard, intelligence director of iDefense.",
        ]);
        assert!(f.is_empty(), "{f:#?}");
        // Nor does the same age make one fact of two happenings.
        let f = facts_of(&["The 40-year-old Thompson was knocked down near the end of the fifth round.", "The referee stopped the 40-year-old Thompson early in the sixth round."]);
        assert!(f.is_empty(), "{f:#?}");
        // The twin: a quote both carry, with its speaker described the same way, is still one.
        let quote = "“You think it's going to calm down and then it starts again,” said Anna Pavlidou, manager of a central Athens mobile phone store.";
        let f = facts_of(&[quote, &format!("Riots went on.\n{quote}")]);
        assert!(together(&f, "calm down", "calm down"), "{f:#?}");
    }

    #[test]
    fn common_words_alone_do_not_merge() {
        let f = facts_of(&[
            "The company said on Tuesday that it would report results next week.",
            "The ministry said on Tuesday that it had opened an inquiry into the crash.",
        ]);
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn unrelated_articles_share_no_fact() {
        let f = facts_of(&[
            "A magnitude 6.1 earthquake struck off the coast of Chile, damaging homes in two towns.",
            "The central bank raised interest rates by half a point to curb inflation.",
        ]);
        assert!(f.is_empty(), "{f:#?}");
    }
}
