# keyops sandbox routes: GET /applications/{id}/certificate and admin issue --days.
ca_add_test(sandbox_keyops_certificate_api LABEL api
    SOURCES "${CMAKE_CURRENT_LIST_DIR}/sandbox_keyops_certificate.cpp" "${CMAKE_CURRENT_LIST_DIR}/sandbox_ext_support.h"
    LIBS catest-sandbox
    DEPENDS ca-sandbox
    TIMEOUT 600)
