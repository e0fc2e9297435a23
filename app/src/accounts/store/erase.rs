//! Deleting an account at its holder's request (GDPR article 17): what identified them
//! is erased in place, so that what they wrote stays readable as written by "a deleted
//! account" and their votes keep counting, anonymously; nothing can be restored.

use crate::audit;
use crate::db::{now_ms, Db};

/// Erases account `id`: email, name, password, organisation, portfolio, sessions (the
/// auth version moves on), links, mail, follows and notifications; with `erase_comments`
/// also the text of its comments. The address may register again. Answers false when the
/// account was already deleted.
pub async fn delete_account(db: &Db, id: i64, erase_comments: bool) -> Result<bool, sqlx::Error> {
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    let erased = sqlx::query(
        "UPDATE accounts SET email = '', email_normalized = $1, password_hash = '', display_name = '', \
                             portfolio = NULL, organisation_name = NULL, registration_number = NULL, \
                             organisation_verified = FALSE, registered_from = NULL, blocked_reason = '', \
                             role = 'member', auth_version = auth_version + 1, email_verified_at = NULL, \
                             sign_in_failures = 0, sign_in_failed_at = NULL, deleted_at = $2 \
         WHERE id = $3 AND deleted_at IS NULL",
    )
    .bind(format!("deleted:{id}"))
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if erased == 0 {
        tx.rollback().await?;
        return Ok(false);
    }
    for sql in [
        "DELETE FROM email_tokens WHERE account_id = $1",
        "DELETE FROM outbox WHERE account_id = $1",
        "DELETE FROM follows WHERE account_id = $1",
        "DELETE FROM project_follows WHERE account_id = $1",
        "DELETE FROM notifications WHERE account_id = $1",
    ] {
        sqlx::query(sql).bind(id).execute(&mut *tx).await?;
    }
    if erase_comments {
        sqlx::query("UPDATE comments SET body = '', deleted_at = COALESCE(deleted_at, $1) WHERE author_id = $2")
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    let detail = if erase_comments { "comments erased" } else { "" };
    audit::store::record(&mut *tx, Some(id), "account.deleted", "account", Some(id), detail).await?;
    tx.commit().await?;
    db.forget_rows();
    Ok(true)
}
