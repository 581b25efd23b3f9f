#!/usr/bin/env bash
# Builds functions/ the way `sam build` does: a copy of the folder alone, `mvn clean install` in it.
# Fails when that build fails, when any test in it was skipped (a test that needs something outside
# functions/ must fail, not skip), or when netty is on the functions' runtime classpath.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=prerequisites.sh
source scripts/prerequisites.sh

JAVA_HOME="$(find_jdk)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
MVN="$(find_mvn)"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/active-edge-sam-build.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
cp -R functions "$scratch/"
cd "$scratch/functions"

started=$SECONDS
if ! "$MVN" -B -ntp clean install >"$scratch/build.log" 2>&1; then
  tail -n 60 "$scratch/build.log" >&2
  say "sam-build-check: mvn clean install failed in a copy of functions/ alone (log above)." >&2
  exit 1
fi

# Surefire writes one TEST-*.xml per test class; its <testsuite> element counts tests and skipped tests.
reports=(target/surefire-reports/TEST-*.xml)
if [[ ! -e "${reports[0]}" ]]; then
  say "sam-build-check: no surefire reports in target/surefire-reports: did the tests run?" >&2
  exit 1
fi
read -r tests skipped < <(
  for report in "${reports[@]}"; do
    grep -m 1 -o '<testsuite [^>]*>' "$report"
  done | awk '
    { t = 0; s = 0
      if (match($0, / tests="[0-9]+"/)) { v = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", v); t = v }
      if (match($0, / skipped="[0-9]+"/)) { v = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", v); s = v }
      tests += t; skipped += s }
    END { print tests + 0, skipped + 0 }')
if (( skipped > 0 )); then
  say "sam-build-check: $skipped of $tests tests were skipped in a copy of functions/ alone:" >&2
  grep -l ' skipped="[1-9][0-9]*"' "${reports[@]}" | sed 's|.*/TEST-||; s|\.xml$||; s|^|  |' >&2
  exit 1
fi

if ! "$MVN" -B -ntp dependency:list -DincludeScope=runtime -DoutputFile="$scratch/runtime.txt" \
    >>"$scratch/build.log" 2>&1; then
  tail -n 30 "$scratch/build.log" >&2
  say "sam-build-check: mvn dependency:list failed." >&2
  exit 1
fi
if grep -i netty "$scratch/runtime.txt" >&2; then
  say "sam-build-check: netty is on the functions' runtime classpath (above); exclude it from the dependency that brings it." >&2
  exit 1
fi

say "sam-build-check: functions/ alone: tests run $tests, skipped $skipped, netty: none ($((SECONDS - started)) s)"
