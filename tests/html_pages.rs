//! HTML cleanup on real news pages (tests/fixtures/html/, see its README for sources and
//! licences): the cleaned text holds the gold article body's first and last sentences, and none
//! of the page's navigation.

use corroborate::html::{clean, looks_like_html};

const GOLD: &str = include_str!("fixtures/html/gold.json");

/// (fixture, strings of the page's furniture that must not survive)
const PAGES: &[(&str, &str, &[&str])] = &[
    ("aljazeera", include_str!("fixtures/html/aljazeera.html"), &["Featured Documentaries", "Counting the Cost", "Inside Story", "AJ Impact"]),
    ("sciencealert", include_str!("fixtures/html/sciencealert.html"), &["Privacy Policy", "Daily Email", "Terms & Conditions", "Politics & Society"]),
    ("thespacereview", include_str!("fixtures/html/thespacereview.html"), &["Subscribe to our weekly newsletter", "urchinTracker", "mc_embed_signup", "idcomments"]),
];

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn real_pages_keep_the_body_and_drop_the_furniture() {
    let gold: serde_json::Value = serde_json::from_str(GOLD).unwrap();
    for (name, html, furniture) in PAGES {
        assert!(looks_like_html(html), "{name}");
        let c = clean(html);
        let text = squash(&c.text);
        let body = squash(gold[name]["articleBody"].as_str().unwrap());
        let first = body.split(". ").next().unwrap();
        let last = body.trim_end_matches('.').rsplit(". ").next().unwrap();
        assert!(first.len() > 20 && last.len() > 20, "{name}: sentences too short to mean anything");
        assert!(text.contains(first), "{name}: first sentence {first:?} missing");
        assert!(text.contains(last), "{name}: last sentence {last:?} missing");
        for f in *furniture {
            assert!(!c.text.contains(f), "{name}: kept furniture {f:?}");
        }
        assert!(c.title.as_deref().is_some_and(|t| c.text.starts_with(t)), "{name}: headline first");
        assert!(c.text.contains("\n\n") && !c.text.contains("\n\n\n"), "{name}: paragraph breaks");
    }
}

#[test]
fn headlines_of_real_pages() {
    let titles: Vec<Option<String>> = PAGES.iter().map(|(_, html, _)| clean(html).title).collect();
    assert_eq!(titles[0].as_deref(), Some("US service members killed in Afghanistan helicopter crash"));
    assert_eq!(titles[1].as_deref(), Some("NASA Just Confirmed There Are Water Plumes Above The Surface of Jupiter's Moon Europa"));
    assert_eq!(titles[2].as_deref(), Some("Seeking a bigger role for a big rocket"));
}

/// The cleanup's JSON for the three pages (as the wasm facade `cleanHtml` returns it), one line
/// per page: `tests/wasm_parity.rs` checks the wasm build gives the same bytes. Regenerate with
/// `UPDATE_GOLDEN=1 cargo test --release --test html_pages` after an intended change.
#[test]
fn cleaned_json_matches_the_committed_output() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/html/cleaned.jsonl");
    let json: String =
        PAGES.iter().map(|(_, html, _)| serde_json::to_string(&clean(html)).unwrap() + "\n").collect();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &json).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(json == committed, "the cleaned pages changed: if intended, run `UPDATE_GOLDEN=1 cargo test --release --test html_pages` and review {path}");
}
