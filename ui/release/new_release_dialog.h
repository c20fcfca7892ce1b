#pragma once
// Release > New Release…: version, commit (empty follows the branch head), type (empty: inferred
// from the bump against the last tag) and target date. OK submits and the dialog stays open with
// the error shown until the release is stored.
#include "session.h"

#include <QDialog>
#include <functional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace cockpit {

class NewReleaseDialog : public QDialog {
    Q_OBJECT
public:
    using Submit = std::function<QFuture<Result<ReleaseRecord>>(NewReleaseRequest)>;

    NewReleaseDialog(const QStringList &releaseTypes, Submit submit, QWidget *parent = nullptr);

    [[nodiscard]] NewReleaseRequest request() const;
    [[nodiscard]] const ReleaseRecord &created() const { return m_created; }
    [[nodiscard]] QLineEdit *versionEdit() const { return m_version; }
    [[nodiscard]] QPushButton *okButton() const { return m_ok; }

private:
    void validate();
    void submit();

    Submit m_submit;
    QLineEdit *m_version;
    QLineEdit *m_commit;
    QComboBox *m_type;
    QCheckBox *m_hasTarget;
    QDateEdit *m_target;
    QLabel *m_problem;
    QPushButton *m_ok;
    ReleaseRecord m_created;
};

}  // namespace cockpit
