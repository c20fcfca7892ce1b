// Session: the use cases that record a decision or hand out the record: signing off and exporting
// the evidence pack. Both front ends call these; the services below do the work off the GUI thread.
#include "evidence_pack.h"
#include "session.h"
#include "signoff_service.h"

#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

QFuture<Result<Signoff>> Session::signOff(SignRequest request)
{
    const QString version = request.version;
    auto future = thenAdvance(version, m_signoffs->sign(std::move(request)));
    follow(future, [this, version](const Result<Signoff> &saved) {
        if (saved)
            announce({SessionEvent::Kind::SignoffRecorded, version});
    });
    return future;
}

QFuture<Result<EvidencePack>> Session::exportEvidence(QString version, QString path, EvidenceProgress progress)
{
    // Blocks on the store, git and the zip writer: a pool thread, never the caller's.
    return m_inFlight.keep(QtConcurrent::run([store = m_store, workspace = workspace(), version, path, progress] {
        return exportEvidencePack(store, workspace, version, path, progress);
    }));
}

}  // namespace cockpit
