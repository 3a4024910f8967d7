// Saved articles and settings: one versioned record in IndexedDB, migrated from the older
// localStorage format, and a memory fallback that says so when the browser will not store.
//
//   const store = await openStore();          // never rejects
//   const { articles, settings } = await store.load();
//   await store.save({ articles, settings }); // resolves true when it reached storage
//   store.mode     // 'indexeddb', 'localstorage' or 'memory'
//   store.warning  // null, or a sentence for the user (storage off, full, damaged, newer data)
//   store.onchange = () => ...                // called when `warning` changes
//
// The record (schema 2), as JSON text under key "state" in the object store "kv" of the
// IndexedDB database "corroborate":
//   {schema: 2, savedAt: ISO 8601 string, settings: {...}, articles: [{id, title, outlet?, date?, text}]}
// Schema 1, read once and migrated: localStorage["corroborate.v1.articles"] = [{title, text}].
//
// Why IndexedDB: localStorage holds about 5 MB per origin (as UTF-16, so ~2.5 M characters),
// less than one article at the engine's 5 MB limit. Where IndexedDB cannot be opened (some
// private modes, file:// in some browsers) localStorage is used instead, and where that fails
// too the articles live only in the page, with a warning saying they are lost on close.
//
// Nothing is ever destroyed: a record that cannot be read (damaged JSON) is copied aside under
// "state.unreadable" before anything else is written; a record of a newer schema is left as it
// is and this page keeps its articles in memory only (with a warning).
//
// The logic is independent of the browser (tests/e2e/storage.test.mjs runs it in node with fake
// backends): a backend is {kind, get(key) -> Promise<string|undefined>, set(key, string),
// delete(key)}.

export const SCHEMA = 2;
export const LEGACY_KEY = 'corroborate.v1.articles';
export const RECORD_KEY = 'state';
export const UNREADABLE_KEY = 'state.unreadable';
export const DB_NAME = 'corroborate';
const DB_STORE = 'kv';
/** localStorage keys of the fallback backend start with this. */
const LS_PREFIX = 'corroborate.';
/** Opening IndexedDB can hang (a blocked upgrade); past this the page stops waiting. */
const OPEN_TIMEOUT_MS = 4000;

const LOST_ON_CLOSE = 'so they will be lost when this page is closed. Download or copy anything you need to keep.';

// ------------------------------------------------------------------ backends

/** Keeps everything in this page only. */
export function memoryBackend() {
  const map = new Map();
  return {
    kind: 'memory',
    get: async (key) => map.get(key),
    set: async (key, value) => void map.set(key, value),
    delete: async (key) => void map.delete(key),
  };
}

/** A Storage (localStorage) as a backend; keys get the prefix "corroborate.". */
export function storageBackend(storage) {
  return {
    kind: 'localstorage',
    get: async (key) => storage.getItem(LS_PREFIX + key) ?? undefined,
    set: async (key, value) => storage.setItem(LS_PREFIX + key, value),
    delete: async (key) => storage.removeItem(LS_PREFIX + key),
  };
}

/** Opens the IndexedDB database; resolves to a backend, rejects when IndexedDB is unusable. */
export function indexedDbBackend(idb = globalThis.indexedDB, { name = DB_NAME, timeoutMs = OPEN_TIMEOUT_MS } = {}) {
  return new Promise((resolve, reject) => {
    if (!idb || typeof idb.open !== 'function') throw new Error('IndexedDB is not available');
    const request = idb.open(name, 1); // throws where storage is blocked (SecurityError)
    const timer = setTimeout(() => reject(new Error('IndexedDB did not open in time')), timeoutMs);
    const done = (fn, value) => {
      clearTimeout(timer);
      fn(value);
    };
    request.onupgradeneeded = () => request.result.createObjectStore(DB_STORE);
    request.onerror = () => done(reject, request.error || new Error('IndexedDB could not be opened'));
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close(); // a newer page wants to upgrade: let it
      done(resolve, dbBackend(db));
    };
  });
}

function dbBackend(db) {
  const run = (mode, op) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction(DB_STORE, mode);
      const request = op(tx.objectStore(DB_STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onabort = () => reject(tx.error || request.error || new Error('the save was aborted'));
      // Send it now rather than when the task ends: a save started as the page hides commits.
      tx.commit?.();
    });
  return {
    kind: 'indexeddb',
    get: (key) => run('readonly', (s) => s.get(key)),
    set: (key, value) => run('readwrite', (s) => s.put(value, key)),
    delete: (key) => run('readwrite', (s) => s.delete(key)),
  };
}

// ------------------------------------------------------------------ the record

/** Thrown by parseRecord for a record of a schema newer than this page knows. */
export class FutureSchema extends Error {
  constructor(schema) {
    super(`saved by a newer version (format ${schema})`);
    this.name = 'FutureSchema';
    this.schema = schema;
  }
}

/** Thrown by parseRecord for text that is not a record of any known schema. */
export class Unreadable extends Error {
  constructor(why) {
    super(why);
    this.name = 'Unreadable';
  }
}

let lastId = 0;
/** A new article id: unique in this browser for practical purposes. */
export function newArticleId() {
  const random = globalThis.crypto?.randomUUID?.();
  return random ? `a-${random}` : `a-${Date.now().toString(36)}-${(++lastId).toString(36)}`;
}

/** One saved article, of any schema, as schema 2. */
function normalizeArticle(a) {
  const out = { id: typeof a.id === 'string' && a.id ? a.id : newArticleId(), title: String(a.title ?? ''), text: String(a.text ?? '') };
  for (const key of ['outlet', 'date']) if (a[key] != null && a[key] !== '') out[key] = String(a[key]);
  return out;
}

/**
 * Parses a record of any known schema (the JSON text) and returns it as schema 2:
 * {schema, savedAt, settings, articles}. Throws FutureSchema or Unreadable.
 */
export function parseRecord(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Unreadable(`not valid JSON (${e.message})`);
  }
  if (Array.isArray(value)) value = { schema: 1, articles: value }; // schema 1: a bare array
  if (!value || typeof value !== 'object') throw new Unreadable('not a saved-articles record');
  const schema = value.schema;
  if (typeof schema === 'number' && schema > SCHEMA) throw new FutureSchema(schema);
  if (schema !== 1 && schema !== 2) throw new Unreadable(`unknown format ${JSON.stringify(schema)}`);
  if (!Array.isArray(value.articles)) throw new Unreadable('no list of articles');
  const settings = schema === 2 && value.settings && typeof value.settings === 'object' && !Array.isArray(value.settings) ? value.settings : {};
  return {
    schema: SCHEMA,
    savedAt: schema === 2 && typeof value.savedAt === 'string' ? value.savedAt : null,
    settings,
    articles: value.articles.filter((a) => a && typeof a === 'object').map(normalizeArticle),
  };
}

/** The JSON text of a schema 2 record. */
export function serializeRecord({ articles = [], settings = {} }, now = new Date()) {
  return JSON.stringify({ schema: SCHEMA, savedAt: now.toISOString(), settings, articles: articles.map(normalizeArticle) });
}

const isQuota = (e) =>
  e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014);

// ------------------------------------------------------------------ the store

/**
 * The store over a backend. `legacy` is the Storage to migrate schema 1 from (localStorage), or
 * null. `now` gives the save time (tests pass a fixed clock).
 */
export function createStore(backend, { legacy = null, now = () => new Date(), unavailable = null } = {}) {
  let loadNote = null; // what loading found (damaged or newer data): shown for the whole visit
  let saveNote = null; // why the last save failed: cleared by the next one that works
  let readOnly = false; // a newer schema's record is there: leave it alone
  let chain = Promise.resolve(true);
  let queued = null; // the latest state waiting behind a running save

  const store = {
    get mode() {
      return backend.kind;
    },
    get warning() {
      return saveNote || loadNote || unavailable;
    },
    onchange: null,
    load,
    save,
  };

  function note(which, text) {
    const before = store.warning;
    if (which === 'load') loadNote = text;
    else saveNote = text;
    if (store.warning !== before) store.onchange?.();
  }
  const setWarning = (text) => note('load', text);

  async function load() {
    const empty = { articles: [], settings: {}, savedAt: null };
    let text;
    try {
      text = await backend.get(RECORD_KEY);
    } catch (e) {
      console.warn('Corroborate: saved articles could not be read:', e);
      setWarning(`Your saved articles could not be read from this browser's storage (${messageOf(e)}). What you type now is kept only in this page, ${LOST_ON_CLOSE}`);
      readOnly = true; // writing might replace what could not be read
      return empty;
    }
    if (text === undefined || text === null) return migrateLegacy(empty);
    try {
      return parseRecord(text);
    } catch (e) {
      if (e instanceof FutureSchema) {
        readOnly = true;
        setWarning(
          `Articles saved by a newer version of Corroborate (format ${e.schema}) are in this browser. This version cannot read them ` +
            `and has left them untouched; what you type here is kept only in this page, ${LOST_ON_CLOSE}`,
        );
        return empty;
      }
      // Damaged: keep a copy aside, then start afresh.
      try {
        await backend.set(UNREADABLE_KEY, text);
      } catch (e2) {
        readOnly = true;
        setWarning(`Your saved articles are damaged and could not be read (${e.message}); they were left as they are. What you type now is kept only in this page, ${LOST_ON_CLOSE}`);
        return empty;
      }
      setWarning(`Your saved articles could not be read (${e.message}). A copy of the damaged data was kept in this browser's storage; the boxes start empty.`);
      return empty;
    }
  }

  /** Schema 1 in localStorage: parsed, written as schema 2, and removed once that is stored. */
  async function migrateLegacy(empty) {
    let text = null;
    try {
      text = legacy?.getItem(LEGACY_KEY) ?? null;
    } catch {
      return empty; // localStorage turned off: nothing to migrate
    }
    if (text === null) return empty;
    let record;
    try {
      record = parseRecord(text);
    } catch (e) {
      setWarning(`Articles saved by an older version could not be read (${e.message}); they were left as they are. The boxes start empty.`);
      return empty;
    }
    if (backend.kind !== 'memory' && (await save(record))) {
      try {
        legacy.removeItem(LEGACY_KEY);
      } catch {
        // harmless: it would be migrated again, to the same articles
      }
    }
    return record;
  }

  /**
   * Saves the articles (in order) and settings. Saves run one at a time; a save asked for while
   * one runs replaces any other waiting one. Resolves true when the state reached storage.
   */
  function save(state) {
    const first = queued === null;
    queued = state;
    if (!first) return chain;
    chain = chain.then(async () => {
      const next = queued;
      queued = null;
      return write(next);
    });
    return chain;
  }

  async function write(state) {
    if (readOnly || backend.kind === 'memory') return false;
    const articles = state.articles || [];
    try {
      if (articles.every((a) => !a.title && !a.text && !a.outlet && !a.date) && !Object.keys(state.settings || {}).length) {
        await backend.delete(RECORD_KEY);
      } else {
        await backend.set(RECORD_KEY, serializeRecord(state, now()));
      }
      note('save', null);
      return true;
    } catch (e) {
      console.warn('Corroborate: saving failed:', e);
      note(
        'save',
        isQuota(e)
          ? `Your articles are too large for this browser's storage (it is full), ${LOST_ON_CLOSE}`
          : `Your articles could not be saved in this browser (${messageOf(e)}), ${LOST_ON_CLOSE}`,
      );
      return false;
    }
  }

  return store;
}

/**
 * The page's store: IndexedDB, else localStorage, else memory (with a warning). Never rejects.
 */
export async function openStore({ idb = globalThis.indexedDB, storage = safeLocalStorage() } = {}) {
  try {
    return createStore(await indexedDbBackend(idb), { legacy: storage });
  } catch (e) {
    console.warn('Corroborate: IndexedDB unavailable:', e);
  }
  if (storage && works(storage)) return createStore(storageBackend(storage), { legacy: storage });
  return createStore(memoryBackend(), {
    legacy: storage,
    unavailable: `This browser does not let the page store anything (private mode, or storage turned off): your articles are kept only in this page, ${LOST_ON_CLOSE}`,
  });
}

function safeLocalStorage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // reading the property itself throws where storage is blocked
  }
}

function works(storage) {
  try {
    const key = `${LS_PREFIX}probe`;
    storage.setItem(key, '1');
    storage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

function messageOf(e) {
  return (e && (e.message || e.name)) || String(e);
}
