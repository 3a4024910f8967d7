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
  const sections = [
    renderOverview(report, ctx),
    renderDifferentEvent(report, ctx),
    renderConflicts(report, ctx),
    renderCorroborated(report, ctx),
    renderSingles(report, ctx),
    renderOmissions(report, ctx),
    renderTone(report, ctx),
    renderTextReuse(report, ctx),
    renderEntities(report, ctx),
    renderQuotes(report, ctx),
    renderDates(report, ctx),
  ];
  frag.append(...sections.filter(Boolean));
  return frag;
}

function makeContext(report, articles) {
  const sources = report.sources || [];
  const index = new Map(sources.map((s, i) => [s.id, i]));
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  const titles = new Map(sources.map((s) => [s.id, s.title]));
  const spans = new Map(sources.map((s) => [s.id, s.sentence_spans]));
  return {
    total: sources.length,
    /** The position of a source in the input (-1 when unknown). */
    indexOf: (id) => (index.has(id) ? index.get(id) : -1),
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

/** The sentences that support something, one per source. */
function evidenceList(evidence, ctx, { untagged } = {}) {
  if (!evidence || evidence.length === 0) return null;
  return h(
    'ul',
    { class: 'evidence-list' },
    evidence.map((e) =>
      h(
        'li',
        { class: 'evidence' },
        e.source === untagged ? null : [ctx.tag(e.source), ' '], // `untagged`: the source all this is about
        h('span', { class: 'evidence-text' }, e.text),
      ),
    ),
  );
}

function renderOverview(report, ctx) {
  const n = summarize(report);
  const flagged = new Set((report.different_event || []).map((d) => d.source));
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
        flagged.has(s.id)
          ? [' ', h('a', { class: 'badge badge-compatible flag', href: `#different-event-${i}` }, '⚠ Possibly a different event')]
          : null,
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

// ---------------------------------------------------------------- different event, omissions

function renderDifferentEvent(report, ctx) {
  const flagged = report.different_event || [];
  if (flagged.length === 0) return null;
  const items = flagged.map((d, k) => {
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
  });
  return section(
    'different-event',
    'Possibly a different event',
    flagged.length,
    h(
      'p',
      { class: 'hint' },
      'What these sources say may be about another occurrence than the rest, so their agreements and conflicts with the others may not mean much.',
    ),
    h('ul', { class: 'items' }, items),
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
  const blocks = [];
  for (const [id, list] of groups) {
    if (list.length === 0) continue;
    blocks.push(
      h(
        'div',
        { class: 'group omission-group', 'data-source': id },
        h('h4', { class: 'group-title' }, ctx.tag(id), ' does not report', h('span', { class: 'count' }, ` (${list.length})`)),
        h(
          'ul',
          { class: 'items' },
          list.map((o) =>
            h(
              'li',
              { class: 'item omission' },
              h('p', { class: 'fact-summary' }, facts.has(o.fact) ? h('a', { href: `#fact-${o.fact}` }, o.summary) : o.summary),
              h('p', { class: 'fact-meta' }, h('span', { class: 'muted' }, 'Told by '), ctx.tags(o.told_by)),
            ),
          ),
        ),
      ),
    );
  }
  return section(
    'omissions',
    'Omissions',
    omissions.length,
    blocks.length
      ? [h('p', { class: 'hint' }, 'Facts that most of the other sources report and this one does not.'), blocks]
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
  const cards = profiles.map((t) => {
    const counts = t.attribution_counts || {};
    const stances = [...STANCES, ...Object.keys(counts).filter((k) => !STANCES.includes(k))];
    const attribution = (t.attribution || []).length;
    const fill = h('span', { class: 'bar-fill' });
    fill.style.width = `${Math.max(0, Math.min(1, Number(t.opinion_share) || 0)) * 100}%`;
    const hits = HIT_GROUPS.map((g) => ({ ...g, list: t[g.key] || [] })).filter((g) => g.list.length);
    const total = hits.reduce((n, g) => n + g.list.length, 0);
    const n = (key, one, many) => {
      const k = (t[key] || []).length;
      return [h('span', { class: 'n' }, String(k)), ` ${k === 1 ? one : many}`];
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
  });
  return section(
    'tone',
    'Tone',
    undefined,
    cards.length
      ? [
          h(
            'p',
            { class: 'hint' },
            'How much of each source is the writer’s opinion, and the words that colour it. Words inside quotation marks are the speaker’s and are not counted.',
          ),
          h('ul', { class: 'items tone' }, cards),
        ]
      : empty('No tone profile.'),
  );
}

// ---------------------------------------------------------------- text reuse

/** Shading step (0–5) for a share of words; 0 is none. */
const heat = (v) => (v <= 0 ? 0 : v < 0.05 ? 1 : v < 0.15 ? 2 : v < 0.3 ? 3 : v < 0.6 ? 4 : 5);

function renderTextReuse(report, ctx) {
  const reuse = report.text_reuse || { matrix: [], passages: [] };
  const ids = (report.sources || []).map((s) => s.id);
  const matrix = reuse.matrix || [];
  // (The explanation is a paragraph rather than a <caption>: a caption is only as wide as the table.)
  const table = h(
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
              return h('td', { class: `heat heat-${heat(v)}`, title: `${percent(v)} of ${id}’s words are shared with ${other}` }, percent(v));
            }),
          ),
        ),
      ),
    ),
  );
  const passages = reuse.passages || [];
  const items = passages.map((p) => {
    const same = p.a.text.trim() === p.b.text.trim();
    const quote = (side) => h('blockquote', {}, ctx.tag(side.source), ' ', h('span', { class: 'passage-text' }, side.text));
    return h(
      'li',
      { class: 'item reuse-passage' },
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
    );
  });
  return section(
    'text-reuse',
    'Text reuse',
    passages.length,
    h('p', { class: 'hint' }, 'Passages that sources share word for word or nearly, as from a common wire story or press release.'),
    ids.length ? [h('p', { class: 'reuse-caption', id: 'reuse-caption' }, 'Share of the row source’s words shared with the column source'), table] : null,
    h('h4', {}, 'Shared passages'),
    items.length ? h('ol', { class: 'items' }, items) : empty('No passages shared verbatim or near-verbatim.'),
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
    if (!byValue.has(d.value)) byValue.set(d.value, { written: new Set(), sources: [] });
    const g = byValue.get(d.value);
    g.written.add(d.text);
    if (!g.sources.includes(d.source)) g.sources.push(d.source);
  }
  const items = [...byValue].map(([value, g]) => {
    const label = dateLabel(value);
    const written = [...g.written].filter((w) => w !== label);
    return h(
      'li',
      { class: 'date' },
      h('span', { class: 'date-value' }, label),
      written.length ? [' ', h('span', { class: 'muted' }, `(written ${written.map((w) => `“${w}”`).join(', ')})`)] : null,
      ' ',
      ctx.tags(g.sources),
    );
  });
  return section(
    'dates',
    'Dates',
    byValue.size,
    items.length ? h('ul', { class: 'dates' }, items) : empty('No dates were found.'),
  );
}
