//! Writing ideas: proposing, editing and withdrawing, each in one transaction.

use super::*;

pub struct NewIdea<'a> {
    pub title: &'a str,
    pub slug: &'a str,
    pub body: &'a str,
    pub theme_slug: &'a str,
    pub district_slug: Option<&'a str>,
    pub author_id: i64,
    pub language: &'a str,
}

pub enum Created {
    Idea(i64),
    UnknownTheme,
    UnknownDistrict,
    /// The account proposed `IDEAS_PER_DAY` ideas in the last 24 hours.
    DailyLimit,
}

/// Ideas one account may propose in 24 hours.
pub const IDEAS_PER_DAY: i64 = 10;

/// Stores a new open idea and its first status event, in one transaction.
pub async fn create(db: &Db, idea: &NewIdea<'_>) -> Result<Created, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let (theme_id, district_id) = match placement(&mut tx, idea.theme_slug, idea.district_slug).await? {
        Placement::Found(theme_id, district_id) => (theme_id, district_id),
        Placement::UnknownTheme => return Ok(Created::UnknownTheme),
        Placement::UnknownDistrict => return Ok(Created::UnknownDistrict),
    };
    let now = now_ms();
    // Counted from the ideas themselves, so the limit holds across servers and restarts
    // and refused attempts do not count; the account is locked so that two submissions
    // cannot both pass the count.
    crate::accounts::store::lock_account(db, &mut tx, idea.author_id).await?;
    let proposed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ideas WHERE author_id = $1 AND created_at > $2")
        .bind(idea.author_id)
        .bind(now - crate::votes::trending::DAY_MS)
        .fetch_one(&mut *tx)
        .await?;
    if proposed >= IDEAS_PER_DAY {
        return Ok(Created::DailyLimit);
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO ideas (title, slug, body, excerpt, theme_id, district_id, author_id, language, status, \
                            created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $9) RETURNING id",
    )
    .bind(idea.title)
    .bind(idea.slug)
    .bind(idea.body)
    .bind(card_excerpt(idea.body))
    .bind(theme_id)
    .bind(district_id)
    .bind(idea.author_id)
    .bind(idea.language)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO idea_status_events (idea_id, status, actor_id, note, at) VALUES ($1, 'open', $2, '', $3)")
        .bind(id)
        .bind(idea.author_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    // Authors hear about what happens to their idea.
    crate::follows::store::follow_in(&mut tx, id, idea.author_id, now).await?;
    tx.commit().await?;
    Ok(Created::Idea(id))
}

pub enum Withdrawal {
    Done,
    NotAuthor,
    NotOpen,
    NoSuchIdea,
}

/// The author withdraws an idea nobody acted on yet; it stays visible as withdrawn. Its
/// followers are told, and the audit log keeps it, like every status change.
pub async fn withdraw(db: &Db, idea_id: i64, actor: &Actor) -> Result<Withdrawal, sqlx::Error> {
    let author_id = actor.id;
    let mut tx = db.begin_write().await?;
    // Locked: a moderator's decision arriving meanwhile waits, then finds it withdrawn.
    let sql = format!("SELECT author_id, status FROM ideas WHERE id = $1{}", db.lock_rows());
    let row = sqlx::query(&sql).bind(idea_id).fetch_optional(&mut *tx).await?;
    let outcome = match row {
        None => Withdrawal::NoSuchIdea,
        Some(r) if !may(actor, Action::WithdrawIdea, r.try_get("author_id")?) => Withdrawal::NotAuthor,
        Some(r) if status(&r)? != IdeaStatus::Open => Withdrawal::NotOpen,
        Some(_) => {
            let now = now_ms();
            sqlx::query("UPDATE ideas SET status = 'withdrawn', updated_at = $1 WHERE id = $2")
                .bind(now)
                .bind(idea_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO idea_status_events (idea_id, status, actor_id, note, at) VALUES ($1, 'withdrawn', $2, '', $3)",
            )
            .bind(idea_id)
            .bind(author_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            crate::notifications::store::notify_decision(
                &mut tx,
                crate::notifications::model::NotificationKind::Status,
                idea_id,
                Some(IdeaStatus::Withdrawn),
                author_id,
            )
            .await?;
            crate::audit::store::record(
                &mut *tx,
                Some(author_id),
                "idea.withdraw",
                "idea",
                Some(idea_id),
                "open -> withdrawn",
            )
            .await?;
            Withdrawal::Done
        }
    };
    tx.finish(matches!(outcome, Withdrawal::Done), outcome).await
}

pub enum Edit {
    Done,
    NotAuthor,
    NotOpen,
    /// Someone else supported it: the text they supported must not change under them.
    Supported,
    NoSuchIdea,
    UnknownTheme,
    UnknownDistrict,
}

pub struct IdeaText<'a> {
    pub title: &'a str,
    pub slug: &'a str,
    pub body: &'a str,
    pub theme_slug: &'a str,
    pub district_slug: Option<&'a str>,
}

/// The author rewrites an open idea nobody else has supported or discussed yet.
pub async fn edit(db: &Db, idea_id: i64, actor: &Actor, text: &IdeaText<'_>) -> Result<Edit, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let outcome = edit_in(&mut tx, db.lock_rows(), idea_id, actor, text).await?;
    tx.finish(matches!(outcome, Edit::Done), outcome).await
}

async fn edit_in(
    tx: &mut crate::db::WriteTx,
    lock: &str,
    idea_id: i64,
    actor: &Actor,
    text: &IdeaText<'_>,
) -> Result<Edit, sqlx::Error> {
    let author_id = actor.id;
    // Locked: votes and comments lock the idea too, so none slips in between the check
    // that nobody else took part and the new text.
    let sql = format!("SELECT author_id, status, hidden_at FROM ideas WHERE id = $1{lock}");
    let Some(row) = sqlx::query(&sql).bind(idea_id).fetch_optional(&mut **tx).await? else {
        return Ok(Edit::NoSuchIdea);
    };
    if !may(actor, Action::EditIdea, row.try_get("author_id")?) {
        return Ok(Edit::NotAuthor);
    }
    if status(&row)? != IdeaStatus::Open || row.try_get::<Option<i64>, _>("hidden_at")?.is_some() {
        return Ok(Edit::NotOpen);
    }
    if others_took_part(&mut **tx, idea_id, author_id).await? {
        return Ok(Edit::Supported);
    }
    let (theme_id, district_id) = match placement(tx, text.theme_slug, text.district_slug).await? {
        Placement::Found(theme_id, district_id) => (theme_id, district_id),
        Placement::UnknownTheme => return Ok(Edit::UnknownTheme),
        Placement::UnknownDistrict => return Ok(Edit::UnknownDistrict),
    };
    sqlx::query(
        "UPDATE ideas SET title = $1, slug = $2, body = $3, theme_id = $4, district_id = $5, updated_at = $6 \
         WHERE id = $7",
    )
    .bind(text.title)
    .bind(text.slug)
    .bind(text.body)
    .bind(theme_id)
    .bind(district_id)
    .bind(now_ms())
    .bind(idea_id)
    .execute(&mut **tx)
    .await?;
    // Apart from the text: the database forgets the excerpt of a text changed without it
    // (migration 0019), which an excerpt written unchanged beside the text would look like.
    sqlx::query("UPDATE ideas SET excerpt = $1 WHERE id = $2")
        .bind(card_excerpt(text.body))
        .bind(idea_id)
        .execute(&mut **tx)
        .await?;
    Ok(Edit::Done)
}

/// Whether someone other than the author voted for or commented on the idea.
async fn others_took_part<'e, E>(executor: E, idea_id: i64, author_id: i64) -> Result<bool, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM votes WHERE idea_id = $1 AND account_id <> $2 \
         UNION ALL SELECT 1 FROM comments WHERE idea_id = $1 AND author_id <> $2 LIMIT 1",
    )
    .bind(idea_id)
    .bind(author_id)
    .fetch_optional(executor)
    .await?;
    Ok(found.is_some())
}

/// Whether the author may still rewrite the idea (see `edit`).
pub async fn editable_by_author(db: &Db, idea_id: IdeaId, author_id: AccountId) -> Result<bool, sqlx::Error> {
    let (idea_id, author_id) = (idea_id.get(), author_id.get());
    Ok(!others_took_part(&db.pool, idea_id, author_id).await?)
}
