//! Strings of the ledger: transactions, their lines, accounts, the bilan and the result by
//! project, the transactions file.

pub const FIELD_DATE: &str = "date";
pub const FIELD_LABEL: &str = "libellé";
pub const FIELD_AMOUNT: &str = "montant";
pub const FIELD_ACCOUNT: &str = "compte";
pub const FIELD_CATEGORY: &str = "catégorie";
pub const FIELD_PROJECT: &str = "projet";
pub const FIELD_LINES: &str = "ventilation";
pub const FIELD_COUNTERPARTY: &str = "tiers";
pub const FIELD_METHOD: &str = "moyen de paiement";
pub const FIELD_RECEIPT: &str = "pièce";
pub const FIELD_NOTES: &str = "notes";
pub const FIELD_YEAR: &str = "exercice";
pub const FIELD_QUANTITY: &str = "quantité";

/// In the order of `PaymentMethod::ALL`.
pub const METHOD_LABELS: [&str; 6] = [
    "virement",
    "chèque",
    "carte",
    "espèces",
    "prélèvement",
    "en ligne",
];

/// In the order of `TxStatus::ALL`.
pub const STATUS_LABELS: [&str; 2] = ["réalisée", "engagée"];

pub const THE_TRANSACTION: &str = "l'écriture";
pub const THE_COUNTERPARTY: &str = "le tiers";
pub const THE_OPENING_BALANCE: &str = "le solde d'ouverture";

/// The category of a line not yet categorised, as the register and the bilan show it.
pub const TO_CATEGORISE: &str = "À ventiler";
/// The register's category of a transaction split over several categories.
pub const SPLIT: &str = "ventilée";
/// The category name of both halves of a transfer between own accounts (the file's word).
pub const INTERNAL_TRANSFER: &str = "Virement interne";

pub const NO_LINES: &str = "une écriture a au moins une ligne de ventilation";
pub const ZERO_AMOUNT: &str = "le montant ne peut pas être nul";
pub const TRANSFER_SAME_ACCOUNT: &str = "un virement interne va d'un compte à un autre";
pub const TRANSFER_POSITIVE: &str = "le montant d'un virement interne est positif";
pub const QUANTITY_NEGATIVE: &str = "la quantité ne peut pas être négative";
pub const BAD_YEAR: &str = "l'exercice est une année entre 2000 et 2100";
pub const UNKNOWN_ACCOUNT: &str = "compte inconnu (512, 5121 ou 530)";
pub const UNKNOWN_CATEGORY: &str = "catégorie inconnue";
pub const UNKNOWN_PROJECT: &str = "projet inconnu";
pub const UNKNOWN_COUNTERPARTY: &str = "tiers inconnu";
pub const NOT_A_TRANSFER: &str = "cette écriture n'est pas un virement interne";
pub const IS_A_TRANSFER: &str =
    "cette écriture est un virement interne : modifiez-la comme un virement";

pub fn lines_do_not_add_up(lines: &str, total: &str) -> String {
    format!("les lignes font {lines}, l'écriture {total} : il reste à ventiler la différence")
}

pub fn sign_against_kind(category: &str, income: bool) -> String {
    if income {
        format!("« {category} » est un produit : un montant négatif n'y va que comme remboursement")
    } else {
        format!("« {category} » est une charge : un montant positif n'y va que comme remboursement")
    }
}

// Reports.
pub const BILAN_TITLE: &str = "Bilan financier";
pub const PROJECTS_TITLE: &str = "Résultat par projet";
pub const INCOME: &str = "Produits";
pub const EXPENSES: &str = "Charges";
pub const TOTAL: &str = "TOTAL";
pub const RESULT: &str = "RÉSULTAT";
pub const COL_CATEGORY: &str = "catégorie";
pub const COL_ACCOUNT: &str = "compte";
pub const COL_SECTION: &str = "section";
pub const COL_PROJECT: &str = "projet";
pub const SECTION_INCOME: &str = "produits";
pub const SECTION_EXPENSES: &str = "charges";
pub const SECTION_TOTAL: &str = "total";
pub const SECTION_RESULT: &str = "résultat";
pub const NO_PROJECT: &str = "Sans projet";

pub fn bilan_heading(year: i32) -> String {
    format!("{BILAN_TITLE} {year}")
}

pub fn projects_heading(year: i32) -> String {
    format!("{PROJECTS_TITLE} {year}")
}

// The transactions file.
pub fn unknown_category(name: &str) -> String {
    format!(
        "catégorie inconnue « {name} » (un nom du bilan, son numéro de compte, ou Virement interne)"
    )
}
pub fn unknown_project(name: &str) -> String {
    format!("projet inconnu « {name} »")
}
pub fn unknown_account(name: &str) -> String {
    format!("compte inconnu « {name} » (512, 5121 ou 530)")
}
pub fn unknown_method(name: &str) -> String {
    format!(
        "moyen de paiement inconnu « {name} » (virement, chèque, carte, espèces, prélèvement, en ligne)"
    )
}
pub fn unknown_status(name: &str) -> String {
    format!("statut inconnu « {name} » (réalisée ou engagée)")
}
pub fn bad_date(text: &str) -> String {
    format!("date illisible « {text} » (28/11/2025 ou 2025-11-28)")
}
pub fn bad_number(text: &str) -> String {
    format!("nombre illisible « {text} »")
}
pub const DEBIT_AND_CREDIT: &str = "une ligne a un débit ou un crédit, pas les deux";
pub const NO_AMOUNT: &str = "montant manquant";
pub const TRANSFER_SHAPE: &str =
    "un virement interne est une écriture de deux lignes, sur deux comptes, de montants opposés";
pub fn split_mixes(what: &str) -> String {
    format!("les lignes d'une même écriture ont la même date, le même compte et le même {what}")
}

pub fn import_done(added: usize, matched: usize, duplicates: usize) -> String {
    format!(
        "{added} écriture(s) ajoutée(s), {matched} rapprochée(s) du relevé, {duplicates} doublon(s) probable(s) ignoré(s)"
    )
}
pub fn import_dry_run(added: usize, matched: usize, duplicates: usize) -> String {
    format!(
        "essai, rien n'est écrit : {added} écriture(s) à ajouter, {matched} à rapprocher, {duplicates} doublon(s) probable(s) à ignorer"
    )
}
pub fn duplicate_line(line: u64, label: &str) -> String {
    format!("ligne {line} : doublon probable ignoré « {label} » (--keep-duplicates pour la garder)")
}
pub fn exported(rows: usize, file: &str) -> String {
    format!("{rows} ligne(s) d'écritures exportée(s) dans {file}")
}
