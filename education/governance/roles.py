"""The three admin roles as groups with permissions, created by a data migration and kept
in place after every ``migrate`` or test-database flush (post_migrate).

- Content editors write drafts of pages, checklist items, glossary terms and question prompts.
- Clinical reviewers read everything and approve drafts (and cannot approve their own).
- Administrators manage users and reviewer profiles and can also edit content and safety
  settings (as drafts). They cannot change the groups' permissions (the roles are fixed here),
  nor their own account's roles or status (education.governance.admin_users).

The checks that matter are made in ``education.governance.rules``, not in templates.
"""

from django.apps.registry import Apps

EDITORS = "Content editors"
REVIEWERS = "Clinical reviewers"
ADMINISTRATORS = "Administrators"

ROLE_CHANGE = "Role change: "  # the audit-log prefix the review dashboard lists

CONTENT = (
    "page", "checklistitem", "glossaryterm", "selfcheckquestion", "redflag", "questionprompt"
)  # fmt: skip
RECORDS = ("revision", "approval", "pagefeedback", "selfcheckanswer")
GRANTS = ("reviewergrant",)  # decided on its own admin page (governance/grants.py)
SETTINGS = ("helpsettings", "reviewsettings", "searchsynonym")
PEOPLE = ("reviewerprofile",)


def _codes(actions: tuple[str, ...], models: tuple[str, ...]) -> list[str]:
    return [f"{action}_{model}" for model in models for action in actions]


ROLE_PERMISSIONS: dict[str, list[tuple[str, str]]] = {
    EDITORS: [
        *[("education", c) for c in _codes(("view", "add", "change"), CONTENT)],
        *[("education", c) for c in _codes(("view",), RECORDS + SETTINGS)],
    ],
    REVIEWERS: [
        *[("education", c) for c in _codes(("view",), CONTENT + RECORDS + SETTINGS + GRANTS)],
        ("education", "approve_revision"),
    ],
    ADMINISTRATORS: [
        *[("education", c) for c in _codes(("view", "add", "change"), CONTENT + SETTINGS)],
        *[("education", c) for c in _codes(("view",), RECORDS + GRANTS)],
        *[("education", c) for c in _codes(("view", "add", "change"), PEOPLE)],
        *[("auth", c) for c in _codes(("view", "add", "change"), ("user",))],
        ("auth", "view_group"),
    ],
}


def ensure_roles(apps: Apps) -> None:
    """Create the three groups and give each exactly its permissions (idempotent)."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for name, wanted in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=name)
        permissions = []
        for app_label, codename in wanted:
            found = permission_model.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if found is not None:
                permissions.append(found)
        group.permissions.set(permissions)


def roles_after_migrate(sender, apps: Apps | None = None, **kwargs) -> None:
    """post_migrate receiver: the groups survive a flush of the test database."""
    from django.apps import apps as global_apps

    ensure_roles(apps or global_apps)


def in_group(user, name: str) -> bool:
    return bool(user and user.is_active and user.groups.filter(name=name).exists())


def is_reviewer(user) -> bool:
    """Only an active member of the Clinical reviewers group may sign off wording."""
    return in_group(user, REVIEWERS) and user.has_perm("education.approve_revision")
