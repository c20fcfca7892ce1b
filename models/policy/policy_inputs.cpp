#include "policy_inputs.h"

#include <QDir>
#include <sstream>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>
#include <QRegularExpression>

namespace cockpit {

namespace {

// Counts documents without building them. YAML::LoadAll would build every document, and on some
// malformed input it never stops finding empty ones (the fuzz replay saw 18 GB): this stops at the
// second document and keeps where it starts.
class DocumentCounter : public YAML::EventHandler {
public:
    YAML::Mark second;
    int documents = 0;
    void OnDocumentStart(const YAML::Mark &mark) override
    {
        if (++documents == 2)
            second = mark;
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t, const std::string &) override {}
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

// Column of what (1-based) on a template's line, else 1.
int columnOf(const ChecklistPhase &phase, int line, const QString &what)
{
    const QStringList lines = phase.source.split(u'\n');
    if (line < 1 || line > lines.size())
        return 1;
    const qsizetype at = lines.at(line - 1).indexOf(what);
    return at < 0 ? 1 : int(at) + 1;
}

bool hasName(const QStringList &names, const QString &name)
{
    return names.contains(name.simplified(), Qt::CaseInsensitive);
}

// Empty when the binding names a check that exists, else why not.
QString bindingProblem(const Policy &policy, const QString &binding)
{
    const QString simplified = binding.simplified();
    const qsizetype space = simplified.indexOf(u' ');
    const QString kind = (space < 0 ? simplified : simplified.left(space)).toLower();
    const QString target = space < 0 ? QString() : simplified.mid(space + 1);
    QStringList gates, environments;
    for (const GatePolicy &gate : policy.gates)
        gates << gate.name;
    for (const EnvironmentPolicy &env : policy.environments)
        environments << env.name;
    if (kind == u"changelog" || kind == u"tag")
        return {};
    if (kind == u"gate") {
        if (target.isEmpty() || hasName(gates, target))
            return {};
        return QStringLiteral("no gate \"%1\" in the policy (gates: %2)")
            .arg(target, gates.isEmpty() ? QStringLiteral("none") : gates.join(u", "));
    }
    if (kind == u"probe" || kind == u"soak") {
        if (target.isEmpty() || hasName(environments, target))
            return {};
        return QStringLiteral("no environment \"%1\" in the policy (environments: %2)")
            .arg(target, environments.isEmpty() ? QStringLiteral("none") : environments.join(u", "));
    }
    return QStringLiteral("no check kind \"%1\" (kinds: gate, probe, soak, changelog, tag)").arg(kind);
}

}  // namespace

Status checkPolicySize(qint64 size, qint64 limit, const QString &path)
{
    if (size <= limit)
        return {};
    return fail(ErrorCode::BadInput,
        QStringLiteral("the policy is %1 bytes, over the limit of %2 bytes; it was not parsed (set "
                       "RELEASE_COCKPIT_POLICY_MAX_BYTES to allow a larger one)")
            .arg(size)
            .arg(limit),
        SourceLocation {path, 1, 1});
}

Status validateTemplate(const Policy &policy, const ChecklistPhase &phase, const QString &path)
{
    for (const ChecklistSection &section : phase.sections) {
        for (const ChecklistItem &item : section.items) {
            if (item.state != ItemState::Open)
                return fail(ErrorCode::BadInput,
                    QStringLiteral("template item %1 is already ticked; a template starts every item "
                                   "open (write \"- [ ]\"): a ticked item would be done with no who, "
                                   "when or audit entry")
                        .arg(item.key),
                    SourceLocation {path, item.sourceLine, columnOf(phase, item.sourceLine, QStringLiteral("["))});
            if (item.check.isEmpty())
                continue;
            if (const QString problem = bindingProblem(policy, item.check); !problem.isEmpty())
                return fail(ErrorCode::BadInput,
                    QStringLiteral("item %1 is bound to \"%2\": %3, so it could never be ticked")
                        .arg(item.key, item.check, problem),
                    SourceLocation {path, item.sourceLine, columnOf(phase, item.sourceLine, QStringLiteral("check:"))});
        }
    }
    return {};
}

Status validateEvidenceIncludes(const Policy &policy)
{
    for (qsizetype i = 0; i < policy.evidenceInclude.size(); ++i) {
        const QString entry = policy.evidenceInclude.at(i);
        const QString key = QStringLiteral("evidence.include[%1]").arg(i);
        const QString clean = QDir::cleanPath(entry);
        if (entry.isEmpty() || QDir::isAbsolutePath(entry) || clean == u".." || clean.startsWith(u"../")
            || entry.startsWith(u'~'))
            return fail(ErrorCode::BadInput,
                QStringLiteral("%1: \"%2\" is outside the workspace; evidence.include takes paths "
                               "relative to the work tree, inside it")
                    .arg(key, entry),
                policy.locationOf(key));
    }
    return {};
}

Status checkPrereleaseLabel(const Policy &policy, const SemVer &version)
{
    if (version.prerelease().isEmpty() || policy.prereleaseLabels.isEmpty())
        return {};
    static const QRegularExpression trailingDigits(QStringLiteral("[0-9]+$"));
    QString label = version.prerelease().first();
    if (label.contains(QRegularExpression(QStringLiteral("[A-Za-z]"))))
        label.remove(trailingDigits);
    if (policy.prereleaseLabels.contains(label, Qt::CaseInsensitive))
        return {};
    return fail(ErrorCode::BadInput,
        QStringLiteral("pre-release label \"%1\" of %2 is not one of prerelease_labels (%3)")
            .arg(label, version.toString(), policy.prereleaseLabels.join(u", ")),
        policy.locationOf(QStringLiteral("prerelease_labels")));
}

std::optional<SourceLocation> secondYamlDocument(const std::string &yaml, const QString &path)
{
    std::istringstream in(yaml);
    YAML::Parser parser(in);
    DocumentCounter counter;
    if (!parser.HandleNextDocument(counter) || !parser.HandleNextDocument(counter))
        return std::nullopt;
    if (counter.second.is_null())
        return SourceLocation {path, 1, 1};
    return SourceLocation {path, counter.second.line + 1, counter.second.column + 1};
}

}  // namespace cockpit
