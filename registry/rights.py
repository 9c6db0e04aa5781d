"""Rights statements and outbound links on public pages.

Register rows carry rights as rightsstatements.org or Creative Commons URIs, and museums
carry a website; both are written by people outside the portal, so only URLs of the expected
kind are ever turned into links.
"""

from urllib.parse import urlsplit

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.validators import RIGHTS_URI_RE

RIGHTSSTATEMENTS_LABELS = {
    "InC": gettext_lazy("In Copyright"),
    "InC-OW-EU": gettext_lazy("In Copyright – EU Orphan Work"),
    "InC-EDU": gettext_lazy("In Copyright – Educational Use Permitted"),
    "InC-NC": gettext_lazy("In Copyright – Non-Commercial Use Permitted"),
    "InC-RUU": gettext_lazy("In Copyright – Rights-holder(s) Unlocatable or Unidentifiable"),
    "NoC-CR": gettext_lazy("No Copyright – Contractual Restrictions"),
    "NoC-NC": gettext_lazy("No Copyright – Non-Commercial Use Only"),
    "NoC-OKLR": gettext_lazy("No Copyright – Other Known Legal Restrictions"),
    "NoC-US": gettext_lazy("No Copyright – United States"),
    "CNE": gettext_lazy("Copyright Not Evaluated"),
    "UND": gettext_lazy("Copyright Undetermined"),
    "NKC": gettext_lazy("No Known Copyright"),
}


def safe_web_url(value):
    """``value`` if it is an http(s) URL, else an empty string (no javascript: links)."""
    if not value:
        return ""
    parts = urlsplit(value)
    return value if parts.scheme in ("http", "https") and parts.netloc else ""


def safe_rights_url(value):
    """A rights URI only when it is a rightsstatements.org or Creative Commons URI."""
    return value if value and RIGHTS_URI_RE.match(value) else ""


def rights_label(uri):
    """A human label for a rightsstatements.org or Creative Commons URI ("CC BY 4.0")."""
    parts = [part for part in urlsplit(uri or "").path.split("/") if part]
    host = urlsplit(uri or "").netloc
    if host == "rightsstatements.org" and len(parts) >= 2 and parts[1] in RIGHTSSTATEMENTS_LABELS:
        return str(RIGHTSSTATEMENTS_LABELS[parts[1]])
    if host == "creativecommons.org" and len(parts) >= 3:
        if parts[0] == "licenses":
            return f"CC {parts[1].upper()} {parts[2]}"
        if parts[:2] == ["publicdomain", "zero"]:
            return _("CC0 1.0 Universal (public domain dedication)")
        if parts[:2] == ["publicdomain", "mark"]:
            return _("Public Domain Mark 1.0")
    return uri or ""
