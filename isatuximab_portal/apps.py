from django.contrib.staticfiles.apps import StaticFilesConfig


class PortalStaticFilesConfig(StaticFilesConfig):
    """collectstatic without what the site never serves: the unminified, right-to-left and
    partial Bootstrap builds and Bootstrap's JavaScript (the site uses none). Fewer files to
    compress with brotli and gzip on every deploy."""

    ignore_patterns = [
        *StaticFilesConfig.ignore_patterns,
        "*.rtl.*",
        "js-lib-bootstrap5/css/bootstrap-*",
        "js-lib-bootstrap5/css/bootstrap.css",
        "js-lib-bootstrap5/css/bootstrap.css.map",
        "js-lib-bootstrap5/js/*",
    ]
