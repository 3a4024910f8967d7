// The results views of the served page, checked against the engine's own report of the example
// articles: evidence in its sentence, fact matrix (+ CSV; with a row for the title conflict that
// belongs to no fact), overview, reading view (and the choice of articles side by side),
// entities, numbers, text reuse, word diffs, progress/cancel, axe-core (system light and dark,
// and each theme chosen with the switch), and pictures of each view (test-results/, light, and
// 375 px dark).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { numberLabel } from '../../www/views/model.js';
import {
  DIST_URL,
  EXAMPLE_ARTICLES,
  ROOT,
  compareAndWait,
  counts,
  exampleInput,
  fileOnly,
  expectedReport,
  screenshotPath,
  servedSuite,
  shownCounts,
  squash,
  withPage,
} from './helpers.mjs';

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
/** The views that get their own axe run and picture. */
const VIEW_IDS = ['overview', 'different-event', 'conflicts', 'matrix', 'reading', 'facts', 'details', 'omissions', 'entities', 'numbers', 'quotes', 'dates', 'tone', 'text-reuse'];

const suite = servedSuite();
const { open } = suite;
const input = exampleInput(EXAMPLE_ARTICLES);
let report;
const textOf = new Map(input.map((a) => [a.id, a.text]));

before(async () => {
  report = await expectedReport(input);
});

async function compareExample(page) {
  await page.goto(suite.url);
  await page.getByRole('button', { name: 'Load example' }).click();
  await compareAndWait(page);
}

/** The whole sentence that holds evidence `e`, sliced from the article by sentence_spans. */
function sentenceOf(e) {
  const text = textOf.get(e.source);
  const spans = report.sources.find((s) => s.id === e.source).sentence_spans;
  const span = spans[e.sentence];
  assert.ok(span[0] <= e.start && e.end <= span[1], `evidence ${e.source}:${e.start} lies in its sentence`);
  return text.slice(span[0], span[1]);
}

/** What a matrix cell of fact `f` should say (its state only), from the report alone. */
function expectedCell(f, id) {
  const cs = report.conflicts.filter((c) => c.fact === f.id && c.values.some((v) => v.sources.includes(id)));
  if (cs.some((c) => c.severity === 'conflict')) return 'conflicting';
  if (cs.length) return 'worded differently';
  return f.sources.includes(id) ? 'reported' : 'not reported';
}
const toldBy = (f) => report.sources.filter((s) => expectedCell(f, s.id) !== 'not reported').length;

/**
 * The rows the fact matrix (and its CSV) should have, from the report alone, in report order: a
 * row per fact, then one per conflict that belongs to no fact. Each: {key (the fact id, or "c" and
 * the conflict's index), fact?, conflict?, summary, index, cells (as the cell labels and the CSV
 * say them: the state, then the values the source gives), told, status}.
 */
function expectedRows(rep = report) {
  const ids = rep.sources.map((s) => s.id);
  const factIds = new Set(rep.facts.map((f) => f.id));
  const valueText = (c, v) => (c.kind === 'number' && numberLabel(v.value) ? `${v.value} (${numberLabel(v.value)})` : v.value);
  const cell = (conflicts, id, otherwise) => {
    const given = conflicts.flatMap((c) => c.values.filter((v) => v.sources.includes(id)).map((v) => ({ c, v })));
    const state = given.some((g) => g.c.severity === 'conflict') ? 'conflicting' : given.length ? 'worded differently' : otherwise;
    const values = [...new Set(given.map((g) => valueText(g.c, g.v)))];
    return values.length ? `${state}: ${values.join('; ')}` : state;
  };
  const rows = rep.facts.map((f, index) => ({
    key: f.id,
    fact: f,
    summary: f.summary,
    index,
    cells: ids.map((id) => cell(rep.conflicts.filter((c) => c.fact === f.id), id, f.sources.includes(id) ? 'reported' : 'not reported')),
  }));
  rep.conflicts.forEach((c, k) => {
    if (c.fact && factIds.has(c.fact)) return;
    const who = c.subject.split(':')[0].trim();
    const summary = c.kind === 'role' ? `Title of ${who}` : c.kind === 'quote' ? `Wording of a quote by ${c.subject}` : null;
    rows.push({ key: `c${k}`, conflict: c, summary, index: rows.length, cells: ids.map((id) => cell([c], id, 'not reported')) });
  });
  for (const r of rows) {
    r.told = r.cells.filter((x) => x !== 'not reported').length;
    const corroborated = r.fact ? r.fact.corroboration >= 2 : r.told >= 2;
    r.status = r.cells.some((x) => x.startsWith('conflicting')) ? 'conflicting' : corroborated ? 'corroborated' : 'single-source';
  }
  return rows;
}
/** The key of each matrix row shown (as expectedRows names them). */
const rowKeys = (rows) => rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.fact ?? `c${tr.dataset.conflict}`));
/** Rows sorted as the matrix first shows them: most sources first, ties in report order. */
const byTold = (rows) => rows.slice().sort((a, b) => b.told - a.told || a.index - b.index);

/** Text of elements without the icons and screen-reader-only words. */
const plainText = (locator) =>
  locator.evaluateAll((els) =>
    els.map((el) => {
      const c = el.cloneNode(true);
      for (const x of c.querySelectorAll('.st-icon, .visually-hidden, .icon')) x.remove();
      return c.textContent;
    }));

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF), for reading the export back. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      field += ch; i++; continue;
    }
    if (ch === '"' && field === '') { quoted = true; i++; continue; }
    if (ch === ',') { row.push(field); field = ''; i++; continue; }
    if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    assert.notEqual(ch, '\n', 'a bare LF outside quotes: lines must end with CRLF');
    field += ch; i++;
  }
  assert.equal(field, '', 'the last line ends with CRLF');
  assert.equal(row.length, 0);
  return rows;
}

async function runAxe(page, include) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // Through the DevTools protocol: the page's CSP (script-src 'self') would refuse an inline
    // <script> (page.addScriptTag), and this fetches nothing.
    await page.evaluate(`${AXE_SOURCE}\n;window.axe = axe; true`);
  }
  const result = await page.evaluate(
    async (include) => {
      const r = await window.axe.run(include ? { include: [include] } : document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
    },
    include,
  );
  return result;
}
const serious = (violations) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

describe('results views', () => {
  test('evidence: the whole sentence, the clause highlighted, linked to the reading view', async () => {
    await open(async ({ page }) => {
      await compareExample(page);
      let partial = 0;
      for (const f of report.facts.filter((f) => f.corroboration >= 2)) {
        const items = page.locator(`[id="fact-${f.id}"] .evidence`);
        assert.equal(await items.count(), f.evidence.length, `evidence items of ${f.id}`);
        for (const [k, e] of f.evidence.entries()) {
          const item = items.nth(k);
          const sentence = sentenceOf(e);
          const shown = await item.evaluate((li) => (li.querySelector('.evidence-sentence') || li.querySelector('.evidence-text')).textContent);
          assert.equal(shown, sentence, `${f.id} evidence ${k}: the whole sentence`);
          assert.equal(await item.locator('.evidence-text').textContent(), e.text, 'the clause itself');
          if (sentence !== e.text) {
            partial++;
            assert.equal(await item.locator('mark.evidence-text').count(), 1, 'a clause inside a longer sentence is marked');
          }
          assert.equal(await item.locator('a.goto').getAttribute('href'), `#read-${report.sources.findIndex((s) => s.id === e.source)}-${e.sentence}`);
        }
      }
      assert.ok(partial > 0, 'the example has clauses inside longer sentences');
      // Conflict values too.
      for (const c of report.conflicts) {
        for (const v of c.values) for (const e of v.evidence) {
          const found = await page.locator('#conflicts .evidence').evaluateAll(
            (els, want) => els.some((li) => (li.querySelector('.evidence-sentence') || li.querySelector('.evidence-text')).textContent === want), sentenceOf(e));
          assert.ok(found, `conflict evidence shown in its sentence: ${e.text.slice(0, 40)}`);
        }
      }
      // "in context" jumps to (and focuses) the sentence in the reading view, which then says more.
      const f = report.facts.find((x) => x.corroboration >= 3);
      await page.locator(`[id="fact-${f.id}"] .evidence a.goto`).first().click();
      const focused = await page.evaluate(() => document.activeElement.id);
      const e0 = f.evidence[0];
      assert.equal(focused, `read-${report.sources.findIndex((s) => s.id === e0.source)}-${e0.sentence}`);
      assert.ok((await page.locator('#reading-detail').textContent()).includes(f.summary));
    });
  });

  test('fact matrix: rows, cells, sentence on click and Enter, sorting, filters, keyboard', async () => {
    await open(async ({ page }) => {
      await compareExample(page);
      const ids = report.sources.map((s) => s.id);
      const matrix = page.locator('#matrix table.matrix');
      const expected = expectedRows();
      const factless = expected.filter((r) => r.conflict);
      assert.ok(factless.length > 0, 'the example has a conflict that belongs to no fact');
      assert.ok(expected.length <= 300, 'the example fits the first page of rows');
      const rows = matrix.locator('tbody tr');
      assert.equal(await rows.count(), expected.length, 'a row per fact and per conflict outside any fact');
      assert.deepEqual(await matrix.locator('thead th.source-col .source-tag').allTextContents(), ids, 'a column per source');
      assert.equal(await matrix.locator('tbody tr').first().locator('button.cell').count(), ids.length);
      // A source flagged as maybe another event says so in its column heading (icon and words).
      const heads = await matrix.locator('thead th.source-col').allTextContents();
      for (const [j, id] of ids.entries()) {
        assert.equal(heads[j].includes('possibly a different event'), report.different_event.some((d) => d.source === id), `heading of ${id}`);
      }
      assert.equal(
        await page.locator('#matrix .matrix-shown').textContent(),
        `Showing ${expected.length} of ${expected.length} rows: ${report.facts.length} facts and ${factless.length} conflict${factless.length === 1 ? '' : 's'} outside any fact.`,
      );

      // Default order: most sources first (ties in report order); every cell as the report says.
      const order = byTold(expected).map((r) => r.key);
      assert.deepEqual(await rowKeys(rows), order, 'sorted by corroboration');
      const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('button.cell')].map((b) => b.getAttribute('aria-label'))));
      const byKey = new Map(expected.map((r) => [r.key, r]));
      for (const [r, key] of order.entries()) {
        assert.deepEqual(cells[r], ids.map((s, j) => `${s}: ${byKey.get(key).cells[j]}`), `cells of ${key}`);
      }
      const byId = new Map(report.facts.map((f) => [f.id, f]));
      // Cells carry an icon, not just a colour.
      const icons = await matrix.locator('button.cell').evaluateAll((els) => [...new Set(els.map((e) => `${e.firstChild.textContent} ${e.getAttribute('aria-label').split(': ')[1]}`))].sort());
      assert.ok(icons.length >= 3, 'the states shown in the example');
      assert.equal(new Set(icons.map((i) => i.split(' ')[0])).size, icons.length, `an icon of its own per state: ${icons}`);

      // Clicking a cell shows exactly that source's sentence(s), sliced by the spans.
      const f = report.facts.find((x) => x.corroboration >= 3);
      const e = f.evidence[0];
      await matrix.locator(`tr[data-fact="${f.id}"] button.cell[data-source="${e.source}"]`).click();
      const detail = page.locator('#matrix-detail');
      assert.ok((await detail.textContent()).includes(f.summary));
      const sentences = await detail.locator('.evidence').evaluateAll((els) => els.map((li) => (li.querySelector('.evidence-sentence') || li.querySelector('.evidence-text')).textContent));
      assert.deepEqual(sentences, f.evidence.filter((x) => x.source === e.source).map(sentenceOf));
      // A source that does not report it says so.
      const absent = ids.find((s) => expectedCell(f, s) === 'not reported');
      if (absent) {
        await matrix.locator(`tr[data-fact="${f.id}"] button.cell[data-source="${absent}"]`).click();
        assert.ok((await detail.textContent()).includes(`${absent} does not report this fact.`));
      }

      // Keyboard: one tab stop, arrows move, Enter shows.
      assert.equal(await matrix.locator('button.cell[tabindex="0"]').count(), 1);
      await matrix.locator('tbody tr').first().locator('button.cell').first().focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      const where = await page.evaluate(() => ({ fact: document.activeElement.dataset.fact, source: document.activeElement.dataset.source }));
      assert.deepEqual(where, { fact: order[1], source: ids[1] });
      await page.keyboard.press('Enter');
      const second = byId.get(order[1]);
      assert.ok(second, 'the second row is a fact');
      assert.ok((await detail.textContent()).includes(second.summary), 'Enter shows the cell');
      const ev = second.evidence.filter((x) => x.source === ids[1]);
      if (ev.length) assert.ok((await detail.textContent()).includes(sentenceOf(ev[0])));
      assert.equal(await matrix.locator('button.cell[tabindex="0"]').count(), 1);

      // Sort by a source: the facts it tells come first.
      const j = 2;
      await matrix.locator('thead th.source-col button.sort').nth(j).click();
      assert.equal(await matrix.locator('thead th.source-col').nth(j).getAttribute('aria-sort'), 'descending');
      const states = await rows.evaluateAll((trs, j) => trs.map((tr) => tr.querySelectorAll('button.cell')[j].getAttribute('aria-label').split(': ')[1]), j);
      const told = expected.filter((r) => r.cells[j] !== 'not reported').length;
      assert.ok(told > 0);
      assert.ok(states.slice(0, told).every((s) => s !== 'not reported') && states.slice(told).every((s) => s === 'not reported'), `facts ${ids[j]} tells first`);
      // Report order: the facts, then the conflicts outside any fact.
      await matrix.locator('thead th.fact-col button.sort').click();
      assert.deepEqual(await rowKeys(rows), expected.map((r) => r.key));

      // Filters: by status, then by text.
      await page.getByLabel('Status').selectOption('single');
      const single = expected.filter((r) => r.status === 'single-source');
      assert.equal(await rows.count(), single.length, 'only single-source facts');
      await page.getByLabel('Status').selectOption('corroborated');
      const word = 'prisoners';
      await page.getByLabel('Filter facts by text').fill(word);
      const want = byTold(expected.filter((r) => r.status === 'corroborated' &&
        (r.summary.toLowerCase().includes(word) || r.fact.evidence.some((y) => y.text.toLowerCase().includes(word)))));
      assert.ok(want.length > 0);
      assert.deepEqual(await rowKeys(rows), want.map((r) => r.key));
      await page.getByLabel('Filter facts by text').fill('no fact says this: zqxj');
      assert.equal(await page.locator('#matrix tbody .empty').textContent(), 'No fact matches the filter.');
      await page.getByLabel('Filter facts by text').fill('');
      await page.getByLabel('Status').selectOption('all');
      assert.equal(await rows.count(), expected.length);

      // A hard conflict tied to a fact (the example has only "worded differently" ones): its
      // sources' cells say "conflicting", the row is flagged, and the status filter finds it.
      const c = report.conflicts.find((x) => x.fact);
      const hard = { ...report, conflicts: report.conflicts.map((x) => (x === c ? { ...x, severity: 'conflict' } : x)) };
      const got = await page.evaluate(async ({ hard, input, fact }) => {
        const { renderReport } = await import('./render.js');
        const el = document.getElementById('report');
        el.replaceChildren(renderReport(hard, { articles: input }));
        const row = el.querySelector(`#matrix tr[data-fact="${fact}"]`);
        const select = el.querySelector('#matrix-status');
        select.value = 'conflicting';
        select.dispatchEvent(new Event('change'));
        return {
          cells: [...row.querySelectorAll('button.cell')].map((b) => b.getAttribute('aria-label')),
          badge: row.querySelector('.badge-conflict')?.textContent,
          filtered: [...el.querySelectorAll('#matrix tbody tr')].map((tr) => tr.dataset.fact ?? `c${tr.dataset.conflict}`),
        };
      }, { hard, input, fact: c.fact });
      const hardRows = expectedRows(hard);
      const hf = hardRows.find((r) => r.key === c.fact);
      const inConflict = new Set(c.values.flatMap((v) => v.sources));
      assert.deepEqual(got.cells, ids.map((s, j) => `${s}: ${hf.cells[j]}`));
      assert.ok(ids.every((s, j) => hf.cells[j].startsWith(inConflict.has(s) ? 'conflicting: ' : hard.facts.find((x) => x.id === c.fact).sources.includes(s) ? 'reported' : 'not reported')));
      assert.equal(got.badge, '✗ conflict');
      assert.deepEqual(got.filtered, byTold(hardRows.filter((r) => r.status === 'conflicting')).map((r) => r.key));
      assert.ok(got.filtered.includes(c.fact));
    });
  });

  test('fact matrix: a conflict that belongs to no fact (a person\'s title) is a row, each cell with its value', async () => {
    await open(async ({ page }) => {
      await compareExample(page);
      const ids = report.sources.map((s) => s.id);
      const k = report.conflicts.findIndex((c) => c.kind === 'role' && !c.fact);
      assert.ok(k >= 0, 'the example has a title conflict outside any fact');
      const c = report.conflicts[k];
      assert.equal(c.subject, 'Donald Trump: President');
      const row = page.locator(`#matrix tbody tr[data-conflict="${k}"]`);
      assert.equal(await row.count(), 1, 'its own row');
      assert.equal(await row.locator('th.fact-col').textContent(), 'Title of Donald Trump');
      const givers = new Set(c.values.flatMap((v) => v.sources));
      assert.equal(squash(await row.locator('td.told-col').textContent()), `${givers.size}/${ids.length} ✗ conflict`);
      // Each source: the title it gives (conflicting), or not reported.
      const cells = await row.locator('button.cell').evaluateAll((bs) => bs.map((b) => ({
        label: b.getAttribute('aria-label'),
        icon: b.firstChild.textContent,
        value: b.querySelector('.cell-value')?.textContent ?? null,
        conflict: b.dataset.conflict,
      })));
      assert.deepEqual(cells, ids.map((id) => {
        const v = c.values.find((x) => x.sources.includes(id));
        return v
          ? { label: `${id}: conflicting: ${v.value}`, icon: '✗', value: v.value, conflict: String(k) }
          : { label: `${id}: not reported`, icon: '·', value: null, conflict: String(k) };
      }));
      assert.ok(c.values.some((v) => v.value === 'President (Ukraine)') && c.values.some((v) => v.value === 'President (United States)'));

      // Clicking a cell: the title that source gives, what the others say, its sentence, links.
      const [one, other] = [c.values.find((v) => v.value === 'President (Ukraine)'), c.values.find((v) => v.value === 'President (United States)')];
      const source = one.sources[0];
      await row.locator(`button.cell[data-source="${source}"]`).click();
      const detail = page.locator('#matrix-detail');
      assert.equal(squash(await detail.locator('.detail-head').textContent()), `${source} ✗ conflicting`);
      assert.equal(await detail.locator('.fact-summary').textContent(), 'Title of Donald Trump');
      assert.equal(squash(await detail.locator('.detail-values li').first().textContent()),
        `✗ Conflict ${source} says President (Ukraine); others say President (United States) (${other.sources.join(' ')})`);
      const sentences = await detail.locator('.evidence').evaluateAll((els) => els.map((li) => (li.querySelector('.evidence-sentence') || li.querySelector('.evidence-text')).textContent));
      assert.deepEqual(sentences, one.evidence.filter((e) => e.source === source).map(sentenceOf));
      assert.equal(await detail.locator('a.goto').count(), one.evidence.filter((e) => e.source === source).length, 'each sentence links to the reading view');
      const toConflict = detail.getByRole('link', { name: 'See this conflict under Conflicts' });
      const href = await toConflict.getAttribute('href');
      assert.equal(await page.locator(`${href} h4`).textContent(), c.subject);
      await page.locator('#matrix-filter').fill('Trump'); // the row alone, for the picture
      await page.locator('#matrix').screenshot({ path: screenshotPath('views-matrix-title-conflict.png') });
      // A source that gives no title says so, with the titles the others give.
      const silent = ids.find((id) => !givers.has(id));
      await row.locator(`button.cell[data-source="${silent}"]`).click();
      assert.equal(await detail.locator('.detail-absent').textContent(), `${silent} gives none of these titles.`);
      assert.deepEqual((await detail.locator('.detail-values li').allTextContents()).map(squash), c.values.map((v) => `${v.value} (${v.sources.join(' ')})`));
      await page.locator('#matrix-filter').fill('');

      // The filters find it: by status, and by a value or the name.
      await page.getByLabel('Status').selectOption('conflicting');
      assert.ok((await rowKeys(page.locator('#matrix tbody tr'))).includes(`c${k}`));
      await page.getByLabel('Status').selectOption('all');
      await page.getByLabel('Filter facts by text').fill('president (ukraine)');
      assert.ok((await rowKeys(page.locator('#matrix tbody tr'))).includes(`c${k}`), 'found by a value');
      await page.getByLabel('Filter facts by text').fill('');
      // Keyboard: the arrow keys reach its cells like any other.
      await row.locator('button.cell').first().click();
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement.dataset.conflict), String(k));
      assert.equal(await page.evaluate(() => document.activeElement.dataset.source), ids[1]);
    });
  });

  test('CSV export of the matrix parses back; formula injection guarded', async () => {
    await open(async ({ page }) => {
      await compareExample(page);
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
      assert.equal(csv.suggestedFilename(), 'corroborate-fact-matrix.csv');
      const rows = parseCsv(readFileSync(await csv.path(), 'utf8'));
      const ids = report.sources.map((s) => s.id);
      assert.deepEqual(rows[0], ['fact', 'summary', 'sources', 'status', ...ids]);
      // Row for row as the matrix: the facts, then the conflicts outside any fact.
      const expected = expectedRows();
      assert.equal(rows.length, expected.length + 1);
      for (const [k, r] of expected.entries()) {
        const summary = /^[=+\-@\t\r]/.test(r.summary) ? `'${r.summary}` : r.summary;
        assert.deepEqual(rows[k + 1], [r.fact ? r.fact.id : '', summary, String(r.told), r.status, ...r.cells], `CSV row of ${r.key}`);
      }
      // The title conflict of the example: who gives which title, in words.
      const title = rows.find((r) => r[1] === 'Title of Donald Trump');
      assert.ok(title, 'the title conflict is a CSV row');
      const role = report.conflicts.find((c) => c.kind === 'role' && !c.fact);
      assert.deepEqual(title.slice(0, 4), ['', 'Title of Donald Trump', String(new Set(role.values.flatMap((v) => v.sources)).size), 'conflicting']);
      for (const [j, id] of ids.entries()) {
        const v = role.values.find((x) => x.sources.includes(id));
        assert.equal(title[4 + j], v ? `conflicting: ${v.value}` : 'not reported', `title given by ${id}`);
      }
      // The cells of the CSV are the matrix cells' labels.
      const labels = await page.locator('#matrix tbody tr').evaluateAll((trs) =>
        Object.fromEntries(trs.map((tr) => [tr.dataset.fact ?? `c${tr.dataset.conflict}`, [...tr.querySelectorAll('button.cell')].map((b) => b.getAttribute('aria-label').replace(/^[^:]*: /, ''))])));
      for (const [k, r] of expected.entries()) assert.deepEqual(rows[k + 1].slice(4), labels[r.key], `CSV and matrix agree on ${r.key}`);
      // The quoting and the guard, on hostile text.
      const out = await page.evaluate(async () => {
        const { toCsv } = await import('./csv.js');
        return toCsv([['=1+1', '+SUM(A1)', '-2', '@cmd', 'a,"b"\nc', 'plain', ' =not first', '\tTAB']]);
      });
      assert.equal(out, `'=1+1,'+SUM(A1),'-2,'@cmd,"a,""b""\nc",plain, =not first,'\tTAB\r\n`);
      assert.deepEqual(parseCsv(out), [["'=1+1", "'+SUM(A1)", "'-2", "'@cmd", 'a,"b"\nc', 'plain', ' =not first', "'\tTAB"]]);
    });
  });

  test('overview: counts, conflicts first, consensus from the most corroborated facts', async () => {
    await open(async ({ page }) => {
      await compareExample(page);
      assert.deepEqual(await shownCounts(page), counts(report));
      const overview = page.locator('#overview');
      const order = await overview.locator('h4').allTextContents();
      assert.deepEqual(order.slice(0, 3), report.conflicts.length ? ['Where the sources differ', 'What the sources agree on', 'Sources'] : ['What the sources agree on', 'Sources']);
      const listed = overview.locator('.overview-conflicts li');
      assert.equal(await listed.count(), report.conflicts.length);
      const sev = await listed.locator('.badge').allTextContents();
      const hard = report.conflicts.filter((c) => c.severity === 'conflict').length;
      assert.ok(sev.slice(0, hard).every((s) => s.includes('Conflict')) && sev.slice(hard).every((s) => s.includes('Worded differently')), 'hard conflicts first');
      for (const [k, c] of report.conflicts.filter((c) => c.severity === 'conflict').entries()) {
        assert.equal(await listed.nth(k).locator('a').textContent(), c.subject);
        assert.equal(await listed.nth(k).locator('a').getAttribute('href'), `#conflict-${k}`);
        assert.equal(await page.locator(`#conflict-${k} h4`).textContent(), c.subject);
      }
      const top = report.facts.map((f, i) => ({ f, i })).filter(({ f }) => f.corroboration >= 2)
        .sort((a, b) => b.f.corroboration - a.f.corroboration || a.i - b.i).slice(0, 5).map(({ f }) => f);
      assert.deepEqual(await overview.locator('.consensus li a').allTextContents(), top.map((f) => f.summary));
      assert.deepEqual(await overview.locator('.consensus li .badge').allTextContents(), top.map((f) => `${f.corroboration} of ${report.sources.length} sources`));
      // The views menu reaches every view.
      const menu = await page.locator('nav.views-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href').slice(1)));
      assert.deepEqual(menu, await page.locator('#report > section').evaluateAll((s) => s.map((x) => x.id)));
    });
  });

  test('reading view: articles side by side, sentences by status, what the others say, keyboard', async () => {
    await open(async ({ page }) => {
      await compareExample(page);
      const columns = page.locator('#reading .reading-article');
      // The first three are shown (the reader can choose others: tested below); an article is
      // only drawn once it is shown.
      assert.equal(await columns.count(), Math.min(3, report.sources.length));
      const boxes = await page.locator('#reading .reading-article:visible').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
      assert.equal(boxes.length, Math.min(3, report.sources.length));
      assert.ok(boxes.every((t) => t === boxes[0]), 'side by side at desktop width');
      // Keyboard: Tab from the controls above lands on the first marked sentence of the first
      // article; arrows move.
      await page.locator('#reading .reading-shown').click();
      // The pointer then leaves the page: sections still drawing below would otherwise slide a
      // sentence under it, and its hover would replace what focus shows.
      await page.mouse.move(0, 0);
      await page.keyboard.press('Tab'); // "Show all"
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Show all');
      const first = report.sources[0];
      const firstMarked = await columns.nth(0).locator('.sent.marked').evaluateAll((els) => els.map((e) => e.id));
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.id), firstMarked[0]);
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => document.activeElement.id), firstMarked[1]);
      // Focus shows what the others say: the facts of that sentence and their other sources.
      const k1 = Number(firstMarked[1].split('-')[2]);
      const facts = report.facts.filter((f) => f.evidence.some((e) => e.source === first.id && e.sentence === k1));
      const detail = page.locator('#reading-detail');
      // (The detail follows focus; wait for it rather than read it in the same tick.)
      await page.waitForFunction(
        (want) => (document.querySelector('#reading-detail .detail-head')?.textContent || '').replace(/\s+/g, ' ').trim().startsWith(want),
        `${first.id} sentence ${k1 + 1}`,
        { timeout: 5000 },
      );
      for (const f of facts) {
        assert.ok((await detail.textContent()).includes(f.summary));
        for (const e of f.evidence.filter((e) => e.source !== first.id)) assert.ok((await detail.textContent()).includes(sentenceOf(e)), `other source's sentence ${e.source}`);
      }
      await page.keyboard.press('ArrowRight');
      const secondMarked = await columns.nth(1).locator('.sent.marked').evaluateAll((els) => els.map((e) => e.id));
      assert.equal(await page.evaluate(() => document.activeElement.id), secondMarked[0], '→ goes to the next article');
      await page.keyboard.press('End');
      assert.equal(await page.evaluate(() => document.activeElement.id), secondMarked.at(-1));
      await page.keyboard.press('Shift+Tab');
      assert.equal(await page.evaluate(() => document.activeElement.id), firstMarked[1], 'one tab stop per article (roving)');
      // Hover shows it too.
      const f0 = report.facts.find((f) => f.corroboration === report.sources.length) || report.facts[0];
      const e = f0.evidence.find((x) => x.source === report.sources[2].id) || f0.evidence[0];
      await page.locator(`#read-${report.sources.findIndex((s) => s.id === e.source)}-${e.sentence}`).hover();
      assert.ok((await detail.textContent()).includes(f0.summary));
      assert.ok((await detail.locator('.source-tag').allTextContents()).length >= f0.sources.length);
      // Every article, once all are shown: its text and its highlighted sentences.
      await page.locator('#reading').getByRole('button', { name: 'Show all' }).click();
      assert.equal(await columns.count(), report.sources.length);
      assert.equal(await page.locator('#reading .reading-article:visible').count(), report.sources.length);
      assert.deepEqual(await columns.evaluateAll((els) => els.map((e) => e.dataset.source)), report.sources.map((s) => s.id), 'in input order');
      for (const [i, s] of report.sources.entries()) {
        const col = columns.nth(i);
        // The article's text, complete and unchanged (minus the markers).
        const text = await plainText(col.locator('.reading-text'));
        assert.equal(text[0], textOf.get(s.id), `${s.id} text shown as written`);
        // Highlighted: every sentence some fact or conflict cites.
        const cited = new Set([
          ...report.facts.flatMap((f) => f.evidence),
          ...report.conflicts.flatMap((c) => c.values.flatMap((v) => v.evidence)),
        ].filter((e) => e.source === s.id).map((e) => e.sentence));
        const marked = col.locator('.sent.marked');
        const got = await marked.evaluateAll((els) => els.map((e) => Number(e.dataset.sentence)));
        assert.deepEqual(got, [...cited].sort((a, b) => a - b), `${s.id}: marked sentences`);
        const sentences = await plainText(marked);
        assert.deepEqual(sentences, got.map((k) => textOf.get(s.id).slice(...s.sentence_spans[k])), `${s.id}: sentence text by span`);
        // Status in words and icon, not colour alone.
        const statuses = await marked.evaluateAll((els) => els.map((e) => [e.dataset.status, e.querySelector('.visually-hidden').textContent, e.querySelector('.st-icon').textContent]));
        for (const [k, [st, words, icon]] of statuses.entries()) {
          const facts = report.facts.filter((f) => f.evidence.some((e) => e.source === s.id && e.sentence === got[k]));
          const hard = report.conflicts.some((c) => c.severity === 'conflict' && c.values.some((v) => v.evidence.some((e) => e.source === s.id && e.sentence === got[k])));
          const want = hard ? 'conflict' : facts.some((f) => f.corroboration >= 2) || facts.length === 0 ? 'corroborated' : 'single';
          assert.equal(st, want, `${s.id} sentence ${got[k]} status`);
          assert.equal(words, { conflict: '(conflicting) ', corroborated: '(corroborated) ', single: '(single-source) ' }[st]);
          assert.ok(icon.length > 0);
        }
      }
    });
  });

  test('reading view: the reader chooses the articles side by side (keyboard), kept for the session', async () => {
    await open(async ({ page }) => {
      await compareExample(page);
      const ids = report.sources.map((s) => s.id);
      assert.ok(ids.length > 3, 'the example has more articles than are shown at first');
      const reading = page.locator('#reading');
      const shownIds = () => reading.locator('.reading-article:visible').evaluateAll((els) => els.map((e) => e.dataset.source));
      const box = (id) => reading.getByRole('checkbox', { name: new RegExp(`^${id}\\b`) });
      const note = reading.locator('.reading-shown');
      // At first: the first three, side by side.
      assert.deepEqual(await shownIds(), ids.slice(0, 3));
      assert.deepEqual(await reading.getByRole('checkbox').evaluateAll((bs) => bs.map((b) => b.checked)), ids.map((_, i) => i < 3));
      assert.equal(await note.textContent(), `3 of ${ids.length} articles shown: ${ids.slice(0, 3).join(', ')}.`);
      assert.equal(await reading.getByRole('group', { name: 'Articles side by side' }).count(), 1, 'a labelled group');

      // Keyboard only: Space ticks the fifth and unticks the second.
      await box(ids[4]).focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('Shift+Tab'); // fourth
      await page.keyboard.press('Shift+Tab'); // third
      await page.keyboard.press('Shift+Tab'); // second
      assert.equal(await page.evaluate(() => document.activeElement.value), ids[1]);
      await page.keyboard.press('Space');
      const chosen = [ids[0], ids[2], ids[4]];
      assert.deepEqual(await shownIds(), chosen);
      assert.equal(await note.textContent(), `3 of ${ids.length} articles shown: ${chosen.join(', ')}.`);
      const tops = await reading.locator('.reading-article:visible').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
      assert.ok(tops.every((t) => t === tops[0]), 'side by side');
      await reading.screenshot({ path: screenshotPath('views-reading-chosen.png') });
      // → from the first article goes to the next one shown, past the hidden one.
      await reading.locator('.reading-article:visible').first().locator('.sent.marked').first().focus();
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement.dataset.source), ids[2]);

      // Kept when comparing again, and across a reload of the tab.
      await compareAndWait(page);
      assert.deepEqual(await shownIds(), chosen, 'kept across another comparison');
      await page.reload();
      await compareAndWait(page);
      assert.deepEqual(await shownIds(), chosen, 'kept across a reload (this tab)');

      // "in context" to a sentence of an article not shown: that article is added and the sentence focused.
      const e = report.facts.filter((f) => f.corroboration >= 2).flatMap((f) => f.evidence).find((x) => x.source === ids[1]);
      const target = `read-1-${e.sentence}`;
      assert.equal(await page.locator(`#${target}`).isVisible(), false, 'its article is not shown');
      await page.locator(`#facts .evidence a.goto[href="#${target}"]`).first().click();
      assert.equal(await page.evaluate(() => document.activeElement.id), target);
      assert.deepEqual(await shownIds(), [ids[0], ids[1], ids[2], ids[4]]);
      assert.equal(await box(ids[1]).isChecked(), true);

      // "Show all", "Only the first 3", and none at all.
      await reading.getByRole('button', { name: 'Show all' }).click();
      assert.deepEqual(await shownIds(), ids);
      assert.equal(await note.textContent(), `All ${ids.length} articles shown.`);
      assert.equal(await reading.getByRole('button', { name: 'Show all' }).isVisible(), false);
      await reading.getByRole('button', { name: 'Only the first 3' }).click();
      assert.deepEqual(await shownIds(), ids.slice(0, 3));
      for (const id of ids.slice(0, 3)) await box(id).uncheck();
      assert.deepEqual(await shownIds(), []);
      assert.ok(await reading.locator('.reading-none').isVisible(), 'says no article is chosen');
    });
  });

  test('entities: variants, roles, a role disagreement stands out, mentions per source as bars', async () => {
    await open(async ({ page }) => {
      await compareExample(page);
      const ids = report.sources.map((s) => s.id);
      const items = page.locator('#entities .entity');
      assert.equal(await items.count(), report.entities.length);
      const roleSubjects = new Set(report.conflicts.filter((c) => c.kind === 'role').map((c) => c.subject.split(':')[0].trim()));
      let flagged = 0;
      for (const [k, e] of report.entities.entries()) {
        const item = items.nth(k);
        assert.equal(await item.locator('h4').textContent(), e.name);
        const bars = item.locator('.mention-bars tr');
        if (e.mentions.length) {
          assert.deepEqual(await bars.locator('th .source-tag').allTextContents(), ids);
          const n = await bars.locator('td.n').allTextContents();
          assert.deepEqual(n.map(Number), ids.map((id) => e.mentions.filter((m) => m.source === id).length), `mentions of ${e.name}`);
        }
        const disagree = [e.name, ...e.variants].some((n) => roleSubjects.has(n));
        assert.equal(await item.evaluate((li) => li.classList.contains('role-disagreement')), disagree, `${e.name} role disagreement`);
        if (disagree) {
          flagged++;
          assert.equal(await item.locator('.badge-conflict').textContent(), '✗ Roles disagree');
          assert.ok((await item.locator('.role-clash').count()) >= 2, 'the clashing roles are marked');
          assert.ok((await item.locator('.role-clash').first().textContent()).includes('Disputed:'));
        }
      }
      assert.equal(flagged, report.entities.filter((e) => [e.name, ...e.variants].some((n) => roleSubjects.has(n))).length);
      // Where each role and each quote is written: the span marked in its sentence.
      const role = report.entities.flatMap((e) => e.roles).find((r) => r.evidence.length);
      const quotes = page.locator('#quotes .quote');
      for (const [k, q] of report.quotes.entries()) {
        const where = quotes.nth(k).locator('details.where');
        assert.equal(await where.locator('summary').textContent(), `Where it is quoted (${q.evidence.length})`);
        assert.deepEqual(await where.locator('.evidence-text').allTextContents(), q.evidence.map((e) => textOf.get(e.source).slice(e.start, e.end)));
      }
      assert.ok(role, 'the example has a role with evidence');
      const marks = await page.locator('#entities .roles details.where .evidence-text').allTextContents();
      for (const e of role.evidence) assert.ok(marks.includes(textOf.get(e.source).slice(e.start, e.end)), `role evidence shown: ${e.source}`);
      assert.ok(flagged > 0, 'the example has a role disagreement');
    });
  });

  test('numbers table, text-reuse pairs and word diffs', async () => {
    await open(async ({ page }) => {
      await compareExample(page);
      // Numbers: one row per number found, with its sentence and the number marked in it.
      const rows = page.locator('#numbers tbody tr');
      assert.equal(await rows.count(), report.numbers.length);
      const marks = await rows.locator('mark').allTextContents();
      assert.deepEqual(marks.sort(), report.numbers.map((n) => n.text).sort());

      // The word diff (computed in the page: the report gives both wordings, not a diff).
      const diff = await page.evaluate(async () => {
        const { wordDiff } = await import('./views/diff.js');
        const a = 'We will not accept these unacceptable demands today.';
        const b = 'We will never accept such demands today, he said.';
        const parts = wordDiff(a, b);
        const join = (ops) => parts.filter((p) => ops.includes(p.op)).map((p) => p.text).join('');
        return { parts, a: join(['same', 'del']), b: join(['same', 'add']), wantA: a, wantB: b };
      });
      assert.equal(diff.a, diff.wantA);
      assert.equal(diff.b, diff.wantB);
      assert.deepEqual(diff.parts.filter((p) => p.op === 'del').map((p) => p.text.trim()), ['not', 'these unacceptable', 'today.']);
      assert.deepEqual(diff.parts.filter((p) => p.op === 'add').map((p) => p.text.trim()), ['never', 'such', 'today, he said.']);
      // A quote conflict shows it, struck and underlined with the change also in words.
      const synthetic = {
        ...report,
        conflicts: [{ kind: 'quote', severity: 'conflict', subject: 'Zelensky', fact: null, values: [
          { value: 'Russia must agree to a ceasefire', sources: [report.sources[0].id], evidence: [] },
          { value: 'Russia should agree to a full ceasefire', sources: [report.sources[1].id], evidence: [] },
        ] }],
      };
      const shown = await page.evaluate(async ({ synthetic, input }) => {
        const { renderReport } = await import('./render.js');
        const el = document.createElement('div');
        el.append(renderReport(synthetic, { articles: input }));
        const d = el.querySelector('#conflicts .quote-diff .word-diff');
        return { del: [...d.querySelectorAll('del')].map((x) => x.textContent), ins: [...d.querySelectorAll('ins')].map((x) => x.textContent) };
      }, { synthetic, input });
      assert.deepEqual(shown, { del: ['[removed: must]'], ins: ['[added: should]', '[added: full]'] });
    });
  });

  test('text reuse: clicking a pair in the heat map shows its shared passages, with a word diff', async () => {
    // Three articles: A and B share one wire paragraph (B edits a word), B and C another.
    const wire1 = 'The regional council approved the new water treatment plant on Tuesday after a two year review, ' +
      'and construction is expected to begin next spring with funding from the state and three local towns.';
    const wire2 = 'Residents near the river had complained for years about the smell and the colour of their tap water, ' +
      'and a petition signed by more than four thousand people asked the council to act quickly.';
    const articles = [
      `Local news. ${wire1} The mayor welcomed the decision in a short statement.`,
      `${wire1.replace('approved', 'backed')} ${wire2} Critics said the cost was too high.`,
      `Opinion. ${wire2} The plant will be the largest in the county when it opens.`,
    ];
    const input = articles.map((text, i) => ({ id: `Article ${i + 1}`, text }));
    const expected = await expectedReport(input);
    const passages = expected.text_reuse.passages;
    assert.ok(passages.length >= 2, `the engine finds the shared passages (${passages.length})`);
    await open(async ({ page }) => {
      await page.goto(suite.url);
      for (const [i, text] of articles.entries()) {
        if (i >= 2) await page.getByRole('button', { name: 'Add article' }).click();
        await page.getByLabel(`Article ${i + 1} text`).fill(text);
      }
      await compareAndWait(page);
      const ids = expected.sources.map((s) => s.id);
      const visible = () => page.locator('#text-reuse .reuse-passage:visible');
      assert.equal(await visible().count(), passages.length);
      for (const [i, a] of ids.entries()) {
        for (const [j, b] of ids.entries()) {
          const cell = page.locator('#text-reuse tbody tr').nth(i).locator('td').nth(j);
          const pair = passages.filter((q) => [q.a.source, q.b.source].sort().join() === [a, b].sort().join());
          assert.equal(await cell.locator('button').count(), i !== j && pair.length ? 1 : 0, `a button in ${a} × ${b} only when they share a passage`);
          if (i === j || !pair.length) continue;
          await cell.locator('button').click();
          assert.equal(await visible().count(), pair.length, `${a} × ${b}: its passages only`);
          const shown = await visible().locator('.passage-text').allTextContents();
          for (const q of pair) assert.ok(shown.includes(q.a.text) && (q.a.text === q.b.text || shown.includes(q.b.text)));
          assert.equal(await page.locator('#text-reuse .pair-note').textContent(), `${pair.length} passage${pair.length === 1 ? '' : 's'} shared by ${a} and ${b}.`);
        }
      }
      await page.getByRole('button', { name: 'Show all shared passages' }).click();
      assert.equal(await visible().count(), passages.length);
      // The edited passage: the changed word struck and added, in words too.
      const edited = passages.findIndex((q) => q.a.text !== q.b.text);
      assert.ok(edited >= 0, 'one passage was edited');
      const item = page.locator('#text-reuse .reuse-passage').nth(edited);
      await item.locator('.reuse-diff summary').click();
      await item.locator('.word-diff').waitFor(); // drawn when first opened
      const q = passages[edited];
      const [del, ins] = q.a.text.includes('approved') ? ['approved', 'backed'] : ['backed', 'approved'];
      assert.deepEqual(await item.locator('.word-diff del').allTextContents(), [`[removed: ${del}]`]);
      assert.deepEqual(await item.locator('.word-diff ins').allTextContents(), [`[added: ${ins}]`]);
      await page.locator('#text-reuse').screenshot({ path: screenshotPath('views-text-reuse-pairs.png') });
    });
  });

  test('a long comparison shows elapsed time and can be cancelled; the page stays responsive', async () => {
    // A worker that starts but never answers a comparison: as long as anyone cares to wait.
    const stuck = `self.onmessage = (e) => { const m = e.data; if (m.type === 'init' || m.type === 'version') self.postMessage({ id: m.id, ok: true, version: 'stuck' }); };`;
    await open(
      async ({ page, context }) => {
        await context.route('**/worker.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: stuck }));
        await page.goto(suite.url);
        await page.getByRole('button', { name: 'Load example' }).click();
        await page.getByRole('button', { name: 'Compare', exact: true }).click();
        const progress = page.locator('#progress');
        await progress.waitFor();
        assert.ok(await page.locator('#progress progress').isVisible());
        await page.waitForFunction(() => parseInt(document.getElementById('elapsed').textContent, 10) >= 1, null, { timeout: 5000 });
        // Responsive: typing and animation frames go on while the engine works.
        const frames = await page.evaluate(() => new Promise((resolve) => {
          let n = 0;
          const t0 = performance.now();
          const tick = () => (performance.now() - t0 < 300 ? (n++, requestAnimationFrame(tick)) : resolve(n));
          requestAnimationFrame(tick);
        }));
        assert.ok(frames >= 5, `animation frames while comparing (${frames})`);
        await page.getByLabel('Article 1 title (optional)').fill('Typed while comparing');
        assert.equal(await page.getByLabel('Article 1 title (optional)').inputValue(), 'Typed while comparing');
        await progress.scrollIntoViewIfNeeded();
        await page.screenshot({ path: screenshotPath('views-progress.png') });
        await page.getByRole('button', { name: 'Cancel' }).click();
        await page.waitForFunction(() => document.getElementById('status').textContent === 'Comparison cancelled.');
        assert.ok(await progress.isHidden());
        assert.ok(await page.getByRole('button', { name: 'Compare', exact: true }).isEnabled());
      },
      { contextOptions: { serviceWorkers: 'block' } },
    );
  });

  test('keyboard only, end to end: load, compare, go to a view, open a cell', async () => {
    await open(async ({ page }) => {
      await page.goto(suite.url);
      const active = () => page.evaluate(() => {
        const el = document.activeElement;
        return { id: el.id, text: (el.textContent || '').trim(), tag: el.tagName, cls: el.className };
      });
      /** Presses Tab until `want(active)` holds (at most `max` times). */
      const tabTo = async (want, max = 60) => {
        for (let i = 0; i < max; i++) {
          await page.keyboard.press('Tab');
          const a = await active();
          if (want(a)) return a;
        }
        assert.fail('not reached by Tab');
      };
      await tabTo((a) => a.id === 'load-example');
      await page.keyboard.press('Enter');
      await tabTo((a) => a.id === 'compare');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /^Compared /.test(document.getElementById('status').textContent));
      // The page moves the focus in the frame after the status (app.js showFirstScreen): give it
      // that frame (at most 100 ms by the page's own fallback), then check.
      await page.waitForFunction(() => document.activeElement?.id === 'results-heading', null, { timeout: 2000 }).catch(() => {});
      assert.equal((await active()).id, 'results-heading', 'focus moves to the results');
      await tabTo((a) => a.tag === 'A' && a.text === 'Fact matrix');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#matrix');
      const cell = await tabTo((a) => a.cls.includes('cell'));
      assert.ok(cell.cls.includes('cell'));
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      const first = report.facts.map((f, i) => ({ f, i })).sort((a, b) => toldBy(b.f) - toldBy(a.f) || a.i - b.i)[0].f;
      assert.ok((await page.locator('#matrix-detail').textContent()).includes(first.summary));
      // On into the reading view, still by Tab: its first marked sentence is the next stop after the matrix.
      const sentence = await tabTo((a) => a.cls.includes('sent marked'));
      assert.match(sentence.id, /^read-0-\d+$/);
      await page.keyboard.press('ArrowDown');
      assert.match((await active()).id, /^read-0-\d+$/);
      assert.ok((await page.locator('#reading-detail .detail-head').textContent()).startsWith(report.sources[0].id));
    });
  });

  test('axe-core: no serious or critical violation on the input view and each results view (light, dark, and each chosen with the switch)', async () => {
    // The system's setting, then a theme chosen in the header against it.
    const runs = [{ colorScheme: 'light' }, { colorScheme: 'dark' }, { colorScheme: 'light', theme: 'dark' }, { colorScheme: 'dark', theme: 'light' }];
    for (const { colorScheme, theme } of runs) {
      await open(
        async ({ page }) => {
          await page.goto(suite.url);
          if (theme) {
            await page.getByLabel('Theme').selectOption(theme);
            const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
            assert.equal(bg, theme === 'dark' ? 'rgb(22, 24, 29)' : 'rgb(246, 247, 249)', `the ${theme} theme is shown`);
          }
          await page.getByRole('button', { name: 'Load example' }).click();
          const found = {};
          const input = serious(await runAxe(page, null));
          if (input.length) found.input = input;
          await compareAndWait(page);
          // Show the interactive states too: a matrix cell chosen, a sentence focused, folds open.
          await page.locator('#matrix button.cell').first().click();
          await page.locator('#reading .sent.marked').first().focus();
          await page.locator('#report details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
          for (const id of VIEW_IDS) {
            if (!(await page.locator(`#${id}`).count())) continue;
            const v = serious(await runAxe(page, `#${id}`));
            if (v.length) found[id] = v;
          }
          const whole = serious(await runAxe(page, null));
          if (whole.length) found.page = whole;
          assert.deepEqual(found, {}, `axe (${colorScheme}${theme ? `, ${theme} chosen` : ''})`);
        },
        { contextOptions: { colorScheme } },
      );
    }
  });

  /**
   * Sections skip rendering while off screen (content-visibility: auto); an element picture taller
   * than the viewport is taken beyond it, so the sections are told to render for the pictures.
   */
  const renderAll = (page) => page.locator('#report > section').evaluateAll((els) => els.forEach((el) => { el.style.contentVisibility = 'visible'; }));

  test('pictures of each view: light at desktop width, dark at 375 px (no sideways scrolling)', async () => {
    await open(async ({ page }) => {
      await compareExample(page);
      await page.locator('#matrix button.cell').nth(1).click();
      await page.locator('#reading .sent.marked').nth(2).focus();
      await renderAll(page);
      for (const id of VIEW_IDS) {
        if (await page.locator(`#${id}`).count()) await page.locator(`#${id}`).screenshot({ path: screenshotPath(`views-${id}.png`) });
      }
    }, { contextOptions: { viewport: { width: 1200, height: 900 } } });
    await open(
      async ({ page }) => {
        await compareExample(page);
        await page.locator('#matrix button.cell').nth(1).click();
        await page.locator('#reading .sent.marked').nth(2).focus();
        const layout = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          background: getComputedStyle(document.body).backgroundColor,
          columns: [...document.querySelectorAll('#reading .reading-article:not([hidden])')].map((e) => Math.round(e.getBoundingClientRect().left)),
        }));
        assert.ok(layout.scrollWidth <= 375, `no sideways scrolling (scrollWidth ${layout.scrollWidth})`);
        assert.doesNotMatch(await page.locator('#report').textContent(), /\b(null|undefined|NaN)\b|\[object /, 'no stray values on the page');
        assert.equal(layout.background, 'rgb(22, 24, 29)');
        assert.ok(layout.columns.length >= 2 && layout.columns.every((x) => x === layout.columns[0]), 'articles stacked at 375 px');
        await renderAll(page);
        for (const id of VIEW_IDS) {
          if (await page.locator(`#${id}`).count()) await page.locator(`#${id}`).screenshot({ path: screenshotPath(`views-${id}-375-dark.png`) });
        }
        // What a phone shows with a sentence focused: the explanation stays in view below it.
        const target = page.locator('#reading .reading-article').nth(1).locator('.sent.marked').nth(1);
        await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await target.focus();
        await page.screenshot({ path: screenshotPath('views-reading-375-dark-focus.png') });
        const sheet = await page.locator('#reading-detail').boundingBox();
        const sentence = await target.boundingBox();
        assert.ok(sheet.y >= 0 && sheet.y + sheet.height <= 801, `the explanation is on screen (${sheet.y}, ${sheet.height})`);
        // (scrollIntoView leaves it within a pixel of the top: layout positions are fractional)
        assert.ok(sentence.y > -1 && sentence.y + 10 < sheet.y, `and does not cover the sentence (${sentence.y})`);
        assert.ok((await page.locator('#reading-detail .detail-head').textContent()).startsWith(report.sources[1].id));
      },
      { contextOptions: { viewport: { width: 375, height: 800 }, colorScheme: 'dark', isMobile: true, hasTouch: true } },
    );
  });

  test('print: the controls are hidden, the views unfold', async () => {
    await open(async ({ page }) => {
      await compareExample(page);
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#entities')).contentVisibility), 'visible', 'every section is drawn on paper');
      const hidden = await page.evaluate(() => ['.panel', '.views-nav', '.matrix-controls', '#results .toolbar'].map((s) => getComputedStyle(document.querySelector(s)).display));
      assert.deepEqual(hidden, ['none', 'none', 'none', 'none']);
      const overflow = await page.evaluate(() => getComputedStyle(document.querySelector('.matrix-scroll')).overflow);
      assert.equal(overflow, 'visible');
      await page.screenshot({ path: screenshotPath('views-print.png'), fullPage: true });
    });
  });

  test('the single-file build (file://) has the same views', async () => {
    await withPage(suite.browser, { allowRequest: fileOnly }, async ({ page }) => {
      await page.goto(DIST_URL);
      await page.getByRole('button', { name: 'Load example' }).click();
      await compareAndWait(page);
      assert.equal(await page.locator('#matrix tbody tr').count(), expectedRows().length);
      // The reading view: the first three articles drawn, the others once chosen.
      assert.equal(await page.locator('#reading .reading-article').count(), Math.min(3, report.sources.length));
      await page.locator('#reading').getByRole('button', { name: 'Show all' }).click();
      assert.equal(await page.locator('#reading .reading-article:visible').count(), report.sources.length);
      const f = report.facts.find((x) => x.corroboration >= 3);
      const e = f.evidence[0];
      await page.locator(`#matrix tr[data-fact="${f.id}"] button.cell[data-source="${e.source}"]`).click();
      assert.ok((await page.locator('#matrix-detail').textContent()).includes(sentenceOf(e)));
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
      assert.equal(parseCsv(readFileSync(await csv.path(), 'utf8')).length, expectedRows().length + 1);
    });
  });

  test('a big report: the first screen at once, the rest in steps; long lists in parts with "Show more"; links reach what is not drawn yet', async () => {
    // 30 sources, 451 corroborated facts (one told by 20 sources), an omission of the last fact.
    const ids = Array.from({ length: 30 }, (_, i) => `S${i + 1}`);
    const ev = (source, text) => ({ source, sentence: 0, start: 0, end: text.length, text });
    const facts = Array.from({ length: 450 }, (_, k) => ({
      id: `f${k}`,
      summary: `Fact number ${k}.`,
      sources: [ids[k % 30], ids[(k + 1) % 30]],
      corroboration: 2,
      evidence: [ev(ids[k % 30], `Evidence ${k} a.`), ev(ids[(k + 1) % 30], `Evidence ${k} b.`)],
    }));
    facts.unshift({ id: 'wide', summary: 'Told by twenty.', sources: ids.slice(0, 20), corroboration: 20, evidence: ids.slice(0, 20).map((id) => ev(id, `Wide ${id}.`)) });
    const big = {
      schema_version: 1,
      offset_unit: 'utf16',
      sources: ids.map((id) => ({ id, title: `Title of ${id}`, words: 100, sentences: 5, sentence_spans: [], warnings: [] })),
      entities: [], conflicts: [], quotes: [], numbers: [], dates: [], different_event: [], tone: [],
      facts,
      omissions: [{ source: 'S1', fact: 'f449', summary: 'Fact number 449.', told_by: ['S2', 'S3'] }],
      text_reuse: {
        // S1 and S2 share the most (and the one passage); the others a little.
        matrix: ids.map((_, i) => ids.map((_, j) => (i === j ? 1 : i + j === 1 ? 0.9 : ((i * 7 + j * 3) % 10) / 20))),
        passages: [{ a: { source: 'S1', start: 0, end: 5, text: 'Shared words here.' }, b: { source: 'S2', start: 0, end: 5, text: 'Shared words here.' }, words: 3, similarity: 1 }],
      },
    };
    await open(async ({ page }) => {
      await page.goto(suite.url);
      const got = await page.evaluate(async (report) => {
        const { drawReport } = await import('./render.js');
        const el = document.getElementById('report');
        document.getElementById('results').hidden = false;
        const job = drawReport(el, report, { articles: [] });
        const first = [...el.children].map((e) => e.id || e.tagName.toLowerCase());
        const done = await job.done;
        return { first, done, sections: [...el.children].map((e) => e.id || e.tagName.toLowerCase()) };
      }, big);
      assert.deepEqual(got.first, ['nav', 'overview'], 'the menu and the overview are drawn at once');
      assert.equal(got.done, true);
      assert.deepEqual(got.sections, ['nav', 'overview', 'conflicts', 'matrix', 'facts', 'details', 'omissions', 'entities', 'numbers', 'quotes', 'dates', 'tone', 'text-reuse']);
      // A long list: its first 200 items, and a button for the next 200.
      assert.equal(await page.locator('#facts .fact').count(), 200);
      const more = page.locator('#facts .show-more');
      assert.equal(await more.textContent(), 'Show 200 more facts (251 not shown)');
      await more.click();
      await page.waitForFunction(() => document.querySelectorAll('#facts .fact').length === 400);
      assert.equal(await more.textContent(), 'Show 51 more facts (51 not shown)');
      // A link to a fact not drawn yet draws it (and those before it) and goes there.
      assert.equal(await page.locator('[id="fact-f449"]').count(), 0);
      await page.locator('#omissions a[href="#fact-f449"]').click();
      await page.waitForFunction(() => location.hash === '#fact-f449');
      assert.equal(await page.locator('[id="fact-f449"]').count(), 1);
      assert.ok(await page.locator('[id="fact-f449"]').isVisible());
      assert.ok(await more.isHidden(), 'nothing left to show');
      // Many tags: the first 12 and a button for the other 8.
      const wide = page.locator('[id="fact-wide"] .fact-meta');
      assert.equal(await wide.locator('.source-tag').count(), 12);
      await wide.getByRole('button', { name: '+8 more sources' }).click();
      assert.deepEqual(await wide.locator('.source-tag').allTextContents(), ids.slice(0, 20));
      // Evidence: at most 20 sentences shown under a fact at first (here exactly 20).
      assert.equal(await page.locator('[id="fact-wide"] .evidence').count(), 20);
      // The matrix: 200 rows of 30 cells (6,000), then as many again.
      assert.equal(await page.locator('#matrix tbody tr').count(), 200);
      assert.equal(await page.locator('#matrix .matrix-more').textContent(), 'Show 200 more facts (of 451)');
      // Text reuse of 30 sources: the closest pairs, not a 30 × 30 table.
      assert.equal(await page.locator('#text-reuse table').count(), 0);
      assert.equal(await page.locator('#text-reuse .reuse-pairs > li').count(), 50);
      assert.equal(squash(await page.locator('#text-reuse .reuse-pairs > li').first().textContent()), 'S1 90% shared with S2 show the passages');
      await page.locator('#text-reuse .reuse-pairs .heat-button').first().click();
      assert.equal(await page.locator('#text-reuse .reuse-passage:visible').count(), 1);
    });
  });

  test('reading view of many articles: only those shown are drawn, "Show all" draws the others in slices, a link to one not shown draws it', async () => {
    // 250 articles, one fact told by all of them.
    const ids = Array.from({ length: 250 }, (_, i) => `S${i + 1}`);
    const text = (id) => `${id} says the bridge closed. It reopened later.`;
    const cut = (id) => text(id).indexOf('.') + 1;
    const articles = ids.map((id) => ({ id, text: text(id) }));
    const many = {
      schema_version: 1,
      offset_unit: 'utf16',
      sources: ids.map((id) => ({ id, title: `Title of ${id}`, words: 8, sentences: 2, sentence_spans: [[0, cut(id)], [cut(id) + 1, text(id).length]], warnings: [] })),
      entities: [], conflicts: [], quotes: [], numbers: [], dates: [], different_event: [], tone: [], omissions: [],
      facts: [{ id: 'f0', summary: 'The bridge closed.', sources: ids, corroboration: ids.length, evidence: ids.map((id) => ({ source: id, sentence: 0, start: 0, end: cut(id), text: text(id).slice(0, cut(id)) })) }],
      text_reuse: { matrix: ids.map((_, i) => ids.map((_, j) => (i === j ? 1 : 0))), passages: [] },
    };
    await open(async ({ page }) => {
      await page.goto(suite.url);
      const done = await page.evaluate(async ({ many, articles }) => {
        const { drawReport } = await import('./render.js');
        document.getElementById('results').hidden = false;
        return drawReport(document.getElementById('report'), many, { articles }).done;
      }, { many, articles });
      assert.equal(done, true);
      const reading = page.locator('#reading');
      const drawnIds = () => reading.locator('.reading-article').evaluateAll((els) => els.map((e) => e.dataset.source));
      assert.deepEqual(await drawnIds(), ids.slice(0, 3), 'only the three shown are drawn');
      // The check boxes: the first 200, then the others on request.
      assert.equal(await reading.getByRole('checkbox').count(), 200);
      const moreBoxes = reading.locator('.reading-choose .show-more');
      assert.equal(await moreBoxes.textContent(), 'Show 50 more articles to choose from (50 not shown)');
      await moreBoxes.click();
      await page.waitForFunction(() => document.querySelectorAll('#reading input[type="checkbox"]').length === 250);
      assert.equal(await reading.locator('.reading-shown').textContent(), '3 of 250 articles shown: S1, S2, S3.');
      // "in context" to an article not shown: drawn in its place, shown, its sentence focused.
      await page.locator('[id="fact-f0"] .evidence a.goto[href="#read-9-0"]').click();
      assert.equal(await page.evaluate(() => document.activeElement.id), 'read-9-0');
      assert.deepEqual(await drawnIds(), ['S1', 'S2', 'S3', 'S10']);
      assert.equal(await reading.getByRole('checkbox', { name: /^S10\b/ }).isChecked(), true);
      // Ticking one draws it too, in input order.
      await reading.getByRole('checkbox', { name: /^S7\b/ }).check();
      assert.deepEqual(await drawnIds(), ['S1', 'S2', 'S3', 'S7', 'S10']);
      // "Show all": drawn in slices (the first at once), all in input order in the end.
      await reading.getByRole('button', { name: 'Show all' }).click();
      assert.ok((await drawnIds()).length >= 25, 'some drawn at once');
      await page.waitForFunction(() => document.querySelectorAll('#reading .reading-article').length === 250);
      assert.deepEqual(await drawnIds(), ids);
      assert.equal(await reading.locator('.reading-article:visible').count(), 250);
      assert.equal(await reading.locator('.reading-shown').textContent(), 'All 250 articles shown.');
      // "Only the first 3" hides the others (drawn, kept).
      await reading.getByRole('button', { name: 'Only the first 3' }).click();
      assert.deepEqual(await reading.locator('.reading-article:visible').evaluateAll((els) => els.map((e) => e.dataset.source)), ids.slice(0, 3));
    });
  });

  test('the view modules never parse text as HTML', () => {
    for (const file of ['render.js', 'dom.js', 'csv.js', 'views/model.js', 'views/matrix.js', 'views/reading.js', 'views/diff.js']) {
      const code = readFileSync(join(ROOT, 'www', file), 'utf8').split('\n').filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l)).join('\n');
      for (const re of [/innerHTML/, /outerHTML/, /insertAdjacentHTML/, /document\.write/, /createContextualFragment/, /DOMParser/, /setHTML/]) {
        assert.doesNotMatch(code, re, `${file}: ${re}`);
      }
    }
    const sw = readFileSync(join(ROOT, 'www', 'sw.js'), 'utf8');
    for (const file of ['dom.js', 'csv.js', 'views/model.js', 'views/matrix.js', 'views/reading.js', 'views/diff.js']) {
      assert.ok(sw.includes(`'${file}'`), `sw.js caches ${file}`);
    }
  });
});
