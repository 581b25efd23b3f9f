# Finds what active-edge needs on this machine and says clearly what is missing.
# Sourced by ./active-edge and .ci/run. Each find_* prints what it found, or explains and exits 1.

say() { printf '%s\n' "$*"; }

# Prints the major Java version of a java binary (8 for 1.8), nothing if it does not run.
java_major() {
  local version
  version="$("$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2; exit}')" || true
  version="${version#1.}"
  printf '%s' "${version%%.*}"
}

# A JDK home (java and javac) of version 21 or newer.
usable_jdk() {
  local home="$1" major
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 1
  major="$(java_major "$home/bin/java")"
  [[ "$major" =~ ^[0-9]+$ ]] && (( major >= 21 ))
}

find_jdk() {
  local seen=() candidate path_home
  if [[ -n "${JAVA_HOME:-}" ]]; then
    if usable_jdk "$JAVA_HOME"; then printf '%s' "$JAVA_HOME"; return 0; fi
    seen+=("JAVA_HOME=$JAVA_HOME is Java $(java_major "$JAVA_HOME/bin/java" 2>/dev/null || true)")
  fi
  if command -v java >/dev/null 2>&1; then
    path_home="$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.home/ {print $2; exit}')" || true
    if [[ -n "$path_home" ]] && usable_jdk "$path_home"; then printf '%s' "$path_home"; return 0; fi
    seen+=("java on PATH is Java $(java_major "$(command -v java)")")
  fi
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    if [[ -d "$candidate" ]] && usable_jdk "$candidate"; then printf '%s' "$candidate"; return 0; fi
  done
  {
    say "active-edge: needs a JDK 21 or newer and found none${seen:+ (${seen[*]})}."
    say "  Looked at JAVA_HOME, java on PATH, /usr/lib/jvm, /Library/Java/JavaVirtualMachines, ~/.sdkman."
    say "  Install one, for example:"
    say "    sdk install java 21-tem                    (SDKMAN)"
    say "    sudo apt-get install openjdk-21-jdk        (Debian/Ubuntu)"
    say "    brew install openjdk@21                    (macOS)"
    say "  or set JAVA_HOME to a JDK 21+."
  } >&2
  exit 1
}

find_python() {
  local candidate
  for candidate in ${ACTIVE_EDGE_PYTHON:-} python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import moto.server' >/dev/null 2>&1; then
      command -v "$candidate"
      return 0
    fi
  done
  {
    if command -v python3 >/dev/null 2>&1; then
      say "active-edge: the local cloud runs moto's server, which $(command -v python3) cannot import."
    else
      say "active-edge: the local cloud runs moto's server and needs Python 3; none is on PATH."
    fi
    say "  Install it with:  pip install \"moto[server]\""
    say "  (or set ACTIVE_EDGE_PYTHON to a python that has it)"
  } >&2
  exit 1
}

find_mvn() {
  if command -v mvn >/dev/null 2>&1; then command -v mvn; return 0; fi
  {
    say "active-edge: needs Maven 3.8+ to build the functions and the local cloud; mvn is not on PATH."
    say "  Install it, for example:  sdk install maven  |  sudo apt-get install maven  |  brew install maven"
  } >&2
  exit 1
}

# cfn-lint is part of the test command (the template is linted with every build).
find_cfn_lint() {
  if command -v cfn-lint >/dev/null 2>&1; then command -v cfn-lint; return 0; fi
  say "active-edge: the test command lints template.yaml with cfn-lint, which is not on PATH." >&2
  say "  Install it with:  pip install cfn-lint" >&2
  exit 1
}
