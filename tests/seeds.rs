//! The engine on the five seed articles (Istanbul peace talks): real properties of the report,
//! and the golden report that the wasm build must reproduce byte for byte.

mod common;

use corroborate::report::{ConflictKind, EntityKind, Report, Severity};
use corroborate::{compare, to_json};

fn report() -> Report {
    compare(&common::seed_articles()).expect("seeds compare")
}

#[test]
fn prisoner_exchange_is_one_fact_told_by_most_sources() {
    let r = report();
    let about_exchange: Vec<_> = r
        .facts
        .iter()
        .filter(|f| f.corroboration >= 2)
        .filter(|f| f.evidence.iter().any(|e| (e.text.contains("1,000") || e.text.contains("one thousand")) && e.text.to_lowercase().contains("prisoner") || e.text.contains("POW")))
        .collect();
    assert_eq!(about_exchange.len(), 1, "the exchange should be one fact: {about_exchange:#?}");
    let f = about_exchange[0];
    assert!(f.corroboration >= 4, "told by at least four sources, got {:?}", f.sources);
    for id in ["000_e8bd50c7991fc38f", "002_fee694d95e96c373", "003_3ddae123ad0d3eba", "004_905a684dd6f29ba4"] {
        assert!(f.sources.iter().any(|s| s == id), "{id} missing from {:?}", f.sources);
    }
}

#[test]
fn wrong_title_is_flagged_as_a_role_conflict() {
    let r = report();
    let c = r
        .conflicts
        .iter()
        .find(|c| c.kind == ConflictKind::Role && c.subject.contains("Donald Trump"))
        .unwrap_or_else(|| panic!("no role conflict for Trump: {:#?}", r.conflicts));
    let ukraine = c.values.iter().find(|v| v.value.contains("Ukraine")).expect("the wrong title");
    assert_eq!(ukraine.sources, ["004_905a684dd6f29ba4"]);
    assert!(ukraine.evidence[0].text.contains("Ukrainian President Donald Trump"));
    assert!(c.values.iter().any(|v| v.value.contains("United States") && v.sources.len() >= 2));
}

#[test]
fn no_false_number_or_date_conflicts() {
    let r = report();
    let hard: Vec<_> = r.conflicts.iter().filter(|c| c.severity == Severity::Conflict && c.kind != ConflictKind::Role).collect();
    assert!(hard.is_empty(), "{hard:#?}");
    // "less than two hours" vs "just over an hour": different words, compatible values.
    let hours = r.conflicts.iter().find(|c| c.subject == "hour").expect("talk duration compared");
    assert_eq!(hours.severity, Severity::Compatible);
}

#[test]
fn spelling_variants_merge_into_one_entity() {
    let r = report();
    let find = |name: &str| r.entities.iter().find(|e| e.name == name || e.variants.iter().any(|v| v == name));
    let z = find("Zelensky").expect("Zelensky");
    assert_eq!(z.kind, EntityKind::Person);
    assert!(find("Zelenskyy").map(|e| &e.id) == Some(&z.id), "Zelensky and Zelenskyy are one person");
    assert!(z.sources.len() >= 4);
    let kyiv = find("Kiev").expect("Kiev");
    assert_eq!(kyiv.name, "Kyiv");
    assert_eq!(kyiv.kind, EntityKind::Place);
    assert!(kyiv.variants.iter().any(|v| v == "KYIV"));
    let putin = find("Putin").expect("Putin");
    assert_eq!(putin.name, "Vladimir Putin");
    // Two Vladimirs stay apart.
    let medinsky = find("Vladimir Medinsky").expect("Medinsky");
    assert_ne!(medinsky.id, putin.id);
    let umerov = find("Rustem Umerov").expect("Umerov");
    assert!(umerov.roles.iter().any(|r| r.role == "Defense Minister (Ukraine)" && r.sources.len() >= 2), "{:?}", umerov.roles);
}

#[test]
fn second_meeting_article_is_flagged_as_a_different_event() {
    let r = report();
    let flagged: Vec<&str> = r.different_event.iter().map(|d| d.source.as_str()).collect();
    assert_eq!(flagged, ["001_f76da1300c43f52b"], "{:#?}", r.different_event);
    let d = &r.different_event[0];
    assert!(d.reasons.iter().any(|x| x.contains("later occurrence")), "{:?}", d.reasons);
    assert!(d.evidence.iter().any(|e| e.text.contains("A second meeting")));
}

#[test]
fn omissions_are_facts_most_others_tell() {
    let r = report();
    assert!(!r.omissions.is_empty());
    // The second-meeting article neither omits the first meeting's facts nor counts among the
    // sources that tell them.
    let flagged: Vec<&str> = r.different_event.iter().map(|d| d.source.as_str()).collect();
    assert_eq!(flagged, ["001_f76da1300c43f52b"]);
    let main = r.sources.len() - flagged.len();
    for o in &r.omissions {
        let f = r.facts.iter().find(|f| f.id == o.fact).expect("omission names a fact");
        assert!(!f.sources.contains(&o.source));
        assert!(!flagged.contains(&o.source.as_str()), "{o:?}");
        let told = f.sources.iter().filter(|s| !flagged.contains(&s.as_str())).count();
        assert!(told >= 2 && told * 2 > main - 1, "{o:?}");
    }
}

#[test]
fn editorial_source_has_the_highest_opinion_share() {
    let r = report();
    let top = r.tone.iter().max_by(|a, b| a.opinion_share.total_cmp(&b.opinion_share)).unwrap();
    assert_eq!(top.source, "002_fee694d95e96c373");
    // The seeds share no passages verbatim.
    assert!(r.text_reuse.passages.is_empty());
}

#[test]
fn dropped_lines_are_warned_about() {
    let r = report();
    let kinds = |id: &str| -> Vec<String> { r.sources.iter().find(|s| s.id == id).unwrap().warnings.iter().map(|w| w.kind.clone()).collect() };
    assert!(kinds("001_f76da1300c43f52b").contains(&"duplicate-line".to_string()));
    assert!(kinds("002_fee694d95e96c373").contains(&"boilerplate".to_string()));
    assert_eq!(r.sources[1].title, "Stalemate in Peace Talks as Ukraine and Russia Agree on Prisoner Swap");
}

#[test]
fn every_span_points_at_its_text() {
    let arts = common::seed_articles();
    let r = report();
    let text = |id: &str| arts.iter().find(|a| a.id == id).unwrap().text.as_str();
    for f in &r.facts {
        for e in &f.evidence {
            assert_eq!(&text(&e.source)[e.start..e.end], e.text);
            let [s, t] = r.sources.iter().find(|s| s.id == e.source).unwrap().sentence_spans[e.sentence];
            assert!(s <= e.start && e.end <= t, "evidence inside its sentence");
        }
    }
    for e in &r.entities {
        for m in &e.mentions {
            let surface = &text(&m.source)[m.start..m.end];
            assert!(surface == e.name || e.variants.iter().any(|v| v == surface), "{surface} in {e:?}");
        }
    }
    for n in &r.numbers {
        assert_eq!(&text(&n.source)[n.start..n.end], n.text);
    }
    for x in &r.dates {
        assert_eq!(&text(&x.source)[x.start..x.end], x.text);
    }
    assert!(r.dates.iter().any(|x| x.value == "--05-12" && x.text == "May 12"));
}

#[test]
fn report_is_deterministic() {
    assert_eq!(to_json(&report()), to_json(&report()));
}

#[test]
fn golden() {
    let json = to_json(&report());
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds.report.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &json).unwrap();
        return;
    }
    assert!(json == common::GOLDEN_REPORT, "the seed report changed: if intended, run `make golden` and review the diff of {path}");
}
