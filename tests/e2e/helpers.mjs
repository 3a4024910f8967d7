// Shared by the browser tests: Chromium, the local server, the engine run in node for the
// expected results, and checks that run after every page (requests, console errors).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = join(ROOT, 'test-results');
export const DIST_FILE = join(ROOT, 'dist', 'corroborate.html');
export const DIST_URL = pathToFileURL(DIST_FILE).href;

export { startServer };
export { EXAMPLE_ARTICLES } from '../../www/pkg/examples.js';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Belt and braces: no name but the test server's resolves, so nothing can leave the machine.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

export function screenshotPath(name) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return join(RESULTS_DIR, name);
}

// ------------------------------------------------------------------ the engine, in node

let glue = null;
async function engine() {
  if (!glue) {
    glue = await import('../../www/pkg/corroborate.js');
    glue.initSync({ module: readFileSync(join(ROOT, 'www', 'pkg', 'corroborate_bg.wasm')) });
  }
  return glue;
}

/** The report the page should show for these articles ([{id, title?, text}]). */
export async function expectedReport(articles) {
  return JSON.parse((await engine()).compare(JSON.stringify(articles)));
}

export async function expectedMarkdown(articles) {
  return (await engine()).compareMarkdown(JSON.stringify(articles));
}

/** The engine's error message for these articles (asserts there is one). */
export async function expectedError(articles) {
  const { compare } = await engine();
  try {
    compare(JSON.stringify(articles));
  } catch (e) {
    return e.message;
  }
  assert.fail('the engine accepted articles it should refuse');
}

/** What the page sends for the example: ids by position, no titles. */
export const exampleInput = (articles) => articles.map((a, i) => ({ id: `Article ${i + 1}`, text: a.text }));

/** The overview counts, as render.js computes them. */
export function counts(report) {
  return {
    sources: report.sources.length,
    corroborated: report.facts.filter((f) => f.corroboration >= 2).length,
    conflicts: report.conflicts.length,
    single: report.facts.filter((f) => f.corroboration < 2).length,
  };
}

export const squash = (s) => s.replace(/\s+/g, ' ').trim();

// ------------------------------------------------------------------ pages

/**
 * Opens a fresh context and page, runs `fn({context, page, requests})`, then checks that every
 * request went where `allowRequest` says and that nothing was logged as an error, and closes
 * the context.
 */
export async function withPage(browser, { allowRequest, allowConsoleError = () => false, contextOptions = {} }, fn) {
  const context = await browser.newContext({ acceptDownloads: true, ...contextOptions });
  const requests = [];
  const problems = [];
  context.on('request', (r) => requests.push(r.url()));
  const watch = (page) => {
    page.on('console', (m) => {
      if (m.type() === 'error' && !allowConsoleError(m.text())) problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  };
  context.on('page', watch);
  try {
    const page = await context.newPage();
    await fn({ context, page, requests });
    const outside = requests.filter((u) => !allowRequest(u));
    assert.deepEqual(outside, [], 'requests went somewhere other than allowed');
    assert.deepEqual(problems, [], 'the page logged errors');
  } finally {
    await context.close();
  }
}

/**
 * The setup every test file of the served page shares: before its tests, the local server (on a
 * free port) and Chromium are started; after them, both are stopped. Call it at the top level of
 * a test file. Returns `{server, browser, url, open}`; the first three are set once the suite has
 * started. `open(fn, options)` runs `fn` in a fresh page (withPage) that may only request the
 * server's origin; `defaults` are withPage options for every page of the file (e.g.
 * `{contextOptions: {serviceWorkers: 'block'}}`), which `options` override key by key.
 */
export function servedSuite(defaults = {}) {
  const suite = {
    server: null,
    browser: null,
    get url() {
      return suite.server.url;
    },
    open: (fn, options = {}) => withPage(suite.browser, { allowRequest: localOnly(suite.server.url), ...defaults, ...options }, fn),
  };
  before(async () => {
    [suite.server, suite.browser] = await Promise.all([startServer({ port: 0 }), launchBrowser()]);
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/** The article text boxes of the page. */
export const textareas = (page) => page.locator('#articles textarea');

/** A request checker for pages served at `base` (http://127.0.0.1:PORT/). */
export function localOnly(base) {
  const origin = new URL(base).origin;
  return (url) => {
    if (url.startsWith('data:') || url.startsWith(`blob:${origin}/`)) return true;
    try {
      return new URL(url).origin === origin;
    } catch {
      return false;
    }
  };
}

export const fileOnly = (url) => /^(file|data|blob):/.test(url);

/**
 * Clicks Compare and waits until the page reports success and has drawn all the results (the
 * first screen comes first, the rest in steps, with #results aria-busy meanwhile); returns the
 * status line.
 */
export async function compareAndWait(page) {
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.locator('#results:not([hidden])').waitFor();
  await page.waitForFunction(() => /^Compared /.test(document.getElementById('status').textContent));
  await page.locator('#results[aria-busy="false"]').waitFor();
  return page.locator('#status').textContent();
}

/** The numbers in the overview line, by stat key. */
export async function shownCounts(page) {
  const get = async (key) => Number(await page.locator(`[data-stat="${key}"] .stat-num`).textContent());
  return {
    sources: await get('sources'),
    corroborated: await get('corroborated'),
    conflicts: await get('conflicts'),
    single: await get('single'),
  };
}

/**
 * Asserts that the results on `page` show `report`: counts, every fact with its evidence and
 * sources, every conflict value with its evidence, entities and quotes, all as text.
 */
export async function assertReportShown(page, report, articles) {
  const expected = counts(report);
  assert.deepEqual(await shownCounts(page), expected, 'overview counts');
  assert.ok(expected.corroborated + expected.single > 0, 'the report has facts');
  assert.equal(await page.locator('#facts .fact').count(), expected.corroborated, 'corroborated facts listed');
  assert.equal(await page.locator('#details .fact').count(), expected.single, 'single-source details listed');
  assert.equal(await page.locator('#conflicts .conflict').count(), expected.conflicts, 'conflicts listed');
  assert.equal(await page.locator('#entities .entity').count(), report.entities.length, 'entities listed');
  assert.equal(await page.locator('#quotes .quote').count(), report.quotes.length, 'quotes listed');

  const text = await page.locator('#report').textContent();
  const byId = new Map(articles.map((a) => [a.id, a.text]));
  const verbatim = [];
  for (const f of report.facts) {
    assert.ok(text.includes(f.summary), `fact summary shown: ${f.summary.slice(0, 60)}`);
    const item = page.locator(`[id="fact-${f.id}"]`);
    const tags = f.corroboration >= 2 ? f.sources : [];
    for (const id of tags) {
      assert.ok((await item.locator('.source-tag', { hasText: id }).count()) > 0, `fact ${f.id} names ${id}`);
    }
    for (const e of f.evidence) {
      // (A single-source detail shows its sentence once, as the summary, when the two are equal.)
      assert.ok(text.includes(e.text), `evidence of ${f.id} from ${e.source} shown`);
      if (squash(byId.get(e.source) || '').includes(squash(e.text))) verbatim.push(e);
    }
  }
  // The evidence is real text of the articles, not something made up.
  assert.ok(verbatim.length > 0, 'some evidence sentence is text of its article');
  if (expected.corroborated === 0) {
    await assertVisibleText(page.locator('#facts .empty'), 'No fact is told by more than one source.');
  }
  for (const c of report.conflicts) {
    assert.ok(text.includes(c.subject), `conflict subject shown: ${c.subject}`);
    for (const v of c.values) {
      assert.ok(text.includes(v.value), `conflict value shown: ${v.value}`);
      for (const e of v.evidence) assert.ok(text.includes(e.text), `conflict evidence shown: ${e.text.slice(0, 60)}`);
    }
  }
  if (expected.conflicts === 0) await assertVisibleText(page.locator('#conflicts .empty'), 'No conflicts found');
  for (const e of report.entities) assert.ok(text.includes(e.name), `entity shown: ${e.name}`);
  for (const q of report.quotes) assert.ok(text.includes(q.text), `quote shown: ${q.text.slice(0, 60)}`);
  for (const s of report.sources) assert.ok(text.includes(s.title), `source title shown: ${s.title}`);
}

export async function assertVisibleText(locator, substring) {
  assert.ok(await locator.isVisible(), `visible: ${substring}`);
  assert.ok((await locator.textContent()).includes(substring), `shows "${substring}"`);
}

/** A share as the page shows it: a whole percentage ("<1%" for a sliver). */
export const shownPercent = (share) => (share > 0 && share < 0.005 ? '<1%' : `${Math.round(share * 100)}%`);

/**
 * Asserts the analyses after the facts: different-event warnings (right after the overview),
 * omissions grouped by source, a tone card per source, the text-reuse table and passages, dates.
 */
export async function assertAnalysesShown(page, report) {
  const ids = report.sources.map((s) => s.id);
  const order = await page.locator('#report > section').evaluateAll((els) => els.map((e) => e.id));

  // Different event: a callout per flagged source, named by its tag, with reasons and evidence.
  const flagged = page.locator('#different-event .different-event');
  assert.equal(await flagged.count(), report.different_event.length, 'different-event callouts');
  if (report.different_event.length) {
    assert.equal(order[1], 'different-event', 'the different-event warning comes right after the overview');
    assert.equal(
      squash(await page.locator('#different-event h3').textContent()),
      `Possibly a different event (${report.different_event.length})`,
    );
  } else {
    assert.ok(!order.includes('different-event'), 'no different-event section when nothing is flagged');
  }
  for (const [k, d] of report.different_event.entries()) {
    const callout = flagged.nth(k);
    assert.ok(await callout.isVisible());
    assert.equal(await callout.locator('.callout-title .source-tag').textContent(), d.source, `callout ${k} names ${d.source}`);
    assert.equal(squash(await callout.locator('.callout-title').textContent()), `⚠ ${d.source} may report a different event`);
    assert.deepEqual(await callout.locator('.reasons li').allTextContents(), d.reasons, `reasons for ${d.source}`);
    assert.deepEqual(await callout.locator('.evidence-text').allTextContents(), d.evidence.map((e) => e.text));
    // Its line in the overview's sources list is flagged too, in words.
    const line = page.locator('#overview .source-line').filter({ has: page.locator('.source-tag', { hasText: d.source }) });
    assert.equal(await line.locator('.flag').textContent(), '⚠ Possibly a different event');
  }
  const unflagged = ids.filter((id) => !report.different_event.some((d) => d.source === id));
  for (const id of unflagged) {
    const line = page.locator('#overview .source-line').filter({ has: page.locator('.source-tag', { hasText: id }) });
    assert.equal(await line.locator('.flag').count(), 0, `${id} is not flagged`);
  }

  // Omissions: grouped by source, in source order, each summary with the sources that tell it.
  assert.equal(await page.locator('#omissions .omission').count(), report.omissions.length, 'omissions listed');
  const groups = page.locator('#omissions .omission-group');
  const withOmissions = ids.filter((id) => report.omissions.some((o) => o.source === id));
  assert.deepEqual(await groups.locator('.group-title .source-tag').allTextContents(), withOmissions, 'omission groups');
  for (const [g, id] of withOmissions.entries()) {
    const mine = report.omissions.filter((o) => o.source === id);
    const group = groups.nth(g);
    assert.equal(squash(await group.locator('.group-title').textContent()), `${id} does not report (${mine.length})`);
    const items = group.locator('.omission');
    for (const [k, o] of mine.entries()) {
      assert.equal(await items.nth(k).locator('.fact-summary').textContent(), o.summary, `omission shown: ${o.summary.slice(0, 50)}`);
      assert.deepEqual(await items.nth(k).locator('.fact-meta .source-tag').allTextContents(), o.told_by);
    }
  }
  if (!report.omissions.length) await assertVisibleText(page.locator('#omissions .empty'), 'No source leaves out');

  // Tone: a card per source, opinion share as a number, counts, and every hit explained.
  const cards = page.locator('#tone .tone-card');
  assert.equal(await cards.count(), report.tone.length, 'a tone card per source');
  assert.equal(report.tone.length, ids.length);
  for (const [i, t] of report.tone.entries()) {
    const card = cards.nth(i);
    assert.equal(await card.locator('.item-title .source-tag').textContent(), t.source);
    assert.equal(await card.locator('.share-num').textContent(), shownPercent(t.opinion_share), `opinion share of ${t.source}`);
    assert.ok(await card.locator('.share-num').isVisible());
    assert.equal(
      await card.locator('.tone-sentences').textContent(),
      `${t.opinion_sentences} of ${t.sentences} sentence${t.sentences === 1 ? '' : 's'} opinion, ${t.fact_sentences} checkable fact`,
    );
    const count = async (key) => Number(await card.locator(`[data-count="${key}"] .n`).textContent());
    assert.equal(await count('loaded'), t.loaded.length, `loaded words of ${t.source}`);
    assert.equal(await count('hedges'), t.hedges.length, `hedges of ${t.source}`);
    assert.equal(await count('attribution'), t.attribution.length, `attribution of ${t.source}`);
    for (const [stance, n] of Object.entries(t.attribution_counts)) {
      assert.equal(await card.locator(`[data-stance="${stance}"]`).textContent(), `${n} ${stance}`);
    }
    const hits = [...t.loaded, ...t.hedges, ...t.attribution];
    assert.equal(await card.locator('.hit').count(), hits.length, `hits listed for ${t.source}`);
    if (!hits.length) continue;
    // Folded at first; opened, each hit shows the word as written, its category and why.
    const details = card.locator('details.hits');
    assert.equal(await details.evaluate((d) => d.open), false);
    assert.equal(await card.locator('.hit').first().isVisible(), false);
    await details.locator('summary').click();
    assert.ok(await card.locator('.hit').first().isVisible());
    const shown = await card.locator('.hit').evaluateAll((els) =>
      els.map((el) => ({
        word: el.querySelector('.hit-word').textContent,
        category: el.querySelector('.cat').textContent,
        why: el.querySelector('.hit-why').textContent,
        marked: el.querySelector('.hit-context mark')?.textContent ?? null,
      })),
    );
    assert.deepEqual(
      shown.map(({ word, category, why }) => ({ word, category, why: `${category}: ${why}` })),
      hits.map((x) => ({ word: x.text, category: x.category, why: x.explanation.startsWith(`${x.category}: `) ? x.explanation : `${x.category}: ${x.explanation}` })),
      `hits of ${t.source}`,
    );
    assert.ok(shown.every((s) => s.marked === null || s.marked === s.word), 'the marked word in its sentence is the hit');
  }

  // Text reuse: a source × source table (diagonal "—") and the shared passages.
  const rows = page.locator('#text-reuse tbody tr');
  assert.equal(await rows.count(), ids.length, 'a text-reuse row per source');
  assert.deepEqual(await page.locator('#text-reuse thead th .source-tag').allTextContents(), ids);
  for (const [i, id] of ids.entries()) {
    assert.equal(await rows.nth(i).locator('th .source-tag').textContent(), id);
    const cells = await rows.nth(i).locator('td').allTextContents();
    assert.deepEqual(cells, ids.map((_, j) => (i === j ? '—' : shownPercent(report.text_reuse.matrix[i][j]))), `reuse row ${id}`);
  }
  const passages = page.locator('#text-reuse .reuse-passage');
  assert.equal(await passages.count(), report.text_reuse.passages.length, 'shared passages listed');
  for (const [k, p] of report.text_reuse.passages.entries()) {
    const text = await passages.nth(k).textContent();
    assert.ok(text.includes(p.a.text) && text.includes(p.b.text), `passage ${k} text shown`);
    assert.deepEqual((await passages.nth(k).locator('.fact-meta .source-tag').allTextContents()), [p.a.source, p.b.source]);
    assert.ok(text.includes(`${p.words} word`), `passage ${k} words`);
  }
  if (!report.text_reuse.passages.length) {
    await assertVisibleText(page.locator('#text-reuse .empty'), 'No passages shared verbatim or near-verbatim.');
  }

  // Dates: every date as written is on the page, with its source.
  const dates = await page.locator('#dates').textContent();
  for (const d of report.dates) assert.ok(dates.includes(d.text), `date shown: ${d.text}`);
}

/**
 * From the next page load in `context` on, IndexedDB opens late (a slow disk, a busy browser):
 * when the page calls `window.__openStorage()` (the test does it through page.evaluate), or after
 * 3 s (storage.js gives up on IndexedDB after 4 s).
 */
export function slowIndexedDB(context) {
  return context.addInitScript(() => {
    let release;
    const gate = new Promise((resolve) => (release = resolve));
    window.__openStorage = release;
    setTimeout(release, 3000);
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (...args) {
      const slow = { result: undefined, error: null, onsuccess: null, onerror: null, onupgradeneeded: null };
      gate.then(() => {
        const r = open.apply(this, args);
        r.onupgradeneeded = (e) => ((slow.result = r.result), slow.onupgradeneeded?.(e));
        r.onsuccess = (e) => ((slow.result = r.result), slow.onsuccess?.(e));
        r.onerror = (e) => ((slow.error = r.error), slow.onerror?.(e));
      });
      return slow;
    };
  });
}
