#!/usr/bin/env bash
# Builds the MSI from the deployment folder with wixl: one component per file
# (a stable GUID made from the file's path), the folder tree as Directory
# elements. Usage: make-msi.sh DEPLOY_DIR VERSION OUT.msi
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
deploy="$(realpath "$1")" version="$2" msi="$(realpath -m "$3")"
work="$(mktemp -d)"; trap 'rm -rf "${work}"' EXIT
guid() { local h; h="$(printf 'ca-client:%s' "$1" | sha1sum | cut -c1-32 | tr a-f A-F)"; echo "${h:0:8}-${h:8:4}-5${h:13:3}-A${h:17:3}-${h:20:12}"; }
ident() { printf '%s' "$1" | tr -c 'A-Za-z0-9' '_' | sed 's/^/f_/' | cut -c1-60; }
dirs="" refs=""
emit_dir() {   # emit_dir RELDIR INDENT
    local rel="$1" ind="$2" f sub
    for f in "${deploy}/${rel}"*; do
        [[ -f "${f}" ]] || continue
        local r="${f#${deploy}/}" id; id="$(ident "${r}")"
        dirs+="${ind}<Component Id=\"c${id}\" Guid=\"$(guid "${r}")\" Win64=\"yes\"><File Id=\"${id}\" Source=\"${f#${deploy}/}\" KeyPath=\"yes\" /></Component>"$'\n'
        refs+="      <ComponentRef Id=\"c${id}\" />"$'\n'
    done
    for sub in "${deploy}/${rel}"*/; do
        [[ -d "${sub}" ]] || continue
        local name; name="$(basename "${sub}")"
        dirs+="${ind}<Directory Id=\"d$(ident "${rel}${name}")\" Name=\"${name}\">"$'\n'
        emit_dir "${rel}${name}/" "${ind}  "
        dirs+="${ind}</Directory>"$'\n'
    done
}
emit_dir "" "          "
python3 - "${here}/ca-client.wxs" "${work}/ca-client.wxs" "${version}" <<PY
import sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace("@VERSION@", sys.argv[3]).replace("@DIRS@", open("${work}/dirs").read() if False else """${dirs}""").replace("@REFS@", """${refs}""")
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
(cd "${deploy}" && wixl -a x64 -o "${msi}" "${work}/ca-client.wxs") || { echo "windows msi: wixl failed on ${work}/ca-client.wxs" >&2; cp "${work}/ca-client.wxs" "${msi}.wxs"; exit 1; }
echo "MSI ${msi}: $(stat -c %s "${msi}") bytes; tables: $(msiinfo tables "${msi}" | tr '\n' ' ')"
