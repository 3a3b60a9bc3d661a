//! Messages about the installation's `config.toml`: each names the file and the key, in one
//! line, so an admin knows what to fix before anything starts.

/// `file` is the path of the configuration file as shown.
pub fn unreadable(file: &str, reason: &str) -> String {
    format!("configuration {file} illisible : {reason}")
}

pub fn env_file_missing(file: &str) -> String {
    format!(
        "$CERCLES_CONFIG désigne {file}, qui n'existe pas : corrigez ce chemin ou retirez la variable"
    )
}

pub fn not_utf8(file: &str) -> String {
    format!("configuration {file} : le fichier n'est pas en UTF-8")
}

pub fn syntax(file: &str, line: usize) -> String {
    format!(
        "configuration {file}, ligne {line} : ce n'est pas du TOML valide (écrivez par exemple follow_up_months = 6)"
    )
}

pub fn unknown_key(file: &str, line: usize, key: &str, known: &str) -> String {
    format!(
        "configuration {file}, ligne {line} : clé inconnue « {key} » (clés possibles : {known})"
    )
}

/// `expected` says what the key holds (`WANTS_MONTHS`…).
pub fn wrong_type(file: &str, line: usize, key: &str, expected: &str) -> String {
    format!("configuration {file}, ligne {line} : « {key} » doit être {expected}")
}

pub fn out_of_range(file: &str, key: &str, value: i64, min: i64, max: i64, unit: &str) -> String {
    format!("configuration {file} : « {key} » vaut {value}, il faut entre {min} et {max} {unit}")
}

pub fn empty_folder(file: &str, key: &str) -> String {
    format!("configuration {file} : « {key} » est vide, écrivez le chemin d'un dossier")
}

pub fn unknown_colour(file: &str, key: &str, value: &str, known: &str) -> String {
    format!(
        "configuration {file} : « {key} » = « {value} » n'est pas une couleur connue ; prenez l'une des 16 couleurs ANSI : {known}"
    )
}

pub const WANTS_MONTHS: &str = "un nombre entier de mois, par exemple 6";
pub const WANTS_YEARS: &str = "un nombre entier d'années, par exemple 2";
pub const WANTS_FOLDER: &str =
    "un chemin de dossier entre guillemets, par exemple \"/srv/cercles/exports\"";
pub const WANTS_TABLE: &str = "une section [colours]";
pub const WANTS_COLOUR: &str = "une couleur entre guillemets, par exemple \"cyan\"";
pub const WANTS_VALUE: &str = "une autre valeur";
pub const UNIT_MONTHS: &str = "mois";
pub const UNIT_YEARS: &str = "ans";
