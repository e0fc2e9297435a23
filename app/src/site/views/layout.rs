//! What surrounds every page: the header with its navigation and language switch, and the footer.

use super::*;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">{t("nav-skip")}</a>
        <Header />
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <Footer />
    }
}
#[component]
pub(super) fn Header() -> impl IntoView {
    let auth = use_auth();
    let here = Here::now();
    let account_here = here.clone();
    // The parts every page repeats and nobody changes are written by a compiled template
    // (`ui::written`): Leptos' views cost several times as much for the same HTML.
    let brand = maud::html! {
        span.brand-mark aria-hidden="true" { "A" }
        span.brand-text {
            span.brand-name { "Agora" }
            span.brand-tagline { (t("brand-tagline")) }
        }
    }
    .into_string();
    let main_nav = maud::html! {
        ul {
            @for (href, key) in [("/", "nav-home"), ("/ideas", "nav-ideas"), ("/themes", "nav-themes"), ("/projects", "nav-projects")] {
                li { a href=(href) aria-current=[here.page(href)] { (t(key)) } }
            }
        }
    }
    .into_string();
    view! {
        <header class="site-header">
            <div class="container header-inner">
                <a href="/" class="brand" aria-current=here.page("/") inner_html=brand></a>
                <nav class="main-nav" aria-label=t("nav-main-label") inner_html=main_nav></nav>
                <div class="header-tools">
                    <LanguageSwitcher />
                    <Transition fallback=|| ()>
                        {crate::ui::built_once(move || {
                            let here = account_here.clone();
                            Suspend::new(async move {
                                match auth.user.await {
                                    Some(user) => {
                                        let unread = crate::notifications::api::unread_notifications().await.unwrap_or_default();
                                        let is_admin = user.may(Action::ManageAccounts);
                                        let moderates = user.may(Action::ReadModerationQueue);
                                        let desk = user.may(Action::ReadDesk);
                                        view! {
                                            <nav class="account-nav" aria-label=t("nav-account-label")>
                                                {notifications_link(unread, &here)}
                                                <a href="/profile" class="account-name" aria-current=here.page("/profile")>{user.display_name.clone()}</a>
                                                {moderates.then(|| view! { <a href="/moderation" aria-current=here.page("/moderation")>{t("nav-moderation")}</a> })}
                                                {desk.then(|| view! { <a href="/desk" aria-current=here.page("/desk")>{t("nav-desk")}</a> })}
                                                {is_admin.then(|| view! { <a href="/admin/accounts" aria-current=here.page("/admin/accounts")>{t("nav-admin")}</a> })}
                                                <form method="post" action="/api/sign_out" class="inline-form">
                                                    <button type="submit" class="button button-quiet">{t("nav-sign-out")}</button>
                                                </form>
                                            </nav>
                                        }
                                        .into_any()
                                    }
                                    None => view! {
                                        <nav class="account-nav" aria-label=t("nav-account-label")>
                                            <a href="/login" aria-current=here.page("/login")>{t("nav-sign-in")}</a>
                                            <a href="/register" class="button button-small" aria-current=here.page("/register")>{t("nav-register")}</a>
                                        </nav>
                                    }
                                    .into_any(),
                                }
                            })
                        })}
                    </Transition>
                </div>
            </div>
        </header>
    }
}
/// The way to the notifications, with the number unread.
pub(super) fn notifications_link(unread: i64, here: &Here) -> impl IntoView {
    let label = if unread > 0 {
        t_count("nav-notifications-unread", unread)
    } else {
        t("nav-notifications")
    };
    view! {
        <a href="/notifications" class="notifications-link" aria-label=label aria-current=here.page("/notifications")>
            {t("nav-notifications")}
            {(unread > 0).then(|| view! { " " <span class="count-badge" aria-hidden="true">{unread}</span> })}
        </a>
    }
}
/// A plain form: switching language reloads the page, with or without JavaScript.
#[component]
pub(super) fn LanguageSwitcher() -> impl IntoView {
    let current = use_locale();
    let buttons = maud::html! {
        @for locale in Locale::ALL {
            button type="submit" name="locale" value=(locale.code()) lang=(locale.code())
                aria-pressed=(if locale == current { "true" } else { "false" }) title=(locale.endonym()) {
                span aria-hidden="true" { (locale.code().to_uppercase()) }
                span.visually-hidden { (locale.endonym()) }
            }
        }
    };
    view! {
        <form method="post" action="/api/set_locale" class="language-switch" aria-label=t("nav-language-label")
            inner_html=buttons.into_string()></form>
    }
}
#[component]
pub(super) fn Footer() -> impl IntoView {
    let here = Here::now();
    let links = [
        ("/commitments", "commitments-title"),
        ("/dashboard", "dashboard-title"),
        ("/developers", "developers-title"),
        ("/privacy", "privacy-title"),
    ];
    let inner = maud::html! {
        div.container.footer-inner {
            p { (t("footer-about")) }
            p.footer-small { (t("footer-programme")) }
            nav.footer-nav aria-label=(t("programme-nav-label")) {
                @for (href, key) in links { a href=(href) aria-current=[here.page(href)] { (t(key)) } }
            }
        }
    };
    view! { <footer class="site-footer" inner_html=inner.into_string()></footer> }
}
