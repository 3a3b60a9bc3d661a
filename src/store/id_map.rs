//! Maps keyed by the program's own row ids.

/// A map keyed by row id, hashed by one multiplication: the ids are the program's own, so
/// SipHash's guard against chosen keys buys nothing, and a big network looks up 70 000 of
/// them for each letter typed in the Membres filter.
pub(crate) type IdMap<V> =
    std::collections::HashMap<i64, V, std::hash::BuildHasherDefault<IdHasher>>;

#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_i64(&mut self, id: i64) {
        // Fibonacci hashing: consecutive ids spread over the high bits the table probes by.
        self.0 = (id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}
