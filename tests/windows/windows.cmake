# Tests of the Windows build (label windows), run by ctest in build-windows/
# under Wine (the toolchain's CMAKE_CROSSCOMPILING_EMULATOR) and, for the
# scripted ones, by bash on the Linux side driving the .exe files under Wine
# against a Linux ca-sandbox over TLS on loopback. scripts/windows --test runs
# them. On Linux this file only adds nothing (see tests/CMakeLists.txt).
if(NOT WIN32)
    return()
endif()

# ca_add_windows_test(NAME SOURCES ... LIBS ... [DEFS ...]): a Qt Test
# executable run under Wine, offscreen.
function(ca_add_windows_test name)
    cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;DEFS;DEPENDS;ENV" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
    target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}" "${PROJECT_SOURCE_DIR}/tests/common")
    target_compile_definitions(${name} PRIVATE CA_SOURCE_DIR="${PROJECT_SOURCE_DIR}" CA_BINARY_DIR="${PROJECT_BINARY_DIR}" ${T_DEFS})
    if(T_DEPENDS)
        add_dependencies(${name} ${T_DEPENDS})
    endif()
    add_test(NAME win_${name} COMMAND ${name})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 600)
    endif()
    set_tests_properties(win_${name} PROPERTIES LABELS windows TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;WINEDEBUG=-all;QT_LOGGING_RULES=ca.*.debug=true;${T_ENV}")
endfunction()

# Unit tests: the model, the field rules, the workflow, the local store (with
# the DPAPI-sealed key), ca-tool validate.
set(_unit "${PROJECT_SOURCE_DIR}/tests/unit")
ca_add_windows_test(tst_model SOURCES "${_unit}/tst_model.cpp" LIBS caclient-core)
ca_add_windows_test(tst_applicationvalidator SOURCES "${_unit}/tst_applicationvalidator.cpp" LIBS caclient-core)
ca_add_windows_test(tst_applicationvalidator_examples SOURCES "${_unit}/tst_applicationvalidator_examples.cpp" LIBS caclient-core)
ca_add_windows_test(tst_fieldvalidator SOURCES "${_unit}/tst_fieldvalidator.cpp" LIBS caclient-core caclient-i18n)
ca_add_windows_test(tst_workflow SOURCES "${_unit}/tst_workflow.cpp" LIBS caclient-core)
ca_add_windows_test(tst_store SOURCES "${_unit}/tst_store.cpp" LIBS caclient-core)
ca_add_windows_test(tst_store_autosaver SOURCES "${_unit}/tst_store_autosaver.cpp" LIBS caclient-core)
ca_add_windows_test(tst_store_keyfile SOURCES "${_unit}/tst_store_keyfile.cpp" LIBS caclient-core)
ca_add_windows_test(tst_catoolvalidate SOURCES "${_unit}/tst_catoolvalidate.cpp"
    DEFS CA_TOOL_BIN="$<TARGET_FILE:ca-tool>" DEPENDS ca-tool)
