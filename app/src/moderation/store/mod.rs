//! SQL for moderation. Every decision commits together with its history entry, the
//! notifications it sends and its audit entry, or not at all.

use super::model::{
    transition_allowed, BlockedAccount, Hidden, QueueCounts, QueueEntry, QueuePage, QueueTab, QueuedComment,
    QueuedIdea, QueuedOrganisation, Report, ReportReason, ReportTally, Reported, Target, QUEUE_PAGE_SIZE,
};
use crate::accounts::model::{AccountKind, Role, SessionUser};
use crate::audit::store::record as audit;
use crate::db::{now_ms, Db};
use crate::ideas::model::IdeaStatus;
use crate::ideas::store::{author, author_columns};
use crate::ids::{AccountId, IdeaId};
use crate::notifications::model::NotificationKind;
use crate::notifications::store as notifications;
use crate::policy::{self, Action, Actor, Facts};
use crate::votes::trending::{today, DAY_MS, WINDOW_DAYS};
use sqlx::any::AnyRow;
use sqlx::Row;
use std::collections::HashMap;

use crate::db::WriteTx;

mod blocks;
mod decisions;
mod queue;
mod reports;

pub use blocks::*;
pub use decisions::*;
pub use queue::*;
pub use reports::*;

fn status_of(text: &str) -> Result<IdeaStatus, sqlx::Error> {
    IdeaStatus::parse(text).ok_or_else(|| sqlx::Error::Decode(format!("unknown status {text}").into()))
}
