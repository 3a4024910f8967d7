"""Running the systems under evaluation and turning their output into one common shape.

- Corroborate: `target/release/corroborate compare --format json FILE...` on temporary files,
  one per document (the file stem is the source id). Its offsets are UTF-8 byte offsets, turned
  into Python code-point offsets here.
- spaCy en_core_web_sm: `eval/spacy_ner.py` run by the python of the git-ignored venv
  eval/.venv (made by eval/setup.sh), so that this scorer needs only the standard library.

Every entity span goes through normalise.normalise_span, the same function as the gold spans.
A mention is a tuple (doc, start, end, kind, text, cluster): kind in person | place |
organization | other, cluster an id (the engine's entity; spaCy: None).
"""
import json
import os
import subprocess
import tempfile

from normalise import normalise_span

EVAL_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(EVAL_DIR)
DEFAULT_ENGINE = os.path.join(REPO, "target", "release", "corroborate")
VENV_PYTHON = os.path.join(EVAL_DIR, ".venv", "bin", "python")
SPACY_SCRIPT = os.path.join(EVAL_DIR, "spacy_ner.py")

SPACY_KIND = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organization"}


class SystemUnavailable(Exception):
    pass


def byte_to_char_map(text):
    """List m with m[byte offset] = code-point offset for every character boundary of the UTF-8
    encoding of text (None inside a character)."""
    m = []
    for i, ch in enumerate(text):
        n = len(ch.encode("utf-8"))
        m.append(i)
        m.extend([None] * (n - 1))
    m.append(len(text))
    return m


# --------------------------------------------------------------------------- Corroborate

class EngineRun:
    """One run of the CLI on a set of documents, converted to code-point offsets."""

    def __init__(self, report, texts):
        self.report = report
        self.texts = texts
        self.maps = {doc: byte_to_char_map(t) for doc, t in texts.items()}
        self.bad_offsets = 0
        self.mentions = []
        self.entities = {}
        for e in report.get("entities", []):
            self.entities[e["id"]] = e
            for sp in e.get("mentions", []):
                a, b = self.span(sp["source"], sp["start"], sp["end"])
                if a is None:
                    continue
                a, b = normalise_span(texts[sp["source"]], a, b)
                self.mentions.append((sp["source"], a, b, e["kind"], texts[sp["source"]][a:b], e["id"]))
        self.numbers = []
        for n in report.get("numbers", []):
            a, b = self.span(n["source"], n["start"], n["end"])
            if a is not None:
                self.numbers.append(dict(n, start=a, end=b))
        self.quotes = []  # one per evidence span
        for q in report.get("quotes", []):
            for ev in q.get("evidence", []):
                a, b = self.span(ev["source"], ev["start"], ev["end"])
                if a is not None:
                    self.quotes.append({"doc": ev["source"], "start": a, "end": b,
                                        "text": q.get("text"), "speaker": q.get("speaker")})
        self.warnings = {}
        for src in report.get("sources", []):
            ws = []
            for w in src.get("warnings", []):
                a, b = (None, None)
                if w.get("start") is not None and w.get("end") is not None:
                    a, b = self.span(src["id"], w["start"], w["end"])
                ws.append({"kind": w.get("kind"), "message": w.get("message"), "start": a, "end": b})
            self.warnings[src["id"]] = ws

    def span(self, doc, start, end):
        m = self.maps.get(doc)
        if m is None or not (0 <= start <= end < len(m)) or m[start] is None or m[end] is None:
            self.bad_offsets += 1
            return None, None
        return m[start], m[end]

    def roles_of(self, entity_id):
        """[(title, country or None, sources)] of an entity; "Defense Minister (Ukraine)" ->
        ("Defense Minister", "Ukraine")."""
        out = []
        for r in self.entities[entity_id].get("roles", []):
            role = r.get("role", "")
            title, country = role, None
            if role.endswith(")") and " (" in role:
                title, country = role[:role.rindex(" (")], role[role.rindex(" (") + 2:-1]
            out.append((title, country, r.get("sources", [])))
        return out


def engine_info(binary):
    """(commit, note) of the engine checkout; note warns of a binary older than src/. A binary
    other than this checkout's own is named by its path: the checkout's commit says nothing of it."""
    if os.path.abspath(binary) != os.path.abspath(DEFAULT_ENGINE):
        return binary, ""
    commit = "unknown"
    try:
        commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--", "src", "Cargo.toml",
                                "Cargo.lock", "data"], capture_output=True, text=True).stdout.strip()
        if dirty:
            commit += " (+ uncommitted changes in src/ or data/)"
    except (OSError, subprocess.CalledProcessError):
        pass
    note = ""
    if os.path.exists(binary):
        built = os.path.getmtime(binary)
        newest = 0
        for root in ("src", "data"):
            for dirpath, _, files in os.walk(os.path.join(REPO, root)):
                for f in files:
                    newest = max(newest, os.path.getmtime(os.path.join(dirpath, f)))
        if newest > built:
            note = "warning: %s is older than some file in src/ or data/ (run cargo build --release)" % binary
    return commit, note


def run_engine(docs, binary=DEFAULT_ENGINE, timeout=600):
    """docs: [(id, text)]. Returns an EngineRun. Raises SystemUnavailable if the binary is
    missing, RuntimeError if the CLI fails."""
    if not os.path.exists(binary):
        raise SystemUnavailable("%s not found: build it with `cargo build --release`" % binary)
    texts = dict(docs)
    with tempfile.TemporaryDirectory(prefix="corroborate-eval-") as tmp:
        paths = []
        for doc_id, text in docs:
            p = os.path.join(tmp, doc_id + ".txt")
            with open(p, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            paths.append(p)
        proc = subprocess.run([binary, "compare", "--format", "json"] + paths, capture_output=True,
                              timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError("corroborate exited %d: %s" % (proc.returncode, proc.stderr.decode("utf-8", "replace").strip()[:500]))
    report = json.loads(proc.stdout.decode("utf-8"))
    if report.get("offset_unit", "utf8") != "utf8":
        raise RuntimeError("unexpected offset_unit %r" % report.get("offset_unit"))
    ids = [s["id"] for s in report.get("sources", [])]
    if sorted(ids) != sorted(texts):
        raise RuntimeError("source ids %r do not match the file stems %r" % (ids, sorted(texts)))
    return EngineRun(report, texts)


# --------------------------------------------------------------------------- spaCy

def spacy_available():
    return os.path.exists(VENV_PYTHON)


def run_spacy(docs, timeout=1800):
    """docs: [(id, text)]. Returns (info, {doc: [mention]}) with kinds mapped (NORP and the
    other labels dropped) and spans normalised. Raises SystemUnavailable without the venv."""
    if not spacy_available():
        raise SystemUnavailable("spaCy venv missing (%s): run eval/setup.sh to install spaCy and "
                                "en_core_web_sm into eval/.venv" % VENV_PYTHON)
    payload = json.dumps([{"id": d, "text": t} for d, t in docs]).encode("utf-8")
    proc = subprocess.run([VENV_PYTHON, SPACY_SCRIPT], input=payload, capture_output=True, timeout=timeout)
    if proc.returncode != 0:
        raise SystemUnavailable("spaCy failed (exit %d): %s" % (proc.returncode, proc.stderr.decode("utf-8", "replace").strip()[-800:]))
    out = json.loads(proc.stdout.decode("utf-8"))
    texts = dict(docs)
    result = {}
    for d in out["docs"]:
        text = texts[d["id"]]
        ms = []
        for e in d["entities"]:
            kind = SPACY_KIND.get(e["label"])
            if kind is None:
                continue
            a, b = normalise_span(text, e["start"], e["end"])
            ms.append((d["id"], a, b, kind, text[a:b], None))
        result[d["id"]] = ms
    return out["info"], result
