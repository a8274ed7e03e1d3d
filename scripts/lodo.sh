#!/bin/bash
# Leave one data set out: for each of the five offline data sets, the default model's
# training command (README, "Training the default model") on the other four with the
# shorter recipe (--epochs 20), then bench/accuracy.py on every writer of the set left out.
# Runs niced, one set after another; a set whose runs/lodo_<set>/card.json exists is not
# trained again (so a later session goes on where this one stopped), and one whose
# runs/lodo_<set>.accuracy.json is already there is not measured again either.
#     bash scripts/lodo.sh            # DATA=../shared/data by default
set -u
cd "$(dirname "$0")/.."
D=${DATA:-../shared/data}
ALL="cedar sigcomp2011 bhsig260_bengali bhsig260_hindi sigcomp2009_nfi"
for X in $ALL; do
  [ -s runs/lodo_$X.accuracy.json ] && [ -f runs/lodo_$X/card.json ] && continue
  ARGS=""
  for S in $ALL; do [ "$S" != "$X" ] && ARGS="$ARGS --data $D/$S"; done
  if [ ! -f runs/lodo_$X/card.json ]; then
    nice -n 10 .venv/bin/sigverify train $ARGS --out runs/lodo_$X --name lodo-$X \
      --encoder cnn --loss triplet --mining batch-hard --size 150x220 --stroke-width 2.5 \
      --epochs 20 --steps-per-epoch 100 --lr 0.001 --augment 1.0 --patience 15 \
      --validation 0.15 --test 0.2 --threads 2 --seed 0 > runs/lodo_$X.log 2>&1
  fi
  nice -n 10 .venv/bin/python bench/accuracy.py --model runs/lodo_$X --data $D/$X \
    --no-captures --threads 2 > runs/lodo_$X.accuracy.json 2> runs/lodo_$X.accuracy.err
done
