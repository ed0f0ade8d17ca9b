#include "export/CellText.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>

namespace newscoder::exporting {

QString cellText(const QVariant &cell)
{
    if (cell.isNull())
        return {};
    switch (cell.typeId()) {
    case QMetaType::QString:
        return cell.toString();
    case QMetaType::LongLong:
    case QMetaType::Int:
        return QString::number(cell.toLongLong());
    case QMetaType::Double:
        return QString::number(cell.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QMetaType::QDate:
        return cell.toDate().toString(Qt::ISODate);
    case QMetaType::QDateTime:
        return cell.toDateTime().toUTC().toString(Qt::ISODateWithMs);
    default:
        return cell.toString();
    }
}

QString neutraliseFormula(const QString &text)
{
    if (text.isEmpty())
        return text;
    const QChar c = text.front();
    if (c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r')
        return u'\'' + text;
    return text;
}

} // namespace newscoder::exporting
