# Shared CMake helpers for ca-client.

# Libraries that must never see Qt Widgets put this folder first on their
# include path: every QtWidgets header a stray include could reach stops the
# compile with a clear #error.
set(CA_NO_WIDGETS_INCLUDE "${CMAKE_CURRENT_LIST_DIR}/poison")
function(ca_forbid_widgets target)
    target_include_directories(${target} BEFORE PRIVATE "${CA_NO_WIDGETS_INCLUDE}")
endfunction()

# ca_add_test(NAME LABEL unit|api|token|gui SOURCES ... [LIBS ...] [DEFS ...] [ENV ...] [TIMEOUT s])
# One executable per test; every test is registered with ctest under its label.
function(ca_add_test name)
    cmake_parse_arguments(T "" "LABEL;TIMEOUT" "SOURCES;LIBS;DEFS;ENV;DEPENDS" ${ARGN})
    if(NOT T_LABEL MATCHES "^(unit|api|token|gui)$")
        message(FATAL_ERROR "ca_add_test(${name}): LABEL must be unit, api, token or gui")
    endif()
    if(T_LABEL STREQUAL "gui" AND NOT WITH_GUI_TESTS)
        return()
    endif()
    if(T_LABEL STREQUAL "token" AND NOT WITH_TOKEN_TESTS)
        return()
    endif()
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
    target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}" "${PROJECT_SOURCE_DIR}/tests/common")
    target_compile_definitions(${name} PRIVATE
        CA_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        CA_BINARY_DIR="${PROJECT_BINARY_DIR}"
        ${T_DEFS})
    if(T_DEPENDS)
        add_dependencies(${name} ${T_DEPENDS})
    endif()
    add_test(NAME ${name} COMMAND ${name})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        LABELS "${T_LABEL}"
        TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;QT_LOGGING_RULES=ca.*.debug=true;${T_ENV}")
endfunction()

# A platform difference lives behind one small interface whose implementations
# stand side by side as <Name>Posix.cpp and <Name>Windows.cpp; this keeps only
# the one for the platform being built from a list of sources.
function(ca_keep_platform_sources var)
    if(WIN32)
        list(FILTER ${var} EXCLUDE REGEX "Posix\\.cpp$")
    else()
        list(FILTER ${var} EXCLUDE REGEX "Windows\\.cpp$")
    endif()
    set(${var} "${${var}}" PARENT_SCOPE)
endfunction()

# Windows: the icon and the version information (Explorer's Properties) of an
# executable, from app/ca-client.rc.in.
set(CA_COMPANY "ca-client project")
set(CA_PRODUCT "ca-client")
function(ca_add_windows_resource target file description)
    set(CA_RC_FILE "${file}")
    set(CA_RC_DESCRIPTION "${description}")
    set(CA_ICON_FILE "${PROJECT_SOURCE_DIR}/resources/icons/ca-client.ico")
    set(rc "${CMAKE_CURRENT_BINARY_DIR}/${target}.rc")
    configure_file("${PROJECT_SOURCE_DIR}/app/ca-client.rc.in" "${rc}" @ONLY)
    target_sources(${target} PRIVATE "${rc}")
endfunction()
