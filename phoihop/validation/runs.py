"""Validation runs: computing and storing them, and reading the latest stored verdict.

Verdicts are computed only by an explicit request (the page's POST "Chạy lại", the `phoihop
validate` command) and by `refresh_validation`, which the workflow calls after a submission is
saved or submitted. Readers (pages, documents, the dashboard) take the latest stored run and
never validate: a GET changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Max, Q

from phoihop.core import clock
from phoihop.core.periods import Period
from phoihop.places.models import Level, Unit
from phoihop.reporting.models import FigureValue, Submission
from phoihop.validation import models as m
from phoihop.validation.run_context import RunContext, period_units
from phoihop.validation.submission_checks import submission_drafts
from phoihop.validation.unit_checks import (
    history_drafts,
    level_drafts,
    partner_drafts,
    peer_drafts,
    unit_rule_drafts,
)


def run_validation(unit: Unit, period: str, *, user=None) -> m.ValidationRun:
    """Validate every submission of a unit (and the units under it) for a period; store it all.

    A run never changes an earlier run's results. An explanation given on the same problem
    with the very same figures in the previous run carries over; changed figures reopen it.
    """
    period = Period.parse(period).id
    mark = data_mark(unit, period)  # before reading: a change made meanwhile leaves it stale
    ctx = RunContext(unit, period)
    drafts = [
        *submission_drafts(ctx),
        *unit_rule_drafts(ctx),
        *level_drafts(ctx),
        *partner_drafts(ctx),
        *history_drafts(ctx),
        *peer_drafts(ctx),
    ]
    # Computed above outside any transaction (reads only): the write lock is held only while
    # the run and its results are stored. A change made meanwhile leaves the run stale (the
    # mark was taken before reading), so it is recomputed.
    with transaction.atomic():
        previous = latest_run(unit, period)
        earlier: dict[str, m.ValidationResult] = {}
        if previous is not None:
            earlier = {r.fingerprint: r for r in previous.results.all()}
        run = m.ValidationRun.objects.create(
            unit=unit,
            period=period,
            created_by=user if getattr(user, "is_authenticated", False) else None,
            submission_count=len(ctx.submissions),
            data_mark=mark,
            created_at=clock.now(),
        )
        results = []
        for draft in drafts:
            result = m.ValidationResult(
                run=run,
                kind=draft.kind,
                code=draft.code,
                fingerprint=draft.fingerprint,
                importance=draft.importance,
                blocking=draft.blocking,
                message=draft.message,
                unit=draft.unit,
                organisation=draft.organisation,
                submission=draft.submission,
                period=period,
                snapshot=draft.snapshot,
            )
            before = earlier.get(draft.fingerprint)
            if before is not None and before.snapshot == draft.snapshot:
                result.status = before.status
                result.explanation = before.explanation
                result.explained_by_id = before.explained_by_id
                result.explained_at = before.explained_at
                result.returned_at = before.returned_at
            results.append(result)
        m.ValidationResult.objects.bulk_create(results)
        return run


def latest_run(unit: Unit, period: str) -> m.ValidationRun | None:
    """The last run stored for the unit and period (runs are numbered in the order made)."""
    return m.ValidationRun.objects.filter(unit=unit, period=period).order_by("-pk").first()


def data_mark(unit: Unit, period: str) -> str:
    """A token of everything a run of the unit and period reads that can change: its
    submissions (how many, the last change), their figures (the last figure edit) and the
    rules. Equal tokens mean the run's verdict still holds; the clock plays no part, so a
    demo running on its own "today" compares the same way as a live system."""
    units = period_units(unit, period)
    submissions = Submission.objects.filter(period=period, organisation__unit__in=units)
    seen = submissions.aggregate(count=Count("pk"), changed=Max("updated_at"))
    figures = FigureValue.history.filter(submission_id__in=submissions.values("pk")).aggregate(
        last=Max("history_id")
    )
    rules = m.Rule.objects.aggregate(count=Count("pk"), changed=Max("updated_at"))
    changed = seen["changed"].isoformat() if seen["changed"] else "-"
    rules_changed = rules["changed"].isoformat() if rules["changed"] else "-"
    return f"s{seen['count']}@{changed};f{figures['last'] or 0};r{rules['count']}@{rules_changed}"


def is_stale(run: m.ValidationRun) -> bool:
    """Whether figures, submissions or rules changed since the run (a run from before marks
    were kept counts as stale)."""
    return not run.data_mark or run.data_mark != data_mark(run.unit, run.period)


def refresh_validation(submission: Submission, *, user=None) -> list[m.ValidationRun]:
    """Recompute the stored verdicts a change to this submission can alter; the workflow calls
    it after each save and submit.

    These are the latest runs, for the submission's period, of its unit and of every unit
    above it (a run covers its unit and everything under it). Only runs whose data changed
    since are recomputed; a unit never validated for the period stays so (its first run is
    asked for with "Chạy lại" or `phoihop validate`). Returns the new runs.
    """
    unit = submission.organisation.unit
    fresh = []
    for covering in [*unit.ancestors(), unit]:
        run = latest_run(covering, submission.period)
        if run is not None and is_stale(run):
            fresh.append(run_validation(covering, submission.period, user=user))
    return fresh


def validate_all(
    periods: Iterable[str] | None = None, *, user=None, within: Unit | None = None
) -> list[m.ValidationRun]:
    """Store a first run for every province and district with submissions in each period (every
    period with submissions by default): what an installation does once after loading data in
    bulk, as the demo does, and what an office's "Kiểm tra lại toàn bộ" asks for its own unit
    (`within`: that unit and the units under it). A unit whose latest run still holds is left
    alone, so running it again changes nothing. Later saves keep these runs fresh through
    refresh_validation."""
    if periods is None:
        periods = Submission.objects.values_list("period", flat=True).distinct()
    tops = Unit.objects.filter(level__in=[Level.PROVINCE, Level.DISTRICT])
    if within is not None:
        tops = Unit.objects.filter(
            Q(pk=within.pk) | Q(level__in=[Level.PROVINCE, Level.DISTRICT]),
            path__startswith=within.path,
        )
    made = []
    for period in sorted(set(periods)):
        paths = set(
            Submission.objects.filter(period=period).values_list(
                "organisation__unit__path", flat=True
            )
        )
        for unit in tops.order_by("path"):
            if not any(path.startswith(unit.path) for path in paths):
                continue
            run = latest_run(unit, period)
            if run is None or is_stale(run):
                made.append(run_validation(unit, period, user=user))
    return made


def revalidate_existing(*, user=None, every: bool = False) -> list[m.ValidationRun]:
    """Compute again each stored verdict (the latest run of a unit and period) whose data or
    rules changed since, or every one (`every`: the catalogue changed, which the runs' marks
    do not see); units never validated stay so. After the rules change, in the background."""
    made = []
    pairs = m.ValidationRun.objects.values_list("unit_id", "period").distinct()
    units = Unit.objects.in_bulk({unit_id for unit_id, _period in pairs})
    for unit_id, period in sorted(set(pairs), key=lambda pair: (pair[1], pair[0])):
        run = latest_run(units[unit_id], period)
        if run is not None and (every or is_stale(run)):
            made.append(run_validation(units[unit_id], period, user=user))
    return made


def verdict(unit: Unit, period: str) -> dict:
    """What a page says about the stored verdict: the latest run (or None) and whether the data
    changed since it was computed."""
    run = latest_run(unit, period)
    return {"run": run, "stale": run is not None and is_stale(run)}


def open_violations(unit: Unit, period: str, *, include_explained: bool = False) -> list[dict]:
    """The unresolved violations of a unit (and the units under it) for a period, most important
    first, as the latest stored run found them; empty when the unit was never validated for the
    period. Never validates (see `verdict` for when the run was made and whether it is stale).

    Each item is a dict:
      id (ValidationResult pk), kind (builtin, rule, level_mismatch, partner_mismatch,
      history_*, peer_*), importance ("high" | "medium" | "low"), importance_label (Vietnamese),
      message (Vietnamese, with the figures), unit (full name), organisation (name or ""),
      submission_id (int or None), status ("open" | "explained"), explanation (text),
      figures (list of {"label", "value": exact string or None, "unit"}).
    Only status "open" unless include_explained.
    """
    run = latest_run(unit, Period.parse(period).id)
    if run is None:
        return []
    statuses = [m.ResultStatus.OPEN]
    if include_explained:
        statuses.append(m.ResultStatus.EXPLAINED)
    results = run.results.filter(status__in=statuses).select_related("unit", "organisation")
    ordered = sorted(results, key=lambda r: (m.IMPORTANCE_ORDER[r.importance], r.pk))
    return [
        {
            "id": r.pk,
            "kind": r.kind,
            "importance": r.importance,
            "importance_label": str(r.get_importance_display()),
            "message": r.message,
            "unit": r.unit.full_name,
            "organisation": r.organisation.name if r.organisation else "",
            "submission_id": r.submission_id,
            "status": r.status,
            "explanation": r.explanation,
            "figures": list(r.snapshot),
        }
        for r in ordered
    ]
