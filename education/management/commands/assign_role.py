"""Give an existing account one of the admin roles, e.g.

    python manage.py assign_role alice reviewer --public-name "Dr Alice Ruiz" \\
        --public-role "Consultant haematologist"

The account becomes staff (so it can sign in to /admin/) and joins the role's group. Roles:
editor (writes drafts), reviewer (approves drafts), administrator (users and settings). A
reviewer needs a reviewer profile (the name and role shown on public pages) before they can
approve: give it here or on the user's admin page. The change is written to the admin's audit
log, so the review dashboard shows it like a change made in the admin.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from education.governance import grants
from education.governance.roles import ADMINISTRATORS, EDITORS, REVIEWERS
from education.models import ReviewerProfile

ROLES = {"editor": EDITORS, "reviewer": REVIEWERS, "administrator": ADMINISTRATORS}


def audit(user, message: str) -> None:
    """A LogEntry on the user, by the user (the command line has no other account)."""
    grants.audit(user, user, message)


class Command(BaseCommand):
    help = "Add a user to the editor, reviewer or administrator group (and make them staff)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("role", choices=sorted(ROLES))
        parser.add_argument("--public-name", default="", help="Reviewer: name shown publicly.")
        parser.add_argument("--public-role", default="", help="Reviewer: role shown publicly.")

    def handle(self, *args, **options) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user called {options['username']!r}: create it first.")
        group = Group.objects.filter(name=ROLES[options["role"]]).first()
        if group is None:
            raise CommandError("The role groups are missing: run `python manage.py migrate`.")
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        user.groups.add(group)
        audit(user, f"granted {group.name} to {user.get_username()} (server command line)")
        self.stdout.write(f"{user.get_username()} is now in {group.name}.")
        name, role = options["public_name"].strip(), options["public_role"].strip()
        if name and role:
            profile, _ = ReviewerProfile.objects.update_or_create(
                user=user, defaults={"public_name": name, "public_role": role}
            )
            audit(user, f"reviewer profile of {user.get_username()}: {profile} (command line)")
            self.stdout.write(f"Approvals by {user.get_username()} will show: {profile}.")
        elif options["role"] == "reviewer" and ReviewerProfile.of(user) is None:
            self.stdout.write(
                "Before approving, they need a reviewer profile: run again with --public-name "
                "and --public-role, or set it on their page under Users in the admin."
            )
