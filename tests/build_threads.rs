//! A build joins every thread it starts, also when it stops early on errors. The `handbook`
//! fuzz target found the opposite (LeakSanitizer, 2026-12-02): the thread reading the git
//! history was never joined when a broken `orgbook.toml` stopped the build before
//! rendering, so it outlived the build. Its own test binary, because it counts this
//! process's threads, which the other tests' builds would disturb.

#[cfg(target_os = "linux")]
#[test]
fn a_build_that_stops_on_errors_leaves_no_thread_running() {
    // The fuzz input, split as the fuzz target splits it.
    let input = include_str!("fixtures/fuzz/handbook-leak-git-thread.txt");
    let files = [
        "orgbook.toml",
        "content/teams/platform.md",
        "content/decisions/0001-use-postgres.md",
        "content/guide/setup.md",
        "content/_index.md",
    ];
    // A `git` that answers slowly, so a thread left waiting for it is still there when the
    // build returns.
    let bin = tempfile::tempdir().unwrap();
    let git = bin.path().join("git");
    std::fs::write(&git, "#!/bin/sh\nsleep 0.5\nexit 1\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&git, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // SAFETY: this test binary has this one test, so no other thread reads the environment.
    unsafe { std::env::set_var("PATH", path) };

    let dir = tempfile::tempdir().unwrap();
    let mut parts = input.split("\n%%\n");
    for f in files {
        let path = dir.path().join(f);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, parts.next().unwrap_or("")).unwrap();
    }
    let threads = || std::fs::read_dir("/proc/self/task").unwrap().count();
    let build = || orgbook::site::build(dir.path(), orgbook::render::RenderOptions::default());
    // The first build starts the worker pool, which stays.
    assert!(build().has_errors(), "the fuzz input is a broken handbook");
    let before = threads();
    for round in 0..3 {
        let site = build();
        assert!(site.has_errors());
        assert!(
            site.diagnostics
                .iter()
                .any(|d| d.file == "orgbook.toml" && d.is_error()),
            "round {round}: the error is located in orgbook.toml"
        );
        assert_eq!(
            threads(),
            before,
            "round {round}: a thread outlived the build"
        );
    }
}
