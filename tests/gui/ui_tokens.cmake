# ui-tokens GUI tests (label gui): the token panel ("我的证书"), PIN change,
# PIN reset, 已有CA registration, renewal written to the key and the panel's
# screenshots, against SoftHSM through the fault-injecting shim
# (tests/pkcs11-shim); reset, registration and renewal also against a real ca-sandbox.
if(WITH_TOKEN_TESTS AND TARGET catest-softhsm)
    foreach(t tst_token_panel)
        if(EXISTS "${CMAKE_CURRENT_LIST_DIR}/${t}.cpp")
            ca_add_test(${t} LABEL gui
                SOURCES "${CMAKE_CURRENT_LIST_DIR}/${t}.cpp"
                LIBS caclient-ui catest-softhsm
                DEFS CA_SHIM_PATH="$<TARGET_FILE:ca-pkcs11-shim>"
                DEPENDS ca-pkcs11-shim
                TIMEOUT 600)
        endif()
    endforeach()
    foreach(t tst_token_pin_reset tst_token_register tst_token_renewal tst_token_screens tst_accessibility_tokens)
        if(EXISTS "${CMAKE_CURRENT_LIST_DIR}/${t}.cpp")
            ca_add_test(${t} LABEL gui
                SOURCES "${CMAKE_CURRENT_LIST_DIR}/${t}.cpp"
                LIBS caclient-ui catest-softhsm catest-sandbox
                DEFS CA_SHIM_PATH="$<TARGET_FILE:ca-pkcs11-shim>" CA_SANDBOX_BIN="$<TARGET_FILE:ca-sandbox>"
                DEPENDS ca-pkcs11-shim ca-sandbox
                TIMEOUT 600)
        endif()
    endforeach()
endif()
