# Stage recipe: OpenSSL 3.0 from Debian's source package `openssl`, as DLLs
# (libcrypto-3-x64.dll, libssl-3-x64.dll). Sourced by packaging/windows/deps.sh
# with SRC (unpacked source), PREFIX (install here), JOBS, TRIPLET.
SOURCE_PACKAGE=openssl
DEPENDS=()
stage_build() {
    cd "${SRC}"
    # Configure's mingw64 target; CC is prefixed with the cross prefix, so the
    # posix thread-model compiler is x86_64-w64-mingw32-gcc-posix.
    CC=gcc-posix CXX=g++-posix ./Configure mingw64 \
        --cross-compile-prefix="${TRIPLET}-" --prefix="${PREFIX}" --libdir=lib \
        no-tests shared
    make -j"${JOBS}" build_sw
    make install_sw
}
