/* The search filters: beside the results on wide screens, behind a disclosure on narrow ones.
 *
 * Without this script the filters are a closed disclosure ("Show filters") on every screen.
 * With it, the disclosure is open on wide screens (and its button hidden), and on narrow
 * screens it remembers, for the browser tab's session, whether the reader left it open, so
 * choosing a filter (a link: a new page) does not close it again. Loaded as a module.
 */

const ENHANCED = "search-filters--enhanced";
const WIDE = window.matchMedia("(min-width: 60rem)");
const KEY = "portal:search-filters-open";

function remembered() {
    try {
        return window.sessionStorage.getItem(KEY) === "true";
    } catch {
        return false; // Storage refused (privacy settings): start closed.
    }
}

function remember(open) {
    try {
        window.sessionStorage.setItem(KEY, String(open));
    } catch {
        // Nothing to do: the disclosure just starts closed next time.
    }
}

function enhance(root) {
    const disclosure = root.querySelector(".search-filters__disclosure");
    if (!disclosure || root.classList.contains(ENHANCED)) {
        return;
    }
    root.classList.add(ENHANCED);

    function sync() {
        disclosure.open = WIDE.matches || remembered();
    }

    disclosure.addEventListener("toggle", () => {
        if (!WIDE.matches) {
            remember(disclosure.open);
        }
    });
    WIDE.addEventListener("change", sync);
    sync();
}

document.querySelectorAll("[data-search-filters]").forEach(enhance);
