// www/storage.js in node, with fake backends: migration from schema 1, round trip, damaged
// data, newer schemas, quota errors and the memory fallback. (No browser: IndexedDB itself is
// covered by tests/e2e/persistence.test.mjs.)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  LEGACY_KEY,
  RECORD_KEY,
  SCHEMA,
  UNREADABLE_KEY,
  FutureSchema,
  Unreadable,
  createStore,
  memoryBackend,
  openStore,
  parseRecord,
  serializeRecord,
  storageBackend,
} from '../../www/storage.js';

/** A Map-backed backend whose set() can be made to fail. */
function fakeBackend(initial = {}, kind = 'indexeddb') {
  const map = new Map(Object.entries(initial));
  const b = {
    kind,
    map,
    failWith: null,
    writes: 0,
    get: async (key) => map.get(key),
    set: async (key, value) => {
      if (b.failWith) throw b.failWith;
      b.writes++;
      map.set(key, value);
    },
    delete: async (key) => {
      if (b.failWith) throw b.failWith;
      map.delete(key);
    },
  };
  return b;
}

/** A Storage (localStorage) look-alike. */
function fakeStorage(initial = {}, { quotaBytes = Infinity } = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem: (k, v) => {
      const size = [...map].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0) + k.length + String(v).length;
      if (size > quotaBytes) throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      map.set(k, String(v));
    },
    removeItem: (k) => void map.delete(k),
  };
}

const quotaError = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
const clock = () => new Date('2026-11-22T03:00:00.000Z');

describe('storage.js', () => {
  test('schema 1 in localStorage is migrated to schema 2, stored, and the old key removed', async () => {
    const v1 = [{ title: 'First', text: 'One. “Quoted” 😀' }, { title: '', text: 'Two.' }, null, 'junk', { text: 7 }];
    const legacy = fakeStorage({ [LEGACY_KEY]: JSON.stringify(v1) });
    const backend = fakeBackend();
    const store = createStore(backend, { legacy, now: clock });
    const loaded = await store.load();
    assert.deepEqual(
      loaded.articles.map(({ title, text }) => ({ title, text })),
      [{ title: 'First', text: 'One. “Quoted” 😀' }, { title: '', text: 'Two.' }, { title: '', text: '7' }],
    );
    assert.ok(loaded.articles.every((a) => /^a-/.test(a.id)), 'every article gets an id');
    assert.equal(new Set(loaded.articles.map((a) => a.id)).size, 3);
    const saved = JSON.parse(backend.map.get(RECORD_KEY));
    assert.equal(saved.schema, SCHEMA);
    assert.equal(saved.savedAt, '2026-11-22T03:00:00.000Z');
    assert.deepEqual(saved.settings, {});
    assert.deepEqual(saved.articles, loaded.articles);
    assert.equal(legacy.getItem(LEGACY_KEY), null, 'the old key is gone once the new record is stored');
    assert.equal(store.warning, null);
    // A second load reads the new record and does not migrate again.
    const again = await createStore(backend, { legacy, now: clock }).load();
    assert.deepEqual(again.articles, loaded.articles);
  });

  test('the old key is kept when the migrated record cannot be stored', async () => {
    const legacy = fakeStorage({ [LEGACY_KEY]: JSON.stringify([{ title: '', text: 'Kept.' }]) });
    const backend = fakeBackend();
    backend.failWith = quotaError();
    const store = createStore(backend, { legacy });
    const loaded = await store.load();
    assert.equal(loaded.articles[0].text, 'Kept.');
    assert.notEqual(legacy.getItem(LEGACY_KEY), null);
    assert.match(store.warning, /too large for this browser's storage.*lost when this page is closed/);
  });

  test('round trip: articles in order with ids, titles, outlet and date, settings', async () => {
    const backend = fakeBackend();
    const store = createStore(backend, { now: clock });
    const state = {
      settings: { theme: 'dark' },
      articles: [
        { id: 'a-1', title: 'T', outlet: 'Reuters', date: '2025-05-16', text: 'x'.repeat(100_000) },
        { id: 'a-2', title: '', text: 'Привет, مرحبا, 你好 🇺🇦' },
      ],
    };
    assert.equal(await store.save(state), true);
    const loaded = await createStore(backend).load();
    assert.deepEqual(loaded.articles, state.articles);
    assert.deepEqual(loaded.settings, { theme: 'dark' });
    assert.equal(loaded.savedAt, '2026-11-22T03:00:00.000Z');
    // All empty: the record is removed rather than kept.
    assert.equal(await store.save({ articles: [{ id: 'a-3', title: '', text: '' }], settings: {} }), true);
    assert.equal(backend.map.has(RECORD_KEY), false);
  });

  test('saves run one at a time and the latest state wins', async () => {
    const backend = fakeBackend();
    const store = createStore(backend);
    const results = await Promise.all([1, 2, 3, 4].map((n) => store.save({ articles: [{ id: 'a', title: '', text: `v${n}` }] })));
    assert.ok(results.every(Boolean));
    assert.ok(backend.writes <= 2, `coalesced (${backend.writes} writes)`);
    assert.equal(JSON.parse(backend.map.get(RECORD_KEY)).articles[0].text, 'v4');
  });

  test('damaged JSON: a copy is kept aside, the boxes start empty, with a warning', async () => {
    const backend = fakeBackend({ [RECORD_KEY]: '{"schema":2,"articles":[{"text":"half' });
    const store = createStore(backend);
    const loaded = await store.load();
    assert.deepEqual(loaded.articles, []);
    assert.equal(backend.map.get(UNREADABLE_KEY), '{"schema":2,"articles":[{"text":"half');
    assert.match(store.warning, /could not be read \(not valid JSON.*A copy of the damaged data was kept/);
    // Saving afterwards works and keeps the copy; the note stays for the visit.
    assert.equal(await store.save({ articles: [{ id: 'a', title: '', text: 'New.' }] }), true);
    assert.ok(backend.map.has(UNREADABLE_KEY));
    assert.match(store.warning, /damaged/);
  });

  test('damaged schema 1 data is left in localStorage', async () => {
    const legacy = fakeStorage({ [LEGACY_KEY]: '[{"title": ' });
    const store = createStore(fakeBackend(), { legacy });
    assert.deepEqual((await store.load()).articles, []);
    assert.equal(legacy.getItem(LEGACY_KEY), '[{"title": ');
    assert.match(store.warning, /saved by an older version could not be read.*left as they are/);
  });

  test('a newer schema is never overwritten: memory only, with a warning', async () => {
    const future = JSON.stringify({ schema: 3, articles: [{ text: 'from the future' }], extra: { x: 1 } });
    const backend = fakeBackend({ [RECORD_KEY]: future });
    const store = createStore(backend);
    assert.deepEqual((await store.load()).articles, []);
    assert.match(store.warning, /newer version of Corroborate \(format 3\).*left them untouched.*lost when this page is closed/);
    assert.equal(await store.save({ articles: [{ id: 'a', title: '', text: 'typed now' }] }), false);
    assert.equal(backend.map.get(RECORD_KEY), future, 'untouched');
    assert.equal(backend.writes, 0);
  });

  test('quota error on save: false, a warning that says the articles are lost on close, cleared by a save that works', async () => {
    const backend = fakeBackend();
    const store = createStore(backend);
    let changes = 0;
    store.onchange = () => changes++;
    backend.failWith = quotaError();
    assert.equal(await store.save({ articles: [{ id: 'a', title: '', text: 'big' }] }), false);
    assert.match(store.warning, /too large for this browser's storage \(it is full\), so they will be lost when this page is closed/);
    backend.failWith = Object.assign(new Error('disk on fire'), { name: 'UnknownError' });
    await store.save({ articles: [{ id: 'a', title: '', text: 'big' }] });
    assert.match(store.warning, /could not be saved in this browser \(disk on fire\)/);
    backend.failWith = null;
    assert.equal(await store.save({ articles: [{ id: 'a', title: '', text: 'small' }] }), true);
    assert.equal(store.warning, null);
    assert.equal(changes, 3);
  });

  test('a read error keeps the page from writing over what it could not read', async () => {
    const backend = fakeBackend({ [RECORD_KEY]: serializeRecord({ articles: [{ id: 'a', title: '', text: 'old' }] }) });
    backend.get = async () => {
      throw new Error('read failed');
    };
    const store = createStore(backend);
    assert.deepEqual((await store.load()).articles, []);
    assert.match(store.warning, /could not be read.*read failed/);
    assert.equal(await store.save({ articles: [{ id: 'b', title: '', text: 'new' }] }), false);
    assert.equal(JSON.parse(backend.map.get(RECORD_KEY)).articles[0].text, 'old');
  });

  test('openStore: no IndexedDB → localStorage; no storage at all → memory with a warning', async () => {
    const ls = fakeStorage({ [LEGACY_KEY]: JSON.stringify([{ title: '', text: 'Migrated.' }]) });
    const viaLs = await openStore({ idb: undefined, storage: ls });
    assert.equal(viaLs.mode, 'localstorage');
    assert.equal((await viaLs.load()).articles[0].text, 'Migrated.');
    assert.equal(ls.getItem(LEGACY_KEY), null);
    assert.equal(JSON.parse(ls.getItem('corroborate.state')).schema, 2);

    const blocked = {
      getItem: () => null,
      setItem: () => {
        throw quotaError(); // Safari's old private mode: quota 0
      },
      removeItem: () => {},
    };
    const idbThatThrows = { open: () => { throw Object.assign(new Error('denied'), { name: 'SecurityError' }); } };
    const mem = await openStore({ idb: idbThatThrows, storage: blocked });
    assert.equal(mem.mode, 'memory');
    assert.match(mem.warning, /does not let the page store anything.*lost when this page is closed/);
    assert.equal(await mem.save({ articles: [{ id: 'a', title: '', text: 'x' }] }), false);
  });

  test('localStorage backend: a quota error falls back to memory with the warning', async () => {
    const ls = fakeStorage({}, { quotaBytes: 1000 });
    const store = createStore(storageBackend(ls), { legacy: ls });
    await store.load();
    assert.equal(await store.save({ articles: [{ id: 'a', title: '', text: 'y'.repeat(5000) }] }), false);
    assert.match(store.warning, /it is full/);
    assert.equal(await store.save({ articles: [{ id: 'a', title: '', text: 'short' }] }), true);
    assert.equal(store.warning, null);
  });

  test('parseRecord: every shape has a clear outcome', () => {
    assert.equal(parseRecord('[]').articles.length, 0);
    assert.throws(() => parseRecord('null'), Unreadable);
    assert.throws(() => parseRecord('{"schema":2}'), /no list of articles/);
    assert.throws(() => parseRecord('{"schema":"two","articles":[]}'), /unknown format "two"/);
    assert.throws(() => parseRecord('{"schema":9,"articles":"?"}'), FutureSchema);
    const r = parseRecord('{"schema":2,"savedAt":"x","settings":[1],"articles":[{"id":"a-1","title":null,"text":"t","outlet":""}]}');
    assert.deepEqual(r, { schema: 2, savedAt: 'x', settings: {}, articles: [{ id: 'a-1', title: '', text: 't' }] });
    assert.equal(memoryBackend().kind, 'memory');
  });
});
