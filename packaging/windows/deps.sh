#!/usr/bin/env bash
# Builds the Windows (x86_64, mingw-w64 posix) dependencies of ca-client from
# Debian's own source packages, each stage into its own versioned prefix under
# the cache, then joins them into one prefix (hard links) that the Windows
# build of ca-client uses. A stage is rebuilt only when its recipe
# (deps/<stage>.sh), the toolchain file, its source tarball or a stage it
# depends on changes.
#
#   packaging/windows/deps.sh [STAGE...]      (default: all stages)
#
# Prints the joined prefix on its last line ("prefix: PATH").
# Environment: CA_WIN_CACHE (default /var/cache/ca-client), CA_JOBS (default 2).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "${here}/../.." && pwd)"
cache="${CA_WIN_CACHE:-/var/cache/ca-client}"
jobs="${CA_JOBS:-2}"
export TRIPLET=x86_64-w64-mingw32
export TOOLCHAIN="${repo}/cmake/mingw-w64-x86_64.cmake"
ALL_STAGES=(openssl sqlite qrencode qtbase softhsm2)

die() { printf 'windows deps: %s\n' "$*" >&2; exit 1; }
say() { printf '== %s\n' "$*"; }

mkdir -p "${cache}/sources" "${cache}/logs" || die "cannot create the cache folder ${cache} (set CA_WIN_CACHE to a writable folder)."

# apt-get source needs deb-src entries; add them for the suites the machine
# already uses (Debian 12: bookworm, bookworm-updates, bookworm-security).
ensure_deb_src() {
    if grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
        return
    fi
    say "adding deb-src entries (/etc/apt/sources.list.d/ca-client-src.sources)"
    local sudo_cmd=()
    [[ "$(id -u)" -eq 0 ]] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" tee /etc/apt/sources.list.d/ca-client-src.sources >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 update </dev/null >/dev/null \
        || die "apt-get update failed after adding the deb-src entries."
}

# The orig tarball of a source package, downloaded once into the cache.
source_tarball() {
    local pkg="$1" match="${2:-orig.tar}" found
    found="$(find "${cache}/sources" -maxdepth 1 -name "${pkg}_*.${match}*" ! -name '*-www*' | sort | tail -n 1)"
    if [[ -z "${found}" ]]; then
        ensure_deb_src
        (cd "${cache}/sources" && apt-get source --download-only --tar-only "${pkg}" </dev/null) \
            >"${cache}/logs/source-${pkg}.log" 2>&1 || true
        found="$(find "${cache}/sources" -maxdepth 1 -name "${pkg}_*.${match}*" ! -name '*-www*' | sort | tail -n 1)"
        [[ -n "${found}" ]] || die "the Debian source package '${pkg}' could not be downloaded (apt-get source ${pkg}); see ${cache}/logs/source-${pkg}.log. Check the deb-src entries and the mirror."
    fi
    printf '%s\n' "${found}"
}

declare -A KEY PREFIX_OF
stage_key() {   # stage -> key over its recipe, the toolchain, its tarball, its deps' keys
    local stage="$1"
    local recipe="${here}/deps/${stage}.sh"
    [[ -f "${recipe}" ]] || die "no recipe for stage '${stage}' (${recipe})."
    local SOURCE_PACKAGE="" SOURCE_MATCH="orig.tar" DEPENDS=() extra=()
    # shellcheck source=/dev/null
    source "${recipe}"
    local d deps_keys=""
    for d in "${DEPENDS[@]}"; do
        [[ -n "${KEY[$d]:-}" ]] || stage_key "${d}"
        deps_keys+="${d}=${KEY[$d]};"
    done
    local tarball; tarball="$(basename "$(source_tarball "${SOURCE_PACKAGE}" "${SOURCE_MATCH}")")"
    local files=("${recipe}" "${TOOLCHAIN}")
    for extra in "${here}/deps/${stage}".*.patch; do [[ -f "${extra}" ]] && files+=("${extra}"); done
    KEY[$stage]="$( { cat "${files[@]}"; echo "${tarball}" "${deps_keys}"; } | sha256sum | cut -c1-12)"
    PREFIX_OF[$stage]="${cache}/win64-${stage}-${KEY[$stage]}"
}

build_stage() {
    local stage="$1"
    local prefix="${PREFIX_OF[$stage]}"
    if [[ -f "${prefix}/.complete" ]]; then
        say "${stage}: cached (${prefix})"
        return
    fi
    local SOURCE_PACKAGE="" SOURCE_MATCH="orig.tar" DEPENDS=()
    # shellcheck source=/dev/null
    source "${here}/deps/${stage}.sh"
    local d
    declare -gA DEP_PREFIX=()
    for d in "${DEPENDS[@]}"; do
        build_stage "${d}"
        DEP_PREFIX[$d]="${PREFIX_OF[$d]}"
    done
    # shellcheck source=/dev/null
    source "${here}/deps/${stage}.sh"   # again: the deps' recipes redefined stage_build
    local tarball work log t0=${SECONDS}
    tarball="$(source_tarball "${SOURCE_PACKAGE}" "${SOURCE_MATCH}")"
    work="${cache}/work-${stage}-${KEY[$stage]}"
    log="${cache}/logs/${stage}-${KEY[$stage]}.log"
    say "${stage}: building from $(basename "${tarball}") (log: ${log})"
    rm -rf "${work}" "${prefix}"
    mkdir -p "${work}" "${prefix}"
    tar -xf "${tarball}" -C "${work}"
    local top; top="$(find "${work}" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
    local patch
    for patch in "${here}/deps/${stage}".*.patch; do
        [[ -f "${patch}" ]] || continue
        patch -d "${top}" -p1 <"${patch}" >>"${log}" 2>&1 \
            || die "stage '${stage}' failed: the patch $(basename "${patch}") does not apply; see ${log}."
    done
    if ! ( export SRC="${top}" PREFIX="${prefix}" JOBS="${jobs}"; set -euo pipefail; stage_build ) >>"${log}" 2>&1; then
        tail -n 30 "${log}" >&2
        die "stage '${stage}' failed after $((SECONDS - t0)) s; the whole log is ${log}."
    fi
    date -u +%FT%TZ >"${prefix}/.complete"
    rm -rf "${work}"
    say "${stage}: done in $((SECONDS - t0)) s"
}

stages=("$@")
[[ ${#stages[@]} -gt 0 ]] || stages=("${ALL_STAGES[@]}")
for s in "${ALL_STAGES[@]}"; do stage_key "${s}"; done
for s in "${stages[@]}"; do build_stage "${s}"; done

# The joined prefix: every stage's files, hard-linked, keyed by all stage keys.
joined_key="$(for s in "${ALL_STAGES[@]}"; do echo "${s}=${KEY[$s]}"; done | sha256sum | cut -c1-12)"
joined="${cache}/win64-${joined_key}"
if [[ ${#stages[@]} -eq ${#ALL_STAGES[@]} && ! -f "${joined}/.complete" ]]; then
    rm -rf "${joined}"; mkdir -p "${joined}"
    for s in "${ALL_STAGES[@]}"; do
        cp -al "${PREFIX_OF[$s]}/." "${joined}/"
    done
    rm -f "${joined}/.complete"
    for s in "${ALL_STAGES[@]}"; do echo "${s} ${PREFIX_OF[$s]}"; done >"${joined}/.stages"
    date -u +%FT%TZ >"${joined}/.complete"
fi
echo "prefix: ${joined}"
