import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

RIGHTS_URI_RE = re.compile(
    r"^https?://(rightsstatements\.org/vocab/[A-Za-z-]+/1\.0/"
    r"|creativecommons\.org/(licenses/[a-z-]+/[0-9.]+/(deed\.[a-z]+)?"
    r"|publicdomain/(zero/1\.0|mark/1\.0)/))$"
)


def validate_rights_uri(value):
    """A rights statement must be a rightsstatements.org or Creative Commons URI."""
    if value and not RIGHTS_URI_RE.match(value):
        raise ValidationError(
            _(
                "Enter a rightsstatements.org or Creative Commons URI, for example "
                "http://rightsstatements.org/vocab/InC/1.0/ or "
                "https://creativecommons.org/publicdomain/zero/1.0/."
            ),
            code="rights_uri",
        )
