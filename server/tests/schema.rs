//! The two migration folders describe one schema: after migrating a fresh SQLite and a
//! fresh PostgreSQL database, both have the same tables, and each table the same columns
//! with the same nullability and, where the engines write them comparably, the same
//! defaults. A column added to one engine's migration only fails here.

mod common;

use common::{spawn_app, Engine};
use sqlx::Row;
use std::collections::BTreeMap;

/// A column as both engines can describe it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Column {
    nullable: bool,
    /// The default, written the same way for both engines (`None` when there is none or
    /// when it is the engine's own way of numbering rows).
    default: Option<String>,
}

type Schema = BTreeMap<String, BTreeMap<String, Column>>;

/// Tables that belong to the engines, to sqlx or to the session store (which makes its
/// own, in a schema of its own on PostgreSQL), not to Agora's migrations.
const NOT_OURS: [&str; 3] = ["_sqlx_migrations", "sqlite_sequence", "tower_sessions"];

/// Full-text search is each engine's own: FTS5 tables on SQLite (the whole text, and the
/// titles alone for similar ideas, with the tables FTS5 keeps beside each), a generated
/// `tsvector` column and a table of the titles' words, `ideas_titles`, on PostgreSQL. The tests of search and of similar ideas
/// prove both answer the same.
const SEARCH_SQLITE_TABLES: [&str; 10] = [
    "ideas_search",
    "ideas_search_config",
    "ideas_search_data",
    "ideas_search_docsize",
    "ideas_search_idx",
    "ideas_titles",
    "ideas_titles_config",
    "ideas_titles_data",
    "ideas_titles_docsize",
    "ideas_titles_idx",
];
const SEARCH_POSTGRES_COLUMNS: [(&str, &str); 1] = [("ideas", "search")];

async fn sqlite_schema(pool: &sqlx::AnyPool) -> Schema {
    let rows = sqlx::query(
        "SELECT m.name AS table_name, p.name AS column_name, p.\"notnull\" AS not_null, p.pk AS pk, \
         p.dflt_value AS column_default \
         FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'",
    )
    .fetch_all(pool)
    .await
    .expect("SQLite's catalogue");
    let mut schema = Schema::new();
    for row in rows {
        let table: String = row.get("table_name");
        // An INTEGER PRIMARY KEY is the row id: never null, whatever the catalogue says.
        let not_null = row.get::<i64, _>("not_null") == 1 || row.get::<i64, _>("pk") == 1;
        let column = Column {
            nullable: !not_null,
            default: row.get::<Option<String>, _>("column_default").map(|d| normalised(&d)),
        };
        schema.entry(table).or_default().insert(row.get("column_name"), column);
    }
    schema
}

async fn postgres_schema(pool: &sqlx::AnyPool) -> Schema {
    let rows = sqlx::query(
        "SELECT table_name::text AS table_name, column_name::text AS column_name, \
         is_nullable::text AS is_nullable, column_default::text AS column_default \
         FROM information_schema.columns WHERE table_schema = 'public'",
    )
    .fetch_all(pool)
    .await
    .expect("PostgreSQL's catalogue");
    let mut schema = Schema::new();
    for row in rows {
        let default = row
            .get::<Option<String>, _>("column_default")
            .filter(|d| !d.starts_with("nextval("))
            .map(|d| normalised(&d));
        let column = Column {
            nullable: row.get::<String, _>("is_nullable") == "YES",
            default,
        };
        schema
            .entry(row.get("table_name"))
            .or_default()
            .insert(row.get("column_name"), column);
    }
    schema
}

/// A default as text both engines agree on: without PostgreSQL's casts, quotes and
/// parentheses, booleans as 0 and 1.
fn normalised(default: &str) -> String {
    let mut text = default.trim().to_owned();
    while let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        text = inner.trim().to_owned();
    }
    if let Some((value, _cast)) = text.split_once("::") {
        text = value.to_owned();
    }
    let text = text.trim_matches('\'').to_lowercase();
    match text.as_str() {
        "false" => "0".to_owned(),
        "true" => "1".to_owned(),
        _ => text,
    }
}

fn ours(mut schema: Schema) -> Schema {
    schema.retain(|table, _| !NOT_OURS.contains(&table.as_str()) && !SEARCH_SQLITE_TABLES.contains(&table.as_str()));
    for (table, column) in SEARCH_POSTGRES_COLUMNS {
        if let Some(columns) = schema.get_mut(table) {
            columns.remove(column);
        }
    }
    schema
}

#[test]
fn defaults_are_compared_without_casts_quotes_or_boolean_words() {
    assert_eq!(normalised("'fr'::text"), "fr");
    assert_eq!(normalised("'fr'"), "fr");
    assert_eq!(normalised("false"), "0");
    assert_eq!(normalised("(0)"), "0");
    assert_eq!(normalised("0"), "0");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_and_postgres_migrations_make_the_same_tables_and_columns() {
    let sqlite = spawn_app(Engine::Sqlite).await;
    let postgres = spawn_app(Engine::Postgres).await;
    let lite = ours(sqlite_schema(&sqlite.db.pool).await);
    let pg = ours(postgres_schema(&postgres.db.pool).await);
    assert!(lite.len() > 10, "the catalogue was read: {:?}", lite.keys());
    for schema in [&lite, &pg] {
        let columns: Vec<&Column> = schema.values().flat_map(|c| c.values()).collect();
        assert!(columns.iter().any(|c| c.nullable) && columns.iter().any(|c| !c.nullable));
        assert!(columns.iter().any(|c| c.default.is_some()), "defaults were read");
    }

    let mut differences = vec![];
    for table in lite.keys().chain(pg.keys()).collect::<std::collections::BTreeSet<_>>() {
        let (Some(a), Some(b)) = (lite.get(table), pg.get(table)) else {
            differences.push(format!(
                "table {table}: only on {}",
                if lite.contains_key(table) {
                    "SQLite"
                } else {
                    "PostgreSQL"
                }
            ));
            continue;
        };
        for column in a.keys().chain(b.keys()).collect::<std::collections::BTreeSet<_>>() {
            match (a.get(column), b.get(column)) {
                (Some(x), Some(y)) if x != y => {
                    differences.push(format!("{table}.{column}: SQLite {x:?}, PostgreSQL {y:?}"))
                }
                (Some(_), None) => differences.push(format!("{table}.{column}: only on SQLite")),
                (None, Some(_)) => differences.push(format!("{table}.{column}: only on PostgreSQL")),
                _ => {}
            }
        }
    }
    assert!(
        differences.is_empty(),
        "the migrations disagree:\n{}",
        differences.join("\n")
    );
}
