//! The moderators' queue: its tabs, their counts and their pages.

use super::*;
use crate::paging::Page;
use crate::text::excerpt;

/// How a hidden item's state reads: who hid it (none: reports did) and why.
pub(super) async fn hidden_by_names(db: &Db, ids: &[i64]) -> Result<HashMap<i64, String>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT id, display_name FROM accounts WHERE id IN ({})",
        placeholders.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for id in ids {
        query = query.bind(*id);
    }
    query
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("display_name")?)))
        .collect()
}

pub(super) fn hidden_state(row: &AnyRow, names: &HashMap<i64, String>) -> Result<Option<Hidden>, sqlx::Error> {
    let Some(at) = row.try_get::<Option<i64>, _>("hidden_at")? else {
        return Ok(None);
    };
    let by: Option<i64> = row.try_get("hidden_by")?;
    Ok(Some(Hidden {
        at,
        by: by.map(|id| names.get(&id).cloned().unwrap_or_default()),
        reason: row.try_get("hidden_reason")?,
    }))
}

/// The open reports on some items of one kind, by item.
pub(super) async fn tallies(db: &Db, target: Target, ids: &[i64]) -> Result<HashMap<i64, ReportTally>, sqlx::Error> {
    let mut tallies: HashMap<i64, ReportTally> = HashMap::new();
    if ids.is_empty() {
        return Ok(tallies);
    }
    let placeholders: Vec<String> = (2..=ids.len() + 1).map(|n| format!("${n}")).collect();
    let within = format!(
        "target_type = $1 AND resolved_at IS NULL AND target_id IN ({})",
        placeholders.join(", ")
    );
    let counted = format!(
        "SELECT target_id, reason, COUNT(*) AS n FROM reports WHERE {within} GROUP BY target_id, reason \
         ORDER BY target_id, n DESC"
    );
    let notes = format!(
        "SELECT target_id, note FROM reports WHERE {within} AND note <> '' ORDER BY id DESC LIMIT {}",
        ids.len() * 3
    );
    let mut query = sqlx::query(&counted).bind(target.as_str());
    for id in ids {
        query = query.bind(*id);
    }
    for row in query.fetch_all(&db.pool).await? {
        let reason: String = row.try_get("reason")?;
        let n: i64 = row.try_get("n")?;
        let tally = tallies.entry(row.try_get("target_id")?).or_default();
        tally.total += n;
        if let Some(reason) = ReportReason::parse(&reason) {
            tally.by_reason.push((reason, n));
        }
    }
    let mut query = sqlx::query(&notes).bind(target.as_str());
    for id in ids {
        query = query.bind(*id);
    }
    for row in query.fetch_all(&db.pool).await? {
        let tally = tallies.entry(row.try_get("target_id")?).or_default();
        if tally.notes.len() < 3 {
            tally.notes.push(row.try_get("note")?);
        }
    }
    Ok(tallies)
}

/// The open reports on one item, for its author and the moderators.
pub async fn tally(db: &Db, target: Target, id: i64) -> Result<ReportTally, sqlx::Error> {
    Ok(tallies(db, target, &[id]).await?.remove(&id).unwrap_or_default())
}

pub(super) const QUEUED_IDEA: &str = concat!(
    "SELECT i.id, i.slug, i.title, i.body, i.language, i.status, i.created_at, ic.vote_count, i.hidden_at, \
     i.hidden_by, i.hidden_reason, t.name_fr AS theme_fr, t.name_nl AS theme_nl, t.name_en AS theme_en, \
     CASE WHEN a.blocked_at IS NULL THEN 0 ELSE 1 END AS author_blocked, ",
    author_columns!(),
    " FROM ideas i JOIN idea_counters ic ON ic.idea_id = i.id JOIN themes t ON t.id = i.theme_id \
     JOIN accounts a ON a.id = i.author_id"
);

pub(super) const QUEUED_COMMENT: &str = concat!(
    "SELECT c.id, c.idea_id, c.body, c.created_at, c.hidden_at, c.hidden_by, c.hidden_reason, \
     i.slug AS idea_slug, i.title AS idea_title, CASE WHEN a.blocked_at IS NULL THEN 0 ELSE 1 END AS author_blocked, ",
    author_columns!(),
    " FROM comments c JOIN ideas i ON i.id = c.idea_id JOIN accounts a ON a.id = c.author_id"
);

pub(super) fn hidden_by_ids(rows: &[AnyRow]) -> Vec<i64> {
    rows.iter()
        .filter_map(|r| r.try_get::<Option<i64>, _>("hidden_by").ok().flatten())
        .collect()
}

pub(super) async fn queued_ideas(db: &Db, rows: Vec<AnyRow>) -> Result<Vec<QueuedIdea>, sqlx::Error> {
    let ids: Vec<i64> = rows.iter().filter_map(|r| r.try_get("id").ok()).collect();
    let mut reports = tallies(db, Target::Idea, &ids).await?;
    let names = hidden_by_names(db, &hidden_by_ids(&rows)).await?;
    rows.iter()
        .map(|r| {
            let id: i64 = r.try_get("id")?;
            Ok(QueuedIdea {
                id,
                slug: r.try_get("slug")?,
                title: r.try_get("title")?,
                excerpt: excerpt(&r.try_get::<String, _>("body")?, 280),
                language: r.try_get("language")?,
                theme_names: [r.try_get("theme_fr")?, r.try_get("theme_nl")?, r.try_get("theme_en")?],
                status: status_of(&r.try_get::<String, _>("status")?)?,
                author: author(r)?,
                created_at: r.try_get("created_at")?,
                vote_count: r.try_get("vote_count")?,
                reports: reports.remove(&id).unwrap_or_default(),
                hidden: hidden_state(r, &names)?,
                author_blocked: r.try_get::<i32, _>("author_blocked")? != 0,
                similar: vec![],
            })
        })
        .collect()
}

pub(super) async fn queued_comments(db: &Db, rows: Vec<AnyRow>) -> Result<Vec<QueuedComment>, sqlx::Error> {
    let ids: Vec<i64> = rows.iter().filter_map(|r| r.try_get("id").ok()).collect();
    let mut reports = tallies(db, Target::Comment, &ids).await?;
    let names = hidden_by_names(db, &hidden_by_ids(&rows)).await?;
    rows.iter()
        .map(|r| {
            let id: i64 = r.try_get("id")?;
            Ok(QueuedComment {
                id,
                idea_id: r.try_get("idea_id")?,
                idea_slug: r.try_get("idea_slug")?,
                idea_title: r.try_get("idea_title")?,
                excerpt: excerpt(&r.try_get::<String, _>("body")?, 280),
                author: author(r)?,
                created_at: r.try_get("created_at")?,
                reports: reports.remove(&id).unwrap_or_default(),
                hidden: hidden_state(r, &names)?,
                author_blocked: r.try_get::<i32, _>("author_blocked")? != 0,
            })
        })
        .collect()
}

/// Rows of `sql` (which ends where `IN (…)` can follow) for some ids, in no order.
pub(super) async fn rows_by_id(db: &Db, sql: &str, ids: &[i64]) -> Result<Vec<AnyRow>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
    let sql = format!("{sql} ({})", placeholders.join(", "));
    let mut query = sqlx::query(&sql);
    for id in ids {
        query = query.bind(*id);
    }
    query.fetch_all(&db.pool).await
}

pub async fn counts(db: &Db) -> Result<QueueCounts, sqlx::Error> {
    let new: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM ideas WHERE triaged_at IS NULL AND status = 'open' AND hidden_at IS NULL",
    )
    .fetch_one(&db.pool)
    .await?;
    let reported: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT DISTINCT target_type, target_id FROM reports WHERE resolved_at IS NULL) r",
    )
    .fetch_one(&db.pool)
    .await?;
    let hidden: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM ideas WHERE hidden_at IS NOT NULL) \
              + (SELECT COUNT(*) FROM comments WHERE hidden_at IS NOT NULL)",
    )
    .fetch_one(&db.pool)
    .await?;
    let organisations: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE kind <> 'resident' AND organisation_verified = $1")
            .bind(false)
            .fetch_one(&db.pool)
            .await?;
    let blocked: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE blocked_at IS NOT NULL")
        .fetch_one(&db.pool)
        .await?;
    Ok(QueueCounts {
        new,
        reported,
        hidden,
        organisations,
        blocked,
    })
}

/// One page of a tab of the queue (`page` from 1), with the counts of every tab.
pub async fn queue(db: &Db, tab: QueueTab, page: u32) -> Result<QueuePage, sqlx::Error> {
    let size = QUEUE_PAGE_SIZE;
    let offset = i64::from(page.saturating_sub(1)) * size;
    let entries: Vec<QueueEntry> = match tab {
        QueueTab::New => {
            let sql = format!(
                "{QUEUED_IDEA} WHERE i.triaged_at IS NULL AND i.status = 'open' AND i.hidden_at IS NULL \
                 ORDER BY i.created_at, i.id LIMIT $1 OFFSET $2"
            );
            let rows = sqlx::query(&sql)
                .bind(size + 1)
                .bind(offset)
                .fetch_all(&db.pool)
                .await?;
            queued_ideas(db, rows)
                .await?
                .into_iter()
                .map(QueueEntry::Idea)
                .collect()
        }
        QueueTab::Reported => {
            let rows = sqlx::query(
                "SELECT target_type, target_id, COUNT(*) AS n, MIN(created_at) AS first FROM reports \
                 WHERE resolved_at IS NULL GROUP BY target_type, target_id \
                 ORDER BY n DESC, first, target_id LIMIT $1 OFFSET $2",
            )
            .bind(size + 1)
            .bind(offset)
            .fetch_all(&db.pool)
            .await?;
            let order: Vec<(String, i64)> = rows
                .iter()
                .map(|r| Ok((r.try_get("target_type")?, r.try_get("target_id")?)))
                .collect::<Result<_, sqlx::Error>>()?;
            let of = |kind: Target| -> Vec<i64> {
                order
                    .iter()
                    .filter(|(t, _)| t == kind.as_str())
                    .map(|(_, id)| *id)
                    .collect()
            };
            let ideas = rows_by_id(db, &format!("{QUEUED_IDEA} WHERE i.id IN"), &of(Target::Idea)).await?;
            let comments = rows_by_id(db, &format!("{QUEUED_COMMENT} WHERE c.id IN"), &of(Target::Comment)).await?;
            let mut ideas: HashMap<i64, QueuedIdea> =
                queued_ideas(db, ideas).await?.into_iter().map(|i| (i.id, i)).collect();
            let mut comments: HashMap<i64, QueuedComment> = queued_comments(db, comments)
                .await?
                .into_iter()
                .map(|c| (c.id, c))
                .collect();
            order
                .iter()
                .filter_map(|(kind, id)| match Target::parse(kind)? {
                    Target::Idea => ideas.remove(id).map(QueueEntry::Idea),
                    Target::Comment => comments.remove(id).map(QueueEntry::Comment),
                })
                .collect()
        }
        QueueTab::Hidden => {
            // The newest hidden of both kinds: enough of each to fill this page, merged.
            let enough = offset + size + 1;
            let ideas = sqlx::query(&format!(
                "{QUEUED_IDEA} WHERE i.hidden_at IS NOT NULL ORDER BY i.hidden_at DESC, i.id DESC LIMIT $1"
            ))
            .bind(enough)
            .fetch_all(&db.pool)
            .await?;
            let comments = sqlx::query(&format!(
                "{QUEUED_COMMENT} WHERE c.hidden_at IS NOT NULL ORDER BY c.hidden_at DESC, c.id DESC LIMIT $1"
            ))
            .bind(enough)
            .fetch_all(&db.pool)
            .await?;
            let mut merged: Vec<QueueEntry> = queued_ideas(db, ideas)
                .await?
                .into_iter()
                .map(QueueEntry::Idea)
                .chain(
                    queued_comments(db, comments)
                        .await?
                        .into_iter()
                        .map(QueueEntry::Comment),
                )
                .collect();
            let hidden_at = |e: &QueueEntry| match e {
                QueueEntry::Idea(i) => i.hidden.as_ref().map(|h| h.at),
                QueueEntry::Comment(c) => c.hidden.as_ref().map(|h| h.at),
                QueueEntry::Organisation(_) | QueueEntry::Blocked(_) => None,
            };
            merged.sort_by_key(|e| std::cmp::Reverse(hidden_at(e)));
            merged.into_iter().skip(offset as usize).collect()
        }
        QueueTab::Organisations => {
            let rows = sqlx::query(
                "SELECT id, display_name, organisation_name, registration_number, kind, created_at FROM accounts \
                 WHERE kind <> 'resident' AND organisation_verified = $1 ORDER BY created_at, id LIMIT $2 OFFSET $3",
            )
            .bind(false)
            .bind(size + 1)
            .bind(offset)
            .fetch_all(&db.pool)
            .await?;
            rows.iter()
                .map(|r| {
                    let kind: String = r.try_get("kind")?;
                    Ok(QueueEntry::Organisation(QueuedOrganisation {
                        id: r.try_get("id")?,
                        display_name: r.try_get("display_name")?,
                        organisation_name: r.try_get::<Option<String>, _>("organisation_name")?.unwrap_or_default(),
                        registration_number: r.try_get("registration_number")?,
                        kind: AccountKind::parse(&kind).unwrap_or(AccountKind::Business),
                        created_at: r.try_get("created_at")?,
                    }))
                })
                .collect::<Result<_, sqlx::Error>>()?
        }
        QueueTab::Blocked => {
            let rows = sqlx::query(
                "SELECT a.id, a.display_name, a.organisation_name, a.kind, a.role, a.blocked_at, a.blocked_reason, \
                        b.display_name AS blocked_by \
                 FROM accounts a LEFT JOIN accounts b ON b.id = a.blocked_by \
                 WHERE a.blocked_at IS NOT NULL ORDER BY a.blocked_at DESC, a.id DESC LIMIT $1 OFFSET $2",
            )
            .bind(size + 1)
            .bind(offset)
            .fetch_all(&db.pool)
            .await?;
            rows.iter()
                .map(|r| {
                    let kind: String = r.try_get("kind")?;
                    let role: String = r.try_get("role")?;
                    Ok(QueueEntry::Blocked(BlockedAccount {
                        id: r.try_get("id")?,
                        display_name: r.try_get("display_name")?,
                        organisation_name: r.try_get("organisation_name")?,
                        kind: AccountKind::parse(&kind).unwrap_or(AccountKind::Resident),
                        role: Role::parse(&role).unwrap_or(Role::Member),
                        blocked_at: r.try_get("blocked_at")?,
                        blocked_by: r.try_get("blocked_by")?,
                        reason: r.try_get("blocked_reason")?,
                    }))
                })
                .collect::<Result<_, sqlx::Error>>()?
        }
    };
    let Page {
        items: entries,
        has_more,
    } = Page::from_lookahead(entries, size as usize);
    Ok(QueuePage {
        tab,
        counts: counts(db).await?,
        entries,
        has_more,
    })
}
