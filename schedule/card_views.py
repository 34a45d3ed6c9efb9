from education.views import placeholder


def wallet_card(request, **kwargs):
    return placeholder(request, title="Blood transfusion alert card")
