#include "communications_dialog.h"

#include "notification_service.h"
#include "session.h"
#include "state_style.h"
#include "webhook_client.h"
#include "webhook_dialog.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cockpit {

namespace {

// Runs done(result) on the dialog's thread when future finishes; dropped with the dialog.
template <typename T, typename F> void whenDone(QObject *owner, QFuture<T> future, F done)
{
    auto *watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(future);
}

QString fileNameFor(const QString &version, const QString &templateName)
{
    QString slug = templateName.toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return QStringLiteral("%1-%2.md").arg(version, slug);
}

}  // namespace

CommunicationsDialog::CommunicationsDialog(Session *session, const QString &version, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_version(version)
    , m_client(session ? &session->webhooks() : nullptr)
{
    setObjectName(QStringLiteral("communicationsDialog"));
    setWindowTitle(tr("Communications — %1").arg(version));
    buildUi();
    if (session)
        m_notifications = &session->notifications();
    loadFacts();
}

CommunicationsDialog::~CommunicationsDialog() = default;

void CommunicationsDialog::buildUi()
{
    m_summary = new QLabel(tr("Loading release %1…").arg(m_version), this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("templateList"));
    m_list->setAccessibleName(tr("Notification templates"));
    m_list->setHeaderLabels({tr("Template"), tr("Event"), tr("Channel"), tr("Due")});
    m_list->setRootIsDecorated(false);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->setMinimumWidth(360);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] { showSelected(); });

    auto *split = new QSplitter(this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_list);
    split->addWidget(buildPreview());
    split->setStretchFactor(1, 1);
    split->setSizes({580, 500});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addWidget(buildButtons());
    resize(1120, 560);
}

QWidget *CommunicationsDialog::buildPreview()
{
    auto *box = new QWidget(this);
    m_subject = new QLabel(box);
    m_subject->setObjectName(QStringLiteral("subjectLabel"));
    m_subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subject->setWordWrap(true);
    m_sourceToggle = new QCheckBox(tr("&Source"), box);
    m_sourceToggle->setObjectName(QStringLiteral("sourceToggle"));
    m_sourceToggle->setAccessibleName(tr("Show the Markdown source"));
    m_reasonLabel = new QLabel(tr("&Reason:"), box);
    m_reason = new QLineEdit(box);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setAccessibleName(tr("Rollback reason"));
    m_reason->setPlaceholderText(tr("why the release was rolled back ({reason})"));
    m_reasonLabel->setBuddy(m_reason);
    connect(m_reason, &QLineEdit::textChanged, this, [this] { showSelected(); });

    m_preview = new QTextBrowser(box);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setAccessibleName(tr("Rendered message"));
    m_preview->setOpenExternalLinks(true);
    m_source = new QPlainTextEdit(box);
    m_source->setObjectName(QStringLiteral("sourceView"));
    m_source->setAccessibleName(tr("Message source"));
    m_source->setReadOnly(true);
    m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_stack = new QStackedWidget(box);
    m_stack->addWidget(m_preview);
    m_stack->addWidget(m_source);
    connect(m_sourceToggle, &QCheckBox::toggled, m_stack,
        [this](bool on) { m_stack->setCurrentIndex(on ? 1 : 0); });

    m_warnings = new QLabel(box);
    m_warnings->setObjectName(QStringLiteral("warningsLabel"));
    m_warnings->setAccessibleName(tr("Template warnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings->setFrameShape(QFrame::StyledPanel);
    m_warnings->setVisible(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_subject, 1);
    top->addWidget(m_sourceToggle);
    auto *reasonRow = new QHBoxLayout;
    reasonRow->addWidget(m_reasonLabel);
    reasonRow->addWidget(m_reason, 1);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(reasonRow);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_warnings);
    return box;
}

QWidget *CommunicationsDialog::buildButtons()
{
    auto *bar = new QWidget(this);
    m_webhook = new QPushButton(tr("&Webhook…"), bar);
    m_webhook->setObjectName(QStringLiteral("webhookButton"));
    m_webhook->setAccessibleName(tr("Set or remove the webhook URL"));
    m_status = new QLabel(bar);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(bar);
    m_progress->setObjectName(QStringLiteral("postProgress"));
    m_progress->setRange(0, 0);  // busy: a post has no measurable progress
    m_progress->setMaximumWidth(120);
    m_progress->setVisible(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, bar);
    m_copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_save = buttons->addButton(tr("Sa&ve…"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_post = buttons->addButton(tr("&Post to Webhook"), QDialogButtonBox::ActionRole);
    m_post->setObjectName(QStringLiteral("postButton"));
    m_copy->setAccessibleName(tr("Copy the message"));
    m_save->setAccessibleName(tr("Save the message to a file"));
    m_post->setAccessibleName(tr("Post the message to the webhook"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &CommunicationsDialog::copyMessage);
    connect(m_save, &QPushButton::clicked, this, &CommunicationsDialog::saveMessage);
    connect(m_post, &QPushButton::clicked, this, &CommunicationsDialog::postMessage);
    connect(m_webhook, &QPushButton::clicked, this, &CommunicationsDialog::editWebhook);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_webhook);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    updateButtons();
    return bar;
}

void CommunicationsDialog::loadFacts()
{
    if (!m_notifications || m_version.isEmpty()) {
        showFacts(fail(ErrorCode::NotFound, tr("No release is open.")));
        return;
    }
    whenDone(this, m_notifications->facts(m_version, QDate::currentDate()),
        [this](const Result<NotificationFacts> &facts) { showFacts(facts); });
}

void CommunicationsDialog::showFacts(const Result<NotificationFacts> &facts)
{
    if (!facts) {
        m_summary->setText(facts.error().toString());
        setStatus(facts.error().message, true);
        emit factsLoaded();
        return;
    }
    m_facts = *facts;
    m_schedule = m_notifications->schedule(*facts);
    const ReleaseRecord &r = facts->release;
    m_summary->setText(tr("Release %1 — %2, target date %3. Templates due in this state are in bold.")
                           .arg(r.version, releaseStateTitle(r.state).toLower(),
                               r.targetDate.isValid() ? r.targetDate.toString(Qt::ISODate) : tr("not set")));
    QTreeWidgetItem *first = nullptr;
    for (const ScheduledNotification &s : std::as_const(m_schedule)) {
        auto *item = new QTreeWidgetItem(
            m_list, {s.name, s.event, s.channel, s.due ? s.due->toString(Qt::ISODate) : tr("—")});
        item->setData(0, Qt::UserRole, s.index);
        for (int c = 0; c < 4; ++c)
            item->setToolTip(c, s.when);
        QFont font = item->font(0);
        font.setBold(s.relevant);
        for (int c = 0; c < 4; ++c)
            item->setFont(c, font);
        if (!s.relevant)
            item->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
        if (!first && s.relevant)
            first = item;
    }
    if (m_schedule.isEmpty())
        setStatus(tr("The policy has no notifications (policy.yml, notifications:)."), true);
    m_list->setCurrentItem(first ? first : m_list->topLevelItem(0));
    m_list->setFocus();
    emit factsLoaded();
}

void CommunicationsDialog::showSelected()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item || !m_facts) {
        m_selected = -1;
        m_message = {};
        updateButtons();
        return;
    }
    const int index = item->data(0, Qt::UserRole).toInt();
    const bool moved = index != m_selected;
    m_selected = index;
    NotificationFacts facts = *m_facts;
    facts.reason = m_reason->text().trimmed();
    m_message = m_notifications->render(index, facts);
    const NotificationPolicy &n = m_notifications->workspace().policy.notifications.at(index);
    const bool wantsReason = (n.body + n.subject).contains(QLatin1String("{reason}"));
    m_reason->setVisible(wantsReason);
    m_reasonLabel->setVisible(wantsReason);
    m_subject->setText(m_message.subject.isEmpty()
            ? tr("<i>No subject</i> · %1").arg(m_message.channel.toHtmlEscaped())
            : tr("<b>%1</b> · %2").arg(m_message.subject.toHtmlEscaped(), m_message.channel.toHtmlEscaped()));
    m_preview->setMarkdown(m_message.body);
    m_source->setPlainText(m_message.plainText());
    showWarnings();
    if (moved) {
        setStatus(m_schedule.value(index).when);
        checkWebhook();
    }
    updateButtons();
}

void CommunicationsDialog::showWarnings()
{
    // policy.yml relative to the workspace, as a person finds it in their editor's tree.
    const QDir root(m_notifications->workspace().root);
    QStringList lines;
    for (NotificationWarning w : std::as_const(m_message.warnings)) {
        if (QDir::isAbsolutePath(w.location.file))
            w.location.file = root.relativeFilePath(w.location.file);
        lines << QStringLiteral("⚠ ") + w.toString().toHtmlEscaped();
    }
    m_warnings->setText(lines.join(QStringLiteral("<br>")));
    m_warnings->setVisible(!lines.isEmpty());
}

void CommunicationsDialog::checkWebhook()
{
    m_webhookStored = false;
    updateButtons();
    if (!m_notifications || m_selected < 0)
        return;
    const int generation = ++m_webhookGeneration;
    whenDone(this, WebhookClient::storedUrl(m_notifications->project(), m_message.channel),
        [this, generation](const Result<QString> &url) {
            if (generation != m_webhookGeneration)
                return;
            m_webhookStored = url.has_value();
            m_post->setToolTip(
                url ? tr("Post to the webhook stored for %1").arg(m_message.channel) : url.error().message);
            updateButtons();
            emit webhookChecked(m_webhookStored);
        });
}

void CommunicationsDialog::copyMessage()
{
    QGuiApplication::clipboard()->setText(m_message.plainText());
    setStatus(tr("Copied \"%1\" to the clipboard.").arg(m_message.name));
}

Status CommunicationsDialog::saveTo(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Unavailable, tr("cannot write %1: %2").arg(path, file.errorString()));
    file.write(m_message.plainText().toUtf8() + '\n');
    if (!file.commit())
        return fail(ErrorCode::Unavailable, tr("cannot write %1: %2").arg(path, file.errorString()));
    setStatus(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
    return {};
}

void CommunicationsDialog::saveMessage()
{
    const QString dir = m_session ? m_session->workspace().root : QDir::homePath();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Message"),
        QDir(dir).filePath(fileNameFor(m_version, m_message.name)), tr("Markdown (*.md);;Text (*.txt)"));
    if (path.isEmpty())
        return;
    if (const Status saved = saveTo(path); !saved)
        setStatus(saved.error().message, true);
}

void CommunicationsDialog::postMessage()
{
    if (!m_notifications || m_selected < 0 || m_posting)
        return;
    m_posting = true;
    m_progress->setVisible(true);
    setStatus(tr("Posting \"%1\" to %2…").arg(m_message.name, m_message.channel));
    updateButtons();
    whenDone(this, m_notifications->post(m_version, m_message, m_client), [this](const Status &posted) {
        m_posting = false;
        m_progress->setVisible(false);
        const QString text = posted
            ? tr("Posted \"%1\" to %2; recorded in the audit log.").arg(m_message.name, m_message.channel)
            : tr("Not posted: %1").arg(posted.error().message);
        setStatus(text, !posted);
        updateButtons();
        emit postFinished(posted.has_value(), text);
    });
}

void CommunicationsDialog::editWebhook()
{
    if (!m_notifications)
        return;
    QStringList channels;
    for (const ScheduledNotification &s : std::as_const(m_schedule))
        if (!s.channel.isEmpty() && !channels.contains(s.channel))
            channels << s.channel;
    auto *dialog = new WebhookDialog(m_notifications->project(), channels, m_message.channel, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &WebhookDialog::changed, this, [this](const QString &text) {
        setStatus(text);
        checkWebhook();
    });
    dialog->open();
}

void CommunicationsDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(
        error ? QStringLiteral("color: %1;").arg(readableColor(failureColor()).name()) : QString());
}

void CommunicationsDialog::updateButtons()
{
    const bool have = m_selected >= 0 && !m_posting;
    m_copy->setEnabled(have);
    m_save->setEnabled(have);
    m_post->setEnabled(have && m_webhookStored);
    m_webhook->setEnabled(m_notifications != nullptr && !m_posting);
}

}  // namespace cockpit
