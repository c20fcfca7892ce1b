#pragma once
// A rollback plan laid out for a person to check before anything runs: where the release goes
// back to and how that target was found, the environment, the cause, and every step with its
// kind icon and resolved call (each argument boxed on its own), timeout and condition.
#include "rollback.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QVBoxLayout;

namespace cockpit {

class RollbackPlanView : public QWidget {
    Q_OBJECT
public:
    explicit RollbackPlanView(QWidget *parent = nullptr);

    void showPlan(const RollbackPlan &plan);
    void clear();

    [[nodiscard]] int stepCount() const { return m_stepTexts.size(); }
    // The step as a person reads it, in plain text: "3. Deploy previous version (Command):
    // ./scripts/deploy.sh · --tag · v1.0.0 — timeout 15 min".
    [[nodiscard]] QString stepText(int index) const { return m_stepTexts.value(index); }
    [[nodiscard]] QString targetText() const;

private:
    QWidget *stepRow(const PlannedRollbackStep &step);

    QLabel *m_target;
    QLabel *m_found;
    QLabel *m_environment;
    QLabel *m_cause;
    QLabel *m_approval;
    QWidget *m_stepsBox;
    QVBoxLayout *m_steps;
    QStringList m_stepTexts;
};

// How the target was found, in words ("last known good: the newest earlier release whose soak passed").
QString rollbackTargetSourceText(const QString &source);

}  // namespace cockpit
