// The page: article boxes (saved in the browser by storage.js), the Compare button, results and exports.
// The engine itself runs in a worker (engine.js); the report is drawn by render.js.
import { BUILD } from './config.js';
import { createEngine, EngineCancelled } from './engine.js';
import { h, renderReport, summarize } from './render.js';
import { matrixCsv } from './csv.js';
import { newArticleId, openStore, parseRecord, serializeRecord } from './storage.js';
import { EXAMPLE_ARTICLES } from './pkg/examples.js';
import { installHtmlInput } from './htmlinput.js';

const INITIAL_BOXES = 2;
// The engine's limits (MAX_ARTICLE_BYTES, MAX_TOTAL_BYTES in src/lib.rs; tests/e2e/odd-input
// checks they agree): the page shows them as you type, the engine refuses beyond them.
const MAX_ARTICLE_BYTES = 5_000_000;
/** A comparison running longer than this is stopped (the worker restarted) with a message. */
const COMPARE_TIMEOUT_MS = 120_000;
const SAVE_DELAY_MS = 300;

const $ = (id) => document.getElementById(id);
const ui = {
  list: $('articles'),
  loadExample: $('load-example'),
  openFiles: $('open-files'),
  clearAll: $('clear-all'),
  add: $('add-article'),
  compare: $('compare'),
  cancel: $('cancel'),
  status: $('status'),
  error: $('error'),
  storageNote: $('storage-note'),
  results: $('results'),
  resultsHeading: $('results-heading'),
  report: $('report'),
  stale: $('stale-note'),
  exportJson: $('export-json'),
  exportMd: $('export-md'),
  exportCsv: $('export-csv'),
  print: $('print-report'),
  progress: $('progress'),
  elapsed: $('elapsed'),
  version: $('version'),
  theme: $('theme'),
};

const engine = createEngine(BUILD.engineOptions());
/** The last successful comparison: {articles, report, key}. */
let lastRun = null;
let busy = false;

// ---------------------------------------------------------------- article boxes

let nextKey = 1; // for element ids; never reused, unlike the visible numbers
const boxes = []; // [{li, heading, titleLabel, textLabel, title, text, words, remove}]

function addBox({ id, title = '', text = '', outlet, date } = {}, { focus = false } = {}) {
  const key = nextKey++;
  // dir="auto" on the title; the text box gets its direction from updateWords (textDirection):
  // Chromium froze for minutes on a dir="auto" textarea holding 8 MB.
  const titleInput = h('input', { type: 'text', id: `title-${key}`, class: 'title-input', autocomplete: 'off', spellcheck: 'false', dir: 'auto' });
  const textarea = h('textarea', { id: `text-${key}`, class: 'text-input', rows: '7', spellcheck: 'false' });
  titleInput.value = title;
  textarea.value = text;
  const box = {
    savedId: id || newArticleId(), // the article's id in storage.js's record
    extra: { outlet, date }, // saved fields the page has no box for yet: kept as they were
    heading: h('h3', { class: 'article-number' }),
    titleLabel: h('label', { for: titleInput.id }),
    textLabel: h('label', { for: textarea.id }),
    title: titleInput,
    text: textarea,
    words: h('p', { class: 'words muted' }),
    remove: h('button', { type: 'button', class: 'remove link-button' }, 'Remove'),
  };
  box.li = h(
    'li',
    { class: 'article' },
    h('div', { class: 'article-head' }, box.heading, box.remove),
    h('div', { class: 'field' }, box.titleLabel, titleInput),
    h('div', { class: 'field' }, box.textLabel, textarea),
    box.words,
  );
  box.remove.addEventListener('click', () => removeBox(box));
  boxes.push(box);
  ui.list.append(box.li);
  updateWords(box);
  // Only the new box needs its number (and, at two boxes, the first its Remove button back):
  // renumbering every box on every add made restoring 1,000 articles take minutes.
  renumber(boxes.length <= 2 ? 0 : boxes.length - 1);
  if (focus) textarea.focus();
  return box;
}

function removeBox(box) {
  const i = boxes.indexOf(box);
  if (i < 0 || boxes.length <= 1) return;
  const label = articleId(i);
  if ((box.text.value.trim() || box.title.value.trim()) && !window.confirm(`Remove ${label} and its text?`)) return;
  boxes.splice(i, 1);
  box.li.remove();
  renumber();
  (boxes[Math.min(i, boxes.length - 1)] || {}).text?.focus();
  setStatus(`${label} removed.`);
  changed();
}

function setBoxes(articles) {
  for (const box of boxes.splice(0)) box.li.remove();
  for (const a of articles) addBox(a);
  while (boxes.length < INITIAL_BOXES) addBox();
  renumber();
}

/** The id an article is compared under: its position, as the page shows it. */
const articleId = (i) => `Article ${i + 1}`;

/** Numbers and labels the boxes from index `from` on. */
function renumber(from = 0) {
  boxes.forEach((box, i) => {
    if (i < from) return;
    const id = articleId(i);
    box.heading.textContent = id;
    // Visible: "Title (optional)", "Text"; announced: "Article 2 Title (optional)", ...
    box.titleLabel.replaceChildren(h('span', { class: 'visually-hidden' }, `${id} `), 'Title (optional)');
    box.textLabel.replaceChildren(h('span', { class: 'visually-hidden' }, `${id} `), 'Text');
    box.remove.setAttribute('aria-label', `Remove ${id}`);
    box.remove.disabled = boxes.length <= 1;
  });
}

function updateWords(box) {
  const text = box.text.value;
  box.text.dir = textDirection(text);
  const { words: n, bytes } = measure(text);
  const over = bytes > MAX_ARTICLE_BYTES;
  box.words.classList.toggle('over-limit', over);
  box.words.textContent = !n
    ? 'Empty'
    : `${n.toLocaleString('en')} ${n === 1 ? 'word' : 'words'}` +
      (over ? ` · ${megabytes(bytes)}, over the ${MAX_ARTICLE_BYTES / 1e6} MB limit for one article: it cannot be compared` : '');
}

/**
 * Words (runs of non-space) and UTF-8 bytes of a text, in one pass and without copying it:
 * a pasted article can be 20 MB, and splitting it into an array of words took seconds.
 */
function measure(text) {
  let words = 0;
  let extra = 0; // UTF-8 bytes beyond one per UTF-16 unit
  let inWord = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32) {
      if (c === 32 || (c >= 9 && c <= 13)) inWord = false;
      else if (!inWord) {
        inWord = true;
        words++;
      }
      continue;
    }
    if (c >= 0x80) {
      // 2 or 3 bytes; a surrogate pair is 4, counted at its first half.
      extra += c < 0x800 ? 1 : c >= 0xd800 && c < 0xdc00 ? 3 : c >= 0xdc00 && c < 0xe000 ? -1 : 2;
      if (c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029) {
        inWord = false;
        continue;
      }
    }
    if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return { words, bytes: n + extra };
}

/** 'rtl' when the first letter of a strongly directed script is Hebrew or Arabic, else 'ltr'. */
function textDirection(text) {
  const m = /[A-Za-z\u00C0-\u024F\u0370-\u052F\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u3040-\u9FFF\uAC00-\uD7AF]/.exec(text.slice(0, 4000));
  return m && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(m[0]) ? 'rtl' : 'ltr';
}

const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** What Compare sends: every box with a title or text, named by its position. */
function collectArticles() {
  const out = [];
  boxes.forEach((box, i) => {
    const title = box.title.value.trim();
    const text = box.text.value;
    if (!title && !text.trim()) return; // an untouched extra box is not an error
    const article = { id: articleId(i), text };
    if (title) article.title = title;
    out.push(article);
  });
  return out;
}

// ---------------------------------------------------------------- persistence

let saveTimer = 0;
let store = null; // storage.js's store, once opened
let settings = {}; // saved with the articles: {theme?: 'light' | 'dark'}
const dirtyBoxes = new Set(); // boxes whose word count is out of date

/** The articles as storage.js saves them: every box, in order, empty ones included. */
const savedState = () => ({
  settings,
  articles: boxes.map((b) => ({ id: b.savedId, title: b.title.value, text: b.text.value, ...b.extra })),
});

// The journal: a synchronous copy of the articles written to localStorage as the page goes away
// with a save still pending or unfinished.
// IndexedDB writes are asynchronous and a reload or close can cut them off; the journal, when
// present, is the state at the last pagehide and wins on the next load, which then stores it in
// IndexedDB and removes it. Skipped above JOURNAL_MAX characters (localStorage holds ~5 MB).
const JOURNAL_KEY = 'corroborate.journal';
const JOURNAL_MAX = 2_000_000;

function writeJournal() {
  try {
    localStorage.removeItem(JOURNAL_KEY); // never leave an older journal behind
    const text = serializeRecord(savedState());
    if (text.length <= JOURNAL_MAX) localStorage.setItem(JOURNAL_KEY, text);
  } catch {
    // No localStorage, or full: the IndexedDB save is all there is.
  }
}

function readJournal() {
  try {
    const text = localStorage.getItem(JOURNAL_KEY);
    return text ? parseRecord(text) : null;
  } catch {
    return null;
  }
}

let savesInFlight = 0; // IndexedDB writes started and not yet finished

function saveNow() {
  clearTimeout(saveTimer);
  saveTimer = 0;
  if (!store) return;
  savesInFlight++;
  // A failure shows as store.warning (showStorageWarning).
  Promise.resolve(store.save(savedState())).finally(() => savesInFlight--);
}

function showStorageWarning() {
  const text = store?.warning;
  ui.storageNote.textContent = text || '';
  ui.storageNote.hidden = !text;
}

/** The work after an edit, done once typing pauses (articles can be megabytes long). */
function settle() {
  for (const box of dirtyBoxes) if (boxes.includes(box)) updateWords(box);
  dirtyBoxes.clear();
  saveNow();
  // Flag results that no longer match the articles.
  if (lastRun) ui.stale.hidden = runKey(collectArticles()) === lastRun.key;
}

/**
 * After any edit (of `box`, if given): save and recount soon. `recount`: count the box's words
 * now, not when typing pauses (text put in all at once, as by the HTML cleanup and its undo).
 */
function changed(box, { recount = false } = {}) {
  if (box) {
    if (recount) {
      updateWords(box);
      dirtyBoxes.delete(box);
    } else dirtyBoxes.add(box);
  }
  clearTimeout(saveTimer);
  saveTimer = setTimeout(settle, SAVE_DELAY_MS);
}

const runKey = (articles) => JSON.stringify(articles);

// ---------------------------------------------------------------- theme

// The theme switch: follow the system, light or dark. The choice is kept in the saved settings
// (`settings.theme`, absent for "system") and in localStorage under THEME_KEY, which theme.js
// reads synchronously before the first paint (IndexedDB answers too late for that).
const THEME_KEY = 'corroborate.theme';
const THEMES = ['system', 'light', 'dark'];
const themeColors = [...document.querySelectorAll('meta[name="theme-color"]')].map((m) => ({ meta: m, content: m.content }));
const THEME_COLOR = { light: '#f6f7f9', dark: '#16181d' }; // --bg of each theme (style.css)

function readLocalTheme() {
  try {
    const t = localStorage.getItem(THEME_KEY);
    return THEMES.includes(t) ? t : null;
  } catch {
    return null;
  }
}

/** Shows a theme: `data-theme` on <html> (none for "system"), the switch, the browser's bar colour. */
function applyTheme(choice) {
  const theme = THEMES.includes(choice) ? choice : 'system';
  const root = document.documentElement;
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
  ui.theme.value = theme;
  for (const { meta, content } of themeColors) meta.content = theme === 'system' ? content : THEME_COLOR[theme];
  return theme;
}

/** The user chose a theme: show it and keep it (localStorage at once, the saved settings soon). */
function chooseTheme(choice) {
  const theme = applyTheme(choice);
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // No localStorage: the saved settings still have it (applied once they are read).
  }
  if (theme === 'system') delete settings.theme;
  else settings.theme = theme;
  changed();
  setStatus(theme === 'system' ? 'Theme: following the system setting.' : `Theme: ${theme}.`);
}

// ---------------------------------------------------------------- view state

// What the results views remember between comparisons in this tab (render.js's `view`): the
// articles the reading view shows side by side. Kept in sessionStorage, so a reload and another
// comparison keep it too.
const VIEW_KEY = 'corroborate.view';
const viewState = (() => {
  try {
    const v = JSON.parse(sessionStorage.getItem(VIEW_KEY) || '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
})();

function saveViewState() {
  try {
    sessionStorage.setItem(VIEW_KEY, JSON.stringify(viewState));
  } catch {
    // Kept in this page only.
  }
}

// ---------------------------------------------------------------- messages

function setStatus(text) {
  ui.status.textContent = text;
}

function showError(text) {
  ui.error.textContent = text;
  ui.error.hidden = false;
}

function clearError() {
  ui.error.hidden = true;
  ui.error.textContent = '';
}

// ---------------------------------------------------------------- comparing

let elapsedTimer = 0;

function setBusy(on) {
  busy = on;
  ui.compare.disabled = on;
  ui.compare.textContent = on ? 'Comparing…' : 'Compare';
  ui.cancel.hidden = !on;
  ui.results.setAttribute('aria-busy', String(on));
  // Elapsed time while the worker runs (not in the live status line: announced once, not every second).
  clearInterval(elapsedTimer);
  ui.progress.hidden = !on;
  if (on) {
    const started = performance.now();
    ui.elapsed.textContent = '0 s';
    elapsedTimer = setInterval(() => {
      ui.elapsed.textContent = `${Math.floor((performance.now() - started) / 1000)} s`;
    }, 500);
  }
}

async function runCompare() {
  if (busy) return;
  clearError();
  settle();
  const all = collectArticles();
  const { articles, copies } = withoutCopies(all);
  if (copies.length && articles.length < 2) {
    showError(
      `Could not compare: all ${all.length} articles have the same text (${copies.length} ${copies.length === 1 ? 'is a copy' : 'are copies'} ` +
        `of ${articles[0].id}), so there is only one source. Add articles from other sources.`,
    );
    return;
  }
  const count = `${articles.length} ${articles.length === 1 ? 'article' : 'articles'}`;
  setBusy(true);
  setStatus(`Comparing ${count}…`);
  const started = performance.now();
  // Analysis time is bounded: past the limit the worker is stopped (cancel restarts it).
  const limitMs = globalThis.CORROBORATE_COMPARE_TIMEOUT_MS ?? COMPARE_TIMEOUT_MS; // tests shorten it
  let timedOut = false;
  const watchdog = setTimeout(() => {
    timedOut = true;
    engine.cancel();
  }, limitMs);
  try {
    const report = await engine.compare(articles);
    const ms = Math.round(performance.now() - started);
    lastRun = { articles, report, key: runKey(all) };
    showResults();
    const n = summarize(report);
    setStatus(
      `Compared ${count} in ${ms} ms: ${n.corroborated} corroborated facts, ${n.conflicts} conflicts, ` +
        `${n.single} single-source details.` + copiesNote(copies) + inputNotes(report),
    );
    ui.results.scrollIntoView({ block: 'start' });
    ui.resultsHeading.focus({ preventScroll: true });
  } catch (e) {
    if (e instanceof EngineCancelled && timedOut) {
      setStatus('');
      showError(
        `Could not compare: the comparison took longer than ${Math.round(limitMs / 1000)} s and was stopped. ` +
          'Compare fewer or shorter articles; your articles are unchanged.',
      );
    } else if (e instanceof EngineCancelled) {
      setStatus('Comparison cancelled.');
    } else {
      setStatus('');
      showError(`Could not compare: ${e && e.message ? e.message : String(e)}`);
    }
  } finally {
    clearTimeout(watchdog);
    setBusy(false);
    showEngine();
  }
}

/**
 * Articles whose text is the same as an earlier one's (white space aside) are left out: a copy is
 * no independent source, and 200 copies made a report of thousands of facts that took the page
 * a minute to show. Returns {articles, copies: [{id, of}]}. (The engine, given copies, compares
 * them with an "identical" warning each.)
 */
function withoutCopies(all) {
  const seen = new Map(); // normalised text -> id of its first article
  const articles = [];
  const copies = [];
  for (const a of all) {
    const key = a.text.replace(/\s+/g, ' ').trim();
    const of = seen.get(key);
    if (of === undefined) {
      seen.set(key, a.id);
      articles.push(a);
    } else copies.push({ id: a.id, of });
  }
  return { articles, copies };
}

function copiesNote(copies) {
  if (!copies.length) return '';
  const named = copies.slice(0, 3).map((c) => `${c.id} = ${c.of}`).join(', ') + (copies.length > 3 ? ', …' : '');
  const what = copies.length === 1 ? '1 article was left out as a copy' : `${copies.length} articles were left out as copies`;
  return ` ${what} of another one (${named}).`;
}

/** A sentence for the status line about odd input the engine warned of (languages, junk). */
function inputNotes(report) {
  const sources = report.sources || [];
  const has = (kind) => sources.filter((s) => (s.warnings || []).some((w) => w.kind === kind));
  const notes = [];
  const foreign = has('not-english').length;
  if (foreign) notes.push(`${foreign === 1 ? '1 article does' : `${foreign} articles do`} not look like English: names, facts and tone will be incomplete.`);
  const warned = sources.filter((s) => (s.warnings || []).some((w) => !['duplicate-line', 'boilerplate', 'section-label'].includes(w.kind))).length;
  if (notes.length || warned) notes.push('See the warnings in the overview.');
  return notes.length ? ' ' + notes.join(' ') : '';
}

function showResults() {
  ui.report.replaceChildren(renderReport(lastRun.report, { articles: lastRun.articles, view: viewState, onViewChange: saveViewState }));
  ui.stale.hidden = true;
  ui.results.hidden = false;
}

async function showEngine() {
  try {
    const v = await engine.version();
    ui.version.textContent = ` ${v} (engine ${engine.kind === 'worker' ? 'in a background worker' : 'in the page'})`;
  } catch {
    // The error, if any, is shown when comparing.
  }
}

// ---------------------------------------------------------------- exports

function download(filename, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function exportJson() {
  if (!lastRun) return;
  download('corroborate-report.json', 'application/json', JSON.stringify(lastRun.report, null, 2) + '\n');
  setStatus('Report downloaded as JSON.');
}

async function exportMarkdown() {
  if (!lastRun) return;
  try {
    const md = await engine.markdown(lastRun.articles);
    download('corroborate-report.md', 'text/markdown', md);
    setStatus('Report downloaded as Markdown.');
  } catch (e) {
    if (!(e instanceof EngineCancelled)) showError(`Could not make the Markdown report: ${e.message}`);
  }
}

function exportCsv() {
  if (!lastRun) return;
  download('corroborate-fact-matrix.csv', 'text/csv', matrixCsv(lastRun.report));
  setStatus('Fact matrix downloaded as CSV.');
}

// ---------------------------------------------------------------- buttons

function loadExample() {
  const hasText = boxes.some((b) => b.text.value.trim() || b.title.value.trim());
  if (hasText && !window.confirm('Replace your articles with the example? Your current text will be lost.')) return;
  setBoxes(EXAMPLE_ARTICLES.map((a) => ({ title: '', text: a.text })));
  clearError();
  settle();
  setStatus(`Example loaded: ${EXAMPLE_ARTICLES.length} articles about one story. Press Compare.`);
}

function clearAll() {
  if (!window.confirm('Remove all articles? This cannot be undone.')) return;
  setBoxes([]);
  lastRun = null;
  ui.results.hidden = true;
  ui.report.replaceChildren();
  clearError();
  settle();
  setStatus('All articles removed.');
  boxes[0].text.focus();
}

async function start() {
  // theme.js has already put the locally kept theme on <html>; the switch shows it. (A choice made
  // before the saved settings are read is kept: the local copy wins below.)
  applyTheme(readLocalTheme() || 'system');
  ui.theme.addEventListener('change', () => chooseTheme(ui.theme.value));
  // The boxes appear once the saved articles are read (IndexedDB answers in milliseconds).
  store = await openStore();
  store.onchange = showStorageWarning;
  const saved = await store.load();
  const journal = readJournal();
  settings = journal ? journal.settings : saved.settings;
  setBoxes(journal ? journal.articles : saved.articles);
  showStorageWarning();
  // The local copy of the theme is the latest choice; without one (storage cleared, another
  // browser profile's record), the saved settings say.
  const localTheme = readLocalTheme();
  if (localTheme) {
    if (localTheme === 'system') delete settings.theme;
    else settings.theme = localTheme; // saved with the next change
  } else if (THEMES.includes(settings.theme)) {
    applyTheme(settings.theme);
    try {
      localStorage.setItem(THEME_KEY, settings.theme);
    } catch {}
  }
  if (journal) {
    store.save(savedState()).then((ok) => {
      if (ok) {
        try {
          localStorage.removeItem(JOURNAL_KEY);
        } catch {}
      }
    });
  }

  ui.list.addEventListener('input', (event) => {
    changed(boxes.find((b) => b.text === event.target));
  });
  ui.list.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      runCompare();
    }
  });
  ui.add.addEventListener('click', () => {
    addBox({}, { focus: true });
    changed();
  });
  ui.loadExample.addEventListener('click', loadExample);
  // Pasted HTML, and HTML files dropped or chosen, become article text (htmlinput.js).
  installHtmlInput({
    engine,
    list: ui.list,
    dropZone: ui.list,
    fileInput: ui.openFiles,
    boxOf: (el) => boxes.find((b) => b.text === el),
    boxForFile: () => boxes.find((b) => !b.text.value.trim() && !b.title.value.trim()) || addBox(),
    changed,
    setStatus,
    showError,
  });
  ui.clearAll.addEventListener('click', clearAll);
  ui.compare.addEventListener('click', runCompare);
  ui.cancel.addEventListener('click', () => engine.cancel());
  ui.exportJson.addEventListener('click', exportJson);
  ui.exportMd.addEventListener('click', exportMarkdown);
  ui.exportCsv.addEventListener('click', exportCsv);
  ui.print.addEventListener('click', () => window.print());
  // On paper every folded part of the results is shown; folds come back after printing.
  let unfolded = [];
  window.addEventListener('beforeprint', () => {
    unfolded = [...ui.report.querySelectorAll('details:not([open])')];
    for (const d of unfolded) d.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const d of unfolded) d.open = false;
    unfolded = [];
  });
  // Never lose the last keystrokes to the save delay (storage.js commits the write at once).
  // A reload can cut off the IndexedDB write, so the journal keeps a synchronous copy.
  window.addEventListener('pagehide', () => {
    const unsaved = saveTimer !== 0 || savesInFlight > 0;
    if (saveTimer) settle();
    if (unsaved) writeJournal();
  });
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && saveTimer && settle());

  showEngine();
  if (BUILD.serviceWorker && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('Corroborate: offline mode unavailable:', e));
  }
}

start();
