#!/usr/bin/env node
// Where the page's main thread spends its time from Compare to every result drawn: a CDP CPU
// profile (self and total time per function) and the long tasks (≥ 50 ms), for one corpus.
//
//   node bench/profile.mjs [--runs N] [--top K] bench/corpora/5
//
// Each run: a fresh context, the articles put in the boxes (as bench/browser.mjs does), one
// warm-up Compare, then the profiled Compare. The times are wall time on whatever the machine is
// doing meanwhile (print `uptime` alongside them).
import { launchBrowser, startServer } from '../tests/e2e/helpers.mjs';
import { fillBoxes, loadCorpus, takeOpt } from './common.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => takeOpt(args, name, dflt);
const RUNS = Number(opt('--runs', '1'));
const TOP = Number(opt('--top', '25'));
const dir = args[0];
if (!dir) {
  console.error('usage: node bench/profile.mjs [--runs N] [--top K] CORPUS_DIR');
  process.exit(2);
}
const texts = loadCorpus(dir).map((a) => a.text);

function instrument() {
  const b = (window.__prof = { tasks: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.tasks.push([Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: 'longtask', buffered: true });
}

/** Clicks Compare; resolves once the status says "Compared" and #results is not aria-busy, a frame later. */
async function compare(page) {
  const t = await page.evaluate(() => {
    const status = document.getElementById('status');
    const results = document.getElementById('results');
    return new Promise((resolve) => {
      const click = performance.now();
      let first = null;
      const check = () => {
        if (first === null && /^Compared /.test(status.textContent)) {
          first = performance.now();
        }
        if (first !== null && results.getAttribute('aria-busy') !== 'true') {
          obs.disconnect();
          const done = performance.now();
          requestAnimationFrame(() => setTimeout(() => resolve({ click, first: first - click, done: done - click, painted: performance.now() - click })));
        }
      };
      const obs = new MutationObserver(check);
      obs.observe(status, { childList: true, characterData: true, subtree: true });
      obs.observe(results, { attributes: true });
      document.getElementById('compare').click();
    });
  });
  return t;
}

const [server, browser] = await Promise.all([startServer({ port: 0 }), launchBrowser()]);
try {
  for (let r = 0; r < RUNS; r++) {
    const context = await browser.newContext();
    await context.addInitScript(instrument);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => document.getElementById('version').textContent.trim() !== '');
    await fillBoxes(page, texts);
    const warm = await compare(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const t = await compare(page);
    const { profile } = await cdp.send('Profiler.stop');
    const tasks = await page.evaluate((from) => window.__prof.tasks.filter(([s, d]) => s + d > from), t.click);
    const elements = await page.evaluate(() => document.getElementById('report').getElementsByTagName('*').length);
    console.log(`run ${r + 1}: ${texts.length} articles; warm-up compare: status ${warm.first.toFixed(0)} ms, all drawn ${warm.painted.toFixed(0)} ms`);
    console.log(`  profiled compare: status "Compared" ${t.first.toFixed(0)} ms, all drawn ${t.done.toFixed(0)} ms, next frame ${t.painted.toFixed(0)} ms; ${elements} report elements`);
    console.log(`  long tasks (start ms after click, duration ms): ${JSON.stringify(tasks.map(([s, d]) => [Math.round(s - t.click), d]))}`);

    // Self time per node, then per function; total (inclusive) time per function.
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
    const self = new Map();
    const dts = profile.timeDeltas;
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) || 0) + (dts[i + 1] ?? 0) / 1000));
    const key = (n) => {
      const f = n.callFrame;
      const file = f.url ? f.url.replace(/^.*\//, '') : '';
      return `${f.functionName || '(anonymous)'} ${file}${file ? `:${f.lineNumber + 1}` : ''}`;
    };
    const selfBy = new Map();
    const totalBy = new Map();
    for (const [id, ms] of self) {
      const n = byId.get(id);
      selfBy.set(key(n), (selfBy.get(key(n)) || 0) + ms);
      const seen = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const k = key(byId.get(at));
        if (seen.has(k)) continue; // recursion: count once
        seen.add(k);
        totalBy.set(k, (totalBy.get(k) || 0) + ms);
      }
    }
    const top = (m) => [...m].filter(([k]) => !/^\((root|program|idle)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, TOP);
    console.log('  self ms:');
    for (const [k, ms] of top(selfBy)) console.log(`    ${ms.toFixed(1).padStart(7)}  ${k}`);
    console.log('  total ms:');
    for (const [k, ms] of top(totalBy)) console.log(`    ${ms.toFixed(1).padStart(7)}  ${k}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
