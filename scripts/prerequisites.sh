# Finds what active-edge needs on this machine and says clearly what is missing.
# Sourced by ./active-edge and .ci/run; every function exits 1 with a message when it fails.

java_major() { # prints the major version of the java binary $1
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

# Sets and exports JAVA_HOME to a JDK 21 or newer.
require_jdk21() {
  local candidate
  local -a candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* /opt/java/*; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    if [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ]; then
      local major
      major=$(java_major "$candidate/bin/java")
      if [ -n "$major" ] && [ "$major" -ge 21 ]; then
        export JAVA_HOME="$candidate"
        export PATH="$JAVA_HOME/bin:$PATH"
        return 0
      fi
    fi
  done
  echo "active-edge needs a JDK 21 or newer (Lambda runtime java21); none was found." >&2
  echo "  looked at: \$JAVA_HOME, java on PATH, /usr/lib/jvm, /Library/Java/JavaVirtualMachines, ~/.sdkman" >&2
  echo "  install one (e.g. Temurin 21: https://adoptium.net) or set JAVA_HOME to it." >&2
  exit 1
}

require_maven() {
  command -v mvn >/dev/null 2>&1 && return 0
  echo "active-edge needs Apache Maven 3.8 or newer (mvn on PATH); install it from your package manager." >&2
  exit 1
}

require_moto() {
  if ! command -v python3 >/dev/null 2>&1; then
    echo "active-edge's local cloud needs python3 with moto; python3 was not found." >&2
    exit 1
  fi
  if ! python3 -c 'import moto.server, flask' >/dev/null 2>&1; then
    echo "active-edge's local cloud needs moto in server mode for python3 ($(command -v python3))." >&2
    echo "  install it with: pip install \"moto[server]\"" >&2
    exit 1
  fi
}

require_cfn_lint() {
  command -v cfn-lint >/dev/null 2>&1 && return 0
  echo "the test command lints template.yaml with cfn-lint, which was not found." >&2
  echo "  install it with: pip install cfn-lint" >&2
  exit 1
}
