# recon — make targets. `make help` lists them.
SWIFT      ?= swift
CONFIG     ?= release
YEAR       ?= 2024
UNIVERSE   ?=
PRIOR      ?=
FORWARD    ?=
OUT        ?= out/$(YEAR)
BIN         = .build/$(CONFIG)/recon

.PHONY: help build test reconstitute clean

help:
	@echo "make reconstitute YEAR=2024 [UNIVERSE=FILE] [PRIOR=\"FILE ...\"] [FORWARD=FILE] [OUT=DIR]"
	@echo "make test        run every test"
	@echo "make build       build recon ($(CONFIG))"
	@echo "make bench       benchmarks vs the pandas pipeline (BENCH_RUNS=5; see Benchmarks/README.md)"

build:
	$(SWIFT) build -c $(CONFIG) --product recon

test:
	$(SWIFT) test

reconstitute: build
	$(BIN) reconstitute --year $(YEAR) $(if $(UNIVERSE),--universe $(UNIVERSE)) $(foreach p,$(PRIOR),--prior $(p)) $(if $(FORWARD),--forward $(FORWARD)) --out $(OUT)

clean:
	rm -rf .build out

# Benchmarks (not part of `make test`): pandas goes into Benchmarks/.venv (git-ignored) from PyPI.
BENCH_PY = Benchmarks/.venv/bin/python
.PHONY: bench
bench:
	$(SWIFT) build -c release --product recon
	@test -x $(BENCH_PY) || python3 -m venv Benchmarks/.venv
	@$(BENCH_PY) -c "import pandas" 2>/dev/null || $(BENCH_PY) -m pip install --quiet -r Benchmarks/requirements.txt
	RECON=.build/release/recon $(BENCH_PY) Benchmarks/bench.py

# Reports (docs/reports.md). `make report YEAR=2025` writes out/2025/report.md and report.html;
# `make report-check` also renders report.html in headless Chromium (installed with apt-get when
# missing) and fails when the page is blank, a chart does not parse or the page fetches anything.
CHROMIUM   ?= chromium
REPORT_PNG ?= $(OUT)/report.png

.PHONY: report report-check

report: build
	$(BIN) report $(OUT)

report-check: report
	@command -v $(CHROMIUM) >/dev/null 2>&1 || { apt-get update && apt-get install -y chromium; }
	$(CHROMIUM) --headless --disable-gpu --no-sandbox --hide-scrollbars --screenshot=$(abspath $(REPORT_PNG)) \
		--window-size=1280,4000 file://$(abspath $(OUT))/report.html 2>/dev/null
	python3 Tests/ReportCheck/report_check.py $(OUT)/report.html $(REPORT_PNG)
