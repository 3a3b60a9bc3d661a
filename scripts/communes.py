#!/usr/bin/env python3
"""Derive assets/communes.tsv from the npm package @etalab/decoupage-administratif.

The program compiles the derived file in (src/geo/): it never reads the package nor the
network. Regenerate after a new official geographic code (code officiel géographique):

    mkdir -p /tmp/decoupage && cd /tmp/decoupage
    npm pack @etalab/decoupage-administratif@6.0.0 && tar xzf etalab-decoupage-administratif-6.0.0.tgz
    python3 scripts/communes.py /tmp/decoupage/package > assets/communes.tsv

The output is UTF-8, tab-separated, in four sections, each opened by a `[name]` line:

    [regions]       code, name
    [departements]  code, region code, name
    [communes]      INSEE code, name, postal codes (space-separated), population (empty when
                    unknown), former codes not named below (space-separated)
    [anciennes]     code, code of the current commune it belongs to, kind (d: commune
                    déléguée, a: commune associée, m: arrondissement municipal), name

A commune's département is not written: it is the first two characters of its code, three
for the overseas codes (97x, 98x); the script checks that this holds for every commune.
Lines starting with `#` are comments.
"""

import json
import sys
from pathlib import Path

KINDS = {
    "commune-deleguee": "d",
    "commune-associee": "a",
    "arrondissement-municipal": "m",
}


def departement_of(code):
    """The département code a current commune's INSEE code starts with."""
    return code[:3] if code[:2] in ("97", "98") else code[:2]


def clean(text):
    """A field as written: no tab nor line break can reach the file."""
    if any(c in text for c in "\t\r\n"):
        raise SystemExit(f"unexpected tab or line break in {text!r}")
    return text


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: communes.py PACKAGE_DIR (the unpacked npm package)")
    package = Path(sys.argv[1])
    meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
    data = package / "data"
    regions = json.loads((data / "regions.json").read_text(encoding="utf-8"))
    departements = json.loads((data / "departements.json").read_text(encoding="utf-8"))
    entries = json.loads((data / "communes.json").read_text(encoding="utf-8"))

    current = sorted(
        (e for e in entries if e["type"] == "commune-actuelle"), key=lambda e: e["code"]
    )
    formers = sorted(
        (e for e in entries if e["type"] in KINDS),
        key=lambda e: (e.get("chefLieu") or e["commune"], e["code"], e["nom"]),
    )
    unknown = {e["type"] for e in entries} - set(KINDS) - {"commune-actuelle"}
    if unknown:
        raise SystemExit(f"unknown kinds of entry: {sorted(unknown)}")

    region_codes = {r["code"] for r in regions}
    departement_region = {d["code"]: d["region"] for d in departements}
    current_codes = {e["code"] for e in current}
    if len(current_codes) != len(current):
        raise SystemExit("two current communes share a code")
    for e in current:
        dep = departement_of(e["code"])
        if dep != e["departement"] or departement_region.get(dep) != e["region"]:
            raise SystemExit(f"{e['code']}: département or région not as its code says")
    for d in departements:
        if d["region"] not in region_codes:
            raise SystemExit(f"département {d['code']}: unknown région {d['region']}")

    named_codes = set()
    for e in formers:
        parent = e.get("chefLieu") or e["commune"]
        if parent not in current_codes:
            raise SystemExit(f"{e['code']} {e['nom']}: parent {parent} is not current")
        named_codes.add(e["code"])

    out = sys.stdout
    out.write(
        f"# Communes of France, derived by scripts/communes.py from the npm package\n"
        f"# {meta['name']} {meta['version']} (code MIT; data: code officiel géographique\n"
        f"# of INSEE, populations of INSEE, postal codes of La Poste, Licence Ouverte / Etalab).\n"
        f"# {len(current)} communes, {len(formers)} former communes and arrondissements.\n"
    )
    out.write("[regions]\n")
    for r in sorted(regions, key=lambda r: r["code"]):
        out.write(f"{r['code']}\t{clean(r['nom'])}\n")
    out.write("[departements]\n")
    for d in sorted(departements, key=lambda d: d["code"]):
        out.write(f"{d['code']}\t{d['region']}\t{clean(d['nom'])}\n")
    out.write("[communes]\n")
    for e in current:
        postal = " ".join(e.get("codesPostaux", []))
        population = e.get("population")
        population = "" if population is None else str(population)
        former = " ".join(
            c for c in e.get("anciensCodes", []) if c not in named_codes and c not in current_codes
        )
        fields = [e["code"], clean(e["nom"]), postal, population, former]
        out.write("\t".join(fields).rstrip("\t") + "\n")
    out.write("[anciennes]\n")
    for e in formers:
        parent = e.get("chefLieu") or e["commune"]
        out.write(f"{e['code']}\t{parent}\t{KINDS[e['type']]}\t{clean(e['nom'])}\n")


if __name__ == "__main__":
    main()
