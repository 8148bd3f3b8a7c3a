# mailcf - top-level build.
#
# Layout conventions (no per-file registration needed):
#   DIR/*.c            -> build/lib/libDIR.a   (except main-*.c)
#   DIR/main-NAME.c    -> build/bin/NAME       (linked with all our libraries)
#   tests/unit/test-*.c -> build/tests/test-*   (cmocka; also built with ASan+UBSan)
#   tests/*/*.test     -> script tests run by tests/run-tests (exit 0 pass, 77 skip)
#   tests/fuzz/fuzz-*.c -> libFuzzer harnesses (make fuzz)
#   tests/bench/*.bench -> benchmarks (make bench)
# A folder may add a DIR/module.mk for extras (DEPS_PKGS, MAN_PAGES, LDLIBS...).
#
# make            build everything into build/
# make check      build, then run every test (plus the unit tests under ASan+UBSan)
# make deps       install the Debian packages the build and tests need
# make install    PREFIX=/usr/local DESTDIR=
# make fuzz       run every fuzz harness for FUZZ_SECONDS (default 60) each
# make bench      run the benchmarks and print ratios against the peers
# make demo       the textbook server example, built, linted and queried (-bt)

O        ?= build
CC       ?= cc
PREFIX   ?= /usr/local
DESTDIR  ?=
SAN      ?=
FUZZ_SECONDS ?= 60

MODULES  := lib maps cfgen runtime
# Link order: users before providers.
LINK_ORDER := runtime cfgen maps lib

WARN     := -Wall -Wextra -Werror -Wformat=2 -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS := -I. -D_GNU_SOURCE
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 $(WARN) -fno-strict-aliasing
ifeq ($(SAN),1)
CFLAGS   += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS  += -fsanitize=address,undefined
endif
LDLIBS   := -lgdbm -lyaml -lcdb

# Debian packages needed to build and test; modules append to this.
DEPS_PKGS := make gcc m4 libgdbm-dev libyaml-dev libcmocka-dev libcdb-dev clang \
	python3 python3-jsonschema python3-yaml swaks curl util-linux libwrap0
MAN_PAGES :=
BENCHES   := $(wildcard tests/bench/*.bench)

-include $(wildcard $(addsuffix /module.mk,$(MODULES) tests mc))

srcs_of   = $(filter-out $(1)/main-%.c,$(wildcard $(1)/*.c))
# lib/ builds libmailcf.a; every other DIR builds libDIR.a
libname   = $(O)/lib/lib$(if $(filter lib,$(1)),mailcf,$(1)).a
LIBS      := $(foreach m,$(MODULES),$(if $(call srcs_of,$(m)),$(call libname,$(m))))
MAINS     := $(wildcard $(addsuffix /main-*.c,$(MODULES)))
BINS      := $(foreach f,$(MAINS),$(O)/bin/$(patsubst main-%.c,%,$(notdir $(f))))
UNIT_SRCS := $(wildcard tests/unit/test-*.c)
UNITS     := $(patsubst tests/unit/%.c,$(O)/tests/%,$(UNIT_SRCS))
SCRIPTS   := $(sort $(wildcard tests/*/*.test))
FUZZERS   := $(patsubst tests/fuzz/%.c,$(O)/fuzz/%,$(wildcard tests/fuzz/fuzz-*.c))

.PHONY: all check unit deps install fuzz fuzz-build bench clean demo
all: $(LIBS) $(BINS)

$(O)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

define lib_rule
$(call libname,$(1)): $(patsubst %.c,$(O)/obj/%.o,$(call srcs_of,$(1)))
	@mkdir -p $$(dir $$@)
	rm -f $$@ && ar rcs $$@ $$^
endef
$(foreach m,$(MODULES),$(if $(call srcs_of,$(m)),$(eval $(call lib_rule,$(m)))))

# What each layer links (DESIGN.md: dependencies point one way, downward).
LAYER_lib     := lib
LAYER_maps    := maps lib
LAYER_cfgen   := cfgen maps lib
LAYER_runtime := runtime cfgen maps lib
layer_libs = $(foreach m,$(LAYER_$(1)),$(filter $(call libname,$(m)),$(LIBS)))
# The module a unit test belongs to: tests/unit/test-MODULE[-x].c
unit_module = $(firstword $(filter $(MODULES),$(subst -, ,$(patsubst test-%,%,$(1)))) runtime)

define bin_rule
$(O)/bin/$(patsubst main-%.c,%,$(notdir $(1))): $(O)/obj/$(1:.c=.o) $(call layer_libs,$(patsubst %/,%,$(dir $(1))))
	@mkdir -p $$(dir $$@)
	$(CC) $(LDFLAGS) -o $$@ $$^ $(LDLIBS)
endef
$(foreach f,$(MAINS),$(eval $(call bin_rule,$(f))))

define unit_rule
$(O)/tests/$(1): tests/unit/$(1).c $(call layer_libs,$(call unit_module,$(1)))
	@mkdir -p $$(dir $$@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $$@ $$^ $(LDLIBS) -lcmocka
endef
$(foreach t,$(patsubst tests/unit/%.c,%,$(UNIT_SRCS)),$(eval $(call unit_rule,$(t))))

unit: $(UNITS)

# Everything: normal build + unit tests, the ASan/UBSan unit build, then run.
check: all unit
	$(MAKE) --no-print-directory O=$(O)/asan SAN=1 unit
	O=$(O) ASAN_UNITS="$(patsubst $(O)/%,$(O)/asan/%,$(UNITS))" \
	  tests/run-tests $(UNITS) $(SCRIPTS)

deps:
	@missing=$$(for p in $(sort $(DEPS_PKGS)); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "deps: all present"; fi

$(O)/fuzz/fuzz-%: tests/fuzz/fuzz-%.c $(filter-out %/lib/main-%,$(wildcard $(addsuffix /*.c,$(MODULES)))) $(wildcard $(addsuffix /*.h,$(MODULES)))
	@mkdir -p $(dir $@)
	clang $(CPPFLAGS) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -o $@ $< \
	  $(foreach m,$(LINK_ORDER),$(call srcs_of,$(m))) $(LDLIBS)

fuzz-build: $(FUZZERS)
fuzz: $(FUZZERS)
	@for f in $(FUZZERS); do n=$$(basename $$f); \
	  mkdir -p $(O)/fuzz/corpus-$$n; \
	  echo "== $$n for $(FUZZ_SECONDS)s"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix=$(O)/fuzz/ \
	    $(O)/fuzz/corpus-$$n tests/fuzz/corpus/$$n || exit 1; done

# The textbook server: build its .cf and maps, lint them, ask sendmail -bt.
demo: all
	O=$(O) bash examples/demo

bench: all
	@for b in $(BENCHES); do echo "== $$b"; O=$(O) bash $$b || exit 1; done

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/sbin
	for b in $(filter-out %/cfgen,$(BINS)); do install -m 755 $$b $(DESTDIR)$(PREFIX)/sbin/; done
	install -m 755 $(O)/bin/cfgen $(DESTDIR)$(PREFIX)/bin/
	for m in $(MAN_PAGES); do s=$${m##*.}; install -d $(DESTDIR)$(PREFIX)/share/man/man$$s; \
	  install -m 644 $$m $(DESTDIR)$(PREFIX)/share/man/man$$s/; done
	install -d $(DESTDIR)$(PREFIX)/share/mailcf/cf
	cp -R mc/. $(DESTDIR)$(PREFIX)/share/mailcf/cf/
	rm -f $(DESTDIR)$(PREFIX)/share/mailcf/cf/module.mk

clean:
	rm -rf $(O)

-include $(shell find $(O)/obj -name '*.d' 2>/dev/null)
