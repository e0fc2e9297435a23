//! How every page waits for its data: one place for the Suspense, the loading text, and
//! the refusal shown (with its HTTP status) when the server says no.

use super::Refusal;
use crate::error::AppError;
use crate::forms::FormMemoryOf;
use crate::i18n::t;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// While the data loads: a line of text, or nothing for a part of a page that would only
/// flicker.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Waiting {
    #[default]
    Text,
    Quiet,
}

/// Shows `children` with what `load` answers once it has awaited what it needs (the
/// page's resources, the input kept for its forms), a `Refusal` when it answers with an
/// error, and `waiting` until then: for pages whose content needs more than one resource.
#[component]
pub fn Loading<L, Fut, T, F, V>(
    load: L,
    children: F,
    #[prop(optional)] waiting: Waiting,
    /// Shown instead of `waiting` until the data is there (a heading that keeps its place).
    #[prop(optional, into)]
    placeholder: Option<ViewFn>,
) -> impl IntoView
where
    L: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
    T: Send + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let fallback = move || match &placeholder {
        Some(placeholder) => placeholder.run(),
        None => (waiting == Waiting::Text)
            .then(|| view! { <p>{t("loading")}</p> })
            .into_any(),
    };
    view! {
        <Suspense fallback>
            {move || {
                let (load, children) = (load.clone(), children.clone());
                Suspend::new(async move {
                    match load().await {
                        Ok(value) => children(value).into_any(),
                        Err(error) => view! { <Refusal error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// A form that refills what was typed before a refused plain post: `children` get the
/// kept values (empty when there are none) once they are known.
#[component]
pub fn KeptForm<F, V>(memory: FormMemoryOf, children: F) -> impl IntoView
where
    F: Fn(BTreeMap<String, String>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Loading load=move || async move { Ok(memory.await) } waiting=Waiting::Quiet let:kept>
            {children(kept)}
        </Loading>
    }
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
