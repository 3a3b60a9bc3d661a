//! The communes, départements and régions and the table of them all; what needs the one
//! table built at start ([`super::communes`]) is in `mod.rs`.

use super::keys::{self, CODE_LEN};

/// The compiled-in reference file; every commune's fields are slices of it.
pub(super) const ASSET: &str = include_str!("../../assets/communes.tsv");

/// A région (or, overseas, a collectivité with no région: Saint-Pierre-et-Miquelon...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub(super) code: &'static str,
    pub(super) name: &'static str,
}

impl Region {
    /// The INSEE code of the région: `11`, `84`, `04`; `975`... for the collectivités.
    pub fn code(&self) -> &'static str {
        self.code
    }

    pub fn name(&self) -> &'static str {
        self.name
    }
}

/// A département (or an overseas collectivité, which the code treats as one: `975`, `987`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Departement {
    pub(super) code: &'static str,
    pub(super) name: &'static str,
    pub(super) region: u8,
}

impl Departement {
    /// The code of the département: `01`, `2A`, `974`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    pub fn name(&self) -> &'static str {
        self.name
    }
}

/// A current commune. Its text lives in the compiled-in file: `at` is where its line starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commune {
    pub(super) at: u32,
    pub(super) name_len: u8,
    pub(super) postal_len: u16,
    /// `u32::MAX` where the code gives none (the uninhabited districts of the TAAF).
    pub(super) population: u32,
    pub(super) departement: u8,
}

impl Commune {
    pub(super) fn field_in(&self, text: &'static str, from: usize, len: usize) -> &'static str {
        let start = self.at as usize + from;
        text.get(start..start + len).unwrap_or_default()
    }

    pub(super) fn code_in(&self, text: &'static str) -> &'static str {
        self.field_in(text, 0, CODE_LEN)
    }

    pub(super) fn name_in(&self, text: &'static str) -> &'static str {
        self.field_in(text, CODE_LEN + 1, usize::from(self.name_len))
    }

    pub(super) fn postal_codes_in(
        &self,
        text: &'static str,
    ) -> impl Iterator<Item = &'static str> + use<> {
        let from = CODE_LEN + 1 + usize::from(self.name_len) + 1;
        self.field_in(text, from, usize::from(self.postal_len))
            .split(' ')
            .filter(|p| !p.is_empty())
    }

    /// The INSEE code: five characters, `01004`, `2A004`, `97101`.
    pub fn code(&self) -> &'static str {
        self.code_in(ASSET)
    }

    /// The name as the official code spells it: `Mûrs-Erigné`, `L'Abergement-Clémenciat`.
    pub fn name(&self) -> &'static str {
        self.name_in(ASSET)
    }

    /// The name and the département's code: `Saint-Denis (93)`. It resolves back to the
    /// commune (no two communes of a département share a name).
    pub fn label(&self) -> String {
        format!("{} ({})", self.name(), self.departement().code)
    }

    /// Its postal codes, as La Poste lists them; none for a few overseas districts.
    pub fn postal_codes(&self) -> impl Iterator<Item = &'static str> + use<> {
        self.postal_codes_in(ASSET)
    }

    /// The legal population the package gives; `None` for the few districts without one.
    pub fn population(&self) -> Option<u32> {
        (self.population != u32::MAX).then_some(self.population)
    }

    /// The population for ordering: an unknown population counts as none.
    pub(super) fn weight(&self) -> u32 {
        self.population().unwrap_or(0)
    }

    pub fn region(&self) -> &'static Region {
        self.departement().region()
    }
}

/// What a former commune or an arrondissement is to the commune it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormerKind {
    /// A commune déléguée of a commune nouvelle (Chemillé in Chemillé-en-Anjou).
    Deleguee,
    /// A commune associée (an older kind of merger).
    Associee,
    /// An arrondissement municipal of Paris, Lyon or Marseille.
    Arrondissement,
}

/// Where a former commune's name starts in its line: after two codes, the kind and three tabs.
pub(super) const FORMER_NAME_AT: usize = 2 * CODE_LEN + 4;

/// A name and code that are no longer a commune's but resolve to one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormerCommune {
    /// Where its line starts in the compiled-in file.
    pub(super) at: u32,
    pub(super) name_len: u8,
    pub(super) kind: FormerKind,
    pub(super) commune: u32,
}

impl FormerCommune {
    /// Its own code (that of the commune it belongs to, for the chef-lieu of a commune
    /// nouvelle).
    pub fn code(&self) -> &'static str {
        self.code_in(ASSET)
    }

    pub fn name(&self) -> &'static str {
        self.name_in(ASSET)
    }

    pub(super) fn code_in(&self, text: &'static str) -> &'static str {
        let start = self.at as usize;
        text.get(start..start + CODE_LEN).unwrap_or_default()
    }

    pub(super) fn name_in(&self, text: &'static str) -> &'static str {
        // The line is `code \t parent \t kind \t name`.
        let start = self.at as usize + FORMER_NAME_AT;
        text.get(start..start + usize::from(self.name_len))
            .unwrap_or_default()
    }

    pub fn kind(&self) -> FormerKind {
        self.kind
    }
}

/// The communes and their indexes. Built once by [`communes`].
#[derive(Debug, Default)]
pub struct Communes {
    pub(super) regions: Vec<Region>,
    pub(super) departements: Vec<Departement>,
    /// In the order of their codes.
    pub(super) list: Vec<Commune>,
    /// Their codes, in the same order, side by side: a lookup's binary search stays in a
    /// few cache lines instead of visiting the text of the asset.
    pub(super) codes: Vec<[u8; CODE_LEN]>,
    pub(super) formers: Vec<FormerCommune>,
    /// Every code that is not a current commune's but resolves to one (arrondissements,
    /// former communes, older codes), sorted, with the index of the commune and whether it
    /// is historic (not an arrondissement's: a former commune's or an older code).
    pub(super) other_codes: Vec<([u8; CODE_LEN], u32, bool)>,
    /// (postal code, commune index), by code then bigger population first.
    pub(super) postal: Vec<(u32, u32)>,
    pub(super) keys: keys::NameKeys,
}

impl Communes {
    /// Every current commune, in the order of their codes.
    pub fn all(&'static self) -> &'static [Commune] {
        &self.list
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The former communes (déléguées, associées) and the arrondissements municipaux.
    pub fn formers(&'static self) -> &'static [FormerCommune] {
        &self.formers
    }

    /// The régions, in the order of their codes.
    pub fn regions(&'static self) -> &'static [Region] {
        &self.regions
    }

    /// The départements, in the order of their codes.
    pub fn departements(&'static self) -> &'static [Departement] {
        &self.departements
    }

    pub fn region(&'static self, code: &str) -> Option<&'static Region> {
        self.regions.iter().find(|r| r.code == code.trim())
    }

    /// A département by its code, any case (`2a` is `2A`); a stripped `1` is `01`.
    pub fn departement(&'static self, code: &str) -> Option<&'static Departement> {
        let code = code.trim().to_ascii_uppercase();
        let code = if code.len() == 1 {
            format!("0{code}")
        } else {
            code
        };
        self.departements.iter().find(|d| d.code == code)
    }

    /// The commune an INSEE code names: a current code, or a code that resolves to a current
    /// commune (a former commune's, an arrondissement's, an older one such as the Corsican
    /// codes of before 1976: `20004` is Ajaccio, `2A004`). A code a spreadsheet stripped of
    /// its leading zero (`1004`) is read as `01004`: a four-digit code can be nothing else.
    pub fn by_code(&'static self, code: &str) -> Option<&'static Commune> {
        self.by_exact_code(&keys::code_of(code)?, true)
    }

    /// The commune of a code, taking historic codes (former communes', older ones) or not.
    pub(super) fn by_exact_code(
        &'static self,
        code: &[u8; CODE_LEN],
        historic: bool,
    ) -> Option<&'static Commune> {
        self.list.get(self.index_of_code(code, historic)?)
    }

    /// The index in `list` of the commune of a code (see [`Communes::by_exact_code`]).
    pub(super) fn index_of_code(&self, code: &[u8; CODE_LEN], historic: bool) -> Option<usize> {
        if let Ok(at) = self.codes.binary_search(code) {
            return Some(at);
        }
        let at = self
            .other_codes
            .binary_search_by(|(other, _, _)| other.cmp(code))
            .ok()?;
        let (_, commune, is_historic) = self.other_codes[at];
        (historic || !is_historic).then_some(commune as usize)
    }

    /// [`Communes::by_code`], with the commune's name folded as names are matched (no case,
    /// no accents, hyphens and apostrophes as spaces: `murs erigne`), folded once at start.
    pub fn by_code_with_key(&'static self, code: &str) -> Option<(&'static Commune, &'static str)> {
        let at = self.index_of_code(&keys::code_of(code)?, true)?;
        Some((self.list.get(at)?, self.keys.key(u32::try_from(at).ok()?)))
    }

    /// The communes that have this postal code, bigger first (`49610`: Mûrs-Erigné and four
    /// others). A code stripped of its leading zero (`1400`) is read as `01400`.
    pub fn by_postal(&'static self, postal: &str) -> Vec<&'static Commune> {
        let Some(code) = keys::postal_of(postal) else {
            return Vec::new();
        };
        let from = self.postal.partition_point(|&(p, _)| p < code);
        self.postal[from..]
            .iter()
            .take_while(|&&(p, _)| p == code)
            .filter_map(|&(_, c)| self.list.get(c as usize))
            .collect()
    }

    /// The communes of a département, in the order of their codes.
    pub fn of_departement(
        &'static self,
        departement: &'static Departement,
    ) -> impl Iterator<Item = &'static Commune> + use<> {
        let code = departement.code;
        let list: &'static [Commune] = &self.list;
        list.iter().filter(move |c| c.departement().code == code)
    }

    pub(super) fn commune(&'static self, index: u32) -> Option<&'static Commune> {
        self.list.get(index as usize)
    }
}
