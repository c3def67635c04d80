from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "phoihop.core"
    label = "core"
    verbose_name = "Chung"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from phoihop.core.middleware import mark_renewed_at_sign_in

        user_logged_in.connect(mark_renewed_at_sign_in, dispatch_uid="phoihop-session-renewed")
