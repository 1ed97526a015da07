# Field validation (core/validation/FieldValidator) and `ca-tool validate`.
ca_add_test(tst_fieldvalidator LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_fieldvalidator.cpp
    LIBS caclient-core caclient-i18n)
ca_add_test(tst_catoolvalidate LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_catoolvalidate.cpp
    DEFS CA_TOOL_BIN="$<TARGET_FILE:ca-tool>"
    DEPENDS ca-tool)
# The zh_CN catalogue is complete (issue 2, item 8): no unfinished entry, the
# same placeholders, and nothing in the sources missing from it (lupdate runs
# over a copy).
string(REPLACE ";" "," CA_I18N_DIRS_TEXT "${CA_I18N_DIRS}")
ca_add_test(tst_fieldvalidator_catalogue LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_fieldvalidator_catalogue.cpp
    DEFS CA_LUPDATE_BIN="$<TARGET_FILE:Qt6::lupdate>" CA_I18N_DIRS="${CA_I18N_DIRS_TEXT}")
