#!/usr/bin/env bash
# Upload throughput of `ca-tool application attach` against `curl -F` to the
# same ca-sandbox endpoint in the same run, and the client's peak RSS
# (/usr/bin/time -v "Maximum resident set size") for 10 MB and 100 MB files.
# Run by hand (bench/README.md, section Uploads):
#   bench/upload-bench.sh BUILD_DIR [RUNS]
# Needs: jq, curl, /usr/bin/time (package "time").
set -euo pipefail

BUILD=${1:?usage: bench/upload-bench.sh BUILD_DIR [RUNS]}
RUNS=${2:-5}
SANDBOX="$BUILD/sandbox/ca-sandbox"
TOOL="$BUILD/tools/ca-tool"
for f in "$SANDBOX" "$TOOL"; do [ -x "$f" ] || { echo "missing $f (build it first)" >&2; exit 2; }; done

tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

QT_LOGGING_RULES='*.info=false' "$SANDBOX" --data "$tmp/data" --listen 127.0.0.1:0 --workflow pay-first --max-upload-mb 200 \
    >"$tmp/ready" 2>"$tmp/sandbox.log" &
pid=$!
for _ in $(seq 1 300); do [ -s "$tmp/ready" ] && break; sleep 0.1; done
ready=$(head -n1 "$tmp/ready")
url=$(jq -r .url <<<"$ready")
ca=$(jq -r .ca_cert <<<"$ready")
jq -r '.accounts[] | select(.username == "supplier") | .password' <<<"$ready" >"$tmp/pw"
chmod 600 "$tmp/pw"
common=(--server "$url" --ca-bundle "$ca" --user supplier --password-file "$tmp/pw" --store "$tmp/store.sqlite")

jq -n '{kind:"new",order:{pickup:"mail",mailing_address:"济南市历下区经十路1号",recipient_name:"张三",recipient_phone:"18769628833",quantity:1},
        invoice:{type:"normal",title:"济南示例科技有限公司",tax_id:"91370100MA3C5QX875",notice_mobile:"18769628833"}}' >"$tmp/app.json"
id=$("$TOOL" application create --from "$tmp/app.json" --json "${common[@]}" 2>/dev/null | jq -r .id)
token=$(curl -sS --cacert "$ca" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg p "$(cat "$tmp/pw")" '{username:"supplier",password:$p}')" "$url/api/v1/session" | jq -r .token)

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }
minmax() { sort -n | awk 'NR==1{mn=$1} {mx=$1} END {printf "%.2f-%.2f", mn, mx}'; }

printf '%-8s %-8s %12s %16s %14s\n' size client "MB/s median" "MB/s min-max" "peak RSS MB"
for mb in 10 100; do
    file="$tmp/scan-${mb}mb.pdf"
    { printf '%%PDF-1.4\n'; head -c $((mb * 1024 * 1024 - 9)) /dev/urandom; } >"$file"
    for client in ca-tool curl; do
        : >"$tmp/rates"; : >"$tmp/rss"
        for i in $(seq 1 "$RUNS"); do
            if [ "$client" = ca-tool ]; then
                # A new category/file pair each run would be replayed otherwise (same Idempotency-Key): new store per run.
                rm -f "$tmp/store.sqlite"*
                /usr/bin/time -f '%e %M' -o "$tmp/t" "$TOOL" application attach "$id" business_licence "$file" "${common[@]}" >/dev/null 2>"$tmp/err" \
                    || { cat "$tmp/err" >&2; exit 1; }
            else
                /usr/bin/time -f '%e %M' -o "$tmp/t" curl -sS --fail --cacert "$ca" -H "Authorization: Bearer $token" \
                    -H "Idempotency-Key: bench-$mb-$i-$RANDOM" -F category=business_licence -F "file=@$file;type=application/pdf" \
                    -o /dev/null "$url/api/v1/applications/$id/attachments"
            fi
            read -r secs kb <"$tmp/t"
            awk -v s="$secs" -v m="$mb" 'BEGIN {printf "%.4f\n", (s > 0 ? m / s : 0)}' >>"$tmp/rates"
            awk -v k="$kb" 'BEGIN {printf "%.1f\n", k / 1024}' >>"$tmp/rss"
        done
        printf '%-8s %-8s %12s %16s %14s\n' "${mb}MB" "$client" "$(median <"$tmp/rates")" "$(minmax <"$tmp/rates")" "$(median <"$tmp/rss")"
    done
done
echo "(elapsed = whole process: ca-tool includes login, GET /platform, the streamed sha256 and logout; $RUNS runs each; $(nproc) cores)"
