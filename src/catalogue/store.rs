//! Messages about the database file, roles, conflicts and the journal.

use std::path::Path;

fn shown(path: &Path) -> String {
    path.display().to_string()
}

pub fn db_missing(path: &Path) -> String {
    format!(
        "la base « {} » n'existe pas : créez-la avec « cercles init »",
        shown(path)
    )
}
pub fn db_folder_missing(dir: &Path) -> String {
    format!(
        "le dossier « {} » n'existe pas : créez-le d'abord ou choisissez un autre chemin",
        shown(dir)
    )
}
pub fn not_a_database(path: &Path) -> String {
    format!(
        "« {} » n'est pas une base de données cercles (ce n'est pas un fichier SQLite) : fichier laissé intact",
        shown(path)
    )
}
pub fn not_ours(path: &Path) -> String {
    format!(
        "« {} » est une base SQLite d'un autre programme, pas une base cercles : fichier laissé intact",
        shown(path)
    )
}
pub fn corrupt(path: &Path, detail: &str) -> String {
    format!(
        "la base « {} » est endommagée ({detail}) : restaurez une sauvegarde ; fichier laissé intact",
        shown(path)
    )
}
pub fn already_exists(path: &Path) -> String {
    format!("« {} » existe déjà : choisissez un autre nom", shown(path))
}
pub fn newer_schema(found: i64, known: i64) -> String {
    format!(
        "cette base vient d'une version plus récente de cercles (schéma {found}, celui-ci connaît {known}) : ouverte en lecture seule, mettez cercles à jour pour écrire"
    )
}
pub fn older_schema(found: i64, known: i64) -> String {
    format!(
        "cette base doit être mise à jour (schéma {found} → {known}) : un·e admin doit lancer « cercles init »"
    )
}
pub const READ_ONLY: &str =
    "base ouverte en lecture seule (version plus récente de cercles) : rien n'a été écrit";
pub const SCHEMA_CHANGED: &str = "la base a été mise à jour par une autre version de cercles pendant la session : rien n'a été écrit, relancez cercles";
pub fn unknown_actor(name: &str) -> String {
    format!(
        "« {name} » n'est pas un·e utilisateur·rice de cette base : demandez à un·e admin de vous ajouter (cercles users add {name} --role benevole)"
    )
}
pub fn admin_only(role: &str, what: &str) -> String {
    format!("votre rôle ({role}) ne permet pas de {what} : c'est réservé aux admins")
}
pub const WHAT_BACKUP: &str = "copier toute la base (elle contient les coordonnées de chacun·e)";
pub const WHAT_USERS_LIST: &str = "voir la liste des utilisateur·rices";
pub fn forbidden(role: &str, what: &str) -> String {
    format!("votre rôle ({role}) ne permet pas de modifier {what} : rien n'a été écrit")
}
/// The areas of data as a refusal names them, in the order of `Area::ALL` (users, ledger,
/// governance, collectives, event tasks, work log, own preferences, personal data).
pub const AREA_NAMES: [&str; 8] = [
    "les utilisateur·rices",
    "la comptabilité",
    "les cercles, les personnes et les décisions",
    "les collectifs",
    "les tâches des rencontres",
    "le suivi des travaux des cercles",
    "vos préférences",
    "les données personnelles (RGPD)",
];
pub const CONFLICT: &str =
    "quelqu'un d'autre a modifié cette fiche entre-temps : rien n'a été écrit, voici ses valeurs";
pub const BUSY: &str = "la base est occupée par une autre session depuis trop longtemps : rien n'a été écrit, réessayez";
pub fn not_found(what: &str) -> String {
    format!("{what} introuvable (peut-être supprimé·e par une autre session)")
}
pub fn database_error(detail: &str) -> String {
    format!("erreur de la base de données : {detail}")
}
pub fn file_error(path: &Path, detail: &str) -> String {
    format!("fichier « {} » : {detail}", shown(path))
}
pub fn bad_today(value: &str) -> String {
    format!("CERCLES_TODAY=« {value} » n'est pas une date AAAA-MM-JJ")
}
pub fn no_os_user() -> String {
    "impossible de connaître le nom de l'utilisateur·rice du système : utilisez --as NOM"
        .to_string()
}

// Users.
pub const THE_USER: &str = "l'utilisateur·rice";
pub fn user_exists(name: &str) -> String {
    format!("l'utilisateur·rice « {name} » existe déjà")
}
pub fn user_unknown(name: &str) -> String {
    format!("l'utilisateur·rice « {name} » n'existe pas")
}
pub fn bad_role(input: &str) -> String {
    format!("« {input} » n'est pas un rôle : admin, trésorerie, coordination, bénévole ou lecture")
}
pub fn bad_user_name(input: &str) -> String {
    format!(
        "« {input} » n'est pas un nom d'utilisateur·rice valable : lettres, chiffres, . _ - (32 au plus), comme un nom de connexion"
    )
}
pub const LAST_ADMIN: &str =
    "c'est le ou la dernier·e admin : ajoutez d'abord un·e autre admin, rien n'a été changé";

// check.
pub fn check_integrity(detail: &str) -> String {
    format!("intégrité : {detail}")
}
pub fn check_foreign_key(table: &str, rowid: i64) -> String {
    format!("référence cassée : table {table}, ligne {rowid}")
}
pub fn check_schema(found: i64, known: i64) -> String {
    if found > known {
        format!(
            "cette base vient d'une version plus récente de cercles (schéma {found}, ce programme connaît le {known}) : mettez cercles à jour pour la vérifier"
        )
    } else {
        format!(
            "schéma {found} au lieu de {known} : un·e admin doit lancer « cercles init » pour la mettre à jour"
        )
    }
}
pub fn person_already_linked(user: &str) -> String {
    format!(
        "cette personne est déjà liée à l'utilisateur·rice « {user} » : une personne ne peut être « moi » que pour un·e seul·e"
    )
}
pub const BACKUP_NOT_STDOUT: &str =
    "backup écrit un fichier : donnez son nom (« - » ne s'applique pas ici)";
pub fn check_row_changed(table: &str, id: i64) -> String {
    format!(
        "table {table}, ligne {id} : ses valeurs ne sont plus celles que le journal a enregistrées (modifiée hors du programme)"
    )
}
pub fn check_row_unjournaled(table: &str, id: i64) -> String {
    format!("table {table}, ligne {id} : absente du journal (ajoutée hors du programme)")
}
pub fn check_row_missing(table: &str, id: i64) -> String {
    format!(
        "table {table}, ligne {id} : le journal la connaît mais elle a disparu (supprimée hors du programme)"
    )
}
pub fn check_erased(entry: i64) -> String {
    format!(
        "journal : l'entrée n° {entry} est marquée effacée mais garde des valeurs (modifiée à la main)"
    )
}
pub fn check_erased_forbidden(entry: i64, table: &str) -> String {
    format!(
        "journal : l'entrée n° {entry} (table {table}) est marquée effacée, or les entrées sur les utilisateur·rices et les rôles ne s'effacent jamais (modifiée à la main)"
    )
}
pub fn check_erased_unrecorded(entry: i64) -> String {
    format!(
        "journal : l'entrée n° {entry} est marquée effacée sans que le programme l'ait effacée (modifiée à la main)"
    )
}
pub fn journal_entry(entry: i64) -> String {
    format!("l'entrée n° {entry} du journal")
}
pub fn never_erased(entry: i64, table: &str) -> String {
    format!(
        "l'entrée n° {entry} du journal (table {table}) ne peut pas être effacée : le journal garde toujours qui a eu quel rôle"
    )
}
pub fn upgrade_journal_broken(entry: i64) -> String {
    format!(
        "mise à niveau impossible : le journal ne se vérifie plus à l'entrée n° {entry} (modifié hors du programme) ; restaurez une sauvegarde, rien n'a été changé"
    )
}
/// French name of a kind of schema object (`sqlite_master.type`).
fn object_kind(kind: &str) -> &'static str {
    match kind {
        "table" => "la table",
        "index" => "l'index",
        "trigger" => "le déclencheur",
        "view" => "la vue",
        _ => "l'objet",
    }
}
pub fn check_object_missing(kind: &str, name: &str) -> String {
    format!(
        "schéma : {} « {name} » manque (supprimé hors du programme){}",
        object_kind(kind),
        if kind == "trigger" {
            " : ce qu'il protégeait ne l'est plus"
        } else {
            ""
        }
    )
}
pub fn check_object_changed(kind: &str, name: &str) -> String {
    format!(
        "schéma : {} « {name} » n'est plus celui du programme (modifié hors du programme)",
        object_kind(kind)
    )
}
pub fn check_object_unknown(kind: &str, name: &str) -> String {
    let article = match kind {
        "table" => "une table",
        "index" => "un index",
        "trigger" => "un déclencheur",
        "view" => "une vue",
        _ => "un objet",
    };
    format!("schéma : {article} « {name} » inconnu du programme a été ajouté hors du programme")
}
/// `given` already cut and cleaned for a message.
pub fn bad_head(given: &str) -> String {
    format!(
        "« {given} » n'est pas une tête de journal : attendu NUMÉRO:EMPREINTE comme l'affichent check et backup (64 chiffres hexadécimaux après les deux-points)"
    )
}
pub fn check_head_missing(head: &impl std::fmt::Display) -> String {
    format!(
        "journal : la tête gardée {head} n'y est plus (entrées retirées) : le journal a été réécrit hors du programme"
    )
}
pub fn check_head_changed(head: &impl std::fmt::Display) -> String {
    format!(
        "journal : la tête gardée {head} ne correspond plus : le journal a été réécrit hors du programme"
    )
}
pub fn head_still_there(head: &impl std::fmt::Display) -> String {
    format!("la tête gardée {head} est toujours dans le journal")
}
pub fn journal_head(head: &impl std::fmt::Display) -> String {
    format!("tête du journal : {head}")
}
pub fn check_digest(entry: i64) -> String {
    format!("journal : l'entrée n° {entry} a été modifiée (empreinte fausse)")
}
pub fn check_chain(entry: i64) -> String {
    format!("journal : la chaîne est rompue à l'entrée n° {entry} (entrée retirée ou modifiée)")
}
pub fn check_application_id() -> String {
    "ce n'est pas une base cercles (application_id)".to_string()
}
pub fn check_ok(path: &Path, entries: i64) -> String {
    format!(
        "« {} » : intégrité, références, schéma et journal ({entries} entrées) vérifiés, tout est bon",
        shown(path)
    )
}
pub fn created(path: &Path) -> String {
    format!("base créée : {}", shown(path))
}
pub fn created_demo(path: &Path) -> String {
    format!("base de démonstration créée : {}", shown(path))
}
pub fn upgraded(path: &Path, from: i64, to: i64) -> String {
    format!(
        "base « {} » mise à jour (schéma {from} → {to})",
        shown(path)
    )
}
pub fn up_to_date(path: &Path) -> String {
    format!("base « {} » déjà à jour, rien à faire", shown(path))
}
pub const DEMO_ON_EXISTING: &str =
    "--demo crée une nouvelle base : ce fichier existe déjà, choisissez un autre --db";
pub fn backup_done(path: &Path) -> String {
    format!("sauvegarde écrite et vérifiée : {}", shown(path))
}
pub const TRUNCATED: &str = "fichier tronqué";
pub const IO_NOT_FOUND: &str = "fichier introuvable";
pub const IO_PERMISSION: &str = "accès refusé (droits du fichier)";
pub const IO_EXISTS: &str = "le fichier existe déjà";
pub const NOT_WRITABLE: &str = "la base n'est pas modifiable avec vos droits : le fichier ou son dossier est en lecture seule (SQLite doit pouvoir écrire la base et créer les fichiers -wal et -shm à côté) ; rien n'a été écrit";
pub const CANNOT_OPEN_HERE: &str = "impossible de l'ouvrir avec vos droits, même pour la lire : SQLite doit pouvoir créer les fichiers -wal et -shm dans son dossier (demandez à l'admin les droits d'écriture sur ce dossier)";
pub const CANNOT_OPEN: &str =
    "impossible d'ouvrir le fichier de la base ou ses fichiers -wal et -shm";
pub const IO_FAILURE: &str = "erreur de lecture ou d'écriture sur le disque";
pub const NO_SCHEMA: &str = "aucune table cercles dans le fichier";
pub const NOT_A_REGULAR_FILE: &str = "ce n'est pas un fichier ordinaire (tube, périphérique…)";
pub const NOT_SQLITE: &str = "ce n'est pas une base SQLite";
pub const DAMAGED: &str = "la base est endommagée";
pub fn unreadable_value(detail: &str) -> String {
    format!("valeur illisible : {detail}")
}
pub const UNREADABLE_FILE_NAME: &str = "nom de fichier illisible";
pub const IO_NO_FOLDER: &str = "le dossier où l'écrire n'existe pas";
pub const IO_DIRECTORY: &str = "c'est un dossier, pas un fichier";
pub const IO_NOT_A_DIRECTORY: &str = "une partie du chemin n'est pas un dossier";
pub const IO_READ_ONLY: &str = "le disque est en lecture seule";
pub const IO_FULL: &str = "le disque est plein";
pub fn io_other(code: Option<i32>) -> String {
    match code {
        Some(code) => format!("erreur d'accès au fichier (code système {code})"),
        None => "erreur d'accès au fichier".to_string(),
    }
}

/// An IO error as a person reads it: the common kinds in words, the others by their number.
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => IO_NOT_FOUND.into(),
        PermissionDenied => IO_PERMISSION.into(),
        AlreadyExists => IO_EXISTS.into(),
        IsADirectory => IO_DIRECTORY.into(),
        NotADirectory => IO_NOT_A_DIRECTORY.into(),
        ReadOnlyFilesystem => IO_READ_ONLY.into(),
        StorageFull => IO_FULL.into(),
        _ => io_other(e.raw_os_error()),
    }
}
