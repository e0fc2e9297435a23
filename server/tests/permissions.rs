//! Every server function, called by every kind of caller, answers as this table says:
//! refused with 401 (visitor) or 403 (signed in without the role), or let through (any
//! other answer: done, not found, invalid input…). A server function missing from the
//! table fails the test, so a new endpoint cannot ship without its row.

mod common;

use agora_app::accounts::model::Role;
use common::{register_business, spawn_app, Browser, Engine, GOOD_PASSWORD};
use std::collections::BTreeSet;

on_both_engines!(every_server_function_refuses_exactly_whom_the_table_says);

#[derive(Debug, Clone, Copy)]
enum Access {
    Everyone,
    SignedIn,
    Roles(&'static [Role]),
}

use Access::*;

const MODERATORS: &[Role] = &[Role::Moderator, Role::Admin];
const ADMINS: &[Role] = &[Role::Admin];
const RESPONDERS: &[Role] = &[Role::Moderator, Role::Official, Role::Admin];
const OFFICIALS: &[Role] = &[Role::Official, Role::Admin];

/// Endpoint, who may call it, and arguments that get past parsing. Ids that exist nowhere
/// make allowed calls end in "not found" rather than change anything.
/// Form fields sent with a call.
type Args = &'static [(&'static str, &'static str)];

const TABLE: &[(&str, Access, Args)] = &[
    ("current_user", Everyone, &[]),
    (
        "register",
        Everyone,
        &[
            ("email", "not an email"),
            ("password", "x"),
            ("display_name", "X"),
            ("kind", "resident"),
        ],
    ),
    (
        "sign_in",
        Everyone,
        &[("email", "sam@example.be"), ("password", GOOD_PASSWORD)],
    ),
    ("sign_out", Everyone, &[]),
    ("set_locale", Everyone, &[("locale", "fr")]),
    ("recall_form", Everyone, &[]),
    ("themes", Everyone, &[("include_archived", "false")]),
    ("theme", Everyone, &[("slug", "no-such-theme")]),
    ("districts", Everyone, &[]),
    ("ideas", Everyone, &[]),
    ("idea", Everyone, &[("id", "999999")]),
    ("comments", Everyone, &[("idea_id", "999999")]),
    ("my_profile", SignedIn, &[]),
    (
        "change_password",
        SignedIn,
        &[("current_password", ""), ("new_password", "")],
    ),
    ("submit_idea", SignedIn, &[("title", ""), ("body", ""), ("theme", "")]),
    (
        "edit_idea",
        SignedIn,
        &[
            ("idea_id", "999999"),
            ("title", "T"),
            ("body", "B"),
            ("theme", "internet-use"),
        ],
    ),
    ("withdraw_idea", SignedIn, &[("idea_id", "999999")]),
    ("my_ideas", SignedIn, &[("mine", "written")]),
    ("vote", SignedIn, &[("idea_id", "999999"), ("support", "true")]),
    ("follow", SignedIn, &[("idea_id", "999999"), ("follow", "true")]),
    ("post_comment", SignedIn, &[("idea_id", "999999"), ("body", "Hello")]),
    ("edit_comment", SignedIn, &[("comment_id", "999999"), ("body", "Hello")]),
    ("delete_comment", SignedIn, &[("comment_id", "999999")]),
    ("unread_notifications", SignedIn, &[]),
    ("notifications", SignedIn, &[]),
    ("open_notification", SignedIn, &[("id", "999999")]),
    ("mark_notifications_read", SignedIn, &[]),
    (
        "set_idea_status",
        Roles(MODERATORS),
        &[("idea_id", "999999"), ("status", "open"), ("note", "")],
    ),
    ("audit", Roles(MODERATORS), &[]),
    (
        "set_account_blocked",
        Roles(MODERATORS),
        &[("account_id", "999999"), ("blocked", "true"), ("reason", "Spam")],
    ),
    (
        "merge_idea",
        Roles(MODERATORS),
        &[("idea_id", "999999"), ("duplicate_of", "999998"), ("note", "")],
    ),
    (
        "respond_to_idea",
        Roles(RESPONDERS),
        &[("idea_id", "999999"), ("note", "We are looking into it.")],
    ),
    (
        "set_hidden",
        Roles(MODERATORS),
        &[
            ("target", "idea"),
            ("target_id", "999999"),
            ("hidden", "false"),
            ("reason", "Nothing wrong with it"),
        ],
    ),
    (
        "triage_idea",
        Roles(MODERATORS),
        &[("idea_id", "999999"), ("decision", "keep"), ("note", "")],
    ),
    (
        "report",
        SignedIn,
        &[
            ("target", "idea"),
            ("target_id", "999999"),
            ("reason", "spam"),
            ("note", ""),
        ],
    ),
    (
        "set_organisation_verified",
        Roles(MODERATORS),
        &[
            ("account_id", "999999"),
            ("verified", "true"),
            ("reason", "Found in the register"),
        ],
    ),
    ("moderation_queue", Roles(MODERATORS), &[]),
    ("admin/accounts", Roles(ADMINS), &[]),
    (
        "admin/set_role",
        Roles(ADMINS),
        &[("account_id", "999999"), ("role", "member")],
    ),
    ("admin/theme", Roles(ADMINS), &[("id", "999999")]),
    (
        "admin/create_theme",
        Roles(ADMINS),
        &[
            ("slug", ""),
            ("name_fr", ""),
            ("name_nl", ""),
            ("name_en", ""),
            ("description_fr", ""),
            ("description_nl", ""),
            ("description_en", ""),
        ],
    ),
    (
        "admin/update_theme",
        Roles(ADMINS),
        &[
            ("id", "999999"),
            ("name_fr", ""),
            ("name_nl", ""),
            ("name_en", ""),
            ("description_fr", ""),
            ("description_nl", ""),
            ("description_en", ""),
        ],
    ),
    (
        "admin/archive_theme",
        Roles(ADMINS),
        &[("id", "999999"), ("archived", "true")],
    ),
    (
        "admin/move_theme",
        Roles(ADMINS),
        &[("id", "999999"), ("direction", "Up")],
    ),
    ("projects", Everyone, &[]),
    ("project", Everyone, &[("id", "999999")]),
    ("officials", Everyone, &[]),
    ("commitments", Everyone, &[]),
    ("dashboard", Everyone, &[]),
    (
        "follow_project",
        SignedIn,
        &[("project_id", "999999"), ("follow", "true")],
    ),
    ("promotable_ideas", Roles(MODERATORS), &[]),
    (
        "promote_ideas",
        Roles(MODERATORS),
        &[
            ("title", "T"),
            ("summary", "S"),
            ("theme", "internet-use"),
            ("owner", "999999"),
            ("factors", "F"),
            ("ideas[]", "999999"),
        ],
    ),
    (
        "reassign_project",
        Roles(MODERATORS),
        &[("project_id", "999999"), ("owner", "999999")],
    ),
    ("desk", Roles(OFFICIALS), &[]),
    (
        "decide_project",
        Roles(OFFICIALS),
        &[("project_id", "999999"), ("decision", "adopt"), ("statement", "Yes")],
    ),
    (
        "advance_project",
        Roles(OFFICIALS),
        &[("project_id", "999999"), ("status", "in_progress"), ("note", "")],
    ),
    (
        "add_milestone",
        Roles(OFFICIALS),
        &[("project_id", "999999"), ("title", "M"), ("target_date", "2030-01-01")],
    ),
    (
        "set_milestone_done",
        Roles(OFFICIALS),
        &[("milestone_id", "999999"), ("done", "true")],
    ),
    ("remove_milestone", Roles(OFFICIALS), &[("milestone_id", "999999")]),
    (
        "edit_milestone",
        Roles(OFFICIALS),
        &[
            ("milestone_id", "999999"),
            ("title", "M"),
            ("target_date", "2030-01-01"),
        ],
    ),
    (
        "post_project_update",
        Roles(OFFICIALS),
        &[("project_id", "999999"), ("body", "News")],
    ),
];

/// What the table expects for a caller: `None` for a visitor, else the account's role.
fn expected(access: Access, caller: Option<Role>) -> Option<u16> {
    match (access, caller) {
        (Everyone, _) => None,
        (_, None) => Some(401),
        (SignedIn, Some(_)) => None,
        (Roles(roles), Some(role)) if roles.contains(&role) => None,
        (Roles(_), Some(_)) => Some(403),
    }
}

async fn every_server_function_refuses_exactly_whom_the_table_says(engine: Engine) {
    let app = spawn_app(engine).await;

    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_owned())
        .collect();
    let listed: BTreeSet<String> = TABLE.iter().map(|(name, _, _)| (*name).to_owned()).collect();
    assert_eq!(
        registered, listed,
        "every server function has exactly one row in the table"
    );

    let (business, place) = register_business(&app).await;
    assert_eq!(place, "/profile");
    let callers: Vec<(&str, Option<Role>, Browser)> = vec![
        ("visitor", None, app.browser()),
        (
            "resident",
            Some(Role::Member),
            app.signed_in("ana@example.be", Role::Member).await.1,
        ),
        ("business", Some(Role::Member), business),
        (
            "moderator",
            Some(Role::Moderator),
            app.signed_in("mia@example.be", Role::Moderator).await.1,
        ),
        (
            "official",
            Some(Role::Official),
            app.signed_in("olga@example.be", Role::Official).await.1,
        ),
        (
            "admin",
            Some(Role::Admin),
            app.signed_in("adam@example.be", Role::Admin).await.1,
        ),
    ];
    app.create_account("sam@example.be", "Sam", GOOD_PASSWORD, Role::Member)
        .await;
    let mut wrong = vec![];
    for (endpoint, access, args) in TABLE {
        // Signing in or out would change who the callers are for the rows after it: a
        // fresh visitor tries them (with a real account's credentials for signing in).
        if ["sign_in", "sign_out"].contains(endpoint) {
            let status = app
                .browser()
                .call(&format!("/api/{endpoint}"), args)
                .await
                .status()
                .as_u16();
            if [401, 403].contains(&status) || status >= 500 {
                wrong.push(format!("{endpoint} as a visitor: {status}"));
            }
            continue;
        }
        for (who, role, browser) in &callers {
            let status = browser.call(&format!("/api/{endpoint}"), args).await.status().as_u16();
            let refused = [401, 403].contains(&status).then_some(status);
            let want = expected(*access, *role);
            if refused != want || status == 400 || status >= 500 {
                wrong.push(format!("{endpoint} as {who}: {status}, expected {want:?}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "answers that disagree with the table:\n{}",
        wrong.join("\n")
    );
}
