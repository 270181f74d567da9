# Installs and starts what the test suite needs. Sourced by test.sh.
# Each dependency installs itself from Debian's packages when missing, so a fresh machine passes too.

apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- Chromium, for the browser tests (Playwright drives Debian's build; its own download is not used) ---
ensure_chromium() {
  if ! [ -x /usr/bin/chromium ] || ! /usr/bin/chromium --version >/dev/null 2>&1; then
    echo "Installing Chromium from Debian"
    apt_install chromium fonts-noto-cjk
  fi
  # Chinese text on screenshots needs a CJK font.
  if ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then apt_install fonts-noto-cjk; fi
  export CHROMIUM_PATH=/usr/bin/chromium
}

ensure_test_deps() {
  command -v dotnet >/dev/null || { echo "dotnet SDK 10 is required" >&2; exit 1; }
  ensure_chromium
}

stop_test_deps() {
  :
}
