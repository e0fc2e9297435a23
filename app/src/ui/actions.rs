//! What a page does with the answers of its server actions.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// After a change the server answers where the change is shown (a comment, a
/// milestone); go there.
pub fn follow_answer<S>(action: ServerAction<S>)
where
    S: leptos::server_fn::ServerFn<Output = String, Error = crate::error::AppError> + Clone + Send + Sync + 'static,
{
    let navigate = use_navigate();
    let location = leptos_router::hooks::use_location();
    Effect::new(move || {
        if let Some(Ok(place)) = action.value().get() {
            // Only while the reader is still on the page the change was made on.
            let path = place.split(['?', '#']).next().unwrap_or_default();
            if path == location.pathname.get_untracked() {
                navigate(&place, Default::default());
            }
        }
    });
}
