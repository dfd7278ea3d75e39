# ScamSignal: `make run` runs the whole pipeline on this machine, `make test` runs every test.
# Both install what they need: a JDK >= 21 is picked (scripts/java-home.sh), Maven fetches the Java
# dependencies, and moto server goes into a project-local virtual environment (.venv).

SHELL := /bin/bash
.DEFAULT_GOAL := help

JAVA_HOME := $(shell scripts/java-home.sh)
ifeq ($(JAVA_HOME),)
$(error no JDK 21 or newer found; see the message above)
endif
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)

MVN ?= mvn -B -ntp
PYTHON ?= python3
VENV := .venv

.PHONY: help run test build venv venv-ministack lint browser screenshots bench bench-load bench-lookalike bench-hostile-lookalike bench-intake false-positive referral ring-unlink benign erase partner-key-create partner-key-revoke feed-backfill clean

help:
	@echo "make run    the pipeline on this machine: API on http://127.0.0.1:$${PORT:-3000}, alerts on stdout"
	@echo "make test   unit tests, then integration tests against moto server (or AWS_ENDPOINT_URL)"
	@echo "make build  the function jars and the local runner, without tests"
	@echo "make screenshots  the form's accessibility test in Chromium; its screenshots into docs/screenshots/"
	@echo "make bench  the benchmarks (not part of make test); prints their figures (SECTIONS=\"cpu wcu cold\")"
	@echo "make bench-hostile-lookalike   only an honest alert behind 20 reports of worst-case lookalike hosts (fails above 1.5x)"
	@echo "make bench-intake the intake alone: warm CPU per request and cold start (figures to target/)"
	@echo "make bench-load   only the load run through make run's jar (LOAD_REPORTS=10000, 4 HTTP clients)"
	@echo "make false-positive INDICATOR='phone#+1888…' REASON='…'   withdraw an indicator's alerts (a running make run)"
	@echo "make referral RING=<ringId>   a ring's referral packet and evidence manifest to target/referrals/<ringId>/"
	@echo "make ring-unlink RING=<ringId> A=<indicator key> B=<indicator key> REASON='…'   withdraw a link, split the ring"
	@echo "make benign ACTION=add|not|remove INDICATOR='domain#anydesk.com' REASON='…'   an operator's benign entry, no redeploy"
	@echo "make erase EMAIL=… | REPORT=<reportId>   erase a reporter (right to erasure); counts stay"
	@echo "make partner-key-create PARTNER=acme [SCOPES='read:indicators,read:rings,submit,victim-network']   a partner API key (secret printed once; default read:indicators)"
	@echo "make partner-key-scopes KEY_ID=pk_… SCOPES='…'   change a partner key's scopes (same secret)"
	@echo "make partner-key-revoke KEY_ID=pk_…   revoke a partner API key"
	@echo "make feed-backfill   once after deploying over an older stack: index keys and MISP day summaries for earlier alerts"
	@echo "make clean  remove build output and the virtual environment"

# --no-compile: Python compiles what a tool imports when it first imports it, not every module of every package
$(VENV)/.installed: tools/requirements.txt tools/constraints.txt
	@echo "installing the pinned Python tools (moto server, schemathesis) into $(VENV)" >&2
	@$(PYTHON) -m venv $(VENV) >&2
	@$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-compile -r tools/requirements.txt -c tools/constraints.txt >&2
	@touch $@

venv: $(VENV)/.installed

# MiniStack, the second emulator of make test, pins a botocore of its own: a virtual environment of its own
.venv-ministack/.installed: tools/ministack-requirements.txt tools/ministack-constraints.txt
	@echo "installing the pinned MiniStack (the second AWS emulator of make test) into .venv-ministack" >&2
	@$(PYTHON) -m venv .venv-ministack >&2
	@.venv-ministack/bin/pip install --quiet --disable-pip-version-check --no-compile -r tools/ministack-requirements.txt -c tools/ministack-constraints.txt >&2
	@touch $@

venv-ministack: .venv-ministack/.installed

.venv-lint/.installed: tools/lint-requirements.txt tools/lint-constraints.txt
	@echo "installing the pinned template checkers (cfn-lint, cfn-lint-serverless, aws-sam-translator, checkov) into .venv-lint" >&2
	@$(PYTHON) -m venv .venv-lint >&2
	@.venv-lint/bin/pip install --quiet --disable-pip-version-check --no-compile -r tools/lint-requirements.txt -c tools/lint-constraints.txt >&2
	@touch $@

# the template, checked by tools: cfn-lint with the SAM transform and the serverless rules, then checkov
lint: .venv-lint/.installed
	.venv-lint/bin/cfn-lint --append-rules cfn_lint_serverless.rules -- infra/template.yaml
	@# again as CloudFormation deploys it: OpenAPI definition included, SAM transform applied
	.venv-lint/bin/python tools/transform_template.py infra/template.yaml target/lint
	.venv-lint/bin/cfn-lint --append-rules cfn_lint_serverless.rules -- target/lint/template.transformed.json
	.venv-lint/bin/python tools/check_least_privilege.py target/lint/template.transformed.json
	.venv-lint/bin/checkov --file infra/template.yaml --framework cloudformation --quiet --compact --skip-download

# stdout of `make run` carries the alerts only: build output and make's own lines go to stderr
build:
	@$(MVN) -q -DskipTests package -pl '!bench,!bench/baseline-intake,!bench/baseline-enrichment,!bench/baseline-alerting' >&2

# moto runs through tools/moto_server.py with item-level transaction snapshots (same semantics as
# released, checked by e2e's PatchedMotoIT): as released, each transaction copies whole tables and
# a make run that has taken thousands of reports slows to a crawl
run: venv build
	@exec $(JAVA_HOME)/bin/java -jar emulator/target/scamsignal-local.jar

browser:
	@scripts/install-browser.sh

# the form's accessibility test (every language, with and without JavaScript) writes screenshots of the
# English form and confirmation at 375 and 1280 px to e2e/target/screenshots/ on every run, make test's
# too; this runs it alone and copies them into docs/screenshots/, to be looked at and committed
screenshots: venv browser
	@$(MVN) -q -pl e2e -am verify -Dit.test=FormAccessibilityIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
		-Dfailsafe.failIfNoSpecifiedTests=false >&2
	@mkdir -p docs/screenshots
	cp e2e/target/screenshots/*.png docs/screenshots/

# the tools install side by side; the template checks (make lint) run beside Maven, which leaves a core
# idle for most of the build, and print their output after Maven's; make test fails when either fails
test:
	@$(MAKE) --no-print-directory -j3 --output-sync=target venv venv-ministack browser
	@mkdir -p target
	@echo "make lint > target/lint.log (beside Maven; printed after it)"
	@$(MAKE) --no-print-directory lint > target/lint.log 2>&1 & lint=$$!; \
	echo "$(MVN) verify"; $(MVN) verify; tests=$$?; \
	wait $$lint; checks=$$?; \
	cat target/lint.log; \
	if [ $$checks -ne 0 ]; then echo "make test: the template checks (make lint, above) failed" >&2; fi; \
	if [ $$tests -ne 0 ]; then echo "make test: Maven's tests failed (see its output above the template checks)" >&2; fi; \
	[ $$tests -eq 0 ] && [ $$checks -eq 0 ]

bench: venv
	@$(MVN) -q -DskipTests install >&2
	@$(MVN) -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
	$(JAVA_HOME)/bin/java -Dscamsignal.projectDir=$(CURDIR) $(BENCH_OPTS) -cp bench/target/classes:$$(cat bench/target/classpath.txt) \
		io.scamsignal.bench.EnrichmentBenchmark $(SECTIONS)
	$(JAVA_HOME)/bin/java -Dscamsignal.projectDir=$(CURDIR) $(BENCH_OPTS) -cp bench/target/classes:$$(cat bench/target/classpath.txt) \
		io.scamsignal.bench.AlertingBenchmark
	$(JAVA_HOME)/bin/java -Dscamsignal.projectDir=$(CURDIR) $(BENCH_OPTS) -cp bench/target/classes:$$(cat bench/target/classpath.txt) \
		io.scamsignal.bench.WarmCpu
	$(JAVA_HOME)/bin/java -Dscamsignal.projectDir=$(CURDIR) $(BENCH_OPTS) -cp bench/target/classes:$$(cat bench/target/classpath.txt) \
		io.scamsignal.bench.ThroughputBenchmark $(REPORTS)
	$(JAVA_HOME)/bin/java -Dscamsignal.projectDir=$(CURDIR) $(BENCH_OPTS) -cp bench/target/classes:$$(cat bench/target/classpath.txt) \
		io.scamsignal.bench.TaxiiBenchmark
	$(JAVA_HOME)/bin/java -Dscamsignal.projectDir=$(CURDIR) $(BENCH_OPTS) -cp bench/target/classes:$$(cat bench/target/classpath.txt) \
		io.scamsignal.bench.FeedBenchmark
	$(JAVA_HOME)/bin/java -Dscamsignal.projectDir=$(CURDIR) $(BENCH_OPTS) -cp bench/target/classes:$$(cat bench/target/classpath.txt) \
		io.scamsignal.bench.RingBenchmark
	$(JAVA_HOME)/bin/java $(BENCH_OPTS) -cp bench/target/classes:$$(cat bench/target/classpath.txt) \
		io.scamsignal.bench.LookalikeBenchmark
	@$(MAKE) --no-print-directory bench-load
	@# last: these exit non-zero when the pipeline does not recover exactly the true rings, and when an
	@# honest alert takes more than 1.5 times as long behind 20 reports of worst-case lookalike hosts
	$(JAVA_HOME)/bin/java -Dscamsignal.projectDir=$(CURDIR) $(BENCH_OPTS) -cp bench/target/classes:$$(cat bench/target/classpath.txt) \
		io.scamsignal.bench.RingCorpusBenchmark
	$(JAVA_HOME)/bin/java -Dscamsignal.projectDir=$(CURDIR) $(BENCH_OPTS) -cp bench/target/classes:$$(cat bench/target/classpath.txt) \
		io.scamsignal.bench.HostileLookalikeBenchmark

# the load run: make run's own jar (and its patched moto) as a child process, LOAD_REPORTS reports
# from 4 concurrent HTTP clients; latency, lost reports, alerts and moto's RSS at the end
LOAD_REPORTS ?= 10000
bench-load: venv
	@$(MVN) -q -DskipTests -pl bench -am package >&2
	$(JAVA_HOME)/bin/java -Dscamsignal.projectDir=$(CURDIR) -cp bench/target/classes:emulator/target/scamsignal-local.jar \
		io.scamsignal.bench.MakeRunLoadBenchmark $(LOAD_REPORTS)

# the intake alone: warm CPU per POST /reports against readTree of the body, and the cold start's 2 x 2
# against the textbook baseline; its figures go to target/bench-intake.json, not into docs/figures.json.
# BENCH_OPTS="-Dbench.runs=4 -Dbench.rounds=2" shortens it (about 4 minutes)
bench-intake: venv
	@$(MVN) -q -DskipTests -pl bench,bench/baseline-intake -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
	$(JAVA_HOME)/bin/java -Dscamsignal.projectDir=$(CURDIR) -Dbench.functions=intake -Dbench.figures=target/bench-intake.json \
		$(BENCH_OPTS) -cp bench/target/classes:$$(cat bench/target/classpath.txt) io.scamsignal.bench.WarmCpu
	$(JAVA_HOME)/bin/java -Dscamsignal.projectDir=$(CURDIR) -Dbench.functions=intake -Dbench.figures=target/bench-intake.json \
		$(BENCH_OPTS) -cp bench/target/classes:$$(cat bench/target/classpath.txt) io.scamsignal.bench.EnrichmentBenchmark cold

# lookalike detection alone: the worst host for each technique next to a typical one
bench-lookalike:
	@$(MVN) -q -DskipTests -pl bench -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
	$(JAVA_HOME)/bin/java $(BENCH_OPTS) -cp bench/target/classes:$$(cat bench/target/classpath.txt) \
		io.scamsignal.bench.LookalikeBenchmark

# an honest number's alert alone and behind 20 reports of 10 worst-case lookalike hosts, on the local
# pipeline (moto); exits non-zero above 1.5 times (BENCH_OPTS=-Dbench.hostileRounds=1 for a quick check)
bench-hostile-lookalike: venv
	@$(MVN) -q -DskipTests -pl bench -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
	$(JAVA_HOME)/bin/java -Dscamsignal.projectDir=$(CURDIR) $(BENCH_OPTS) -cp bench/target/classes:$$(cat bench/target/classpath.txt) \
		io.scamsignal.bench.HostileLookalikeBenchmark

# BENCH_OPTS="-Dbench.runs=2 -Dbench.rounds=1 -Dbench.iterations=1 -Dbench.numbers=5 -Dbench.ringCorpus=10,12,25
# -Dbench.ringNoise=20 -Dbench.hostileRounds=1" REPORTS=50 make bench:
# a quick check that every benchmark runs and its checks pass (figures from it mean nothing)
# the throughput run's size (the figure in docs/performance.md); moto runs with item-level transaction snapshots
# there (tools/moto_server.py), as released its transactions slow down as the tables grow
REPORTS ?= 10000

# make false-positive INDICATOR='phone#+18885550142' REASON='the bank's own fraud line'
false-positive: build
	$(JAVA_HOME)/bin/java -jar ops/target/scamsignal-ops.jar false-positive "$(INDICATOR)" "$(REASON)"

# make referral RING=<ringId> [OUT=target/referrals]: a ring's referral packet (JSON, STIX 2.1, HTML) and
# its evidence manifest, written to $(OUT)/<ringId>/ (a running make run, or the tables named in the environment)
OUT ?= target/referrals
referral: build
	$(JAVA_HOME)/bin/java -jar ops/target/scamsignal-ops.jar referral "$(RING)" "$(OUT)"

# make ring-unlink RING=<ringId> A='phone#+1…' B='phone#+1…' REASON='…': withdraw the link of A and B and
# split the ring into what stays connected (a running make run, or the tables named in the environment)
ring-unlink: build
	$(JAVA_HOME)/bin/java -jar ops/target/scamsignal-ops.jar ring-unlink "$(RING)" "$(A)" "$(B)" "$(REASON)"

# make benign ACTION=add INDICATOR='domain#anydesk.com' REASON='remote-access vendor'   (ACTION=remove: no REASON)
benign: build
	$(JAVA_HOME)/bin/java -jar ops/target/scamsignal-ops.jar benign "$(ACTION)" "$(INDICATOR)" $(if $(filter remove,$(ACTION)),,"$(REASON)")

# make erase EMAIL=victim@example.org, or make erase REPORT=<reportId> (the reference number the person
# was given; also for a reporter who gave no e-mail): the address goes to the command in the
# environment, never in its arguments, and make does not echo the line (@)
erase: build
	@ERASE_EMAIL="$(EMAIL)" $(JAVA_HOME)/bin/java -jar ops/target/scamsignal-ops.jar erase $(if $(REPORT),"$(REPORT)")

# make partner-key-create PARTNER=acme [SCOPES=read:indicators,submit]: against a running make run; the
# scopes are read:<indicators|rings|collection id|*>, submit, victim-network (docs/partners.md)
partner-key-create: build
	$(JAVA_HOME)/bin/java -jar ops/target/scamsignal-ops.jar partner-key create "$(PARTNER)" "$(SCOPES)"

.PHONY: partner-key-scopes
partner-key-scopes: build
	$(JAVA_HOME)/bin/java -jar ops/target/scamsignal-ops.jar partner-key scopes "$(KEY_ID)" "$(SCOPES)"

partner-key-revoke: build
	$(JAVA_HOME)/bin/java -jar ops/target/scamsignal-ops.jar partner-key revoke "$(KEY_ID)"

# make feed-backfill: the feed table's index keys and MISP day summaries for indicators alerted before the
# feeds read through indexes (docs/operations.md); idempotent, resumable (FEED_TABLE, STIX_EXPIRY as deployed)
feed-backfill: build
	$(JAVA_HOME)/bin/java -jar ops/target/scamsignal-ops.jar feed-backfill

clean:
	$(MVN) -q clean
	rm -rf $(VENV) .venv-lint .venv-ministack
