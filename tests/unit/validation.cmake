# Field validation (core/validation/FieldValidator) and `ca-tool validate`.
ca_add_test(tst_fieldvalidator LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_fieldvalidator.cpp
    LIBS caclient-core caclient-i18n)
