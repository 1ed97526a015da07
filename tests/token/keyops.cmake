# keyops (renewal/change written to the key; ca-tool token renew and
# pin-reset --server): real ca-sandbox over HTTPS + SoftHSM behind the fault shim.
if(NOT WITH_TOKEN_TESTS OR NOT EXISTS "${PROJECT_SOURCE_DIR}/tests/pkcs11-shim/Shim.cpp")
    return()
endif()

ca_add_test(tst_keyops_renewal LABEL token
    SOURCES "${CMAKE_CURRENT_LIST_DIR}/tst_keyops_renewal.cpp"
    LIBS caclient-keyops catest-softhsm catest-sandbox
    DEFS CA_SHIM_PATH="$<TARGET_FILE:ca-pkcs11-shim>"
    DEPENDS ca-pkcs11-shim ca-sandbox
    TIMEOUT 900)

ca_add_test(tst_keyops_tool LABEL token
    SOURCES "${CMAKE_CURRENT_LIST_DIR}/tst_keyops_tool.cpp"
    LIBS catest-softhsm catest-sandbox
    DEFS CA_SHIM_PATH="$<TARGET_FILE:ca-pkcs11-shim>" CA_TOOL_BIN="$<TARGET_FILE:ca-tool>"
    DEPENDS ca-pkcs11-shim ca-sandbox ca-tool
    TIMEOUT 900)
