//! The `orgbook` binary: parse the command line, run the subcommand, exit with its code.

#[macro_use]
extern crate orgbook;

mod cli;
mod cmd;

use clap::Parser;

/// jemalloc instead of the system allocator. A build allocates and frees millions of small
/// strings across threads; under glibc's malloc that cost 6–12 % more CPU at 10,000 pages,
/// and freeing each body as soon as it is used (which halves the peak memory) cost 13–22 %
/// more, because its free lists grow long; under jemalloc it costs nothing
/// (docs/performance.md, "Allocator and memory").
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Return freed pages to the system after 100 ms instead of jemalloc's default 10 s: a build
/// frees each page once written, and keeping ten seconds' worth of them resident raised the
/// peak by 10–40 MiB for no measurable speed. On Linux, one arena per CPU instead of four:
/// a build's few threads otherwise spread their freed pages over arenas that keep them
/// apart; per CPU it scales with the machine, unlike a fixed count (peak −8 MiB on the
/// teams shape, −11 MiB on the default one, CPU unchanged; docs/performance.md, "Allocator
/// and memory"). The `_RJEM_MALLOC_CONF` environment variable still overrides both.
#[cfg(all(not(target_env = "msvc"), target_os = "linux"))]
#[unsafe(export_name = "_rjem_malloc_conf")]
static MALLOC_CONF: &[u8; 39] = b"percpu_arena:percpu,dirty_decay_ms:100\0";
/// As above, without per-CPU arenas, which jemalloc supports on Linux only.
#[cfg(all(not(target_env = "msvc"), not(target_os = "linux")))]
#[unsafe(export_name = "_rjem_malloc_conf")]
static MALLOC_CONF: &[u8; 19] = b"dirty_decay_ms:100\0";

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
