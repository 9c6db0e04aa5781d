"""Helpers for showing pages in the reader's language."""

from wagtail.models import Page


def localized_live_pages(pages, locale):
    """``pages`` in ``locale`` where a live translation exists, else as they are; live only.

    Two queries for all of them (``Page.localized`` would cost one per page). Returns
    specific pages so templates can show summaries and hero images.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    public = Page.objects.live().public().specific()
    translations = {
        page.translation_key: page
        for page in public.filter(
            translation_key__in=[page.translation_key for page in pages], locale=locale
        )
    }
    missing = [page.pk for page in pages if page.translation_key not in translations]
    originals = public.in_bulk(missing) if missing else {}
    result = []
    for page in pages:
        chosen = translations.get(page.translation_key) or originals.get(page.pk)
        if chosen is not None:
            result.append(chosen)
    return result


class SpecificChildRouteMixin:
    """Routes to children of ``routed_child_models`` in one query instead of two.

    Wagtail's ``Page.route`` fetches the child as a plain page and then its specific page.
    A page whose children are mostly of one known type (chapters under an exhibition) asks
    for that type directly; anything else falls back to Wagtail's route.
    """

    routed_child_models = ()

    def route(self, request, path_components):
        if path_components:
            slug, *remaining = path_components
            for model in self.routed_child_models:
                child = model.objects.child_of(self).filter(slug=slug).first()
                if child is not None:
                    child._cached_parent_obj = self
                    return child.route(request, remaining)
        return super().route(request, path_components)
