# Stage recipe: SQLite from Debian's source package `sqlite3`. The tarball is
# the full source tree: the amalgamation (sqlite3.c) is generated on the host
# (needs tclsh), then compiled by the cross compiler into a static library that
# Qt's QSQLITE driver links in.
SOURCE_PACKAGE=sqlite3
SOURCE_MATCH='orig.tar'      # not the -www documentation tarball
DEPENDS=()
stage_build() {
    mkdir -p "${SRC}/bld-host" && cd "${SRC}/bld-host"
    ../configure >/dev/null
    make sqlite3.c sqlite3.h
    local cflags=(-O2 -DSQLITE_THREADSAFE=1 -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_JSON1
                  -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_UNLOCK_NOTIFY
                  -DSQLITE_SECURE_DELETE -DSQLITE_OMIT_LOAD_EXTENSION)
    "${TRIPLET}-gcc-posix" "${cflags[@]}" -c sqlite3.c -o sqlite3.o
    mkdir -p "${PREFIX}/lib" "${PREFIX}/include"
    rm -f "${PREFIX}/lib/libsqlite3.a"
    "${TRIPLET}-ar" rcs "${PREFIX}/lib/libsqlite3.a" sqlite3.o
    cp sqlite3.h sqlite3ext.h "${PREFIX}/include/"
}
