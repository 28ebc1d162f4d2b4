//! For the unit tests that guard against quadratic steps: the CPU time the calling thread
//! spent on a piece of work. Wall time also counts the time other processes had the
//! cores, so on a loaded machine (a CI runner, two builds at once) a wall-clock bound fails
//! for no fault of the code; this thread's CPU time does not grow with the load.

use std::time::Duration;

/// Runs `work` and returns its result with the CPU time this thread spent in it. Only for
/// work done on the calling thread (no rayon inside).
pub fn cpu_time_of<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let started = thread_cpu_time();
    let out = work();
    (out, thread_cpu_time().saturating_sub(started))
}

/// Asserts that the CPU time `cost(n)` reports grows about linearly with `n`: four times
/// the input may cost up to eight times the time (a quadratic step costs sixteen), plus
/// 50 ms, so that timer noise on small figures does not fail it. `cost` is run once at
/// `n / 4` first, so the measured runs find the allocator and caches warm; it builds its
/// input untimed and returns only the time of the step under test (see `cpu_time_of`).
/// `what` names the unit of `n` in the failure message ("links", "headings").
pub fn assert_grows_linearly(what: &str, n: usize, cost: impl Fn(usize) -> Duration) {
    cost(n / 4);
    let small = cost(n);
    let large = cost(4 * n);
    assert!(
        large < small * 8 + Duration::from_millis(50),
        "{small:?} for {n} {what}, {large:?} for {} {what}: more than linear",
        4 * n
    );
}

fn thread_cpu_time() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec to write to; the clock id is a constant of the OS.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sleeping_costs_no_cpu_and_work_does() {
        let ((), slept) = cpu_time_of(|| std::thread::sleep(Duration::from_millis(200)));
        assert!(slept < Duration::from_millis(100), "{slept:?}");
        // A fixed amount of work takes CPU time however loaded the machine is.
        let (sum, worked) = cpu_time_of(|| {
            let mut sum = 0u64;
            for i in 0..20_000_000u64 {
                sum = sum.wrapping_add(std::hint::black_box(i) | 1);
            }
            sum
        });
        assert!(sum > 0);
        assert!(worked >= Duration::from_millis(1), "{worked:?}");
    }

    fn work(steps: usize) -> Duration {
        cpu_time_of(|| {
            let mut sum = 0u64;
            for i in 0..steps as u64 {
                sum = sum.wrapping_add(std::hint::black_box(i) | 1);
            }
            sum
        })
        .1
    }

    #[test]
    fn linear_work_passes_and_quadratic_work_fails() {
        assert_grows_linearly("steps", 2_000_000, work);
        let quadratic = std::panic::catch_unwind(|| {
            assert_grows_linearly("steps", 2_000, |n| work(n * n));
        });
        assert!(quadratic.is_err(), "a quadratic step was taken for linear");
    }
}
