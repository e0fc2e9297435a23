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
            {built_once(move || {
                let (load, children) = (load.clone(), children.clone());
                Suspend::new(async move {
                    match load().await {
                        Ok(value) => children(value).into_any(),
                        Err(error) => view! { <Refusal error /> }.into_any(),
                    }
                })
            })}
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
pub fn Loader<T, F, V, Ser>(
    resource: Resource<Result<T, AppError>, Ser>,
    children: F,
    #[prop(optional)] waiting: Waiting,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    Ser: Send + Sync + 'static,
{
    let fallback = move || (waiting == Waiting::Text).then(|| view! { <p>{t("loading")}</p> });
    view! {
        <Suspense fallback>
            {built_once(move || {
                let children = children.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => children(value).into_any(),
                        Err(error) => view! { <Refusal error /> }.into_any(),
                    }
                })
            })}
        </Suspense>
    }
}

/// The content of a `<Suspense>` or a `<Transition>`, made by `make`. The server renders
/// a page once, so there it is one `Suspend`, made once: Leptos calls a closure again each
/// time it checks a `<Suspense>` for pending data, and each call awaited the data again and made
/// the whole content again (every card of a list two or three times per page). In the
/// browser it stays the closure, so that the content follows its data. Both write the
/// same HTML.
#[cfg(feature = "ssr")]
pub(crate) fn built_once<F>(make: F) -> Suspend<AnyView>
where
    F: Fn() -> Suspend<AnyView>,
{
    make()
}

#[cfg(not(feature = "ssr"))]
pub(crate) fn built_once<F>(make: F) -> F
where
    F: Fn() -> Suspend<AnyView>,
{
    make
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use futures::StreamExt;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    /// Renders a `Loader` the way a page is rendered on the server, and answers its
    /// HTML and how many times its content was made.
    async fn render_loader(data_arrives_later: bool) -> (String, usize) {
        _ = any_spawner::Executor::init_tokio();
        let made = Arc::new(AtomicUsize::new(0));
        let owner = Owner::new();
        let counted = Arc::clone(&made);
        let html = owner
            .with(move || {
                let resource = Resource::new(
                    || (),
                    move |_| async move {
                        if data_arrives_later {
                            tokio::task::yield_now().await;
                        }
                        Ok::<_, AppError>("twenty cards".to_owned())
                    },
                );
                view! {
                    <Loader resource let:data>
                        {
                            counted.fetch_add(1, Ordering::SeqCst);
                            view! { <p>{data}</p> }
                        }
                    </Loader>
                }
                .to_html_stream_in_order()
            })
            .collect::<String>()
            .await;
        (html, made.load(Ordering::SeqCst))
    }

    #[tokio::test]
    async fn the_server_makes_the_content_once_when_its_data_arrives_later() {
        let (html, made) = render_loader(true).await;
        assert!(html.contains("<p>twenty cards</p>"), "{html}");
        assert_eq!(made, 1);
    }

    #[tokio::test]
    async fn the_server_makes_the_content_once_when_its_data_is_there_at_once() {
        let (html, made) = render_loader(false).await;
        assert!(html.contains("<p>twenty cards</p>"), "{html}");
        assert_eq!(made, 1);
    }
}
