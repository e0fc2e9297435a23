//! Every server function, called by every kind of caller, answers as the policy's table
//! says (`policy::SERVER_FUNCTIONS` and `policy::decide`): refused with 401 (visitor) or
//! 403 (signed in without the role, or blocked), or let through (any other answer: done,
//! not found, invalid input…). A server function missing from the policy's table fails
//! the test, so a new endpoint cannot ship without its action.

mod common;

use agora_app::accounts::model::Role;
use agora_app::policy::{decide, Actor, Facts, Refusal, SERVER_FUNCTIONS};
use common::{location, register_business, spawn_app, Browser, Engine, TestApp, GOOD_PASSWORD};
use std::collections::BTreeSet;

on_both_engines!(every_server_function_refuses_exactly_whom_the_policy_says);

/// Form fields sent with a call.
type Args = &'static [(&'static str, &'static str)];

/// Arguments that get past parsing, per endpoint. Ids that exist nowhere make allowed
/// calls end in "not found" rather than change anything.
const ARGS: &[(&str, Args)] = &[
    ("current_user", &[]),
    (
        "register",
        &[
            ("email", "not an email"),
            ("password", "x"),
            ("display_name", "X"),
            ("kind", "resident"),
        ],
    ),
    ("sign_in", &[("email", "sam@example.be"), ("password", GOOD_PASSWORD)]),
    ("sign_out", &[]),
    ("set_locale", &[("locale", "fr")]),
    ("recall_form", &[]),
    ("themes", &[("include_archived", "false")]),
    ("theme", &[("slug", "no-such-theme")]),
    ("idea_choices", &[]),
    ("similar_ideas", &[("text", "bike lanes")]),
    ("open_data_terms", &[]),
    ("ideas", &[]),
    ("idea", &[("id", "999999")]),
    ("comments", &[("idea_id", "999999")]),
    ("idea_page", &[("id", "999999")]),
    ("my_profile", &[]),
    ("change_password", &[("current_password", ""), ("new_password", "")]),
    ("resend_verification", &[]),
    ("my_data", &[]),
    ("delete_account", &[("password", "not the password")]),
    ("mail_preferences", &[]),
    ("set_mail_preferences", &[("frequency", "weekly"), ("mine", "on")]),
    ("unsubscribe", &[("account", "1"), ("kind", "all"), ("sig", "00")]),
    ("verify_email", &[("token", "not a link")]),
    (
        "change_email",
        &[("new_email", "new@example.be"), ("password", "not the password")],
    ),
    ("confirm_email_change", &[("token", "not a link")]),
    ("request_password_reset", &[("email", "nobody@example.be")]),
    ("reset_password", &[("token", "not a link"), ("new_password", "")]),
    ("submit_idea", &[("title", ""), ("body", ""), ("theme", "")]),
    (
        "edit_idea",
        &[
            ("idea_id", "999999"),
            ("title", "T"),
            ("body", "B"),
            ("theme", "internet-use"),
        ],
    ),
    ("withdraw_idea", &[("idea_id", "999999")]),
    ("my_ideas", &[("mine", "written")]),
    ("vote", &[("idea_id", "999999"), ("support", "true")]),
    ("follow", &[("idea_id", "999999"), ("follow", "true")]),
    ("post_comment", &[("idea_id", "999999"), ("body", "Hello")]),
    ("edit_comment", &[("comment_id", "999999"), ("body", "Hello")]),
    ("delete_comment", &[("comment_id", "999999")]),
    ("unread_notifications", &[]),
    ("notifications", &[]),
    ("open_notification", &[("id", "999999")]),
    ("mark_notifications_read", &[]),
    (
        "set_idea_status",
        &[("idea_id", "999999"), ("status", "open"), ("note", "")],
    ),
    ("audit", &[]),
    (
        "set_account_blocked",
        &[("account_id", "999999"), ("blocked", "true"), ("reason", "Spam")],
    ),
    (
        "merge_idea",
        &[("idea_id", "999999"), ("duplicate_of", "999998"), ("note", "")],
    ),
    (
        "respond_to_idea",
        &[("idea_id", "999999"), ("note", "We are looking into it.")],
    ),
    (
        "set_hidden",
        &[
            ("target", "idea"),
            ("target_id", "999999"),
            ("hidden", "false"),
            ("reason", "Nothing wrong with it"),
        ],
    ),
    (
        "triage_idea",
        &[("idea_id", "999999"), ("decision", "keep"), ("note", "")],
    ),
    (
        "report",
        &[
            ("target", "idea"),
            ("target_id", "999999"),
            ("reason", "spam"),
            ("note", ""),
        ],
    ),
    (
        "set_organisation_verified",
        &[
            ("account_id", "999999"),
            ("verified", "true"),
            ("reason", "Found in the register"),
        ],
    ),
    ("moderation_queue", &[]),
    ("admin/accounts", &[]),
    ("admin/set_role", &[("account_id", "999999"), ("role", "member")]),
    ("admin/theme", &[("id", "999999")]),
    (
        "admin/create_theme",
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
    ("admin/archive_theme", &[("id", "999999"), ("archived", "true")]),
    ("admin/move_theme", &[("id", "999999"), ("direction", "Up")]),
    ("projects", &[]),
    ("project", &[("id", "999999")]),
    ("officials", &[]),
    ("commitments", &[]),
    ("dashboard", &[]),
    ("follow_project", &[("project_id", "999999"), ("follow", "true")]),
    ("promotable_ideas", &[]),
    (
        "promote_ideas",
        &[
            ("title", "T"),
            ("summary", "S"),
            ("theme", "internet-use"),
            ("owner", "999999"),
            ("factors", "F"),
            ("ideas[]", "999999"),
        ],
    ),
    ("reassign_project", &[("project_id", "999999"), ("owner", "999999")]),
    ("desk", &[]),
    (
        "decide_project",
        &[("project_id", "999999"), ("decision", "adopt"), ("statement", "Yes")],
    ),
    (
        "advance_project",
        &[("project_id", "999999"), ("status", "in_progress"), ("note", "")],
    ),
    (
        "add_milestone",
        &[("project_id", "999999"), ("title", "M"), ("target_date", "2030-01-01")],
    ),
    ("set_milestone_done", &[("milestone_id", "999999"), ("done", "true")]),
    ("remove_milestone", &[("milestone_id", "999999")]),
    (
        "edit_milestone",
        &[
            ("milestone_id", "999999"),
            ("title", "M"),
            ("target_date", "2030-01-01"),
        ],
    ),
    ("post_project_update", &[("project_id", "999999"), ("body", "News")]),
];

/// What the policy expects for a caller: `None` when let through.
fn expected(action: agora_app::policy::Action, caller: Option<&Actor>) -> Option<u16> {
    match decide(caller, action, &Facts::none()) {
        Ok(()) => None,
        Err(Refusal::SignIn) => Some(401),
        Err(Refusal::Forbidden | Refusal::Blocked | Refusal::Hidden | Refusal::Unconfirmed) => Some(403),
    }
}

/// A signed-in account of `role` that a moderator blocked.
async fn blocked(app: &TestApp, email: &str, role: Role) -> (i64, Browser) {
    let (id, browser) = app.signed_in(email, role).await;
    sqlx::query("UPDATE accounts SET blocked_at = $1, blocked_reason = 'Spam' WHERE id = $2")
        .bind(agora_app::db::now_ms())
        .bind(id)
        .execute(&app.db.pool)
        .await
        .expect("block");
    (id, browser)
}

/// A resident who registered through the form and has not followed the link sent to
/// their address.
async fn unconfirmed(app: &TestApp, email: &str) -> Browser {
    let browser = app.browser();
    let response = browser.register(email, "Una", GOOD_PASSWORD).await;
    assert_eq!(location(&response), "/profile", "{email} registers");
    browser
}

async fn every_server_function_refuses_exactly_whom_the_policy_says(engine: Engine) {
    let app = spawn_app(engine).await;

    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_owned())
        .collect();
    let listed: BTreeSet<String> = SERVER_FUNCTIONS.iter().map(|(name, _)| (*name).to_owned()).collect();
    assert_eq!(
        registered, listed,
        "every server function has exactly one row in the policy's table"
    );
    let with_args: BTreeSet<String> = ARGS.iter().map(|(name, _)| (*name).to_owned()).collect();
    assert_eq!(listed, with_args, "every server function has its arguments here");

    let (business, place) = register_business(&app).await;
    assert_eq!(place, "/profile");
    // Without facts about an item the policy looks at the role and the block only.
    let actor = |role, blocked| {
        Some(Actor {
            id: 0,
            role,
            blocked,
            verified: true,
        })
    };
    let callers: Vec<(&str, Option<Actor>, Browser)> = vec![
        ("visitor", None, app.browser()),
        (
            "resident",
            actor(Role::Member, false),
            app.signed_in("ana@example.be", Role::Member).await.1,
        ),
        ("business", actor(Role::Member, false), business),
        (
            "moderator",
            actor(Role::Moderator, false),
            app.signed_in("mia@example.be", Role::Moderator).await.1,
        ),
        (
            "official",
            actor(Role::Official, false),
            app.signed_in("olga@example.be", Role::Official).await.1,
        ),
        (
            "admin",
            actor(Role::Admin, false),
            app.signed_in("adam@example.be", Role::Admin).await.1,
        ),
        (
            "blocked resident",
            actor(Role::Member, true),
            blocked(&app, "bert@example.be", Role::Member).await.1,
        ),
        (
            "blocked moderator",
            actor(Role::Moderator, true),
            blocked(&app, "bo@example.be", Role::Moderator).await.1,
        ),
        (
            "blocked official",
            actor(Role::Official, true),
            blocked(&app, "bob@example.be", Role::Official).await.1,
        ),
        (
            "unconfirmed resident",
            Some(Actor {
                id: 0,
                role: Role::Member,
                blocked: false,
                verified: false,
            }),
            unconfirmed(&app, "una@example.be").await,
        ),
    ];
    app.create_account("sam@example.be", "Sam", GOOD_PASSWORD, Role::Member)
        .await;
    let mut wrong = vec![];
    for (endpoint, action) in SERVER_FUNCTIONS {
        let args = ARGS
            .iter()
            .find(|(name, _)| name == endpoint)
            .map(|(_, args)| *args)
            .unwrap_or_default();
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
            let want = expected(*action, role.as_ref());
            if refused != want || status == 400 || status >= 500 {
                wrong.push(format!("{endpoint} as {who}: {status}, expected {want:?}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "answers that disagree with the policy:\n{}",
        wrong.join("\n")
    );
}
