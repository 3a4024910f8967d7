// The page: article boxes (kept in localStorage), the Compare button, results and exports.
// The engine itself runs in a worker (engine.js); the report is drawn by render.js.
import { BUILD } from './config.js';
import { createEngine, EngineCancelled } from './engine.js';
import { h, renderReport, summarize } from './render.js';
import { EXAMPLE_ARTICLES } from './pkg/examples.js';

const STORAGE_KEY = 'corroborate.v1.articles';
const INITIAL_BOXES = 2;
const SAVE_DELAY_MS = 300;

const $ = (id) => document.getElementById(id);
const ui = {
  list: $('articles'),
  loadExample: $('load-example'),
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
  version: $('version'),
};

const engine = createEngine(BUILD.engineOptions());
/** The last successful comparison: {articles, report, key}. */
let lastRun = null;
let busy = false;

// ---------------------------------------------------------------- article boxes

let nextKey = 1; // for element ids; never reused, unlike the visible numbers
const boxes = []; // [{li, heading, titleLabel, textLabel, title, text, words, remove}]

function addBox({ title = '', text = '' } = {}, { focus = false } = {}) {
  const key = nextKey++;
  const titleInput = h('input', { type: 'text', id: `title-${key}`, class: 'title-input', autocomplete: 'off', spellcheck: 'false' });
  const textarea = h('textarea', { id: `text-${key}`, class: 'text-input', rows: '7', spellcheck: 'false' });
  titleInput.value = title;
  textarea.value = text;
  const box = {
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
  renumber();
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

function renumber() {
  boxes.forEach((box, i) => {
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
  const text = box.text.value.trim();
  const n = text ? text.split(/\s+/).length : 0;
  box.words.textContent = n ? `${n} ${n === 1 ? 'word' : 'words'}` : 'Empty';
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
    out.push(article);
  });
  return out;
}

// ---------------------------------------------------------------- persistence

let saveTimer = 0;
let storageFailed = false;
const dirtyBoxes = new Set(); // boxes whose word count is out of date

function loadSaved() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
    if (Array.isArray(saved)) {
      return saved
        .filter((a) => a && typeof a === 'object')
        .map((a) => ({ title: String(a.title ?? ''), text: String(a.text ?? '') }));
    }
  } catch (e) {
    console.warn('Corroborate: saved articles could not be read:', e);
  }
  return [];
}

function saveNow() {
  clearTimeout(saveTimer);
  saveTimer = 0;
  const articles = boxes.map((b) => ({ title: b.title.value, text: b.text.value }));
  try {
    if (articles.every((a) => !a.title && !a.text)) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(articles));
    if (storageFailed) {
      storageFailed = false;
      ui.storageNote.hidden = true;
    }
  } catch (e) {
    storageFailed = true;
    ui.storageNote.textContent =
      'Your articles could not be saved in this browser (storage is full or turned off), ' +
      'so they will be lost when the page is closed.';
    ui.storageNote.hidden = false;
    console.warn('Corroborate: saving failed:', e);
  }
}

/** The work after an edit, done once typing pauses (articles can be megabytes long). */
function settle() {
  for (const box of dirtyBoxes) if (boxes.includes(box)) updateWords(box);
  dirtyBoxes.clear();
  saveNow();
  // Flag results that no longer match the articles.
  if (lastRun) ui.stale.hidden = runKey(collectArticles()) === lastRun.key;
}

/** After any edit (of `box`, if given): save and recount soon. */
function changed(box) {
  if (box) dirtyBoxes.add(box);
  clearTimeout(saveTimer);
  saveTimer = setTimeout(settle, SAVE_DELAY_MS);
}

const runKey = (articles) => JSON.stringify(articles);

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

function setBusy(on) {
  busy = on;
  ui.compare.disabled = on;
  ui.compare.textContent = on ? 'Comparing…' : 'Compare';
  ui.cancel.hidden = !on;
  ui.results.setAttribute('aria-busy', String(on));
}

async function runCompare() {
  if (busy) return;
  clearError();
  settle();
  const articles = collectArticles();
  const count = `${articles.length} ${articles.length === 1 ? 'article' : 'articles'}`;
  setBusy(true);
  setStatus(`Comparing ${count}…`);
  const started = performance.now();
  try {
    const report = await engine.compare(articles);
    const ms = Math.round(performance.now() - started);
    lastRun = { articles, report, key: runKey(articles) };
    showResults();
    const n = summarize(report);
    setStatus(
      `Compared ${count} in ${ms} ms: ${n.corroborated} corroborated facts, ${n.conflicts} conflicts, ` +
        `${n.single} single-source details.`,
    );
    ui.results.scrollIntoView({ block: 'start' });
    ui.resultsHeading.focus({ preventScroll: true });
  } catch (e) {
    if (e instanceof EngineCancelled) {
      setStatus('Comparison cancelled.');
    } else {
      setStatus('');
      showError(`Could not compare: ${e && e.message ? e.message : String(e)}`);
    }
  } finally {
    setBusy(false);
    showEngine();
  }
}

function showResults() {
  ui.report.replaceChildren(renderReport(lastRun.report, { articles: lastRun.articles }));
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

function start() {
  setBoxes(loadSaved());

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
  ui.clearAll.addEventListener('click', clearAll);
  ui.compare.addEventListener('click', runCompare);
  ui.cancel.addEventListener('click', () => engine.cancel());
  ui.exportJson.addEventListener('click', exportJson);
  ui.exportMd.addEventListener('click', exportMarkdown);
  // Never lose the last keystrokes to the save delay.
  window.addEventListener('pagehide', () => saveTimer && settle());
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && saveTimer && settle());

  showEngine();
  if (BUILD.serviceWorker && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('Corroborate: offline mode unavailable:', e));
  }
}

start();
