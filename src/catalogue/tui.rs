//! Screen text of the terminal UI (French): tabs, key descriptions, status bar, forms,
//! dialogs. Inclusive forms and accents as the network writes them.

use super::words::plural;

// --- tabs -------------------------------------------------------------------------------------

/// Tab names, in the order of the keys `1`…`7`.
pub const TAB_NAMES: [&str; 7] = [
    "Cercles",
    "Membres",
    "Collectifs",
    "Rencontres",
    "Comptabilité",
    "Chronologie",
    "Rapports",
];
/// The same names, shortened so that the tab bar fits 80 columns.
pub const TAB_SHORT_NAMES: [&str; 7] = [
    "Cercles",
    "Membres",
    "Collectifs",
    "Rencontres",
    "Compta",
    "Chrono",
    "Rapports",
];
/// What each tab not built yet will hold, in one line.
pub const TAB_COMING: [&str; 7] = [
    "",
    "Ici viendront les membres : coordonnées, rôles dans les cercles, échéances des mandats.",
    "Ici viendront les collectifs et listes citoyennes, rattachés à leur commune.",
    "Ici viendront les rencontres, leurs participant·es et leurs listes de tâches.",
    "Ici viendront les écritures, la ventilation, le rapprochement et le budget.",
    "Ici viendra la chronologie de l'année, mois par mois.",
    "Ici viendront le bilan financier et le rapport annuel.",
];

// --- actions (the keymap's descriptions; footer, help and palette all read these) -----------

pub const ACT_QUIT: &str = "quitter";
pub const ACT_HELP: &str = "aide : les touches de l'écran";
pub const ACT_PALETTE: &str = "commandes : chercher une action";
pub const ACT_BACK: &str = "retour : fermer, effacer le filtre";
pub const ACT_NEXT_TAB: &str = "onglet suivant";
pub const ACT_PREV_TAB: &str = "onglet précédent";
pub const ACT_TAB: [&str; 7] = [
    "aller à l'onglet Cercles",
    "aller à l'onglet Membres",
    "aller à l'onglet Collectifs",
    "aller à l'onglet Rencontres",
    "aller à l'onglet Comptabilité",
    "aller à l'onglet Chronologie",
    "aller à l'onglet Rapports",
];
pub const ACT_UP: &str = "ligne précédente";
pub const ACT_DOWN: &str = "ligne suivante";
pub const ACT_PAGE_UP: &str = "page précédente";
pub const ACT_PAGE_DOWN: &str = "page suivante";
pub const ACT_FIRST: &str = "première ligne";
pub const ACT_LAST: &str = "dernière ligne";
pub const ACT_FILTER: &str = "filtrer la liste";
pub const ACT_EDIT: &str = "modifier la fiche";
pub const ACT_SAVE: &str = "enregistrer";
pub const ACT_CANCEL: &str = "annuler : quitter le formulaire";
pub const ACT_NEXT_FIELD: &str = "champ suivant";
pub const ACT_PREV_FIELD: &str = "champ précédent";
pub const ACT_KEEP_THEIRS: &str = "leur version : la garder pour ce champ";
pub const ACT_KEEP_MINE: &str = "votre version : la garder pour ce champ";
pub const ACT_TAKE_THEIRS: &str = "recharger : leur version partout";
pub const ACT_RESOLVE: &str = "reprendre : la saisie avec ces choix";
pub const ACT_YES: &str = "oui";
pub const ACT_NO: &str = "non";

// --- key names --------------------------------------------------------------------------------

pub const KEY_ENTER: &str = "Entrée";
pub const KEY_ESC: &str = "Échap";
pub const KEY_TAB: &str = "Tab";
pub const KEY_BACKTAB: &str = "Maj-Tab";
pub const KEY_PGUP: &str = "PgPréc";
pub const KEY_PGDN: &str = "PgSuiv";
pub const KEY_HOME: &str = "Début";
pub const KEY_END: &str = "Fin";
pub const KEY_BACKSPACE: &str = "Retour";
pub const KEY_DELETE: &str = "Suppr";
pub const KEY_SPACE: &str = "Espace";
pub const KEY_CTRL: &str = "Ctrl-";

// --- help and palette ---------------------------------------------------------------------------

pub const HELP_TITLE: &str = "Aide : les touches de cet écran";

/// The help page's foot: `↓ suite` when more follows, and how to close it (keys from the keymap).
pub fn help_more(down: &str) -> String {
    format!("{down} suite")
}

pub fn help_close(keys: &str) -> String {
    format!("{keys} pour fermer")
}
pub const KEYS_OR: &str = " ou ";
pub const GROUP_FILTER: &str = "Ligne de filtre";
pub const GROUP_PICK: &str = "Liste de choix";
pub const GROUP_HELP: &str = "Page d'aide";
pub const GROUP_PALETTE: &str = "Palette de commandes";
pub const ACT_KEEP_FILTER: &str = "garder le filtre";
pub const ACT_CLEAR_FILTER: &str = "effacer le filtre";
pub const ACT_CHOOSE: &str = "choisir";
pub const ACT_KEEP_VALUE: &str = "garder la valeur";
pub const ACT_RUN_COMMAND: &str = "exécuter";
pub const ACT_PREV_CHOICE: &str = "valeur précédente";
pub const ACT_NEXT_CHOICE: &str = "valeur suivante";
pub const ACT_SEARCH: &str = "chercher dans la liste";
pub const GROUP_CHOICE: &str = "Champs à choix";
pub const GROUP_GLOBAL: &str = "Partout";
pub const GROUP_LIST: &str = "Listes";
pub const GROUP_FORM: &str = "Formulaires";
pub const GROUP_CONFLICT: &str = "Conflit d'enregistrement";
pub const GROUP_CONFIRM: &str = "Questions oui/non";
pub const PALETTE_TITLE: &str = "Commandes";
pub const PALETTE_PROMPT: &str = ": ";
pub const PALETTE_NONE: &str = "aucune commande ne correspond";

pub fn palette_hint(run: &str, close: &str) -> String {
    format!("{run} exécute · {close} ferme")
}

pub fn palette_count(n: usize) -> String {
    plural(n as i64, "commande", "commandes")
}

// --- status bar and messages -------------------------------------------------------------------

pub const TODAY: &str = "aujourd'hui :";
pub const READ_ONLY: &str = "lecture seule";
pub const ERROR_MARK: &str = "Erreur :";
pub const NOTICE_MARK: &str = "Attention :";
pub const OK_MARK: &str = "OK :";
pub const FILTER_PROMPT: &str = "/";

/// The footer while a filter line has the keyboard (keys from the keymap).
pub fn filter_hint(keep: &str, clear: &str) -> String {
    format!("{keep} garde le filtre · {clear} l'efface")
}

/// The footer while a picker is open (keys from the keymap).
pub fn pick_hint(up: &str, down: &str, choose: &str, keep: &str) -> String {
    format!("tapez pour chercher · {up} {down} · {choose} choisit · {keep} garde la valeur")
}
pub const NOTHING_TO_EDIT: &str = "aucun cercle sélectionné";
pub const NO_ROW_MATCHES: &str = "aucune ligne ne correspond au filtre";
pub const CHANGED_ELSEWHERE: &str = "données mises à jour par une autre session";
pub const READ_ONLY_NO_EDIT: &str =
    "la base est en lecture seule : la fiche ne peut pas être modifiée";
pub const FORM_HAS_ERRORS: &str =
    "le formulaire contient des erreurs : corrigez les champs marqués !";
pub const NOTHING_CHANGED: &str = "rien n'a changé : rien à enregistrer";
pub const EDIT_CHANGED_ELSEWHERE: &str =
    "ce cercle vient d'être modifié ailleurs : à l'enregistrement, vous verrez leurs valeurs";

/// `camille (bénévole) · Camille Aubert` when the user is linked to a person.
pub fn actor_line(name: &str, role: &str, person: Option<&str>) -> String {
    match person {
        Some(person) => format!("{name} ({role}) · {person}"),
        None => format!("{name} ({role})"),
    }
}

pub fn saved_circle(name: &str) -> String {
    format!("fiche du cercle « {name} » enregistrée")
}

// --- confirmations ------------------------------------------------------------------------------

pub const CONFIRM_TITLE: &str = "Confirmer";
pub const CONFIRM_QUIT_DIRTY: &str =
    "Des modifications ne sont pas enregistrées. Quitter quand même ?";
pub const CONFIRM_DISCARD: &str = "Abandonner les modifications de ce formulaire ?";
pub const CONFIRM_KEYS: &str = "o : oui    n : non";

/// The keys of a question with three answers: `o : oui    n : non    Échap : revenir`.
pub fn confirm_keys_or_back(yes: &str, no: &str, back: &str) -> String {
    format!("{yes} : oui    {no} : non    {back} : revenir")
}

// --- forms --------------------------------------------------------------------------------------

/// What an empty date field shows.
pub const DATE_PLACEHOLDER: &str = "jj/mm/aaaa";
/// Where a month is enough (the report dates things "en avril").
pub const DAY_OR_MONTH_PLACEHOLDER: &str = "jj/mm/aaaa ou mm/aaaa";
pub fn date_in_future(today: &str) -> String {
    format!("cette date est dans le futur : au plus tard aujourd'hui ({today})")
}
pub const FIELD_REQUIRED: &str = "ce champ est obligatoire";
pub const DIRTY_MARK: &str = "*";
pub const DIRTY_LEGEND: &str = "* modifié";
pub fn choice_hint(prev: &str, next: &str) -> String {
    format!("{prev} {next} pour choisir")
}

/// The keys a form's messages name, as the keymap binds them.
pub struct FormKeys {
    pub save: String,
    pub cancel: String,
}

pub fn choice_unknown(value: &str) -> String {
    format!("« {value} » n'est pas dans la liste")
}

/// A picker with nothing chosen.
pub const PICKER_NONE: &str = "(aucun)";
pub const PICKER_NO_MATCH: &str = "aucune correspondance";
/// Under a short list's picker: cycle, jump by the first letter, or search.
pub fn picker_hint_short(prev: &str, next: &str) -> String {
    format!("{prev} {next} ou tapez pour chercher")
}
pub const PICKER_HINT_LONG: &str = "tapez pour chercher";

/// The suggestions under a field as you type.
pub fn suggestion_count(n: usize) -> String {
    if n == 0 {
        "aucune proposition".to_owned()
    } else {
        plural(n as i64, "proposition", "propositions")
    }
}

/// `3 / 35 000`: the matches of what is typed, out of the whole list.
pub fn picker_count(matches: usize, total: usize) -> String {
    format!("{} / {}", group_digits(matches), group_digits(total))
}

/// `35 000`: digits in groups of three, French style.
fn group_digits(n: usize) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(d);
    }
    grouped
}

// --- Cercles tab --------------------------------------------------------------------------------

pub const CIRCLES_TITLE: &str = "Cercles";
pub const CIRCLE_LABEL_NAME: &str = "Nom";
pub const CIRCLE_LABEL_PURPOSE: &str = "Raison d'être";
pub const CIRCLE_LABEL_SCOPE: &str = "Périmètre de décision";
pub const CIRCLE_LABEL_MISSIONS: &str = "Missions";
pub const CIRCLE_LABEL_SAFE_FRAME: &str = "Cadre sécurisant";
pub const CIRCLE_COORDINATION: &str = "cercle de coordination";
pub const CIRCLE_CLOSED: &str = "fermé";
pub const EMPTY_VALUE: &str = "(à compléter)";
pub const NO_CIRCLE: &str = "Aucun cercle pour l'instant.";

/// `9 cercles`, `8 cercles · 1 fermé`, filtered `2 sur 9 cercles`.
pub fn circles_count(shown: usize, total: usize, closed: usize) -> String {
    if shown != total {
        return format!("{shown} sur {}", plural(total as i64, "cercle", "cercles"));
    }
    let open = plural((total - closed.min(total)) as i64, "cercle", "cercles");
    match closed {
        0 => open,
        1 => format!("{open} · 1 fermé"),
        n => format!("{open} · {n} fermés"),
    }
}

pub fn circle_closed_on(date: &str) -> String {
    format!("fermé le {date}")
}

pub fn circle_form_title(name: &str) -> String {
    format!("Fiche du cercle « {name} »")
}

// --- conflict -----------------------------------------------------------------------------------

pub const CONFLICT_TITLE: &str = "Conflit : quelqu'un a enregistré ce cercle pendant votre saisie";
pub const CONFLICT_THEIRS: &str = "leur version";
pub const CONFLICT_MINE: &str = "votre version";
pub const CONFLICT_EMPTY: &str = "(vide)";
pub const CONFLICT_KEPT_THEIRS: &str = "gardé : leur version";
pub const CONFLICT_KEPT_MINE: &str = "gardé : votre version";
pub const CONFLICT_MESSAGE: &str = "la fiche a changé ailleurs : choisissez quoi garder";
pub const CONFLICT_GONE: &str = "ce cercle n'existe plus";

pub fn conflict_fields(n: usize) -> String {
    format!(
        "{} {}",
        plural(n as i64, "champ diffère", "champs diffèrent"),
        "entre leur version et la vôtre"
    )
}

// --- errors of the terminal itself -------------------------------------------------------------

pub fn terminal_error(detail: &str) -> String {
    format!("le terminal ne répond pas comme prévu : {detail}")
}
pub const TTY_LOST: &str = "le terminal a été fermé";
pub fn store_error(detail: &str) -> String {
    format!("base de données : {detail}")
}
pub fn signal_error(name: &str) -> String {
    format!("arrêt demandé par le signal {name}")
}
pub const HELP_SIGNS: &str = "Signes";
/// The marks of the lists and what they mean.
pub const HELP_SIGN_LINES: [(&str, &str); 3] = [
    (
        "!",
        "à voir : fin de mandat proche ou passée, décision à revoir",
    ),
    ("★", "co-référent·e de ce cercle"),
    ("*", "champ modifié, pas encore enregistré"),
];
