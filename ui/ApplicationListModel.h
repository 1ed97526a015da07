#pragma once

#include "core/model/Application.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace ca::ui {

// One row of the application list: a server application (possibly with local
// unsynced edits) or a draft that exists only on this computer.
struct ApplicationRow {
    Application app;       // for a local-only draft: parsed from the draft JSON (id empty)
    QString draftId;       // local draft id, when there is one
    bool localOnly = false;     // not on the server yet
    bool localChanges = false;  // a local draft of a server application has unsynced edits

    // The id to open this row with: the server id, or the draft id for a local-only draft.
    QString key() const { return localOnly ? draftId : app.id; }
};

// The list of the "CA 办理" and "CA 支付" pages (columns of seed 000/003):
// 序, 单位名称, 办理类型, CA数量, 费用, 审核状态, 支付状态, 办理状态, 更新时间.
class ApplicationListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NumberColumn, UnitColumn, KindColumn, QuantityColumn, FeeColumn, ReviewColumn, PaymentColumn,
                  HandlingColumn, UpdatedColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1, // QString ApplicationRow::key()
        ReviewStatusRole,           // int(ReviewStatus)
        PaymentStatusRole,          // int(PaymentStatus)
        HandlingStatusRole,         // int(HandlingStatus)
        KindRole,                   // int(ApplicationKind)
        LocalOnlyRole,              // bool
        SearchTextRole,             // QString: everything searchable in one string
    };

    explicit ApplicationListModel(QObject *parent = nullptr);

    // Replaces the rows (server applications merged with local drafts by the caller).
    void setRows(const QList<ApplicationRow> &rows);
    const QList<ApplicationRow> &rows() const { return m_rows; }
    // The row with this key (server id or local draft id), or nullptr.
    const ApplicationRow *find(const QString &key) const;
    int indexOfKey(const QString &key) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Every text a column can show whatever rows are listed (the kinds and statuses, in the current
    // language), empty for free columns: the list makes these columns wide enough for the longest, so a
    // status never shows elided ("审核…") and switching tabs does not make columns jump.
    static QStringList possibleTexts(int column);

private:
    QList<ApplicationRow> m_rows;
};

} // namespace ca::ui
