#!/usr/bin/env python3
"""MuscleMemory's benchmark workload, run through Anki's own backend (PyPI `anki`).

Reads a collection that muscle-bench wrote (its SQLite file: card, card_state, review), builds the
same collection in Anki (one note per card, tagged `muscle::KEY aspect::ASPECT`; the same review
history in Anki's revlog and card table; the same "today"), then times Anki doing what
muscle-bench times MuscleMemory doing, each step in a fresh process, several runs, medians. Prints
one JSON object on standard output; progress goes to standard error.

    .build-anki-venv/bin/python Benchmarks/anki_bench.py --muscle-db COLLECTION.sqlite \\
        --work FOLDER [--runs 5] [--today 2026-12-01]

`muscle-bench --against-anki` runs it and prints its medians beside its own (Benchmarks/README.md).
Written for MuscleMemory against anki 26.9.3, Python 3.10 or later.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

# Anki's day starts at its rollover hour in local time: the benchmark's calendar is UTC with the
# rollover at 04:00, so every process here runs in UTC before the backend is loaded.
os.environ["TZ"] = "UTC"
time.tzset()

ROLLOVER_HOUR = 4
DECK = "MuscleMemory"
NEW_PER_DAY = 20            # MuscleMemory's default (StudyOptions.newPerDay)
# MuscleMemory has no review limit by default; Anki's highest is 9,999 a day (a larger value is refused
# and the preset keeps its 200), so above 9,999 due cards Anki's queue and deck list stop there.
REVIEWS_PER_DAY = 9_999
WINDOW_DAYS = 30            # the weak-topic report's window: today and the 29 days before
GRADES = [3, 4, 5, 4, 2, 5]  # muscle-bench's answer step grades, in turn
BUILD_VERSION = 4           # bump when the way the Anki collection is built changes
ANSWER_COUNT = 1000


def log(text: str) -> None:
    print(f"anki-bench: {text}", file=sys.stderr, flush=True)


def peak_mib() -> float:
    """This process's peak resident memory (VmHWM), in MiB, as muscle-bench's children report it."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def day_number(date: dt.date) -> int:
    return (date - dt.date(1970, 1, 1)).days


def day_start_secs(day: int) -> int:
    """Unix time at which study day `day` (days since 1970-01-01) begins: its rollover hour, UTC."""
    return day * 86_400 + ROLLOVER_HOUR * 3_600


def real_study_day() -> int:
    return (int(time.time()) - ROLLOVER_HOUR * 3_600) // 86_400


def grade_to_ease(grade: int) -> int:
    """MuscleMemory's grades 0-5 to Anki's buttons: 0-2 Again, 3 Hard, 4 Good, 5 Easy."""
    return 1 if grade <= 2 else grade - 1


# The MuscleMemory side ------------------------------------------------------------------------

class Muscle:
    """Read-only access to the collection muscle-bench wrote."""

    def __init__(self, path: str):
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def fingerprint(self) -> str:
        row = self.db.execute("""
            SELECT (SELECT count(*) FROM card), (SELECT count(*) FROM review), (SELECT max(id) FROM review),
                   (SELECT total(due_day) + total(interval_days) + total(easiness) FROM card_state)
            """).fetchone()
        return hashlib.sha256(repr((BUILD_VERSION,) + tuple(row)).encode()).hexdigest()[:16]

    def cards(self):
        """(card id, guid, front, back, muscle key, aspect, position) of every active card."""
        return self.db.execute("""
            SELECT c.id, m.key || '/' || c.item, c.front, c.back, m.key, c.aspect, c.position
            FROM card c JOIN muscle m ON m.id = c.muscle_id JOIN card_state s ON s.card_id = c.id
            WHERE s.active = 1 ORDER BY c.position, c.id
            """)

    def states(self):
        return self.db.execute("""
            SELECT s.card_id, s.repetitions, s.interval_days, s.easiness, s.due_day, s.lapses, s.last_review_day,
                   (SELECT count(*) FROM review r WHERE r.card_id = s.card_id), c.position
            FROM card_state s JOIN card c ON c.id = s.card_id WHERE s.active = 1
            """)

    def reviews(self):
        """Every review of an active card, in the order it was written (day by day)."""
        return self.db.execute("""
            SELECT r.card_id, r.reviewed_at, r.day, r.grade, r.kind, r.answer_ms, r.interval_days, r.easiness
            FROM review r JOIN card_state s ON s.card_id = r.card_id WHERE s.active = 1 ORDER BY r.id
            """)

    def first_day(self, today: int) -> int:
        return self.db.execute("SELECT coalesce(min(day), ?) FROM review", (today,)).fetchone()[0]

    def shape(self, today: int) -> dict:
        q = lambda sql, *a: self.db.execute(sql, a).fetchone()[0]
        return {
            "cards": q("SELECT count(*) FROM card WHERE retired_at IS NULL"),
            "reviews": q("SELECT count(*) FROM review"),
            "due_today": q("SELECT count(*) FROM card_state WHERE active = 1 AND due_day <= ?", today),
            "new": q("SELECT count(*) FROM card_state WHERE active = 1 AND due_day IS NULL"),
        }

    def topics(self, today: int) -> dict:
        """The weak-topic report's figures per muscle x aspect, as MuscleMemory computes them
        (Sources/MuscleMemory/Report/ReportQueries.swift: card_state totals, topic_day window)."""
        figures = {}
        for key, aspect, *values in self.db.execute("""
                SELECT m.key, s.aspect, count(*), sum(s.reviews > 0), sum(s.repetitions = 0), sum(s.reviews),
                       sum(s.correct), sum(s.lapses), sum(CASE WHEN s.reviews > 0 THEN s.easiness ELSE 0 END)
                FROM card_state s JOIN muscle m ON m.id = s.muscle_id WHERE s.active = 1 GROUP BY m.key, s.aspect
                """):
            figures[(key, aspect)] = dict(zip(FIGURES, values + [0, 0]))
        for key, aspect, reviews, correct in self.db.execute("""
                SELECT m.key, t.aspect, sum(t.reviews), sum(t.correct) FROM topic_day t JOIN muscle m ON m.id = t.muscle_id
                WHERE t.day BETWEEN ? AND ? GROUP BY m.key, t.aspect
                """, (today - WINDOW_DAYS + 1, today)):
            if (key, aspect) in figures:
                figures[(key, aspect)].update(window_reviews=reviews, window_correct=correct)
        return figures


FIGURES = ["cards", "seen", "not_learned", "reviews", "correct", "lapses", "easiness_sum",
           "window_reviews", "window_correct"]
# What Anki's stats graphs can give per topic (no lapses, no "not learned").
GRAPH_FIGURES = ["cards", "seen", "reviews", "correct", "easiness_sum", "window_reviews", "window_correct"]


# Building the Anki collection -------------------------------------------------------------------

def write_notes_file(muscle: Muscle, path: str) -> int:
    """The cards as Anki's text import reads them: tab-separated, a header naming the note type,
    the deck, the GUID and tags columns; one Basic note per card."""
    count = 0
    with open(path + ".tmp", "w", newline="", encoding="utf-8") as out:
        out.write(f"#separator:tab\n#html:false\n#notetype:Basic\n#deck:{DECK}\n#guid column:1\n#tags column:4\n")
        writer = csv.writer(out, delimiter="\t", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        for _, guid, front, back, key, aspect, _ in muscle.cards():
            writer.writerow([guid, front, back, f"muscle::{key} aspect::{aspect}"])
            count += 1
    os.replace(path + ".tmp", path)
    return count


def import_notes(col, path: str):
    from anki.collection import ImportCsvRequest
    metadata = col.get_csv_metadata(path, None)
    return col.import_csv(ImportCsvRequest(path=path, metadata=metadata))


def revlog_rows(muscle: Muscle, anki_card: dict, shift_ms: int):
    """The review history as revlog rows (id, cid, usn, ease, ivl, lastIvl, factor, time, type).

    A card's first scheduling answer is Learning (type 0), later ones Review (1); a re-drill the
    same day (MuscleMemory's kind 1) is Relearning (2), cram (kind 2) Filtered (3), both with the
    state unchanged. Ids are the answers' times in ms, made unique within the day; a day whose
    simulated answers run past its end (40,000 answers 6 s apart at 1,000,000 cards) is spread
    evenly over its last 14 hours, so every answer stays on the study day MuscleMemory recorded."""
    last = {}  # card -> (interval, easiness) after its latest scheduling answer

    def flush(day, rows):
        start = day_start_secs(day) * 1000
        end = start + 86_400_000
        if all(start <= r[1] < end for r in rows):
            times = [r[1] for r in rows]
        else:
            ordered = sorted(range(len(rows)), key=lambda i: (rows[i][1], i))
            step = max(1, (14 * 3_600_000 - 1000) // max(1, len(rows)))
            times = [0] * len(rows)
            for rank, i in enumerate(ordered):
                times[i] = start + 10 * 3_600_000 + rank * step
        used = set()
        out = []
        for (card, _, _, grade, kind, answer_ms, interval, easiness), at in zip(rows, times):
            while at in used:
                at += 1
            used.add(at)
            before = last.get(card)
            if kind == 0:
                rtype = 1 if before else 0
                ivl, factor, last_ivl = interval, easiness * 10, (before[0] if before else 0)
                last[card] = (interval, easiness)
            else:
                rtype = 2 if kind == 1 else 3
                ivl, easiness_now = before if before else (0, 250)
                factor, last_ivl = easiness_now * 10, ivl
            out.append((at + shift_ms, anki_card[card], -1, grade_to_ease(grade), ivl, last_ivl, factor,
                        min(answer_ms, 60_000), rtype))
        return out

    day, rows = None, []
    for row in muscle.reviews():
        if row[2] != day:
            if rows:
                yield from flush(day, rows)
            day, rows = row[2], []
        rows.append(row)
    if rows:
        yield from flush(day, rows)


def build_collection(muscle: Muscle, notes: str, path: str, today: int) -> dict:
    """A new Anki collection holding the workload: notes by the text import, then the scheduling
    and the review log written through the backend's DB access in one transaction, as Anki's own
    importers write theirs."""
    from anki.collection import Collection
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    col = Collection(path)
    started = time.monotonic()
    import_notes(col, notes)
    log(f"  imported {col.note_count()} notes in {time.monotonic() - started:.1f} s")
    did = col.decks.id_for_name(DECK)
    col.decks.select(did)
    conf = col.decks.config_dict_for_deck_id(did)
    conf["new"]["perDay"] = NEW_PER_DAY
    conf["rev"]["perDay"] = REVIEWS_PER_DAY
    col.decks.update_config(conf)
    col.set_config("rollover", ROLLOVER_HOUR)
    col.set_config("creationOffset", 0)

    guid_card = dict(col.db.all("SELECT n.guid, c.id FROM cards c JOIN notes n ON n.id = c.nid"))
    anki_card = {}
    for card, guid, *_ in muscle.cards():
        anki_card[card] = guid_card[guid]
    first = muscle.first_day(today)
    shift = real_study_day() - today  # 0 when the machine's clock is on the benchmark's day

    def write():
        col.db.execute("UPDATE col SET crt = ?", day_start_secs(first + shift))
        updates = []
        for card, reps, interval, easiness, due_day, lapses, last_day, answers, position in muscle.states():
            if due_day is None:
                updates.append((0, 0, position + 1, 0, 0, 0, 0, 0, anki_card[card]))
            else:
                updates.append((2, 2, due_day - first, interval, easiness * 10, answers, lapses,
                                day_start_secs(last_day + shift) + 14 * 3600, anki_card[card]))
        col.db.executemany("UPDATE cards SET type = ?, queue = ?, due = ?, ivl = ?, factor = ?, reps = ?, lapses = ?,"
                           " left = 0, mod = ?, usn = -1 WHERE id = ?", updates)
        batch, written = [], 0
        for row in revlog_rows(muscle, anki_card, shift * 86_400_000):
            batch.append(row)
            if len(batch) == 200_000:
                col.db.executemany("INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
                written += len(batch)
                batch = []
                log(f"  revlog: {written} rows")
        col.db.executemany("INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)

    started = time.monotonic()
    col.db.transact(write)
    log(f"  scheduling and revlog written in {time.monotonic() - started:.1f} s")
    col.close()
    return {"first_day": first, "shift_days": shift}


def align_day(path: str, expected_today: int, build: dict) -> dict:
    """Keeps Anki's "today" on the benchmark's day when the machine's clock has moved to another
    day since the build: the collection's creation time and every review time move by whole days."""
    shift = real_study_day() - expected_today
    delta = shift - build["shift_days"]
    if delta == 0:
        return build
    from anki.collection import Collection
    log(f"  the clock's day moved by {delta} day(s) since the build: shifting crt and the revlog")
    col = Collection(path)
    ms = delta * 86_400_000

    def move():
        col.db.execute("UPDATE col SET crt = crt + ?", delta * 86_400)
        col.db.execute("UPDATE revlog SET id = -(id + ?)", ms)
        col.db.execute("UPDATE revlog SET id = -id")
    col.db.transact(move)
    col.close()
    return dict(build, shift_days=shift)


# Figures on the Anki side -----------------------------------------------------------------------

TOPIC_SQL = """
SELECT n.tags, count(*), sum(c.type != 0), sum(c.type = 0 OR coalesce(r.last_ease, 0) = 1),
       coalesce(sum(r.reviews), 0), coalesce(sum(r.correct), 0), sum(c.lapses),
       sum(CASE WHEN c.type != 0 THEN c.factor / 10 ELSE 0 END),
       coalesce(sum(r.window_reviews), 0), coalesce(sum(r.window_correct), 0)
FROM cards c JOIN notes n ON n.id = c.nid
LEFT JOIN (SELECT cid, count(*) AS reviews, sum(ease > 1) AS correct,
                  sum(id >= ?) AS window_reviews, sum(id >= ? AND ease > 1) AS window_correct,
                  max(id), ease AS last_ease
           FROM revlog NOT INDEXED WHERE type IN (0, 1) GROUP BY cid) r ON r.cid = c.id
WHERE c.queue != -1
GROUP BY n.tags
"""


def topic_of(tags: str) -> tuple[str, str]:
    parts = dict(t.split("::", 1) for t in tags.split() if "::" in t)
    return parts.get("muscle", ""), parts.get("aspect", "")


def window_start_ms(col) -> int:
    return (col.sched.day_cutoff - WINDOW_DAYS * 86_400) * 1000


def topics_by_sql(col) -> dict:
    """The weak-topic figures as one SQL aggregate over Anki's revlog and cards: first answers of a
    day are revlog types 0 and 1, correct is any button but Again (grade 3 or more), "not learned"
    is a new card or one whose latest such answer was Again. The review log is read in its own
    order and grouped by card with a sort (NOT INDEXED): walking it by `ix_revlog_cid` instead
    looks up every row in the table, and took longer at every size tried."""
    start = window_start_ms(col)
    return {topic_of(tags): dict(zip(FIGURES, values)) for tags, *values in col.db.all(TOPIC_SQL, start, start)}


def topics_by_graphs(col) -> dict:
    """The same figures read off the Stats screen: the backend's graphs call for each muscle x
    aspect (its search box holding both tags, "all history"), as a student would page through it."""
    muscles = sorted(t.split("::", 1)[1] for t in col.tags.all() if t.startswith("muscle::"))
    aspects = sorted(t.split("::", 1)[1] for t in col.tags.all() if t.startswith("aspect::"))
    figures = {}
    for muscle in muscles:
        for aspect in aspects:
            graphs = col._backend.graphs(search=f'"tag:muscle::{muscle}" "tag:aspect::{aspect}"', days=0)
            counts = graphs.card_counts.excluding_inactive
            cards = counts.newCards + counts.learn + counts.relearn + counts.young + counts.mature
            if cards == 0:
                continue
            reviews = window = 0
            for day, c in graphs.reviews.count.items():
                first_answers = c.learn + c.young + c.mature
                reviews += first_answers
                if day > -WINDOW_DAYS:
                    window += first_answers
            # Re-drills (Relearning) share the learning bucket of the buttons graph; in this
            # workload they are never answered Again, so every Again is a failed first answer.
            b = graphs.buttons
            failed = b.all_time.learning[0] + b.all_time.young[0] + b.all_time.mature[0]
            window_failed = b.one_month.learning[0] + b.one_month.young[0] + b.one_month.mature[0]
            figures[(muscle, aspect)] = {
                "cards": cards, "seen": cards - counts.newCards, "reviews": reviews, "correct": reviews - failed,
                "easiness_sum": sum(ease * n for ease, n in graphs.eases.eases.items()),
                "window_reviews": window, "window_correct": window - window_failed,
            }
    return figures


def compare(ours: dict, theirs: dict, fields: list[str]) -> list[str]:
    """Differences between two per-topic tables, as short lines (empty when they agree)."""
    problems = []
    for topic in sorted(set(ours) | set(theirs)):
        a, b = ours.get(topic), theirs.get(topic)
        if a is None or b is None:
            problems.append(f"{'/'.join(topic)}: only on the {'Anki' if a is None else 'MuscleMemory'} side")
            continue
        for field in fields:
            if a[field] != b[field]:
                problems.append(f"{'/'.join(topic)} {field}: MuscleMemory {a[field]}, Anki {b[field]}")
    return problems


def digest(figures: dict, fields: list[str]) -> str:
    rows = sorted((topic, tuple(values[f] for f in fields)) for topic, values in figures.items())
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:16]


# Child processes: one step each ------------------------------------------------------------------

def child(step: str, path: str, count: int, notes: str | None) -> None:
    """One step in a fresh process. The first line is the timed figure in seconds (or "ready" for
    the cold start, which the parent times); the last line is "peak MiB"."""
    if step == "first-card":
        from anki.collection import Collection
        from anki.cards import Card
        col = Collection(path)
        queued = col.sched.get_queued_cards(fetch_limit=1)
        if queued.cards:
            Card(col, backend_card=queued.cards[0].card).question()
        print(f"ready {queued.review_count} {queued.new_count} {queued.learning_count}", flush=True)
        col.close()
    elif step == "bulk-load":
        from anki.collection import Collection
        col = Collection(path)
        started = time.perf_counter()
        result = import_notes(col, notes)
        elapsed = time.perf_counter() - started
        print(f"{elapsed} {len(result.log.new)}", flush=True)
        col.close()
    else:
        from anki.collection import Collection
        col = Collection(path)
        if step == "due-counts":
            started = time.perf_counter()
            tree = col.sched.deck_due_tree()
            elapsed = time.perf_counter() - started
            node = next(n for n in tree.children if n.name == DECK)
            print(f"{elapsed} {node.review_count} {node.new_count} {node.learn_count}", flush=True)
        elif step == "report-sql":
            started = time.perf_counter()
            figures = topics_by_sql(col)
            elapsed = time.perf_counter() - started
            print(f"{elapsed} {digest(figures, FIGURES)}", flush=True)
        elif step == "report-graphs":
            started = time.perf_counter()
            figures = topics_by_graphs(col)
            elapsed = time.perf_counter() - started
            print(f"{elapsed} {digest(figures, GRAPH_FIGURES)}", flush=True)
        elif step in ("stats-deck", "stats-collection"):
            # What the Stats screen asks for: as it opens, the current deck and one year of history;
            # with "Collection" ticked, an empty search, which reads the review log by time alone.
            started = time.perf_counter()
            col._backend.graphs(search="deck:current" if step == "stats-deck" else "", days=365)
            elapsed = time.perf_counter() - started
            print(f"{elapsed}", flush=True)
        elif step in ("answer", "answer-crash"):
            from anki.scheduler.v3 import CardAnswer
            ratings = {1: CardAnswer.AGAIN, 2: CardAnswer.HARD, 3: CardAnswer.GOOD, 4: CardAnswer.EASY}
            times = []
            for i in range(count):
                queued = col.sched.get_queued_cards(fetch_limit=1)
                if not queued.cards:
                    break
                card = queued.cards[0]
                rating = ratings[grade_to_ease(GRADES[i % len(GRADES)])]
                states = card.states
                new_state = {CardAnswer.AGAIN: states.again, CardAnswer.HARD: states.hard,
                             CardAnswer.GOOD: states.good, CardAnswer.EASY: states.easy}[rating]
                answer = CardAnswer(card_id=card.card.id, current_state=states.current, new_state=new_state,
                                    rating=rating, answered_at_millis=int(time.time() * 1000), milliseconds_taken=4000)
                started = time.perf_counter()
                col.sched.answer_card(answer)
                times.append(time.perf_counter() - started)
            if step == "answer-crash":
                # Ends without closing the collection: what survives is what each answer committed.
                print(f"{len(times)}", flush=True)
                os._exit(0)
            median = statistics.median(times) if times else float("nan")
            print(f"{median} {sum(times) / max(1, len(times))} {len(times)}", flush=True)
        else:
            raise SystemExit(f"unknown step {step}")
        col.close()
    print(f"peak {peak_mib()}", flush=True)


def run_child(step: str, path: str, count: int = ANSWER_COUNT, notes: str = "") -> tuple[float, list[str], float]:
    """Runs one step in a fresh Python process: (seconds to its first line, its lines, peak MiB)."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--child", step, "--collection", path,
                                "--count", str(count), "--notes", notes], stdout=subprocess.PIPE, text=True)
    first = process.stdout.readline()
    first_at = time.perf_counter()
    rest = process.stdout.read()
    if process.wait() != 0 or not first:
        raise SystemExit(f"anki step {step} failed (exit {process.returncode}): {first}{rest}")
    lines = [first.strip()] + [line for line in rest.splitlines() if line.strip()]
    peak = float("nan")
    if lines[-1].startswith("peak "):
        peak = float(lines.pop().split()[1])
    return first_at - started, lines, peak


def sample(values: list[float]) -> dict:
    values = sorted(values)
    return {"median": statistics.median(values), "min": values[0], "max": values[-1], "runs": len(values)}


# The benchmark ---------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--muscle-db", help="the MuscleMemory collection muscle-bench wrote")
    parser.add_argument("--work", help="folder for the Anki collections (kept, reused while the workload is the same)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each step (1-100)")
    parser.add_argument("--today", default="2026-12-01", help="the benchmark's study day (muscle-bench's)")
    parser.add_argument("--json", help="also write the result to this file")
    parser.add_argument("--check", action="store_true", help="print the versions and exit")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--collection", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, default=ANSWER_COUNT, help=argparse.SUPPRESS)
    parser.add_argument("--notes", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.collection, args.count, args.notes)
        return
    import anki.buildinfo
    versions = {"anki": anki.buildinfo.version, "python": sys.version.split()[0]}
    if args.check:
        print(json.dumps(versions))
        return
    if not args.muscle_db or not args.work:
        parser.error("--muscle-db and --work are needed")
    if not 1 <= args.runs <= 100:
        parser.error("--runs must be from 1 to 100")
    if not os.path.isfile(args.muscle_db):
        parser.error(f"no MuscleMemory collection at {args.muscle_db}")
    today = day_number(dt.date.fromisoformat(args.today))
    result = measure(Muscle(args.muscle_db), os.path.abspath(args.work), today, args.runs)
    result.update(versions)
    text = json.dumps(result, indent=2, sort_keys=True)
    if args.json:
        with open(args.json, "w") as out:
            out.write(text + "\n")
    print(text)


def measure(muscle: Muscle, work: str, today: int, runs: int) -> dict:
    os.makedirs(work, exist_ok=True)
    notes = os.path.join(work, "notes.txt")
    study = os.path.join(work, "study", "collection.anki2")
    marker = os.path.join(work, "build.json")
    fingerprint = muscle.fingerprint()
    build = None
    if os.path.exists(marker) and os.path.exists(study):
        with open(marker) as f:
            build = json.load(f)
        if build.get("fingerprint") != fingerprint or build.get("today") != today:
            build = None
    if build is None:
        log(f"building the Anki collection in {work}")
        if os.path.exists(marker):
            os.remove(marker)
        os.makedirs(os.path.dirname(study), exist_ok=True)
        write_notes_file(muscle, notes)
        build = build_collection(muscle, notes, study, today)
        build.update(fingerprint=fingerprint, today=today)
    build = align_day(study, today, build)
    with open(marker, "w") as f:
        json.dump(build, f)

    workload = verify(muscle, study, today, work)
    steps = []

    def add(step, name, seconds, peaks, extra=None):
        # The machine may be shared: the 1-minute load average as each step ends says how busy it was.
        entry = {"step": step, "name": name, "seconds": sample(seconds), "peak_mib": max(peaks), "load": os.getloadavg()[0]}
        if extra:
            entry.update(extra)
        steps.append(entry)

    def repeat(step, path=None, prepare=None, parse=lambda t, lines: float(lines[0].split()[0])):
        """`runs` runs of a step; a step whose first run takes over a minute runs at most 3 times,
        over five minutes once (the per-topic graphs at 1,000,000 cards)."""
        seconds, peaks, lines = [], [], []
        limit = runs
        while len(seconds) < limit:
            target = prepare() if prepare else (path or study)
            elapsed, lines, peak = run_child(step, target, notes=notes)
            seconds.append(parse(elapsed, lines))
            peaks.append(peak)
            if len(seconds) == 1 and elapsed > 60:
                limit = min(runs, 1 if elapsed > 300 else 3)
        return seconds, peaks, lines

    scratch = os.path.join(work, "scratch", "collection.anki2")

    def fresh_scratch():
        shutil.rmtree(os.path.dirname(scratch), ignore_errors=True)
        os.makedirs(os.path.dirname(scratch))
        return scratch

    log("bulk load (text import into a new collection)")
    s, p, lines = repeat("bulk-load", prepare=fresh_scratch)
    add("bulk-load", "bulk load: Anki's text (CSV) import of the notes into a new collection", s, p,
        {"notes": int(lines[0].split()[1])})
    shutil.rmtree(os.path.dirname(scratch), ignore_errors=True)

    log("first due card")
    s, p, lines = repeat("first-card", parse=lambda t, lines: t)
    add("first-card", "process start to the first due card's question (get_queued_cards)", s, p)

    log("due counts")
    s, p, lines = repeat("due-counts")
    add("due-counts", "due counts (deck_due_tree, the deck list's counts)", s, p)

    log("weak-topic figures, SQL over the revlog")
    s, p, lines = repeat("report-sql")
    add("report-sql", "per-topic figures (30 days and all time), one SQL aggregate over revlog", s, p,
        {"same_figures": lines[0].split()[1] == workload["topic_digest"]})

    log("weak-topic figures, the Stats screen's graphs per topic")
    s, p, lines = repeat("report-graphs")
    add("report-graphs", "per-topic figures through the Stats screen's graphs call, one per muscle x aspect", s, p,
        {"same_figures": lines[0].split()[1] == workload["graph_digest"]})

    log("statistics screen")
    s, p, lines = repeat("stats-deck")
    add("stats-deck", "the Stats screen as it opens: graphs for the current deck, one year", s, p)
    s, p, lines = repeat("stats-collection")
    add("stats-collection", "the Stats screen for the whole collection: graphs for an empty search, one year", s, p)

    log("answers")
    answers = os.path.join(work, "answers", "collection.anki2")

    def fresh_copy():
        shutil.rmtree(os.path.dirname(answers), ignore_errors=True)
        os.makedirs(os.path.dirname(answers))
        shutil.copyfile(study, answers)
        return answers
    s, p, lines = repeat("answer", prepare=fresh_copy)
    add("answer", f"answer one card (median of up to {ANSWER_COUNT:,}, committed: answer_card)", s, p,
        {"answered": int(lines[0].split()[2])})
    shutil.rmtree(os.path.dirname(answers), ignore_errors=True)

    return {"today": dt.date.fromordinal(dt.date(1970, 1, 1).toordinal() + today).isoformat(),
            "workload": workload, "file_mb": os.path.getsize(study) / 1_000_000, "steps": steps}


def verify(muscle: Muscle, study: str, today: int, work: str) -> dict:
    """The same workload on both sides: cards, reviews, due today, and the per-topic figures."""
    from anki.collection import Collection
    col = Collection(study)
    anki_today = col.sched.today
    build_first = muscle.first_day(today)
    node = next(n for n in col.sched.deck_due_tree().children if n.name == DECK)
    anki = {
        "cards": col.card_count(),
        "notes": col.note_count(),
        "reviews": col.db.scalar("SELECT count(*) FROM revlog"),
        "due_today": col.db.scalar("SELECT count(*) FROM cards WHERE queue = 2 AND due <= ?", anki_today),
        "due_in_deck_list": node.review_count,
        "new": col.db.scalar("SELECT count(*) FROM cards WHERE type = 0"),
        "scheduler_day": anki_today,
        "journal_mode": col.db.scalar("PRAGMA journal_mode"),
        "synchronous": col.db.scalar("PRAGMA synchronous"),
    }
    ours = muscle.shape(today)
    ours["scheduler_day"] = today - build_first
    mm_topics = muscle.topics(today)
    sql_topics = topics_by_sql(col)
    graph_topics = topics_by_graphs(col)
    col.close()
    problems = []
    for key in ("cards", "reviews", "due_today", "scheduler_day"):
        if ours[key] != anki[key]:
            problems.append(f"{key}: MuscleMemory {ours[key]}, Anki {anki[key]}")
    if anki["due_in_deck_list"] != min(ours["due_today"], REVIEWS_PER_DAY):
        problems.append(f"due in Anki's deck list {anki['due_in_deck_list']}, MuscleMemory {ours['due_today']}"
                        f" (Anki's limit: {REVIEWS_PER_DAY})")
    sql_problems = compare(mm_topics, sql_topics, FIGURES)
    graph_problems = compare(mm_topics, graph_topics, GRAPH_FIGURES)

    # Answers are durable: three answers, then the process ends without closing the collection.
    crash = os.path.join(work, "crash", "collection.anki2")
    shutil.rmtree(os.path.dirname(crash), ignore_errors=True)
    os.makedirs(os.path.dirname(crash))
    shutil.copyfile(study, crash)
    _, lines, _ = run_child("answer-crash", crash, 3)
    check = sqlite3.connect(crash)
    committed = check.execute("SELECT count(*) FROM revlog").fetchone()[0] - anki["reviews"]
    check.close()
    shutil.rmtree(os.path.dirname(crash), ignore_errors=True)

    for line in problems + sql_problems[:10] + graph_problems[:10]:
        log("  DIFFERENT: " + line)
    if committed != int(lines[0]):
        log(f"  answers not durable: {lines[0]} answered, {committed} in the file after the process ended")
    return {
        "muscle": ours, "anki": anki, "same": not problems,
        "topics": len(mm_topics),
        "topics_same_by_sql": not sql_problems, "topic_differences_by_sql": sql_problems[:20],
        "topics_same_by_graphs": not graph_problems, "topic_differences_by_graphs": graph_problems[:20],
        "graph_fields": GRAPH_FIGURES,
        "topic_digest": digest(mm_topics, FIGURES), "graph_digest": digest(mm_topics, GRAPH_FIGURES),
        "answers_durable": committed == int(lines[0]) and committed > 0,
    }


if __name__ == "__main__":
    main()
