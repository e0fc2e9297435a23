//! Email about what people follow: at once, or in a daily or weekly digest at a fixed
//! hour in Brussels, as each account chose. An account's cursor (`mailed_through`, the
//! newest notification already considered) makes sure no notification is emailed twice,
//! and moving it, in the transaction that puts the email in the outbox, is how one server
//! among several claims an account's next email: another that read the same cursor
//! changes nothing.

use agora_app::db::{now_ms, Db};
use agora_app::keys::Keys;
use agora_app::mail::compose::{self, MailSettings, Recipient};
use agora_app::mail::model::{next_digest_at, Frequency};
use agora_app::mail::store::{self as mail_store, DueAccount};
use std::sync::Arc;
use tokio::sync::Notify;

/// Notifications read for one email at most; the rest wait for the next one.
const MOST_PER_EMAIL: i64 = 200;
/// Accounts handled per look.
const ACCOUNTS_PER_LOOK: i64 = 100;

pub struct NewsMailer {
    pub db: Db,
    pub mail: Arc<MailSettings>,
    pub keys: Arc<Keys>,
    /// Told when an email was put in the outbox.
    pub outbox: Arc<Notify>,
    /// The hour (Brussels) digests go out at.
    pub hour: i8,
}

impl NewsMailer {
    /// Prepares the emails that are due: answers how many went to the outbox.
    pub async fn look(&self) -> anyhow::Result<usize> {
        let now = now_ms();
        let mut queued = 0;
        for account in mail_store::due_accounts(&self.db, now, ACCOUNTS_PER_LOOK).await? {
            if self.prepare(&account, now).await? {
                queued += 1;
            }
        }
        if queued > 0 {
            self.outbox.notify_one();
        }
        Ok(queued)
    }

    async fn prepare(&self, account: &DueAccount, now: i64) -> anyhow::Result<bool> {
        let news = agora_app::notifications::store::since(&self.db, account.id, account.mailed_through, MOST_PER_EMAIL)
            .await?;
        let newest = news.last().map_or(account.mailed_through, |n| n.id);
        let wanted: Vec<_> = news
            .into_iter()
            .filter(|n| !n.concealed && account.preferences.wants(n.kind))
            .collect();
        let next_digest = match account.preferences.frequency {
            Frequency::Daily | Frequency::Weekly => {
                next_digest_at(account.preferences.frequency, now, self.hour).unwrap_or(now + 24 * 3_600_000)
            }
            _ => account.next_digest_at,
        };
        // Nothing wanted, or nobody to send it to: the cursor moves on, no email (an empty
        // digest is never sent).
        let message = if wanted.is_empty() || !account.deliverable {
            None
        } else {
            let unsubscribe = |kind: &str| {
                self.mail.link(&format!(
                    "/unsubscribe?account={}&kind={kind}&sig={}",
                    account.id,
                    self.keys.unsubscribe_signature(account.id, kind)
                ))
            };
            Some(compose::news(
                &self.mail,
                &Recipient {
                    email: &account.email,
                    name: &account.display_name,
                    locale: account.language,
                },
                account.preferences.frequency,
                &wanted,
                &unsubscribe,
            )?)
        };
        let claimed = mail_store::advance_news(
            &self.db,
            account.id,
            account.mailed_through,
            newest,
            next_digest,
            message.as_ref(),
        )
        .await?;
        Ok(claimed && message.is_some())
    }
}
