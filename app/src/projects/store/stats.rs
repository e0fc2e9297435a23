//! The Programme Office's figures.

use super::*;

/// The Program Office's figures: per theme, and participation per month (`months`,
/// oldest first, as (year, month)) by account kind.
pub async fn dashboard(db: &Db, months: &[(i64, i64)]) -> Result<DashboardFigures, sqlx::Error> {
    let theme_rows = sqlx::query(
        // One pass over the ideas for the three figures, not one per figure and theme.
        "SELECT t.id, t.slug, t.name_fr AS theme_fr, t.name_nl AS theme_nl, t.name_en AS theme_en, \
                COALESCE(f.ideas, 0) AS ideas, COALESCE(f.votes, 0) AS votes, COALESCE(f.accepted, 0) AS accepted \
         FROM themes t LEFT JOIN ( \
             SELECT i.theme_id, COUNT(*) AS ideas, CAST(SUM(ic.vote_count) AS BIGINT) AS votes, \
                    COUNT(CASE WHEN i.status = 'accepted' THEN 1 END) AS accepted \
             FROM ideas i JOIN idea_counters ic ON ic.idea_id = i.id WHERE i.hidden_at IS NULL GROUP BY i.theme_id \
         ) f ON f.theme_id = t.id ORDER BY t.position, t.id LIMIT 200",
    )
    .fetch_all(&db.pool)
    .await?;
    let project_rows = sqlx::query("SELECT theme_id, status, COUNT(*) AS n FROM projects GROUP BY theme_id, status")
        .fetch_all(&db.pool)
        .await?;
    let mut counted: Vec<(i64, usize, i64)> = Vec::with_capacity(project_rows.len());
    for p in &project_rows {
        let status = project_status(p)?;
        let column = ProjectStatus::ALL.iter().position(|s| *s == status).unwrap_or_default();
        counted.push((p.try_get("theme_id")?, column, p.try_get("n")?));
    }
    let mut themes = Vec::with_capacity(theme_rows.len());
    for r in &theme_rows {
        let id: i64 = r.try_get("id")?;
        let mut projects = [0; 5];
        for (_, column, n) in counted.iter().filter(|(theme, _, _)| *theme == id) {
            projects[*column] += n;
        }
        themes.push(ThemeFigures {
            slug: r.try_get("slug")?,
            names: theme_names(r)?,
            ideas: r.try_get("ideas")?,
            votes: r.try_get("votes")?,
            accepted: r.try_get("accepted")?,
            projects,
        });
    }
    Ok(DashboardFigures {
        themes,
        participation: participation(db, months).await?,
        computed_at: now_ms(),
    })
}

/// Distinct accounts that proposed, supported or commented, per month and account kind.
/// Months are told apart by a CASE over their first instants, so that one statement
/// serves both engines whatever the calendar.
pub(super) async fn participation(db: &Db, months: &[(i64, i64)]) -> Result<Vec<MonthParticipation>, sqlx::Error> {
    use crate::projects::model::month_start_ms;
    let Some(&(last_year, last_month)) = months.last() else {
        return Ok(vec![]);
    };
    let starts: Vec<i64> = months.iter().map(|&(y, m)| month_start_ms(y, m)).collect();
    let end = if last_month == 12 {
        month_start_ms(last_year + 1, 1)
    } else {
        month_start_ms(last_year, last_month + 1)
    };
    let end_placeholder = starts.len() + 1;
    let mut bucket = String::from("CASE");
    for k in (1..starts.len()).rev() {
        bucket.push_str(&format!(" WHEN created_at >= ${} THEN {k}", k + 1));
    }
    bucket.push_str(" ELSE 0 END");
    let window = format!("created_at >= $1 AND created_at < ${end_placeholder}");
    // Every act counts once per (month, kind) through COUNT(DISTINCT), an account's kind
    // being its own. Not DISTINCT within each source then UNION across them: at a
    // million votes PostgreSQL's plan for that ran for minutes (its estimates of the
    // distinct pairs were off a hundredfold), where this takes seconds on both engines.
    // The unary plus on the votes' window keeps SQLite off the time index (which would
    // fetch every row for its account) and on the covering (account_id, created_at)
    // index. PostgreSQL reads it as the same value.
    let sql = format!(
        "SELECT y.bucket, a.kind, COUNT(DISTINCT y.account_id) AS n FROM ( \
             SELECT account_id, {bucket} AS bucket FROM votes \
             WHERE +created_at >= $1 AND +created_at < ${end_placeholder} \
             UNION ALL SELECT author_id, {bucket} FROM ideas WHERE {window} \
             UNION ALL SELECT author_id, {bucket} FROM comments WHERE {window} \
         ) y JOIN accounts a ON a.id = y.account_id GROUP BY y.bucket, a.kind"
    );
    let mut statement = sqlx::query(&sql);
    for start in &starts {
        statement = statement.bind(*start);
    }
    let rows = statement.bind(end).fetch_all(&db.pool).await?;
    let mut participation: Vec<MonthParticipation> = months
        .iter()
        .map(|&(year, month)| MonthParticipation {
            year,
            month,
            by_kind: [0; 3],
        })
        .collect();
    for r in &rows {
        let bucket: i64 = r.try_get("bucket")?;
        let kind: String = r.try_get("kind")?;
        let kind = AccountKind::parse(&kind).and_then(|k| AccountKind::ALL.iter().position(|x| *x == k));
        if let (Some(month), Some(kind)) = (participation.get_mut(bucket as usize), kind) {
            month.by_kind[kind] += r.try_get::<i64, _>("n")?;
        }
    }
    Ok(participation)
}
