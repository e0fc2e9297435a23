//! Who is signed in, for every part of every page.

use crate::accounts::api::{Register, SignIn};
use crate::accounts::model::SessionUser;
use leptos::prelude::*;

/// The actions that change who is signed in, and the signed-in account they refresh.
#[derive(Clone, Copy)]
pub struct Auth {
    pub sign_in: ServerAction<SignIn>,
    pub register: ServerAction<Register>,
    pub user: Resource<Option<SessionUser>>,
    /// The signed-in account's unread notifications; refreshed on every navigation.
    pub unread: Resource<i64>,
    /// Bumped by whatever marks notifications read, so that the count follows at once.
    pub notifications_changed: RwSignal<u32>,
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}
