//! Moving an account to another address: confirmed from the new address, told to the old.

use crate::common::{location, Engine, GOOD_PASSWORD};
use crate::on_both_engines;
use crate::smtp::{app_sending_to, SmtpServer, PUBLIC_URL};
use agora_app::accounts::model::Role;

on_both_engines!(a_new_address_takes_effect_once_confirmed_and_the_old_one_is_told);

async fn a_new_address_takes_effect_once_confirmed_and_the_old_one_is_told(engine: Engine) {
    let smtp = SmtpServer::start();
    let app = app_sending_to(engine, &smtp).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    app.create_account("bo@example.be", "Bo", GOOD_PASSWORD, Role::Member)
        .await;

    let wrong = ana
        .call(
            "/api/change_email",
            &[
                ("new_email", "ana@new.example.be"),
                ("password", "not my password at all"),
            ],
        )
        .await;
    assert_eq!(wrong.status().as_u16(), 422);
    let taken = ana
        .call(
            "/api/change_email",
            &[("new_email", "BO@example.be"), ("password", GOOD_PASSWORD)],
        )
        .await;
    assert_eq!(taken.status().as_u16(), 422);
    assert!(taken.text().await.expect("body").contains("email_taken"));

    let response = ana
        .submit(
            "/profile",
            "/api/change_email",
            &[("new_email", "ana@new.example.be"), ("password", GOOD_PASSWORD)],
        )
        .await;
    assert_eq!(location(&response), "/profile?email=change-sent");
    let received = smtp.wait_for(2).await;
    let to_new = received
        .iter()
        .find(|mail| mail.to() == "ana@new.example.be")
        .expect("a link to the new address");
    let to_old = received
        .iter()
        .find(|mail| mail.to() == "ana@example.be")
        .expect("a notice to the old address");
    assert_eq!(to_old.subject(), "Your Agora address is being changed");
    assert!(
        !to_old.text().contains("confirm-email-change"),
        "the old address gets no link to confirm"
    );

    // Nothing changes until the link is followed.
    let (_, profile) = ana.get_html("/profile").await;
    assert!(profile.contains("ana@example.be"));
    let link = to_new.link(PUBLIC_URL);
    assert!(link.starts_with("/confirm-email-change?token="), "{link}");
    let token = link.trim_start_matches("/confirm-email-change?token=");
    let (status, _) = app.browser().get_html(&link).await;
    assert_eq!(status, 200);
    let response = ana
        .submit(&link, "/api/confirm_email_change", &[("token", token)])
        .await;
    assert_eq!(location(&response), "/profile?email=changed");
    let (_, profile) = ana.get_html("/profile").await;
    assert!(profile.contains("ana@new.example.be"));

    assert_eq!(
        location(&app.browser().sign_in("ana@new.example.be", GOOD_PASSWORD).await),
        "/profile"
    );
    assert_ne!(
        location(&app.browser().sign_in("ana@example.be", GOOD_PASSWORD).await),
        "/profile"
    );
    let again = app
        .browser()
        .call("/api/confirm_email_change", &[("token", token)])
        .await;
    assert_eq!(again.status().as_u16(), 404, "the link works once");
}
