#!/usr/bin/env bash
# Fetches the dockerd of the next Debian release (26.1, API 1.45 when bookworm is this release)
# without installing it: apt-get download through a private apt configuration, then dpkg -x.
# Prints the path of the unpacked dockerd. It runs with this machine's containerd and libraries.
#
#   scripts/fetch-next-dockerd.sh [DIR]     DIR defaults to /var/tmp/iechor-engines
#
# The apt sources are derived from this machine's own Debian entries (same mirrors) with the
# suite changed, so no host name is written here.
set -euo pipefail
dir=${1:-/var/tmp/iechor-engines}
next=${IECHOR_NEXT_SUITE:-trixie}
out="$dir/docker-$next"
if [ -x "$out/root/usr/sbin/dockerd" ]; then
  echo "$out/root/usr/sbin/dockerd"
  exit 0
fi
apt_dir="$dir/apt-$next"
mkdir -p "$apt_dir/state/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/sources" "$out"

# deb822 entries (/etc/apt/sources.list.d/*.sources): keep the main archive stanzas, set the suite.
for f in /etc/apt/sources.list.d/*.sources; do
  [ -e "$f" ] || continue
  awk -v suite="$next" 'BEGIN { RS = ""; ORS = "\n\n" }
    /URIs:[^\n]*debian/ && !/security/ {
      gsub(/\nSuites:[^\n]*/, "\nSuites: " suite); print }' "$f"
done > "$apt_dir/sources/next.sources"
# one-line entries (/etc/apt/sources.list): the same, for machines configured the old way.
if [ -f /etc/apt/sources.list ]; then
  grep -E '^deb[[:space:]]' /etc/apt/sources.list | grep -v security \
    | awk -v suite="$next" '{ $3 = suite; print }' | sort -u > "$apt_dir/sources/next.list" || true
fi
if [ ! -s "$apt_dir/sources/next.sources" ] && [ ! -s "$apt_dir/sources/next.list" ]; then
  echo "fetch-next-dockerd: found no Debian archive entry in /etc/apt to derive '$next' from" >&2
  exit 1
fi
[ -s "$apt_dir/sources/next.sources" ] || rm -f "$apt_dir/sources/next.sources"
[ -s "$apt_dir/sources/next.list" ] || rm -f "$apt_dir/sources/next.list"

apt_opts=(-o "Dir::State=$apt_dir/state" -o "Dir::Cache=$apt_dir/cache"
  -o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$apt_dir/sources"
  -o "Dir::Etc::Preferences=/dev/null" -o "Dir::Etc::PreferencesParts=$apt_dir/sources"
  -o "APT::Sandbox::User=root")
apt-get "${apt_opts[@]}" -qq update >&2
(cd "$out" && apt-get "${apt_opts[@]}" -qq download docker.io >&2)
deb=$(ls "$out"/docker.io_*.deb | head -n 1)
dpkg -x "$deb" "$out/root"
"$out/root/usr/sbin/dockerd" --version >&2
echo "$out/root/usr/sbin/dockerd"
