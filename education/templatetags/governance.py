from django import template

from education.governance.dashboard import dashboard
from education.models import PageFeedback

register = template.Library()


@register.inclusion_tag("admin/education/dashboard.html", takes_context=True)
def review_dashboard(context) -> dict:
    """The review dashboard for the admin home page (staff who can view pages only)."""
    user = context["request"].user
    if not user.has_perm("education.view_page"):
        return {"show": False}
    return {"show": True, "reasons": PageFeedback.Reason.choices, **dashboard()}
