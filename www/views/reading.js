// The reading view: the articles side by side (stacked on a narrow screen), each sentence the
// report says something about highlighted by status, with an icon and words too (not colour
// alone). Hovering or focusing a sentence shows, below, what the report says about it and which
// other sources say the same, with links to their sentences. Keyboard: Tab reaches each article
// once; ↑/↓ move between its highlighted sentences, ←/→ to the next/previous article, Home/End to
// the first/last.
import { fill, h, items, srOnly } from '../dom.js';
import { sentenceIndex } from './model.js';

export const READING_STATUS = {
  corroborated: { label: 'corroborated', icon: '✓' },
  single: { label: 'single-source', icon: '①' },
  conflict: { label: 'conflicting', icon: '✗' },
};

/** The id of a sentence's element in the reading view. */
export const sentenceElementId = (sourceIndex, sentence) => `read-${sourceIndex}-${sentence}`;

/** Articles drawn at first (1,000 articles side by side are megabytes of text); "Show more" for the others. */
const FIRST_ARTICLES = 20;

export function renderReading(report, ctx) {
  const index = ctx.reading ? ctx.reading() : sentenceIndex(report);
  const detail = h('div', { class: 'reading-detail', id: 'reading-detail', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, 'Point at or focus a highlighted sentence to see which other sources say the same.'));
  const columns = []; // the columns drawn so far, in order
  const withText = (report.sources || []).map((source, i) => [source, i]).filter(([source]) => typeof ctx.text(source.id) === 'string');
  if (!withText.length) return null;
  const column = ([source, i]) => {
    const text = ctx.text(source.id);
    const spans = source.sentence_spans || [];
    const body = h('div', { class: 'reading-text' });
    let at = 0;
    const marked = [];
    for (const [k, span] of spans.entries()) {
      const [start, end] = span;
      if (!(start >= at && end > start && end <= text.length)) continue; // offsets that do not fit this text
      if (start > at) body.append(text.slice(at, start));
      const info = index.get(source.id, k);
      const sentence = text.slice(start, end);
      if (!info) {
        body.append(h('span', { class: 'sent', 'data-sentence': k }, sentence));
      } else {
        const st = READING_STATUS[info.status];
        const el = h(
          'span',
          { class: `sent marked st-${info.status}`, id: sentenceElementId(i, k), tabindex: '-1', 'data-sentence': k, 'data-source': source.id, 'data-status': info.status, 'aria-describedby': 'reading-detail' },
          h('span', { class: 'st-icon', 'aria-hidden': 'true' }, st.icon),
          srOnly(`(${st.label}) `),
          sentence,
        );
        const show = () => showSentence(source.id, i, k, info, el);
        el.addEventListener('focus', show);
        el.addEventListener('mouseenter', show);
        marked.push(el);
        body.append(el);
      }
      at = end;
    }
    if (at < text.length) body.append(text.slice(at));
    if (marked.length) marked[0].setAttribute('tabindex', '0');
    const headingId = `reading-head-${i}`;
    const column = h(
      'article',
      { class: 'reading-article', 'aria-labelledby': headingId, 'data-source': source.id },
      h('h4', { id: headingId, class: 'reading-title' }, ctx.tag(source.id), ' ', h('span', { class: 'reading-source-title' }, source.title || '')),
      h('p', { class: 'reading-counts muted' }, countsLine(marked)),
      // A scrolling box must be reachable by keyboard: through its sentences, or itself when it has none.
      h('div', { class: 'reading-scroll', role: 'region', 'aria-label': `Text of ${source.id}`, tabindex: marked.length ? null : '0' }, body),
    );
    const c = columns.length;
    columns.push({ column, marked });
    column.addEventListener('keydown', (event) => keys(event, c));
    return column;
  };

  const move = (c, k) => {
    const { marked } = columns[c];
    if (!marked.length) return false;
    const el = marked[Math.max(0, Math.min(marked.length - 1, k))];
    for (const m of marked) m.setAttribute('tabindex', m === el ? '0' : '-1');
    el.focus();
    return true;
  };
  function keys(event, c) {
    const { marked } = columns[c];
    const k = marked.indexOf(event.target);
    if (k < 0) return;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown': move(c, k + 1); break;
      case 'ArrowUp': move(c, k - 1); break;
      case 'Home': move(c, 0); break;
      case 'End': move(c, marked.length - 1); break;
      case 'ArrowRight':
      case 'ArrowLeft': {
        const step = event.key === 'ArrowRight' ? 1 : -1;
        for (let d = c + step; d >= 0 && d < columns.length; d += step) {
          const cur = columns[d].marked.findIndex((m) => m.getAttribute('tabindex') === '0');
          if (move(d, Math.max(0, cur))) break;
        }
        break;
      }
      default: handled = false;
    }
    if (handled) event.preventDefault();
  }

  function showSentence(sourceId, i, k, info, el) {
    for (const old of document.querySelectorAll('.sent.current')) old.classList.remove('current');
    el.classList.add('current');
    const st = READING_STATUS[info.status];
    const facts = info.facts.map(({ fact }) => {
      const others = (fact.evidence || []).filter((e) => e.source !== sourceId);
      return h(
        'li',
        { class: 'reading-fact' },
        h('p', { class: 'fact-summary' }, fact.summary),
        others.length
          ? [h('p', { class: 'muted' }, 'Also told by ', ctx.tags([...new Set(others.map((e) => e.source))]), ':'), ctx.evidenceList(others, { links: true })]
          : h('p', { class: 'muted' }, `Only ${sourceId} tells this.`),
      );
    });
    const conflicts = info.conflicts.map(({ conflict, value }) =>
      h(
        'li',
        { class: `reading-conflict sev-${conflict.severity}` },
        h('p', {}, h('span', { class: `badge badge-${conflict.severity}` }, conflict.severity === 'conflict' ? '✗ Conflict' : '≈ Worded differently'), ' ',
          `${conflict.subject}: ${sourceId} says `, h('strong', {}, value.value)),
        conflict.values.filter((v) => v !== value).map((v) =>
          h('div', { class: 'reading-other' }, h('p', { class: 'muted' }, h('strong', {}, v.value), ' according to ', ctx.tags(v.sources)),
            ctx.evidenceList(v.evidence, { links: true }))),
      ),
    );
    fill(detail,
      h('p', { class: 'detail-head' }, ctx.tag(sourceId), ` sentence ${k + 1} `, h('span', { class: `badge st-badge st-${info.status}` }, `${st.icon} ${st.label}`)),
      conflicts.length ? h('ul', { class: 'items reading-list' }, conflicts) : null,
      facts.length ? h('ul', { class: 'items reading-list' }, facts) : null,
    );
  }

  return [
    h('p', { class: 'hint', id: 'reading-keys' },
      'The articles as written, with what the comparison found in each sentence. Tab to an article, then use the arrow keys to move between its highlighted sentences (← → to the other articles).'),
    h('ul', { class: 'legend', 'aria-label': 'Legend' },
      Object.entries(READING_STATUS).map(([key, s]) => h('li', {}, h('span', { class: `legend-sent st-${key}` }, h('span', { class: 'st-icon', 'aria-hidden': 'true' }, s.icon), ' ', s.label)))),
    items(h('div', { class: 'reading-columns' }), withText, column, {
      first: FIRST_ARTICLES,
      noun: 'articles',
      holds: ([, i], k, id) => id.startsWith(`read-${i}-`),
    }),
    detail,
  ];
}

function countsLine(marked) {
  const n = { corroborated: 0, single: 0, conflict: 0 };
  for (const m of marked) n[m.dataset.status]++;
  return `${n.corroborated} corroborated, ${n.conflict} conflicting, ${n.single} single-source sentences`;
}
