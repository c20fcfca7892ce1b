// Checklist import speed: parseChecklist + ChecklistModel::setChecklist on a 5,000-item template
// (50 sections of 100 items), against cmark-gfm's bare parse of the same text in this process.
// Target: import under 50 ms. Reports only; gates nothing.
#include "checklist_model.h"
#include "checklist_parser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cmark-gfm.h>
#include <cstdio>
#include <vector>

using namespace cockpit;

namespace {

constexpr int kRuns = 20;
constexpr double kTargetMs = 50.0;

QByteArray generateChecklist()
{
    QByteArray md = "## Generated Release Checklist\n\nTarget Date: 2026-11-24\n\n";
    for (int s = 0; s < 50; ++s) {
        md += "### Section " + QByteArray::number(s + 1) + "\n";
        for (int i = 0; i < 100; ++i) {
            md += "- [ ] Item " + QByteArray::number(s * 100 + i + 1) + " verified on staging";
            if (i % 10 == 3)
                md += " (if security changes)";
            if (i % 25 == 7)
                md += " <!-- check: soak staging -->";
            md += '\n';
        }
        md += '\n';
    }
    return md;
}

template <typename F> double medianMs(F &&run)
{
    std::vector<double> times;
    times.reserve(kRuns);
    for (int i = 0; i < kRuns; ++i) {
        QElapsedTimer t;
        t.start();
        run();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return (times[kRuns / 2 - 1] + times[kRuns / 2]) / 2.0;
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QByteArray md = generateChecklist();
    int items = 0;
    ChecklistModel model;

    const double importMs = medianMs([&] {
        auto phase = parseChecklist(md, QStringLiteral("generated"), QStringLiteral("generated.md"));
        if (!phase)
            qFatal("parse failed: %s", qPrintable(phase.error().toString()));
        Checklist checklist;
        checklist.phases.append(std::move(*phase));
        model.setChecklist(std::move(checklist));
        items = model.checklist().itemCount();
    });
    const double cmarkMs = medianMs([&] {
        cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
        cmark_parser_feed(parser, md.constData(), size_t(md.size()));
        cmark_node *doc = cmark_parser_finish(parser);
        cmark_node_free(doc);
        cmark_parser_free(parser);
    });

    std::printf(
        "checklist import: %d items, %lld bytes, median of %d runs\n", items, qlonglong(md.size()), kRuns);
    std::printf("  parseChecklist + ChecklistModel::setChecklist: %8.3f ms\n", importMs);
    std::printf("  peer: cmark-gfm bare cmark_parser parse:       %8.3f ms\n", cmarkMs);
    std::printf("  ratio (ours / peer): %.2fx\n", importMs / cmarkMs);
    std::printf("  target < %.0f ms: %s\n", kTargetMs, importMs < kTargetMs ? "MET" : "NOT MET");
    return items == 5000 ? 0 : 1;
}
