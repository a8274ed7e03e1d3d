#!/bin/bash
# The default model's training command (README, "The default model"), several runs side by
# side on one lent GPU machine, in one call that must end inside its time:
#   1. the preprocessed images come as .devpack/offline.xz (scripts/pack_cache.py pack) and
#      platformdirs as a wheel in .devpack/; unpacked, `sigverify train` runs unchanged;
#   2. a probe: every run trains one epoch side by side, to time an epoch;
#   3. the runs, with as many epochs as fit in the time left (at most MAXE), the learning
#      rate annealed over exactly those (so a run is not cut half-way); a run still going
#      at the deadline is stopped (its best epoch so far stays, not whitened);
#   4. each pair of runs (weights, ONNX, card, log; no checkpoint) tarred into $OUT.
# Runs (RUNS): s<seed> and s<seed>_init1 (the ensemble's two networks on writer split
# <seed>), lodo_<set> and lodo_<set>_init1 (trained without that data set, split seed 0);
# _init<k> (any digit) starts from random start k, _turned<k> adds --turned-writers k, and a
# name ending in _faint keeps faint ink (--faint-ink 4; the shipped recipe has 0) and one
# ending in _enlarged enlarges small ink (--enlarge-small-ink 1; the shipped recipe has 0),
# in that order (s1_init2_turned1_faint_enlarged). Each preprocessing needs its pack in
# .devpack/ (scripts/pack_cache.py pack .devpack/offline.xz --faint-ink 0
# --enlarge-small-ink 0 ..., .devpack/offline_faint.xz --faint-ink 4 --enlarge-small-ink 0).
# If too few epochs fit for all RUNS, only the CORE runs go on (default: the MAIN six).
# The call carries at most 64 MiB and the tracked weights in runs/ and models/ are more than
# that with the packs: leave them out of the index for the call (git rm --cached, the models'
# weights named in .git/info/exclude) and `git reset` after it.
# No early stopping: the runs are as long as the time allows, and --patience 15 could end
# one while its learning rate is still high.
# EXTRA: more train options for every run (a variant of the recipe), TAG: appended to the
# run folders' names (runs/gpu<TAG>_<run>), so a variant does not overwrite the recipe's.
#     DEVICE=cpu STEPS=3 MAXE=2 BUDGET=300 RUNS="s0 lodo_cedar" bash scripts/device_train.sh
#     TAG=_w48 EXTRA="--width 48" RUNS="s0 s0_init1 s1 s1_init1 s2 s2_init1" bash scripts/device_train.sh
set -u
START=$(date +%s)
BUDGET=${BUDGET:-480}       # seconds from START to the tarred results
STEPS=${STEPS:-100}
MAXE=${MAXE:-200}
DEVICE=${DEVICE:-cuda}
MAIN="s0 s0_init1 s1 s1_init1 s2 s2_init1"
LODO="lodo_bhsig260_bengali lodo_bhsig260_bengali_init1 lodo_bhsig260_hindi lodo_bhsig260_hindi_init1 lodo_sigcomp2009_nfi lodo_sigcomp2009_nfi_init1"
RUNS=${RUNS:-"$MAIN $LODO"}
MINE=${MINE:-60}            # fewer epochs than this for all: only the CORE runs are kept
CORE=${CORE:-$MAIN}
OUT=${OUT:-/tmp/device_out}
ALL="cedar sigcomp2011 bhsig260_bengali bhsig260_hindi sigcomp2009_nfi"
D=../shared/data
PY=${PY:-python3}
mkdir -p "$OUT" runs
export PYTHONUNBUFFERED=1 SIGVERIFY_HOME=${SIGVERIFY_HOME:-/tmp/svh}
elapsed() { echo $(( $(date +%s) - START )); }

if ! $PY -c "import platformdirs" 2>/dev/null; then
  $PY -m pip install -q --no-index --no-deps --target /tmp/site .devpack/*.whl || exit 1
  export PYTHONPATH=/tmp/site
fi
export PYTHONPATH=${PYTHONPATH:+$PYTHONPATH:}$PWD
# the packed images name their files under /work/shared/data: ../shared must lead there
[ "$(cd .. && pwd -P)" = /work ] || { [ -e ../shared ] || ln -s /work/shared ../shared; }
for PACK in .devpack/*.xz; do $PY scripts/pack_cache.py unpack "$PACK" || exit 1; done
echo "unpacked at $(elapsed) s"
command -v nvidia-smi > /dev/null && nvidia-smi --query-gpu=name,memory.total --format=csv,noheader

# The augmentation on the GPU, once, before anything waits on it.
$PY - "$DEVICE" <<'EOF' || exit 1
import sys, torch
from sigverify.core.training.augment import SignatureAugmenter
from sigverify.core.training.config import TrainConfig
from sigverify.core.training.engine import build_encoder
device = torch.device(sys.argv[1])
batch = torch.rand(8, 1, 150, 220, device=device)
out = SignatureAugmenter(1.0)(batch)
encoder = build_encoder(TrainConfig(encoder="cnn")).to(device)
encoder(out).sum().backward()
print("smoke ok", out.device, tuple(out.shape))
EOF

args_of() {  # the train arguments of run $1 with $2 epochs
  local name=$1 epochs=$2 seed=0 init="" data="" ink="--faint-ink 0" turn="" s
  local small="--enlarge-small-ink 0"
  case $name in *_enlarged) small="--enlarge-small-ink 1"; name=${name%_enlarged} ;; esac
  case $name in *_faint) ink="--faint-ink 4"; name=${name%_faint} ;; esac
  case $name in *_turned[0-9]) turn="--turned-writers ${name##*_turned}"; name=${name%_turned[0-9]} ;; esac
  case $name in *_init[0-9]) init="--init-seed ${name##*_init}"; name=${name%_init[0-9]} ;; esac
  case $name in
    lodo_*) for s in $ALL; do [ "lodo_$s" != "$name" ] && data="$data --data $D/$s"; done ;;
    *) for s in $ALL; do data="$data --data $D/$s"; done; seed=${name#s} ;;
  esac
  echo "$data --encoder cnn --loss triplet --mining batch-hard --size 150x220 \
--stroke-width 2.5 --epochs $epochs --steps-per-epoch $STEPS --lr 0.001 --augment 1.0 \
--patience 100000 --validation 0.15 --test 0.2 --threads 1 --seed $seed $init $ink $small $turn \
--device $DEVICE ${EXTRA:-}"
}

# 2. The probe: one epoch each, side by side; stopped once its first epoch is recorded.
declare -A PID
for R in $RUNS; do
  $PY -m sigverify.cli train $(args_of $R 1) --out /tmp/probe/$R --name probe > /tmp/probe_$R.log 2>&1 &
  PID[$R]=$!
done
PROBE_START=$(date +%s)
EPOCH=0
for R in $RUNS; do
  while kill -0 ${PID[$R]} 2> /dev/null && [ ! -f /tmp/probe/$R/card.json ]; do sleep 1; done
done
LOADED=$(( $(date +%s) - PROBE_START ))
for R in $RUNS; do kill ${PID[$R]} 2> /dev/null; done
wait
for R in $RUNS; do
  S=$($PY -c "import json,sys; print(int(json.load(open(sys.argv[1]))['training']['history'][0]['seconds'] + 1))" /tmp/probe/$R/card.json 2> /dev/null) || { echo "probe $R failed:"; tail -20 /tmp/probe_$R.log; exit 1; }
  [ "$S" -gt "$EPOCH" ] && EPOCH=$S
done
READ=$(( LOADED - EPOCH ))  # reading the images and starting, as measured
# left: the budget, less reading + starting, 40 s for whitening / test / ONNX, 20 s to tar
LEFT=$(( BUDGET - $(elapsed) - READ - 60 ))
E=$(( LEFT * 9 / 10 / EPOCH ))
N=$(echo $RUNS | wc -w)
echo "probe: an epoch takes $EPOCH s with $N runs side by side, start-up $READ s; $LEFT s left -> $E epochs (at $(elapsed) s)"
if [ $E -lt $MINE ] && [ "$RUNS" != "$CORE" ]; then
  # the GPU is shared in time: fewer runs, each faster (assumed in proportion, 80 % of it)
  E=$(( E * N * 8 / 10 / $(echo $CORE | wc -w) )); RUNS=$CORE
  echo "too few: only $RUNS, $E epochs"
fi
[ $E -gt $MAXE ] && E=$MAXE
[ $E -lt 1 ] && { echo "no time left for a run"; exit 1; }

# 3. The runs.
for R in $RUNS; do
  rm -rf runs/gpu${TAG:-}_$R
  $PY -m sigverify.cli train $(args_of $R $E) --overwrite --out runs/gpu${TAG:-}_$R --name sigverify-gpu${TAG:-}-$R > runs/gpu${TAG:-}_$R.log 2>&1 &
  PID[$R]=$!
done
STOP=$(( START + BUDGET - 60 ))
while [ $(date +%s) -lt $STOP ]; do
  running=0
  for R in $RUNS; do kill -0 ${PID[$R]} 2> /dev/null && running=1; done
  [ $running = 0 ] && break
  sleep 5
done
for R in $RUNS; do kill -0 ${PID[$R]} 2> /dev/null && { echo "stopping $R at the deadline"; kill ${PID[$R]}; }; done
END_WAIT=$(( START + BUDGET - 15 ))
for R in $RUNS; do
  while kill -0 ${PID[$R]} 2> /dev/null && [ $(date +%s) -lt $END_WAIT ]; do sleep 1; done
  kill -9 ${PID[$R]} 2> /dev/null
done
echo "runs ended at $(elapsed) s"

# 4. Results, two runs a file (the call returns at most 8 files of 16 MiB).
set -- $RUNS
n=0
while [ $# -gt 0 ]; do
  n=$((n + 1))
  files=""
  for R in $1 ${2:-}; do files="$files runs/gpu${TAG:-}_$R runs/gpu${TAG:-}_$R.log"; done
  tar czf $OUT/runs_$n.tgz --exclude=checkpoint $files 2> /dev/null
  shift; [ $# -gt 0 ] && shift
done
tar czf $OUT/probe_logs.tgz /tmp/probe_*.log 2> /dev/null
for R in $RUNS; do
  $PY -c "import json,sys; t=json.load(open(sys.argv[1]))['training']; print(sys.argv[2], 'best epoch', t['best_epoch'], 'of', len(t['history']), 'validation EER', round(t['history'][t['best_epoch']-1]['validation_eer'], 4))" runs/gpu${TAG:-}_$R/card.json $R 2> /dev/null || echo "$R: no model"
  tail -2 runs/gpu${TAG:-}_$R.log
done
echo "done at $(elapsed) s"
