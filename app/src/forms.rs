//! Form plumbing shared by every feature: fields with their errors, the alert above
//! a form, and what a plain (no-JavaScript) form post typed, kept for the next page.

use crate::error::AppError;
use crate::i18n::{translate, use_locale, Locale};
use crate::ui::Text;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use std::collections::BTreeMap;

pub use crate::form_memory::FormMemory;

/// What the user typed before a refused plain form post, if the page shown is the answer
/// to that post (its URL carries the error). Never includes passwords.
#[server(endpoint = "recall_form")]
pub async fn recall_form() -> Result<Option<FormMemory>, AppError> {
    let answers_a_refusal = use_context::<http::request::Parts>()
        .and_then(|p| p.uri.query().map(|q| q.contains("__err=")))
        .unwrap_or(false);
    if !answers_a_refusal {
        return Ok(None);
    }
    crate::ctx::recall_input().await
}

/// The input kept for this page, loaded once per page by `provide_form_memory`.
///
/// One resource for the whole page, made before anything is awaited, rather than one per
/// form inside parts of the page that render once their own data has arrived: the kept
/// input is read once per page.
#[derive(Clone, Copy)]
pub struct KeptInput(Resource<Option<FormMemory>>);

pub fn provide_form_memory() {
    // Keyed by the refusal the address carries: a page without one (any page reached
    // afterwards in the browser) has nothing kept.
    let query = leptos_router::hooks::use_query_map();
    provide_context(KeptInput(Resource::new(
        move || query.with(|q| q.get("__err")),
        |refusal| async move {
            match refusal {
                Some(_) => recall_form().await.ok().flatten(),
                None => None,
            }
        },
    )));
}

/// What was kept of one form: `.await` it inside a `<Suspense>`.
#[derive(Clone, Copy)]
pub struct FormMemoryOf {
    kept: Option<KeptInput>,
    form: &'static str,
}

pub fn use_form_memory(form: &'static str) -> FormMemoryOf {
    FormMemoryOf {
        kept: use_context::<KeptInput>(),
        form,
    }
}

impl std::future::IntoFuture for FormMemoryOf {
    type Output = BTreeMap<String, String>;
    type IntoFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Self::Output> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            let Some(KeptInput(all)) = self.kept else {
                return BTreeMap::new();
            };
            all.await
                .filter(|memory| memory.form == self.form)
                .map(|memory| memory.values)
                .unwrap_or_default()
        })
    }
}

pub fn error_message(locale: Locale, error: &AppError) -> String {
    translate(locale, &format!("error-{}", error.code()), &error.message_args())
}

pub fn field_message(locale: Locale, code: &str) -> String {
    translate(locale, &format!("field-{code}"), &[])
}

/// The translated problem with `field` in the last answer of an action, if any.
pub fn field_error<S>(action: ServerAction<S>, field: &'static str) -> Signal<Option<String>>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    let locale = use_locale();
    Signal::derive(move || {
        action.value().with(|v| match v {
            Some(Err(e)) => e.field_code(field).map(|code| field_message(locale, code)),
            _ => None,
        })
    })
}

/// The message shown above a form after a refusal.
#[component]
pub fn FormAlert<S>(action: ServerAction<S>) -> impl IntoView
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    let locale = use_locale();
    move || {
        action.value().with(|v| match v {
            Some(Err(e)) => Some(view! {
                <div class="alert alert-error" role="alert">
                    <p>{error_message(locale, e)}</p>
                </div>
            }),
            _ => None,
        })
    }
}

/// Lets an island's actions see the refusal that a plain post (sent before the island
/// ran) brought back in the page's address, as the server's rendering of the island did:
/// in the browser an island has no router above it to provide it.
pub fn refusal_from_address() {
    #[cfg(feature = "hydrate")]
    {
        use leptos_router::location::{BrowserUrl, LocationProvider};
        if let Ok(url) = BrowserUrl::current() {
            url.provide_server_action_error();
        }
    }
}

/// A labelled input with its hint and error, wired for screen readers.
#[component]
pub fn Field(
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] input_type: Option<String>,
    #[prop(optional, into)] value: String,
    #[prop(optional, into)] autocomplete: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] required: bool,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional, into)] id_prefix: Option<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!(
        "{}{}",
        id_prefix.unwrap_or_else(|| "field-".into()),
        name.replace('_', "-")
    );
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = described_by(&id, hint.is_some(), error);
    let invalid = move || error.with(Option::is_some).then_some("true");
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                name=name.clone()
                required=required
                maxlength=maxlength
                rows="5"
                aria-invalid=invalid
                aria-describedby=described_by.clone()
            >
                {value.clone()}
            </textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=name.clone()
                type=input_type.unwrap_or_else(|| "text".into())
                value=value.clone()
                autocomplete=autocomplete
                required=required
                maxlength=maxlength
                aria-invalid=invalid
                aria-describedby=described_by
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {control}
            <p class="field-error" id=error_id hidden=move || error.with(Option::is_none)>
                {move || error.get()}
            </p>
        </div>
    }
}

/// What a control's `aria-describedby` names: its hint, and its error while there is one.
fn described_by(
    id: &str,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    move || {
        let mut ids = vec![];
        if has_hint {
            ids.push(hint_id.clone());
        }
        if error.with(Option::is_some) {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// A labelled `<select>` with its hint and error, for forms whose options are loaded;
/// `placeholder`, when given, is an empty first choice.
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] placeholder: Option<String>,
    options: Vec<(String, String)>,
    #[prop(into)] chosen: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] required: bool,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described_by = described_by(&id, hint.is_some(), error);
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <select id=id name=name required=required
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by>
                {placeholder.map(|placeholder| view! { <option value="">{placeholder}</option> })}
                {options.into_iter().map(|(value, text)| {
                    let selected = value == chosen;
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" id=error_id hidden=move || error.with(Option::is_none)>{move || error.get()}</p>
        </div>
    }
}

/// One filter of a list's GET form: a labelled `<select>` named `name`, whose first
/// choice (`all`, when given) filters nothing. Its options, dozens on the list of ideas,
/// are written by a compiled template, as a list's cards are (`ui::written`): they are
/// only read.
#[component]
pub fn FilterSelect(
    name: &'static str,
    #[prop(into)] label: String,
    #[prop(optional, into)] all: Option<String>,
    options: Vec<(String, String)>,
    #[prop(into)] chosen: Option<String>,
) -> impl IntoView {
    let id = format!("filter-{name}");
    let options = maud::html! {
        @if let Some(all) = all { option value="" { (all) } }
        @for (value, text) in &options {
            option value=(Text(value)) selected[chosen.as_deref() == Some(value.as_str())] { (Text(text)) }
        }
    };
    view! {
        <div class="filter">
            <label for=id.clone()>{label}</label>
            <select id=id name=name inner_html=options.into_string()></select>
        </div>
    }
}
