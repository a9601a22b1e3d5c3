"""The PDF import benchmark (`make bench-import`, also run by `make bench`).

Prints, on this machine:

1. the two PDF libraries compared on every PDF fixture: seconds to get every
   character with its box (pdfplumber on pdfminer.six, and pypdfium2), and
   whether both read the same characters;
2. median seconds per report of `nianbao import` (read, match, write the draft,
   check it) for the 6-page export PDF and the 5-page 洪泽 report (target ≤ 1 s);
3. `nianbao import` of a folder of N PDFs (default 500, the fixtures copied under
   new names), its batch loop running one process per core (target ≤ 5 min for 500).

    .venv/bin/python bench/import_pdf.py --runs 5 --folder 500
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "import"
NIANBAO = Path(sys.executable).parent / "nianbao"
TEXT_PDFS = [FIXTURES / "hongze-2023" / "report.pdf", *sorted(p for p in (FIXTURES / "pdf").glob("*.pdf") if "scanned" not in p.name)]


def plumber_chars(path: Path) -> Counter[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return Counter(c["text"] for page in pdf.pages for c in page.chars if c["text"].strip())


def pdfium_chars(path: Path) -> Counter[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    found: Counter[str] = Counter()
    for page in pdf:
        text = page.get_textpage()
        for i in range(text.count_chars()):
            ch = text.get_text_range(i, 1)
            text.get_charbox(i)  # the position, as the reader would need it
            if ch.strip():
                found[ch] += 1
    pdf.close()
    return found


def _median(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def compare_libraries(runs: int) -> None:
    print("PDF libraries: seconds to read every character with its box (median of runs)")
    print(f"{'file':28} {'pages':>5} {'pdfplumber':>11} {'pypdfium2':>10} {'same characters':>16}")
    for path in TEXT_PDFS:
        import pypdfium2 as pdfium

        pages = len(pdfium.PdfDocument(str(path)))
        a = _median(lambda p=path: plumber_chars(p), runs)
        b = _median(lambda p=path: pdfium_chars(p), runs)
        same = plumber_chars(path) == pdfium_chars(path)
        print(f"{path.parent.name + '/' + path.name:28} {pages:>5} {a:>11.3f} {b:>10.3f} {'yes' if same else 'no':>16}")


def per_report(runs: int) -> None:
    from nianbao.importer import import_file

    print("\nnianbao import, one report (read, match, write, check): median seconds")
    for path, agency in ((FIXTURES / "pdf" / "export-2021.pdf", "export"), (FIXTURES / "hongze-2023" / "report.pdf", "hongze")):
        with tempfile.TemporaryDirectory() as tmp:
            import_file(path, Path(tmp) / "data", agency=agency, force=True)  # warm imports and caches
            seconds = _median(lambda p=path, t=tmp, a=agency: import_file(p, Path(t) / "data", agency=a, force=True), runs)
        print(f"  {path.parent.name}/{path.name}: {seconds:.3f} s  (target ≤ 1 s)")


def folder(count: int) -> None:
    """`nianbao import <folder> --force` as a user runs it: the batch loop, one process per core."""
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        inbox = root / "in"
        inbox.mkdir()
        (root / "data").mkdir()
        for i in range(count):
            shutil.copy(TEXT_PDFS[i % len(TEXT_PDFS)], inbox / f"report-{i:04d}-2023.pdf")
        start = time.perf_counter()
        # --force: copies of one report find the agency the first copy created and overwrite its draft.
        done = subprocess.run([str(NIANBAO), "--root", str(root), "import", str(inbox), "--force"], capture_output=True, text=True)
        wall = time.perf_counter() - start
    failed = sum(1 for line in done.stdout.splitlines() if line.startswith("✗"))
    print(f"\nnianbao import of a folder of {count} PDFs ({cores} cores): {wall:.1f} s ({wall / count:.3f} s a report)")
    print(f"  target ≤ 300 s for 500; {failed} not imported")


def main() -> None:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{os.cpu_count()} cores, load average {load:.1f} at start (other work on the machine slows every figure)\n")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--folder", type=int, default=500, help="number of PDFs in the folder run (0 to skip)")
    args = parser.parse_args()
    compare_libraries(args.runs)
    per_report(args.runs)
    if args.folder:
        folder(args.folder)


if __name__ == "__main__":
    main()
