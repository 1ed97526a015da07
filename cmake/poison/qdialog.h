#error "core/ and pkcs11/ must not use Qt Widgets: move this code to ui/"
