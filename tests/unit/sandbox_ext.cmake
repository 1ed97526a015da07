# sandbox-ext unit tests: the ca-sandbox parts that need no running server
# (test CA, PIN reset, outbox, payments maths, PDFs, faults). Each test
# compiles the sandbox sources it needs directly.
ca_add_test(sandbox_ext_ca LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/sandbox_ext_ca.cpp ${CMAKE_CURRENT_LIST_DIR}/sandbox_ext_support.h
            ${PROJECT_SOURCE_DIR}/sandbox/CertificateAuthority.cpp ${PROJECT_SOURCE_DIR}/sandbox/CertificateAuthority.h
    LIBS Qt6::Core OpenSSL::Crypto)
