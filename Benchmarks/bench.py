"""recon benchmarks side by side with pandas and polars (run by `make bench`; see README.md).

Each benchmark is one whole process, run once to warm up and then BENCH_RUNS times (default 5);
wall time, CPU time (user + sys) and peak RSS come from os.wait4 on the child, and the tables
show medians. The scale series replays panels of about 1M, 4M and 17M rows BENCH_SCALE_RUNS
times each. The last line printed is the ratios line; out/bench/results.json has everything.

Environment: BENCH_RUNS (5), BENCH_FIRMS (35000), BENCH_SEED (1), BENCH_PANEL (benchmark this
panel instead of generating one), BENCH_SCALE (0 skips the scale series), BENCH_SCALE_RUNS (3),
RECON (.build/release/recon). Run from the repository root.
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
from typing import Callable

RECON = os.environ.get("RECON", ".build/release/recon")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
FIRMS = int(os.environ.get("BENCH_FIRMS", "35000"))
SEED = int(os.environ.get("BENCH_SEED", "1"))
SCALE = os.environ.get("BENCH_SCALE", "1") != "0"
SCALE_RUNS = int(os.environ.get("BENCH_SCALE_RUNS", "3"))
FIRST, LAST, MIN_ROWS = 1979, 2025, 4_000_000
CACHE, OUT, REFERENCE = ".cache/bench", "out/bench", "Benchmarks/reference"
DATA = "../shared/data/2025"
UNIVERSE = f"{DATA}/nasdaq_screener_2025-05-23.csv"
PRIORS = [f"{DATA}/IWM_2025-05-13.csv", f"{DATA}/IWV_2025-05-02.csv"]
BANDS = [f"{i * 0.0005:.4f}" for i in range(100)]  # 100 band widths: 0, 0.0005, ..., 0.0495
SCALE_FACTORS = (0.25, 1, 4)  # the scale series' --firms, times BENCH_FIRMS: about 1M, 4M and 17M rows
BYTES_PER_FIRM = 9_500  # a generated panel's size per --firms (332 MB for 35,000)
DISK_HEADROOM = 3  # a panel is generated only with 3x its size free (17M rows: about 4 GB)
LINEAR_SLACK = 1.25  # linear: no panel costs more than 1.25x per row what the next smaller one does
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


def count_rows(path: str) -> int:
    with open(path, "rb") as f:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b"")) - 1


def generate(path: str, firms: int) -> int:
    """`recon generate --firms FIRMS` into path; returns the panel's rows."""
    os.makedirs(CACHE, exist_ok=True)
    print(f"generating a panel: recon generate --firms {firms} --seed {SEED} …", flush=True)
    took = run([RECON, "generate", "--from", str(FIRST), "--to", str(LAST), "--firms", str(firms),
                "--seed", str(SEED), "--out", path])
    rows = count_rows(path)
    print(f"  {rows:,} rows in {took['wall_ms'] / 1e3:.1f} s", flush=True)
    return rows


def panel_file(have_generate: bool) -> tuple[str | None, str]:
    """The CRSP panel to benchmark: BENCH_PANEL, the cached one, or a new one from `recon generate`."""
    if os.environ.get("BENCH_PANEL"):
        if not os.path.isfile(os.environ["BENCH_PANEL"]):
            raise BenchError(f"BENCH_PANEL={os.environ['BENCH_PANEL']}: no such file")
        return os.environ["BENCH_PANEL"], "BENCH_PANEL"
    path = f"{CACHE}/panel-{FIRST}-{LAST}-s{SEED}.csv"
    if os.path.exists(path):
        return path, "cached"
    if not have_generate:
        return None, "recon generate is not available and no cached panel or BENCH_PANEL"
    firms, partial = FIRMS, path + ".partial"
    for _ in range(3):  # grow --firms until the panel has at least MIN_ROWS rows
        rows = generate(partial, firms)
        if rows >= MIN_ROWS:
            os.replace(partial, path)
            return path, f"generated with --firms {firms}"
        firms = int(firms * MIN_ROWS * 1.05 / max(rows, 1)) + 1
    raise BenchError(f"recon generate made fewer than {MIN_ROWS:,} rows even with --firms {firms}")


def cached_copy(panel: str, suffix: str, writer: Callable[[str], list[str]]) -> str:
    """The panel converted once, untimed, into .cache/bench/NAME{suffix} by the command writer(path);
    reused while it is newer than the panel."""
    path = os.path.join(CACHE, os.path.splitext(os.path.basename(panel))[0] + suffix)
    if os.path.exists(path) and os.path.getmtime(path) > os.path.getmtime(panel):
        return path
    os.makedirs(CACHE, exist_ok=True)
    partial = path + ".partial"
    command = writer(partial)
    print(f"writing {path}: {' '.join(command)} …", flush=True)
    took = run(command)
    os.replace(partial, path)
    print(f"  {os.path.getsize(path) / 1e6:,.0f} MB in {took['wall_ms'] / 1e3:.1f} s", flush=True)
    return path


def measure(name: str, command: list[str], out_dir: str | None, discard_stdout: bool, runs: int) -> dict:
    """A warm-up run, then `runs` timed runs of command; every run and the medians."""
    print(f"{name}: warm-up + {runs} runs", flush=True)
    first = run(command, out_dir, discard_stdout)  # warm-up: page cache, binary and Python modules loaded
    timed = [run(command, out_dir, discard_stdout) for _ in range(runs)]
    result = {"command": " ".join(command[:20]) + (" …" if len(command) > 20 else "")}
    for key in ("wall_ms", "cpu_ms", "peak_mb"):
        result[key] = [round(r[key], 1) for r in timed]
        result["median_" + key] = round(statistics.median(result[key]), 1)
    result["output"] = first["stdout"].strip().splitlines()[-3:]
    return result


def bench(results: dict, name: str, command: list[str] | None, out_dir: str | None = None,
          skip: str | None = None, discard_stdout: bool = False) -> None:
    """Measures one benchmark into results[name], or records why it is skipped."""
    if skip:
        print(f"{name}: SKIPPED ({skip})", flush=True)
        results[name] = {"skipped": skip}
    else:
        results[name] = measure(name, command, out_dir, discard_stdout, RUNS)


def bench_snapshots(results: dict, have: dict) -> None:
    """One 2025 reconstitution from the real screener and iShares files: recon, then pandas."""
    real_data = os.path.exists(UNIVERSE) and all(map(os.path.exists, PRIORS))
    priors = sum((["--prior", p] for p in PRIORS), [])
    snapshot_args = ["--year", "2025", "--universe", UNIVERSE, *priors] if real_data else ["--year", "2024"]
    bench(results, "recon_snapshot", [RECON, "reconstitute", *snapshot_args, "--out", f"{OUT}/recon-snapshot"],
          f"{OUT}/recon-snapshot", None if have["reconstitute"] else "recon has no 'reconstitute' command yet")
    bench(results, "pandas_snapshot", [PY, f"{REFERENCE}/snapshot.py", "--universe", UNIVERSE, *priors,
                                       "--out", f"{OUT}/pandas-snapshot"],
          f"{OUT}/pandas-snapshot", None if real_data else f"{DATA} is absent (recon uses its embedded market)")


def replay_args(panel: str) -> list[str]:
    return ["--from", str(FIRST), "--to", str(LAST), "--panel", panel]


def bench_cold_replays(results: dict, panel: str | None, no_panel: str | None, no_replay: str | None) -> None:
    """Every June 1979-2025 from the CSV panel, parsed each time: recon, pandas (C and pyarrow
    parsers), polars."""
    args = replay_args(panel or "")
    bench(results, "recon_replay", [RECON, "replay", *args, "--out", f"{OUT}/recon-replay"],
          f"{OUT}/recon-replay", no_replay)
    bench(results, "pandas_replay", [PY, f"{REFERENCE}/replay.py", *args, "--out", f"{OUT}/pandas-replay"],
          f"{OUT}/pandas-replay", no_panel)
    bench(results, "pandas_pyarrow_replay", [PY, f"{REFERENCE}/replay.py", *args, "--engine", "pyarrow",
                                             "--out", f"{OUT}/pandas-pyarrow-replay"],
          f"{OUT}/pandas-pyarrow-replay", no_panel)
    bench(results, "polars_replay", [PY, f"{REFERENCE}/replay_polars.py", *args, "--out", f"{OUT}/polars-replay"],
          f"{OUT}/polars-replay", no_panel)


def bench_warm_replays(results: dict, panel: str | None, no_panel: str | None, no_replay: str | None,
                       have_import: bool) -> dict:
    """The same replay from the panel's binary copies: recon over `recon import`'s panel (every run's
    folder written, as the cold replay, and history.csv only), polars over a Parquet copy.
    Returns the copies' paths."""
    copies = {}
    no_warm = no_replay or (None if have_import else "recon has no 'import' command yet")
    if not no_warm:
        copies["recon"] = cached_copy(panel, ".recon", lambda out: [RECON, "import", panel, "--out", out, "--quiet"])
    args = replay_args(copies.get("recon", ""))
    bench(results, "recon_replay_warm", [RECON, "replay", *args, "--out", f"{OUT}/recon-replay-warm"],
          f"{OUT}/recon-replay-warm", no_warm)
    bench(results, "recon_replay_warm_history", [RECON, "replay", *args, "--out", f"{OUT}/recon-replay-warm-history",
                                                 "--history-only"],
          f"{OUT}/recon-replay-warm-history", no_warm)
    if panel:
        copies["parquet"] = cached_copy(panel, ".parquet", lambda out: [PY, f"{REFERENCE}/to_parquet.py", panel, out])
    bench(results, "polars_parquet_replay", [PY, f"{REFERENCE}/replay_polars.py", *replay_args(copies.get("parquet", "")),
                                             "--out", f"{OUT}/polars-parquet-replay"],
          f"{OUT}/polars-parquet-replay", no_panel)
    return copies


def bench_sweep(results: dict, panel: str | None, no_replay: str | None, replay_help: str | None) -> None:
    """The replay under 100 band widths in one process, from the CSV panel."""
    no_sweep = no_replay or (None if "--variant" in replay_help else "recon replay has no --variant option yet")
    # A sweep is read from variants.csv (and history.csv): --history-only, as a researcher
    # comparing 100 band widths runs it, skips the published replay's 47 run folders.
    bench(results, "recon_sweep_100", [RECON, "replay", *replay_args(panel or ""), "--out", f"{OUT}/recon-sweep",
                                       "--history-only", *sum((["--variant", f"band={b}"] for b in BANDS), [])],
          f"{OUT}/recon-sweep", no_sweep)


def scale_panel(firms: int, panel: str | None, panel_note: str, have_generate: bool) -> tuple[str | None, str]:
    """The scale series' panel for --firms FIRMS (the benchmark panel for BENCH_FIRMS, unless it is
    BENCH_PANEL), generated once; or None and why not."""
    if firms == FIRMS and panel and panel_note != "BENCH_PANEL":
        return panel, "the benchmark panel"
    path = f"{CACHE}/panel-{FIRST}-{LAST}-s{SEED}-f{firms}.csv"
    if os.path.exists(path):
        return path, "cached"
    if not have_generate:
        return None, "recon has no 'generate' command"
    os.makedirs(CACHE, exist_ok=True)
    free, wanted = shutil.disk_usage(CACHE).free, firms * BYTES_PER_FIRM * DISK_HEADROOM
    if free < wanted:
        return None, (f"{free / 1e9:.1f} GB free under {CACHE}; generating a panel of --firms {firms} "
                      f"(about {firms * BYTES_PER_FIRM / 1e9:.1f} GB) wants {wanted / 1e9:.1f} GB free")
    generate(path + ".partial", firms)
    os.replace(path + ".partial", path)
    return path, "generated"


def scale_point(path: str, firms: int, note: str) -> dict:
    """recon's cold replay of one panel of the series, SCALE_RUNS times, with its cost per million rows."""
    rows = count_rows(path)
    name = f"recon_replay of {rows:,} rows"
    result = measure(name, [RECON, "replay", *replay_args(path), "--out", f"{OUT}/recon-replay-scale"],
                     f"{OUT}/recon-replay-scale", False, SCALE_RUNS)
    return {"firms": firms, "rows": rows, "panel": path, "source": note, **result,
            "ms_per_million_rows": round(result["median_wall_ms"] / rows * 1e6, 1)}


def scale_series(panel: str | None, panel_note: str, have: dict) -> dict:
    """recon's cold replay over panels of about 1M, 4M and 17M rows: does its cost grow in
    proportion to the rows?"""
    if not SCALE:
        return {"skipped": "BENCH_SCALE=0"}
    if not have["replay"]:
        return {"skipped": "recon has no 'replay' command yet"}
    points = []
    for factor in SCALE_FACTORS:
        firms = round(FIRMS * factor)
        path, note = scale_panel(firms, panel, panel_note, have["generate"] is not None)
        if path:
            points.append(scale_point(path, firms, note))
        else:
            print(f"scale series, --firms {firms}: SKIPPED ({note})", flush=True)
            points.append({"firms": firms, "skipped": note})
    measured = [p for p in points if "skipped" not in p]
    growth = [round(b["ms_per_million_rows"] / a["ms_per_million_rows"], 2) for a, b in zip(measured, measured[1:])]
    return {"runs": SCALE_RUNS, "points": points, "growth": growth,
            "linear": all(g <= LINEAR_SLACK for g in growth) if growth else None}


def library_versions() -> dict:
    """pandas', polars' and pyarrow's versions, asked of a child.

    Importing them here would grow this process, and Linux counts the parent's RSS at fork in each
    child's ru_maxrss (so this harness stays small: ~10 MB).
    """
    code = ("import json, pandas, polars, pyarrow; "
            "print(json.dumps({m.__name__: m.__version__ for m in (pandas, polars, pyarrow)}))")
    done = subprocess.run([PY, "-c", code], capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"pandas, polars and pyarrow must be installed for {PY}: run `make bench`, which "
                         f"installs Benchmarks/requirements.txt into Benchmarks/.venv\n{done.stderr.strip()[-500:]}")
    return json.loads(done.stdout)


def machine() -> dict:
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    return {"cores": os.cpu_count(), "cpu": model, "platform": platform.platform(),
            "python": platform.python_version(), **library_versions()}


def print_table(results: dict, cores: int) -> None:
    print(f"\n{'benchmark':<26} {'wall ms':>10} {'cpu ms':>10} {'peak MB':>9}   (medians of {RUNS}; "
          f"{cores} cores; warm page cache)")
    for name, r in results.items():
        if "skipped" in r:
            print(f"{name:<26} {'skipped':>10}")
        else:
            print(f"{name:<26} {r['median_wall_ms']:>10,.0f} {r['median_cpu_ms']:>10,.0f} {r['median_peak_mb']:>9,.0f}")


def print_scale(scale: dict) -> None:
    if "skipped" in scale:
        print(f"\nscale series: skipped ({scale['skipped']})")
        return
    print(f"\nscale series: recon cold replay (medians of {scale['runs']})")
    print(f"{'rows':>12} {'wall ms':>10} {'cpu ms':>10} {'peak MB':>9} {'ms/M rows':>10}")
    for p in scale["points"]:
        if "skipped" in p:
            print(f"{'--firms ' + str(p['firms']):>12} {'skipped':>10}   {p['skipped']}")
        else:
            print(f"{p['rows']:>12,} {p['median_wall_ms']:>10,.0f} {p['median_cpu_ms']:>10,.0f} "
                  f"{p['median_peak_mb']:>9,.0f} {p['ms_per_million_rows']:>10,.0f}")
    if scale["linear"] is None:
        print("cost per row: fewer than two sizes measured")
    else:
        verdict = "linear" if scale["linear"] else "NOT linear"
        print(f"cost per row against the next smaller panel: {', '.join(f'{g:.2f}x' for g in scale['growth'])}"
              f": {verdict} (linear when no step is above {LINEAR_SLACK:.2f}x)")


def ratio(a: dict, b: dict) -> str:
    if "median_wall_ms" not in a or "median_wall_ms" not in b:
        return "n/a"
    return f"{a['median_wall_ms'] / b['median_wall_ms']:.1f}x"


def median(result: dict, key: str) -> str:
    return f"{result['median_' + key]:.0f}" if "median_" + key in result else "n/a"


def ratios(results: dict) -> dict[str, str]:
    """The ratios line: every ratio of wall times, medians against medians."""
    cold, warm = results["recon_replay"], results["recon_replay_warm"]
    return {
        "replay_vs_pandas": ratio(results["pandas_replay"], cold),
        "replay_vs_polars": ratio(results["polars_replay"], cold),
        "replay_vs_floor": ratio(cold, results["floor_read_panel"]),
        "warm_replay_ms": median(warm, "wall_ms"),
        "warm_vs_polars_parquet": ratio(results["polars_parquet_replay"], warm),
        "snapshot_ms": median(results["recon_snapshot"], "wall_ms"),
        "sweep_vs_replay": ratio(results["recon_sweep_100"], cold),
        "peak_mb": median(cold, "peak_mb"),
    }


def main() -> int:
    info = machine()
    have = {c: recon_has(c) for c in ("generate", "reconstitute", "replay", "import")}
    panel, panel_note = panel_file(have["generate"] is not None)
    rows = count_rows(panel) if panel else None
    results: dict[str, dict] = {}

    no_panel = None if panel else f"no panel: {panel_note}"
    if panel:
        print(f"panel: {panel} ({panel_note}; {rows:,} rows, {os.path.getsize(panel) / 1e6:,.0f} MB)", flush=True)
        run(["cat", panel], discard_stdout=True)  # the panel into the page cache before any timing
    bench(results, "floor_read_panel", ["cat", panel] if panel else None, skip=no_panel, discard_stdout=True)
    bench_snapshots(results, have)
    no_replay = no_panel or (None if have["replay"] else "recon has no 'replay' command yet")
    bench_cold_replays(results, panel, no_panel, no_replay)
    copies = bench_warm_replays(results, panel, no_panel, no_replay, have["import"] is not None)
    bench_sweep(results, panel, no_replay, have["replay"])
    scale = scale_series(panel, panel_note, have)

    print_table(results, info["cores"])
    print_scale(scale)
    line = ratios(results)
    os.makedirs(OUT, exist_ok=True)
    with open(f"{OUT}/results.json", "w") as f:
        json.dump({"machine": info, "runs": RUNS,
                   "panel": {"path": panel, "source": panel_note, "rows": rows, **copies},
                   "floor": "cat PANEL > /dev/null", "benchmarks": results, "scale": scale, "ratios": line},
                  f, indent=2)
    print(f"\nresults: {OUT}/results.json")
    print(" ".join(f"{k}={v}" for k, v in line.items()))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as e:
        print(f"bench: error: {e}", file=sys.stderr)
        sys.exit(1)
