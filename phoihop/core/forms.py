"""Form fields that take anything a browser (or an attacker) sends without a server error."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from phoihop.core.params import parse_id


class IdsChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Several objects chosen by id. Django passes the ids to an `__in` query as they came, and
    a number beyond the database's integers makes SQLite raise: such a value is refused here as
    any unknown choice is."""

    def _check_values(self, value: Any) -> Any:
        if self.to_field_name is None:
            for pk in value:
                if parse_id(str(pk)) is None:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": pk},
                    )
        return super()._check_values(value)  # type: ignore[misc]


def choice_field(form: forms.Form, name: str) -> forms.ModelChoiceField:  # type: ignore[type-arg]
    """A choice field of `form` (one choice or several), to narrow its choices to what the
    user may pick: `choice_field(self, "unit").queryset = …`."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field
