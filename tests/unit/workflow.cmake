# core/workflow: every status x action x workflow against an explicit table.
ca_add_test(tst_workflow LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_workflow.cpp
    LIBS caclient-core)
