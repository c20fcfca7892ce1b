#include "rollback_plan.h"
#include "canary.h"

#include "semver.h"
#include "shell_variables.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace cockpit {

namespace {

// "3.7.0", or the SemVer part of a train's "billing/v1.2.0".
std::optional<SemVer> looseVersion(const QString &text)
{
    if (auto v = SemVer::parse(text))
        return *v;
    QString tail = text.section(u'/', -1);
    if (tail.startsWith(u'v'))
        tail.remove(0, 1);
    if (auto v = SemVer::parse(tail))
        return *v;
    return std::nullopt;
}

QString componentPrefix(const QString &text)
{
    return text.contains(u'/') ? text.section(u'/', 0, 0) : QString();
}

const RollbackTagCandidate *tagForVersion(const QList<RollbackTagCandidate> &tags, const SemVer &version)
{
    for (const RollbackTagCandidate &tag : tags) {
        const auto v = looseVersion(tag.version.isEmpty() ? tag.name : tag.version);
        if (v && v->isIdentical(version))
            return &tag;
    }
    return nullptr;
}

std::optional<RollbackTarget> lastKnownGood(const Policy &policy, const SemVer &current,
    const QString &component, const QList<RollbackCandidate> &releases,
    const QList<RollbackTagCandidate> &tags)
{
    const RollbackCandidate *best = nullptr;
    std::optional<SemVer> bestVersion;
    for (const RollbackCandidate &c : releases) {
        const auto v = looseVersion(c.version);
        if (!v || v->isPrerelease() || *v >= current || componentPrefix(c.version) != component)
            continue;
        if (!(c.soakPassed || c.released))
            continue;
        if (!bestVersion || *v > *bestVersion) {
            best = &c;
            bestVersion = v;
        }
    }
    if (!best)
        return std::nullopt;
    RollbackTarget target {
        best->version, policy.tagFor(best->version), best->commit, QStringLiteral("last_known_good")};
    if (const RollbackTagCandidate *tag = tagForVersion(tags, *bestVersion)) {
        target.tag = tag->name;
        if (!tag->commit.isEmpty())
            target.commit = tag->commit;
    }
    return target;
}

std::optional<RollbackTarget> previousTag(
    const SemVer &current, const QString &component, const QList<RollbackTagCandidate> &tags)
{
    const RollbackTagCandidate *best = nullptr;
    std::optional<SemVer> bestVersion;
    for (const RollbackTagCandidate &tag : tags) {
        const auto v = looseVersion(tag.version.isEmpty() ? tag.name : tag.version);
        if (!v || v->isPrerelease() || *v >= current || componentPrefix(tag.name) != component)
            continue;
        if (!bestVersion || *v > *bestVersion) {
            best = &tag;
            bestVersion = v;
        }
    }
    if (!best)
        return std::nullopt;
    const QString version = best->version.isEmpty() ? bestVersion->toString() : best->version;
    return RollbackTarget {version, best->name, best->commit, QStringLiteral("previous_tag")};
}

QString quoteValue(const QString &value, PlaceholderQuoting quoting)
{
    switch (quoting) {
    case PlaceholderQuoting::Raw:
        return value;
    case PlaceholderQuoting::Url:
        return QString::fromLatin1(QUrl::toPercentEncoding(value));
    case PlaceholderQuoting::Json: {
        // The value as the inside of a JSON string: quotes, backslashes and controls escaped.
        const QByteArray array = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(array.mid(2, array.size() - 4));
    }
    case PlaceholderQuoting::HeaderValue: {
        QString v = value;
        v.replace(u'\r', u' ').replace(u'\n', u' ');
        return v;
    }
    }
    return value;
}

bool isNameChar(QChar c, bool first)
{
    return (c >= u'a' && c <= u'z') || c == u'_' || (!first && c >= u'0' && c <= u'9');
}

SourceLocation stepLocation(const Policy &policy, int index, const QString &key)
{
    const QString step = QStringLiteral("rollback.steps[%1]").arg(index);
    if (policy.locations.contains(step + u'.' + key))
        return policy.locations.value(step + u'.' + key);
    return policy.locationOf(step);
}

// A form-encoded body gets each value percent-encoded inside its field (a reason "a&b=c" stays
// one field); a JSON body gets JSON string escapes; anything else is sent as written.
PlaceholderQuoting bodyQuoting(const RollbackStepPolicy &p)
{
    for (auto it = p.httpHeaders.cbegin(); it != p.httpHeaders.cend(); ++it) {
        if (it.key().compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0
            && it.value().trimmed().startsWith(
                QLatin1String("application/x-www-form-urlencoded"), Qt::CaseInsensitive))
            return PlaceholderQuoting::Url;
    }
    const QString body = p.httpBody.trimmed();
    if (body.startsWith(u'{') || body.startsWith(u'['))
        return PlaceholderQuoting::Json;
    return PlaceholderQuoting::Raw;
}

}  // namespace

Result<RollbackTarget> resolveRollbackTarget(const Policy &policy, const QString &version,
    const QList<RollbackCandidate> &releases, const QList<RollbackTagCandidate> &tags)
{
    const auto current = looseVersion(version);
    if (!current)
        return fail(ErrorCode::BadInput, QStringLiteral("%1 is not a SemVer version").arg(version));
    const QString component = componentPrefix(version);
    const bool tagsOnly = policy.rollbackTarget == u"previous_tag";
    if (!tagsOnly) {
        if (auto target = lastKnownGood(policy, *current, component, releases, tags))
            return *target;
    }
    if (auto target = previousTag(*current, component, tags))
        return *target;
    return fail(ErrorCode::Refused,
        QStringLiteral("nothing to roll %1 back to: no earlier release passed its soak or was released, "
                       "and no earlier GA tag exists")
            .arg(version));
}

QString rollbackComponent(const QString &version, const QString &tag, const QString &project)
{
    if (const QString c = componentPrefix(version); !c.isEmpty())
        return c;
    if (const QString c = componentPrefix(tag); !c.isEmpty())
        return c;
    return project;
}

QMap<QString, QString> rollbackPlaceholders(const Policy &policy, const RollbackPlanInput &input)
{
    const QString tag = policy.tagFor(input.version);
    return {
        {QStringLiteral("version"), input.version},
        {QStringLiteral("rollback_tag"), input.target.tag},
        {QStringLiteral("rollback_version"), input.target.version},
        {QStringLiteral("rollback_sha"), input.target.commit},
        {QStringLiteral("env"), input.environment},
        {QStringLiteral("project"), policy.project},
        {QStringLiteral("reason"), input.reason},
        {QStringLiteral("trigger"), input.trigger},
        {QStringLiteral("commit"), input.commit},
        {QStringLiteral("tag"), tag},
        {QStringLiteral("component"), rollbackComponent(input.version, tag, policy.project)},
    };
}

QString redactSecrets(const QString &text)
{
    static const QRegularExpression url(QStringLiteral(R"(([A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]+):[^/\s@]+@)"));
    static const QRegularExpression header(QStringLiteral(R"(((?:proxy-)?authorization\s*[:=]\s*)[^\r\n]*)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression assignment(
        QStringLiteral(
            R"(((?:password|passwd|secret|token|api[_-]?key|access[_-]?key)["']?\s*[:=]\s*["']?)[^\s"'&,;]+)"),
        QRegularExpression::CaseInsensitiveOption);
    QString out = text;
    out.replace(url, QStringLiteral("\\1:[redacted]@"));
    out.replace(header, QStringLiteral("\\1[redacted]"));
    out.replace(assignment, QStringLiteral("\\1[redacted]"));
    return out;
}

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

Result<QString> substitutePlaceholders(const QString &text, const QMap<QString, QString> &values,
    PlaceholderQuoting quoting, const QString &stepName, const SourceLocation &where, const QString &what)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if ((c == u'{' || c == u'}') && i + 1 < text.size() && text.at(i + 1) == c) {
            out += c;  // "{{" / "}}": a literal brace
            ++i;
            continue;
        }
        if (c != u'{' || i + 1 >= text.size() || !isNameChar(text.at(i + 1), true)) {
            out += c;
            continue;
        }
        qsizetype end = i + 1;
        while (end < text.size() && isNameChar(text.at(end), false))
            ++end;
        if (end >= text.size() || text.at(end) != u'}') {
            out += c;  // "{abc" without its brace: not a placeholder (JSON, prose)
            continue;
        }
        const QString name = text.mid(i + 1, end - i - 1);
        if (!values.contains(name))
            return fail(ErrorCode::BadInput,
                QStringLiteral("%4 '%1': unknown placeholder {%2} (known: {%3})")
                    .arg(stepName, name, values.keys().join(QStringLiteral("}, {")), what),
                where);
        out += quoteValue(values.value(name), quoting);
        i = end;
    }
    return out;
}

namespace {

Status planStep(const Policy &policy, int i, const QMap<QString, QString> &values, PlannedRollbackStep &step)
{
    const RollbackStepPolicy &p = policy.rollbackSteps.at(i);
    const auto sub = [&](const QString &text, PlaceholderQuoting q, const QString &key) -> Result<QString> {
        return substitutePlaceholders(text, values, q, p.name, stepLocation(policy, i, key));
    };
    using Q = PlaceholderQuoting;
    if (!p.run.isEmpty()) {
        step.kind = RollbackStepKind::Run;
        for (qsizetype a = 0; a < p.run.size(); ++a) {
            auto arg = sub(p.run.at(a), Q::Raw, QStringLiteral("run[%1]").arg(a));
            if (!arg)
                return std::unexpected(arg.error());
            step.argv << *arg;
        }
    } else if (!p.shell.isEmpty()) {
        // Verbatim: values reach the line only as RELEASE_* environment variables. A policy
        // built in code skipped the loader's refusal, so it is checked again here.
        step.kind = RollbackStepKind::Shell;
        if (Status ok = checkShellLine(p.shell, QStringLiteral("rollback step '%1' (shell)").arg(p.name),
                stepLocation(policy, i, QStringLiteral("shell")), {});
            !ok)
            return ok;
        step.shellCommand = p.shell;
    } else if (!p.httpUrl.isEmpty()) {
        step.kind = RollbackStepKind::Http;
        step.httpMethod = p.httpMethod;
        auto url = sub(p.httpUrl, Q::Url, QStringLiteral("http.url"));
        auto body = sub(p.httpBody, bodyQuoting(p), QStringLiteral("http.body"));
        if (!url || !body)
            return std::unexpected(url ? body.error() : url.error());
        step.httpUrl = *url;
        step.httpBody = *body;
        for (auto it = p.httpHeaders.cbegin(); it != p.httpHeaders.cend(); ++it) {
            auto value = sub(it.value(), Q::HeaderValue, QStringLiteral("http.headers.") + it.key());
            if (!value)
                return std::unexpected(value.error());
            step.httpHeaders.insert(it.key(), *value);
        }
    } else if (!p.probe.isEmpty()) {
        step.kind = RollbackStepKind::Probe;
        auto env = sub(p.probe, Q::Raw, QStringLiteral("probe"));
        if (!env)
            return std::unexpected(env.error());
        step.probeEnvironment = *env;
    } else {
        step.kind = RollbackStepKind::Manual;
        auto text = sub(p.manual, Q::Raw, QStringLiteral("manual"));
        if (!text)
            return std::unexpected(text.error());
        step.instruction = *text;
    }
    auto condition = sub(p.condition, Q::Raw, QStringLiteral("condition"));
    if (!condition)
        return std::unexpected(condition.error());
    step.condition = *condition;
    return {};
}

}  // namespace

Result<RollbackPlan> buildRollbackPlan(const Policy &policy, const RollbackPlanInput &input)
{
    RollbackPlan plan;
    plan.version = input.version;
    plan.environment = input.environment;
    plan.targetVersion = input.target.version;
    plan.targetTag = input.target.tag;
    plan.targetCommit = input.target.commit;
    plan.targetSource = input.target.source;
    plan.reason = input.reason;
    plan.trigger = input.trigger;
    plan.twoPerson = policy.rollbackTwoPerson;
    plan.placeholders = rollbackPlaceholders(policy, input);
    if (input.canaryPercent && *input.canaryPercent > 0 && policy.canary) {
        for (const int share : canaryRollbackShares(*policy.canary, *input.canaryPercent)) {
            PlannedRollbackStep step;
            step.index = int(plan.steps.size());
            step.name = QStringLiteral("Set canary traffic in %1 to %2%").arg(policy.canary->environment).arg(share);
            if (policy.canary->setTraffic.isEmpty()) {
                step.kind = RollbackStepKind::Manual;
                step.instruction = QStringLiteral("Set the canary's traffic in %1 to %2% (the policy has no set_traffic)")
                                       .arg(policy.canary->environment)
                                       .arg(share);
            } else {
                step.kind = RollbackStepKind::Run;
                step.argv = canaryTrafficCommand(*policy.canary, input.version, 0, share);
                step.timeout = policy.canary->setTrafficTimeout;
            }
            plan.steps << step;
        }
    }
    for (int i = 0; i < policy.rollbackSteps.size(); ++i) {
        PlannedRollbackStep step;
        step.index = int(plan.steps.size());
        step.name = policy.rollbackSteps.at(i).name;
        step.timeout = policy.rollbackSteps.at(i).timeout;
        if (auto ok = planStep(policy, i, plan.placeholders, step); !ok)
            return std::unexpected(ok.error());
        plan.steps << step;
    }
    return plan;
}

}  // namespace cockpit
