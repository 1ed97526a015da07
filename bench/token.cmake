# Token benchmark: `cmake --build <dir> --target bench-token` runs
# bench/token-bench.sh against this build's ca-tool (by hand; see bench/README.md).
add_custom_target(bench-token
    COMMAND "${CMAKE_CURRENT_LIST_DIR}/token-bench.sh" "$<TARGET_FILE:ca-tool>"
    DEPENDS ca-tool
    USES_TERMINAL
    COMMENT "Token benchmark: ca-tool token list/csr vs pkcs11-tool and openssl req + libp11")
