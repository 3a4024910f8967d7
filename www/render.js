//# allFunctionsCalledOnLoad
// (That first line is V8's explicit compile hint, a comment to every other engine: Chromium
// compiles all of this module's functions as it loads, not each one lazily on first use, which
// was during the user's first Compare, between the engine's answer and the first screen. The same
// line heads dom.js and views/*.js. See bench/README.md, 3c.)
// Turns a comparison report (src/report.rs, schema_version 1) into DOM.
//
// Every piece of article or report text goes into the page as a text node (createTextNode /
// textContent). Nothing here parses HTML: no innerHTML, insertAdjacentHTML or the like.

import { asStep, finishDrawing, h, icon, items, plural, runInSlices, srOnly, startDrawing } from './dom.js';
import { engineDiff, renderDiff } from './views/diff.js';
import { renderMatrix } from './views/matrix.js';
import { numberLabel, sentenceIndex } from './views/model.js';
import { renderReading, sentenceElementId } from './views/reading.js';

export { h, finishDrawing, numberLabel };

/** The counts the overview shows. */
export function summarize(report) {
  const facts = report.facts || [];
  return {
    sources: (report.sources || []).length,
    corroborated: facts.filter((f) => f.corroboration >= 2).length,
    conflicts: (report.conflicts || []).length,
    single: facts.filter((f) => f.corroboration < 2).length,
  };
}

const KIND_LABELS = { number: 'Number', date: 'Date', role: 'Role or title', quote: 'Quote', other: 'Other' };
const SEVERITY = {
  conflict: { label: 'Conflict', note: 'These values cannot all be true.' },
  compatible: { label: 'Worded differently', note: 'These values are worded differently but can all be true.' },
};
const ENTITY_KINDS = { person: 'Person', place: 'Place', organization: 'Organization', other: 'Other' };
const WARNING_LABELS = {
  'duplicate-line': 'Repeated line',
  boilerplate: 'Boilerplate',
  'not-english': 'Not English',
  short: 'Short',
  'section-label': 'Section label',
};
/** A label for a warning kind: a known one, or "some-kind" as "Some kind". */
const warningLabel = (kind) =>
  WARNING_LABELS[kind] || String(kind).charAt(0).toUpperCase() + String(kind).slice(1).replace(/-/g, ' ');
/** Above this many single-source details, their per-source groups start folded. */
const FOLD_SINGLES_OVER = 20;
/** Past this many sources, a list of tags shows TAGS_FIRST and a button for the others. */
const TAGS_MAX = 16;
const TAGS_FIRST = 12;
/** Evidence sentences shown at first under one fact or value (a fact of 500 sources has 500). */
const EVIDENCE_FIRST = 20;
/** Sources and conflicts the overview (the first screen, drawn at once) lists at first. */
const OVERVIEW_FIRST = 50;
/** Warnings shown per source before "Show more": a page of lists can repeat a line eighty times. */
const WARNINGS_FIRST = 5;

/** The warnings of the rarer kinds first ("not English" before eighty repeated lines), each kind
 * in the engine's order. */
function byRarity(warnings) {
  const count = new Map();
  for (const w of warnings) count.set(w.kind, (count.get(w.kind) || 0) + 1);
  return warnings.map((w, k) => ({ w, k })).sort((a, b) => count.get(a.w.kind) - count.get(b.w.kind) || a.k - b.k).map(({ w }) => w);
}
/** Values of one conflict shown at first (one of 1,000 articles had 81), and in the overview. */
const VALUES_FIRST = 10;
const OVERVIEW_VALUES = 5;
/** Per-source groups (single-source details, omissions) drawn at first. */
const GROUPS_FIRST = 50;

/** The report's views, in page order: [id, label in the results menu]. */
export const VIEWS = [
  ['overview', 'Overview'],
  ['different-event', 'Different event'],
  ['conflicts', 'Conflicts'],
  ['matrix', 'Fact matrix'],
  ['reading', 'Reading view'],
  ['facts', 'Corroborated'],
  ['details', 'Single-source'],
  ['omissions', 'Omissions'],
  ['entities', 'Entities'],
  ['numbers', 'Numbers'],
  ['quotes', 'Quotes'],
  ['dates', 'Dates'],
  ['tone', 'Tone'],
  ['text-reuse', 'Text reuse'],
];

/**
 * The sections in page order: [id, build(report, ctx) → element or null, present(report, ctx)].
 * `present` says, without drawing it, whether the section will be there (for the menu).
 */
const SECTIONS = [
  ['overview', renderOverview],
  ['different-event', renderDifferentEvent, (r) => (r.different_event || []).length > 0],
  ['conflicts', renderConflicts],
  ['matrix', (r, ctx) => section('matrix', 'Fact matrix', undefined, renderMatrix(r, ctx))],
  ['reading', renderReadingSection, (r, ctx) => (r.sources || []).some((s) => typeof ctx.text(s.id) === 'string')],
  ['facts', renderCorroborated],
  ['details', renderSingles],
  ['omissions', renderOmissions],
  ['entities', renderEntities],
  ['numbers', renderNumbers, (r) => Boolean(r.numbers)],
  ['quotes', renderQuotes],
  ['dates', renderDates, (r) => Boolean(r.dates)],
  ['tone', renderTone],
  ['text-reuse', renderTextReuse],
];
/** Drawn before the status says "Compared": what the first screen of results shows. */
const FIRST_SCREEN = new Set(['overview', 'different-event']);

function menu(report, ctx) {
  const present = new Set(SECTIONS.filter(([, , p]) => !p || p(report, ctx)).map(([id]) => id));
  return h(
    'nav',
    { class: 'views-nav', 'aria-label': 'Result views' },
    h('ul', {}, VIEWS.filter(([id]) => present.has(id)).map(([id, label]) => h('li', {}, h('a', { href: `#${id}` }, label)))),
  );
}

/** Queues the sections (all, or those not on the first screen) as steps appending to `root`. */
function queueSections(root, report, ctx, drawing, skip = new Set()) {
  for (const [id, build] of SECTIONS) {
    if (skip.has(id)) continue;
    drawing.steps.add(
      asStep(() => {
        const el = build(report, ctx);
        if (el) root.append(el);
      }),
    );
  }
}

/**
 * Renders a report, all at once. `articles` ([{id, title?, text}], what was compared) lets
 * evidence show its whole sentence, warnings the passage they are about, and the reading view
 * the articles. `view`: an object the views keep their choices in across renders (the reading
 * view's `reading`: the source ids shown side by side); `onViewChange()` is called when one
 * changes. Returns a DocumentFragment: a menu of the views, then one section per view.
 * (Long lists show their first FIRST_ITEMS items and a "Show more" button.)
 */
export function renderReport(report, { articles = [], view = {}, onViewChange = () => {} } = {}) {
  const ctx = makeContext(report, articles, { view, onViewChange });
  const frag = document.createDocumentFragment();
  frag.append(menu(report, ctx));
  const drawing = startDrawing();
  queueSections(frag, report, ctx, drawing);
  drawing.steps.run();
  return frag;
}

/**
 * Draws a report into `container` in steps, so that the page never stops for long: the menu and
 * the first screen (the overview, and a warning about a different event) at once, then each
 * other section and each long list in slices of about `sliceMs`. Returns {done, cancel}: `done`
 * resolves to true once everything is drawn (false when cancelled or replaced by another report).
 */
export function drawReport(container, report, { articles = [], view = {}, onViewChange = () => {}, sliceMs = 8 } = {}) {
  const ctx = makeContext(report, articles, { view, onViewChange });
  const drawing = startDrawing();
  const first = document.createDocumentFragment();
  first.append(menu(report, ctx));
  for (const [id, build] of SECTIONS) {
    if (!FIRST_SCREEN.has(id)) continue;
    const el = build(report, ctx);
    if (el) first.append(el);
  }
  container.replaceChildren(first);
  queueSections(container, report, ctx, drawing, FIRST_SCREEN);
  let cancelled = false;
  return { done: runInSlices(drawing, { sliceMs, cancelled: () => cancelled }), cancel: () => (cancelled = true) };
}

function renderReadingSection(report, ctx) {
  const body = renderReading(report, ctx);
  return body ? section('reading', 'Reading view', undefined, body) : null;
}

function makeContext(report, articles, { view, onViewChange }) {
  const sources = report.sources || [];
  let conflictIndex = null; // conflict -> its position in the Conflicts view, made when first needed
  const index = new Map(sources.map((s, i) => [s.id, i]));
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  const titles = new Map(sources.map((s) => [s.id, s.title]));
  const spans = new Map(sources.map((s) => [s.id, s.sentence_spans]));
  let bySentence = null;
  /** What the report says about each sentence (views/model.js), made when first needed. */
  const reading = () => (bySentence ??= sentenceIndex(report));
  return {
    reading,
    total: sources.length,
    /** The views' remembered choices, and what to call when one changes (renderReport's). */
    view,
    viewChanged: onViewChange,
    /** Set by the reading view: shows a source's article there if it is not shown (see readingLink). */
    showInReading: null,
    /** The link to a conflict's entry in the Conflicts view. */
    conflictHref: (c) => {
      conflictIndex ??= new Map(sortedConflicts(report).map((c, k) => [c, k]));
      return conflictIndex.has(c) ? `#conflict-${conflictIndex.get(c)}` : null;
    },
    /** The article text a source was compared with (undefined when not given). */
    text: (id) => texts.get(id),
    /** The position of a source in the input (-1 when unknown). */
    indexOf: (id) => (index.has(id) ? index.get(id) : -1),
    /** A coloured tag naming a source (its title as tooltip). */
    tag(id) {
      const i = index.has(id) ? index.get(id) : -1;
      return h('span', { class: `source-tag src-c${i < 0 ? 'x' : i % 8}`, title: titles.get(id) || undefined }, id);
    },
    /** Tags of several sources; past TAGS_MAX, the first TAGS_FIRST and a button for the others. */
    tags(ids, all = false) {
      const list = ids || [];
      const shown = all || list.length <= TAGS_MAX ? list.length : TAGS_FIRST;
      const out = [];
      for (let i = 0; i < shown; i++) {
        if (i > 0) out.push(' ');
        out.push(this.tag(list[i]));
      }
      if (shown < list.length) {
        const rest = list.slice(shown);
        const more = h('button', { type: 'button', class: 'link-button more-tags' }, `+${rest.length} more`, srOnly(' sources'));
        more.addEventListener('click', () => more.replaceWith(...this.tags(rest, true)));
        out.push(' ', more);
      }
      return out;
    },
    /**
     * A passage (evidence, or a span {source, start, end}) in its whole sentence:
     * {before, clause, after, sentence}, or null when the article is unknown or the offsets do not
     * fit it. `sentence` is the index into sentence_spans (undefined when no sentence holds it).
     */
    inSentence(e) {
      const text = texts.get(e.source);
      const { start, end } = e;
      if (typeof text !== 'string' || !Number.isInteger(start) || !Number.isInteger(end) || end <= start || end > text.length) return null;
      const clause = text.slice(start, end);
      if (typeof e.text === 'string' && clause !== e.text) return null;
      const list = spans.get(e.source) || [];
      const fits = (sp) => Array.isArray(sp) && sp[0] <= start && sp[1] >= end && sp[1] <= text.length;
      let k = Number.isInteger(e.sentence) && fits(list[e.sentence]) ? e.sentence : list.findIndex(fits);
      if (k < 0) return { before: '', clause, after: '', sentence: undefined };
      const [from, to] = list[k];
      return { before: text.slice(from, start), clause, after: text.slice(end, to), sentence: k };
    },
    /** A link to a sentence in the reading view, or null when the view does not mark it. */
    readingLink(source, sentence) {
      const i = index.has(source) ? index.get(source) : -1;
      if (i < 0 || sentence === undefined || typeof texts.get(source) !== 'string' || !reading().get(source, sentence)) return null;
      const id = sentenceElementId(i, sentence);
      const a = h('a', { class: 'goto', href: `#${id}` }, 'in context', srOnly(`: ${source}, sentence ${sentence + 1}, in the reading view`));
      a.addEventListener('click', (event) => {
        // The article may be one the reader has not chosen to show side by side: it is added.
        this.showInReading?.(source);
        const target = document.getElementById(id);
        if (!target) return;
        event.preventDefault();
        target.scrollIntoView({ block: 'center' });
        target.focus({ preventScroll: true });
      });
      return a;
    },
    /**
     * The sentences that support something: each whole, the clause it is about highlighted
     * (.evidence-text holds the clause, as the report gives it). `untagged`: the source all this is
     * about (not tagged again); `links`: add a link to the sentence in the reading view.
     */
    evidenceList(evidence, { untagged, links } = {}) {
      if (!evidence || evidence.length === 0) return null;
      return items(
        h('ul', { class: 'evidence-list' }),
        evidence,
        (e) => {
          const where = this.inSentence(e);
          const partial = where && (where.before.trim() || where.after.trim());
          const link = links && where ? this.readingLink(e.source, where.sentence) : null;
          return h(
            'li',
            { class: 'evidence', 'data-source': e.source, 'data-sentence': where && where.sentence !== undefined ? where.sentence : undefined },
            e.source === untagged ? null : [this.tag(e.source), ' '],
            partial
              ? h('span', { class: 'evidence-sentence' }, where.before, h('mark', { class: 'evidence-text' }, where ? where.clause : e.text), where.after)
              : h('span', { class: 'evidence-text' }, e.text ?? (where ? where.clause : '')),
            link ? [' ', link] : null,
          );
        },
        { first: EVIDENCE_FIRST, noun: 'sentences' },
      );
    },
    /**
     * Where a hit sits in its article: {before, hit, after}, cut to its sentence (and to about
     * `room` characters either side), or null when the article or the offsets do not fit.
     */
    around(id, hit, room = 90) {
      const text = texts.get(id);
      const { start, end } = hit;
      if (typeof text !== 'string' || start == null || end == null || end <= start || text.slice(start, end) !== hit.text) return null;
      const span = (spans.get(id) || [])[hit.sentence];
      const [from, to] = span && span[0] <= start && span[1] >= end ? span : [0, text.length];
      let before = text.slice(Math.max(from, start - room), start).replace(/^\s+/, '');
      let after = text.slice(end, Math.min(to, end + room)).replace(/\s+$/, '');
      if (start - room > from) before = '…' + before.replace(/^\S*\s/, '');
      if (end + room < to) after = after.replace(/\s\S*$/, '') + '…';
      return { before, hit: text.slice(start, end), after };
    },
    passage(id, start, end) {
      const text = texts.get(id);
      if (typeof text !== 'string' || start == null || end == null || end <= start) return null;
      const s = text.slice(start, end).trim();
      return s.length > 200 ? s.slice(0, 199) + '…' : s;
    },
  };
}

function section(id, title, count, ...body) {
  const headingId = `${id}-heading`;
  return h(
    'section',
    { class: 'report-section', id, 'aria-labelledby': headingId },
    h('h3', { id: headingId }, title, count === undefined ? null : h('span', { class: 'count' }, ` (${count})`)),
    ...body,
  );
}

const empty = (text) => h('p', { class: 'empty' }, text);

const evidenceList = (evidence, ctx, opts) => ctx.evidenceList(evidence, { links: true, ...opts });

function renderOverview(report, ctx) {
  const n = summarize(report);
  const flagged = new Set((report.different_event || []).map((d) => d.source));
  // Every source flagged: the engine found no two telling one event (see events.rs).
  const unrelated = (report.sources || []).length >= 2 && report.sources.every((s) => flagged.has(s.id));
  const stat = (href, value, label, key) =>
    h('li', { class: 'stat', 'data-stat': key }, h('a', { href }, h('span', { class: 'stat-num' }, String(value)), ' ', label));
  const source = (s, i) =>
    h(
      'li',
      { class: 'source' },
      h(
        'p',
        { class: 'source-line' },
        ctx.tag(s.id),
        ' ',
        s.title ? h('span', { class: 'source-title' }, s.title) : h('span', { class: 'muted' }, 'No title'),
        ' ',
        h('span', { class: 'muted' }, `· ${plural(s.words, 'word')}, ${plural(s.sentences, 'sentence')}`),
        flagged.has(s.id)
          ? [' ', h('a', { class: 'badge badge-compatible flag', href: `#different-event-${i}` }, '⚠ Possibly a different event')]
          : null,
      ),
      s.warnings && s.warnings.length
        ? items(
            h('ul', { class: 'warnings', 'aria-label': `Warnings about ${s.id}` }),
            byRarity(s.warnings),
            (w) => {
              const passage = ctx.passage(s.id, w.start, w.end);
              const quoted = passage && !w.message.includes(passage); // the message may quote it already
              return h(
                'li',
                { class: 'warning' },
                h('strong', {}, warningLabel(w.kind), ': '),
                w.message,
                quoted ? [' ', h('q', { class: 'passage' }, passage)] : null,
              );
            },
            { first: WARNINGS_FIRST, noun: 'warnings' },
          )
        : null,
    );
  return section(
    'overview',
    'Overview',
    undefined,
    h(
      'ul',
      { class: 'stats', 'aria-label': 'Summary' },
      stat('#sources', n.sources, n.sources === 1 ? 'source' : 'sources', 'sources'),
      stat('#facts', n.corroborated, n.corroborated === 1 ? 'corroborated fact' : 'corroborated facts', 'corroborated'),
      stat('#conflicts', n.conflicts, n.conflicts === 1 ? 'conflict' : 'conflicts', 'conflicts'),
      stat('#details', n.single, n.single === 1 ? 'single-source detail' : 'single-source details', 'single'),
    ),
    unrelated
      ? h(
          'p',
          { class: 'callout callout-warn unrelated', role: 'note' },
          icon('⚠'),
          ' These articles do not seem to tell one story: no two of them share enough names, places, numbers or dates. ',
          'There is little to corroborate or contradict; paste articles about the same event to compare them.',
        )
      : overviewConflicts(report, ctx),
    consensus(report, ctx),
    h('h4', { id: 'sources' }, 'Sources'),
    items(h('ul', { class: 'sources' }), report.sources || [], source, { first: OVERVIEW_FIRST, noun: 'sources' }),
  );
}

/** Hard conflicts first, then differences of wording; otherwise the engine's order. */
const sortedConflicts = (report) =>
  (report.conflicts || [])
    .map((c, k) => ({ c, k }))
    .sort((a, b) => (a.c.severity === 'conflict' ? 0 : 1) - (b.c.severity === 'conflict' ? 0 : 1) || a.k - b.k)
    .map(({ c }) => c);

const severityBadge = (severity) =>
  h('span', { class: `badge badge-${severity}` }, severity === 'conflict' ? '✗ ' : '≈ ', (SEVERITY[severity] || { label: severity }).label);

/** The overview's list of conflicts, linked to their full entries. */
function overviewConflicts(report, ctx) {
  const conflicts = sortedConflicts(report);
  if (!conflicts.length) return h('p', { class: 'overview-none' }, icon('✓'), ' The sources do not contradict each other on any detail compared.');
  return [
    h('h4', {}, 'Where the sources differ'),
    items(
      h('ul', { class: 'overview-conflicts' }),
      conflicts,
      (c, k) =>
        h(
          'li',
          {},
          severityBadge(c.severity),
          ' ',
          h('a', { href: `#conflict-${k}` }, c.subject || 'Unnamed subject'),
          ': ',
          (c.values || []).slice(0, OVERVIEW_VALUES).map((v, i) => [
            i ? h('span', { class: 'muted' }, ' vs ') : '',
            h('strong', {}, v.value),
            c.kind === 'number' && numberLabel(v.value) ? [' ', h('span', { class: 'value-reading muted' }, `(${numberLabel(v.value)})`)] : null,
            ' (',
            ctx.tags(v.sources),
            ')',
          ]),
          (c.values || []).length > OVERVIEW_VALUES
            ? h('span', { class: 'muted' }, ` and ${plural(c.values.length - OVERVIEW_VALUES, 'other value')}`)
            : null,
        ),
      { first: OVERVIEW_FIRST, noun: 'conflicts' },
    ),
  ];
}

/** How many facts the consensus summary lists. */
const CONSENSUS_FACTS = 5;

/** The consensus: the facts told by the most sources (at least two), most corroborated first. */
function consensus(report, ctx) {
  const facts = (report.facts || [])
    .map((f, k) => ({ f, k }))
    .filter(({ f }) => f.corroboration >= 2)
    .sort((a, b) => b.f.corroboration - a.f.corroboration || a.k - b.k)
    .slice(0, CONSENSUS_FACTS)
    .map(({ f }) => f);
  return [
    h('h4', {}, 'What the sources agree on'),
    facts.length
      ? h(
          'ol',
          { class: 'consensus' },
          facts.map((f) =>
            h('li', { 'data-fact': f.id }, h('a', { href: `#fact-${f.id}` }, f.summary), ' ', h('span', { class: 'badge badge-agree' }, `${f.corroboration} of ${ctx.total} sources`)),
          ),
        )
      : empty('No fact is told by more than one source, so there is no consensus to summarise.'),
  ];
}

function renderConflicts(report, ctx) {
  const conflicts = sortedConflicts(report);
  const facts = new Map((report.facts || []).map((f) => [f.id, f]));
  const conflict = (c, k) => {
    const sev = SEVERITY[c.severity] || { label: c.severity, note: '' };
    const fact = c.fact ? facts.get(c.fact) : null;
    const values = c.values || [];
    return h(
      'li',
      { class: `item conflict sev-${c.severity}`, id: `conflict-${k}` },
      h(
        'div',
        { class: 'item-head' },
        h('h4', { class: 'item-title' }, c.subject || 'Unnamed subject'),
        h('span', { class: `badge badge-${c.severity}` }, h('span', { 'aria-hidden': 'true' }, c.severity === 'conflict' ? '✗ ' : '≈ '), sev.label),
        h('span', { class: 'badge' }, KIND_LABELS[c.kind] || c.kind),
      ),
      h('p', { class: 'muted' }, sev.note, fact ? [' About: ', h('span', { class: 'about' }, fact.summary)] : null),
      items(
        h('ul', { class: 'values' }),
        values,
        (v) =>
          h(
            'li',
            { class: 'value' },
            h(
              'p',
              { class: 'value-line' },
              h('span', { class: 'value-text' }, v.value),
              c.kind === 'number' && numberLabel(v.value) ? [' ', h('span', { class: 'value-reading muted' }, `(${numberLabel(v.value)})`)] : null,
              ' ',
              h('span', { class: 'muted' }, '·'),
              ' ',
              ctx.tags(v.sources),
            ),
            evidenceList(v.evidence, ctx),
          ),
        { first: VALUES_FIRST, noun: 'values' },
      ),
      // Two wordings of a quote: what changed, word by word (the engine's word_diff for the first
      // two wordings; computed here for any others).
      c.kind === 'quote' && values.length >= 2
        ? h(
            'div',
            { class: 'quote-diff' },
            h('p', { class: 'muted' }, 'Word by word, from the first wording to the others (struck: only in the first; underlined: only in the other):'),
            // (Only for the values shown at first: one conflict of 1,000 articles has 81.)
            values.slice(1, VALUES_FIRST).map((v, k) => renderDiff(values[0].value, v.value, k === 0 && Array.isArray(c.word_diff) ? engineDiff(c.word_diff) : null)),
          )
        : null,
    );
  };
  return section(
    'conflicts',
    'Conflicts',
    conflicts.length,
    conflicts.length
      ? items(h('ol', { class: 'items' }), conflicts, conflict, { noun: 'conflicts', holds: (c, k, id) => id === `conflict-${k}` })
      : empty('No conflicts found: where the sources give the same kind of detail, they agree.'),
  );
}

function renderCorroborated(report, ctx) {
  const facts = (report.facts || []).filter((f) => f.corroboration >= 2);
  facts.sort((a, b) => b.corroboration - a.corroboration);
  // A source flagged as possibly telling a different event ("a second meeting") does not
  // corroborate this event's facts: said under the fact, so its agreement is not read as such.
  const elsewhere = new Set((report.different_event || []).map((d) => d.source));
  const caveat = (f) => {
    const flagged = (f.sources || []).filter((s) => elsewhere.has(s));
    if (!flagged.length) return null;
    const others = f.corroboration - flagged.length;
    return h(
      'p',
      { class: 'fact-meta caveat' },
      h('span', { class: 'muted' }, 'Possibly about a different event: '),
      ctx.tags(flagged),
      others < 2 ? h('span', { class: 'muted' }, ` (only ${others} source of this event tells it)`) : null,
    );
  };
  const fact = (f) =>
    h(
      'li',
      { class: 'item fact', id: `fact-${f.id}` },
      h('p', { class: 'fact-summary' }, f.summary),
      h(
        'p',
        { class: 'fact-meta' },
        h('span', { class: 'badge badge-agree' }, `${f.corroboration} of ${ctx.total} sources`),
        ' ',
        ctx.tags(f.sources),
      ),
      caveat(f),
      evidenceList(f.evidence, ctx),
    );
  return section(
    'facts',
    'Corroborated facts',
    facts.length,
    facts.length
      ? items(h('ol', { class: 'items' }), facts, fact, { noun: 'facts', holds: (f, k, id) => id === `fact-${f.id}` })
      : empty('No fact is told by more than one source.'),
  );
}

function renderSingles(report, ctx) {
  const singles = (report.facts || []).filter((f) => f.corroboration < 2);
  // The corroborated facts a detail's clause partly tells (`partly_in`), by id.
  const byId = new Map((report.facts || []).filter((f) => f.corroboration >= 2).map((f) => [f.id, f]));
  const partly = (f) => {
    const told = (f.partly_in || []).map((id) => byId.get(id)).filter(Boolean);
    if (!told.length) return null;
    const links = [];
    told.forEach((g, i) => {
      if (i) links.push('; ');
      links.push(h('a', { href: `#fact-${g.id}` }, g.summary), ` (${g.corroboration} sources)`);
    });
    return h('p', { class: 'fact-meta partly' }, h('span', { class: 'muted' }, 'Partly corroborated: '), ...links);
  };
  // Grouped by source, in source order.
  const groups = new Map((report.sources || []).map((s) => [s.id, []]));
  for (const f of singles) {
    const id = f.sources && f.sources[0];
    if (!groups.has(id)) groups.set(id, []);
    groups.get(id).push(f);
  }
  const fold = singles.length > FOLD_SINGLES_OVER;
  const withFacts = [...groups].filter(([, facts]) => facts.length > 0);
  const group = ([id, facts]) =>
      h(
        'details',
        { class: 'group', open: !fold },
        h(
          'summary',
          {},
          h('h4', { class: 'group-title' }, 'Only in ', ctx.tag(id), h('span', { class: 'count' }, ` (${facts.length})`)),
        ),
        items(
          h('ul', { class: 'items' }),
          facts,
          (f) => {
            // The sentence again only when it says more than the summary (a longer sentence or another clause).
            const others = (f.evidence || []).filter((e) => {
              const where = ctx.inSentence(e);
              return e.text.trim() !== f.summary.trim() || (where && (where.before.trim() || where.after.trim()));
            });
            return h(
              'li',
              { class: 'item fact single', id: `fact-${f.id}` },
              h('p', { class: 'fact-summary' }, f.summary),
              partly(f),
              others.length ? evidenceList(others, ctx) : null,
            );
          },
          { noun: 'details', holds: (f, k, id) => id === `fact-${f.id}` },
        ),
      );
  return section(
    'details',
    'Single-source details',
    singles.length,
    fold ? h('p', { class: 'hint' }, 'Open a source to see what only it says.') : null,
    withFacts.length
      ? items(h('div', { class: 'groups' }), withFacts, group, {
          first: GROUPS_FIRST,
          noun: 'sources',
          holds: ([, facts], k, id) => facts.some((f) => id === `fact-${f.id}`),
        })
      : empty('Every fact is told by more than one source.'),
  );
}

/** Role conflicts by the entity they are about ("Donald Trump: President" → "Donald Trump"). */
function roleConflicts(report) {
  const out = new Map();
  sortedConflicts(report).forEach((c, k) => {
    if (c.kind !== 'role') return;
    const who = String(c.subject || '').split(':')[0].trim();
    if (!out.has(who)) out.set(who, []);
    out.get(who).push({ c, k });
  });
  return out;
}

/** Up to this many sources, every source gets a mention bar (zeros too). */
const MENTION_BARS_ALL = 8;
/** At most this many bars for one name: the sources that mention it most (then a line). */
const MENTION_BARS_MAX = 20;

function renderEntities(report, ctx) {
  const ids = (report.sources || []).map((s) => s.id);
  const conflictsOf = roleConflicts(report);
  // Mentions per source that mentions it, and the largest count anywhere (so that bars compare
  // across entities). (Not a count for every source: 4,689 names × 1,000 sources were millions.)
  const entities = report.entities || [];
  const counts = entities.map((e) => {
    const n = new Map();
    for (const m of e.mentions || []) n.set(m.source, (n.get(m.source) || 0) + 1);
    return n;
  });
  // A loop, not Math.max(...spread): a thousand sources give millions of counts, past the
  // engine's argument limit.
  let most = 1;
  for (const n of counts) for (const v of n.values()) if (v > most) most = v;
  const bars = (k) => {
    const n = counts[k];
    if (ids.length <= MENTION_BARS_ALL) return { shown: ids, others: 0 };
    // Beyond a few sources, only those that mention it, at most MENTION_BARS_MAX (the most).
    let shown = ids.filter((id) => n.get(id));
    const others = Math.max(0, shown.length - MENTION_BARS_MAX);
    if (others) {
      const keep = new Set([...shown].sort((a, b) => n.get(b) - n.get(a) || ctx.indexOf(a) - ctx.indexOf(b)).slice(0, MENTION_BARS_MAX));
      shown = shown.filter((id) => keep.has(id));
    }
    return { shown, others };
  };
  const entity = (e, k) => {
    const conflicts = [e.name, ...(e.variants || [])].flatMap((name) => conflictsOf.get(name) || []);
    const roles = e.roles || [];
    const disagree = conflicts.length > 0;
    return h(
      'li',
      { class: `item entity${disagree ? ' role-disagreement' : ''}`, 'data-entity': e.id },
      h(
        'div',
        { class: 'item-head' },
        h('h4', { class: 'item-title' }, e.name),
        h('span', { class: `badge kind-${e.kind}` }, ENTITY_KINDS[e.kind] || e.kind),
        disagree ? h('span', { class: 'badge badge-conflict' }, '✗ Roles disagree') : null,
      ),
      e.variants && e.variants.length
        ? h('p', { class: 'variants' }, h('span', { class: 'muted' }, 'Also written: '), e.variants.join(' · '))
        : null,
      h('p', { class: 'entity-sources' }, h('span', { class: 'muted' }, `In ${e.sources.length} of ${ctx.total}: `), ctx.tags(e.sources)),
      roles.length
        ? h(
            'ul',
            { class: 'roles', 'aria-label': `Roles of ${e.name}` },
            roles.map((r) => {
              const clash = conflicts.some(({ c }) => (c.values || []).some((v) => v.value === r.role));
              return h(
                'li',
                { class: clash ? 'role-clash' : null },
                clash ? [icon('✗'), srOnly('Disputed: ')] : null,
                h('span', { class: 'role' }, r.role),
                ' ',
                ctx.tags(r.sources),
                whereFold(r.evidence, ctx, 'Where'),
              );
            }),
          )
        : null,
      disagree
        ? h('p', { class: 'role-note' }, 'The sources give roles that cannot all be true: ',
            conflicts.map(({ k }, i) => [i ? ', ' : '', h('a', { href: `#conflict-${k}` }, 'see the conflict')]), '.')
        : null,
      (e.mentions || []).length
        ? (() => {
            const { shown, others } = bars(k);
            return [
              h(
                'table',
                { class: 'mention-bars', 'aria-label': `Mentions of ${e.name} per source` },
                h('tbody', {}, shown.map((id) => {
                  const n = counts[k].get(id) || 0;
                  const fill = h('span', { class: 'bar-fill' });
                  fill.style.width = `${(n / most) * 100}%`;
                  return h('tr', { class: n ? null : 'none' }, h('th', { scope: 'row' }, ctx.tag(id)), h('td', { class: 'bar-cell' }, h('span', { class: 'bar', 'aria-hidden': 'true' }, fill)), h('td', { class: 'n' }, String(n)));
                })),
              ),
              others ? h('p', { class: 'muted mention-others' }, `${plural(others, 'other source')} ${others === 1 ? 'mentions' : 'mention'} it too (no more often than those above).`) : null,
            ];
          })()
        : null,
    );
  };
  return section(
    'entities',
    'People, places and organizations',
    entities.length,
    entities.length ? h('p', { class: 'hint' }, 'Each name with the other ways it is written, the roles each source gives, and how often each source mentions it.') : null,
    entities.length ? items(h('ul', { class: 'items entities' }), entities, entity, { noun: 'names' }) : empty('No names were found.'),
  );
}

// ---------------------------------------------------------------- numbers

function renderNumbers(report, ctx) {
  if (!report.numbers) return null;
  const numbers = [...report.numbers];
  const order = new Map();
  numbers.forEach((n) => order.has(n.counts) || order.set(n.counts, order.size));
  numbers.sort((a, b) => order.get(a.counts) - order.get(b.counts));
  const row = (n) => {
    const where = ctx.inSentence(n);
    return h(
      'tr',
      {},
      h('td', {}, n.counts || h('span', { class: 'muted' }, 'unknown')),
      h('td', { class: 'num-value' }, h('span', { class: 'value-raw' }, n.value), numberLabel(n.value) ? [' ', h('span', { class: 'value-reading muted' }, `(${numberLabel(n.value)})`)] : null),
      h('td', {}, ctx.tag(n.source)),
      h('td', { class: 'num-context' }, where ? [where.before, h('mark', {}, where.clause), where.after] : h('q', {}, n.text)),
    );
  };
  const [tbody, more] = items(h('tbody'), numbers, row, { noun: 'numbers' });
  return section(
    'numbers',
    'Numbers',
    numbers.length,
    numbers.length
      ? [
          h('p', { class: 'hint' }, 'Every number found, grouped by what it counts, each in the sentence it comes from.'),
          h(
            'div',
            { class: 'table-scroll', role: 'region', 'aria-label': 'Table of numbers (scrolls sideways)', tabindex: '0' },
            h('table', { class: 'data-table numbers-table', 'aria-labelledby': 'numbers-heading' },
              h('thead', {}, h('tr', {}, ['Counts', 'Value', 'Source', 'As written, in its sentence'].map((t) => h('th', { scope: 'col' }, t)))),
              tbody),
          ),
          more,
        ]
      : empty('No numbers were found.'),
  );
}

/** A fold listing where spans ({source, start, end}) sit in their articles, each in its sentence. */
function whereFold(spans, ctx, label) {
  const known = (spans || []).filter((e) => ctx.inSentence(e));
  if (!known.length) return null;
  return h('details', { class: 'where' }, h('summary', {}, `${label} (${known.length})`), ctx.evidenceList(known, { links: true }));
}

function renderQuotes(report, ctx) {
  const quotes = report.quotes || [];
  const quote = (q) =>
    h(
      'li',
      { class: 'item quote' },
      h('blockquote', {}, h('p', {}, q.text)),
      h(
        'p',
        { class: 'quote-meta' },
        '— ',
        q.speaker ? h('span', { class: 'speaker' }, q.speaker) : h('span', { class: 'muted' }, 'speaker not identified'),
        ' ',
        ctx.tags(q.sources),
      ),
      whereFold(q.evidence, ctx, 'Where it is quoted'),
    );
  return section(
    'quotes',
    'Quotes',
    quotes.length,
    quotes.length ? items(h('ul', { class: 'items' }), quotes, quote, { noun: 'quotes' }) : empty('No direct quotations were found.'),
  );
}

// ---------------------------------------------------------------- different event, omissions

function renderDifferentEvent(report, ctx) {
  const flagged = report.different_event || [];
  if (flagged.length === 0) return null;
  const callout = (d, k) => {
    const i = ctx.indexOf(d.source);
    return h(
      'li',
      { class: 'callout callout-warn different-event', id: `different-event-${i < 0 ? `x${k}` : i}`, 'data-source': d.source },
      h('h4', { class: 'callout-title' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), ctx.tag(d.source), ' may report a different event'),
      d.reasons && d.reasons.length
        ? h('ul', { class: 'reasons', 'aria-label': `Why ${d.source} may report a different event` }, d.reasons.map((r) => h('li', {}, r)))
        : null,
      d.evidence && d.evidence.length ? h('p', { class: 'callout-label' }, `What ${d.source} says:`) : null,
      evidenceList(d.evidence, ctx, { untagged: d.source }),
    );
  };
  return section(
    'different-event',
    'Possibly a different event',
    flagged.length,
    h(
      'p',
      { class: 'hint' },
      'What these sources say may be about another occurrence than the rest, so their agreements and conflicts with the others may not mean much.',
    ),
    items(h('ul', { class: 'items' }), flagged, callout, {
      first: OVERVIEW_FIRST,
      noun: 'sources',
      holds: (d, k, id) => id === `different-event-${ctx.indexOf(d.source) < 0 ? `x${k}` : ctx.indexOf(d.source)}`,
    }),
  );
}

function renderOmissions(report, ctx) {
  const omissions = report.omissions || [];
  const facts = new Set((report.facts || []).map((f) => f.id));
  const groups = new Map((report.sources || []).map((s) => [s.id, []]));
  for (const o of omissions) {
    if (!groups.has(o.source)) groups.set(o.source, []);
    groups.get(o.source).push(o);
  }
  const withOmissions = [...groups].filter(([, list]) => list.length > 0);
  const group = ([id, list]) =>
      h(
        'div',
        { class: 'group omission-group', 'data-source': id },
        h('h4', { class: 'group-title' }, ctx.tag(id), ' does not report', h('span', { class: 'count' }, ` (${list.length})`)),
        items(
          h('ul', { class: 'items' }),
          list,
          (o) =>
            h(
              'li',
              { class: 'item omission' },
              h('p', { class: 'fact-summary' }, facts.has(o.fact) ? h('a', { href: `#fact-${o.fact}` }, o.summary) : o.summary),
              h('p', { class: 'fact-meta' }, h('span', { class: 'muted' }, 'Told by '), ctx.tags(o.told_by)),
            ),
          { noun: 'omissions' },
        ),
      );
  return section(
    'omissions',
    'Omissions',
    omissions.length,
    withOmissions.length
      ? [
          h('p', { class: 'hint' }, 'Facts that most of the other sources report and this one does not.'),
          items(h('div', { class: 'groups' }), withOmissions, group, { first: GROUPS_FIRST, noun: 'sources' }),
        ]
      : empty('No source leaves out a fact most of the others report.'),
  );
}

// ---------------------------------------------------------------- tone

const percent = (share) => {
  const v = Number(share) || 0;
  return v > 0 && v < 0.005 ? '<1%' : `${Math.round(v * 100)}%`;
};
const STANCES = ['neutral', 'doubt', 'endorse', 'emotive'];
const HIT_GROUPS = [
  { key: 'loaded', title: 'Loaded words' },
  { key: 'hedges', title: 'Hedges' },
  { key: 'attribution', title: 'Attribution verbs' },
];

/** "category: why" → "why" (the category is shown beside it). */
function explanationText(hit) {
  const e = String(hit.explanation || '');
  const prefix = `${hit.category}: `;
  return e.startsWith(prefix) ? e.slice(prefix.length) : e;
}

function renderHit(hit, source, ctx) {
  const where = ctx.around(source, hit);
  return h(
    'li',
    { class: 'hit' },
    h(
      'p',
      { class: 'hit-line' },
      h('q', { class: 'hit-word' }, hit.text),
      ' ',
      h('span', { class: `badge cat cat-${String(hit.category).replace(/[^a-z-]/gi, '')}` }, hit.category),
      ' ',
      h('span', { class: 'hit-why' }, explanationText(hit)),
    ),
    where ? h('p', { class: 'hit-context' }, where.before, h('mark', {}, where.hit), where.after) : null,
  );
}

function renderTone(report, ctx) {
  const profiles = report.tone || [];
  // Each count is also drawn as a small bar, scaled to the largest count of its kind.
  const most = Object.fromEntries(HIT_GROUPS.map((g) => [g.key, profiles.reduce((m, t) => Math.max(m, (t[g.key] || []).length), 1)]));
  const miniBar = (key, k) => {
    const fill = h('span', { class: 'bar-fill' });
    fill.style.width = `${(k / most[key]) * 100}%`;
    return h('span', { class: `bar mini-bar mini-${key}`, 'aria-hidden': 'true' }, fill);
  };
  const card = (t) => {
    const counts = t.attribution_counts || {};
    const stances = [...STANCES, ...Object.keys(counts).filter((k) => !STANCES.includes(k))];
    const attribution = (t.attribution || []).length;
    const fill = h('span', { class: 'bar-fill' });
    fill.style.width = `${Math.max(0, Math.min(1, Number(t.opinion_share) || 0)) * 100}%`;
    const hits = HIT_GROUPS.map((g) => ({ ...g, list: t[g.key] || [] })).filter((g) => g.list.length);
    const total = hits.reduce((n, g) => n + g.list.length, 0);
    const n = (key, one, many) => {
      const k = (t[key] || []).length;
      return [miniBar(key, k), h('span', { class: 'n' }, String(k)), ` ${k === 1 ? one : many}`];
    };
    return h(
      'li',
      { class: 'item tone-card', 'data-source': t.source },
      h('h4', { class: 'item-title' }, ctx.tag(t.source)),
      h(
        'div',
        { class: 'share' },
        h(
          'div',
          { class: 'share-line' },
          h('p', { class: 'share-label' }, h('span', { class: 'share-num' }, percent(t.opinion_share)), ' opinion'),
          h('span', { class: 'bar', 'aria-hidden': 'true' }, fill),
        ),
        h(
          'p',
          { class: 'tone-sentences muted' },
          `${t.opinion_sentences} of ${plural(t.sentences, 'sentence')} opinion, ${t.fact_sentences} checkable fact`,
        ),
      ),
      h(
        'ul',
        { class: 'tone-counts' },
        h('li', { 'data-count': 'loaded' }, n('loaded', 'loaded word', 'loaded words')),
        h('li', { 'data-count': 'hedges' }, n('hedges', 'hedge', 'hedges')),
        h(
          'li',
          { 'data-count': 'attribution' },
          n('attribution', 'attribution verb', 'attribution verbs'),
          h(
            'span',
            { class: 'stances' },
            ' (',
            stances.map((k, i) => [i ? ', ' : '', h('span', { class: 'stance', 'data-stance': k }, `${counts[k] || 0} ${k}`)]),
            ')',
          ),
        ),
      ),
      total
        ? h(
            'details',
            { class: 'hits' },
            h('summary', {}, `Why: the ${plural(total, 'word')} counted in `, t.source),
            hits.map((g) =>
              h(
                'div',
                { class: 'hit-group', 'data-hits': g.key },
                h('h5', {}, g.title, h('span', { class: 'count' }, ` (${g.list.length})`)),
                h('ul', { class: 'hit-list' }, g.list.map((hit) => renderHit(hit, t.source, ctx))),
              ),
            ),
          )
        : h('p', { class: 'muted hits-none' }, 'No loaded words, hedges or attribution verbs.'),
    );
  };
  return section(
    'tone',
    'Tone',
    undefined,
    profiles.length
      ? [
          h(
            'p',
            { class: 'hint' },
            'How much of each source is the writer’s opinion, and the words that colour it. Words inside quotation marks are the speaker’s and are not counted.',
          ),
          items(h('ul', { class: 'items tone' }), profiles, card, { first: GROUPS_FIRST, noun: 'sources' }),
        ]
      : empty('No tone profile.'),
  );
}

// ---------------------------------------------------------------- text reuse

/** Shading step (0–5) for a share of words; 0 is none. */
const heat = (v) => (v <= 0 ? 0 : v < 0.05 ? 1 : v < 0.15 ? 2 : v < 0.3 ? 3 : v < 0.6 ? 4 : 5);

/** A fold with the word diff of an edited passage, computed when first opened (a big comparison has hundreds). */
function lazyDiff(p) {
  const details = h('details', { class: 'reuse-diff' }, h('summary', {}, 'What changed, word by word'));
  details.addEventListener('toggle', () => {
    if (!details.open || details.childElementCount > 1) return;
    details.append(h('p', { class: 'muted' }, `Struck: only in ${p.a.source}; underlined: only in ${p.b.source}.`), renderDiff(p.a.text, p.b.text));
  });
  return details;
}

/** Up to this many sources the text reuse is a source × source table; beyond, a list of the closest pairs. */
const REUSE_TABLE_MAX = 24;
/** How many pairs that list shows. */
const REUSE_PAIRS = 50;

function renderTextReuse(report, ctx) {
  const reuse = report.text_reuse || { matrix: [], passages: [] };
  const ids = (report.sources || []).map((s) => s.id);
  const matrix = reuse.matrix || [];
  const passages = reuse.passages || [];
  const isPair = (p, x, y) => (p.a.source === x && p.b.source === y) || (p.a.source === y && p.b.source === x);
  const pairs = new Set();
  for (const p of passages) pairs.add(`${p.a.source}\u0000${p.b.source}`).add(`${p.b.source}\u0000${p.a.source}`);
  const pairHas = (x, y) => pairs.has(`${x}\u0000${y}`);
  const passage = (p, k) => {
    const same = p.a.text.trim() === p.b.text.trim();
    const quote = (side) => h('blockquote', {}, ctx.tag(side.source), ' ', h('span', { class: 'passage-text' }, side.text));
    return h(
      'li',
      { class: 'item reuse-passage', 'data-k': k },
      h(
        'p',
        { class: 'fact-meta' },
        ctx.tag(p.a.source),
        h('span', { class: 'muted' }, ' and '),
        ctx.tag(p.b.source),
        ' ',
        h('span', { class: 'badge' }, plural(p.words, 'word')),
        ' ',
        h('span', { class: 'badge' }, Number(p.similarity) >= 1 ? 'verbatim' : `similarity ${percent(p.similarity)}`),
      ),
      same ? h('blockquote', {}, h('span', { class: 'passage-text' }, p.a.text)) : [quote(p.a), quote(p.b)],
      same ? null : lazyDiff(p),
    );
  };
  const all = passages.length ? h('div', { class: 'all-passages' }, items(h('ol', { class: 'items' }), passages, passage, { noun: 'passages' })) : null;
  // Choosing a pair shows only its passages (in a list of their own: the long one may not be
  // drawn in full); "Show all" undoes it.
  const pairList = h('ol', { class: 'items pair-passages', hidden: true });
  const pairNote = h('p', { class: 'pair-note', 'aria-live': 'polite' });
  const showAll = h('button', { type: 'button', class: 'link-button', hidden: true }, 'Show all shared passages');
  const showPair = (x, y) => {
    const mine = x ? passages.map((p, k) => [p, k]).filter(([p]) => isPair(p, x, y)) : [];
    pairList.replaceChildren(...mine.map(([p, k]) => passage(p, k)));
    pairList.hidden = !x;
    if (all) all.hidden = Boolean(x);
    pairNote.textContent = x ? `${plural(mine.length, 'passage')} shared by ${x} and ${y}.` : '';
    showAll.hidden = !x;
    if (x) pairList.firstElementChild?.scrollIntoView({ block: 'nearest' });
  };
  showAll.addEventListener('click', () => showPair(null));
  const pairButton = (id, other, title, text) => {
    const b = h('button', { type: 'button', class: 'heat-button', 'aria-label': `${title}: show the passages` }, text);
    b.addEventListener('click', () => showPair(id, other));
    return b;
  };
  let overview = null;
  if (ids.length && ids.length <= REUSE_TABLE_MAX) {
    // (The explanation is a paragraph rather than a <caption>: a caption is only as wide as the table.)
    overview = [
      h('p', { class: 'reuse-caption', id: 'reuse-caption' }, 'Share of the row source’s words shared with the column source'),
      h(
        'div',
        { class: 'table-scroll', role: 'region', 'aria-labelledby': 'reuse-caption', tabindex: '0' },
        h(
          'table',
          { class: 'reuse-table', 'aria-labelledby': 'reuse-caption' },
          h('thead', {}, h('tr', {}, h('td', {}), ids.map((id) => h('th', { scope: 'col' }, ctx.tag(id))))),
          h(
            'tbody',
            {},
            ids.map((id, i) =>
              h(
                'tr',
                { 'data-source': id },
                h('th', { scope: 'row' }, ctx.tag(id)),
                ids.map((other, j) => {
                  if (i === j) return h('td', { class: 'diag', title: 'Same source' }, '—');
                  const v = Number((matrix[i] || [])[j]) || 0;
                  const title = `${percent(v)} of ${id}’s words are shared with ${other}`;
                  if (!pairHas(id, other)) return h('td', { class: `heat heat-${heat(v)}`, title }, percent(v));
                  return h('td', { class: `heat heat-${heat(v)}`, title }, pairButton(id, other, title, percent(v)));
                }),
              ),
            ),
          ),
        ),
      ),
    ];
  } else if (ids.length) {
    // A table of 1,000 × 1,000 sources is a million cells: the closest pairs instead.
    const top = [];
    for (let i = 0; i < ids.length; i++) {
      const row = matrix[i] || [];
      for (let j = 0; j < ids.length; j++) {
        const v = Number(row[j]) || 0;
        if (i === j || v <= 0 || (top.length === REUSE_PAIRS && v <= top[top.length - 1][0])) continue;
        let at = top.length;
        while (at > 0 && top[at - 1][0] < v) at--;
        top.splice(at, 0, [v, i, j]);
        if (top.length > REUSE_PAIRS) top.pop();
      }
    }
    overview = [
      h('p', { class: 'reuse-caption', id: 'reuse-caption' },
        `With ${ids.length} sources, the pairs that share the most instead of a table of every pair: the share of the first source’s words shared with the second.`),
      top.length
        ? h('ol', { class: 'reuse-pairs', 'aria-labelledby': 'reuse-caption' }, top.map(([v, i, j]) => {
            const title = `${percent(v)} of ${ids[i]}’s words are shared with ${ids[j]}`;
            return h('li', { 'data-source': ids[i] }, ctx.tag(ids[i]), ' ', h('span', { class: `heat heat-${heat(v)}` }, percent(v)), ' shared with ', ctx.tag(ids[j]),
              pairHas(ids[i], ids[j]) ? [' ', pairButton(ids[i], ids[j], title, 'show the passages')] : null);
          }))
        : empty('No source shares words with another.'),
    ];
  }
  return section(
    'text-reuse',
    'Text reuse',
    passages.length,
    h('p', { class: 'hint' }, 'Passages that sources share word for word or nearly, as from a common wire story or press release.'),
    overview,
    h('h4', {}, 'Shared passages'),
    pairNote,
    showAll,
    pairList,
    all || empty('No passages shared verbatim or near-verbatim.'),
  );
}

// ---------------------------------------------------------------- dates

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The engine's ISO-like date value in words ("--05-12" → "12 May, no year"); else as given. */
export function dateLabel(value) {
  const v = String(value);
  const month = (m) => MONTHS[Number(m) - 1];
  let m;
  if ((m = /^(\d{4})$/.exec(v))) return m[1];
  if ((m = /^(\d{4})-(\d{2})$/.exec(v)) && month(m[2])) return `${month(m[2])} ${m[1]}`;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)) && month(m[2])) return `${Number(m[3])} ${month(m[2])} ${m[1]}`;
  if ((m = /^--(\d{2})-(\d{2})$/.exec(v)) && month(m[1])) return `${Number(m[2])} ${month(m[1])}, no year`;
  if ((m = /^--(\d{2})$/.exec(v)) && month(m[1])) return `${month(m[1])}, no year`;
  if ((m = /^([a-z]+) --(\d{2})$/.exec(v)) && month(m[2])) return `${m[1].charAt(0).toUpperCase()}${m[1].slice(1)} ${month(m[2])}, no year`;
  if ((m = /^weekday ([1-7])$/.exec(v))) return WEEKDAYS[Number(m[1]) - 1];
  return v;
}

function renderDates(report, ctx) {
  const dates = report.dates || [];
  if (!report.dates) return null;
  // One line per value, in order of first mention: how it is written, and by whom.
  const byValue = new Map();
  for (const d of dates) {
    if (!byValue.has(d.value)) byValue.set(d.value, { written: new Set(), sources: new Set() });
    const g = byValue.get(d.value);
    g.written.add(d.text);
    g.sources.add(d.source);
  }
  const date = ([value, g]) => {
    const label = dateLabel(value);
    const written = [...g.written].filter((w) => w !== label);
    return h(
      'li',
      { class: 'date' },
      h('span', { class: 'date-value' }, label),
      written.length ? [' ', h('span', { class: 'muted' }, `(written ${written.map((w) => `“${w}”`).join(', ')})`)] : null,
      ' ',
      ctx.tags([...g.sources]),
    );
  };
  return section(
    'dates',
    'Dates',
    byValue.size,
    byValue.size ? items(h('ul', { class: 'dates' }), [...byValue], date, { noun: 'dates' }) : empty('No dates were found.'),
  );
}
