"""Who counts as signed-in staff (the public views and the admin site both ask): an active
staff account that passed the second factor in this session. Password-only sessions get
nothing staff-only (drafts, the admin)."""


def is_verified(user) -> bool:
    """True once this session passed a second-factor check (django-otp's OTPMiddleware)."""
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def is_verified_staff(user) -> bool:
    return bool(user and user.is_active and user.is_staff and is_verified(user))
