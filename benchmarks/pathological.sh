#!/usr/bin/env bash
# The pathological inputs of issue 16, each in a folder beside a good article, ingested by the
# release build under the default per-document limits. Prints, per input: its size, wall time and
# peak memory of the whole `dossier ingest` (process start and model loading included), the exit
# code, how many documents were stored and why the others failed. Results: benchmarks/RESULTS.md.
#
#   benchmarks/pathological.sh [WORKDIR]      (default: a fresh folder under /tmp; needs python3 and GNU time)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-$(mktemp -d /tmp/dossier-pathological.XXXXXX)}"
mkdir -p "$work"
dotnet build src/Dossier.Cli -c Release -v q -nologo >/dev/null
dossier="$PWD/src/Dossier.Cli/bin/Release/net10.0/dossier"
good="$PWD/samples/seeds/000_b8f80299dc61fcac.txt"

python3 - "$work" <<'PY'
import gzip, io, os, sys
work = sys.argv[1]
seeds = "\n\n".join(open(os.path.join("samples/seeds", f), encoding="utf-8").read() for f in sorted(os.listdir("samples/seeds")))
def case(name, filename, data):
    os.makedirs(os.path.join(work, name), exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(work, name, filename), mode) as f:
        f.write(data)
def text(mb):
    out, n = ["Many articles\n\n"], 0
    while n < mb * 1024 * 1024:
        out.append(seeds + "\n\n"); n += len(seeds) + 2
    return "".join(out)
case("storm-5k", "storm.txt", "Storm\n\n" + "John Smith said Maria Lopez said " * 5000 + "it rained.\n")
case("storm-10k", "storm.txt", "Storm\n\n" + "John Smith said Maria Lopez said " * 10000 + "it rained.\n")
for mb in (1, 2, 4, 5, 19):
    case(f"text-{mb}mb", "big.txt", text(mb))
for n in (100_000, 400_000):
    case(f"html-{n // 1000}k-p", "page.html", "<html><body><article>" + "".join(f"<p>Paragraph {i} says the minister met officials in Kabul.</p>" for i in range(n)) + "</article></body></html>")
case("html-1m-p", "page.html", "<html><body>" + "<p>a</p>\n" * 1_000_000 + "</body></html>")
def record(n, block):
    return (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.invalid/{n}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n").encode() + block + b"\r\n\r\n"
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as g:
    chunk = b"\0" * (1 << 20)
    for _ in range(1024):
        g.write(chunk)
bomb = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + buf.getvalue()
page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><article><p>" + seeds[:3000].encode() + b"</p></article></body></html>"
case("warc-gzip-bomb", "crawl.warc", record(1, bomb) + record(2, page))
case("html-gz-bomb", "page.html.gz", buf.getvalue())
PY
mkdir -p "$work/symlink-loops/a/b"
ln -sfn .. "$work/symlink-loops/a/b/up" && ln -sfn ../.. "$work/symlink-loops/a/b/upup" && cp "$good" "$work/symlink-loops/a/"

printf '| input | size | wall s | peak MB | exit | stored | failed: why |\n|---|--:|--:|--:|--:|--:|---|\n'
for dir in "$work"/*/; do
    name=$(basename "$dir")
    [ -e "$dir/good.txt" ] || [ "$name" = symlink-loops ] || cp "$good" "$dir/good.txt"
    size=$(du -sb --exclude=good.txt "$dir" | cut -f1)
    rm -f "$work/$name.db"
    set +e
    /usr/bin/time -f '%e %M' -o "$work/$name.time" "$dossier" ingest "$dir" --db "$work/$name.db" >"$work/$name.out" 2>"$work/$name.err"
    code=$?
    set -e
    read -r secs kb < <(tail -n 1 "$work/$name.time")
    stored=$(grep -o '[0-9]* documents in' "$work/$name.out" | cut -d' ' -f1 || true)
    why=$(grep -v '^dossier: warning' "$work/$name.err" | grep -o '\[[A-Za-z]*\]' | sort | uniq -c | awk '{printf "%s%s x%s", sep, $2, $1; sep=", "}' || true)
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$(numfmt --to=iec "$size")" "$secs" "$((kb / 1024))" "$code" "${stored:-0}" "${why:-—}"
done
