# Token layer tests (label token). Each test process makes its own SoftHSM
# token directory and SOFTHSM2_CONF through catest-softhsm (tests/common).
if(NOT WITH_TOKEN_TESTS)
    return()
endif()

ca_add_test(tst_p11_module LABEL token
    SOURCES "${CMAKE_CURRENT_LIST_DIR}/tst_p11_module.cpp"
    LIBS caclient-pkcs11 catest-softhsm)

ca_add_test(tst_p11_token LABEL token
    SOURCES "${CMAKE_CURRENT_LIST_DIR}/tst_p11_token.cpp"
    LIBS caclient-pkcs11 catest-softhsm)

# Through the fault-injecting shim (tests/pkcs11-shim, target ca-pkcs11-shim).
if(EXISTS "${PROJECT_SOURCE_DIR}/tests/pkcs11-shim/Shim.cpp")
    ca_add_test(tst_p11_shim LABEL token
        SOURCES "${CMAKE_CURRENT_LIST_DIR}/tst_p11_shim.cpp"
        LIBS caclient-pkcs11 catest-softhsm
        DEFS CA_SHIM_PATH="$<TARGET_FILE:ca-pkcs11-shim>"
        DEPENDS ca-pkcs11-shim
        TIMEOUT 600)
    ca_add_test(tst_p11_service LABEL token
        SOURCES "${CMAKE_CURRENT_LIST_DIR}/tst_p11_service.cpp"
        LIBS caclient-pkcs11 catest-softhsm
        DEFS CA_SHIM_PATH="$<TARGET_FILE:ca-pkcs11-shim>"
        DEPENDS ca-pkcs11-shim)
endif()

# ca-tool token, run as a separate process.
ca_add_test(tst_tool_token LABEL token
    SOURCES "${CMAKE_CURRENT_LIST_DIR}/tst_tool_token.cpp"
    LIBS catest-softhsm
    DEFS CA_TOOL_BIN="$<TARGET_FILE:ca-tool>"
    DEPENDS ca-tool)
