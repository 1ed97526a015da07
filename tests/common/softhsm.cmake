# catest-softhsm: a private SoftHSM2 for one test process (temp dir with its own
# softhsm2.conf and token directory, SOFTHSM2_CONF set for the process), token
# initialisation, key pairs, and test certificates from a throw-away OpenSSL CA.
if(NOT WITH_TOKEN_TESTS)
    return()
endif()
add_library(catest-softhsm STATIC
    "${CMAKE_CURRENT_LIST_DIR}/SoftHsmFixture.cpp"
    "${CMAKE_CURRENT_LIST_DIR}/SoftHsmFixture.h")
target_include_directories(catest-softhsm PUBLIC "${PROJECT_SOURCE_DIR}" "${CMAKE_CURRENT_LIST_DIR}")
target_link_libraries(catest-softhsm PUBLIC Qt6::Core OpenSSL::Crypto)
target_compile_definitions(catest-softhsm PRIVATE
    CA_SOFTHSM_MODULE="/usr/lib/softhsm/libsofthsm2.so")
ca_forbid_widgets(catest-softhsm)
