// What a merge compares: a project read as merge units, each with a
// fingerprint of its content. A unit is an annotation with its field values
// ("a:ID"), one coder's variables of one article ("v:ARTICLE:CODER"), an
// actor ("r:ID") or an article's text ("t:ID"). Two units with the same key
// and fingerprint hold the same content; timestamps are not content.
#pragma once

#include "model/Actor.h"
#include "model/Annotation.h"
#include "storage/ProjectReader.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QUuid>

#include <algorithm>
#include <functional>
#include <memory>

namespace newscoder::study {

// Progress of a merge over its units (annotations read, then compared):
// `report(done, total)` is called every few hundred units and at the end of
// each stage; it returns false to cancel. Planning checks cancelled() and
// stops with nothing planned.
class MergeProgress
{
public:
    using Report = std::function<bool(qint64 done, qint64 total)>;
    MergeProgress() = default;
    explicit MergeProgress(Report report) : m_report(std::move(report)) {}

    void addToTotal(qint64 units) { m_total += units; }
    // One unit done; false once cancelled.
    bool step()
    {
        ++m_done;
        if (m_report && !m_cancelled && (m_done % 512 == 0 || m_done == m_total))
            m_cancelled = !m_report(std::min(m_done, m_total), m_total);
        return !m_cancelled;
    }
    // Reports where it is now (a stage's end); false once cancelled.
    bool check()
    {
        if (m_report && !m_cancelled)
            m_cancelled = !m_report(std::min(m_done, m_total), m_total);
        return !m_cancelled;
    }
    bool cancelled() const { return m_cancelled; }
    qint64 done() const { return m_done; }
    qint64 total() const { return m_total; }

private:
    Report m_report;
    qint64 m_done = 0;
    qint64 m_total = 0;
    bool m_cancelled = false;
};

struct MergeUnit
{
    enum class Kind { Annotation, Variables, Actor, Text };
    Kind kind = Kind::Annotation;
    Annotation annotation;       // Annotation
    QList<StoredValue> values;   // Annotation (values it owns), Variables
    QUuid documentId;            // Annotation, Variables, Text
    QUuid coderId;               // Variables
    QString textFingerprint;     // Text

    // Actor units only; held apart so the half million annotation units of a
    // large project do not each carry an empty actor (184 of 440 bytes).
    const Actor &actor() const
    {
        static const Actor none;
        return m_actor ? *m_actor : none;
    }
    void setActor(Actor actor) { m_actor = std::make_shared<const Actor>(std::move(actor)); }

private:
    std::shared_ptr<const Actor> m_actor;
};

struct MergeUnits
{
    // The frame (texts, actors) and, while planning, one batch of articles'
    // annotations and variables (readArticleUnits).
    QHash<QString, MergeUnit> units;
    QSet<QUuid> annotations; // every annotation's id (for links across batches)
    QHash<QUuid, Coder> coders;
    QSet<QUuid> codes;
    QHash<QUuid, QString> codeNames;
    QSet<QUuid> fields;
    QSet<QUuid> documents;
    QUuid projectId;
    QString packageId;  // set in a coder package
    QUuid packageCoder; // the package's coder
};

QString annotationUnitKey(const QUuid &id);
QString variablesUnitKey(const QUuid &documentId, const QUuid &coderId);
QString actorUnitKey(const QUuid &id);
QString textUnitKey(const QUuid &documentId);

// Reads a project's frame: coders, codebook, articles with their text
// units, actors and every annotation's id — all but the annotation and
// variables units, whose memory grows with the corpus. Throws StoreError.
MergeUnits readMergeFrame(const ProjectReader &store);

// Adds the annotation units (with their values) and variables units of
// these articles (a few bulk queries), one progress step per annotation;
// returns the keys added. Throws StoreError.
QStringList readArticleUnits(const ProjectReader &store, const QList<QUuid> &documents, MergeUnits &into,
                             MergeProgress *progress = nullptr);

// Articles per batch when a merge reads units article by article.
inline constexpr qsizetype MergeBatchArticles = 250;

// Every unit's fingerprint, read batch by batch (a package's base).
QHash<QString, QString> mergeFingerprints(const ProjectReader &store);

// The unit's content as a hex SHA-1 (values sorted; ids as stored).
QString fingerprint(const MergeUnit &unit);

// Every unit's fingerprint, by key.
QHash<QString, QString> fingerprints(const MergeUnits &units);

// Settings a coder package carries (meta "setting.NAME").
inline const QString PackageIdSetting = QStringLiteral("package_id");
inline const QString PackageCoderSetting = QStringLiteral("package_coder");

} // namespace newscoder::study
