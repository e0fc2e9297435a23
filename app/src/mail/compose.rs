//! The emails Agora sends, composed in the recipient's language: multipart (plain text
//! and simple, accessible HTML with the same content), with `Date`, `Message-ID` and
//! `Auto-Submitted`, ready for the outbox.

use super::model::{Outgoing, Token};
use crate::error::{AppError, AppResult};
use crate::i18n::translate;
use crate::locale::Locale;
use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::Message;

/// Where mail comes from and where its links lead.
#[derive(Debug, Clone)]
pub struct MailSettings {
    /// `AGORA_MAIL_FROM`, e.g. `Agora <no-reply@agora.brussels>`.
    pub from: Mailbox,
    /// `AGORA_PUBLIC_URL` without a trailing slash: links in mail are absolute.
    pub public_url: String,
}

impl MailSettings {
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }
}

/// Marks the message as sent by a machine (RFC 3834), so that mail servers send no
/// vacation replies to it.
#[derive(Clone)]
struct AutoSubmitted;

impl Header for AutoSubmitted {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Auto-Submitted")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(AutoSubmitted)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "auto-generated".to_owned())
    }
}

/// The language of the message's content (RFC 3282).
#[derive(Clone)]
struct ContentLanguage(Locale);

impl Header for ContentLanguage {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Content-Language")
    }

    fn parse(text: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Locale::parse(text)
            .map(ContentLanguage)
            .ok_or_else(|| "unknown language".into())
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.code().to_owned())
    }
}

/// Who a message goes to.
pub struct Recipient<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub locale: Locale,
}

/// What a message says: paragraphs around one link, translated by key.
struct Content<'a> {
    kind: &'static str,
    subject: &'a str,
    before: &'a [&'a str],
    action: &'a str,
    after: &'a [&'a str],
}

/// The link that confirms the address of a new account.
pub fn verification(settings: &MailSettings, to: &Recipient<'_>, token: &Token) -> AppResult<Outgoing> {
    let link = settings.link(&format!("/verify-email?token={}", token.expose()));
    compose(
        settings,
        to,
        &link,
        &Content {
            kind: "verify",
            subject: "mail-verify-subject",
            before: &["mail-verify-body"],
            action: "mail-verify-action",
            after: &["mail-verify-expiry", "mail-ignore"],
        },
    )
}

/// The link that lets the account choose a new password.
pub fn password_reset(settings: &MailSettings, to: &Recipient<'_>, token: &Token) -> AppResult<Outgoing> {
    let link = settings.link(&format!("/reset-password?token={}", token.expose()));
    compose(
        settings,
        to,
        &link,
        &Content {
            kind: "reset",
            subject: "mail-reset-subject",
            before: &["mail-reset-body"],
            action: "mail-reset-action",
            after: &["mail-reset-expiry", "mail-ignore"],
        },
    )
}

fn compose(settings: &MailSettings, to: &Recipient<'_>, link: &str, content: &Content<'_>) -> AppResult<Outgoing> {
    let locale = to.locale;
    let say = |key: &str| translate(locale, key, &[]);
    let subject = say(content.subject);
    let greeting = translate(locale, "mail-greeting", &[("name", to.name.to_owned())]);
    let before: Vec<String> = content.before.iter().map(|k| say(k)).collect();
    let after: Vec<String> = content.after.iter().map(|k| say(k)).collect();
    let action = say(content.action);
    let signature = say("mail-signature");

    let mut text = format!("{greeting}\n\n");
    for paragraph in &before {
        text.push_str(&format!("{paragraph}\n\n"));
    }
    text.push_str(&format!("{action}:\n{link}\n\n"));
    for paragraph in &after {
        text.push_str(&format!("{paragraph}\n\n"));
    }
    text.push_str(&format!("-- \n{signature}\n"));

    let escape = |s: &str| html_escape::encode_text(s).into_owned();
    let paragraphs = |list: &[String]| {
        list.iter()
            .map(|p| format!("<p>{}</p>\n", escape(p)))
            .collect::<String>()
    };
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n</head>\n\
         <body style=\"font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;\">\n\
         <p>{greeting}</p>\n{before}<p><a href=\"{href}\" style=\"color: #004f9f; font-weight: bold;\">{action}</a></p>\n\
         <p style=\"word-break: break-all;\">{link_text}</p>\n{after}<p>{signature}</p>\n</body>\n</html>\n",
        lang = locale.code(),
        title = escape(&subject),
        greeting = escape(&greeting),
        before = paragraphs(&before),
        href = html_escape::encode_double_quoted_attribute(link),
        action = escape(&action),
        link_text = escape(link),
        after = paragraphs(&after),
        signature = escape(&signature),
    );

    let address = to.email.parse().map_err(AppError::internal)?;
    let recipient = Mailbox::new(Some(to.name.to_owned()), address);
    let message = Message::builder()
        .from(settings.from.clone())
        .to(recipient)
        .subject(subject.clone())
        .date_now()
        .message_id(None)
        .header(AutoSubmitted)
        .header(ContentLanguage(locale))
        .multipart(MultiPart::alternative_plain_html(text, html))
        .map_err(AppError::internal)?;
    let message = String::from_utf8(message.formatted()).map_err(AppError::internal)?;
    Ok(Outgoing {
        kind: content.kind,
        recipient: to.email.to_owned(),
        subject,
        link: link.to_owned(),
        message,
    })
}
