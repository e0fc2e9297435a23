use super::api::{notifications, MarkNotificationsRead, OpenNotification};
use super::model::{Notification, NotificationKind, NotifiedStatus};
use crate::forms::FormAlert;
use crate::i18n::{format_date, t, t_count, t_with, use_locale, Locale};
use crate::ui::{Loader, OlderLink};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The caller's notifications. Opening one (a button: reading changes data, so it is a
/// POST) marks it read and goes to the idea.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let open = ServerAction::<OpenNotification>::new();
    let mark_all = ServerAction::<MarkNotificationsRead>::new();
    let page = Resource::new(
        move || query.read().get("before").and_then(|b| b.parse::<i64>().ok()),
        notifications,
    );
    view! {
        <Title text=t("notifications-title") />
        <section class="container narrow">
            <h1>{t("notifications-title")}</h1>
            <FormAlert action=open />
            <Loader resource=page let:page>
                {if page.notifications.is_empty() {
                    view! { <div class="empty-state"><p>{t("notifications-empty")}</p></div> }.into_any()
                } else {
                    view! {
                        <p class="notifications-summary">
                            {t_count("notifications-unread", page.unread)}
                        </p>
                        {(page.unread > 0).then(|| view! {
                            <ActionForm action=mark_all>
                                <button type="submit" class="button button-secondary button-small">{t("notifications-mark-all")}</button>
                            </ActionForm>
                        })}
                        <ul class="notification-list">
                            {page.notifications.into_iter().map(|n| view! { <NotificationItem n locale open /> }).collect_view()}
                        </ul>
                        <OlderLink href=page.older.map(|id| format!("/notifications?before={id}")) />
                    }
                    .into_any()
                }}
            </Loader>
        </section>
    }
}

#[component]
fn NotificationItem(n: Notification, locale: Locale, open: ServerAction<OpenNotification>) -> impl IntoView {
    if n.concealed {
        return view! {
            <li class="notification notification-concealed" class:unread=!n.read>
                <p>
                    {(!n.read).then(|| view! { <span class="badge badge-new">{t("notifications-new")}</span> " " })}
                    {t("notification-concealed")}
                </p>
                <p class="muted">{format_date(locale, n.created_at)}</p>
            </li>
        }
        .into_any();
    }
    let who = n.actor_name.clone().unwrap_or_else(|| t("notifications-someone"));
    let key = match n.kind {
        NotificationKind::Comment => "notification-comment",
        NotificationKind::Reply => "notification-reply",
        NotificationKind::Status => "notification-status",
        NotificationKind::Response => "notification-response",
        NotificationKind::Hidden => "notification-hidden",
        NotificationKind::Restored => "notification-restored",
        NotificationKind::ProjectStatus => "notification-project_status",
        NotificationKind::ProjectUpdate => "notification-project_update",
    };
    let text = t_with(key, &[("who", who)]);
    // Where the idea or project stood when the news was sent.
    let status = n.status.map(|status| match status {
        NotifiedStatus::Idea(status) => crate::ui::status_label(status),
        NotifiedStatus::Project(status) => crate::ui::project_status_label(status),
    });
    let progress = n.project_progress.map(crate::ui::progress_text);
    let detail: Vec<String> = status.into_iter().chain(progress).collect();
    let detail =
        (!detail.is_empty()).then(|| view! { <span class="notification-detail">" · " {detail.join(" · ")}</span> });
    view! {
        <li class="notification" class:unread=!n.read>
            <ActionForm action=open>
                <input type="hidden" name="id" value=n.id />
                <button type="submit" class="notification-open">
                    {(!n.read).then(|| view! { <span class="badge badge-new">{t("notifications-new")}</span> " " })}
                    <span>{text}</span>
                    " "
                    <strong lang=n.idea_language.clone()>{n.idea_title.clone()}</strong>
                    {detail}
                    {n.note.clone().map(|note| view! { <span class="notification-note">{t_with("notification-note", &[("note", note)])}</span> })}
                </button>
            </ActionForm>
            <p class="muted">{format_date(locale, n.created_at)}</p>
        </li>
    }
    .into_any()
}
