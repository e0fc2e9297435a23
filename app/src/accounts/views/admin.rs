//! The admin's list of accounts: roles, portfolios, blocks.

use super::*;

#[component]
pub fn AdminAccountsPage() -> impl IntoView {
    let locale = use_locale();
    let set_role = ServerAction::<SetRole>::new();
    let block = ServerAction::<crate::moderation::api::SetAccountBlocked>::new();
    let query = use_query_map();
    let accounts = Resource::new(
        move || (query.read().get("role"), query.read().get("before")),
        |(role, before)| list_accounts(role, before.and_then(|b| b.parse().ok())),
    );
    view! {
        <Title text=t("admin-accounts-title") />
        <section class="container">
            <AdminNav />
            <h1>{t("admin-accounts-title")}</h1>
            <form method="get" action="/admin/accounts" class="filter-bar">
                <label for="role-filter">{t("field-label-role")}</label>
                <select id="role-filter" name="role">
                    <option value="">{t("admin-all-roles")}</option>
                    {Role::ALL.into_iter().map(|role| {
                        let selected = move || query.read().get("role").as_deref() == Some(role.as_str());
                        view! { <option value=role.as_str() selected=selected>{role_label(role)}</option> }
                    }).collect_view()}
                </select>
                <button type="submit" class="button button-small">{t("admin-filter")}</button>
            </form>
            <FormAlert action=set_role />
            <FormAlert action=block />
            <Loader resource=accounts let:accounts>
                {
                            let older = (accounts.len() == 50).then(|| accounts.last().map(|a| a.id)).flatten();
                            let headers = ["field-label-display-name", "field-label-email", "field-label-kind", "admin-joined", "field-label-role", "admin-blocking"]
                                .map(t)
                                .to_vec();
                            view! {
                                <DataTable caption=t("admin-accounts-title") headers>
                                            {accounts.into_iter().map(|account| {
                                                let prefix = format!("account-{}-", account.id);
                                                let role_id = format!("{prefix}role");
                                                let portfolio_id = format!("{prefix}portfolio");
                                                view! {
                                                    <tr>
                                                        <th scope="row">
                                                            {account.display_name.clone()}
                                                            {account.organisation_name.clone().map(|o| view! { <br /><span class="muted">{o}</span> })}
                                                        </th>
                                                        <td>{account.email.clone()}</td>
                                                        <td>{kind_label(account.kind)}</td>
                                                        <td>{format_date(locale, account.created_at)}</td>
                                                        <td>
                                                            <ActionForm action=set_role>
                                                                <input type="hidden" name="account_id" value=account.id />
                                                                <div class="role-form">
                                                                    <label for=role_id.clone() class="visually-hidden">{t("field-label-role")}</label>
                                                                    <select id=role_id name="role">
                                                                        {Role::ALL.into_iter().map(|role| view! {
                                                                            <option value=role.as_str() selected=role == account.role>{role_label(role)}</option>
                                                                        }).collect_view()}
                                                                    </select>
                                                                    <label for=portfolio_id.clone() class="visually-hidden">{t("field-label-portfolio")}</label>
                                                                    <input id=portfolio_id type="text" name="portfolio" maxlength="200"
                                                                        placeholder=t("field-label-portfolio") value=account.portfolio.clone() />
                                                                    <button type="submit" class="button button-small">{t("admin-save")}</button>
                                                                </div>
                                                            </ActionForm>
                                                        </td>
                                                        <td>
                                                            {account.blocked.then(|| view! { <span class="badge status-declined">{t("admin-blocked")}</span> })}
                                                            <crate::moderation::parts::BlockForm account_id=account.id blocked=account.blocked action=block
                                                                id_prefix=format!("{prefix}block-") />
                                                        </td>
                                                    </tr>
                                                }
                                            }).collect_view()}
                                </DataTable>
                                <OlderLink href=older.map(|id| format!("/admin/accounts?before={id}")) />
                            }
                            .into_any()
                }
            </Loader>
        </section>
    }
}
