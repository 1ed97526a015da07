#pragma once
// The accessibility audit shared by tst_accessibility (applicant windows) and
// tst_accessibility_tokens (the key windows): as a screen reader and a
// keyboard user meet a window,
// - every control a user can reach with Tab (line edits, combo boxes, spin
//   boxes, text edits, check and radio boxes, buttons, lists and tables) has a
//   name through the accessibility interface (its text, its buddy label or
//   its accessibleName);
// - no two controls visible together claim the same mnemonic (Alt+letter),
//   counting labels that lend theirs to a buddy, buttons, check boxes and
//   group boxes.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QCoreApplication>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStringList>
#include <QTest>
#include <QTextEdit>
#include <QWidget>

namespace a11y {


// The mnemonic letter of a text ("&Next" -> 'N'; "&&" is a literal ampersand), or 0.
inline QChar mnemonicOf(const QString &text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toUpper();
    }
    return QChar();
}

inline bool isInternal(const QWidget *w)
{
    if (w->objectName().startsWith(QLatin1String("qt_")))
        return true;
    // The line edit inside a spin box or an editable combo box is named by its owner.
    for (const QObject *p = w->parent(); p; p = p->parent()) {
        if (qobject_cast<const QAbstractSpinBox *>(p) || qobject_cast<const QComboBox *>(p))
            return true;
        if (p->isWidgetType() && static_cast<const QWidget *>(p)->isWindow())
            break;
    }
    return false;
}

inline bool isControl(const QWidget *w)
{
    return qobject_cast<const QLineEdit *>(w) || qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w)
        || qobject_cast<const QPlainTextEdit *>(w) || qobject_cast<const QTextEdit *>(w) || qobject_cast<const QAbstractButton *>(w)
        || qobject_cast<const QAbstractItemView *>(w);
}

inline QString describe(const QWidget *w)
{
    return QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
}

// Problems of the controls of `root` that are visible now.
inline QStringList audit(QWidget *root, const QString &where)
{
    QStringList problems;
    QHash<QChar, QStringList> mnemonics;
    const auto claim = [&](const QString &text, const QWidget *w) {
        const QChar m = mnemonicOf(text);
        if (!m.isNull())
            mnemonics[m] << QStringLiteral("%1 (%2)").arg(describe(w), text);
    };
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisible() || isInternal(w))
            continue;
        if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy() && label->buddy()->isVisible())
            claim(label->text(), label);
        if (auto *box = qobject_cast<QGroupBox *>(w); box && box->isCheckable())
            claim(box->title(), box);
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            claim(button->text(), button);
        if (!isControl(w) || w->focusPolicy() == Qt::NoFocus || !w->isEnabled())
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        const QString name = iface ? iface->text(QAccessible::Name).remove(QLatin1Char('&')).trimmed() : QString();
        if (name.isEmpty())
            problems << QStringLiteral("%1: %2 has no accessible name (give it a buddy label or accessibleName)").arg(where, describe(w));
    }
    for (auto it = mnemonics.cbegin(); it != mnemonics.cend(); ++it) {
        if (it.value().size() > 1)
            problems << QStringLiteral("%1: Alt+%2 is claimed by %3").arg(where, QString(it.key()), it.value().join(QStringLiteral(", ")));
    }
    return problems;
}

inline void settle()
{
    QCoreApplication::processEvents();
    QTest::qWait(100);
}


} // namespace a11y
