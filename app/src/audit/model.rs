use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: i64,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub action: String,
    pub target_type: String,
    pub target_id: Option<i64>,
    pub detail: String,
    /// How many times it happened in the entry's minute (refusals are counted, not
    /// repeated); 1 for everything else.
    pub repeats: i64,
}

/// The actions the log records, for the filter of the audit page.
pub const ACTIONS: &[&str] = &[
    "account.registered",
    "account.signed_in",
    "account.password_changed",
    "account.role_changed",
    "account.block",
    "account.unblock",
    "account.verify",
    "account.unverify",
    "authz.refused",
    "idea.status",
    "idea.triage",
    "idea.response",
    "idea.merge",
    "idea.hide",
    "idea.restore",
    "idea.keep",
    "idea.withdraw",
    "idea.auto_hide",
    "comment.hide",
    "comment.restore",
    "comment.keep",
    "comment.auto_hide",
    "theme.created",
    "theme.updated",
    "theme.archived",
    "theme.restored",
    "theme.moved",
    "project.promote",
    "project.status",
    "project.reassign",
    "project.milestone_added",
    "project.milestone_done",
    "project.milestone_undone",
    "project.milestone_removed",
    "project.milestone_edited",
    "project.update",
];

/// What the audit page is asked to show; every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    /// An account's email address or public name (case ignored).
    pub actor: Option<String>,
    /// One of `ACTIONS`.
    pub action: Option<String>,
    /// From the first instant of this day (unix ms, UTC).
    pub from: Option<i64>,
    /// Up to the last instant of this day (unix ms of its first instant, UTC).
    pub to: Option<i64>,
}

impl AuditFilter {
    /// Reads the filter as a form sends it; what cannot be read is left out.
    pub fn parse(actor: Option<&str>, action: Option<&str>, from: Option<&str>, to: Option<&str>) -> AuditFilter {
        let text = |v: Option<&str>| v.map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
        AuditFilter {
            actor: text(actor).filter(|a| a.chars().count() <= 254),
            action: text(action).filter(|a| ACTIONS.contains(&a.as_str())),
            from: text(from).and_then(|d| crate::calendar::parse_iso_date(&d)),
            to: text(to).and_then(|d| crate::calendar::parse_iso_date(&d)),
        }
    }

    /// The same filter as URL query parameters, for the link to older entries.
    pub fn to_query(&self) -> String {
        let mut url = form_urlencoded::Serializer::new(String::new());
        if let Some(actor) = &self.actor {
            url.append_pair("actor", actor);
        }
        if let Some(action) = &self.action {
            url.append_pair("action", action);
        }
        if let Some(from) = self.from {
            url.append_pair("from", &crate::calendar::iso_date(from));
        }
        if let Some(to) = self.to {
            url.append_pair("to", &crate::calendar::iso_date(to));
        }
        url.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_action_or_date_is_left_out_of_the_filter() {
        let filter = AuditFilter::parse(Some(" "), Some("idea.eat"), Some("2026-02-30"), Some("2026-12-01"));
        assert_eq!(
            filter,
            AuditFilter {
                to: crate::calendar::parse_iso_date("2026-12-01"),
                ..AuditFilter::default()
            }
        );
    }

    #[test]
    fn a_filter_goes_back_into_the_address_as_it_was_typed() {
        let filter = AuditFilter::parse(Some("mia@example.be"), Some("idea.status"), Some("2026-11-01"), None);
        assert_eq!(
            filter.to_query(),
            "actor=mia%40example.be&action=idea.status&from=2026-11-01"
        );
    }
}
