//! The communes of France, compiled in: the official geographic code (code officiel
//! géographique) of the year, with the départements, the régions, postal codes and
//! populations, and lookups by INSEE code, postal code and name.
//!
//! The data is `assets/communes.tsv`, derived by `scripts/communes.py` from the npm package
//! `@etalab/decoupage-administratif` (see `README-communes.md`). It is parsed once, on first
//! use, into compact tables: a commune is 12 bytes pointing into the compiled-in text, names
//! are folded once into one string, and every index is a sorted vector.
//!
//! What resolves to a current commune: its INSEE code (`01004`, `2A004`, `97101`), the same
//! stripped of its leading zero by a spreadsheet (`1004`), a former code, a postal code it
//! has, its name without case, accents, hyphens or apostrophes, the name with its
//! département (`Saint-Denis (93)`, what [`Commune::label`] gives), a postal code and a name
//! (`49610 Mûrs-Erigné`), and the name or code of a former commune merged into it (commune
//! déléguée or associée). The arrondissements municipaux of Paris, Lyon and Marseille
//! (`75101`, `Paris 1er Arrondissement`) resolve to their commune (`75056`): they are not
//! communes, and the collectives of the network are tied to a commune.

mod asset;
mod keys;
mod resolve;
mod search;
mod types;

use std::sync::OnceLock;

pub use resolve::Resolution;
pub use search::Suggestion;
use types::ASSET;
pub use types::{Commune, Communes, Departement, FormerCommune, FormerKind, Region};

static COMMUNES: OnceLock<Communes> = OnceLock::new();

/// The communes of France, parsed from the compiled-in file on first use.
pub fn communes() -> &'static Communes {
    COMMUNES.get_or_init(|| {
        // The file is compiled in and checked by the tests (every line parsed, the counts
        // of the year): an error here is a build that was never tested. Stay usable then,
        // with no communes, rather than stopping the program.
        asset::parse(ASSET).unwrap_or_default()
    })
}

impl Region {
    /// Its départements, in the order of their codes.
    pub fn departements(&self) -> impl Iterator<Item = &'static Departement> + use<> {
        let code = self.code;
        communes()
            .departements
            .iter()
            .filter(move |d| d.region().code == code)
    }
}

impl Commune {
    pub fn departement(&self) -> &'static Departement {
        &communes().departements[usize::from(self.departement)]
    }
}

impl Departement {
    pub fn region(&self) -> &'static Region {
        &communes().regions[usize::from(self.region)]
    }
}

impl FormerCommune {
    /// The current commune it belongs to.
    pub fn commune(&self) -> &'static Commune {
        &communes().list[self.commune as usize]
    }
}
