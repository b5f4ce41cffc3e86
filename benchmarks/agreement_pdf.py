"""Agreement PDF benchmark: 人民调解协议书 generation against a bare reportlab document and LibreOffice.

    cd /work/main && .venv/bin/python benchmarks/agreement_pdf.py [--runs N] [--soffice-runs N] [--profile]

Two AgreementDocuments are built in memory: a 2-party agreement (the usual one) and a 12-party one with
6,000 characters of facts and a clause per respondent (the longest the form allows in practice). For each:

- ``build_agreement_pdf`` (the app's PDF: tables, signature block, two-pass 第X页 共Y页 footer, QR code on
  every page, the fallback font for 𠈌), median of --runs after a warm-up that registers the fonts;
- the baseline, timed in the same run, interleaved: a bare reportlab SimpleDocTemplate of the same text
  (every sentence the agreement prints, as plain Paragraphs in the same CJK font, Noto Sans SC with
  CJK wrapping; no tables, no footer, no QR, no fallback font);
- when ``soffice`` is on PATH: converting the .docx of the same document (documents/agreement_docx.py)
  with ``soffice --headless --convert-to pdf``, one process per conversion as an app would start it,
  a few runs after a warm-up conversion that creates its profile (benchmarks/.cache/lo-profile).

Aim (the issue): PDF ≤ 1.5x the bare reportlab document; ≥ 40x faster than LibreOffice. The script prints
the figures and whether each aim is met; it always exits 0. --profile prints a cProfile of the
12-party build and the time by part (layout, fonts and line breaking, footer and QR, writing the file).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / "benchmarks" / ".cache"
WORK = CACHE / "agreement_pdf"
sys.path.insert(0, str(REPO))

AIM_RATIO = 1.5       # PDF time / bare reportlab time, at most
AIM_SOFFICE = 40.0    # soffice time / PDF time, at least
TODAY = dt.date(2026, 5, 6)
RARE = "\U0002020C"   # 𠈌 (CJK Ext. B): set in the fallback font
NAMES = ["王㛃", f"张{RARE}华", "李秀英", "赵大海", "孙小梅", "周建国", "吴桂兰", "郑国强", "冯玉兰", "陈志刚",
         "褚卫东", "欧阳春花"]
PIECE = ("2026年3月，张𠈌华翻建院墙时越过两家宅基地界线约半米（“滴水”之地），王㛃阻止施工，双方发生争执，"
         "院墙被推倒两米多，砖块损坏。")


# --- the documents ----------------------------------------------------------------------
def make_document(parties: int, facts_chars: int):
    """An AgreementDocument of ``parties`` individuals (the first a third are applicants, two third
    parties, the rest respondents), ``facts_chars`` characters of facts, a clause per respondent."""
    from xinye_desktop.documents.agreement import AgreementDocument
    from xinye_desktop.domain.agreement import (
        AgreementInput, ClauseInput, PaymentMeans, PaymentMode, check_agreement, confirmation_warning,
    )
    from xinye_desktop.domain.cases import CaseInput, PartyInput, check_case
    from xinye_desktop.domain.elders import ElderInput, check_elder
    from xinye_desktop.domain.enums import (
        CaseSource, DisputeType, ElderIdentity, ElderSelection, PartyKind, PartyRole, Sex,
    )
    from xinye_desktop.domain.roles import HostKind, PersonInput, Role, check_person

    applicants = max(1, parties // 3)
    third = 2 if parties >= 6 else 0
    roles = ([PartyRole.APPLICANT] * applicants + [PartyRole.RESPONDENT] * (parties - applicants - third)
             + [PartyRole.THIRD_PARTY] * third)
    inputs = [PartyInput(kind=PartyKind.INDIVIDUAL, role=role, name=NAMES[n], sex=Sex.MALE if n % 2 else Sex.FEMALE,
                         age_text=str(40 + n), occupation="农民", phone=f"138{n:08d}",
                         address=f"新野县王庄镇王庄村{n + 1}组{10 + n}号")
              for n, role in enumerate(roles)]
    facts = "\n".join(f"第{n}段：" + PIECE * (1 + n % 3) for n in range(1, 400))[:facts_chars]
    case, errors, _ = check_case(CaseInput(received_date=TODAY - dt.timedelta(days=4), source=CaseSource.PARTY_APPLICATION,
                                           dispute_type=DisputeType.HOUSING_HOMESTEAD, village="王庄村", group="3组",
                                           facts=facts[:400], parties=inputs), today=TODAY)
    assert case is not None, errors
    case = replace(case, id=7, case_number="（2026）新调字第001号",
                   parties=tuple(replace(p, id=n) for n, p in enumerate(case.parties, start=1)))
    ids = tuple(p.id for p in case.parties)
    respondents = [p.id for p in case.parties if p.role is PartyRole.RESPONDENT]
    clauses = [ClauseInput(r, ids[0], f"赔偿第{k}项院墙及砖块损失", str(1000 * (k + 1) + 0.5), PaymentMode.LUMP_SUM,
                           PaymentMeans.TRANSFER, "2026-05-15") for k, r in enumerate(respondents, start=1)]
    clauses.append(ClauseInput(None, None, "各方今后按原界线各自管理，共用出路保持一米二宽，任何一方不得堆放杂物"))
    content, errors = check_agreement(AgreementInput(
        facts=facts, issues="院墙界线如何确定；推倒院墙造成的损失由谁承担。",
        responsibilities="越界施工一方负主要责任；推倒院墙一方负次要责任。", clauses=clauses,
        performance_note="款项转入申请人本人银行账户，转账凭证交村调委会存档。"), ids, TODAY)
    assert content is not None, errors
    hosts = (check_person(PersonInput(role=Role.HOST, name="刘振华", unit="王庄村委会", post="主任",
                                      host_kind=HostKind.VILLAGE_CADRE))[0],
             check_person(PersonInput(role=Role.HOST, name="赵卫东", unit="王庄镇派出所", post="民警",
                                      host_kind=HostKind.LINK_POLICE))[0])
    elders = tuple(check_elder(ElderInput(name=name, village="王庄村", sex=Sex.MALE, birth_year_text="1952",
                                          identity=ElderIdentity.VETERAN_PARTY_MEMBER,
                                          selection=ElderSelection.VILLAGE_MEETING, selected_on_text="2023-03-01"),
                               TODAY)[0] for name in ("王明理", "张德福"))
    witness = check_person(PersonInput(role=Role.WITNESS, name="孙立新", unit="乡镇国土资源所"))[0]
    recorder = check_person(PersonInput(role=Role.RECORDER, name="陈晓燕", unit="王庄村委会", post="文书"))[0]
    assert all(hosts) and all(elders) and witness and recorder
    warning = confirmation_warning(case.dispute_type, content)
    return AgreementDocument(
        committee_name="新野县王庄镇王庄村人民调解委员会", number=case.case_number, case=case, content=content,
        hosts=hosts, elders=elders, witnesses=((witness, "五月十日前到现场按宅基地使用证四至重新测量放线，出具测量图"),),
        recorder=recorder, code="6DE4-7HPF-1EW6", verify_hint="核验：在三理室调解台“验证”中输入此码，或扫描二维码",
        warnings=(warning,) if warning else ())


def without_rare(doc):
    """The same document with 𠈌 written 华: no fallback font, one fragment a paragraph."""
    case = replace(doc.case, parties=tuple(replace(p, name=p.name.replace(RARE, "华")) for p in doc.case.parties))
    return replace(doc, case=case, content=replace(doc.content, facts=doc.content.facts.replace(RARE, "华")))


def document_text(doc) -> list[str]:
    """Every sentence the agreement prints, in order, through the same wording helpers."""
    from xinye_desktop.documents import agreement as a
    from xinye_desktop.documents import signatures as sig
    from xinye_desktop.documents import text as t

    out = [t.committee_text(doc), a.TITLE, f"编号：{doc.number}"]
    for party in doc.case.parties:
        out.append(party.role.label + "　" + "　".join(f"{k}：{t.inline_text(v)}" for k, v in t.party_fields(party)))
    out.append(a.FACTS_HEADING)
    out += t.text_lines(doc.content.facts)
    out += [f"争议事项：{line}" for line in t.text_lines(doc.content.issues)]
    out += [f"各方当事人的责任：{line}" for line in t.text_lines(doc.content.responsibilities)]
    out.append(a.AGREED_HEADING)
    for n, clause in enumerate(doc.content.clauses, start=1):
        out += a.clause_paragraphs(n, clause, doc.case)
    out += ["履行方式、时限：" + line for line in t.text_lines(doc.content.performance_note)]
    out += a.participants_paragraphs(doc)
    out.append(a.copies_text(doc.content.copies))
    out += ["特别提示：" + t.inline_text(w) for w in doc.warnings]
    out.append(a.PARTIES_SIGN_HEADING)
    for party in doc.case.parties:
        out += [f"{party.name}（{party.role.label}）", "签名：", sig.FINGERPRINT]
    out.append(a.MEDIATORS_SIGN_HEADING)
    out += [h.name + "：" for h in doc.hosts] + [e.name + "：" for e in doc.elders]
    out += [a.WITNESSES_SIGN_HEADING] + [w.name + "：" for w, _ in doc.witnesses]
    out += [a.RECORDER_SIGN_HEADING, (doc.recorder.name if doc.recorder else "") + "："]
    out += [sig.SEAL_TEXT, t.committee_text(doc), t.date_text(doc.signed_on)]
    return out


def build_bare(lines: list[str], target: Path) -> Path:
    """The baseline: the same text as plain Paragraphs in the same CJK font, same page and margins."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from xinye_desktop.documents.writer import FOOTER_MM, FRAME_PADDING, MARGIN_MM
    from xinye_desktop.documents.fonts import register_fonts

    font = register_fonts()
    style = ParagraphStyle("body", fontName=font, bulletFontName=font, fontSize=11.5, leading=21, wordWrap="CJK")
    side = MARGIN_MM * mm - FRAME_PADDING
    pdf = SimpleDocTemplate(str(target), pagesize=A4, leftMargin=side, rightMargin=side, topMargin=18 * mm,
                            bottomMargin=FOOTER_MM * mm)
    pdf.build([Paragraph(escape(line), style) for line in lines])
    return target


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


# --- timing -----------------------------------------------------------------------------
def interleaved(fns: dict, runs: int) -> dict[str, list[float]]:
    """ms per call of each function, ``runs`` rounds, alternating which goes first."""
    times: dict[str, list[float]] = {k: [] for k in fns}
    order = list(fns)
    clock = time.perf_counter_ns
    gc.collect()
    for rep in range(runs):
        for key in (order if rep % 2 == 0 else order[::-1]):
            t = clock()
            fns[key]()
            times[key].append((clock() - t) / 1e6)
    return times


def soffice_convert(soffice: str, docx: Path, outdir: Path, profile: Path) -> float:
    """ms for one ``soffice --headless --convert-to pdf`` process."""
    t = time.perf_counter_ns()
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
                   check=True, capture_output=True, timeout=300)
    ms = (time.perf_counter_ns() - t) / 1e6
    if not (outdir / (docx.stem + ".pdf")).exists():
        raise RuntimeError("soffice wrote no PDF")
    return ms


def bench(runs: int, soffice_runs: int) -> list[dict]:
    from xinye_desktop.documents.agreement import build_agreement_pdf
    from xinye_desktop.documents.agreement_docx import build_agreement_docx
    from xinye_desktop.documents.fonts import register_fonts

    WORK.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    register_fonts()
    print(f"  fonts registered in {(time.perf_counter() - t) * 1000:.0f} ms (once per process, not in the figures)")
    soffice = shutil.which("soffice")
    profile = CACHE / "lo-profile"
    results = []
    for label, parties, facts in (("2 parties", 2, 400), ("12 parties, 6,000-char facts", 12, 6000)):
        doc = make_document(parties, facts)
        lines = document_text(doc)
        pdf_path, bare_path = WORK / f"agreement-{parties}.pdf", WORK / f"bare-{parties}.pdf"
        # warm-up: the fallback font (𠈌), the imports, the caches of each path
        build_agreement_pdf(doc, pdf_path)
        build_bare(lines, bare_path)
        no_qr, no_rare = replace(doc, code=""), without_rare(doc)
        build_agreement_pdf(no_rare, pdf_path)  # warm-up of the variants
        times = interleaved({"pdf": lambda: build_agreement_pdf(doc, pdf_path),
                             "bare": lambda: build_bare(lines, bare_path),
                             "no_qr": lambda: build_agreement_pdf(no_qr, pdf_path),
                             "no_rare": lambda: build_agreement_pdf(no_rare, pdf_path)}, runs)
        build_agreement_pdf(doc, pdf_path)  # the file left behind is the real one
        docx_path = WORK / f"agreement-{parties}.docx"
        build_agreement_docx(doc, docx_path)
        docx_times = interleaved({"docx": lambda: build_agreement_docx(doc, docx_path)}, max(3, runs // 3))["docx"]
        res = {"label": label, "parties": parties, "chars": sum(len(x) for x in lines),
               "pages": page_count(pdf_path), "bare_pages": page_count(bare_path),
               "pdf_ms": statistics.median(times["pdf"]), "pdf_min": min(times["pdf"]), "pdf_max": max(times["pdf"]),
               "bare_ms": statistics.median(times["bare"]), "docx_ms": statistics.median(docx_times),
               "no_qr_ms": statistics.median(times["no_qr"]), "no_rare_ms": statistics.median(times["no_rare"]),
               "soffice_ms": None, "soffice_note": ""}
        res["ratio"] = res["pdf_ms"] / res["bare_ms"]
        res["bare_min"] = min(times["bare"])
        if soffice is None:
            res["soffice_note"] = "skipped: soffice not on PATH"
        else:
            outdir = WORK / "soffice"
            outdir.mkdir(exist_ok=True)
            try:
                soffice_convert(soffice, docx_path, outdir, profile)  # warm-up: creates the profile
                lo = [soffice_convert(soffice, docx_path, outdir, profile) for _ in range(soffice_runs)]
                res["soffice_ms"] = statistics.median(lo)
                res["soffice_pages"] = page_count(outdir / (docx_path.stem + ".pdf"))
            except (subprocess.SubprocessError, RuntimeError, OSError) as err:
                res["soffice_note"] = f"failed: {err}"
        results.append(res)
    return results


# --- profile ---------------------------------------------------------------------------
def cumulative(stats, file_part: str, name: str) -> float:
    """Seconds spent in (and under) the function ``name`` of a file whose path contains ``file_part``."""
    return max((ct for (file, _line, fn), (_cc, _nc, _tt, ct, _callers) in stats.stats.items()
                if fn == name and file_part in file), default=0.0)


def profile(top: int) -> None:
    from xinye_desktop.documents.agreement import build_agreement_pdf

    doc = make_document(12, 6000)
    target = WORK / "profile.pdf"
    build_agreement_pdf(doc, target)
    builds = 5
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(builds):
        build_agreement_pdf(doc, target)
    prof.disable()
    stats = pstats.Stats(prof)
    total = cumulative(stats, "agreement.py", "build_agreement_pdf")
    story = cumulative(stats, "agreement.py", "story")
    build = cumulative(stats, "doctemplate.py", "build")
    end = cumulative(stats, "doctemplate.py", "_endBuild")  # the held pages: footers, then the file
    draw = cumulative(stats, "flowables.py", "drawOn")
    footer = cumulative(stats, "documents", "footer")
    qr = cumulative(stats, "renderPDF.py", "draw")
    write = cumulative(stats, "pdfgen", "save")
    breaking = cumulative(stats, "fonts.py", "_cjk_frag_split") + cumulative(stats, "fonts.py", "_dumb_split")
    parts = [
        ("the story: Paragraphs made (markup, parsing)", story),
        ("page layout: wrap, split, keep-together", build - draw - end),
        ("  of which line breaking (fonts.py, 避头尾)", breaking),
        ("drawing: text, tables, signature boxes", draw),
        ("footers: 编号, 第X页 共Y页, code (text)", footer - qr),
        ("footers: the QR code, re-encoded and drawn on each page", qr),
        ("writing the file: font subsets, compression", write),
        ("the rest", total - story - (build - draw - end) - draw - footer - write),
    ]
    print(f"\n== cProfile of build_agreement_pdf, 12 parties, {builds} builds: {total * 1000 / builds:.0f} ms a build "
          f"under the profiler (about 2.5x the real time), by part ==")
    for part, seconds in parts:
        print(f"  {part:<58}{seconds * 1000 / builds:>8.1f} ms  {seconds / total:>5.0%}")
    out = io.StringIO()
    pstats.Stats(prof, stream=out).strip_dirs().sort_stats("tottime").print_stats(top)
    text = out.getvalue()
    print("\n== by own time ==")
    print("  " + text[text.find("   ncalls"):].strip().replace("\n", "\n  "))


# --- main -------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21, help="timed builds per variant (default 21)")
    parser.add_argument("--soffice-runs", type=int, default=3, help="timed LibreOffice conversions (default 3)")
    parser.add_argument("--profile", action="store_true", help="cProfile the 12-party build, time by part")
    parser.add_argument("--profile-top", type=int, default=25, help="functions listed per profile (default 25)")
    args = parser.parse_args(argv)

    import reportlab

    print(f"Python {platform.python_version()}, reportlab {reportlab.Version}, {platform.system()} "
          f"{platform.machine()}, {os.cpu_count()} CPUs")
    results = bench(args.runs, args.soffice_runs)
    print(f"\n== Medians of {args.runs} interleaved builds after a warm-up (LibreOffice: {args.soffice_runs} "
          f"conversions after one) ==")
    print(f"  {'document':<30}{'chars':>7}{'pages':>7}{'PDF ms':>9}{'min':>7}{'max':>7}{'bare ms':>9}"
          f"{'ratio':>7}{'of mins':>8}{'no QR':>8}{'no 𠈌':>7}{'docx ms':>9}{'soffice ms':>12}{'PDF faster':>12}")
    for r in results:
        lo = f"{r['soffice_ms']:>12.0f}{r['soffice_ms'] / r['pdf_ms']:>11.0f}x" if r["soffice_ms"] else f"{'-':>12}{'-':>12}"
        print(f"  {r['label']:<30}{r['chars']:>7,}{r['pages']:>4}/{r['bare_pages']:<2}{r['pdf_ms']:>9.1f}"
              f"{r['pdf_min']:>7.1f}{r['pdf_max']:>7.1f}{r['bare_ms']:>9.1f}{r['ratio']:>6.2f}x"
              f"{r['pdf_min'] / r['bare_min']:>7.2f}x{r['no_qr_ms']:>8.1f}"
              f"{r['no_rare_ms']:>8.1f}{r['docx_ms']:>9.1f}{lo}")
    print("  pages: the agreement's / the bare document's. ratio: of the medians (the aim); of mins: fastest PDF / "
          "fastest bare build, less moved by other load on the machine. For information: no QR = the same PDF "
          "without a code "
          "(no QR drawn); no 𠈌 = 𠈌 written 华 (no fallback font); docx = build_agreement_docx; "
          "PDF faster = soffice ms / PDF ms")
    if args.profile:
        profile(args.profile_top)

    print("\n== Summary ==")
    worst = max(results, key=lambda r: r["ratio"])
    print(f"  aim ≤ {AIM_RATIO:g}x bare reportlab: " + ("MET" if worst["ratio"] <= AIM_RATIO else "NOT MET")
          + " (" + ", ".join(f"{r['label']} {r['ratio']:.2f}x" for r in results) + ")")
    timed = [r for r in results if r["soffice_ms"]]
    if timed:
        least = min(timed, key=lambda r: r["soffice_ms"] / r["pdf_ms"])
        print(f"  aim ≥ {AIM_SOFFICE:g}x faster than LibreOffice: "
              + ("MET" if least["soffice_ms"] / least["pdf_ms"] >= AIM_SOFFICE else "NOT MET")
              + " (" + ", ".join(f"{r['label']} {r['soffice_ms'] / r['pdf_ms']:.0f}x" for r in timed) + ")")
    else:
        print("  LibreOffice comparison skipped: " + "; ".join(sorted({r["soffice_note"] for r in results})))
    return 0


if __name__ == "__main__":
    sys.exit(main())
