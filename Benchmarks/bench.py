"""recon benchmarks side by side with the pandas pipeline (run by `make bench`; see README.md).

Each benchmark is one whole process, run once to warm up and then BENCH_RUNS times (default 5);
wall time, CPU time (user + sys) and peak RSS come from os.wait4 on the child, and the table
shows medians. The last line printed is the ratios line; out/bench/results.json has everything.

Environment: BENCH_RUNS (5), BENCH_FIRMS (35000), BENCH_SEED (1), BENCH_PANEL (benchmark this
panel instead of generating one), RECON (.build/release/recon). Run from the repository root.
"""

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RECON = os.environ.get("RECON", ".build/release/recon")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
FIRMS = int(os.environ.get("BENCH_FIRMS", "35000"))
SEED = int(os.environ.get("BENCH_SEED", "1"))
FIRST, LAST, MIN_ROWS = 1979, 2025, 4_000_000
CACHE, OUT = ".cache/bench", "out/bench"
DATA = "../shared/data/2025"
UNIVERSE = f"{DATA}/nasdaq_screener_2025-05-23.csv"
PRIORS = [f"{DATA}/IWM_2025-05-13.csv", f"{DATA}/IWV_2025-05-02.csv"]
BANDS = [f"{i * 0.0005:.4f}" for i in range(100)]  # 100 band widths: 0, 0.0005, ..., 0.0495
PY = sys.executable


class BenchError(Exception):
    pass


def run(command: list[str], out_dir: str | None = None, discard_stdout: bool = False) -> dict:
    """Runs one process to completion; returns its wall, CPU (user + sys) and peak RSS."""
    if out_dir:
        shutil.rmtree(out_dir, ignore_errors=True)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        sink = subprocess.DEVNULL if discard_stdout else out
        child = subprocess.Popen(command, stdout=sink, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        out.seek(0)
        stderr, stdout = err.read().decode(errors="replace"), out.read().decode(errors="replace")
    if child.returncode != 0:
        tail = "\n".join((stderr or stdout).strip().splitlines()[-15:])
        raise BenchError(f"command failed (exit {child.returncode}): {' '.join(command[:12])}"
                         f"{' …' if len(command) > 12 else ''}\n{tail}")
    if out_dir and not (os.path.isdir(out_dir) and os.listdir(out_dir)):
        raise BenchError(f"command wrote nothing to {out_dir}: {' '.join(command[:12])}")
    return {"wall_ms": wall * 1e3, "cpu_ms": (usage.ru_utime + usage.ru_stime) * 1e3,
            "peak_mb": usage.ru_maxrss * 1024 / 1e6, "stdout": stdout}


def recon_has(command: str) -> str | None:
    """`recon help COMMAND`: its help text, or None when this build has no such command."""
    if not os.access(RECON, os.X_OK):
        raise BenchError(f"{RECON} not found: build it with `make build` (or `swift build -c release --product recon`)")
    done = subprocess.run([RECON, "help", command], capture_output=True, text=True)
    if done.returncode != 0 or not done.stdout.strip():
        return None
    return done.stdout


def panel_file(have_generate: bool) -> tuple[str | None, str]:
    """The CRSP panel to benchmark: BENCH_PANEL, the cached one, or a new one from `recon generate`."""
    if os.environ.get("BENCH_PANEL"):
        return os.environ["BENCH_PANEL"], "BENCH_PANEL"
    path = f"{CACHE}/panel-{FIRST}-{LAST}-s{SEED}.csv"
    if os.path.exists(path):
        return path, "cached"
    if not have_generate:
        return None, "recon generate is not available and no cached panel or BENCH_PANEL"
    os.makedirs(CACHE, exist_ok=True)
    firms = FIRMS
    for _ in range(3):  # grow --firms until the panel has at least MIN_ROWS rows
        print(f"generating the panel: recon generate --firms {firms} --seed {SEED} …", flush=True)
        partial = path + ".partial"
        took = run([RECON, "generate", "--from", str(FIRST), "--to", str(LAST), "--firms", str(firms),
                    "--seed", str(SEED), "--out", partial])
        rows = count_rows(partial)
        print(f"  {rows:,} rows in {took['wall_ms'] / 1e3:.1f} s")
        if rows >= MIN_ROWS:
            os.replace(partial, path)
            return path, f"generated with --firms {firms}"
        firms = int(firms * MIN_ROWS * 1.05 / max(rows, 1)) + 1
    raise BenchError(f"recon generate made fewer than {MIN_ROWS:,} rows even with --firms {firms}")


def count_rows(path: str) -> int:
    with open(path, "rb") as f:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b"")) - 1


def measure(name: str, command: list[str], out_dir: str | None, discard_stdout: bool) -> dict:
    print(f"{name}: warm-up + {RUNS} runs", flush=True)
    first = run(command, out_dir, discard_stdout)  # warm-up: page cache, binary and Python modules loaded
    runs = [run(command, out_dir, discard_stdout) for _ in range(RUNS)]
    result = {"command": " ".join(command[:20]) + (" …" if len(command) > 20 else "")}
    for key in ("wall_ms", "cpu_ms", "peak_mb"):
        result[key] = [round(r[key], 1) for r in runs]
        result["median_" + key] = round(statistics.median(result[key]), 1)
    result["output"] = first["stdout"].strip().splitlines()[-3:]
    return result


def machine() -> dict:
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    return {"cores": os.cpu_count(), "cpu": model, "platform": platform.platform(),
            "python": platform.python_version(), "pandas": pandas_version()}


def pandas_version() -> str:
    # In a child: importing pandas here would grow this process, and Linux counts the parent's
    # RSS at fork in each child's ru_maxrss (so this harness stays small: ~10 MB).
    done = subprocess.run([PY, "-c", "import pandas; print(pandas.__version__)"], capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"pandas is not installed for {PY}: run `make bench`, which installs "
                         "Benchmarks/requirements.txt into Benchmarks/.venv")
    return done.stdout.strip()


def ratio(a: dict, b: dict, fmt: str = "{:.1f}x") -> str:
    if "median_wall_ms" not in a or "median_wall_ms" not in b:
        return "n/a"
    return fmt.format(a["median_wall_ms"] / b["median_wall_ms"])


def main() -> int:
    info = machine()
    have = {c: recon_has(c) for c in ("generate", "reconstitute", "replay")}
    panel, panel_note = panel_file(have["generate"] is not None)
    results: dict[str, dict] = {}

    def bench(name: str, command: list[str] | None, out_dir: str | None = None, skip: str | None = None,
              discard_stdout: bool = False):
        if skip:
            print(f"{name}: SKIPPED ({skip})", flush=True)
            results[name] = {"skipped": skip}
        else:
            results[name] = measure(name, command, out_dir, discard_stdout)

    no_panel = None if panel else f"no panel: {panel_note}"
    if panel:
        print(f"panel: {panel} ({panel_note}; {count_rows(panel):,} rows, "
              f"{os.path.getsize(panel) / 1e6:,.0f} MB)", flush=True)
        run(["cat", panel], discard_stdout=True)  # the panel into the page cache before any timing
    bench("floor_read_panel", ["cat", panel] if panel else None, skip=no_panel, discard_stdout=True)

    real_data = os.path.exists(UNIVERSE) and all(map(os.path.exists, PRIORS))
    snapshot_args = (["--year", "2025", "--universe", UNIVERSE] + sum((["--prior", p] for p in PRIORS), [])
                     if real_data else ["--year", "2024"])
    bench("recon_snapshot", [RECON, "reconstitute", *snapshot_args, "--out", f"{OUT}/recon-snapshot"],
          f"{OUT}/recon-snapshot", None if have["reconstitute"] else "recon has no 'reconstitute' command yet")
    bench("pandas_snapshot", [PY, "Benchmarks/reference/snapshot.py", "--universe", UNIVERSE,
                              *sum((["--prior", p] for p in PRIORS), []), "--out", f"{OUT}/pandas-snapshot"],
          f"{OUT}/pandas-snapshot", None if real_data else f"{DATA} is absent (recon uses its embedded market)")

    replay_args = ["--from", str(FIRST), "--to", str(LAST), "--panel", panel or ""]
    no_replay = no_panel or (None if have["replay"] else "recon has no 'replay' command yet")
    bench("recon_replay", [RECON, "replay", *replay_args, "--out", f"{OUT}/recon-replay"],
          f"{OUT}/recon-replay", no_replay)
    bench("pandas_replay", [PY, "Benchmarks/reference/replay.py", *replay_args, "--out", f"{OUT}/pandas-replay"],
          f"{OUT}/pandas-replay", no_panel)
    no_sweep = no_replay or (None if "--variant" in have["replay"] else "recon replay has no --variant option yet")
    # A sweep is read from variants.csv (and history.csv): --history-only, as a researcher
    # comparing 100 band widths runs it, skips the published replay's 47 run folders.
    bench("recon_sweep_100", [RECON, "replay", *replay_args, "--out", f"{OUT}/recon-sweep", "--history-only",
                              *sum((["--variant", f"band={b}"] for b in BANDS), [])],
          f"{OUT}/recon-sweep", no_sweep)

    print(f"\n{'benchmark':<18} {'wall ms':>10} {'cpu ms':>10} {'peak MB':>9}   (medians of {RUNS}; "
          f"{info['cores']} cores; warm page cache)")
    for name, r in results.items():
        if "skipped" in r:
            print(f"{name:<18} {'skipped':>10}")
        else:
            print(f"{name:<18} {r['median_wall_ms']:>10,.0f} {r['median_cpu_ms']:>10,.0f} {r['median_peak_mb']:>9,.0f}")

    replay, floor = results["recon_replay"], results["floor_read_panel"]
    ratios = {
        "replay_vs_pandas": ratio(results["pandas_replay"], replay),
        "replay_vs_floor": ratio(replay, floor),
        "snapshot_ms": f"{results['recon_snapshot']['median_wall_ms']:.0f}"
        if "median_wall_ms" in results["recon_snapshot"] else "n/a",
        "sweep_vs_replay": ratio(results["recon_sweep_100"], replay),
        "peak_mb": f"{replay['median_peak_mb']:.0f}" if "median_peak_mb" in replay else "n/a",
    }
    os.makedirs(OUT, exist_ok=True)
    with open(f"{OUT}/results.json", "w") as f:
        json.dump({"machine": info, "runs": RUNS, "panel": {"path": panel, "source": panel_note},
                   "floor": "cat PANEL > /dev/null", "benchmarks": results, "ratios": ratios}, f, indent=2)
    print(f"\nresults: {OUT}/results.json")
    print(" ".join(f"{k}={v}" for k, v in ratios.items()))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as e:
        print(f"bench: error: {e}", file=sys.stderr)
        sys.exit(1)
