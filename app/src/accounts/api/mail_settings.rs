//! Server functions for what an account hears of by email: its choices on the profile,
//! and the unsubscribe link of every news email, which works without signing in.

use crate::error::AppError;
use crate::mail::model::MailPreferences;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    crate::ctx,
    crate::mail::model::{next_digest_at, Frequency, NewsKind},
    crate::mail::store as mail_store,
    crate::policy::{Action, Facts},
};

#[server(endpoint = "mail_preferences")]
pub async fn my_mail_preferences() -> Result<MailPreferences, AppError> {
    let user = ctx::authorize(Action::UseAccount, &Facts::none()).await?;
    mail_store::preferences(&ctx::db()?, user.id)
        .await?
        .ok_or(AppError::NotFound)
}

/// How often, and which kinds of news (checkboxes: present when ticked).
#[server(endpoint = "set_mail_preferences")]
pub async fn set_mail_preferences(
    frequency: String,
    mine: Option<String>,
    replies: Option<String>,
    follows: Option<String>,
    projects: Option<String>,
) -> Result<(), AppError> {
    let user = ctx::authorize(Action::UseAccount, &Facts::none()).await?;
    let frequency = Frequency::parse(&frequency).ok_or_else(|| AppError::field("frequency", "unknown_choice"))?;
    let ticked = [
        (NewsKind::Mine, mine),
        (NewsKind::Replies, replies),
        (NewsKind::Follows, follows),
        (NewsKind::Projects, projects),
    ];
    let preferences = MailPreferences {
        frequency,
        kinds: ticked
            .into_iter()
            .filter(|(_, box_)| box_.is_some())
            .map(|(kind, _)| kind)
            .collect(),
    };
    let hour = ctx::state()?.settings.digest_hour;
    let next = next_digest_at(frequency, crate::db::now_ms(), hour).unwrap_or(0);
    mail_store::set_preferences(&ctx::db()?, user.id, &preferences, next).await?;
    ctx::redirect_plain_form("/profile?mail=saved#email");
    Ok(())
}

/// Follows the unsubscribe link of a news email: `kind` is `all` or one kind of news.
/// The link's signature authorises it, so it works signed out, on any device.
#[server(endpoint = "unsubscribe")]
pub async fn unsubscribe(account: i64, kind: String, sig: String) -> Result<(), AppError> {
    let state = ctx::state()?;
    if !mail_store::unsubscribe(&state.db, &state.keys, account, &kind, &sig).await? {
        return Err(AppError::LinkExpired);
    }
    ctx::redirect("/unsubscribe?done=1");
    Ok(())
}
