import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.models import Locale

from registry.models import (
    HoldingMuseum,
    Material,
    ObjectMaterial,
    ObjectStatus,
    RegisterObject,
    RestrictedObjectData,
)
from registry.models.base import localize_instances
from registry.models.objects import ALERT_STATUSES

CANARY = "CANARY-evacuated-to-vault-99"


@pytest.fixture
def locales(portal_site):
    return {locale.language_code: locale for locale in Locale.objects.all()}


def make_object(locales, register_id="UA-1", **fields):
    fields.setdefault("title", "Писанка")
    return RegisterObject.objects.create(register_id=register_id, locale=locales["uk"], **fields)


def test_status_choices_cover_the_register_lifecycle():
    assert set(ObjectStatus.values) == {
        "in_collection",
        "on_loan",
        "moved_for_safekeeping",
        "damaged",
        "destroyed",
        "missing",
        "stolen",
        "returned",
    }
    assert {"missing", "stolen", "destroyed", "damaged"} == set(ALERT_STATUSES)


@pytest.mark.parametrize("register_id", ["UA.123", "a", "A" * 64, "0-x_y.z"])
def test_valid_register_ids_pass_validation(register_id):
    RegisterObject._meta.get_field("register_id").run_validators(register_id)


@pytest.mark.parametrize(
    "register_id", ["", "-lead", ".dot", "A" * 65, "has space", "slash/no", "кирилиця", "a\x00b"]
)
def test_invalid_register_ids_are_rejected(register_id):
    with pytest.raises(ValidationError):
        RegisterObject._meta.get_field("register_id").clean(register_id, None)


@pytest.mark.django_db
def test_register_id_is_unique_per_locale_and_shared_by_translations(locales):
    source = make_object(locales)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_object(locales)
    translation = RegisterObject.objects.create(
        register_id=source.register_id,
        title="Pysanka",
        locale=locales["en"],
        translation_key=source.translation_key,
    )
    assert translation.get_translation(locales["uk"]) == source


@pytest.mark.django_db
def test_earliest_year_after_latest_year_is_refused(locales):
    obj = RegisterObject(register_id="UA-2", title="x", locale=locales["uk"])
    obj.date_earliest, obj.date_latest = 1900, 1800
    with pytest.raises(ValidationError) as error:
        obj.full_clean()
    assert "date_latest" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()


@pytest.mark.django_db
def test_rights_must_be_a_rights_statement_or_creative_commons_uri(locales):
    obj = make_object(locales, rights="https://example.com/my-licence")
    with pytest.raises(ValidationError) as error:
        obj.full_clean()
    assert "rights" in error.value.message_dict
    for uri in (
        "http://rightsstatements.org/vocab/InC/1.0/",
        "https://creativecommons.org/publicdomain/zero/1.0/",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    ):
        obj.rights = uri
        obj.full_clean()


@pytest.mark.django_db
def test_object_url_is_language_prefixed(locales):
    obj = make_object(locales, register_id="UA-NAMU-17.3")
    assert obj.get_absolute_url() == "/uk/objects/UA-NAMU-17.3/"
    assert obj.get_absolute_url("en") == "/en/objects/UA-NAMU-17.3/"


@pytest.mark.django_db
def test_localize_instances_falls_back_to_the_source_term(locales):
    clay = Material.objects.create(key="глина", name="глина", locale=locales["uk"])
    wood = Material.objects.create(key="дерево", name="дерево", locale=locales["uk"])
    Material.objects.create(
        key="глина", name="clay", locale=locales["en"], translation_key=clay.translation_key
    )
    localized = localize_instances([clay, wood], locales["en"])
    assert localized[clay.translation_key].name == "clay"
    assert localized[wood.translation_key].name == "дерево"


@pytest.mark.django_db
def test_public_queryset_hides_unpublished_objects(locales):
    make_object(locales, register_id="shown")
    make_object(locales, register_id="hidden", published=False)
    assert list(RegisterObject.objects.public().values_list("register_id", flat=True)) == ["shown"]


@pytest.mark.django_db
def test_vocabulary_terms_in_use_cannot_be_deleted(locales):
    obj = make_object(locales)
    clay = Material.objects.create(key="глина", name="глина", locale=locales["uk"])
    ObjectMaterial.objects.create(register_object=obj, material=clay)
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        clay.delete()


@pytest.mark.django_db
def test_restricted_data_never_enters_a_translation_source(locales):
    """wagtail-localize's translation source of an object holds no restricted value."""
    from wagtail_localize.models import TranslationSource
    from wagtail_localize.segments.extract import extract_segments

    museum = HoldingMuseum.objects.create(code="namu", name="НХМУ", locale=locales["uk"])
    obj = make_object(locales, holder=museum, description="Опис")
    RestrictedObjectData.objects.create(
        register_object=obj, storage_location=CANARY, evacuation_location=CANARY
    )
    source, _created = TranslationSource.get_or_create_from_instance(obj)
    assert CANARY not in source.content_json
    segments = extract_segments(obj)
    assert all(CANARY not in str(getattr(segment, "source", "")) for segment in segments)
    assert {"title", "description"} <= {segment.path for segment in segments}
