//! Readability-style content extraction over a [`Dom`].
//!
//! The algorithm follows Mozilla Readability.js (Apache-2.0), simplified to what a text-only
//! result needs:
//! 1. Drop elements that never hold article text (scripts, navigation, forms, figures, hidden
//!    elements, ARIA landmarks of furniture) and, in the strict pass, elements whose class/id
//!    says furniture ("unlikely" words of `data/lexicon/html_hints.tsv`).
//! 2. Score every paragraph-like element (`p`, `pre`, `td`, a `div` without block children) by
//!    its commas and length, and add the score to its ancestors (parent in full, grandparent
//!    half, then less), each ancestor starting from a bonus for its tag and class/id words.
//!    Scores are scaled by one minus the link density.
//! 3. Take the best candidate, move up to a common ancestor when several near-best candidates
//!    share one, add siblings that score well or read like paragraphs.
//! 4. Render it as text, skipping parts that are conditionally furniture (lists of links,
//!    furniture class words, mostly-link blocks) and short furniture lines ("Read more ...").
//! 5. When the strict pass finds little text, retry with fewer removals (as Readability does).

use std::sync::OnceLock;

use super::dom::{Dom, Element, Kind, MAX_DEPTH};

/// Elements whose content is never article text.
const DROP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "button", "select",
    "textarea", "input", "label", "figure", "figcaption", "dialog", "canvas", "video", "audio", "object", "embed",
    "img", "picture", "map", "link", "meta", "fieldset",
];

/// Landmarks of page furniture: dropped unless they hold most of the page's paragraph text (some
/// sites wrap the whole page in a `<form>` or the article in a `<header>`).
const LANDMARK_TAGS: &[&str] = &["nav", "aside", "footer", "form", "menu", "header"];

/// ARIA roles of page furniture.
const DROP_ROLES: &[&str] =
    &["navigation", "contentinfo", "complementary", "banner", "dialog", "alertdialog", "menu", "menubar", "search"];

/// Elements that start a new block of text when rendered.
const BLOCKS: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead",
    "tfoot", "tr", "ul", "caption", "html", "#root", "br",
];

/// The least text a strict pass must find before its result is trusted, in characters
/// (Readability's `charThreshold`).
const MIN_CHARS: usize = 500;

struct Hints {
    content: Vec<(&'static str, bool)>,
    junk: Vec<(&'static str, bool)>,
    unlikely: Vec<(&'static str, bool)>,
    maybe: Vec<(&'static str, bool)>,
    lines: Vec<&'static str>,
    only: Vec<&'static str>,
    contains: Vec<&'static str>,
}

fn hints() -> &'static Hints {
    static H: OnceLock<Hints> = OnceLock::new();
    H.get_or_init(|| {
        let mut h = Hints {
            content: vec![],
            junk: vec![],
            unlikely: vec![],
            maybe: vec![],
            lines: vec![],
            only: vec![],
            contains: vec![],
        };
        for &(entry, kind, how) in crate::lexicon::html_hints() {
            let e = (entry, how == "word");
            match kind {
                "content" => h.content.push(e),
                "junk" => h.junk.push(e),
                "unlikely" => h.unlikely.push(e),
                "maybe" => h.maybe.push(e),
                "line" => h.lines.push(entry),
                "only" => h.only.push(entry),
                "contains" => h.contains.push(entry),
                _ => {}
            }
        }
        h
    })
}

fn matches_any(class_id: &str, list: &[(&str, bool)]) -> bool {
    if class_id.is_empty() {
        return false;
    }
    list.iter().any(|&(w, whole)| {
        if whole {
            class_id.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| t == w)
        } else {
            class_id.contains(w)
        }
    })
}

/// Which Readability flags a pass runs with.
#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

/// Per-node figures over the live (not dropped) subtree.
#[derive(Clone, Default)]
struct Stats {
    chars: usize,
    link_chars: usize,
    commas: usize,
    paragraphs: usize,
    images: usize,
    inputs: usize,
    /// An element child that is a block (for the "div as paragraph" rule).
    has_block_child: bool,
}

pub struct Extraction {
    pub paragraphs: Vec<String>,
    pub dropped_lines: usize,
    /// Whether the strict pass failed and the result is from a relaxed one.
    pub relaxed: bool,
}

pub struct Page<'a> {
    dom: &'a Dom,
    /// Characters in paragraphs (`p` elements of 80+ characters) under each node, over the whole
    /// tree, scripts and styles aside.
    para_chars: Vec<usize>,
}

fn count_chars(s: &str) -> (usize, usize) {
    let chars = s.chars().filter(|c| !c.is_whitespace()).count();
    let commas = s.chars().filter(|&c| matches!(c, ',' | '，' | '、' | '،')).count();
    (chars, commas)
}

impl<'a> Page<'a> {
    pub fn new(dom: &'a Dom) -> Self {
        let nodes = &dom.nodes;
        let mut chars = vec![0usize; nodes.len()];
        let mut para_chars = vec![0usize; nodes.len()];
        for i in (1..nodes.len()).rev() {
            match &nodes[i].kind {
                Kind::Text(t) => chars[i] = count_chars(t).0,
                Kind::Element(e) => match e.tag.as_str() {
                    "script" | "style" | "noscript" | "template" => {
                        chars[i] = 0;
                        para_chars[i] = 0;
                    }
                    "p" if chars[i] >= 80 => para_chars[i] = chars[i],
                    _ => {}
                },
            }
            let p = nodes[i].parent;
            chars[p] += chars[i];
            para_chars[p] += para_chars[i];
        }
        Page { dom, para_chars }
    }

    /// Whether node `i` holds at least half of the page's paragraph text.
    fn holds_the_text(&self, i: usize) -> bool {
        self.para_chars[i] > 0 && self.para_chars[i] * 2 >= self.para_chars[0]
    }

    fn el(&self, i: usize) -> Option<&'a Element> {
        match &self.dom.nodes[i].kind {
            Kind::Element(e) => Some(e),
            Kind::Text(_) => None,
        }
    }

    fn class_weight(&self, i: usize, flags: Flags) -> f64 {
        let Some(e) = self.el(i) else { return 0.0 };
        let mut w = 0.0;
        if e.itemprop.contains("articlebody") {
            w += 50.0;
        }
        if !flags.weight_classes {
            return w;
        }
        let h = hints();
        if matches_any(&e.class_id, &h.junk) {
            w -= 25.0;
        }
        if matches_any(&e.class_id, &h.content) {
            w += 25.0;
        }
        w
    }

    /// Whether element `i` is dropped with its subtree (not counting its ancestors).
    fn dropped(&self, i: usize, flags: Flags) -> bool {
        let Some(e) = self.el(i) else { return false };
        if DROP_TAGS.contains(&e.tag.as_str()) || e.hidden {
            return true;
        }
        if (LANDMARK_TAGS.contains(&e.tag.as_str()) || DROP_ROLES.contains(&e.role.as_str())) && !self.holds_the_text(i) {
            return true;
        }
        if flags.strip_unlikely && !matches!(e.tag.as_str(), "html" | "body" | "article" | "main" | "a" | "#root") {
            let h = hints();
            if !e.itemprop.contains("articlebody")
                && matches_any(&e.class_id, &h.unlikely)
                && !matches_any(&e.class_id, &h.maybe)
                && !self.holds_the_text(i)
            {
                return true;
            }
        }
        false
    }

    /// Runs the strict pass, then relaxed ones while the result is short; returns the longest.
    pub fn extract(&self) -> Extraction {
        let passes = [
            Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true },
            Flags { strip_unlikely: false, weight_classes: true, clean_conditionally: true },
            Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: true },
            Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: false },
        ];
        let mut results = Vec::new();
        for (n, flags) in passes.into_iter().enumerate() {
            let mut x = self.pass(flags);
            x.relaxed = n > 0;
            let len: usize = x.paragraphs.iter().map(|p| p.chars().count()).sum();
            if len >= MIN_CHARS {
                return x;
            }
            results.push((len, x));
        }
        // None is long enough: the strictest pass that found most of what the laxest found.
        let most = results.iter().map(|r| r.0).max().unwrap_or(0);
        let pick = results.iter().position(|r| r.0 * 10 >= most * 6).unwrap_or(0);
        results.swap_remove(pick).1
    }

    fn pass(&self, flags: Flags) -> Extraction {
        let nodes = &self.dom.nodes;
        let n = nodes.len();
        // Dead: dropped itself or under a dropped ancestor (parents come first).
        let mut dead = vec![false; n];
        for i in 1..n {
            dead[i] = dead[nodes[i].parent] || self.dropped(i, flags);
        }
        // Stats, children before parents (a child's figures are final when it is reached).
        let mut stats = vec![Stats::default(); n];
        let mut link = vec![0usize; n];
        for i in (0..n).rev() {
            if dead[i] {
                continue;
            }
            match &nodes[i].kind {
                Kind::Text(t) => {
                    let (c, k) = count_chars(t);
                    stats[i].chars = c;
                    stats[i].commas = k;
                }
                Kind::Element(e) => match e.tag.as_str() {
                    "a" => link[i] = stats[i].chars,
                    "p" => stats[i].paragraphs += 1,
                    "img" => stats[i].images += 1,
                    "input" => stats[i].inputs += 1,
                    _ => {}
                },
            }
            if i > 0 {
                let p = nodes[i].parent;
                let s = stats[i].clone();
                let is_block = BLOCKS.contains(&self.dom.tag(i));
                let ps = &mut stats[p];
                ps.chars += s.chars;
                ps.commas += s.commas;
                ps.paragraphs += s.paragraphs;
                ps.images += s.images;
                ps.inputs += s.inputs;
                ps.has_block_child |= is_block;
                if self.dom.tag(p) != "a" {
                    link[p] += link[i];
                }
            }
        }
        for i in 0..n {
            stats[i].link_chars = link[i];
        }
        let density = |i: usize| {
            let s = &stats[i];
            if s.chars == 0 {
                0.0
            } else {
                s.link_chars as f64 / s.chars as f64
            }
        };

        // Score paragraphs into their ancestors.
        let mut score: Vec<Option<f64>> = vec![None; n];
        let mut candidates = Vec::new();
        for i in 1..n {
            if dead[i] {
                continue;
            }
            let Some(e) = self.el(i) else { continue };
            let para = match e.tag.as_str() {
                "p" | "pre" | "td" => true,
                "div" | "section" | "span" => !stats[i].has_block_child && stats[i].chars > 0,
                _ => false,
            };
            if !para || stats[i].chars < 25 {
                continue;
            }
            // A div-as-paragraph inside a scored paragraph is counted by that paragraph.
            let s = 1.0 + stats[i].commas as f64 + (stats[i].chars as f64 / 100.0).min(3.0);
            let mut anc = nodes[i].parent;
            for level in 0..5 {
                if anc == 0 || dead[anc] {
                    break;
                }
                if score[anc].is_none() {
                    score[anc] = Some(self.initial_score(anc, flags));
                    candidates.push(anc);
                }
                let div = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f64 * 3.0,
                };
                if let Some(v) = score[anc].as_mut() {
                    *v += s / div;
                }
                anc = nodes[anc].parent;
            }
        }
        for &c in &candidates {
            if let Some(v) = score[c].as_mut() {
                *v *= 1.0 - density(c);
            }
        }
        crate::sort::sort_by(&mut candidates, |&a, &b| score[b].unwrap_or(0.0).total_cmp(&score[a].unwrap_or(0.0)).then(a.cmp(&b)));

        let mut top = match candidates.first() {
            Some(&t) => t,
            None => 0,
        };
        let top_score = score[top].unwrap_or(0.0);
        if top != 0 {
            // Several near-best candidates under one ancestor: take the ancestor.
            let alts: Vec<usize> = candidates
                .iter()
                .skip(1)
                .take(4)
                .copied()
                .filter(|&c| score[c].unwrap_or(0.0) / top_score.max(1e-9) >= 0.75)
                .collect();
            if alts.len() >= 3 {
                let mut anc = nodes[top].parent;
                while anc != 0 && !matches!(self.dom.tag(anc), "body" | "html") {
                    let containing = alts.iter().filter(|&&a| self.is_ancestor(anc, a)).count();
                    if containing >= 3 {
                        top = anc;
                        break;
                    }
                    anc = nodes[anc].parent;
                }
            }
            // Climb while the parent scores higher than where we are, or has only this child.
            let mut last = score[top].unwrap_or(0.0);
            let threshold = last / 3.0;
            let mut p = nodes[top].parent;
            while p != 0 && !matches!(self.dom.tag(p), "body" | "html") {
                let live_children = nodes[p].children.iter().filter(|&&c| !dead[c] && stats[c].chars > 0).count();
                if live_children == 1 {
                    top = p;
                    p = nodes[p].parent;
                    continue;
                }
                match score[p] {
                    Some(ps) if ps >= threshold && ps > last => {
                        last = ps;
                        top = p;
                        p = nodes[p].parent;
                    }
                    _ => break,
                }
            }
        }

        // The selection: the top candidate and its good siblings.
        let mut selected = Vec::new();
        if top == 0 || matches!(self.dom.tag(top), "body" | "html") {
            selected.push(top);
        } else {
            let top_score = score[top].unwrap_or(0.0);
            let threshold = (top_score * 0.2).max(10.0);
            let parent = nodes[top].parent;
            let top_class = self.el(top).map(|e| e.class_id.as_str()).unwrap_or("");
            for &s in &nodes[parent].children {
                if dead[s] {
                    continue;
                }
                if s == top {
                    selected.push(s);
                    continue;
                }
                let Some(e) = self.el(s) else { continue };
                let mut bonus = 0.0;
                if !top_class.is_empty() && e.class_id == top_class {
                    bonus += top_score * 0.2;
                }
                let ok = match score[s] {
                    Some(v) if v + bonus >= threshold => true,
                    _ if e.tag == "p" => {
                        let len = stats[s].chars;
                        let ld = density(s);
                        (len > 80 && ld < 0.25)
                            || (len > 0 && len <= 80 && ld == 0.0 && self.plain_text(s, &dead).trim_end().ends_with('.'))
                    }
                    _ => false,
                };
                if ok {
                    selected.push(s);
                }
            }
        }

        let mut r = Renderer::default();
        for &s in &selected {
            self.render(s, &dead, &stats, &score, flags, &mut r, 0);
            r.flush();
        }
        Extraction { paragraphs: r.paragraphs, dropped_lines: r.dropped, relaxed: false }
    }

    fn initial_score(&self, i: usize, flags: Flags) -> f64 {
        let tag_bonus = match self.dom.tag(i) {
            "div" | "article" | "main" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        tag_bonus + self.class_weight(i, flags)
    }

    fn is_ancestor(&self, anc: usize, mut node: usize) -> bool {
        let mut steps = 0;
        while node != 0 && steps <= MAX_DEPTH + 1 {
            if node == anc {
                return true;
            }
            node = self.dom.nodes[node].parent;
            steps += 1;
        }
        anc == 0
    }

    fn plain_text(&self, i: usize, dead: &[bool]) -> String {
        let mut out = String::new();
        let mut stack = vec![i];
        // Iterative pre-order walk; children pushed in reverse.
        while let Some(x) = stack.pop() {
            if dead[x] {
                continue;
            }
            match &self.dom.nodes[x].kind {
                Kind::Text(t) => out.push_str(t),
                Kind::Element(_) => stack.extend(self.dom.nodes[x].children.iter().rev()),
            }
        }
        out
    }

    /// Readability's `_cleanConditionally`: whether a container inside the article is furniture.
    fn conditionally_bad(&self, i: usize, stats: &[Stats], score: &[Option<f64>], flags: Flags) -> bool {
        let Some(e) = self.el(i) else { return false };
        if !matches!(e.tag.as_str(), "div" | "section" | "ul" | "ol" | "table" | "dl" | "form") {
            return false;
        }
        let s = &stats[i];
        let weight = self.class_weight(i, flags);
        if weight + score[i].unwrap_or(0.0) < 0.0 {
            return true;
        }
        if s.commas >= 10 {
            return false;
        }
        let ld = if s.chars == 0 { 0.0 } else { s.link_chars as f64 / s.chars as f64 };
        let is_list = matches!(e.tag.as_str(), "ul" | "ol" | "dl");
        (s.images > 1 && (s.paragraphs as f64) / (s.images as f64) < 0.5)
            || (s.inputs as f64 > s.paragraphs as f64 / 3.0)
            || (!is_list && s.chars < 25 && s.images == 0 && s.chars > 0 && s.paragraphs == 0 && weight < 0.0)
            || (weight < 25.0 && ld > 0.2 && !is_list)
            || (weight >= 25.0 && ld > 0.5)
            || (is_list && ld > 0.5)
    }

    #[allow(clippy::too_many_arguments)]
    fn render(
        &self,
        i: usize,
        dead: &[bool],
        stats: &[Stats],
        score: &[Option<f64>],
        flags: Flags,
        r: &mut Renderer,
        depth: usize,
    ) {
        if dead[i] || depth > MAX_DEPTH + 2 {
            return;
        }
        let node = &self.dom.nodes[i];
        match &node.kind {
            Kind::Text(t) => r.text(t),
            Kind::Element(e) => {
                if flags.clean_conditionally && depth > 0 && self.conditionally_bad(i, stats, score, flags) {
                    r.flush();
                    return;
                }
                let tag = e.tag.as_str();
                if tag == "br" {
                    r.line_break();
                    return;
                }
                let block = BLOCKS.contains(&tag);
                if block {
                    r.flush();
                }
                let pre = tag == "pre";
                let link = tag == "a";
                r.pre += pre as usize;
                r.link += link as usize;
                if matches!(tag, "td" | "th") {
                    r.text(" ");
                }
                for &c in &node.children {
                    self.render(c, dead, stats, score, flags, r, depth + 1);
                }
                r.pre -= pre as usize;
                r.link -= link as usize;
                if block {
                    r.flush();
                }
            }
        }
    }
}

/// Collects paragraphs: whitespace collapsed (kept inside `pre`), lines within a paragraph from
/// `<br>`, furniture lines dropped.
#[derive(Default)]
struct Renderer {
    paragraphs: Vec<String>,
    cur: String,
    space: bool,
    chars: usize,
    link_chars: usize,
    pre: usize,
    link: usize,
    dropped: usize,
}

impl Renderer {
    fn text(&mut self, t: &str) {
        for c in t.chars() {
            if c == '\n' && self.pre > 0 {
                self.line_break();
            } else if c.is_whitespace() {
                self.space = true;
            } else {
                if self.space && !self.cur.is_empty() && !self.cur.ends_with('\n') {
                    self.cur.push(' ');
                }
                self.space = false;
                self.cur.push(c);
                self.chars += 1;
                if self.link > 0 {
                    self.link_chars += 1;
                }
            }
        }
    }

    fn line_break(&mut self) {
        let trimmed = self.cur.trim_end_matches(' ').len();
        self.cur.truncate(trimmed);
        if !self.cur.is_empty() && !self.cur.ends_with('\n') {
            self.cur.push('\n');
        }
        self.space = false;
    }

    fn flush(&mut self) {
        let p = self.cur.trim().to_string();
        let (chars, link_chars) = (self.chars, self.link_chars);
        self.cur.clear();
        self.space = false;
        self.chars = 0;
        self.link_chars = 0;
        if p.is_empty() {
            return;
        }
        if is_furniture_line(&p, chars, link_chars) {
            self.dropped += 1;
            return;
        }
        self.paragraphs.push(p);
    }
}

/// A short paragraph that is mostly a link, or reads like page furniture (`line`, `only` and
/// `contains` entries of `html_hints.tsv`).
fn is_furniture_line(p: &str, chars: usize, link_chars: usize) -> bool {
    if chars < 200 && link_chars * 10 > chars * LINK_LINE {
        return true;
    }
    if chars >= 160 {
        return false;
    }
    let lower = p.to_lowercase();
    let h = hints();
    let whole = lower.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    h.lines.iter().any(|l| lower.starts_with(l))
        || h.only.iter().any(|o| whole == *o)
        || h.contains.iter().any(|c| lower.contains(c))
}

/// A short paragraph whose link text is more than this many tenths of its text is furniture.
const LINK_LINE: usize = 8;
