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
	./lsp/:FuzzFeatures ./lsp/:FuzzServer \
	./analysis/store/:FuzzHash ./analysis/store/:FuzzStoreSetting ./analysis/store/:FuzzNAR \
	./analysis/options/:FuzzBuild ./analysis/nixpkgs/:FuzzBuild ./analysis/env/:FuzzModuleFeatures

# When FUZZTIME runs out while a worker is inside one slow input, go test
# reports "context deadline exceeded" and fails without a failing input:
# that is the clock, not a finding, and does not fail the run. Anything
# else (a crasher, written to testdata/fuzz/) does.
fuzz:
	@set -e; out=$$(mktemp); trap 'rm -f "$$out"' EXIT; for t in $(FUZZ_TARGETS); do \
		echo "== $${t##*:} in $${t%%:*}"; \
		if ! $(GO) test -run '^$$' -fuzz "^$${t##*:}\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s -parallel 1 "$${t%%:*}" >"$$out" 2>&1; then \
			cat "$$out"; \
			if grep -q "context deadline exceeded" "$$out" && ! grep -q "Failing input written to" "$$out"; then \
				echo "(the fuzz time ran out inside one slow input; no failing input: not a failure)"; \
			else \
				exit 1; \
			fi; \
		else \
			cat "$$out"; \
		fi; \
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
