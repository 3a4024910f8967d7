// Derived views of a report (src/report.rs, schema_version 1) that several views share: the fact
// matrix (facts × sources) and, per sentence of each source, what the report says about it.
// Pure data: no DOM, so the CSV export and the tests can use it as is.

/** Cell states of the fact matrix. The label is what the page and the CSV say. */
export const CELL = {
  reported: { label: 'reported', icon: '✓' },
  differs: { label: 'worded differently', icon: '≈' },
  conflict: { label: 'conflicting', icon: '✗' },
  absent: { label: 'not reported', icon: '·' },
};

/** Row states: what the filter offers. */
export const ROW = {
  corroborated: 'corroborated',
  single: 'single-source',
  conflicting: 'with a conflict',
};

/**
 * The fact matrix: `{sources: [id], rows: [{fact, index, status, told, stateOf(source), cells:
 * [{source, state, evidence, values}]}]}`, rows in report order.
 * - A cell is `conflict` when the source gives a value of a conflict (severity "conflict") tied to
 *   the fact (`conflicts[].fact`), `differs` for a "compatible" one, else `reported` when the fact
 *   lists the source, else `absent`.
 * - `evidence`: that source's evidence for the fact (several clauses possible), then that of the
 *   conflict values it gives, if the fact has none from it.
 * - `values`: [{conflict, value}] this source gives for conflicts tied to the fact.
 * - Row status: `conflicting` if any cell is `conflict`, else `corroborated` (2+ sources) or `single`.
 * - `told`: how many sources tell the fact (cells not `absent`); `stateOf(source)`: a cell's state.
 * A row's `cells` are made when first read: 20,000 facts × 1,000 sources are 20 million cells,
 * and the page draws a few rows of them (the CSV export reads them all).
 */
export function matrixModel(report) {
  const sources = (report.sources || []).map((s) => s.id);
  const known = new Set(sources);
  const byFact = new Map();
  for (const c of report.conflicts || []) {
    if (!c.fact) continue;
    if (!byFact.has(c.fact)) byFact.set(c.fact, []);
    byFact.get(c.fact).push(c);
  }
  const none = new Set();
  const rows = (report.facts || []).map((fact, index) => {
    const conflicts = byFact.get(fact.id) || [];
    const reports = new Set(fact.sources || []);
    let told = 0;
    for (const s of reports) if (known.has(s)) told++;
    // Sources giving a value of a hard conflict tied to the fact, and of a difference of wording
    // (most facts have neither: no sets are made for them).
    let severe = none;
    let differs = none;
    let more = none; // sources that tell the fact only through such a value
    for (const c of conflicts) {
      for (const v of c.values || []) {
        for (const s of v.sources || []) {
          if (c.severity === 'conflict') (severe === none ? (severe = new Set()) : severe).add(s);
          else (differs === none ? (differs = new Set()) : differs).add(s);
          if (known.has(s) && !reports.has(s)) (more === none ? (more = new Set()) : more).add(s);
        }
      }
    }
    told += more.size;
    const stateOf = (source) => (severe.has(source) ? 'conflict' : differs.has(source) ? 'differs' : reports.has(source) ? 'reported' : 'absent');
    let conflicting = false;
    for (const s of severe) if (known.has(s)) conflicting = true;
    const cell = (source, bySource) => {
      const evidence = bySource.evidence.get(source) || [];
      const values = bySource.values.get(source) || [];
      if (!evidence.length) for (const v of values) evidence.push(...(v.value.evidence || []).filter((e) => e.source === source));
      return { source, state: stateOf(source), evidence, values };
    };
    // Evidence and conflict values by source, in one pass each: looked up per cell, a row of
    // 1,000 sources of a fact with many conflicts took 60-100 ms.
    const bySource = () => {
      const evidence = new Map();
      for (const e of fact.evidence || []) {
        if (!evidence.has(e.source)) evidence.set(e.source, []);
        evidence.get(e.source).push(e);
      }
      const values = new Map();
      for (const c of conflicts) {
        for (const v of c.values || []) {
          for (const s of new Set(v.sources || [])) {
            if (!values.has(s)) values.set(s, []);
            values.get(s).push({ conflict: c, value: v });
          }
        }
      }
      return { evidence, values };
    };
    let cells = null;
    return {
      fact,
      index,
      status: conflicting ? 'conflicting' : fact.corroboration >= 2 ? 'corroborated' : 'single',
      told,
      stateOf,
      get cells() {
        if (!cells) {
          const by = bySource();
          cells = sources.map((source) => cell(source, by));
        }
        return cells;
      },
    };
  });
  return { sources, rows };
}

/** How many sources a row's fact is told by (reported, worded differently or conflicting). */
export const toldBy = (row) => row.told;

const key = (source, sentence) => `${sentence}\u0000${source}`;

/**
 * What the report says about each sentence: `get(source, sentence)` → `{facts: [{fact, evidence}],
 * conflicts: [{conflict, value}], status}` or undefined. Status: `conflict` (a value of a conflict
 * of severity "conflict"), else `corroborated` (a fact told by 2+ sources), else `single`.
 */
export function sentenceIndex(report) {
  const map = new Map();
  const at = (source, sentence) => {
    const k = key(source, sentence);
    if (!map.has(k)) map.set(k, { facts: [], conflicts: [], status: 'single' });
    return map.get(k);
  };
  for (const fact of report.facts || []) {
    for (const e of fact.evidence || []) {
      const info = at(e.source, e.sentence);
      if (!info.facts.some((f) => f.fact === fact)) info.facts.push({ fact, evidence: e });
    }
  }
  for (const conflict of report.conflicts || []) {
    for (const value of conflict.values || []) {
      for (const e of value.evidence || []) {
        const info = at(e.source, e.sentence);
        if (!info.conflicts.some((c) => c.conflict === conflict)) info.conflicts.push({ conflict, value });
      }
    }
  }
  for (const info of map.values()) {
    if (info.conflicts.some((c) => c.conflict.severity === 'conflict')) info.status = 'conflict';
    else if (info.facts.some((f) => f.fact.corroboration >= 2)) info.status = 'corroborated';
    // Only a value other sources word differently (a "compatible" conflict): told by others too.
    else if (!info.facts.length) info.status = 'corroborated';
  }
  return { get: (source, sentence) => map.get(key(source, sentence)) };
}
