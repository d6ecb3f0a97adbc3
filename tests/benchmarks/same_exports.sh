#!/usr/bin/env bash
# Build a corpus with --no-cache -j 1 into a folder, or compare two such folders byte for byte.
#
#   tests/benchmarks/same_exports.sh build CORPUS OUT     kg build CORPUS -o OUT --no-cache -j 1 -q
#   tests/benchmarks/same_exports.sh compare A B          every export file of A identical in B (caches skipped)
#
# Used to check that a performance change leaves the output unchanged (issue 12, "cpu").
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
case "${1:-}" in
  build)
    rm -rf "$3"
    "$here/.venv/bin/kg" build "$2" -o "$3" --no-cache -j 1 -q ;;
  compare)
    status=0
    a=$(cd "$2" && find . -not -type d -not -path './.kg-*' | sort)
    b=$(cd "$3" && find . -not -type d -not -path './.kg-*' | sort)
    if [ "$a" != "$b" ]; then echo "different file lists:"; diff <(echo "$a") <(echo "$b") || true; status=1; fi
    for f in $a; do
      if [ -f "$3/$f" ] && ! cmp -s "$2/$f" "$3/$f"; then echo "differs: $f"; status=1; fi
    done
    [ $status = 0 ] && echo "identical: $(echo "$a" | wc -l) files"
    exit $status ;;
  *) sed -n 2,7p "$0"; exit 2 ;;
esac
