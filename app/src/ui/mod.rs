//! The kit every page is built from. It never imports a page (`pages` are the
//! `views.rs` of each feature); the architecture test checks it.

mod auth;
mod canonical;
mod labels;
mod links;
mod lists;
mod loader;
mod refusal;
mod text;
mod written;

pub use auth::{use_auth, Auth};
pub use canonical::CanonicalRedirect;
pub use labels::{
    author_badge, kind_label, localized, person_name, progress_text, project_status_label, role_label, status_label,
};
pub use links::Here;
pub use lists::{use_page_number, DataTable, OlderLink, Pager, PagerWords};
pub(crate) use loader::built_once;
pub use loader::{KeptForm, Loader, Loading, Waiting};
pub use refusal::Refusal;
pub use text::{render_body, written_body};
pub use written::{signed_name, written_author, written_status, Text, WrittenHtml};
