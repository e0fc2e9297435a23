//! Ideas and votes over plain HTTP, on SQLite and PostgreSQL.

#[macro_use]
#[path = "../common/mod.rs"]
mod common;

mod list;
mod publishing;
mod similar;
mod votes;
