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

build:
	$(SWIFT) build -c $(CONFIG) --product recon

test:
	$(SWIFT) test

reconstitute: build
	$(BIN) reconstitute --year $(YEAR) $(if $(UNIVERSE),--universe $(UNIVERSE)) $(foreach p,$(PRIOR),--prior $(p)) $(if $(FORWARD),--forward $(FORWARD)) --out $(OUT)

clean:
	rm -rf .build out
