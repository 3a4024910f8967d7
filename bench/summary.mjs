#!/usr/bin/env node
// The last table of `make bench`: every target of the benchmark issue, the figure measured in
// this run (from the JSON the three benchmarks wrote), and whether it is met.
//
//   node bench/summary.mjs OUT_DIR     (reads native.json, node.json, browser.json there)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] || 'bench/out';
const read = (f) => (existsSync(join(dir, f)) ? JSON.parse(readFileSync(join(dir, f), 'utf8')) : null);
const native = read('native.json');
const node = read('node.json');
const browser = read('browser.json');

const rows = [];
const add = (target, measured, ok, note = '') => rows.push({ target, measured, ok, note });
const fmt = (x, d = 2) => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(d));

if (native) {
  for (const m of native) {
    const x = m.full_s / m.floor_s;
    add(`native extr.+comparison ≤ 10× word-split floor (${m.articles} art.)`, `${fmt(x, 0)}×`, x <= 10, x > 10 ? `missed by ${fmt(x / 10, 1)}×` : '');
  }
  const at = (n) => native.find((m) => m.articles === n);
  if (at(200) && at(1000)) {
    const k = Math.log(at(1000).full_s / at(200).full_s) / Math.log(1000 / 200);
    add('growth exponent 200 → 1,000 articles ≤ 1.2 (native)', fmt(k), k <= 1.2);
  }
}
if (node) {
  for (const r of node) {
    add(`wasm ≥ 50× compromise throughput (${r.articles} art.)`, `${fmt(r.vs_compromise, 1)}×`, r.vs_compromise >= 50, r.vs_compromise < 50 ? `missed by ${fmt(50 / r.vs_compromise, 1)}×` : '');
    add(`wasm ≥ 2× wink-nlp entity throughput (${r.articles} art.)`, `${fmt(r.vs_wink, 2)}×`, r.vs_wink >= 2, r.vs_wink < 2 ? `missed by ${fmt(2 / r.vs_wink, 1)}×` : '');
  }
  const at = (n) => node.find((r) => r.articles === n);
  if (at(200) && at(1000)) {
    const k = Math.log(at(1000).seconds.wasm / at(200).seconds.wasm) / Math.log(1000 / 200);
    add('growth exponent 200 → 1,000 articles ≤ 1.2 (wasm, node)', fmt(k), k <= 1.2);
  }
}
if (browser) {
  add('wasm ≤ 600 KB gzipped', `${fmt(browser.wasmGz / 1024, 0)} KB (raw ${fmt(browser.wasmRaw / 1024, 0)} KB)`, browser.wasmGz <= 600 * 1024);
  add('page ready < 1 s on localhost', `${fmt(browser.load.ready_ms, 0)} ms`, browser.load.ready_ms < 1000);
  for (const r of browser.rows) {
    if (r.failure) {
      add(`results on screen in Chromium (${r.articles} art.)`, 'failed', false, r.failure.slice(0, 120));
      continue;
    }
    if (r.articles <= 5) {
      add(`results on screen < 100 ms after Compare (${r.articles} art.)`, `${fmt(r.results_ms, 0)} ms`, r.results_ms < 100, r.results_ms >= 100 ? `missed by ${fmt(r.results_ms / 100, 1)}×` : '');
      const lt = r.longest_task_ms;
      add(`no main-thread task > 50 ms (${r.articles} art.)`, lt === null ? 'n/a' : lt === 0 ? 'none ≥ 50 ms' : `${fmt(lt, 0)} ms`, lt !== null && lt <= 50);
    } else {
      add(`results on screen < 5 s after Compare (${r.articles} art.)`, `${fmt(r.results_ms / 1000, 1)} s`, r.results_ms < 5000, r.results_ms >= 5000 ? `missed by ${fmt(r.results_ms / 5000, 1)}×` : '');
      add(`peak JS heap < 300 MB (${r.articles} art.)`, `${fmt(r.heap_total / 1048576, 0)} MB`, r.heap_total < 300 * 1048576);
    }
  }
}

console.log('| target | measured | met |  |');
console.log('|---|---:|:---:|---|');
for (const r of rows) console.log(`| ${r.target} | ${r.measured} | ${r.ok ? 'yes' : '**no**'} | ${r.note} |`);
const missing = [['native', native], ['node', node], ['browser', browser]].filter(([, v]) => !v).map(([k]) => k);
if (missing.length) console.log(`\n(no figures from: ${missing.join(', ')})`);
