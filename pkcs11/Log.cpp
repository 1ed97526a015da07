#include "pkcs11/Log.h"

Q_LOGGING_CATEGORY(lcP11, "ca.pkcs11", QtInfoMsg)
