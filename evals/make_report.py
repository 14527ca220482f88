"""Write evals/REPORT.md: every gold set against the sample index and the index with corpus-extra.

Run ``python -m evals.make_report --samples-index DIR [--all-index DIR]``; both
indexes must exist (``policyqa index`` and ``policyqa index corpus/samples
../shared/corpus-extra --index-dir DIR``). Gold files whose documents are not
in an index are skipped for it. Each run also includes the BM25-only,
dense-only and hybrid ablation.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from answer.pipeline import QA
from evals.report import render_markdown
from evals.run import ABLATION_KEYS, METRIC_KEYS, fmt, run_eval

ROOT = Path(__file__).resolve().parent.parent
# figures only: their questions stay unseen (team11: blind, measured at session 16's start
# and end only, kept unread for the next sessions' measures; team60, team64, team66, team68,
# team70, team71, team74, team76: blind from sessions 48, 50, 51, 54, 55, 56, 57 and 58;
# team78, team80, team81: blind from session 59; team84, team85: blind from session 60;
# team88, team89: blind from session 61)
HELD_OUT = (
    "holdout.jsonl",
    "holdout2.jsonl",
    "team11.jsonl",
    "team60.jsonl",
    "team64.jsonl",
    "team66.jsonl",
    "team68.jsonl",
    "team70.jsonl",
    "team71.jsonl",
    "team74.jsonl",
    "team76.jsonl",
    "team78.jsonl",
    "team80.jsonl",
    "team81.jsonl",
    "team84.jsonl",
    "team85.jsonl",
    "team88.jsonl",
    "team89.jsonl",
    "team92.jsonl",
    "team93.jsonl",
    "team96.jsonl",
    "team97.jsonl",
)
_TEAM = ROOT / "evals" / "gold"
_SHARED = ROOT.parent / "shared" / "gold"
GOLD = {
    "shared dev set (../shared/gold/dev.jsonl)": _SHARED / "dev.jsonl",
    "shared realistic shapes (../shared/gold/dev2.jsonl)": _SHARED / "dev2.jsonl",
    "team set over the samples (evals/gold/team_samples.jsonl)": _TEAM / "team_samples.jsonl",
    "team set over corpus-extra (evals/gold/team_extra.jsonl)": _TEAM / "team_extra.jsonl",
    "team shapes over the samples (evals/gold/team_shapes_samples.jsonl)": _TEAM
    / "team_shapes_samples.jsonl",
    "team shapes over corpus-extra (evals/gold/team_shapes_extra.jsonl)": _TEAM
    / "team_shapes_extra.jsonl",
    "team3, all shapes, written blind, then tuned on (evals/gold/team3.jsonl)": _TEAM
    / "team3.jsonl",
    "team4, lists and names, written blind, then tuned on (evals/gold/team4.jsonl)": _TEAM
    / "team4.jsonl",
    "team5, 70 over 45 new corpus-extra documents, written blind in session 12, then tuned on "
    "(evals/gold/team5.jsonl)": _TEAM / "team5.jsonl",
    "team5s, 40 over the samples, written blind in session 12, then tuned on "
    "(evals/gold/team5s.jsonl)": _TEAM / "team5s.jsonl",
    "team6, 70 over 41 more new corpus-extra documents, written blind in session 13, then "
    "tuned on (evals/gold/team6.jsonl)": _TEAM / "team6.jsonl",
    "team6s, 45 over the samples, written blind in session 13, then tuned on "
    "(evals/gold/team6s.jsonl)": _TEAM / "team6s.jsonl",
    "team7, 70 over 36 more new corpus-extra documents, written blind in session 14, then "
    "tuned on (evals/gold/team7.jsonl)": _TEAM / "team7.jsonl",
    "team7s, 40 over the samples, written blind in session 14, then tuned on "
    "(evals/gold/team7s.jsonl)": _TEAM / "team7s.jsonl",
    "team8, 70 over 33 more new corpus-extra documents, written blind in session 15, then "
    "tuned on (evals/gold/team8.jsonl)": _TEAM / "team8.jsonl",
    "team9, 70 over 34 more new corpus-extra documents (national and 驻马店 reports of "
    "several decades, policies), written blind in session 15, lightly tuned on "
    "(evals/gold/team9.jsonl)": _TEAM / "team9.jsonl",
    "team10, 70 over 35 corpus-extra documents no set had used (national reports 1959-2005, "
    "central and Shandong policies), written blind in session 16, then tuned on "
    "(evals/gold/team10.jsonl)": _TEAM / "team10.jsonl",
    "team10r, 70 over sections of 35 city and provincial reports no set had asked about, "
    "written blind in session 16, then tuned on (evals/gold/team10r.jsonl)": _TEAM
    / "team10r.jsonl",
    "team11, 80 (25 over the samples, 55 over corpus-extra), written blind in session 16 and "
    "measured only at the session's start and end, never read (evals/gold/team11.jsonl)": _TEAM
    / "team11.jsonl",
    "team12, 90 (20 over the samples, 70 over new sections of 44 corpus-extra documents), "
    "written blind in session 17, then tuned on (evals/gold/team12.jsonl)": _TEAM / "team12.jsonl",
    "team13, 90 (20 over the samples, 70 over new sections of 58 corpus-extra documents), "
    "written blind in session 17, measured blind after the first changes, then tuned on "
    "(evals/gold/team13.jsonl)": _TEAM / "team13.jsonl",
    "team14, 90 (15 over the samples, 75 over new sections of 55 corpus-extra documents), "
    "written blind in session 17, measured blind near its end, then lightly tuned on "
    "(evals/gold/team14.jsonl)": _TEAM / "team14.jsonl",
    "team15, 90 (10 over the samples, 80 over unused corpus-extra documents and sections: "
    "central and Shandong policies, national reports of 1954-1985, city reports), written blind "
    "in session 18; parts a (w001-w030) and b (w031-w060) then tuned on, part c (w061-w090) "
    "blind to the session's end (evals/gold/team15.jsonl)": _TEAM / "team15.jsonl",
    "team16, 90 (8 over the samples, 82 over corpus-extra: city reports, unused policies, "
    "provincial and national reports), written blind in session 19; parts a (q16-001-030) "
    "and b (q16-031-060) then tuned on, part c (q16-061-090, realistic shapes) blind to the "
    "session's end (evals/gold/team16.jsonl)": _TEAM / "team16.jsonl",
    "team17, 90 (8 over the samples, 82 over corpus-extra: city reports' later sections, "
    "policies no set had used, realistic shapes), written blind in session 20; part b "
    "(q17-031-060, policies) then tuned on, parts a (q17-001-030) and c (q17-061-090, "
    "realistic shapes) blind to the session's end (evals/gold/team17.jsonl)": _TEAM
    / "team17.jsonl",
    "team18, 90 (25 over the samples, 65 over corpus-extra: figures of unused documents, "
    "realistic shapes over the samples and over corpus-extra), written blind in session 21; "
    "part b (q18-031-060, shapes mostly over the samples) then tuned on, parts a (q18-001-030) "
    "and c (q18-061-090) blind to the session's end (evals/gold/team18.jsonl)": _TEAM
    / "team18.jsonl",
    "team19, 90 over corpus-extra (documents no set had used; shapes over unused sections), "
    "written blind in session 22; parts a (q19-001-030) and b (q19-031-060) then tuned on, "
    "part c (q19-061-090) blind to the session's end (evals/gold/team19.jsonl)": _TEAM
    / "team19.jsonl",
    "team20, 60 (10 over the samples, 50 over corpus-extra documents few questions had used), "
    "written in session 22, scored at first contact, then read and tuned on "
    "(evals/gold/team20.jsonl)": _TEAM / "team20.jsonl",
    "team21, 90 over corpus-extra (documents few questions had used), written blind in "
    "session 23; parts a (q21-001-030) and b (q21-031-060, realistic shapes) then tuned on, "
    "part c (q21-061-090) blind to the session's end (evals/gold/team21.jsonl)": _TEAM
    / "team21.jsonl",
    "team22, 90 over corpus-extra (documents few questions had used), written blind in "
    "session 24; parts a (q22-001-030) and b (q22-031-060, realistic shapes) then tuned on, "
    "part c (q22-061-090) blind to the session's end (evals/gold/team22.jsonl)": _TEAM
    / "team22.jsonl",
    "team23, 90 over corpus-extra (documents few questions had used), written blind in "
    "session 25; parts a (q23-001-030) and b (q23-031-060, realistic shapes) then tuned on, "
    "part c (q23-061-090) blind to the session's end (evals/gold/team23.jsonl)": _TEAM
    / "team23.jsonl",
    "team24, 90 over corpus-extra (documents few questions had used), written blind in "
    "session 26; parts a (q24-001-030) and b (q24-031-060, realistic shapes) then tuned on, "
    "part c (q24-061-090) blind to the session's end (evals/gold/team24.jsonl)": _TEAM
    / "team24.jsonl",
    "team25, 60 over corpus-extra (documents few questions had used), written blind at "
    "session 26's end by two helpers: a mix (q25-001-030) and realistic shapes "
    "(q25-031-060); read and tuned on in session 27 (evals/gold/team25.jsonl)": _TEAM
    / "team25.jsonl",
    "team26, 60 over corpus-extra (documents few questions had used), written blind at "
    "session 27's start by two helpers, never read in session 27; read and tuned on in "
    "session 28: a mix (q26-001-030) and realistic shapes (q26-031-060) "
    "(evals/gold/team26.jsonl)": _TEAM / "team26.jsonl",
    "team27, 60 over corpus-extra (documents few questions had used), written blind at "
    "session 28's start by two helpers; measured blind, then read and tuned on mid-session "
    "28: a mix (q27-001-030) and realistic shapes (q27-031-060) (evals/gold/team27.jsonl)": _TEAM
    / "team27.jsonl",
    "team28, 60 over corpus-extra (documents few questions had used), written blind in "
    "session 28 by two helpers after team27 was read, never read in session 28; read and "
    "tuned on in session 29: a mix (q28-001-030) and realistic shapes (q28-031-060) "
    "(evals/gold/team28.jsonl)": _TEAM / "team28.jsonl",
    "team29, 60 over corpus-extra (documents at most three questions had used), written "
    "blind at session 29's start by two helpers, never read in session 29; read and tuned on "
    "in session 30: each half a mix then realistic shapes (q29-001-030, q29-031-060) "
    "(evals/gold/team29.jsonl)": _TEAM / "team29.jsonl",
    "team30, 60 over corpus-extra (documents at most three questions had used), written "
    "blind at session 30's start by two helpers, never read in session 30; read and tuned on "
    "in session 31: each half a mix then realistic shapes (q30-001-030, q30-031-060) "
    "(evals/gold/team30.jsonl)": _TEAM / "team30.jsonl",
    "team31, 60 over corpus-extra (documents at most four questions had used), written "
    "blind near session 30's end by two helpers, never read in sessions 30-31; read and "
    "tuned on in session 32 (evals/gold/team31.jsonl)": _TEAM / "team31.jsonl",
    "team32, 60 over corpus-extra (documents no earlier set drew from), written blind at "
    "session 31's start by two helpers, blind in sessions 31-32; read and tuned on in session "
    "33 (evals/gold/team32.jsonl)": _TEAM / "team32.jsonl",
    "team35, 60 over corpus-extra (documents no earlier set drew from), written blind at "
    "session 32's start by two helpers, blind in sessions 32-33; read and tuned on in session "
    "34 (evals/gold/team35.jsonl)": _TEAM / "team35.jsonl",
    "team36, 60 over corpus-extra (documents earlier sets asked six questions at most about), "
    "written blind at session 33's start by two helpers, blind in sessions 33-34; read and "
    "tuned on in session 35 (evals/gold/team36.jsonl)": _TEAM / "team36.jsonl",
    "team37, 60 over corpus-extra (30 more such documents), written blind mid-session 33 by "
    "two helpers, blind in sessions 33-34; read and tuned on in session 35 "
    "(evals/gold/team37.jsonl)": _TEAM / "team37.jsonl",
    "team38, 60 over corpus-extra (30 more documents earlier sets asked six questions at most "
    "about: 15 reports, 15 policies), written blind at session 34's start by two helpers, "
    "blind in sessions 34-35; read and tuned on in session 36 (evals/gold/team38.jsonl)": _TEAM
    / "team38.jsonl",
    "team39, 60 over corpus-extra (30 more such documents: 15 reports, 15 policies), written "
    "blind at session 34's end by two helpers, blind in sessions 34-35; read and tuned on in "
    "session 36 (evals/gold/team39.jsonl)": _TEAM / "team39.jsonl",
    "team40, 60 over corpus-extra (30 more such documents: 15 reports, 15 policies), written "
    "blind mid-session 35 by two helpers, blind in sessions 35-36; read and tuned on in "
    "session 37 (evals/gold/team40.jsonl)": _TEAM / "team40.jsonl",
    "team41, 60 over corpus-extra (30 more documents no set asked more than five questions "
    "of: 16 reports, 14 policies), written blind at session 36's start by two helpers, blind "
    "in sessions 36-37; read and tuned on in session 38 (evals/gold/team41.jsonl)": _TEAM
    / "team41.jsonl",
    "team42, 60 over corpus-extra (30 more documents no set asked more than five questions "
    "of: 16 reports, 14 policies), written blind at session 37's start by two helpers, blind "
    "in sessions 37-38; read and tuned on in session 39 (evals/gold/team42.jsonl)": _TEAM
    / "team42.jsonl",
    "team43, 60 over corpus-extra (30 more little-asked documents: 16 reports, 14 policies), "
    "written blind at session 38's start by two helpers, blind in sessions 38-39; read and "
    "tuned on in session 40 (evals/gold/team43.jsonl)": _TEAM / "team43.jsonl",
    "team44, 60 over corpus-extra (30 more little-asked documents: 16 reports, 14 policies), "
    "written blind at session 38's end by two helpers, blind in sessions 39-40; read and "
    "tuned on in session 41 (evals/gold/team44.jsonl)": _TEAM / "team44.jsonl",
    "team45, 60 over corpus-extra (30 more little-asked documents: 16 reports, 14 policies), "
    "written blind at session 39's start by two helpers, blind in sessions 39-40; read and "
    "tuned on in session 41 (evals/gold/team45.jsonl)": _TEAM / "team45.jsonl",
    "team46, 60 over corpus-extra (30 more little-asked documents: 16 reports, 14 policies), "
    "written blind at session 40's start by two helpers, blind in sessions 40-41; read and "
    "tuned on in session 42 (evals/gold/team46.jsonl)": _TEAM / "team46.jsonl",
    "team48, 60 over corpus-extra (30 more little-asked documents, all work reports: no "
    "little-asked policy is left), written blind at session 41's start by two helpers, blind "
    "in sessions 41-42; read and tuned on in session 43 (evals/gold/team48.jsonl)": _TEAM
    / "team48.jsonl",
    "team49, 60 over corpus-extra (30 more little-asked documents, all work reports), "
    "written blind at session 42's start by two helpers, blind in sessions 42-43; read and "
    "tuned on in session 44 (evals/gold/team49.jsonl)": _TEAM / "team49.jsonl",
    "team50, 60 over corpus-extra (30 more little-asked documents, all work reports), "
    "written blind at session 43's start by two helpers, blind in sessions 43-44; read and "
    "tuned on in session 45 (evals/gold/team50.jsonl)": _TEAM / "team50.jsonl",
    "team52, 60 (8 over the samples, 46 over 25 little-asked corpus-extra documents: 18 "
    "reports, 7 policies; 6 unanswerable), written blind at session 44's start by two "
    "helpers who read only the documents, blind in sessions 44-45; read and tuned on in "
    "session 46 (evals/gold/team52.jsonl)": _TEAM / "team52.jsonl",
    "team54, 60 (8 over the samples, 46 over 23 little-asked corpus-extra documents: 17 "
    "reports, 6 policies; 6 unanswerable), written blind at session 45's start by two "
    "helpers who read only the documents, blind in sessions 45-46; read and tuned on in "
    "session 47 (evals/gold/team54.jsonl)": _TEAM / "team54.jsonl",
    "team57, 60 (8 over the samples, 46 over 25 little-asked corpus-extra documents: 17 "
    "reports, 8 policies; 6 unanswerable), written blind at session 46's start by two "
    "helpers who read only the documents, blind in sessions 46-47; read and tuned on in "
    "session 48 (evals/gold/team57.jsonl)": _TEAM / "team57.jsonl",
    "team58, 60 (9 over the samples, 45 over 26 little-asked corpus-extra documents: 18 "
    "reports, 8 policies; 6 unanswerable), written blind at session 47's start by two "
    "helpers who read only the documents, blind in sessions 47-48; read and tuned on in "
    "session 49 (evals/gold/team58.jsonl)": _TEAM / "team58.jsonl",
    "team60, 60 (8 over the samples, 46 over 26 little-asked corpus-extra documents: 18 "
    "reports, 8 policies; 6 unanswerable), written blind at session 48's start by two "
    "helpers who read only the documents, never read (evals/gold/team60.jsonl)": _TEAM
    / "team60.jsonl",
    "team53, 60 (9 over the samples, 47 over 26 corpus-extra documents: 18 reports, 8 "
    "policies; weighted to lists, which-document, comparisons and names), written by two "
    "helpers in session 44 before any answer was seen, read and tuned on at once "
    "(evals/gold/team53.jsonl)": _TEAM / "team53.jsonl",
    "team55, 60 (8 over the samples, 48 over 28 little-asked corpus-extra documents, 4 "
    "unanswerable; weighted "
    "to lists, names, which-document and comparisons), written by two helpers in session 45 "
    "before any answer was seen, read and tuned on at once (evals/gold/team55.jsonl)": _TEAM
    / "team55.jsonl",
    "team56, 60 (8 over the samples, 48 over 28 little-asked corpus-extra documents, 4 "
    "unanswerable; "
    "weighted to lists, names and comparisons), written by two helpers in session 45 before "
    "any answer was seen, read and tuned on at once (evals/gold/team56.jsonl)": _TEAM
    / "team56.jsonl",
    "team63, 30 (4 over the samples, 23 over 13 of the least-asked corpus-extra documents: "
    "8 reports, 5 policies; 3 unanswerable), written by a helper at session 50's start who "
    "read only the documents; run on the start trees of sessions 49 and 50, then read and "
    "tuned on (evals/gold/team63.jsonl)": _TEAM / "team63.jsonl",
    "team64, 30 (4 over the samples, 23 over 13 more of the least-asked corpus-extra "
    "documents: 10 reports, 3 policies; 3 unanswerable), written by a second helper at "
    "session 50's start, blind: figures only, never read (evals/gold/team64.jsonl)": _TEAM
    / "team64.jsonl",
    "team65, 30 (4 over the samples, 23 over 13 of the least-asked corpus-extra documents; 3 "
    "unanswerable), written by a helper at session 50's end who read only the documents; run "
    "on session 51's start tree, then read and tuned on (evals/gold/team65.jsonl)": _TEAM
    / "team65.jsonl",
    "team66, 30 (the twin of team65: 13 more of the least-asked corpus-extra documents), "
    "written by a second helper at session 50's end, blind: figures only, never read "
    "(evals/gold/team66.jsonl)": _TEAM / "team66.jsonl",
    "team67, 30 (4 over the samples, 23 over 13 more of the least-asked corpus-extra "
    "documents; 3 unanswerable), written by a helper at session 53's end who read only the "
    "documents; run on session 54's start tree, then read and tuned on "
    "(evals/gold/team67.jsonl)": _TEAM / "team67.jsonl",
    "team68, 30 (the twin of team67), written by a second helper at session 53's end, blind: "
    "figures only, never read (evals/gold/team68.jsonl)": _TEAM / "team68.jsonl",
    "team69, 30 (4 over the samples, 23 over 13 more of the least-asked corpus-extra "
    "documents; 3 unanswerable), written by a helper early in session 55 who read only the "
    "documents; run on the session's start tree, then read and tuned on "
    "(evals/gold/team69.jsonl)": _TEAM / "team69.jsonl",
    "team70, 30 (4 over the samples, 23 over 13 more of the least-asked corpus-extra "
    "documents; 3 unanswerable), written by a helper early in session 55 who read only the "
    "documents, blind: figures only, never read (evals/gold/team70.jsonl)": _TEAM / "team70.jsonl",
    "team71, 30 (8 over the samples, 22 over 13 corpus-extra documents drawn by kind: 4 city "
    "reports, 3 central policies, 2 national reports, 2 provincial, 1 Shandong policy, 1 "
    "Zhumadian; 5 unanswerable), written by a helper early in session 56 who read only the "
    "documents, blind: figures only, never read (evals/gold/team71.jsonl)": _TEAM / "team71.jsonl",
    "team72, 30 (the twin of team71, 13 other documents of the same kinds), written by a second "
    "helper early in session 56 who read only the documents; run on the session's start tree, "
    "then read and tuned on (evals/gold/team72.jsonl)": _TEAM / "team72.jsonl",
    "team73, 30 (8 over the samples, 22 over 13 little-asked corpus-extra documents drawn by "
    "kind: 3 city reports, 3 provincial, 2 national, 2 central policies, 3 Shandong policies; 5 "
    "unanswerable), written by a helper early in session 57 who read only the documents; run on "
    "the session's start tree, then read and tuned on (evals/gold/team73.jsonl)": _TEAM
    / "team73.jsonl",
    "team74, 30 (team73's twin, 13 other documents of the same kinds), written by a second "
    "helper early in session 57 who read only the documents, blind: figures only, never read "
    "(evals/gold/team74.jsonl)": _TEAM / "team74.jsonl",
    "team75, 30 (8 over the samples, 22 over 13 more little-asked corpus-extra documents of the "
    "same kinds, none of team73's or team74's), written by a third helper in session 57 who read "
    "only the documents; run on the session's start tree, then read and tuned on "
    "(evals/gold/team75.jsonl)": _TEAM / "team75.jsonl",
    "team76, 30 (8 over the samples, 22 over 13 little-asked corpus-extra documents: 6 central "
    "or Shandong policies, 7 city or provincial reports; 5 unanswerable), written by a helper "
    "early in session 58 who read only the documents, blind: figures only, never read "
    "(evals/gold/team76.jsonl)": _TEAM / "team76.jsonl",
    "team77, 30 (team76's twin, 13 other documents of the same kinds), written by a second "
    "helper early in session 58 who read only the documents; run on the session's start tree, "
    "then read and tuned on (evals/gold/team77.jsonl)": _TEAM / "team77.jsonl",
    "team78, 30 (8 over the samples, 22 over 13 little-asked corpus-extra documents: 6 central "
    "policies, 7 city, provincial or national reports; 5 unanswerable), written by a helper "
    "early in session 59 who read only the documents, blind: figures only (one question's "
    "wording was seen in a failure list) (evals/gold/team78.jsonl)": _TEAM / "team78.jsonl",
    "team79, 30 (team78's twin, 13 other documents of the same kinds), written by a second "
    "helper early in session 59 who read only the documents; run on the session's start tree, "
    "then read and tuned on (evals/gold/team79.jsonl)": _TEAM / "team79.jsonl",
    "team80, 30 (8 over the samples, 22 over 13 more little-asked corpus-extra documents, none "
    "of team78's or team79's), written by a third helper mid-session 59 who read only the "
    "documents, blind: figures only, never read (evals/gold/team80.jsonl)": _TEAM / "team80.jsonl",
    "team81, 30 (team80's twin, 13 other documents), written by a fourth helper mid-session 59 "
    "who read only the documents, blind: figures only, never read "
    "(evals/gold/team81.jsonl)": _TEAM / "team81.jsonl",
    "team82, 30 (8 over the samples, 22 over 13 little-asked corpus-extra documents: 6 "
    "policies, 7 reports; 5 unanswerable), written by a helper early in session 60 who read "
    "only the documents; run on the session's start tree, then read and tuned on "
    "(evals/gold/team82.jsonl)": _TEAM / "team82.jsonl",
    "team83, 30 (team82's twin, 13 other documents of the same kinds), written by a second "
    "helper early in session 60 who read only the documents; run on the session's start tree, "
    "then read and tuned on (evals/gold/team83.jsonl)": _TEAM / "team83.jsonl",
    "team84, 30 (8 over the samples, 22 over 13 more little-asked corpus-extra documents, none "
    "of team82's or team83's), written by a third helper early in session 60 who read only the "
    "documents, blind: figures only (one question's wording was seen in a comparison listing) "
    "(evals/gold/team84.jsonl)": _TEAM / "team84.jsonl",
    "team85, 30 (team84's twin, 13 other documents), written by a fourth helper early in "
    "session 60 who read only the documents, blind: figures only (one question's wording was "
    "seen in a comparison listing) (evals/gold/team85.jsonl)": _TEAM / "team85.jsonl",
    "team86, 30 (8 over the samples, 22 over 13 more little-asked corpus-extra documents), "
    "written by a fifth helper mid-session 60 who read only the documents; run on the "
    "session's start tree, then read and tuned on (evals/gold/team86.jsonl)": _TEAM
    / "team86.jsonl",
    "team87, 30 (team86's twin, 13 other documents), written by a sixth helper mid-session 60 "
    "who read only the documents; run on the session's start tree, then read and tuned on "
    "(evals/gold/team87.jsonl)": _TEAM / "team87.jsonl",
    "team88, 30 (8 over the samples, 22 over 13 more little-asked corpus-extra documents: 6 "
    "policies, 7 reports; 5 unanswerable), written by a helper early in session 61 who read "
    "only the documents, blind: figures only, never read (evals/gold/team88.jsonl)": _TEAM
    / "team88.jsonl",
    "team89, 30 (team88's twin, 13 other documents of the same kinds), written by a second "
    "helper early in session 61 who read only the documents, blind: figures only, never read "
    "(evals/gold/team89.jsonl)": _TEAM / "team89.jsonl",
    "team90, 30 (8 over the samples, 22 over 13 more little-asked corpus-extra documents), "
    "written by a third helper early in session 61 who read only the documents; run on the "
    "session's start tree, then read and tuned on (evals/gold/team90.jsonl)": _TEAM
    / "team90.jsonl",
    "team91, 30 (list-heavy: 12 lists, 5 which-document, 5 comparisons; 8 over the samples, "
    "22 over 13 more documents), written by a fourth helper early in session 61 who read only "
    "the documents; run on the session's start tree, then read and tuned on "
    "(evals/gold/team91.jsonl)": _TEAM / "team91.jsonl",
    "team92, 30 (8 over the samples, 22 over 13 more little-asked corpus-extra documents: 6 "
    "policies, 7 reports; 5 unanswerable), written by a helper early in session 62 who read "
    "only the documents, blind: figures only, never read (evals/gold/team92.jsonl)": _TEAM
    / "team92.jsonl",
    "team93, 30 (team92's twin, 13 other documents of the same kinds), written by a second "
    "helper early in session 62 who read only the documents, blind: figures only, never read "
    "(evals/gold/team93.jsonl)": _TEAM / "team93.jsonl",
    "team94, 30 (8 over the samples, 22 over 13 more little-asked corpus-extra documents), "
    "written by a third helper early in session 62 who read only the documents; run on the "
    "session's start tree, then read and tuned on (evals/gold/team94.jsonl)": _TEAM
    / "team94.jsonl",
    "team95, 30 (team94's twin, 13 other documents), written by a fourth helper early in "
    "session 62 who read only the documents; run on the session's start tree, then read and "
    "tuned on (evals/gold/team95.jsonl)": _TEAM / "team95.jsonl",
    "team96, 30 (8 over the samples, 22 over 13 more little-asked corpus-extra documents: 6 "
    "policies, 7 reports; realistic shapes: 12 lists, 5 which-document, 5 comparisons), written "
    "by a helper early in session 63 who read only the documents, blind: figures only, never "
    "read (evals/gold/team96.jsonl)": _TEAM / "team96.jsonl",
    "team97, 30 (8 over the samples, 22 over 13 more little-asked corpus-extra documents; 5 "
    "unanswerable), written by a second helper early in session 63 who read only the documents, "
    "blind: figures only, never read (evals/gold/team97.jsonl)": _TEAM / "team97.jsonl",
    "team98, 30 (team96's shapes over 13 other documents), written by a third helper early in "
    "session 63 who read only the documents; run on the session's start tree, then read and "
    "tuned on (evals/gold/team98.jsonl)": _TEAM / "team98.jsonl",
    "team99, 30 (team97's mix over 13 other documents), written by a fourth helper early in "
    "session 63 who read only the documents; run on the session's start tree, then read and "
    "tuned on (evals/gold/team99.jsonl)": _TEAM / "team99.jsonl",
    "team62, 60 (8 over the samples, 46 over 25 little-asked corpus-extra documents: 18 "
    "reports, 7 policies; 6 unanswerable), written by two helpers late in session 48 who read "
    "only the documents, before any answer was seen; run on the start tree and the end tree, "
    "read once (one mend) (evals/gold/team62.jsonl)": _TEAM / "team62.jsonl",
    "team61, 60 (7 over the samples, 47 over 28 little-asked corpus-extra documents: 18 "
    "reports, 10 policies; 6 unanswerable), written by two helpers in session 48 who read only "
    "the documents, before any answer was seen, read and tuned on at once "
    "(evals/gold/team61.jsonl)": _TEAM / "team61.jsonl",
    "team59, 60 (8 over the samples, 46 over 24 little-asked corpus-extra documents: 17 "
    "reports, 7 policies; 6 unanswerable), written by two helpers in session 47 who read only "
    "the documents, before any answer was seen, read and tuned on at once "
    "(evals/gold/team59.jsonl)": _TEAM / "team59.jsonl",
    "team51, 60 over corpus-extra (30 documents: 16 reports, 14 policies; weighted to lists "
    "and which-document), written by two helpers in session 43 before any answer was seen, "
    "read and tuned on at once (evals/gold/team51.jsonl)": _TEAM / "team51.jsonl",
    "team47, 30 comparisons and 30 lists over corpus-extra (30 more little-asked documents: "
    "23 reports, 7 policies), written by two helpers in session 40 before any answer was "
    "seen, read and tuned on at once (evals/gold/team47.jsonl)": _TEAM / "team47.jsonl",
    "team33c, 46 comparisons over corpus-extra (two figures or three, labelled), written by "
    "a helper in session 31, read and tuned on in session 31 (evals/gold/team33c.jsonl)": _TEAM
    / "team33c.jsonl",
    "team34d, 48 over corpus-extra (number, which-document, entity, list), written by a "
    "helper in session 31, read and tuned on in session 31 (evals/gold/team34d.jsonl)": _TEAM
    / "team34d.jsonl",
    "held-out, never tuned on (evals/gold/holdout.jsonl)": _TEAM / "holdout.jsonl",
    "held-out 2, written from the documents only (evals/gold/holdout2.jsonl)": _TEAM
    / "holdout2.jsonl",
}


def _summary_row(index_name: str, gold_name: str, r: dict[str, Any]) -> str:
    lat = r.get("latency_ms") or {}
    cells = [
        index_name,
        gold_name,
        str(r["n"]),
        *(fmt(r.get(k)) for k in METRIC_KEYS),
        fmt(lat.get("p50"), 1),
        fmt(lat.get("p95"), 1),
    ]
    return "| " + " | ".join(cells) + " |"


def _ablation_rows(index_name: str, gold_name: str, r: dict[str, Any]) -> list[str]:
    rows = []
    for mode, m in (r.get("ablation") or {}).items():
        cells = [
            index_name,
            gold_name,
            mode,
            *(fmt(m.get(k)) for k in ABLATION_KEYS),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples-index", type=Path, required=True)
    parser.add_argument("--all-index", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "evals" / "REPORT.md")
    args = parser.parse_args()
    indexes = {"samples": args.samples_index}
    if args.all_index:
        indexes["samples + corpus-extra"] = args.all_index
    summary, ablation, details = [], [], []
    for index_name, index_dir in indexes.items():
        qa = QA(index_dir)
        qa.warm()
        n_docs = len(qa.documents)
        for gold_name, gold in GOLD.items():
            if not gold.is_file():
                continue
            results = run_eval(gold, qa, ablation=True)
            # A gold set about documents this index lacks says nothing about it.
            if results["n"] == 0 or results.get("n_skipped", 0) > results["n"]:
                continue
            summary.append(_summary_row(f"{index_name} ({n_docs} docs)", gold_name, results))
            ablation += _ablation_rows(index_name, gold_name, results)
            if gold.name not in HELD_OUT:
                details.append(render_markdown(results, title=f"{gold_name} — index: {index_name}"))
    header = [
        "index",
        "gold",
        "n",
        "answer",
        "refusal recall",
        "false refusal",
        "citation",
        "R@1",
        "R@5",
        "MRR",
        "p50 ms",
        "p95 ms",
    ]
    lines = [
        "# policyqa evaluation report",
        "",
        f"Generated {time.strftime('%Y-%m-%d %H:%M')} by `python -m evals.make_report` "
        "(embedding model moka-ai/m3e-small, CPU, 2 cores). Definitions: "
        "answer accuracy = every gold answer string in the short answer (after 繁简, width and "
        "thousands-separator normalisation; a list with `min_items` names at least that share "
        "of them), every cited document a gold one for `exact_docs` items, every `labels` "
        "string said for comparisons, and a refusal for unanswerable questions; "
        "citation accuracy = first citation in a gold document, over answerable questions; "
        "R@k = a gold evidence quote inside one of the top-k retrieved passages (which-document "
        "questions: a gold document among them). Latency excludes model loading.",
        "",
        "## Summary",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
        *summary,
        "",
        "## Retrieval ablation (same pipeline, retrieval mode forced)",
        "",
        "| index | gold | mode | answer | R@1 | R@5 | MRR | refusal recall | false refusal |",
        "|---|---|---|---|---|---|---|---|---|",
        *ablation,
        "",
        *details,
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
