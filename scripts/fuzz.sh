#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ in turn for SECONDS_PER_TARGET seconds (default 20), and prints
# one line per target:  fuzz <target>: <execs> execs in <N>s, no crash
# Exits non-zero when any target crashes (panic, failed invariant, OOM, timeout) or fails to build;
# the crashing input is in fuzz/artifacts/<target>/, the full log in fuzz/target/fuzz-<target>.log.
#
# Needs the nightly toolchain and cargo-fuzz (scripts/setup.sh fuzz installs both). Safe to run
# again: each run goes on from the corpus in fuzz/corpus/<target> (seeded from fuzz/seeds/).
#
# Usage: [FUZZ_SEED=N] scripts/fuzz.sh [SECONDS_PER_TARGET]
#   short:  scripts/fuzz.sh 20
#   long:   scripts/fuzz.sh 1800
# One target by hand:
#   cargo +nightly fuzz run -s none structured -- -max_total_time=600 -rss_limit_mb=2048
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$PATH"

SECONDS_PER_TARGET=${1:-20}
if ! [[ $SECONDS_PER_TARGET =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET]" >&2
  exit 2
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz.sh: needs the nightly toolchain and cargo-fuzz; run scripts/setup.sh fuzz" >&2
  exit 2
fi

TARGETS=(json_input wire_input structured instance_context csv_reader csv_import)
# The crate forbids unsafe code, so AddressSanitizer would find nothing the Rust checks don't;
# without it the targets run several times faster. Debug assertions (overflow checks) stay on.
SANITIZER=none

mkdir -p "$ROOT/fuzz/target"
if ! cargo +nightly fuzz build -s "$SANITIZER" >"$ROOT/fuzz/target/fuzz-build.log" 2>&1; then
  tail -n 40 "$ROOT/fuzz/target/fuzz-build.log" >&2
  echo "fuzz.sh: build failed (log: fuzz/target/fuzz-build.log)" >&2
  exit 1
fi

status=0
for target in "${TARGETS[@]}"; do
  corpus="$ROOT/fuzz/corpus/$target"
  seeds="$ROOT/fuzz/seeds/$target"
  log="$ROOT/fuzz/target/fuzz-$target.log"
  mkdir -p "$corpus" "$ROOT/fuzz/artifacts/$target"
  dirs=("$corpus")
  [ -d "$seeds" ] && dirs+=("$seeds")
  flags=(
    "-max_total_time=$SECONDS_PER_TARGET"
    "-rss_limit_mb=2048"
    "-timeout=60"
    "-print_final_stats=1"
  )
  # FUZZ_SEED fixes libFuzzer's random seed (make test's short run uses one, so that CI explores
  # the same inputs each time; long runs leave it random).
  [ -n "${FUZZ_SEED:-}" ] && flags+=("-seed=$FUZZ_SEED")
  case "$target" in
    json_input | wire_input) flags+=("-dict=$ROOT/fuzz/create_user.dict") ;;
  esac
  rc=0
  cargo +nightly fuzz run -s "$SANITIZER" "$target" "${dirs[@]}" -- "${flags[@]}" >"$log" 2>&1 || rc=$?
  # libFuzzer's last words: "Done 123456 runs in 20 second(s)".
  done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -n 1 || true)
  if [ "$rc" -eq 0 ] && [ -n "$done_line" ]; then
    read -r _ runs _ _ secs _ <<<"$done_line"
    echo "fuzz $target: $runs execs in ${secs}s, no crash"
  else
    status=1
    artifact=$(grep -oE 'Test unit written to [^ ]+' "$log" | tail -n 1 | sed 's/Test unit written to //' || true)
    echo "fuzz $target: CRASH (exit $rc)${artifact:+, input saved in $artifact}; log: $log"
    grep -E -m 1 -A 3 "panicked at|ERROR: libFuzzer|SUMMARY" "$log" | sed 's/^/    /' || true
  fi
done
exit "$status"
