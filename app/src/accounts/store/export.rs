//! Everything stored about an account, for its holder (GDPR articles 15 and 20): one
//! query per section, each row as a JSON object of its columns.

use crate::accounts::model::AccountData;
use crate::db::Db;
use serde_json::{Map, Value};
use sqlx::{Column, Row, ValueRef};

/// One part of the export, and the columns referring to accounts that it answers for.
pub struct Section {
    pub name: &'static str,
    /// `(table, column)`: every column of the schema that refers to an account must be
    /// covered by a section (a test reads the schema and checks).
    pub covers: &'static [(&'static str, &'static str)],
    sql: &'static str,
}

/// The sections of the export, in the order they are shown. Every query takes the
/// account's id as `$1`.
pub const SECTIONS: &[Section] = &[
    Section {
        name: "profile",
        covers: &[("accounts", "id")],
        sql: "SELECT id, email, display_name, kind, role, portfolio, organisation_name, registration_number, \
                     CAST(CAST(organisation_verified AS INTEGER) AS BIGINT) AS organisation_verified, language, \
                     created_at, email_verified_at, blocked_at, blocked_reason \
              FROM accounts WHERE id = $1",
    },
    Section {
        name: "ideas",
        covers: &[("ideas", "author_id")],
        sql: "SELECT i.id, i.title, i.body, i.language, i.status, ic.vote_count, i.comment_count, i.created_at, \
              i.updated_at FROM ideas i JOIN idea_counters ic ON ic.idea_id = i.id WHERE i.author_id = $1 ORDER BY i.id",
    },
    Section {
        name: "comments",
        covers: &[("comments", "author_id")],
        sql: "SELECT id, idea_id, parent_id, body, created_at, edited_at, deleted_at \
              FROM comments WHERE author_id = $1 ORDER BY id",
    },
    Section {
        name: "votes",
        covers: &[("votes", "account_id")],
        sql: "SELECT v.idea_id, i.title, v.created_at FROM votes v JOIN ideas i ON i.id = v.idea_id \
              WHERE v.account_id = $1 ORDER BY v.created_at",
    },
    Section {
        name: "followed_ideas",
        covers: &[("follows", "account_id")],
        sql: "SELECT f.idea_id, i.title, f.created_at FROM follows f JOIN ideas i ON i.id = f.idea_id \
              WHERE f.account_id = $1 ORDER BY f.created_at",
    },
    Section {
        name: "followed_projects",
        covers: &[("project_follows", "account_id")],
        sql: "SELECT f.project_id, p.title, f.created_at FROM project_follows f JOIN projects p ON p.id = f.project_id \
              WHERE f.account_id = $1 ORDER BY f.created_at",
    },
    Section {
        name: "notifications",
        covers: &[("notifications", "account_id")],
        sql: "SELECT id, kind, idea_id, comment_id, project_id, title, created_at, read_at \
              FROM notifications WHERE account_id = $1 ORDER BY id",
    },
    Section {
        name: "notifications_caused",
        covers: &[("notifications", "actor_id")],
        sql: "SELECT kind, idea_id, comment_id, project_id, created_at \
              FROM notifications WHERE actor_id = $1 ORDER BY id",
    },
    Section {
        name: "reports",
        covers: &[("reports", "reporter_id")],
        sql: "SELECT target_type, target_id, idea_id, reason, note, created_at, resolved_at \
              FROM reports WHERE reporter_id = $1 ORDER BY id",
    },
    Section {
        name: "moderation_decisions",
        covers: &[
            ("reports", "resolved_by"),
            ("ideas", "hidden_by"),
            ("comments", "hidden_by"),
            ("accounts", "blocked_by"),
            ("idea_status_events", "actor_id"),
        ],
        sql: "SELECT 'report_resolved' AS what, target_type AS target, target_id, resolved_at AS at \
                  FROM reports WHERE resolved_by = $1 \
              UNION ALL SELECT 'idea_hidden', 'idea', id, hidden_at FROM ideas WHERE hidden_by = $1 \
              UNION ALL SELECT 'comment_hidden', 'comment', id, hidden_at FROM comments WHERE hidden_by = $1 \
              UNION ALL SELECT 'account_blocked', 'account', id, blocked_at FROM accounts WHERE blocked_by = $1 \
              UNION ALL SELECT 'idea_status', status, idea_id, at FROM idea_status_events WHERE actor_id = $1 \
              ORDER BY at",
    },
    Section {
        name: "projects",
        covers: &[("projects", "owner_id"), ("projects", "created_by")],
        sql: "SELECT id, title, status, created_at, CASE WHEN owner_id = $1 THEN 1 ELSE 0 END AS owner \
              FROM projects WHERE owner_id = $1 OR created_by = $1 ORDER BY id",
    },
    Section {
        name: "project_updates",
        covers: &[("project_updates", "author_id")],
        sql: "SELECT project_id, kind, status, body, created_at FROM project_updates WHERE author_id = $1 ORDER BY id",
    },
    Section {
        name: "emails",
        covers: &[("outbox", "account_id")],
        sql: "SELECT kind, subject, created_at, attempts, sent_at, dropped_at FROM outbox WHERE account_id = $1 ORDER BY id",
    },
    Section {
        name: "email_links",
        covers: &[("email_tokens", "account_id")],
        sql: "SELECT purpose, created_at, expires_at, used_at FROM email_tokens WHERE account_id = $1 ORDER BY id",
    },
    Section {
        name: "audit",
        covers: &[("audit_log", "actor_id")],
        sql: "SELECT at, action, target_type, target_id, detail FROM audit_log \
              WHERE actor_id = $1 OR (target_type = 'account' AND target_id = $1) ORDER BY id",
    },
];

/// The export of account `id`: each section's rows, in the order of `SECTIONS`.
pub async fn export(db: &Db, id: i64) -> Result<AccountData, sqlx::Error> {
    let mut out = Vec::with_capacity(SECTIONS.len());
    for section in SECTIONS {
        let rows = sqlx::query(section.sql).bind(id).fetch_all(&db.pool).await?;
        let rows = rows.iter().map(row_to_json).collect::<Result<Vec<_>, _>>()?;
        out.push((section.name.to_owned(), rows));
    }
    Ok(AccountData(out))
}

/// A row as an object of its columns: integers, text or null, as stored.
fn row_to_json(row: &sqlx::any::AnyRow) -> Result<Value, sqlx::Error> {
    let mut object = Map::new();
    for column in row.columns() {
        let i = column.ordinal();
        let value = if row.try_get_raw(i)?.is_null() {
            Value::Null
        } else if let Ok(n) = row.try_get::<i64, _>(i) {
            Value::from(n)
        } else if let Ok(text) = row.try_get::<String, _>(i) {
            Value::from(text)
        } else if let Ok(n) = row.try_get::<i32, _>(i) {
            Value::from(n)
        } else if let Ok(b) = row.try_get::<bool, _>(i) {
            Value::from(b)
        } else {
            Value::from(row.try_get::<f64, _>(i)?)
        };
        object.insert(column.name().to_owned(), value);
    }
    Ok(Value::Object(object))
}
