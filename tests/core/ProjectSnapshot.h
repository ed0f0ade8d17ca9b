// The whole content of a project file: every table, every column, every row,
// read through a fresh read-only connection (so only what was committed
// counts). Two snapshots compare equal when the files hold the same data;
// diff() says which rows differ, table by table, for a failing test.
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace newscoder::test {

class ProjectSnapshot
{
public:
    // Reads `path`; on failure the snapshot is empty and error() says why.
    static ProjectSnapshot take(const QString &path);

    QString error() const { return m_error; }
    QStringList tables() const { return m_rows.keys(); }
    // Rows of a table, each rendered "column=value | …" (NULL distinct from ''), sorted.
    QStringList rows(const QString &table) const { return m_rows.value(table); }
    qsizetype rowCount() const;

    friend bool operator==(const ProjectSnapshot &a, const ProjectSnapshot &b)
    {
        return a.m_error == b.m_error && a.m_rows == b.m_rows;
    }

    // Empty when equal; else, per table, the rows only in `expected` ("- ")
    // and only in `actual` ("+ "), at most `maxLines` lines.
    static QString diff(const ProjectSnapshot &expected, const ProjectSnapshot &actual, int maxLines = 40);

private:
    QMap<QString, QStringList> m_rows; // table → sorted rendered rows
    QString m_error;
};

} // namespace newscoder::test

// For QVERIFY2: QVERIFY_SNAPSHOT(expected, actual, "after undo")
#define QVERIFY_SNAPSHOT(expected, actual, what)                                                                   \
    do {                                                                                                           \
        const QString snapshotDiff_ = newscoder::test::ProjectSnapshot::diff((expected), (actual));                \
        QVERIFY2(snapshotDiff_.isEmpty(), qPrintable(QStringLiteral("%1:\n%2").arg(QString::fromUtf8(what),        \
                                                                                  snapshotDiff_)));              \
    } while (false)
