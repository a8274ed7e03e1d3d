"""The audit log as people read it: filters, one-line summaries, CSV."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta

from sigverify.core.audit_csv import write_audit_csv
from sigverify.core.audit_view import (
    ACTIONS,
    AuditFilter,
    action_name,
    actions_in_order,
    entry_day,
    filter_entries,
    summary,
)
from sigverify.core.store.records import AuditEntry


def entry(number, action, person, operator="desk 1", at=None, **details):
    at = at or datetime(2026, 11, 30, 12, 0).astimezone().isoformat()
    return AuditEntry(number, at, operator, action, person, details, "0" * 64, f"{number:064x}")


def test_filters_match_parts_of_ids_and_operators_an_action_and_inclusive_days():
    today = datetime.now().astimezone()
    # every day counted from today: a fixed date failed the test once today came within
    # 3 days of it
    yesterday = (today - timedelta(days=1)).isoformat()
    entries = [
        entry(1, "enroll", "C-1042", at=(today - timedelta(days=3)).isoformat(), added=5),
        entry(
            2, "verify", "C-1042", "Desk 7", yesterday, decision="accept", distance=0.41, score=0.9
        ),
        entry(
            3,
            "verify",
            "P-9",
            "desk 7",
            at=today.isoformat(),
            decision="reject",
            file="Cheque-0815.png",
            comment="客户在场",
        ),  # fmt: skip
        entry(4, "setting", None, "admin", yesterday, key="operator"),
    ]

    def ids(**wanted):
        return [e.id for e in filter_entries(entries, AuditFilter(**wanted))]

    assert ids() == [1, 2, 3, 4]
    assert ids(person="c-10") == [1, 2]  # a part, case aside
    assert ids(operator="DESK 7") == [2, 3]
    assert ids(action="verify") == [2, 3] and ids(action="veri") == []  # the action exactly
    assert ids(person="1042", action="verify") == [2]
    assert ids(since=today.date()) == [3]  # inclusive
    assert ids(until=today.date() - timedelta(days=3)) == [1]
    day = (today - timedelta(days=1)).date()
    assert ids(since=day, until=day) == [2, 4]
    assert entry_day(entries[2]) == today.date()
    # what an entry records: a file name or a comment, case aside (only ids and dates were
    # searchable: seen in a real window)
    assert ids(text="cheque-08") == [3] and ids(text="客户") == [3]
    assert ids(text="accept") == [2] and ids(text="cheque", person="C-1042") == []


def test_each_action_is_summed_up_in_words():
    verify = entry(7, "verify", "C-1", decision="review", distance=0.71, score=0.41,
                   file="cheque.png", comment="counter 3")  # fmt: skip
    assert (
        summary(verify) == "sent to review: “cheque.png”, distance 0.7100, score 41 % — counter 3"
    )
    tuned = entry(14, "verify", "C-1", decision="accept", distance=0.24454731, score=0.69,
                  file="q.png", model="branch-7@7a035e31df47")  # fmt: skip
    # which model decided: a result recorded after switching models read as the new one's
    assert summary(tuned) == "accepted: “q.png”, distance 0.2445, score 69 %, model branch-7"
    pad = entry(13, "verify", "P-77", decision="accept", distance=0.611, score=0.98,
                file="g_9.sig", pen={"fused": 0.731, "decided_by": "pen"})  # fmt: skip
    assert summary(pad) == ("accepted: “g_9.sig”, drawn on a pad: pen and picture together 0.731 "
                            "(the way it was written decided), score 98 %")  # fmt: skip
    assert action_name("verify") == "Verification" and action_name("odd_action") == "odd_action"
    enrol = entry(8, "enroll", "C-1", added=2, files=["a.png", "b.png"])
    assert summary(enrol) == "2 references: a.png, b.png"
    flagged = [
        {"filename": "s.png", "enrolled_for": "Ana (C-1)", "enrolled_as": "a.png"},
        {"filename": "t.png", "median_distance": 1.25, "reject": 0.8, "person": "Bo (C-2)"},
    ]
    anyway = entry(8, "enroll", "C-2", added=2, files=["s.png", "t.png"], enrolled_anyway=flagged)
    # what was flagged and enrolled anyway (the row did not say: seen), said again as the
    # question said it
    assert summary(anyway) == (
        "2 references: s.png, t.png; enrolled though flagged: “s.png” is the same image as "
        "“a.png”, a reference of Ana (C-1): one signature cannot be two people's. Check that "
        "this is the right person. “t.png” does not look like Bo (C-2)'s enrolled references "
        "(distance 1.2500, far more than the reject threshold 0.8000): it may be another "
        "person's signature."
    )
    preset = entry(9, "set_thresholds", "C-1", accept=0.5, reject=0.8, preset=0.01)
    # to 4 decimals, as the page showed them ("accept 0.7" beside 0.7000: seen)
    assert (
        summary(preset)
        == "accept 0.5000, reject 0.8000 (preset: at most 1 % of skilled forgeries let through)"
    )
    own = entry(9, "set_thresholds", "C-1", accept=0.5, reject=0.8, model="cnn@1a2b")
    assert summary(own) == "accept 0.5000, reject 0.8000, model cnn"  # with that model only
    removed = entry(9, "set_thresholds", "C-1", accept=None, reject=None)
    assert summary(removed) == "own thresholds removed: the thresholds for everyone apply"
    # with their own before, said (the log had the new values alone: seen in a real window)
    before = {"accept": 0.5, "reject": 0.8, "model": "cnn@1a2b"}
    changed = entry(9, "set_thresholds", "C-1", accept=0.4, reject=0.8, model="cnn@1a2b",
                    before=before)  # fmt: skip
    assert summary(changed) == (
        "accept 0.4000, reject 0.8000, model cnn; before: accept 0.5000, reject 0.8000"
    )
    # none of their own before: everyone's applied (it said nothing: seen in a real window)
    first = entry(9, "set_thresholds", "C-1", accept=0.7, reject=0.9, before=None)
    assert summary(first) == "accept 0.7000, reject 0.9000; before: the thresholds for everyone"
    one_side = entry(9, "set_thresholds", "C-1", accept=0.4, reject=None, model="cnn@1a2b")
    assert "before" not in summary(entry(9, "set_thresholds", "C-1", accept=None, reject=None,
                                         before=None))  # fmt: skip
    assert summary(one_side) == "accept 0.4000, reject everyone's, model cnn"  # not "None"
    removed = entry(9, "set_thresholds", "C-1", accept=None, reject=None, before=before)
    assert summary(removed) == (
        "own thresholds removed: the thresholds for everyone apply; before: accept 0.5000, "
        "reject 0.8000"
    )
    assert summary(entry(10, "setting", None, key="k", new="v")) == "k: v"
    assert summary(entry(11, "delete_person", "c-1", references=3)) == "with 3 references"
    imported = entry(12, "import_person", "C007", file="C007.zip", from_id="C007")
    assert summary(imported) == "from the card “C007.zip”"  # (raw JSON in the CLI: seen)
    renamed_card = entry(12, "import_person", "C-8", file="c7.zip", from_id="C-7")
    assert summary(renamed_card) == "from the card “c7.zip”, where the id was C-7"
    exported = entry(12, "export_person", "C-7", file="C-7-card.zip", references=5)
    assert summary(exported) == "to the card “C-7-card.zip”, 5 references"
    protected = entry(12, "export_person", "C-7", file="c.zip", references=1, protected=True)
    assert summary(protected) == "to the card “c.zip”, 1 reference, protected by a passphrase"
    plain = entry(12, "export_person", "C-7", file="c.zip", references=2, protected=False)
    assert summary(plain) == "to the card “c.zip”, 2 references, without a passphrase"
    assert action_name("export_person") == "Person card exported"
    # lists offer the actions in the order of a desk's work, not by their names
    assert actions_in_order({"embed", "verify", "zz_new", "enroll", "settle"}) == [
        "verify",
        "settle",
        "enroll",
        "embed",
        "zz_new",
    ]
    names = {a: action_name(a) for a in ACTIONS}
    assert "" not in names.values() and len(set(names.values())) == len(ACTIONS)
    assert all(names[a] != a for a in ACTIONS)  # each has words of its own
    edited = entry(12, "update_person", "c-1", name=["Carla", "Carla"], note=["", "blue ink"])
    assert summary(edited) == "note “” → “blue ink”"  # the name did not change: not shown
    renamed = entry(13, "update_person", "c-1", name=["Ana", "Ana Li"], note=[None, "VIP"])
    assert summary(renamed) == "name “Ana” → “Ana Li”; note “” → “VIP”"
    approved = entry(12, "delete_person", "c-1", references=3, change=4, requested_by="bo")
    assert summary(approved) == "with 3 references (change 4, asked for by bo)"
    asked_for = {"change": 4, "action": "delete_person", "requested_by": "bo"}
    rejected = AuditEntry(13, "2026-11-30T12:00:00+00:00", "cy", "reject_change", "c-1",
                          asked_for, "0" * 64, "0" * 64)  # fmt: skip
    assert summary(rejected) == "change 4: Person deleted (asked for by bo)"
    asked = AuditEntry(14, "2026-11-30T12:00:00+00:00", "bo", "request_change", "c-1",
                       {"change": 4, "action": "set_thresholds"}, "0" * 64, "0" * 64)  # fmt: skip
    assert summary(asked) == "change 4: Person's thresholds"


def test_a_setting_is_named_in_words_not_by_its_key():
    def setting(key, new):
        return summary(entry(20, "setting", None, key=key, new=new))

    band = '{"accept": 0.52, "reject": 0.74, "preset": 0.05}'
    assert setting("thresholds/cnn@1a2b", band) == (
        "Thresholds for everyone, model cnn@1a2b: accept 0.5200, reject 0.7400 "
        "(preset: at most 5 % of skilled forgeries let through)"
    )
    # the reset writes an empty value: said in words, not "thresholds/cnn@1a2b: "
    assert setting("thresholds/cnn@1a2b", "") == (
        "Thresholds for everyone, model cnn@1a2b: back to the model's values"
    )
    assert setting("thresholds/fusion/pen@9", '{"accept": 1.0, "reject": 1.3}') == (
        "Thresholds for pad drawings, pen model pen@9: accept 1.0000, reject 1.3000"
    )
    # with the value before, as the store records it (the new alone was said: seen)
    first = summary(entry(20, "setting", None, key="thresholds/cnn@1a2b", new=band, old=None))
    assert first.endswith(
        "(preset: at most 5 % of skilled forgeries let through); before: the model's values"
    )
    back = summary(entry(20, "setting", None, key="thresholds/cnn@1a2b", new="", old=band))
    assert back == (
        "Thresholds for everyone, model cnn@1a2b: back to the model's values; before: accept "
        "0.5200, reject 0.7400 (preset: at most 5 % of skilled forgeries let through)"
    )
    # a band for pad drawings set for an earlier fitting of the pen model was not in use:
    # "before" says so (it read as the band in force, after `models fuse`: a real window)
    earlier = '{"accept": 0.93, "reject": 1.119, "fusion": "aaa"}'
    later = '{"accept": 0.94, "reject": 1.12, "fusion": "bbb"}'
    key = "thresholds/fusion/pen@9"
    assert summary(entry(21, "setting", None, key=key, new=later, old=earlier)) == (
        "Thresholds for pad drawings, pen model pen@9: accept 0.9400, reject 1.1200; before: "
        "accept 0.9300, reject 1.1190 (set for another fitting of the pen model)"
    )
    again = '{"accept": 0.95, "reject": 1.12, "fusion": "bbb"}'
    assert "another fitting" not in summary(
        entry(22, "setting", None, key=key, new=again, old=later)
    )
    # back to the card's: which fitting was in use then is not recorded, so nothing is said
    assert "another fitting" not in summary(
        entry(23, "setting", None, key=key, new="", old=earlier)
    )
    assert setting("operator", "Ana Lima") == "Operator: Ana Lima"
    assert setting("active_model", "/models/branch") == "Model in use: /models/branch"
    assert setting("active_pen_model", "pen-default") == "Pen model in use: pen-default"
    # a damaged value is shown as it is, not a crash on the Audit page
    assert setting("thresholds/cnn@1a2b", "{not json") == (
        "Thresholds for everyone, model cnn@1a2b: {not json"
    )


def test_the_csv_holds_every_field_and_is_safe_in_a_spreadsheet(tmp_path):
    rows = [entry(1, "verify", "=cmd|' /C calc'!A0", decision="accept"), entry(2, "enroll", "C-1")]
    write_audit_csv(rows, tmp_path / "audit.csv")
    # a byte-order mark first, for Excel (a Chinese Windows read names as garbage: seen)
    assert (tmp_path / "audit.csv").read_bytes().startswith(b"\xef\xbb\xbfid,at,")
    with (tmp_path / "audit.csv").open(newline="", encoding="utf-8-sig") as handle:
        read = list(csv.reader(handle))
    assert read[0] == [
        "id",
        "at",
        "operator",
        "action",
        "person",
        "details",
        "previous_hash",
        "hash",
        "local_time",
        "in_words",
        "person_name",
    ]
    assert read[1][4] == "'=cmd|' /C calc'!A0" and read[2][4] == "C-1"
    # a reader's terms beside the stored ones (raw JSON and UTC only: seen)
    local = datetime.fromisoformat(rows[0].at).astimezone()
    assert read[1][8] == f"{local:%Y-%m-%d %H:%M:%S}"
    assert read[1][9] == f"Verification: {summary(rows[0])}" and read[1][9].startswith(
        "Verification: accepted"
    )
    assert read[1][7] == f"{1:064x}" and '"decision": "accept"' in read[1][5]


def test_a_person_is_found_by_a_part_of_their_name_and_named_in_the_csv(tmp_path):
    from sigverify.core.audit_view import person_text

    rows = [entry(1, "enroll", "C-1", added=5), entry(2, "enroll", "C-2"), entry(3, "setting", "")]
    names = {"C-1": "Zoë Müller-Łukasz"}
    found = filter_entries(rows, AuditFilter(person="MÜLLER", names=names))
    assert [e.id for e in found] == [1]
    assert [e.id for e in filter_entries(rows, AuditFilter(person="zoe muller", names=names))] == [
        1
    ]  # accents aside, as clerks type (seen in a real window)
    assert [e.id for e in filter_entries(rows, AuditFilter(person="c-", names=names))] == [1, 2]
    assert filter_entries(rows, AuditFilter(person="müller")) == []  # no names given
    assert [person_text(e.person_id, names) for e in rows] == ["Zoë Müller-Łukasz — C-1", "C-2", ""]
    write_audit_csv(rows, tmp_path / "audit.csv", names)
    with (tmp_path / "audit.csv").open(newline="", encoding="utf-8-sig") as handle:
        read = list(csv.DictReader(handle))
    assert [r["person_name"] for r in read] == ["Zoë Müller-Łukasz", "", ""]


def test_a_deleted_persons_name_comes_from_their_deletion():
    from sigverify.core.audit_view import names_in_log

    rows = [
        entry(1, "enroll", "D-20", added=2),
        entry(2, "delete_person", "D-20", references=2, name="Dora Klein"),
        entry(3, "delete_person", "X-1", references=0),  # no name then: the id alone
        entry(4, "enroll", "C-1", added=5),
    ]
    assert names_in_log(rows, {"C-1": "Ana"}) == {"D-20": "Dora Klein", "C-1": "Ana"}
    # enrolled again under that id: the name now
    assert names_in_log(rows, {"D-20": "Dora K."})["D-20"] == "Dora K."


def test_a_person_with_a_chinese_name_is_found_by_its_pinyin():
    """A clerk on a Latin keyboard types "wang" for 王小明 (the People list finds him so)."""
    rows = [entry(1, "enroll", "C-1"), entry(2, "enroll", "C-2"), entry(3, "enroll", "C-3")]
    names = {"C-1": "王小明", "C-2": "汪洋", "C-3": "Li Na"}
    for typed, found in [("wang", [1, 2]), ("xiaoming", [1]), ("WXM", [1]), ("yang", [2]),
                         ("ang", []), ("li", [3]), ("王", [1])]:  # fmt: skip
        assert [e.id for e in filter_entries(rows, AuditFilter(person=typed, names=names))] == (
            found
        ), typed
