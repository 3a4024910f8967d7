// Turns a comparison report (src/report.rs, schema_version 1) into DOM.
//
// Every piece of article or report text goes into the page as a text node (createTextNode /
// textContent). Nothing here parses HTML: no innerHTML, insertAdjacentHTML or the like.

/**
 * Creates an element. `attrs`: `class`, `hidden`, or any attribute (set with setAttribute; event
 * handler attributes are refused). `children`: nodes or strings (strings become text nodes);
 * null, undefined and false are skipped; arrays are flattened.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (/^on/i.test(name)) throw new Error(`h(): refusing event handler attribute ${name}`);
    if (name === 'class') el.className = value;
    else if (name === 'hidden') el.hidden = Boolean(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(parent, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;

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

/**
 * Renders a report. `articles` ([{id, title?, text}], what was compared) lets warnings show the
 * passage they are about. Returns a DocumentFragment.
 */
export function renderReport(report, { articles = [] } = {}) {
  const ctx = makeContext(report, articles);
  const frag = document.createDocumentFragment();
  frag.append(
    renderOverview(report, ctx),
    renderConflicts(report, ctx),
    renderCorroborated(report, ctx),
    renderSingles(report, ctx),
    renderEntities(report, ctx),
    renderQuotes(report, ctx),
  );
  return frag;
}

function makeContext(report, articles) {
  const sources = report.sources || [];
  const index = new Map(sources.map((s, i) => [s.id, i]));
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  const titles = new Map(sources.map((s) => [s.id, s.title]));
  return {
    total: sources.length,
    /** A coloured tag naming a source (its title as tooltip). */
    tag(id) {
      const i = index.has(id) ? index.get(id) : -1;
      return h('span', { class: `source-tag src-c${i < 0 ? 'x' : i % 8}`, title: titles.get(id) || undefined }, id);
    },
    tags(ids) {
      const out = [];
      (ids || []).forEach((id, i) => {
        if (i > 0) out.push(' ');
        out.push(this.tag(id));
      });
      return out;
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

/** The sentences that support something, one per source. */
function evidenceList(evidence, ctx) {
  if (!evidence || evidence.length === 0) return null;
  return h(
    'ul',
    { class: 'evidence-list' },
    evidence.map((e) =>
      h('li', { class: 'evidence' }, ctx.tag(e.source), ' ', h('span', { class: 'evidence-text' }, e.text)),
    ),
  );
}

function renderOverview(report, ctx) {
  const n = summarize(report);
  const stat = (href, value, label, key) =>
    h('li', { class: 'stat', 'data-stat': key }, h('a', { href }, h('span', { class: 'stat-num' }, String(value)), ' ', label));
  const sources = (report.sources || []).map((s, i) =>
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
      ),
      s.warnings && s.warnings.length
        ? h(
            'ul',
            { class: 'warnings', 'aria-label': `Warnings about ${s.id}` },
            s.warnings.map((w) => {
              const passage = ctx.passage(s.id, w.start, w.end);
              const quoted = passage && !w.message.includes(passage); // the message may quote it already
              return h(
                'li',
                { class: 'warning' },
                h('strong', {}, warningLabel(w.kind), ': '),
                w.message,
                quoted ? [' ', h('q', { class: 'passage' }, passage)] : null,
              );
            }),
          )
        : null,
    ),
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
    h('h4', { id: 'sources' }, 'Sources'),
    h('ul', { class: 'sources' }, sources),
  );
}

function renderConflicts(report, ctx) {
  const conflicts = [...(report.conflicts || [])];
  // Hard conflicts first, then differences of wording; otherwise the engine's order.
  conflicts.sort((a, b) => (a.severity === 'conflict' ? 0 : 1) - (b.severity === 'conflict' ? 0 : 1));
  const facts = new Map((report.facts || []).map((f) => [f.id, f]));
  const items = conflicts.map((c) => {
    const sev = SEVERITY[c.severity] || { label: c.severity, note: '' };
    const fact = c.fact ? facts.get(c.fact) : null;
    return h(
      'li',
      { class: `item conflict sev-${c.severity}` },
      h(
        'div',
        { class: 'item-head' },
        h('h4', { class: 'item-title' }, c.subject || 'Unnamed subject'),
        h('span', { class: `badge badge-${c.severity}` }, sev.label),
        h('span', { class: 'badge' }, KIND_LABELS[c.kind] || c.kind),
      ),
      h('p', { class: 'muted' }, sev.note, fact ? [' About: ', h('span', { class: 'about' }, fact.summary)] : null),
      h(
        'ul',
        { class: 'values' },
        (c.values || []).map((v) =>
          h(
            'li',
            { class: 'value' },
            h('p', { class: 'value-line' }, h('span', { class: 'value-text' }, v.value), ' ', h('span', { class: 'muted' }, '·'), ' ', ctx.tags(v.sources)),
            evidenceList(v.evidence, ctx),
          ),
        ),
      ),
    );
  });
  return section(
    'conflicts',
    'Conflicts',
    conflicts.length,
    items.length ? h('ol', { class: 'items' }, items) : empty('No conflicts found: where the sources give the same kind of detail, they agree.'),
  );
}

function renderCorroborated(report, ctx) {
  const facts = (report.facts || []).filter((f) => f.corroboration >= 2);
  facts.sort((a, b) => b.corroboration - a.corroboration);
  const items = facts.map((f) =>
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
      evidenceList(f.evidence, ctx),
    ),
  );
  return section(
    'facts',
    'Corroborated facts',
    facts.length,
    items.length ? h('ol', { class: 'items' }, items) : empty('No fact is told by more than one source.'),
  );
}

function renderSingles(report, ctx) {
  const singles = (report.facts || []).filter((f) => f.corroboration < 2);
  // Grouped by source, in source order.
  const groups = new Map((report.sources || []).map((s) => [s.id, []]));
  for (const f of singles) {
    const id = f.sources && f.sources[0];
    if (!groups.has(id)) groups.set(id, []);
    groups.get(id).push(f);
  }
  const fold = singles.length > FOLD_SINGLES_OVER;
  const blocks = [];
  for (const [id, facts] of groups) {
    if (facts.length === 0) continue;
    blocks.push(
      h(
        'details',
        { class: 'group', open: !fold },
        h(
          'summary',
          {},
          h('h4', { class: 'group-title' }, 'Only in ', ctx.tag(id), h('span', { class: 'count' }, ` (${facts.length})`)),
        ),
        h(
          'ul',
          { class: 'items' },
          facts.map((f) => {
            const others = (f.evidence || []).filter((e) => e.text.trim() !== f.summary.trim());
            return h(
              'li',
              { class: 'item fact single', id: `fact-${f.id}` },
              h('p', { class: 'fact-summary' }, f.summary),
              others.length ? evidenceList(others, ctx) : null,
            );
          }),
        ),
      ),
    );
  }
  return section(
    'details',
    'Single-source details',
    singles.length,
    fold ? h('p', { class: 'hint' }, 'Open a source to see what only it says.') : null,
    blocks.length ? blocks : empty('Every fact is told by more than one source.'),
  );
}

function renderEntities(report, ctx) {
  const items = (report.entities || []).map((e) =>
    h(
      'li',
      { class: 'item entity' },
      h(
        'div',
        { class: 'item-head' },
        h('h4', { class: 'item-title' }, e.name),
        h('span', { class: `badge kind-${e.kind}` }, ENTITY_KINDS[e.kind] || e.kind),
      ),
      e.variants && e.variants.length
        ? h('p', { class: 'variants' }, h('span', { class: 'muted' }, 'Also written: '), e.variants.join(' · '))
        : null,
      h('p', { class: 'entity-sources' }, h('span', { class: 'muted' }, `In ${e.sources.length} of ${ctx.total}: `), ctx.tags(e.sources)),
      e.roles && e.roles.length
        ? h(
            'ul',
            { class: 'roles', 'aria-label': `Roles of ${e.name}` },
            e.roles.map((r) => h('li', {}, h('span', { class: 'role' }, r.role), ' ', ctx.tags(r.sources))),
          )
        : null,
    ),
  );
  return section(
    'entities',
    'People, places and organizations',
    items.length,
    items.length ? h('ul', { class: 'items entities' }, items) : empty('No names were found.'),
  );
}

function renderQuotes(report, ctx) {
  const items = (report.quotes || []).map((q) =>
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
    ),
  );
  return section(
    'quotes',
    'Quotes',
    items.length,
    items.length ? h('ul', { class: 'items' }, items) : empty('No direct quotations were found.'),
  );
}
