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

use accounts::api::{current_user, Register, SignIn};
use ideas::model::Mine;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};
pub use ui::{use_auth, Auth};

/// The HTML document around the application, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = i18n::detect_locale();
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    let part = part_template();
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
                {part}
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
    /// For each lazy part of the wasm (`pages`), by the name of its loader, the addresses
    /// of its files (`--split` writes them to the split manifest), space-separated. Read
    /// on the server only.
    #[cfg_attr(not(feature = "ssr"), allow(dead_code))]
    parts: Vec<(String, String)>,
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
        let manifest = std::path::Path::new(options.site_root.as_ref())
            .join(options.site_pkg_dir.as_ref())
            .join(format!(
                "__wasm_split_manifest{}.json",
                hash_of("manifest").unwrap_or_default()
            ));
        BundleNames {
            css: format!("{name}{}.css", hash_of("css").unwrap_or_default()),
            js: format!("{name}{}.js", hash_of("js").unwrap_or_default()),
            wasm: format!(
                "{name}{}.wasm",
                hash_of("wasm").unwrap_or_else(|| plain_wasm.to_owned())
            ),
            parts: std::fs::read_to_string(manifest)
                .map(|manifest| part_files(&manifest))
                .unwrap_or_default(),
        }
    })
}

/// Reads the split manifest: each part's key, then the files it needs, without `.wasm`.
fn part_files(manifest: &str) -> Vec<(String, String)> {
    let parts: std::collections::BTreeMap<String, Vec<String>> = serde_json::from_str(manifest).unwrap_or_default();
    parts
        .into_iter()
        .map(|(key, files)| {
            let files = files
                .iter()
                .map(|file| format!("/pkg/{file}.wasm"))
                .collect::<Vec<_>>()
                .join(" ");
            (key, files)
        })
        .collect()
}

/// The files of the lazy part the page being rendered hydrates with, once its route
/// named them (`announce_part`).
#[cfg(feature = "ssr")]
#[derive(Clone, Default)]
struct PagePart(std::sync::Arc<std::sync::OnceLock<&'static str>>);

/// Names the lazy part this page hydrates with, for the bundle's script to fetch beside
/// the main part instead of after it (and for the benchmark's first visit to count).
#[cfg(feature = "ssr")]
fn announce_part(loader: &str) {
    let (Some(state), Some(part)) = (use_context::<ctx::AppState>(), use_context::<PagePart>()) else {
        return;
    };
    // The manifest's key is the loader's name and a number.
    let prefix = format!("{loader}_");
    if let Some((_, files)) = bundle_names(&state.leptos_options)
        .parts
        .iter()
        .find(|(key, _)| key.starts_with(&prefix))
    {
        let _ = part.0.set(files);
    }
}

/// The part's files, placed after the application: rendered once its route has resolved,
/// so that the route has named them. Inert until the bundle's script reads it.
#[cfg(feature = "ssr")]
fn part_template() -> impl IntoView {
    let part = PagePart::default();
    provide_context(part.clone());
    move || {
        part.0
            .get()
            .map(|files| view! { <template id="agora-part" data-files=*files></template> })
    }
}

/// The shell is rendered on the server only.
#[cfg(not(feature = "ssr"))]
fn part_template() -> impl IntoView {}

/// Starts the bundle once the page has loaded and the browser is idle, with no preload
/// before it: the page is complete and usable as sent (every form works without
/// JavaScript), and nothing the bundle brings may compete with the first paint of the
/// text, the page's largest. (Leptos' `HydrationScripts` preloads the bundle from the
/// head, which a phone on a slow network then waits for.) The messages of the page's
/// language, and the lazy part of the wasm the page hydrates with, are fetched beside the
/// bundle; the messages are handed to it before it hydrates.
#[component]
fn BundleScript(options: LeptosOptions, locale: i18n::Locale) -> impl IntoView {
    let names = bundle_names(&options);
    let script = format!(
        "(() => {{\
           const start = () => {{\
             const part = document.getElementById('agora-part');\
             if (part) part.dataset.files.split(' ').forEach((file) =>\
               fetch(file).then((r) => r.arrayBuffer()).catch(() => {{}}));\
             return Promise.all([import('/pkg/{js}'),\
               fetch('/pkg/{messages}').then((r) => r.ok ? r.text() : Promise.reject(r.status))])\
               .then(([bundle, messages]) => bundle.default({{ module_or_path: '/pkg/{wasm}' }})\
                 .then(() => bundle.hydrate(messages)));\
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
                        <Route path=path!("/ideas/new") view={Lazy::<pages::NewIdeaRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/ideas/:idea") view=ideas::views::IdeaView ssr=SsrMode::Async />
                        <Route path=path!("/ideas/:idea/edit") view={Lazy::<pages::EditIdeaRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/privacy") view={Lazy::<pages::PrivacyRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/developers") view={Lazy::<pages::DevelopersRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/themes") view=themes::views::ThemesPage ssr=SsrMode::Async />
                        <Route path=path!("/themes/:slug") view=themes::views::ThemePage ssr=SsrMode::Async />
                        <Route path=path!("/register") view={Lazy::<pages::RegisterRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/login") view={Lazy::<pages::SignInRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/forgot-password") view={Lazy::<pages::ForgotPasswordRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/reset-password") view={Lazy::<pages::ResetPasswordRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/verify-email") view={Lazy::<pages::VerifyEmailRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/confirm-email-change") view={Lazy::<pages::ConfirmEmailChangeRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/unsubscribe") view={Lazy::<pages::UnsubscribeRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/profile") view={Lazy::<pages::ProfileRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/profile/data") view={Lazy::<pages::MyDataRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/profile/delete") view={Lazy::<pages::DeleteAccountRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/me/ideas") view={Lazy::<pages::MyWrittenRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/me/supported") view={Lazy::<pages::MySupportedRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/me/following") view={Lazy::<pages::MyFollowedRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/notifications") view={Lazy::<pages::NotificationsRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/admin/accounts") view={Lazy::<pages::AdminAccountsRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/admin/themes") view={Lazy::<pages::AdminThemesRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/admin/themes/:id") view={Lazy::<pages::EditThemeRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/admin/audit") view={Lazy::<pages::AuditRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/moderation") view={Lazy::<pages::QueueRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/projects") view={Lazy::<pages::ProjectsRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/projects/new") view={Lazy::<pages::PromoteRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/projects/:project") view={Lazy::<pages::ProjectRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/desk") view={Lazy::<pages::DeskRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/commitments") view={Lazy::<pages::CommitmentsRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/dashboard") view={Lazy::<pages::DashboardRoute>::new()} ssr=SsrMode::Async />
                    </Routes>
                </site::views::Layout>
            </AuthProvider>
        </Router>
    }
}

/// The pages few visits begin with are parts of the wasm of their own (`cargo leptos build
/// --split`), fetched when one of them is first shown: a resident's first visit to an
/// idea, the list or the home page loads neither the programme's pages (projects,
/// commitments, dashboard, and the privacy and developers pages) nor the account pages
/// nor the moderators' and administrators'. Three groups, not a part per page: each part
/// is a module the browser compiles and links, and with a part per page the splitter made
/// hundreds of small shared ones (measured: 60 to 260 requests a page, and Lighthouse's
/// blocking time up to 1.9 s). The server renders them as before and names the page's
/// part's files after the application (`announce_part`), which the bundle's script
/// fetches beside the main part; `hydrate_lazy` then finds them cached.
mod pages {
    use super::*;
    use leptos_router::LazyRoute;

    macro_rules! lazy_group {
        ($group:ident, $loader:ident, $preload:ident { $($route:ident => $page:expr,)* }) => {
            // Each variant names the route it renders, hence the shared suffix.
            #[allow(clippy::enum_variant_names)]
            #[derive(Clone, Copy)]
            pub enum $group {
                $($route,)*
            }

            #[leptos::lazy]
            fn $loader(page: $group) -> AnyView {
                match page {
                    $($group::$route => $page.into_any(),)*
                }
            }

            $(
                pub struct $route;

                impl LazyRoute for $route {
                    fn data() -> Self {
                        Self
                    }

                    async fn view(_route: Self) -> AnyView {
                        #[cfg(feature = "ssr")]
                        announce_part(stringify!($loader));
                        $loader($group::$route).await
                    }

                    async fn preload() {
                        #[cfg(target_arch = "wasm32")]
                        $preload().await;
                    }
                }
            )*
        };
    }

    lazy_group!(StaffPage, staff_page, __preload_staff_page {
            AdminAccountsRoute => view! { <accounts::views::AdminAccountsPage /> },
            AdminThemesRoute => view! { <themes::views::AdminThemesPage /> },
            EditThemeRoute => view! { <themes::views::EditThemePage /> },
            AuditRoute => view! { <audit::views::AuditPage /> },
            QueueRoute => view! { <moderation::views::QueuePage /> },
            PromoteRoute => view! { <projects::views::PromotePage /> },
            DeskRoute => view! { <projects::views::DeskPage /> },
    });

    lazy_group!(ProgrammePage, programme_page, __preload_programme_page {
            ProjectsRoute => view! { <projects::views::ProjectsPage /> },
            ProjectRoute => view! { <projects::views::ProjectView /> },
            CommitmentsRoute => view! { <projects::views::CommitmentsPage /> },
            DashboardRoute => view! { <projects::views::DashboardPage /> },
            PrivacyRoute => view! { <site::views::PrivacyPage /> },
            DevelopersRoute => view! { <site::views::DevelopersPage /> },
    });

    lazy_group!(AccountPage, account_page, __preload_account_page {
            NewIdeaRoute => view! { <ideas::views::NewIdeaPage /> },
            EditIdeaRoute => view! { <ideas::views::EditIdeaPage /> },
            RegisterRoute => view! { <accounts::views::RegisterPage /> },
            SignInRoute => view! { <accounts::views::SignInPage /> },
            ForgotPasswordRoute => view! { <accounts::views::ForgotPasswordPage /> },
            ResetPasswordRoute => view! { <accounts::views::ResetPasswordPage /> },
            VerifyEmailRoute => view! { <accounts::views::VerifyEmailPage /> },
            ConfirmEmailChangeRoute => view! { <accounts::views::ConfirmEmailChangePage /> },
            UnsubscribeRoute => view! { <accounts::views::UnsubscribePage /> },
            ProfileRoute => view! { <accounts::views::ProfilePage /> },
            MyDataRoute => view! { <accounts::views::MyDataPage /> },
            DeleteAccountRoute => view! { <accounts::views::DeleteAccountPage /> },
            MyWrittenRoute => view! { <ideas::views::MyIdeasPage mine=Mine::Written /> },
            MySupportedRoute => view! { <ideas::views::MyIdeasPage mine=Mine::Supported /> },
            MyFollowedRoute => view! { <ideas::views::MyIdeasPage mine=Mine::Followed /> },
            NotificationsRoute => view! { <notifications::views::NotificationsPage /> },
    });
}

/// Created inside the router, so that a refusal carried in the URL after a plain form
/// post reaches the actions.
#[component]
fn AuthProvider(children: Children) -> impl IntoView {
    leptos_router::hooks::use_url()
        .read_untracked()
        .provide_server_action_error();
    let sign_in = ServerAction::<SignIn>::new();
    let register = ServerAction::<Register>::new();
    let user = Resource::new(
        move || (sign_in.version().get(), register.version().get()),
        |_| async { current_user().await.ok().flatten() },
    );
    let location = leptos_router::hooks::use_location();
    let notifications_changed = RwSignal::new(0);
    let unread = Resource::new(
        move || {
            (
                location.pathname.get(),
                notifications_changed.get(),
                sign_in.version().get(),
            )
        },
        // A visitor has none and asks for none: after the first page the account is
        // already known, so moving from page to page sends no request bound to fail (401).
        move |_| async move {
            match user.await {
                Some(_) => notifications::api::unread_notifications().await.unwrap_or_default(),
                None => 0,
            }
        },
    );
    provide_context(Auth {
        sign_in,
        register,
        user,
        unread,
        notifications_changed,
    });
    forms::provide_form_memory();
    #[cfg(feature = "hydrate")]
    mark_hydrated();
    children()
}

/// Lets browser tests wait until the page is interactive. This effect runs after the
/// first pass of hydration, but the parts of the page inside `<Suspense>` hydrate in
/// tasks queued after it: the mark waits for the next frame and for those tasks, so that
/// a click is never sent to a part still being hydrated.
#[cfg(feature = "hydrate")]
fn mark_hydrated() {
    Effect::new(|| {
        request_animation_frame(|| {
            set_timeout(
                || {
                    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
                        let _ = body.set_attribute("data-hydrated", "true");
                    }
                },
                std::time::Duration::ZERO,
            );
        });
    });
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate(messages: String) {
    console_error_panic_hook::set_once();
    i18n::load_page_messages(messages);
    leptos::mount::hydrate_lazy(App);
}

#[cfg(test)]
mod tests {
    use super::part_files;

    #[test]
    fn each_part_of_the_split_manifest_becomes_the_addresses_of_its_files() {
        let manifest = r#"{"staff_page_12":["chunk_5.b","split_staff_page_12.c"],"account_page_12":["chunk_5.b","split_account_page_12.a"]}"#;
        assert_eq!(
            part_files(manifest),
            [
                (
                    "account_page_12".to_owned(),
                    "/pkg/chunk_5.b.wasm /pkg/split_account_page_12.a.wasm".to_owned()
                ),
                (
                    "staff_page_12".to_owned(),
                    "/pkg/chunk_5.b.wasm /pkg/split_staff_page_12.c.wasm".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn a_manifest_that_does_not_parse_names_no_part() {
        assert!(part_files("not json").is_empty());
    }
}
