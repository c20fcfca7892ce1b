#pragma once
// Secrets (database passwords, API tokens) in the OS keychain through QtKeychain, under the
// service name "release-cockpit": never in settings, logs or the database.
#include "error.h"

#include <QFuture>
#include <QString>

namespace cockpit {

class SecretStore {
public:
    static constexpr auto kService = "release-cockpit";

    // The jobs run on the application's main thread (QtKeychain queues them on one executor), so
    // that thread must be spinning its event loop until the future finishes; call from any thread.
    // NotFound: no such entry. Unavailable: no keychain (no Secret Service on the session bus),
    // or it refused access.
    static QFuture<Result<QString>> read(const QString &key);
    static QFuture<Status> write(const QString &key, const QString &value);
    // Removing an absent entry succeeds: the outcome the caller wants already holds.
    static QFuture<Status> remove(const QString &key);
};

}  // namespace cockpit
