//! Five real articles on five stories pasted together (tests/fixtures/unrelated/, see its
//! README): the report must say that they do not tell one event, and must not make facts,
//! conflicts or omissions across them.

use corroborate::{compare, Article};

const ARTICLES: &[(&str, &str)] = &[
    ("mealprep", include_str!("fixtures/unrelated/mealprep.txt")),
    ("panarmenian", include_str!("fixtures/unrelated/panarmenian.txt")),
    ("epstein_guards", include_str!("fixtures/unrelated/epstein_guards.txt")),
    ("titan_map", include_str!("fixtures/unrelated/titan_map.txt")),
    ("gannett_merger", include_str!("fixtures/unrelated/gannett_merger.txt")),
];

#[test]
fn five_stories_are_five_groups_each_flagged() {
    let arts: Vec<Article> = ARTICLES.iter().map(|(id, t)| Article::new(*id, *t)).collect();
    let r = compare(&arts).unwrap();
    let groups: Vec<usize> = r.sources.iter().map(|s| s.event_group).collect();
    assert_eq!(groups, [0, 1, 2, 3, 4]);
    assert!(r.facts.iter().all(|f| f.corroboration == 1), "{:#?}", r.facts.iter().filter(|f| f.corroboration > 1).collect::<Vec<_>>());
    assert!(r.conflicts.is_empty(), "{:#?}", r.conflicts);
    assert!(r.omissions.is_empty(), "{:#?}", r.omissions);
    let flagged: Vec<&str> = r.different_event.iter().map(|d| d.source.as_str()).collect();
    assert_eq!(flagged, ARTICLES.iter().map(|a| a.0).collect::<Vec<_>>());
    for d in &r.different_event {
        assert!(d.reasons.iter().any(|x| x.contains("no two of the 5 sources")), "{d:#?}");
    }
}

#[test]
fn one_story_among_them_told_twice_is_one_group() {
    // The merger article twice, as two outlets carrying the same wire copy would: those two are
    // one group and share facts; the other four stay apart.
    let mut arts: Vec<Article> = ARTICLES.iter().map(|(id, t)| Article::new(*id, *t)).collect();
    arts.push(Article::new("gannett_again", ARTICLES[4].1));
    let r = compare(&arts).unwrap();
    let groups: Vec<usize> = r.sources.iter().map(|s| s.event_group).collect();
    assert_eq!(groups[4], groups[5]);
    assert_eq!(groups.iter().filter(|&&g| g == groups[4]).count(), 2, "{groups:?}");
    assert!(r.facts.iter().any(|f| f.sources == ["gannett_merger", "gannett_again"]));
    assert!(r.facts.iter().filter(|f| f.corroboration > 1).all(|f| f.sources.iter().all(|s| s.starts_with("gannett"))));
}
