// The page: article boxes (saved in the browser by storage.js), the Compare button, results and exports.
// The engine itself runs in a worker (engine.js); the report is drawn by render.js.
import { BUILD } from './config.js';
import { createEngine, EngineCancelled } from './engine.js';
import { drawReport, finishDrawing, h, summarize } from './render.js';
import { matrixCsv } from './csv.js';
import { newArticleId, openStore, parseRecord, serializeRecord } from './storage.js';
import { EXAMPLE_ARTICLES } from './pkg/examples.js';
import { installHtmlInput } from './htmlinput.js';
import { MAX_ARTICLE_BYTES, measure, megabytes, sizeError } from './limits.js';

const INITIAL_BOXES = 2;
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
    counted: 0, // the text's length when last counted (updateWords)
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
  box.counted = text.length;
  // (Set only when it changes: no style work for a box of megabytes whose direction stays.)
  const dir = textDirection(text);
  if (box.text.dir !== dir) box.text.dir = dir;
  const { words: n, bytes } = measure(text);
  // For Compare (sizes, copies), so that it does not go through every text again.
  box.stats = { text, bytes, solid: solidLength(text) };
  const over = bytes > MAX_ARTICLE_BYTES;
  box.words.classList.toggle('over-limit', over);
  box.words.textContent = !n
    ? 'Empty'
    : `${n.toLocaleString('en')} ${n === 1 ? 'word' : 'words'}` +
      (over ? ` · ${megabytes(bytes)}, over the ${MAX_ARTICLE_BYTES / 1e6} MB limit for one article: it cannot be compared` : '');
}

/** 'rtl' when the first letter of a strongly directed script is Hebrew or Arabic, else 'ltr'. */
function textDirection(text) {
  const m = /[A-Za-z\u00C0-\u024F\u0370-\u052F\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u3040-\u9FFF\uAC00-\uD7AF]/.exec(text.slice(0, 4000));
  return m && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(m[0]) ? 'rtl' : 'ltr';
}

/** What Compare sends: every box with a title or text, named by its position. */
function collectArticles() {
  const out = [];
  boxes.forEach((box, i) => {
    const title = box.title.value.trim();
    const text = box.text.value;
    if (!title && !text.trim()) return; // an untouched extra box is not an error
    const article = { id: articleId(i), text };
    if (title) article.title = title;
    if (box.stats?.text === text) statsOf.set(article, box.stats);
    out.push(article);
  });
  return out;
}

/** Sizes of articles collectArticles took from boxes counted since their last change. */
const statsOf = new WeakMap();
const bytesOf = (a) => statsOf.get(a)?.bytes ?? measure(a.text).bytes;
const solidOf = (a) => statsOf.get(a)?.solid ?? solidLength(a.text);

// ---------------------------------------------------------------- persistence

let saveTimer = 0;
let store = null; // storage.js's store, once opened
let settings = {}; // saved with the articles: {theme?: 'light' | 'dark'}
const dirtyBoxes = new Set(); // boxes whose word count is out of date
let saveWanted = false; // an edit made before the store opened: saved as soon as it has
/**
 * A change of a box by at least this many characters (a paste, a drop, a file, a cleanup, a big
 * deletion) is saved at once rather than after the typing pause: a reload a moment after pasting
 * megabytes must not find the save still waiting for its timer.
 */
const BIG_CHANGE = 10_000;

/** The articles as storage.js saves them: every box, in order, empty ones included. */
const savedState = () => ({
  settings,
  articles: boxes.map((b) => ({ id: b.savedId, title: b.title.value, text: b.text.value, ...b.extra })),
});

// The journal: a synchronous copy of the articles written to localStorage as the page goes away
// with a save still pending or unfinished.
// IndexedDB writes are asynchronous and a reload or close can cut them off; the journal, when
// present, is the state at the last pagehide and wins on the next load, which then stores it in
// IndexedDB and removes it. Skipped above JOURNAL_MAX characters (localStorage holds ~5 MB): then,
// if the save has not finished, the page asks before it is left (beforeunload), and only then.
const JOURNAL_KEY = 'corroborate.journal';
const JOURNAL_MAX = 2_000_000;

/** Writes the journal; false when it cannot hold the articles (too big, or no localStorage). */
function writeJournal() {
  if (!loaded) return false; // no boxes yet: nothing to keep, and storage's articles must not be replaced
  try {
    localStorage.removeItem(JOURNAL_KEY); // never leave an older journal behind
    // Counted before serialising: no megabytes of JSON only to find them too big.
    let chars = 0;
    for (const b of boxes) chars += b.text.value.length + b.title.value.length;
    if (chars > JOURNAL_MAX) return false;
    const text = serializeRecord(savedState());
    if (text.length > JOURNAL_MAX) return false;
    localStorage.setItem(JOURNAL_KEY, text);
    return true;
  } catch {
    return false; // no localStorage, or full: the IndexedDB save is all there is
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

function dropJournal() {
  try {
    localStorage.removeItem(JOURNAL_KEY);
  } catch {}
}

let savesInFlight = 0; // IndexedDB writes started and not yet finished

/**
 * Whether leaving now could lose an edit: a save waits for its timer, the store, or IndexedDB.
 * Never before the boxes are shown: there is nothing typed to lose then (a theme chosen meanwhile
 * is kept in localStorage), and a journal of no boxes would replace the saved articles.
 */
const savePending = () => loaded && (saveTimer !== 0 || savesInFlight > 0 || saveWanted);

function saveNow() {
  clearTimeout(saveTimer);
  saveTimer = 0;
  if (!store) {
    saveWanted = true; // the store is still opening (the boxes came from the journal)
    guardUnload();
    return;
  }
  saveWanted = false;
  savesInFlight++;
  guardUnload();
  // A failure shows as store.warning (showStorageWarning).
  Promise.resolve(store.save(savedState())).then(
    (ok) => {
      savesInFlight--;
      // Everything is in storage now: a journal written meanwhile (beforeunload, or the one this
      // page was loaded from) must not win over later edits on the next load.
      if (ok && !savePending()) dropJournal();
      guardUnload();
    },
    () => {
      savesInFlight--;
      guardUnload();
    },
  );
}

// The "Leave site?" question: asked only when leaving would lose an edit, that is when a save is
// pending or unfinished and the journal cannot hold the articles (over JOURNAL_MAX characters).
// The listener is only there while a save is pending (a beforeunload listener can keep a page
// out of the back/forward cache).
let guarding = false;
function guardUnload() {
  const want = savePending();
  if (want === guarding) return;
  guarding = want;
  if (want) window.addEventListener('beforeunload', beforeUnload);
  else window.removeEventListener('beforeunload', beforeUnload);
}

function beforeUnload(event) {
  if (saveTimer) settle(); // start the save now, not after the typing pause
  // (With nowhere to store, the storage note already says the articles go with the page.)
  if (!savePending() || store?.mode === 'memory' || writeJournal()) return;
  event.preventDefault();
  event.returnValue = 'Your articles are still being saved.'; // (browsers show their own words)
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
 * After any edit (of `box`, if given): save and recount soon, or at once for a paste (`now`) or
 * a change of BIG_CHANGE characters or more. `recount`: count the box's words now, not when
 * typing pauses (text put in all at once, as by the HTML cleanup and its undo).
 */
function changed(box, { now = false, recount = false } = {}) {
  // (Measured before a recount, which moves box.counted to the new length.)
  const big = now || (box && Math.abs(box.text.value.length - (box.counted ?? 0)) >= BIG_CHANGE);
  if (box) {
    if (recount) {
      updateWords(box);
      dirtyBoxes.delete(box);
    } else dirtyBoxes.add(box);
  }
  clearTimeout(saveTimer);
  saveTimer = 0;
  if (big) {
    settle();
    return;
  }
  saveTimer = setTimeout(settle, SAVE_DELAY_MS);
  guardUnload();
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
  // Busy while the engine works and while the results are drawn (showResults).
  if (on || !drawing) ui.results.setAttribute('aria-busy', String(on));
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
  if (busy || !loaded) return;
  clearError();
  // Edits still waiting for the typing pause (only then: a save serialises every article again).
  if (saveTimer || dirtyBoxes.size) settle();
  const all = collectArticles();
  // Over the size limits: refused here, in the engine's words, without sending megabytes to it.
  const tooBig = sizeError(all, bytesOf);
  if (tooBig) {
    showError(`Could not compare: ${tooBig}`);
    return;
  }
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
    performance.mark('corroborate:sent'); // (marks for bench/profile.mjs)
    const report = await engine.compare(articles);
    performance.mark('corroborate:answered');
    const ms = Math.round(performance.now() - started);
    lastRun = { articles, report, key: runKey(all) };
    showResults();
    const n = summarize(report);
    setStatus(
      `Compared ${count} in ${ms} ms: ${n.corroborated} corroborated facts, ${n.conflicts} conflicts, ` +
        `${n.single} single-source details.` + copiesNote(copies) + inputNotes(report),
    );
    performance.mark('corroborate:first-screen');
    showFirstScreen();
  } catch (e) {
    if (e instanceof EngineCancelled && timedOut) {
      setStatus('');
      showError(
        `Could not compare: the comparison took longer than ${limitMs < 1000 ? `${limitMs} ms` : `${Math.round(limitMs / 1000)} s`} and was stopped. ` +
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
 * Scrolls to the new results and moves the focus to their heading, just before the next frame
 * (rAF; or after 100 ms in a hidden page, which draws no frames). Done at once, scrollIntoView and
 * focus forced a style and layout of the new results in the middle of this task (~12 ms in a trace
 * of a first Compare of 5 articles), before the status line and the buttons changed, and the frame
 * then brought them up to date again; now both are done once, in the frame (bench/README.md 3c).
 */
function showFirstScreen() {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    if (ui.results.hidden) return; // cleared meanwhile
    ui.results.scrollIntoView({ block: 'start' });
    ui.resultsHeading.focus({ preventScroll: true });
  };
  requestAnimationFrame(go);
  setTimeout(go, 100);
}

/**
 * Articles whose text is the same as an earlier one's (white space aside) are left out: a copy is
 * no independent source, and 200 copies made a report of thousands of facts that took the page
 * a minute to show. Returns {articles, copies: [{id, of}]}. (The engine, given copies, compares
 * them with an "identical" warning each.)
 */
function withoutCopies(all) {
  // A text is normalised (a copy of it made: 20 MB for a 20 MB article) only when another has as
  // many characters other than white space, which every copy has.
  const solid = all.map(solidOf);
  const count = new Map();
  for (const n of solid) count.set(n, (count.get(n) || 0) + 1);
  const seen = new Map(); // normalised text -> id of its first article
  const articles = [];
  const copies = [];
  all.forEach((a, i) => {
    if (count.get(solid[i]) > 1) {
      const key = a.text.replace(/\s+/g, ' ').trim();
      const of = seen.get(key);
      if (of !== undefined) {
        copies.push({ id: a.id, of });
        return;
      }
      seen.set(key, a.id);
    }
    articles.push(a);
  });
  return { articles, copies };
}

/** How many UTF-16 units of a text are not white space (JavaScript's \s), in one pass. */
function solidLength(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c <= 32
      ? c === 32 || (c >= 9 && c <= 13)
      : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
    if (!space) n++;
  }
  return n;
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

/** The results being drawn (render.js drawReport: {done, cancel}), until they all are. */
let drawing = null;

/**
 * Shows lastRun's results: the first screen at once, the rest drawn in short steps after it
 * (#results stays aria-busy until then), so that no task keeps the page busy for long.
 */
function showResults() {
  stopDrawing();
  const job = (drawing = drawReport(ui.report, lastRun.report, {
    articles: lastRun.articles,
    view: viewState,
    onViewChange: saveViewState,
  }));
  ui.stale.hidden = true;
  ui.results.hidden = false;
  ui.results.setAttribute('aria-busy', 'true');
  job.done.then(
    () => {
      if (drawing !== job) return;
      drawing = null;
      ui.results.setAttribute('aria-busy', String(busy));
    },
    (e) => {
      if (drawing !== job) return;
      drawing = null;
      ui.results.setAttribute('aria-busy', String(busy));
      console.error('Corroborate: drawing the results failed:', e);
      showError(`Some of the results could not be shown: ${e && e.message ? e.message : String(e)}`);
    },
  );
}

function stopDrawing() {
  drawing?.cancel();
  drawing = null;
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
  stopDrawing();
  ui.results.setAttribute('aria-busy', 'false');
  ui.results.hidden = true;
  ui.report.replaceChildren();
  clearError();
  settle();
  setStatus('All articles removed.');
  boxes[0].text.focus();
}

// ---------------------------------------------------------------- start

/** Resolves once the boxes are shown (from the journal or from storage). */
let markReady;
const ready = new Promise((resolve) => (markReady = resolve));
let loaded = false;

/**
 * Shows the boxes in place of "Loading saved articles…" (index.html) and enables the buttons
 * that act on them. Until then there is nothing to type into, so nothing typed can be replaced
 * by what storage holds.
 */
function showBoxes(articles) {
  setBoxes(articles);
  ui.list.querySelector('.articles-loading')?.remove();
  ui.list.setAttribute('aria-busy', 'false');
  for (const el of [ui.add, ui.loadExample, ui.clearAll, ui.compare, ui.openFiles]) el.disabled = false;
  loaded = true;
  markReady();
  showEngine();
}

function start() {
  // theme.js has already put the locally kept theme on <html>; the switch shows it. (A choice made
  // before the saved settings are read is kept: the local copy wins in adoptSettings.)
  applyTheme(readLocalTheme() || 'system');
  ui.theme.addEventListener('change', () => chooseTheme(ui.theme.value));
  listen();
  // A journal (the page was left with a save unfinished) is read synchronously: its boxes are
  // shown at once and can be edited while storage opens; the edits are saved once it has.
  const journal = readJournal();
  if (journal) {
    adoptSettings(journal.settings);
    showBoxes(journal.articles);
  }
  loadStore(journal);
  if (BUILD.serviceWorker && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('Corroborate: offline mode unavailable:', e));
  }
}

/** Takes the saved settings (from the journal or from storage) as the page's. */
function adoptSettings(saved) {
  settings = saved;
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
}

async function loadStore(journal) {
  const opened = await openStore();
  opened.onchange = showStorageWarning;
  // Read before the page saves anything: loading migrates older data and notices newer data,
  // which must then be left alone.
  const saved = await opened.load();
  store = opened;
  if (!loaded) {
    adoptSettings(saved.settings);
    showBoxes(saved.articles);
  }
  showStorageWarning();
  // The journal's articles (and anything typed over them meanwhile) go to IndexedDB; the journal
  // is removed once they are there.
  if (journal || saveWanted) saveNow();
}

function listen() {
  ui.list.addEventListener('input', (event) => {
    const box = boxes.find((b) => b.text === event.target || b.title === event.target);
    changed(box, { now: /^insertFrom(Paste|Drop)/.test(event.inputType || '') });
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
  // Pasted HTML, and HTML files dropped or chosen, become article text (htmlinput.js). Files
  // dropped while the saved articles are still loading wait for them (`ready`).
  installHtmlInput({
    engine,
    ready,
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
    finishDrawing(); // every section on paper, not only those drawn so far
    unfolded = [...ui.report.querySelectorAll('details:not([open])')];
    for (const d of unfolded) d.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const d of unfolded) d.open = false;
    unfolded = [];
  });
  // Never lose the last keystrokes to the save delay (storage.js commits the write at once).
  // A reload can cut off the IndexedDB write, so the journal keeps a synchronous copy (and
  // beforeUnload asks first when the journal cannot hold it).
  window.addEventListener('pagehide', () => {
    if (saveTimer) settle();
    if (savePending()) writeJournal();
  });
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && saveTimer && settle());
}

start();
