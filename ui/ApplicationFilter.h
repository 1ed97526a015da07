#pragma once

#include "core/model/Enums.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace ca::ui {

// The status tabs of the list: CA 办理 (编辑中, 待审核, 审核通过, 审核不通过) and,
// on review-first platforms, CA 支付 (未支付, 已支付, 已办理); plus an optional
// kind and a search text.
class ApplicationFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class View {
        All,
        Editing,   // review draft (local-only drafts too)
        Pending,   // review pending
        Approved,  // review approved
        Rejected,  // review rejected
        Unpaid,    // CA 支付: approved, not paid yet (unpaid or an open order)
        Paid,      // CA 支付: paid, key not handed over yet (none, processing, shipped)
        Handled,   // CA 支付: paid and handed over (onsite, received, done)
    };
    Q_ENUM(View)

    explicit ApplicationFilter(QObject *parent = nullptr);

    View view() const { return m_view; }
    void setView(View view);
    void setKind(std::optional<ApplicationKind> kind);
    void setSearchText(const QString &text);

    // Does a row with these statuses belong in the view?
    static bool matches(View view, ReviewStatus review, PaymentStatus payment, HandlingStatus handling);

    // The 序 column counts the visible rows.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    View m_view = View::All;
    std::optional<ApplicationKind> m_kind;
    QString m_search;
};

} // namespace ca::ui
