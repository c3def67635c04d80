"""The workflow's steps from the command line: `phoihop submissions submit|return|accept|reopen`.

Thin: find the user, the organisation and its submission, then call the one workflow; every
refusal is the workflow's own Vietnamese message, printed, and the command fails.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.accounts.models import User
from phoihop.core.dates import parse_date
from phoihop.core.periods import Period, PeriodError
from phoihop.indicators.models import Form
from phoihop.organisations.models import Organisation
from phoihop.reporting import services, workflow
from phoihop.reporting.models import Submission

STEPS = {
    "submit": gettext_lazy("Gửi báo cáo (như nút «Gửi báo cáo»)."),
    "return": gettext_lazy("Trả lại báo cáo đã gửi, kèm lý do."),
    "accept": gettext_lazy("Duyệt báo cáo đã gửi."),
    "reopen": gettext_lazy("Mở lại báo cáo đã duyệt để sửa, kèm lý do."),
}


def _submission(options: dict) -> Submission:
    try:
        period = Period.parse(options["period"]).id
    except PeriodError as exc:
        raise CommandError(str(exc)) from None
    organisation = (
        Organisation.objects.select_related("unit", "kind")
        .filter(pk=options["organisation"])
        .first()
    )
    if organisation is None:
        raise CommandError(_("Không có tổ chức số %(id)d.") % {"id": options["organisation"]})
    found = Submission.objects.filter(organisation=organisation, period=period)
    if options.get("form"):
        form = Form.objects.filter(code=options["form"]).first()
        if form is None:
            raise CommandError(_("Không có biểu mẫu «%(code)s».") % {"code": options["form"]})
        found = found.filter(form=form)
    submission = found.select_related("form", "organisation__unit").first()
    if submission is None:
        raise CommandError(
            _("%(org)s chưa có báo cáo %(period)s.")
            % {"org": organisation.name, "period": Period.parse(period).label}
        )
    return submission


def _explanations(pairs: list[str]) -> dict[str, str]:
    explanations = {}
    for pair in pairs:
        code, sep, text = pair.partition("=")
        if not sep or not code.strip():
            raise CommandError(
                _("Giải trình «%(pair)s» phải có dạng MÃ=NỘI DUNG.") % {"pair": pair}
            )
        explanations[code.strip()] = text
    return explanations


def run_step(command: BaseCommand, options: dict) -> None:
    user = User.objects.filter(username=options["user"], is_active=True).first()
    if user is None:
        raise CommandError(_("Không có người dùng «%(name)s».") % {"name": options["user"]})
    submission = _submission(options)
    step = options["action"]
    until = None
    if options.get("until"):
        try:
            until = parse_date(options["until"])
        except ValueError:
            raise CommandError(_("Ngày không hợp lệ; viết theo dạng 27/12/2020.")) from None
    try:
        if step == "submit":
            workflow.submit_submission(
                submission, user=user, explanations=_explanations(options["explain"])
            )
            done = _("Đã gửi báo cáo.")
        elif step == "return":
            workflow.return_submission(
                submission, user=user, reason=options["reason"], open_until=until
            )
            done = _("Đã trả lại báo cáo.")
        elif step == "accept":
            workflow.accept_submission(submission, user=user)
            done = _("Đã duyệt báo cáo.")
        else:
            workflow.reopen_submission(
                submission, user=user, reason=options["reason"], open_until=until
            )
            done = _("Đã mở lại báo cáo.")
    except workflow.SubmitRefused as exc:
        for blocker in exc.blockers:
            hint = _(" (giải trình bằng --explain %(code)s=…)") % {"code": blocker.code}
            command.stderr.write(f"- {blocker.message}{hint if blocker.explainable else ''}")
        raise CommandError(_("Chưa gửi được báo cáo.")) from None
    except services.WorkflowError as exc:
        raise CommandError(exc.message) from None
    except PermissionDenied:
        raise CommandError(
            _("Người dùng «%(name)s» không được làm việc này với báo cáo này.")
            % {"name": user.username}
        ) from None
    command.stdout.write(f"{done} {submission}")
