#include "ui/ApplicationFilter.h"

#include "ui/ApplicationListModel.h"

namespace ca::ui {

ApplicationFilter::ApplicationFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void ApplicationFilter::setView(View view)
{
    if (m_view == view)
        return;
    m_view = view;
    invalidateFilter();
}

void ApplicationFilter::setKind(std::optional<ApplicationKind> kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    invalidateFilter();
}

void ApplicationFilter::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (m_search == trimmed)
        return;
    m_search = trimmed;
    invalidateFilter();
}

bool ApplicationFilter::matches(View view, ReviewStatus review, PaymentStatus payment, HandlingStatus handling)
{
    const bool handedOver =
        handling == HandlingStatus::Onsite || handling == HandlingStatus::Received || handling == HandlingStatus::Done;
    switch (view) {
    case View::All: return true;
    case View::Editing: return review == ReviewStatus::Draft;
    case View::Pending: return review == ReviewStatus::Pending;
    case View::Approved: return review == ReviewStatus::Approved;
    case View::Rejected: return review == ReviewStatus::Rejected;
    case View::Unpaid: return review == ReviewStatus::Approved && payment != PaymentStatus::Paid;
    case View::Paid: return payment == PaymentStatus::Paid && !handedOver;
    case View::Handled: return payment == PaymentStatus::Paid && handedOver;
    }
    return false;
}

QVariant ApplicationFilter::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DisplayRole && index.column() == ApplicationListModel::NumberColumn)
        return index.row() + 1;
    return QSortFilterProxyModel::data(index, role);
}

bool ApplicationFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto review = ReviewStatus(index.data(ApplicationListModel::ReviewStatusRole).toInt());
    const auto payment = PaymentStatus(index.data(ApplicationListModel::PaymentStatusRole).toInt());
    const auto handling = HandlingStatus(index.data(ApplicationListModel::HandlingStatusRole).toInt());
    if (!matches(m_view, review, payment, handling))
        return false;
    if (m_kind && ApplicationKind(index.data(ApplicationListModel::KindRole).toInt()) != *m_kind)
        return false;
    if (!m_search.isEmpty()
        && !index.data(ApplicationListModel::SearchTextRole).toString().contains(m_search, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace ca::ui
