"""The one way views check rights: log in first, then the role's permission (403).

Object visibility is the selectors' job: they filter by centre, so another centre's
object answers 404 before any object rule is asked.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

View = Callable[..., HttpResponse]


def staff_view(perm: str) -> Callable[[View], View]:
    """Require a logged-in user holding ``perm`` (model-level rule); otherwise 302 or 403."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.has_perm(perm):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return login_required(wrapped)

    return decorator
