//! `agora-server copy-to URL`: moves a site from its SQLite database (`DATABASE_URL`) to
//! a new PostgreSQL database, for a site that outgrew one server. Every table of the
//! PostgreSQL schema is filled from the SQLite table of the same name, in one
//! transaction: the copy is whole or nothing. Sessions are not copied (everyone signs in
//! again); the search columns PostgreSQL computes itself are left to it.
//!
//! Stop the site first: what is written during the copy would be lost.

use agora_app::db::{Db, Engine};
use anyhow::{bail, Context};
use futures::TryStreamExt;
use sqlx::any::AnyRow;
use sqlx::Row;
use std::collections::{BTreeMap, BTreeSet};

/// Tables PostgreSQL fills itself from others (by trigger): the words of each title.
const KEPT_BY_POSTGRES: &[&str] = &["ideas_titles"];

/// Tables whose rows PostgreSQL starts, with zeros, by trigger when another table is
/// filled (each idea's vote counters): emptied again just before their own copy, so that
/// the site's values replace them.
const STARTED_BY_POSTGRES: &[&str] = &["idea_counters"];

/// Rows inserted per statement (PostgreSQL takes at most 65,535 parameters in one).
const ROWS_PER_INSERT: usize = 500;

/// How many rows each table received.
pub type Copied = BTreeMap<String, u64>;

pub async fn copy_to_postgres(source: &Db, target: &Db) -> anyhow::Result<Copied> {
    if source.engine != Engine::Sqlite || target.engine != Engine::Postgres {
        bail!("the copy goes from a SQLite database (DATABASE_URL) to a PostgreSQL one");
    }
    let people: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
        .fetch_one(&target.pool)
        .await?;
    if people > 0 {
        bail!("the PostgreSQL database already holds a site: copy into a new, empty one");
    }
    let tables = tables_in_order(target).await?;
    let mut tx = target.begin_write().await?;
    // What the migrations put in (themes, municipalities, counters) comes from the site:
    // emptied, referring tables first. Tables already empty are left alone (the audit
    // log refuses any deletion).
    for table in tables.iter().rev() {
        let name = quoted(&table.name);
        let (filled,): (bool,) = sqlx::query_as(&format!("SELECT EXISTS (SELECT 1 FROM {name})"))
            .fetch_one(&mut *tx)
            .await?;
        if filled {
            sqlx::query(&format!("DELETE FROM {name}")).execute(&mut *tx).await?;
        }
    }
    let mut copied = Copied::new();
    for table in &tables {
        if STARTED_BY_POSTGRES.contains(&table.name.as_str()) {
            sqlx::query(&format!("DELETE FROM {}", quoted(&table.name)))
                .execute(&mut *tx)
                .await?;
        }
        let count = copy_table(source, &mut tx, table)
            .await
            .with_context(|| format!("copying the table {}", table.name))?;
        copied.insert(table.name.clone(), count);
    }
    for table in &tables {
        if let Some(serial) = &table.serial {
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{0}', '{1}'), COALESCE(MAX({1}), 0) + 1, false) FROM {0}",
                table.name, serial
            ))
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(copied)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Integer,
    Boolean,
    Float,
    Bytes,
    Text,
}

struct Column {
    name: String,
    kind: Kind,
    /// Refers to a row of its own table: filled in after all the rows are there.
    to_own_table: bool,
}

struct Table {
    name: String,
    columns: Vec<Column>,
    /// The column a sequence numbers, to be moved past the copied rows.
    serial: Option<String>,
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The target's tables, each after the tables it refers to.
async fn tables_in_order(target: &Db) -> anyhow::Result<Vec<Table>> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_sqlx_migrations' \
         ORDER BY table_name",
    )
    .fetch_all(&target.pool)
    .await?;
    let names: Vec<String> = names
        .into_iter()
        .filter(|name| !KEPT_BY_POSTGRES.contains(&name.as_str()))
        .collect();
    let references: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text, a.attname::text \
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) \
         WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace",
    )
    .fetch_all(&target.pool)
    .await?;
    let mut tables = Vec::with_capacity(names.len());
    for name in &names {
        let columns: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT column_name::text, data_type::text, is_generated::text, column_default::text \
             FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 \
             ORDER BY ordinal_position",
        )
        .bind(name)
        .fetch_all(&target.pool)
        .await?;
        let serial = columns
            .iter()
            .find(|(_, _, _, default)| default.as_deref().is_some_and(|d| d.starts_with("nextval(")))
            .map(|(column, ..)| column.clone());
        let columns = columns
            .into_iter()
            .filter(|(_, _, generated, _)| generated != "ALWAYS")
            .map(|(column, data_type, ..)| Column {
                to_own_table: references
                    .iter()
                    .any(|(from, to, via)| from == name && to == name && *via == column),
                kind: kind_of(&data_type),
                name: column,
            })
            .collect();
        tables.push(Table {
            name: name.clone(),
            columns,
            serial,
        });
    }
    // Each table once every table it refers to (itself aside) is placed.
    let mut placed: BTreeSet<String> = BTreeSet::new();
    let mut ordered = Vec::with_capacity(tables.len());
    while !tables.is_empty() {
        let ready = tables.iter().position(|table| {
            references
                .iter()
                .filter(|(from, to, _)| *from == table.name && *to != table.name)
                .all(|(_, to, _)| placed.contains(to))
        });
        let Some(ready) = ready else {
            bail!("the tables refer to each other in a circle; the copy cannot order them");
        };
        let table = tables.remove(ready);
        placed.insert(table.name.clone());
        ordered.push(table);
    }
    Ok(ordered)
}

fn kind_of(data_type: &str) -> Kind {
    match data_type {
        "bigint" | "integer" | "smallint" => Kind::Integer,
        "boolean" => Kind::Boolean,
        "double precision" | "real" | "numeric" => Kind::Float,
        "bytea" => Kind::Bytes,
        _ => Kind::Text,
    }
}

enum Value {
    Integer(Option<i64>),
    Boolean(Option<bool>),
    Float(Option<f64>),
    Bytes(Option<Vec<u8>>),
    Text(Option<String>),
}

fn read(row: &AnyRow, index: usize, kind: Kind) -> Result<Value, sqlx::Error> {
    Ok(match kind {
        Kind::Integer => Value::Integer(row.try_get(index)?),
        // SQLite keeps truth as 0 and 1.
        Kind::Boolean => Value::Boolean(row.try_get::<Option<i64>, _>(index)?.map(|n| n != 0)),
        Kind::Float => Value::Float(row.try_get(index)?),
        Kind::Bytes => Value::Bytes(row.try_get(index)?),
        Kind::Text => Value::Text(row.try_get(index)?),
    })
}

fn bind<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    value: Value,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    match value {
        Value::Integer(v) => query.bind(v),
        Value::Boolean(v) => query.bind(v),
        Value::Float(v) => query.bind(v),
        Value::Bytes(v) => query.bind(v),
        Value::Text(v) => query.bind(v),
    }
}

/// Copies one table's rows; answers how many.
async fn copy_table(source: &Db, tx: &mut agora_app::db::WriteTx, table: &Table) -> anyhow::Result<u64> {
    let present: BTreeSet<String> = sqlx::query(&format!("PRAGMA table_info({})", quoted(&table.name)))
        .fetch_all(&source.pool)
        .await?
        .iter()
        .map(|row| row.try_get::<String, _>("name"))
        .collect::<Result<_, _>>()?;
    if present.is_empty() {
        bail!("the SQLite database has no table {}", table.name);
    }
    // A column only PostgreSQL has keeps its default.
    let columns: Vec<&Column> = table.columns.iter().filter(|c| present.contains(&c.name)).collect();
    let names: Vec<String> = columns.iter().map(|c| quoted(&c.name)).collect();
    let select = format!(
        "SELECT {} FROM {} ORDER BY rowid",
        names.join(", "),
        quoted(&table.name)
    );
    let mut rows = sqlx::query(&select).fetch(&source.pool);
    let mut batch: Vec<Vec<Value>> = Vec::with_capacity(ROWS_PER_INSERT);
    let mut later: Vec<(usize, Vec<Value>)> = Vec::new();
    let key = match (&table.serial, columns.iter().any(|c| c.to_own_table)) {
        (_, false) => 0,
        (Some(serial), true) => columns
            .iter()
            .position(|c| &c.name == serial)
            .context("the key of a table that refers to itself")?,
        (None, true) => bail!("{} refers to itself without a numbered key", table.name),
    };
    let mut count = 0;
    while let Some(row) = rows.try_next().await? {
        let mut values = Vec::with_capacity(columns.len());
        for (index, column) in columns.iter().enumerate() {
            let value = read(&row, index, column.kind)?;
            if column.to_own_table && !matches!(value, Value::Integer(None)) {
                later.push((index, vec![value, read(&row, key, Kind::Integer)?]));
                values.push(Value::Integer(None));
            } else {
                values.push(value);
            }
        }
        batch.push(values);
        if batch.len() == ROWS_PER_INSERT {
            count += insert(tx, table, &names, std::mem::take(&mut batch)).await?;
        }
    }
    if !batch.is_empty() {
        count += insert(tx, table, &names, batch).await?;
    }
    // References to rows of the same table, once every row is there.
    for (index, values) in later {
        let sql = format!(
            "UPDATE {} SET {} = $1 WHERE {} = $2",
            quoted(&table.name),
            names[index],
            names[key]
        );
        let mut query = sqlx::query(&sql);
        for value in values {
            query = bind(query, value);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(count)
}

async fn insert(
    tx: &mut agora_app::db::WriteTx,
    table: &Table,
    names: &[String],
    rows: Vec<Vec<Value>>,
) -> anyhow::Result<u64> {
    let width = names.len();
    let tuples: Vec<String> = (0..rows.len())
        .map(|r| {
            let params: Vec<String> = (1..=width).map(|c| format!("${}", r * width + c)).collect();
            format!("({})", params.join(", "))
        })
        .collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES {}",
        quoted(&table.name),
        names.join(", "),
        tuples.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for value in rows.into_iter().flatten() {
        query = bind(query, value);
    }
    Ok(query.execute(&mut **tx).await?.rows_affected())
}
