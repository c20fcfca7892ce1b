// Issue 15: two judgements of the same canary phase at once must move it once. Found in live use
// against a real Prometheus: the window's canary strip judged phase 1 twice at start-up (a refresh
// while the first judgement ran); the first advanced it to 50%, the second, decided on phase 1's
// passed analysis, then "advanced" phase 2 whose one-hour window had just begun, and the canary
// completed at 100% within 70 ms. An automatic move is now bound to the events it was decided on
// (CanaryRequest::seenEvents); a move decided on an older state is refused and does nothing.
#include "session.h"
#include "support/scratch_repo.h"
#include "support/store_test_support.h"

#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace cockpit;
using cockpit::test::why;

namespace {

const Identity kAlice {QStringLiteral("alice@example.com"), QStringLiteral("Alice")};

const QByteArray kPolicy = "project: T\n"
                           "tag_format: \"v{version}\"\n"
                           "roles: {release_manager: [alice@example.com]}\n"
                           "release_types: {minor: {}}\n"
                           "environments:\n"
                           "  production: {base_url: 'http://127.0.0.1:9'}\n"
                           "canary:\n"
                           "  environment: production\n"
                           "  release_types: [minor]\n"
                           "  phases:\n"
                           "    - name: Ten\n"
                           "      traffic: 10\n"
                           "      duration: 1h\n"
                           "      checks: [{name: Error rate, query: 'errors', max: 5, interval: 10m}]\n"
                           "    - name: Fifty\n"
                           "      traffic: 50\n"
                           "      duration: 1h\n"
                           "      checks: [{name: Error rate, query: 'errors', max: 5, interval: 10m}]\n"
                           "    - {name: All, traffic: 100}\n";

}  // namespace

class TestCanaryRace : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<Store> m_store;
    std::optional<Workspace> m_ws;

    Session::CanaryView view()
    {
        auto v = Session::canaryView(m_store.get(), *m_ws, QStringLiteral("1.0.0"));
        if (!v)
            qFatal("%s", qPrintable(v.error().toString()));
        return *v;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        ScratchRepo repo(m_tmp.filePath(QStringLiteral("repo")));
        repo.commit(QStringLiteral("fix: initial"), {{QStringLiteral(".release-cockpit/policy.yml"), kPolicy}});
        QVERIFY2(repo.ok(), qPrintable(repo.error()));
        auto ws = Workspace::load(repo.dir());
        QVERIFY2(ws, why(ws).constData());
        m_ws = *ws;
        m_store = std::make_unique<Store>();
        auto opened = m_store->open(m_tmp.filePath(QStringLiteral("cockpit.sqlite")));
        COCKPIT_AWAIT(opened);
        QVERIFY2(opened.result(), why(opened.result()).constData());
        ReleaseRecord record = test::sampleRelease(QStringLiteral("1.0.0"));
        record.commit = repo.head().trimmed();
        auto created = m_store->createRelease(record, Checklist {}, kAlice.id);
        COCKPIT_AWAIT(created);
        QVERIFY2(created.result(), why(created.result()).constData());
        // The canary started two hours ago: phase 1's one-hour window is over.
        const QDateTime started = QDateTime::currentDateTimeUtc().addSecs(-2 * 3600);
        m_store->setClock([started] { return started; });
        int seq = 0;
        for (const auto &[kind, percent] : {std::pair {CanaryEventKind::Start, 0}, std::pair {CanaryEventKind::Traffic, 10}}) {
            CanaryEvent e;
            e.version = record.version;
            e.seq = ++seq;
            e.kind = kind;
            e.percent = percent;
            e.actor = kAlice.id;
            auto stored = m_store->appendCanaryEvent(e, QStringLiteral("production"));
            COCKPIT_AWAIT(stored);
            QVERIFY2(stored.result(), why(stored.result()).constData());
        }
        m_store->setClock([] { return QDateTime::currentDateTimeUtc(); });
    }

    void twoJudgementsOfOnePhaseMoveItOnce()
    {
        const Session::CanaryView judged = view();
        QCOMPARE(judged.status.phase, 0);
        QCOMPARE(judged.status.state, CanaryState::Running);
        SoakEvaluation passed;
        passed.verdict = SoakVerdict::Pass;
        passed.start = judged.status.phaseStartedAt;
        passed.end = *judged.status.phaseEndsAt;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // Both decided on the same events, phase 1 passed and over; they act one after the other.
        auto first = Session::actOnCanary(m_store.get(), *m_ws, kAlice, judged, passed, false, now);
        QVERIFY2(first, why(first).constData());
        QCOMPARE(first->decision->next, CanaryNext::Advance);
        QCOMPARE(first->status.phase, 1);
        QCOMPARE(first->status.percent, 50);
        auto second = Session::actOnCanary(m_store.get(), *m_ws, kAlice, judged, passed, false, now);
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::Conflict);
        QVERIFY2(second.error().message.contains(QStringLiteral("moved since this was decided")),
            qPrintable(second.error().message));
        // Still phase 2 at 50%, its window just begun: nothing recorded for it.
        const Session::CanaryView after = view();
        QCOMPARE(after.status.state, CanaryState::Running);
        QCOMPARE(after.status.phase, 1);
        QCOMPARE(after.status.percent, 50);
        QCOMPARE(after.events.size(), first->events.size());
        QCOMPARE(after.status.steps.at(1).verdict, QString());
    }

    // The same race on pool threads, as two cockpits or a doubled strip would run it: however the
    // two interleave, phase 2 is never advanced by a judgement of phase 1.
    void concurrentJudgementsNeverSkipAPhase()
    {
        const Session::CanaryView judged = view();  // phase 2, which a person moved on early below
        QCOMPARE(judged.status.phase, 1);
        Session::CanaryRequest early {QStringLiteral("1.0.0"), Session::CanaryAction::Advance,
            QStringLiteral("seen enough"), false, {}, {}, int(judged.events.size())};
        SoakEvaluation passed;
        passed.verdict = SoakVerdict::Pass;
        const QDateTime later = judged.status.phaseEndsAt->addSecs(60);  // as if its window were over
        auto a = QtConcurrent::run([&] { return Session::actOnCanary(m_store.get(), *m_ws, kAlice, judged, passed, false, later); });
        auto b = QtConcurrent::run([&] { return Session::actOnCanary(m_store.get(), *m_ws, kAlice, judged, passed, false, later); });
        a.waitForFinished();
        b.waitForFinished();
        QCOMPARE(int(a.result().has_value()) + int(b.result().has_value()), 1);  // one moved, one was refused
        const Session::CanaryView after = view();
        QCOMPARE(after.status.phase, 2);  // exactly one phase on
        QCOMPARE(after.status.percent, 100);
        // A person's move decided on what they saw before is refused as well.
        auto stale = Session::applyCanaryAction(m_store.get(), *m_ws, kAlice, early);
        QVERIFY(!stale);
        QCOMPARE(stale.error().code, ErrorCode::Conflict);
    }
};

QTEST_GUILESS_MAIN(TestCanaryRace)
#include "tst_canary_race.moc"
