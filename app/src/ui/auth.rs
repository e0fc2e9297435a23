//! Who is signed in, for every part of every page.

use crate::accounts::model::SessionUser;
use leptos::prelude::*;

/// The signed-in account, read once per page.
#[derive(Clone, Copy)]
pub struct Auth {
    pub user: Resource<Option<SessionUser>>,
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}
