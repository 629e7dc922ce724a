#!/usr/bin/env bash
# Builds the release files in dist/ (docs/install.md says how to install each):
#   registryguard-VERSION-linux-x64.tar.gz   the native executable (Native AOT, no .NET runtime) and its man page
#   registryguard_VERSION_amd64.deb          /usr/bin/registryguard, the systemd units, /etc/registryguard/, the man page
#   SHA256SUMS                               sha256sum of both
#
#   scripts/release.sh [--out DIR] [--binary FILE] [--version VERSION]
# --out DIR          where the files go (default dist/)
# --binary FILE      package this native executable instead of publishing one (a second package version for the
#                    upgrade test; CI publishes once and hands the result to the tests)
# --version VERSION  the package version (default: <Version> of src/RegistryGuard.Cli); without --binary it is also
#                    the executable's version
#
# Needs the .NET SDK with the Native AOT prerequisites (clang, zlib1g-dev: scripts/install-deps.sh) and dpkg-deb.
# Runs lintian on the package when it is installed and fails on any error it reports.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

out="$repo/dist" binary="" version=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --binary) binary=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    *) echo "usage: scripts/release.sh [--out DIR] [--binary FILE] [--version VERSION]" >&2; exit 2 ;;
  esac
done
csproj_version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/RegistryGuard.Cli/RegistryGuard.Cli.csproj)
version=${version:-$csproj_version}
[[ "$version" =~ ^[0-9][0-9A-Za-z.+~]*$ ]] || { echo "release: '$version' is not a Debian package version" >&2; exit 2; }
# One timestamp for every file in the archives (reproducible builds): the commit's, else now.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct 2>/dev/null || date +%s)}
log() { printf '[release %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d -t registryguard-release-XXXXXX)
trap 'rm -rf "$work"' EXIT

# ------------------------------------------------------------------ the native executable
if [ -z "$binary" ]; then
  log "publishing src/RegistryGuard.Cli with Native AOT for linux-x64 (a few minutes)"
  version_property=()
  [ "$version" != "$csproj_version" ] && version_property=(-p:Version="$version")
  scripts/publish-native.sh "$work/publish" "${version_property[@]}" >&2
  binary="$work/publish/registryguard"
fi
[ -x "$binary" ] || { echo "release: $binary is not an executable" >&2; exit 1; }
head -c 4 "$binary" | grep -q 'ELF' || { echo "release: $binary is not a native executable" >&2; exit 1; }
built_version=$("$binary" --version)
log "registryguard $built_version"

# ------------------------------------------------------------------ man page, from the binary's own help texts
log "generating registryguard(1) from the help texts"
scripts/manpage.sh "$binary" > "$work/registryguard.1"
gzip -9n < "$work/registryguard.1" > "$work/registryguard.1.gz"

# ------------------------------------------------------------------ tarball
reproducible_tar() { # directory-parent name output
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" -C "$1" -cf - "$2" | gzip -9n > "$3"
}
name="registryguard-$version-linux-x64"
mkdir -p "$work/tar/$name"
install -m 0755 "$binary" "$work/tar/$name/registryguard"
install -m 0644 "$work/registryguard.1" "$work/tar/$name/registryguard.1"
tarball="$name.tar.gz"
reproducible_tar "$work/tar" "$name" "$out/$tarball"
log "wrote $out/$tarball"

# ------------------------------------------------------------------ Debian package
root="$work/deb"
units="$root/usr/lib/systemd/system"
doc="$root/usr/share/doc/registryguard"
install -d -m 0755 "$root/DEBIAN" "$root/usr/bin" "$units" "$root/etc/registryguard" "$doc/examples" "$root/usr/share/man/man1"
install -m 0755 "$binary" "$root/usr/bin/registryguard"
for unit in deploy/systemd/*.service deploy/systemd/*.timer; do
  install -m 0644 "$unit" "$units/"
done
install -m 0644 deploy/serve.example.yml "$root/etc/registryguard/serve.yml"
install -m 0644 deploy/systemd/registryguard.env "$root/etc/registryguard/registryguard.env"
install -m 0644 deploy/systemd/serve-writes-storage.conf "$doc/examples/serve-writes-storage.conf"
install -m 0644 deploy/debian/copyright "$doc/copyright"
install -m 0644 deploy/debian/README.Debian "$doc/README.Debian"
install -d -m 0755 "$root/usr/share/lintian/overrides"
install -m 0644 deploy/debian/lintian-overrides "$root/usr/share/lintian/overrides/registryguard"
install -m 0644 "$work/registryguard.1.gz" "$root/usr/share/man/man1/registryguard.1.gz"
# A native package (the project is its own upstream): changelog.gz, one entry for this version.
{
  echo "registryguard ($version) unstable; urgency=medium"
  echo
  echo "  * Release $version; the changes are in the project's history."
  echo
  echo " -- $(sed -n 's/^Maintainer: //p' deploy/debian/control.in)  $(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n > "$doc/changelog.gz"
chmod 0644 "$doc/changelog.gz"
for script in postinst prerm postrm; do
  install -m 0755 "deploy/debian/$script" "$root/DEBIAN/$script"
done
(cd "$root" && find etc -type f | sort | sed 's:^:/:') > "$root/DEBIAN/conffiles"
# Shared libraries: the highest symbol version the executable asks of libc and of zlib (none when it carries its own).
# libssl is loaded at run time (dlopen) for TLS, so it is named in control.in.
symbol_version() { objdump -T "$binary" | { grep -o "$1_[0-9.]*" || true; } | sed "s/$1_//" | sort -uV | tail -1; }
libs="libc6 (>= $(symbol_version GLIBC))"
zlib=$(symbol_version ZLIB)
[ -n "$zlib" ] && libs="$libs, zlib1g (>= 1:$zlib)"
installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$installed_size/" -e "s/@SHLIBS@/$libs/" \
  deploy/debian/control.in > "$root/DEBIAN/control"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -print | sed 's:^\./::' | sort | xargs md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/conffiles" "$root/DEBIAN/md5sums"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
deb="registryguard_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$out/$deb" >&2
log "wrote $out/$deb"

if command -v lintian >/dev/null 2>&1; then
  log "lintian $deb"
  lintian --fail-on error "$out/$deb" >&2
else
  log "lintian is not installed: the package was not checked (tests/…/Packaging runs it)"
fi

# ------------------------------------------------------------------ checksums
(cd "$out" && sha256sum "$tarball" "$deb" > SHA256SUMS)
log "wrote $out/SHA256SUMS"
cat "$out/SHA256SUMS"
