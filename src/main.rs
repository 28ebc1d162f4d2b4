//! The `orgbook` binary: parse the command line, run the subcommand, exit with its code.

mod cli;
mod cmd;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    let code = match cli.command {
        cli::Command::Build(args) => cmd::build::execute(args),
        cli::Command::Check(args) => cmd::check::execute(args),
        cli::Command::Serve(args) => cmd::serve::execute(args),
        cli::Command::Init(args) => cmd::init::execute(args),
        cli::Command::New(command) => cmd::new::execute(command),
        cli::Command::Import(command) => cmd::import::execute(command),
        cli::Command::Export(command) => cmd::export::execute(command),
        cli::Command::Diff(args) => cmd::diff::execute(args),
    };
    std::process::ExitCode::from(code)
}
