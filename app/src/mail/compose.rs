//! The emails Agora sends, composed in the recipient's language: multipart (plain text
//! and simple, accessible HTML with the same content), with `Date`, `Message-ID` and
//! `Auto-Submitted`, ready for the outbox: the links of an account's life, and the news
//! of what it follows.

use super::model::{Frequency, Outgoing, Token};
use crate::error::{AppError, AppResult};
use crate::i18n::translate;
use crate::locale::Locale;
use crate::notifications::model::{Notification, NotificationKind};
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

/// The headers every message has: from, to, subject, `Date`, `Message-ID`,
/// `Auto-Submitted` and `Content-Language`.
fn headers(settings: &MailSettings, to: &Recipient<'_>, subject: &str) -> AppResult<lettre::message::MessageBuilder> {
    let address = to.email.parse().map_err(AppError::internal)?;
    Ok(Message::builder()
        .from(settings.from.clone())
        .to(Mailbox::new(Some(to.name.to_owned()), address))
        .subject(subject)
        .date_now()
        .message_id(None)
        .header(AutoSubmitted)
        .header(ContentLanguage(to.locale)))
}

/// The link that confirms a new address, sent to that address.
pub fn email_change(settings: &MailSettings, to: &Recipient<'_>, token: &Token) -> AppResult<Outgoing> {
    let link = settings.link(&format!("/confirm-email-change?token={}", token.expose()));
    compose(
        settings,
        to,
        &link,
        &Content {
            kind: "email_change",
            subject: "mail-change-subject",
            before: &["mail-change-body"],
            action: "mail-change-action",
            after: &["mail-change-expiry", "mail-ignore"],
        },
    )
}

/// The notice to the old address that someone asked to move the account to another one:
/// if it was not its holder, they know, and the link of their profile is there.
pub fn email_change_notice(settings: &MailSettings, to: &Recipient<'_>) -> AppResult<Outgoing> {
    let link = settings.link("/profile");
    compose(
        settings,
        to,
        &link,
        &Content {
            kind: "email_change_notice",
            subject: "mail-change-notice-subject",
            before: &["mail-change-notice-body"],
            action: "mail-change-notice-action",
            after: &["mail-change-notice-after"],
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

    let message = headers(settings, to, &subject)?
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

/// The `List-Unsubscribe` header (RFC 2369): where a mail program stops these emails.
#[derive(Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(text: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(text.trim_matches(['<', '>']).to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), format!("<{}>", self.0))
    }
}

/// `List-Unsubscribe-Post` (RFC 8058): the link works with one POST, no page to visit.
#[derive(Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_owned())
    }
}

/// What one idea or project had: its title, its page, and a line per kind of news.
struct Group {
    title: String,
    path: String,
    lines: Vec<String>,
}

/// The news of one idea or project counted by kind, in the order they first came.
struct Tally {
    key: String,
    title: String,
    path: String,
    counts: Vec<(NotificationKind, i64)>,
}

fn groups(locale: Locale, news: &[Notification]) -> Vec<Group> {
    let mut tallies: Vec<Tally> = vec![];
    for notification in news {
        let (key, path) = match (notification.project_id, notification.idea_id) {
            (Some(project), _) => (format!("p{project}"), format!("/projects/{project}")),
            (None, Some(idea)) => (format!("i{idea}"), format!("/ideas/{idea}")),
            (None, None) => continue,
        };
        let at = match tallies.iter().position(|t| t.key == key) {
            Some(at) => at,
            None => {
                tallies.push(Tally {
                    key,
                    title: notification.idea_title.clone(),
                    path,
                    counts: vec![],
                });
                tallies.len() - 1
            }
        };
        let counts = &mut tallies[at].counts;
        match counts.iter_mut().find(|(kind, _)| *kind == notification.kind) {
            Some((_, count)) => *count += 1,
            None => counts.push((notification.kind, 1)),
        }
    }
    tallies
        .into_iter()
        .map(|tally| Group {
            title: tally.title,
            path: tally.path,
            lines: tally
                .counts
                .into_iter()
                .map(|(kind, count)| {
                    translate(
                        locale,
                        &format!("mail-news-{}", kind.as_str().replace('_', "-")),
                        &[("count", count.to_string())],
                    )
                })
                .collect(),
        })
        .collect()
}

/// News of what the account follows, grouped by idea and project, with a link to each,
/// to its email settings and to stop these emails (also as `List-Unsubscribe`, one click).
/// `unsubscribe(kind)` is the signed link that stops news of `kind` (`all`: every kind).
pub fn news(
    settings: &MailSettings,
    to: &Recipient<'_>,
    frequency: Frequency,
    news: &[Notification],
    unsubscribe: &dyn Fn(&str) -> String,
) -> AppResult<Outgoing> {
    let locale = to.locale;
    let say = |key: &str| translate(locale, key, &[]);
    let groups = groups(locale, news);
    let subject = match frequency {
        Frequency::Weekly => say("mail-news-subject-weekly"),
        Frequency::Daily => say("mail-news-subject-daily"),
        Frequency::Instant | Frequency::Never => match groups.as_slice() {
            [one] => translate(locale, "mail-news-subject-one", &[("title", one.title.clone())]),
            _ => say("mail-news-subject-daily"),
        },
    };
    let greeting = translate(locale, "mail-greeting", &[("name", to.name.to_owned())]);
    let intro = say("mail-news-intro");
    let settings_link = settings.link("/profile#email");
    let stop_link = unsubscribe("all");
    let why = say("mail-news-why");
    let change = say("mail-news-change");
    let stop = say("mail-news-stop");
    let signature = say("mail-signature");

    let mut text = format!("{greeting}\n\n{intro}\n\n");
    for group in &groups {
        text.push_str(&format!("{}\n{}\n", group.title, settings.link(&group.path)));
        for line in &group.lines {
            text.push_str(&format!("- {line}\n"));
        }
        text.push('\n');
    }
    text.push_str(&format!(
        "-- \n{signature}\n{why}\n{change}: {settings_link}\n{stop}: {stop_link}\n"
    ));

    let escape = |s: &str| html_escape::encode_text(s).into_owned();
    let attribute = |s: &str| html_escape::encode_double_quoted_attribute(s).into_owned();
    let mut sections = String::new();
    for group in &groups {
        sections.push_str(&format!(
            "<h2 style=\"font-size: 18px; margin: 24px 0 8px;\"><a href=\"{}\" style=\"color: #004f9f;\">{}</a></h2>\n<ul>\n",
            attribute(&settings.link(&group.path)),
            escape(&group.title)
        ));
        for line in &group.lines {
            sections.push_str(&format!("<li>{}</li>\n", escape(line)));
        }
        sections.push_str("</ul>\n");
    }
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n</head>\n\
         <body style=\"font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;\">\n\
         <p>{greeting}</p>\n<p>{intro}</p>\n{sections}<hr>\n<p>{signature}<br>{why}</p>\n\
         <p><a href=\"{settings_href}\" style=\"color: #004f9f;\">{change}</a> · \
         <a href=\"{stop_href}\" style=\"color: #004f9f;\">{stop}</a></p>\n</body>\n</html>\n",
        lang = locale.code(),
        title = escape(&subject),
        greeting = escape(&greeting),
        intro = escape(&intro),
        signature = escape(&signature),
        why = escape(&why),
        settings_href = attribute(&settings_link),
        change = escape(&change),
        stop_href = attribute(&stop_link),
        stop = escape(&stop),
    );
    let message = headers(settings, to, &subject)?
        .header(ListUnsubscribe(stop_link.clone()))
        .header(ListUnsubscribePost)
        .multipart(MultiPart::alternative_plain_html(text, html))
        .map_err(AppError::internal)?;
    Ok(Outgoing {
        kind: "news",
        recipient: to.email.to_owned(),
        subject,
        link: settings_link,
        message: String::from_utf8(message.formatted()).map_err(AppError::internal)?,
    })
}
