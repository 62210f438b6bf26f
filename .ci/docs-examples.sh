#!/usr/bin/env bash
# Runs every `./oomspec …` example of README.md's "Replay" section and of docs/replay.md, from a scratch directory
# outside the checkout (paths are the caller's), on copies of corpus logs named as the examples name them. An
# example whose comment says "exits N" must exit N; the others must exit 0. Files an example writes with --out must
# appear in the scratch directory and not in the checkout. Ends with "N passed, M failed"; exit 1 on a failure.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/.ci/doc-inputs" "$work" || exit 1

examples() { # file [section heading]: the ./oomspec lines of its ```sh blocks (of that section only, if given)
  awk -v want="$2" '
    BEGIN { insec = (want == "") }
    /^## / { insec = (want == "" || $0 == want) }
    /^```sh/ { inblock = 1; next }
    /^```/ { inblock = 0; next }
    inblock && insec && /^\.\/oomspec/ { print }' "$1"
}

pass=0
fail=0
run_example() { # source line
  local src="$1" line="$2" cmd comment want got outs
  cmd="${line%%#*}"
  comment=""
  [[ "$line" == *"#"* ]] && comment="${line#*#}"
  want=0
  if [[ "$comment" =~ exits\ ([0-9]) ]]; then want="${BASH_REMATCH[1]}"; fi
  cmd="${cmd/#.\/oomspec/$root/oomspec}"
  before="$(ls -1 "$root")"
  (cd "$work" && OOMSPEC_PROGRESS=never bash -c "$cmd" > "$work/.stdout" 2> "$work/.stderr" < /dev/null)
  got=$?
  ok=1
  [[ "$got" == "$want" ]] || ok=0
  if [[ "$cmd" =~ --out\ ([^ ]+) ]]; then
    outs="${BASH_REMATCH[1]}"
    [[ -s "$work/$outs" ]] || ok=0
    [[ -e "$root/$outs" ]] && ok=0
  fi
  [[ "$(ls -1 "$root")" == "$before" ]] || ok=0
  if grep -q "Exception\|	at " "$work/.stderr"; then ok=0; fi
  if (( ok )); then
    pass=$((pass + 1))
    echo "ok    ($src, exit $got) $line"
  else
    fail=$((fail + 1))
    echo "FAIL  ($src, exit $got, want $want) $line"
    sed 's/^/      /' "$work/.stderr" | head -5
  fi
}

while IFS= read -r l; do run_example README.md "$l"; done < <(examples "$root/README.md" "## Replay (the main job)")
while IFS= read -r l; do run_example docs/replay.md "$l"; done < <(examples "$root/docs/replay.md" "")
echo "docs examples: $pass passed, $fail failed"
(( fail == 0 && pass > 0 ))
