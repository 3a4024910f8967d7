// The reading view: the articles side by side (stacked on a narrow screen), each sentence the
// report says something about highlighted by status, with an icon and words too (not colour
// alone). Hovering or focusing a sentence shows, below, what the report says about it and which
// other sources say the same, with links to their sentences. Keyboard: Tab reaches each article
// once; ↑/↓ move between its highlighted sentences, ←/→ to the next/previous article, Home/End to
// the first/last.
// With many articles the reader chooses which ones are side by side (check boxes above them; at
// first the first DEFAULT_SHOWN); the choice is kept in ctx.view.reading (source ids), which the
// page keeps for the session. A link to a sentence of an article not shown adds that article.
import { fill, h, srOnly } from '../dom.js';
import { sentenceIndex } from './model.js';

export const READING_STATUS = {
  corroborated: { label: 'corroborated', icon: '✓' },
  single: { label: 'single-source', icon: '①' },
  conflict: { label: 'conflicting', icon: '✗' },
};

/** How many articles are side by side before the reader chooses (three fit the page's width). */
export const DEFAULT_SHOWN = 3;

/** The id of a sentence's element in the reading view. */
export const sentenceElementId = (sourceIndex, sentence) => `read-${sourceIndex}-${sentence}`;

export function renderReading(report, ctx) {
  const index = sentenceIndex(report);
  const detail = h('div', { class: 'reading-detail', id: 'reading-detail', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, 'Point at or focus a highlighted sentence to see which other sources say the same.'));
  const columns = [];
  for (const [i, source] of (report.sources || []).entries()) {
    const text = ctx.text(source.id);
    const spans = source.sentence_spans || [];
    if (typeof text !== 'string') continue;
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
    columns.push({ id: source.id, title: source.title || '', column, marked });
  }
  if (!columns.length) return null;

  // Which articles are shown: the remembered choice (ids of this report only), else the first few.
  const view = ctx.view || {};
  const remembered = Array.isArray(view.reading) ? columns.filter((c) => view.reading.includes(c.id)).map((c) => c.id) : [];
  const shownIds = new Set(remembered.length ? remembered : columns.slice(0, DEFAULT_SHOWN).map((c) => c.id));
  const shownNote = h('p', { class: 'reading-shown muted', 'aria-live': 'polite' });
  const boxes = columns.map((c) => {
    const input = h('input', { type: 'checkbox', value: c.id });
    input.addEventListener('change', () => {
      if (input.checked) shownIds.add(c.id);
      else shownIds.delete(c.id);
      update(true);
    });
    return { c, input };
  });
  const allButton = h('button', { type: 'button', class: 'link-button' }, 'Show all');
  const firstButton = h('button', { type: 'button', class: 'link-button' }, `Only the first ${DEFAULT_SHOWN}`);
  allButton.addEventListener('click', () => {
    for (const c of columns) shownIds.add(c.id);
    update(true);
  });
  firstButton.addEventListener('click', () => {
    shownIds.clear();
    for (const c of columns.slice(0, DEFAULT_SHOWN)) shownIds.add(c.id);
    update(true);
  });
  const emptyNote = h('p', { class: 'empty reading-none' }, 'No article is chosen: tick one above to read it here.');

  /** Shows the chosen columns; `remember`: keep the choice (the reader made it). */
  function update(remember) {
    for (const { c, input } of boxes) {
      input.checked = shownIds.has(c.id);
      c.column.hidden = !shownIds.has(c.id);
    }
    const n = shownIds.size;
    shownNote.textContent = n === columns.length
      ? `All ${columns.length} articles shown.`
      : `${n} of ${columns.length} articles shown${n && n <= 8 ? `: ${columns.filter((c) => shownIds.has(c.id)).map((c) => c.id).join(', ')}` : ''}.`;
    emptyNote.hidden = n > 0;
    allButton.hidden = n === columns.length;
    const first = columns.slice(0, DEFAULT_SHOWN);
    firstButton.hidden = columns.length <= DEFAULT_SHOWN || (n === first.length && first.every((c) => shownIds.has(c.id)));
    if (remember) {
      view.reading = columns.filter((c) => shownIds.has(c.id)).map((c) => c.id);
      ctx.viewChanged?.();
    }
  }
  update(false);
  // Links to a sentence ("in context") bring its article into view.
  ctx.showInReading = (id) => {
    if (shownIds.has(id) || !columns.some((c) => c.id === id)) return;
    shownIds.add(id);
    update(true);
  };
  const chooser = columns.length > 1
    // A div with role="group" rather than a <fieldset>: in Chromium a fieldset here stopped the
    // sentence explanation below from sticking to the bottom of a phone's screen.
    ? h('div', { class: 'reading-choose', role: 'group', 'aria-labelledby': 'reading-choose-label' },
        h('p', { class: 'reading-choose-label', id: 'reading-choose-label' }, 'Articles side by side'),
        h('ul', { class: `reading-choices${columns.length > 12 ? ' many' : ''}` },
          boxes.map(({ c, input }) => h('li', {}, h('label', {}, input, ' ', ctx.tag(c.id), c.title ? [' ', h('span', { class: 'reading-choice-title' }, c.title)] : null)))),
        h('div', { class: 'reading-choose-foot' }, shownNote, allButton, firstButton))
    : null;

  const move = (c, k) => {
    const { marked, column } = columns[c];
    if (!marked.length || column.hidden) return false;
    const el = marked[Math.max(0, Math.min(marked.length - 1, k))];
    for (const m of marked) m.setAttribute('tabindex', m === el ? '0' : '-1');
    el.focus();
    return true;
  };
  columns.forEach(({ column, marked }, c) => {
    column.addEventListener('keydown', (event) => {
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
    });
  });

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
    chooser,
    emptyNote,
    h('div', { class: 'reading-columns' }, columns.map((c) => c.column)),
    detail,
  ];
}

function countsLine(marked) {
  const n = { corroborated: 0, single: 0, conflict: 0 };
  for (const m of marked) n[m.dataset.status]++;
  return `${n.corroborated} corroborated, ${n.conflict} conflicting, ${n.single} single-source sentences`;
}
