#!/usr/bin/env node
// Builds dist/corroborate.html: the whole page in ONE file that works opened from disk (file://),
// offline, with no server. Run by `make dist` after `make wasm`.
//
// A file:// page cannot import ES modules from other files, so the page's modules (www/*.js and
// the wasm-bindgen glue www/pkg/corroborate.js) are turned into plain functions and inlined in
// one classic <script>:
//   - `import {a, b as c} from './x.js'` becomes `const {a, b: c} = __require("x.js")`,
//   - `export function f` / `export const x` lose the `export` and `export {a, b as c}` is dropped;
//     each module returns an object of getters for its exports,
//   - `import.meta.url` becomes the document's (or worker's) own URL; it is only used to locate
//     files the dist never fetches, because the wasm is passed in explicitly.
// Anything else (export default, dynamic import(), ...) stops the build with an error rather than
// producing a broken page.
//
// The engine still runs in a Web Worker: the worker's modules (worker.js, core.js, the glue) are
// bundled the same way into a string that the page turns into a Blob URL (Chromium allows blob:
// workers from file:// pages). The wasm is embedded as base64, decoded once, and handed to the
// worker (or to the in-thread fallback) as bytes. www/config.js is replaced by a module that says
// so, and www/pkg/examples.js by the example articles as a literal. No service worker, no
// manifest. www/theme.js, the classic script in <head> that applies the saved theme before the
// first paint, is inlined where it stands. The Content-Security-Policy is rewritten to allow
// exactly those two inline scripts and the style (by hash), the blob: worker and wasm
// compilation, and nothing from anywhere else.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const www = join(root, 'www');
const outFile = join(root, 'dist', 'corroborate.html');

class BuildError extends Error {}

const read = (rel) => readFileSync(join(www, rel), 'utf8');

/** JSON as a JS literal that is also safe inside an HTML <script> element. */
function scriptSafeJson(value) {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

// ------------------------------------------------------------------ ES module -> function

const IDENT = '[A-Za-z_$][\\w$]*';

/** `X`, `{a, b as c}`, `X, {a}`, `* as NS` -> a binding pattern for `const <pattern> = module`. */
function importPattern(clause, where) {
  clause = clause.trim();
  let m;
  if ((m = clause.match(new RegExp(`^\\*\\s+as\\s+(${IDENT})$`)))) return m[1];
  const parts = [];
  m = clause.match(new RegExp(`^(${IDENT})\\s*(?:,\\s*(.*))?$`, 's'));
  if (m && m[1] !== '{') {
    parts.push(`default: ${m[1]}`);
    clause = (m[2] || '').trim();
  }
  if (clause) {
    const named = clause.match(/^\{([\s\S]*)\}$/);
    if (!named) throw new BuildError(`${where}: unsupported import clause "${clause}"`);
    for (const item of named[1].split(',').map((s) => s.trim()).filter(Boolean)) {
      const [name, alias] = item.split(/\s+as\s+/);
      if (!new RegExp(`^${IDENT}$`).test(name) || (alias && !new RegExp(`^${IDENT}$`).test(alias))) {
        throw new BuildError(`${where}: unsupported import "${item}"`);
      }
      parts.push(alias ? `${name}: ${alias}` : name);
    }
  }
  return `{ ${parts.join(', ')} }`;
}

/**
 * Turns one ES module into `function (__require, __importMetaUrl) { ...; return exports }`.
 * Returns {code, deps}; deps are module keys (paths relative to www/).
 */
function transformModule(source, key) {
  const deps = [];
  const exports = []; // [exported name, local name]
  const resolveSpec = (spec) => {
    if (!spec.startsWith('./') && !spec.startsWith('../')) {
      throw new BuildError(`${key}: bare import "${spec}" (only relative imports can be inlined)`);
    }
    const dep = posix.normalize(posix.join(posix.dirname(key), spec));
    deps.push(dep);
    return JSON.stringify(dep);
  };
  let code = source;
  // Side-effect imports, then imports with bindings (possibly over several lines).
  code = code.replace(/^import\s+(['"])([^'"\n]+)\1\s*;?/gm, (_, q, spec) => `__require(${resolveSpec(spec)});`);
  code = code.replace(
    /^import\s+([^'";]+?)\s+from\s+(['"])([^'"\n]+)\2\s*;?/gm,
    (_, clause, q, spec) => `const ${importPattern(clause, key)} = __require(${resolveSpec(spec)});`,
  );
  // Declarations: drop the keyword, remember the name.
  code = code.replace(
    new RegExp(`^export\\s+((?:async\\s+)?function\\*?|class|const|let|var)\\s+(${IDENT})`, 'gm'),
    (_, kind, name) => {
      exports.push([name, name]);
      return `${kind} ${name}`;
    },
  );
  // Export lists.
  code = code.replace(/^export\s*\{([^}]*)\}\s*;?/gm, (_, list) => {
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [local, exported] = item.split(/\s+as\s+/);
      exports.push([exported || local, local]);
    }
    return '';
  });
  code = code.replace(/\bimport\.meta\.url\b/g, '__importMetaUrl');
  for (const [what, re] of [
    ['an export form', /^\s*export\b/m],
    ['an import form', /^\s*import\b(?!\.)/m],
    ['import.meta', /\bimport\.meta\b/],
    ['dynamic import()', /(?<![\w$.])import\s*\(/],
  ]) {
    const m = code.match(re);
    if (m) {
      const line = code.slice(0, m.index).split('\n').length;
      throw new BuildError(`${key}:${line}: ${what} the dist build cannot inline`);
    }
  }
  const getters = exports.map(([name, local]) => `get ${JSON.stringify(name)}() { return ${local}; }`).join(', ');
  return {
    code: `function (__require, __importMetaUrl) {\n${code}\nreturn Object.freeze({ ${getters} });\n}`,
    deps,
  };
}

/**
 * Bundles the module graph from `entry` into one classic script. `overrides` maps module keys to
 * replacement source text.
 */
function bundle(entry, overrides = {}) {
  const order = [];
  const done = new Map();
  const visit = (key, from) => {
    if (done.has(key)) return;
    done.set(key, null); // no cycles in this code base; a cycle would just see an empty slot
    let source = overrides[key];
    if (source === undefined) {
      const file = join(www, key);
      if (!existsSync(file)) throw new BuildError(`${from || 'entry'}: module ${key} not found in www/`);
      source = readFileSync(file, 'utf8');
    }
    const mod = transformModule(source, key);
    for (const dep of mod.deps) visit(dep, key);
    done.set(key, mod);
    order.push(key);
  };
  visit(entry);
  const defines = order.map((key) => `__define(${JSON.stringify(key)}, ${done.get(key).code});`).join('\n\n');
  const code = `(function () {
'use strict';
const __factories = Object.create(null);
const __modules = Object.create(null);
function __define(key, factory) { __factories[key] = factory; }
function __require(key) {
  if (!(key in __modules)) {
    if (!(key in __factories)) throw new Error('corroborate bundle: no module ' + key);
    __modules[key] = __factories[key](__require, self.location.href);
  }
  return __modules[key];
}

${defines}

__require(${JSON.stringify(entry)});
})();
`;
  try {
    new vm.Script(code, { filename: `bundle of ${entry}` });
  } catch (e) {
    throw new BuildError(`the bundle of ${entry} does not parse: ${e.message}`);
  }
  return code;
}

function assertInlineable(code, what) {
  const m = code.match(/<\/script|<!--/i);
  if (m) throw new BuildError(`${what} contains "${m[0]}", which would end or break an inline <script>`);
}

// ------------------------------------------------------------------ the page

async function build() {
  for (const f of ['pkg/corroborate.js', 'pkg/corroborate_bg.wasm', 'pkg/examples.js']) {
    if (!existsSync(join(www, f))) throw new BuildError(`www/${f} is missing: run \`make wasm\` first`);
  }
  const { EXAMPLE_ARTICLES } = await import(pathToFileURL(join(www, 'pkg', 'examples.js')).href);
  const wasmBase64 = readFileSync(join(www, 'pkg', 'corroborate_bg.wasm')).toString('base64');

  const workerCode = bundle('worker.js');
  const distConfig = `// Generated by scripts/build-dist.mjs: the engine of the single-file build.
const WORKER_SOURCE = ${scriptSafeJson(workerCode)};
const WASM_BASE64 = ${JSON.stringify(wasmBase64)};
export const BUILD = {
  target: 'file',
  serviceWorker: false,
  engineOptions() {
    const binary = atob(WASM_BASE64);
    const wasm = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) wasm[i] = binary.charCodeAt(i);
    try {
      const workerUrl = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
      return { workerUrl, workerType: 'classic', wasm };
    } catch (e) {
      console.warn('Corroborate: no blob worker, comparing in the page:', e);
      return { mode: 'inline', wasm };
    }
  },
};
`;
  const examples = `export const EXAMPLE_ARTICLES = ${scriptSafeJson(EXAMPLE_ARTICLES)};\n`;
  const script = bundle('app.js', { 'config.js': distConfig, 'pkg/examples.js': examples });
  assertInlineable(script, 'the page script');
  const theme = read('theme.js').trim();
  assertInlineable(theme, 'theme.js');
  if (/\b(import|export)\b/.test(theme)) throw new BuildError('theme.js must stay a classic script (no import or export)');
  const style = read('style.css');
  if (/<\/style/i.test(style)) throw new BuildError('style.css contains "</style"');

  const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const csp = [
    "default-src 'none'",
    `script-src ${sha(theme)} ${sha(script)} 'wasm-unsafe-eval'`,
    `style-src ${sha(style)}`,
    'img-src data: blob:',
    'worker-src blob:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const icon = `data:image/svg+xml;base64,${Buffer.from(read('icon.svg')).toString('base64')}`;

  let html = read('index.html');
  const replaceOnce = (pattern, replacement, what) => {
    const matches = html.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'));
    if (!matches || matches.length !== 1) {
      throw new BuildError(`www/index.html: expected exactly one ${what} (found ${matches ? matches.length : 0})`);
    }
    // A function, so that "$" in the replacement is never special.
    html = html.replace(pattern, () => replacement);
  };
  replaceOnce(
    /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    'CSP meta',
  );
  replaceOnce(/[ \t]*<link rel="manifest"[^>]*>\n/, '', 'manifest link');
  replaceOnce(/<link rel="icon" href="icon.svg"/, `<link rel="icon" href="${icon}"`, 'icon link');
  replaceOnce(/<link rel="stylesheet" href="style.css">/, `<style>${style}</style>`, 'stylesheet link');
  replaceOnce(/<script src="theme.js"><\/script>/, `<script>${theme}</script>`, 'theme.js script');
  replaceOnce(/[ \t]*<script type="module" src="app.js"><\/script>\n/, '', 'app.js script');
  // A classic script runs where it stands, so it goes after the markup it drives.
  replaceOnce(/<\/body>/, `<script>${script}</script>\n</body>`, '</body>');

  // Nothing may point outside the file.
  const outside = [...html.matchAll(/\b(?:src|href|action)\s*=\s*"([^"]*)"/g)]
    .map((m) => m[1])
    .filter((u) => !u.startsWith('data:') && !u.startsWith('#'));
  if (outside.length) throw new BuildError(`the page still refers to other files: ${outside.join(', ')}`);

  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, html);
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(
    `dist: ${posix.relative(root.split('\\').join('/'), outFile.split('\\').join('/'))} ` +
      `(${kb(statSync(outFile).size)}; wasm ${kb(wasmBase64.length)} as base64, ${EXAMPLE_ARTICLES.length} example articles)`,
  );
}

build().catch((e) => {
  console.error(`build-dist: ${e instanceof BuildError ? e.message : e.stack || e}`);
  process.exit(1);
});
