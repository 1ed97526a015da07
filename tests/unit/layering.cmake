# core/ and pkcs11/ must not compile against Qt Widgets: compile a probe with
# exactly the include path of each library and expect the poison #error.
foreach(lib caclient-core caclient-pkcs11)
    add_test(NAME layering_no_widgets_in_${lib}
        COMMAND ${CMAKE_CXX_COMPILER} -std=c++20 -fsyntax-only -fPIC
                "-I$<JOIN:$<TARGET_PROPERTY:${lib},INCLUDE_DIRECTORIES>,;-I>"
                ${CMAKE_CURRENT_LIST_DIR}/layering_probe.cpp
        COMMAND_EXPAND_LISTS)
    set_tests_properties(layering_no_widgets_in_${lib} PROPERTIES
        LABELS unit
        PASS_REGULAR_EXPRESSION "core/ and pkcs11/ must not use Qt Widgets")
endforeach()
