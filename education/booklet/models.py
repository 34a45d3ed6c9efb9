"""One finished booklet PDF per content version, edition and language, in the database.

Every app server reads the same rows, so a booklet is built once (by the task worker) for the
whole site, whatever the number of servers or processes. The PDF is kept as it is and gzipped
once, with a strong ETag that is a hash of the PDF. ``source_hash`` is a hash of the HTML and
CSS it was made from: when a new content version prints the same booklet (a draft saved, a
page that is not in the booklet edited), the worker reuses the PDF instead of running
WeasyPrint again.
"""

from django.db import models


class BookletBuild(models.Model):
    version = models.PositiveBigIntegerField()
    language = models.CharField(max_length=8)
    edition = models.CharField(max_length=20)  # Edition.key, e.g. "a4-large"
    source_hash = models.CharField(max_length=64, db_index=True)
    etag = models.CharField(max_length=40)  # quoted, strong
    pdf = models.BinaryField()
    gzipped = models.BinaryField()
    build_seconds = models.FloatField(default=0)  # CPU time of the WeasyPrint run; 0 if reused
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["version", "language", "edition"], name="one_booklet_per_key"
            )
        ]

    def __str__(self) -> str:
        return f"Booklet {self.edition} ({self.language}), content version {self.version}"
