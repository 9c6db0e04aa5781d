"""PO exchange with external translators, on top of wagtail-localize.

Export is wagtail-localize's own (``Translation.export_po``), so a file from the command line
and a file from the editor's "Download PO file" are the same format and go back through either
door. Import adds what wagtail-localize does not check: a translated string may carry only the
inline markup of its source segment. Rich-text segments reach translators with their links and
formatting reduced to placeholders (``<a id="a1">…</a>``; the href stays in the source's
attributes), so a msgstr has no reason to carry any tag, attribute or placeholder the msgid
does not have, and plain-text segments have no markup at all. Anything else is refused before
a single string is saved, since a translated string flows into pages as it is.
"""

import contextlib
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field

import polib
from bs4 import BeautifulSoup, NavigableString, Tag
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.views.edit_translation import upload_pofile, user_can_edit_instance

TOOL_NAME = "PO file"
TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"

# "javascript:" however it is spelt: browsers ignore whitespace and control characters in it.
JAVASCRIPT_URL = re.compile(
    r"j[\s\x00-\x1f]*a[\s\x00-\x1f]*v[\s\x00-\x1f]*a[\s\x00-\x1f]*"
    r"s[\s\x00-\x1f]*c[\s\x00-\x1f]*r[\s\x00-\x1f]*i[\s\x00-\x1f]*"
    r"p[\s\x00-\x1f]*t[\s\x00-\x1f]*:",
    re.IGNORECASE,
)
# Markup written as text (``&lt;script&gt;``): harmless when escaped, but never a translation.
MARKUP_AS_TEXT = re.compile(r"<\s*[a-z!/?]", re.IGNORECASE)


class POValidationError(Exception):
    """A PO file refused as a whole; ``problems`` names every offending entry."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass(frozen=True)
class Problem:
    msgctxt: str
    msgid: str
    message: str

    def __str__(self):
        return _("%(context)s (msgid “%(msgid)s”): %(message)s") % {
            "context": self.msgctxt,
            "msgid": self.msgid,
            "message": self.message,
        }


@dataclass
class ImportResult:
    imported: int = 0
    ignored: list = field(default_factory=list)


def translation_for(instance, language_code):
    """The wagtail-localize Translation of ``instance`` (a source-locale page or snippet)
    into ``language_code``, with the source brought up to date with the instance first."""
    target_locale = Locale.objects.get(language_code=language_code)
    if instance.locale_id == target_locale.pk:
        raise ValueError(_("The target language is the language of the source."))
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=target_locale
    )
    return translation


def export_po(translation):
    """The PO text the editor's "Download PO file" gives for ``translation``."""
    return str(translation.export_po())


def read_po(content):
    """Parse PO text or bytes. polib treats a short string as a file name, so the content
    always goes through a temporary file (as wagtail-localize's upload view does)."""
    if isinstance(content, str):
        content = content.encode()
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        handle.write(content)
    try:
        return polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise POValidationError([_("This is not a valid PO file.")]) from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)


def _markup(html):
    """Tag names without attributes, placeholders as (tag, id), and the text of ``html``."""
    soup = BeautifulSoup(html, "html.parser")
    tags, placeholders, attributes, oddities = set(), Counter(), [], []
    for node in soup.descendants:
        if isinstance(node, Tag):
            tags.add(node.name)
            if "id" in node.attrs:
                placeholders[(node.name, node.attrs["id"])] += 1
            attributes.extend((node.name, name) for name in node.attrs if name != "id")
        elif type(node) is not NavigableString:  # comments, CDATA, declarations
            oddities.append(type(node).__name__)
    return tags, placeholders, attributes, oddities, soup.get_text()


def check_entry(source_data, msgstr):
    """Reasons ``msgstr`` may not translate ``source_data`` (wagtail-localize's segment
    HTML); an empty list when it may."""
    reasons = []
    allowed_tags, allowed_placeholders, *_rest, source_text = _markup(source_data)
    tags, placeholders, attributes, oddities, text = _markup(msgstr)
    for tag in sorted(tags - allowed_tags):
        reasons.append(_("the <%(tag)s> tag is not allowed in this field.") % {"tag": tag})
    for tag, attribute in attributes:
        reasons.append(
            _("the attribute “%(attribute)s” on <%(tag)s> is not allowed.")
            % {"attribute": attribute, "tag": tag}
        )
    if oddities:
        reasons.append(_("comments and other markup declarations are not allowed."))
    for tag, placeholder in sorted((allowed_placeholders - placeholders).elements()):
        reasons.append(
            _('the placeholder <%(tag)s id="%(id)s"> of the source is missing.')
            % {"tag": tag, "id": placeholder}
        )
    for tag, placeholder in sorted((placeholders - allowed_placeholders).elements()):
        reasons.append(
            _('the placeholder <%(tag)s id="%(id)s"> is not in the source.')
            % {"tag": tag, "id": placeholder}
        )
    if JAVASCRIPT_URL.search(msgstr) and not JAVASCRIPT_URL.search(source_data):
        reasons.append(_("“javascript:” addresses are not allowed."))
    if MARKUP_AS_TEXT.search(text) and not MARKUP_AS_TEXT.search(source_text):
        reasons.append(_("markup written as text is not allowed."))
    return reasons


def check_po(translation, po):
    """Split ``po`` into the entries to import and the ignored ones, or raise
    :class:`POValidationError` listing every entry that breaks the rules."""
    if po.metadata.get(TRANSLATION_ID_HEADER) != str(translation.uuid):
        raise POValidationError(
            [_("This PO file was made for a different translation; download a new one.")]
        )
    segments = {
        (segment.context.path, segment.string.data): segment.string.data
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "context", "string"
        )
    }
    accepted, ignored, problems = [], [], []
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        key = (entry.msgctxt or "", entry.msgid)
        if key not in segments:
            ignored.append(Problem(key[0], entry.msgid, _("not in the current source; ignored.")))
            continue
        reasons = check_entry(segments[key], entry.msgstr)
        problems.extend(Problem(key[0], entry.msgid, reason) for reason in reasons)
        accepted.append(entry)
    if problems:
        raise POValidationError(problems)
    return accepted, ignored


def import_po(translation, po, *, user=None):
    """Check the whole file, then store its translations in one transaction.

    Raises :class:`POValidationError` (nothing saved) when any entry breaks the rules.
    """
    accepted, ignored = check_po(translation, po)
    clean = polib.POFile(wrapwidth=200)
    clean.metadata = dict(po.metadata)
    clean.extend(accepted)
    with transaction.atomic():
        warnings = translation.import_po(clean, user=user, tool_name=TOOL_NAME)
    ignored.extend(Problem("", "", str(warning)) for warning in warnings)
    return ImportResult(imported=len(accepted), ignored=ignored)


def user_can_publish(user, translation):
    """Whether ``user`` may publish ``translation``'s target: the page's own publish
    permission (the target page once it exists), or the snippet model's publish (change,
    for models without drafts) permission."""
    if user is None or not user.is_active:
        return False
    instance = translation.source.get_source_instance()
    if isinstance(instance, Page):
        target = instance.get_translations().filter(locale=translation.target_locale).first()
        return (target or instance).permissions_for_user(user).can_publish()
    action = "publish" if isinstance(instance, DraftStateMixin) else "change"
    return user.has_perm(get_permission_name(action, type(instance)))


def publish(translation, user):
    """Save and publish the target with the stored translations; needs publish permission."""
    if not user_can_publish(user, translation):
        raise PermissionDenied(_("You do not have permission to publish this translation."))
    translation.save_target(user=user, publish=True)


def guarded_upload_pofile(request, translation_id):
    """wagtail-localize's "Upload PO file" with this module's checks in front of it.

    Registered at the same admin path as the original (see docs/translation.md), so the
    editor's upload button reaches it; a refused file leaves a message naming each entry and
    the original view is never called.
    """
    upload = request.FILES.get("file") if request.method == "POST" else None
    if upload is None:
        return upload_pofile(request, translation_id)
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    try:
        check_po(translation, read_po(upload.read()))
    except POValidationError as error:
        for problem in error.problems:
            messages.error(request, str(problem))
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
    upload.seek(0)
    return upload_pofile(request, translation_id)
