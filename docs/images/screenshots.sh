#!/bin/sh
# Re-takes the report screenshots from conformance/target/allure-report/index.html (after ./mvnw -B verify).
# Needs Debian's chromium and python3; flags from toolchain.md §8. Usage: sh docs/images/screenshots.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
report="$root/conformance/target/allure-report/index.html"
out="$root/docs/images"
# the report's uids change every run: look them up in the data embedded in the single file
route() {
  python3 - "$report" "$1" <<'PY'
import base64, json, re, sys
s = open(sys.argv[1]).read()
want = sys.argv[2]
for m in re.finditer(r"d\('data/suites.json','([^']*)'\)", s):
    tree = json.loads(base64.b64decode(m.group(1)))
    def walk(n, parents):
        if 'children' in n:
            for c in n['children']:
                r = walk(c, parents + [n.get('uid')])
                if r: return r
        elif n.get('name') == want:
            return 'suites/' + parents[-1] + '/' + n['uid']
    print(walk(tree, [])); break
PY
}
shot() { # file size url
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --disable-quic --hide-scrollbars --window-size="$2" --virtual-time-budget=15000 \
    --user-data-dir="$(mktemp -d)" --screenshot="$out/$1" "$3" 2>/dev/null
}
shot report-overview.png 1400,900 "file://$report"
shot report-kill02-differs-on-v2.png 1400,1300 "file://$report#$(route 'KILL-02 @ v2 (cross-revision)')"
shot report-revision-matrix.png 1400,1300 "file://$report#$(route 'Revision matrix')"
shot report-categories.png 1400,900 "file://$report#categories"
shot report-replay-steamdeck.png 1400,1500 "file://$report#$(route 'public/014-steamdeck-6.1-global-journal-json.log — event 1 (lines 21-181): agree')"
shot report-live-kernel-cascade.png 1400,1300 "file://$report#$(route 'cascade')"
ls -la "$out"/*.png
