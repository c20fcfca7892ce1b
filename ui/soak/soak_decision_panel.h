#pragma once
// Where the soak's verdict stands and when it can change: the overall verdict with its reason, and
// per check the failures against the limit, consecutive errors, the next measurement, the earliest
// time it can pass and its own verdict. Verdicts read as words first; colour only repeats them.
#include "soak_types.h"

#include <QFrame>
#include <QMap>

class QLabel;
class QVBoxLayout;

namespace cockpit {

QString soakVerdictTitle(SoakVerdict verdict);  // "PASS", "FAIL", "INCONCLUSIVE", "RUNNING"
QColor soakVerdictColor(SoakVerdict verdict);

class SoakDecisionPanel : public QFrame {
    Q_OBJECT
public:
    explicit SoakDecisionPanel(QWidget *parent = nullptr);

    // Shows an evaluation; times are shown in local time, relative to its evaluatedAt.
    void setEvaluation(const SoakEvaluation &evaluation);
    void clear();

    // The texts as shown, for tests and screen readers.
    [[nodiscard]] QString verdictText() const;
    [[nodiscard]] QString checkText(const QString &checkName) const;
    [[nodiscard]] QStringList checkNames() const { return m_cards.keys(); }

private:
    QFrame *makeCard(const CheckResult &check, const QDateTime &now);
    void clearCards();

    QLabel *m_verdict;
    QLabel *m_reason;
    QLabel *m_timing;
    QVBoxLayout *m_cardsLayout;
    QMap<QString, QFrame *> m_cards;
};

}  // namespace cockpit
