# catest-sandbox: starts the built ca-sandbox for api tests (SandboxProcess) and
# talks to it over HTTPS trusting only the sandbox CA (SandboxHttp).
add_library(catest-sandbox STATIC
    "${CMAKE_CURRENT_LIST_DIR}/SandboxProcess.cpp" "${CMAKE_CURRENT_LIST_DIR}/SandboxProcess.h")
target_link_libraries(catest-sandbox PUBLIC Qt6::Core Qt6::Network Qt6::Sql Qt6::Test)
target_include_directories(catest-sandbox PUBLIC "${CMAKE_CURRENT_LIST_DIR}")
target_compile_definitions(catest-sandbox PRIVATE CA_SANDBOX_BIN="$<TARGET_FILE:ca-sandbox>")
add_dependencies(catest-sandbox ca-sandbox)
