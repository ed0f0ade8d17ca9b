#include "ProjectSnapshot.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

#include <algorithm>
#include <iterator>
#include <utility>

namespace newscoder::test {

namespace {

QString render(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (value.typeId() == QMetaType::QByteArray)
        return QStringLiteral("x'%1'").arg(QString::fromLatin1(value.toByteArray().toHex()));
    if (value.typeId() == QMetaType::QString)
        return u'\'' + value.toString() + u'\'';
    return value.toString();
}

} // namespace

ProjectSnapshot ProjectSnapshot::take(const QString &path)
{
    ProjectSnapshot snapshot;
    const QString name = QStringLiteral("snapshot-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            snapshot.m_error = QStringLiteral("cannot open: ") + db.lastError().text();
        } else {
            QSqlQuery q(db);
            QStringList tables;
            if (q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                      "'sqlite_%' ORDER BY name"))) {
                while (q.next())
                    tables << q.value(0).toString();
            } else {
                snapshot.m_error = q.lastError().text();
            }
            q.finish();
            for (const QString &table : tables) {
                QStringList rows;
                if (!q.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table))) {
                    snapshot.m_error = table + QStringLiteral(": ") + q.lastError().text();
                    break;
                }
                while (q.next()) {
                    const QSqlRecord record = q.record();
                    QStringList cells;
                    for (int i = 0; i < record.count(); ++i)
                        cells << record.fieldName(i) + u'=' + render(record.value(i));
                    rows << cells.join(QStringLiteral(" | "));
                }
                q.finish();
                std::sort(rows.begin(), rows.end());
                snapshot.m_rows.insert(table, rows);
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return snapshot;
}

qsizetype ProjectSnapshot::rowCount() const
{
    qsizetype n = 0;
    for (const QStringList &rows : m_rows)
        n += rows.size();
    return n;
}

QString ProjectSnapshot::diff(const ProjectSnapshot &expected, const ProjectSnapshot &actual, int maxLines)
{
    QStringList lines;
    if (expected.m_error != actual.m_error)
        lines << QStringLiteral("error: '%1' != '%2'").arg(expected.m_error, actual.m_error);
    QStringList tables = expected.m_rows.keys() + actual.m_rows.keys();
    tables.removeDuplicates();
    std::sort(tables.begin(), tables.end());
    int omitted = 0;
    for (const QString &table : tables) {
        if (!expected.m_rows.contains(table) || !actual.m_rows.contains(table)) {
            lines << QStringLiteral("table %1 only in the %2 snapshot")
                         .arg(table, expected.m_rows.contains(table) ? QStringLiteral("expected")
                                                                     : QStringLiteral("actual"));
            continue;
        }
        const QStringList &a = expected.m_rows[table];
        const QStringList &b = actual.m_rows[table];
        if (a == b)
            continue;
        QStringList onlyA, onlyB;
        std::set_difference(a.cbegin(), a.cend(), b.cbegin(), b.cend(), std::back_inserter(onlyA));
        std::set_difference(b.cbegin(), b.cend(), a.cbegin(), a.cend(), std::back_inserter(onlyB));
        lines << QStringLiteral("table %1: %2 rows expected, %3 actual").arg(table).arg(a.size()).arg(b.size());
        for (const QString &row : std::as_const(onlyA)) {
            if (lines.size() < maxLines)
                lines << QStringLiteral("  - ") + row;
            else
                ++omitted;
        }
        for (const QString &row : std::as_const(onlyB)) {
            if (lines.size() < maxLines)
                lines << QStringLiteral("  + ") + row;
            else
                ++omitted;
        }
    }
    if (omitted > 0)
        lines << QStringLiteral("… %1 more differing rows").arg(omitted);
    return lines.join(u'\n');
}

} // namespace newscoder::test
