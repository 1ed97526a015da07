# ca-sandbox core: auth, applications, attachments, review, bad input, contract.
# Each test starts its own ca-sandbox (tests/common/sandbox.cmake) over HTTPS
# on an ephemeral loopback port with a temporary data directory.
foreach(t auth applications badinput contract)
    if(EXISTS "${CMAKE_CURRENT_LIST_DIR}/sandbox_core_${t}.cpp")
        ca_add_test(sandbox_core_${t} LABEL api
            SOURCES "${CMAKE_CURRENT_LIST_DIR}/sandbox_core_${t}.cpp"
            LIBS catest-sandbox caclient-core
            DEPENDS ca-sandbox
            TIMEOUT 600)
    endif()
endforeach()
