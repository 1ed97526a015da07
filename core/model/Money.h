#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <compare>
#include <optional>

namespace ca {

// An amount of money in yuan, held as integer fen (1 yuan = 100 fen) so that
// sums never suffer binary rounding. JSON form: a decimal string with two
// decimals, "300.00".
class Money
{
public:
    // Largest accepted amount: 999,999,999,999.99 yuan (keeps every sum in qint64).
    static constexpr qint64 MaxFen = Q_INT64_C(99999999999999);

    constexpr Money() = default;
    static constexpr Money fromFen(qint64 fen) { return Money(fen); }
    static constexpr Money fromYuan(qint64 yuan) { return Money(yuan * 100); }

    // Accepts "300", "300.5", "300.00"; digits only, no sign, no exponent,
    // no thousands separators, at most two decimals, at most MaxFen.
    static std::optional<Money> fromString(QStringView text);

    constexpr qint64 fen() const { return m_fen; }
    constexpr bool isZero() const { return m_fen == 0; }
    QString toString() const; // always two decimals: "300.00", "0.01"

    constexpr Money operator*(int times) const { return Money(m_fen * times); }
    constexpr Money operator+(Money other) const { return Money(m_fen + other.m_fen); }
    constexpr auto operator<=>(const Money &) const = default;

private:
    constexpr explicit Money(qint64 fen) : m_fen(fen) {}
    qint64 m_fen = 0;
};

} // namespace ca
