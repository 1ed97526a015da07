# core/store tests (label unit). store_writer is the helper process the crash
# test kills with SIGKILL in the middle of its saves.
add_executable(store_writer "${CMAKE_CURRENT_LIST_DIR}/store_writer/main.cpp")
target_link_libraries(store_writer PRIVATE caclient-core)

ca_add_test(tst_store LABEL unit
    SOURCES "${CMAKE_CURRENT_LIST_DIR}/tst_store.cpp"
    LIBS caclient-core)

ca_add_test(tst_store_autosaver LABEL unit
    SOURCES "${CMAKE_CURRENT_LIST_DIR}/tst_store_autosaver.cpp"
    LIBS caclient-core)

ca_add_test(tst_store_crash LABEL unit
    SOURCES "${CMAKE_CURRENT_LIST_DIR}/tst_store_crash.cpp"
    LIBS caclient-core
    DEFS CA_STORE_WRITER_BIN="$<TARGET_FILE:store_writer>"
    DEPENDS store_writer)

ca_add_test(tst_store_keyfile LABEL unit
    SOURCES "${CMAKE_CURRENT_LIST_DIR}/tst_store_keyfile.cpp"
    LIBS caclient-core)
