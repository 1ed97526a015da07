# Stage recipe: libqrencode (the WeChat payment QR code) from Debian's source
# package `qrencode`, as a static library with a pkg-config file.
SOURCE_PACKAGE=qrencode
DEPENDS=()
stage_build() {
    cmake -S "${SRC}" -B "${SRC}/bld" -G Ninja \
        -DCMAKE_TOOLCHAIN_FILE="${TOOLCHAIN}" -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_INSTALL_PREFIX="${PREFIX}" \
        -DWITH_TOOLS=NO -DWITH_TESTS=NO -DBUILD_SHARED_LIBS=NO -DWITHOUT_PNG=YES
    cmake --build "${SRC}/bld" -j"${JOBS}"
    cmake --install "${SRC}/bld"
}
