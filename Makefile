# Release Cockpit: `make run` and `make test` do all the set-up on a fresh Debian bookworm machine.
BUILD       ?= build
BUILD_TYPE  ?= RelWithDebInfo
JOBS        ?= $(shell nproc)
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO_DIR    ?= $(CURDIR)/$(BUILD)/demo-workspace
SCREENSHOT  ?= $(CURDIR)/$(BUILD)/screenshots/cockpit-demo.png

# What builds the cockpit.
BUILD_PACKAGES := build-essential cmake ninja-build pkg-config git ca-certificates \
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools \
  qt6-l10n-tools \
  libqt6sql6-sqlite libqt6sql6-psql libgl-dev libgit2-dev qtkeychain-qt6-dev \
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libarchive-dev libsqlite3-dev libssl-dev
# What the tests, the benchmarks, `make package` (dpkg-shlibdeps needs `file`) and `make run`
# without a display use: the real services and tools.
TEST_PACKAGES := postgresql prometheus gnome-keyring dbus dbus-x11 xvfb xauth imagemagick sqlite3 \
  hyperfine curl unzip fonts-dejavu-core libsimdjson-dev libpq-dev openssl openssh-client clang \
  desktop-file-utils appstream dpkg-dev man-db file python3-icalendar gnupg
PACKAGES := $(BUILD_PACKAGES) $(TEST_PACKAGES)
# Only `make fuzz` needs these: clang 14 cannot compile libstdc++ 12's <expected> (docs/fuzzing.md).
FUZZ_PACKAGES := clang-16 libclang-rt-16-dev

.PHONY: all deps build run test bench asan fuzz clean format package

all: build

# Installs only what is missing; prints nothing when everything is there.
deps:
	@missing=$$(for p in $(PACKAGES) $(EXTRA_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q '^install ok installed$$' || echo "$$p"; \
	done); \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# Opens the GUI on the demo workspace; with no display, under Xvfb with a screenshot.
run: build
	@scripts/run-demo.sh "$(BUILD)/app/release-cockpit" "$(DEMO_DIR)" "$(SCREENSHOT)"

# Every test, with the real services started by the fixtures under tests/fixtures/.
test: build
	@scripts/run-tests.sh "$(BUILD)"

bench: build
	@scripts/run-benchmarks.sh "$(BUILD)"

# The tests under AddressSanitizer and UndefinedBehaviorSanitizer. LeakSanitizer skips only the
# libraries' own leaks listed, each with its reason, in tests/lsan.supp (docs/fuzzing.md); without
# print_suppressions=0 every CLI process the tests run would add a report to its stderr.
ASAN_TEST_ENV := LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
asan: deps
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCOCKPIT_SANITIZE=ON
	cmake --build build-asan -j $(JOBS)
	@$(ASAN_TEST_ENV) scripts/run-tests.sh build-asan

# Every libFuzzer target for FUZZ_SECONDS each, from the committed corpus, under ASan and UBSan.
FUZZ_SECONDS ?= 60
fuzz:
	@$(MAKE) --no-print-directory deps EXTRA_PACKAGES="$(FUZZ_PACKAGES)"
	@scripts/run-fuzz.sh build-fuzz $(FUZZ_SECONDS)

package: build
	cd $(BUILD) && cpack -G DEB

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) build-asan build-fuzz
