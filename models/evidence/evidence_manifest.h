#pragma once
// release_manifest.json and checksums.txt of an evidence pack. The manifest carries the fields of
// seed 000 section 8.2 (version, release_date, git_sha, git_tag, migrations_applied, approvals,
// checksums) plus the tools that produced the evidence; checksums.txt is `sha256sum -c` input.
#include "error.h"
#include "sha256.h"  // sha256Hex, for the members' checksums

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace cockpit {

struct EvidenceManifest {
    static constexpr int kFormat = 1;
    QString version;
    QString releaseDate;  // yyyy-MM-dd; empty when the release has no date yet (null in JSON)
    QString gitSha;
    QString gitTag;  // the release tag when it exists, else empty (null in JSON)
    QStringList migrationsApplied;  // migration names without extension, in file name order
    QMap<QString, QString> approvals;  // role -> signer ("a@x, b@x" when several count)
    QMap<QString, QString> checksums;  // member -> "sha256:<hex>"
    QMap<QString, QString> tools;  // "cockpit", "Qt", "libgit2", "database" -> version text
    QString project;
    QString releaseType;
    QString state;  // release state name when exported
    QString generatedAt;  // RFC 3339: the release data's latest change, never the clock
};

// Indented JSON with sorted keys: the same manifest always gives the same bytes.
[[nodiscard]] QByteArray evidenceManifestJson(const EvidenceManifest &manifest);
// BadInput naming the field when the JSON is not a manifest.
[[nodiscard]] Result<EvidenceManifest> parseEvidenceManifest(const QByteArray &json);

struct EvidenceChecksum {
    QString member;
    QByteArray sha256;  // lower-case hex
};

// "<hex>  <member>\n" per member, in the order given.
[[nodiscard]] QByteArray checksumsText(const QList<EvidenceChecksum> &sums);
// Accepts text and binary mode lines ("<hex>  name", "<hex> *name"); BadInput naming the line.
[[nodiscard]] Result<QList<EvidenceChecksum>> parseChecksumsText(const QByteArray &text);

}  // namespace cockpit
