# sanhui — 三会一课 for LibreOffice Writer.  `make demo` and `make test` set up what is missing.
SHELL := /bin/bash
PYTHON_SYS ?= /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
OXT := build/sanhui.oxt
VENDOR := build/vendor
SOURCES := $(shell find python extension dialogs description.xml -type f -not -path '*/__pycache__/*' \
	   -not -path '*.egg-info/*' 2>/dev/null)
PURE := python/sanhui/model python/sanhui/content python/sanhui/odf python/sanhui/forms \
	    python/sanhui/dates.py python/sanhui/cn_numerals.py python/sanhui/cn_clock.py python/sanhui/i18n.py \
	    python/sanhui/schedule.py python/sanhui/plan_templates.py python/sanhui/last_month.py python/sanhui/meeting_rules.py

.PHONY: all deps system venv vendor oxt install uninstall demo test test-unit test-pythons test-office bench check screenshots clean

all: oxt

deps: system venv

system:
	@bash tools/setup-system.sh

# The venv is made from the system interpreter with system packages: that is where `uno` lives.
# The project goes in editable (pyproject.toml), which gives .venv/bin/sanhui.
venv: $(VENV)/.done
$(VENV)/.done: requirements-dev.txt requirements-test.txt pyproject.toml
	$(PYTHON_SYS) -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	$(PY) -m pip install -q --disable-pip-version-check -e .
	@touch $@

# The pure unit tests also run under the oldest CPython the extension keeps to, 3.8 — as the Python
# LibreOffice bundles on Windows and macOS, without lxml (SANHUI_NO_LXML=1: the standard library's
# ElementTree) — and under the newest the .oxt has bytecode for, 3.13, each in a venv of its own with
# the project installed, when this machine has them (found as for the bytecode: build_oxt.py --find).
# A machine without them says so and goes on. openxml-audit (the ODF schemas the tests validate
# against) declares Python 3.10: under 3.8 it is installed for its schema files only, and its pytest
# plugin is left out.
PY38_SYS = $(shell $(PYTHON_SYS) tools/build_oxt.py --find 3.8 2>/dev/null)
PY313_SYS = $(shell $(PYTHON_SYS) tools/build_oxt.py --find 3.13 2>/dev/null)
define other_venv
	rm -rf $(2)
	$(1) -m venv $(2)
	$(2)/bin/python -m pip install -q --disable-pip-version-check -r $(3)
	$(2)/bin/python -m pip install -q --disable-pip-version-check --no-deps --ignore-requires-python openxml-audit==0.8.0
	$(2)/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
	@touch $(2)/.done
endef
.venv-py38/.done: requirements-py38.txt pyproject.toml
	$(call other_venv,$(PY38_SYS),.venv-py38,requirements-py38.txt)
.venv-py313/.done: requirements-test.txt pyproject.toml
	$(call other_venv,$(PY313_SYS),.venv-py313,requirements-test.txt)

define unit_tests_under
	@if sys=$$($(PYTHON_SYS) tools/build_oxt.py --find $(1)); then \
	  $(MAKE) --no-print-directory $(2)/.done && \
	  echo "unit tests under CPython $(1) ($$sys) $(3)" && \
	  $(3) $(2)/bin/python -m pytest tests/unit -q -p no:cacheprovider -p no:openxml-audit; \
	else echo "CPython $(1) not found on this machine: the unit tests do not run under it"; fi
endef
test-pythons:
	$(call unit_tests_under,3.8,.venv-py38,SANHUI_NO_LXML=1)
	$(call unit_tests_under,3.13,.venv-py313,)

vendor: $(VENDOR)/.done
$(VENDOR)/.done: requirements-dev.txt | venv
	rm -rf $(VENDOR)
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --target $(VENDOR) \
	    python-dateutil==2.9.0.post0 six==1.17.0 chinese-calendar==1.11.0
	@touch $@

oxt: $(OXT)
$(OXT): $(SOURCES) tools/build_oxt.py $(VENDOR)/.done
	$(PY) tools/build_oxt.py $(VENDOR) $(OXT)

# Into the user's own profile (as root too, where unopkg refuses), with the GB/T 9704 font
# aliases for fontconfig (see extension/fontconfig: Linux only picks the first font of a list).
FONTCONF := $(HOME)/.config/fontconfig/conf.d/60-sanhui-gbt9704.conf
install: deps oxt
	PYTHONPATH=tools $(PY) -m devtools.install add $(OXT)
	install -D -m 644 extension/fontconfig/60-sanhui-gbt9704.conf $(FONTCONF)
	-fc-cache -f >/dev/null 2>&1

uninstall: venv
	PYTHONPATH=tools $(PY) -m devtools.install remove org.sanhui.writer
	rm -f $(FONTCONF)

demo: deps oxt
	$(PY) tools/demo.py --out out

test: deps oxt
	$(PY) -m pytest tests/unit -q -p no:cacheprovider
	SANHUI_NO_LXML=1 $(PY) -m pytest tests/unit -q -p no:cacheprovider
	$(MAKE) --no-print-directory test-pythons
	$(PY) -m pytest tests/office tests/gui -q -p no:cacheprovider

# The office and real-window tests again on the newest LibreOffice Debian 12 ships (bookworm-backports'
# 25.2 today), unpacked beside the system's 7.4 into /opt by tools/office-backports.sh (CI runs both).
test-backports: deps oxt
	bash tools/office-backports.sh install
	tools/office-backports.sh run $(PY) -m pytest tests/office tests/gui -q -p no:cacheprovider

test-unit: venv
	$(PY) -m pytest tests/unit -q

test-office: deps oxt
	$(PY) -m pytest tests/office -q

bench: deps oxt
	$(PY) bench/run.py
	$(PY) bench/ledger.py
	$(PY) bench/meetings.py
	$(PY) bench/recognise.py
	$(PY) bench/format_plan.py
	if [ -x tools/office-backports.sh ] && tools/office-backports.sh version >/dev/null 2>&1; then \
	    tools/office-backports.sh run $(PY) bench/run.py --first-only; fi
	SANHUI_HYPOTHESIS=sanhui-long $(PY) -m pytest tests/unit/test_properties.py tests/unit/test_properties_writers.py \
	    tests/unit/test_properties_recognise.py \
	    -q -p no:cacheprovider

screenshots: deps oxt
	$(PY) tools/screenshots.py --out docs

check: venv
	$(VENV)/bin/ruff check python tools tests bench
	$(VENV)/bin/mypy --strict $(PURE)

clean:
	rm -rf build out .pytest_cache .mypy_cache .ruff_cache python/*.egg-info
