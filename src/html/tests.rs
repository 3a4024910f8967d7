use super::*;

/// A page around `body`: navigation, a header, a footer, a sidebar, scripts.
fn page(body: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html><head><title>Site | Headline</title>
<script>var x = "<p>not text</p>";</script><style>p {{ color: red }}</style></head>
<body><header class="site-header"><a href="/">Home</a> <a href="/world">World</a></header>
<nav><ul><li><a href="/a">Politics</a></li><li><a href="/b">Business</a></li></ul></nav>
<div class="sidebar"><h3>Most read</h3><ul><li><a href="/x">Other story one</a></li></ul></div>
<main><article><h1>Talks end after two hours</h1>{body}</article></main>
<footer><p>Copyright 2024 The Site. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
<script>track();</script></body></html>"#
    )
}

const PARAS: &str = "<p>Delegations from Russia and Ukraine met in Istanbul on Friday, the first direct talks in three years, officials said.</p>\
<p>The meeting ended after less than two hours, with both sides agreeing to exchange 1,000 prisoners of war, according to the Turkish foreign ministry.</p>\
<p>Neither side agreed to a ceasefire, and a second round of talks has not been scheduled, a spokesman said on Saturday evening.</p>";

fn cleaned(body: &str) -> Cleaned {
    clean(&page(body))
}

#[test]
fn table_of_small_cases() {
    // (case, html body inside <article>, must contain, must not contain)
    let cases: &[(&str, String, &[&str], &[&str])] = &[
        ("scripts and styles removed", PARAS.to_string(), &["Delegations from Russia"], &["not text", "color: red", "track()"]),
        (
            "entities decoded",
            format!("{PARAS}<p>Prices rose 5&nbsp;% &amp; more &ldquo;quickly&rdquo; than expected &#8212; &#x41;nalysts said, &lt;sic&gt; in the report.</p>"),
            &["5 % & more \u{201c}quickly\u{201d} than expected \u{2014} Analysts said, <sic>"],
            &["&amp;", "&ldquo;", "&#8212;"],
        ),
        ("nav, header, footer, sidebar dropped", PARAS.to_string(), &["prisoners of war"], &["Politics", "Home", "Privacy", "All rights reserved", "Most read", "Other story one"]),
        (
            "captions, share and read-more lines dropped",
            format!("{PARAS}<figure><img src=a.jpg><figcaption>Delegates arrive in Istanbul. Photo: Reuters</figcaption></figure>\
<div class=\"share-buttons\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a></div>\
<p><strong>Read more:</strong> <a href=\"/other\">What the ceasefire plan says</a></p><p>Advertisement</p>"),
            &["Neither side agreed"],
            &["Delegates arrive", "Share on", "Read more", "ceasefire plan says", "Advertisement"],
        ),
        (
            "related and comments dropped",
            format!("{PARAS}<div class=\"related-articles\"><h2>Related</h2><p><a href=\"/1\">A related story about something else entirely today</a></p></div>\
<section id=\"comments\"><p>Great article, thanks for writing it, I agree with everything here and more.</p></section>\
<div class=\"cookie-banner\"><p>We use cookies to improve your experience on our site and for advertising.</p></div>"),
            &["second round of talks"],
            &["related story", "Great article", "We use cookies"],
        ),
    ];
    for (name, body, yes, no) in cases {
        let c = cleaned(body);
        for y in *yes {
            assert!(c.text.contains(y), "{name}: missing {y:?} in {:?}", c.text);
        }
        for n in *no {
            assert!(!c.text.contains(n), "{name}: kept {n:?} in {:?}", c.text);
        }
    }
}

#[test]
fn paragraphs_are_kept_with_breaks_and_the_headline_first() {
    let c = cleaned(&format!("{PARAS}<p>Line one<br>line two</p>"));
    assert_eq!(c.title.as_deref(), Some("Talks end after two hours"));
    let paras: Vec<&str> = c.text.split("\n\n").collect();
    assert_eq!(paras[0], "Talks end after two hours");
    assert!(paras[1].starts_with("Delegations from Russia and Ukraine met in Istanbul"), "{paras:?}");
    assert!(paras[2].starts_with("The meeting ended"));
    assert!(paras[3].starts_with("Neither side"));
    assert_eq!(paras[4], "Line one\nline two");
    assert!(!c.text.contains("  ") && !c.text.contains("\n\n\n") && c.text.trim() == c.text);
}

#[test]
fn non_html_and_empty_input() {
    let plain = "Talks in Istanbul ended.\n\nBoth sides said 3 < 4 and 5 > 2.";
    let c = clean(plain);
    assert_eq!(c.text, plain);
    assert_eq!(c.title, None);
    assert!(c.warnings[0].contains("does not look like HTML"));
    let e = clean("");
    assert_eq!(e.text, "");
    let e = clean("<html><body><script>x()</script></body></html>");
    assert_eq!(e.text, "");
    assert!(e.warnings.iter().any(|w| w.contains("No article text")));
}

#[test]
fn looks_like_html_cases() {
    for yes in ["<!DOCTYPE html><p>x", "  <html>", "<p>One</p><p>Two</p>", "text <br> more <b>bold</b>", "\u{feff}<!-- c -->"] {
        assert!(looks_like_html(yes), "{yes}");
    }
    for no in ["", "plain text", "3 < 4 and 5 > 2", "Use the <Enter> key", "a <p> alone", "<3 you"] {
        assert!(!looks_like_html(no), "{no}");
    }
}

#[test]
fn json_ld_body_is_used_when_the_markup_has_none() {
    let body = "First paragraph of the story, long enough to count as the body of an article here.\n\nSecond paragraph with more words, about the talks in Istanbul and what came of them afterwards, when both delegations had left the palace.";
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@context":"https://schema.org","@graph":[{{"@type":"NewsArticle","headline":"Talks end","articleBody":{}}}]}}</script></head><body><div id="app"></div></body></html>"#,
        serde_json::to_string(body).unwrap()
    );
    let c = clean(&html);
    assert_eq!(c.title.as_deref(), Some("Talks end"));
    assert!(c.text.contains("First paragraph of the story") && c.text.contains("\n\nSecond paragraph"), "{:?}", c.text);
    assert!(c.warnings.iter().any(|w| w.contains("JSON-LD")));
}

#[test]
fn itemprop_article_body_wins_over_a_longer_comment_thread() {
    let comments = "<div class=\"thread\">".to_string()
        + &"<p>This is a reader comment, with commas, and more commas, that goes on for a while longer.</p>".repeat(12)
        + "</div>";
    let html = format!("<html><body><div itemprop=\"articleBody\">{PARAS}</div>{comments}</body></html>");
    let c = clean(&html);
    assert!(c.text.contains("Delegations from Russia"), "{:?}", c.text);
}
