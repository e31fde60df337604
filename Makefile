# recon — make targets. `make help` lists them.
SWIFT      ?= swift
CONFIG     ?= release
YEAR       ?= 2024
MONTH      ?=
UNIVERSE   ?=
PRIOR      ?=
FORWARD    ?=
OUT        ?= out/$(YEAR)$(if $(filter 12,$(MONTH)),-12)
BIN         = .build/$(CONFIG)/recon
# On Linux, recon links the Swift runtime and Foundation into its executable (SwiftPM's own
# --static-swift-stdlib): a process then starts in about 5 ms instead of 12, which is most of
# what a small run waits for beyond its work (docs/performance.md). `make STATIC_STDLIB= build`
# links them dynamically.
STATIC_STDLIB ?= $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib)

.PHONY: help build test reconstitute clean

help:
	@echo "make reconstitute YEAR=2024 [MONTH=12] [UNIVERSE=FILE] [PRIOR=\"FILE ...\"] [FORWARD=FILE] [OUT=DIR]"
	@echo "make test        run every test"
	@echo "make build       build recon ($(CONFIG))"
	@echo "make bench       benchmarks vs pandas and polars (BENCH_RUNS=5; see Benchmarks/README.md)"

build:
	$(SWIFT) build -c $(CONFIG) --product recon $(STATIC_STDLIB)

test:
	$(SWIFT) test

reconstitute: build
	$(BIN) reconstitute --year $(YEAR) $(if $(MONTH),--month $(MONTH)) $(if $(UNIVERSE),--universe $(UNIVERSE)) $(foreach p,$(PRIOR),--prior $(p)) $(if $(FORWARD),--forward $(FORWARD)) --out $(OUT)

clean:
	rm -rf .build out

# Benchmarks (not part of `make test`): pandas, polars and pyarrow go into Benchmarks/.venv
# (git-ignored) from PyPI, pinned by Benchmarks/requirements.txt.
BENCH_PY = Benchmarks/.venv/bin/python
.PHONY: bench
bench:
	$(SWIFT) build -c release --product recon $(STATIC_STDLIB)
	@test -x $(BENCH_PY) || python3 -m venv Benchmarks/.venv
	@$(BENCH_PY) -c "import pandas, polars, pyarrow" 2>/dev/null || $(BENCH_PY) -m pip install --quiet -r Benchmarks/requirements.txt
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

# Fuzzing (not part of `make test`; see docs/robustness.md): every reader under libFuzzer with
# AddressSanitizer, FUZZ_SECONDS each, one after the other. Seeds, corpus, logs and crash files go
# to .cache/fuzz/; the closing table gives the executions per reader.
FUZZ_SECONDS ?= 40
FUZZ_TARGETS ?= csv nasdaq-screener ishares-holdings native-universe native-membership crsp crsp-ciz panel-file membership-csv rules ticker-list company-facts
FUZZ_BUILD    = .build-fuzz
FUZZ_BIN      = $(FUZZ_BUILD)/release/ReconFuzz
FUZZ_DIR      = .cache/fuzz
.PHONY: fuzz
fuzz:
	$(SWIFT) build -c release --product ReconFuzz --build-path $(FUZZ_BUILD) -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
	@rm -rf $(FUZZ_DIR)/seeds && mkdir -p $(FUZZ_DIR)/artifacts
	@RECON_FUZZ_WRITE_SEEDS=$(FUZZ_DIR)/seeds $(FUZZ_BIN)
	@failed=""; for target in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$target; \
	  echo "fuzz: $$target for $(FUZZ_SECONDS) s"; \
	  RECON_FUZZ_TARGET=$$target ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no $(FUZZ_BIN) $(FUZZ_DIR)/corpus/$$target $(FUZZ_DIR)/seeds/$$target \
	    -dict=$(FUZZ_DIR)/seeds/$$target.dict -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/artifacts/$$target- > $(FUZZ_DIR)/$$target.log 2>&1 \
	    || { failed="$$failed $$target"; tail -n 30 $(FUZZ_DIR)/$$target.log; }; \
	done; \
	echo ""; echo "reader               executions  corpus  result"; \
	for target in $(FUZZ_TARGETS); do \
	  runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $(FUZZ_DIR)/$$target.log | tail -n 1); \
	  units=$$(ls $(FUZZ_DIR)/corpus/$$target | wc -l); \
	  case " $$failed " in *" $$target "*) result="CRASH (see $(FUZZ_DIR)/$$target.log, $(FUZZ_DIR)/artifacts/)";; *) result="no crash";; esac; \
	  printf "%-20s %11s %7s  %s\n" $$target "$${runs:-?}" $$units "$$result"; \
	done; \
	test -z "$$failed"
