#!/bin/sh
# Re-takes the replay page screenshots (docs/images/replay-*.png) the way a user makes the page: from a directory
# outside the checkout, on compressed copies of real logs. Needs Debian's chromium; flags from toolchain.md §8.
# Usage: sh docs/images/replay-screenshots.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/docs/images"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
held="$root/traces/src/test/resources/heldout"
cd "$work"
# 1. a user's mixed inputs: a gzip'd RHEL 6 /var/log/messages, a docker memcg console, an Inspektor Gadget table,
#    an earlyoom journal line
gzip -c "$held/fluent-plugin-oomkiller-message2.log" > messages.1.gz
cp "$held/cadvisor-docker-memhog.log" console.txt
cp "$held/inspektor-gadget-trace-oomkill-v0.txt" gadget.txt
cp "$held/earlyoom-readme-journal.log" earlyoom.log
"$root/oomspec" replay -q --format html --out user.html messages.1.gz console.txt gadget.txt earlyoom.log || true
# 2. one memcg OOM capture, xz-compressed: candidates with their points in parts and the original lines
xz -c "$root/traces/corpus/live-6.18/adj-ladder.dmesg" > kern.log.xz
"$root/oomspec" replay -q --format html --out adj.html kern.log.xz || true
# 3. a gzip'd journal export with oom_score_adj -1000 tasks: why ineligible tasks were skipped
gzip -c "$root/traces/corpus/public/014-steamdeck-6.1-global-journal-json.log" > journal.json.gz
"$root/oomspec" replay -q --format html --out steam.html journal.json.gz || true
shot() { # file size page
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --window-size="$2" --user-data-dir="$(mktemp -d)" \
    --screenshot="$out/$1" "file://$work/$3" 2>/dev/null
}
shot replay-user-files.png 1300,1500 user.html
shot replay-kill-explained.png 1300,1900 adj.html
shot replay-ineligible.png 1300,1550 steam.html
# the end of the user page: the events that carry no kernel report
python3 - "$work/user.html" "$work/tail.html" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
head, body = s.split('<body>', 1)
keep = re.search(r'<header>.*?</header>', body, re.S).group(0) + re.search(r'<section id="unreplayed">.*?</section>', body, re.S).group(0)
open(sys.argv[2], 'w').write(head + '<body>\n' + keep + '\n</body>\n</html>\n')
PY
shot replay-unreplayed.png 1300,420 tail.html
ls -l "$out"/replay-*.png
