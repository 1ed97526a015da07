# CMake toolchain file: cross-compile for 64-bit Windows on Debian with the
# mingw-w64 *posix* thread-model toolchain (g++-mingw-w64-x86-64-posix), so
# std::thread and std::mutex work. Used for the Windows dependencies (Qt,
# OpenSSL's consumers, libqrencode, SoftHSM2) and for ca-client itself.
#
# CA_WIN_DEPS_PREFIX (cache or environment): the prefix the dependencies were
# installed into (scripts/windows passes it); it is searched for libraries,
# headers and CMake packages, never for programs (those come from the host).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(_ca_triplet x86_64-w64-mingw32)
set(CMAKE_C_COMPILER   ${_ca_triplet}-gcc-posix)
set(CMAKE_CXX_COMPILER ${_ca_triplet}-g++-posix)
set(CMAKE_RC_COMPILER  ${_ca_triplet}-windres)
set(CMAKE_AR           /usr/bin/${_ca_triplet}-ar CACHE FILEPATH "archiver")
set(CMAKE_RANLIB       /usr/bin/${_ca_triplet}-ranlib CACHE FILEPATH "ranlib")

if(NOT CA_WIN_DEPS_PREFIX AND DEFINED ENV{CA_WIN_DEPS_PREFIX})
    set(CA_WIN_DEPS_PREFIX "$ENV{CA_WIN_DEPS_PREFIX}")
endif()
set(CA_WIN_DEPS_PREFIX "${CA_WIN_DEPS_PREFIX}" CACHE PATH "Windows dependency prefix")
# try_compile projects get the same toolchain; hand the prefix on to them.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES CA_WIN_DEPS_PREFIX)

set(CMAKE_FIND_ROOT_PATH /usr/${_ca_triplet})
if(CA_WIN_DEPS_PREFIX)
    list(APPEND CMAKE_FIND_ROOT_PATH "${CA_WIN_DEPS_PREFIX}")
endif()
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config sees only the Windows prefix, never the host's .pc files.
if(CA_WIN_DEPS_PREFIX)
    set(ENV{PKG_CONFIG_LIBDIR} "${CA_WIN_DEPS_PREFIX}/lib/pkgconfig")
    set(ENV{PKG_CONFIG_SYSROOT_DIR} "")
    set(ENV{PKG_CONFIG_PATH} "")
endif()

# A test executable runs under Wine when ctest or CMake need to run one.
find_program(CA_WINE_PROGRAM wine)
if(CA_WINE_PROGRAM)
    set(CMAKE_CROSSCOMPILING_EMULATOR "${CA_WINE_PROGRAM}")
endif()
