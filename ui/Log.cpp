#include "ui/Log.h"

Q_LOGGING_CATEGORY(lcUi, "ca.ui", QtInfoMsg)
