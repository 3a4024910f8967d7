//! Prints what the extractor finds in one article: `cargo run --example extract -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: extract FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let d = corroborate::extract::analyze(&corroborate::Article::new("doc", text));
    println!("title: {}\nsentences: {}", d.title, d.sentences.len());
    for w in &d.warnings {
        println!("warning: {}", w.message);
    }
    for m in &d.mentions {
        let role = m.roles.iter().map(|r| r.display()).collect::<Vec<_>>().join("; ");
        println!("mention s{} {:?}{} {:?} {}", m.sentence, m.kind, if m.guessed { "?" } else { "" }, m.surface, role);
    }
    for q in &d.quantities {
        println!("number s{} {:?} = {} [{}]", q.sentence, &d.text[q.start..q.end], q.display_value(), q.counts);
    }
    for x in &d.dates {
        println!("date s{} {:?} = {}", x.sentence, &d.text[x.start..x.end], x.value);
    }
    for q in &d.quotes {
        let who = match &q.speaker {
            Some(corroborate::extract::quotes::Speaker::Mention(i)) => d.mentions[*i].surface.clone(),
            Some(corroborate::extract::quotes::Speaker::Phrase(p)) => p.clone(),
            None => "?".into(),
        };
        println!("quote s{} {:?} — {}", q.sentence, &d.text[q.start..q.end], who);
    }
}
