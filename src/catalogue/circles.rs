//! Circles, working groups, work log and decisions.

pub const THE_CIRCLE: &str = "le cercle";
pub const NAME_REQUIRED: &str = "le nom du cercle est obligatoire";
pub fn name_taken(name: &str) -> String {
    format!("un cercle s'appelle déjà « {name} » : choisissez un autre nom")
}
pub const COORDINATION_STAYS: &str =
    "le cercle de coordination ne se ferme pas : il réunit les co-référent·es de tous les cercles";
