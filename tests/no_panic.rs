//! No input panics (a panic would kill the page's worker), and every report's spans are valid.

mod common;

use corroborate::{compare, to_json, Article, Report};
use proptest::prelude::*;

fn check_spans(report: &Report, articles: &[Article]) {
    let text = |id: &str| articles.iter().find(|a| a.id == id).map(|a| a.text.as_str()).expect("source id");
    let ok = |id: &str, s: usize, e: usize| {
        let t = text(id);
        assert!(s <= e && e <= t.len() && t.is_char_boundary(s) && t.is_char_boundary(e), "bad span {s}..{e} in {id}");
    };
    for s in &report.sources {
        for [a, b] in &s.sentence_spans {
            ok(&s.id, *a, *b);
        }
    }
    for f in &report.facts {
        assert!(!f.evidence.is_empty());
        for e in &f.evidence {
            ok(&e.source, e.start, e.end);
        }
    }
    for e in &report.entities {
        for m in &e.mentions {
            ok(&m.source, m.start, m.end);
        }
    }
    for n in &report.numbers {
        ok(&n.source, n.start, n.end);
    }
    for x in &report.dates {
        ok(&x.source, x.start, x.end);
    }
    for e in report.different_event.iter().flat_map(|d| d.evidence.iter()) {
        ok(&e.source, e.start, e.end);
    }
    for p in &report.text_reuse.passages {
        ok(&p.a.source, p.a.start, p.a.end);
        ok(&p.b.source, p.b.start, p.b.end);
    }
    for t in &report.tone {
        for h in t.loaded.iter().chain(&t.hedges).chain(&t.attribution) {
            ok(&t.source, h.start, h.end);
        }
    }
    // The JSON round-trips.
    let back: Report = serde_json::from_str(&to_json(report)).expect("report JSON parses");
    assert_eq!(&back, report);
}

fn run(texts: Vec<String>) {
    let articles: Vec<Article> = texts.into_iter().enumerate().map(|(i, t)| Article::new(format!("a{i}"), t)).collect();
    match compare(&articles) {
        Ok(r) => check_spans(&r, &articles),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

fn seed_sentences() -> Vec<String> {
    common::seed_articles()
        .iter()
        .flat_map(|a| a.text.split_inclusive(['.', '\n']).map(str::to_string).collect::<Vec<_>>())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode(texts in prop::collection::vec(any::<String>(), 0..4)) {
        run(texts);
    }

    #[test]
    fn arbitrary_bytes_decoded_lossily(blobs in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..400), 2..4)) {
        run(blobs.iter().map(|b| String::from_utf8_lossy(b).into_owned()).collect());
    }

    #[test]
    fn news_like_punctuation_soup(texts in prop::collection::vec("[A-Z][a-z]{0,8}( [A-Za-z0-9,.’'“”\"—;:-]{1,10}){0,30}[.!?]?(\n[A-Z][a-z ,.]{0,40})*", 2..4)) {
        run(texts);
    }

    #[test]
    fn random_mixes_of_real_sentences(picks in prop::collection::vec(prop::collection::vec(any::<prop::sample::Index>(), 1..25), 2..5)) {
        let pool = seed_sentences();
        run(picks.iter().map(|p| p.iter().map(|i| pool[i.index(pool.len())].as_str()).collect::<String>()).collect());
    }
}

#[test]
fn odd_inputs_do_not_panic() {
    let long = "word ".repeat(20_000);
    let cases: Vec<Vec<String>> = vec![
        vec!["1 2 3 4 5 6.".into(), "7,000 8.5bn 9%".into()],
        vec!["!!! ??? ... ——".into(), "“”\"\"''".into()],
        vec![long.clone(), long],
        vec!["Путин и Зеленский встретились в Стамбуле.".into(), "普京和泽连斯基在伊斯坦布尔会面。".into()],
        vec!["مرحبا بالعالم. هذه مقالة.".into(), "😀 🎉 👍🏽 emoji only 😀".into()],
        vec!["Zelenskyâ€™s talks in Kyiv.".into(), "Zеlensky (Cyrillic е) in Kyiv.".into()],
        vec!["\u{0}\u{1}\u{feff}abc".into(), "\r\n\r\n x \r".into()],
        vec!["May May May 2022 2022 mid-".into(), "U.S. U.S. Lt. Gen. Mr. J. K.".into()],
    ];
    for c in cases {
        run(c);
    }
}

/// `html::clean` on any input: no panic, and the [`corroborate::html::Cleaned`] invariants hold.
fn clean_ok(input: &str) {
    common::html::clean_ok(input);
}

/// Random tag soup: tags from a small set (block, inline, void, raw text, furniture), unbalanced,
/// with attributes, entities, comments and text.
fn tag_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "<(p|div|span|a|li|ul|td|tr|table|h1|h2|article|main|nav|footer|header|form|figure|pre|br|img|svg|math|script|style|title|textarea|plaintext|select|option)( (class|id|itemprop|role|hidden|style|type|href)=\"[a-z :;-]{0,12}\")?/?>",
        "</(p|div|span|a|li|ul|td|tr|table|h1|h2|article|main|nav|footer|header|form|figure|pre|br|svg|script|style|title|body|html)>",
        "[A-Za-z ,.]{0,60}",
        "&(amp|lt|gt|nbsp|#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z]{1,8});?",
        "<!--[a-z <>-]{0,10}-->|<!DOCTYPE html>|<!\\[CDATA\\[x]]>|<\\?xml ?>",
        "<script type=\"application/ld\\+json\">\\{\"articleBody\": \"[a-z .]{0,300}\", \"headline\": \"[a-z]{0,9}\"\\}</script>",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn html_clean_arbitrary_strings(s in any::<String>()) {
        clean_ok(&s);
        clean_ok(&format!("<html><body>{s}</body></html>"));
    }

    #[test]
    fn html_clean_tag_soup(s in tag_soup()) {
        clean_ok(&s);
        clean_ok(&format!("<!DOCTYPE html><p>{s}"));
    }
}

#[test]
fn html_clean_odd_inputs_do_not_panic() {
    let deep = "<div><span>".repeat(5_000) + "text" + &"</span></div>".repeat(100);
    let wide = "<p>para, with commas, and words</p>".repeat(5_000);
    let nested_json = format!(r#"<html><script type="application/ld+json">{}{}</script></html>"#, "[".repeat(10_000), "]".repeat(10_000));
    for s in [
        deep.as_str(),
        wide.as_str(),
        nested_json.as_str(),
        "<plaintext><p>x</p>",
        "<table><tr><td><table><td>x</table>y</td></tr>",
        "<a><a><a>x</a>",
        "</p></p><p></br>",
        "<svg><p/><math><mi/></svg>x",
        "<html>\u{0}\u{feff}<p>\u{0}</p>",
        "<!DOCTYPE html>",
        "<html",
        "<p>é</p><p>日本語</p>\u{10ffff}",
    ] {
        clean_ok(s);
    }
}
