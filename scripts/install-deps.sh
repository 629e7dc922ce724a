#!/usr/bin/env bash
# Installs the real components the tests and the demo drive, only when they are missing.
# Debian packages: docker-registry (CNCF Distribution 2.8), skopeo, apache2-utils (htpasswd),
# prometheus-pushgateway, prometheus (promtool), systemd (systemd-analyze verify of the units), openssl (signs the
# cosign-format test signatures), npm (installs dockerfilelint for scripts/lint-dockerfile.sh), buildah and umoci
# (real clients that push part of the real-world content corpus; buildah runs daemonless with the vfs storage driver);
# for scripts/release.sh and the package tests: clang, binutils (objdump) and zlib1g-dev (the Native AOT
# toolchain), lintian, man-db (man --warnings).
set -euo pipefail
declare -A package_of=(
  [docker-registry]=docker-registry
  [skopeo]=skopeo
  [htpasswd]=apache2-utils
  [prometheus-pushgateway]=prometheus-pushgateway
  [promtool]=prometheus
  [systemd-analyze]=systemd
  [npm]=npm
  [openssl]=openssl
  [buildah]=buildah
  [umoci]=umoci
  [clang]=clang
  [objdump]=binutils
  [lintian]=lintian
  [man]=man-db
)
wanted=("$@")
[ ${#wanted[@]} -eq 0 ] && wanted=("${!package_of[@]}")
missing=()
for tool in "${wanted[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${package_of[$tool]}")
done
# serve's schedules and their DST tests read IANA time zones from /usr/share/zoneinfo.
[ ${#@} -eq 0 ] && [ ! -e /usr/share/zoneinfo/Europe/London ] && missing+=(tzdata)
# The native executable links the system zlib (scripts/release.sh: UseSystemZlib).
[ ${#@} -eq 0 ] && [ ! -e /usr/include/zlib.h ] && missing+=(zlib1g-dev)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK (dotnet) is not on PATH" >&2
  exit 2
fi
