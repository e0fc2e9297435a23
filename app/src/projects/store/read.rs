//! Projects as pages and lists show them, and who follows them.

use super::*;

pub(super) const CARD_COLUMNS: &str = "p.id, p.slug, p.title, p.summary, p.language, p.status, p.adopted_at, p.updated_at, \
     t.slug AS theme_slug, t.name_fr AS theme_fr, t.name_nl AS theme_nl, t.name_en AS theme_en, \
     a.id AS owner_id, a.display_name AS owner_name, a.portfolio AS owner_portfolio, \
     (SELECT COUNT(*) FROM project_milestones m WHERE m.project_id = p.id) AS milestones_total, \
     (SELECT COUNT(CASE WHEN m.done THEN 1 END) FROM project_milestones m WHERE m.project_id = p.id) AS milestones_done";

pub(super) const CARD_JOINS: &str =
    "FROM projects p JOIN themes t ON t.id = p.theme_id JOIN accounts a ON a.id = p.owner_id";

pub(super) fn owner(row: &AnyRow) -> Result<Owner, sqlx::Error> {
    Ok(Owner {
        id: row.try_get("owner_id")?,
        display_name: row.try_get("owner_name")?,
        portfolio: row.try_get("owner_portfolio")?,
    })
}

pub(super) fn theme_names(row: &AnyRow) -> Result<[String; 3], sqlx::Error> {
    Ok([
        row.try_get("theme_fr")?,
        row.try_get("theme_nl")?,
        row.try_get("theme_en")?,
    ])
}

pub(super) fn card(row: &AnyRow) -> Result<ProjectCard, sqlx::Error> {
    let summary: String = row.try_get("summary")?;
    Ok(ProjectCard {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        title: row.try_get("title")?,
        excerpt: excerpt(&summary, 200),
        language: row.try_get("language")?,
        theme_slug: row.try_get("theme_slug")?,
        theme_names: theme_names(row)?,
        owner: owner(row)?,
        status: project_status(row)?,
        progress: Progress {
            done: row.try_get("milestones_done")?,
            total: row.try_get("milestones_total")?,
        },
        adopted_at: row.try_get("adopted_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

/// Follows or stops following a project; `None` when there is no such project.
pub async fn set_follow(
    db: &Db,
    project_id: ProjectId,
    account_id: AccountId,
    follow: bool,
) -> Result<Option<String>, sqlx::Error> {
    let (project_id, account_id) = (project_id.get(), account_id.get());
    let mut tx = db.begin_write().await?;
    let slug: Option<String> = sqlx::query_scalar("SELECT slug FROM projects WHERE id = $1")
        .bind(project_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(slug) = slug else {
        tx.rollback().await?;
        return Ok(None);
    };
    if follow {
        follow_in(&mut tx, project_id, account_id, now_ms()).await?;
    } else {
        sqlx::query("DELETE FROM project_follows WHERE project_id = $1 AND account_id = $2")
            .bind(project_id)
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(Some(path(project_id, &slug)))
}

pub async fn is_following(db: &Db, project_id: ProjectId, account_id: AccountId) -> Result<bool, sqlx::Error> {
    let (project_id, account_id) = (project_id.get(), account_id.get());
    let found: Option<i64> =
        sqlx::query_scalar("SELECT project_id FROM project_follows WHERE project_id = $1 AND account_id = $2")
            .bind(project_id)
            .bind(account_id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(found.is_some())
}

/// One page of the public list, newest first; filters come from the URL.
pub async fn list(db: &Db, query: &ProjectQuery) -> Result<ProjectList, sqlx::Error> {
    let page = query.page.clamp(1, ProjectQuery::MAX_PAGE);
    let size = i64::from(ProjectQuery::PAGE_SIZE);
    let sql = format!(
        "SELECT {CARD_COLUMNS} {CARD_JOINS} \
         WHERE ($1 = '' OR p.status = $1) AND ($2 = '' OR t.slug = $2) AND ($3 = 0 OR p.owner_id = $3) \
         ORDER BY p.id DESC LIMIT $4 OFFSET $5"
    );
    let rows = sqlx::query(&sql)
        .bind(query.status.map(ProjectStatus::as_str).unwrap_or(""))
        .bind(query.theme.as_deref().unwrap_or(""))
        .bind(query.owner.unwrap_or(0))
        .bind(size + 1)
        .bind(i64::from(page - 1) * size)
        .fetch_all(&db.pool)
        .await?;
    Page::from_lookahead(rows, size as usize).try_map(|row| card(&row))
}

/// A page of the public list after project `after` (from the newest without it), for
/// clients that walk the whole list: projects added meanwhile never shift the pages.
pub async fn list_after(
    db: &Db,
    query: &ProjectQuery,
    after: Option<ProjectId>,
    size: u32,
) -> Result<ProjectList, sqlx::Error> {
    let sql = format!(
        "SELECT {CARD_COLUMNS} {CARD_JOINS} \
         WHERE ($1 = '' OR p.status = $1) AND ($2 = '' OR t.slug = $2) AND ($3 = 0 OR p.owner_id = $3) \
           AND ($4 = 0 OR p.id < $4) \
         ORDER BY p.id DESC LIMIT $5"
    );
    let rows = sqlx::query(&sql)
        .bind(query.status.map(ProjectStatus::as_str).unwrap_or(""))
        .bind(query.theme.as_deref().unwrap_or(""))
        .bind(query.owner.unwrap_or(0))
        .bind(after.map_or(0, ProjectId::get))
        .bind(i64::from(size) + 1)
        .fetch_all(&db.pool)
        .await?;
    Page::from_lookahead(rows, size as usize).try_map(|row| card(&row))
}

/// The projects on a desk: one owner's, or everyone's for an admin (`None`).
pub async fn desk(db: &Db, owner_id: Option<i64>) -> Result<Vec<ProjectCard>, sqlx::Error> {
    let sql =
        format!("SELECT {CARD_COLUMNS} {CARD_JOINS} WHERE ($1 = 0 OR p.owner_id = $1) ORDER BY p.id DESC LIMIT 200");
    let rows = sqlx::query(&sql)
        .bind(owner_id.unwrap_or(0))
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(card).collect()
}

pub async fn detail(db: &Db, id: ProjectId) -> Result<Option<ProjectDetail>, sqlx::Error> {
    let id = id.get();
    let Some(r) = sqlx::query(
        "SELECT p.id, p.slug, p.title, p.summary, p.language, p.status, p.statement, p.decided_at, p.adopted_at, \
                p.created_at, t.slug AS theme_slug, t.name_fr AS theme_fr, t.name_nl AS theme_nl, \
                t.name_en AS theme_en, a.id AS owner_id, a.display_name AS owner_name, \
                a.portfolio AS owner_portfolio \
         FROM projects p JOIN themes t ON t.id = p.theme_id JOIN accounts a ON a.id = p.owner_id WHERE p.id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?
    else {
        return Ok(None);
    };
    let factors: Vec<String> =
        sqlx::query_scalar("SELECT text FROM project_factors WHERE project_id = $1 ORDER BY position LIMIT 50")
            .bind(id)
            .fetch_all(&db.pool)
            .await?;
    let milestones = sqlx::query(
        "SELECT id, title, target_date, CAST(CAST(done AS INTEGER) AS BIGINT) AS done, done_at \
         FROM project_milestones WHERE project_id = $1 ORDER BY position, id LIMIT 200",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|m| {
        Ok(Milestone {
            id: m.try_get("id")?,
            title: m.try_get("title")?,
            target_date: m.try_get("target_date")?,
            done: m.try_get::<i64, _>("done")? != 0,
            done_at: m.try_get("done_at")?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let timeline = sqlx::query(
        "SELECT u.kind, u.status, u.body, u.created_at, a.display_name AS author_name FROM project_updates u \
         LEFT JOIN accounts a ON a.id = u.author_id WHERE u.project_id = $1 \
         ORDER BY u.created_at DESC, u.id DESC LIMIT 100",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(timeline_entry)
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let ideas = sqlx::query(
        "SELECT i.id, i.slug, i.title, i.language, ic.vote_count, i.comment_count, a.display_name AS author_name \
         FROM project_ideas pi JOIN ideas i ON i.id = pi.idea_id JOIN idea_counters ic ON ic.idea_id = i.id \
         JOIN accounts a ON a.id = i.author_id \
         WHERE pi.project_id = $1 AND i.hidden_at IS NULL ORDER BY pi.position LIMIT 50",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|i| {
        Ok(SourceIdea {
            id: i.try_get("id")?,
            slug: i.try_get("slug")?,
            title: i.try_get("title")?,
            language: i.try_get("language")?,
            author_name: i.try_get("author_name")?,
            vote_count: i.try_get("vote_count")?,
            comment_count: i.try_get("comment_count")?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let supporters: i64 = sqlx::query_scalar(
        "SELECT COUNT(DISTINCT v.account_id) FROM votes v JOIN project_ideas pi ON pi.idea_id = v.idea_id \
         WHERE pi.project_id = $1",
    )
    .bind(id)
    .fetch_one(&db.pool)
    .await?;
    let followers: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM project_follows WHERE project_id = $1")
        .bind(id)
        .fetch_one(&db.pool)
        .await?;
    Ok(Some(ProjectDetail {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        title: r.try_get("title")?,
        summary: r.try_get("summary")?,
        language: r.try_get("language")?,
        theme_slug: r.try_get("theme_slug")?,
        theme_names: theme_names(&r)?,
        owner: owner(&r)?,
        status: project_status(&r)?,
        statement: r.try_get("statement")?,
        decided_at: r.try_get("decided_at")?,
        adopted_at: r.try_get("adopted_at")?,
        created_at: r.try_get("created_at")?,
        factors,
        milestones,
        timeline,
        ideas,
        supporters,
        followers,
    }))
}

/// The project an idea became part of, if any.
pub async fn of_idea<'e>(
    db: impl sqlx::Executor<'e, Database = sqlx::Any>,
    idea_id: IdeaId,
) -> Result<Option<ProjectLink>, sqlx::Error> {
    let idea_id = idea_id.get();
    let row = sqlx::query(
        "SELECT p.id, p.slug, p.title, p.language, p.status FROM project_ideas pi \
         JOIN projects p ON p.id = pi.project_id WHERE pi.idea_id = $1",
    )
    .bind(idea_id)
    .fetch_optional(db)
    .await?;
    row.map(|r| {
        Ok(ProjectLink {
            id: r.try_get("id")?,
            slug: r.try_get("slug")?,
            title: r.try_get("title")?,
            language: r.try_get("language")?,
            status: project_status(&r)?,
        })
    })
    .transpose()
}

/// Every member of the government, by name (accents and case aside, which the engines'
/// default collations do not set aside alike).
pub async fn officials(db: &Db) -> Result<Vec<Official>, sqlx::Error> {
    let rows =
        sqlx::query("SELECT id, display_name, portfolio FROM accounts WHERE role = 'official' ORDER BY id LIMIT 200")
            .fetch_all(&db.pool)
            .await?;
    let mut officials = rows
        .iter()
        .map(|r| {
            Ok(Official {
                id: r.try_get("id")?,
                display_name: r.try_get("display_name")?,
                portfolio: r.try_get("portfolio")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    officials.sort_by_cached_key(|o| (crate::ideas::model::slugify(&o.display_name), o.id));
    Ok(officials)
}

/// Every member of the government with the projects they adopted since `year_start`
/// (and still carry) and the candidates awaiting their decision.
fn timeline_entry(u: &AnyRow) -> Result<TimelineEntry, sqlx::Error> {
    let kind: String = u.try_get("kind")?;
    let status: Option<String> = u.try_get("status")?;
    Ok(TimelineEntry {
        kind: UpdateKind::parse(&kind)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown update kind {kind}").into()))?,
        status: status.as_deref().and_then(ProjectStatus::parse),
        body: u.try_get("body")?,
        author_name: u.try_get("author_name")?,
        at: u.try_get("created_at")?,
    })
}

/// The newest entries of every project's timeline, or of one project's, newest first.
pub async fn recent_news(db: &Db, project: Option<ProjectId>, limit: u32) -> Result<Vec<ProjectNews>, sqlx::Error> {
    sqlx::query(
        "SELECT u.id, u.kind, u.status, u.body, u.created_at, a.display_name AS author_name, \
                p.id AS project_id, p.slug AS project_slug, p.title AS project_title \
         FROM project_updates u JOIN projects p ON p.id = u.project_id LEFT JOIN accounts a ON a.id = u.author_id \
         WHERE ($1 = 0 OR u.project_id = $1) ORDER BY u.created_at DESC, u.id DESC LIMIT $2",
    )
    .bind(project.map_or(0, ProjectId::get))
    .bind(i64::from(limit))
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        Ok(ProjectNews {
            id: r.try_get("id")?,
            project_id: r.try_get("project_id")?,
            project_slug: r.try_get("project_slug")?,
            project_title: r.try_get("project_title")?,
            entry: timeline_entry(r)?,
        })
    })
    .collect()
}

pub async fn commitments(db: &Db, year: i64) -> Result<Vec<Commitment>, sqlx::Error> {
    let officials = officials(db).await?;
    let sql = format!(
        "SELECT {CARD_COLUMNS} {CARD_JOINS} \
         WHERE p.adopted_at >= $1 AND p.adopted_at < $2 AND p.status IN ('adopted', 'in_progress', 'completed') \
           AND a.role = 'official' \
         ORDER BY p.adopted_at, p.id LIMIT 1000"
    );
    let adopted = sqlx::query(&sql)
        .bind(crate::calendar::month_start_ms(year, 1))
        .bind(crate::calendar::month_start_ms(year + 1, 1))
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(card)
        .collect::<Result<Vec<_>, _>>()?;
    let pending =
        sqlx::query("SELECT owner_id, COUNT(*) AS n FROM projects WHERE status = 'candidate' GROUP BY owner_id")
            .fetch_all(&db.pool)
            .await?
            .iter()
            .map(|r| Ok((r.try_get::<i64, _>("owner_id")?, r.try_get::<i64, _>("n")?)))
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(officials
        .into_iter()
        .map(|official| Commitment {
            adopted: adopted.iter().filter(|p| p.owner.id == official.id).cloned().collect(),
            pending: pending
                .iter()
                .find(|(owner, _)| *owner == official.id)
                .map(|(_, n)| *n)
                .unwrap_or_default(),
            official,
        })
        .collect())
}

pub(super) fn idea_choice(r: &AnyRow) -> Result<IdeaChoice, sqlx::Error> {
    Ok(IdeaChoice {
        id: r.try_get("id")?,
        title: r.try_get("title")?,
        language: r.try_get("language")?,
        theme_slug: r.try_get("theme_slug")?,
        vote_count: r.try_get("vote_count")?,
    })
}

pub(super) const PROMOTABLE: &str = "i.status IN ('open', 'under_review') AND i.hidden_at IS NULL \
     AND NOT EXISTS (SELECT 1 FROM project_ideas pi WHERE pi.idea_id = i.id)";

/// The ideas a moderator may promote, most supported first, those asked for (`chosen`)
/// first of all.
pub async fn promotable_ideas(db: &Db, theme: Option<&str>, chosen: &[i64]) -> Result<Vec<IdeaChoice>, sqlx::Error> {
    let mut ideas = Vec::new();
    if !chosen.is_empty() {
        let placeholders = (1..=chosen.len())
            .map(|n| format!("${n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT i.id, i.title, i.language, ic.vote_count, t.slug AS theme_slug FROM ideas i \
             JOIN idea_counters ic ON ic.idea_id = i.id JOIN themes t ON t.id = i.theme_id \
             WHERE i.id IN ({placeholders}) AND {PROMOTABLE} ORDER BY ic.vote_count DESC, ic.idea_id DESC"
        );
        let mut statement = sqlx::query(&sql);
        for id in chosen {
            statement = statement.bind(*id);
        }
        for row in statement.fetch_all(&db.pool).await? {
            ideas.push(idea_choice(&row)?);
        }
    }
    let sql = format!(
        "SELECT i.id, i.title, i.language, ic.vote_count, t.slug AS theme_slug FROM ideas i \
         JOIN idea_counters ic ON ic.idea_id = i.id JOIN themes t ON t.id = i.theme_id \
         WHERE ($1 = '' OR t.slug = $1) AND {PROMOTABLE} ORDER BY ic.vote_count DESC, ic.idea_id DESC LIMIT 100"
    );
    for row in sqlx::query(&sql).bind(theme.unwrap_or("")).fetch_all(&db.pool).await? {
        let idea = idea_choice(&row)?;
        if !ideas.iter().any(|i| i.id == idea.id) {
            ideas.push(idea);
        }
    }
    Ok(ideas)
}
