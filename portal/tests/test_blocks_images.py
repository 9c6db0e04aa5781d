"""Image blocks: one image from the library or a register object, and before/after pairs."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import override

from portal.blocks.base import MEDIA
from portal.blocks.images import ComparisonBlock, ImageBlock
from portal.models import PortalImage
from registry.tests import builders

pytestmark = pytest.mark.django_db

PAYLOAD = (
    '</script><script>alert("x")</script><img src=x onerror="alert(1)"> " onmouseover="alert(2)'
)
ALT_REQUIRED = "Describe the image for readers who cannot see it, or mark it as decorative."


def render(block, raw, *, language="en", **context):
    """Render raw stream data (as stored) the way a page does."""
    with override(language):
        return str(block.render(block.to_python(raw), context={"page": None, **context}))


def block_errors(block, raw):
    """The messages of each child block that fails validation."""
    with override("en"):
        with pytest.raises(ValidationError) as caught:
            block.clean(block.to_python(raw))
        return {name: error.messages for name, error in caught.value.block_errors.items()}


def assert_inert(html):
    """No script, no event handler, no javascript: URL in ``html``."""
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "iframe", "object", "embed"])
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), element
            if name in {"href", "src", "action", "formaction"}:
                assert not str(value).strip().lower().startswith("javascript:"), element
    assert "<script" not in html


def preview_request():
    request = RequestFactory().get("/")
    request.is_preview = True
    return request


def image_raw(**fields):
    raw = {
        "image": None,
        "register_object": None,
        "alt_text": "",
        "decorative": False,
        "caption": "",
        "credit": "",
        "deep_zoom": False,
        "width": "content",
    }
    raw.update(fields)
    return raw


def side(image, label, alt_text="An image"):
    return {"image": image.pk if image else None, "alt_text": alt_text, "label": label}


@pytest.fixture
def library_image(portal_site):
    return builders.portal_image(
        "hall", alt_text="Library alt", credit="Photo: Museum archive", rights=""
    )


@pytest.fixture
def icon(portal_site):
    """A published object with two photographs, in uk and en (see builders.full_object)."""
    return builders.full_object("NHMU-2001")


# --- every block ----------------------------------------------------------------------------


@pytest.mark.parametrize("block_class", [ImageBlock, ComparisonBlock])
def test_every_image_block_declares_what_the_editor_and_the_picker_need(block_class):
    block = block_class()
    assert block.meta.icon
    assert block.meta.template.startswith("portal/blocks/")
    assert block.get_description()
    assert block.meta.group == MEDIA
    assert block.label
    assert hasattr(block.meta, "preview_value")


@pytest.mark.parametrize("block_class", [ImageBlock, ComparisonBlock])
@pytest.mark.parametrize("language", ["uk", "en"])
def test_preview_value_of_every_image_block_renders(block_class, language, library_image):
    block = block_class()
    with override(language):
        html = str(block.render(block.get_preview_value(), context={"page": None}))
    assert BeautifulSoup(html, "html.parser").find("img")["alt"]


@pytest.mark.parametrize("block_class", [ImageBlock, ComparisonBlock])
def test_preview_value_renders_when_the_library_is_empty(block_class, portal_site):
    block = block_class()
    with override("en"):
        html = str(block.render(block.get_preview_value(), context={"page": None}))
    assert "<img" not in html


# --- image: from the library ----------------------------------------------------------------


def test_library_image_renders_with_alt_caption_and_the_images_own_credit(library_image):
    html = render(
        ImageBlock(),
        image_raw(image=library_image.pk, alt_text="The main hall", caption="The hall, 2021."),
    )
    soup = BeautifulSoup(html, "html.parser")
    image = soup.find("img")
    assert image["alt"] == "The main hall"
    assert image["srcset"]
    assert "image-block--content" in soup.find("figure")["class"]
    caption = soup.find("figcaption")
    assert "The hall, 2021." in caption.get_text()
    assert "Photo: Museum archive" in caption.get_text()
    assert soup.find(attrs={"data-deep-zoom": True}) is None


def test_the_editors_credit_replaces_the_images_credit(library_image):
    html = render(
        ImageBlock(), image_raw(image=library_image.pk, alt_text="Hall", credit="Photo: O. Koval")
    )
    assert "Photo: O. Koval" in html
    assert "Museum archive" not in html


def test_library_image_without_optional_parts_has_no_caption(portal_site):
    image = builders.portal_image("plain")
    html = render(ImageBlock(), image_raw(image=image.pk, alt_text="A plain image"))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("img")["alt"] == "A plain image"
    assert soup.find("figcaption") is None


def test_decorative_image_has_empty_alt_text(library_image):
    html = render(ImageBlock(), image_raw(image=library_image.pk, decorative=True))
    assert BeautifulSoup(html, "html.parser").find("img")["alt"] == ""


def test_rights_statement_of_the_image_is_linked(portal_site):
    image = builders.portal_image("licensed", rights="https://creativecommons.org/licenses/by/4.0/")
    html = render(ImageBlock(), image_raw(image=image.pk, alt_text="Licensed"))
    link = BeautifulSoup(html, "html.parser").find("a", rel="license")
    assert link["href"] == "https://creativecommons.org/licenses/by/4.0/"


def test_deep_zoom_marks_the_figure_and_links_the_full_size_image(library_image):
    html = render(ImageBlock(), image_raw(image=library_image.pk, alt_text="Hall", deep_zoom=True))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("figure")["data-deep-zoom"] == reverse(
        "iiif:image_info", args=[library_image.iiif_identifier]
    )
    link = soup.find("a", class_="image-block__full-size")
    assert link["href"].startswith("/media/images/")
    assert link.get_text() == "Open the full-size image"


@pytest.mark.parametrize(
    ("width", "expected"), [("wide", "wide"), ("full", "full"), ("x", "content")]
)
def test_image_width_sets_the_layout_and_unknown_widths_fall_back(library_image, width, expected):
    html = render(ImageBlock(), image_raw(image=library_image.pk, alt_text="Hall", width=width))
    assert f"image-block--{expected}" in BeautifulSoup(html, "html.parser").find("figure")["class"]


# --- image: from a register object ----------------------------------------------------------


def test_register_object_image_shows_its_first_photograph_and_links_the_object(icon):
    first = icon.images.order_by("sort_order").first().image
    html = render(ImageBlock(), image_raw(register_object=icon.pk, alt_text="The icon, front"))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("img")["alt"] == "The icon, front"
    assert first.get_rendition("width-480").url in soup.find("img")["src"]
    link = soup.find("a", class_="image-block__object")
    assert link.get_text() == "Virgin Hodegetria"
    assert link["href"] == "/en/objects/NHMU-2001/"
    credit = soup.find(class_="image-block__credit")
    assert credit.get_text() == "Фото: Олена Коваль"
    assert credit["lang"] == "uk"


def test_register_object_image_in_the_source_language_has_no_lang_marks(icon):
    html = render(ImageBlock(), image_raw(register_object=icon.pk, alt_text="Ікона"), language="uk")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("a", class_="image-block__object").get_text() == "Богоматір Одигітрія"
    assert not soup.find(attrs={"lang": True})


def test_a_translation_row_chosen_by_an_editor_shows_the_source_object(icon):
    english = icon.get_translation(builders.locale("en"))
    html = render(ImageBlock(), image_raw(register_object=english.pk, alt_text="The icon"))
    assert "/en/objects/NHMU-2001/" in html


def test_unpublished_register_object_renders_nothing_of_the_object(portal_site):
    hidden = builders.register_object("HIDDEN-1", title="Secret icon", published=False)
    photo = builders.add_photo(hidden, alt_text="Secret alt", credit="Secret credit")
    raw = image_raw(register_object=hidden.pk, alt_text="Editor alt", caption="Editor caption")
    html = render(ImageBlock(), raw)
    assert html.strip() == ""
    preview = render(ImageBlock(), raw, request=preview_request())
    for secret in ("Secret", "HIDDEN-1", "<img", photo.image.file.name, "Editor caption"):
        assert secret not in preview
    assert "no longer available" in preview


def test_deleted_register_object_renders_nothing(icon):
    raw = image_raw(register_object=icon.pk, alt_text="The icon")
    icon.images.all().delete()
    pk = icon.pk
    icon.get_translations().delete()
    icon.delete()
    raw["register_object"] = pk
    assert render(ImageBlock(), raw).strip() == ""


# --- image: validation ----------------------------------------------------------------------


def test_image_needs_a_source(portal_site):
    errors = block_errors(ImageBlock(), image_raw(alt_text="Something"))
    assert errors == {"image": ["Choose an image from the library or a register object."]}


def test_image_takes_a_library_image_or_an_object_not_both(library_image, icon):
    errors = block_errors(
        ImageBlock(), image_raw(image=library_image.pk, register_object=icon.pk, alt_text="Both")
    )
    message = ["Choose an image from the library or a register object, not both."]
    assert errors == {"image": message, "register_object": message}


def test_object_without_a_photograph_is_refused(portal_site):
    bare = builders.register_object("BARE-1")
    errors = block_errors(ImageBlock(), image_raw(register_object=bare.pk, alt_text="Bare"))
    assert errors["register_object"] == [
        "This object has no photograph yet. Choose another object or an image."
    ]


@pytest.mark.parametrize("alt_text", ["", "   "])
def test_image_needs_alt_text_unless_decorative(library_image, icon, alt_text):
    for source in ({"image": library_image.pk}, {"register_object": icon.pk}):
        errors = block_errors(ImageBlock(), image_raw(alt_text=alt_text, **source))
        assert errors == {"alt_text": [ALT_REQUIRED]}
        block = ImageBlock()
        with override("en"):
            value = block.clean(block.to_python(image_raw(decorative=True, **source)))
        assert value.alt == ""


def test_valid_image_blocks_pass_validation(library_image, icon):
    block = ImageBlock()
    with override("en"):
        library = block.clean(block.to_python(image_raw(image=library_image.pk, alt_text="A")))
        from_object = block.clean(block.to_python(image_raw(register_object=icon.pk, alt_text="B")))
    assert library.photo == library_image
    assert from_object.card.register_id == "NHMU-2001"


def test_image_text_fields_are_escaped(portal_site):
    image = builders.portal_image("hostile", credit=PAYLOAD, alt_text=PAYLOAD)
    for fields in (
        {"alt_text": PAYLOAD, "caption": PAYLOAD, "credit": PAYLOAD},
        {"alt_text": "", "caption": PAYLOAD, "credit": ""},
    ):
        html = render(ImageBlock(), image_raw(image=image.pk, deep_zoom=True, **fields))
        assert_inert(html)
        assert 'alert("x")' in BeautifulSoup(html, "html.parser").find("img")["alt"]


def test_register_photograph_text_is_escaped(portal_site):
    hostile = builders.register_object("EVIL-IMG", title=PAYLOAD)
    builders.add_photo(hostile, alt_text=PAYLOAD, credit=PAYLOAD)
    html = render(ImageBlock(), image_raw(register_object=hostile.pk, alt_text=""))
    assert_inert(html)


# --- comparison -----------------------------------------------------------------------------


@pytest.fixture
def pair(portal_site):
    return builders.portal_image("before"), builders.portal_image("after")


def test_comparison_renders_both_images_with_labels_and_a_hidden_slider(pair):
    before, after = pair
    html = render(
        ComparisonBlock(),
        {
            "before": side(before, "1999", "The hall with exhibits"),
            "after": side(after, "2023", "The empty hall"),
            "caption": "The main hall.",
            "credit": "Photo: Museum",
        },
    )
    soup = BeautifulSoup(html, "html.parser")
    root = soup.find("figure", class_="comparison")
    assert root.has_attr("data-comparison")
    sides = root.find_all("figure", class_="comparison__side")
    assert [s.find("img")["alt"] for s in sides] == ["The hall with exhibits", "The empty hall"]
    assert [s.find("figcaption").get_text() for s in sides] == ["1999", "2023"]
    control = root.find(class_="comparison__control")
    assert control.has_attr("hidden")
    slider = control.find("input")
    assert (slider["type"], slider["min"], slider["max"], slider["value"]) == (
        "range",
        "0",
        "100",
        "50",
    )
    label = slider.find_parent("label").get_text(" ")
    assert "1999" in label
    assert "2023" in label
    caption = root.find("figcaption", class_="comparison__caption")
    assert "The main hall." in caption.get_text()
    assert "Photo: Museum" in caption.get_text()


def test_comparison_without_caption_and_credit_has_no_caption(pair):
    before, after = pair
    html = render(ComparisonBlock(), {"before": side(before, "A"), "after": side(after, "B")})
    assert BeautifulSoup(html, "html.parser").find(class_="comparison__caption") is None


def test_comparison_with_a_deleted_image_shows_the_other_without_a_slider(pair):
    before, after = pair
    raw = {"before": side(before, "1999"), "after": side(after, "2023")}
    PortalImage.objects.filter(pk=after.pk).delete()
    html = render(ComparisonBlock(), raw)
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.find_all("img")) == 1
    assert soup.find("input") is None
    assert not soup.find("figure").has_attr("data-comparison")


def test_comparison_without_images_renders_nothing(portal_site):
    raw = {"before": side(None, "1999"), "after": side(None, "2023")}
    assert render(ComparisonBlock(), raw).strip() == ""


def test_comparison_needs_alt_text_and_labels(pair):
    before, after = pair
    errors = block_errors(
        ComparisonBlock(),
        {"before": side(before, "", alt_text=""), "after": side(after, "2023")},
    )
    assert set(errors) == {"before"}


def test_comparison_text_fields_are_escaped(pair):
    before, after = pair
    html = render(
        ComparisonBlock(),
        {
            "before": side(before, PAYLOAD, PAYLOAD),
            "after": side(after, PAYLOAD, PAYLOAD),
            "caption": PAYLOAD,
            "credit": PAYLOAD,
        },
    )
    assert_inert(html)
