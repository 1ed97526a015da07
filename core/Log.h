#pragma once

#include <QLoggingCategory>

// The one logging category of caclient-core ("ca.core").
Q_DECLARE_LOGGING_CATEGORY(lcCore)
