//! The thin wasm facade: JSON in, JSON out, errors as JS `Error`s, offsets converted to UTF-16.
//!
//! Nothing here analyses text: it converts the request, calls [`crate::compare`], converts the
//! report's spans from UTF-8 bytes to UTF-16 code units (the only place that happens) and
//! serialises it.

use wasm_bindgen::prelude::*;

use crate::{Article, Report};

fn to_js_error(e: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&e.to_string()).into()
}

fn parse(articles_json: &str) -> Result<Vec<Article>, JsValue> {
    serde_json::from_str(articles_json)
        .map_err(|e| to_js_error(crate::Error::new(crate::ErrorKind::BadRequest(e.to_string()))))
}

/// Compares articles given as a JSON array of `{id, title?, text}`; returns the report as JSON
/// with every offset in UTF-16 code units (`offset_unit: "utf16"`), compact (no indentation).
#[wasm_bindgen]
pub fn compare(articles_json: &str) -> Result<String, JsValue> {
    let articles = parse(articles_json)?;
    let mut report = crate::compare(&articles).map_err(to_js_error)?;
    crate::offsets::to_utf16(&mut report, &articles);
    // Compact: the page parses it at once, and indentation makes a large report half as big again.
    Ok(serde_json::to_string(&report).expect("report types always serialise"))
}

/// The same as [`compare`] but with offsets left in UTF-8 bytes: byte-identical to the native
/// CLI's `--format json` output (used by the parity test).
#[wasm_bindgen(js_name = compareUtf8)]
pub fn compare_utf8(articles_json: &str) -> Result<String, JsValue> {
    let articles = parse(articles_json)?;
    let report = crate::compare(&articles).map_err(to_js_error)?;
    Ok(to_json(&report))
}

/// The report as Markdown (offsets are not shown there, so no conversion is needed).
#[wasm_bindgen(js_name = compareMarkdown)]
pub fn compare_markdown(articles_json: &str) -> Result<String, JsValue> {
    let articles = parse(articles_json)?;
    let report = crate::compare(&articles).map_err(to_js_error)?;
    Ok(crate::markdown::render(&report))
}

/// A pasted or dropped web page → its article text, as JSON `{"text", "title", "warnings"}`
/// ([`crate::html::Cleaned`]: `title` is a string or null; text that does not look like HTML
/// comes back unchanged with a warning). Never throws.
#[wasm_bindgen(js_name = cleanHtml)]
pub fn clean_html(html: &str) -> String {
    serde_json::to_string(&crate::html::clean(html)).expect("Cleaned always serialises")
}

/// Whether pasted text looks like HTML markup (cheap; see [`crate::html::looks_like_html`]).
#[wasm_bindgen(js_name = looksLikeHtml)]
pub fn looks_like_html(text: &str) -> bool {
    crate::html::looks_like_html(text)
}

/// The crate version, for the page's "about" line.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn to_json(report: &Report) -> String {
    crate::to_json(report)
}
