#!/usr/bin/env node
// Browser benchmark (part of `make bench`): the served page in headless Chromium (playwright-core
// driving /usr/bin/chromium, as the e2e tests do).
//
//   node bench/browser.mjs [--runs N] [--json OUT] [--timeout S] bench/corpora/5 bench/corpora/1000
//
// Hypotheses (the targets): the page is ready (engine loaded, version shown) < 1 s after
// navigation over localhost; the wasm is ≤ 600 KB gzipped; for 5 articles the results are on
// screen < 100 ms after Compare and no main-thread task is longer than 50 ms meanwhile; for 1,000
// articles the results are on screen < 5 s and the peak JS heap stays < 300 MB.
//
// How, for each run (N, default 5; every run a fresh browser context: no cache, no service
// worker, empty localStorage):
// - first load: navigate, then "ready" = the footer shows the engine version (app.js sets it
//   once the worker has instantiated the wasm); also DOMContentLoaded and load from the
//   Navigation Timing entry.
// - compare: the articles go into the page through the UI (as many "Add article" clicks as
//   needed, each textarea's value set and an `input` event fired, as typing would), the save
//   delay passes, then Compare is clicked. "Results on screen" = from the click event's
//   timeStamp to the first frame after the status line says "Compared …" (app.js sets it after
//   render.js has built the results): a requestAnimationFrame callback, then a task after it,
//   so the frame with the results has been produced. "All results drawn" = the same, from the
//   first frame after #results is no longer aria-busy (the page may draw the first screen of
//   results, say "Compared", and draw the rest in small steps after it).
// - longest main-thread task: PerformanceObserver 'longtask' entries (tasks ≥ 50 ms) that overlap
//   click → all results drawn; "<50" when there is none.
// - the page leaves out copies (an article whose text, white space aside, is an earlier one's):
//   the expected counts are those of what it compares (the 1,000-article corpus has 169 copies).
// - peak JS heap: sampled every 50 ms over CDP during the comparison and once after: the page's
//   JS heap (Runtime.getHeapUsage usedSize), the worker's JS heap (same, on the worker target)
//   and the worker's wasm memory (byteLength of every WebAssembly.Memory there; it only grows,
//   so its last size is its peak). The figure is the sum of the three peaks.
//
// Checks before any time is printed: the page shows the overview counts of the report the same
// wasm build gives in node for the same articles (ids "Article 1".., as the page names them), and
// they are not zero.
import { gzipSync } from 'node:zlib';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { counts, expectedReport, launchBrowser, ROOT, shownCounts, startServer } from '../tests/e2e/helpers.mjs';
import { fillBoxes, loadCorpus, median, takeOpt } from './common.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => takeOpt(args, name, dflt);
const RUNS = Number(opt('--runs', '5'));
const JSON_OUT = opt('--json', null);
const TIMEOUT_S = Number(opt('--timeout', '300')); // per comparison
if (!args.length || !(RUNS >= 1)) {
  console.error('usage: node bench/browser.mjs [--runs N] [--json OUT] CORPUS_DIR...');
  process.exit(2);
}

const MB = 1024 * 1024;


// Runs in the page before its scripts: long-task and "Compared" observers.
function instrument() {
  const b = (window.__bench = { tasks: [], click: null, compared: null, painted: null, complete: null, completePainted: null, ready: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    b.tasks = null; // not supported
  }
  document.addEventListener('DOMContentLoaded', () => {
    const status = document.getElementById('status');
    const version = document.getElementById('version');
    const results = document.getElementById('results');
    document.getElementById('compare').addEventListener('click', (e) => {
      b.click = e.timeStamp;
      b.compared = b.painted = b.complete = b.completePainted = null;
    }, { capture: true });
    const afterFrame = (key) => requestAnimationFrame(() => setTimeout(() => { b[key] = performance.now(); }, 0));
    // Every part of the results drawn: #results is no longer aria-busy once the status says "Compared".
    const checkComplete = () => {
      if (b.compared !== null && b.complete === null && results.getAttribute('aria-busy') !== 'true') {
        b.complete = performance.now();
        afterFrame('completePainted');
      }
    };
    new MutationObserver(() => {
      if (b.compared === null && b.click !== null && /^Compared /.test(status.textContent)) {
        b.compared = performance.now();
        afterFrame('painted');
        checkComplete();
      }
    }).observe(status, { childList: true, characterData: true, subtree: true });
    new MutationObserver(checkComplete).observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
    new MutationObserver(() => {
      if (b.ready === null && version.textContent.trim()) b.ready = performance.now();
    }).observe(version, { childList: true, characterData: true, subtree: true });
  });
}

/** CDP access to the page and its engine worker: heap figures. */
async function heapProbe(browser, context, page) {
  const ps = await context.newCDPSession(page);
  const bs = await browser.newBrowserCDPSession();
  // The engine worker: attach (non-flattened) and talk through Target.sendMessageToTarget.
  let sessionId = null;
  for (let i = 0; i < 100 && !sessionId; i++) {
    const { targetInfos } = await bs.send('Target.getTargets');
    const w = targetInfos.find((t) => t.type === 'worker' && /\/worker\.js$/.test(t.url));
    if (w) ({ sessionId } = await bs.send('Target.attachToTarget', { targetId: w.targetId, flatten: false }));
    else await new Promise((r) => setTimeout(r, 50));
  }
  if (!sessionId) throw new Error('the engine worker did not start');
  let next = 1;
  const pending = new Map();
  bs.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    if (pending.has(m.id)) {
      pending.get(m.id)(m);
      pending.delete(m.id);
    }
  });
  const worker = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
      bs.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  async function wasmMemory() {
    const proto = await worker('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
    const { objects } = await worker('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
    const r = await worker('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: 'function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0); }',
      returnByValue: true,
    });
    return r.result.value;
  }
  const peak = { page: 0, worker: 0, wasm: 0 };
  async function sample() {
    const [p, w] = await Promise.all([ps.send('Runtime.getHeapUsage'), worker('Runtime.getHeapUsage')]);
    peak.page = Math.max(peak.page, p.usedSize);
    peak.worker = Math.max(peak.worker, w.usedSize);
  }
  return {
    peak,
    sample,
    async finish() {
      await sample();
      peak.wasm = await wasmMemory();
      await bs.detach().catch(() => {});
      await ps.detach().catch(() => {});
      return peak;
    },
  };
}


async function oneRun(browser, url, corpora, expected, skip) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(instrument);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 30_000 });
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return { ready: window.__bench.ready, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd };
    });
    const out = { load: nav, compare: [] };
    for (const [k, texts] of corpora.entries()) {
      if (skip.has(k)) {
        out.compare.push({ articles: texts.length, failure: 'skipped (failed in an earlier run)' });
        continue;
      }
      if (k > 0) {
        // A fresh page for every corpus (same context), without the previous corpus's articles.
        await page.evaluate(() => localStorage.clear());
        await page.reload();
        await page.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 30_000 });
      }
      await fillBoxes(page, texts);
      const probe = await heapProbe(browser, context, page);
      await probe.sample();
      let done = false;
      const sampling = (async () => {
        while (!done) {
          await probe.sample().catch(() => {});
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      await page.locator('#compare').click();
      let failure = null;
      try {
        await page.waitForFunction(
          () => (window.__bench.painted !== null && window.__bench.completePainted !== null) || !document.getElementById('error').hidden,
          null,
          { timeout: TIMEOUT_S * 1000, polling: 20 },
        );
        failure = await page.evaluate(() => (document.getElementById('error').hidden ? null : document.getElementById('error').textContent));
      } catch (e) {
        failure = `no results after ${TIMEOUT_S} s (${e.message.split('\n')[0]})`;
      }
      done = true;
      await sampling;
      if (failure) {
        await probe.finish().catch(() => {});
        out.compare.push({ articles: texts.length, failure });
        continue;
      }
      const heap = await probe.finish();
      const b = await page.evaluate(() => window.__bench);
      // Long tasks from the click until every part of the results is drawn (not only the first screen).
      const end = Math.max(b.painted, b.completePainted);
      const within = b.tasks === null ? null : b.tasks.filter(([s, d]) => s + d > b.click && s < end);
      const shown = await shownCounts(page);
      const want = expected[k];
      if (JSON.stringify(shown) !== JSON.stringify(want)) {
        throw new Error(`${texts.length} articles: the page shows ${JSON.stringify(shown)}, the engine gives ${JSON.stringify(want)}`);
      }
      out.compare.push({
        articles: texts.length,
        results_ms: b.painted - b.click,
        complete_ms: b.completePainted - b.click,
        dom_elements: await page.evaluate(() => document.getElementById('report').getElementsByTagName('*').length),
        compared_ms: b.compared - b.click,
        longest_task_ms: within === null ? null : Math.max(0, ...within.map(([, d]) => d)),
        heap,
      });
    }
    if (problems.length) throw new Error(`page errors: ${problems.join('; ')}`);
    return out;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------

const dirs = args;
const corpora = dirs.map((dir) => loadCorpus(dir).map((a) => a.text));
// What the page compares: every article named by its position, less copies (an article whose
// text, white space aside, is that of an earlier one: app.js leaves it out, and the 1,000-article
// corpus has 169 of them).
function asPageSends(texts) {
  const seen = new Set();
  const out = [];
  texts.forEach((text, i) => {
    const key = text.replace(/\s+/g, ' ').trim();
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ id: `Article ${i + 1}`, text });
  });
  return out;
}
const expected = [];
const compared = [];
for (const texts of corpora) {
  const sent = asPageSends(texts);
  const c = counts(await expectedReport(sent));
  if (!(c.corroborated + c.single > 0)) throw new Error('the engine finds no fact in a corpus');
  expected.push(c);
  compared.push(sent.length);
}
const wasmFile = join(ROOT, 'www', 'pkg', 'corroborate_bg.wasm');
const wasmRaw = statSync(wasmFile).size;
const wasmGz = gzipSync(readFileSync(wasmFile), { level: 9 }).length;

const [server, browser] = await Promise.all([startServer({ port: 0 }), launchBrowser()]);
const runs = [];
const browserVersion = browser.version();
try {
  const skip = new Set(); // corpora that failed once are not tried again
  for (let r = 0; r < RUNS; r++) {
    const run = await oneRun(browser, server.url, corpora, expected, skip);
    run.compare.forEach((c, k) => c.failure && skip.add(k));
    runs.push(run);
  }
} finally {
  await browser.close();
  await server.close();
}

const version = `Chromium ${browserVersion}`;
const med = (f) => median(runs.map(f));
const loadRow = { ready_ms: med((r) => r.load.ready), dcl_ms: med((r) => r.load.dcl), load_ms: med((r) => r.load.load) };
console.log(`${version}, headless, page served over localhost, median of ${RUNS} runs (fresh context each; shown counts checked)\n`);
console.log(`wasm: ${(wasmRaw / 1024).toFixed(0)} KB raw, ${(wasmGz / 1024).toFixed(0)} KB gzipped (target ≤ 600 KB gzipped)`);
console.log(`first load: ready (engine loaded) ${loadRow.ready_ms.toFixed(0)} ms, DOMContentLoaded ${loadRow.dcl_ms.toFixed(0)} ms, load ${loadRow.load_ms.toFixed(0)} ms (target ready < 1 s)\n`);
console.log('| articles (compared) | Compare → results on screen ms | Compare → status set ms | Compare → all results drawn ms | longest main-thread task ms (median / max) | report elements | peak heap MB: page JS + worker JS + wasm = total |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
const rows = corpora.map((texts, k) => {
  const failure = runs.map((r) => r.compare[k].failure).find(Boolean);
  const label = compared[k] === texts.length ? `${texts.length}` : `${texts.length} (${compared[k]}; ${texts.length - compared[k]} copies left out)`;
  if (failure) {
    console.log(`| ${label} | **failed**: ${failure} | | | | | |`);
    return { articles: texts.length, compared: compared[k], failure };
  }
  const c = (f) => med((r) => f(r.compare[k]));
  const lt = runs.map((r) => r.compare[k].longest_task_ms);
  const row = {
    articles: texts.length,
    compared: compared[k],
    results_ms: c((x) => x.results_ms),
    complete_ms: c((x) => x.complete_ms),
    dom_elements: c((x) => x.dom_elements),
    compared_ms: c((x) => x.compared_ms),
    longest_task_ms: lt.includes(null) ? null : median(lt),
    longest_task_max_ms: lt.includes(null) ? null : Math.max(...lt),
    heap_page: c((x) => x.heap.page),
    heap_worker: c((x) => x.heap.worker),
    heap_wasm: c((x) => x.heap.wasm),
    heap_total: c((x) => x.heap.page + x.heap.worker + x.heap.wasm),
  };
  const ms = (v) => (v === 0 ? '<50' : v.toFixed(0));
  const task = row.longest_task_ms === null ? 'n/a' : `${ms(row.longest_task_ms)} / ${ms(row.longest_task_max_ms)}`;
  console.log(
    `| ${label} | ${row.results_ms.toFixed(0)} | ${row.compared_ms.toFixed(0)} | ${row.complete_ms.toFixed(0)} | ${task} | ${row.dom_elements} | ` +
      `${(row.heap_page / MB).toFixed(1)} + ${(row.heap_worker / MB).toFixed(1)} + ${(row.heap_wasm / MB).toFixed(1)} = ${(row.heap_total / MB).toFixed(1)} |`,
  );
  return row;
});
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ wasmRaw, wasmGz, load: loadRow, rows, runs }, null, 1) + '\n');
