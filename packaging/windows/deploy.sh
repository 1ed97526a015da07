#!/usr/bin/env bash
# Lays out the Windows deployment folder: ca-client.exe, ca-tool.exe, the Qt
# DLLs and plugins, OpenSSL, the mingw runtime, translations, and (for the
# token tests only, in a subfolder) SoftHSM2. Fails when a DLL that a file of
# the folder imports is neither in the folder nor a Windows system DLL.
#   deploy.sh BUILD_DIR DEPS_PREFIX OUT_DIR
set -euo pipefail
build="$1" prefix="$2" dest="$3"
die() { printf 'windows deploy: %s\n' "$*" >&2; exit 1; }
rm -rf "${dest}"; mkdir -p "${dest}"
cmake --install "${build}" --prefix "${dest}" >/dev/null
for dll in Qt6Core Qt6Gui Qt6Widgets Qt6Network Qt6Sql; do cp "${prefix}/bin/${dll}.dll" "${dest}/"; done
cp "${prefix}"/bin/libcrypto-3-x64.dll "${prefix}"/bin/libssl-3-x64.dll "${dest}/"
for p in platforms/qwindows platforms/qoffscreen platforms/qminimal styles/qwindowsvistastyle \
         tls/qopensslbackend tls/qschannelbackend tls/qcertonlybackend sqldrivers/qsqlite \
         imageformats/qjpeg imageformats/qgif imageformats/qico; do
    mkdir -p "${dest}/plugins/$(dirname "${p}")"
    cp "${prefix}/plugins/${p}.dll" "${dest}/plugins/${p}.dll"
done
printf '[Paths]\nPlugins = plugins\nTranslations = translations\n' >"${dest}/qt.conf"
mkdir -p "${dest}/translations"
cp /usr/share/qt6/translations/qtbase_zh_CN.qm "${dest}/translations/" || die "qtbase_zh_CN.qm is missing (package qt6-translations-l10n)."
gccdir=/usr/lib/gcc/x86_64-w64-mingw32/12-posix
cp "${gccdir}/libstdc++-6.dll" "${gccdir}/libgcc_s_seh-1.dll" /usr/x86_64-w64-mingw32/lib/libwinpthread-1.dll "${dest}/"
# Tests only, never in the MSI: Qt Test and SoftHSM2 in their own folder.
mkdir -p "${dest}/../test-extras"
cp "${prefix}/bin/Qt6Test.dll" "${dest}/../test-extras/"
cp "${prefix}/bin/softhsm2-x64.dll" "${prefix}/bin/softhsm2-util.exe" "${dest}/../test-extras/" 2>/dev/null || true

# Every import of every .exe/.dll must resolve inside the folder or to Windows.
system_dlls='^(kernel32|user32|gdi32|advapi32|shell32|ole32|oleaut32|comdlg32|ws2_32|crypt32|secur32|ncrypt|bcrypt|winmm|imm32|version|netapi32|userenv|uxtheme|dwmapi|shlwapi|setupapi|iphlpapi|dnsapi|wtsapi32|mpr|winspool\.drv|d3d9|d3d11|d3d12|dxgi|dwrite|d2d1|dcomp|authz|rpcrt4|msvcrt|api-ms-win-.*|ucrtbase|normaliz|wldap32|shcore|comctl32|gdiplus|opengl32|usp10|oleacc|cfgmgr32|powrprof|dbghelp|wininet|winhttp|ntdll|mswsock|cryptui|wintrust|msimg32|hid)\.dll$'
missing=0
while IFS= read -r -d '' f; do
    while IFS= read -r dll; do
        lower="$(tr 'A-Z' 'a-z' <<<"${dll}")"
        [[ "${lower}" =~ ${system_dlls} ]] && continue
        [[ -n "$(find "${dest}" -maxdepth 1 -iname "${dll}" -print -quit)" ]] && continue
        echo "windows deploy: ${dll} is missing from ${dest}: needed by ${f#${dest}/}" >&2
        missing=1
    done < <(x86_64-w64-mingw32-objdump -p "${f}" | sed -n 's/^\s*DLL Name: //p')
done < <(find "${dest}" -type f \( -iname '*.exe' -o -iname '*.dll' \) -print0)
[[ ${missing} -eq 0 ]] || die "the deployment folder is incomplete (above: which DLL, needed by which file)."
echo "deployment folder ${dest}: $(find "${dest}" -type f | wc -l) files, every import resolved"
