//! Reading `assets/communes.tsv` (its format is described in `scripts/communes.py`) into
//! the tables and indexes of [`Communes`]. Strict: a line out of place is an error naming
//! it, so the tests prove the compiled-in file whole.

use super::keys::{CODE_LEN, NameKeys, code_of};
use super::types::{Commune, Communes, Departement, FormerCommune, FormerKind, Region};

/// A line of the file that is not as the format says.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("assets/communes.tsv, line {line}: {what}")]
pub(super) struct AssetError {
    pub line: usize,
    pub what: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    None,
    Regions,
    Departements,
    Communes,
    Formers,
}

/// A former commune as read, before its parent's index is known.
struct FormerLine {
    at: u32,
    parent: &'static str,
    kind: FormerKind,
    name_len: u8,
}

/// Parse the file. Offsets are into `text`, which the accessors read as the compiled-in
/// asset: only ever called on it, but for the error tests.
pub(super) fn parse(text: &'static str) -> Result<Communes, AssetError> {
    let mut table = Communes::default();
    let mut former_lines = Vec::new();
    let mut older_codes: Vec<(&'static str, u32)> = Vec::new();
    let mut section = Section::None;
    let mut at = 0usize;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        let start = at;
        at += line.len();
        let line = line.trim_end_matches('\n');
        let fail = |what| AssetError {
            line: number + 1,
            what,
        };
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[') {
            section = match name {
                "regions]" => Section::Regions,
                "departements]" => Section::Departements,
                "communes]" => Section::Communes,
                "anciennes]" => Section::Formers,
                _ => return Err(fail("unknown section")),
            };
            continue;
        }
        let fields: Vec<&'static str> = line.split('\t').collect();
        let offset = u32::try_from(start).map_err(|_| fail("file too large"))?;
        match section {
            Section::None => return Err(fail("a line before any section")),
            Section::Regions => {
                let [code, name] = fields[..] else {
                    return Err(fail("a région is a code and a name"));
                };
                table.regions.push(Region { code, name });
            }
            Section::Departements => {
                let [code, region, name] = fields[..] else {
                    return Err(fail("a département is a code, a région and a name"));
                };
                let region = table
                    .regions
                    .iter()
                    .position(|r| r.code == region)
                    .and_then(|i| u8::try_from(i).ok())
                    .ok_or_else(|| fail("a département of an unknown région"))?;
                table.departements.push(Departement { code, name, region });
            }
            Section::Communes => {
                let commune = commune_line(&table, offset, &fields).map_err(fail)?;
                if table
                    .list
                    .last()
                    .is_some_and(|last| last.code_in(text) >= fields[0])
                {
                    return Err(fail("communes out of the order of their codes"));
                }
                let index = table.list.len() as u32;
                for older in fields
                    .get(4)
                    .unwrap_or(&"")
                    .split(' ')
                    .filter(|c| !c.is_empty())
                {
                    older_codes.push((older, index));
                }
                let code = <[u8; CODE_LEN]>::try_from(commune.code_in(text).as_bytes())
                    .map_err(|_| fail("a code that is not five characters"))?;
                table.codes.push(code);
                table.list.push(commune);
            }
            Section::Formers => former_lines.push(former_line(offset, &fields).map_err(fail)?),
        }
    }
    link_formers(text, &mut table, former_lines, older_codes)?;
    table.postal = postal_index(text, &table.list);
    let names = table.list.iter().map(|c| c.name_in(text));
    let former_names = table.formers.iter().map(|f| f.name_in(text));
    table.keys = NameKeys::build(names.chain(former_names));
    Ok(table)
}

fn commune_line(
    table: &Communes,
    at: u32,
    fields: &[&'static str],
) -> Result<Commune, &'static str> {
    let (code, name, postal, population) = match fields {
        [code, name] => (*code, *name, "", ""),
        [code, name, postal] => (*code, *name, *postal, ""),
        [code, name, postal, population, ..] if fields.len() <= 5 => {
            (*code, *name, *postal, *population)
        }
        _ => return Err("a commune is a code, a name, postal codes, a population, older codes"),
    };
    if code_of(code).is_none_or(|c| c != code.as_bytes()) {
        return Err("not an INSEE code");
    }
    let departement_code = if code.starts_with("97") || code.starts_with("98") {
        &code[..3]
    } else {
        &code[..2]
    };
    let departement = table
        .departements
        .iter()
        .position(|d| d.code == departement_code)
        .and_then(|i| u8::try_from(i).ok())
        .ok_or("a commune of an unknown département")?;
    if postal
        .split(' ')
        .any(|p| p.len() != CODE_LEN || !p.bytes().all(|b| b.is_ascii_digit()))
        && !postal.is_empty()
    {
        return Err("a postal code is five digits");
    }
    let population = if population.is_empty() {
        u32::MAX
    } else {
        population
            .parse()
            .ok()
            .filter(|&p| p != u32::MAX)
            .ok_or("a population is a number")?
    };
    Ok(Commune {
        at,
        name_len: u8::try_from(name.len()).map_err(|_| "a name too long")?,
        postal_len: u16::try_from(postal.len()).map_err(|_| "too many postal codes")?,
        population,
        departement,
    })
}

fn former_line(at: u32, fields: &[&'static str]) -> Result<FormerLine, &'static str> {
    let [code, parent, kind, name] = fields[..] else {
        return Err("a former commune is a code, its commune's code, a kind and a name");
    };
    if code_of(code).is_none_or(|c| c != code.as_bytes()) || parent.len() != CODE_LEN {
        return Err("not an INSEE code");
    }
    let kind = match kind {
        "d" => FormerKind::Deleguee,
        "a" => FormerKind::Associee,
        "m" => FormerKind::Arrondissement,
        _ => return Err("a kind is d, a or m"),
    };
    Ok(FormerLine {
        at,
        parent,
        kind,
        name_len: u8::try_from(name.len()).map_err(|_| "a name too long")?,
    })
}

/// Give each former commune its parent's index, and index every code that resolves to a
/// commune without being its own.
fn link_formers(
    text: &'static str,
    table: &mut Communes,
    formers: Vec<FormerLine>,
    older_codes: Vec<(&'static str, u32)>,
) -> Result<(), AssetError> {
    let index_of = |list: &[Commune], code: &str| {
        list.binary_search_by(|c| c.code_in(text).cmp(code))
            .ok()
            .map(|i| i as u32)
    };
    let mut other_codes = Vec::with_capacity(formers.len() + older_codes.len());
    for former in formers {
        let commune = index_of(&table.list, former.parent).ok_or(AssetError {
            line: 0,
            what: "a former commune of an unknown commune",
        })?;
        let entry = FormerCommune {
            at: former.at,
            name_len: former.name_len,
            kind: former.kind,
            commune,
        };
        let own = entry.code_in(text);
        if index_of(&table.list, own).is_none()
            && let Some(code) = code_of(own)
        {
            other_codes.push((code, commune, former.kind != FormerKind::Arrondissement));
        }
        table.formers.push(entry);
    }
    for (older, commune) in older_codes {
        let code = code_of(older).ok_or(AssetError {
            line: 0,
            what: "an older code that is not an INSEE code",
        })?;
        other_codes.push((code, commune, true));
    }
    other_codes.sort_unstable();
    other_codes.dedup();
    if other_codes.windows(2).any(|w| w[0].0 == w[1].0) {
        return Err(AssetError {
            line: 0,
            what: "a former code of two communes",
        });
    }
    table.other_codes = other_codes;
    Ok(())
}

/// Every (postal code, commune), by postal code then bigger population first.
fn postal_index(text: &'static str, list: &[Commune]) -> Vec<(u32, u32)> {
    let mut postal: Vec<(u32, u32)> = list
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            c.postal_codes_in(text)
                .filter_map(move |p| Some((p.parse().ok()?, i as u32)))
        })
        .collect();
    postal.sort_by_key(|&(p, c)| (p, std::cmp::Reverse(list[c as usize].weight()), c));
    postal
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_file_parses_whole() {
        let table = parse(super::super::types::ASSET).unwrap();
        assert_eq!(table.list.len(), 34_969);
        assert_eq!(table.formers.len(), 2_621);
        assert_eq!(table.departements.len(), 109);
        assert_eq!(table.regions.len(), 26);
        assert_eq!(table.keys.len(), 34_969 + 2_621);
    }

    #[test]
    fn a_line_out_of_place_is_named() {
        let head = "[regions]\n84\tAuvergne-Rhône-Alpes\n[departements]\n01\t84\tAin\n[communes]\n";
        let bad = |body: &'static str| {
            let text: &'static str = format!("{head}{body}").leak();
            parse(text).unwrap_err()
        };
        assert_eq!(
            bad("01004\tAmbérieu\t01500\tmany\n").what,
            "a population is a number"
        );
        assert_eq!(bad("01004\tAmbérieu\t1500\n").line, 6);
        assert_eq!(
            bad("02004\tAilleurs\n").what,
            "a commune of an unknown département"
        );
        assert_eq!(
            bad("01004\tA\n01001\tB\n").what,
            "communes out of the order of their codes"
        );
        assert_eq!(bad("[autre]\n").what, "unknown section");
        let orphan = bad("01004\tA\n[anciennes]\n01005\t01006\td\tB\n");
        assert_eq!(orphan.what, "a former commune of an unknown commune");
        assert!(parse("01\tAin\n").is_err());
    }
}
