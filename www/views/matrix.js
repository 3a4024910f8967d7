//# allFunctionsCalledOnLoad
// (V8's compile hint: see render.js.)
// The fact matrix: one row per fact, one column per source; each cell says (icon and words)
// whether the source reports the fact, words it differently, conflicts, or does not report it.
// After the facts, a row per conflict that belongs to no fact ("Title of Donald Trump": one source
// calls him U.S. president, another Ukraine's): its cells show the value each source gives.
// Sortable by how many sources tell a fact, by report order, or by a source (the facts it tells
// first); filterable by text and by status. A cell is a button: clicking it (or Enter/Space)
// shows that source's sentence with the clause highlighted. Arrow keys move between cells (one
// tab stop for the whole table).
import { fill, h, items, later, plural, srOnly } from '../dom.js';
import { CELL, ROW, cellText, matrixModel, toldBy } from './model.js';

/** Cells drawn at first (at most 300 rows, at least 5); "Show more" draws as many rows again. */
const FIRST_CELLS = 6000;

export function renderMatrix(report, ctx) {
  const sources = (report.sources || []).map((s) => s.id);
  // The rows (views/model.js) are made in a step of their own, after the headings: for 20,000
  // facts the model and its sorting take tens of milliseconds. After the facts' rows come those
  // of conflicts that belong to no fact (`kind: 'conflict'`).
  let rows = [];
  let factRows = 0;
  let conflictRows = 0;
  const omitted = new Set((report.omissions || []).map((o) => `${o.fact}\u0000${o.source}`));
  const flagged = new Set((report.different_event || []).map((d) => d.source));

  const firstRows = Math.min(300, Math.max(5, Math.floor(FIRST_CELLS / Math.max(1, sources.length))));
  const state = { sort: 'told', text: '', status: 'all', rows: firstRows, focus: [0, 0] };

  const filterInput = h('input', { type: 'search', id: 'matrix-filter', class: 'matrix-filter', autocomplete: 'off', spellcheck: 'false' });
  const statusSelect = h(
    'select',
    { id: 'matrix-status' },
    h('option', { value: 'all' }, 'All facts'),
    Object.entries(ROW).map(([value, label]) => h('option', { value }, `Only ${label}`)),
  );
  const shown = h('p', { class: 'matrix-shown muted', role: 'status', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'link-button matrix-more', hidden: true });
  const detail = h('div', { class: 'matrix-detail', id: 'matrix-detail', 'aria-live': 'polite', tabindex: '-1' },
    h('p', { class: 'muted' }, 'Choose a cell to see the sentence behind it.'));

  // Column headings: sort buttons, aria-sort on the active one.
  const sortHeads = new Map();
  const sortButton = (key, label, extra) => {
    const th = h('th', { scope: 'col', class: `sortable ${extra || ''}` });
    const button = h('button', { type: 'button', class: 'sort', 'data-sort': key }, label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }));
    button.addEventListener('click', () => {
      state.sort = state.sort === key && key !== 'told' ? 'told' : key;
      draw();
      button.focus();
    });
    th.append(button);
    sortHeads.set(key, th);
    return th;
  };
  const thead = h(
    'thead',
    {},
    h(
      'tr',
      {},
      sortButton('order', [h('span', {}, 'Fact'), srOnly(' (sort in report order)')], 'fact-col'),
      sortButton('told', [h('span', {}, 'Sources'), srOnly(' (sort by how many sources tell it)')], 'told-col'),
      sources.map((id, j) =>
        sortButton(
          `source:${j}`,
          [ctx.tag(id), flagged.has(id) ? [h('span', { class: 'flag-mark', 'aria-hidden': 'true', title: 'Possibly a different event' }, ' ⚠'), srOnly(', possibly a different event')] : null,
            srOnly(` (sort: facts ${id} reports first)`)],
          'source-col',
        )),
    ),
  );
  const tbody = h('tbody', {});
  const table = h('table', { class: 'matrix', 'aria-labelledby': 'matrix-heading', 'aria-describedby': 'matrix-keys' }, thead, tbody);
  const scroller = h('div', { class: 'table-scroll matrix-scroll' }, table);

  /** Whether a row's summary, evidence or (for a conflict row) subject and values hold `needle`. */
  const matches = (r, needle) =>
    r.summary.toLowerCase().includes(needle) ||
    r.evidence.some((e) => String(e.text).toLowerCase().includes(needle)) ||
    (r.conflict && [r.conflict.subject, ...(r.conflict.values || []).map((v) => v.value)].some((t) => String(t || '').toLowerCase().includes(needle)));

  /** The rows to show, filtered and sorted. */
  const visible = () => {
    const needle = state.text.trim().toLowerCase();
    let list = rows.filter((r) => (state.status === 'all' || r.status === state.status) && (!needle || matches(r, needle)));
    const byTold = (a, b) => toldBy(b) - toldBy(a) || a.index - b.index;
    if (state.sort === 'order') list = list.slice().sort((a, b) => a.index - b.index);
    else if (state.sort.startsWith('source:')) {
      const j = Number(state.sort.slice(7));
      const RANK = { conflict: 0, differs: 1, reported: 2, absent: 3 };
      const source = sources[j];
      const rank = (r) => RANK[r.stateOf(source)];
      list = list.slice().sort((a, b) => rank(a) - rank(b) || byTold(a, b));
    } else list = list.slice().sort(byTold);
    return list;
  };

  function cellButton(row, cell, i, j) {
    const info = CELL[cell.state];
    const label = `${cell.source}: ${cellText(cell)}`;
    // A conflict row's cell shows the value its source gives (a fact row's, only the icon).
    const value = row.kind === 'conflict' && cell.values.length ? [...new Set(cell.values.map((v) => v.value.value))].join('; ') : null;
    const b = h(
      'button',
      {
        type: 'button',
        class: `cell cell-${cell.state}${value ? ' cell-with-value' : ''}`,
        tabindex: '-1',
        'data-row': i,
        'data-col': j,
        'data-fact': row.fact ? row.fact.id : undefined,
        'data-conflict': row.conflict ? row.conflictIndex : undefined,
        'data-source': cell.source,
        'aria-label': label,
      },
      // The accessible name is the aria-label; one text node keeps big matrices light.
      value ? [info.icon, h('span', { class: 'cell-value', 'aria-hidden': 'true' }, value)] : info.icon,
    );
    b.title = label;
    b.addEventListener('click', () => {
      state.focus = [i, j];
      roving();
      showCell(row, cell);
    });
    return b;
  }

  function draw() {
    const list = visible();
    const drawn = list.slice(0, state.rows);
    tbody.replaceChildren();
    // Rows drawn in steps when the report is (dom.js items): a few hundred rows of cells took
    // ~40 ms; roving() gives the first cell its tab stop once it is there.
    items(
      tbody,
      drawn,
      (row, i) =>
        h(
          'tr',
          {
            class: `matrix-row row-${row.status} row-kind-${row.kind}`,
            'data-fact': row.fact ? row.fact.id : undefined,
            'data-conflict': row.conflict ? row.conflictIndex : undefined,
          },
          h('th', { scope: 'row', class: 'fact-col' }, h('span', { class: 'matrix-summary', title: row.summary }, row.summary)),
          h('td', { class: 'told-col' }, h('span', { class: 'told' }, `${toldBy(row)}/${sources.length}`),
            row.status === 'conflicting' ? [' ', h('span', { class: 'badge badge-conflict' }, '✗ conflict')] : null),
          row.cells.map((cell, j) => h('td', { class: 'cell-td' }, cellButton(row, cell, i, j))),
        ),
      { first: drawn.length, drawn: () => roving() },
    );
    if (!drawn.length) tbody.append(h('tr', {}, h('td', { colspan: String(sources.length + 2), class: 'empty' }, 'No fact matches the filter.')));
    shown.textContent = conflictRows
      ? `Showing ${drawn.length} of ${plural(rows.length, 'row')}: ${plural(factRows, 'fact')} and ${plural(conflictRows, 'conflict')} outside any fact` +
        (list.length !== rows.length ? ` (${list.length} match the filter)` : '') + '.'
      : `Showing ${drawn.length} of ${plural(rows.length, 'fact')}` + (list.length !== rows.length ? ` (${list.length} match the filter)` : '') + '.';
    more.hidden = drawn.length === list.length;
    // (As many rows again, not all: 20,000 facts × 1,000 sources would be 20 million cells.)
    const next = Math.min(firstRows, list.length - drawn.length);
    const noun = conflictRows ? 'rows' : 'facts';
    more.textContent = next === list.length - drawn.length ? `Show all ${list.length} ${noun}` : `Show ${next} more ${noun} (of ${list.length})`;
    for (const [key, th] of sortHeads) {
      if (key === state.sort) th.setAttribute('aria-sort', key === 'order' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    state.focus = [Math.min(state.focus[0], Math.max(0, drawn.length - 1)), state.focus[1]];
    roving();
  }

  const cellAt = (i, j) => tbody.querySelector(`button.cell[data-row="${i}"][data-col="${j}"]`);
  function roving() {
    for (const b of tbody.querySelectorAll('button.cell[tabindex="0"]')) b.setAttribute('tabindex', '-1');
    const b = cellAt(...state.focus);
    if (b) b.setAttribute('tabindex', '0');
    return b;
  }

  tbody.addEventListener('keydown', (event) => {
    const b = event.target.closest && event.target.closest('button.cell');
    if (!b) return;
    const count = tbody.querySelectorAll('tr.matrix-row').length;
    let [i, j] = [Number(b.dataset.row), Number(b.dataset.col)];
    switch (event.key) {
      case 'ArrowDown': i = Math.min(count - 1, i + 1); break;
      case 'ArrowUp': i = Math.max(0, i - 1); break;
      case 'ArrowRight': j = Math.min(sources.length - 1, j + 1); break;
      case 'ArrowLeft': j = Math.max(0, j - 1); break;
      case 'Home': j = 0; if (event.ctrlKey) i = 0; break;
      case 'End': j = sources.length - 1; if (event.ctrlKey) i = count - 1; break;
      case 'PageDown': i = Math.min(count - 1, i + 10); break;
      case 'PageUp': i = Math.max(0, i - 10); break;
      default: return;
    }
    event.preventDefault();
    state.focus = [i, j];
    roving()?.focus();
  });

  function showCell(row, cell) {
    const info = CELL[cell.state];
    const values = cell.values.map(({ conflict, value }) =>
      h('li', {}, h('span', { class: `badge badge-${conflict.severity}` }, conflict.severity === 'conflict' ? '✗ Conflict' : '≈ Worded differently'), ' ',
        row.kind === 'fact' ? `${conflict.subject}: ` : `${cell.source} says `, h('strong', {}, value.value), '; ',
        h('span', { class: 'muted' }, 'others say '),
        conflict.values.filter((v) => v !== value).map((v, k) => [k ? '; ' : '', h('strong', {}, v.value), ' (', ctx.tags(v.sources), ')'])),
    );
    const conflictLink = row.conflict && ctx.conflictHref ? ctx.conflictHref(row.conflict) : null;
    const absent = row.kind === 'fact'
      ? [`${cell.source} does not report this fact.`,
          omitted.has(`${row.fact.id}\u0000${cell.source}`) ? ' Most other sources do: it is listed under Omissions.' : '']
      : [row.conflict.kind === 'role' ? `${cell.source} gives none of these titles.` : `${cell.source} gives none of these values.`];
    fill(detail,
      h('p', { class: 'detail-head' }, ctx.tag(cell.source), ' ', h('span', { class: `badge state-${cell.state}` }, `${info.icon} ${info.label}`)),
      h('p', { class: 'fact-summary' }, row.summary),
      row.kind === 'conflict' && cell.state === 'absent'
        ? h('ul', { class: 'detail-values' }, (row.conflict.values || []).map((v) => h('li', {}, h('strong', {}, v.value), ' (', ctx.tags(v.sources), ')')))
        : null,
      values.length ? h('ul', { class: 'detail-values' }, values) : null,
      cell.evidence.length
        ? ctx.evidenceList(cell.evidence, { untagged: cell.source, links: true })
        : h('p', { class: 'detail-absent' }, absent),
      cell.state === 'absent' && row.kind === 'fact' && toldBy(row)
        ? h('p', { class: 'muted' }, 'Told by ', ctx.tags(row.cells.filter((c) => c.state !== 'absent').map((c) => c.source)))
        : null,
      conflictLink ? h('p', {}, h('a', { href: conflictLink }, 'See this conflict under Conflicts')) : null,
    );
  }

  filterInput.addEventListener('input', () => {
    state.text = filterInput.value;
    draw();
  });
  statusSelect.addEventListener('change', () => {
    state.status = statusSelect.value;
    draw();
  });
  more.addEventListener('click', () => {
    state.rows += firstRows;
    draw();
  });
  // Said once the rows are made (when there are conflicts outside any fact).
  const conflictHint = h('span', { class: 'matrix-conflict-hint' });
  later(() => {
    rows = matrixModel(report).rows;
    factRows = rows.filter((r) => r.kind === 'fact').length;
    conflictRows = rows.length - factRows;
    if (conflictRows) conflictHint.textContent = 'After the facts come conflicts that belong to no fact, such as a person’s title, each cell with the value its source gives. ';
    draw();
  });

  return [
    h('p', { class: 'hint', id: 'matrix-keys' },
      'Each row is a fact, each column a source. ',
      conflictHint,
      'Choose a cell to see the sentence; arrow keys move between cells, column headings sort.'),
    h('ul', { class: 'legend', 'aria-label': 'Legend' },
      Object.values(CELL).map((c, k) => h('li', {}, h('span', { class: `legend-icon cell-${Object.keys(CELL)[k]}`, 'aria-hidden': 'true' }, c.icon), ' ', c.label))),
    h('div', { class: 'matrix-controls' },
      h('div', { class: 'field' }, h('label', { for: 'matrix-filter' }, 'Filter facts by text'), filterInput),
      h('div', { class: 'field' }, h('label', { for: 'matrix-status' }, 'Status'), statusSelect)),
    shown,
    scroller,
    more,
    detail,
  ];
}
