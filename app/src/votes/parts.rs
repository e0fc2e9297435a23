use super::api::CastVote;
use crate::accounts::parts::ConfirmEmailFirst;
use crate::forms::FormAlert;
use crate::i18n::{t, t_count};
use leptos::prelude::*;
use leptos_router::components::A;

/// The count and the button. With JavaScript it changes at once and falls back, with
/// the reason, if the server refuses; without, it is a form that comes back here.
/// `can_vote`: the policy lets a signed-in reader vote (a blocked account sees the count
/// and why it cannot vote; one that has not confirmed its address, how to).
#[component]
pub fn VoteBox(
    idea_id: i64,
    count: i64,
    voted: bool,
    open: bool,
    signed_in: bool,
    can_vote: bool,
    /// The policy refused because the reader's address is not confirmed yet.
    unconfirmed: bool,
    path: String,
) -> impl IntoView {
    let action = ServerAction::<CastVote>::new();
    // What the server last confirmed: a refusal leaves it as it was, so the button falls
    // back to the last accepted state, not to the one the page was loaded with.
    let confirmed = Memo::new(move |last: Option<&(i64, bool)>| match action.value().get() {
        Some(Ok(state)) => (state.count, state.voted),
        _ => last.copied().unwrap_or((count, voted)),
    });
    let shown = move || {
        let (count, voted) = confirmed.get();
        match action.input().get() {
            Some(pending) if pending.support != voted => {
                (count + if pending.support { 1 } else { -1 }, pending.support)
            }
            _ => (count, voted),
        }
    };
    let control = if !open {
        view! { <p class="vote-closed">{t("vote-closed")}</p> }.into_any()
    } else if !signed_in {
        let href = format!("/login?next={path}");
        view! { <A href=href attr:class="button button-secondary">{t("vote-sign-in")}</A> }.into_any()
    } else if !can_vote && unconfirmed {
        view! { <ConfirmEmailFirst /> }.into_any()
    } else if !can_vote {
        // Signed in and open, yet refused: the account is blocked. It says so rather than
        // offering a button that would answer 403.
        view! { <p class="hint vote-blocked">{t("error-blocked")}</p> }.into_any()
    } else {
        view! {
            <ActionForm action>
                <input type="hidden" name="idea_id" value=idea_id />
                <input type="hidden" name="support" value=move || (!shown().1).to_string() />
                <button type="submit" class="button vote-button" class:voted=move || shown().1
                    aria-pressed=move || if shown().1 { "true" } else { "false" }>
                    {move || if shown().1 { t("vote-remove") } else { t("vote-support") }}
                </button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <div class="vote-box" id="vote">
            <p class="vote-count" aria-live="polite">
                <strong>{move || shown().0}</strong>
                " "
                {move || t_count("vote-count", shown().0)}
            </p>
            <FormAlert action />
            {control}
        </div>
    }
}
