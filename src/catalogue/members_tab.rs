//! Screen text of the Membres tab (French): list, filters, detail, the person form, the role
//! forms and their messages. Inclusive forms as the network writes them.

use super::tui::FormKeys;
use super::words::plural;

// --- actions (keymap descriptions; the footer shows what comes before " :") -------------------

pub const GROUP_MEMBERS: &str = "Membres";
pub const ACT_ADD_PERSON: &str = "ajouter : une personne au réseau";
pub const ACT_GIVE_ROLE: &str = "rôle : donner un rôle dans un cercle";
pub const ACT_END_ROLE: &str = "fin : terminer un rôle en cours";
pub const ACT_SET_TERM: &str = "mandat : prolonger ou changer la fin d'un mandat";
pub const ACT_PERSON_LEAVES: &str = "départ : quitter le réseau, ou y revenir";
pub const ACT_CYCLE_CIRCLE: &str = "cercle : filtrer par cercle, tour à tour";
pub const ACT_CYCLE_KIND: &str = "type : filtrer par type, tour à tour";
pub const ACT_CYCLE_ROLE: &str = "rôle : filtrer par rôle, tour à tour";
pub const ACT_TOGGLE_LEFT: &str = "parti·es : afficher ou masquer les personnes parties";
pub const ACT_COMMUNE_REVIEW: &str =
    "à vérifier : les personnes dont la commune est à vérifier (inconnue ou en doute)";

// --- list ---------------------------------------------------------------------------------------

pub const MEMBERS_TITLE: &str = "Membres";
pub const NO_PERSON: &str = "Personne pour l'instant : a pour ajouter.";
pub const NO_PERSON_BUT_LEFT: &str =
    "Personne dans le réseau pour l'instant : p montre les personnes parties, a ajoute quelqu'un.";
/// `clear`: the key that clears the filters.
pub fn no_person_matches(clear: &str) -> String {
    format!("Personne ne correspond aux filtres ({clear} les efface).")
}
/// The flag of a co-référent·e term that ends soon or ended without successor.
pub const TERM_FLAG: &str = "!";
/// Marks a co-référent·e role beside a circle's name.
pub const CO_REFERENT_MARK: &str = "★";
pub const LEFT_MARK: &str = "parti·e";

/// The filter chips: what each filters, shown after its key when the filter is off.
pub const CHIP_CIRCLE: &str = "cercle";
pub const CHIP_KIND: &str = "type";
pub const CHIP_ROLE: &str = "rôle";
pub const CHIP_LEFT: &str = "parti·es";
pub const CHIP_LEFT_ON: &str = "avec parti·es";
/// The quick filter of the communes to review, with how many there are.
pub fn chip_review(n: usize) -> String {
    format!("à vérifier ({n})")
}
pub const CHIP_REVIEW_ON: &str = "communes à vérifier";
/// A commune typed before communes were resolved, naming none or several: as typed.
pub fn commune_to_review(typed: &str) -> String {
    format!("« {typed} », à vérifier")
}
pub const NO_COMMUNE_TO_REVIEW: &str = "Aucune commune à vérifier.";
pub fn chip_off(key: &str, what: &str) -> String {
    format!("{key} {what}")
}
pub fn chip_on(key: &str, value: &str) -> String {
    format!("{key}:{value}")
}

/// A kind in the narrow type column of the list.
pub fn kind_short(code: &str) -> &'static str {
    match code {
        "benevole" => "bénév.",
        "salarie" => "salar.",
        "prestataire" => "prest.",
        _ => "élu·e",
    }
}

/// The header's counts, the longest form first: the view takes the first that fits. People of
/// the network (not those who left), those in a circle (the cercle général), the
/// co-référent·es; with the people who left shown, how many of them; filtered, `12 sur 71`.
pub fn members_counts(
    people: usize,
    in_circles: usize,
    co_referents: usize,
    left_shown: usize,
) -> Vec<String> {
    let persons = plural(people as i64, "personne", "personnes");
    let in_circle = format!("{in_circles} en cercle");
    if left_shown > 0 {
        let left = plural(left_shown as i64, "parti·e", "parti·es");
        return vec![
            format!("{persons} + {left} · {in_circle}"),
            format!("{persons} + {left}"),
        ];
    }
    let co_long = plural(co_referents as i64, "co-référent·e", "co-référent·es");
    vec![
        format!("{persons} · {in_circle} · {co_long}"),
        format!("{persons} · {in_circle} · {co_referents} co-réf."),
        format!("{persons} · {in_circle}"),
    ]
}

/// The header's counts when a filter is on: `12 sur 71`.
pub fn members_filtered(shown: usize, people: usize) -> String {
    format!("{shown} sur {people}")
}

// --- detail -------------------------------------------------------------------------------------

pub const LABEL_EMAIL: &str = "E-mail";
pub const LABEL_PHONE: &str = "Tél.";
pub const LABEL_COMMUNE: &str = "Commune";
pub const LABEL_CONTACT: &str = "Contact";
pub const HIDDEN_FOR_LECTURE: &str = "masqué (rôle lecture)";
pub const NONE_GIVEN: &str = "—";
pub const SECTION_CURRENT: &str = "Rôles en cours";
pub const SECTION_HISTORY: &str = "Historique";
pub const SECTION_NOTES: &str = "Notes";
pub const NO_CURRENT_ROLE: &str = "aucun";
pub const LABEL_CONFIDENTIALITY: &str = "Accord de confidentialité";
pub const LABEL_MISSION: &str = "Fiche-mission";
pub const LABEL_USERS: &str = "Compte";
pub const NOT_SIGNED: &str = "non signé";
pub const NOT_ACCEPTED: &str = "non acceptée";
pub fn signed_on(date: &str) -> String {
    format!("signé le {date}")
}
pub fn accepted_on(date: &str) -> String {
    format!("acceptée le {date}")
}
pub fn left_on(date: &str) -> String {
    format!("a quitté le réseau le {date}")
}
pub fn return_hint(key: &str) -> String {
    format!("{key} : revenir dans le réseau")
}
pub fn role_since(date: &str) -> String {
    format!("depuis le {date}")
}
pub fn term_until(date: &str) -> String {
    format!("mandat jusqu'au {date}")
}
pub fn role_span(since: &str, until: &str) -> String {
    format!("{since} → {until}")
}
pub fn term_ends_in(days: i64) -> String {
    match days {
        0 => "fin de mandat aujourd'hui".to_owned(),
        1 => "fin de mandat demain".to_owned(),
        n => format!("fin de mandat dans {n} jours"),
    }
}
pub fn term_replaced(days: i64) -> String {
    format!(
        "mandat fini depuis {} : successeur·e en place, rôle à terminer (-)",
        plural(days, "jour", "jours")
    )
}
pub fn term_ended_ago(days: i64) -> String {
    format!(
        "mandat fini depuis {}, sans successeur·e",
        plural(days, "jour", "jours")
    )
}

// --- forms --------------------------------------------------------------------------------------

pub const FORM_ADD_TITLE: &str = "Nouvelle personne";
pub fn form_edit_title(name: &str) -> String {
    format!("Fiche {}", super::words::de(name))
}
pub const FIELD_LAST_NAME: &str = "Nom";
pub const FIELD_FIRST_NAME: &str = "Prénom";
pub const FIELD_EMAIL: &str = "E-mail";
pub const FIELD_PHONE: &str = "Téléphone";
pub const FIELD_COMMUNE: &str = "Commune";
pub const FIELD_KIND: &str = "Type";
pub const FIELD_CONFIDENTIALITY: &str = "Confidentialité signée le";
pub const FIELD_MISSION: &str = "Fiche-mission acceptée le";
pub const FIELD_NOTES: &str = "Notes";
pub const FIELD_CIRCLE: &str = "Cercle";
pub const FIELD_ROLE: &str = "Rôle";
pub const FIELD_SINCE: &str = "Depuis le";
pub const FIELD_TERM_END: &str = "Fin de mandat";
pub const FIELD_ROLE_TO_END: &str = "Rôle à terminer";
pub const FIELD_UNTIL: &str = "Fin le";
pub const FIELD_ROLE_OF_TERM: &str = "Rôle";
pub const FIELD_LEFT_ON: &str = "Départ le";

pub fn give_role_title(name: &str) -> String {
    format!("Donner un rôle à {name}")
}
pub fn term_title(name: &str) -> String {
    format!("Mandat {}", super::words::de(name))
}
pub const TERM_HINT: &str =
    "Le rôle continue, depuis la même date ; laissez la fin vide pour un mandat sans terme.";
pub fn term_set(name: &str, role: &str, circle: &str, end: Option<&str>) -> String {
    match end {
        Some(end) => format!("{name} : {role} du cercle {circle}, mandat jusqu'au {end}"),
        None => format!("{name} : {role} du cercle {circle}, mandat sans terme"),
    }
}
pub fn end_role_title(name: &str) -> String {
    format!("Terminer un rôle {}", super::words::de(name))
}
pub fn leave_title(name: &str) -> String {
    format!("{name} quitte le réseau")
}
pub const LEAVE_EXPLAIN: &str =
    "Ses rôles en cours prennent fin ce jour-là ; la fiche et l'historique restent.";
pub const ROLE_HINT: &str =
    "Le rôle commence ce jour-là ; un autre rôle tenu dans ce cercle s'arrête alors.";
pub const END_HINT: &str =
    "Le rôle prend fin ce jour-là : il ne compte plus à partir de cette date ; l'historique reste.";
pub fn role_choice(circle: &str, role: &str) -> String {
    format!("{circle} · {role}")
}

pub const CONFLICT_TITLE: &str =
    "Conflit : quelqu'un a enregistré cette personne pendant votre saisie";
pub const CONFLICT_MESSAGE: &str = "la fiche a changé ailleurs : choisissez quoi garder";
pub const CONFLICT_GONE: &str = "cette personne n'existe plus";

// --- messages -----------------------------------------------------------------------------------

/// A role's refusal, short enough for the message line at 80 columns.
pub fn refused(role: &str) -> String {
    format!("votre rôle ({role}) ne permet pas de modifier les membres")
}
pub const NOBODY_SELECTED: &str = "aucune personne sélectionnée";
pub const READ_ONLY_NO_EDIT: &str = "la base est en lecture seule : rien ne peut être modifié";
pub const NO_OPEN_CIRCLE: &str = "aucun cercle ouvert où donner un rôle";
pub const EDIT_CHANGED_ELSEWHERE: &str =
    "cette personne vient d'être modifiée ailleurs : à l'enregistrement, vous verrez leurs valeurs";
pub fn no_current_role(name: &str) -> String {
    format!("{name} n'a aucun rôle en cours")
}
pub fn has_left(name: &str) -> String {
    format!("{name} a quitté le réseau : rien à changer")
}
pub fn person_added(name: &str) -> String {
    format!("{name} ajouté·e au réseau")
}
pub fn person_saved(name: &str) -> String {
    format!("fiche {} enregistrée", super::words::de(name))
}
pub fn role_given(name: &str, role: &str, circle: &str, since: &str) -> String {
    format!("{name} : {role} du cercle {circle} depuis le {since}")
}
pub fn confirm_homonym(name: &str, existing: &str) -> String {
    format!(
        "{existing} est déjà dans le réseau. Ajouter quand même une autre personne nommée {name} ?"
    )
}
pub fn role_replaced(given: &str, former: &str) -> String {
    format!("{given} ; son rôle de {former} y prend fin")
}
pub fn role_ended(name: &str, role: &str, circle: &str, until: &str) -> String {
    format!("{name} : {role} du cercle {circle}, fin le {until}")
}
pub fn confirm_return(name: &str) -> String {
    format!("{name} revient dans le réseau ? Ses anciens rôles restent terminés.")
}
pub fn person_returned(name: &str) -> String {
    format!("{name} revient dans le réseau ; + pour lui donner un rôle")
}
pub fn person_left(name: &str, on: &str) -> String {
    format!("{name} quitte le réseau le {on} ; l'historique reste")
}
pub fn changed_meanwhile(keys: &FormKeys) -> String {
    format!(
        "modifié ailleurs entre-temps : rien n'a été enregistré ; la fiche à jour est derrière, {} enregistre votre saisie",
        keys.save
    )
}
