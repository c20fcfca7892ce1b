#pragma once
// Helpers for the store's integration tests: await a future without blocking the event loop, and
// build a checklist from Markdown the way a workspace would.
#include "checklist_parser.h"
#include "store.h"

#include <QTest>
#include <memory>

// QTRY_* spins the event loop, so queued signals keep arriving while we wait.
#define COCKPIT_AWAIT(future) QTRY_VERIFY_WITH_TIMEOUT((future).isFinished(), 30000)

namespace cockpit::test {

// Failure text for QVERIFY2 (evaluated even when the check passes, so it must not touch error()).
template <typename R> QByteArray why(const R &result)
{
    return result ? QByteArray() : result.error().toString().toUtf8();
}

// A store opened on url, waited for with the event loop running; nullptr (and a warning naming
// why) when it cannot be opened.
inline std::unique_ptr<Store> openedStore(const QString &url)
{
    auto store = std::make_unique<Store>();
    auto opened = store->open(url);
    while (!opened.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (!opened.result())
        qWarning() << opened.result().error().toString();
    return opened.result() ? std::move(store) : nullptr;
}

inline QByteArray sampleMarkdown(int items)
{
    QByteArray md = "# Pre-release\n\n## Code\n\n";
    for (int i = 1; i <= items; ++i)
        md += "- [ ] Step " + QByteArray::number(i) + " is done\n";
    return md;
}

inline Checklist sampleChecklist(int items = 4)
{
    Checklist list;
    if (auto pre
        = parseChecklist(sampleMarkdown(items), QStringLiteral("pre-release"), QStringLiteral("pre.md")))
        list.phases.append(*pre);
    const QByteArray post = "# Post-release\n\n- [ ] Health checks green\n- [ ] Announce the release\n";
    if (auto phase = parseChecklist(post, QStringLiteral("post-release"), QStringLiteral("post.md")))
        list.phases.append(*phase);
    return list;
}

inline ReleaseRecord sampleRelease(const QString &version)
{
    ReleaseRecord r;
    r.version = version;
    r.type = QStringLiteral("minor");
    r.commit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    r.commitPinned = true;
    r.branch = QStringLiteral("release/3.7");
    r.targetDate = QDate(2024, 6, 3);
    return r;
}

inline ChecklistItem itemWithState(
    const QString &key, ItemState state, const QString &note = {}, const QString &naReason = {})
{
    ChecklistItem item;
    item.key = key;
    item.state = state;
    item.note = note;
    item.naReason = naReason;
    return item;
}

}  // namespace cockpit::test
