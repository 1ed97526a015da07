# Install rules and packages of the programs users run (ca-client, ca-tool).
# Linux: bin/, the desktop entry and icon; CPack makes a .deb and a .tar.gz
# (cpack -G DEB / -G TGZ in the build folder; packaging/linux/check-deb.sh
# installs and removes the .deb as a test). Windows: everything in one folder,
# the layout of C:\Program Files\ca-client (scripts/windows adds the Qt,
# OpenSSL and runtime DLLs and makes the MSI from packaging/windows/ca-client.wxs).
include(GNUInstallDirs)

if(WIN32)
    install(TARGETS ca-client ca-tool RUNTIME DESTINATION .)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/ca-client.ico" DESTINATION .)
    return()
endif()

install(TARGETS ca-client ca-tool RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES "${PROJECT_SOURCE_DIR}/packaging/linux/ca-client.desktop"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/ca-client-256.png"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps RENAME ca-client.png)

set(CPACK_PACKAGE_NAME "ca-client")
set(CPACK_PACKAGE_VENDOR "ca-client project")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "CA certificate (USB key) applications for procurement platforms")
set(CPACK_PACKAGE_CONTACT "ca-client maintainers <maintainers@users.noreply.example>")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "ca-client")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGE_FILE_NAME "ca-client-${PROJECT_VERSION}-linux-x86_64")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The SQLite driver and the platform plugins are loaded at run time, so
# dpkg-shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "softhsm2, opensc")
set(CPACK_STRIP_FILES ON)
include(CPack)
