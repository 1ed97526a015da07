# ui-wizard GUI tests (label gui): the application wizard through every page
# in both workflows, validation, resume, WeChat QR (zbarimg), reject/resubmit —
# offscreen, against a real ca-sandbox and a real LocalStore in a temp dir.
foreach(t tst_wizard tst_wizard_payment tst_wizard_screens tst_wizard_comment)
    if(EXISTS "${CMAKE_CURRENT_LIST_DIR}/${t}.cpp")
        ca_add_test(${t} LABEL gui
            SOURCES "${CMAKE_CURRENT_LIST_DIR}/${t}.cpp" "${CMAKE_CURRENT_LIST_DIR}/tst_wizard_support.h"
            LIBS caclient-ui catest-sandbox
            DEFS CA_SANDBOX_BIN="$<TARGET_FILE:ca-sandbox>"
            DEPENDS ca-sandbox
            TIMEOUT 900)
    endif()
endforeach()
# The same pages in English (the default run above is zh_CN).
if(TARGET tst_wizard_screens)
    add_test(NAME tst_wizard_screens_en COMMAND tst_wizard_screens)
    set_tests_properties(tst_wizard_screens_en PROPERTIES LABELS gui TIMEOUT 900
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;CA_WIZARD_LANG=en")
endif()
