//! Email end to end: the server sends through a real SMTP server on loopback (aiosmtpd,
//! installed by `.ci/setup`), and the tests read what it received, follow the links and
//! check the headers, on both engines.

mod change;
#[path = "../common/mod.rs"]
mod common;
mod delivery;
mod news;
mod reset;
mod smtp;
mod verification;
