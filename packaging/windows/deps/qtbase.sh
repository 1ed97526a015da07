# Stage recipe: Qt 6.4.2 qtbase from Debian's source package `qt6-base`
# (Core, Gui, Widgets, Network, Sql + QSQLITE, Test; the windows, offscreen and
# minimal platform plugins; the Windows styles; the Schannel and OpenSSL TLS
# backends). The host's Qt 6.4.2 (QT_HOST_PATH=/usr) supplies moc, uic, rcc.
SOURCE_PACKAGE=qt6-base
DEPENDS=(openssl sqlite)
stage_build() {
    local openssl="${DEP_PREFIX[openssl]}" sqlite="${DEP_PREFIX[sqlite]}"
    cmake -S "${SRC}" -B "${SRC}/bld" -G Ninja \
        -DCMAKE_TOOLCHAIN_FILE="${TOOLCHAIN}" -DCA_WIN_DEPS_PREFIX="${openssl};${sqlite}" \
        -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="${PREFIX}" \
        -DQT_HOST_PATH=/usr -DQT_HOST_PATH_CMAKE_DIR=/usr/lib/x86_64-linux-gnu/cmake \
        -DQT_QMAKE_TARGET_MKSPEC=win32-g++ \
        -DQT_BUILD_EXAMPLES=OFF -DQT_BUILD_TESTS=OFF -DQT_BUILD_BENCHMARKS=OFF \
        -DINPUT_openssl=linked -DOPENSSL_ROOT_DIR="${openssl}" \
        -DFEATURE_system_sqlite=ON -DSQLite3_INCLUDE_DIR="${sqlite}/include" \
        -DSQLite3_LIBRARY="${sqlite}/lib/libsqlite3.a" \
        -DFEATURE_sql_odbc=OFF -DFEATURE_sql_psql=OFF -DFEATURE_sql_mysql=OFF \
        -DFEATURE_sql_ibase=OFF -DFEATURE_sql_oci=OFF -DFEATURE_sql_db2=OFF \
        -DFEATURE_dbus=OFF -DINPUT_opengl=no -DFEATURE_opengl=OFF -DFEATURE_vulkan=OFF \
        -DFEATURE_tabletevent=OFF \
        -DFEATURE_concurrent=OFF -DFEATURE_xml=OFF -DFEATURE_printsupport=OFF \
        -DFEATURE_sql=ON -DFEATURE_testlib=ON -DFEATURE_network=ON -DFEATURE_widgets=ON
    cmake --build "${SRC}/bld" -j"${JOBS}"
    cmake --install "${SRC}/bld"
}
