"""Give an existing account one of the admin roles, e.g.

    python manage.py assign_role alice reviewer

The account becomes staff (so it can sign in to /admin/) and joins the role's group. Roles:
editor (writes drafts), reviewer (approves drafts), administrator (users and settings).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from education.governance.roles import ADMINISTRATORS, EDITORS, REVIEWERS

ROLES = {"editor": EDITORS, "reviewer": REVIEWERS, "administrator": ADMINISTRATORS}


class Command(BaseCommand):
    help = "Add a user to the editor, reviewer or administrator group (and make them staff)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("role", choices=sorted(ROLES))

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
        self.stdout.write(f"{user.get_username()} is now in {group.name}.")
