#!/bin/sh
# Token benchmark (run by hand, never by ctest): `ca-tool token list` and
# `ca-tool token csr` against OpenSC's `pkcs11-tool -O` / `-L` and
# `openssl req` with the libp11 engine, on the same SoftHSM token, same run.
#
#   bench/token-bench.sh [path/to/ca-tool] [runs]
#
# Uses hyperfine when installed (apt-get install hyperfine), else a loop
# with `date +%s%N`. Everything lives in a temporary directory with its own
# SOFTHSM2_CONF; the PIN is in a file for ca-tool and in the pkcs11 URI /
# command line for the reference tools (test PINs only).
set -eu

CA_TOOL=${1:-build/tools/ca-tool}
RUNS=${2:-20}
MODULE=${SOFTHSM_MODULE:-/usr/lib/softhsm/libsofthsm2.so}
ENGINE=${PKCS11_ENGINE:-/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so}
PIN=123456
SO_PIN=87654321
LABEL=bench

[ -x "$CA_TOOL" ] || { echo "ca-tool not found at $CA_TOOL (build it first, or pass its path)" >&2; exit 2; }
CA_TOOL=$(cd "$(dirname "$CA_TOOL")" && pwd)/$(basename "$CA_TOOL")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ca-token-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/tokens"
cat > "$WORK/softhsm2.conf" <<CONF
directories.tokendir = $WORK/tokens
objectstore.backend = file
log.level = ERROR
slots.removable = false
CONF
export SOFTHSM2_CONF="$WORK/softhsm2.conf"
export QT_LOGGING_RULES="ca.*=false"

softhsm2-util --init-token --free --label "$LABEL" --so-pin "$SO_PIN" --pin "$PIN" >/dev/null
pkcs11-tool --module "$MODULE" --token-label "$LABEL" --login --pin "$PIN" \
    --keypairgen --key-type rsa:2048 --id 01 --label rsa >/dev/null
pkcs11-tool --module "$MODULE" --token-label "$LABEL" --login --pin "$PIN" \
    --keypairgen --key-type EC:prime256v1 --id 02 --label ec >/dev/null
printf '%s\n' "$PIN" > "$WORK/pin"

cat > "$WORK/openssl.cnf" <<CONF
openssl_conf = openssl_init
[openssl_init]
engines = engine_section
[engine_section]
pkcs11 = pkcs11_section
[pkcs11_section]
engine_id = pkcs11
dynamic_path = $ENGINE
MODULE_PATH = $MODULE
init = 0
[req]
distinguished_name = dn
[dn]
CONF

SUBJECT="/CN=张三/O=北京某某科技有限公司"
URI_RSA="pkcs11:token=$LABEL;id=%01;type=private;pin-value=$PIN"
URI_EC="pkcs11:token=$LABEL;id=%02;type=private;pin-value=$PIN"

CMD_LIST="$CA_TOOL token list --module $MODULE"
CMD_SHOW="$CA_TOOL token show --module $MODULE --token $LABEL"
CMD_P11_L="pkcs11-tool --module $MODULE -L"
CMD_P11_O="pkcs11-tool --module $MODULE --token-label $LABEL -O"
CMD_CSR_RSA="$CA_TOOL token csr --module $MODULE --token $LABEL --pin-file $WORK/pin --key-id 01 --subject '$SUBJECT' -o $WORK/ca-rsa.csr"
CMD_CSR_EC="$CA_TOOL token csr --module $MODULE --token $LABEL --pin-file $WORK/pin --key-id 02 --subject '$SUBJECT' -o $WORK/ca-ec.csr"
CMD_REQ_RSA="OPENSSL_CONF=$WORK/openssl.cnf openssl req -new -engine pkcs11 -keyform engine -key '$URI_RSA' -sha256 -utf8 -subj '$SUBJECT' -out $WORK/ossl-rsa.csr"
CMD_REQ_EC="OPENSSL_CONF=$WORK/openssl.cnf openssl req -new -engine pkcs11 -keyform engine -key '$URI_EC' -sha256 -utf8 -subj '$SUBJECT' -out $WORK/ossl-ec.csr"

# Every command must work before it is timed.
for c in "$CMD_LIST" "$CMD_SHOW" "$CMD_P11_L" "$CMD_P11_O" "$CMD_CSR_RSA" "$CMD_CSR_EC" "$CMD_REQ_RSA" "$CMD_REQ_EC"; do
    sh -c "$c" >/dev/null 2>"$WORK/err" || { echo "failed: $c" >&2; cat "$WORK/err" >&2; exit 1; }
done
for f in ca-rsa ca-ec ossl-rsa ossl-ec; do
    openssl req -verify -noout -in "$WORK/$f.csr" 2>/dev/null || { echo "$f.csr does not verify" >&2; exit 1; }
done

echo "machine: $(nproc) cores, $(uname -sr); SoftHSM $(softhsm2-util --version); runs: $RUNS"
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --style basic --warmup 2 --runs "$RUNS" --export-markdown "$WORK/list.md" \
        -n "ca-tool token list" "$CMD_LIST" \
        -n "ca-tool token show" "$CMD_SHOW" \
        -n "pkcs11-tool -L" "$CMD_P11_L" \
        -n "pkcs11-tool -O" "$CMD_P11_O" >/dev/null
    hyperfine --style basic --warmup 2 --runs "$RUNS" --export-markdown "$WORK/csr.md" \
        -n "ca-tool token csr (RSA 2048)" "$CMD_CSR_RSA" \
        -n "openssl req + libp11 (RSA 2048)" "$CMD_REQ_RSA" \
        -n "ca-tool token csr (EC P-256)" "$CMD_CSR_EC" \
        -n "openssl req + libp11 (EC P-256)" "$CMD_REQ_EC" >/dev/null
    cat "$WORK/list.md"; echo; cat "$WORK/csr.md"
else
    measure() { # name command
        i=0; total=0; min=0; max=0
        while [ $i -lt "$RUNS" ]; do
            t0=$(date +%s%N); sh -c "$2" >/dev/null 2>&1; t1=$(date +%s%N)
            ms=$(( (t1 - t0) / 1000000 )); total=$((total + ms))
            [ $i -eq 0 ] || [ $ms -lt $min ] && min=$ms
            [ $ms -gt $max ] && max=$ms
            i=$((i + 1))
        done
        printf '| %s | %d | %d | %d |\n' "$1" $((total / RUNS)) "$min" "$max"
    }
    echo "| command | mean ms | min ms | max ms |"; echo "|---|---|---|---|"
    measure "ca-tool token list" "$CMD_LIST"
    measure "ca-tool token show" "$CMD_SHOW"
    measure "pkcs11-tool -L" "$CMD_P11_L"
    measure "pkcs11-tool -O" "$CMD_P11_O"
    measure "ca-tool token csr (RSA 2048)" "$CMD_CSR_RSA"
    measure "openssl req + libp11 (RSA 2048)" "$CMD_REQ_RSA"
    measure "ca-tool token csr (EC P-256)" "$CMD_CSR_EC"
    measure "openssl req + libp11 (EC P-256)" "$CMD_REQ_EC"
fi
