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

/// The report of [`compare`] in parts, so that neither this module's memory nor the worker ever
/// holds its whole JSON (for 831 articles, 32 MB of it, in a 64 MB buffer here, and 32 MB more of
/// string in the worker). Every array of the report (top level, or one level down:
/// `text_reuse.passages`) that makes more than one part of `part_bytes` of JSON is taken out of
/// it and given to `on_part(path, json)` in parts (path `"facts"`, `"text_reuse.passages"`, …):
/// JSON arrays of whole items, each closed once it has reached `part_bytes`. Its items are freed
/// once sent. The return value is the JSON of the rest of the report, those arrays left empty.
/// Appending the items of the parts, in the order given, to the arrays they name gives
/// [`compare`]'s report.
#[wasm_bindgen(js_name = compareInParts)]
pub fn compare_in_parts(articles_json: &str, part_bytes: usize, on_part: &js_sys::Function) -> Result<String, JsValue> {
    let articles = parse(articles_json)?;
    let mut report = crate::compare(&articles).map_err(to_js_error)?;
    crate::offsets::to_utf16(&mut report, &articles);
    drop(articles);
    let mut send = Parts { bytes: part_bytes, on_part, part: Vec::new() };
    // Every field named, so that a new array in the report is not forgotten here.
    let Report {
        schema_version: _,
        offset_unit: _,
        sources,
        entities,
        facts,
        conflicts,
        quotes,
        numbers,
        dates,
        omissions,
        different_event,
        text_reuse: crate::comparison::reuse::TextReuse { matrix, passages },
        tone,
    } = &mut report;
    send.take("sources", sources)?;
    send.take("entities", entities)?;
    send.take("facts", facts)?;
    send.take("conflicts", conflicts)?;
    send.take("quotes", quotes)?;
    send.take("numbers", numbers)?;
    send.take("dates", dates)?;
    send.take("omissions", omissions)?;
    send.take("different_event", different_event)?;
    send.take("text_reuse.matrix", matrix)?;
    send.take("text_reuse.passages", passages)?;
    send.take("tone", tone)?;
    Ok(serde_json::to_string(&report).expect("report types always serialise"))
}

/// Sends the long arrays of a report in parts ([`compare_in_parts`]).
struct Parts<'a> {
    bytes: usize,
    on_part: &'a js_sys::Function,
    /// The JSON of the part being made.
    part: Vec<u8>,
}

impl Parts<'_> {
    /// Sends `list` in parts and leaves it empty, unless its JSON fits in one part.
    fn take<T: serde::Serialize>(&mut self, path: &str, list: &mut Vec<T>) -> Result<(), JsValue> {
        let path = JsValue::from_str(path);
        self.part.clear();
        let mut sent = false;
        for (i, item) in list.iter().enumerate() {
            self.part.push(if self.part.is_empty() { b'[' } else { b',' });
            serde_json::to_writer(&mut self.part, item).expect("report types always serialise");
            if self.part.len() >= self.bytes && (sent || i + 1 < list.len()) {
                self.send(&path)?;
                sent = true;
            }
        }
        if sent {
            if !self.part.is_empty() {
                self.send(&path)?;
            }
            *list = Vec::new();
        }
        Ok(())
    }

    /// Closes the JSON array being made, sends it and starts the next.
    fn send(&mut self, path: &JsValue) -> Result<(), JsValue> {
        self.part.push(b']');
        let json = std::str::from_utf8(&self.part).expect("serde_json writes UTF-8");
        self.on_part.call2(&JsValue::NULL, path, &JsValue::from_str(json))?;
        self.part.clear();
        Ok(())
    }
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
