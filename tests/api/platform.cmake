# Platform client (core/platform) and `ca-tool application` against a real
# ca-sandbox over HTTPS (tests/common/sandbox.cmake).
foreach(t client faults tls memory tool)
    if(EXISTS "${CMAKE_CURRENT_LIST_DIR}/platform_${t}.cpp")
        ca_add_test(platform_${t} LABEL api
            SOURCES "${CMAKE_CURRENT_LIST_DIR}/platform_${t}.cpp"
            LIBS catest-sandbox caclient-core Qt6::Sql
            DEFS CA_TOOL_BIN="$<TARGET_FILE:ca-tool>"
            DEPENDS ca-sandbox ca-tool
            TIMEOUT 900)
    endif()
endforeach()
