#!/usr/bin/env bash
# Side-by-side benchmarks of a baseline tree and this tree, interleaved (A B A B …) so that the load
# other work puts on the machine hits both about equally; prints the median (and min) of REPEAT runs.
#   api      bench/external-api.sh on each published build: creates/s and reads/s
#   queue    bench/Destek.Bench on each tree (each run fills a fresh 1,000,000-ticket database and
#            times the queue queries): per query, the median over the runs of each run's median ms
#   circuits bench/desk-circuits.sh on each published build: MB per circuit (RSS, managed heap)
# Usage: bench/compare.sh BASE_DIR   (env: BENCHES="api queue circuits", REPEAT=3, TICKETS=1000000,
#        RUNS=7 queue runs per query, DURATION/WARMUP for api, CIRCUITS for circuits, KEEP=1)
# BASE_DIR is copied (without bin/obj/.git) so that building it leaves the original untouched; its
# own bench/Destek.Bench is used, as that one compiles against its Core.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
BASE_DIR=$(cd "${1:?usage: bench/compare.sh BASE_DIR}" && pwd)
BENCHES=${BENCHES:-api queue circuits}
REPEAT=${REPEAT:-3}
TICKETS=${TICKETS:-1000000}
RUNS=${RUNS:-7}
bench_init destek-compare
out=$BENCH_WORK/results
mkdir -p "$out" "$BENCH_WORK/base-src"
(cd "$BASE_DIR" && tar --exclude=bin --exclude=obj --exclude=node_modules --exclude=.git -cf - .) | tar -xf - -C "$BENCH_WORK/base-src"
declare -A src=([base]="$BENCH_WORK/base-src" [branch]="$bench_root")

for side in base branch; do
  case " $BENCHES " in *" api "*|*" circuits "*) bench_publish "${src[$side]}" "$BENCH_WORK/app-$side" ;; esac
  case " $BENCHES " in *" queue "*)
    echo "== build $side bench/Destek.Bench (Release)" >&2
    dotnet build "${src[$side]}/bench/Destek.Bench" -c Release -o "$BENCH_WORK/queue-$side" --nologo -v quiet >/dev/null ;;
  esac
done

for i in $(seq 1 "$REPEAT"); do
  for side in base branch; do
    echo "== round $i/$REPEAT: $side" >&2
    case " $BENCHES " in *" api "*)
      APP_DIR="$BENCH_WORK/app-$side" bash "$bench_root/bench/external-api.sh" >"$out/api-$side-$i.txt" ;;
    esac
    case " $BENCHES " in *" queue "*)
      dotnet "$BENCH_WORK/queue-$side/Destek.Bench.dll" "$TICKETS" "$RUNS" >"$out/queue-$side-$i.txt" ;;
    esac
    case " $BENCHES " in *" circuits "*)
      APP_DIR="$BENCH_WORK/app-$side" bash "$bench_root/bench/desk-circuits.sh" >"$out/circuits-$side-$i.txt" ;;
    esac
  done
done

row() { # label base-values... -- branch-values...
  local label=$1; shift
  local b=() r=() in_r=0
  for v in "$@"; do if [ "$v" = -- ]; then in_r=1; elif [ $in_r = 1 ]; then r+=("$v"); else b+=("$v"); fi; done
  local mb mr
  mb=$(median "${b[@]}"); mr=$(median "${r[@]}")
  printf '%-40s %12s %12s %8s   %s | %s\n' "$label" "$mb" "$mr" \
    "$(awk -v a="$mb" -v b="$mr" 'BEGIN { if (a > 0) printf "%+.1f%%", (b - a) / a * 100; else print "-" }')" "${b[*]}" "${r[*]}"
}
vals() { # side file-prefix awk-program
  for i in $(seq 1 "$REPEAT"); do awk "$3" "$out/$2-$1-$i.txt"; done
}

echo
echo "median of $REPEAT interleaved rounds ($(nproc) cores, machine shared: compare the columns, not with other days)"
printf '%-40s %12s %12s %8s   %s\n' "measure" "base" "branch" "change" "all runs (base | branch)"
case " $BENCHES " in *" api "*)
  row "api creates/s" $(vals base api '$1=="creates" {print $2}') -- $(vals branch api '$1=="creates" {print $2}')
  row "api reads/s" $(vals base api '$1=="reads" {print $2}') -- $(vals branch api '$1=="reads" {print $2}') ;;
esac
case " $BENCHES " in *" queue "*)
  # Each line: the query's name (up to 34 columns), then median ms, max ms, rows, total.
  while IFS= read -r name; do
    q() { for i in $(seq 1 "$REPEAT"); do awk -v n="$name" 'substr($0, 1, 34) == sprintf("%-34s", n) {split(substr($0, 35), f, " "); print f[1]}' "$out/queue-$1-$i.txt"; done; }
    row "queue ms: $name" $(q base) -- $(q branch)
  done < <(awk 'f && NF {print substr($0, 1, 34)} /^query/ {f=1}' "$out/queue-branch-1.txt" | sed 's/ *$//')
  row "queue fill s" $(vals base queue '/^filled/ {print $(NF-2)}') -- $(vals branch queue '/^filled/ {print $(NF-2)}') ;;
esac
case " $BENCHES " in *" circuits "*)
  row "circuit MB RSS" $(vals base circuits '/^RESULT/ {split($2, a, "="); print a[2]}') -- $(vals branch circuits '/^RESULT/ {split($2, a, "="); print a[2]}')
  row "circuit MB managed heap" $(vals base circuits '/^RESULT/ {split($3, a, "="); print a[2]}') -- $(vals branch circuits '/^RESULT/ {split($3, a, "="); print a[2]}') ;;
esac
