# Token layer tests (label token). Each test process makes its own SoftHSM
# token directory and SOFTHSM2_CONF through catest-softhsm (tests/common).
if(NOT WITH_TOKEN_TESTS)
    return()
endif()

ca_add_test(tst_p11_token LABEL token
    SOURCES "${CMAKE_CURRENT_LIST_DIR}/tst_p11_token.cpp"
    LIBS caclient-pkcs11 catest-softhsm)
