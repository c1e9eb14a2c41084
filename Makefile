# Two commands a new user needs: `make demo` and `make test`. Both set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SEED := seeds/anadolu-2024-02-08-gaza-ceasefire-talks.txt
DEMO_B := fixtures/01-seed-later-update/b.txt

.PHONY: setup browser demo test lint typecheck bench bench-figures bench-verdicts bench-speed bench-hostile bench-corpus calibrate clean

# torch goes first and pinned: unpinned, sentence-transformers would pull a multi-GB CUDA build.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -qq --disable-pip-version-check torch==2.13.0
	$(PY) -m pip install -qq --disable-pip-version-check -c constraints.txt -e '.[dev,ray]'
	touch $(STAMP)

# The bundled model exported to ONNX once, from the installed weights (compare/onnx_encoder.py),
# into the user cache keyed by the model's fingerprint: a no-op when it is there already.
setup: $(STAMP)
	@$(PY) -m compare.onnx_encoder

# The main job on the seed: exit 0 when the demo ran, whatever it found (diff exits 1 on discrepancies).
demo: setup
	$(VENV)/bin/factcompare figures $(SEED)
	$(VENV)/bin/factcompare diff $(SEED) $(DEMO_B) || [ $$? -eq 1 ]

# Headless Chromium for tests/test_html_browser.py (Debian packages); quietly skipped when not root.
browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi

test: setup browser
	$(PY) -m pytest
	$(PY) -m ruff check compare tests bench
	$(PY) -m mypy

lint: setup
	$(PY) -m ruff check compare tests bench
	$(PY) -m ruff format --check compare tests bench

typecheck: setup
	$(PY) -m mypy

bench: bench-figures bench-verdicts bench-speed

bench-figures: setup
	$(PY) bench/figures.py
	$(PY) bench/open_figures.py

bench-verdicts: setup
	$(PY) bench/verdicts.py
	$(PY) bench/pairs_verdicts.py
	$(PY) bench/gva_verdicts.py

# The row confidence's weights (compare/align/calibration.json), fitted on bench/pairs/ and
# cross-validated by pair; re-run after any change to pairing or judging.
calibrate: setup
	$(PY) bench/calibrate.py

bench-speed: setup bench-hostile
	$(PY) bench/speed.py

# `figures` on the worst input of each kind (issue 14), seconds per MB -> bench/hostile.md.
bench-hostile: setup
	$(PY) bench/hostile.py

# factcompare corpus on the whole GVA dev set (read from ../shared/data/gva, never copied here).
bench-corpus: setup
	$(PY) bench/corpus.py --ray

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
