# sandbox-ext unit tests: the ca-sandbox parts that need no running server
# (test CA, PIN reset, outbox, payments maths, PDFs, faults). Each test
# compiles the sandbox sources it needs directly.
ca_add_test(sandbox_ext_ca LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/sandbox_ext_ca.cpp ${CMAKE_CURRENT_LIST_DIR}/sandbox_ext_support.h
            ${PROJECT_SOURCE_DIR}/sandbox/CertificateAuthority.cpp ${PROJECT_SOURCE_DIR}/sandbox/CertificateAuthority.h
    LIBS Qt6::Core OpenSSL::Crypto)

# The sandbox server infrastructure my modules need when compiled alone.
set(SANDBOX_EXT_INFRA
    ${PROJECT_SOURCE_DIR}/sandbox/Context.cpp ${PROJECT_SOURCE_DIR}/sandbox/ModuleRegistry.cpp
    ${PROJECT_SOURCE_DIR}/sandbox/Reply.cpp ${PROJECT_SOURCE_DIR}/sandbox/Sql.cpp
    ${PROJECT_SOURCE_DIR}/sandbox/SandboxServer.cpp ${PROJECT_SOURCE_DIR}/sandbox/SandboxServer.h)
set(SANDBOX_EXT_INFRA_LIBS Qt6::Core Qt6::Network Qt6::Sql Qt6::HttpServer OpenSSL::Crypto OpenSSL::SSL)

ca_add_test(sandbox_ext_faults LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/sandbox_ext_faults.cpp
            ${PROJECT_SOURCE_DIR}/sandbox/Faults.cpp ${PROJECT_SOURCE_DIR}/sandbox/Faults.h ${SANDBOX_EXT_INFRA}
    LIBS ${SANDBOX_EXT_INFRA_LIBS})
