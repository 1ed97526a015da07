# ca-pkcs11-shim: a PKCS#11 module that forwards to SoftHSM and injects faults
# (PIN lockout, removal, errors at the Kth call, slow calls, PIN pad), configured
# by the JSON file named in CA_SHIM_CONFIG. See tests/pkcs11-shim/README.md.
# Plain C++ like a vendor module: no Qt, no project libraries.
file(GLOB CA_SHIM_SOURCES CONFIGURE_DEPENDS
    "${PROJECT_SOURCE_DIR}/tests/pkcs11-shim/*.cpp" "${PROJECT_SOURCE_DIR}/tests/pkcs11-shim/*.h")
find_package(Threads REQUIRED)
add_library(ca-pkcs11-shim SHARED ${CA_SHIM_SOURCES})
set_target_properties(ca-pkcs11-shim PROPERTIES
    OUTPUT_NAME ca-pkcs11-shim
    PREFIX lib
    AUTOMOC OFF AUTOUIC OFF AUTORCC OFF
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
# Only the header of p11-kit: like a vendor module, neither the shim nor its test
# links libp11-kit (which exports C_* symbols of its own).
add_library(ca-pkcs11-header INTERFACE)
target_include_directories(ca-pkcs11-header INTERFACE ${P11KIT_INCLUDE_DIRS})
target_link_libraries(ca-pkcs11-shim PRIVATE ca-pkcs11-header Threads::Threads ${CMAKE_DL_LIBS})
target_link_options(ca-pkcs11-shim PRIVATE "LINKER:--no-undefined")

ca_add_test(tst_shim LABEL token
    SOURCES "${CMAKE_CURRENT_LIST_DIR}/tst_shim.cpp"
            # for rvName() in failure messages
            "${PROJECT_SOURCE_DIR}/tests/pkcs11-shim/ShimConfig.cpp"
            "${PROJECT_SOURCE_DIR}/tests/pkcs11-shim/MiniJson.cpp"
    DEFS CA_SHIM_PATH="$<TARGET_FILE:ca-pkcs11-shim>"
    LIBS catest-softhsm ca-pkcs11-header ${CMAKE_DL_LIBS}
    DEPENDS ca-pkcs11-shim)
