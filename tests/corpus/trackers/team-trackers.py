#!/usr/bin/env python3
"""Writes the team's corpus trackers (t*.csv) and their expected imports. Standard library only.

Each file is a layout the blind files do not cover: a council tracker with workstream heading rows and
baseline/forecast dates, an HR action log with letter-led references and e-mail owners, and a table whose headers
PlanBot does not know, read by content. Run from this folder: python3 team-trackers.py
"""
import csv, json

def write(name, rows, expected):
    with open(name, 'w', newline='', encoding='utf-8-sig') as f:
        csv.writer(f).writerows(rows)
    expected = {"file": name, "sheet": None, **expected}
    with open(name + '.expected.json', 'w', encoding='utf-8') as f:
        json.dump(expected, f, indent=2, ensure_ascii=False)
        f.write('\n')

def check(ref, title, due, status, rag, delivery, accountable, group, start=None, revised=None):
    return {"ref": ref, "title": title, "start": start, "due": due, "revisedDue": revised, "status": status, "rag": rag,
            "deliveryOwners": delivery, "accountableOwners": accountable, "group": group}

write('t01-council-housing-tracker.csv', [
    ['Riverside Borough Council - Housing Improvement Plan 2025/26'],
    ['Position as at 3 March 2025'],
    [],
    ['Ref', 'Action', 'Lead Officer', 'Accountable Director', 'Baseline Date', 'Forecast Date', 'RAG', 'Update'],
    ['W1 Housing & Homelessness', '', '', '', '', '', '', ''],
    ['W1.1', 'Commission temporary accommodation review', 'Jane Smith / Raj Patel', 'Director of Housing', '31/03/2025', '30/05/2025', 'R', 'Delayed - awaiting sign-off at June board'],
    ['W1.2', 'Publish homelessness prevention strategy', 'Amy Clarke', 'Director of Housing', '28/02/2025', '', 'B', 'Published 20 February'],
    ['W1.3', 'Recruit two tenancy sustainment officers', 'Amy Clarke and Tom Reid', 'Director of Housing', '30/04/2025', '30/04/2025', 'A', 'One post filled'],
    ['W1.4', 'Review allocations policy', '', 'Director of Housing', '30/06/2025', '', 'G', ''],
    ['W2 Adult Social Care', '', '', '', '', '', '', ''],
    ['W2.1', 'Agree hospital discharge pathway with the ICB', 'Priya Shah', 'Director of Adult Services', '14/03/2025', '', 'G', 'On track'],
    ['W2.2', 'Launch carers\' assessment online form', 'Dev Rao; Lucy Ford', 'Director of Adult Services', '31/01/2025', '17/04/2025', 'R', 'Supplier slipped'],
    ['W2.3', 'Care home quality dashboard live', 'Priya Shah', 'Director of Adult Services', 'TBC', '', 'A', ''],
], {"tool": "Excel tracker kept by a council PMO", "layout": "workstream heading rows with the rest of the row empty; Baseline and Forecast dates; R/A/G/B letters; owners joined by /, ; and 'and'",
    "source": "team", "milestones": 7, "refsGenerated": False, "groups": ["W1 Housing & Homelessness", "W2 Adult Social Care"], "reportDate": "2025-03-03",
    "checks": [
        check('W1.1', 'Commission temporary accommodation review', '2025-03-31', 'Delayed', 'Red', ['Jane Smith', 'Raj Patel'], ['Director of Housing'], 'W1 Housing & Homelessness', revised='2025-05-30'),
        check('W1.2', 'Publish homelessness prevention strategy', '2025-02-28', 'Complete', 'Blue', ['Amy Clarke'], ['Director of Housing'], 'W1 Housing & Homelessness'),
        check('W1.3', 'Recruit two tenancy sustainment officers', '2025-04-30', 'AtRisk', 'Amber', ['Amy Clarke', 'Tom Reid'], ['Director of Housing'], 'W1 Housing & Homelessness'),
        check('W2.2', "Launch carers' assessment online form", '2025-01-31', 'Delayed', 'Red', ['Dev Rao', 'Lucy Ford'], ['Director of Adult Services'], 'W2 Adult Social Care', revised='2025-04-17'),
        check('W2.3', 'Care home quality dashboard live', None, 'AtRisk', 'Amber', ['Priya Shah'], ['Director of Adult Services'], 'W2 Adult Social Care'),
    ]})

write('t02-hr-action-log.csv', [
    ['People Committee - HR action log'],
    ['Action No.', 'Action', 'Lead', 'Target Date', 'Status', 'Update'],
    ['HR-01', 'Refresh the recruitment and selection policy', 'sam.okafor@westvale.nhs.uk', '31-Jan-25', 'Closed', 'Approved at January committee'],
    ['HR-02', 'Report agency spend by division monthly', 'Kate Morris', '28-Feb-25', 'In progress', ''],
    ['HR-03', 'Launch staff survey action plans', 'kate.morris@westvale.nhs.uk; sam.okafor@westvale.nhs.uk', '31-Mar-25', 'Not yet started', ''],
    ['HR-04', 'Exit interview process for all leavers', 'Sam Okafor', '15-Jan-25', 'Overdue', 'Survey tool not yet procured'],
    ['HR-05', 'Review of bank staff pay rates', 'Kate Morris', '30-Apr-25', 'Cancelled', 'Superseded by national pay award'],
    ['HR-06', 'Mandatory training compliance at 90%', 'Sam Okafor', '31-Mar-25', 'On hold', 'Paused during EPR go-live'],
    ['HR-07', 'Flexible working policy published', 'Kate Morris', '31-Dec-24', 'Done', ''],
], {"tool": "Excel action log of a trust's People Committee", "layout": "letter-led references HR-01..; owners as e-mail addresses, two in one cell separated by ';'; status words Closed, Not yet started, Overdue, Cancelled, On hold, Done",
    "source": "team", "milestones": 7, "refsGenerated": False, "groups": [], "reportDate": None,
    "checks": [
        check('HR-01', 'Refresh the recruitment and selection policy', '2025-01-31', 'Closed', 'None', ['sam.okafor@westvale.nhs.uk'], [], None),
        check('HR-03', 'Launch staff survey action plans', '2025-03-31', 'NotStarted', 'None', ['kate.morris@westvale.nhs.uk', 'sam.okafor@westvale.nhs.uk'], [], None),
        check('HR-04', 'Exit interview process for all leavers', '2025-01-15', 'Delayed', 'None', ['Sam Okafor'], [], None),
        check('HR-05', 'Review of bank staff pay rates', '2025-04-30', 'Closed', 'None', ['Kate Morris'], [], None),
        check('HR-07', 'Flexible working policy published', '2024-12-31', 'Complete', 'None', ['Kate Morris'], [], None),
    ]})

write('t03-unfamiliar-headers.csv', [
    ['Code', 'Commitment we made to the board', 'Named person', 'Date agreed', 'Light'],
    ['C1', 'Open the new community diagnostic centre to the public', 'Helen Tate', '30/09/2025', 'Green'],
    ['C2', 'Reduce waits over 52 weeks to under one hundred patients', 'Gary Price', '31/03/2026', 'Amber'],
    ['C3', 'Publish a single estates strategy for the system', 'Mo Farooq', '31/12/2025', 'Red'],
    ['C4', 'Complete the digital maturity assessment for every provider', 'Helen Tate', '30/06/2025', 'Blue'],
    ['C5', 'Agree the joint forward plan refresh with all partners', 'Gary Price', '31/05/2025', 'Green'],
], {"tool": "Hand-made spreadsheet with headers PlanBot does not know", "layout": "no known header names: reference, title, owner, due date and RAG are decided from what the cells hold",
    "source": "team", "milestones": 5, "refsGenerated": False, "groups": [], "reportDate": None,
    "checks": [
        check('C1', 'Open the new community diagnostic centre to the public', '2025-09-30', 'OnTrack', 'Green', ['Helen Tate'], [], None),
        check('C3', 'Publish a single estates strategy for the system', '2025-12-31', 'Delayed', 'Red', ['Mo Farooq'], [], None),
        check('C4', 'Complete the digital maturity assessment for every provider', '2025-06-30', 'Complete', 'Blue', ['Helen Tate'], [], None),
    ]})
