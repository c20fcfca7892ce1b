#pragma once
// The one git service: everything the cockpit does to a repository goes through it. Reads (tags,
// the last release tag, commit ranges, a file at a ref, one file's diff, config), the writes
// behind tagging (annotated tag, branch, push) and set-up writes (init, commits: the demo and
// tests). A value type over one libgit2 handle (libgit2 stays behind git_handles.h): every call
// blocks, so run it off the GUI thread (QtConcurrent::run) with one instance per thread.
#include "commit_info.h"
#include "error.h"
#include "semver.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>

struct git_repository;

namespace cockpit {

struct GitTagInfo {
    QString name;  // "v3.7.0" (the reference name without refs/tags/)
    QString targetSha;  // the commit it points at, peeled through tag objects
    bool annotated = false;
    QString message;  // annotated tags only
    QString taggerName, taggerEmail;
    QDateTime taggedAt;  // UTC; invalid for lightweight tags
    std::optional<SemVer> version;  // parsed with the service's tag format; nullopt if not SemVer
};

struct DiffLine {
    char origin = ' ';  // ' ' context, '+' added, '-' removed
    int oldLine = -1;  // 1-based; -1 for an added line
    int newLine = -1;  // 1-based; -1 for a removed line
    QString text;  // without the line ending
};

struct DiffHunk {
    QString header;  // "@@ -1,3 +1,4 @@ context", without the line ending
    QList<DiffLine> lines;
};

struct FileDiff {
    QList<DiffHunk> hunks;
    bool binary = false;  // libgit2 saw binary content: no hunks
    [[nodiscard]] bool isEmpty() const { return hunks.isEmpty() && !binary; }
};

// Who commits or tags, and when.
struct GitSignature {
    QString name;
    QString email;
    QDateTime when;  // its UTC offset is recorded; invalid = now (UTC)
};

// What a push authenticates with. The password comes from the caller (the keychain in the GUI),
// never from the service itself, and is never logged.
struct GitCredentials {
    QString username;  // empty: the URL's user, else "git"
    QString password;  // empty: no userpass; the SSH agent is tried for ssh:// remotes
};

class GitService {
public:
    // Discovers the repository upwards from path. tagFormat ("v{version}") decides which tag
    // names carry a version in tags().
    static Result<GitService> open(const QString &path);
    static Result<GitService> open(const QString &path, const QString &tagFormat);
    // As open(), but a bare repository is Unavailable: a workspace lives in a work tree.
    static Result<GitService> openWorkTree(const QString &path);
    static Result<GitService> init(
        const QString &path, const QString &initialBranch = QStringLiteral("main"));
    // libgit2's re-hashing of every object read: off in the cockpit (git leaves it to fsck);
    // bench_git turns it on to measure what it costs.
    static void setStrictHashVerification(bool on);

    GitService(GitService &&) noexcept;
    GitService &operator=(GitService &&) noexcept;
    ~GitService();

    [[nodiscard]] QString workdir() const;  // absolute, no trailing slash
    [[nodiscard]] QString tagFormat() const { return m_tagFormat; }

    // Every refs/tags/* reference, SemVer-descending; tags that are not versions come last by name.
    [[nodiscard]] Result<QList<GitTagInfo>> tags() const;
    // One tag by name; NotFound when absent.
    [[nodiscard]] Result<GitTagInfo> tag(const QString &name) const;
    // The highest release tag (by SemVer precedence) whose commit is reachable from fromRef.
    [[nodiscard]] Result<std::optional<GitTagInfo>> lastReleaseTag(const QString &tagFormat,
        const QString &fromRef = QStringLiteral("HEAD"), bool includePrereleases = false) const;
    // Commits of `git log fromRef..toRef` (fromRef empty: from the root), newest first. A stop
    // request ends the walk with ErrorCode::Failed, "cancelled"; progress gets the count so far.
    [[nodiscard]] Result<QList<CommitInfo>> commits(const QString &fromRef, const QString &toRef,
        std::stop_token stop = {}, std::function<void(int done)> progress = {}) const;
    [[nodiscard]] Result<QByteArray> fileAt(const QString &ref, const QString &path) const;
    // Blob to blob with 3 lines of context; a side where the file is absent counts as empty.
    [[nodiscard]] Result<FileDiff> diffFile(
        const QString &fromRef, const QString &toRef, const QString &path) const;
    // Two texts, no repository (the file on disk against unsaved edits), 3 lines of context.
    static Result<FileDiff> diffTexts(const QByteArray &before, const QByteArray &after, const QString &path);
    [[nodiscard]] Result<QString> resolve(const QString &ref) const;  // full SHA of the commit
    [[nodiscard]] Result<bool> isAncestor(const QString &ancestorSha, const QString &descendantSha) const;
    // Names of the files directly under dir in the tree of ref (tree order); empty when dir is absent.
    [[nodiscard]] Result<QStringList> filesIn(const QString &ref, const QString &dir) const;
    [[nodiscard]] Result<QString> headBranch() const;  // "main"; empty when detached
    // Empty when unset; an error only when the configuration cannot be read.
    [[nodiscard]] Result<QString> configValue(const QString &key) const;

    // Writes. A tag or branch that exists is a Conflict naming it.
    Result<GitTagInfo> createAnnotatedTag(
        const QString &name, const QString &commitSha, const QString &message, const GitSignature &tagger);
    // As createAnnotatedTag, signed as `git tag -s` signs: the tag object's text (object, type,
    // tag, tagger, blank line, message) goes to sign(), whose armored signature is appended to the
    // message; libgit2 writes the object from that buffer (git_tag_create_from_buffer).
    using PayloadSigner = std::function<Result<QByteArray>(const QByteArray &payload)>;
    Result<GitTagInfo> createSignedTag(const QString &name, const QString &commitSha, const QString &message,
        const GitSignature &tagger, const PayloadSigner &sign);
    // The raw object of an annotated tag (what `git cat-file tag NAME` prints); NotFound when the
    // tag is absent, BadInput when it is lightweight.
    [[nodiscard]] Result<QByteArray> tagObject(const QString &name) const;
    // force moves a branch that exists instead (the demo rebuilding its maintenance branch).
    Status createBranch(const QString &name, const QString &commitSha, bool force = false);
    [[nodiscard]] Result<QString> branchTarget(const QString &name) const;  // NotFound when absent
    // Pushes refs/tags/NAME to a configured remote name or a URL; a rejected ref is Failed.
    Status pushTag(const QString &remote, const QString &tagName, const GitCredentials &credentials = {});
    // The URL of a configured remote, or remote itself when it is already a URL; NotFound else.
    [[nodiscard]] Result<QString> remoteUrl(const QString &remote) const;

    // Set-up writes (git_setup.cpp). commitFiles writes files (path relative to the work tree ->
    // content; one starting with "#!" is made executable), stages them and commits on HEAD;
    // createEmptyCommit commits parentSha's tree again on no branch. Both return the new SHA.
    Status setConfigValue(const QString &key, const QString &value);
    Result<QString> commitFiles(
        const QMap<QString, QByteArray> &files, const QString &message, const GitSignature &author);
    Result<QString> createEmptyCommit(
        const QString &parentSha, const QString &message, const GitSignature &author);

private:
    struct Deleter {
        void operator()(git_repository *repo) const;
    };
    GitService(git_repository *repo, QString tagFormat);
    [[nodiscard]] git_repository *raw() const { return m_repo.get(); }
    [[nodiscard]] std::optional<SemVer> versionOf(const QString &tagName, const QString &format) const;

    std::unique_ptr<git_repository, Deleter> m_repo;
    QString m_tagFormat;
};

// Sorts tags SemVer-descending, non-versions last by name (shared with tests and the UI).
void sortTagsByVersion(QList<GitTagInfo> &tags);

}  // namespace cockpit
