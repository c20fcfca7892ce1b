#pragma once
// A real service for a test (the HTTP fixture, the Prometheus fixture script): started with an
// argv list (never a shell string), ready once it prints its "ready"/"listening" line, stopped
// (SIGTERM, then SIGKILL) when the object goes away.
#include <QProcess>
#include <QString>
#include <QStringList>

class ServiceProcess {
public:
    ServiceProcess() = default;
    ServiceProcess(const ServiceProcess &) = delete;
    ServiceProcess &operator=(const ServiceProcess &) = delete;
    ~ServiceProcess() { stop(); }

    // Waits up to timeoutMs for a stdout line starting with readyPrefix; false with errorText()
    // when the program is missing, exits, or stays silent.
    bool start(
        const QString &program, const QStringList &args, const QString &readyPrefix, int timeoutMs = 60000);
    void stop();
    [[nodiscard]] QStringList readyFields() const { return m_ready; }  // the ready line, split on spaces
    [[nodiscard]] QString errorText() const { return m_error; }

    // The built fixture program next to the test executables (tests/fixtures/NAME).
    static QString fixtureProgram(const QString &name);
    // tests/fixtures/prometheus_fixture.sh: run it with {WORKDIR} and wait for "ready"; the ready
    // line is "ready URL START" (START: the backfilled soak's start, Unix seconds).
    static QString prometheusScript();
    // tests/fixtures/live_exporter.py {DIR} ("listening PORT") and prometheus_live_fixture.sh
    // {WORKDIR, host:port} ("ready URL PID"): a real Prometheus scraping a live exporter.
    static QString liveExporterScript();
    static QString prometheusLiveScript();

private:
    QProcess m_process;
    QStringList m_ready;
    QString m_error;
};
