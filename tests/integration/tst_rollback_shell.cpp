// Issue 14: no value is ever pasted into shell text. A `shell:` rollback step runs its line
// verbatim through a real /bin/sh and reads the values from RELEASE_* variables, so a reason of
// "$(touch pwn)", one with a newline and "EOF" inside a here-doc, or one with apostrophes next to
// the here-doc's own apostrophe, arrives as text and runs nothing.
#include "rollback_test_workspace.h"

#include <QSignalSpy>

using namespace cockpit;
using namespace cockpit::rollbacktest;

class TestRollbackShell : public RollbackTestBase {
    Q_OBJECT

    QString readMarker(const QString &suffix = {}) const
    {
        QFile f(m_marker + suffix);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QStringLiteral("<no file>");
    }

    void noPwnAnywhere() const
    {
        for (const QString &dir : {m_ws->root, m_tmp->path(), QDir::currentPath()})
            QVERIFY2(!QFile::exists(QDir(dir).filePath(QStringLiteral("pwn"))), qPrintable(dir));
    }

private slots:
    void hereDocStepGetsTheReasonAsText_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::newRow("command substitution") << QStringLiteral("$(touch pwn)");
        QTest::newRow("backticks") << QStringLiteral("`touch pwn`");
        QTest::newRow("newline and EOF") << QStringLiteral("first\nEOF\ntouch pwn\ncat <<EOF");
        QTest::newRow("apostrophes") << QStringLiteral("it's '$(touch pwn)' \"q\" \\");
        QTest::newRow("expansions") << QStringLiteral("${HOME} $HOME $'\\x41' %s");
    }

    void hereDocStepGetsTheReasonAsText()
    {
        QFETCH(QString, reason);
        // The here-doc's text has an apostrophe of its own (it desynchronised the old quote
        // tracker); its delimiter is unquoted, so the shell expands "$RELEASE_REASON" once.
        setUpWorkspace(
            QStringLiteral("    - name: Write incident note\n"
                           "      shell: |\n"
                           "        cat > MARKER <<EOF\n"
                           "        it's rolled back: $RELEASE_REASON\n"
                           "        to $RELEASE_ROLLBACK_TAG from $RELEASE_VERSION in $RELEASE_ENV\n"
                           "        EOF\n"
                           "    - {name: Record, shell: 'printf %s \"$RELEASE_REASON\" > MARKER.raw'}\n"));
        if (QTest::currentTestFailed())
            return;
        const RollbackRecord record = confirmed(reason);
        QVERIFY(record.id > 0);
        QCOMPARE(record.plan.steps.at(0).shellCommand.contains(QStringLiteral("$RELEASE_REASON")), true);
        QSignalSpy finished(m_service.get(), &RollbackService::finished);
        m_service->run(record.id);
        QVERIFY(finished.wait(30000));
        const auto done = finished.at(0).at(0).value<RollbackRecord>();
        QCOMPARE(done.state, RollbackState::Succeeded);
        noPwnAnywhere();
        QCOMPARE(readMarker(),
            QStringLiteral("it's rolled back: %1\nto v3.6.0 from 3.7.0 in production\n").arg(reason));
        QCOMPARE(readMarker(QStringLiteral(".raw")), reason);
    }

    // run: steps keep per-argument substitution and get the same environment.
    void runStepsSeeTheVariablesToo()
    {
        setUpWorkspace(step(QStringLiteral("Deploy"), {QStringLiteral("{reason}")})
            + QStringLiteral(
                "    - {name: Env, run: [/bin/sh, -c, 'printf %s \"$RELEASE_REASON\" > MARKER']}\n"));
        if (QTest::currentTestFailed())
            return;
        const RollbackRecord record = confirmed(QStringLiteral("$(touch pwn)"));
        QSignalSpy finished(m_service.get(), &RollbackService::finished);
        m_service->run(record.id);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.at(0).at(0).value<RollbackRecord>().state, RollbackState::Succeeded);
        QCOMPARE(invocations(m_log).value(0).value(0), QStringLiteral("$(touch pwn)"));
        QCOMPARE(readMarker(), QStringLiteral("$(touch pwn)"));
        noPwnAnywhere();
    }

    // The same here-doc written the old way is refused when the workspace loads: nothing runs.
    void placeholderInHereDocIsRefusedBeforeAnythingRuns()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        ScratchRepo repo(m_tmp->filePath(QStringLiteral("repo")));
        QFile post(
            QStringLiteral(COCKPIT_SOURCE_DIR "/resources/presets/gated-ga/checklists/post-rollback.md"));
        QVERIFY(post.open(QIODevice::ReadOnly));
        repo.commit(QStringLiteral("initial"),
            {{QStringLiteral(".release-cockpit/policy.yml"),
                 policyYaml(QStringLiteral("    - name: Write incident note\n"
                                           "      shell: |\n"
                                           "        cat > note <<EOF\n"
                                           "        it's rolled back: {reason}\n"
                                           "        EOF\n"),
                     m_base)},
                {QStringLiteral(".release-cockpit/checklists/post-rollback.md"), post.readAll()}});
        QVERIFY2(repo.ok(), qPrintable(repo.error()));
        auto ws = Workspace::load(repo.dir());
        QVERIFY(!ws);
        QCOMPARE(ws.error().code, ErrorCode::BadInput);
        QVERIFY2(ws.error().message.contains(QStringLiteral("use \"$RELEASE_REASON\" instead of {reason}")),
            qPrintable(ws.error().message));
        QCOMPARE(ws.error().location.line, 22);
        QCOMPARE(ws.error().location.column, 27);
    }
};

QTEST_GUILESS_MAIN(TestRollbackShell)
#include "tst_rollback_shell.moc"
