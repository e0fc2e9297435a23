//! Who is asking: the socket's peer address, or, when that peer is a proxy named in
//! `AGORA_TRUSTED_PROXIES`, the client the proxy says it forwarded for, in the one header
//! the proxy writes (`AGORA_FORWARDED_HEADER`). Per-address limits count what this module
//! decides; a header from anyone else, or a header the proxy does not write (which a
//! client could send through it untouched), is never believed.

use agora_app::ctx::ClientAddress;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::header::{HeaderMap, FORWARDED};
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;
use std::sync::Arc;

/// Addresses and networks: the proxies whose forwarding headers are believed, who may
/// read the metrics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Networks(Vec<IpNet>);

/// The header the trusted proxies write the client's address in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ForwardedHeader {
    /// `X-Forwarded-For` (nginx's `$proxy_add_x_forwarded_for`, most proxies).
    #[default]
    XForwardedFor,
    /// `Forwarded` (RFC 7239).
    Forwarded,
}

/// How this server decides a client's address.
#[derive(Debug, Clone, Default)]
pub struct Addressing {
    pub proxies: Networks,
    pub header: ForwardedHeader,
}

impl FromStr for Networks {
    type Err = String;

    /// A list separated by commas or spaces of addresses (`10.0.0.5`, `::1`) and networks
    /// (`10.0.0.0/8`, `fd00::/8`); empty trusts nobody.
    fn from_str(list: &str) -> Result<Self, Self::Err> {
        list.split([',', ' '])
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| {
                item.parse::<IpNet>()
                    .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("not an address or a network: {item}"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Networks)
    }
}

impl Networks {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, address: IpAddr) -> bool {
        let address = canonical(address);
        self.0.iter().any(|net| net.contains(&address))
    }

    /// The client behind `peer`: walking the chain of `header` from the nearest hop, the
    /// first address that is not a trusted proxy. An entry that is not an address
    /// (`unknown`, an obfuscated name) ends the walk at the proxy that wrote it.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap, header: ForwardedHeader) -> IpAddr {
        let peer = canonical(peer);
        if !self.contains(peer) {
            return peer;
        }
        let chain = match header {
            ForwardedHeader::XForwardedFor => x_forwarded_for(headers),
            ForwardedHeader::Forwarded => forwarded_for(headers),
        };
        let mut client = peer;
        for hop in chain.iter().rev() {
            let Some(address) = hop.map(canonical) else {
                return client;
            };
            client = address;
            if !self.contains(address) {
                return address;
            }
        }
        client
    }
}

/// An IPv4 address mapped into IPv6 counts as the IPv4 address it is.
fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        v4 => v4,
    }
}

fn header_values<'a>(headers: &'a HeaderMap, name: &'a str) -> impl Iterator<Item = &'a str> {
    headers
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
}

/// The `for=` of each `Forwarded` element, oldest hop first.
fn forwarded_for(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    header_values(headers, FORWARDED.as_str())
        .filter(|element| !element.is_empty())
        .map(|element| {
            element
                .split(';')
                .filter_map(|pair| pair.trim().split_once('='))
                .find(|(name, _)| name.trim().eq_ignore_ascii_case("for"))
                .and_then(|(_, value)| node_address(value.trim().trim_matches('"')))
        })
        .collect()
}

/// `X-Forwarded-For`, oldest hop first.
fn x_forwarded_for(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    header_values(headers, "x-forwarded-for")
        .filter(|v| !v.is_empty())
        .map(node_address)
        .collect()
}

/// An address as proxies write it: `192.0.2.1`, `192.0.2.1:4711`, `[2001:db8::1]:4711`,
/// `2001:db8::1`.
fn node_address(node: &str) -> Option<IpAddr> {
    if let Ok(address) = node.parse::<IpAddr>() {
        return Some(address);
    }
    if let Ok(socket) = node.parse::<SocketAddr>() {
        return Some(socket.ip());
    }
    let bracketed = node.strip_prefix('[')?;
    bracketed.split(']').next()?.parse().ok()
}

/// The middleware: puts the `ClientAddress` in the request for everything inside.
pub async fn layer(State(addressing): State<Arc<Addressing>>, mut request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    if let Some(peer) = peer {
        let client = addressing.proxies.client(peer, request.headers(), addressing.header);
        request.extensions_mut().insert(ClientAddress(client));
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    const XFF: ForwardedHeader = ForwardedHeader::XForwardedFor;
    const FWD: ForwardedHeader = ForwardedHeader::Forwarded;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    #[test]
    fn without_trusted_proxies_the_headers_are_ignored() {
        let trusted = Networks::default();
        let spoofed = headers(&[("x-forwarded-for", "198.51.100.7"), ("forwarded", "for=198.51.100.8")]);
        for header in [ForwardedHeader::XForwardedFor, ForwardedHeader::Forwarded] {
            assert_eq!(trusted.client(ip("203.0.113.9"), &spoofed, header), ip("203.0.113.9"));
        }
    }

    #[test]
    fn a_trusted_proxy_names_the_client() {
        let trusted: Networks = "10.0.0.0/8, ::1".parse().expect("list");
        let forwarded = headers(&[("x-forwarded-for", "198.51.100.7")]);
        assert_eq!(trusted.client(ip("10.1.2.3"), &forwarded, XFF), ip("198.51.100.7"));
        assert_eq!(trusted.client(ip("::1"), &forwarded, XFF), ip("198.51.100.7"));
    }

    #[test]
    fn what_the_client_wrote_before_the_first_trusted_hop_is_not_believed() {
        let trusted: Networks = "10.0.0.1".parse().expect("list");
        // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the real address.
        let forwarded = headers(&[("x-forwarded-for", "1.2.3.4, 198.51.100.7")]);
        assert_eq!(trusted.client(ip("10.0.0.1"), &forwarded, XFF), ip("198.51.100.7"));
    }

    #[test]
    fn a_chain_of_trusted_proxies_is_walked_back_to_the_client() {
        let trusted: Networks = "10.0.0.0/8".parse().expect("list");
        let forwarded = headers(&[
            ("x-forwarded-for", "198.51.100.7, 10.0.0.2"),
            ("x-forwarded-for", "10.0.0.3"),
        ]);
        assert_eq!(trusted.client(ip("10.0.0.1"), &forwarded, XFF), ip("198.51.100.7"));
    }

    #[test]
    fn a_header_the_proxy_does_not_write_is_not_believed() {
        let trusted: Networks = "10.0.0.1".parse().expect("list");
        // The proxy appends to X-Forwarded-For and passes the client's own Forwarded on.
        let forwarded = headers(&[("forwarded", "for=1.2.3.4"), ("x-forwarded-for", "198.51.100.7")]);
        assert_eq!(trusted.client(ip("10.0.0.1"), &forwarded, XFF), ip("198.51.100.7"));
        let forwarded = headers(&[("x-forwarded-for", "1.2.3.4"), ("forwarded", "for=198.51.100.7")]);
        assert_eq!(trusted.client(ip("10.0.0.1"), &forwarded, FWD), ip("198.51.100.7"));
    }

    #[test]
    fn the_forwarded_header_is_read_with_ports_brackets_and_quotes() {
        let trusted: Networks = "10.0.0.1".parse().expect("list");
        let forwarded = headers(&[("forwarded", "for=\"[2001:db8::7]:4711\";proto=https, for=10.0.0.1")]);
        assert_eq!(trusted.client(ip("10.0.0.1"), &forwarded, FWD), ip("2001:db8::7"));
        let forwarded = headers(&[("forwarded", "For=192.0.2.60:443;by=203.0.113.43")]);
        assert_eq!(trusted.client(ip("10.0.0.1"), &forwarded, FWD), ip("192.0.2.60"));
    }

    #[test]
    fn an_unknown_hop_ends_the_walk_at_the_proxy_that_wrote_it() {
        let trusted: Networks = "10.0.0.1".parse().expect("list");
        let forwarded = headers(&[("forwarded", "for=unknown")]);
        assert_eq!(trusted.client(ip("10.0.0.1"), &forwarded, FWD), ip("10.0.0.1"));
        let forwarded = headers(&[("x-forwarded-for", "unknown, 10.0.0.1")]);
        assert_eq!(trusted.client(ip("10.0.0.1"), &forwarded, XFF), ip("10.0.0.1"));
    }

    #[test]
    fn a_list_with_something_else_than_addresses_is_refused() {
        assert!("10.0.0.0/8, proxy.example".parse::<Networks>().is_err());
        assert_eq!("".parse::<Networks>(), Ok(Networks::default()));
    }
}
