//! The demo's ledgers against the 2025 annual report: the 32 line items of its "Bilan
//! financier" (16 categories × 2 years) to the cent, the Rencontres nationales and Guide
//! results of its "Résultat par projet", the JSON of `report bilan`, the volumes, `check` ok.

use cercles::report::bilan::{bilan_of, projects_of};
use cercles::store::Store;
use cercles::store::ledger_read::RegisterFilter;

mod common;

/// The report's table, whole euros: (category, account, 2024, 2025).
const INCOME: [(&str, &str, i64, i64); 7] = [
    ("Adhésions", "756", 5435, 4876),
    ("Dons", "7541", 2079, 2107),
    ("Ventes (guide LMEAV)", "707", 19_909, 9765),
    ("Billetterie RNAC (+ buvette)", "706", 47_904, 31_800),
    ("Autres", "758", 74, 189),
    ("Intérêts", "768", 218, 79),
    ("Subventions", "740", 0, 56_218),
];
const EXPENSES: [(&str, &str, i64, i64); 9] = [
    ("Frais bancaires", "627", 121, 111),
    ("Prestations de services", "622", 5140, 26_684),
    ("Salaires", "641", 9320, 24_850),
    ("Impressions (guide LMEAV)", "607", 6916, 0),
    ("Matériel de communication", "623", 864, 886),
    ("Outils informatiques", "651", 539, 1654),
    ("Frais de mission", "625", 7123, 7853),
    ("Logistique", "613", 32_340, 27_947),
    ("Achats divers", "606", 4484, 5086),
];

fn demo() -> (tempfile::TempDir, Store) {
    common::quiet_log();
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("demo.db");
    cercles::demo::build(&path, "admin").unwrap();
    let s = Store::open(&path, "admin").unwrap();
    (dir, s)
}

#[test]
fn the_demo_bilan_is_the_report_line_by_line_and_its_projects_results() {
    let (_dir, s) = demo();
    let b = bilan_of(&s, 2025, false).unwrap();
    let mut checked = 0;
    for (rows, expected) in [(&b.income, &INCOME[..]), (&b.expenses, &EXPENSES[..])] {
        assert_eq!(rows.len(), expected.len(), "no À ventiler row in the demo");
        for (row, (name, account, y2024, y2025)) in rows.iter().zip(expected) {
            assert_eq!(
                (row.category.as_str(), row.account.as_str()),
                (*name, *account)
            );
            assert_eq!(row.previous_cents, y2024 * 100, "{name} 2024");
            assert_eq!(row.current_cents, y2025 * 100, "{name} 2025");
            checked += 2;
        }
    }
    assert_eq!(checked, 32);
    // Totals are computed from the lines (the report's printed ones do not add up).
    assert_eq!(b.total_income.current_cents, 10_503_400);
    assert_eq!(b.result.previous_cents, 877_200);
    assert_eq!(b.result.current_cents, 996_300);
    let p = projects_of(&s, 2025, false).unwrap();
    let by = |name: &str| {
        p.projects
            .iter()
            .find(|r| r.project == name)
            .unwrap()
            .clone()
    };
    let rn = by("Rencontres nationales");
    assert_eq!((rn.previous_cents, rn.current_cents), (458_500, 112_800));
    let guide = by("Guide La Mairie est à Vous");
    assert_eq!(
        (guide.previous_cents, guide.current_cents),
        (19_800, 767_100)
    );
    assert_eq!(p.total, b.result);
    assert_eq!(p.projects.len(), 3, "every demo line has a project");
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn the_demo_ledger_has_the_report_volumes_on_three_accounts() {
    let (_dir, s) = demo();
    for (year, around) in [(2024, 240), (2025, 358)] {
        let t = s
            .register_totals(&RegisterFilter {
                year,
                ..Default::default()
            })
            .unwrap();
        // Transfers' two halves come on top of the categorised transactions.
        assert!(
            t.rows >= around && t.rows <= around + 12,
            "{year}: {}",
            t.rows
        );
        assert_eq!(t.to_categorise, 0);
        assert_eq!(
            t.transfers.cents(),
            0,
            "a transfer moves money between own accounts"
        );
    }
    for a in s.money_accounts().unwrap() {
        let f = RegisterFilter {
            year: 2025,
            account: Some(a.id),
            ..Default::default()
        };
        let t = s.register_totals(&f).unwrap();
        assert!(t.rows > 0, "{}", a.name);
        assert!(t.closing.cents() >= 0, "{} {:?}", a.name, t.closing);
    }
}

#[test]
fn report_bilan_json_has_the_design_shape() {
    let (dir, _s) = demo();
    let out = assert_cmd::Command::cargo_bin("cercles")
        .unwrap()
        .env("CERCLES_LOG", "off")
        .args(["--db"])
        .arg(dir.path().join("demo.db"))
        .args([
            "--as", "admin", "report", "bilan", "--year", "2025", "--format", "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["report"], "bilan");
    assert_eq!(v["previous_year"], 2024);
    assert_eq!(v["income"][0]["category"], "Adhésions");
    assert_eq!(v["income"][0]["previous_cents"], 543_500);
    assert_eq!(v["expenses"][0]["current_cents"], 11_100);
    assert_eq!(v["result"]["current_cents"], 996_300);
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 8, "{keys:?}");
}

#[test]
fn the_export_of_a_year_adds_up_to_its_bilan() {
    let (_dir, s) = demo();
    let records = cercles::exchange::transactions::transaction_records(&s, 2025).unwrap();
    let b = bilan_of(&s, 2025, false).unwrap();
    for row in b.income.iter().chain(&b.expenses) {
        let sum: i64 = records
            .iter()
            .filter(|r| r.categorie == row.category)
            .map(|r| r.montant_cents)
            .sum();
        assert_eq!(sum.abs(), row.current_cents, "{}", row.category);
    }
    let transfers: Vec<_> = records
        .iter()
        .filter(|r| r.categorie == "Virement interne")
        .collect();
    assert!(!transfers.is_empty());
    assert_eq!(transfers.iter().map(|r| r.montant_cents).sum::<i64>(), 0);
    let (bytes, rows) = cercles::exchange::transactions::export_transactions(
        &s,
        cercles::exchange::Format::Csv,
        2025,
    )
    .unwrap();
    assert_eq!(rows, records.len());
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with("\u{feff}date;libelle;montant;categorie;"));
    // Amounts are plain numbers for French Excel: decimal comma, no guard, no grouping.
    assert!(text.contains(";-"), "negative amounts unguarded");
    assert!(!text.contains(";'-"));
}
