//# allFunctionsCalledOnLoad
// (V8's compile hint: see render.js.)
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
 * The fact matrix: `{sources: [id], rows: [{kind, id, summary, evidence, fact, conflict, index,
 * status, told, stateOf(source), cells: [{source, state, evidence, values}]}]}`: a row per fact in
 * report order, then a row per conflict that belongs to no fact (a person's title, a quote's
 * wording), in report order.
 * - Fact rows (`kind: 'fact'`, `fact` set, `id` the fact's id): a cell is `conflict` when the source
 *   gives a value of a conflict (severity "conflict") tied to the fact (`conflicts[].fact`),
 *   `differs` for a "compatible" one, else `reported` when the fact lists the source, else `absent`.
 * - Conflict rows (`kind: 'conflict'`, `conflict` set, `conflictIndex` its index in
 *   `report.conflicts`, `id` "conflict-" and that index, `summary` from conflictLabels): a cell is
 *   `conflict` (`differs` for a compatible one) when the source gives one of its values, else
 *   `absent`.
 * - `evidence`: that source's evidence for the fact (several clauses possible), then that of the
 *   conflict values it gives, if the fact has none from it.
 * - `values`: [{conflict, value}] this source gives for the row's conflicts.
 * - Row status: `conflicting` if any cell is `conflict`, else `corroborated` (2+ sources) or `single`.
 * - `told`: how many sources tell the fact or give a value of the conflict (cells not `absent`);
 *   `stateOf(source)`: a cell's state.
 * A row's `cells` are made when first read: 20,000 facts × 1,000 sources are 20 million cells,
 * and the page draws a few rows of them (the CSV export reads them all).
 */
export function matrixModel(report) {
  const sources = (report.sources || []).map((s) => s.id);
  const known = new Set(sources);
  const factIds = new Set((report.facts || []).map((f) => f.id));
  const byFact = new Map();
  const factless = [];
  (report.conflicts || []).forEach((c, k) => {
    if (!c.fact || !factIds.has(c.fact)) {
      factless.push({ c, k });
      return;
    }
    if (!byFact.has(c.fact)) byFact.set(c.fact, []);
    byFact.get(c.fact).push(c);
  });
  const none = new Set();
  /** Sources giving a value of a hard conflict, and of a difference of wording (none: no sets made). */
  const giving = (conflicts) => {
    let severe = none;
    let differs = none;
    for (const c of conflicts) {
      for (const v of c.values || []) {
        for (const s of v.sources || []) {
          if (c.severity === 'conflict') (severe === none ? (severe = new Set()) : severe).add(s);
          else (differs === none ? (differs = new Set()) : differs).add(s);
        }
      }
    }
    return { severe, differs };
  };
  /** The values of these conflicts by source, in one pass (looked up per cell, a row of 1,000 sources took 60-100 ms). */
  const valuesBySource = (conflicts) => {
    const values = new Map();
    for (const c of conflicts) {
      for (const v of c.values || []) {
        for (const s of new Set(v.sources || [])) {
          if (!values.has(s)) values.set(s, []);
          values.get(s).push({ conflict: c, value: v });
        }
      }
    }
    return values;
  };
  /** A row's `cells`, made by cell(source) when first read. */
  const lazyCells = (row, cell) => {
    let cells = null;
    Object.defineProperty(row, 'cells', {
      enumerable: true,
      get() {
        if (!cells) {
          const made = cell();
          cells = sources.map(made);
        }
        return cells;
      },
    });
    return row;
  };

  const rows = (report.facts || []).map((fact, index) => {
    const conflicts = byFact.get(fact.id) || [];
    const reports = new Set(fact.sources || []);
    let told = 0;
    for (const s of reports) if (known.has(s)) told++;
    const { severe, differs } = giving(conflicts);
    // Sources that tell the fact only through a value of one of its conflicts.
    for (const set of [severe, differs]) {
      for (const s of set) if (known.has(s) && !reports.has(s) && !(set === differs && severe.has(s))) told++;
    }
    const stateOf = (source) => (severe.has(source) ? 'conflict' : differs.has(source) ? 'differs' : reports.has(source) ? 'reported' : 'absent');
    let conflicting = false;
    for (const s of severe) if (known.has(s)) conflicting = true;
    const row = {
      kind: 'fact',
      id: fact.id,
      summary: fact.summary,
      evidence: fact.evidence || [],
      fact,
      conflict: null,
      index,
      status: conflicting ? 'conflicting' : fact.corroboration >= 2 ? 'corroborated' : 'single',
      told,
      stateOf,
    };
    return lazyCells(row, () => {
      const evidenceBy = new Map();
      for (const e of fact.evidence || []) {
        if (!evidenceBy.has(e.source)) evidenceBy.set(e.source, []);
        evidenceBy.get(e.source).push(e);
      }
      const valuesBy = valuesBySource(conflicts);
      return (source) => {
        const evidence = [...(evidenceBy.get(source) || [])];
        const values = valuesBy.get(source) || [];
        if (!evidence.length) for (const v of values) evidence.push(...(v.value.evidence || []).filter((e) => e.source === source));
        return { source, state: stateOf(source), evidence, values };
      };
    });
  });

  const labels = conflictLabels(factless.map(({ c }) => c));
  factless.forEach(({ c, k }, n) => {
    const { severe, differs } = giving([c]);
    const stateOf = (source) => (severe.has(source) ? 'conflict' : differs.has(source) ? 'differs' : 'absent');
    let told = 0;
    for (const s of new Set([...severe, ...differs])) if (known.has(s)) told++;
    const row = {
      kind: 'conflict',
      id: `conflict-${k}`,
      summary: labels[n],
      evidence: (c.values || []).flatMap((v) => v.evidence || []),
      fact: null,
      conflict: c,
      conflictIndex: k,
      index: rows.length,
      status: c.severity === 'conflict' && told > 0 ? 'conflicting' : told >= 2 ? 'corroborated' : 'single',
      told,
      stateOf,
    };
    rows.push(
      lazyCells(row, () => {
        const valuesBy = valuesBySource([c]);
        return (source) => {
          const values = valuesBy.get(source) || [];
          const evidence = values.flatMap((v) => (v.value.evidence || []).filter((e) => e.source === source));
          return { source, state: stateOf(source), evidence, values };
        };
      }),
    );
  });
  return { sources, rows };
}

/**
 * What conflicts that belong to no fact are about, as their matrix rows name them: "Title of
 * Donald Trump" (a role conflict, subject "Donald Trump: President"), "Wording of a quote by
 * Zelensky", "Number: day", "Date: date". A label that would repeat gets the subject's detail.
 */
export function conflictLabels(conflicts) {
  const base = conflicts.map((c) => {
    const subject = String(c.subject || '').trim();
    const who = subject.split(':')[0].trim();
    switch (c.kind) {
      case 'role': return who ? `Title of ${who}` : 'Title';
      case 'quote': return subject ? `Wording of a quote by ${subject}` : 'Wording of a quote';
      case 'number': return `Number: ${subject || 'unnamed'}`;
      case 'date': return `Date: ${subject || 'unnamed'}`;
      default: return subject || 'Unnamed subject';
    }
  });
  const times = new Map();
  for (const label of base) times.set(label, (times.get(label) || 0) + 1);
  return base.map((label, n) => {
    if (times.get(label) < 2) return label;
    const c = conflicts[n];
    const detail = String(c.subject || '').split(':').slice(1).join(':').trim() || (c.values || []).map((v) => v.value).join(' / ');
    return detail ? `${label} (${detail})` : label;
  });
}

/** How many sources tell a row's fact or give a value of its conflict (any state but absent). */
export const toldBy = (row) => row.told;

/**
 * A cell in words, as the matrix labels it and the CSV says it: the state, then the values the
 * source gives, if any ("conflicting: President (Ukraine)", "worded differently: >=30 (at least 30)",
 * "reported").
 */
export function cellText(cell) {
  const values = [...new Set(cell.values.map(({ conflict, value }) =>
    conflict.kind === 'number' && numberLabel(value.value) ? `${value.value} (${numberLabel(value.value)})` : value.value))];
  return CELL[cell.state].label + (values.length ? `: ${values.join('; ')}` : '');
}

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

/**
 * The engine's interval notation for a number in words ("<2" → "under 2", ">~1" → "just over 1",
 * "10-20" → "10 to 20"); null when it is a plain value (nothing to explain).
 */
export function numberLabel(value) {
  const v = String(value);
  let m;
  if ((m = /^(<=|>=|<~|>~|<|>|~)(.+)$/.exec(v))) {
    const words = { '<=': 'at most', '>=': 'at least', '<~': 'just under', '>~': 'just over', '<': 'under', '>': 'over', '~': 'about' };
    return `${words[m[1]]} ${m[2]}`;
  }
  if ((m = /^(\d[\d.]*)-(\d[\d.]*)$/.exec(v))) return `${m[1]} to ${m[2]}`;
  return null;
}
