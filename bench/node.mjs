#!/usr/bin/env node
// Node benchmark (part of `make bench`): our wasm build against compromise 14.x and wink-nlp 2.x
// on the same text, in the same process, runs interleaved.
//
//   node bench/node.mjs [--runs N] [--warmup S] [--pkg DIR] [--json OUT] bench/corpora/5 bench/corpora/50 ...
//
// Hypothesis: the wasm engine doing extraction + comparison (the whole `compare` call the page's
// worker makes: JSON.stringify of the articles, compare, JSON.parse of the report) has at least
// 50× compromise's throughput (`nlp(text)` then `.people() .places() .organizations()`, entity
// extraction only) and 2× wink-nlp's entity throughput (`readDoc(text).entities()`, with
// wink-eng-lite-web-model) on the same articles.
//
// How: each corpus (a folder of *.txt articles, the file stem is the id) is loaded once; each
// system is warmed up: called until it has used S seconds of CPU (default 1, at least one call,
// at most 100), then a 1 s pause; then N rounds (default 5), each running the three systems in a
// rotating order, so slow-downs from other load hit them alike. Times are the process's CPU time
// (process.cpuUsage: user + system, all threads, so GC and V8's compiler threads count), steadier
// than wall time on a machine shared with other work; wall times are kept in the JSON. Medians
// of N; ratios are medians of the per-round ratios (the runs paired within a round).
// Why the warm-up: V8 runs wasm first in its baseline compiler and compiles the hot functions
// again, optimised, on background threads (~0.6 s of CPU for this module); that CPU counts here.
// After one warm-up call it fell in the timed runs of the 5-article corpus (a 10 ms comparison
// measured 34-60 ms), which measured V8's compiler, not the throughput. The page does the same
// warm-up in its worker (www/core.js). The first call's CPU time (cold: compiling and, for the
// wasm, building its word lists) is printed apart, per system.
//
// Checks before any time is printed: every system finds the same number of entities in every
// run, and not zero; the wasm report has facts, and its fact and entity counts equal the native
// CLI's on the same files (target/release/corroborate, skipped with a note when it is absent).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { loadCorpus, median, takeOpt } from './common.mjs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => takeOpt(args, name, dflt);
const RUNS = Number(opt('--runs', '5'));
const JSON_OUT = opt('--json', null);
const CLI = opt('--cli', join(ROOT, 'target', 'release', 'corroborate'));
const WARMUP_S = Number(opt('--warmup', '1'));
const PKG = opt('--pkg', join(ROOT, 'www', 'pkg'));
if (!args.length || !(RUNS >= 1) || !(WARMUP_S >= 0)) {
  console.error('usage: node bench/node.mjs [--runs N] [--warmup S] [--pkg DIR] [--json OUT] CORPUS_DIR...');
  process.exit(2);
}

const pkg = resolve(PKG);
if (!existsSync(join(pkg, 'corroborate_bg.wasm'))) {
  console.error('bench/node.mjs: www/pkg is missing; run `make wasm` first');
  process.exit(1);
}
const glue = await import(join(pkg, 'corroborate.js'));
glue.initSync({ module: readFileSync(join(pkg, 'corroborate_bg.wasm')) });
const wink = winkNLP(model);


/** The systems; each returns a count that must be the same in every run. */
const systems = {
  wasm: (articles) => {
    const report = JSON.parse(glue.compare(JSON.stringify(articles)));
    return { facts: report.facts.length, entities: report.entities.length };
  },
  compromise: (articles) => {
    let n = 0;
    for (const a of articles) {
      const doc = nlp(a.text);
      n += doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
    }
    return { entities: n };
  },
  wink: (articles) => {
    let n = 0;
    for (const a of articles) n += wink.readDoc(a.text).entities().out().length;
    return { entities: n };
  },
};
const NAMES = Object.keys(systems);


function cliCounts(articles) {
  if (!existsSync(CLI)) return null;
  const out = execFileSync(CLI, ['compare', '--format', 'json', ...articles.map((a) => a.file)], { maxBuffer: 1 << 30 });
  const r = JSON.parse(out);
  return { facts: r.facts.length, entities: r.entities.length };
}

const rows = [];
const notes = [];
for (const dir of args) {
  const withFiles = loadCorpus(dir);
  const articles = withFiles.map(({ id, text }) => ({ id, text }));
  const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
  const expect = {};
  const first = {};
  for (const name of NAMES) {
    // The first call gives the answers; more calls until WARMUP_S of CPU (see the top).
    let c0 = process.cpuUsage();
    expect[name] = systems[name](articles);
    const c = process.cpuUsage(c0);
    first[name] = (c.user + c.system) / 1e6;
    let used = first[name];
    for (let i = 1; i < 100 && used < WARMUP_S; i++) {
      c0 = process.cpuUsage();
      systems[name](articles);
      const d = process.cpuUsage(c0);
      used += (d.user + d.system) / 1e6;
    }
  }
  if (WARMUP_S > 0) await new Promise((r) => setTimeout(r, 1000)); // background compiles finish
  for (const name of NAMES) {
    if (!(expect[name].entities > 0)) throw new Error(`${dir}: ${name} found no entities`);
  }
  if (!(expect.wasm.facts > 0)) throw new Error(`${dir}: the wasm report has no facts`);
  const cli = cliCounts(withFiles);
  if (cli) {
    if (cli.facts !== expect.wasm.facts || cli.entities !== expect.wasm.entities) {
      throw new Error(
        `${dir}: wasm counts ${JSON.stringify(expect.wasm)} differ from the CLI's ${JSON.stringify(cli)} ` +
          '(were www/pkg and target/release/corroborate built from the same sources? `make wasm && cargo build --release`)',
      );
    }
  } else if (!notes.length) {
    notes.push(`(no CLI at ${CLI}: the wasm counts were not checked against the native report)`);
  }
  const times = Object.fromEntries(NAMES.map((n) => [n, []]));
  const wall = Object.fromEntries(NAMES.map((n) => [n, []]));
  for (let r = 0; r < RUNS; r++) {
    for (let k = 0; k < NAMES.length; k++) {
      const name = NAMES[(r + k) % NAMES.length];
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const got = systems[name](articles);
      const c = process.cpuUsage(c0);
      wall[name].push((performance.now() - t0) / 1000);
      times[name].push((c.user + c.system) / 1e6);
      if (JSON.stringify(got) !== JSON.stringify(expect[name])) {
        throw new Error(`${dir}: ${name} answered ${JSON.stringify(got)}, then ${JSON.stringify(expect[name])}`);
      }
    }
  }
  const ratio = (other) => median(times[other].map((t, r) => t / times.wasm[r]));
  rows.push({
    dir,
    articles: articles.length,
    bytes,
    runs: RUNS,
    seconds: Object.fromEntries(NAMES.map((n) => [n, median(times[n])])),
    wall_seconds: Object.fromEntries(NAMES.map((n) => [n, median(wall[n])])),
    counts: expect,
    first_call_seconds: first,
    warmup_seconds: WARMUP_S,
    vs_compromise: ratio('compromise'),
    vs_wink: ratio('wink'),
  });
}

const mbs = (row, name) => row.bytes / 1e6 / row.seconds[name];
console.log(
  `Node ${process.version}, one process, median of ${RUNS} interleaved runs after ${WARMUP_S} s CPU of warm-up each ` +
    `(answers checked${notes.length ? '' : ' against the CLI'}); CPU time\n`,
);
console.log('| articles | MB | wasm extr.+comparison MB/s | compromise MB/s | wink-nlp MB/s | wasm ÷ compromise (≥ 50×) | wasm ÷ wink-nlp (≥ 2×) | wasm s CPU / wall | facts | entities (wasm / compromise / wink) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.articles} | ${(r.bytes / 1e6).toFixed(2)} | ${mbs(r, 'wasm').toFixed(2)} | ${mbs(r, 'compromise').toFixed(3)} | ${mbs(r, 'wink').toFixed(2)} | ` +
      `${r.vs_compromise.toFixed(1)}× | ${r.vs_wink.toFixed(2)}× | ${r.seconds.wasm.toFixed(3)} / ${r.wall_seconds.wasm.toFixed(3)} | ${r.counts.wasm.facts} | ` +
      `${r.counts.wasm.entities} / ${r.counts.compromise.entities} / ${r.counts.wink.entities} |`,
  );
}
console.log(
  `\nfirst call (cold) s CPU, wasm / compromise / wink: ` +
    rows.map((r) => `${r.articles} articles ${NAMES.map((n) => r.first_call_seconds[n].toFixed(3)).join(' / ')}`).join('; '),
);
const at = (n) => rows.find((r) => r.articles === n);
if (at(200) && at(1000)) {
  const k = Math.log(at(1000).seconds.wasm / at(200).seconds.wasm) / Math.log(1000 / 200);
  console.log(`\ngrowth exponent of wasm extraction + comparison, 200 → 1,000 articles: ${k.toFixed(2)} (target ≤ 1.2)`);
}
for (const n of notes) console.log(n);
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(rows, null, 1) + '\n');
