# Teilhabe — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_ENV := TEILHABE_DEBUG=1 TEILHABE_DEMO=1

.PHONY: run worker test install lint format messages benchmark clean

$(BIN)/teilhabe: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/teilhabe

install: $(BIN)/teilhabe

run: install
	$(DEMO_ENV) $(BIN)/teilhabe migrate --noinput
	$(DEMO_ENV) $(BIN)/teilhabe load_demo
	$(DEMO_ENV) $(BIN)/teilhabe runserver $(HOST):$(PORT)

# Background jobs in Celery (needs REDIS_URL, e.g. REDIS_URL=redis://127.0.0.1:6379/0 make worker;
# start `make run` with the same REDIS_URL). Without Redis, jobs run inside `make run`.
worker: install
	$(DEMO_ENV) $(BIN)/celery -A teilhabe worker --loglevel=INFO

test: install
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

messages: install
	$(BIN)/python scripts/translations/apply.py

benchmark: install
	$(BIN)/python benchmarks/waiting_list.py
	$(BIN)/python benchmarks/export_job.py
	$(BIN)/python benchmarks/import_schools.py
	$(BIN)/python benchmarks/oparl.py
	$(BIN)/python benchmarks/placement/run.py

clean:
	rm -rf $(VENV) var .pytest_cache
