"""Signal receivers that keep rollups in step with every figure written through the ORM.

Rollups hold accepted submissions only: `figure_key_of_submission` answers None for any other,
so a figure saved in a draft changes nothing, and a submission's status change (the workflow
sets `status`, then saves) adds or takes out all its figures at once.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from phoihop.analytics import catalogue, completeness
from phoihop.analytics.rollups import (
    FigureKey,
    SubmissionState,
    apply_deltas,
    apply_tally_deltas,
    figure_key_of_submission,
    forget_unit_paths,
    submission_state,
)
from phoihop.indicators.models import Indicator
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.reporting.models import FigureValue, Status, Submission

# What a pre_ signal reads for its post_ signal, kept on the instance under these names (the
# models do not declare them: they are analytics' own).
OLD_FIGURE = "_rollup_old"
STORED_FIGURE = "_rollup_stored"
STORED_STATE = "_tally_stored"
OLD_STATE = "_rollup_old_state"


def _contribution(value: Decimal | None) -> tuple[Decimal, int]:
    return (Decimal(0), 0) if value is None else (Decimal(value), 1)


@receiver(pre_save, sender=FigureValue)
def remember_old_figure(sender, instance: FigureValue, raw: bool = False, **kwargs) -> None:
    old = None
    if instance.pk and not raw:
        old = (
            FigureValue.objects.filter(pk=instance.pk)
            .values_list("submission_id", "indicator_id", "value")
            .first()
        )
    setattr(instance, OLD_FIGURE, old)


@receiver(post_save, sender=FigureValue)
def add_figure_to_rollups(sender, instance: FigureValue, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    changes = []
    key = figure_key_of_submission(instance.submission_id)
    old = getattr(instance, OLD_FIGURE, None)
    if old is not None:
        # An edited figure almost always stays in its submission: its key is already read.
        old_key = key if old[0] == instance.submission_id else figure_key_of_submission(old[0])
        total, count = _contribution(old[2])
        if old_key is not None:
            changes.append((old_key, old[1], -total, -count))
    total, count = _contribution(instance.value)
    if key is not None:
        changes.append((key, instance.indicator_id, total, count))
    apply_deltas(changes)


def _deletion(origin) -> dict:
    """State shared by the signals of one delete() call, kept on what delete() was called on."""
    if origin is None:
        return {"submissions": set()}
    return vars(origin).setdefault("_rollup_deletion", {"submissions": set()})


@receiver(pre_delete, sender=FigureValue)
def remember_deleted_figure(sender, instance: FigureValue, origin=None, **kwargs) -> None:
    if origin is None or origin is instance:
        # Deleted on its own: the instance in hand may have been edited since it was read.
        stored = FigureValue.objects.filter(pk=instance.pk).values_list("value", flat=True).first()
    else:
        # Collected by a cascade or a queryset delete: read from the database just now.
        stored = instance.value
    setattr(instance, STORED_FIGURE, stored)


@receiver(post_delete, sender=FigureValue)
def remove_figure_from_rollups(sender, instance: FigureValue, origin=None, **kwargs) -> None:
    if instance.submission_id in _deletion(origin)["submissions"]:
        return  # taken out with its whole submission by remove_submission_from_rollups
    # Figures are deleted before their submission, so its row can still be read here.
    key = figure_key_of_submission(instance.submission_id)
    if key is None:
        return
    total, count = _contribution(getattr(instance, STORED_FIGURE, None))
    apply_deltas([(key, instance.indicator_id, -total, -count)])


@receiver(pre_delete, sender=Submission)
def remove_submission_from_rollups(sender, instance: Submission, origin=None, **kwargs) -> None:
    """Take a deleted submission's figures out in one read and one write, not per figure.

    Every pre_delete signal of a delete() runs before any row goes, so the figures are still
    there; their own post_delete signals then see the mark and do nothing.
    """
    if origin is None:
        return  # no state to share with the figures' signals: they take themselves out
    # A submission that is not accepted has no figures in any rollup: nothing to take out.
    rows = FigureValue.objects.filter(
        submission_id=instance.pk, submission__status=Status.ACCEPTED
    ).values_list(
        "indicator_id",
        "value",
        "submission__organisation__unit__path",
        "submission__organisation__kind_id",
        "submission__period",
    )
    changes = []
    for indicator_id, value, path, kind_id, period in rows:
        total, count = _contribution(value)
        changes.append((FigureKey(path, kind_id, period), indicator_id, -total, -count))
    apply_deltas(changes)
    _deletion(origin)["submissions"].add(instance.pk)


@receiver(pre_delete, sender=Submission)
def remember_deleted_submission_state(sender, instance: Submission, **kwargs) -> None:
    setattr(instance, STORED_STATE, submission_state(instance.pk))


@receiver(post_delete, sender=Submission)
def forget_deleted_submission(sender, instance: Submission, origin=None, **kwargs) -> None:
    # Its figures' signals have run; a later delete() on the same object starts clean.
    _deletion(origin)["submissions"].discard(instance.pk)
    stored: SubmissionState | None = getattr(instance, STORED_STATE, None)
    if stored is not None:
        apply_tally_deltas([(stored, -1)])


@receiver(pre_save, sender=Submission)
def remember_old_submission_state(
    sender, instance: Submission, raw: bool = False, **kwargs
) -> None:
    old = submission_state(instance.pk) if instance.pk and not raw else None
    setattr(instance, OLD_STATE, old)


@receiver(post_save, sender=Submission)
def move_submission_figures(sender, instance: Submission, raw: bool = False, **kwargs) -> None:
    """Accepted: its figures come in; reopened: they go out; moved: they follow it. The
    tallies of submissions and accepted ones follow every change of status or place."""
    if raw:
        return
    old: SubmissionState | None = getattr(instance, OLD_STATE, None)
    new = submission_state(instance.pk)
    if old != new:
        apply_tally_deltas([*([(old, -1)] if old else []), *([(new, 1)] if new else [])])
    old_key = old.figure_key if old else None
    new_key = new.figure_key if new else None
    if new_key == old_key:
        return  # the usual case: an edit or a change between unaccepted states moves nothing
    changes = []
    for indicator_id, value in instance.figures.values_list("indicator_id", "value"):
        total, count = _contribution(value)
        if old_key is not None:
            changes.append((old_key, indicator_id, -total, -count))
        if new_key is not None:
            changes.append((new_key, indicator_id, total, count))
    apply_deltas(changes)


@receiver(post_save, sender=Unit)
@receiver(post_delete, sender=Unit)
def unit_saved(sender, **kwargs) -> None:
    forget_unit_paths()
    completeness.forget_organisations()


@receiver(post_save, sender=Organisation)
@receiver(post_delete, sender=Organisation)
def organisation_saved(sender, **kwargs) -> None:
    completeness.forget_organisations()


@receiver(post_save, sender=Indicator)
@receiver(post_delete, sender=Indicator)
def indicator_changed(sender, **kwargs) -> None:
    catalogue.forget()
