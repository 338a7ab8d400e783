#!/usr/bin/env bash
# Records raw prune exchanges from a private, throwaway dockerd, for the unit tests' replayed
# answers (prune-core/src/test/resources/responses/). Nothing outside DIR is touched: own socket,
# data root, exec root, pidfile, containerd namespace; no bridge, no iptables.
#
#   scripts/record-prune-responses.sh DOCKERD DIR > transcript.txt
#
# DOCKERD is the engine binary (e.g. the 26.1 one from scripts/fetch-next-dockerd.sh). The fixture
# is built with `docker import` (no registry needed) and, for build cache, a BuildKit build with
# the 20.10 CLI at /usr/bin/docker. Every case is one curl call; its output is printed as received.
set -euo pipefail
dockerd=${1:?dockerd binary}; dir=${2:?directory}
sock="$dir/docker.sock"
mkdir -p "$dir/data" "$dir/exec" "$dir/ctx"
echo '{}' > "$dir/daemon.json"
setsid "$dockerd" --host "unix://$sock" --data-root "$dir/data" --exec-root "$dir/exec" \
  --pidfile "$dir/docker.pid" --config-file "$dir/daemon.json" --bridge=none --iptables=false \
  --default-address-pool base=10.219.0.0/16,size=24 \
  --containerd-namespace rec-prune --containerd-plugins-namespace rec-prune-plugins \
  > "$dir/dockerd.log" 2>&1 < /dev/null &
echo $! > "$dir/launcher.pid"
stop() {
  local pid
  pid=$(cat "$dir/docker.pid" 2>/dev/null || cat "$dir/launcher.pid")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 500); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.02; done
}
trap stop EXIT
for _ in $(seq 1 1000); do
  curl -s --max-time 1 --unix-socket "$sock" http://x/_ping 2>/dev/null | grep -q OK && break
  sleep 0.02
done

export DOCKER_HOST="unix://$sock"
d() { docker "$@" > /dev/null; }
mkimage() { # mkimage TAG LABEL...: a one-file image made with docker import
  local tag=$1; shift
  local changes=()
  for l in "$@"; do changes+=(--change "LABEL $l"); done
  tar -C "$dir/ctx" -cf - f | docker import "${changes[@]}" - "$tag" > /dev/null
}
echo "content $(date +%s%N)" > "$dir/ctx/f"
mkimage lab/base:1 lab=1
mkimage lab/tagged:1 lab=1 env=ci
echo "first" > "$dir/ctx/f"; mkimage lab/retag:1 lab=1
echo "second" > "$dir/ctx/f"; mkimage lab/retag:1 lab=1    # the first import is now dangling
d create --name lab-c-created --label env=ci lab/base:1 /f
d create --name lab-c-plain lab/base:1 /f
d create --name lab-c-anon -v /data lab/base:1 /f
d rm lab-c-anon                                             # leaves its anonymous volume behind
d volume create --label lab=1 lab-vol-named
d network create --label lab=1 lab-net-1
d network create lab-net-2
printf 'FROM scratch\nCOPY f /f\n' > "$dir/ctx/Dockerfile"
DOCKER_BUILDKIT=1 DOCKER_API_VERSION=1.41 /usr/bin/docker build -q -t lab/built:1 "$dir/ctx" > /dev/null
docker rmi lab/built:1 > /dev/null                         # the cache stays, unshared

v=$(curl -sS -I --unix-socket "$sock" http://x/_ping | tr -d '\r' | awk -F': ' 'tolower($1)=="api-version"{print $2}')
case_() { # case_ NAME METHOD PATH [FILTERS_JSON] [EXTRA_QUERY]
  local name=$1 method=$2 path=$3 filters=${4:-} extra=${5:-}
  local url="http://localhost$path" q=()
  [ -n "$filters" ] && q+=("filters=$(python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1],safe=""))' "$filters")")
  [ -n "$extra" ] && q+=("$extra")
  [ ${#q[@]} -gt 0 ] && url="$url?$(IFS='&'; echo "${q[*]}")"
  echo "===================================================================================================="
  echo "CASE $name"
  [ -n "$filters" ] && echo "filters (decoded): $filters"
  echo "\$ curl -sS -i -X $method '$url'"
  echo "--- response ---"
  if [ "$method" = HEAD ]; then curl -sS -I --unix-socket "$sock" "$url"; else
    curl -sS -i --unix-socket "$sock" -X "$method" "$url"; fi
  echo
}
echo "# prune exchanges recorded $(date -u +%FT%TZ) on $("$dockerd" --version), Api-Version $v"
case_ ping/head HEAD /_ping
case_ containers/v$v POST "/v$v/containers/prune"
case_ containers/nothing POST "/v$v/containers/prune"
case_ networks/v$v POST "/v$v/networks/prune"
case_ networks/nothing POST "/v$v/networks/prune"
case_ volumes/anonymous-only POST "/v$v/volumes/prune"
case_ volumes/all POST "/v$v/volumes/prune" '{"all":{"true":true}}'
case_ volumes/nothing POST "/v$v/volumes/prune" '{"all":{"true":true}}'
case_ images/dangling POST "/v$v/images/prune" '{"dangling":{"true":true}}'
case_ images/all POST "/v$v/images/prune" '{"dangling":{"false":true}}'
case_ images/nothing POST "/v$v/images/prune" '{"dangling":{"false":true}}'
case_ build/all POST "/v$v/build/prune" '' 'all=1'
case_ build/nothing POST "/v$v/build/prune" '' 'all=1'
case_ error/unknown-filter POST "/v$v/containers/prune" '{"foo":{"bar":true}}'
case_ error/images-until-garbage POST "/v$v/images/prune" '{"until":{"garbage":true},"dangling":{"true":true}}'
case_ error/volumes-until POST "/v$v/volumes/prune" '{"until":{"24h":true}}'
case_ error/volumes-all-v1.41 POST "/v1.41/volumes/prune" '{"all":{"true":true}}'
case_ error/build-keep-storage POST "/v$v/build/prune" '' 'keep-storage=abc'
case_ error/too-new POST "/v1.99/containers/prune"
case_ error/get-instead-of-post GET "/v$v/containers/prune"
