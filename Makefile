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
