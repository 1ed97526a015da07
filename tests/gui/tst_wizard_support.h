#pragma once
// Shared by the wizard GUI tests: a logged-in ClientContext on a sandbox, and
// driving the wizard's pages by objectName like a user would.

#include "SandboxProcess.h"

#include "core/platform/PaymentController.h"
#include "core/platform/PlatformCall.h"
#include "core/platform/PlatformClient.h"
#include "core/store/LocalStore.h"
#include "core/validation/ApplicationValidator.h"
#include "ui/AppSettings.h"
#include "ui/ApplicationWizard.h"
#include "ui/ClientContext.h"
#include "ui/MessageSeam.h"
#include "ui/wizard/AttachmentRow.h"
#include "ui/wizard/AttachmentsPage.h"
#include "ui/wizard/FieldEdit.h"
#include "ui/wizard/PaymentWidget.h"

#include <QCheckBox>
#include <QFile>
#include <QInputMethodEvent>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace wiztest {

using namespace ca;
using namespace ca::ui;

struct Session {
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<PlatformClient> client;
    std::unique_ptr<ClientContext> context;
    ScriptedMessageSeam seam;

    bool open(const test::SandboxProcess &sandbox, const QString &dir, const QString &tag)
    {
        settings = std::make_unique<AppSettings>(dir + QStringLiteral("/user-%1.ini").arg(tag), QString());
        settings->setValue(AppSettings::Key::ServerUrl, sandbox.url().toString());
        settings->setValue(AppSettings::Key::CaBundle, sandbox.caCertPath());
        store = std::make_unique<LocalStore>();
        if (!store->open(dir + QStringLiteral("/store-%1.sqlite").arg(tag)).ok())
            return false;
        client = std::make_unique<PlatformClient>();
        context = std::make_unique<ClientContext>(*client, *store, *settings);
        context->setMessageSeam(&seam);
        QString error;
        if (!context->applyConnectionSettings(&error)) {
            qWarning() << error;
            return false;
        }
        std::unique_ptr<PlatformCall> login(client->login(QStringLiteral("supplier"), sandbox.password(QStringLiteral("supplier"))));
        if (!login->waitForFinished(30000) || !login->ok())
            return false;
        PlatformCall *info = context->refreshPlatformInfo(); // the context deletes it
        if (!info->waitForFinished(30000) || !context->platform().loaded)
            return false;
        std::unique_ptr<PlatformCall> org(client->organization());
        if (!org->waitForFinished(30000) || !org->ok())
            return false;
        Account account;
        account.username = QStringLiteral("supplier");
        account.organization = parseJson<Organization>(QJsonValue(org->json())).value;
        context->setAccount(account);
        return true;
    }
    void close()
    {
        context.reset();
        client.reset();
        store.reset();
        settings.reset();
    }
};

template <typename T> T *child(QWidget *w, const char *name)
{
    T *c = w->findChild<T *>(QLatin1String(name));
    if (!c)
        qWarning() << "no child" << name;
    return c;
}

inline FieldEdit *field(ApplicationWizard &w, const char *name)
{
    return child<FieldEdit>(&w, name);
}

// Types like a user: every character through textEdited (QTest::keyClicks).
inline void type(FieldEdit *f, const QString &text)
{
    f->lineEdit()->selectAll();
    QTest::keyClick(f->lineEdit(), Qt::Key_Delete);
    bool ascii = true;
    for (QChar c : text)
        ascii &= c.unicode() < 0x80;
    if (ascii) {
        QTest::keyClicks(f->lineEdit(), text);
        return;
    }
    // Chinese and full-width text arrives through the input method, as it does for a user.
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QCoreApplication::sendEvent(f->lineEdit(), &commit);
}

inline void click(ApplicationWizard &w, const char *name)
{
    auto *b = child<QAbstractButton>(&w, name);
    QVERIFY(b);
    QVERIFY2(b->isEnabled() && b->isVisible(), name);
    b->click();
}

inline QString writeFile(const QString &dir, const QString &name, const QByteArray &bytes)
{
    QFile f(dir + QLatin1Char('/') + name);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes);
    return f.fileName();
}

inline QString kindRadio(const QString &kind)
{
    if (kind == QLatin1String("reissue"))
        return QStringLiteral("kindReissueRadio");
    if (kind == QLatin1String("change"))
        return QStringLiteral("kindChangeRadio");
    if (kind == QLatin1String("renewal"))
        return QStringLiteral("kindRenewalRadio");
    if (kind == QLatin1String("existing"))
        return QStringLiteral("kindExistingRadio");
    return QStringLiteral("kindNewRadio");
}

} // namespace wiztest
