//! The Rencontres tab: its list, detail, checklist, "mes tâches" and forms.

use super::words::plural;

pub const TITLE: &str = "Rencontres";
pub const GROUP: &str = "Rencontres";
pub const GROUP_SECTIONS: &str = "Rencontres : une rencontre";
pub const GROUP_TASKS: &str = "Rencontres : liste de tâches";
pub const GROUP_WORKSHOPS: &str = "Rencontres : ateliers";
pub const GROUP_EVENT_PARTNERS: &str = "Rencontres : partenaires d'une rencontre";
pub const GROUP_PARTNERS: &str = "Suivi des partenariats";
pub const GROUP_MY_TASKS: &str = "Rencontres : mes tâches";

pub const ACT_ADD: &str = "nouvelle rencontre";
pub const ACT_TEMPLATE: &str = "appliquer la liste type";
pub const ACT_KIND_FILTER: &str = "filtrer par type de rencontre";
pub const ACT_MY_TASKS: &str = "mes tâches";
pub const ACT_DELETE: &str = "supprimer";
pub const ACT_TASKS: &str = "ouvrir : tâches, ateliers, partenaires";
pub const ACT_PREV_YEAR: &str = "l'année précédente seulement";
pub const ACT_NEXT_YEAR: &str = "l'année suivante seulement";
pub const ACT_ADD_TASK: &str = "ajouter une tâche";
pub const ACT_TASK_STATUS: &str = "état suivant";
pub const ACT_OPEN_EVENT: &str = "voir la rencontre";
pub const ACT_ADD_WORKSHOP: &str = "ajouter un atelier";
pub const ACT_LINK_PARTNER: &str = "associer un partenaire";
pub const ACT_ADD_PARTNER: &str = "nouveau partenaire";
pub const ACT_PARTNERS: &str = "suivi des partenariats";
pub const ACT_PARTNER_KIND: &str = "filtrer par type de partenariat";
pub const ACT_LACKING: &str = "sans co-garant·e seulement";

pub const CHIP_KIND: &str = "type";
pub const CHIP_YEAR: &str = "année";
pub const CHIP_MY_TASKS: &str = "mes tâches";

/// `24 rencontres · 3 à venir`.
pub fn counts(events: usize, upcoming: usize) -> String {
    format!(
        "{} · {upcoming} à venir",
        plural(events as i64, "rencontre", "rencontres")
    )
}

/// `12 sur 24 rencontres`.
pub fn filtered(shown: usize, total: usize) -> String {
    format!(
        "{shown} sur {}",
        plural(total as i64, "rencontre", "rencontres")
    )
}

/// Months in a list's narrow date column (`déc. 2025`).
pub const MONTHS_SHORT: [&str; 12] = [
    "janv.", "févr.", "mars", "avril", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

pub fn month_short(month: u32, year: i32) -> String {
    let name = MONTHS_SHORT
        .get(month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("");
    format!("{name} {year}")
}

pub const UPCOMING: &str = "À venir";
pub const PAST: &str = "Passées";
pub const UNDATED: &str = "non datée";
pub const NOTHING_SELECTED: &str = "aucune rencontre sélectionnée";
pub const NO_TASK_SELECTED: &str = "aucune tâche sélectionnée";
/// No event yet: `add` is the key that adds one.
pub fn no_event(add: &str) -> String {
    format!("aucune rencontre pour l'instant : {add} pour en ajouter une")
}
pub const NO_MATCH: &str = "aucune rencontre ne correspond aux filtres";
pub const OVERDUE_MARK: &str = "!";

// --- detail ------------------------------------------------------------------------------------

pub const LABEL_KIND: &str = "Type";
pub const LABEL_WHEN: &str = "Date";
pub const LABEL_PLACE: &str = "Lieu";
pub const LABEL_STATUS: &str = "Statut";
pub const LABEL_CO_ORGANISERS: &str = "Co-organisation";
pub const LABEL_PARTNERS: &str = "Partenaires";
pub const SECTION_FIGURES: &str = "Participation";
pub const SECTION_TASKS: &str = "Liste de tâches";
pub const SECTION_DESCRIPTION: &str = "Description";
/// An empty checklist: the keys that apply the template and add a task.
pub fn no_tasks(template: &str, add: &str) -> String {
    format!("aucune tâche : {template} applique la liste type, {add} en ajoute une")
}
pub const NO_FIGURES: &str = "pas encore de chiffres";
pub const NOBODY: &str = "personne";
pub const NO_DUE: &str = "sans échéance";

/// `Dijon, 2025 (non datée)`.
pub fn undated_in(year: i32) -> String {
    format!("{year} ({UNDATED})")
}

/// `7 sur 10 faites`, `3 en retard`.
pub fn progress(done: u32, total: u32, overdue: u32) -> String {
    let mut s = format!("{done} sur {total} faites");
    if overdue > 0 {
        s.push_str(&format!(" · {overdue} en retard"));
    }
    s
}

/// A figure of the detail: `participants : 450`.
pub fn figure(label: &str, value: u32) -> String {
    format!("{label} : {value}")
}

// --- mes tâches --------------------------------------------------------------------------------

pub const MY_TASKS_TITLE: &str = "Mes tâches";
pub const COLUMN_EVENT: &str = "rencontre";
pub const MY_TASKS_NONE: &str = "aucune tâche ne vous est confiée";

/// The user is linked to no person: say how.
pub fn not_linked(user: &str) -> String {
    format!(
        "votre compte ({user}) n'est lié à aucune personne : l'admin le lie avec \
         « cercles users link {user} \"Prénom Nom\" »"
    )
}

/// `Mes tâches d'Amandine Barbier · 2 ouvertes`.
pub fn my_tasks_header(name: &str, open: usize) -> String {
    format!(
        "{MY_TASKS_TITLE} {} · {}",
        super::words::de(name),
        plural(open as i64, "ouverte", "ouvertes")
    )
}

// --- forms and messages ------------------------------------------------------------------------

pub const FORM_ADD: &str = "Nouvelle rencontre";
pub const FORM_ADD_TASK: &str = "Nouvelle tâche";
pub const FIELD_YEAR_HINT: &str = "année (sans date)";
pub const NO_OWNER: &str = "(personne)";
pub const NO_CIRCLE: &str = "(aucun)";
pub const EVENT_HINT: &str = "dates : 13/12/2025 ou « juin 2025 » ; sans date, l'année suffit";
pub const TASK_HINT: &str = "responsable : tapez une partie du nom";
pub const CONFLICT_TITLE: &str = "Rencontre modifiée ailleurs";
pub const CONFLICT: &str =
    "quelqu'un d'autre a modifié cette fiche : choisissez champ par champ ce qu'on garde";
pub const GONE: &str = "cette fiche a été supprimée entre-temps";
pub const CHANGED_ELSEWHERE: &str = "cette fiche vient d'être modifiée dans une autre session";
pub const YEAR_NOT_A_NUMBER: &str = "l'année s'écrit en chiffres (2025)";
pub const FIGURE_NOT_A_NUMBER: &str = "un nombre entier, ou rien s'il n'est pas connu";

pub fn form_edit(title: &str) -> String {
    format!("Rencontre : {title}")
}

pub fn form_edit_task(title: &str) -> String {
    format!("Tâche : {title}")
}

pub fn added(title: &str) -> String {
    format!("rencontre « {title} » ajoutée")
}

pub fn saved(title: &str) -> String {
    format!("rencontre « {title} » enregistrée")
}

/// The event's date moved: tasks moved along, or kept.
pub fn moved(title: &str, replanned: usize) -> String {
    if replanned == 0 {
        saved(title)
    } else {
        format!(
            "rencontre « {title} » enregistrée, {} avec elle",
            plural(replanned as i64, "tâche décalée", "tâches décalées")
        )
    }
}

/// The question asked when the start of an event with open tasks moves.
pub fn replan_question(open: usize, days: i64) -> String {
    let shift = if days >= 0 {
        format!("{} plus tard", plural(days, "jour", "jours"))
    } else {
        format!("{} plus tôt", plural(-days, "jour", "jours"))
    };
    format!(
        "La date de la rencontre change ({shift}). Décaler aussi les échéances de {} ?",
        plural(open as i64, "tâche non faite", "tâches non faites")
    )
}

pub fn task_added(title: &str) -> String {
    format!("tâche « {title} » ajoutée")
}

pub fn task_saved(title: &str) -> String {
    format!("tâche « {title} » enregistrée")
}

pub fn task_status(title: &str, status: &str) -> String {
    format!("« {title} » : {status}")
}

pub fn template_applied(n: usize, title: &str) -> String {
    format!(
        "{} à « {title} »",
        plural(n as i64, "tâche ajoutée", "tâches ajoutées")
    )
}

/// The kind has no template: say which kinds have one.
pub const NO_TEMPLATE_FOR_KIND: &str = "pas de liste type pour ce type de rencontre (il y en a pour les rencontres locales, nationales et les visios Municipales Assistance)";

pub fn template_again(title: &str, tasks: u32) -> String {
    format!(
        "« {title} » a déjà {} : appliquer la liste type en ajoute d'autres. Continuer ?",
        plural(i64::from(tasks), "tâche", "tâches")
    )
}

pub fn delete_event_question(title: &str, tasks: u32) -> String {
    if tasks == 0 {
        format!("Supprimer la rencontre « {title} » ?")
    } else {
        format!(
            "Supprimer la rencontre « {title} » et {} ?",
            plural(i64::from(tasks), "sa tâche", "ses tâches")
        )
    }
}

pub fn delete_task_question(title: &str) -> String {
    format!("Supprimer la tâche « {title} » ?")
}

pub fn deleted(title: &str) -> String {
    format!("« {title} » supprimée")
}

// --- workshops and partners --------------------------------------------------------------------

pub const SECTION_TASKS_SHORT: &str = "Tâches";
pub const SECTION_WORKSHOPS: &str = "Ateliers";
pub const SECTION_PARTNERS: &str = "Partenaires";
pub const NEXT_SECTION: &str = "section suivante";
pub const LABEL_LINKED: &str = "Partenaires associés";
pub const COLUMN_SLOT: &str = "créneau";
pub const COLUMN_ROOM: &str = "salle";
pub const COLUMN_WORKSHOP: &str = "atelier";
pub const COLUMN_FACILITATORS: &str = "animé par";
pub const COLUMN_ROLE: &str = "rôle";
pub const COLUMN_PARTNER: &str = "partenaire";
pub const COLUMN_KIND: &str = "type";
pub const NO_WORKSHOP_SELECTED: &str = "aucun atelier sélectionné";
pub const NO_PARTNER_SELECTED: &str = "aucun partenaire sélectionné";
pub const NO_PARTNER_YET: &str =
    "aucun partenaire enregistré : créez-le d'abord dans le suivi des partenariats";
pub const NO_PARTNER_MATCH: &str = "aucun partenaire ne correspond aux filtres";
pub const CHIP_LACKING: &str = "sans co-garant·e";
pub const LABEL_GARANT_EMPLOYEE: &str = "Co-garant·e salarié·e";
pub const LABEL_GARANT_COREF: &str = "Co-garant·e co-référent·e";
pub const LABEL_CONTACT: &str = "Contact";
pub const NO_GARANT: &str = "personne";
pub const LACKS_GARANT: &str =
    "il manque un·e co-garant·e : le réseau en désigne deux pour chaque partenariat";
pub const CONTACT_HIDDEN: &str = "(coordonnées masquées pour le rôle lecture)";
pub const SECTION_EVENTS: &str = "Rencontres";
pub const SECTION_NOTES: &str = "Notes";
pub const NO_EVENT_OF_PARTNER: &str = "associé à aucune rencontre pour l'instant";
pub const FORM_ADD_PARTNER: &str = "Nouveau partenaire";
pub const FORM_ADD_WORKSHOP: &str = "Nouvel atelier";
pub const FORM_LINK: &str = "Associer un partenaire à la rencontre";
pub const FIELD_PARTNER: &str = "partenaire";
pub const FIELD_ROLE: &str = "rôle";
pub const PARTNER_HINT: &str = "co-garant·es : tapez une partie du nom";
pub const WORKSHOP_HINT: &str = "créneau et salle comme on les écrit (samedi 10h–12h, salle B)";
pub const LINK_HINT: &str = "partenaire : tapez une partie de son nom";
pub const PICK_A_PARTNER: &str = "choisissez un partenaire de la liste";

/// No workshop yet: `add` adds one.
pub fn no_workshops(add: &str) -> String {
    format!("aucun atelier : {add} en ajoute un")
}

/// No partner associated yet: `add` associates one.
pub fn no_links(add: &str) -> String {
    format!("aucun partenaire associé : {add} en associe un")
}

/// No partner at all yet: `add` creates one.
pub fn no_partner(add: &str) -> String {
    format!("aucun partenaire pour l'instant : {add} pour en créer un")
}

pub const PARTNERS_TITLE: &str = "Partenaires";

/// After the title: `17 · 2 sans co-garant·e`, or `3 sur 17 partenaires` when filtered.
pub fn partner_counts(shown: usize, total: usize, lacking: usize) -> String {
    if shown == total {
        format!("{total} · {lacking} sans co-garant·e")
    } else {
        format!(
            "{shown} sur {}",
            plural(total as i64, "partenaire", "partenaires")
        )
    }
}

pub fn form_partner(name: &str) -> String {
    format!("Partenaire : {name}")
}

pub fn form_workshop(title: &str) -> String {
    format!("Atelier : {title}")
}

pub fn partner_saved(name: &str) -> String {
    format!("partenaire « {name} » enregistré")
}

pub fn workshop_saved(title: &str) -> String {
    format!("atelier « {title} » enregistré")
}

pub fn linked(name: &str, role: &str) -> String {
    format!("« {name} » associé comme {role}")
}

pub fn unlinked(name: &str) -> String {
    format!("« {name} » n'est plus associé à la rencontre")
}

pub fn unlink_question(name: &str) -> String {
    format!("Retirer « {name} » des partenaires de la rencontre ? (le partenaire reste enregistré)")
}

pub fn delete_workshop_question(title: &str) -> String {
    format!("Supprimer l'atelier « {title} » ?")
}

pub fn delete_partner_question(name: &str, events: usize) -> String {
    if events == 0 {
        format!("Supprimer le partenaire « {name} » ?")
    } else {
        format!(
            "Supprimer le partenaire « {name} » ? Il sera retiré de {}.",
            plural(events as i64, "rencontre", "rencontres")
        )
    }
}
