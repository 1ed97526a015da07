#pragma once

#include <QString>

class QCoreApplication;

namespace ca::i18n {

// Picks the UI language: an explicit "zh_CN" or "en" wins, otherwise the system
// locale decides (Chinese systems get zh_CN, every other one English).
QString resolveLanguage(const QString &requested);

// Installs our catalogue and Qt's qtbase catalogue for the language and returns
// the language actually in force ("zh_CN" or "en"). English is the source
// language, so "en" installs only the plural forms of "%n" messages. A later
// call replaces what an earlier one installed.
QString install(QCoreApplication &app, const QString &requested);

// True when our compiled zh_CN catalogue is present in the resources.
bool catalogueAvailable();

} // namespace ca::i18n
