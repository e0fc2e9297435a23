//! The words for the values of the domain (a status, a role, a kind of account), in
//! the reader's language.

use crate::accounts::model::{AccountKind, Role};
use crate::i18n::{t, t_with};
use crate::ideas::model::IdeaStatus;
use crate::locale::Locale;
use crate::projects::model::{Progress, ProjectStatus};

/// The name an author is shown by: "a deleted account" once its holder deleted it (the
/// name was erased).
pub fn person_name(name: &str) -> String {
    if name.is_empty() {
        t("deleted-account")
    } else {
        name.to_owned()
    }
}

pub fn status_label(status: IdeaStatus) -> String {
    t(&format!("status-{}", status.as_str()))
}

pub fn kind_label(kind: AccountKind) -> String {
    t(&format!("kind-{}", kind.as_str()))
}

/// The badge shown beside an author's name, if any: staff roles first, then organisations.
pub fn author_badge(kind: AccountKind, role: Role, verified: bool) -> Option<String> {
    match (role, kind) {
        (Role::Moderator | Role::Admin, _) => Some(t("badge-moderator")),
        (Role::Official, _) => Some(t("badge-official")),
        (_, AccountKind::Business | AccountKind::Academic) => {
            let kind = kind_label(kind);
            Some(if verified {
                format!("{kind} · {}", t("badge-verified"))
            } else {
                kind
            })
        }
        (_, AccountKind::Resident) => None,
    }
}

pub fn role_label(role: Role) -> String {
    t(&format!("role-{}", role.as_str()))
}

pub fn project_status_label(status: ProjectStatus) -> String {
    t(&format!("project-status-{}", status.as_str()))
}

pub fn progress_text(progress: Progress) -> String {
    if progress.total == 0 {
        t("project-progress-none")
    } else {
        t_with(
            "project-progress",
            &[
                ("done", progress.done.to_string()),
                ("total", progress.total.to_string()),
                ("percent", progress.percent().to_string()),
            ],
        )
    }
}

/// A name given in the three languages (French, Dutch, English), in the reader's.
pub fn localized(names: &[String; 3], locale: Locale) -> String {
    names[Locale::ALL.iter().position(|l| *l == locale).unwrap_or(2)].clone()
}
