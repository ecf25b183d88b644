# Sourced by the scripts: makes sure the machine has what Concord builds with.
# Installs Debian's libpcre2-dev (and pkg-config) non-interactively, only when missing.

concord_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

concord_ensure_pcre2() {
    if pkg-config --exists libpcre2-8 2>/dev/null; then
        return 0
    fi
    echo "concord: installing libpcre2-dev (needed to build) ..." >&2
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >&2 || true
    $sudo apt-get install -y -qq --no-install-recommends libpcre2-dev pkg-config >&2
    pkg-config --exists libpcre2-8 || { echo "concord: libpcre2-dev could not be installed" >&2; exit 2; }
}

concord_ensure_swift() {
    if ! command -v swift >/dev/null 2>&1; then
        if [ -x /opt/swift/usr/bin/swift ]; then
            export PATH="/opt/swift/usr/bin:$PATH"
        else
            echo "concord: no Swift toolchain found (swift 6 is needed)" >&2
            exit 2
        fi
    fi
}
