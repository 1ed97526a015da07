#pragma once

#include <QLoggingCategory>

// The one logging category of caclient-keyops ("ca.keyops").
Q_DECLARE_LOGGING_CATEGORY(lcKeyops)
