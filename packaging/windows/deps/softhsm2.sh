# Stage recipe: SoftHSM2 2.6.1 from Debian's source package `softhsm2`, as
# softhsm2-x64.dll (the name of the upstream Windows build) and
# softhsm2-util.exe, for the Windows token tests. Its CMake lists do not build
# its own Windows shims (src/lib/win32): softhsm2.mingw.patch adds them.
SOURCE_PACKAGE=softhsm2
DEPENDS=(openssl)
stage_build() {
    local openssl="${DEP_PREFIX[openssl]}"
    # The cross-compile answers of its try_run checks (what OpenSSL 3.0 does).
    cmake -S "${SRC}" -B "${SRC}/bld" -G Ninja \
        -DCMAKE_TOOLCHAIN_FILE="${TOOLCHAIN}" -DCA_WIN_DEPS_PREFIX="${openssl}" \
        -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="${PREFIX}" \
        -DWITH_CRYPTO_BACKEND=openssl -DOPENSSL_ROOT_DIR="${openssl}" \
        -DENABLE_ECC=ON -DENABLE_GOST=OFF -DENABLE_EDDSA=OFF -DENABLE_P11_KIT=OFF \
        -DENABLE_STATIC=OFF -DBUILD_TESTS=OFF -DDISABLE_NON_PAGED_MEMORY=ON \
        -DRUN_ECC=0 -DRUN_AES_KEY_WRAP=0 -DRUN_AES_KEY_WRAP_PAD=0 -DRUN_ED25519=0 \
        -DRUN_ED448=0 -DRUN_RAWPSS=0 -DRUN_FIPS=1 -DRUN_GOST=1
    cmake --build "${SRC}/bld" -j"${JOBS}"
    mkdir -p "${PREFIX}/bin"
    cp "${SRC}/bld/src/lib/libsofthsm2.dll" "${PREFIX}/bin/softhsm2-x64.dll"
    cp "${SRC}/bld/src/bin/util/softhsm2-util.exe" "${PREFIX}/bin/"
}
