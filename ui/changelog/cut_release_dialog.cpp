#include "cut_release_dialog.h"

#include "dialog_keys.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cockpit {
namespace {

QLabel *valueLabel(QWidget *parent, const QString &objectName, const QString &text)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

}  // namespace

CutReleaseDialog::CutReleaseDialog(const CutReleaseFacts &facts, QWidget *parent)
    : QDialog(parent)
    , m_facts(facts)
{
    setObjectName(QStringLiteral("cutReleaseDialog"));
    setWindowTitle(tr("Cut Release %1").arg(facts.version));
    setAccessibleName(windowTitle());
    setMinimumWidth(480);
    auto *intro
        = new QLabel(tr("Unreleased becomes the section of %1, with a fresh empty Unreleased on top and "
                        "the compare links updated. Only the editor changes: review, then Save "
                        "(Ctrl+Z undoes it).")
                         .arg(facts.version),
            this);
    intro->setWordWrap(true);

    m_date = new QDateEdit(QDate::currentDate(), this);
    m_date->setObjectName(QStringLiteral("cutDate"));
    m_date->setAccessibleName(tr("Release date"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));

    QString bump;
    if (facts.suggestedBump.isEmpty())
        bump = tr("not known yet (the commits are still being read)");
    else if (facts.releaseBump.isEmpty())
        bump = tr("the commits call for a %1 release").arg(facts.suggestedBump);
    else
        bump = tr("the commits call for %1; %2 is a %3 release after %4")
                   .arg(facts.suggestedBump, facts.version, facts.releaseBump, facts.previousVersion);
    auto *bumpLabel = valueLabel(this, QStringLiteral("cutBump"), bump);

    auto *form = new QFormLayout;
    form->addRow(tr("Version:"),
        valueLabel(this, QStringLiteral("cutVersion"), QStringLiteral("<b>%1</b>").arg(facts.version)));
    form->addRow(tr("Date:"), m_date);
    form->addRow(tr("Bump:"), bumpLabel);

    auto *notes = valueLabel(this, QStringLiteral("cutNotes"), QString());
    QStringList lines;
    for (const QString &n : facts.notes)
        lines << QStringLiteral("⚠ ") + n;
    if (!facts.lintErrors.isEmpty()) {
        lines << tr("%n lint error(s) must be fixed before the cut:", nullptr, int(facts.lintErrors.size()));
        for (const QString &e : facts.lintErrors.mid(0, 8))
            lines << QStringLiteral("  ✗ ") + e;
        if (facts.lintErrors.size() > 8)
            lines << QStringLiteral("  …");
    }
    notes->setText(lines.join(QLatin1Char('\n')));
    notes->setVisible(!lines.isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_cut = buttons->addButton(tr("Cut %1").arg(facts.version), QDialogButtonBox::AcceptRole);
    m_cut->setObjectName(QStringLiteral("cutButton"));
    m_cut->setEnabled(facts.lintErrors.isEmpty());
    m_cut->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(notes);
    layout->addStretch(1);
    layout->addWidget(buttons);
    submitOnCtrlEnter(this, m_cut);
}

QDate CutReleaseDialog::date() const
{
    return m_date->date();
}

}  // namespace cockpit
