#include "policy_loader.h"

#include "policy_inputs.h"
#include "policy_sections.h"
#include "shell_variables.h"
#include "tag_message.h"

#include <QRegularExpression>
#include <QUrl>

namespace cockpit {

namespace {

const QStringList kTopLevelKeys {
    QStringLiteral("project"),
    QStringLiteral("tag_format"),
    QStringLiteral("tag_message"),
    QStringLiteral("changelog"),
    QStringLiteral("roles"),
    QStringLiteral("single_operator"),
    QStringLiteral("release_types"),
    QStringLiteral("hotfix_branch"),
    QStringLiteral("prerelease_labels"),
    QStringLiteral("code_freeze"),
    QStringLiteral("code_freeze_allows"),
    QStringLiteral("override_roles"),
    QStringLiteral("before_deployment"),
    QStringLiteral("release_notes"),
    QStringLiteral("trains"),
    QStringLiteral("calendar"),
    QStringLiteral("environments"),
    QStringLiteral("promotion"),
    QStringLiteral("freeze_windows"),
    QStringLiteral("verify_timeout"),
    QStringLiteral("prometheus"),
    QStringLiteral("soak"),
    QStringLiteral("gates"),
    QStringLiteral("rollback"),
    QStringLiteral("canary"),
    QStringLiteral("notifications"),
    QStringLiteral("metrics"),
    QStringLiteral("evidence"),
    QStringLiteral("signoff"),
    QStringLiteral("tags"),
};

// Template names become file names (.release-cockpit/checklists/NAME.md): no paths, no dots first.
const QRegularExpression kChecklistName(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]*$"));

void requireVersionPlaceholder(PolicyReader &reader, const MapView &view, const QString &key)
{
    if (view.has(key) && !view.string(key).contains(QStringLiteral("{version}")))
        reader.expected(view.get(key), view.childPath(key), QStringLiteral("a format containing {version}"));
}

void readChangelog(PolicyReader &reader, const MapView &root, Policy &policy)
{
    if (!root.has(QStringLiteral("changelog")))
        return;
    const MapView view = reader.map(root.get(QStringLiteral("changelog")), QStringLiteral("changelog"),
        {QStringLiteral("path"), QStringLiteral("format"), QStringLiteral("extra_sections"),
            QStringLiteral("exempt_types")});
    policy.changelogPath = view.string(QStringLiteral("path"), policy.changelogPath);
    policy.changelogFormat = view.string(QStringLiteral("format"), policy.changelogFormat);
    if (policy.changelogFormat != u"keep-a-changelog")
        reader.expected(view.get(QStringLiteral("format")), view.childPath(QStringLiteral("format")),
            QStringLiteral("keep-a-changelog"));
    policy.changelogExtraSections = view.strings(QStringLiteral("extra_sections"));
    policy.changelogExemptTypes = view.strings(QStringLiteral("exempt_types"));
}

void readRoles(PolicyReader &reader, const MapView &root, Policy &policy)
{
    const MapView roles = reader.map(root.require(QStringLiteral("roles")), QStringLiteral("roles"), {});
    for (const QString &role : roles.keys()) {
        const YAML::Node value = roles.get(role);
        const QString path = roles.childPath(role);
        if (value.IsMap()) {  // {people: [...], description: ...}
            const MapView view
                = reader.map(value, path, {QStringLiteral("people"), QStringLiteral("description")});
            policy.roles.insert(role, view.strings(QStringLiteral("people")));
            policy.roleDescriptions.insert(role, view.string(QStringLiteral("description")));
        } else if (value.IsSequence()) {
            policy.roles.insert(role, reader.strings(value, path));
        } else {
            reader.expected(
                value, path, QStringLiteral("a list of person ids or {people: [...], description: ...}"));
        }
    }
}

QStringList readChecklistNames(PolicyReader &reader, const MapView &view)
{
    const QStringList names = view.strings(QStringLiteral("checklists"));
    const QString path = view.childPath(QStringLiteral("checklists"));
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (!kChecklistName.match(names.at(i)).hasMatch())
            reader.expected(view.item(QStringLiteral("checklists"), i),
                QStringLiteral("%1[%2]").arg(path).arg(i),
                QStringLiteral("a template name like pre-release (no path, no .md)"));
    }
    return names;
}

void readReleaseTypes(PolicyReader &reader, const MapView &root, Policy &policy)
{
    const MapView types
        = reader.map(root.require(QStringLiteral("release_types")), QStringLiteral("release_types"), {});
    for (const QString &name : types.keys()) {
        const MapView view = reader.map(types.get(name), types.childPath(name),
            {QStringLiteral("approvals"), QStringLiteral("rollback_window"), QStringLiteral("checklists"),
                QStringLiteral("cadence"), QStringLiteral("description"), QStringLiteral("requirements"),
                QStringLiteral("notice"), QStringLiteral("canary")});
        ReleaseTypePolicy type;
        type.name = name;
        if (view.has(QStringLiteral("approvals")))
            type.approvals = readApprovals(reader, view.get(QStringLiteral("approvals")),
                view.childPath(QStringLiteral("approvals")), policy);
        type.rollbackWindow
            = view.duration(QStringLiteral("rollback_window")).value_or(std::chrono::seconds(0));
        type.checklists = readChecklistNames(reader, view);
        type.cadence = view.string(QStringLiteral("cadence"));
        type.description = view.string(QStringLiteral("description"));
        type.requirements = view.strings(QStringLiteral("requirements"));
        type.notice = view.duration(QStringLiteral("notice")).value_or(std::chrono::seconds(0));
        type.canary = view.boolean(QStringLiteral("canary"), false);
        policy.releaseTypes << type;
    }
    if (policy.releaseTypes.isEmpty())
        reader.fail(types.node(), types.path(), QStringLiteral("expected at least one release type"));
}

QString readPath(PolicyReader &reader, const YAML::Node &node, const QString &path)
{
    const QString text = reader.string(node, path);
    if (!text.startsWith(QLatin1Char('/')))
        reader.expected(node, path, QStringLiteral("a path starting with /"));
    return text;
}

HttpCheckPolicy readHttpCheck(PolicyReader &reader, const MapView &view)
{
    static const QStringList methods {QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("POST"),
        QStringLiteral("PUT"), QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("OPTIONS")};
    HttpCheckPolicy check;
    check.name = view.string(QStringLiteral("name"));
    check.method = view.string(QStringLiteral("method"), check.method);
    if (view.has(QStringLiteral("method")))
        reader.requireKnown(view.get(QStringLiteral("method")), view.childPath(QStringLiteral("method")),
            QStringLiteral("HTTP method"), check.method, methods);
    check.path
        = readPath(reader, view.require(QStringLiteral("path")), view.childPath(QStringLiteral("path")));
    check.headers = view.stringMap(QStringLiteral("headers"));
    check.body = view.string(QStringLiteral("body"));
    if (view.has(QStringLiteral("expect_status"))) {
        const QString path = view.childPath(QStringLiteral("expect_status"));
        const QList<YAML::Node> codes = reader.list(view.get(QStringLiteral("expect_status")), path);
        for (qsizetype i = 0; i < codes.size(); ++i)
            check.expectStatus << reader.integer(
                codes.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), 100, 599);
    }
    check.cookieFlags = view.strings(QStringLiteral("cookie_flags"));
    check.sameSite = view.strings(QStringLiteral("same_site"));
    check.expectNoCookie = view.boolean(QStringLiteral("expect_no_cookie"), false);
    if (check.expectStatus.isEmpty() && check.cookieFlags.isEmpty() && check.sameSite.isEmpty()
        && !check.expectNoCookie)
        reader.fail(view.node(), view.path(),
            QStringLiteral("expected expect_status, cookie_flags, same_site or expect_no_cookie"));
    return check;
}

void readEnvironmentDetails(
    PolicyReader &reader, const MapView &view, EnvironmentPolicy &env, const Policy &policy)
{
    if (view.has(QStringLiteral("version"))) {
        const MapView version = reader.map(view.get(QStringLiteral("version")),
            view.childPath(QStringLiteral("version")), {QStringLiteral("path"), QStringLiteral("pointer")});
        env.versionPath = readPath(
            reader, version.require(QStringLiteral("path")), version.childPath(QStringLiteral("path")));
        env.versionPointer = version.string(QStringLiteral("pointer"));
        if (!env.versionPointer.isEmpty() && !env.versionPointer.startsWith(QLatin1Char('/')))
            reader.expected(version.get(QStringLiteral("pointer")),
                version.childPath(QStringLiteral("pointer")), QStringLiteral("a JSON pointer like /version"));
    }
    env.headers = view.stringMap(QStringLiteral("headers"));
    env.caFile = view.string(QStringLiteral("ca_file"));
    env.description = view.string(QStringLiteral("description"));
    if (view.has(QStringLiteral("requests"))) {
        const QStringList keys {QStringLiteral("name"), QStringLiteral("method"), QStringLiteral("path"),
            QStringLiteral("headers"), QStringLiteral("body"), QStringLiteral("expect_status"),
            QStringLiteral("cookie_flags"), QStringLiteral("same_site"), QStringLiteral("expect_no_cookie")};
        for (const MapView &item : reader.namedItems(
                 view.get(QStringLiteral("requests")), view.childPath(QStringLiteral("requests")), keys))
            env.requests << readHttpCheck(reader, item);
    }
    if (view.has(QStringLiteral("approvals")))
        env.approvals = readApprovals(reader, view.get(QStringLiteral("approvals")),
            view.childPath(QStringLiteral("approvals")), policy);
    env.promoteAfter = view.duration(QStringLiteral("promote_after")).value_or(std::chrono::seconds(0));
    env.verifyTimeout = view.duration(QStringLiteral("verify_timeout")).value_or(std::chrono::seconds(300));
}

void readEnvironments(PolicyReader &reader, const MapView &root, Policy &policy)
{
    if (!root.has(QStringLiteral("environments")))
        return;
    const MapView envs
        = reader.map(root.get(QStringLiteral("environments")), QStringLiteral("environments"), {});
    for (const QString &name : envs.keys()) {
        const MapView view = reader.map(envs.get(name), envs.childPath(name),
            {QStringLiteral("base_url"), QStringLiteral("health"), QStringLiteral("version"),
                QStringLiteral("headers"), QStringLiteral("ca_file"), QStringLiteral("description"),
                QStringLiteral("requests"), QStringLiteral("approvals"), QStringLiteral("promote_after"),
                QStringLiteral("verify_timeout")});
        EnvironmentPolicy env;
        env.name = name;
        env.baseUrl = view.requiredString(QStringLiteral("base_url"));
        const QUrl url(env.baseUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http" && url.scheme() != u"https"))
            reader.expected(view.get(QStringLiteral("base_url")), view.childPath(QStringLiteral("base_url")),
                QStringLiteral("an http:// or https:// URL"));
        const QStringList health = view.strings(QStringLiteral("health"));
        for (qsizetype i = 0; i < health.size(); ++i)
            env.health << readPath(reader, view.item(QStringLiteral("health"), i),
                QStringLiteral("%1[%2]").arg(view.childPath(QStringLiteral("health"))).arg(i));
        readEnvironmentDetails(reader, view, env, policy);
        policy.environments << env;
    }
}

void readPromotion(PolicyReader &reader, const MapView &root, Policy &policy)
{
    if (!root.has(QStringLiteral("promotion")))
        return;
    policy.promotion = root.strings(QStringLiteral("promotion"));
    QStringList known;
    for (const EnvironmentPolicy &env : std::as_const(policy.environments))
        known << env.name;
    for (qsizetype i = 0; i < policy.promotion.size(); ++i)
        reader.requireKnown(root.item(QStringLiteral("promotion"), i), QStringLiteral("promotion[%1]").arg(i),
            QStringLiteral("environment"), policy.promotion.at(i), known);
}

void readGeneral(PolicyReader &reader, const MapView &root, Policy &policy)
{
    policy.project = root.requiredString(QStringLiteral("project"));
    policy.tagFormat = root.string(QStringLiteral("tag_format"), policy.tagFormat);
    requireVersionPlaceholder(reader, root, QStringLiteral("tag_format"));
    policy.tagMessage = root.string(QStringLiteral("tag_message"));
    if (const QStringList unknown = unknownTagMessagePlaceholders(policy.tagMessage); !unknown.isEmpty())
        reader.expected(root.get(QStringLiteral("tag_message")), QStringLiteral("tag_message"),
            QStringLiteral("placeholders among %1, not %2")
                .arg(tagMessagePlaceholders().join(QLatin1Char(' ')), unknown.join(QLatin1Char(' '))));
    policy.singleOperator = root.boolean(QStringLiteral("single_operator"), false);
    policy.hotfixBranchPattern = root.string(QStringLiteral("hotfix_branch"));
    policy.prereleaseLabels = root.strings(QStringLiteral("prerelease_labels"));
    static const QRegularExpression label(QStringLiteral("^[0-9A-Za-z-]+$"));  // a SemVer identifier
    for (qsizetype i = 0; i < policy.prereleaseLabels.size(); ++i) {
        if (!label.match(policy.prereleaseLabels.at(i)).hasMatch())
            reader.expected(root.item(QStringLiteral("prerelease_labels"), i),
                QStringLiteral("prerelease_labels[%1]").arg(i),
                QStringLiteral("a SemVer pre-release identifier like rc or beta"));
    }
    policy.codeFreeze = root.duration(QStringLiteral("code_freeze")).value_or(std::chrono::seconds(0));
    if (root.has(QStringLiteral("code_freeze_allows")))
        policy.codeFreezeAllows = root.strings(QStringLiteral("code_freeze_allows"));
    if (root.has(QStringLiteral("override_roles")))
        policy.overrideRoles = root.strings(QStringLiteral("override_roles"));
    policy.beforeDeployment = root.strings(QStringLiteral("before_deployment"));
    if (root.has(QStringLiteral("release_notes"))) {
        const MapView notes = reader.map(root.get(QStringLiteral("release_notes")),
            QStringLiteral("release_notes"), {QStringLiteral("sections")});
        policy.releaseNotesSections = notes.strings(QStringLiteral("sections"));
    }
    if (root.has(QStringLiteral("prometheus"))) {
        const MapView prom = reader.map(root.get(QStringLiteral("prometheus")), QStringLiteral("prometheus"),
            {QStringLiteral("url"), QStringLiteral("auth_secret"), QStringLiteral("scrape_interval")});
        policy.prometheusUrl = prom.requiredString(QStringLiteral("url"));
        const QUrl url(policy.prometheusUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http" && url.scheme() != u"https"))
            reader.expected(prom.get(QStringLiteral("url")), prom.childPath(QStringLiteral("url")),
                QStringLiteral("an http:// or https:// URL"));
        policy.prometheusAuthSecret = prom.string(QStringLiteral("auth_secret"));
        if (auto scrape = prom.duration(QStringLiteral("scrape_interval")); scrape && scrape->count() > 0)
            policy.prometheusScrapeInterval = *scrape;
    }
    if (root.has(QStringLiteral("evidence"))) {
        const MapView evidence = reader.map(root.get(QStringLiteral("evidence")), QStringLiteral("evidence"),
            {QStringLiteral("manifest"), QStringLiteral("checksums"), QStringLiteral("include"),
                QStringLiteral("migrations")});
        policy.evidenceManifest = evidence.boolean(QStringLiteral("manifest"), true);
        policy.evidenceChecksums = evidence.boolean(QStringLiteral("checksums"), true);
        policy.evidenceInclude = evidence.strings(QStringLiteral("include"));
        policy.evidenceMigrations = evidence.string(QStringLiteral("migrations"));
    }
}

void readSignoff(PolicyReader &reader, const MapView &root, Policy &policy)
{
    if (!root.has(QStringLiteral("signoff")))
        return;
    const MapView view = reader.map(root.get(QStringLiteral("signoff")), QStringLiteral("signoff"),
        {QStringLiteral("allowed_signers"), QStringLiteral("ssh_signing")});
    policy.signoff.allowedSigners = view.string(QStringLiteral("allowed_signers"));
    policy.signoff.sshSigning = view.string(QStringLiteral("ssh_signing"), policy.signoff.sshSigning);
    if (view.has(QStringLiteral("ssh_signing")))
        reader.requireKnown(view.get(QStringLiteral("ssh_signing")),
            view.childPath(QStringLiteral("ssh_signing")), QStringLiteral("ssh_signing value"),
            policy.signoff.sshSigning, {QStringLiteral("optional"), QStringLiteral("required")});
    if (policy.signoff.sshSigning == u"required" && policy.signoff.allowedSigners.isEmpty())
        reader.fail(view.node(), view.path(), QStringLiteral("ssh_signing: required needs allowed_signers"));
}

void readTags(PolicyReader &reader, const MapView &root, Policy &policy)
{
    if (!root.has(QStringLiteral("tags")))
        return;
    const MapView view = reader.map(root.get(QStringLiteral("tags")), QStringLiteral("tags"), {QStringLiteral("signing")});
    policy.tagSigning = view.string(QStringLiteral("signing"), policy.tagSigning);
    if (view.has(QStringLiteral("signing")))
        reader.requireKnown(view.get(QStringLiteral("signing")), view.childPath(QStringLiteral("signing")),
            QStringLiteral("tags.signing value"), policy.tagSigning,
            {QStringLiteral("off"), QStringLiteral("optional"), QStringLiteral("required")});
}

Policy readPolicy(PolicyReader &reader, const YAML::Node &document, const QString &path)
{
    Policy policy;
    policy.sourcePath = path;
    if (!document.IsMap())
        reader.expected(document, QStringLiteral("policy"), QStringLiteral("a mapping of policy keys"));
    const MapView root = reader.map(document, QString(), kTopLevelKeys);
    // Order matters: what others refer to (roles, environments) is read first.
    readGeneral(reader, root, policy);
    readChangelog(reader, root, policy);
    readRoles(reader, root, policy);
    readEnvironments(reader, root, policy);
    readPromotion(reader, root, policy);
    readReleaseTypes(reader, root, policy);
    readTrains(reader, root, policy);
    readSoak(reader, root, policy);
    readGates(reader, root, policy);
    readRollback(reader, root, policy);
    readCanary(reader, root, policy);
    readFreezeWindows(reader, root, policy);
    readNotifications(reader, root, policy);
    readMetrics(reader, root, policy);
    readSignoff(reader, root, policy);
    readTags(reader, root, policy);
    return policy;
}

}  // namespace

Result<Policy> parsePolicy(const QByteArray &yaml, const QString &path, qint64 maxBytes)
{
    QHash<QString, SourceLocation> locations;
    PolicyReader reader(path, &locations);
    try {
        if (auto size = checkPolicySize(yaml.size(), maxBytes, path); !size)
            return std::unexpected(size.error());
        const std::string text = yaml.toStdString();
        const YAML::Node document = YAML::Load(text);
        // A second document is refused, not silently ignored: rules after a "---" look like
        // policy and would never apply.
        if (const auto second = secondYamlDocument(text, path))
            return fail(ErrorCode::BadInput,
                QStringLiteral("a second YAML document (after \"---\"); a policy is one document: "
                               "merge it into the first or remove it"),
                *second);
        Policy policy = readPolicy(reader, document, path);
        policy.locations = std::move(locations);
        if (Status shell = checkShellLines(policy, yaml); !shell)
            return std::unexpected(shell.error());
        return policy;
    } catch (const PolicyReadError &e) {
        return std::unexpected(e.error);
    } catch (const YAML::Exception &e) {
        // Syntax errors keep yaml-cpp's position; yaml-cpp counts lines and columns from 0.
        SourceLocation where {path, 0, 0};
        if (!e.mark.is_null())
            where = SourceLocation {path, e.mark.line + 1, e.mark.column + 1};
        return fail(ErrorCode::BadInput,
            QStringLiteral("invalid YAML: %1").arg(QString::fromStdString(e.msg)), where);
    } catch (const std::exception &e) {
        return fail(ErrorCode::BadInput,
            QStringLiteral("cannot read the policy: %1").arg(QString::fromUtf8(e.what())),
            SourceLocation {path, 0, 0});
    }
}

Status validateChecklistRefs(const Policy &policy, const QStringList &available)
{
    const auto check = [&](const QString &name, const QString &keyPath) -> Status {
        if (available.contains(name))
            return {};
        const QString close = PolicyReader::suggestion(name, available);
        QString message = QStringLiteral("%1: checklist template \"%2\" not found").arg(keyPath, name);
        message += close.isEmpty()
            ? QStringLiteral(" (available: %1)")
                  .arg(available.isEmpty() ? QStringLiteral("none") : available.join(u", "))
            : QStringLiteral(" (did you mean \"%1\"?)").arg(close);
        return fail(ErrorCode::NotFound, message, policy.locationOf(keyPath));
    };
    for (const ReleaseTypePolicy &type : policy.releaseTypes) {
        for (qsizetype i = 0; i < type.checklists.size(); ++i) {
            const QString keyPath = QStringLiteral("release_types.%1.checklists[%2]").arg(type.name).arg(i);
            if (Status status = check(type.checklists.at(i), keyPath); !status)
                return status;
        }
    }
    if (!policy.rollbackChecklist.isEmpty())
        return check(policy.rollbackChecklist, QStringLiteral("rollback.checklist"));
    return {};
}

}  // namespace cockpit
