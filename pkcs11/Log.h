#pragma once

#include <QLoggingCategory>

// The one logging category of caclient-pkcs11 ("ca.pkcs11").
Q_DECLARE_LOGGING_CATEGORY(lcP11)
