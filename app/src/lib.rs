//! Agora, the citizen participation platform: the Leptos application, rendered on the
//! server and hydrated in the browser. One folder per feature.

pub mod accounts;
mod api_error;
pub mod audit;
pub mod calendar;
pub mod comments;
#[cfg(feature = "ssr")]
pub mod ctx;
#[cfg(feature = "ssr")]
pub mod db;
pub mod error;
pub mod follows;
pub mod form_memory;
pub mod forms;
pub mod i18n;
pub mod ideas;
pub mod ids;
#[cfg(feature = "ssr")]
pub mod kept_input;
#[cfg(feature = "ssr")]
pub mod keys;
pub mod locale;
pub mod mail;
pub mod moderation;
pub mod notifications;
pub mod paging;
pub mod policy;
pub mod projects;
#[cfg(feature = "ssr")]
pub mod ratelimit;
#[cfg(feature = "ssr")]
pub mod recent;
#[cfg(feature = "ssr")]
pub mod redirect;
pub mod site;
pub mod text;
pub mod themes;
pub mod ui;
pub mod votes;

use accounts::api::current_user;
use ideas::model::Mine;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};
pub use ui::{use_auth, Auth};

/// The HTML document around the application, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = i18n::detect_locale();
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    // Only islands run in the browser, so only what they read is written into the page
    // for them (each island turns this on while it renders). Leptos' server rendering
    // starts with it on, which would write every resource of the page.
    if let Some(context) = leptos::reactive::owner::Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="stylesheet" href=format!("/pkg/{}", bundle_names(&options).css) />
                <link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%23004f9f'/%3E%3Ctext x='16' y='23' font-size='20' text-anchor='middle' fill='white' font-family='sans-serif'%3EA%3C/text%3E%3C/svg%3E" />
                <BundleScript options locale />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The names of the bundle's files: with their content's hash when cargo-leptos wrote
/// them to `hash.txt` beside the server (a release build), else the plain ones. Read once
/// per process, not once per page.
struct BundleNames {
    css: String,
    js: String,
    wasm: String,
}

fn bundle_names(options: &LeptosOptions) -> &'static BundleNames {
    static NAMES: std::sync::OnceLock<BundleNames> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let name = options.output_name.to_string();
        let hashes = options
            .hash_files
            .then(|| {
                let exe = std::env::current_exe().ok()?;
                std::fs::read_to_string(exe.parent()?.join(options.hash_file.as_ref())).ok()
            })
            .flatten()
            .unwrap_or_default();
        let hash_of = |kind: &str| {
            hashes.lines().find_map(|line| {
                let (file, hash) = line.split_once(':')?;
                (file.trim() == kind).then(|| format!(".{}", hash.trim()))
            })
        };
        // Without hashes, wasm-bindgen's own name for the wasm unless cargo-leptos named
        // the output when it built this server.
        let plain_wasm = if option_env!("LEPTOS_OUTPUT_NAME").is_some() {
            ""
        } else {
            "_bg"
        };
        BundleNames {
            css: format!("{name}{}.css", hash_of("css").unwrap_or_default()),
            js: format!("{name}{}.js", hash_of("js").unwrap_or_default()),
            wasm: format!(
                "{name}{}.wasm",
                hash_of("wasm").unwrap_or_else(|| plain_wasm.to_owned())
            ),
        }
    })
}

/// The page is complete and usable as sent (every form works without JavaScript); the
/// browser runs only its islands, the few parts that change in the page (`#[island]`:
/// the support and follow buttons, the ideas like a title being typed, the moderators'
/// keys). A page without one loads no script beyond this and no wasm. One with islands
/// starts the bundle once the page has loaded and the browser is idle, with no preload
/// before it, so that nothing competes with the first paint of the text, the page's
/// largest (Leptos' `HydrationScripts` preloads the bundle from the head, which a phone
/// on a slow network then waits for). The messages of the page's language are fetched
/// beside the bundle and handed to it before the islands hydrate. `data-hydrated` on the
/// body tells browser tests the page is interactive.
#[component]
fn BundleScript(options: LeptosOptions, locale: i18n::Locale) -> impl IntoView {
    let names = bundle_names(&options);
    let script = format!(
        "(() => {{\
           const start = async () => {{\
             const islands = document.querySelectorAll('leptos-island');\
             if (islands.length > 0) {{\
               const [bundle, messages] = await Promise.all([import('/pkg/{js}'),\
                 fetch('/pkg/{messages}').then((r) => r.ok ? r.text() : Promise.reject(r.status))]);\
               await bundle.default({{ module_or_path: '/pkg/{wasm}' }});\
               bundle.hydrate(messages);\
               for (const island of islands) {{\
                 const hydrate = bundle[island.dataset.component];\
                 if (hydrate) await hydrate(island);\
               }}\
             }}\
             document.body.dataset.hydrated = 'true';\
           }};\
           const whenIdle = () => ('requestIdleCallback' in window\
             ? requestIdleCallback(start, {{ timeout: 2000 }}) : setTimeout(start, 0));\
           if (document.readyState === 'complete') whenIdle();\
           else addEventListener('load', whenIdle, {{ once: true }});\
         }})();",
        js = names.js,
        wasm = names.wasm,
        messages = messages_file(locale),
    );
    view! { <script type="module" nonce=leptos::nonce::use_nonce()>{script}</script> }
}

#[cfg(feature = "ssr")]
use i18n::messages_file;

/// The shell is rendered on the server only.
#[cfg(not(feature = "ssr"))]
fn messages_file(_: i18n::Locale) -> &'static str {
    ""
}

/// Scripts run only with this response's nonce; everything else comes from this site.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    use http::header::{HeaderValue, CONTENT_SECURITY_POLICY};
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(i18n::detect_locale());
    view! {
        <Title formatter=|title: String| if title.is_empty() { "Agora".to_owned() } else { format!("{title} · Agora") } />
        <Router>
            <AuthProvider>
                <site::views::Layout>
                    <Routes fallback=site::views::NotFound>
                        <Route path=path!("/") view=site::views::HomePage ssr=SsrMode::Async />
                        <Route path=path!("/ideas") view=ideas::views::IdeasPage ssr=SsrMode::Async />
                        <Route path=path!("/ideas/new") view=ideas::views::NewIdeaPage ssr=SsrMode::Async />
                        <Route path=path!("/ideas/:idea") view=ideas::views::IdeaView ssr=SsrMode::Async />
                        <Route path=path!("/ideas/:idea/edit") view=ideas::views::EditIdeaPage ssr=SsrMode::Async />
                        <Route path=path!("/privacy") view=site::views::PrivacyPage ssr=SsrMode::Async />
                        <Route path=path!("/developers") view=site::views::DevelopersPage ssr=SsrMode::Async />
                        <Route path=path!("/themes") view=themes::views::ThemesPage ssr=SsrMode::Async />
                        <Route path=path!("/themes/:slug") view=themes::views::ThemePage ssr=SsrMode::Async />
                        <Route path=path!("/register") view=accounts::views::RegisterPage ssr=SsrMode::Async />
                        <Route path=path!("/login") view=accounts::views::SignInPage ssr=SsrMode::Async />
                        <Route path=path!("/forgot-password") view=accounts::views::ForgotPasswordPage ssr=SsrMode::Async />
                        <Route path=path!("/reset-password") view=accounts::views::ResetPasswordPage ssr=SsrMode::Async />
                        <Route path=path!("/verify-email") view=accounts::views::VerifyEmailPage ssr=SsrMode::Async />
                        <Route path=path!("/confirm-email-change") view=accounts::views::ConfirmEmailChangePage ssr=SsrMode::Async />
                        <Route path=path!("/unsubscribe") view=accounts::views::UnsubscribePage ssr=SsrMode::Async />
                        <Route path=path!("/profile") view=accounts::views::ProfilePage ssr=SsrMode::Async />
                        <Route path=path!("/profile/data") view=accounts::views::MyDataPage ssr=SsrMode::Async />
                        <Route path=path!("/profile/delete") view=accounts::views::DeleteAccountPage ssr=SsrMode::Async />
                        <Route path=path!("/me/ideas") view=|| view! { <ideas::views::MyIdeasPage mine=Mine::Written /> } ssr=SsrMode::Async />
                        <Route path=path!("/me/supported") view=|| view! { <ideas::views::MyIdeasPage mine=Mine::Supported /> } ssr=SsrMode::Async />
                        <Route path=path!("/me/following") view=|| view! { <ideas::views::MyIdeasPage mine=Mine::Followed /> } ssr=SsrMode::Async />
                        <Route path=path!("/notifications") view=notifications::views::NotificationsPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/accounts") view=accounts::views::AdminAccountsPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/themes") view=themes::views::AdminThemesPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/themes/:id") view=themes::views::EditThemePage ssr=SsrMode::Async />
                        <Route path=path!("/admin/audit") view=audit::views::AuditPage ssr=SsrMode::Async />
                        <Route path=path!("/moderation") view=moderation::views::QueuePage ssr=SsrMode::Async />
                        <Route path=path!("/projects") view=projects::views::ProjectsPage ssr=SsrMode::Async />
                        <Route path=path!("/projects/new") view=projects::views::PromotePage ssr=SsrMode::Async />
                        <Route path=path!("/projects/:project") view=projects::views::ProjectView ssr=SsrMode::Async />
                        <Route path=path!("/desk") view=projects::views::DeskPage ssr=SsrMode::Async />
                        <Route path=path!("/commitments") view=projects::views::CommitmentsPage ssr=SsrMode::Async />
                        <Route path=path!("/dashboard") view=projects::views::DashboardPage ssr=SsrMode::Async />
                    </Routes>
                </site::views::Layout>
            </AuthProvider>
        </Router>
    }
}

/// Created inside the router, so that a refusal carried in the URL after a plain form
/// post reaches the actions.
#[component]
fn AuthProvider(children: Children) -> impl IntoView {
    leptos_router::hooks::use_url()
        .read_untracked()
        .provide_server_action_error();
    // Pages are rendered by the server only, once: who is signed in is read once per
    // request and never refreshed in the page.
    let user = Resource::new(|| (), |_| async { current_user().await.ok().flatten() });
    provide_context(Auth { user });
    forms::provide_form_memory();
    children()
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate(messages: String) {
    console_error_panic_hook::set_once();
    i18n::load_page_messages(messages);
    leptos::mount::hydrate_islands();
}
