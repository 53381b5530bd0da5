//! Percent-encoding for the addresses the web side writes: one encoder, told which bytes besides
//! the unreserved ones (RFC 3986: letters, digits, `-._~`) may stay as they are.

/// Keeps nothing but the unreserved bytes: a query component (`?text=…`).
pub(crate) const COMPONENT: &[u8] = b"";
/// Also keeps `/`: a file path used as a URL path (`img/my%20photo.jpg`).
pub(crate) const PATH: &[u8] = b"/";

/// `text` with every byte that is not unreserved and not in `keep` written as `%XX`.
pub(crate) fn encode(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) || keep.contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_titles_are_one_query_component_each() {
        assert_eq!(
            encode("https://example.org/civic/kk/?a=1&b", COMPONENT),
            "https%3A%2F%2Fexample.org%2Fcivic%2Fkk%2F%3Fa%3D1%26b"
        );
        assert_eq!(encode("Жас #1", COMPONENT), "%D0%96%D0%B0%D1%81%20%231");
    }

    #[test]
    fn paths_keep_their_slashes() {
        assert_eq!(encode("my photo,1.jpg", PATH), "my%20photo%2C1.jpg");
        assert_eq!(encode("a/b c/d", PATH), "a/b%20c/d");
    }
}
