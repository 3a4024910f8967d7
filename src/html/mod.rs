//! HTML cleanup: a pasted or dropped news web page → the article's headline and text.
//!
//! - [`clean`]: parses the page (the WHATWG tokenizer of the `html5gum` crate, a small tree builder
//!   in `dom`), picks the article body by a Readability-style scoring of blocks (text and link
//!   density, commas, paragraph counts, class/id words from `data/lexicon/html_hints.tsv`,
//!   `<article>`/`itemprop=articleBody`), renders it as paragraphs, and takes the headline from
//!   the page's `<h1>`, `og:title` or `<title>`. JSON-LD `articleBody` is used when the page
//!   markup yields nothing better.
//! - [`looks_like_html`]: a cheap test of whether pasted text is markup.
//!
//! Pure and wasm-safe: no I/O, no clock, no threads; never panics on any input.

mod dom;
mod extract;

use serde::Serialize;

use dom::{Dom, Kind};

/// The article text of a page, as [`clean`] returns it.
///
/// Invariants:
/// - When the input looks like HTML ([`looks_like_html`]): `text` has no markup, entities are
///   decoded, paragraphs are separated by exactly one blank line (`"\n\n"`), lines within a
///   paragraph (from `<br>` and the line breaks of `<pre>`) by one `"\n"`; every other run of
///   whitespace (no-break spaces included) is one space; no leading or trailing whitespace.
/// - `title`, when present, is one line with no leading or trailing whitespace, and when `text`
///   is not empty it is also `text`'s first paragraph (so the text reads like a pasted article).
/// - When the input does not look like HTML, `text` is the input unchanged, `title` is `None`
///   and `warnings` says so: nothing the user typed is lost.
/// - `warnings` are sentences for the user (what was dropped or guessed); empty when extraction
///   went as expected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cleaned {
    pub text: String,
    pub title: Option<String>,
    pub warnings: Vec<String>,
}

/// Tag names whose presence makes text look like HTML.
const HTML_TAGS: &[&str] = &[
    "html", "head", "body", "div", "p", "span", "a", "br", "script", "style", "meta", "link", "article", "section",
    "main", "header", "footer", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tr", "td",
    "img", "figure", "b", "i", "em", "strong", "title", "blockquote", "iframe", "form", "input", "button", "noscript",
];

/// Whether `text` looks like HTML markup rather than plain text: it starts (after whitespace and
/// a byte-order mark) with `<!doctype`, `<html`, `<?xml` or a comment, or its first 64 KB hold at
/// least two tags (`<p>`, `</div>`, `<br/>` …) of common HTML elements. Cheap: one scan of at most
/// 64 KB, no allocation.
pub fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head = t.get(..t.len().min(16)).unwrap_or("").to_ascii_lowercase();
    if head.starts_with("<!doctype") || head.starts_with("<html") || head.starts_with("<?xml") || head.starts_with("<!--")
    {
        return true;
    }
    let mut end = t.len().min(65_536);
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    let b = &t.as_bytes()[..end];
    let mut tags = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'<' {
            let mut j = i + 1;
            if j < b.len() && b[j] == b'/' {
                j += 1;
            }
            let s = j;
            while j < b.len() && b[j].is_ascii_alphanumeric() {
                j += 1;
            }
            if j > s && j < b.len() && matches!(b[j], b'>' | b' ' | b'/' | b'\n' | b'\t' | b'\r') {
                let name = &b[s..j];
                if HTML_TAGS.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(name)) {
                    tags += 1;
                    if tags >= 2 {
                        return true;
                    }
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    false
}

/// Turns a web page into its article text; see [`Cleaned`] for what the result guarantees.
pub fn clean(html: &str) -> Cleaned {
    if !looks_like_html(html) {
        return Cleaned {
            text: html.to_string(),
            title: None,
            warnings: vec!["The input does not look like HTML; it was kept as plain text.".into()],
        };
    }
    let dom = Dom::parse(html);
    let meta = Meta::read(&dom);
    let mut warnings: Vec<String> = Vec::new();
    let x = extract::Page::new(&dom).extract();
    let mut paragraphs = x.paragraphs;
    let dom_chars: usize = paragraphs.iter().map(|p| p.chars().count()).sum();

    // JSON-LD articleBody, when the markup gave much less (a page that fills its body by script).
    if let Some(body) = &meta.ld_body {
        let ld_chars = body.chars().count();
        if ld_chars >= 200 && dom_chars * 2 < ld_chars {
            paragraphs = body
                .split('\n')
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty())
                .collect();
            warnings.push("The article text comes from the page's structured data (JSON-LD articleBody).".into());
        }
    }
    if x.relaxed && !warnings.iter().any(|w| w.contains("JSON-LD")) && !paragraphs.is_empty() {
        warnings.push(
            "No clear article body was found; the text may include page furniture (menus, links, captions).".into(),
        );
    }
    if x.dropped_lines > 0 {
        warnings.push(format!(
            "{} short line{} of page furniture (\"Read more\", \"Advertisement\", link lists) {} dropped.",
            x.dropped_lines,
            if x.dropped_lines == 1 { "" } else { "s" },
            if x.dropped_lines == 1 { "was" } else { "were" }
        ));
    }

    let title = meta.title();
    if let Some(t) = &title {
        let key = squash(t);
        paragraphs.retain(|p| squash(p) != key);
        if !paragraphs.is_empty() {
            paragraphs.insert(0, t.clone());
        }
    }
    if paragraphs.is_empty() {
        warnings.push("No article text was found in this page.".into());
    }
    Cleaned { text: paragraphs.join("\n\n"), title, warnings }
}

/// Lower case, whitespace collapsed: for comparing a headline with a paragraph.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Page metadata: the headline candidates and JSON-LD `articleBody`.
#[derive(Default)]
struct Meta {
    h1: Option<String>,
    og_title: Option<String>,
    title_tag: Option<String>,
    ld_headline: Option<String>,
    ld_body: Option<String>,
}

fn one_line(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

impl Meta {
    fn read(dom: &Dom) -> Meta {
        let mut m = Meta::default();
        let mut hidden = vec![false; dom.nodes.len()];
        for (i, node) in dom.nodes.iter().enumerate() {
            let Kind::Element(e) = &node.kind else { continue };
            hidden[i] = (i > 0 && hidden[node.parent]) || e.hidden;
            match e.tag.as_str() {
                "h1" if m.h1.is_none() && !hidden[i] => m.h1 = one_line(&text_of(dom, i)),
                "title" if m.title_tag.is_none() => m.title_tag = one_line(&text_of(dom, i)),
                "meta" if m.og_title.is_none() && matches!(e.meta_name.as_str(), "og:title" | "twitter:title") => {
                    m.og_title = one_line(&e.content)
                }
                "script" if e.type_.contains("ld+json") => {
                    let json = text_of(dom, i);
                    if let Some(b) = ld_strings(&json, "articleBody").max_by_key(|b| b.len()) {
                        if m.ld_body.as_ref().map_or(true, |old| b.len() > old.len()) {
                            m.ld_body = Some(b);
                        }
                    }
                    if m.ld_headline.is_none() {
                        m.ld_headline = ld_strings(&json, "headline").find_map(|h| one_line(&h));
                    }
                }
                _ => {}
            }
        }
        m
    }

    /// The headline: the page's `<h1>` when it agrees with (or there is no) `og:title`/JSON-LD
    /// headline, else that headline, else `<title>`.
    fn title(&self) -> Option<String> {
        let meta = self.og_title.clone().or_else(|| self.ld_headline.clone());
        match (&self.h1, &meta) {
            (Some(h), Some(m)) => {
                let (hs, ms) = (squash(h), squash(m));
                if hs.chars().count() >= 15 && (ms.contains(&hs) || hs.contains(&ms)) {
                    Some(h.clone())
                } else {
                    Some(m.clone())
                }
            }
            (Some(h), None) if h.chars().count() < 400 => Some(h.clone()),
            (_, Some(m)) => Some(m.clone()),
            _ => self.title_tag.clone(),
        }
    }
}

/// The string values of `"key": "..."` members anywhere in a JSON-LD text (objects, arrays,
/// `@graph`), decoded by serde_json. A targeted scan rather than a parse into
/// `serde_json::Value`: that generic code would add ~10 KB to the wasm module for two fields.
fn ld_strings<'a>(json: &'a str, key: &'a str) -> impl Iterator<Item = String> + 'a {
    let pat = format!("\"{key}\"");
    json.match_indices(pat.as_str()).map(|(at, p)| at + p.len()).collect::<Vec<_>>().into_iter().filter_map(move |after| {
        let rest = json[after..].trim_start();
        let rest = rest.strip_prefix(':')?.trim_start();
        if !rest.starts_with('"') {
            return None;
        }
        let mut de = serde_json::Deserializer::from_str(rest);
        <String as serde::Deserialize>::deserialize(&mut de).ok()
    })
}

/// All the text under node `i`, markup dropped (no whitespace handling).
fn text_of(dom: &Dom, i: usize) -> String {
    let mut out = String::new();
    let mut stack = vec![i];
    while let Some(x) = stack.pop() {
        match &dom.nodes[x].kind {
            Kind::Text(t) => out.push_str(t),
            Kind::Element(e) if x != i && matches!(e.tag.as_str(), "script" | "style") => {}
            Kind::Element(_) => stack.extend(dom.nodes[x].children.iter().rev()),
        }
    }
    out
}

#[cfg(test)]
mod tests;
