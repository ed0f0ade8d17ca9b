// The pre-flight / import report of a REFI-QDA file.
#include "refi/RefiImport.h"

#include <QJsonArray>

namespace newscoder::refi {

QJsonObject countsJson(const RefiCounts &c)
{
    return {{QStringLiteral("sources"), c.sources},   {QStringLiteral("codes"), c.codes},
            {QStringLiteral("selections"), c.selections}, {QStringLiteral("users"), c.users},
            {QStringLiteral("notes"), c.notes},       {QStringLiteral("cases"), c.cases},
            {QStringLiteral("variables"), c.variables}};
}

QJsonObject importReportJson(const ImportPlan &plan)
{
    QJsonObject report = countsJson(plan.inFile);
    report.insert(QStringLiteral("file"), plan.file);
    report.insert(QStringLiteral("origin"), plan.origin);
    report.insert(QStringLiteral("kind"), plan.codebookOnly ? QStringLiteral("codebook") : QStringLiteral("project"));
    report.insert(QStringLiteral("added"), countsJson(plan.added));
    report.insert(QStringLiteral("already_present"), countsJson(plan.alreadyPresent));
    QJsonArray skipped;
    for (const SkippedItem &s : plan.skipped)
        skipped.append(QJsonObject{{QStringLiteral("item"), s.item}, {QStringLiteral("reason"), s.reason}});
    report.insert(QStringLiteral("skipped"), skipped);
    report.insert(QStringLiteral("reconciled"), QJsonArray::fromStringList(plan.reconciled));
    report.insert(QStringLiteral("coders"), QJsonArray::fromStringList(plan.coders));
    return report;
}

QString importReportText(const ImportPlan &plan)
{
    const auto line = [](const QString &label, const RefiCounts &c) {
        return QStringLiteral("%1: %2 sources, %3 codes, %4 codings, %5 users, %6 notes, %7 cases, %8 variables\n")
            .arg(label)
            .arg(c.sources)
            .arg(c.codes)
            .arg(c.selections)
            .arg(c.users)
            .arg(c.notes)
            .arg(c.cases)
            .arg(c.variables);
    };
    QString text = QStringLiteral("%1 (%2)\n").arg(plan.file.section(u'/', -1),
                                                  plan.origin.isEmpty() ? QStringLiteral("origin not named")
                                                                        : plan.origin);
    text += line(QStringLiteral("In the file"), plan.inFile);
    text += line(QStringLiteral("New to the project"), plan.added);
    text += line(QStringLiteral("Already in the project"), plan.alreadyPresent);
    if (!plan.coders.isEmpty())
        text += QStringLiteral("Coders: %1\n").arg(plan.coders.join(QStringLiteral(", ")));
    for (const QString &r : plan.reconciled)
        text += QStringLiteral("Checked: %1\n").arg(r);
    if (plan.skipped.isEmpty())
        text += QStringLiteral("Nothing skipped.\n");
    for (const SkippedItem &s : plan.skipped)
        text += QStringLiteral("Skipped: %1 — %2\n").arg(s.item, s.reason);
    return text;
}

} // namespace newscoder::refi
