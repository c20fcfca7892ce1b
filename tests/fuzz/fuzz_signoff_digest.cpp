// libFuzzer target: the sign-off digest's canonical text (commit, changelog section bytes and a
// checklist parsed from Markdown, NUL-separated) reads back field for field with a strict reader
// of the documented form, so no content can imitate the structure around it; the digest is 64
// lower-case hex digits. The approval condition (fourth field) fails closed: a condition the
// cockpit does not understand still holds and says why.
#include "approval.h"
#include "checklist_parser.h"
#include "fuzz_text.h"
#include "signoff_digest.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace cockpit;

namespace {

// Reads "<word> <n>\n" at pos and returns n, or -1.
qsizetype readCount(const QByteArray &text, qsizetype &pos, const QByteArray &word)
{
    const QByteArray head = word + ' ';
    const qsizetype eol = text.indexOf('\n', pos);
    if (eol < 0 || !text.mid(pos, eol - pos).startsWith(head))
        return -1;
    bool ok = false;
    const qsizetype n = text.mid(pos + head.size(), eol - pos - head.size()).toLongLong(&ok);
    pos = eol + 1;
    return ok ? n : -1;
}

QByteArray readBytes(const QByteArray &text, qsizetype &pos, qsizetype n)
{
    if (n < 0 || pos + n >= text.size() || text.at(pos + n) != '\n')
        std::abort();
    const QByteArray out = text.mid(pos, n);
    pos += n + 1;
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> f = fuzz::fields(data, size, 4);
    QString commit;  // git gives hex; keep the fuzzed hex digits only
    for (const char c : f.at(0))
        if (QByteArrayView("0123456789abcdefABCDEF").contains(c))
            commit += QLatin1Char(c);
    Checklist checklist;
    if (auto phase = parseChecklist(f.at(2), QStringLiteral("pre-release"), QStringLiteral("pre-release.md")))
        checklist.phases << *phase;
    int n = 0;  // give every state a turn, with reasons that look like structure
    for (ChecklistPhase &p : checklist.phases)
        for (ChecklistSection &s : p.sections)
            for (ChecklistItem &item : s.items) {
                item.state = static_cast<ItemState>(n++ % 4);
                item.naReason = QString::fromUtf8(f.at(1).left(n * 7));
            }
    const QByteArray text = canonicalSignoffText(commit, f.at(1), checklist);
    qsizetype pos = 0;
    const QByteArray header
        = QByteArray(kSignoffDigestFormat) + "\ncommit " + commit.toLower().toLatin1() + '\n';
    if (!text.startsWith(header))
        std::abort();
    pos = header.size();
    if (readBytes(text, pos, readCount(text, pos, "changelog")) != f.at(1))
        std::abort();
    if (readCount(text, pos, "checklist") != checklist.itemCount())
        std::abort();
    for (const ChecklistPhase &p : checklist.phases)
        for (const ChecklistSection &s : p.sections)
            for (const ChecklistItem &item : s.items) {
                const QByteArray word
                    = "item " + item.key.toUtf8() + ' ' + itemStateName(item.state).toUtf8();
                const QByteArray reason = readBytes(text, pos, readCount(text, pos, word));
                const bool na = item.state == ItemState::NotApplicable;
                if (reason != (na ? item.naReason.toUtf8() : QByteArray()))
                    std::abort();
            }
    if (pos != text.size())
        std::abort();
    const QString digest = signoffDigest(commit, f.at(1), checklist);
    if (digest.size() != 64 || digest != digest.toLower())
        std::abort();
    ApprovalFacts facts;
    facts.changelogSections = QString::fromUtf8(f.at(1)).split(u'\n');
    const ConditionResult condition = evaluateCondition(QString::fromUtf8(f.at(3)), facts);
    if (!condition.understood && (!condition.holds || condition.note.isEmpty()))
        std::abort();
    if (const auto decision = signoffDecisionFromName(QString::fromUtf8(f.at(3))))
        if (signoffDecisionFromName(signoffDecisionName(*decision)) != decision)
            std::abort();
    return 0;
}
