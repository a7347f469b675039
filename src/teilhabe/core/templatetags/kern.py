"""Template helpers for the KERN UX look: a form field's widget with KERN's class."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()

# Widgets KERN styles as its text input (selects and text areas look the same: a surface
# with a bottom border); check boxes get KERN's check box; radio and check box lists
# keep their own markup and are styled by teilhabe.css.
CHECK = {"checkbox"}
LISTS = {"radioselect", "checkboxselectmultiple", "clearablefile", "file"}


@register.filter
def kern_widget(field: BoundField) -> SafeString:
    """Render the widget with KERN's class added to its own.

    Django itself adds ``aria-invalid`` and ``aria-describedby`` (``<id>_helptext``,
    ``<id>_error``), which is why field.html uses exactly those ids.
    """
    kind = field.widget_type
    attrs: dict[str, str] = {}
    if kind in CHECK:
        kern_class = "kern-form-check__checkbox"
    elif kind in LISTS:
        kern_class = ""
    else:
        kern_class = "kern-form-input__input"
    if field.errors and kern_class:
        kern_class += f" {kern_class}--error"
    own = field.field.widget.attrs.get("class", "")
    classes = " ".join(c for c in (own, kern_class) if c)
    if classes:
        attrs["class"] = classes
    return field.as_widget(attrs=attrs)
