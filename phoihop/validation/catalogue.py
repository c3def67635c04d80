"""The catalogue as data: indicators, forms, sections and validation rules to and from a file.

`load_catalogue` reads a YAML or Excel file (see `phoihop.indicators.catalogue_files` for the
layouts), checks every value and reference, and writes all of it in one transaction, matching
what exists by code: loading the same file twice changes nothing, and a file with any mistake
changes nothing at all. `export_catalogue` writes the same layout from the database, so a
province can export, edit and load its own indicators without touching code.

It sits in `validation` because rules live here; it imports only apps above it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction

from phoihop.indicators.catalogue_files import (
    COLUMNS,
    CatalogueFileError,
    Record,
    catalogue_format,
    read_catalogue,
    write_catalogue,
)
from phoihop.indicators.catalogue_values import (
    MISSING,
    BadValue,
    Converter,
    choice,
    choice_or,
    codes,
    decimal,
    levels,
    optional_code,
    text,
    whole,
    yes_no,
)
from phoihop.indicators.catalogue_values import (
    code as code_field,
)
from phoihop.indicators.models import (
    Aggregation,
    Form,
    Indicator,
    PeriodConvention,
    PeriodType,
    Section,
    SectionIndicator,
    ValueType,
)
from phoihop.organisations.models import OrganisationKind
from phoihop.places.models import Unit
from phoihop.validation.models import (
    Importance,
    JointFigure,
    LevelReconciliation,
    MissingStrategy,
    Operator,
    ProductDeclaration,
    Rule,
    RuleScope,
)

__all__ = [
    "CatalogueError",
    "LoadSummary",
    "export_catalogue",
    "export_catalogue_file",
    "load_catalogue",
    "load_catalogue_file",
]

MAX_MESSAGES = 20


class CatalogueError(Exception):
    """A catalogue that was not loaded; each message names its place in the file."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        shown = messages[:MAX_MESSAGES]
        more = len(messages) - len(shown)
        text = "\n".join(shown) + (f"\n… và {more} lỗi khác." if more else "")
        super().__init__(text)


@dataclass
class LoadSummary:
    """How many items of each kind the load created and updated."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    _seen: set = field(default_factory=set, repr=False)

    def count(self, kind: str, key: object, *, created: bool) -> None:
        """Count an item once, however many of its fields changed."""
        if (kind, key) in self._seen:
            return
        self._seen.add((kind, key))
        (self.created if created else self.updated)[kind] += 1

    @property
    def changed(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())


# --- values ----------------------------------------------------------------------------------


_ZERO = Decimal(0)
SPECS: dict[str, dict[str, Converter]] = {
    "indicators": {
        "code": code_field(60),
        "name": text(required=True, max_length=255),
        "unit": text(required=True, max_length=40),
        "value_type": choice_or(ValueType, ValueType.INTEGER),
        "aggregation": choice_or(Aggregation, Aggregation.SUM),
        "part_of": optional_code,
        "formula": text(max_length=255),
        "pad_small": yes_no(False),
        "min_value": decimal(None),
        "max_value": decimal(None),
        "change_threshold": decimal(Decimal(200)),
        "keywords": codes,
        "description": text(),
        "sentence": text(),
    },
    "forms": {
        "code": code_field(40),
        "name": text(required=True, max_length=255),
        "organisation_kinds": codes,
        "levels": levels,
        "period_type": choice_or(PeriodType, PeriodType.HALF),
        "period_convention": choice_or(PeriodConvention, PeriodConvention.CUTOFF_15),
        "deadline_days": whole(5),
        "grace_days": whole(10),
        "is_active": yes_no(True),
    },
    "sections": {
        "form": text(required=True),
        "code": code_field(40),
        "heading": text(required=True, max_length=255),
        "has_narrative": yes_no(True),
        "narrative_required": yes_no(False),
        "narrative_hint": text(),
        "indicators": codes,
    },
    "products": {
        "count": text(required=True),
        "each": text(required=True),
        "total": text(required=True),
        "tolerance": decimal(_ZERO, nullable=False),
    },
    "level_reconciliations": {
        "indicator": text(required=True),
        "organisation_kind": optional_code,
        "tolerance": decimal(_ZERO, nullable=False),
        "importance": choice_or(Importance, Importance.HIGH),
    },
    "joint_figures": {
        "indicator": text(required=True),
        "organisation_kind": text(required=True),
        "partner_kind": text(required=True),
        "tolerance": decimal(_ZERO, nullable=False),
    },
    "rules": {
        "code": text(required=True, max_length=60),
        "name": text(required=True, max_length=255),
        "left": text(required=True, max_length=500),
        "operator": choice(Operator),
        "right": text(required=True, max_length=500),
        "message": text(required=True),
        "importance": choice_or(Importance, Importance.MEDIUM),
        "missing": choice_or(MissingStrategy, MissingStrategy.SKIP_IF_ANY),
        "tolerance": decimal(_ZERO, nullable=False),
        "blocking": yes_no(False),
        "scope": choice_or(RuleScope, RuleScope.SUBMISSION),
        "unit": optional_code,
        "form": optional_code,
        "organisation_kinds": codes,
        "levels": levels,
        "is_active": yes_no(True),
    },
}
# What identifies an item, so that loading it again updates it instead of adding a copy.
KEYS: dict[str, tuple[str, ...]] = {
    "indicators": ("code",),
    "forms": ("code",),
    "sections": ("form", "code"),
    "products": ("total",),
    "level_reconciliations": ("indicator", "organisation_kind"),
    "joint_figures": ("indicator", "organisation_kind", "partner_kind"),
    "rules": ("code",),
}
assert all(tuple(SPECS[kind]) == COLUMNS[kind] for kind in COLUMNS)


@dataclass
class _Item:
    record: Record
    values: dict[str, Any]

    def where(self, field_name: str | None = None) -> str:
        return self.record.where(field_name)


def _clean(records: list[Record], errors: list[str]) -> dict[str, list[_Item]]:
    items: dict[str, list[_Item]] = {kind: [] for kind in COLUMNS}
    for record in records:
        spec = SPECS[record.kind]
        values: dict[str, Any] = {}
        for name in record.values:
            if name not in spec:
                errors.append(
                    f"{record.where(None)}: không có trường «{name}» (các trường: "
                    + ", ".join(spec)
                    + ")."
                )
        for name, convert in spec.items():
            raw = record.values.get(name, MISSING)
            if raw is MISSING and not getattr(convert, "sees_missing", False):
                raw = None
            try:
                values[name] = convert(raw)
            except BadValue as exc:
                errors.append(f"{record.where(name)}: {exc}.")
        items[record.kind].append(_Item(record, values))
    for kind, kind_items in items.items():
        seen: dict[tuple, _Item] = {}
        for item in kind_items:
            key = tuple(item.values.get(name) for name in KEYS[kind])
            if key in seen:
                errors.append(
                    f"{item.where(KEYS[kind][-1])}: «{' / '.join(map(str, key))}» đã có ở "
                    f"{seen[key].where(None).lower()}."
                )
            seen.setdefault(key, item)
    return items


# --- references --------------------------------------------------------------------------------


def _check_references(items: dict[str, list[_Item]], errors: list[str]) -> None:
    """Every code a record names exists, in the file or already in the database."""
    indicators = {i.values.get("code") for i in items["indicators"]}
    indicators |= set(Indicator.objects.values_list("code", flat=True))
    forms = {i.values.get("code") for i in items["forms"]} | set(
        Form.objects.values_list("code", flat=True)
    )
    kinds: set[str | None] = set(OrganisationKind.objects.values_list("code", flat=True))
    units: set[str | None] = set(Unit.objects.values_list("code", flat=True))
    known = {"indicator": indicators, "form": forms, "kind": kinds, "unit": units}
    labels = {
        "indicator": "chỉ tiêu",
        "form": "biểu mẫu",
        "kind": "loại tổ chức",
        "unit": "đơn vị hành chính",
    }
    fields = {
        "indicators": {"part_of": "indicator"},
        "forms": {"organisation_kinds": "kind"},
        "sections": {"form": "form", "indicators": "indicator"},
        "products": {"count": "indicator", "each": "indicator", "total": "indicator"},
        "level_reconciliations": {"indicator": "indicator", "organisation_kind": "kind"},
        "joint_figures": {
            "indicator": "indicator",
            "organisation_kind": "kind",
            "partner_kind": "kind",
        },
        "rules": {"unit": "unit", "form": "form", "organisation_kinds": "kind"},
    }
    for kind, references in fields.items():
        for item in items[kind]:
            for name, target in references.items():
                value = item.values.get(name)
                for code in value if isinstance(value, list) else [value]:
                    if code and code not in known[target]:
                        errors.append(f"{item.where(name)}: không có {labels[target]} mã «{code}».")


# --- writing -----------------------------------------------------------------------------------

_M = TypeVar("_M", bound=models.Model)
# File field -> model field, where the two differ.
_MODEL_FIELDS = {"indicators": {"unit": "unit_label"}}


def _full_clean(instance: models.Model, item: _Item, errors: list[str], **options: Any) -> bool:
    try:
        instance.full_clean(validate_unique=False, validate_constraints=False, **options)
    except ValidationError as exc:
        back = {model: name for name, model in _MODEL_FIELDS.get(item.record.kind, {}).items()}
        for name, messages in exc.message_dict.items():
            place = item.where(back.get(name, name) if name != "__all__" else None)
            errors.extend(f"{place}: {message}" for message in messages)
        return False
    return True


def _save(
    model: type[_M],
    lookup: dict[str, Any],
    values: dict[str, Any],
    item: _Item,
    errors: list[str],
    summary: LoadSummary,
    **clean_options: Any,
) -> _M | None:
    instance = model._default_manager.filter(**lookup).first()
    created = instance is None
    if instance is None:
        instance = model(**lookup)
    changed = created
    for name, value in values.items():
        model_field = model._meta.get_field(name)
        # Compare ids of a relation: a new row has no related object yet.
        if isinstance(model_field, models.Field) and model_field.is_relation:
            current, wanted = getattr(instance, model_field.attname), value.pk if value else None
        else:
            current, wanted = getattr(instance, name), value
        if current != wanted:
            setattr(instance, name, value)
            changed = True
    if not _full_clean(instance, item, errors, **clean_options):
        return None
    if changed:
        instance.save()
        summary.count(item.record.kind, instance.pk, created=created)
    return instance


def _write(items: dict[str, list[_Item]], errors: list[str]) -> LoadSummary:
    summary = LoadSummary()
    indicators = {i.code: i for i in Indicator.objects.all()}
    for item in items["indicators"]:
        v = item.values
        values = {
            "name": v["name"],
            "unit_label": v["unit"],
            "value_type": v["value_type"],
            "aggregation": v["aggregation"],
            "formula": v["formula"],
            "pad_small": v["pad_small"],
            "min_value": v["min_value"],
            "max_value": v["max_value"],
            "change_threshold": v["change_threshold"],
            "keywords": "\n".join(v["keywords"]),
            "description": v["description"],
            "sentence": v["sentence"],
        }
        saved = _save(
            Indicator, {"code": v["code"]}, values, item, errors, summary, exclude=["part_of"]
        )
        if saved is not None:
            indicators[saved.code] = saved
    for item in items["indicators"]:
        indicator = indicators.get(item.values["code"])
        if indicator is None:
            continue
        whole = indicators.get(item.values["part_of"]) if item.values["part_of"] else None
        if indicator.part_of_id != (whole.pk if whole else None):
            indicator.part_of = whole
            if _full_clean(indicator, item, errors):
                indicator.save(update_fields=["part_of"])
                summary.count(item.record.kind, indicator.pk, created=False)
    kinds = {k.code: k for k in OrganisationKind.objects.all()}
    forms = {f.code: f for f in Form.objects.all()}
    for item in items["forms"]:
        v = item.values
        values = {name: v[name] for name in COLUMNS["forms"] if name != "organisation_kinds"}
        del values["code"]
        form = _save(Form, {"code": v["code"]}, values, item, errors, summary)
        if form is None:
            continue
        forms[form.code] = form
        wanted = {kinds[code].pk for code in v["organisation_kinds"]}
        if set(form.organisation_kinds.values_list("pk", flat=True)) != wanted:
            form.organisation_kinds.set(wanted)
    order: Counter = Counter()
    for item in items["sections"]:
        v = item.values
        form = forms.get(v["form"])
        if form is None:
            continue
        order[form.code] += 1
        values = {
            "order": order[form.code],
            "heading": v["heading"],
            "has_narrative": v["has_narrative"],
            "narrative_required": v["narrative_required"],
            "narrative_hint": v["narrative_hint"],
        }
        lookup = {"form": form, "code": v["code"]}
        section = _save(Section, lookup, values, item, errors, summary)
        if section is not None:
            _link_indicators(section, [indicators[c] for c in v["indicators"]])
    _write_validation(items, indicators, forms, kinds, errors, summary)
    return summary


def _link_indicators(section: Section, wanted: list[Indicator]) -> None:
    current = [link.indicator_id for link in section.indicator_links.order_by("order")]
    if current == [indicator.pk for indicator in wanted]:
        return
    section.indicator_links.all().delete()
    SectionIndicator.objects.bulk_create(
        SectionIndicator(section=section, indicator=indicator, order=position)
        for position, indicator in enumerate(wanted, start=1)
    )


def _write_validation(
    items: dict[str, list[_Item]],
    indicators: dict[str, Indicator],
    forms: dict[str, Form],
    kinds: dict[str, OrganisationKind],
    errors: list[str],
    summary: LoadSummary,
) -> None:
    for item in items["products"]:
        v = item.values
        values = {
            "count": indicators[v["count"]],
            "each": indicators[v["each"]],
            "tolerance": v["tolerance"],
        }
        _save(ProductDeclaration, {"total": indicators[v["total"]]}, values, item, errors, summary)
    for item in items["level_reconciliations"]:
        v = item.values
        lookup = {
            "indicator": indicators[v["indicator"]],
            "organisation_kind": kinds[v["organisation_kind"]] if v["organisation_kind"] else None,
        }
        values = {"tolerance": v["tolerance"], "importance": v["importance"]}
        _save(LevelReconciliation, lookup, values, item, errors, summary)
    for item in items["joint_figures"]:
        v = item.values
        lookup = {
            "indicator": indicators[v["indicator"]],
            "organisation_kind": kinds[v["organisation_kind"]],
            "partner_kind": kinds[v["partner_kind"]],
        }
        _save(JointFigure, lookup, {"tolerance": v["tolerance"]}, item, errors, summary)
    units = {
        u.code: u for u in Unit.objects.filter(code__in=[i.values["unit"] for i in items["rules"]])
    }
    for item in items["rules"]:
        v = item.values
        values = {
            name: v[name]
            for name in COLUMNS["rules"]
            if name not in ("code", "unit", "form", "organisation_kinds")
        }
        values["unit"] = units[v["unit"]] if v["unit"] else None
        values["form"] = forms[v["form"]] if v["form"] else None
        rule = _save(Rule, {"code": v["code"]}, values, item, errors, summary)
        if rule is None:
            continue
        wanted = {kinds[code].pk for code in v["organisation_kinds"]}
        if set(rule.organisation_kinds.values_list("pk", flat=True)) != wanted:
            rule.organisation_kinds.set(wanted)


def load_catalogue(data: bytes, fmt: str) -> LoadSummary:
    """Load a catalogue file's content ('yaml' or 'xlsx'): all of it, or nothing and why."""
    try:
        records = read_catalogue(data, fmt)
    except CatalogueFileError as exc:
        raise CatalogueError([str(exc)]) from exc
    errors: list[str] = []
    items = _clean(records, errors)
    _check_references(items, errors)
    if errors:
        raise CatalogueError(errors)
    with transaction.atomic():
        summary = _write(items, errors)
        if errors:
            raise CatalogueError(errors)  # rolls back what was written before the mistake
    return summary


def load_catalogue_file(path: str | Path) -> LoadSummary:
    """Load a .yaml, .yml or .xlsx catalogue file."""
    try:
        fmt = catalogue_format(path)
        data = Path(path).read_bytes()
    except CatalogueFileError as exc:
        raise CatalogueError([str(exc)]) from exc
    except OSError as exc:
        raise CatalogueError([f"Không đọc được tệp «{path}»: {exc.strerror or exc}."]) from exc
    return load_catalogue(data, fmt)


# --- export ------------------------------------------------------------------------------------


def _catalogue_data() -> dict[str, list[dict[str, Any]]]:
    data: dict[str, list[dict[str, Any]]] = {kind: [] for kind in COLUMNS}
    for indicator in Indicator.objects.select_related("part_of").order_by("pk"):
        data["indicators"].append(
            {
                "code": indicator.code,
                "name": indicator.name,
                "unit": indicator.unit_label,
                "value_type": indicator.value_type,
                "aggregation": indicator.aggregation,
                "part_of": indicator.part_of.code if indicator.part_of else None,
                "formula": indicator.formula,
                "pad_small": indicator.pad_small,
                "min_value": indicator.min_value,
                "max_value": indicator.max_value,
                "change_threshold": indicator.change_threshold,
                "keywords": [line for line in indicator.keywords.splitlines() if line.strip()],
                "description": indicator.description,
                "sentence": indicator.sentence,
            }
        )
    forms = Form.objects.prefetch_related("organisation_kinds").order_by("pk")
    for form in forms:
        record = {name: getattr(form, name) for name in COLUMNS["forms"]}
        record["organisation_kinds"] = sorted(k.code for k in form.organisation_kinds.all())
        data["forms"].append(record)
    sections = Section.objects.select_related("form").order_by("form__pk", "order", "pk")
    for section in sections.prefetch_related("indicator_links__indicator"):
        links = sorted(section.indicator_links.all(), key=lambda link: (link.order, link.pk))
        data["sections"].append(
            {
                "form": section.form.code,
                "code": section.code,
                "heading": section.heading,
                "has_narrative": section.has_narrative,
                "narrative_required": section.narrative_required,
                "narrative_hint": section.narrative_hint,
                "indicators": [link.indicator.code for link in links],
            }
        )
    for product in ProductDeclaration.objects.select_related("count", "each", "total"):
        data["products"].append(
            {
                "count": product.count.code,
                "each": product.each.code,
                "total": product.total.code,
                "tolerance": product.tolerance,
            }
        )
    for level in LevelReconciliation.objects.select_related("indicator", "organisation_kind"):
        data["level_reconciliations"].append(
            {
                "indicator": level.indicator.code,
                "organisation_kind": level.organisation_kind.code
                if level.organisation_kind
                else None,
                "tolerance": level.tolerance,
                "importance": level.importance,
            }
        )
    joints = JointFigure.objects.select_related("indicator", "organisation_kind", "partner_kind")
    for joint in joints:
        data["joint_figures"].append(
            {
                "indicator": joint.indicator.code,
                "organisation_kind": joint.organisation_kind.code,
                "partner_kind": joint.partner_kind.code,
                "tolerance": joint.tolerance,
            }
        )
    rules = Rule.objects.select_related("unit", "form").prefetch_related("organisation_kinds")
    for rule in rules.order_by("code"):
        record = {name: getattr(rule, name) for name in COLUMNS["rules"]}
        record["unit"] = rule.unit.code if rule.unit else None
        record["form"] = rule.form.code if rule.form else None
        record["organisation_kinds"] = sorted(k.code for k in rule.organisation_kinds.all())
        data["rules"].append(record)
    return data


def export_catalogue(fmt: str) -> bytes:
    """The whole catalogue as a 'yaml' or 'xlsx' file's content."""
    return write_catalogue(_catalogue_data(), fmt)


def export_catalogue_file(path: str | Path) -> Path:
    """Write the catalogue to a .yaml, .yml or .xlsx file (the extension decides)."""
    try:
        fmt = catalogue_format(path)
    except CatalogueFileError as exc:
        raise CatalogueError([str(exc)]) from exc
    target = Path(path)
    target.write_bytes(export_catalogue(fmt))
    return target
