//! The wasm build, run in headless Chromium by wasm-bindgen-test-runner, gives the same report as
//! the native build: byte-identical JSON for the seed articles (the committed golden report),
//! and spans in UTF-16 through the facade that slice the same text in JavaScript.
#![cfg(target_arch = "wasm32")]

mod common;

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn request() -> String {
    serde_json::to_string(&common::seed_articles()).unwrap()
}

#[wasm_bindgen_test]
fn wasm_report_equals_native_golden() {
    let json = corroborate::wasm::compare_utf8(&request()).unwrap();
    assert!(json == common::GOLDEN_REPORT, "wasm and native reports differ");
}

#[wasm_bindgen_test]
fn facade_offsets_are_utf16_and_slice_the_same_text() {
    let json = corroborate::wasm::compare(&request()).unwrap();
    let report: corroborate::Report = serde_json::from_str(&json).unwrap();
    assert_eq!(report.offset_unit, corroborate::report::OffsetUnit::Utf16);
    let articles = common::seed_articles();
    let mut checked = 0;
    for f in &report.facts {
        for e in &f.evidence {
            let text = &articles.iter().find(|a| a.id == e.source).unwrap().text;
            let js = js_sys::JsString::from(text.as_str());
            let slice: String = js.slice(e.start as u32, e.end as u32).into();
            assert_eq!(slice, e.text);
            checked += 1;
        }
    }
    assert!(checked > 50);
}

#[wasm_bindgen_test]
fn errors_become_js_errors_with_the_message() {
    let err = corroborate::wasm::compare(r#"[{"id":"a","text":"Only one."}]"#).unwrap_err();
    let err: js_sys::Error = err.into();
    assert!(String::from(err.message()).contains("only 1 article"));
    assert!(corroborate::wasm::compare("not json").is_err());
}

#[wasm_bindgen_test]
fn clean_html_equals_native() {
    let pages = [
        include_str!("fixtures/html/aljazeera.html"),
        include_str!("fixtures/html/sciencealert.html"),
        include_str!("fixtures/html/thespacereview.html"),
    ];
    let native: Vec<&str> = include_str!("fixtures/html/cleaned.jsonl").lines().collect();
    assert_eq!(native.len(), pages.len());
    for (page, want) in pages.iter().zip(native) {
        assert!(corroborate::wasm::looks_like_html(page));
        assert!(corroborate::wasm::clean_html(page) == want, "wasm and native cleanup differ");
    }
    let plain: serde_json::Value = serde_json::from_str(&corroborate::wasm::clean_html("just text")).unwrap();
    assert_eq!(plain["text"], "just text");
    assert!(plain["title"].is_null());
}
