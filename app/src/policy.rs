//! Who may do what: the one place where permissions are written. Server functions ask
//! it before they act (`ctx::authorize`), the store asks it about the rows it locked
//! (author, owner), pages ask it which controls to show, and the permission tests read
//! its table of server functions. Pure rules: no request, no database, built for the
//! browser too.

use crate::accounts::model::Role;
use crate::error::AppError;

/// The account acting, as far as permissions care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub id: i64,
    pub role: Role,
    /// Blocked by a moderator: may read and manage its own account, nothing else. A
    /// blocked moderator or official keeps the role until an admin changes it, but not
    /// its powers.
    pub blocked: bool,
    /// Followed the link sent to its email address. Until then an account may read,
    /// follow and manage itself, but not take part.
    pub verified: bool,
}

/// What someone wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    /// Read what is public, sign in, register, choose a language.
    Browse,
    /// Read an idea and its discussion; hidden ones only for their author and moderators.
    ReadIdea,
    /// Read and change one's own account, notifications and lists.
    UseAccount,
    /// Follow an idea or a project (a blocked account may still listen).
    Follow,
    SubmitIdea,
    EditIdea,
    WithdrawIdea,
    Vote,
    Comment,
    EditComment,
    DeleteComment,
    Report,
    /// Change an idea's status, merge it, triage it.
    DecideIdea,
    /// Hide, restore or keep an idea or a comment.
    HideContent,
    VerifyOrganisation,
    BlockAccount,
    ReadModerationQueue,
    ReadAudit,
    /// Answer an idea in public.
    RespondToIdea,
    PromoteIdeas,
    ReassignProject,
    /// The desk of projects an official owns (all of them for an admin).
    ReadDesk,
    /// Decide, advance, plan and report on a project.
    ManageProject,
    ManageAccounts,
    ManageThemes,
}

impl Action {
    pub const ALL: [Action; 25] = [
        Action::Browse,
        Action::ReadIdea,
        Action::UseAccount,
        Action::Follow,
        Action::SubmitIdea,
        Action::EditIdea,
        Action::WithdrawIdea,
        Action::Vote,
        Action::Comment,
        Action::EditComment,
        Action::DeleteComment,
        Action::Report,
        Action::DecideIdea,
        Action::HideContent,
        Action::VerifyOrganisation,
        Action::BlockAccount,
        Action::ReadModerationQueue,
        Action::ReadAudit,
        Action::RespondToIdea,
        Action::PromoteIdeas,
        Action::ReassignProject,
        Action::ReadDesk,
        Action::ManageProject,
        Action::ManageAccounts,
        Action::ManageThemes,
    ];

    /// The name under which refusals are logged and audited.
    pub fn code(self) -> &'static str {
        match self {
            Action::Browse => "browse",
            Action::ReadIdea => "idea.read",
            Action::UseAccount => "account.use",
            Action::Follow => "follow",
            Action::SubmitIdea => "idea.submit",
            Action::EditIdea => "idea.edit",
            Action::WithdrawIdea => "idea.withdraw",
            Action::Vote => "vote",
            Action::Comment => "comment.post",
            Action::EditComment => "comment.edit",
            Action::DeleteComment => "comment.delete",
            Action::Report => "report",
            Action::DecideIdea => "idea.decide",
            Action::HideContent => "moderation.hide",
            Action::VerifyOrganisation => "account.verify",
            Action::BlockAccount => "account.block",
            Action::ReadModerationQueue => "moderation.queue",
            Action::ReadAudit => "audit.read",
            Action::RespondToIdea => "idea.response",
            Action::PromoteIdeas => "project.promote",
            Action::ReassignProject => "project.reassign",
            Action::ReadDesk => "project.desk",
            Action::ManageProject => "project.manage",
            Action::ManageAccounts => "admin.accounts",
            Action::ManageThemes => "admin.themes",
        }
    }

    /// Who may ask at all, before any fact about the thing acted on is known.
    fn audience(self) -> Audience {
        use Action::*;
        match self {
            Browse | ReadIdea => Audience::Everyone,
            UseAccount | Follow => Audience::SignedIn,
            SubmitIdea | EditIdea | WithdrawIdea | Vote | Comment | EditComment | DeleteComment | Report => {
                Audience::Participants
            }
            DecideIdea | HideContent | VerifyOrganisation | BlockAccount | ReadModerationQueue | ReadAudit
            | PromoteIdeas | ReassignProject => Audience::Roles(&[Role::Moderator, Role::Admin]),
            RespondToIdea => Audience::Roles(&[Role::Moderator, Role::Official, Role::Admin]),
            ReadDesk | ManageProject => Audience::Roles(&[Role::Official, Role::Admin]),
            ManageAccounts | ManageThemes => Audience::Roles(&[Role::Admin]),
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Audience {
    Everyone,
    /// Any signed-in account, blocked or not.
    SignedIn,
    /// Signed in, not blocked, with a confirmed email address.
    Participants,
    /// Signed in, holding one of these roles, not blocked, with a confirmed address.
    Roles(&'static [Role]),
}

/// What is known about the thing acted on; what is not known is not checked (the store
/// asks again with the facts of the row it locked).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    /// Who wrote the idea or the comment.
    pub author: Option<i64>,
    /// Whether the idea or the comment is hidden by moderation.
    pub hidden: bool,
    /// Who owns the project.
    pub owner: Option<i64>,
    /// The account acted on and its role (blocking one).
    pub account: Option<(i64, Role)>,
}

impl Facts {
    pub fn none() -> Self {
        Self::default()
    }

    pub fn authored_by(author: i64) -> Self {
        Self {
            author: Some(author),
            ..Self::default()
        }
    }

    pub fn item(author: i64, hidden: bool) -> Self {
        Self {
            author: Some(author),
            hidden,
            ..Self::default()
        }
    }

    pub fn owned_by(owner: i64) -> Self {
        Self {
            owner: Some(owner),
            ..Self::default()
        }
    }

    pub fn account(id: i64, role: Role) -> Self {
        Self {
            account: Some((id, role)),
            ..Self::default()
        }
    }
}

/// Why an action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Nobody is signed in (401).
    SignIn,
    /// Signed in, but not allowed (403).
    Forbidden,
    /// The account is blocked (403, `blocked`).
    Blocked,
    /// The item is hidden by moderation from this reader (403, `hidden`).
    Hidden,
    /// The account has not confirmed its email address yet (403, `email_unconfirmed`).
    Unconfirmed,
}

impl From<Refusal> for AppError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::SignIn => AppError::Unauthenticated,
            Refusal::Forbidden => AppError::Forbidden,
            Refusal::Blocked => AppError::Blocked,
            Refusal::Hidden => AppError::Hidden,
            Refusal::Unconfirmed => AppError::EmailUnconfirmed,
        }
    }
}

/// Whether `actor` (`None`: a visitor) may do `action` on something described by `facts`.
pub fn decide(actor: Option<&Actor>, action: Action, facts: &Facts) -> Result<(), Refusal> {
    admitted(actor, action)?;
    if action == Action::ReadIdea {
        return readable(actor, facts);
    }
    let Some(actor) = actor else {
        return Ok(());
    };
    let is_author = facts.author.is_some_and(|author| author == actor.id);
    match action {
        Action::EditIdea | Action::WithdrawIdea | Action::EditComment | Action::DeleteComment
            if facts.author.is_some() && !is_author =>
        {
            Err(Refusal::Forbidden)
        }
        Action::Report if is_author => Err(Refusal::Forbidden),
        // Reporting what moderation already hid adds nothing.
        Action::Report if facts.hidden => Err(Refusal::Hidden),
        Action::Vote | Action::Comment | Action::Follow => readable(Some(actor), facts),
        Action::ManageProject if facts.owner.is_some_and(|owner| owner != actor.id) && actor.role != Role::Admin => {
            Err(Refusal::Forbidden)
        }
        // Nobody blocks themselves; a moderator blocks members, an admin anyone else.
        Action::BlockAccount => match facts.account {
            Some((id, _)) if id == actor.id => Err(Refusal::Forbidden),
            Some((_, role)) if role != Role::Member && actor.role != Role::Admin => Err(Refusal::Forbidden),
            _ => Ok(()),
        },
        _ => Ok(()),
    }
}

/// Whose projects the desk lists: an official's own (`Some`), every one for an admin
/// (`None`), as `ManageProject` lets them change.
pub fn desk_owner(actor: &Actor) -> Option<i64> {
    (actor.role != Role::Admin).then_some(actor.id)
}

/// Whether `actor` may do `action` at all: the part of `decide` that needs no facts, and
/// what a control is shown by when the page has none to add.
pub fn allows(actor: Option<&Actor>, action: Action) -> bool {
    decide(actor, action, &Facts::none()).is_ok()
}

fn admitted(actor: Option<&Actor>, action: Action) -> Result<(), Refusal> {
    match (action.audience(), actor) {
        (Audience::Everyone, _) => Ok(()),
        (_, None) => Err(Refusal::SignIn),
        (Audience::SignedIn, Some(_)) => Ok(()),
        (Audience::Roles(roles), Some(actor)) if !roles.contains(&actor.role) => Err(Refusal::Forbidden),
        (_, Some(actor)) if actor.blocked => Err(Refusal::Blocked),
        (_, Some(actor)) if !actor.verified => Err(Refusal::Unconfirmed),
        _ => Ok(()),
    }
}

/// A hidden item is read by its author and by the moderators, by nobody else.
fn readable(actor: Option<&Actor>, facts: &Facts) -> Result<(), Refusal> {
    let author = actor.is_some_and(|a| facts.author == Some(a.id));
    let moderates = actor.is_some_and(|a| admitted(Some(a), Action::HideContent).is_ok());
    if facts.hidden && !author && !moderates {
        Err(Refusal::Hidden)
    } else {
        Ok(())
    }
}

/// Every server function, by the name its address ends with, and the action it asks the
/// policy for first. The permission test calls each of them as every kind of caller and
/// expects exactly the refusals `decide` gives; a server function missing here fails it.
pub const SERVER_FUNCTIONS: &[(&str, Action)] = &[
    ("current_user", Action::Browse),
    ("register", Action::Browse),
    ("sign_in", Action::Browse),
    ("sign_out", Action::Browse),
    ("set_locale", Action::Browse),
    ("recall_form", Action::Browse),
    ("themes", Action::Browse),
    ("theme", Action::Browse),
    ("idea_choices", Action::Browse),
    ("similar_ideas", Action::Browse),
    ("open_data_terms", Action::Browse),
    ("ideas", Action::Browse),
    ("idea", Action::ReadIdea),
    ("comments", Action::ReadIdea),
    ("idea_page", Action::ReadIdea),
    ("projects", Action::Browse),
    ("project", Action::Browse),
    ("officials", Action::Browse),
    ("commitments", Action::Browse),
    ("dashboard", Action::Browse),
    ("my_profile", Action::UseAccount),
    ("change_password", Action::UseAccount),
    ("resend_verification", Action::UseAccount),
    ("my_data", Action::UseAccount),
    ("delete_account", Action::UseAccount),
    ("mail_preferences", Action::UseAccount),
    ("set_mail_preferences", Action::UseAccount),
    ("unsubscribe", Action::Browse),
    ("verify_email", Action::Browse),
    ("change_email", Action::UseAccount),
    ("confirm_email_change", Action::Browse),
    ("request_password_reset", Action::Browse),
    ("reset_password", Action::Browse),
    ("my_ideas", Action::UseAccount),
    ("unread_notifications", Action::UseAccount),
    ("notifications", Action::UseAccount),
    ("open_notification", Action::UseAccount),
    ("mark_notifications_read", Action::UseAccount),
    ("follow", Action::Follow),
    ("follow_project", Action::Follow),
    ("submit_idea", Action::SubmitIdea),
    ("edit_idea", Action::EditIdea),
    ("withdraw_idea", Action::WithdrawIdea),
    ("vote", Action::Vote),
    ("post_comment", Action::Comment),
    ("edit_comment", Action::EditComment),
    ("delete_comment", Action::DeleteComment),
    ("report", Action::Report),
    ("set_idea_status", Action::DecideIdea),
    ("merge_idea", Action::DecideIdea),
    ("triage_idea", Action::DecideIdea),
    ("set_hidden", Action::HideContent),
    ("set_organisation_verified", Action::VerifyOrganisation),
    ("set_account_blocked", Action::BlockAccount),
    ("moderation_queue", Action::ReadModerationQueue),
    ("audit", Action::ReadAudit),
    ("respond_to_idea", Action::RespondToIdea),
    ("promotable_ideas", Action::PromoteIdeas),
    ("promote_ideas", Action::PromoteIdeas),
    ("reassign_project", Action::ReassignProject),
    ("desk", Action::ReadDesk),
    ("decide_project", Action::ManageProject),
    ("advance_project", Action::ManageProject),
    ("add_milestone", Action::ManageProject),
    ("set_milestone_done", Action::ManageProject),
    ("remove_milestone", Action::ManageProject),
    ("edit_milestone", Action::ManageProject),
    ("post_project_update", Action::ManageProject),
    ("admin/accounts", Action::ManageAccounts),
    ("admin/set_role", Action::ManageAccounts),
    ("admin/theme", Action::ManageThemes),
    ("admin/create_theme", Action::ManageThemes),
    ("admin/update_theme", Action::ManageThemes),
    ("admin/archive_theme", Action::ManageThemes),
    ("admin/move_theme", Action::ManageThemes),
];

#[cfg(test)]
#[path = "policy_tests.rs"]
mod tests;
