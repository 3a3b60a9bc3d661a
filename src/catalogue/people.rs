//! People, memberships and their contact details.

pub fn phone_character(input: &str, found: &str) -> String {
    format!(
        "« {input} » n'est pas un numéro de téléphone : « {found} » n'y a pas sa place (écrivez par exemple 06 12 34 56 78)"
    )
}
pub fn phone_french_length(input: &str) -> String {
    format!(
        "« {input} » n'est pas un numéro français : il faut 10 chiffres, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78"
    )
}
pub fn phone_foreign_length(input: &str) -> String {
    format!(
        "« {input} » n'est pas un numéro international valable : +indicatif puis le numéro, 15 chiffres au plus"
    )
}
pub fn phone_spreadsheet_number(input: &str) -> String {
    format!(
        "« {input} » : le tableur a changé ce numéro en nombre ; mettez la colonne au format Texte et retapez le numéro (06 12 34 56 78)"
    )
}
pub fn phone_national(input: &str) -> String {
    format!(
        "« {input} » n'est pas un numéro français : il commence par 0 (06 12 34 56 78), ou par + pour l'étranger"
    )
}
pub fn email_invalid(input: &str) -> String {
    format!("« {input} » n'est pas une adresse e-mail : écrivez par exemple prenom.nom@example.org")
}
pub fn email_too_long(input: &str) -> String {
    format!("« {input} » est trop longue pour une adresse e-mail (254 caractères au plus)")
}

/// A field's name as a form or an import error names it.
pub const FIELD_LAST_NAME: &str = "nom";
pub const FIELD_FIRST_NAME: &str = "prénom";
pub const FIELD_EMAIL: &str = "e-mail";
pub const FIELD_PHONE: &str = "téléphone";
pub const FIELD_COMMUNE: &str = "commune";
pub const FIELD_KIND: &str = "type";
pub const FIELD_CONFIDENTIALITY: &str = "accord de confidentialité signé le";
pub const FIELD_MISSION: &str = "fiche-mission acceptée le";
pub const FIELD_NOTES: &str = "notes";
pub const FIELD_SINCE: &str = "depuis le";
pub const FIELD_UNTIL: &str = "fin le";
pub const FIELD_TERM_END: &str = "fin de mandat";
pub const FIELD_LEFT_ON: &str = "départ le";

/// `field : message`, the shape of every validation error of a form.
pub fn field_error(field: &str, message: &str) -> String {
    format!("{field} : {message}")
}
pub const LAST_NAME_REQUIRED: &str = "le nom est obligatoire";
pub fn date_in_future(date: &str) -> String {
    format!("{date} est dans le futur")
}

pub const KIND_BENEVOLE: &str = "bénévole";
pub const KIND_SALARIE: &str = "salarié·e";
pub const KIND_PRESTATAIRE: &str = "prestataire";
pub const KIND_ELU: &str = "élu·e";
pub const ROLE_CO_REFERENT: &str = "co-référent·e";
pub const ROLE_MEMBRE_ACTIF: &str = "membre actif·ve";
pub fn bad_kind(input: &str) -> String {
    format!("« {input} » n'est pas un type : bénévole, salarié·e, prestataire ou élu·e")
}
pub fn bad_role(input: &str) -> String {
    format!("« {input} » n'est pas un rôle de cercle : co-référent·e ou membre actif·ve")
}

pub const THE_PERSON: &str = "la personne";
pub const THE_MEMBERSHIP: &str = "le rôle";
/// Said of the e-mail field (its name comes before it).
pub fn email_taken(email: &str, who: &str) -> String {
    format!("l'adresse « {email} » est déjà celle de {who}")
}
pub fn person_not_found(query: &str) -> String {
    format!("aucune personne ne correspond à « {query} » (numéro, e-mail, ou « Prénom Nom » exact)")
}
pub fn person_ambiguous(query: &str, matches: &[String]) -> String {
    format!(
        "« {query} » désigne plusieurs personnes : {} ; précisez avec le numéro ou l'e-mail",
        matches.join(", ")
    )
}
pub fn person_left(name: &str) -> String {
    format!("{name} a quitté le réseau : rien n'a été changé")
}
pub fn already_left(name: &str, on: &str) -> String {
    format!("{name} a déjà quitté le réseau le {on}")
}
pub fn duplicate_role(name: &str, role: &str, circle: &str) -> String {
    format!("{name} est déjà {role} du cercle {circle} : rien n'a été ajouté")
}
pub fn derived_circle(circle: &str) -> String {
    format!(
        "on ne devient pas membre du cercle {circle} directement : il réunit les co-référent·es de tous les cercles"
    )
}
pub fn circle_closed(circle: &str) -> String {
    format!("le cercle {circle} est fermé : rouvrez-le d'abord")
}
// Said of a field (its name comes before it): `until_before_since`, `term_before_since`,
// `date_to_come`, `later_role`, `left_before_arrival`.
pub fn until_before_since(until: &str, since: &str) -> String {
    format!("{until} est avant le début du rôle ({since})")
}
pub fn term_before_since(term: &str, since: &str) -> String {
    format!("{term} est avant le début du rôle ({since})")
}
pub fn date_to_come(on: &str, today: &str) -> String {
    format!("le {on} est une date à venir ; cela se note le jour venu (aujourd'hui : {today})")
}
pub fn in_future(field: &str, on: &str, today: &str) -> String {
    field_error(field, &date_to_come(on, today))
}
pub fn later_role(name: &str, role: &str, circle: &str, since: &str) -> String {
    format!(
        "{name} est {role} du cercle {circle} depuis le {since}, plus tard ; un nouveau rôle commence après"
    )
}
pub fn role_already_ended(on: &str) -> String {
    format!("ce rôle a déjà pris fin le {on}")
}
pub fn left_before_arrival(on: &str) -> String {
    format!("{on} est avant le début d'un de ses rôles")
}
pub fn display_name(first: &str, last: &str) -> String {
    if first.is_empty() {
        last.to_string()
    } else {
        format!("{first} {last}")
    }
}
