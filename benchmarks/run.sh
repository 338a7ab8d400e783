#!/usr/bin/env bash
# Benchmarks side by side (issue 5): the library against the floor (hand-written HTTP on a JDK Unix
# socket channel), the peer Java client (docker-java 3.5.1, zerodep transport) and the Go CLI.
#
#   benchmarks/run.sh              # about 12 minutes on 2 cores; root; needs dockerd, docker, gcc
#   nice -n -10 benchmarks/run.sh  # on a machine other builds share: less of their noise
#
# Builds what it needs (mvn package of examples and benchmarks), starts a private dockerd in a
# temporary directory (never your own engine), runs warm calls (JMH), response mapping (JMH -prof
# gc), cold starts (interleaved rounds), bulk prunes of created containers and the footprint, stops the
# engine, prints one table and writes BENCHMARKS.md at the repository root. Every figure is a
# median, and every ratio is against a baseline measured in the same run. Nothing here is a test.
#
# Knobs: RUNS (cold runs per command, 15), BULK_N (containers, 1000), BULK_RUNS (3), WARM_ROUNDS (3),
# JAVA17_HOME, JAVA25_HOME (the JDK for the AOT cache; that part is skipped when missing),
# JMH_ARGS (added to both JMH runs, e.g. "-wi 1 -i 1" for a quick try).
set -euo pipefail
export LC_ALL=C

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
RUNS="${RUNS:-15}"
BULK_N="${BULK_N:-1000}"
BULK_RUNS="${BULK_RUNS:-3}"
JMH_ARGS="${JMH_ARGS:-}"
WARM_ROUNDS="${WARM_ROUNDS:-3}"
JAVA17_HOME="${JAVA17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
JAVA25_HOME="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
J17="$JAVA17_HOME/bin/java"
J25="$JAVA25_HOME/bin/java"
[[ -x "$J25" ]] || J25=""

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

for cmd in dockerd docker gcc tar mvn; do
  command -v "$cmd" >/dev/null || die "$cmd is missing (Debian: docker.io, gcc, maven)"
done
for cmd in jq; do
  if ! command -v "$cmd" >/dev/null; then
    log "installing $cmd"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$cmd" >/dev/null || die "cannot install $cmd"
  fi
done
"$J17" -version 2>&1 | grep -q '"17' || die "JAVA17_HOME=$JAVA17_HOME is not a JDK 17"

work="$(mktemp -d /tmp/iechor-bench.XXXXXX)"
engine_pid=""
stop_engine() {
  if [[ -n "$engine_pid" ]] && kill -0 "$engine_pid" 2>/dev/null; then
    kill -TERM "$engine_pid"
    for _ in $(seq 1 60); do kill -0 "$engine_pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$engine_pid" 2>/dev/null && kill -KILL "$engine_pid"
  fi
  engine_pid=""
}
cleanup() {
  stop_engine
  # Mounts the engine may have left under its data root, deepest first.
  awk -v w="$work" 'index($2, w) == 1 {print $2}' /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# ------------------------------------------------------------------ build
log "building examples and benchmarks (mvn package, no tests)"
(cd "$repo" && mvn -B -q -DskipTests package -pl examples,benchmarks -am) >"$work/build.log" 2>&1 \
  || { tail -40 "$work/build.log" >&2; die "build failed"; }
bench="$repo/benchmarks/target"
# A jar, not the classes directory: class-data archives refuse directories on the class path.
bjar="$(find "$bench" -maxdepth 1 -name 'prune-benchmarks-*.jar' | head -1)"
iechor="$repo/examples/bin/iechor"
all_cp="$bench/classes:$(find "$bench/lib" -name '*.jar' | sort | tr '\n' ':')"
# Only what a user of prune-transport-unix has, for the cold probes.
ours_cp="$bench/classes:$(find "$repo/examples/target/lib" -name '*.jar' ! -name 'picocli-*' | sort | tr '\n' ':')"

# ------------------------------------------------------------------ footprint (no engine)
log "footprint: runtime jars of prune-core + prune-transport-unix and of docker-java-core + zerodep"
mkdir -p "$work/fp-ours" "$work/fp-dj"
# What a user adds: prune-core (the engine client) and prune-transport-unix (unix:// sockets).
(cd "$repo" && mvn -B -q -DskipTests -pl prune-core,prune-transport-unix -am package dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$work/fp-ours") >"$work/fp-ours.log" 2>&1 \
  || { tail -20 "$work/fp-ours.log" >&2; die "footprint of ours failed"; }
cp "$repo"/prune-core/target/prune-core-*.jar "$repo"/prune-transport-unix/target/prune-transport-unix-*.jar "$work/fp-ours/"
rm -f "$work"/fp-ours/*-sources.jar "$work"/fp-ours/*-javadoc.jar "$work"/fp-ours/*-tests.jar
mvn -B -q -f "$here/footprint/docker-java/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
  -DoutputDirectory="$work/fp-dj" >"$work/fp-dj.log" 2>&1 || { tail -20 "$work/fp-dj.log" >&2; die "footprint of docker-java failed"; }
jar_bytes() { find "$1" -name '*.jar' -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }
jar_list() { find "$1" -name '*.jar' -printf '%f %s\n' | sort -k2 -n -r | awk '{printf "%s%s (%.2f MB)", sep, $1, $2 / 1e6; sep = ", "}'; }
bouncy() { # jars that are BouncyCastle or carry its classes
  for j in "$1"/*.jar; do
    if [[ "$(basename "$j")" == bc* ]] || unzip -Z1 "$j" 2>/dev/null | grep -q '^org/bouncycastle/'; then basename "$j"; fi
  done | paste -sd, -
}
fp_ours=$(jar_bytes "$work/fp-ours"); fp_dj=$(jar_bytes "$work/fp-dj")
bc_ours=$(bouncy "$work/fp-ours"); bc_dj=$(bouncy "$work/fp-dj")

# ------------------------------------------------------------------ engine
engine="$work/engine"
sock="$engine/docker.sock"
mkdir -p "$engine"
echo '{}' >"$engine/daemon.json"
log "starting a private dockerd in $engine"
dockerd --host "unix://$sock" --data-root "$engine/data" --exec-root "$engine/exec" --pidfile "$engine/docker.pid" \
  --config-file "$engine/daemon.json" --bridge=none --iptables=false >"$engine/log" 2>&1 &
engine_pid=$!
for _ in $(seq 1 120); do
  [[ -S "$sock" ]] && docker -H "unix://$sock" version >/dev/null 2>&1 && break
  kill -0 "$engine_pid" 2>/dev/null || { tail -20 "$engine/log" >&2; die "dockerd exited"; }
  sleep 0.5
done
docker -H "unix://$sock" version >/dev/null 2>&1 || die "dockerd did not answer on $sock"
export DOCKER_CONFIG="$work/docker-config"   # the Go CLI reads no user config, plugins or contexts
mkdir -p "$DOCKER_CONFIG"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
engine_version=$(docker -H "unix://$sock" version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')
storage_driver=$(docker -H "unix://$sock" info --format '{{.Driver}}')
cli_version=$(docker -H "unix://$sock" version --format '{{.Client.Version}}')

# ------------------------------------------------------------------ warm (empty engine)
# Three JMH runs of the three benchmarks in turn (A B C A B C A B C) rather than one long run of each,
# so that a change in the shared machine's load does not fall on one of them only.
log "warm: JMH, container prune on the empty engine (library, floor, docker-java), $WARM_ROUNDS rounds"
for r in $(seq 1 "$WARM_ROUNDS"); do
  "$J17" -cp "$all_cp" org.openjdk.jmh.Main 'WarmPruneBenchmark' -p socket="$sock" -wi 3 -w 1 -i 3 -r 2 $JMH_ARGS \
    -rf json -rff "$work/warm-$r.json" >"$work/warm-$r.txt" 2>&1 || { tail -30 "$work/warm-$r.txt" >&2; die "warm benchmark failed"; }
done
jq -s 'add' "$work"/warm-*.json >"$work/warm.json"
log "warm: where the time goes (interleaved variants of the Unix transport)"
"$J17" -cp "$all_cp" io.iechor.prune.benchmarks.TransportVariants "$sock" 1000 5 >"$work/variants.tsv" 2>"$work/variants.err" \
  || { cat "$work/variants.err" >&2; die "transport variants failed"; }

# ------------------------------------------------------------------ parsing (no engine)
log "parsing: JMH -prof gc, image prune answer with 10,000 entries"
"$J17" -cp "$all_cp" org.openjdk.jmh.Main 'ImagePruneParseBenchmark' -prof gc $JMH_ARGS \
  -rf json -rff "$work/parse.json" >"$work/parse.txt" 2>&1 || { tail -30 "$work/parse.txt" >&2; die "parse benchmark failed"; }
body_bytes=$("$J17" -cp "$bench/classes" io.iechor.prune.benchmarks.ImagePruneBody 10000)

# ------------------------------------------------------------------ cold (empty engine)
log "cold: training the AppCDS archive (JDK 17) and the AOT cache (JDK ${J25:+25})"
env JAVA_HOME="$JAVA17_HOME" JAVA_OPTS="-XX:ArchiveClassesAtExit=$work/iechor17.jsa" \
  "$iechor" -H "unix://$sock" system prune -f >"$work/train17.log" 2>&1 || { cat "$work/train17.log" >&2; die "AppCDS training failed"; }
if [[ -n "$J25" ]]; then
  env JAVA_HOME="$JAVA25_HOME" JAVA_OPTS="-XX:AOTCacheOutput=$work/iechor25.aot" \
    "$iechor" -H "unix://$sock" system prune -f >"$work/train25.log" 2>&1 || { cat "$work/train25.log" >&2; die "AOT training failed"; }
  "$J25" -XX:AOTCacheOutput="$work/floor25.aot" -cp "$bjar" io.iechor.prune.benchmarks.FloorSystemPrune "$sock" \
    >"$work/train25-floor.log" 2>&1 || { cat "$work/train25-floor.log" >&2; die "AOT training of the floor failed"; }
fi

# Interleaved rounds rather than one command's runs after another's: on a shared machine the load
# changes over minutes, and interleaving spreads it over all commands alike. EPOCHREALTIME costs no
# process. Commands are split on spaces (no path here has one).
# The CPU time (user + system) of the finished children, from the shell's own `times`: it counts
# what a command used whatever the load, where wall time also counts waiting for a core.
children_cpu_ms() {
  local u s
  times >"$work/times"
  { read -r _; read -r u s; } <"$work/times"
  u=${u%s}; s=${s%s}; u=${u/./}; s=${s/./}
  CPU_MS=$(( ${u%%m*} * 60000 + 10#${u#*m} + ${s%%m*} * 60000 + 10#${s#*m} ))
}
interleaved() { # <out.tsv> <runs> <warm-up rounds> name=command...; writes name, wall ms, CPU ms
  local out="$1" runs="$2" warm="$3"; shift 3
  local names=() cmds=() spec r k i t0 t1 c0
  for spec in "$@"; do names+=("${spec%%=*}"); cmds+=("${spec#*=}"); done
  : >"$out"
  for (( r = -warm; r < runs; r++ )); do
    for (( k = 0; k < ${#names[@]}; k++ )); do
      i=$(( (k + r + warm) % ${#names[@]} ))   # a different command goes first each round
      children_cpu_ms; c0=$CPU_MS
      t0=$EPOCHREALTIME
      ${cmds[$i]} >/dev/null 2>"$work/cold.err" || { cat "$work/cold.err" >&2; die "cold: ${names[$i]} failed: ${cmds[$i]}"; }
      t1=$EPOCHREALTIME
      children_cpu_ms
      if (( r >= 0 )); then
        printf '%s\t%s\t%s\n' "${names[$i]}" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b - a) * 1000}')" \
          "$(( CPU_MS - c0 ))" >>"$out"
      fi
    done
  done
}
[[ "$repo$work$JAVA17_HOME$JAVA25_HOME" != *" "* ]] || die "the cold runs need paths without spaces"

cold_specs=(
  "go=docker -H unix://$sock system prune -f"
  "floor17=$J17 -cp $bjar io.iechor.prune.benchmarks.FloorSystemPrune $sock"
  "iechor17=env JAVA_HOME=$JAVA17_HOME $iechor -H unix://$sock system prune -f"
  "iechor17cds=env JAVA_HOME=$JAVA17_HOME JAVA_OPTS=-XX:SharedArchiveFile=$work/iechor17.jsa $iechor -H unix://$sock system prune -f"
)
if [[ -n "$J25" ]]; then
  cold_specs+=(
    "floor25=$J25 -cp $bjar io.iechor.prune.benchmarks.FloorSystemPrune $sock"
    "floor25aot=$J25 -XX:AOTCache=$work/floor25.aot -cp $bjar io.iechor.prune.benchmarks.FloorSystemPrune $sock"
    "iechor25=env JAVA_HOME=$JAVA25_HOME $iechor -H unix://$sock system prune -f"
    "iechor25aot=env JAVA_HOME=$JAVA25_HOME JAVA_OPTS=-XX:AOTCache=$work/iechor25.aot $iechor -H unix://$sock system prune -f"
  )
fi
log "cold: $RUNS interleaved rounds after 2 warm-up rounds: ${cold_specs[*]%%=*}"
interleaved "$work/cold.tsv" "$RUNS" 2 "${cold_specs[@]}"

log "cold: what it is made of (each piece alone in a fresh JDK 17 JVM)"
probe_specs=(
  "hello=$J17 -cp $ours_cp io.iechor.prune.benchmarks.ColdProbe hello"
  "floor=$J17 -cp $ours_cp io.iechor.prune.benchmarks.FloorSystemPrune $sock"
  "jdk-unix=$J17 -cp $ours_cp io.iechor.prune.benchmarks.ColdProbe jdk-unix $sock"
  "junixsocket=$J17 -cp $all_cp io.iechor.prune.benchmarks.ColdProbe junixsocket $sock"
  "okhttp-default=$J17 -cp $ours_cp io.iechor.prune.benchmarks.ColdProbe okhttp-default"
  "okhttp-cleartext=$J17 -cp $ours_cp io.iechor.prune.benchmarks.ColdProbe okhttp-cleartext"
  "jackson=$J17 -cp $ours_cp io.iechor.prune.benchmarks.ColdProbe jackson"
  "library=$J17 -cp $ours_cp io.iechor.prune.benchmarks.ColdProbe library $sock"
  "library-jdkunix=$J17 -cp $ours_cp io.iechor.prune.benchmarks.ColdProbe library-jdkunix $sock"
  "cli-help=env JAVA_HOME=$JAVA17_HOME $iechor system prune --help"
  "cli=env JAVA_HOME=$JAVA17_HOME $iechor -H unix://$sock system prune -f"
  "cli-c1=env JAVA_HOME=$JAVA17_HOME JAVA_OPTS=-XX:TieredStopAtLevel=1 $iechor -H unix://$sock system prune -f"
)
interleaved "$work/probes.tsv" 10 1 "${probe_specs[@]}"

# Classes loaded, grouped by where they come from, and the JVM's uptime when the CLI's main ran.
classes() { # <log> -> "group count fromCds" lines
  awk '{
    n = $2; g = "JDK, other";
    if (n ~ /^picocli\./) g = "picocli";
    else if (n ~ /^okhttp3\./) g = "OkHttp";
    else if (n ~ /^okio\./) g = "Okio";
    else if (n ~ /^kotlin/) g = "Kotlin stdlib";
    else if (n ~ /^org\.newsclub\./) g = "junixsocket";
    else if (n ~ /^com\.fasterxml\./) g = "Jackson";
    else if (n ~ /^io\.iechor\./) g = "iEchor (library, CLI, floor)";
    else if (n ~ /^(sun\.security\.|javax\.net\.ssl\.|javax\.security\.|java\.security\.|javax\.crypto\.|com\.sun\.crypto\.|com\.sun\.security\.)/) g = "JDK security, TLS, certificates";
    c[g]++; if ($0 ~ /shared objects file/) s[g]++
  } END { for (g in c) printf "%s\t%d\t%d\n", g, c[g], s[g] + 0 }' "$1" | sort -t$'\t' -k2 -n -r
}
env JAVA_HOME="$JAVA17_HOME" JAVA_OPTS="-Xlog:class+load:file=$work/cl-iechor17.log:uptime" \
  "$iechor" -H "unix://$sock" system prune -f >/dev/null 2>&1
"$J17" -Xlog:class+load:file="$work/cl-floor17.log":uptime -cp "$bjar" \
  io.iechor.prune.benchmarks.FloorSystemPrune "$sock" >/dev/null 2>&1
env JAVA_HOME="$JAVA17_HOME" JAVA_OPTS="-XX:SharedArchiveFile=$work/iechor17.jsa -Xlog:class+load:file=$work/cl-iechor17cds.log" \
  "$iechor" -H "unix://$sock" system prune -f >/dev/null 2>&1
if [[ -n "$J25" ]]; then
  env JAVA_HOME="$JAVA25_HOME" JAVA_OPTS="-XX:AOTCache=$work/iechor25.aot -Xlog:class+load:file=$work/cl-iechor25aot.log" \
    "$iechor" -H "unix://$sock" system prune -f >/dev/null 2>&1
  # What a user of JDK 25 sees on stderr with no cache and no options.
  env JAVA_HOME="$JAVA25_HOME" "$iechor" -H "unix://$sock" system prune -f >/dev/null 2>"$work/iechor25.err"
fi
classes "$work/cl-iechor17.log" >"$work/cl-iechor17.tsv"
first_at() { { grep -m1 " $2" "$1" || true; } | sed -E 's/^\[([0-9.]+)s\].*/\1/'; }
main_at=$(first_at "$work/cl-iechor17.log" 'io\.iechor\.prune\.examples\.cli\.IechorCommand ')
lib_at=$(first_at "$work/cl-iechor17.log" 'io\.iechor\.prune\.Pruner ')
ssl_at=$(first_at "$work/cl-iechor17.log" 'sun\.security\.ssl\.SSLContextImpl ')
end_at=$(tail -1 "$work/cl-iechor17.log" | sed -E 's/^\[([0-9.]+)s\].*/\1/')
count() { wc -l <"$1" | tr -d ' '; }
from_cds() { grep -c 'shared objects file' "$1" || true; }

# ------------------------------------------------------------------ bulk
log "bulk: $BULK_RUNS x $BULK_N created containers pruned by each of: docker CLI, iechor CLI, library call"
mkdir -p "$work/image"
printf 'int main(void) { return 0; }\n' >"$work/image/true.c"
mkdir -p "$work/image/rootfs"
gcc -static -Os -s -o "$work/image/rootfs/true" "$work/image/true.c"
tar -C "$work/image/rootfs" -cf "$work/image/true.tar" .
docker -H "unix://$sock" import -c 'CMD ["/true"]' "$work/image/true.tar" iechor-bench/true:1 >/dev/null
# The engine's CPU time (user + system, all its threads) from /proc: the work it did, whatever the load.
ticks=$(getconf CLK_TCK)
engine_cpu_ms() { awk -v t="$ticks" '{print int(($14 + $15) * 1000 / t)}' "/proc/$engine_pid/stat"; }
: >"$work/bulk.tsv"
for r in $(seq 1 "$BULK_RUNS"); do
  tools=(docker iechor library)
  (( r % 2 == 0 )) && tools=(library iechor docker)
  for tool in "${tools[@]}"; do
    "$J17" -cp "$bench/classes" io.iechor.prune.benchmarks.CreateContainers "$sock" iechor-bench/true:1 "$BULK_N" 8 \
      >>"$work/create.log"
    e0=$(engine_cpu_ms); children_cpu_ms; c0=$CPU_MS
    start=$(date +%s%N)
    case "$tool" in
      docker) docker -H "unix://$sock" container prune -f >"$work/bulk-out" ;;
      iechor) env JAVA_HOME="$JAVA17_HOME" "$iechor" -H "unix://$sock" container prune -f >"$work/bulk-out" ;;
      library) "$J17" -cp "$ours_cp" io.iechor.prune.benchmarks.BulkPrune "$sock" >"$work/bulk-out" ;;
    esac
    end=$(date +%s%N)
    children_cpu_ms; e1=$(engine_cpu_ms)
    if [[ "$tool" == library ]]; then
      removed=$(cut -f2 "$work/bulk-out"); took=$(cut -f1 "$work/bulk-out")
    else
      removed=$(grep -oE '[0-9a-f]{64}' "$work/bulk-out" | wc -l); took=$(( (end - start) / 1000000 ))
    fi
    [[ "$removed" -eq "$BULK_N" ]] || die "bulk: $tool removed $removed containers, expected $BULK_N"
    printf '%s\t%s\t%s\t%s\n' "$tool" "$took" "$(( CPU_MS - c0 ))" "$(( e1 - e0 ))" >>"$work/bulk.tsv"
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

stop_engine

# ------------------------------------------------------------------ the table
# The median over the JMH runs of each run's median (or mean).
jmh_p50() { jq -r --arg b "$2" '.[] | select(.benchmark | endswith($b)) | .primaryMetric.scorePercentiles["50.0"]' "$1" | median; }
jmh_mean() { jq -r --arg b "$2" '.[] | select(.benchmark | endswith($b)) | .primaryMetric.score' "$1" | median; }
jmh_alloc() { jq -r --arg b "$2" '.[] | select(.benchmark | endswith($b)) | .secondaryMetrics["gc.alloc.rate.norm"].score' "$1"; }
tsv_median() { awk -F'\t' -v n="$2" -v c="${3:-2}" '$1 == n {print $c}' "$1" | median; }
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
bulk_ms() { tsv_median "$work/bulk.tsv" "$1"; }
bulk_cpu() { tsv_median "$work/bulk.tsv" "$1" 3; }
bulk_engine() { tsv_median "$work/bulk.tsv" "$1" 4; }
div() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
fmt() { awk -v a="$1" -v d="${2:-1}" 'BEGIN {printf "%.*f", d, a}'; }
yes_no() { awk "BEGIN {print ($1) ? \"yes\" : \"**no**\"}"; }

w_floor=$(jmh_p50 "$work/warm.json" .floor); w_lib=$(jmh_p50 "$work/warm.json" .library); w_dj=$(jmh_p50 "$work/warm.json" .dockerJava)
w_floor_mean=$(jmh_mean "$work/warm.json" .floor); w_lib_mean=$(jmh_mean "$work/warm.json" .library); w_dj_mean=$(jmh_mean "$work/warm.json" .dockerJava)
ops() { awk -v us="$1" 'BEGIN {printf "%.0f", 1e6 / us}'; }
p_lib=$(jmh_p50 "$work/parse.json" .library); p_jackson=$(jmh_p50 "$work/parse.json" .jacksonStrings)
a_lib=$(jmh_alloc "$work/parse.json" .library); a_jackson=$(jmh_alloc "$work/parse.json" .jacksonStrings)
declare -A cold cold_cpu probe probe_cpu
for spec in "${cold_specs[@]}"; do
  cold[${spec%%=*}]=$(tsv_median "$work/cold.tsv" "${spec%%=*}")
  cold_cpu[${spec%%=*}]=$(tsv_median "$work/cold.tsv" "${spec%%=*}" 3)
done
for spec in "${probe_specs[@]}"; do
  probe[${spec%%=*}]=$(tsv_median "$work/probes.tsv" "${spec%%=*}")
  probe_cpu[${spec%%=*}]=$(tsv_median "$work/probes.tsv" "${spec%%=*}" 3)
done
b_docker=$(bulk_ms docker); b_iechor=$(bulk_ms iechor); b_lib=$(bulk_ms library)

r_warm=$(div "$w_lib" "$w_floor"); r_dj=$(div "$w_dj" "$w_lib")
r_cold=$(div "${cold[iechor17]}" "${cold[floor17]}"); r_cds=$(div "${cold[iechor17cds]}" "${cold[floor17]}")
r_bulk=$(div "$b_iechor" "$b_docker"); r_bulk_lib=$(div "$b_lib" "$b_docker")
r_alloc=$(div "$a_lib" "$body_bytes")
mb() { awk -v b="$1" 'BEGIN {printf "%.2f MB", b / 1e6}'; }

table="$work/table.md"
{
  echo "| | what | median | against (same run) | ratio | target | met |"
  echo "|---|---|---|---|---|---|---|"
  echo "| warm | floor: HTTP by hand on a JDK \`SocketChannel\` (\`UnixDomainSocketAddress\`), new connection per prune | $(fmt "$w_floor") µs ($(ops "$w_floor_mean")/s) | | 1.00 | | |"
  echo "| warm | iEchor library \`Pruner.connect(\"unix://…\").containers().run()\` | $(fmt "$w_lib") µs ($(ops "$w_lib_mean")/s) | floor | $r_warm | ≤ 1.2 | $(yes_no "$r_warm <= 1.2") |"
  echo "| warm | docker-java 3.5.1 zerodep \`pruneCmd(CONTAINERS)\` (keep-alive pool) | $(fmt "$w_dj") µs ($(ops "$w_dj_mean")/s) | iEchor library | $r_dj (docker-java ÷ ours) | ≥ 2 | $(yes_no "$r_dj >= 2") |"
  echo "| cold | Go CLI \`docker system prune -f\` ($cli_version) | $(fmt "${cold[go]}") ms (CPU $(fmt "${cold_cpu[go]}" 0) ms) | | 1.00 | | |"
  echo "| cold | floor JVM, JDK 17: the 5 calls of a system prune by hand | $(fmt "${cold[floor17]}") ms (CPU $(fmt "${cold_cpu[floor17]}" 0) ms) | Go CLI | $(div "${cold[floor17]}" "${cold[go]}") | | |"
  echo "| cold | \`examples/bin/iechor system prune -f\`, JDK 17 | $(fmt "${cold[iechor17]}") ms (CPU $(fmt "${cold_cpu[iechor17]}" 0) ms) | floor JVM 17 | $r_cold (CPU $(div "${cold_cpu[iechor17]}" "${cold_cpu[floor17]}")) | ≤ 1.5 | $(yes_no "$r_cold <= 1.5") |"
  echo "| cold | same, JDK 17 + AppCDS archive of the CLI | $(fmt "${cold[iechor17cds]}") ms (CPU $(fmt "${cold_cpu[iechor17cds]}" 0) ms) | floor JVM 17 | $r_cds (CPU $(div "${cold_cpu[iechor17cds]}" "${cold_cpu[floor17]}")) | ≤ 1.5 | $(yes_no "$r_cds <= 1.5") |"
  if [[ -n "$J25" ]]; then
    r25=$(div "${cold[iechor25]}" "${cold[floor25]}"); r25a=$(div "${cold[iechor25aot]}" "${cold[floor25]}")
    r25aa=$(div "${cold[iechor25aot]}" "${cold[floor25aot]}")
    echo "| cold | floor JVM, JDK 25 | $(fmt "${cold[floor25]}") ms (CPU $(fmt "${cold_cpu[floor25]}" 0) ms) | Go CLI | $(div "${cold[floor25]}" "${cold[go]}") | | |"
    echo "| cold | floor JVM, JDK 25 + AOT cache | $(fmt "${cold[floor25aot]}") ms (CPU $(fmt "${cold_cpu[floor25aot]}" 0) ms) | Go CLI | $(div "${cold[floor25aot]}" "${cold[go]}") | | |"
    echo "| cold | \`iechor system prune -f\`, JDK 25 | $(fmt "${cold[iechor25]}") ms (CPU $(fmt "${cold_cpu[iechor25]}" 0) ms) | floor JVM 25 | $r25 (CPU $(div "${cold_cpu[iechor25]}" "${cold_cpu[floor25]}")) | ≤ 1.5 | $(yes_no "$r25 <= 1.5") |"
    echo "| cold | same, JDK 25 + AOT cache of the CLI (JEP 483/514) | $(fmt "${cold[iechor25aot]}") ms (CPU $(fmt "${cold_cpu[iechor25aot]}" 0) ms) | floor JVM 25 (+ AOT cache) | $r25a ($r25aa) | ≤ 1.5 | $(yes_no "$r25a <= 1.5") |"
  fi
  echo "| bulk | \`docker container prune -f\`, $BULK_N created containers | $(fmt "$b_docker" 0) ms (CLI CPU $(bulk_cpu docker) ms, engine CPU $(bulk_engine docker) ms) | | 1.00 | | |"
  echo "| bulk | \`examples/bin/iechor container prune -f\` (a JVM process, like the docker CLI's), same | $(fmt "$b_iechor" 0) ms (CLI CPU $(bulk_cpu iechor) ms, engine CPU $(bulk_engine iechor) ms) | docker CLI | $r_bulk | ≤ 1.1 | $(yes_no "$r_bulk <= 1.1") |"
  echo "| bulk | library call alone, \`containers().run()\` timed in the JVM (no JVM start), same | $(fmt "$b_lib" 0) ms (engine CPU $(bulk_engine library) ms) | docker CLI | $r_bulk_lib | ≤ 1.1 | $(yes_no "$r_bulk_lib <= 1.1") |"
  echo "| parse | library: image prune answer, 10,000 entries ($(fmt "$body_bytes" 0) bytes) to \`ImagePruneReport\` | $(fmt "$p_lib" 0) µs | | | < 10 ms | $(yes_no "$p_lib < 10000") |"
  echo "| parse | allocation per mapping (\`-prof gc\`) | $(fmt "$a_lib" 0) B | body size | $r_alloc | < 3 | $(yes_no "$r_alloc < 3") |"
  echo "| parse | reference: Jackson tokens + the strings only, same bytes | $(fmt "$p_jackson" 0) µs, $(fmt "$a_jackson" 0) B | library | $(div "$p_lib" "$p_jackson") (time), $(div "$a_lib" "$a_jackson") (bytes) | | |"
  echo "| footprint | runtime jars of \`io.iechor:prune-core\` + \`prune-transport-unix\` | $(mb "$fp_ours") | docker-java $(mb "$fp_dj") | $(div "$fp_ours" "$fp_dj") | ≤ 9 MB | $(yes_no "$fp_ours <= 9000000") |"
  echo "| footprint | BouncyCastle | ours: ${bc_ours:-none} | docker-java: ${bc_dj:-none} | | none | $([[ -z "$bc_ours" ]] && echo yes || echo '**no**') |"
} >"$table"

# ------------------------------------------------------------------ BENCHMARKS.md
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')
mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
jdk17=$("$J17" -version 2>&1 | sed -n 2p)
jdk25=$([[ -n "$J25" ]] && "$J25" -version 2>&1 | sed -n 2p || echo "not available")
probe_delta() { awk -v a="${probe[$1]}" -v b="${probe[$2]}" 'BEGIN {printf "%+.0f ms", a - b}'; }
cpu_delta() { awk -v a="${probe_cpu[$1]}" -v b="${probe_cpu[$2]}" 'BEGIN {printf "%+.0f ms", a - b}'; }
out="$repo/BENCHMARKS.md"
{
  echo "# Benchmarks"
  echo
  echo "Written by \`benchmarks/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); do not edit by hand, run it again."
  echo "Every figure is a median; every ratio is against a baseline measured in the same run. Nothing is asserted in a test."
  echo
  cat "$table"
  echo
  echo "## Machine and versions"
  echo
  echo "- $(nproc) cores ($cpu), $mem, Linux $(uname -r)"
  echo "- load average (1, 5, 15 min) before: $load_before; after: $load_after; this run's niceness: $(nice) (the machine is shared"
  echo "  with other builds: figures carry that noise)"
  echo "- JDK 17: $jdk17; JDK 25: $jdk25"
  echo "- engine: dockerd $engine_version, private, \`--bridge=none --iptables=false\`, storage driver $storage_driver"
  echo "- measured: commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo" diff --quiet HEAD -- prune-api prune-core prune-transport-unix examples 2>/dev/null || echo ', with uncommitted changes to the library or the CLI')"
  echo "- Go CLI: docker $cli_version (\`$(command -v docker)\`); docker-java 3.5.1 with docker-java-transport-zerodep; JMH 1.37"
  echo
  echo "## How it was measured"
  echo
  echo "- **Warm**: JMH \`WarmPruneBenchmark\`, one thread, sample mode (each call timed), one fork per benchmark, 3 × 1 s warm-up,"
  echo "  3 × 2 s measured, the three benchmarks run in turn $WARM_ROUNDS times; the figure is the median of the runs' medians. The engine is"
  echo "  empty. Each client is made once; the library and the floor open a new connection per prune, docker-java keeps its pooled"
  echo "  connections. Per second = 1 / mean."
  echo "- **Cold**: wall time of the whole process on the empty engine, $RUNS rounds after 2 warm-up rounds; each round runs every"
  echo "  command once, in a rotating order, so that the shared machine's changing load falls on all alike. The floor JVM runs"
  echo "  \`FloorSystemPrune\` (the ping and the 4 prunes the Go CLI sends, by hand, no JSON). \`iechor\` includes its bash launcher."
  echo "  AppCDS: one training run with \`-XX:ArchiveClassesAtExit\`, then \`-XX:SharedArchiveFile\`; AOT: one training run with"
  echo "  \`-XX:AOTCacheOutput\`, then \`-XX:AOTCache\`, both through \`JAVA_OPTS\`."
  echo "- **Bulk**: $BULK_RUNS rounds; each round creates $BULK_N containers (\`POST /containers/create\`, 8 threads, \`NetworkMode: none\`,"
  echo "  image imported from a tar of a \`gcc -static\` binary) before each tool prunes them; created and never started, so not"
  echo "  running, which prune removes like exited ones. Wall time of the prune command (the library row: the call alone, timed"
  echo "  in a JVM that has connected); each run checks that $BULK_N IDs were reported. Tool order alternates between rounds. CLI CPU:"
  echo "  user + system time of the command's process; engine CPU: dockerd's, from /proc, during the command. Both are medians."
  echo "- **Parse**: JMH \`ImagePruneParseBenchmark\` with \`-prof gc\`, through the public API on an in-memory \`replay://\` transport"
  echo "  (request building, engine client, \`ResponseReader\`, the report); body built in the setup in Docker's format, alternating"
  echo "  \`Untagged\` and \`Deleted\` entries."
  echo "- **Footprint**: \`mvn dependency:copy-dependencies -DincludeScope=runtime\` of \`prune-core\` and \`prune-transport-unix\` (plus their own jars) and of"
  echo "  a pom with docker-java-core and docker-java-transport-zerodep (\`benchmarks/footprint/docker-java\`), summed."
  echo
  echo "## Cold start: what it is made of"
  echo
  echo "Each piece alone in a fresh JDK 17 JVM (\`ColdProbe\`), median of 10 interleaved rounds, and its cost above an empty JVM:"
  echo
  echo "| process | median wall | above an empty JVM | median CPU (user + system) | above an empty JVM |"
  echo "|---|---|---|---|---|"
  echo "| empty JVM (\`hello\`) | $(fmt "${probe[hello]}") ms | | $(fmt "${probe_cpu[hello]}" 0) ms | |"
  echo "| floor: ping + 4 prunes by hand | $(fmt "${probe[floor]}") ms | $(probe_delta floor hello) | $(fmt "${probe_cpu[floor]}" 0) ms | $(cpu_delta floor hello) |"
  echo "| connect + close, JDK \`SocketChannel\` | $(fmt "${probe[jdk-unix]}") ms | $(probe_delta jdk-unix hello) | $(fmt "${probe_cpu[jdk-unix]}" 0) ms | $(cpu_delta jdk-unix hello) |"
  echo "| connect + close, junixsocket (loads its native library) | $(fmt "${probe[junixsocket]}") ms | $(probe_delta junixsocket hello) | $(fmt "${probe_cpu[junixsocket]}" 0) ms | $(cpu_delta junixsocket hello) |"
  echo "| \`new OkHttpClient.Builder().build()\` as the Unix transport does (default connection specs: TLS set up) | $(fmt "${probe[okhttp-default]}") ms | $(probe_delta okhttp-default hello) | $(fmt "${probe_cpu[okhttp-default]}" 0) ms | $(cpu_delta okhttp-default hello) |"
  echo "| same with \`connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))\`: no TLS | $(fmt "${probe[okhttp-cleartext]}") ms | $(probe_delta okhttp-cleartext hello) | $(fmt "${probe_cpu[okhttp-cleartext]}" 0) ms | $(cpu_delta okhttp-cleartext hello) |"
  echo "| Jackson streaming parser over a small answer | $(fmt "${probe[jackson]}") ms | $(probe_delta jackson hello) | $(fmt "${probe_cpu[jackson]}" 0) ms | $(cpu_delta jackson hello) |"
  echo "| the library's system prune, no CLI | $(fmt "${probe[library]}") ms | $(probe_delta library hello) | $(fmt "${probe_cpu[library]}" 0) ms | $(cpu_delta library hello) |"
  echo "| same on the benchmark's prototype JDK-channel transport (\`jdkunix://\`: no OkHttp, Kotlin, Okio, junixsocket, TLS) | $(fmt "${probe[library-jdkunix]}") ms | $(probe_delta library-jdkunix hello) | $(fmt "${probe_cpu[library-jdkunix]}" 0) ms | $(cpu_delta library-jdkunix hello) |"
  echo "| \`iechor system prune --help\`: picocli, no library, no engine | $(fmt "${probe[cli-help]}") ms | $(probe_delta cli-help hello) | $(fmt "${probe_cpu[cli-help]}" 0) ms | $(cpu_delta cli-help hello) |"
  echo "| \`iechor system prune -f\` | $(fmt "${probe[cli]}") ms | $(probe_delta cli hello) | $(fmt "${probe_cpu[cli]}" 0) ms | $(cpu_delta cli hello) |"
  echo "| same with \`JAVA_OPTS=-XX:TieredStopAtLevel=1\` (C1 only) | $(fmt "${probe[cli-c1]}") ms | $(probe_delta cli-c1 hello) | $(fmt "${probe_cpu[cli-c1]}" 0) ms | $(cpu_delta cli-c1 hello) |"
  echo
  echo "Classes loaded by one \`iechor system prune -f\` on JDK 17 (\`-Xlog:class+load\`): $(count "$work/cl-iechor17.log") in all,"
  echo "$(from_cds "$work/cl-iechor17.log") of them from the JDK's CDS archive; the floor JVM loads $(count "$work/cl-floor17.log")."
  echo "With the AppCDS archive $(from_cds "$work/cl-iechor17cds.log") of $(count "$work/cl-iechor17cds.log") come from archives$(
    [[ -n "$J25" ]] && printf '; on JDK 25 with the AOT cache %s of %s' "$(from_cds "$work/cl-iechor25aot.log")" "$(count "$work/cl-iechor25aot.log")")."
  echo "JVM uptime (with the logging on) when the CLI's main class loaded: ${main_at}s; first library class: ${lib_at}s;"
  echo "TLS context (\`SSLContextImpl\`): ${ssl_at:-never}s; last class: ${end_at}s."
  if grep -q WARNING "$work/iechor25.err" 2>/dev/null; then
    echo
    echo "On JDK 25 every run of the CLI writes this to stderr (junixsocket loads its native library through \`System.loadLibrary\`):"
    echo
    echo '```'
    cat "$work/iechor25.err"
    echo '```'
  fi
  echo
  echo "| group | classes | from CDS |"
  echo "|---|---|---|"
  awk -F'\t' '{printf "| %s | %s | %s |\n", $1, $2, $3}' "$work/cl-iechor17.tsv"
  echo
  echo "## Warm: where the time goes"
  echo
  echo "\`TransportVariants\`: the same container prune in one JVM, rounds interleaved (1000 calls per variant per round, 5 rounds after 2"
  echo "warm-up rounds), median per call. The OkHttp rows copy the settings \`UnixTransportProvider\` uses and change one at a time."
  echo
  echo "| variant | median µs | ÷ floor |"
  echo "|---|---|---|"
  awk -F'\t' '{printf "| %s | %s | %s |\n", $3, $1, $2}' "$work/variants.tsv"
  echo
  echo "## Reproduce"
  echo
  echo '```'
  echo "benchmarks/run.sh            # root; dockerd, docker, gcc, mvn; installs jq when missing"
  echo "nice -n -10 benchmarks/run.sh   # on a shared machine"
  echo "RUNS=20 BULK_RUNS=5 benchmarks/run.sh"
  echo '```'
  echo
  echo "Single parts, after \`mvn -DskipTests package -pl examples,benchmarks -am\` (CP = \`benchmarks/target/classes\` and \`benchmarks/target/lib/*\`):"
  echo
  echo '```'
  echo 'java -cp "$CP" org.openjdk.jmh.Main WarmPruneBenchmark -p socket=/path/to/docker.sock'
  echo 'java -cp "$CP" org.openjdk.jmh.Main ImagePruneParseBenchmark -prof gc'
  echo 'java -cp "$CP" io.iechor.prune.benchmarks.TransportVariants /path/to/docker.sock'
  echo '```'
} >"$out"

echo
cat "$table"
echo
log "written to $out"
