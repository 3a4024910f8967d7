//! A small element tree built from `html5gum`'s WHATWG tokens.
//!
//! Why a hand-written tree builder: `html5gum` is a spec-compliant tokenizer (entities, raw text,
//! comments, attributes are all its work) but leaves tree construction to the caller, and the
//! spec's full tree builder (`html5ever`) would cost most of the wasm size budget. Content
//! extraction needs only a tree that nests blocks the way a browser would in the common cases, so
//! this builder implements the parts of the WHATWG tree-construction rules that decide nesting of
//! text blocks: void elements, implied end tags (`p`, `li`, `dd`/`dt`, table cells and rows,
//! `option`, headings), end tags closing the nearest matching open element, one `html`/`body`,
//! self-closing tags inside `svg`/`math`. It skips the adoption agency algorithm and foster
//! parenting (misnested formatting tags and text stray inside tables end up in a slightly
//! different place, which does not change which text a block holds).
//!
//! Invariants of [`Dom`]:
//! - `nodes[0]` is the root (a synthetic element named `#root`); every other node's `parent` is a
//!   lower index, so a reverse sweep over `nodes` visits children before parents.
//! - Element depth is capped at [`MAX_DEPTH`]; deeper start tags are not opened (their text still
//!   lands in the deepest open element), so recursion over the tree is bounded.
//! - Text nodes hold decoded text (entities resolved, NUL replaced) exactly as the tokenizer gave
//!   it; whitespace is collapsed later, when text is rendered.

use html5gum::{DefaultEmitter, Token, Tokenizer};

/// The deepest element nesting kept.
pub const MAX_DEPTH: usize = 256;

/// One node: an element or a run of text.
#[derive(Debug, Clone)]
pub struct Node {
    pub parent: usize,
    pub kind: Kind,
    pub children: Vec<usize>,
}

#[derive(Debug, Clone)]
pub enum Kind {
    Element(Element),
    Text(String),
}

/// An element with the attributes extraction looks at.
#[derive(Debug, Clone, Default)]
pub struct Element {
    /// Lower-case tag name.
    pub tag: String,
    /// `class` and `id` joined by a space, lower case.
    pub class_id: String,
    /// `itemprop`, lower case.
    pub itemprop: String,
    /// `role`, lower case.
    pub role: String,
    /// `type` (for `<script type="application/ld+json">`), lower case.
    pub type_: String,
    /// `property` or `name` (for `<meta>`), lower case.
    pub meta_name: String,
    /// `content` (for `<meta>`).
    pub content: String,
    /// `hidden`, `aria-hidden="true"` or an inline `display:none`/`visibility:hidden`.
    pub hidden: bool,
}

#[derive(Debug, Clone)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "keygen", "basefont", "bgsound", "frame",
];

/// Start tags that close an open `<p>` (WHATWG "in body" insertion mode).
const CLOSES_P: &[&str] = &[
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
    "main", "menu", "nav", "ol", "p", "pre", "listing", "section", "summary", "table", "ul", "dd", "dt", "xmp",
    "plaintext",
];

/// Elements that bound the search for an open `<p>` or `<li>` to close ("button scope" and the
/// list-item scopes, merged).
const SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button", "svg", "math",
];

fn lower(s: &[u8]) -> String {
    String::from_utf8_lossy(s).to_ascii_lowercase()
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

impl Dom {
    fn element(&self, i: usize) -> Option<&Element> {
        match &self.nodes[i].kind {
            Kind::Element(e) => Some(e),
            Kind::Text(_) => None,
        }
    }

    pub fn tag(&self, i: usize) -> &str {
        self.element(i).map(|e| e.tag.as_str()).unwrap_or("")
    }

    /// Parses a document (or fragment). Never panics; any input gives some tree.
    pub fn parse(html: &str) -> Dom {
        let mut b = Builder { dom: Dom { nodes: vec![root()] }, stack: vec![0], foreign: 0, seen_html: false, seen_body: false };
        let mut emitter = DefaultEmitter::default();
        emitter.naively_switch_states(true);
        for token in Tokenizer::new_with_emitter(html, emitter) {
            let Ok(token) = token;
            match token {
                Token::StartTag(t) => {
                    let name = lower(&t.name);
                    let mut e = Element { tag: name, ..Element::default() };
                    let mut class = String::new();
                    let mut id = String::new();
                    for (k, v) in &t.attributes {
                        let v = &v.value;
                        match k.as_slice() {
                            b"class" => class = lower(v),
                            b"id" => id = lower(v),
                            b"itemprop" => e.itemprop = lower(v),
                            b"role" => e.role = lower(v),
                            b"type" => e.type_ = lower(v),
                            b"property" | b"name" if e.meta_name.is_empty() => e.meta_name = lower(v),
                            b"content" => e.content = String::from_utf8_lossy(v).into_owned(),
                            b"hidden" => e.hidden = true,
                            b"aria-hidden" => e.hidden |= v.as_slice().eq_ignore_ascii_case(b"true"),
                            b"style" => {
                                let s: String = lower(v).chars().filter(|c| !c.is_whitespace()).collect();
                                e.hidden |= s.contains("display:none") || s.contains("visibility:hidden");
                            }
                            _ => {}
                        }
                    }
                    e.class_id = if id.is_empty() { class } else { format!("{class} {id}") };
                    b.start(e, t.self_closing);
                }
                Token::EndTag(t) => b.end(&lower(&t.name)),
                Token::String(s) => b.text(&String::from_utf8_lossy(&s.value)),
                Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
            }
        }
        b.dom
    }
}

fn root() -> Node {
    Node { parent: 0, kind: Kind::Element(Element { tag: "#root".into(), ..Element::default() }), children: Vec::new() }
}

struct Builder {
    dom: Dom,
    /// Open elements, the root first.
    stack: Vec<usize>,
    /// How many `svg`/`math` elements are open.
    foreign: usize,
    seen_html: bool,
    seen_body: bool,
}

impl Builder {
    fn current(&self) -> usize {
        *self.stack.last().unwrap_or(&0)
    }

    fn push_node(&mut self, kind: Kind) -> usize {
        let parent = self.current();
        let id = self.dom.nodes.len();
        self.dom.nodes.push(Node { parent, kind, children: Vec::new() });
        self.dom.nodes[parent].children.push(id);
        id
    }

    fn text(&mut self, s: &str) {
        let cur = self.current();
        // Merge with a preceding text sibling (the tokenizer may split runs).
        if let Some(&last) = self.dom.nodes[cur].children.last() {
            if let Kind::Text(t) = &mut self.dom.nodes[last].kind {
                t.push_str(s);
                return;
            }
        }
        self.push_node(Kind::Text(s.to_string()));
    }

    /// Closes the nearest open element named in `names`, searching down from the top of the stack
    /// but not past an element named in `bounds`. Returns whether one was closed.
    fn close_nearest(&mut self, names: &[&str], bounds: &[&str]) -> bool {
        for pos in (1..self.stack.len()).rev() {
            let tag = self.dom.tag(self.stack[pos]);
            if names.contains(&tag) {
                self.truncate(pos);
                return true;
            }
            if bounds.contains(&tag) {
                return false;
            }
        }
        false
    }

    fn truncate(&mut self, pos: usize) {
        for &id in &self.stack[pos..] {
            if matches!(self.dom.tag(id), "svg" | "math") {
                self.foreign = self.foreign.saturating_sub(1);
            }
        }
        self.stack.truncate(pos.max(1));
    }

    fn start(&mut self, e: Element, self_closing: bool) {
        let tag = e.tag.as_str();
        match tag {
            "html" if self.seen_html => return,
            "body" if self.seen_body => return,
            "html" => self.seen_html = true,
            "body" => self.seen_body = true,
            _ => {}
        }
        if self.foreign == 0 {
            if CLOSES_P.contains(&tag) {
                self.close_nearest(&["p"], SCOPE);
            }
            match tag {
                "li" => {
                    self.close_nearest(&["li"], &[SCOPE, &["ul", "ol"]].concat());
                }
                "dd" | "dt" => {
                    self.close_nearest(&["dd", "dt"], &[SCOPE, &["dl"]].concat());
                }
                "td" | "th" => {
                    self.close_nearest(&["td", "th"], &["table", "tr", "html"]);
                }
                "tr" => {
                    self.close_nearest(&["tr"], &["table", "thead", "tbody", "tfoot", "html"]);
                }
                "thead" | "tbody" | "tfoot" => {
                    if !self.close_nearest(&["thead", "tbody", "tfoot"], &["table", "html"]) {
                        self.close_nearest(&["tr"], &["table", "html"]);
                    }
                }
                "option" => {
                    self.close_nearest(&["option"], &["select", "html"]);
                }
                "a" => {
                    // `<a>` does not nest: a new one closes an open one.
                    self.close_nearest(&["a"], SCOPE);
                }
                _ if is_heading(tag) => {
                    let cur = self.current();
                    if is_heading(self.dom.tag(cur)) {
                        self.truncate(self.stack.len() - 1);
                    }
                }
                _ => {}
            }
        }
        let void = VOID.contains(&tag) || (self_closing && self.foreign > 0);
        let foreign_root = matches!(tag, "svg" | "math");
        let id = self.push_node(Kind::Element(e));
        if !void && self.stack.len() < MAX_DEPTH {
            self.stack.push(id);
            if foreign_root {
                self.foreign += 1;
            }
        }
    }

    fn end(&mut self, tag: &str) {
        match tag {
            "br" => {
                self.start(Element { tag: "br".into(), ..Element::default() }, false);
            }
            "html" | "body" => {}
            _ if is_heading(tag) => {
                self.close_nearest(&["h1", "h2", "h3", "h4", "h5", "h6"], &[]);
            }
            _ => {
                self.close_nearest(&[tag], &[]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(dom: &Dom, i: usize) -> String {
        match &dom.nodes[i].kind {
            Kind::Text(t) => t.clone(),
            Kind::Element(e) => {
                let inner: String = dom.nodes[i].children.iter().map(|&c| shape(dom, c)).collect();
                format!("<{}>{}</{}>", e.tag, inner, e.tag)
            }
        }
    }

    #[test]
    fn implied_end_tags_nest_like_a_browser() {
        let d = Dom::parse("<p>one<p>two<div>x</div><ul><li>a<li>b</ul><br/>z&amp;");
        assert_eq!(shape(&d, 0), "<#root><p>one</p><p>two</p><div>x</div><ul><li>a</li><li>b</li></ul><br></br>z&</#root>");
        let d = Dom::parse("<table><tr><td>1<td>2<tr><td>3</table>");
        assert_eq!(shape(&d, 0), "<#root><table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table></#root>");
        let d = Dom::parse("<svg><path/><text>t</text></svg><b>x</i>y</b>");
        assert_eq!(shape(&d, 0), "<#root><svg><path></path><text>t</text></svg><b>xy</b></#root>");
        let d = Dom::parse("<script>if (a<b) { x = '</div>' }</script>after");
        assert_eq!(shape(&d, 0), "<#root><script>if (a<b) { x = '</div>' }</script>after</#root>");
    }

    #[test]
    fn parents_precede_children_and_depth_is_capped() {
        let deep = "<div>".repeat(MAX_DEPTH * 3) + "x";
        let d = Dom::parse(&deep);
        assert!(d.nodes.iter().enumerate().skip(1).all(|(i, n)| n.parent < i));
        let mut depth = 0;
        let mut i = d.nodes.len() - 1;
        while i != 0 {
            i = d.nodes[i].parent;
            depth += 1;
        }
        assert!(depth <= MAX_DEPTH + 1);
    }
}
