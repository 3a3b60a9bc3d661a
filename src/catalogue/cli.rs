//! Command-line help and messages.

pub const ABOUT: &str = "cercles : les cercles, membres, collectifs, rencontres et la comptabilité du réseau Actions Communes";
pub const HELP_TEMPLATE: &str = "{about}\n\nUtilisation : {usage}\n\n{all-args}";
pub const SUB_HELP_TEMPLATE: &str = "{about}\n\nUtilisation : {usage}\n\n{all-args}";
pub const HEADING_COMMANDS: &str = "Commandes ";
pub const HEADING_OPTIONS: &str = "Options ";
pub const USAGE: &str = "cercles [--db FICHIER] [--as NOM] [--demo] [COMMANDE]";

pub const ARG_DB: &str =
    "Fichier de la base (par défaut $CERCLES_DB, puis cercles.db dans le dossier de données)";
pub const ARG_AS: &str =
    "Agir sous ce nom d'utilisateur·rice (par défaut l'utilisateur·rice du système)";
pub const ARG_DEMO_UI: &str = "Ouvrir l'interface sur une copie jetable du réseau de démonstration";
pub const ARG_HELP: &str = "Afficher cette aide";
pub const ARG_VERSION: &str = "Afficher la version";

pub const CMD_INIT: &str = "Créer la base, ou la mettre à jour";
pub const ARG_INIT_DEMO: &str = "Remplir la nouvelle base avec le réseau de démonstration";
pub const ARG_SCALE: &str =
    "Avec --demo : multiplier les volumes par N (1 à 1000 ; pour l'instant les membres)";
pub const CMD_CHECK: &str =
    "Vérifier l'intégrité, les références, le schéma et la chaîne du journal";
pub const ARG_HEAD: &str = "Vérifier aussi que cette tête du journal, gardée d'un check ou d'une sauvegarde, y est toujours";
pub const CMD_BACKUP: &str = "Sauvegarder la base, en ligne, dans un nouveau fichier vérifié";
pub const ARG_BACKUP_FILE: &str = "Fichier de la copie (ne doit pas exister)";
pub const CMD_USERS: &str = "Gérer les utilisateur·rices et leurs rôles (admin)";
pub const CMD_USERS_LIST: &str = "Lister les utilisateur·rices";
pub const CMD_USERS_ADD: &str = "Ajouter un·e utilisateur·rice";
pub const CMD_USERS_ROLE: &str = "Changer le rôle d'un·e utilisateur·rice";
pub const CMD_USERS_REMOVE: &str = "Retirer un·e utilisateur·rice";
pub const CMD_USERS_LINK: &str =
    "Relier un·e utilisateur·rice à une personne (pour savoir qui est « moi »)";
pub const ARG_PERSON: &str =
    "Personne : numéro, e-mail, ou nom exact « Prénom Nom » (ou « Nom Prénom »)";
pub const CMD_IMPORT: &str =
    "Importer un fichier CSV (tout ou rien : une ligne fausse, rien n'est écrit)";
pub const ARG_IMPORT_KIND: &str =
    "Ce qu'on importe : members (les membres), collectives (les collectifs)";
pub const ARG_IMPORT_FILE: &str = "Fichier CSV à lire, ou - pour l'entrée standard";
pub const ARG_DRY_RUN: &str = "Essai : dire ce qui serait fait, sans rien écrire";
pub const CMD_EXPORT: &str = "Exporter en CSV (; UTF-8 avec BOM) ou en JSON";
pub const ARG_EXPORT_KIND: &str = "Ce qu'on exporte : members (les membres), collectives (les collectifs), events (les rencontres), map (la carte)";
pub const ARG_YEAR: &str = "L'année des rencontres exportées (events ; toutes sans elle)";
pub const ARG_FORMAT: &str = "Format : csv (par défaut) ou json";
pub const ARG_OUTPUT: &str =
    "Fichier à écrire, qui ne doit pas exister (par défaut la sortie standard)";
pub fn stdin_unreadable(detail: &str) -> String {
    format!("entrée standard illisible : {detail}")
}
pub fn user_linked(name: &str, person: &str, id: i64) -> String {
    format!("utilisateur·rice « {name} » relié·e à {person} (n° {id})")
}
pub const ARG_USER_NAME: &str = "Nom de connexion";
pub const ARG_ROLE: &str =
    "Rôle : admin, trésorerie, coordination, bénévole ou lecture (accents facultatifs)";

pub fn usage_error(detail: &str) -> String {
    format!("{detail} (voir « cercles --help »)")
}
pub fn unknown_argument(arg: &str) -> String {
    usage_error(&format!("option ou argument inconnu : {arg}"))
}
pub fn unknown_command(cmd: &str) -> String {
    usage_error(&format!("commande inconnue : {cmd}"))
}
pub fn missing_argument(arg: &str) -> String {
    usage_error(&format!("il manque : {arg}"))
}
pub fn bad_value(arg: &str, value: &str, valid: &str) -> String {
    let arg = arg.replace(['<', '>'], "");
    if valid.is_empty() {
        usage_error(&format!("valeur refusée pour {arg} : {value}"))
    } else {
        usage_error(&format!(
            "valeur refusée pour {arg} : {value} (valeurs possibles : {valid})"
        ))
    }
}
pub fn missing_value(arg: &str) -> String {
    let arg = arg.replace(['<', '>'], "");
    usage_error(&format!("valeur manquante après {arg}"))
}
pub fn repeated_argument(arg: &str) -> String {
    let arg = arg.replace(['<', '>'], "");
    usage_error(&format!("{arg} est donné deux fois"))
}
pub const DEMO_WITH_COMMAND: &str = "--demo ouvre l'interface sur une base de démonstration et ne s'utilise pas avec une commande (pour créer une base de démonstration : cercles --db FICHIER init --demo)";
pub const AS_WITH_INIT: &str = "--as ne s'utilise pas avec init : la base est créée au nom de l'utilisateur·rice du système qui la lance, seul·e admin au départ";
pub fn linked_person_left(name: &str, on: &str) -> String {
    format!("attention : {name} a quitté le réseau le {on}")
}
pub const BAD_USAGE: &str = "commande incomplète ou mal formée (voir « cercles --help »)";
pub const NO_DATA_DIR: &str =
    "impossible de trouver le dossier de données : indiquez la base avec --db FICHIER";
pub fn users_header() -> &'static str {
    "nom\trôle\tpersonne"
}
pub fn user_added(name: &str, role: &str) -> String {
    format!("utilisateur·rice « {name} » ajouté·e, rôle {role}")
}
pub fn user_role_set(name: &str, role: &str) -> String {
    format!("rôle de « {name} » : {role}")
}
pub fn user_removed(name: &str) -> String {
    format!("utilisateur·rice « {name} » retiré·e")
}
pub const READ_ONLY_WARNING_PREFIX: &str = "attention : ";
pub const USAGE_USERS: &str = "cercles users list | add NOM --role RÔLE [--person PERSONNE] | link NOM PERSONNE | role NOM RÔLE | remove NOM";
pub const USAGE_INIT: &str = "cercles [--db FICHIER] init [--demo [--scale N]]";
pub const USAGE_CHECK: &str = "cercles [--db FICHIER] [--as NOM] check [--head N:EMPREINTE]";
pub const USAGE_BACKUP: &str = "cercles [--db FICHIER] [--as NOM] backup FICHIER";
pub const USAGE_IMPORT: &str =
    "cercles [--db FICHIER] [--as NOM] import members|collectives FICHIER|- [--dry-run]";
pub const USAGE_EXPORT: &str = "cercles [--db FICHIER] [--as NOM] export members|collectives|events|map|transactions [--year ANNÉE] [--format csv|json] [-o FICHIER]";
pub const USAGE_USERS_LIST: &str = "cercles users list";
pub const USAGE_USERS_ADD: &str = "cercles users add NOM --role RÔLE [--person PERSONNE]";
pub const USAGE_USERS_LINK: &str = "cercles users link NOM PERSONNE";
pub const USAGE_USERS_ROLE: &str = "cercles users role NOM RÔLE";
pub const USAGE_USERS_REMOVE: &str = "cercles users remove NOM";

pub const CMD_REPORT: &str = "Calculer un rapport : bilan ou résultat par projet";
pub const USAGE_REPORT: &str = "cercles [--db FICHIER] [--as NOM] report bilan|projects --year ANNÉE [--format text|csv|json|md] [--with-pending]";
pub const ARG_REPORT_KIND: &str =
    "bilan (produits et charges par catégorie) ou projects (résultat par projet)";
pub const ARG_REPORT_YEAR: &str = "L'exercice, présenté à côté du précédent";
pub const ARG_REPORT_FORMAT: &str = "Format : text (par défaut), csv, json ou md";
pub const ARG_WITH_PENDING: &str = "Compter aussi les écritures engagées";
pub const YEAR_REQUIRED: &str = "export transactions demande --year ANNÉE (l'exercice exporté)";
pub const ARG_KEEP_DUPLICATES: &str =
    "Garder les doublons probables (écritures : même date, montant et libellé)";
pub const ARG_ACCOUNT: &str = "Le compte d'un relevé bancaire (512 par défaut ; 5121, 530)";
