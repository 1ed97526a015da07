# core/model: JSON round trips, enum words, money, hostile input.
ca_add_test(tst_model LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_model.cpp
    LIBS caclient-core)
# docs/examples/*.json: parse, round trip, workflow fit, validation verdicts.
ca_add_test(tst_applicationvalidator_examples LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_applicationvalidator_examples.cpp
    LIBS caclient-core)
# core/validation/ApplicationValidator: required fields per purpose and kind.
ca_add_test(tst_applicationvalidator LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_applicationvalidator.cpp
    LIBS caclient-core)
