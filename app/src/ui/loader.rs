//! How every page waits for its data: one place for the Suspense, the loading text, and
//! the refusal shown (with its HTTP status) when the server says no.

use super::Refusal;
use crate::error::AppError;
use crate::i18n::t;
use leptos::prelude::*;

/// While the data loads: a line of text, or nothing for a part of a page that would only
/// flicker.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Waiting {
    #[default]
    Text,
    Quiet,
}

/// Shows `children` with what `resource` answered, a `Refusal` when it answered with an
/// error, and `waiting` until it answers. Pages render on the server with
/// `SsrMode::Async`, so without JavaScript the answer is in the first response.
#[component]
pub fn Loader<T, F, V>(
    resource: Resource<Result<T, AppError>>,
    children: F,
    #[prop(optional)] waiting: Waiting,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let fallback = move || (waiting == Waiting::Text).then(|| view! { <p>{t("loading")}</p> });
    view! {
        <Suspense fallback>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => children(value).into_any(),
                        Err(error) => view! { <Refusal error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
