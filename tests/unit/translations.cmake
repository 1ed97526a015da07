# tst_translations: the zh_CN catalogue is finished, in step with the sources
# (lupdate over a temporary copy), compiled into caclient-i18n and used.
string(REPLACE ";" "," CA_I18N_DIRS_TEXT "${CA_I18N_DIRS}")
ca_add_test(tst_translations LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_translations.cpp
    LIBS caclient-i18n
    DEFS CA_LUPDATE_BIN="$<TARGET_FILE:Qt6::lupdate>" CA_I18N_DIRS="${CA_I18N_DIRS_TEXT}")
