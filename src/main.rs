//! Entry point: parse the command line, run it, print one clear line on error.

fn main() {
    let outcome = cercles::cli::parse().and_then(cercles::cli::run);
    if let Err(e) = outcome {
        if e.exit_code() == 1 {
            cercles::log::error(&e.to_string());
        }
        eprintln!(
            "cercles : {}",
            cercles::text::escape_for_terminal(&e.to_string())
        );
        std::process::exit(e.exit_code());
    }
}
