use super::api::CastVote;
use crate::accounts::parts::ConfirmEmailFirst;
use crate::forms::FormAlert;
use crate::i18n::{t, t_count};
use leptos::prelude::*;

/// The count, and what the reader can do about it. Only a reader who can vote gets the
/// button the browser runs (`SupportButton`); everyone else gets a page the browser has
/// nothing to run on, so a visitor loads no wasm for it. `can_vote`: the policy lets a
/// signed-in reader vote (a blocked account sees the count and why it cannot vote; one
/// that has not confirmed its address, how to).
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
    if open && signed_in && can_vote {
        return view! { <SupportButton idea_id count voted /> }.into_any();
    }
    let control = if !open {
        view! { <p class="vote-closed">{t("vote-closed")}</p> }.into_any()
    } else if !signed_in {
        let href = format!("/login?next={path}");
        view! { <a href=href class="button button-secondary">{t("vote-sign-in")}</a> }.into_any()
    } else if unconfirmed {
        view! { <ConfirmEmailFirst /> }.into_any()
    } else {
        // Signed in and open, yet refused: the account is blocked. It says so rather than
        // offering a button that would answer 403.
        view! { <p class="hint vote-blocked">{t("error-blocked")}</p> }.into_any()
    };
    // A vote refused after the page was loaded (the idea closed meanwhile) comes back
    // here with its reason.
    let refused = ServerAction::<CastVote>::new();
    view! {
        <div class="vote-box" id="vote">
            <VoteCount count=Signal::stored(count) />
            <FormAlert action=refused />
            {control}
        </div>
    }
    .into_any()
}

/// The count and the support button. With JavaScript it changes at once and falls back,
/// with the reason, if the server refuses; without, it is a form that comes back here.
/// An island: its props are plain values.
#[island]
fn SupportButton(idea_id: i64, count: i64, voted: bool) -> impl IntoView {
    crate::forms::refusal_from_address();
    let action = ServerAction::<CastVote>::new();
    // What the server last confirmed: a refusal leaves it as it was, so the button falls
    // back to the last accepted state, not to the one the page was loaded with.
    let confirmed = Memo::new(move |last: Option<&(i64, bool)>| match action.value().get() {
        Some(Ok(state)) => (state.count, state.voted),
        _ => last.copied().unwrap_or((count, voted)),
    });
    let shown = Signal::derive(move || {
        let (count, voted) = confirmed.get();
        match action.input().get() {
            Some(pending) if pending.support != voted => {
                (count + if pending.support { 1 } else { -1 }, pending.support)
            }
            _ => (count, voted),
        }
    });
    view! {
        <div class="vote-box" id="vote">
            <VoteCount count=Signal::derive(move || shown.get().0) />
            <FormAlert action />
            <ActionForm action>
                <input type="hidden" name="idea_id" value=idea_id />
                <input type="hidden" name="support" value=move || (!shown.get().1).to_string() />
                <button type="submit" class="button vote-button" class:voted=move || shown.get().1
                    aria-pressed=move || if shown.get().1 { "true" } else { "false" }>
                    {move || if shown.get().1 { t("vote-remove") } else { t("vote-support") }}
                </button>
            </ActionForm>
        </div>
    }
}

#[component]
fn VoteCount(count: Signal<i64>) -> impl IntoView {
    view! {
        <p class="vote-count" aria-live="polite">
            <strong>{move || count.get()}</strong>
            " "
            {move || t_count("vote-count", count.get())}
        </p>
    }
}
