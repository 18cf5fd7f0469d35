"""The dossier's whole life as a transition table (Decree 118/2025 Art 16-23): every ordered pair of statuses
is checked against the moves the law allows, written out here by hand, and a few journeys end to end."""

from __future__ import annotations

import itertools

import pytest

from backend.dossiers.rules import TRANSITIONS, IllegalTransition, Status, can_move, ensure_transition

S = Status
# Every legal move, one per line, from the law (not from the code under test).
LEGAL = {
    # The check step (Art 17): receive, ask once for corrections, refuse; the citizen withdraws before receipt.
    (S.SUBMITTED, S.RECEIVED),
    (S.SUBMITTED, S.SUPPLEMENT_REQUESTED),
    (S.SUBMITTED, S.REFUSED),
    (S.SUBMITTED, S.WITHDRAWN),
    (S.SUPPLEMENT_REQUESTED, S.SUBMITTED),
    (S.SUPPLEMENT_REQUESTED, S.REFUSED),
    (S.SUPPLEMENT_REQUESTED, S.WITHDRAWN),
    # Handling (Art 18-19): the head assigns a handler.
    (S.RECEIVED, S.IN_PROGRESS),
    # A supplement during appraisal: proposed by the handler, issued (or sent back) by the counter (Art 5(1)(e)).
    (S.IN_PROGRESS, S.SUPPLEMENT_PROPOSED),
    (S.SUPPLEMENT_PROPOSED, S.APPRAISAL_SUPPLEMENT),
    (S.SUPPLEMENT_PROPOSED, S.IN_PROGRESS),
    # Completed: handling again, the clock from zero; not completed in time: closed (Art 19(5)).
    (S.APPRAISAL_SUPPLEMENT, S.IN_PROGRESS),
    (S.APPRAISAL_SUPPLEMENT, S.CLOSED),
    # Approval: approved or sent back to the handler.
    (S.IN_PROGRESS, S.AWAITING_APPROVAL),
    (S.AWAITING_APPROVAL, S.APPROVED),
    (S.AWAITING_APPROVAL, S.IN_PROGRESS),
    # The result, or a refusal after appraisal (a result too, Art 19(3)), goes back to the counter (Art 22).
    (S.APPROVED, S.RESULT_ISSUED),
    (S.APPROVED, S.APPRAISAL_REFUSED),
    (S.RESULT_ISSUED, S.READY),
    (S.APPRAISAL_REFUSED, S.READY),
    (S.READY, S.RETURNED),
    # Stop (Art 21): from receipt until the decision is issued.
    (S.RECEIVED, S.STOPPED),
    (S.IN_PROGRESS, S.STOPPED),
    (S.SUPPLEMENT_PROPOSED, S.STOPPED),
    (S.APPRAISAL_SUPPLEMENT, S.STOPPED),
    (S.AWAITING_APPROVAL, S.STOPPED),
    (S.APPROVED, S.STOPPED),
}
FINAL = {S.REFUSED, S.RETURNED, S.WITHDRAWN, S.STOPPED, S.CLOSED}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(Status, Status)))
def test_every_move_is_legal_exactly_when_the_law_allows_it(current: Status, target: Status) -> None:
    assert can_move(current, target) is ((current, target) in LEGAL)
    if (current, target) in LEGAL:
        ensure_transition(current.value, target)
    else:
        with pytest.raises(IllegalTransition) as refused:
            ensure_transition(current.value, target)
        assert refused.value.status == 409
        assert refused.value.extra == {"current": current.value, "target": target.value}


def test_the_table_names_every_status_and_only_statuses() -> None:
    assert set(TRANSITIONS) == set(Status)
    assert all(isinstance(t, Status) for targets in TRANSITIONS.values() for t in targets)


def test_the_final_statuses_lead_nowhere() -> None:
    assert {s for s in Status if not TRANSITIONS[s]} == FINAL


def _walk(*path: Status) -> bool:
    return all(can_move(a, b) for a, b in itertools.pairwise(path))


def test_a_dossier_goes_from_receipt_to_return() -> None:
    assert _walk(S.SUBMITTED, S.RECEIVED, S.IN_PROGRESS, S.AWAITING_APPROVAL, S.APPROVED, S.RESULT_ISSUED)
    assert _walk(S.RESULT_ISSUED, S.READY, S.RETURNED)


def test_a_refusal_after_appraisal_is_returned_like_a_result() -> None:
    assert _walk(S.IN_PROGRESS, S.AWAITING_APPROVAL, S.APPROVED, S.APPRAISAL_REFUSED, S.READY, S.RETURNED)


def test_a_handler_never_asks_the_citizen_directly() -> None:
    # Art 5(1)(e): only the counter's notice puts the dossier in the citizen's hands.
    assert not can_move(S.IN_PROGRESS, S.APPRAISAL_SUPPLEMENT)
    assert _walk(S.IN_PROGRESS, S.SUPPLEMENT_PROPOSED, S.APPRAISAL_SUPPLEMENT, S.IN_PROGRESS)


def test_nothing_is_ready_for_pickup_before_a_result_exists() -> None:
    assert [s for s in Status if can_move(s, S.READY)] == [S.RESULT_ISSUED, S.APPRAISAL_REFUSED]


def test_a_result_needs_the_leaders_approval() -> None:
    assert [s for s in Status if can_move(s, S.RESULT_ISSUED)] == [S.APPROVED]


def test_no_stop_once_the_result_is_issued_and_no_withdrawal_after_receipt() -> None:
    assert not any(can_move(s, S.STOPPED) for s in (S.RESULT_ISSUED, S.APPRAISAL_REFUSED, S.READY, S.SUBMITTED))
    assert not any(can_move(s, S.WITHDRAWN) for s in (S.RECEIVED, S.IN_PROGRESS, S.READY))


def test_only_a_supplement_not_completed_is_closed() -> None:
    assert [s for s in Status if can_move(s, S.CLOSED)] == [S.APPRAISAL_SUPPLEMENT]


def test_a_completed_supplement_goes_back_to_handling_not_to_the_check_step() -> None:
    assert can_move(S.APPRAISAL_SUPPLEMENT, S.IN_PROGRESS)
    assert not can_move(S.APPRAISAL_SUPPLEMENT, S.SUBMITTED)
