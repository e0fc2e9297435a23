use super::model::NotificationPage;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::store,
    crate::ctx,
    crate::policy::{Action, Facts},
};

/// How many of the caller's notifications are unread (shown in the header).
#[server(endpoint = "unread_notifications")]
pub async fn unread_notifications() -> Result<i64, AppError> {
    // Read for the header of every page a member views; a visitor asking through the API
    // is refused, and that 401 is not worth a log line.
    let user = ctx::authorize_quietly(Action::UseAccount, &Facts::none()).await?;
    match ctx::known_unread_notifications() {
        Some(unread) => Ok(unread),
        None => Ok(store::unread_count(&ctx::db()?, user.id).await?),
    }
}

/// The caller's notifications, newest first; `before` continues an earlier page.
#[server(endpoint = "notifications")]
pub async fn notifications(before: Option<i64>) -> Result<NotificationPage, AppError> {
    let user = ctx::authorize(Action::UseAccount, &Facts::none()).await?;
    let moderator = user.may(Action::HideContent);
    Ok(store::page(&ctx::db()?, user.id, moderator, before).await?)
}

/// Marks a notification read and goes to the idea or project it is about.
#[server(endpoint = "open_notification")]
pub async fn open_notification(id: i64) -> Result<String, AppError> {
    let user = ctx::authorize(Action::UseAccount, &Facts::none()).await?;
    let subject = store::mark_read(&ctx::db()?, user.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let path = subject.path();
    ctx::redirect(&path);
    Ok(path)
}

/// Marks every notification of the caller read.
#[server(endpoint = "mark_notifications_read")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    let user = ctx::authorize(Action::UseAccount, &Facts::none()).await?;
    store::mark_all_read(&ctx::db()?, user.id).await?;
    ctx::redirect_plain_form("/notifications");
    Ok(())
}
