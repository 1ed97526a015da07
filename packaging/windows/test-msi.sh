#!/usr/bin/env bash
# The MSI under Wine, as IT installs it: a silent per-machine install with
# SERVER_URL puts the files in Program Files and the installed ca-tool.exe
# reports that server; msiexec /x removes the files and the registry values.
#   test-msi.sh ca-client-VERSION-x64.msi     (WINEPREFIX: the prefix to use)
set -euo pipefail
msi="$(realpath "$1")"
export WINEDEBUG=-all
url="https://ca.example.test:8443"
fail() { echo "msi test: FAILED: $*" >&2; exit 1; }
pf="$(winepath -u 'C:\Program Files\ca-client' 2>/dev/null)"
wine msiexec /i "$(winepath -w "${msi}")" /qn SERVER_URL="${url}" PKCS11_MODULE='C:\vendor\p11.dll' \
    /l*v "$(winepath -w /tmp)\\ca-client-msi-install.log" || fail "msiexec /i exited $? (log /tmp/ca-client-msi-install.log)"
[[ -f "${pf}/ca-client.exe" && -f "${pf}/ca-tool.exe" && -f "${pf}/plugins/platforms/qwindows.dll" ]] \
    || fail "the files are not in ${pf}"
wine reg query 'HKLM\Software\ca-client\platform' /v server_url | grep -q "${url}" || fail "HKLM\\Software\\ca-client\\platform server_url not written"
config="$(wine "${pf}/ca-tool.exe" config)"
echo "${config}"
grep -q "${url}" <<<"${config}" || fail "the installed ca-tool.exe does not report ${url}"
grep -q 'C:\\vendor\\p11.dll' <<<"${config}" || fail "the installed ca-tool.exe does not report the module"
wine msiexec /x "$(winepath -w "${msi}")" /qn || fail "msiexec /x exited $?"
[[ ! -e "${pf}/ca-client.exe" ]] || fail "ca-client.exe is still in ${pf} after msiexec /x"
if wine reg query 'HKLM\Software\ca-client\platform' /v server_url >/dev/null 2>&1; then
    fail "the registry value server_url is left after msiexec /x"
fi
echo "msi test: passed (silent install with SERVER_URL, installed ca-tool reports it, clean uninstall)"
