//! Messages of imports and exports.

pub const COLUMN_CIRCLES: &str = "cercles";

/// `ligne 12, colonne email : …` — every import error names the line and the column.
pub fn line_error(line: u64, column: &str, message: &str) -> String {
    if column.is_empty() {
        format!("ligne {line} : {message} ; rien n'a été importé")
    } else {
        format!("ligne {line}, colonne {column} : {message} ; rien n'a été importé")
    }
}
pub fn no_header(expected: &str) -> String {
    format!(
        "aucune ligne d'en-tête trouvée : la première ligne utile doit nommer les colonnes ({expected}) ; rien n'a été importé"
    )
}
pub fn missing_column(column: &str) -> String {
    format!("la colonne obligatoire « {column} » manque dans l'en-tête ; rien n'a été importé")
}
pub fn unreadable(detail: &str) -> String {
    format!("fichier illisible : {detail} ; rien n'a été importé")
}
pub const EMPTY_NAME: &str = "le nom est obligatoire";
pub fn unknown_circle(input: &str) -> String {
    format!("« {input} » n'est pas un cercle de la base")
}
pub fn derived_circle(input: &str) -> String {
    format!(
        "« {input} » : le cercle de coordination réunit les co-référent·es, on n'y inscrit personne"
    )
}
/// "personne ajoutée" / "personnes ajoutées": the participle agrees with the count.
fn people_done(n: usize, singular: &str, plural: &str) -> String {
    if n <= 1 {
        format!("{n} {singular}")
    } else {
        format!("{n} {plural}")
    }
}
pub fn import_done(added: usize, roles: usize, skipped: usize) -> String {
    format!(
        "{} avec {} ; {}",
        people_done(added, "personne ajoutée", "personnes ajoutées"),
        crate::catalogue::words::plural(roles as i64, "rôle", "rôles"),
        people_done(
            skipped,
            "ignorée (déjà là ou en double)",
            "ignorées (déjà là ou en double)"
        ),
    )
}
pub fn import_dry_run(added: usize, roles: usize, skipped: usize) -> String {
    format!(
        "essai (--dry-run), rien n'a été écrit : {} avec {} ; {}",
        people_done(
            added,
            "personne serait ajoutée",
            "personnes seraient ajoutées"
        ),
        crate::catalogue::words::plural(roles as i64, "rôle", "rôles"),
        people_done(
            skipped,
            "ignorée (déjà là ou en double)",
            "ignorées (déjà là ou en double)"
        ),
    )
}
pub fn would_add(line: u64, name: &str) -> String {
    format!("  ligne {line} : {name} serait ajouté·e")
}
pub fn contacts_left_out(role: &str) -> String {
    format!("e-mails et téléphones laissés vides : votre rôle ({role}) ne voit pas les coordonnées")
}
pub fn exported(rows: usize, path: &str) -> String {
    format!(
        "{} dans {path}",
        people_done(rows, "personne exportée", "personnes exportées")
    )
}
pub fn export_failed(detail: &str) -> String {
    format!("export impossible : {detail}")
}
pub const UNCLOSED_QUOTE: &str =
    "un guillemet ouvre un champ et n'est jamais refermé (ajoutez le \" manquant)";
pub fn too_many_cells(filled: usize, columns: usize, delimiter: char) -> String {
    let delimiter = if delimiter == '\t' {
        "tabulation".to_string()
    } else {
        format!("« {delimiter} »")
    };
    format!(
        "une donnée en colonne {filled} alors que l'en-tête ne nomme que {columns} colonnes : une cellule contient sans doute un {delimiter} sans guillemets autour"
    )
}
/// `100000` → `100 000`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}
pub fn too_many_rows(limit: usize) -> String {
    format!(
        "le fichier dépasse {} lignes, la limite d'un import : coupez-le en plusieurs fichiers",
        grouped(limit)
    )
}
pub fn too_many_columns(found: usize, limit: usize) -> String {
    format!(
        "{} colonnes, au-delà de la limite de {limit} colonnes : ce n'est sans doute pas le bon fichier",
        grouped(found)
    )
}
pub fn line_too_long(limit_kib: usize) -> String {
    format!(
        "ligne de plus de {limit_kib} Kio, la limite d'une ligne : ce n'est sans doute pas le bon fichier"
    )
}
/// After the first lines of a long list: `  … et 12 autres`.
pub fn and_more_lines(n: usize) -> String {
    format!("  … et {} autres", grouped(n))
}
/// After the first items of a long enumeration: `…, et 12 autres`.
pub fn and_more(n: usize) -> String {
    format!("et {} autres", grouped(n))
}
pub fn untitled_column(n: usize) -> String {
    format!(
        "la colonne {n} ({}) est remplie mais n'a pas d'intitulé dans l'en-tête : nommez-la ou videz-la",
        column_letter(n)
    )
}
/// `1` → `A`, `27` → `AA`: the column as a spreadsheet names it.
pub fn column_letter(n: usize) -> String {
    let mut n = n;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}
pub fn unknown_column(title: &str, n: usize) -> String {
    format!("colonne {n} ({}) « {title} »", column_letter(n))
}
pub fn missing_name_column(found: &str, combined: bool) -> String {
    let hint = if combined {
        " ; le nom et le prénom doivent être dans deux colonnes, « nom » et « prenom »"
    } else {
        ""
    };
    format!(
        "l'en-tête n'a pas de colonne « nom » (colonnes trouvées : {found}){hint} ; rien n'a été importé"
    )
}
pub fn duplicate_column(column: &str) -> String {
    format!(
        "l'en-tête nomme deux fois la colonne « {column} » : gardez-en une seule ; rien n'a été importé"
    )
}
pub const EMPTY_FILE: &str = "le fichier est vide ; rien n'a été importé";
pub const KIND_WORKBOOK: &str = "un classeur Excel ou LibreOffice (xlsx, ods)";
pub const KIND_OLD_WORKBOOK: &str = "un ancien classeur Excel (xls)";
pub const KIND_PDF: &str = "un document PDF";
pub const KIND_ARCHIVE: &str = "un fichier compressé";
pub const KIND_BINARY: &str = "un fichier binaire, pas du texte";
pub const JSON_NOT_READ: &str = "ce fichier est du JSON : l'import lit un fichier CSV (celui qu'écrit « export members » sans --format json) ; rien n'a été importé";
pub fn not_csv(kind: &str) -> String {
    format!(
        "ce fichier est {kind} : ouvrez-le dans votre tableur et enregistrez-le au format CSV (séparateur « ; »), puis importez le fichier CSV ; rien n'a été importé"
    )
}
pub fn too_big(limit_mb: u64) -> String {
    format!(
        "fichier trop gros : au-delà de {limit_mb} Mo, ce n'est sans doute pas le bon fichier ; rien n'a été importé"
    )
}
pub fn unknown_columns(columns: &str, known: &str) -> String {
    format!(
        "colonnes inconnues dans l'en-tête : {columns} ; colonnes reconnues : {known} ; renommez ou supprimez les autres pour ne rien perdre ; rien n'a été importé"
    )
}
pub fn unknown_circle_in(input: &str, circles: &str) -> String {
    format!(
        "« {input} » n'est pas un cercle de la base ; cercles : {circles} ; séparez plusieurs cercles par « | »"
    )
}
pub fn circle_twice(circle: &str) -> String {
    format!("le cercle {circle} est cité deux fois : gardez-en une seule mention")
}
pub fn left_with_circles() -> &'static str {
    "une personne partie du réseau n'a plus de cercle : videz la colonne cercles ou la colonne depart"
}
/// Why a line of an import is skipped: it matches someone already in the base, or a line
/// above it in the same file.
pub fn skipped_line(
    line: u64,
    name: &str,
    existing: &str,
    by_email: bool,
    earlier: Option<u64>,
) -> String {
    let how = if by_email {
        "même e-mail que"
    } else {
        "même nom que"
    };
    match earlier {
        Some(first) => format!("  ligne {line} : {name} ignoré·e ({how} la ligne {first})"),
        None => format!("  ligne {line} : {name} ignoré·e ({how} {existing}, déjà dans la base)"),
    }
}
