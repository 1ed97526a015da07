# tst_accessibility (label gui): every window of the applicant's path, in zh_CN
# and English, audited for nameless controls and clashing mnemonics —
# offscreen, against a real ca-sandbox. The key windows: tst_accessibility_tokens
# (ui_tokens.cmake, with SoftHSM).
ca_add_test(tst_accessibility LABEL gui
    SOURCES "${CMAKE_CURRENT_LIST_DIR}/tst_accessibility.cpp" "${CMAKE_CURRENT_LIST_DIR}/tst_accessibility_audit.h"
            "${CMAKE_CURRENT_LIST_DIR}/tst_wizard_support.h"
    LIBS caclient-ui catest-sandbox
    DEFS CA_SANDBOX_BIN="$<TARGET_FILE:ca-sandbox>"
    DEPENDS ca-sandbox
    TIMEOUT 600)
