#!/bin/sh
# Re-takes the report screenshots after ./mvnw -B verify, from conformance/target/: the Allure report, the revision
# matrix, and a finding (F-01 on v3) in the report's Findings category. Needs Debian's chromium and python3. Usage: sh docs/images/screenshots.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
target="$root/conformance/target"
report="$target/allure-report/index.html"
out="$root/docs/images"
# the report's uids change every run: look them up in the trees embedded in a single-file report
# usage: route REPORT TREE NAME  (TREE: behaviors | suites | categories; NAME may end with * for a prefix)
route() {
  python3 - "$1" "$2" "$3" <<'PY'
import base64, json, re, sys
html, tree_name, want = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3]
tree = json.loads(base64.b64decode(re.search(r"d\('data/%s\.json','([^']*)'\)" % tree_name, html).group(1)))
def match(name):
    return name.startswith(want[:-1]) if want.endswith('*') else name == want
def walk(node, parents):
    for child in node.get('children', []):
        if 'children' in child:
            found = walk(child, parents + [child])
            if found: return found
        elif match(child.get('name', '')):
            return tree_name + '/' + parents[-1]['uid'] + '/' + child['uid']
found = walk(tree, [])
if not found: sys.exit('no test named %r in %s' % (want, tree_name))
print(found)
PY
}
shot() { # file size url
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --disable-quic --hide-scrollbars --window-size="$2" --virtual-time-budget=15000 \
    --user-data-dir="$(mktemp -d)" --screenshot="$out/$1" "$3" 2>/dev/null
}
shot report-overview.png 1400,1100 "file://$report"
shot report-kill02-across-revisions.png 1600,1300 "file://$report#$(route "$report" behaviors 'KILL-02 [3 v2]*')"
shot report-revision-matrix.png 1400,1300 "file://$target/oomspec-matrix.html"
# filtered on KILL-02 (#KILL-02 shows only the matching clauses); a short window paints nothing in headless mode
# with this 3 MB page, so a tall one, cut to its top rows (a PNG's first scanlines stand alone)
shot report-revision-matrix-kill02.png 1600,3000 "file://$target/oomspec-matrix.html#KILL-02"
python3 - "$out/report-revision-matrix-kill02.png" 270 <<'PY'
import struct, sys, zlib
path, rows = sys.argv[1], int(sys.argv[2])
data = open(path, 'rb').read()
chunks, i = [], 8
while i < len(data):
    n, kind = struct.unpack('>I4s', data[i:i + 8]); chunks.append((kind, data[i + 8:i + 8 + n])); i += 12 + n
ihdr = dict(chunks)[b'IHDR']
width, height, depth, colour = struct.unpack('>IIBB', ihdr[:10])
channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
raw = zlib.decompress(b''.join(c for k, c in chunks if k == b'IDAT'))
raw = raw[:rows * (1 + width * channels * depth // 8)]
def chunk(kind, body):
    return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body) & 0xffffffff)
out = data[:8] + chunk(b'IHDR', struct.pack('>II', width, rows) + ihdr[8:])
out += chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
open(path, 'wb').write(out)
PY
shot report-categories.png 1400,700 "file://$report#categories"
shot report-replay-steamdeck.png 1400,1500 \
  "file://$report#$(route "$report" behaviors 'public/014-steamdeck-6.1-global-journal-json.log — event 1*')"

# Findings: a real one (OOM-16 on v3, finding F-01 of docs/findings.md), in the report's categories tree
shot report-findings.png 1600,1000 "file://$report#$(route "$report" categories 'OOM-16 [4 v3]')"
ls -la "$out"/*.png
