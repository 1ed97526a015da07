# sandbox-ext api tests: payments, certificates, PIN reset, faults against a
# real ca-sandbox (tests/common/sandbox.cmake) over HTTPS.
foreach(t payments certificates pinreset faults)
    if(EXISTS "${CMAKE_CURRENT_LIST_DIR}/sandbox_ext_${t}.cpp")
        ca_add_test(sandbox_ext_${t}_api LABEL api
            SOURCES "${CMAKE_CURRENT_LIST_DIR}/sandbox_ext_${t}.cpp" "${CMAKE_CURRENT_LIST_DIR}/sandbox_ext_support.h"
            LIBS catest-sandbox caclient-core
            DEPENDS ca-sandbox
            TIMEOUT 600)
    endif()
endforeach()
