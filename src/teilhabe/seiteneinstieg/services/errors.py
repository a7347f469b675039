from django.core.exceptions import ValidationError


class TransitionError(ValidationError):
    """A status change that the pipeline does not allow."""
