# flake-lsp developer commands. `make test` is what CI runs.
GO ?= go

.PHONY: build test grammar bench fuzz fuzz-long example vscode

build:
	$(GO) build -o bin/flake-lsp ./cmd/flake-lsp

# Every test, with the race detector. Tests that need nix-instantiate or the
# tree-sitter CLI say SKIPPED when those are missing.
test:
	$(GO) test -race -count=1 ./...

# Regenerate the parser (grammar/src) and the Go node-kind constants.
grammar:
	$(GO) generate ./grammar/...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./grammar/... ./syntax/... ./analysis/... ./check/... ./lsp/...

# Every native fuzz target (docs/reliability.md) for FUZZTIME each, one at
# a time on one worker; a crasher is written to the package's
# testdata/fuzz/ and fails the run. Longer: make fuzz FUZZTIME=10m
FUZZTIME ?= 10s
FUZZ_TARGETS = ./syntax/:FuzzParse ./syntax/nixparse/:FuzzCheck ./check/:FuzzAnalyze \
	./analysis/flakeref/:FuzzParse ./analysis/lockfile/:FuzzParse ./position/:FuzzRoundTrip \
	./lsp/:FuzzFeatures ./lsp/:FuzzServer

fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "== $${t##*:} in $${t%%:*}"; \
		$(GO) test -run '^$$' -fuzz "^$${t##*:}\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s -parallel 1 "$${t%%:*}"; \
	done

# The long differential fuzzing run against real Nix (100,000 programs).
fuzz-long:
	FLAKE_LSP_FUZZ_N=100000 $(GO) test -run TestFuzzAgainstNix -timeout 6h -v ./syntax/

# Check the realistic flakes in testdata.
example:
	$(GO) run ./cmd/flake-lsp check testdata/flakes

# The VS Code extension (editors/vscode): install, bundle, and run its node
# tests against the server built here.
vscode: build
	cd editors/vscode && npm ci && npm run build && FLAKE_LSP_BIN=$$PWD/../../bin/flake-lsp npm test
