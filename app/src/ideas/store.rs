//! SQL for ideas. One set of queries for SQLite and PostgreSQL.

use super::model::{
    Author, District, IdeaDetail, IdeaList, IdeaRef, IdeaStatus, IdeaSummary, ListQuery, SearchTerms, Sort, StatusEvent,
};
use crate::accounts::model::{AccountKind, Role};
use crate::db::{now_ms, Db, Engine};
use crate::moderation::model::Hidden;
use crate::policy::{self, Action, Actor, Facts};
use sqlx::any::AnyRow;
use sqlx::Row;

fn status(row: &AnyRow) -> Result<IdeaStatus, sqlx::Error> {
    let text: String = row.try_get("status")?;
    IdeaStatus::parse(&text).ok_or_else(|| sqlx::Error::Decode(format!("unknown status {text}").into()))
}

fn district(row: &AnyRow) -> Result<Option<District>, sqlx::Error> {
    let id: Option<i64> = row.try_get("district_id")?;
    id.map(|id| {
        Ok(District {
            id,
            slug: row.try_get("district_slug")?,
            names: [
                row.try_get("district_fr")?,
                row.try_get("district_nl")?,
                row.try_get("district_en")?,
            ],
        })
    })
    .transpose()
}

/// The columns that describe who wrote something (the account joined as `a`), as every
/// store selects them for `author`. A macro, so that it joins other constant SQL.
macro_rules! author_columns {
    () => {
        "a.id AS author_id, a.display_name AS author_name, a.kind AS author_kind, a.role AS author_role, \
         a.organisation_name, CAST(CAST(a.organisation_verified AS INTEGER) AS BIGINT) AS organisation_verified"
    };
}
pub(crate) use author_columns;

/// Who wrote it, from the columns of `author_columns!`.
pub(crate) fn author(row: &AnyRow) -> Result<Author, sqlx::Error> {
    let kind: String = row.try_get("author_kind")?;
    let role: String = row.try_get("author_role")?;
    Ok(Author {
        id: row.try_get("author_id")?,
        display_name: row.try_get("author_name")?,
        kind: AccountKind::parse(&kind).unwrap_or(AccountKind::Resident),
        role: Role::parse(&role).unwrap_or(Role::Member),
        organisation_name: row.try_get("organisation_name")?,
        organisation_verified: row.try_get::<i64, _>("organisation_verified")? != 0,
    })
}

pub async fn districts(db: &Db) -> Result<Vec<District>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id AS district_id, slug AS district_slug, name_fr AS district_fr, name_nl AS district_nl, \
                name_en AS district_en FROM districts ORDER BY position, id",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter().filter_map(|r| district(r).transpose()).collect()
}

enum Placement {
    Found(i64, Option<i64>),
    UnknownTheme,
    UnknownDistrict,
}

/// The ids of an active theme and of a municipality (if one was named).
async fn placement(
    tx: &mut crate::db::WriteTx,
    theme_slug: &str,
    district_slug: Option<&str>,
) -> Result<Placement, sqlx::Error> {
    let theme_id: Option<i64> = sqlx::query_scalar("SELECT id FROM themes WHERE slug = $1 AND archived = $2")
        .bind(theme_slug)
        .bind(false)
        .fetch_optional(&mut **tx)
        .await?;
    let Some(theme_id) = theme_id else {
        return Ok(Placement::UnknownTheme);
    };
    let Some(slug) = district_slug else {
        return Ok(Placement::Found(theme_id, None));
    };
    let district_id: Option<i64> = sqlx::query_scalar("SELECT id FROM districts WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(match district_id {
        Some(id) => Placement::Found(theme_id, Some(id)),
        None => Placement::UnknownDistrict,
    })
}

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
        "INSERT INTO ideas (title, slug, body, theme_id, district_id, author_id, language, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $8) RETURNING id",
    )
    .bind(idea.title)
    .bind(idea.slug)
    .bind(idea.body)
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

const IDEA_JOINS: &str = "FROM ideas i \
     JOIN themes t ON t.id = i.theme_id \
     JOIN accounts a ON a.id = i.author_id \
     LEFT JOIN districts d ON d.id = i.district_id";

const IDEA_COLUMNS: &str = concat!(
    "i.id, i.slug, i.title, i.body, i.status, i.vote_count, i.comment_count, i.created_at, \
     i.language, t.slug AS theme_slug, t.name_fr AS theme_fr, t.name_nl AS theme_nl, t.name_en AS theme_en, \
     i.district_id, d.slug AS district_slug, d.name_fr AS district_fr, d.name_nl AS district_nl, \
     d.name_en AS district_en, i.hidden_at, i.hidden_by, i.hidden_reason, i.duplicate_of, ",
    author_columns!()
);

pub async fn detail(db: &Db, id: i64) -> Result<Option<IdeaDetail>, sqlx::Error> {
    let sql = format!("SELECT {IDEA_COLUMNS} {IDEA_JOINS} WHERE i.id = $1");
    let Some(r) = sqlx::query(&sql).bind(id).fetch_optional(&db.pool).await? else {
        return Ok(None);
    };
    let history = sqlx::query(
        "SELECT e.status, e.kind, e.note, e.at, a.display_name AS actor_name, a.role AS actor_role \
         FROM idea_status_events e \
         LEFT JOIN accounts a ON a.id = e.actor_id WHERE e.idea_id = $1 ORDER BY e.at, e.id LIMIT 100",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|e| {
        Ok(StatusEvent {
            status: status(e)?,
            response: e.try_get::<String, _>("kind")? == "response",
            note: e.try_get("note")?,
            actor_name: e.try_get("actor_name")?,
            actor_role: e
                .try_get::<Option<String>, _>("actor_role")?
                .as_deref()
                .and_then(Role::parse),
            at: e.try_get("at")?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let hidden = match r.try_get::<Option<i64>, _>("hidden_at")? {
        None => None,
        Some(at) => {
            let by = match r.try_get::<Option<i64>, _>("hidden_by")? {
                Some(id) => crate::moderation::store::hidden_by_name(db, id).await?,
                None => None,
            };
            Some(Hidden {
                at,
                by,
                reason: r.try_get("hidden_reason")?,
            })
        }
    };
    let duplicate_of = match r.try_get::<Option<i64>, _>("duplicate_of")? {
        None => None,
        Some(original) => sqlx::query("SELECT id, slug, title FROM ideas WHERE id = $1")
            .bind(original)
            .fetch_optional(&db.pool)
            .await?
            .map(|o| {
                Ok::<_, sqlx::Error>(IdeaRef {
                    id: o.try_get("id")?,
                    slug: o.try_get("slug")?,
                    title: o.try_get("title")?,
                })
            })
            .transpose()?,
    };
    Ok(Some(IdeaDetail {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        title: r.try_get("title")?,
        body: r.try_get("body")?,
        theme_slug: r.try_get("theme_slug")?,
        theme_names: [r.try_get("theme_fr")?, r.try_get("theme_nl")?, r.try_get("theme_en")?],
        district: district(&r)?,
        author: author(&r)?,
        language: r.try_get("language")?,
        status: status(&r)?,
        vote_count: r.try_get("vote_count")?,
        comment_count: r.try_get("comment_count")?,
        created_at: r.try_get("created_at")?,
        history,
        hidden,
        duplicate_of,
    }))
}

/// A value bound to a query built at run time, in the order its placeholder appears.
enum Arg {
    Int(i64),
    Text(String),
}

/// Conditions and their arguments; numbers the placeholders as it goes, since PostgreSQL
/// refuses an argument the statement does not use.
#[derive(Default)]
struct Filter {
    clauses: Vec<String>,
    args: Vec<Arg>,
}

impl Filter {
    /// Adds `clause`, in which `?` stands for the next argument.
    fn push(&mut self, clause: &str, arg: Arg) {
        self.args.push(arg);
        self.clauses.push(clause.replace('?', &format!("${}", self.args.len())));
    }

    fn placeholder(&mut self, arg: Arg) -> String {
        self.args.push(arg);
        format!("${}", self.args.len())
    }

    fn where_clause(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }
}

/// The condition that finds ideas matching `terms`: the one place each engine's full-text
/// search is spelled (SQLite: FTS5 table `ideas_search`; PostgreSQL: column `ideas.search`).
///
/// On SQLite the unary `+` keeps the planner from driving the query by the matches: it
/// would look up, join and sort every matching idea before keeping a page of them (0.3 s
/// for a word in most of 100,000 ideas). Instead it walks the list's order index and
/// keeps the ideas among the matches, stopping after one page: a few milliseconds at
/// most, the most for a rare word (the walk goes further).
fn search_clause(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => "+i.id IN (SELECT rowid FROM ideas_search WHERE ideas_search MATCH ?)",
        Engine::Postgres => "i.search @@ agora_search_query(?)",
    }
}

/// One page of the public list; filters and order come from the URL.
pub async fn list(db: &Db, query: &ListQuery) -> Result<IdeaList, sqlx::Error> {
    let mut filter = Filter::default();
    // Hidden ideas are out of every list but their author's own.
    if query.author.is_none() {
        filter.clauses.push("i.hidden_at IS NULL".to_owned());
    }
    if let Some(theme) = &query.theme {
        filter.push(
            "i.theme_id = (SELECT id FROM themes WHERE slug = ?)",
            Arg::Text(theme.clone()),
        );
    }
    if let Some(status) = query.status {
        filter.push("i.status = ?", Arg::Text(status.as_str().to_owned()));
    }
    if let Some(district) = &query.district {
        filter.push(
            "i.district_id = (SELECT id FROM districts WHERE slug = ?)",
            Arg::Text(district.clone()),
        );
    }
    if let Some(author) = query.author {
        filter.push("i.author_id = ?", Arg::Int(author));
    }
    if let Some(supporter) = query.supporter {
        filter.push(
            "i.id IN (SELECT idea_id FROM votes WHERE account_id = ?)",
            Arg::Int(supporter),
        );
    }
    if let Some(follower) = query.follower {
        filter.push(
            "i.id IN (SELECT idea_id FROM follows WHERE account_id = ?)",
            Arg::Int(follower),
        );
    }
    if let Some(terms) = query.search.as_deref().and_then(SearchTerms::parse) {
        let words = match db.engine {
            Engine::Sqlite => terms.fts5_query(),
            Engine::Postgres => terms.postgres_words(),
        };
        filter.push(search_clause(db.engine), Arg::Text(words));
    }
    let order = match query.sort {
        Sort::Newest => "i.created_at DESC, i.id DESC",
        Sort::MostVotes => "i.vote_count DESC, i.id DESC",
        Sort::MostDiscussed => "i.comment_count DESC, i.id DESC",
        Sort::Trending => "i.recent_votes DESC, i.vote_count DESC, i.id DESC",
    };
    let page = query.page.clamp(1, ListQuery::MAX_PAGE);
    let size = i64::from(ListQuery::PAGE_SIZE);
    let limit = filter.placeholder(Arg::Int(size + 1));
    let offset = filter.placeholder(Arg::Int(i64::from(page - 1) * size));
    let sql = format!(
        "SELECT {IDEA_COLUMNS} {IDEA_JOINS}{} ORDER BY {order} LIMIT {limit} OFFSET {offset}",
        filter.where_clause()
    );
    let mut statement = sqlx::query(&sql);
    for arg in filter.args {
        statement = match arg {
            Arg::Int(v) => statement.bind(v),
            Arg::Text(v) => statement.bind(v),
        };
    }
    let rows = statement.fetch_all(&db.pool).await?;
    let has_more = rows.len() as i64 > size;
    let ideas = rows
        .iter()
        .take(size as usize)
        .map(|r| {
            let body: String = r.try_get("body")?;
            Ok(IdeaSummary {
                id: r.try_get("id")?,
                slug: r.try_get("slug")?,
                title: r.try_get("title")?,
                excerpt: excerpt(&body, 180),
                language: r.try_get("language")?,
                theme_slug: r.try_get("theme_slug")?,
                theme_names: [r.try_get("theme_fr")?, r.try_get("theme_nl")?, r.try_get("theme_en")?],
                district: district(r)?,
                author_name: r.try_get("author_name")?,
                status: status(r)?,
                vote_count: r.try_get("vote_count")?,
                comment_count: r.try_get("comment_count")?,
                created_at: r.try_get("created_at")?,
                hidden: r.try_get::<Option<i64>, _>("hidden_at")?.is_some(),
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(IdeaList { ideas, has_more })
}

fn excerpt(body: &str, max: usize) -> String {
    let flat: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
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

/// What the policy needs to know about an idea (its author, whether it is hidden);
/// `None` when there is no such idea.
pub async fn facts(db: &Db, idea_id: i64) -> Result<Option<Facts>, sqlx::Error> {
    let row = sqlx::query("SELECT author_id, hidden_at FROM ideas WHERE id = $1")
        .bind(idea_id)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| {
        let hidden = r.try_get::<Option<i64>, _>("hidden_at")?.is_some();
        Ok(Facts::item(r.try_get("author_id")?, hidden))
    })
    .transpose()
}

/// Whether the policy lets `actor` do `action` on an item `author` wrote.
fn may(actor: &Actor, action: Action, author: i64) -> bool {
    policy::decide(Some(actor), action, &Facts::authored_by(author)).is_ok()
}

/// Whether the author may still rewrite the idea (see `edit`).
pub async fn editable_by_author(db: &Db, idea_id: i64, author_id: i64) -> Result<bool, sqlx::Error> {
    Ok(!others_took_part(&db.pool, idea_id, author_id).await?)
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn an_excerpt_is_one_line_and_cut_at_the_limit() {
        assert_eq!(excerpt("One.\n\nTwo.", 50), "One. Two.");
        assert_eq!(excerpt("abcdef", 3), "abc…");
    }
}
