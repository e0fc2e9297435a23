//! The mail worker: sends what waits in the outbox over SMTP or, without an SMTP server
//! (the embedded default), writes it to `.eml` files and logs where its link leads.
//!
//! A message is claimed for a while, sent, then marked sent: a worker that dies in
//! between leaves it to be claimed again once the claim ran out, so a message may go
//! twice but is never lost. Several servers share the outbox (PostgreSQL skips the rows
//! another claimed).

use crate::config::MailConfig;
use agora_app::db::{now_ms, Db};
use agora_app::mail::model::retry_delay_ms;
use agora_app::mail::store::{self as outbox, Claimed};
use anyhow::Context;
use lettre::address::{Address, Envelope};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// Messages taken at once.
const BATCH: i64 = 10;
/// How long a claim lasts: longer than a batch takes with every SMTP call timing out.
const LEASE_MS: i64 = 5 * 60 * 1000;
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files {
        transport: AsyncFileTransport<Tokio1Executor>,
        dir: PathBuf,
    },
}

impl Transport {
    pub fn from_config(config: &MailConfig) -> anyhow::Result<Transport> {
        match &config.smtp_url {
            Some(url) => {
                let smtp = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .context("AGORA_SMTP_URL is not a usable SMTP address")?
                    .timeout(Some(SMTP_TIMEOUT))
                    .build();
                Ok(Transport::Smtp(smtp))
            }
            None => {
                let dir = PathBuf::from(&config.outbox_dir);
                std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
                Ok(Transport::Files {
                    transport: AsyncFileTransport::new(&dir),
                    dir,
                })
            }
        }
    }

    /// Sends one message; the error is a short class (never the server's text, which may
    /// name the recipient) and whether trying again can help.
    async fn send(&self, envelope: &Envelope, message: &[u8]) -> Result<(), Failure> {
        match self {
            Transport::Smtp(smtp) => smtp.send_raw(envelope, message).await.map(drop).map_err(|e| {
                let class = match e.status() {
                    Some(code) => format!("smtp {code}"),
                    None if e.is_timeout() => "timeout".to_owned(),
                    None if e.is_tls() => "tls".to_owned(),
                    None => "connection".to_owned(),
                };
                Failure {
                    class,
                    permanent: e.is_permanent(),
                }
            }),
            Transport::Files { transport, .. } => {
                transport
                    .send_raw(envelope, message)
                    .await
                    .map(drop)
                    .map_err(|e| Failure {
                        class: format!("file: {e}"),
                        permanent: false,
                    })
            }
        }
    }
}

struct Failure {
    class: String,
    /// The server refused the message for good (5xx): trying again cannot help.
    permanent: bool,
}

pub struct Worker {
    pub db: Db,
    pub transport: Transport,
    pub from: Address,
    pub wake: Arc<Notify>,
    pub retry_base_ms: i64,
    pub poll: Duration,
}

impl Worker {
    /// Runs for the life of the server.
    pub async fn run(self) {
        loop {
            let outcome = self.deliver_due().await;
            match outcome {
                Ok(taken) if taken > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "the outbox could not be read"),
            }
            let wait = match outbox::next_due(&self.db).await {
                Ok(Some(at)) => Duration::from_millis(u64::try_from(at - now_ms()).unwrap_or(0)).min(self.poll),
                _ => self.poll,
            };
            tokio::select! {
                () = self.wake.notified() => {}
                () = tokio::time::sleep(wait) => {}
            }
        }
    }

    /// Sends what is due; answers how many messages were taken.
    async fn deliver_due(&self) -> Result<usize, sqlx::Error> {
        let batch = outbox::claim_due(&self.db, BATCH, LEASE_MS).await?;
        for message in &batch {
            self.deliver(message).await?;
        }
        Ok(batch.len())
    }

    async fn deliver(&self, message: &Claimed) -> Result<(), sqlx::Error> {
        if let Some(account) = message.account_id {
            if !outbox::deliverable(&self.db, account).await? {
                tracing::info!(
                    id = message.id,
                    kind = message.kind,
                    "mail dropped: its account is blocked or gone"
                );
                return outbox::drop_message(&self.db, message.id, "account blocked or deleted").await;
            }
        }
        let Ok(to) = message.recipient.parse::<Address>() else {
            return outbox::drop_message(&self.db, message.id, "invalid address").await;
        };
        let Ok(envelope) = Envelope::new(Some(self.from.clone()), vec![to]) else {
            return outbox::drop_message(&self.db, message.id, "invalid envelope").await;
        };
        match self.transport.send(&envelope, message.message.as_bytes()).await {
            Ok(()) => {
                outbox::mark_sent(&self.db, message.id).await?;
                match &self.transport {
                    // The embedded default: whoever runs the site locally reads the link
                    // here (the message itself is in the folder).
                    Transport::Files { dir, .. } => tracing::info!(
                        subject = message.subject,
                        link = message.link,
                        folder = %dir.display(),
                        "mail written"
                    ),
                    Transport::Smtp(_) => tracing::info!(id = message.id, kind = message.kind, "mail sent"),
                }
                Ok(())
            }
            Err(failure) if failure.permanent => {
                tracing::warn!(
                    id = message.id,
                    kind = message.kind,
                    error = failure.class,
                    "mail refused for good"
                );
                outbox::drop_message(&self.db, message.id, &failure.class).await
            }
            Err(failure) => {
                let retry_in = retry_delay_ms(message.attempts, self.retry_base_ms);
                tracing::warn!(
                    id = message.id,
                    kind = message.kind,
                    attempts = message.attempts,
                    retry_in_ms = retry_in,
                    error = failure.class,
                    "mail not sent; it will be tried again"
                );
                outbox::mark_failed(&self.db, message, &failure.class, retry_in).await
            }
        }
    }
}
