#include "core/Log.h"

Q_LOGGING_CATEGORY(lcCore, "ca.core", QtInfoMsg)
