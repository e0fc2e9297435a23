//! `agora-server backup PATH`: a consistent copy of a running SQLite database, taken
//! while the site serves (SQLite's `VACUUM INTO` reads one snapshot of the database, and
//! writers go on meanwhile in WAL mode). The copy is a database of its own: start a
//! server on it to restore it.

use agora_app::db::{Db, Engine};
use anyhow::{bail, Context};
use std::path::Path;

pub async fn backup(db: &Db, path: &Path) -> anyhow::Result<()> {
    if db.engine == Engine::Postgres {
        bail!(
            "a PostgreSQL database is copied with its own tools: `pg_dump --format=custom` \
             while the site runs, `pg_restore` to bring it back (see the README)"
        );
    }
    if path.exists() {
        bail!("{} already exists; the backup is not written over it", path.display());
    }
    let target = path.to_str().context("the backup's path is not valid text")?;
    sqlx::query("VACUUM INTO $1")
        .bind(target)
        .execute(&db.pool)
        .await
        .with_context(|| format!("the backup to {} failed", path.display()))?;
    Ok(())
}
