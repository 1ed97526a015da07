#include "ui/ApplicationListModel.h"

#include <QLocale>

namespace ca::ui {

ApplicationListModel::ApplicationListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ApplicationListModel::setRows(const QList<ApplicationRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

const ApplicationRow *ApplicationListModel::find(const QString &key) const
{
    const int i = indexOfKey(key);
    return i < 0 ? nullptr : &m_rows.at(i);
}

int ApplicationListModel::indexOfKey(const QString &key) const
{
    if (key.isEmpty())
        return -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).key() == key || (!m_rows.at(i).draftId.isEmpty() && m_rows.at(i).draftId == key))
            return i;
    }
    return -1;
}

int ApplicationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ApplicationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApplicationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ApplicationRow &row = m_rows.at(index.row());
    const Application &app = row.app;
    switch (role) {
    case KeyRole: return row.key();
    case ReviewStatusRole: return int(app.reviewStatus);
    case PaymentStatusRole: return int(app.paymentStatus);
    case HandlingStatusRole: return int(app.handlingStatus);
    case KindRole: return int(app.kind);
    case LocalOnlyRole: return row.localOnly;
    case SearchTextRole:
        return QStringList{app.id, app.organization.name, app.organization.uscc, enumDisplayName(app.kind),
                           app.order.recipientName, app.payment ? app.payment->orderNo : QString(),
                           app.fulfilment ? app.fulfilment->trackingNo : QString()}
            .join(QLatin1Char('\n'));
    case Qt::TextAlignmentRole:
        if (index.column() == QuantityColumn || index.column() == FeeColumn || index.column() == NumberColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (row.localOnly)
            return tr("This draft is saved on this computer only; it is sent to the platform when you save it in the "
                      "wizard while online.");
        if (row.localChanges)
            return tr("This application has changes saved on this computer that are not on the platform yet.");
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NumberColumn: return index.row() + 1;
    case UnitColumn:
        if (row.localOnly)
            return tr("%1 (on this computer only)")
                .arg(app.organization.name.isEmpty() ? tr("New application") : app.organization.name);
        if (row.localChanges)
            return tr("%1 (unsaved changes)").arg(app.organization.name);
        return app.organization.name;
    case KindColumn: return enumDisplayName(app.kind);
    case QuantityColumn: return app.order.quantity;
    case FeeColumn: return tr("%1 yuan").arg(app.fee.toString());
    case ReviewColumn: return enumDisplayName(app.reviewStatus);
    case PaymentColumn: return enumDisplayName(app.paymentStatus);
    case HandlingColumn:
        return app.handlingStatus == HandlingStatus::None ? QString() : enumDisplayName(app.handlingStatus);
    case UpdatedColumn:
        return app.updatedAt.isValid() ? QLocale().toString(app.updatedAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))
                                       : QString();
    }
    return {};
}

QStringList ApplicationListModel::possibleTexts(int column)
{
    QStringList texts;
    switch (column) {
    case KindColumn:
        for (ApplicationKind v : enumValues<ApplicationKind>())
            texts << enumDisplayName(v);
        break;
    case ReviewColumn:
        for (ReviewStatus v : enumValues<ReviewStatus>())
            texts << enumDisplayName(v);
        break;
    case PaymentColumn:
        for (PaymentStatus v : enumValues<PaymentStatus>())
            texts << enumDisplayName(v);
        break;
    case HandlingColumn:
        for (HandlingStatus v : enumValues<HandlingStatus>())
            if (v != HandlingStatus::None)
                texts << enumDisplayName(v);
        break;
    default:
        break;
    }
    return texts;
}

QVariant ApplicationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn: return tr("No.");
    case UnitColumn: return tr("Unit name");
    case KindColumn: return tr("Application type");
    case QuantityColumn: return tr("Keys");
    case FeeColumn: return tr("Fee");
    case ReviewColumn: return tr("Review status");
    case PaymentColumn: return tr("Payment status");
    case HandlingColumn: return tr("Handling status");
    case UpdatedColumn: return tr("Updated");
    }
    return {};
}

} // namespace ca::ui
