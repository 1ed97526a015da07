#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan, instrumented libraries)
# and runs each for a while with the seed corpus, then prints a summary.
#
#   tests/fuzz/run-fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 300; TARGET defaults to every target
# (fuzz_field_validator, fuzz_application_json).
#
# Environment:
#   CA_FUZZ_BUILD_DIR  build directory (default: <repo>/build-fuzz)
#   CA_JOBS            build jobs (default 2)
#   CA_FUZZ_ARGS       extra libFuzzer options, e.g. "-jobs=2 -workers=2"
#
# The growing corpus is kept in BUILD/fuzz-corpus/<target> (seeded from
# tests/fuzz/corpus/<target> and, for the JSON target, docs/examples/*.json);
# findings go to BUILD/fuzz-artifacts/<target>/ (crash-*, leak-*, timeout-*,
# oom-*). Keep a reproducer by copying it to tests/fuzz/crashes/<target>/: the
# <target>_corpus ctest replays that folder in every WITH_FUZZERS build.
# Exit status: 0 when no target found anything, 1 otherwise.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${CA_FUZZ_BUILD_DIR:-${repo}/build-fuzz}"
seconds="${1:-300}"
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(fuzz_field_validator fuzz_application_json)
[[ "${seconds}" =~ ^[0-9]+$ ]] || { echo "run-fuzz: SECONDS_PER_TARGET must be a number, not '${seconds}'" >&2; exit 2; }

# --- packages: the project's, plus clang and its libFuzzer/sanitizer runtime --
"${repo}/scripts/bootstrap"
fuzz_packages=(clang libclang-rt-14-dev)
missing=()
for p in "${fuzz_packages[@]}"; do
    [[ "$(dpkg-query -W -f='${db:Status-Status}' "${p}" 2>/dev/null || true)" == installed ]] || missing+=("${p}")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "run-fuzz: installing ${missing[*]}"
    sudo_cmd=()
    [[ "$(id -u)" -eq 0 ]] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update </dev/null
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
        install -y --no-install-recommends "${missing[@]}" </dev/null
fi

# --- build ----------------------------------------------------------------------
# Everything in this build dir is instrumented (-fsanitize=fuzzer-no-link) so
# that libFuzzer is guided by the coverage of core/, not only of the harness.
# -O1 and Debug keep Q_ASSERT of our code active and stacks readable.
sanitize="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
echo "== configure ${build}"
CC=clang CXX=clang++ cmake -S "${repo}" -B "${build}" -G Ninja \
    -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_C_FLAGS="-O1 ${sanitize}" -DCMAKE_CXX_FLAGS="-O1 ${sanitize}" \
    -DBUILD_TESTING=ON -DWITH_FUZZERS=ON -DWITH_GUI_TESTS=OFF -DWITH_TOKEN_TESTS=OFF >/dev/null
echo "== build ${targets[*]}"
cmake --build "${build}" -j"${CA_JOBS:-2}" --target "${targets[@]}"

# --- run --------------------------------------------------------------------------
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8

summary="${build}/fuzz-summary.txt"
{
    printf '%-24s %8s %14s %10s %8s %8s %8s %s\n' TARGET SECONDS EXECS EXECS/S COV FT CORPUS FINDINGS
} >"${summary}"
found_any=0
for t in "${targets[@]}"; do
    bin="${build}/tests/${t}"
    [[ -x "${bin}" ]] || { echo "run-fuzz: ${bin} was not built" >&2; exit 1; }
    work="${build}/fuzz-corpus/${t}"
    artifacts="${build}/fuzz-artifacts/${t}"
    mkdir -p "${work}" "${artifacts}"
    seeds=("${repo}/tests/fuzz/corpus/${t}")
    dict=()
    if [[ "${t}" == fuzz_application_json ]]; then
        shopt -s nullglob
        examples=("${repo}"/docs/examples/*.json)
        shopt -u nullglob
        for e in "${examples[@]}"; do cp -f "${e}" "${work}/example-$(basename "${e}")"; done
        dict=(-dict="${repo}/tests/fuzz/application_json.dict")
        maxlen=16384
    else
        maxlen=512
    fi
    [[ -d "${repo}/tests/fuzz/crashes/${t}" ]] && seeds+=("${repo}/tests/fuzz/crashes/${t}")

    log="${build}/fuzz-${t}.log"
    echo "== ${t}: ${seconds} s (log ${log})"
    set +e
    # shellcheck disable=SC2086
    "${bin}" -max_total_time="${seconds}" -print_final_stats=1 -max_len="${maxlen}" \
        -timeout=10 -rss_limit_mb=2048 -artifact_prefix="${artifacts}/" "${dict[@]}" \
        ${CA_FUZZ_ARGS:-} "${work}" "${seeds[@]}" >"${log}" 2>&1
    rc=$?
    set -e
    execs="$(grep -m1 'stat::number_of_executed_units' "${log}" | awk '{print $2}')"
    rate="$(grep -m1 'stat::average_exec_per_sec' "${log}" | awk '{print $2}')"
    last="$(grep -E '^#[0-9]+' "${log}" | tail -n1)"
    cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"${last}")"
    ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"${last}")"
    corp="$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<<"${last}")"
    findings="$(find "${artifacts}" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)"
    note="${findings}"
    if [[ ${rc} -ne 0 || ${findings} -gt 0 ]]; then
        found_any=1
        note="${findings} (exit ${rc}; see ${log} and ${artifacts})"
        echo "run-fuzz: ${t} FOUND SOMETHING — the end of its log:" >&2
        grep -E 'ERROR|PROPERTY VIOLATED|SUMMARY|Test unit written|#[0-9]+ 0x' "${log}" | head -n 40 >&2 || true
    fi
    printf '%-24s %8s %14s %10s %8s %8s %8s %s\n' "${t}" "${seconds}" "${execs:-?}" "${rate:-?}" \
        "${cov:-?}" "${ft:-?}" "${corp:-?}" "${note}" >>"${summary}"
done

echo
echo "== fuzz summary (${summary})"
cat "${summary}"
exit "${found_any}"
