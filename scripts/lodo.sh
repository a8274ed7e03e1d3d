#!/bin/bash
# Leave one data set out: for each of the five offline data sets, the default model's
# training command (README, "Training the default model") on the other four with the
# shorter recipe (--epochs 20), then bench/accuracy.py on every writer of the set left out.
# Runs niced, one set after another; a set whose training finished (its runs/lodo_<set>.log
# says "Training finished.") is not trained again, one stopped half-way goes on from its
# checkpoint (--resume; so a later session goes on where this one stopped), and one whose
# runs/lodo_<set>.accuracy.json is already there is not measured again either.
#     bash scripts/lodo.sh            # DATA=../shared/data by default
#     SEED=1 SETS=bhsig260_hindi bash scripts/lodo.sh   # another split and start, one set:
#                                     # runs/lodo_bhsig260_hindi_seed1 (how much one run's luck moves it)
#     TAG=_ink EXTRA="--stroke-width 0" SETS=bhsig260_hindi bash scripts/lodo.sh
#                                     # one preprocessing change undone: runs/lodo_bhsig260_hindi_ink
set -u
cd "$(dirname "$0")/.."
D=${DATA:-../shared/data}
ALL="cedar sigcomp2011 bhsig260_bengali bhsig260_hindi sigcomp2009_nfi"
SEED=${SEED:-0}
SUFFIX=""
[ "$SEED" != 0 ] && SUFFIX="_seed$SEED"
SUFFIX="$SUFFIX${TAG:-}"
for X in ${SETS:-$ALL}; do
  R=runs/lodo_$X$SUFFIX
  FINISHED=""
  [ -f $R/card.json ] && grep -q "^Training finished" $R.log 2>/dev/null && FINISHED=1
  [ -s $R.accuracy.json ] && [ -n "$FINISHED" ] && continue
  ARGS=""
  for S in $ALL; do [ "$S" != "$X" ] && ARGS="$ARGS --data $D/$S"; done
  if [ -z "$FINISHED" ]; then
    RESUME=--overwrite  # (a run that left no checkpoint starts again)
    [ -d $R/checkpoint ] && RESUME=--resume && mv $R.log $R.log.before-resume
    nice -n 10 .venv/bin/sigverify train $ARGS --out $R --name lodo-$X$SUFFIX \
      --encoder cnn --loss triplet --mining batch-hard --size 150x220 --stroke-width 2.5 \
      --epochs 20 --steps-per-epoch 100 --lr 0.001 --augment 1.0 --patience 15 \
      --validation 0.15 --test 0.2 --threads 2 --seed $SEED ${EXTRA:-} $RESUME > $R.log 2>&1
  fi
  nice -n 10 .venv/bin/python bench/accuracy.py --model $R --data $D/$X \
    --no-captures --threads 2 > $R.accuracy.json 2> $R.accuracy.err
done
