"""Speed of factcompare beside its floors (issue 7).  Never a timed test: a report.

Run: .venv/bin/python bench/speed.py [--runs N] [--quick]   (the Makefile's `bench-speed`)

1. Start-up of `factcompare --help` and `factcompare figures SEED`, whole processes.
2. Cold `diff SEED fixtures/01-seed-later-update/b.txt --no-cache`, whole process, on
   each backend (issue 15), against two floors measured in the same run: today's
   sentence-transformers floor (a script that only imports sentence-transformers, loads
   the same model from the same path and encodes the same sentences, written to a file
   beforehand) and the ONNX floor (import onnxruntime and tokenizers, load the export,
   encode the same sentences).
3. Warm repeat `diff` with the on-disk cache.
4. Many articles: 100 generated from the fixtures, all 4,950 pairs through
   `compare.many.compare_many` (each distinct sentence embedded once) and a `timeline`,
   against encoding their distinct sentences once (strict: the tool's own dedupe shrinks
   its floor too) and, for all pairs, against encoding every sentence once (the issue's
   wording); the shares of extraction and of alignment + judging.  Per-process memo
   caches are cleared before each timed run, as a new process would start.
5. Peak RSS of the cold diff (wait4's ru_maxrss of the child), and extraction throughput.
   Encoding throughput of the ONNX backend against the torch one on the same sentences,
   and `factcompare check fixtures` on both backends, their reports compared field by field.
6. Faster routes measured beside their quality on the fixtures: encoding batch sizes,
   and a model2vec static model distilled offline from the bundled MiniLM (when the
   `model2vec` package is installed; see bench/README or the issue note).

Each figure is the median of --runs runs, floor and tool interleaved so that a busy
machine slows both alike.  Results replace the speed section of bench/RESULTS.md.

The package's bytecode is compiled first (``compileall``), as ``pip install`` does and as
any first run does unless PYTHONDONTWRITEBYTECODE is set: with it set and no
``__pycache__``, every process would compile our forty modules from source again (0.2-0.5 s
on a loaded machine), a cost no installed copy pays and the floors, whose imports are all
compiled, never pay.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from memo import forget  # noqa: E402  (bench/memo.py)

from compare.check import cases, check, differences  # noqa: E402
from compare.check import run as run_case  # noqa: E402
from compare.embed import BATCH_SIZE, resolve_model  # noqa: E402
from compare.load import load  # noqa: E402
from compare.onnx_encoder import BATCH_SIZE as ONNX_BATCH_SIZE  # noqa: E402
from compare.onnx_encoder import export_path  # noqa: E402
from compare.pipeline import article_ids, extract, read_articles  # noqa: E402
from compare.types import Article  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
SEED = ROOT / "seeds" / "anadolu-2024-02-08-gaza-ceasefire-talks.txt"
OTHER = ROOT / "fixtures" / "01-seed-later-update" / "b.txt"
FIXTURES = ROOT / "fixtures"
BIN = Path(sys.executable).parent
M2V_DIR = ROOT / "bench" / ".models" / "minilm-m2v"  # distilled once, offline, git-ignored
MANY = 100
GOALS = {
    "help": 0.3,
    "figures": 0.5,
    "cold_ratio": 1.15,  # a cold diff against its own backend's floor
    "cold_old_ratio": 0.2,  # the ONNX cold diff against the sentence-transformers floor
    "warm": 1.0,
    "warm_old_ratio": 0.05,  # a cached diff against the sentence-transformers floor
    "many_ratio": 1.2,
    "throughput": 1.3,  # ONNX encoding against torch encoding, same sentences
    "rss_mb": 400.0,
}
BEGIN, END = "<!-- speed -->", "<!-- /speed -->"

FLOOR_SCRIPT = """
import json, sys
from sentence_transformers import SentenceTransformer
texts = json.load(open(sys.argv[2], encoding="utf-8"))
model = SentenceTransformer(sys.argv[1], device="cpu")
model.encode(texts, batch_size=int(sys.argv[3]), normalize_embeddings=True,
             convert_to_numpy=True, show_progress_bar=False)
"""

# The least the ONNX backend can do: the same export, tokenizer and session options as
# compare/onnx_encoder.py, the same sentences, in one padded batch (no sorting).
ONNX_FLOOR_SCRIPT = """
import json, os, sys
import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer
texts = [t.strip() for t in json.load(open(sys.argv[2], encoding="utf-8"))]
tokenizer = Tokenizer.from_file(os.path.join(sys.argv[1], "tokenizer.json"))
tokenizer.enable_padding()
options = ort.SessionOptions()
options.intra_op_num_threads = len(os.sched_getaffinity(0))
options.inter_op_num_threads = 1
options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL  # done at export
session = ort.InferenceSession(os.path.join(sys.argv[1], "model.onnx"), options,
                               providers=["CPUExecutionProvider"])
encodings = tokenizer.encode_batch(texts)
session.run(["sentence_embedding"], {
    "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
    "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
    "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
})
"""


@dataclass
class Run:
    seconds: float
    rss_mb: float
    code: int
    cpu: float = 0.0  # user + system seconds of the process and its threads: what load hides


def run(cmd: Sequence[str], env: dict[str, str]) -> Run:
    """Wall time and peak RSS of one whole process (its own rusage, via wait4)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err}")
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, usage.ru_utime + usage.ru_stime)


def tree_rss_mb(cmd: Sequence[str], env: dict[str, str]) -> float:
    """Peak of the summed RSS of a process and its descendants (the encoder process of
    a `diff`), sampled every 5 ms from /proc in an untimed run: wait4's ru_maxrss gives
    the largest single process of the tree, not their sum."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    page = os.sysconf("SC_PAGE_SIZE")
    peak = 0
    while proc.poll() is None:
        pids, total = [proc.pid], 0
        while pids:
            pid = pids.pop()
            try:
                total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page
                for task in Path(f"/proc/{pid}/task").iterdir():
                    pids += [int(c) for c in (task / "children").read_text().split()]
            except (OSError, ValueError):  # ended meanwhile
                continue
        peak = max(peak, total)
        time.sleep(0.005)
    return peak / 2**20


def median(runs: Sequence[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        info = Path("/proc/cpuinfo").read_text()
        cpu = re.search(r"model name\s*:\s*(.+)", info).group(1).strip()  # type: ignore[union-attr]
    except (OSError, AttributeError):
        cpu = platform.processor() or cpu
    ram = "?"
    try:
        kb = int(re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        ram = f"{kb / 1024**2:.1f} GiB"
    except (OSError, AttributeError):
        pass
    versions = ", ".join(
        f"{p} {_version(p)}"
        for p in ("torch", "sentence-transformers", "transformers", "onnxruntime", "tokenizers")
    )
    return (
        f"{dt.date.today().isoformat()}; {os.cpu_count()} CPUs ({cpu}), {ram} RAM; "
        f"Python {platform.python_version()}, {versions}"
    )


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def hyperfine(
    cmds: dict[str, list[str]], runs: int, env: dict[str, str]
) -> dict[str, float] | None:
    """Medians from hyperfine when it is installed, else None."""
    exe = shutil.which("hyperfine")
    if exe is None:
        return None
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            [
                exe,
                "--runs",
                str(runs),
                "--warmup",
                "1",
                "-N",
                "--export-json",
                out.name,
                *[" ".join(c) for c in cmds.values()],
            ],
            env=env,
            check=True,
            capture_output=True,
        )
        data = json.loads(Path(out.name).read_text())
    return {name: r["median"] for name, r in zip(cmds, data["results"], strict=True)}


# -- 1. start-up ------------------------------------------------------------------------


def startup(runs: int, env: dict[str, str]) -> list[str]:
    cmds = {
        "help": [str(BIN / "factcompare"), "--help"],
        "figures": [str(BIN / "factcompare"), "figures", str(SEED)],
    }
    timed = hyperfine(cmds, runs, env)
    how = "hyperfine"
    if timed is None:
        how = "subprocess"
        for cmd in cmds.values():  # warm the page cache
            run(cmd, env)
        samples: dict[str, list[Run]] = {name: [] for name in cmds}
        for _ in range(runs):
            for name, cmd in cmds.items():
                samples[name].append(run(cmd, env))
        timed = {name: median(s) for name, s in samples.items()}
    floor = median([run([sys.executable, "-c", "pass"], env) for _ in range(runs)])
    return [
        row(
            "start-up `factcompare --help`",
            timed["help"],
            f"{GOALS['help']} s",
            timed["help"] < GOALS["help"],
            f"python -c pass: {floor:.3f} s; {how}, median of {runs}",
        ),
        row(
            "start-up `factcompare figures SEED`",
            timed["figures"],
            f"{GOALS['figures']} s",
            timed["figures"] < GOALS["figures"],
            f"{how}, median of {runs}; torch not imported (tests/test_startup.py)",
        ),
    ]


# -- 2, 3, 5. one diff ------------------------------------------------------------------


def diff_sentences() -> list[str]:
    """The texts `diff SEED OTHER` embeds, in the order it embeds them."""
    a, b = (extract(x) for x in read_articles([str(SEED), str(OTHER)]))
    return [c.sentence.text for c in a.claims + b.claims]


def one_diff(runs: int, env: dict[str, str], work: Path) -> tuple[list[str], dict[str, float]]:
    texts = diff_sentences()
    sentences = work / "sentences.json"
    sentences.write_text(json.dumps(texts), encoding="utf-8")
    st_floor_cmd = [
        sys.executable,
        "-c",
        FLOOR_SCRIPT,
        resolve_model(None),
        str(sentences),
        str(BATCH_SIZE),
    ]
    # Made (or checked) in a child, so that this process stays small: a child's peak RSS
    # counts the parent's pages until it execs.
    subprocess.run([sys.executable, "-m", "compare.onnx_encoder"], env=env, check=True)
    export = export_path(resolve_model(None))
    onnx_floor_cmd = [sys.executable, "-c", ONNX_FLOOR_SCRIPT, str(export), str(sentences)]
    tool_cmd = [str(BIN / "factcompare"), "diff", str(SEED), str(OTHER), "--no-cache"]
    onnx_env = {**env, "FACTCOMPARE_BACKEND": "onnx"}
    torch_env = {**env, "FACTCOMPARE_BACKEND": "torch"}
    jobs = {
        "st_floor": (st_floor_cmd, env),
        "onnx_floor": (onnx_floor_cmd, env),
        "onnx": (tool_cmd, onnx_env),
        "torch": (tool_cmd, torch_env),
    }
    for cmd, job_env in jobs.values():  # warm the page cache: the model files, the imports
        run(cmd, job_env)
    samples: dict[str, list[Run]] = {name: [] for name in jobs}
    for _ in range(runs):  # interleaved, so that a busy machine slows all alike
        for name, (cmd, job_env) in jobs.items():
            samples[name].append(run(cmd, job_env))
    t = {name: median(s) for name, s in samples.items()}
    cpu = {name: statistics.median(r.cpu for r in s) for name, s in samples.items()}
    spread = {
        name: (min(r.seconds for r in s), max(r.seconds for r in s)) for name, s in samples.items()
    }

    warm_env = {**onnx_env, "FACTCOMPARE_CACHE_DIR": str(work / "cache")}
    warm_cmd = tool_cmd[:-1]
    run(warm_cmd, warm_env)  # fills the cache
    warms = [run(warm_cmd, warm_env) for _ in range(runs)]
    warm = median(warms)
    warm_cpu = statistics.median(r.cpu for r in warms)
    rss = {name: max(r.rss_mb for r in s) for name, s in samples.items()}
    # The tool's encoder runs in a child process: the row reports the tree's summed peak.
    tree = max(tree_rss_mb(tool_cmd, onnx_env) for _ in range(3))
    rss["onnx"] = max(rss["onnx"], tree)
    warm_rss = max(r.rss_mb for r in warms)
    old, new = t["st_floor"], t["onnx_floor"]

    def seen(name: str) -> str:
        low, high = spread[name]
        return f"{t[name]:.2f} s (runs {low:.2f}-{high:.2f})"

    rows = [
        row(
            f"cold `diff` ({len(texts)} sentences, --no-cache), ONNX backend (default)",
            t["onnx"],
            f"<= {GOALS['cold_old_ratio']}x old floor",
            t["onnx"] / old <= GOALS["cold_old_ratio"],
            f"{seen('onnx')}; old floor (import sentence-transformers, load, encode) "
            f"{seen('st_floor')}; ratio {t['onnx'] / old:.2f}x",
        ),
        row(
            "the same, against the ONNX floor",
            t["onnx"],
            f"<= {GOALS['cold_ratio']}x floor",
            t["onnx"] / new <= GOALS["cold_ratio"],
            f"new floor (import onnxruntime + tokenizers, load the export, encode) "
            f"{seen('onnx_floor')}; ratio {t['onnx'] / new:.2f}x; CPU time (user+sys, "
            f"threads included) {cpu['onnx']:.2f} s against {cpu['onnx_floor']:.2f} s, "
            f"{cpu['onnx'] / cpu['onnx_floor']:.2f}x",
        ),
        row(
            "cold `diff`, torch backend (FACTCOMPARE_BACKEND=torch)",
            t["torch"],
            f"<= {GOALS['cold_ratio']}x floor",
            t["torch"] / old <= GOALS["cold_ratio"],
            f"{seen('torch')}; old floor {old:.2f} s; ratio {t['torch'] / old:.2f}x",
        ),
        row(
            "cached `diff` (cache hit: no onnxruntime, torch or scipy.optimize import)",
            warm,
            f"<= {GOALS['warm_old_ratio']}x old floor",
            warm / old <= GOALS["warm_old_ratio"],
            f"{warm / old:.3f}x the old floor; {warm / new:.2f}x the ONNX floor; "
            f"runs {min(r.seconds for r in warms):.2f}-{max(r.seconds for r in warms):.2f} s; "
            f"CPU time {warm_cpu:.2f} s, {warm_cpu / cpu['st_floor']:.3f}x the old floor's "
            f"{cpu['st_floor']:.2f} s",
        ),
        row(
            "peak RSS of cold `diff` (ONNX)",
            rss["onnx"],
            f"{GOALS['rss_mb']:.0f} MB",
            rss["onnx"] < GOALS["rss_mb"],
            f"the command and its encoder process together (summed, sampled every 5 ms); "
            f"ONNX floor {rss['onnx_floor']:.0f} MB; torch backend {rss['torch']:.0f} MB, "
            f"its floor {rss['st_floor']:.0f} MB; cached diff {warm_rss:.0f} MB",
            unit="MB",
        ),
    ]
    return rows, {"floor": old, "tool": t["onnx"]}


# -- 4. many articles -------------------------------------------------------------------


_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,])\d{3,}(?![\d.,])")


def _bump(text: str, k: int) -> str:
    """Numbers of three or more digits (not years) grown by k per mille, keeping their style."""

    def grow(m: re.Match[str]) -> str:
        raw = m.group(0)
        value = int(raw.replace(",", ""))
        if 1900 <= value <= 2100 and "," not in raw:
            return raw
        new = round(value * (1 + k / 1000))
        return f"{new:,}" if "," in raw else str(new)

    return _NUMBER.sub(grow, text)


def generated_articles(n: int = MANY) -> list[Article]:
    """n articles from the fixtures' inputs, numbers and dates varied."""
    sources = {str(SEED): SEED}
    for case in cases(FIXTURES):
        for path in case.inputs:
            sources.setdefault(str(path.resolve()), path)
    bases = [load(str(p)) for p in sources.values()]
    start = dt.date(2024, 1, 1)
    return [
        replace(
            bases[k % len(bases)],
            id=aid,
            path=f"generated-{k}",
            text=_bump(bases[k % len(bases)].text, k),
            published=start + dt.timedelta(days=k),
        )
        for k, aid in enumerate(article_ids(n))
    ]


def many(runs: int) -> tuple[list[str], dict[str, Any]]:
    from compare.embed import encode, load_encoder
    from compare.many import all_pairs, compare_extracted, compare_many
    from compare.timeline import timeline

    articles = generated_articles()
    torch_encoder = load_encoder(None, "torch")
    torch_encoder.encode(["Warm-up."])
    encode(["Warm-up."])  # first-call costs belong to neither side
    forget()
    t0 = time.perf_counter()
    done = [extract(a) for a in articles]
    t_extract = time.perf_counter() - t0
    n_sentences = sum(len(e.claims) for e in done)
    every = [c.sentence.text for e in done for c in e.claims]
    texts = list(dict.fromkeys(every))
    vectors = encode(texts)
    row_of = {t: k for k, t in enumerate(texts)}
    per = [vectors[[row_of[c.sentence.text] for c in e.claims]] for e in done]
    pairs = all_pairs(len(done))

    # Floor and tool interleaved, so that a busy machine slows both alike.  Besides the
    # whole runs, the tool's own work is timed alone (extraction; alignment and judging
    # with the vectors known; a timeline from a warm vector cache), and the goal is judged
    # on the worse of "whole run / floor" and "(floor + own work) / floor": two noisy
    # timings of the same encoding can flatter the tool, the sum of its parts cannot.
    os.environ["FACTCOMPARE_CACHE_DIR"] = tempfile.mkdtemp(prefix="factcompare-bench-")
    timeline(articles)  # fills the cache for the warm timelines
    samples: dict[str, list[float]] = {
        k: [] for k in ("floor", "torch", "every", "pairs", "timeline", "align", "warm")
    }
    for _ in range(runs):
        for name, job in (
            ("floor", lambda: encode(texts)),
            ("torch", lambda: torch_encoder.encode(texts)),
            ("every", lambda: encode(every)),
            ("pairs", lambda: compare_many(articles, cache=False)),
            ("timeline", lambda: timeline(articles, cache=False)),
            ("align", lambda: compare_extracted(done, per, pairs)),
            ("warm", lambda: timeline(articles)),
        ):
            forget()
            t0 = time.perf_counter()
            job()
            samples[name].append(time.perf_counter() - t0)
    floor, total, t_timeline, t_pairs, t_warm = (
        statistics.median(samples[k]) for k in ("floor", "pairs", "timeline", "align", "warm")
    )
    t_every = statistics.median(samples["every"])
    t_torch = statistics.median(samples["torch"])
    n_series = len(timeline(articles).series)
    pairs_parts = (floor + t_extract + t_pairs) / floor
    pairs_ratio = max(total / floor, pairs_parts)
    timeline_parts = (floor + t_warm) / floor
    timeline_ratio = max(t_timeline / floor, timeline_parts)
    rows = [
        row(
            f"encoding throughput, ONNX against torch ({len(texts)} distinct sentences)",
            len(texts) / floor,
            f">= {GOALS['throughput']}x torch",
            t_torch / floor >= GOALS["throughput"],
            f"ONNX {floor:.2f} s, torch (sentence-transformers, batch {BATCH_SIZE}) "
            f"{t_torch:.2f} s = {len(texts) / t_torch:,.0f} sent/s; ratio {t_torch / floor:.2f}x",
            unit="sent/s",
        ),
        row(
            f"`timeline` of {len(articles)} dated articles ({n_series} series)",
            t_timeline,
            f"<= {GOALS['many_ratio']}x floor",
            timeline_ratio <= GOALS["many_ratio"],
            f"floor (encode the distinct sentences once, ONNX) {floor:.2f} s; ratio "
            f"{timeline_ratio:.2f}x (measured {t_timeline / floor:.2f}x, floor + parts "
            f"{timeline_parts:.2f}x); all but encoding (extraction, alignment, judging, "
            f"cache reads) {t_warm:.2f} s",
        ),
        row(
            f"all pairs of {len(articles)} articles ({len(pairs)} reports, "
            f"{len(texts)} distinct of {n_sentences} sentences)",
            total,
            f"<= {GOALS['many_ratio']}x floor",
            pairs_ratio <= GOALS["many_ratio"],
            f"floor (encode the distinct sentences once, ONNX) {floor:.2f} s; "
            f"ratio {pairs_ratio:.2f}x "
            f"(measured {total / floor:.2f}x, floor + parts {pairs_parts:.2f}x); "
            f"align+judge {t_pairs:.2f} s ({t_pairs / total:.0%}), "
            f"extraction {t_extract:.2f} s ({t_extract / total:.0%})",
        ),
        row(
            "the same, against the issue's floor (every sentence encoded once)",
            total,
            f"<= {GOALS['many_ratio']}x floor",
            total / t_every <= GOALS["many_ratio"],
            f"encoding all {n_sentences} sentences once, repeats included: {t_every:.2f} s; "
            f"ratio {total / t_every:.2f}x.  The row above is stricter: repeated sentences "
            "are encoded once, by the tool and by its floor alike",
        ),
        row(
            "extraction throughput",
            n_sentences / t_extract,
            "-",
            None,
            f"{n_sentences} sentences, segment + figures + claims, one core",
            unit="sent/s",
        ),
    ]
    return rows, {"texts": texts, "encode_s": floor}


# -- 6. faster routes, with their quality -------------------------------------------------


def fixture_results(model: str | None) -> dict[str, dict[str, Any]]:
    """Each runnable two-article fixture case's result with ``model``."""
    from compare.errors import CompareError

    results = {}
    for case in cases(FIXTURES):
        try:
            results[case.name] = run_case(case, model=model)[0]
        except CompareError:
            continue
    return results


def fixture_quality(
    model: str | None, baseline: dict[str, dict[str, Any]], *, backend: str = "torch"
) -> str:
    """Cases passing their expected.json (where one exists), and cases whose figures and
    verdicts are those of the default model on torch (scores aside)."""
    os.environ["FACTCOMPARE_BACKEND"] = backend
    try:
        outcomes = [
            check(case, model=model)
            for case in cases(FIXTURES)
            if (case.path / "expected.json").exists()
        ]
    finally:
        os.environ.pop("FACTCOMPARE_BACKEND")
    passed = sum(o.status == "passed" for o in outcomes)
    if model is None and backend == "onnx":
        mine = backend_results("onnx")
    else:
        mine = fixture_results(model) if model is not None else baseline
    same = [
        name
        for name, got in mine.items()
        if not [c for c in differences(baseline[name], got) if not c.field.startswith("score")]
    ]
    expected = (
        f"{passed}/{len(outcomes)} pass expected.json" if outcomes else "no expected.json yet"
    )
    return f"{expected}; {len(same)}/{len(baseline)} cases identical to MiniLM's verdicts"


def routes(texts: list[str], base_encode_s: float) -> list[str]:
    from compare.embed import load_encoder, load_model

    encoder = load_model(None)
    onnx = load_encoder(None, "onnx")
    lines = []
    for batch in (16, 32, 64, 128):
        t0 = time.perf_counter()
        encoder.encode(texts, batch_size=batch, normalize_embeddings=True, show_progress_bar=False)
        lines.append(
            f"| MiniLM torch, batch {batch}{' (default)' if batch == BATCH_SIZE else ''} "
            f"| {time.perf_counter() - t0:.2f} s | same model |"
        )
    for batch in (16, 32, 64):
        t0 = time.perf_counter()
        onnx.encode(texts, batch_size=batch)  # type: ignore[call-arg]
        default = " (default)" if batch == ONNX_BATCH_SIZE else ""
        lines.append(
            f"| MiniLM ONNX fp32, batch {batch}{default} | {time.perf_counter() - t0:.2f} s "
            "| same model |"
        )
    baseline = backend_results("torch")
    quality = fixture_quality(None, baseline)
    lines.append(f"| MiniLM torch, fixtures | - | {quality} |")
    lines.append(
        f"| MiniLM ONNX fp32 (default backend), fixtures | {base_encode_s:.2f} s "
        f"| {fixture_quality(None, baseline, backend='onnx')} |"
    )
    lines.append(int8_route(texts, baseline))
    m2v = distilled_model()
    if m2v is None:
        lines.append(
            "| model2vec distilled from MiniLM | - | not installed (`pip install model2vec`) |"
        )
        return lines
    from sentence_transformers import SentenceTransformer

    static = SentenceTransformer(str(m2v), device="cpu")
    static.encode(["Warm-up."])
    t0 = time.perf_counter()
    static.encode(texts, batch_size=BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False)
    took = time.perf_counter() - t0
    lines.append(
        f"| model2vec distilled from MiniLM (`--model {m2v.relative_to(ROOT)}`) "
        f"| {took:.2f} s | {fixture_quality(str(m2v), baseline)} |"
    )
    return lines


def backend_results(backend: str) -> dict[str, dict[str, Any]]:
    """Every fixture case's report on one backend, from an empty vector cache."""
    os.environ["FACTCOMPARE_BACKEND"] = backend
    os.environ["FACTCOMPARE_CACHE_DIR"] = tempfile.mkdtemp(prefix="factcompare-bench-")
    try:
        return fixture_results(None)
    finally:
        os.environ.pop("FACTCOMPARE_BACKEND")


def identity(env: dict[str, str]) -> list[str]:
    """`factcompare check fixtures` on each backend, and their reports compared field by field."""
    lines = []
    for backend in ("onnx", "torch"):
        done = subprocess.run(
            [str(BIN / "factcompare"), "check", str(FIXTURES)],
            env={
                **env,
                "FACTCOMPARE_BACKEND": backend,
                "FACTCOMPARE_CACHE_DIR": tempfile.mkdtemp(prefix="factcompare-bench-"),
            },
            capture_output=True,
            text=True,
            check=False,
        )
        last = (done.stdout.strip().splitlines() or ["(no output)"])[-1]
        lines.append(
            f"| `FACTCOMPARE_BACKEND={backend} factcompare check fixtures` | exit {done.returncode}"
            f" | {last} |"
        )
    onnx, torch = backend_results("onnx"), backend_results("torch")
    same = [n for n in onnx if not list(differences(torch[n], onnx[n], score_tolerance=0.0))]
    apart = [n for n in onnx if not list(differences(torch[n], onnx[n]))]
    scores = [
        abs(a["score"] - b["score"])
        for n in onnx
        for a, b in zip(torch[n].get("rows", []), onnx[n].get("rows", []), strict=False)
        if isinstance(a.get("score"), float) and isinstance(b.get("score"), float)
    ]
    lines.append(
        f"| reports of the fixture cases, ONNX against torch | {len(same)}/{len(onnx)} "
        f"identical, scores exact | {len(apart)}/{len(onnx)} identical within the checker's "
        f"score tolerance; largest score difference {max(scores, default=0.0):.4f} |"
    )
    return lines


INT8 = "bench:minilm-int8"  # a name the cache keys by; load_model is patched to answer it


def int8_route(texts: list[str], baseline: dict[str, dict[str, Any]]) -> str:
    """MiniLM with its Linear layers quantised to int8 by torch (dynamic quantisation,
    no new package), timed on the same sentences and run over the fixtures."""
    import warnings

    import torch

    from compare import embed as embed_module

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch's notice that this API is moving
        int8 = torch.ao.quantization.quantize_dynamic(
            embed_module.load_model(None), {torch.nn.Linear}, dtype=torch.qint8
        )
    int8.encode(["Warm-up."])
    t0 = time.perf_counter()
    int8.encode(texts, batch_size=BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False)
    took = time.perf_counter() - t0
    real, real_resolve = embed_module.load_model, embed_module.resolve_model
    embed_module.load_model = lambda name=None: int8 if name == INT8 else real(name)  # type: ignore[assignment]
    embed_module.resolve_model = lambda name: name if name == INT8 else real_resolve(name)  # type: ignore[assignment]
    try:
        quality = fixture_quality(INT8, baseline)
    finally:
        embed_module.load_model, embed_module.resolve_model = real, real_resolve
    return f"| MiniLM, int8 dynamic quantisation (torch) | {took:.2f} s | {quality} |"


def distilled_model() -> Path | None:
    """A model2vec static model distilled from the bundled MiniLM, offline; None if unavailable."""
    if (M2V_DIR / "modules.json").exists():
        return M2V_DIR
    try:
        from model2vec.distill import distill  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    model = distill(model_name=resolve_model(None), pca_dims=256)
    model.save_pretrained(str(M2V_DIR))
    return M2V_DIR if (M2V_DIR / "modules.json").exists() else None


# -- report -----------------------------------------------------------------------------


def row(what: str, value: float, goal: str, ok: bool | None, note: str, unit: str = "s") -> str:
    shown = f"{value:.3f} s" if unit == "s" else f"{value:,.0f} {unit}"
    verdict = "-" if ok is None else ("met" if ok else "**missed**")
    return f"| {what} | {shown} | {goal} | {verdict} | {note} |"


def write(section: str) -> None:
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    block = f"{BEGIN}\n{section}\n{END}"
    if BEGIN in old and END in old:
        new = old[: old.index(BEGIN)] + block + old[old.index(END) + len(END) :]
    else:
        new = old.rstrip("\n") + "\n\n" + block + "\n"
    RESULTS.write_text(new, encoding="utf-8")


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--runs", type=int, default=5, help="runs per median (start-up: twice this)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="skip the many-articles and routes parts"
    )
    parser.add_argument(
        "--no-write", action="store_true", help="print only; leave RESULTS.md alone"
    )
    args = parser.parse_args(argv)

    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "TOKENIZERS_PARALLELISM": "false",
    }
    header = ["| measure | measured | goal | | beside it |", "| --- | --- | --- | --- | --- |"]
    compileall.compile_dir(ROOT / "compare", quiet=1)  # see the module's docstring
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="factcompare-bench-") as tmp:
        work = Path(tmp)
        env["FACTCOMPARE_CACHE_DIR"] = str(work / "nocache")
        lines = list(header)
        print("start-up ...", file=sys.stderr)
        lines += startup(args.runs * 2, env)
        print("one diff ...", file=sys.stderr)
        diff_rows, _ = one_diff(args.runs, env, work)
        lines += diff_rows
        route_lines: list[str] = []
        if not args.quick:
            print("many articles ...", file=sys.stderr)
            many_rows, info = many(args.runs)
            lines += many_rows
            print("routes ...", file=sys.stderr)
            route_lines = [
                "",
                "Faster routes (encoding the many-articles sentences once, in process; "
                "quality = fixture cases passing):",
                "",
                "| route | encode time | fixtures passing |",
                "| --- | --- | --- |",
                *routes(info["texts"], info["encode_s"]),
            ]
            print("identity ...", file=sys.stderr)
            route_lines += [
                "",
                "Verdict identity of the two backends (vector caches empty):",
                "",
                "| what | result | beside it |",
                "| --- | --- | --- |",
                *identity(env),
            ]
    section = "\n".join(
        [
            "## Speed (issues 7 and 15): `make bench-speed`",
            "",
            f"Machine: {machine()}; load average (1 min) {load_before:.1f} at the start, "
            f"{os.getloadavg()[0]:.1f} at the end (shared with other jobs: read the ratios).",
            f"Command: `{_shown(Path(sys.executable))} "
            f"bench/speed.py --runs {args.runs}{' --quick' if args.quick else ''}`.",
            "",
            *lines,
            *route_lines,
        ]
    )
    if args.quick:
        section = keep_the_rest(section)
    print(section)
    if not args.no_write:
        write(section)


def keep_the_rest(section: str) -> str:
    """A --quick section with the rows it did not measure (many articles, routes, identity)
    kept from the section in RESULTS.md, each marked as from the earlier full run."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    if BEGIN not in old or END not in old:
        return section
    mark, said = "(earlier run) ", "Rows marked (earlier run)"
    before = old[old.index(BEGIN) + len(BEGIN) : old.index(END)].strip("\n").splitlines()
    when = next((line for line in before if line.startswith(said)), None)
    if when is None:
        machine_line = next((x for x in before if x.startswith("Machine: ")), "Machine: ?")
        when = (
            f"{said} and the tables below are from the last full run "
            f"({machine_line.removeprefix('Machine: ').split(';')[0]}), not measured by this "
            "--quick run."
        )

    def name(line: str) -> str:
        return line.split("|")[1].strip().removeprefix(mark)

    measured = {name(line) for line in section.splitlines() if line.startswith("| ")}
    rows = [i for i, line in enumerate(before) if line.startswith("| ")]
    table_end = next((i for i in rows if i + 1 not in rows), -1)
    kept = [
        "| " + mark + line.removeprefix("| ").removeprefix(mark)
        for line in before[: table_end + 1]
        if line.startswith("| ")
        and not line.startswith(("| measure ", "| ---"))
        and name(line) not in measured
    ]
    rest = [line for line in before[table_end + 1 :] if not line.startswith(said)]
    while rest and not rest[0].strip():
        rest.pop(0)
    return "\n".join([section, *kept, "", when, "", *rest])


if __name__ == "__main__":
    main()
