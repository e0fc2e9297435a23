//! The permission table as a specification, written out by hand: every action for every
//! kind of caller, then what the facts about the item change.

use super::*;
use Refusal::*;

const NO: Option<Refusal> = None;

/// Callers in the order of the table's columns.
fn callers() -> [(&'static str, Option<Actor>); 10] {
    let actor = |id, role, blocked| {
        Some(Actor {
            id,
            role,
            blocked,
            verified: true,
        })
    };
    [
        ("visitor", None),
        ("member", actor(1, Role::Member, false)),
        ("blocked member", actor(2, Role::Member, true)),
        (
            "unconfirmed member",
            Some(Actor {
                id: 9,
                role: Role::Member,
                blocked: false,
                verified: false,
            }),
        ),
        ("moderator", actor(3, Role::Moderator, false)),
        ("blocked moderator", actor(4, Role::Moderator, true)),
        ("official", actor(5, Role::Official, false)),
        ("blocked official", actor(6, Role::Official, true)),
        ("admin", actor(7, Role::Admin, false)),
        ("blocked admin", actor(8, Role::Admin, true)),
    ]
}

const F: Option<Refusal> = Some(Forbidden);
const B: Option<Refusal> = Some(Blocked);
const S: Option<Refusal> = Some(SignIn);
const U: Option<Refusal> = Some(Unconfirmed);

/// visitor, member, blocked member, unconfirmed member, moderator, blocked moderator,
/// official, blocked official, admin, blocked admin.
#[rustfmt::skip]
const TABLE: &[(Action, [Option<Refusal>; 10])] = &[
    (Action::Browse,              [NO, NO, NO, NO, NO, NO, NO, NO, NO, NO]),
    (Action::ReadIdea,            [NO, NO, NO, NO, NO, NO, NO, NO, NO, NO]),
    (Action::UseAccount,          [S,  NO, NO, NO, NO, NO, NO, NO, NO, NO]),
    (Action::Follow,              [S,  NO, NO, NO, NO, NO, NO, NO, NO, NO]),
    (Action::SubmitIdea,          [S,  NO, B,  U,  NO, B,  NO, B,  NO, B ]),
    (Action::EditIdea,            [S,  NO, B,  U,  NO, B,  NO, B,  NO, B ]),
    (Action::WithdrawIdea,        [S,  NO, B,  U,  NO, B,  NO, B,  NO, B ]),
    (Action::Vote,                [S,  NO, B,  U,  NO, B,  NO, B,  NO, B ]),
    (Action::Comment,             [S,  NO, B,  U,  NO, B,  NO, B,  NO, B ]),
    (Action::EditComment,         [S,  NO, B,  U,  NO, B,  NO, B,  NO, B ]),
    (Action::DeleteComment,       [S,  NO, B,  U,  NO, B,  NO, B,  NO, B ]),
    (Action::Report,              [S,  NO, B,  U,  NO, B,  NO, B,  NO, B ]),
    (Action::DecideIdea,          [S,  F,  F,  F,  NO, B,  F,  F,  NO, B ]),
    (Action::HideContent,         [S,  F,  F,  F,  NO, B,  F,  F,  NO, B ]),
    (Action::VerifyOrganisation,  [S,  F,  F,  F,  NO, B,  F,  F,  NO, B ]),
    (Action::BlockAccount,        [S,  F,  F,  F,  NO, B,  F,  F,  NO, B ]),
    (Action::ReadModerationQueue, [S,  F,  F,  F,  NO, B,  F,  F,  NO, B ]),
    (Action::ReadAudit,           [S,  F,  F,  F,  NO, B,  F,  F,  NO, B ]),
    (Action::RespondToIdea,       [S,  F,  F,  F,  NO, B,  NO, B,  NO, B ]),
    (Action::PromoteIdeas,        [S,  F,  F,  F,  NO, B,  F,  F,  NO, B ]),
    (Action::ReassignProject,     [S,  F,  F,  F,  NO, B,  F,  F,  NO, B ]),
    (Action::ReadDesk,            [S,  F,  F,  F,  F,  F,  NO, B,  NO, B ]),
    (Action::ManageProject,       [S,  F,  F,  F,  F,  F,  NO, B,  NO, B ]),
    (Action::ManageAccounts,      [S,  F,  F,  F,  F,  F,  F,  F,  NO, B ]),
    (Action::ManageThemes,        [S,  F,  F,  F,  F,  F,  F,  F,  NO, B ]),
];

fn answer(actor: &Option<Actor>, action: Action, facts: Facts) -> Option<Refusal> {
    decide(actor.as_ref(), action, &facts).err()
}

#[test]
fn every_action_refuses_exactly_the_callers_the_table_names() {
    assert_eq!(TABLE.len(), Action::ALL.len(), "one row per action");
    for (row, action) in TABLE.iter().zip(Action::ALL) {
        assert_eq!(row.0, action, "rows in the order of Action::ALL");
        for ((who, actor), expected) in callers().iter().zip(row.1) {
            assert_eq!(answer(actor, action, Facts::none()), expected, "{action:?} by {who}");
            assert_eq!(
                allows(actor.as_ref(), action),
                expected.is_none(),
                "{action:?} by {who}"
            );
        }
    }
}

/// The actions whose facts about the item matter; for every other action, no fact
/// changes the answer.
const AUTHORED: [Action; 4] = [
    Action::EditIdea,
    Action::WithdrawIdea,
    Action::EditComment,
    Action::DeleteComment,
];

#[test]
fn only_their_author_edits_withdraws_or_deletes_an_item() {
    for (who, actor) in callers() {
        for action in AUTHORED {
            let role_answer = answer(&actor, action, Facts::none());
            let Some(me) = actor else { continue };
            assert_eq!(
                answer(&actor, action, Facts::authored_by(me.id)),
                role_answer,
                "{action:?} own, {who}"
            );
            let others = answer(&actor, action, Facts::authored_by(99));
            assert_eq!(others, role_answer.or(Some(Forbidden)), "{action:?} another's, {who}");
        }
    }
}

#[test]
fn an_official_manages_only_the_projects_they_own_and_an_admin_any() {
    for (who, actor) in callers() {
        let role_answer = answer(&actor, Action::ManageProject, Facts::none());
        let Some(me) = actor else { continue };
        let own = answer(&actor, Action::ManageProject, Facts::owned_by(me.id));
        let others = answer(&actor, Action::ManageProject, Facts::owned_by(99));
        assert_eq!(own, role_answer, "{who}");
        let expected = match (role_answer, me.role) {
            (None, Role::Admin) => None,
            (None, _) => Some(Forbidden),
            (refused, _) => refused,
        };
        assert_eq!(others, expected, "{who}");
    }
}

#[test]
fn a_hidden_idea_is_read_by_its_author_and_the_moderators_who_are_not_blocked() {
    let mut readers = vec![];
    for (who, actor) in callers() {
        if answer(&actor, Action::ReadIdea, Facts::item(99, true)).is_none() {
            readers.push(who);
        }
        if let Some(me) = actor {
            assert_eq!(
                answer(&actor, Action::ReadIdea, Facts::item(me.id, true)),
                None,
                "{who}'s own"
            );
        }
        assert_eq!(answer(&actor, Action::ReadIdea, Facts::item(99, false)), None, "{who}");
    }
    assert_eq!(readers, ["moderator", "admin"]);
}

#[test]
fn nobody_but_the_author_and_moderators_votes_comments_or_follows_on_a_hidden_idea() {
    for action in [Action::Vote, Action::Comment, Action::Follow] {
        let member = callers()[1].1;
        assert_eq!(
            answer(&member, action, Facts::item(99, true)),
            Some(Hidden),
            "{action:?}"
        );
        assert_eq!(answer(&member, action, Facts::item(1, true)), None, "{action:?} own");
        assert_eq!(answer(&member, action, Facts::item(99, false)), None, "{action:?}");
        let moderator = callers()[4].1;
        assert_eq!(answer(&moderator, action, Facts::item(99, true)), None, "{action:?}");
    }
}

#[test]
fn nobody_reports_their_own_item_or_what_is_already_hidden() {
    for (who, actor) in callers() {
        let role_answer = answer(&actor, Action::Report, Facts::none());
        let Some(me) = actor else { continue };
        assert_eq!(
            answer(&actor, Action::Report, Facts::item(me.id, false)),
            role_answer.or(Some(Forbidden)),
            "{who}"
        );
        assert_eq!(
            answer(&actor, Action::Report, Facts::item(99, true)),
            role_answer.or(Some(Hidden)),
            "{who}"
        );
        assert_eq!(
            answer(&actor, Action::Report, Facts::item(99, false)),
            role_answer,
            "{who}"
        );
    }
}

#[test]
fn a_moderator_blocks_members_and_an_admin_anyone_but_themselves() {
    let [_, member, _, _, moderator, _, _, _, admin, _] = callers().map(|c| c.1);
    let block = |actor: &Option<Actor>, id, role| answer(actor, Action::BlockAccount, Facts::account(id, role));
    assert_eq!(block(&moderator, 10, Role::Member), None);
    assert_eq!(block(&moderator, 10, Role::Moderator), Some(Forbidden));
    assert_eq!(block(&moderator, 10, Role::Official), Some(Forbidden));
    assert_eq!(block(&moderator, 3, Role::Moderator), Some(Forbidden), "themselves");
    for role in Role::ALL {
        assert_eq!(block(&admin, 10, role), None, "{role:?}");
    }
    assert_eq!(block(&admin, 7, Role::Admin), Some(Forbidden), "themselves");
    assert_eq!(block(&member, 10, Role::Member), Some(Forbidden));
}

#[test]
fn facts_about_the_item_change_nothing_for_the_other_actions() {
    let special = [
        Action::ReadIdea,
        Action::Vote,
        Action::Comment,
        Action::Follow,
        Action::Report,
        Action::ManageProject,
        Action::BlockAccount,
    ];
    for action in Action::ALL
        .into_iter()
        .filter(|a| !AUTHORED.contains(a) && !special.contains(a))
    {
        for (who, actor) in callers() {
            let role_answer = answer(&actor, action, Facts::none());
            for facts in [
                Facts::item(99, true),
                Facts::item(99, false),
                Facts::owned_by(99),
                Facts::account(99, Role::Admin),
            ] {
                assert_eq!(
                    answer(&actor, action, facts),
                    role_answer,
                    "{action:?} by {who} with {facts:?}"
                );
            }
        }
    }
}

#[test]
fn every_server_function_is_listed_once() {
    let mut names: Vec<&str> = SERVER_FUNCTIONS.iter().map(|(name, _)| *name).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(names.len(), before);
}
