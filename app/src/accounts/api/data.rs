//! Server functions for the holder's own data: reading all of it, and deleting the
//! account.

use crate::accounts::model::AccountData;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    crate::accounts::store,
    crate::ctx,
    crate::policy::{Action, Facts},
};

/// Everything stored about the signed-in account, section by section (the JSON file of
/// `/profile/data.json` and the page `/profile/data`).
#[server(endpoint = "my_data")]
pub async fn my_data() -> Result<AccountData, AppError> {
    let user = ctx::authorize(Action::UseAccount, &Facts::none()).await?;
    Ok(store::export::export(&ctx::db()?, user.id).await?)
}

/// Deletes the signed-in account once its password confirms it; with `erase_comments`
/// (a checkbox) the text of its comments goes too.
#[server(endpoint = "delete_account")]
pub async fn delete_account(password: String, erase_comments: Option<String>) -> Result<(), AppError> {
    let user = ctx::authorize(Action::UseAccount, &Facts::none()).await?;
    ctx::limits()?
        .password_changes_per_account
        .hit(crate::ratelimit::key(&user.id))?;
    super::confirm_password(user.id, password, "password").await?;
    let db = ctx::db()?;
    store::delete_account(&db, user.id, erase_comments.is_some()).await?;
    ctx::sign_out_session().await?;
    ctx::redirect("/login?account=deleted");
    Ok(())
}
