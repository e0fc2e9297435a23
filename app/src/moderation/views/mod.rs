//! The moderators' queue, their panel on an idea page, the public-response form, the
//! report form and what a hidden item says to its author.

use super::api::{moderation_queue, SetAccountBlocked, SetHidden, SetOrganisationVerified, TriageIdea, TRIAGE_FORM};
use super::model::{
    BlockedAccount, Hidden, ModerationReason, PublicNote, QueueEntry, QueueTab, QueuedComment, QueuedIdea,
    QueuedOrganisation, Target, Triage,
};
use crate::accounts::model::Role;
use crate::forms::{field_error, use_form_memory, Field, FormAlert};
use crate::i18n::{format_date, t, t_count, t_with, use_locale, Locale};
use crate::ideas::model::idea_path;
use crate::ui::status_label;
use crate::ui::{author_badge, kind_label, role_label};
use crate::ui::{Loading, Pager};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use std::collections::BTreeMap;

use super::parts::*;

mod queue;

pub use queue::*;

/// With JavaScript, `j` and `k` move between the items of the queue, and after a decision
/// the item that took the decided one's place has the focus: a moderator works through
/// the queue from the keyboard. An island around the keys' hint: the queue itself is the
/// server's page, and a decision is a form that brings it back.
#[island]
fn QueueKeys() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    keyboard::install();
    view! { <p class="hint keyboard-hint">{t("queue-keyboard")}</p> }
}

#[cfg(feature = "hydrate")]
mod keyboard {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    /// Where the last decision was taken, kept across the page load the decision causes.
    const DECIDED_AT: &str = "agora-queue-decided-at";

    fn items() -> Vec<web_sys::HtmlElement> {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return vec![];
        };
        let Ok(list) = document.query_selector_all(".queue-item") else {
            return vec![];
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
            .collect()
    }

    fn current(items: &[web_sys::HtmlElement]) -> Option<usize> {
        let active = web_sys::window()?.document()?.active_element()?;
        let item = active.closest(".queue-item").ok()??;
        items.iter().position(|i| **i == item)
    }

    fn typing() -> bool {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
    }

    fn session() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok()?
    }

    pub fn install() {
        // The page after a decision: the focus goes where the decided item was.
        let decided_at = session().and_then(|store| {
            let at = store.get_item(DECIDED_AT).ok()??;
            let _ = store.remove_item(DECIDED_AT);
            at.parse::<usize>().ok()
        });
        if let Some(at) = decided_at {
            let items = items();
            if let Some(next) = items.get(at).or(items.last()) {
                let _ = next.focus();
            }
        }
        let submitted = window_event_listener(leptos::ev::submit, move |_| {
            if let (Some(at), Some(store)) = (current(&items()), session()) {
                let _ = store.set_item(DECIDED_AT, &at.to_string());
            }
        });
        let handle = window_event_listener(leptos::ev::keydown, |event| {
            if event.ctrl_key() || event.meta_key() || event.alt_key() || typing() {
                return;
            }
            let step: isize = match event.key().as_str() {
                "j" => 1,
                "k" => -1,
                _ => return,
            };
            let items = items();
            if items.is_empty() {
                return;
            }
            let next = match current(&items) {
                Some(at) => (at as isize + step).clamp(0, items.len() as isize - 1) as usize,
                None => 0,
            };
            event.prevent_default();
            let _ = items[next].focus();
        });
        on_cleanup(move || {
            handle.remove();
            submitted.remove();
        });
    }
}
