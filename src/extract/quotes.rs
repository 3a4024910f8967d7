//! Direct quotations (curly or straight quotes, partial or multi-sentence) with their speakers.
//!
//! The speaker is found, in this order, from: a speech verb right after the quote ("…,” said X /
//! “…,” X remarked / “…,” he said), a speech verb right before it (X said: “…”), and otherwise
//! the nearest person named earlier in the same sentence (partial quotes in running text).
//! Pronouns resolve to the nearest person mentioned before the quote.

use super::{Mention, Sentence};
use crate::lexicon;
use crate::report::EntityKind;
use crate::text::{find_byte, Token};

/// Who said a quote.
#[derive(Debug, Clone, PartialEq)]
pub enum Speaker {
    /// Index into the article's mentions.
    Mention(usize),
    /// A description the text gives instead of a name: "one of the leaders".
    Phrase(String),
}

/// A quotation in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMention {
    /// Sentence holding the opening quote mark.
    pub sentence: usize,
    /// Byte span of the quoted words (inside the marks).
    pub start: usize,
    pub end: usize,
    pub speaker: Option<Speaker>,
}

/// Finds the quotations of an article.
pub fn extract(text: &str, sentences: &[Sentence], mentions: &[Mention]) -> Vec<QuoteMention> {
    let mut out: Vec<QuoteMention> = Vec::new();
    let spans = quote_spans(text);
    for &(open, close) in &spans {
        let inner = &text[open..close];
        if inner.split_whitespace().count() < 2 {
            continue;
        }
        let Some(sentence) = sentences.iter().position(|s| s.start <= open && open < s.end.max(s.start + 1)) else { continue };
        let speaker = speaker(text, sentences, mentions, &spans, sentence, open, close)
            .or_else(|| continued(sentences, mentions, &spans, &out, sentence, open))
            .or_else(|| named_by(mentions, &sentences[sentence], sentence, open))
            .or_else(|| if inner.split_whitespace().count() >= PARTIAL_MIN_WORDS || names_it(&sentences[sentence], open) { partial(sentences, mentions, sentence, open) } else { None });
        out.push(QuoteMention { sentence, start: open, end: close, speaker });
    }
    out
}

/// The fewest words of a quote with no speech verb near it that is given the nearest person
/// before it in its sentence. Shorter ones are mostly terms and scare quotes ("so-called
/// “midnight rules”"); on the ECB+ train/val quote gold (`eval/quotes_ecb.py`) giving every such
/// quote the nearest person named 2 more speakers right but 8 more wrong, and 19 of 30 terms a
/// speaker. Minimum 3 / 4 / 5 / 6 / 8 words: right 108 / 108 / 108 / 108 / 107, wrong 15 / 13 /
/// 13 / 13 / 12, terms given a speaker 9 / 4 / 4 / 4 / 3 of 30, unattributed speech given one
/// 2 / 2 / 1 / 1 / 1 of 4.
const PARTIAL_MIN_WORDS: usize = 5;

/// How many sentences back the quote a speaker-less quote continues may end.
const CONTINUED_WITHIN: usize = 2;

/// A quote that opens its sentence with no speech verb of its own goes on from the quote before
/// it, when that one has a speaker, ended at most `CONTINUED_WITHIN` sentences before, and no
/// other person is named in between ("“This will grind economies to a halt,” he said. / “If you
/// look at local markets, …”").
fn continued(sentences: &[Sentence], mentions: &[Mention], spans: &[(usize, usize)], before: &[QuoteMention], si: usize, open: usize) -> Option<Speaker> {
    let s = &sentences[si];
    if s.tokens.iter().any(|t| t.is_word() && t.end <= open) {
        return None;
    }
    // "One big difference, said Yeager: / “She felt more comfortable …”": the speaker is named
    // before a colon that ends the sentence before.
    if let Some(p) = si.checked_sub(1).map(|p| &sentences[p]) {
        let words: Vec<&Token> = p.tokens.iter().collect();
        if words.last().is_some_and(|t| t.folded == ":") {
            let lex = lexicon::get();
            if let Some(v) = words.iter().rposition(|t| lex.speech_verbs.contains(t.folded.as_str())) {
                if let Some(m) = name_after_verb(mentions, &words[v + 1..]).or_else(|| subject_of(mentions, spans, &words, si - 1, words[v])) {
                    return Some(Speaker::Mention(m));
                }
            }
        }
    }
    let prev = before.last()?;
    let speaker = prev.speaker.clone()?;
    if si - prev.sentence > CONTINUED_WITHIN {
        return None;
    }
    // Names in the sentence that closes the quote before are its attribution ("…,” said Bunny
    // Yeager, whose photographs of Page …); names after it are someone new.
    let closed_in = sentences.partition_point(|s| s.end < prev.end);
    let between = |m: &Mention| m.sentence > closed_in && m.end <= open && maybe_person(m) && !in_quote(spans, m);
    let same = |m: &Mention| matches!(&speaker, Speaker::Mention(i) if mentions[*i].surface == m.surface);
    if mentions.iter().any(|m| between(m) && !same(m)) {
        return None;
    }
    Some(speaker)
}

/// Participles by which the subject of a sentence names something in their own words just
/// before a short quote: "…, referring to Russian representatives as mere “theatrical props”".
const NAMING_VERBS: &[&str] = &["calling", "referring", "describing", "dubbing", "branding", "labelling", "labeling"];

/// A naming participle among the six words before the quote in its sentence.
fn names_it(s: &Sentence, open: usize) -> bool {
    s.tokens.iter().filter(|t| t.end <= open && t.is_word()).rev().take(6).any(|t| NAMING_VERBS.contains(&t.folded.as_str()))
}

/// "Keith Kellogg called them mere “theatrical props”": a name right before "called" or
/// "described", within the six words before the quote. ("A film called “New Moon”" has none; "he
/// had called him a “perfect fit”" is left alone: the nearest person before "he" is often the
/// one called.)
fn named_by(mentions: &[Mention], s: &Sentence, si: usize, open: usize) -> Option<Speaker> {
    let words: Vec<&Token> = s.tokens.iter().filter(|t| t.end <= open && t.is_word()).collect();
    let verb = words.iter().rev().take(6).find(|t| matches!(t.folded.as_str(), "called" | "described" | "dubbed" | "branded" | "labelled" | "labeled"))?;
    mentions.iter().position(|m| m.sentence == si && m.end <= verb.start && verb.start - m.end <= 1 && maybe_person(m)).map(Speaker::Mention)
}

/// A partial quote in running text: the nearest person earlier in the sentence, but not a name
/// that only qualifies a noun ("the Bush administration").
fn partial(sentences: &[Sentence], mentions: &[Mention], si: usize, open: usize) -> Option<Speaker> {
    let s = &sentences[si];
    let before: Vec<&Token> = s.tokens.iter().filter(|t| t.end <= open).collect();
    mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.sentence == si && m.end <= open && maybe_person(m) && !qualifies_noun(&before, m))
        .max_by_key(|(_, m)| m.end)
        .map(|(i, _)| Speaker::Mention(i))
}

/// Byte spans inside matching quote marks: “…” pairs, and "…" pairs within one line.
fn quote_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open_curly: Option<usize> = None;
    let mut open_straight: Option<usize> = None;
    // Bytes rather than characters (cheaper to find): '"' and '\n' are bytes no other character
    // contains, and “ and ” are E2 80 9C and E2 80 9D.
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(i) = find_byte(bytes, at, |b| (b == b'"') | (b == b'\n') | (b == 0xE2)) {
        at = i + 1;
        match bytes[i] {
            0xE2 if bytes[i + 1..].starts_with(&[0x80, 0x9C]) => open_curly = Some(i + 3),
            0xE2 if bytes[i + 1..].starts_with(&[0x80, 0x9D]) => {
                if let Some(o) = open_curly.take() {
                    out.push(trimmed(text, o, i));
                }
            }
            b'"' => match open_straight.take() {
                Some(o) => out.push(trimmed(text, o, i)),
                None => open_straight = Some(i + 1),
            },
            b'\n' => open_straight = None,
            _ => {}
        }
    }
    out.sort_unstable();
    out
}

fn trimmed(text: &str, s: usize, e: usize) -> (usize, usize) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    (s + lead, s + lead + piece.trim().len())
}

/// The tokens inside `[a, b)`, in text order. Only the sentences that overlap it are read (the
/// sentences are in text order and do not overlap; their tokens lie inside them).
fn tokens_between(sentences: &[Sentence], a: usize, b: usize) -> Vec<&Token> {
    let first = sentences.partition_point(|s| s.end <= a);
    sentences[first..].iter().take_while(|s| s.start < b).flat_map(|s| s.tokens.iter()).filter(|t| t.start >= a && t.end <= b).collect()
}

fn is_pronoun(t: &Token) -> bool {
    matches!(t.folded.as_str(), "he" | "she" | "they")
}

fn mention_at(mentions: &[Mention], start: usize) -> Option<usize> {
    mentions.iter().position(|m| m.start == start)
}

/// A person, or a one-word name whose kind is still open (settled across articles later).
fn maybe_person(m: &Mention) -> bool {
    m.kind == EntityKind::Person || (m.guessed && m.kind == EntityKind::Other)
}

/// Whether the name `m` lies inside one of the quotations `quotes` (a name inside a quote is not
/// who speaks it).
fn in_quote(quotes: &[(usize, usize)], m: &Mention) -> bool {
    quotes.iter().any(|&(a, b)| a <= m.start && m.end <= b)
}

/// The nearest person named before `pos`, outside any quotation.
/// A name known to be a person is preferred to a one-word name of open kind ("Jonathan Wright,
/// director at Interoute, … “…,” he said" is Wright).
fn nearest_person_before(mentions: &[Mention], quotes: &[(usize, usize)], pos: usize) -> Option<usize> {
    let before = |m: &&Mention| m.end <= pos && !in_quote(quotes, m);
    let nearest = |person: fn(&Mention) -> bool| mentions.iter().enumerate().filter(|(_, m)| before(m) && person(m)).max_by_key(|(_, m)| m.end).map(|(i, _)| i);
    nearest(|m| m.kind == EntityKind::Person).or_else(|| nearest(maybe_person))
}

fn speaker(text: &str, sentences: &[Sentence], mentions: &[Mention], quotes: &[(usize, usize)], si: usize, open: usize, close: usize) -> Option<Speaker> {
    let lex = lexicon::get();
    // After the quote: up to the end of the sentence that holds the closing mark (or the next).
    let after_end = sentences.iter().find(|s| s.end > close).map_or(text.len(), |s| s.end);
    let after: Vec<&Token> = tokens_between(sentences, close, after_end)
        .into_iter()
        .skip_while(|t| !t.is_word() && t.start < close + 4)
        .take(20)
        .collect();
    let is_verb = |t: &&Token| lex.speech_verbs.contains(t.folded.as_str());
    // "…,” Valentina Redzhepova, an official at one of Ashgabat's precincts, told AFP.
    if let Some(m) = after.first().and_then(|t| mention_at(mentions, t.start)).filter(|&m| maybe_person(&mentions[m])) {
        let rest: Vec<&&Token> = after.iter().skip_while(|t| t.start < mentions[m].end).collect();
        if rest.first().is_some_and(|t| t.folded == ",") && rest.windows(2).any(|w| w[0].folded == "," && is_verb(w[1])) {
            return Some(Speaker::Mention(m));
        }
    }
    if let Some(v) = after.iter().take(12).position(is_verb) {
        // "…,” he said / “…,” Zelensky remarked / “…,” the actress's rep Jack Ketsoyan told
        if v > 0 {
            let subj = after[v - 1];
            if is_pronoun(subj) {
                return nearest_person_before(mentions, quotes, open).map(Speaker::Mention);
            }
            if let Some(m) = mentions.iter().position(|m| m.end == subj.end) {
                return Some(Speaker::Mention(m));
            }
            // "…,” the software giant said / an Eastern Conference executive said / the judge said
            // (Words and possessive marks only: "a source with knowledge of the 76ers' thinking".)
            let words = &after[..v];
            let plain = words.iter().all(|t| t.kind != crate::text::TokKind::Punct || matches!(t.folded.as_str(), "'" | "'s"));
            if words.len() <= 10 && plain && !lex.is_stopword(&subj.folded) {
                return Some(description(text, lex, mentions, quotes, words, open));
            }
        }
        // "…,” said Zelensky / said Secretary of the Interior Dirk Kempthorne / said attorney
        // Kassie Siegel / said Troy police Lt. Gerry Scherlinck / stated one of the leaders
        if let Some(next) = after.get(v + 1) {
            if let Some(m) = name_after_verb(mentions, &after[v + 1..]) {
                return Some(Speaker::Mention(m));
            }
            if is_pronoun(next) {
                return nearest_person_before(mentions, quotes, open).map(Speaker::Mention);
            }
            let phrase: Vec<&Token> = after[v + 1..].iter().take_while(|t| t.is_word()).take(5).copied().collect();
            // "said Saturday after …", "said yesterday": a time, not who.
            let when = lex.calendar.contains_key(next.folded.trim_end_matches('.')) || matches!(next.folded.as_str(), "yesterday" | "today" | "tonight" | "later" | "earlier");
            if !when && (!phrase.is_empty() && !lex.is_stopword(&after[v + 1].folded) || phrase.len() > 1) {
                return Some(description(text, lex, mentions, quotes, &phrase, open));
            }
        }
    }
    // Before the quote, in its sentence: "X said: “…”", "X said that “…”".
    let s = &sentences[si];
    let before: Vec<&Token> = tokens_between(sentences, s.start, open).into_iter().collect();
    let words: Vec<&&Token> = before.iter().rev().filter(|t| t.is_word()).take(3).collect();
    if let Some(k) = words.iter().position(|t| is_verb(t)) {
        let verb = words[k];
        if let Some(m) = mentions.iter().position(|m| m.end <= verb.start && m.sentence == si && verb.start - m.end <= 2) {
            return Some(Speaker::Mention(m));
        }
        if let Some(p) = before.iter().rev().find(|t| t.end <= verb.start && t.is_word()) {
            if is_pronoun(p) {
                return nearest_person_before(mentions, quotes, open).map(Speaker::Mention);
            }
        }
    }
    // A speech verb earlier in the sentence, whose subject is the speaker of a partial quote:
    // "Clark told a House hearing … that these changes remove “a system …”", "Jamie Rappaport
    // Clark, … under President Clinton, said the process resolved “mission conflict”".
    // Not a verb in a relative clause ("Putin, who suggested the meeting, …"), nor one followed by
    // another person before the quote ("… which led Zelensky to question …").
    if let Some(at) = before.iter().rposition(|t| t.is_word() && is_verb(t)) {
        let verb = before[at];
        let relative = before[..at].iter().rev().find(|t| t.is_word()).is_some_and(|t| matches!(t.folded.as_str(), "who" | "which" | "that"));
        let someone_after = mentions.iter().any(|m| m.sentence == si && m.start >= verb.end && m.end <= open && maybe_person(m) && !qualifies_noun(&before, m));
        if !relative && !someone_after {
            if let Some(m) = subject_of(mentions, quotes, &before, si, verb) {
                return Some(Speaker::Mention(m));
            }
        }
    }
    // "according to X" after the quote.
    if let Some(k) = after.iter().position(|t| t.folded == "according") {
        if let Some(m) = after.get(k + 2).and_then(|t| mention_at(mentions, t.start)) {
            return Some(Speaker::Mention(m));
        }
    }
    None
}

/// The first person named in `words` (the words after a speech verb, up to a comma, colon or
/// bracket), past titles and descriptions ("Secretary of the Interior", "attorney", "Troy police
/// Lt."); else a name right after the verb ("said Microsoft"). "said a spokesman for Russia" gives
/// none (the phrase is the speaker then).
fn name_after_verb(mentions: &[Mention], words: &[&Token]) -> Option<usize> {
    let named: Vec<usize> = words
        .iter()
        .take(8)
        .take_while(|t| !matches!(t.folded.as_str(), "," | ";" | ":" | "(" | ")" | "\"" | "“" | "”"))
        .filter_map(|t| mention_at(mentions, t.start))
        .collect();
    // A known person first ("said Troy police Lt. Gerry Scherlinck": "Troy" is of open kind).
    let first = |person: fn(&Mention) -> bool| named.iter().copied().find(|&m| person(&mentions[m]));
    first(|m| m.kind == EntityKind::Person).or_else(|| first(maybe_person)).or_else(|| words.first().and_then(|t| mention_at(mentions, t.start)))
}

/// A speaker described rather than named ("the judge", "an Eastern Conference executive"). "The"
/// and a title the article gave a person before is that person: "Judge Vincent Del Giudice … “…,”
/// the judge said".
fn description(text: &str, lex: &lexicon::Lexicon, mentions: &[Mention], quotes: &[(usize, usize)], words: &[&Token], open: usize) -> Speaker {
    if let [the, title] = words {
        if the.folded == "the" && lex.is_title_word(&title.folded) {
            let holder = mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.end <= open && m.kind == EntityKind::Person && m.roles.iter().any(|r| r.head.eq_ignore_ascii_case(&title.folded)))
                .filter(|(_, m)| !in_quote(quotes, m))
                .max_by_key(|(_, m)| m.end);
            if let Some((i, _)) = holder {
                return Speaker::Mention(i);
            }
        }
    }
    // "the company said", "the paper said", "the software giant said": the organisation named most
    // often before (the last of those if several are named as often), not a product code that
    // looks like one ("MS08-078").
    if words.first().is_some_and(|t| t.folded == "the") && words.last().is_some_and(|t| ORGANISATION_NOUNS.contains(&t.folded.as_str())) {
        let orgs: Vec<(usize, &Mention)> = mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.end <= open && m.kind == EntityKind::Organization && !in_quote(quotes, m))
            .collect();
        let times = |m: &Mention| orgs.iter().filter(|(_, o)| o.surface == m.surface).count();
        if let Some((i, _)) = orgs.iter().max_by_key(|(_, m)| (times(m), m.end)) {
            return Speaker::Mention(*i);
        }
    }
    Speaker::Phrase(words.iter().map(|t| t.text(text)).collect::<Vec<_>>().join(" "))
}

/// Nouns by which an article refers back to an organisation it named: "the company said".
const ORGANISATION_NOUNS: &[&str] = &["company", "firm", "giant", "paper", "newspaper", "agency", "ministry", "department", "organisation", "organization", "group", "network", "magazine", "website", "club", "team", "league", "union", "bank", "carrier", "airline", "maker", "manufacturer", "retailer"];

/// A name right before a lower-case noun it qualifies, after "the" or "a": "the Bush
/// administration", "the Obama campaign". Such a name is not who speaks.
fn qualifies_noun(sentence: &[&Token], m: &Mention) -> bool {
    let Some(at) = sentence.iter().position(|t| t.start >= m.end) else { return false };
    let next_is_noun = sentence[at].is_word() && !sentence[at].cap && sentence[at].start <= m.end + 1;
    let det = sentence.iter().rev().find(|t| t.end <= m.start).is_some_and(|t| matches!(t.folded.as_str(), "the" | "a" | "an"));
    next_is_noun && det
}

/// The subject of the speech verb `verb`, in sentence `si` (`before`: its tokens before the quote):
/// a name right before the verb ("Clark told"), or, when an appositive ends right before it
/// ("Clark, a vice president under President Clinton, said"; "Markey (D-Mass.) said"), the
/// first person of the sentence followed by the appositive's opening comma or bracket ("Peter
/// Guest, Assistant Chief Fire Officer at Surrey Fire and Rescue Service, says"), else a name of
/// another kind right before the verb. A pronoun is the nearest person before.
fn subject_of(mentions: &[Mention], quotes: &[(usize, usize)], before: &[&Token], si: usize, verb: &Token) -> Option<usize> {
    let at = before.iter().position(|t| t.start == verb.start)?;
    let prev = before[..at].last()?;
    // Right before: the next token after the name is the verb ("Clinton, said" is not).
    let right_before = |m: &Mention| m.sentence == si && m.end <= verb.start && before[..=at].iter().find(|t| t.start >= m.end).is_some_and(|t| t.start == verb.start);
    if let Some(m) = mentions.iter().position(|m| right_before(m) && maybe_person(m)) {
        return Some(m);
    }
    if is_pronoun(prev) {
        return nearest_person_before(mentions, quotes, prev.start);
    }
    // The first person of the sentence, followed by an appositive's comma or bracket.
    let appositive = mentions.iter().position(|m| {
        m.sentence == si
            && m.end < prev.start
            && maybe_person(m)
            && before[..at].iter().find(|t| t.start >= m.end).is_some_and(|t| matches!(t.folded.as_str(), "," | "("))
            && !in_quote(quotes, m)
    });
    // Else an organisation or place right before the verb ("Human Rights Watch said").
    appositive.or_else(|| mentions.iter().position(right_before))
}

#[cfg(test)]
mod tests {
    use crate::Article;

    fn quotes(t: &str) -> Vec<(String, Option<String>)> {
        let d = crate::extract::analyze(&Article::new("t", t));
        d.quotes
            .iter()
            .map(|q| {
                let who = q.speaker.as_ref().map(|s| match s {
                    super::Speaker::Mention(i) => d.mentions[*i].surface.clone(),
                    super::Speaker::Phrase(p) => p.clone(),
                });
                (t[q.start..q.end].to_string(), who)
            })
            .collect()
    }

    #[test]
    fn finds_speakers() {
        let cases: Vec<(&str, Vec<(&str, Option<&str>)>)> = vec![
            ("“We will not give up,” said Keith Kellogg.", vec![("We will not give up,", Some("Keith Kellogg"))]),
            ("President Recep Erdogan spoke. “We want peace now,” he said.", vec![("We want peace now,", Some("Recep Erdogan"))]),
            ("“Russia is not serious about this,” Zelensky remarked on Friday.", vec![("Russia is not serious about this,", Some("Zelensky"))]),
            ("“Our position is clear,” stated one of the leaders.", vec![("Our position is clear,", Some("one of the leaders"))]),
            ("Keith Kellogg said: \"The talks went well today.\"", vec![("The talks went well today.", Some("Keith Kellogg"))]),
            ("Keith Kellogg called them mere “theatrical props.”", vec![("theatrical props.", Some("Keith Kellogg"))]),
            ("A “one-word” scare quote.", vec![]),
            // A title and description between the verb and the name.
            ("“The rule is clear,” said Secretary of the Interior Dirk Kempthorne.", vec![("The rule is clear,", Some("Dirk Kempthorne"))]),
            ("“There was a third target,” said Troy police Lt. Gerry Scherlinck.", vec![("There was a third target,", Some("Gerry Scherlinck"))]),
            ("“We hope,” said Academy spokeswoman Leslie Unger.", vec![("We hope,", Some("Leslie Unger"))]),
            // A name, an appositive, then the verb.
            (
                "“We are waiting for borders to open,” Valentina Redzhepova, an official at one precinct, told AFP.",
                vec![("We are waiting for borders to open,", Some("Valentina Redzhepova"))],
            ),
            // A quote going on from the one before; a person named in between ends that.
            (
                "Jonathan Wright, director at Interoute, spoke. “This will grind economies to a halt,” he said.\n“If you look at the markets, the speed suffers.”\nKeith Kellogg disagreed.\n“No, it will not.”",
                vec![
                    ("This will grind economies to a halt,", Some("Jonathan Wright")),
                    ("If you look at the markets, the speed suffers.", Some("Jonathan Wright")),
                    ("No, it will not.", None),
                ],
            ),
            // The speaker before a colon ending the sentence before.
            ("Bunny Yeager took photographs. One difference, said Yeager:\n“She felt more comfortable in the nude.”", vec![("She felt more comfortable in the nude.", Some("Yeager"))]),
            // The subject of a speech verb earlier in the sentence, past an appositive.
            (
                "Jamie Rappaport Clark, a vice president under President Bill Clinton, said the process resolved “mission conflict.”",
                vec![("mission conflict.", Some("Jamie Rappaport Clark"))],
            ),
            (
                "Rep. Edward J. Markey (D-Mass.) said the Bush administration was “determined to use every last minute in office.”",
                vec![("determined to use every last minute in office.", Some("Edward J. Markey"))],
            ),
            // …but not a verb in a relative clause, nor one followed by another person.
            (
                "Putin, who suggested the meeting, stayed home, which led Zelensky to question it, referring to the envoys as “theatrical props.”",
                vec![("theatrical props.", Some("Zelensky"))],
            ),
            // "the judge": the person the article gave that title.
            (
                "Judge Vincent Del Giudice sealed the courtroom. “The man is an emotional wreck,” the judge said.",
                vec![("The man is an emotional wreck,", Some("Vincent Del Giudice"))],
            ),
            // "the company": the organisation named most often before.
            (
                "Microsoft issued a patch. Microsoft said the update, MS08-078, fixes it. “It could allow remote code execution,” the software giant said.",
                vec![("It could allow remote code execution,", Some("Microsoft"))],
            ),
            ("“It's not all on the coach,” a source with knowledge of the 76ers ' thinking said.", vec![("It's not all on the coach,", Some("a source with knowledge of the 76ers ' thinking"))]),
            ("“Everybody zones them,” an Eastern Conference executive said Saturday.", vec![("Everybody zones them,", Some("an Eastern Conference executive"))]),
            // A short quote with no speech verb is a term, not somebody's words.
            ("Barack Obama signed what critics call “midnight rules” on Friday.", vec![("midnight rules", None)]),
        ];
        for (input, want) in cases {
            let want: Vec<(String, Option<String>)> = want.into_iter().map(|(a, b)| (a.to_string(), b.map(str::to_string))).collect();
            assert_eq!(quotes(input), want, "{input}");
        }
    }
}
