//# allFunctionsCalledOnLoad
// (V8's compile hint: see render.js.)
// The reading view: the articles side by side (stacked on a narrow screen), each sentence the
// report says something about highlighted by status, with an icon and words too (not colour
// alone). Hovering or focusing a sentence shows, below, what the report says about it and which
// other sources say the same, with links to their sentences. Keyboard: Tab reaches each article
// once; ↑/↓ move between its highlighted sentences, ←/→ to the next/previous article, Home/End to
// the first/last.
// With many articles the reader chooses which ones are side by side (check boxes above them; at
// first the first DEFAULT_SHOWN); the choice is kept in ctx.view.reading (source ids), which the
// page keeps for the session. A link to a sentence of an article not shown adds that article.
// An article is drawn when it is first shown (1,000 articles are megabytes of text): during the
// drawing of the report as steps of it, later in slices a frame apart ("Show all").
import { fill, h, items, srOnly, stepwise } from '../dom.js';
import { sentenceIndex } from './model.js';

export const READING_STATUS = {
  corroborated: { label: 'corroborated', icon: '✓' },
  single: { label: 'single-source', icon: '①' },
  conflict: { label: 'conflicting', icon: '✗' },
};

// Hover shows a sentence unless the pointer is where it was when a sentence was focused: a jump
// to a sentence ("in context") scrolls the page under a still pointer, and the browser's hover
// update after the scroll (seen under load in the page tests) would otherwise replace the focused
// sentence's detail with whatever sentence came to lie under the pointer. Screen coordinates:
// they do not change when the page scrolls.
// (A pointer event's coordinates are fractional, a mouse event's whole: within a pixel is the same
// place.)
let pointer = null;
let pointerAtFocus = null;
if (typeof document !== 'undefined') {
  document.addEventListener('pointermove', (e) => { pointer = [e.screenX, e.screenY]; }, { passive: true });
}
const stillAtFocus = (e) => pointerAtFocus !== null && Math.abs(e.screenX - pointerAtFocus[0]) < 1 && Math.abs(e.screenY - pointerAtFocus[1]) < 1;

/** How many articles are side by side before the reader chooses (three fit the page's width). */
export const DEFAULT_SHOWN = 3;

/** The id of a sentence's element in the reading view. */
export const sentenceElementId = (sourceIndex, sentence) => `read-${sourceIndex}-${sentence}`;

/** Articles a click draws at once; past these, the others are drawn in slices (see stepwise). */
const DRAW_AT_ONCE = 20;

export function renderReading(report, ctx) {
  const index = ctx.reading ? ctx.reading() : sentenceIndex(report);
  const detail = h('div', { class: 'reading-detail', id: 'reading-detail', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, 'Point at or focus a highlighted sentence to see which other sources say the same.'));
  const columns = []; // by position in withText: {id, title, column, marked} once drawn
  const withText = (report.sources || []).map((source, i) => [source, i]).filter(([source]) => typeof ctx.text(source.id) === 'string');
  if (!withText.length) return null;
  const column = ([source, i], c) => {
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
        el.addEventListener('focus', () => {
          pointerAtFocus = pointer;
          show();
        });
        el.addEventListener('mouseenter', (e) => {
          // (The event's own position: on a real move it comes before the pointermove.)
          if (!stillAtFocus(e)) show();
        });
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
    column.addEventListener('keydown', (event) => keys(event, c));
    return { id: source.id, column, marked };
  };
  const ids = withText.map(([source]) => source.id);
  const position = new Map(ids.map((id, c) => [id, c]));
  const columnsEl = h('div', { class: 'reading-columns' });
  /** The column of withText[c], drawn (in its place among those drawn) if it is not yet. */
  const draw = (c) => {
    if (columns[c]) return columns[c];
    const col = column(withText[c], c);
    columns[c] = col;
    let next = null;
    for (let d = c + 1; d < columns.length && !next; d++) if (columns[d]) next = columns[d].column;
    columnsEl.insertBefore(col.column, next);
    return col;
  };

  // Which articles are shown: the remembered choice (ids of this report only), else the first few.
  const view = ctx.view || {};
  const remembered = Array.isArray(view.reading) ? ids.filter((id) => view.reading.includes(id)) : [];
  const shownIds = new Set(remembered.length ? remembered : ids.slice(0, DEFAULT_SHOWN));
  const shownNote = h('p', { class: 'reading-shown muted', 'aria-live': 'polite' });
  const inputs = []; // by position in withText, once its check box is drawn
  const choice = ([source], c) => {
    const input = h('input', { type: 'checkbox', value: source.id });
    input.checked = shownIds.has(source.id);
    input.addEventListener('change', () => {
      if (input.checked) shownIds.add(source.id);
      else shownIds.delete(source.id);
      update(true);
    });
    inputs[c] = input;
    return h('li', {}, h('label', {}, input, ' ', ctx.tag(source.id), source.title ? [' ', h('span', { class: 'reading-choice-title' }, source.title)] : null));
  };
  const allButton = h('button', { type: 'button', class: 'link-button' }, 'Show all');
  const firstButton = h('button', { type: 'button', class: 'link-button' }, `Only the first ${DEFAULT_SHOWN}`);
  allButton.addEventListener('click', () => {
    for (const id of ids) shownIds.add(id);
    update(true);
  });
  firstButton.addEventListener('click', () => {
    shownIds.clear();
    for (const id of ids.slice(0, DEFAULT_SHOWN)) shownIds.add(id);
    update(true);
  });
  const emptyNote = h('p', { class: 'empty reading-none' }, 'No article is chosen: tick one above to read it here.');

  /**
   * Draws the shown articles not drawn yet, in order: the first DRAW_AT_ONCE now (or, while the
   * report is being drawn, as its next step), the others in slices (stepwise).
   */
  function drawShown() {
    const missing = [];
    for (let c = 0; c < ids.length; c++) if (!columns[c] && shownIds.has(ids[c])) missing.push(c);
    if (!missing.length) return;
    let at = 0;
    const step = (deadline = Infinity) => {
      const min = Math.min(missing.length, DRAW_AT_ONCE);
      do {
        const c = missing[at++];
        if (shownIds.has(ids[c])) draw(c).column.hidden = false; // (unless unticked meanwhile)
      } while (at < missing.length && (at < min || performance.now() < deadline));
      return at < missing.length;
    };
    stepwise(step);
  }

  /** Shows the chosen columns; `remember`: keep the choice (the reader made it). */
  function update(remember) {
    for (let c = 0; c < ids.length; c++) {
      const shown = shownIds.has(ids[c]);
      if (inputs[c]) inputs[c].checked = shown;
      if (columns[c]) columns[c].column.hidden = !shown;
    }
    drawShown();
    const n = shownIds.size;
    shownNote.textContent = n === ids.length
      ? `All ${ids.length} articles shown.`
      : `${n} of ${ids.length} articles shown${n && n <= 8 ? `: ${ids.filter((id) => shownIds.has(id)).join(', ')}` : ''}.`;
    emptyNote.hidden = n > 0;
    allButton.hidden = n === ids.length;
    const first = ids.slice(0, DEFAULT_SHOWN);
    firstButton.hidden = ids.length <= DEFAULT_SHOWN || (n === first.length && first.every((id) => shownIds.has(id)));
    if (remember) {
      view.reading = ids.filter((id) => shownIds.has(id));
      ctx.viewChanged?.();
    }
  }
  update(false);
  // Links to a sentence ("in context") bring its article into view, drawn at once.
  ctx.showInReading = (id) => {
    const c = position.get(id);
    if (c === undefined) return;
    if (!shownIds.has(id)) {
      shownIds.add(id);
      update(true);
    }
    draw(c).column.hidden = false;
  };
  const chooser = ids.length > 1
    // A div with role="group" rather than a <fieldset>: in Chromium a fieldset here stopped the
    // sentence explanation below from sticking to the bottom of a phone's screen.
    ? h('div', { class: 'reading-choose', role: 'group', 'aria-labelledby': 'reading-choose-label' },
        h('p', { class: 'reading-choose-label', id: 'reading-choose-label' }, 'Articles side by side'),
        items(h('ul', { class: `reading-choices${ids.length > 12 ? ' many' : ''}` }), withText, choice, { noun: 'articles to choose from' }),
        h('div', { class: 'reading-choose-foot' }, shownNote, allButton, firstButton))
    : null;

  const move = (c, k) => {
    if (!columns[c]) return false; // not drawn: not shown
    const { marked, column } = columns[c];
    if (!marked.length || column.hidden) return false;
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
          const cur = columns[d] ? columns[d].marked.findIndex((m) => m.getAttribute('tabindex') === '0') : 0;
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
    chooser,
    emptyNote,
    columnsEl,
    detail,
  ];
}

function countsLine(marked) {
  const n = { corroborated: 0, single: 0, conflict: 0 };
  for (const m of marked) n[m.dataset.status]++;
  return `${n.corroborated} corroborated, ${n.conflict} conflicting, ${n.single} single-source sentences`;
}
