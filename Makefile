# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
ARGS   ?=

.PHONY: run test lint unit bench demo dist clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/sekretariat $(ARGS)

lint: $(STAMP)
	$(PY) -m ruff check desktop tests bench installer resources
	$(PY) -m ruff format --check desktop tests bench installer resources
	$(PY) -m mypy
	$(VENV)/bin/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

unit: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/unit $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) -m bench

demo: $(STAMP)
	$(VENV)/bin/sekretariat --data-dir $(or $(DIR),demo-data) demo

# The installable packages (issue 16): the PyInstaller one-folder bundle dist/sekretariat, the .deb and the
# .tar.gz beside it. `make dist` needs dpkg-deb (Debian/Ubuntu); the Windows installer is built on Windows with
# installer/windows/build.ps1.
DIST_STAMP := $(VENV)/.installed-dist
$(DIST_STAMP): $(STAMP) pyproject.toml
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,dist]'
	@touch $(DIST_STAMP)

dist: $(DIST_STAMP)
	rm -rf dist/sekretariat build/pyinstaller
	$(VENV)/bin/pyinstaller installer/sekretariat.spec --noconfirm --log-level WARN \
		--distpath dist --workpath build/pyinstaller
	$(PY) installer/linux/check-bundle.py dist/sekretariat
	bash installer/linux/build-packages.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
