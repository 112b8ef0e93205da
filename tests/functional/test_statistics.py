"""The annual statistics (EXCHANGE.md section 2, STATISTICS.md) of a hand-made year.

The cases are imported from tests/data/statistics-2023-24.jsonl with `cases import`, as a
council would load its history. Every expected figure is worked out from that file by hand in
the comments; the file's cases, in short (statutory unless marked):

ST-01 received Mon 3 Apr 2023, ack 5 Apr, responded 19 Apr (the 10th working day), upheld;
      issues: lack_of_communication upheld, cancelled_visit not_upheld; ADR 12 Apr, resolved.
ST-02 received Mon 5 Jun 2023, ack 12 Jun, responded 20 Jun (the 11th working day),
      partially upheld, late: further_information; issues: lack_of_communication partially,
      behaviour_attitude_of_staff upheld. Stage 2 started Wed 5 Jul, responded 9 Aug (the 25th
      working day), not upheld; Stage 3 requested 30 Aug, panel 2 Oct, responded 20 Oct, not
      upheld. Ombudsman referred 1 Nov 2023, decided 15 Feb 2024, upheld_fault_injustice.
      Financial remedies: Stage 2 £250, Stage 3 £150, Ombudsman £500. Complainant k-1.
ST-03 received Thu 28 Mar 2024 (the Thursday before Easter), ack Wed 3 Apr, responded
      15 Apr 2024 (in 2024-25); a young person, with an advocate; remedy at Stage 1 £100.
ST-04 received Mon 20 Mar 2023 (2022-23), responded Thu 20 Apr 2023 (the 21st working day),
      not upheld, late: staff_unavailable; no team or area. Ombudsman referred 1 Jun 2023,
      decided 1 Aug 2023, premature.
ST-05 received Mon 4 Sep 2023, ack 5 Sep, withdrawn 15 Sep 2023, never responded to.
ST-06 received Mon 6 Nov 2023, ack 13 Nov, responded Fri 15 Dec (the 29th working day),
      upheld, extended, late: extension_agreed; a young person, no advocate. ADR 20 Nov,
      not resolved; Stage 2 started 10 Jan 2024, extended, not responded to.
ST-07 received Mon 12 Feb 2024, ack 13 Feb, still open.
ST-08 received Mon 15 May 2023, Stage 1 started Tue 16 May, ack 17 May, responded Fri 26 May
      (the 8th working day), not upheld; a remedy of an apology only.
ST-09 received 1 Jun 2021, responded 10 Jun 2021, upheld; a young person without an advocate.
CO-01 corporate, received Mon 17 Apr 2023, responded Wed 17 May (the 20th working day).
CO-02 corporate, received Mon 3 Jul 2023, responded 15 Aug (after the 20th, 31 Jul); a young
      person with an advocate; complainant k-6, as CO-01.
CO-03 corporate, received Mon 27 Mar 2023 (2022-23), responded Mon 3 Apr 2023 (5th day).
CO-04 corporate, received 15 Jan 2024, withdrawn 20 Jan 2024.
CO-05 corporate, received 25 Mar 2024, still open.
CP-01..05 compliments: Fostering 2 May, Fostering 10 Aug, Leaving Care 1 Dec 2023, no team
      10 Oct 2023, and Fostering 1 Jun 2022 (2022-23). CM-01 a comment (never counted).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from portal.extensions import db
from portal.models import Case, LearningAction
from portal.statistics import formats
from portal.statistics.report import build_report

DATA = Path(__file__).resolve().parent.parent / "data" / "statistics-2023-24.jsonl"
D = date.fromisoformat
CIC = "Children in care and care leavers"
ASSESSMENT = "Assessment and family support"
DISABILITY = "Children with disabilities"
FOSTERING = "Fostering and adoption"
ZERO_OUTCOMES = {"upheld": 0, "partially_upheld": 0, "not_upheld": 0}


def run(app, *args: str):
    return app.test_cli_runner().invoke(args=list(args))


@pytest.fixture
def year_of_cases(app):
    """The hand-made year imported through the command line, with three learning actions."""
    result = run(app, "cases", "import", str(DATA))
    assert result.exit_code == 0, result.output
    assert "Imported 20 cases; refused 0 lines." in result.output
    with app.app_context():
        ids = {c.reference: c.id for c in db.session.query(Case)}
        db.session.add_all([
            LearningAction(case_id=ids["ST-01"], you_said="Visits were cancelled at short notice.",
                           we_did="Visits are now rearranged within a week.",
                           owner="Head of Children in Care", due_on=D("2024-06-30"),
                           status="open"),
            LearningAction(case_id=ids["ST-02"], you_said="Nobody told us who was deciding.",
                           we_did="Letters name the decision maker.",
                           owner="Assessment Team Manager", due_on=D("2023-12-31"),
                           status="done"),
            # ST-04 was received in 2022-23: its learning belongs to that year.
            LearningAction(case_id=ids["ST-04"], you_said="Too slow.", we_did="Extra staff.",
                           owner="Service Manager", due_on=None, status="open"),
        ])
        db.session.commit()
    return app


def report_for(app, year: str, **options) -> dict:
    with app.app_context():
        return build_report(year, **options)


# The calendar facts the hand arithmetic below relies on -------------------------------------------

def test_the_working_days_behind_the_figures(app):
    with app.app_context():
        calendar = app.extensions["calendar"]
        add = calendar.add_working_days
        # Thursday before Easter 2024: Good Friday 29 Mar and Easter Monday 1 Apr are bank
        # holidays, so the 3rd working day is Thu 4 Apr and the 10th is Mon 15 Apr.
        assert calendar.is_working_day(D("2024-03-28"))
        assert not calendar.is_working_day(D("2024-03-29"))
        assert not calendar.is_working_day(D("2024-04-01"))
        assert add(D("2024-03-28"), 3) == D("2024-04-04")
        assert add(D("2024-03-28"), 10) == D("2024-04-15")
        # ST-01: Mon 3 Apr 2023, over Easter 2023 (7 and 10 Apr): 10th working day 19 Apr.
        assert add(D("2023-04-03"), 10) == D("2023-04-19")
        # ST-02: Mon 5 Jun 2023: the 10th working day is Mon 19 Jun, so 20 Jun is the 11th;
        # the 20th is Mon 3 Jul. Its Stage 2 from Wed 5 Jul: the 25th working day is 9 Aug.
        assert add(D("2023-06-05"), 10) == D("2023-06-19")
        assert calendar.working_days_between(D("2023-06-05"), D("2023-06-20")) == 11
        assert add(D("2023-06-05"), 20) == D("2023-07-03")
        assert add(D("2023-07-05"), 25) == D("2023-08-09")
        # ST-04: Mon 20 Mar 2023 to Thu 20 Apr 2023 is 21 working days (Easter 2023 between).
        assert calendar.working_days_between(D("2023-03-20"), D("2023-04-20")) == 21
        # ST-06: Mon 6 Nov to Fri 15 Dec 2023 is 29 working days; the 25th is Mon 11 Dec.
        assert calendar.working_days_between(D("2023-11-06"), D("2023-12-15")) == 29
        # ST-08: started Tue 16 May 2023; 26 May is the 8th working day (29 May is a holiday).
        assert calendar.working_days_between(D("2023-05-16"), D("2023-05-26")) == 8
        # CO-01: Mon 17 Apr 2023: the 20th working day is Wed 17 May (1 and 8 May holidays).
        assert add(D("2023-04-17"), 20) == D("2023-05-17")
        # CO-02: Mon 3 Jul 2023: the 20th working day is Mon 31 Jul.
        assert add(D("2023-07-03"), 20) == D("2023-07-31")


# Stage 1 (S1, S2, S4, S5, S6) ----------------------------------------------------------------------

def test_stage_one_summary(year_of_cases):
    stage1 = report_for(year_of_cases, "2023-24")["statutory"]["stage1"]
    # Brought forward: ST-04 (started 20 Mar 2023, answered 20 Apr 2023); ST-09 was answered
    # in 2021.
    assert stage1["brought_forward"] == 1
    # Received: ST-01, 02, 03, 05, 06, 07, 08 = 7 (ST-04 started in 2022-23).
    assert stage1["received"] == 7
    # Responded: ST-01 (19 Apr), ST-04 (20 Apr), ST-08 (26 May), ST-02 (20 Jun), ST-06
    # (15 Dec) = 5; ST-03's response is dated 15 Apr 2024, in 2024-25.
    assert stage1["responded"] == 5
    # Withdrawn without a Stage 1 response: ST-05.
    assert stage1["withdrawn"] == 1
    # Carried forward: ST-03 (answered after the year) and ST-07 (open) = 2; and
    # 1 + 7 - 5 - 1 = 2.
    assert stage1["carried_forward"] == 2
    # Within 10 working days: ST-01 (on the 10th) and ST-08 (the 8th) = 2; ST-02 is the 11th.
    assert stage1["within_10_working_days"] == 2
    assert stage1["within_10_working_days_percent"] == 40          # 2 / 5
    # Within 20: those two and ST-02 = 3 (ST-04 took 21, ST-06 29).
    assert stage1["within_20_working_days"] == 3
    assert stage1["within_20_working_days_percent"] == 60          # 3 / 5
    # Acknowledged by the 3rd working day after the start, of the 7 received:
    # ST-01 5 Apr <= Thu 6 Apr yes; ST-02 12 Jun > Thu 8 Jun no; ST-03 3 Apr 2024 <= Thu
    # 4 Apr yes (after the year's end, filed under March); ST-05 5 Sep <= Thu 7 Sep yes;
    # ST-06 13 Nov > Thu 9 Nov no; ST-07 13 Feb <= Thu 15 Feb yes; ST-08 17 May <= Fri
    # 19 May (3rd after its start, Tue 16 May) yes = 5.
    assert stage1["acknowledged_within_3_working_days"] == 5
    assert stage1["acknowledged_within_3_working_days_percent"] == 71  # 5 / 7 = 71.4


def test_stage_one_month_by_month_and_quarter_by_quarter(year_of_cases):
    stage1 = report_for(year_of_cases, "2023-24")["statutory"]["stage1"]
    months = {row["month"]: row for row in stage1["by_month"]}
    assert list(months) == ["2023-04", "2023-05", "2023-06", "2023-07", "2023-08", "2023-09",
                            "2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03"]
    keys = ("brought_forward", "received", "responded", "withdrawn", "within_10_working_days",
            "within_20_working_days", "acknowledged_within_3_working_days", "carried_forward")
    expected = {
        # April: ST-04 brought forward; ST-01 received; ST-01 and ST-04 answered (ST-01 in
        # 10 days, ST-04 in 21); ST-01 acknowledged in time; none open at the end of April.
        "2023-04": (1, 1, 2, 0, 1, 1, 1, 0),
        # May: ST-08 received (start 16 May), answered in 8 days, acknowledged in time.
        "2023-05": (0, 1, 1, 0, 1, 1, 1, 0),
        # June: ST-02 received, answered on the 11th day, acknowledged late.
        "2023-06": (0, 1, 1, 0, 0, 1, 0, 0),
        "2023-07": (0, 0, 0, 0, 0, 0, 0, 0),
        "2023-08": (0, 0, 0, 0, 0, 0, 0, 0),
        # September: ST-05 received, acknowledged in time and withdrawn.
        "2023-09": (0, 1, 0, 1, 0, 0, 1, 0),
        "2023-10": (0, 0, 0, 0, 0, 0, 0, 0),
        # November: ST-06 received, acknowledged late, still open at the end of November.
        "2023-11": (0, 1, 0, 0, 0, 0, 0, 1),
        # December: ST-06 answered in 29 working days.
        "2023-12": (1, 0, 1, 0, 0, 0, 0, 0),
        "2024-01": (0, 0, 0, 0, 0, 0, 0, 0),
        # February: ST-07 received and acknowledged in time; open at the end.
        "2024-02": (0, 1, 0, 0, 0, 0, 1, 1),
        # March: ST-03 received, acknowledged in time (in April); ST-03 and ST-07 open.
        "2024-03": (1, 1, 0, 0, 0, 0, 1, 2),
    }
    for month, figures in expected.items():
        assert tuple(months[month][k] for k in keys) == figures, month
    # Percentages per month: April 1 of 2 within 10 = 50%; July, nothing to divide by.
    assert months["2023-04"]["within_10_working_days_percent"] == 50
    assert months["2023-07"]["within_10_working_days_percent"] == "N/A"
    assert months["2023-06"]["acknowledged_within_3_working_days_percent"] == 0
    quarters = {row["quarter"]: row for row in stage1["by_quarter"]}
    # Q1 (April-June): brought forward 1; received 1 + 1 + 1 = 3; responded 2 + 1 + 1 = 4;
    # within 10: 1 + 1 + 0 = 2 (50%); within 20: 1 + 1 + 1 = 3 (75%); acknowledged 1 + 1 + 0
    # = 2 of 3 (67%); carried forward (end of June) 0.
    assert tuple(quarters["2023-24 Q1"][k] for k in keys) == (1, 3, 4, 0, 2, 3, 2, 0)
    assert quarters["2023-24 Q1"]["within_20_working_days_percent"] == 75
    assert quarters["2023-24 Q1"]["acknowledged_within_3_working_days_percent"] == 67
    # Q4 (January-March): received ST-07, ST-03; both acknowledged in time; carried 2.
    assert tuple(quarters["2023-24 Q4"][k] for k in keys) == (0, 2, 0, 0, 0, 0, 2, 2)


def test_response_times_and_reasons_for_lateness(year_of_cases):
    stage1 = report_for(year_of_cases, "2023-24")["statutory"]["stage1"]
    # ST-01 (10) and ST-08 (8): 0-10; ST-02 (11): 11-20; ST-04 (21): 21-25; ST-06 (29): over.
    assert stage1["response_days"] == {"0-10": 2, "11-20": 1, "21-25": 1, "over_25": 1}
    # The three answered after the 10th working day, by their recorded reasons.
    assert stage1["late_reasons"] == {
        "extension_agreed": 1, "further_information": 1, "consent_needed": 0,
        "staff_unavailable": 1, "another_process": 0, "service_delay": 0, "adr": 0,
        "not_recorded": 0}


def test_received_by_team_and_service_area(year_of_cases):
    stage1 = report_for(year_of_cases, "2023-24")["statutory"]["stage1"]
    # Children in Care Team 1: ST-01, ST-03, ST-08; Assessment Team: ST-02, ST-05;
    # Disability 0-17: ST-06; Fostering: ST-07. (ST-04, with no team, was received earlier.)
    assert stage1["received_by_team"] == {"Assessment Team": 2, "Children in Care Team 1": 3,
                                          "Disability 0-17": 1, "Fostering": 1}
    assert stage1["received_by_service_area"] == {ASSESSMENT: 2, CIC: 3, DISABILITY: 1,
                                                  FOSTERING: 1}


# Outcomes (S7, S8) ---------------------------------------------------------------------------------

def test_outcomes_per_complaint_and_per_issue(year_of_cases):
    stage1 = report_for(year_of_cases, "2023-24")["statutory"]["stage1"]
    # Per complaint, of the 5 responses: upheld ST-01, ST-06; partially ST-02; not upheld
    # ST-04, ST-08; and the withdrawal ST-05.
    assert stage1["outcomes"] == {"upheld": 2, "partially_upheld": 1, "not_upheld": 2,
                                  "withdrawn": 1}
    assert stage1["other_outcomes"] == {}
    # Per issue, 8 issues on those 5 complaints (ST-01 2, ST-02 2, ST-04 1, ST-06 2, ST-08 1):
    # lack_of_communication: upheld ST-01, ST-06; partially ST-02; not upheld ST-08.
    issues = stage1["issue_outcomes"]
    assert issues["lack_of_communication"] == {"upheld": 2, "partially_upheld": 1,
                                               "not_upheld": 1}
    assert issues["behaviour_attitude_of_staff"] == {**ZERO_OUTCOMES, "upheld": 1}
    assert issues["family_time"] == {**ZERO_OUTCOMES, "upheld": 1}
    assert issues["cancelled_visit"] == {**ZERO_OUTCOMES, "not_upheld": 1}
    assert issues["service_provided"] == {**ZERO_OUTCOMES, "not_upheld": 1}
    # ST-09's lack_of_support issue was answered in 2021; ST-03's in 2024-25.
    assert issues["lack_of_support"] == ZERO_OUTCOMES
    assert stage1["issues"] == 8 > stage1["responded"] == 5
    # Shares: 4 / 8 = 50%; each single issue 1 / 8 = 12.5% -> 13%.
    shares = {c: row["share_percent"] for c, row in stage1["issues_by_category"].items()
              if row["issues"]}
    assert shares == {"lack_of_communication": 50, "behaviour_attitude_of_staff": 13,
                      "service_provided": 13, "family_time": 13, "cancelled_visit": 13}


def test_outcomes_by_stage_over_three_years_and_by_area(year_of_cases):
    outcomes = report_for(year_of_cases, "2023-24")["statutory"]["outcomes_by_stage"]
    assert list(outcomes["by_year"]) == ["2021-22", "2022-23", "2023-24"]
    this_year = outcomes["by_year"]["2023-24"]
    # Stage 1 of 6 shown (2 + 1 + 2 + 1): 2/6 = 33%, 1/6 = 17%.
    assert this_year["stage1"] == {
        "upheld": {"count": 2, "percent": 33}, "partially_upheld": {"count": 1, "percent": 17},
        "not_upheld": {"count": 2, "percent": 33}, "withdrawn": {"count": 1, "percent": 17}}
    # Stage 2 and 3: ST-02, not upheld.
    assert this_year["stage2"]["not_upheld"] == {"count": 1, "percent": 100}
    assert this_year["stage3"]["upheld"] == {"count": 0, "percent": 0}
    # 2021-22: ST-09 upheld, 1 of 1. 2022-23: nothing answered, so every percentage is N/A.
    assert outcomes["by_year"]["2021-22"]["stage1"]["upheld"] == {"count": 1, "percent": 100}
    assert all(cell == {"count": 0, "percent": "N/A"}
               for stage in outcomes["by_year"]["2022-23"].values() for cell in stage.values())
    by_area = outcomes["by_service_area"]
    assert list(by_area) == [ASSESSMENT, CIC, DISABILITY, "Not recorded"]
    # Assessment: ST-02 partially at Stage 1, not upheld at 2 and 3; ST-05 withdrawn.
    assert by_area[ASSESSMENT] == {
        "stage1": {**ZERO_OUTCOMES, "partially_upheld": 1, "withdrawn": 1},
        "stage2": {**ZERO_OUTCOMES, "not_upheld": 1},
        "stage3": {**ZERO_OUTCOMES, "not_upheld": 1}}
    # Children in care: ST-01 upheld, ST-08 not upheld. No area: ST-04 not upheld.
    assert by_area[CIC]["stage1"] == {"upheld": 1, "partially_upheld": 0, "not_upheld": 1,
                                      "withdrawn": 0}
    assert by_area["Not recorded"]["stage1"]["not_upheld"] == 1


# Stages 2 and 3, escalation (S9, S10) -------------------------------------------------------------

def test_stage_two_three_and_escalation(year_of_cases):
    statutory = report_for(year_of_cases, "2023-24")["statutory"]
    # Started: ST-02 (5 Jul 2023) and ST-06 (10 Jan 2024). Completed: ST-02, on the 25th
    # working day, so within its timescale. Ongoing at the year's end: ST-06.
    assert statutory["stage2"] == {
        "started": 2, "completed": 1, "ongoing": 1, "within_timescale": 1, "over_timescale": 0,
        "outcomes": {**ZERO_OUTCOMES, "not_upheld": 1}, "within_timescale_percent": 100,
        "timescale_working_days": {"normal": 25, "extended": 65}}
    # ST-02: requested 30 Aug, panel 2 Oct, responded 20 Oct 2023.
    assert statutory["stage3"] == {"requested": 1, "panels": 1, "responded": 1,
                                   "outcomes": {**ZERO_OUTCOMES, "not_upheld": 1}}
    escalation = statutory["escalation"]
    # 2 Stage 2s started / 5 Stage 1 responses = 40%; 1 Stage 3 requested / 1 Stage 2
    # response = 100%.
    assert {k: escalation[k] for k in ("stage1_responses", "stage2_started", "rate_percent",
                                       "stage2_responses", "stage3_requested",
                                       "stage3_rate_percent")} == {
        "stage1_responses": 5, "stage2_started": 2, "rate_percent": 40,
        "stage2_responses": 1, "stage3_requested": 1, "stage3_rate_percent": 100}
    assert "Stage 1 responses" in escalation["base"]
    # By area: Assessment 1 of 1 (ST-02), Children in care 0 of 2 (ST-01, ST-08), Disability
    # 1 of 1 (ST-06), no area 0 of 1 (ST-04); Stage 2 to 3 only where a Stage 2 was answered.
    by_area = {area: (row["rate_percent"], row["stage3_rate_percent"])
               for area, row in escalation["by_service_area"].items()}
    assert by_area == {ASSESSMENT: (100, 100), CIC: (0, "N/A"), DISABILITY: (100, "N/A"),
                       "Not recorded": (0, "N/A")}
    # Three years: 2021-22 ST-09 answered, nothing escalated: 0%; 2022-23 nothing answered.
    assert escalation["by_year"]["2021-22"]["rate_percent"] == 0
    assert escalation["by_year"]["2022-23"]["rate_percent"] == "N/A"
    assert escalation["by_year"]["2023-24"]["rate_percent"] == 40


def test_a_year_with_no_stage_one_responses_and_no_stage_two(year_of_cases):
    report = report_for(year_of_cases, "2022-23")
    statutory = report["statutory"]
    # 2022-23: ST-04 received 20 Mar 2023 and still open on 31 Mar: carried forward 1, which
    # is 2023-24's brought forward.
    assert (statutory["stage1"]["received"], statutory["stage1"]["responded"],
            statutory["stage1"]["carried_forward"]) == (1, 0, 1)
    assert statutory["stage1"]["within_10_working_days_percent"] == "N/A"
    assert statutory["escalation"]["stage1_responses"] == 0
    assert statutory["escalation"]["rate_percent"] == "N/A"
    assert statutory["stage2"] == {
        "started": 0, "completed": 0, "ongoing": 0, "within_timescale": 0, "over_timescale": 0,
        "outcomes": ZERO_OUTCOMES, "within_timescale_percent": "N/A",
        "timescale_working_days": {"normal": 25, "extended": 65}}
    # 2021-22: one response (ST-09), no Stage 2: 0%, not N/A.
    assert report_for(year_of_cases, "2021-22")["statutory"]["escalation"]["rate_percent"] == 0


# Corporate, Ombudsman, remedies, ADR (S11, S12, S13, S17) -----------------------------------------

def test_corporate_complaints(year_of_cases):
    corporate = report_for(year_of_cases, "2023-24")["corporate"]
    # Brought forward CO-03; received CO-01, 02, 04, 05; responded CO-03, 01, 02; withdrawn
    # CO-04; carried forward CO-05: 1 + 4 - 3 - 1 = 1. Within 20 working days: CO-03 (5th
    # day) and CO-01 (the 20th) = 2 of 3 = 67%.
    assert {k: corporate[k] for k in ("brought_forward", "received", "handled", "responded",
                                      "withdrawn", "carried_forward", "within_20_working_days",
                                      "within_20_working_days_percent")} == {
        "brought_forward": 1, "received": 4, "handled": 5, "responded": 3, "withdrawn": 1,
        "carried_forward": 1, "within_20_working_days": 2, "within_20_working_days_percent": 67}
    # Issues of the corporate complaints received: CO-01 lack_of_communication and
    # service_provided, CO-02 lack_of_communication.
    assert {c: n for c, n in corporate["issue_counts"].items() if n} == {
        "lack_of_communication": 2, "service_provided": 1}


def test_ombudsman_remedies_and_adr(year_of_cases):
    report = report_for(year_of_cases, "2023-24")
    ombudsman = report["ombudsman"]
    # Referred in the year: ST-04 (1 Jun 2023), ST-02 (1 Nov 2023). Decided: ST-04 premature
    # (1 Aug 2023), ST-02 upheld with fault and injustice (15 Feb 2024).
    assert ombudsman["referrals"] == 2
    assert {d: n for d, n in ombudsman["decisions"].items() if n} == {
        "premature": 1, "upheld_fault_injustice": 1}
    assert ombudsman["decisions"]["closed_after_initial_enquiries"] == 0
    assert ombudsman["by_service_area"][ASSESSMENT]["referrals"] == 1
    assert ombudsman["by_service_area"]["Not recorded"]["decisions"]["premature"] == 1
    # Financial remedies dated in the year: ST-02 Stage 2 £250 (response 9 Aug 2023), Stage 3
    # £150 (20 Oct 2023), Ombudsman £500 (decided 15 Feb 2024): 3, £900. Not ST-03's £100
    # (its Stage 1 response is in 2024-25) nor ST-08's apology (not financial).
    remedies = report["remedies"]
    assert (remedies["count"], remedies["total_pence"]) == (3, 25000 + 15000 + 50000)
    assert remedies["by_stage"] == {"1": {"count": 0, "total_pence": 0},
                                    "2": {"count": 1, "total_pence": 25000},
                                    "3": {"count": 1, "total_pence": 15000},
                                    "ombudsman": {"count": 1, "total_pence": 50000}}
    # ADR: ST-01 (12 Apr, resolved, no Stage 2 after) and ST-06 (20 Nov, not resolved,
    # Stage 2 started 10 Jan 2024 after it).
    assert report["adr"] == {"held": 2, "resolved": 1, "escalation_followed": 1,
                             "not_followed_by_a_later_stage": 1}
    # ST-03's £100 counts in 2024-25, with its response.
    assert report_for(year_of_cases, "2024-25")["remedies"]["by_stage"]["1"] == \
        {"count": 1, "total_pence": 10000}


# People, compliments, volumes (S3, S14, S15, S16, S18, S19, S20, S21) -----------------------------

def test_young_people_with_small_numbers_suppressed(year_of_cases):
    young = report_for(year_of_cases, "2023-24")["young_people"]
    # Complaints (either procedure) received in the year by young people: ST-03 (advocate),
    # ST-06 (none), CO-02 (advocate) = 3, 2 with an advocate. 2021-22: ST-09, no advocate.
    assert (young["complaints"], young["with_advocate"], young["without_advocate"]) == (3, 2, 1)
    assert young["by_year"]["2021-22"] == {"complaints": 1, "with_advocate": 0,
                                           "without_advocate": 1}
    published = young["published"]["by_year"]
    # Every count from 1 to 4 is "<5", totals too (2021-22: 1; 2023-24: 2, 1 and 3; the
    # five-year totals 2, 2 and 4); zeros are shown.
    assert published["2019-20"] == {"with_advocate": 0, "without_advocate": 0, "complaints": 0}
    assert published["2021-22"] == {"with_advocate": 0, "without_advocate": "<5",
                                    "complaints": "<5"}
    assert published["2023-24"] == {"with_advocate": "<5", "without_advocate": "<5",
                                    "complaints": "<5"}
    assert published["total"] == {"with_advocate": "<5", "without_advocate": "<5",
                                  "complaints": "<5"}
    # Nothing hidden can be worked out: each row and each column of the published table hides
    # none of its cells, or its total, or at least two cells.
    rows = [[row["with_advocate"], row["without_advocate"], row["complaints"]]
            for row in published.values()]
    lines = rows + [list(column) for column in zip(*rows)]
    for line in lines:
        cells, total = line[:-1], line[-1]
        hidden = [cell for cell in cells if cell == "<5"]
        assert not hidden or total == "<5" or len(hidden) >= 2, line


def test_how_complaints_arrived_repeats_and_compliments(year_of_cases):
    report = report_for(year_of_cases, "2023-24")
    # Complaints received in the year (7 statutory, 4 corporate): email ST-01, ST-07, CO-01,
    # CO-04; online form ST-02, ST-08; advocate ST-03; telephone ST-05; young person's form
    # ST-06; letter CO-02; in person CO-05 = 11. Compliments and the comment are not counted.
    assert report["received_via"] == {
        "online_form": 2, "young_person_form": 1, "email": 4, "letter": 1, "telephone": 1,
        "in_person": 1, "advocate": 1, "councillor_or_mp": 0, "other": 0}
    # k-1 (ST-01, ST-02) and k-6 (CO-01, CO-02); k-4 has ST-07 in the year and ST-09 in 2021.
    assert report["repeat_complainants"] == 2
    compliments = report["compliments"]
    # CP-01, CP-02 (Fostering), CP-03 (Leaving Care), CP-05 (no team); CP-04 is 2022-23.
    assert compliments["received"] == 4
    assert compliments["by_team"] == {"Fostering": 2, "Leaving Care": 1, "Not recorded": 1}
    assert compliments["by_year"] == {"2019-20": 0, "2020-21": 0, "2021-22": 0, "2022-23": 1,
                                      "2023-24": 4}
    assert compliments["by_team_by_year"]["Fostering"]["2022-23"] == 1
    assert compliments["quotes"] == []


def test_five_years_of_volumes(year_of_cases):
    volumes = report_for(year_of_cases, "2023-24")["volumes"]
    # Stage 1 received: ST-09 (2021-22), ST-04 (2022-23), 7 (2023-24). Corporate: CO-03
    # (2022-23), 4. Compliments: CP-04 (2022-23), 4.
    assert volumes == {
        "2019-20": dict.fromkeys(volumes["2019-20"], 0),
        "2020-21": dict.fromkeys(volumes["2020-21"], 0),
        "2021-22": {"stage1_received": 1, "stage2_started": 0, "stage3_requested": 0,
                    "corporate_received": 0, "compliments_received": 0},
        "2022-23": {"stage1_received": 1, "stage2_started": 0, "stage3_requested": 0,
                    "corporate_received": 1, "compliments_received": 1},
        "2023-24": {"stage1_received": 7, "stage2_started": 2, "stage3_requested": 1,
                    "corporate_received": 4, "compliments_received": 4},
    }


def test_what_is_not_recorded_yet_says_so_and_learning_is_listed(year_of_cases):
    report = report_for(year_of_cases, "2023-24")
    # No equalities answers in the file: all 11 complaints received in the year (7 statutory,
    # 4 corporate) are "not recorded". The statutory 7 beside all 11 would give away the 4
    # corporate ones, so they are hidden (tests/functional/test_equalities_statistics.py).
    equalities = report["equalities"]
    assert equalities["child"]["ethnicity"]["not_recorded"] == 11
    assert equalities["complainant"]["sex"] == {"female": 0, "male": 0, "prefer_not_to_say": 0,
                                                "not_recorded": 11, "total": 11}
    assert equalities["statutory"]["ethnicity"]["not_recorded"] == "<5"
    assert equalities["answered"] == 0 and equalities["rates"] == {}
    # No representations or enquiries in the file: the 11 complaints, 4 compliments and one
    # comment received are the year's transactions.
    assert report["representations"]["member_enquiries"] == 0
    assert report["representations"]["resolved_informally"] == 0
    assert report["representations"]["transactions"] == 16
    # ST-01 and ST-02 were received in the year, ST-04 was not; earliest due first.
    learning = report["learning"]
    assert [(a["reference"], a["owner"], a["due_on"], a["status"])
            for a in learning["actions"]] == [
        ("ST-02", "Assessment Team Manager", "2023-12-31", "done"),
        ("ST-01", "Head of Children in Care", "2024-06-30", "open")]
    assert (learning["open"], learning["done"]) == (1, 1)


def test_outcomes_follow_the_councils_list(year_of_cases):
    # A council that does not use "partially upheld": no such key, and ST-02's partially
    # upheld response is shown apart rather than lost.
    stage1 = report_for(year_of_cases, "2023-24",
                        outcomes=("upheld", "not_upheld"))["statutory"]["stage1"]
    assert stage1["outcomes"] == {"upheld": 2, "not_upheld": 2, "withdrawn": 1}
    assert stage1["other_outcomes"] == {"partially_upheld": 1}
    assert "partially_upheld" not in stage1["issue_outcomes"]["lack_of_communication"]


# The shape of EXCHANGE.md section 2 ------------------------------------------------------------------

# The example of EXCHANGE.md section 2, its comments taken out: its keys are a public interface.
EXAMPLE = json.loads("""
{
  "year": "2023-24", "period": { "start": "2023-04-01", "end": "2024-03-31" },
  "statutory": {
    "stage1": {
      "brought_forward": 0, "received": 18, "responded": 16, "withdrawn": 1,
      "carried_forward": 1, "within_10_working_days": 10, "within_20_working_days": 15,
      "acknowledged_within_3_working_days": 18,
      "by_month": [
        { "month": "2023-04", "received": 3, "responded": 1, "withdrawn": 0,
          "within_10_working_days": 1, "within_20_working_days": 1,
          "acknowledged_within_3_working_days": 3 } ],
      "response_days": { "0-10": 10, "11-20": 5, "21-25": 1, "over_25": 0 },
      "outcomes": { "upheld": 0, "partially_upheld": 0, "not_upheld": 0, "withdrawn": 1 },
      "issue_outcomes": { "lack_of_communication": { "upheld": 6, "not_upheld": 0 } },
      "received_by_team": { "CIC Team 1": 2 }
    },
    "stage2": { "started": 0, "completed": 4, "ongoing": 0, "within_timescale": 0,
                "over_timescale": 0, "outcomes": { } },
    "stage3": { "requested": 0, "panels": 3, "outcomes": { } },
    "escalation": { "stage1_responses": 16, "stage2_started": 4, "rate_percent": 25 }
  },
  "corporate": { "brought_forward": 4, "received": 63, "responded": 59, "withdrawn": 6,
                 "carried_forward": 2, "within_20_working_days": 50,
                 "issue_counts": { } },
  "ombudsman": { "referrals": 10, "decisions": { "closed_after_initial_enquiries": 5 } },
  "remedies": { "count": 4, "total_pence": 1055000 },
  "adr": { "held": 2, "resolved": 2 },
  "young_people": { "complaints": 5, "with_advocate": 3 },
  "received_via": { "email": 10 },
  "repeat_complainants": 2,
  "compliments": { "received": 31, "by_team": { } },
  "equalities": { "child": { "ethnicity": { "white_british": 14 } } }
}
""")
# Objects whose keys are data (a team, a category...): only their values' kind is fixed.
KEYED_BY_DATA = {"statutory.stage1.received_by_team"}


def assert_shape(example, actual, path: str = "") -> None:
    if isinstance(example, dict):
        assert isinstance(actual, dict), path
        if path in KEYED_BY_DATA:
            return
        for key, value in example.items():
            assert key in actual, f"{path}.{key} is missing"
            assert_shape(value, actual[key], f"{path}.{key}".lstrip("."))
    elif isinstance(example, list):
        assert isinstance(actual, list) and actual, path
        for item in actual:
            assert_shape(example[0], item, path)
    elif isinstance(example, int):
        # Every count an integer; a percentage may be "N/A", a suppressed equalities count "<5".
        assert (isinstance(actual, int) and not isinstance(actual, bool)) or \
            (path.endswith("percent") and actual == "N/A") or \
            (path.startswith("equalities.") and actual == "<5"), (path, actual)
    else:
        assert isinstance(actual, type(example)), path


def test_the_json_has_the_shape_of_exchange_md(year_of_cases):
    report = report_for(year_of_cases, "2023-24")
    assert_shape(EXAMPLE, report)
    assert len(report["statutory"]["stage1"]["by_month"]) == 12
    # The example's keys come first, in its order, and the JSON round-trips.
    assert list(report)[:len(EXAMPLE)] == list(EXAMPLE)
    assert json.loads(json.dumps(report)) == report


# The command ------------------------------------------------------------------------------------

def test_the_command_prints_the_json(year_of_cases):
    result = run(year_of_cases, "statistics", "2023-24", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == report_for(year_of_cases, "2023-24")
    # JSON is the default.
    assert json.loads(run(year_of_cases, "statistics", "2023-24").stdout)["year"] == "2023-24"


def test_the_command_prints_every_table_as_csv_under_a_heading(year_of_cases):
    result = run(year_of_cases, "statistics", "2023-24", "--format", "csv")
    assert result.exit_code == 0, result.output
    sections = [s for s in result.stdout.split("\n\n") if s.strip()]
    report = report_for(year_of_cases, "2023-24")
    tables = formats.tables(report)
    assert len(sections) == len(tables)
    for section, table in zip(sections, tables):
        heading, body = section.split("\n", 1)
        assert heading == f"# {table.heading}"
        assert list(csv.reader(io.StringIO(body))) == \
            [table.columns] + [[_text(v) for v in row] for row in table.rows]
    summary = dict(csv.reader(io.StringIO(sections[0].split("\n", 1)[1])))
    assert summary["stage1_received"] == "7" and summary["stage1_responded"] == "5"


def _text(value) -> str:
    return "" if value is None else str(value)


def test_the_command_writes_a_zip_of_csv_files(year_of_cases, tmp_path):
    target = tmp_path / "statistics.zip"
    result = run(year_of_cases, "statistics", "2023-24", "--format", "csv",
                 "--output", str(target))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert names[0] == "S01_summary.csv" and "S21_learning.csv" in names
        months = list(csv.reader(io.StringIO(
            archive.read("S02_stage1_by_month.csv").decode("utf-8-sig"))))
    assert months[0][:3] == ["month", "brought_forward", "received"]
    assert months[1][:4] == ["2023-04", "1", "1", "2"]


def read_tables(sheet) -> list[list[list]]:
    """A sheet's tables: blocks of rows between empty rows."""
    blocks, block = [], []
    for row in sheet.iter_rows(values_only=True):
        if all(value is None for value in row):
            if block:
                blocks.append(block)
            block = []
        else:
            block.append(list(row))
    if block:
        blocks.append(block)
    return blocks


def test_the_command_writes_a_workbook_with_the_same_figures(year_of_cases, tmp_path):
    target = tmp_path / "statistics.xlsx"
    result = run(year_of_cases, "statistics", "2023-24", "--format", "xlsx",
                 "--output", str(target))
    assert result.exit_code == 0, result.output
    report = report_for(year_of_cases, "2023-24")
    book = load_workbook(target)
    assert book.sheetnames == [formats.sheet_title(f) for f in formats.FAMILIES]
    assert book.sheetnames[0] == "S1 Summary of the year"
    for family in formats.FAMILIES:
        expected = [t for t in formats.tables(report) if t.family == family]
        blocks = read_tables(book[formats.sheet_title(family)])
        assert len(blocks) == len(expected), family
        for block, table in zip(blocks, expected):
            width = len(table.columns)
            header = 2 if table.note else 1
            assert block[0][0] == table.title
            assert block[header][:width] == table.columns
            assert [row[:width] for row in block[header + 1:]] == table.rows, table.name
    # The figures themselves, read back from the sheets.
    summary = {row[0]: row[1] for row in read_tables(book["S1 Summary of the year"])[0][2:]}
    assert summary["stage1_received"] == report["statutory"]["stage1"]["received"] == 7
    assert summary["stage1_within_10_working_days_percent"] == 40
    remedies = read_tables(book["S12 Remedy payments"])[0]
    assert remedies[-1] == ["Total", 3, 90000]
    young = read_tables(book["S14 Young people"])[0]
    assert young[-1] == ["total", "<5", "<5", "<5"]


@pytest.mark.parametrize("year, says", [
    ("2023", '"2023" is not a reporting year: write it like 2023-24'),
    ("2023-25", "so write 2023-24"),
])
def test_a_year_written_wrongly_is_a_usage_error(app, year, says):
    result = run(app, "statistics", year)
    assert result.exit_code == 2
    assert says in result.output
    assert "Traceback" not in result.output


def test_a_workbook_needs_a_file_to_go_to(app):
    result = run(app, "statistics", "2023-24", "--format", "xlsx")
    assert result.exit_code == 2
    assert "--output" in result.output
