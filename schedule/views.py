from education.views import placeholder


def calendar(request, **kwargs):
    return placeholder(request, title="Treatment calendar")
