#include "keyops/Log.h"

Q_LOGGING_CATEGORY(lcKeyops, "ca.keyops", QtInfoMsg)
