//! The server's secret keys, shared by every server on one database.
//!
//! One random master secret is made the first time a server starts on a database and kept
//! there (`server_keys`), so that every server behind a load balancer reads the same one
//! and no secret is ever written in the code or needs configuring. Each use gets its own
//! key derived from it (HMAC with the use's name), so that no two uses share a key.

use crate::db::{now_ms, Db};
use hmac::{Hmac, Mac};
use sha2::{Sha256, Sha512};
use std::net::IpAddr;

const MASTER: &str = "master";

pub struct Keys {
    /// Encrypts and authenticates the cookie that keeps what a visitor typed.
    pub form_cookie: cookie::Key,
    /// Keys the hashes of client addresses kept with new accounts (registration limits).
    address: [u8; 32],
    /// Signs the unsubscribe links of emails, which work without signing in.
    unsubscribe: [u8; 32],
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(…)")
    }
}

impl Keys {
    /// Reads the master secret, making it on the first start; concurrent first starts of
    /// several servers agree on one (the first insert wins, the others read it).
    pub async fn load(db: &Db) -> Result<Keys, sqlx::Error> {
        let fresh = {
            use rand::RngCore;
            let mut bytes = [0u8; 64];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            hex::encode(bytes)
        };
        sqlx::query("INSERT INTO server_keys (name, secret, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
            .bind(MASTER)
            .bind(&fresh)
            .bind(now_ms())
            .execute(&db.pool)
            .await?;
        let stored: String = sqlx::query_scalar("SELECT secret FROM server_keys WHERE name = $1")
            .bind(MASTER)
            .fetch_one(&db.pool)
            .await?;
        let master = hex::decode(stored.trim())
            .ok()
            .filter(|m| m.len() >= 32)
            .ok_or_else(|| sqlx::Error::Decode("the master secret in server_keys is not valid".into()))?;
        Ok(Keys::from_master(&master))
    }

    pub fn from_master(master: &[u8]) -> Keys {
        let mut address = [0u8; 32];
        address.copy_from_slice(&derive(master, b"client-address")[..32]);
        let mut unsubscribe = [0u8; 32];
        unsubscribe.copy_from_slice(&derive(master, b"unsubscribe-link")[..32]);
        Keys {
            form_cookie: cookie::Key::from(&derive(master, b"form-cookie")),
            address,
            unsubscribe,
        }
    }

    /// A keyed hash of the network a client address belongs to (the address itself for
    /// IPv4, its /64 for IPv6, which one household usually holds whole): it tells
    /// registrations from one network apart without keeping the address.
    pub fn address_hash(&self, address: IpAddr) -> String {
        let network: Vec<u8> = match address {
            IpAddr::V4(v4) => v4.octets().to_vec(),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => v4.octets().to_vec(),
                None => v6.octets()[..8].to_vec(),
            },
        };
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.address).expect("HMAC takes keys of any length");
        mac.update(&network);
        hex::encode(&mac.finalize().into_bytes()[..16])
    }
}

impl Keys {
    fn unsubscribe_mac(&self, account_id: i64, kind: &str) -> Hmac<Sha256> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.unsubscribe).expect("HMAC takes keys of any length");
        mac.update(format!("{account_id}:{kind}").as_bytes());
        mac
    }

    /// The signature of the link that stops news of `kind` (or `all`) by email for an
    /// account: only this site can make one, and it names the account and the kind.
    pub fn unsubscribe_signature(&self, account_id: i64, kind: &str) -> String {
        hex::encode(&self.unsubscribe_mac(account_id, kind).finalize().into_bytes()[..16])
    }

    /// Whether `signature` is this site's for the account and the kind (compared in
    /// constant time).
    pub fn verify_unsubscribe(&self, account_id: i64, kind: &str, signature: &str) -> bool {
        match hex::decode(signature) {
            Ok(bytes) if bytes.len() == 16 => self
                .unsubscribe_mac(account_id, kind)
                .verify_truncated_left(&bytes)
                .is_ok(),
            _ => false,
        }
    }
}

/// 64 bytes for one `purpose`, derived from the master secret.
fn derive(master: &[u8], purpose: &[u8]) -> [u8; 64] {
    let mut mac = <Hmac<Sha512> as Mac>::new_from_slice(master).expect("HMAC takes keys of any length");
    mac.update(purpose);
    mac.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unsubscribe_link_is_signed_for_one_account_and_one_kind() {
        let keys = Keys::from_master(&[7; 64]);
        let signature = keys.unsubscribe_signature(12, "replies");
        assert!(keys.verify_unsubscribe(12, "replies", &signature));
        assert!(!keys.verify_unsubscribe(13, "replies", &signature));
        assert!(!keys.verify_unsubscribe(12, "all", &signature));
        assert!(!keys.verify_unsubscribe(12, "replies", "00"));
        let other_site = Keys::from_master(&[8; 64]);
        assert!(!other_site.verify_unsubscribe(12, "replies", &signature));
    }

    #[test]
    fn addresses_of_one_ipv6_network_share_a_hash_and_other_networks_do_not() {
        let keys = Keys::from_master(&[7; 64]);
        let a = keys.address_hash("2001:db8:1:2::10".parse().expect("address"));
        let b = keys.address_hash("2001:db8:1:2:ffff::1".parse().expect("address"));
        let c = keys.address_hash("2001:db8:1:3::10".parse().expect("address"));
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn an_ipv4_address_hashes_alike_when_mapped_into_ipv6() {
        let keys = Keys::from_master(&[7; 64]);
        assert_eq!(
            keys.address_hash("192.0.2.7".parse().expect("address")),
            keys.address_hash("::ffff:192.0.2.7".parse().expect("address"))
        );
    }

    #[test]
    fn another_master_secret_gives_other_hashes() {
        let address = "192.0.2.7".parse().expect("address");
        assert_ne!(
            Keys::from_master(&[7; 64]).address_hash(address),
            Keys::from_master(&[8; 64]).address_hash(address)
        );
    }
}
