# tst_translations: the zh_CN catalogue is finished, in step with the sources
# (lupdate over a temporary copy), compiled into caclient-i18n and used.
ca_add_test(tst_translations LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_translations.cpp
    LIBS caclient-i18n
    DEFS CA_LUPDATE_BIN="$<TARGET_FILE:Qt6::lupdate>")
