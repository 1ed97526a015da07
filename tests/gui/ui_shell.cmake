# ui-shell GUI tests (label gui): login, main window list/actions, details
# dialog, settings — offscreen, against a real ca-sandbox (SandboxProcess) and a
# real LocalStore in a temporary directory.
foreach(t tst_login tst_mainwindow tst_details tst_ui_shell_settings tst_ui_shell_screens)
    if(EXISTS "${CMAKE_CURRENT_LIST_DIR}/${t}.cpp")
        ca_add_test(${t} LABEL gui
            SOURCES "${CMAKE_CURRENT_LIST_DIR}/${t}.cpp"
            LIBS caclient-ui catest-sandbox
            DEFS CA_SANDBOX_BIN="$<TARGET_FILE:ca-sandbox>"
            DEPENDS ca-sandbox
            TIMEOUT 600)
    endif()
endforeach()
