#pragma once
// The pool-thread jobs an owner started that hold raw pointers into it (its services, its store):
// the owner waits for them before it goes, so a job never outlives what it points at. Only jobs
// that run on a pool thread belong here; waiting on one that needs the owner's event loop (a
// network reply) would never end.
#include <QFuture>
#include <QList>

namespace cockpit {

class WorkInFlight {
public:
    WorkInFlight() = default;
    WorkInFlight(const WorkInFlight &) = delete;
    WorkInFlight &operator=(const WorkInFlight &) = delete;
    ~WorkInFlight() { waitForAll(); }

    template <typename R> QFuture<R> keep(QFuture<R> future)
    {
        m_jobs.removeIf([](const QFuture<void> &job) { return job.isFinished(); });
        m_jobs.append(QFuture<void>(future));
        return future;
    }

    void waitForAll()
    {
        for (QFuture<void> &job : m_jobs)
            job.waitForFinished();
        m_jobs.clear();
    }

    [[nodiscard]] qsizetype pending() const
    {
        qsizetype count = 0;
        for (const QFuture<void> &job : m_jobs)
            count += job.isFinished() ? 0 : 1;
        return count;
    }

private:
    QList<QFuture<void>> m_jobs;
};

}  // namespace cockpit
