// Tag rules on real repositories: create, verify, promote (and its conflicts), hotfix branches,
// pushing to a file:// bare remote checked with `git ls-remote`; the message template.
#include "policy_loader.h"
#include "support/scratch_repo.h"
#include "tag_message.h"
#include "tag_service.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;

namespace {

const QString kSection = QStringLiteral("## [1.2.0] - 2024-03-01\n\n### Added\n- Wien Pilot import pipeline "
                                        "(#41)\n- Pack entitlements\n\n### Fixed\n"
                                        "- RLS hardening\n");

Policy testPolicy()
{
    Policy p;
    p.project = QStringLiteral("SOLVEREIGN");
    p.hotfixBranchPattern = QStringLiteral("hotfix/*");
    return p;
}

const Identity kManager {QStringLiteral("rm@example.com"), QStringLiteral("Rel Manager")};

}  // namespace

class TestTagService : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    int m_repos = 0;

    // main: c1 (v1.1.0) - c2 (v1.2.0-rc1) - c3 (v1.2.0-rc2) - c4 (HEAD)
    struct Repo {
        std::unique_ptr<ScratchRepo> git;
        QString c1, c2, c3, c4;
    };
    Repo history()
    {
        Repo r;
        r.git = std::make_unique<ScratchRepo>(m_tmp.filePath(QStringLiteral("repo%1").arg(++m_repos)));
        r.c1 = r.git->commit(QStringLiteral("feat: one"));
        r.git->annotatedTag(QStringLiteral("v1.1.0"), QStringLiteral("Release v1.1.0"));
        r.c2 = r.git->commit(QStringLiteral("feat: two"));
        r.git->annotatedTag(QStringLiteral("v1.2.0-rc1"), QStringLiteral("RC1"));
        r.c3 = r.git->commit(QStringLiteral("fix: three"));
        r.git->annotatedTag(QStringLiteral("v1.2.0-rc2"), QStringLiteral("RC2 - fixed issue #123"));
        r.c4 = r.git->commit(QStringLiteral("chore: four"));
        return r;
    }

private slots:
    void messageTemplate()
    {
        const TagMessageFields f {QStringLiteral("v3.7.0"), QStringLiteral("3.7.0"),
            QStringLiteral("SOLVEREIGN"), changelogSectionBody(kSection), {}};
        QCOMPARE(renderTagMessage({}, f),
            QStringLiteral(
                "Release v3.7.0\n\n### Added\n- Wien Pilot import pipeline (#41)\n- Pack entitlements\n\n"
                "### Fixed\n- RLS hardening\n"));
        // The seed's shape: "Release v3.7.0 - ..." with highlights.
        QCOMPARE(
            renderTagMessage(QStringLiteral("Release {tag} - {project}\n\nHighlights:\n{highlights}\n\nSee "
                                            "CHANGELOG.md for full details."),
                f),
            QStringLiteral("Release v3.7.0 - SOLVEREIGN\n\nHighlights:\n- Wien Pilot import pipeline (#41)\n"
                           "- Pack entitlements\n- RLS hardening\n\nSee CHANGELOG.md for full details.\n"));
        // Empty placeholders leave no runs of blank lines; a promotion says where it came from.
        TagMessageFields empty = f;
        empty.changelog.clear();
        empty.promotedFrom = QStringLiteral("v3.7.0-rc2");
        QCOMPARE(renderTagMessage(QStringLiteral("Release {tag}\n\n{changelog}\n\n\nEnd  "), empty),
            QStringLiteral("Release v3.7.0\n\nEnd\n\nPromoted from v3.7.0-rc2.\n"));
        QCOMPARE(renderTagMessage(QStringLiteral("{tag} ({promoted_from})"), empty),
            QStringLiteral("v3.7.0 (v3.7.0-rc2)\n"));
        // A value containing a placeholder is not expanded again.
        TagMessageFields tricky = f;
        tricky.changelog = QStringLiteral("- literal {tag}");
        QCOMPARE(
            renderTagMessage(QStringLiteral("{changelog}"), tricky), QStringLiteral("- literal {tag}\n"));
        QCOMPARE(unknownTagMessagePlaceholders(QStringLiteral("{tag} {changlog} {tag}")),
            QStringList {QStringLiteral("{changlog}")});
    }

    void policyReadsTagMessage()
    {
        const QByteArray base
            = "project: X\nroles: {release_manager: [rm@example.com]}\nrelease_types: {patch: {}}\n";
        auto ok = parsePolicy(
            base + "tag_message: \"Release {tag}\\n\\n{highlights}\"\n", QStringLiteral("policy.yml"));
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().toString()));
        QCOMPARE(ok->tagMessage, QStringLiteral("Release {tag}\n\n{highlights}"));
        auto bad = parsePolicy(base + "tag_message: \"Release {tga}\"\n", QStringLiteral("policy.yml"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().location.line, 4);
        QVERIFY2(bad.error().message.contains(QLatin1String("{tga}")), qPrintable(bad.error().message));
    }

    void createWritesAnnotatedTagWithTaggerAndTemplate()
    {
        Repo r = history();
        QVERIFY2(r.git->ok(), qPrintable(r.git->error()));
        TagService tags(r.git->dir(), testPolicy(), kManager);
        auto plan = tags.planRelease(QStringLiteral("1.3.0"), r.c3, kSection);
        QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().toString()));
        QCOMPARE(plan->tagName, QStringLiteral("v1.3.0"));
        QCOMPARE(plan->commit, r.c3);
        QVERIFY(plan->message.startsWith(QLatin1String("Release v1.3.0\n\n### Added\n- Wien Pilot")));
        QVERIFY(!plan->alreadyDone);
        QVERIFY(r.git->git({QStringLiteral("tag"), QStringLiteral("-l"), QStringLiteral("v1.3.0")})
                    .isEmpty());  // no write yet

        auto tag = tags.apply(*plan);
        QVERIFY(tag);
        QVERIFY(tag->annotated);
        const QString raw
            = r.git->git({QStringLiteral("cat-file"), QStringLiteral("-p"), QStringLiteral("v1.3.0")});
        QVERIFY2(raw.contains(
                     QStringLiteral("object %1\ntype commit\ntag v1.3.0\ntagger Rel Manager <rm@example.com>")
                         .arg(r.c3)),
            qPrintable(raw));
        QVERIFY(raw.endsWith(QLatin1String(
            "\n\nRelease v1.3.0\n\n### Added\n- Wien Pilot import pipeline (#41)\n- Pack entitlements\n\n"
            "### Fixed\n- RLS hardening")));

        // Again on the same commit: nothing to do. On another commit: a conflict naming the tag.
        auto again = tags.planRelease(QStringLiteral("1.3.0"), r.c3, kSection);
        QVERIFY(again && again->alreadyDone);
        QVERIFY(tags.apply(*again));
        auto elsewhere = tags.createReleaseTag(QStringLiteral("1.3.0"), r.c4, kSection);
        QVERIFY(!elsewhere);
        QCOMPARE(elsewhere.error().code, ErrorCode::Conflict);
        QVERIFY(elsewhere.error().message.contains(QLatin1String("v1.3.0")));

        auto explicitMsg = tags.createReleaseTag(
            QStringLiteral("1.4.0"), {}, kSection, QStringLiteral("Hotfix: login  \n\n"));
        QVERIFY(explicitMsg);
        QCOMPARE(explicitMsg->message, QStringLiteral("Hotfix: login\n"));
        QCOMPARE(explicitMsg->targetSha, r.c4);  // HEAD by default
        auto badVersion = tags.planRelease(QStringLiteral("1.4"), {}, {});
        QVERIFY(!badVersion);
        QCOMPARE(badVersion.error().code, ErrorCode::Usage);
        auto badRef = tags.planRelease(QStringLiteral("1.5.0"), QStringLiteral("nope"), {});
        QVERIFY(!badRef);
        QVERIFY(badRef.error().message.contains(QLatin1String("nope")));
    }

    void verifyReportsEachProblem()
    {
        Repo r = history();
        r.git->tag(QStringLiteral("v1.0.0"), r.c1);  // lightweight
        QVERIFY2(r.git->ok(), qPrintable(r.git->error()));
        TagService tags(r.git->dir(), testPolicy(), kManager);

        auto good = tags.verify(QStringLiteral("1.2.0-rc2"), r.c3, QStringLiteral("issue #123"));
        QVERIFY(good);
        QVERIFY2(good->ok(), qPrintable(good->problems.join(QLatin1Char('\n'))));
        QCOMPARE(good->target, r.c3);
        QCOMPARE(good->expectedTarget, r.c3);
        QVERIFY(good->evidence().contains(QLatin1String("annotated")));

        auto missing = tags.verify(QStringLiteral("9.0.0"));
        QVERIFY(missing && !missing->ok() && !missing->exists);
        QCOMPARE(missing->problems, QStringList {QStringLiteral("tag v9.0.0 does not exist")});

        auto light = tags.verify(QStringLiteral("1.0.0"));
        QVERIFY(light && light->exists && !light->annotated && !light->ok());
        QVERIFY(light->problems.first().contains(QLatin1String("lightweight")));

        auto wrong = tags.verify(QStringLiteral("1.2.0-rc2"), QStringLiteral("HEAD"), QStringLiteral("nope"));
        QVERIFY(wrong && !wrong->ok());
        QCOMPARE(wrong->problems.size(), 2);
        QVERIFY(
            wrong->problems.at(0).contains(r.c3.left(12)) && wrong->problems.at(0).contains(r.c4.left(12)));
        QVERIFY(wrong->problems.at(1).contains(QLatin1String("nope")));

        auto unresolvable = tags.verify(QStringLiteral("1.2.0-rc2"), QStringLiteral("deadbeef"));
        QVERIFY(!unresolvable);
        QVERIFY(unresolvable.error().message.contains(QLatin1String("deadbeef")));
    }

    void promoteTagsTheRcCommit()
    {
        Repo r = history();
        QVERIFY2(r.git->ok(), qPrintable(r.git->error()));
        TagService tags(r.git->dir(), testPolicy(), kManager);

        auto older = tags.planPromotion(QStringLiteral("1.2.0-rc1"), kSection);
        QVERIFY(older);
        QCOMPARE(older->commit, r.c2);
        QCOMPARE(older->warnings.size(), 1);  // rc2 would be left out
        QVERIFY(older->warnings.first().contains(QLatin1String("v1.2.0-rc2")));

        auto ga = tags.promote(QStringLiteral("1.2.0-rc2"), kSection);
        QVERIFY2(ga, qPrintable(ga ? QString() : ga.error().toString()));
        QCOMPARE(ga->name, QStringLiteral("v1.2.0"));
        QCOMPARE(ga->targetSha, r.c3);
        QVERIFY(ga->message.startsWith(QLatin1String("Release v1.2.0\n")));
        QVERIFY(ga->message.endsWith(QLatin1String("Promoted from v1.2.0-rc2.\n")));
        QCOMPARE(r.git->git({QStringLiteral("rev-parse"), QStringLiteral("v1.2.0^{commit}")}), r.c3);

        // Idempotent on the same commit; refused when the GA tag sits on another commit.
        auto twice = tags.planPromotion(QStringLiteral("1.2.0-rc2"), kSection);
        QVERIFY(twice && twice->alreadyDone);
        auto conflict = tags.promote(QStringLiteral("1.2.0-rc1"), kSection);
        QVERIFY(!conflict);
        QCOMPARE(conflict.error().code, ErrorCode::Conflict);
        QVERIFY(conflict.error().message.contains(QLatin1String("v1.2.0")));
        QCOMPARE(
            r.git->git({QStringLiteral("rev-parse"), QStringLiteral("v1.2.0^{commit}")}), r.c3);  // untouched

        auto notRc = tags.promote(QStringLiteral("1.1.0"), {});
        QVERIFY(!notRc);
        QCOMPARE(notRc.error().code, ErrorCode::Usage);
        auto noRc = tags.promote(QStringLiteral("1.3.0-rc1"), {});
        QVERIFY(!noRc);
        QCOMPARE(noRc.error().code, ErrorCode::NotFound);
        QVERIFY(noRc.error().message.contains(QLatin1String("v1.3.0-rc1")));
    }

    void hotfixBranchFromTag()
    {
        Repo r = history();
        QVERIFY2(r.git->ok(), qPrintable(r.git->error()));
        TagService tags(r.git->dir(), testPolicy(), kManager);
        auto branch = tags.createHotfixBranch(QStringLiteral("1.1.0"));
        QVERIFY2(branch, qPrintable(branch ? QString() : branch.error().toString()));
        QCOMPARE(*branch, QStringLiteral("hotfix/v1.1.1"));
        QCOMPARE(r.git->git({QStringLiteral("rev-parse"), QStringLiteral("refs/heads/hotfix/v1.1.1")}), r.c1);
        QCOMPARE(tags.createHotfixBranch(QStringLiteral("1.1.0")).value_or(QString()),
            QStringLiteral("hotfix/v1.1.1"));
        auto clash = tags.createHotfixBranch(QStringLiteral("1.2.0-rc1"), QStringLiteral("hotfix/v1.1.1"));
        QVERIFY(!clash);
        QCOMPARE(clash.error().code, ErrorCode::Conflict);
        auto noTag = tags.createHotfixBranch(QStringLiteral("0.9.0"));
        QVERIFY(!noTag);
        QCOMPARE(noTag.error().code, ErrorCode::NotFound);
        Policy plain = testPolicy();
        plain.hotfixBranchPattern.clear();
        QCOMPARE(TagService(r.git->dir(), plain, kManager).defaultHotfixBranch(SemVer(3, 7, 0)),
            QStringLiteral("hotfix/v3.7.1"));
    }

    void pushToFileRemote()
    {
        Repo r = history();
        ScratchRepo bare(m_tmp.filePath(QStringLiteral("remote%1.git").arg(m_repos)), true);
        r.git->git({QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"), bare.url()});
        QVERIFY2(r.git->ok() && bare.ok(), qPrintable(r.git->error() + bare.error()));
        TagService tags(r.git->dir(), testPolicy(), kManager);
        QVERIFY(tags.promote(QStringLiteral("1.2.0-rc2"), kSection));
        auto pushed = tags.push(QStringLiteral("origin"), QStringLiteral("v1.2.0"));
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().toString()));
        const QString remoteRefs = r.git->git({QStringLiteral("ls-remote"), QStringLiteral("origin")});
        const QString tagObject = r.git->git({QStringLiteral("rev-parse"), QStringLiteral("v1.2.0")});
        QVERIFY2(
            remoteRefs.contains(tagObject + QStringLiteral("\trefs/tags/v1.2.0\n")), qPrintable(remoteRefs));
        QVERIFY(remoteRefs.contains(r.c3 + QStringLiteral("\trefs/tags/v1.2.0^{}")));
        QVERIFY(!remoteRefs.contains(QLatin1String("v1.1.0")));  // only the one tag

        // A URL works as well as a remote name; unknown names and tags are errors naming them.
        QVERIFY(tags.push(bare.url(), QStringLiteral("v1.1.0")));
        QVERIFY(bare.git({QStringLiteral("tag"), QStringLiteral("-l")}).contains(QLatin1String("v1.1.0")));
        auto noRemote = tags.push(QStringLiteral("upstream"), QStringLiteral("v1.2.0"));
        QVERIFY(!noRemote);
        QVERIFY(noRemote.error().message.contains(QLatin1String("upstream")));
        auto noTag = tags.push(QStringLiteral("origin"), QStringLiteral("v7.0.0"));
        QVERIFY(!noTag);
        QCOMPARE(noTag.error().code, ErrorCode::NotFound);

        // The remote already has v1.2.0 on another object: the push is refused, not forced.
        r.git->git({QStringLiteral("tag"), QStringLiteral("-d"), QStringLiteral("v1.2.0")});
        QVERIFY(tags.createReleaseTag(QStringLiteral("1.2.0"), r.c4, kSection));
        auto refused = tags.push(QStringLiteral("origin"), QStringLiteral("v1.2.0"));
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QLatin1String("v1.2.0")));
        QVERIFY(r.git->git({QStringLiteral("ls-remote"), QStringLiteral("origin")}).contains(tagObject));
    }
};

QTEST_GUILESS_MAIN(TestTagService)
#include "tst_tag_service.moc"
