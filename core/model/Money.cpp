#include "core/model/Money.h"

namespace ca {

std::optional<Money> Money::fromString(QStringView text)
{
    // Integer part: 1..12 digits without a leading zero (except "0" itself).
    qsizetype i = 0;
    const qsizetype n = text.size();
    qint64 yuan = 0;
    qsizetype intDigits = 0;
    while (i < n && text[i] >= u'0' && text[i] <= u'9') {
        if (intDigits == 12)
            return std::nullopt;
        yuan = yuan * 10 + (text[i].unicode() - u'0');
        ++intDigits;
        ++i;
    }
    if (intDigits == 0 || (intDigits > 1 && text[0] == u'0'))
        return std::nullopt;
    qint64 fen = 0;
    if (i < n) {
        if (text[i] != u'.')
            return std::nullopt;
        ++i;
        const qsizetype decimals = n - i;
        if (decimals < 1 || decimals > 2)
            return std::nullopt;
        for (qsizetype d = 0; d < 2; ++d) {
            int digit = 0;
            if (d < decimals) {
                const QChar c = text[i + d];
                if (c < u'0' || c > u'9')
                    return std::nullopt;
                digit = c.unicode() - u'0';
            }
            fen = fen * 10 + digit;
        }
    }
    const qint64 total = yuan * 100 + fen;
    if (total > MaxFen)
        return std::nullopt;
    return Money(total);
}

QString Money::toString() const
{
    const qint64 abs = m_fen < 0 ? -m_fen : m_fen;
    return QStringLiteral("%1%2.%3")
        .arg(m_fen < 0 ? QStringLiteral("-") : QString())
        .arg(abs / 100)
        .arg(abs % 100, 2, 10, QLatin1Char('0'));
}

} // namespace ca
