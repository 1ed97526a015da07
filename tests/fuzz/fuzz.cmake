# libFuzzer targets over the field validators and the application JSON parser
# (tests/fuzz/README.md). Built only with -DWITH_FUZZERS=ON and clang; run them
# with tests/fuzz/run-fuzz.sh, which also instruments the libraries
# (CMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link,address,undefined) so libFuzzer
# sees the coverage of the code under test, not only of the harness.
if(WITH_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "WITH_FUZZERS needs clang (configure with CC=clang CXX=clang++; "
                            "tests/fuzz/run-fuzz.sh does it for you)")
    endif()
    if(NOT CMAKE_CXX_FLAGS MATCHES "fuzzer-no-link")
        message(WARNING "WITH_FUZZERS: the libraries are not instrumented for coverage; "
                        "add -fsanitize=fuzzer-no-link,address,undefined to CMAKE_CXX_FLAGS "
                        "(tests/fuzz/run-fuzz.sh does)")
    endif()
    set(CA_FUZZ_SANITIZERS -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    set(CA_FUZZ_TARGETS fuzz_field_validator fuzz_application_json)
    foreach(t IN LISTS CA_FUZZ_TARGETS)
        add_executable(${t} "${CMAKE_CURRENT_LIST_DIR}/${t}.cpp")
        target_link_libraries(${t} PRIVATE caclient-core)
        target_include_directories(${t} PRIVATE "${PROJECT_SOURCE_DIR}")
        target_compile_options(${t} PRIVATE ${CA_FUZZ_SANITIZERS})
        target_link_options(${t} PRIVATE ${CA_FUZZ_SANITIZERS})
        ca_forbid_widgets(${t})
        # Regression check of the committed seeds and reproducers (no fuzzing):
        # every file of corpus/<target>/ and crashes/<target>/ runs once.
        add_test(NAME ${t}_corpus
            COMMAND ${t} -runs=0 "${CMAKE_CURRENT_LIST_DIR}/corpus/${t}"
                    "${CMAKE_CURRENT_LIST_DIR}/crashes/${t}")
        set_tests_properties(${t}_corpus PROPERTIES LABELS unit TIMEOUT 300)
    endforeach()
    add_custom_target(fuzzers DEPENDS ${CA_FUZZ_TARGETS})
endif()
