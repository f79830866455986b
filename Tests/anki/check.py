#!/usr/bin/env python3
"""The real Anki importer (PyPI `anki`, offline) against `muscle export --anki` and `muscle import anki`.
   usage: check.py PATH/TO/muscle       (run by .ci/run inside its venv; exits non-zero on any failure)"""
import os, shutil, subprocess, sys, tempfile
from anki.collection import Collection, ImportAnkiPackageRequest, ImportAnkiPackageOptions
from anki.decks import DeckId

MUSCLE = os.path.abspath(sys.argv[1])
WORK = tempfile.mkdtemp(prefix="anki-check-")
NOW = "2026-11-01T10:00:00Z"
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def muscle(*args, now=NOW, stdin=None):
    result = subprocess.run([MUSCLE, *(["--now", now] if now else []), *args], input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"muscle {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result.stdout


def imported(col, path):
    return col.import_anki_package(ImportAnkiPackageRequest(
        package_path=path, options=ImportAnkiPackageOptions(with_scheduling=True, merge_notetypes=False))).log


def new_collection(name):
    return Collection(os.path.join(WORK, name, "collection.anki2")) if os.makedirs(os.path.join(WORK, name)) is None else None


# 1. The bundled curriculum, no progress.
db = os.path.join(WORK, "student.sqlite")
listing = muscle("--db", db, "cards")
apkg = os.path.join(WORK, "curriculum.apkg")
muscle("--db", db, "sync")  # export reads a database and never creates one
muscle("--db", db, "export", "--anki", apkg)
col = new_collection("c1")
log = imported(col, apkg)
check(len(log.new) == col.note_count() and col.note_count() > 1000, f"all notes new: {len(log.new)} of {col.note_count()}")
check(col.card_count() == col.note_count(), "one card per note")
model = col.models.by_name("MuscleMemory")
check(model is not None and [f["name"] for f in model["flds"]] == ["Front", "Back", "Muscle", "Aspect", "Region", "Source", "CardID"], "note type and fields")
nid = col.find_notes('"CardID:gastrocnemius/origin"')
check(len(nid) == 1, "gastrocnemius/origin is one note")
note = col.get_note(nid[0])
check(note["Front"] == "State the origin of the gastrocnemius.", f"its front: {note['Front']!r}")
check(note["Muscle"] == "Gastrocnemius" and note["Aspect"] == "origin", "its muscle and aspect fields")
check("muscle::gastrocnemius" in note.tags and "aspect::origin" in note.tags and any(t.startswith("region::lower-leg") for t in note.tags), f"its tags {note.tags}")
deck = col.decks.name(col.get_card(note.card_ids()[0]).did)
check(deck == "MuscleMemory::Lower leg and foot::Gastrocnemius", f"its deck {deck!r}")
check(col.db.scalar("select count() from cards where type != 0") == 0, "every card is new")
col.close()

# 2. With progress: a few reviews, then every exported card's state.
answers = "\n4\n\n3\n\n5\n\n1\n\n4\nq\n"
muscle("--db", db, "study", "--muscle", "gastrocnemius", stdin=answers)
muscle("--db", db, "study", "--muscle", "gastrocnemius", now="2026-11-02T10:00:00Z", stdin="\n4\n\n4\n\n2\nq\n")
progress = os.path.join(WORK, "progress.apkg")
muscle("--db", db, "export", "--anki", progress, "--with-progress", "--muscle", "gastrocnemius", now="2026-11-03T10:00:00Z")
import sqlite3
state = {row[0]: row[1:] for row in sqlite3.connect(db).execute(
    "SELECT m.key || '/' || c.item, s.interval_days, s.easiness, s.lapses, s.due_day, "
    "(SELECT count(*) FROM review r WHERE r.card_id = c.id AND r.kind = 0) FROM card c JOIN muscle m ON m.id = c.muscle_id "
    "JOIN card_state s ON s.card_id = c.id WHERE m.key = 'gastrocnemius' AND c.retired_at IS NULL")}
col = new_collection("c2")
log = imported(col, progress)
import datetime
real_today = ((datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=4)).date() - datetime.date(1970, 1, 1)).days
today_mm = (datetime.date(2026, 11, 3) - datetime.date(1970, 1, 1)).days  # the study day of the export (10:00 UTC, after the 04:00 rollover)
reviewed = 0
for cid in col.find_cards(""):
    card = col.get_card(cid)
    card_id = card.note()["CardID"]
    ivl, easiness, lapses, due_day, reps = state[card_id]
    if reps == 0:
        check(card.type == 0 and card.queue == 0, f"{card_id} new")
        continue
    reviewed += 1
    check((card.type, card.queue, card.ivl, card.factor, card.reps, card.lapses) == (2, 2, max(ivl, 1), easiness * 10, reps, lapses),
          f"{card_id}: ivl {card.ivl}={ivl} factor {card.factor}={easiness*10} reps {card.reps}={reps} lapses {card.lapses}={lapses}")
    # Anki keeps the due date itself: "in N days" counted from the machine's real today.
    check(card.due - col.sched.today == due_day - real_today, f"{card_id}: due in {card.due - col.sched.today} days = {due_day - real_today}")
check(reviewed >= 4, f"{reviewed} reviewed cards carried")
check(col.db.scalar("select count() from revlog") == sum(s[4] for s in state.values()), "every first answer of a day in the revlog")
col.close()

# 3. Edit one card's text, re-sync, export again: exactly that note updates.
decks = os.path.join(WORK, "decks")
shutil.copytree(os.path.join(os.path.dirname(__file__), "..", "..", "Decks"), decks)
deckdb = os.path.join(WORK, "deck.sqlite")
first = os.path.join(WORK, "first.apkg")
muscle("--db", deckdb, "--decks", decks, "sync")
muscle("--db", deckdb, "--decks", decks, "export", "--anki", first)
path = os.path.join(decks, "leg-foot", "gastrocnemius.md")
text = open(path).read()
lines = text.split("\n")
at = next(i for i, l in enumerate(lines) if l.startswith("Insertion:"))
lines[at] = lines[at] + " (edited)"
open(path, "w").write("\n".join(lines))
second = os.path.join(WORK, "second.apkg")
muscle("--db", deckdb, "--decks", decks, "sync", now="2026-11-02T10:00:00Z")
muscle("--db", deckdb, "--decks", decks, "export", "--anki", second, now="2026-11-02T10:00:00Z")
col = new_collection("c3")
first_log = imported(col, first)
notes = col.note_count()
second_log = imported(col, second)
check(len(second_log.updated) == 1 and len(second_log.new) == 0 and len(second_log.conflicting) == 0, f"re-import: {len(second_log.updated)} updated, {len(second_log.new)} new, {len(second_log.conflicting)} conflicting")
check(col.note_count() == notes, "no note duplicated")
updated = col.find_notes('"CardID:gastrocnemius/insertion"')
check(len(updated) == 1 and "(edited)" in col.get_note(updated[0])["Back"], "the edited note carries the new text")

# 4. Anki's own plain-text export of one deck, through `muscle import anki`.
did = col.decks.id_for_name("MuscleMemory::Lower leg and foot::Gastrocnemius")
txt = os.path.join(WORK, "gastrocnemius.txt")
col.export_note_csv(out_path=txt, limit=DeckId(did), with_html=True, with_tags=True, with_deck=True, with_notetype=True, with_guid=True)
fronts = sorted(col.get_note(n)["Front"] for n in col.find_notes(f"did:{did}"))
col.close()
into = os.path.join(WORK, "imported")
print(muscle("import", "anki", txt, "--into", into, now=None))
lint = subprocess.run([MUSCLE, "lint", into], capture_output=True, text=True)
check(lint.returncode == 0, f"the imported deck lints without errors: {lint.stdout.strip().splitlines()[-1] if lint.stdout.strip() else lint.stderr}")
back = muscle("--db", os.path.join(WORK, "imported.sqlite"), "--decks", into, "cards")
check(all(f.split(": ", 1)[-1][:40] in back for f in fronts), f"all {len(fronts)} cards come back")

print(f"{len(failures)} failed" if failures else "all Anki checks passed")
sys.exit(1 if failures else 0)
