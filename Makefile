# kg: two commands for a new user.
#   make run   - build the demo graph from articles/ into exports/
#   make test  - run the whole test suite
# Each creates .venv and installs what is missing (idempotent); needs only Python 3.11, make and git.

PY ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test test-fast setup setup-node system-deps benchmark clean

run: $(STAMP)
	$(BIN)/kg build articles/ -o exports/

test: $(STAMP) system-deps setup-node
	KG_REQUIRE_SYSTEM_TOOLS=1 $(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not model and not benchmark"

benchmark: $(STAMP)
	$(BIN)/python -m pytest tests/benchmarks -m benchmark -s

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -n "$(PY)" || { echo "Error: Python 3.11 not found; install python3.11" >&2; exit 1; }
	@$(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || { \
	  echo "Error: $(PY) is not Python 3.11; run: make PY=/path/to/python3.11" >&2; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

# Debian packages the tests use: rapper (raptor2-utils) to check Turtle with a second parser, and
# chromium to run the HTML viewer in a real headless browser, java for the HermiT reasoner (owlready2) that
# checks the ontology, node and npm for the JavaScript libraries that read the exports in the tests
# (tests/interop), and Virtuoso, a second triple store that loads graph.trig in a test. Installed only when
# missing.
SYSTEM_TOOLS := rapper:raptor2-utils chromium:chromium java:default-jre-headless node:nodejs npm:npm \
	virtuoso-t:virtuoso-opensource

system-deps:
	@missing=""; for pair in $(SYSTEM_TOOLS); do 	  command -v $${pair%%:*} >/dev/null 2>&1 || missing="$$missing $${pair#*:}"; done; 	if [ -n "$$missing" ]; then 	  if command -v apt-get >/dev/null 2>&1; then 	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); 	    echo "installing Debian packages:$$missing"; 	    $$SUDO apt-get update -qq >/dev/null && 	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; 	  else echo "Warning: apt-get unavailable; install:$$missing" >&2; fi; 	fi

# The consumers' JavaScript libraries (graphology, cytoscape.js, ...) that tests/e2e/test_consumers.py feeds the
# exports to, exactly as pinned in tests/interop/package-lock.json. If npm cannot reach its registry, the
# marker file makes those tests skip with that reason instead of failing.
INTEROP := tests/interop

setup-node: $(INTEROP)/node_modules/.installed

$(INTEROP)/node_modules/.installed: $(INTEROP)/package-lock.json
	@rm -f $(INTEROP)/.npm-unreachable
	@cd $(INTEROP) && npm ci --no-audit --no-fund --silent && touch node_modules/.installed || { \
	  touch .npm-unreachable; echo "Warning: npm ci failed in $(INTEROP); the JavaScript consumer tests will skip" >&2; }

clean:
	rm -rf $(VENV) exports/graph.* exports/.kg-cache exports/.kg-store .pytest_cache $(INTEROP)/node_modules
