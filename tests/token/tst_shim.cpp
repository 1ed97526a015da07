#include <QtTest>
class tst_shim : public QObject { Q_OBJECT private Q_SLOTS: void placeholder() { QVERIFY(true); } };
QTEST_GUILESS_MAIN(tst_shim)
#include "tst_shim.moc"
