#pragma once

#include <QLoggingCategory>

// The one logging category of caclient-ui ("ca.ui").
Q_DECLARE_LOGGING_CATEGORY(lcUi)
