#!/usr/bin/env bash
# Records the list and inspect answers the prune planner reads, from a PRIVATE engine, after
# making a small known fixture on it (it removes everything on that engine first).
#
#   scripts/record-plan-lists.sh SOCKET OUTDIR [podman]
#
# SOCKET is the engine's unix socket path; OUTDIR receives one file per answer, named after the
# request (see prune-core/src/test/resources/lists/README.md). Needs the docker CLI, curl, python3,
# and for the build-cache records Debian's /usr/bin/docker 20.10 (BuildKit built in).
set -euo pipefail
sock=$1 out=$2 flavour=${3:-docker}
export DOCKER_HOST=unix://$sock DOCKER_CONFIG=$(mktemp -d)
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work" "$DOCKER_CONFIG"' EXIT

docker rm -f $(docker ps -aq) >/dev/null 2>&1 || true
docker volume rm -f $(docker volume ls -q) >/dev/null 2>&1 || true
docker network prune -f >/dev/null 2>&1 || true
docker image rm -f $(docker image ls -aq) >/dev/null 2>&1 || true

# A static binary that sleeps: images need something to run.
printf '#include <unistd.h>\n#include <stdlib.h>\nint main(int c,char**v){sleep(c>1?atoi(v[1]):0);return 0;}\n' > "$work/s.c"
mkdir -p "$work/root" && gcc -static -Os -o "$work/root/sleeper" "$work/s.c"
img() { # tag, labels...
  local tag=$1; shift; date +%s%N > "$work/root/stamp"
  local args=(--change 'CMD ["/sleeper"]'); for l in "$@"; do args+=(--change "LABEL $l"); done
  tar -C "$work/root" -cf "$work/root.tar" . && docker import "${args[@]}" "$work/root.tar" "$tag" >/dev/null
}
img plan/base:1
img plan/app:1 app=1
img plan/unused:1 env=ci
img plan/retag:1 env=ci; img plan/retag:1 env=ci          # the first one is now dangling
printf 'FROM plan/base:1\nLABEL step=layer\nLABEL step=child\n' > "$work/Dockerfile"
DOCKER_BUILDKIT=0 docker build -q -t plan/chain:1 "$work" >/dev/null
img plan/chain:1                                            # the built child is now dangling
docker network create appnet >/dev/null
docker network create --label env=ci spare >/dev/null
docker network create stoppednet >/dev/null
docker volume create data >/dev/null
docker volume create --label keep=yes cache >/dev/null
docker volume create --label env=ci >/dev/null              # anonymous
docker run -d --name web --network appnet -v data:/data plan/base:1 /sleeper 86400 >/dev/null
docker create --name old-job --label env=ci --network stoppednet plan/app:1 >/dev/null
docker start old-job >/dev/null && docker wait old-job >/dev/null
docker create --name fresh --network none plan/base:1 >/dev/null
if [ "$flavour" != podman ]; then
  cp "$work/root/sleeper" "$work/sleeper"; printf 'FROM scratch\nCOPY sleeper /sleeper\n' > "$work/Dockerfile"
  DOCKER_BUILDKIT=1 /usr/bin/docker build -q -t plan/built:1 "$work" >/dev/null
fi

get() { curl -sS --fail --unix-socket "$sock" "http://localhost$1" | python3 -m json.tool > "$out/$2"; }
v=$(curl -sS --unix-socket "$sock" -o /dev/null -D - http://localhost/_ping | tr -d '\r' | awk -F': ' 'tolower($1)=="api-version"{print $2}')
get "/v$v/info" info.json
get "/v$v/containers/json?all=1&size=1" containers.json
get "/v$v/images/json?all=1" images.json
get "/v$v/volumes" volumes.json
get "/v$v/networks" networks.json
get "/v$v/system/df" df.json
for n in appnet spare stoppednet; do
  id=$(docker network inspect -f '{{.Id}}' $n); get "/v$v/networks/$id" "network-$n.json"
done
if [ "$flavour" = podman ]; then get "/v4.0.0/libpod/containers/json?all=true" libpod-containers.json; fi
echo "recorded API $v answers in $out"
