# sandbox-ext unit tests: the ca-sandbox parts that need no running server
# (test CA, PIN reset, outbox, payments maths, PDFs, faults). Each test
# compiles the sandbox sources it needs directly.
ca_add_test(sandbox_ext_ca LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/sandbox_ext_ca.cpp ${CMAKE_CURRENT_LIST_DIR}/sandbox_ext_support.h
            ${PROJECT_SOURCE_DIR}/sandbox/CertificateAuthority.cpp ${PROJECT_SOURCE_DIR}/sandbox/CertificateAuthority.h
    LIBS Qt6::Core OpenSSL::Crypto)

# All ca-sandbox sources but main.cpp, as a static library for unit tests of
# single classes (module registrations are not linked in, nothing runs).
file(GLOB SANDBOX_EXT_SANDBOX_SOURCES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/sandbox/*.cpp" "${PROJECT_SOURCE_DIR}/sandbox/*.h")
list(FILTER SANDBOX_EXT_SANDBOX_SOURCES EXCLUDE REGEX "/sandbox/main\\.cpp$")
add_library(sandbox-ext-testlib STATIC ${SANDBOX_EXT_SANDBOX_SOURCES})
target_include_directories(sandbox-ext-testlib PUBLIC "${PROJECT_SOURCE_DIR}/sandbox")
target_link_libraries(sandbox-ext-testlib PUBLIC caclient-core Qt6::HttpServer Qt6::Gui OpenSSL::Crypto OpenSSL::SSL)

ca_add_test(sandbox_ext_faults LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/sandbox_ext_faults.cpp
    LIBS sandbox-ext-testlib)

ca_add_test(sandbox_ext_pdf LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/sandbox_ext_pdf.cpp
    LIBS sandbox-ext-testlib Qt6::Gui)

ca_add_test(sandbox_ext_pinreset LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/sandbox_ext_pinreset.cpp
    LIBS sandbox-ext-testlib)
