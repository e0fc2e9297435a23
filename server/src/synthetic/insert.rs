//! Multi-row INSERTs of the planned rows, in statements sized to each engine's parameter limit.

use super::{Clock, NewAccount, NewEvent, NewIdea, NewVote};
use anyhow::Context;
use sqlx::any::AnyArguments;
use sqlx::Any;

/// Rows per INSERT: larger statements gain nothing and cost more to parse.
const MAX_ROWS: usize = 1_000;

pub(super) type AnyQuery<'q> = sqlx::query::Query<'q, Any, AnyArguments<'q>>;

/// A multi-row INSERT: `head` then one `row(first_parameter)` per row, after `fixed`
/// parameters shared by every row ($1…).
pub(super) struct Insert {
    label: &'static str,
    head: &'static str,
    params_per_row: usize,
    fixed: usize,
    row: fn(usize) -> String,
}

impl Insert {
    fn sql(&self, rows: usize) -> String {
        let mut sql = String::from(self.head);
        for r in 0..rows {
            if r > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&(self.row)(self.fixed + 1 + r * self.params_per_row));
        }
        sql
    }
}

pub(super) trait BindRow {
    fn bind_to<'q>(&'q self, query: AnyQuery<'q>) -> AnyQuery<'q>;
}

pub(super) const ACCOUNTS: Insert = Insert {
    label: "accounts",
    head: "INSERT INTO accounts (id, email, email_normalized, password_hash, display_name, kind, role, \
           organisation_name, registration_number, organisation_verified, created_at, email_verified_at) VALUES ",
    params_per_row: 8,
    fixed: 1,
    row: |p| {
        format!(
            "(${}, ${}, ${}, $1, ${}, ${}, 'member', ${}, ${}, ${}, ${}, ${})",
            p,
            p + 1,
            p + 1,
            p + 2,
            p + 3,
            p + 4,
            p + 5,
            p + 6,
            p + 7,
            p + 7
        )
    },
};

impl BindRow for NewAccount {
    fn bind_to<'q>(&'q self, query: AnyQuery<'q>) -> AnyQuery<'q> {
        let (name, number, verified) = match &self.organisation {
            Some((name, number, verified)) => (Some(name.as_str()), Some(number.as_str()), *verified),
            None => (None, None, false),
        };
        query
            .bind(self.id)
            .bind(self.email.as_str())
            .bind(self.display_name.as_str())
            .bind(self.kind)
            .bind(name)
            .bind(number)
            .bind(verified)
            .bind(self.created_at)
    }
}

pub(super) const IDEAS: Insert = Insert {
    label: "ideas",
    head: "INSERT INTO ideas (id, title, slug, body, excerpt, theme_id, district_id, author_id, language, status, \
           created_at, updated_at) VALUES ",
    params_per_row: 12,
    fixed: 0,
    row: |p| {
        let list: Vec<String> = (p..p + 12).map(|i| format!("${i}")).collect();
        format!("({})", list.join(", "))
    },
};

impl BindRow for NewIdea {
    fn bind_to<'q>(&'q self, query: AnyQuery<'q>) -> AnyQuery<'q> {
        query
            .bind(self.id)
            .bind(self.title.as_str())
            .bind(self.slug.as_str())
            .bind(self.body.as_str())
            .bind(agora_app::ideas::store::card_excerpt(&self.body))
            .bind(self.theme_id)
            .bind(self.district_id)
            .bind(self.author_id)
            .bind(self.language)
            .bind(self.status)
            .bind(self.created_at)
            .bind(self.updated_at)
    }
}

/// An idea's vote counters as planned (the trending window's share is computed after).
pub(super) struct PlannedCounters<'a>(pub(super) &'a NewIdea);

pub(super) const COUNTERS: Insert = Insert {
    label: "vote counters",
    head: "INSERT INTO idea_counters (idea_id, theme_id, vote_count) VALUES ",
    params_per_row: 3,
    fixed: 0,
    row: |p| format!("(${p}, ${}, ${})", p + 1, p + 2),
};

impl BindRow for PlannedCounters<'_> {
    fn bind_to<'q>(&'q self, query: AnyQuery<'q>) -> AnyQuery<'q> {
        query.bind(self.0.id).bind(self.0.theme_id).bind(self.0.vote_count)
    }
}

pub(super) const STATUS_EVENTS: Insert = Insert {
    label: "status events",
    head: "INSERT INTO idea_status_events (idea_id, status, actor_id, note, at) VALUES ",
    params_per_row: 4,
    fixed: 0,
    row: |p| format!("(${}, ${}, ${}, '', ${})", p, p + 1, p + 2, p + 3),
};

impl BindRow for NewEvent {
    fn bind_to<'q>(&'q self, query: AnyQuery<'q>) -> AnyQuery<'q> {
        query.bind(self.0).bind(self.1).bind(self.2).bind(self.3)
    }
}

pub(super) const VOTES: Insert = Insert {
    label: "votes",
    head: "INSERT INTO votes (idea_id, account_id, created_at) VALUES ",
    params_per_row: 3,
    fixed: 0,
    row: |p| format!("(${}, ${}, ${})", p, p + 1, p + 2),
};

impl BindRow for NewVote {
    fn bind_to<'q>(&'q self, query: AnyQuery<'q>) -> AnyQuery<'q> {
        query.bind(self[0]).bind(self[1]).bind(self[2])
    }
}

/// Inserts `rows` in statements of as many rows as the parameter limit allows.
pub(super) async fn insert_all<T: BindRow>(
    tx: &mut agora_app::db::WriteTx,
    insert: &Insert,
    fixed: &[&str],
    rows: &[T],
    max_params: usize,
    clock: &mut Clock,
) -> anyhow::Result<()> {
    let per_statement = ((max_params - insert.fixed) / insert.params_per_row).clamp(1, MAX_ROWS);
    let full = insert.sql(per_statement);
    let last = insert.sql(rows.len() % per_statement);
    let mut done = 0usize;
    let mut reported = 0usize;
    for chunk in rows.chunks(per_statement) {
        let sql = if chunk.len() == per_statement { &full } else { &last };
        let mut query = sqlx::query(sql);
        for value in fixed {
            query = query.bind(*value);
        }
        for row in chunk {
            query = row.bind_to(query);
        }
        query
            .execute(&mut **tx)
            .await
            .with_context(|| format!("inserting {}", insert.label))?;
        done += chunk.len();
        // Progress every tenth of a large table.
        if rows.len() >= 100_000 && done * 10 / rows.len() > reported && done < rows.len() {
            reported = done * 10 / rows.len();
            eprintln!(
                "synthetic:   {} {done}/{} ({:.1}s)",
                insert.label,
                rows.len(),
                clock.phase.elapsed().as_secs_f64()
            );
        }
    }
    Ok(())
}
