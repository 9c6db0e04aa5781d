/* Suggestions for a search box: the ARIA 1.2 combobox pattern with a listbox popup.
 *
 * Without this script the box is a plain search field in a GET form. With it, typing asks the
 * suggest URL (data-suggest) for up to eight titles, after a short pause, cancelling the
 * question before; they appear in a list under the box. Down and Up (or Alt+Down) highlight
 * them, Home and End jump to the first and last, Enter opens the highlighted one (or submits
 * the search when none is), Escape and Tab close the list, and a click or tap opens one.
 * Focus stays in the box (aria-activedescendant points at the highlighted suggestion), and a
 * live region says how many suggestions there are. Every string comes from the page (data
 * attributes), in the reader's language. A failed or slow request only means no suggestions:
 * the form submits as before. Loaded as a module: it runs once however many boxes a page has.
 */

const READY = "suggestReady";
const MIN_LENGTH = 2;
const DELAY = 200;

function enhance(input) {
    const root = input.closest(".combobox");
    if (!root || !input.id || input.dataset[READY]) {
        return;
    }
    input.dataset[READY] = "true";
    const strings = {
        label: input.dataset.suggestLabel || "",
        none: input.dataset.suggestNone || "",
        counts: (input.dataset.suggestCounts || "").split("|"),
        hint: input.dataset.suggestHint || "",
    };

    const listbox = document.createElement("ul");
    listbox.id = `${input.id}-suggestions`;
    listbox.className = "combobox__listbox";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", strings.label);
    listbox.hidden = true;
    const status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    root.append(listbox, status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("aria-expanded", "false");

    let suggestions = [];
    let active = -1;
    let timer = 0;
    let request = null;
    let hinted = false;

    function options() {
        return listbox.querySelectorAll("[role=option]");
    }

    function highlight(index) {
        const all = options();
        active = index;
        all.forEach((option, position) => {
            option.setAttribute("aria-selected", String(position === index));
        });
        if (index >= 0 && all[index]) {
            input.setAttribute("aria-activedescendant", all[index].id);
            all[index].scrollIntoView({ block: "nearest" });
        } else {
            input.removeAttribute("aria-activedescendant");
        }
    }

    function open() {
        if (!suggestions.length) {
            return;
        }
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
    }

    function close() {
        highlight(-1);
        listbox.hidden = true;
        input.setAttribute("aria-expanded", "false");
    }

    function announce(count) {
        let text = count ? strings.counts[Math.min(count, strings.counts.length) - 1] || "" : strings.none;
        if (count && !hinted && strings.hint) {
            text = `${text} ${strings.hint}`;
            hinted = true;
        }
        status.textContent = text;
    }

    function option(suggestion, index) {
        const item = document.createElement("li");
        item.id = `${listbox.id}-${index}`;
        item.className = "combobox__option";
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.dataset.url = suggestion.url;
        if (suggestion.thumbnail) {
            const image = document.createElement("img");
            image.className = "combobox__thumbnail";
            image.src = suggestion.thumbnail;
            image.alt = "";
            image.width = 40;
            image.height = 40;
            item.append(image);
        } else {
            const blank = document.createElement("span");
            blank.className = "combobox__thumbnail combobox__thumbnail--none";
            item.append(blank);
        }
        const text = document.createElement("span");
        text.className = "combobox__text";
        const title = document.createElement("span");
        title.className = "combobox__title";
        title.textContent = suggestion.title;
        if (suggestion.lang) {
            title.lang = suggestion.lang;
        }
        text.append(title);
        if (suggestion.kind_label) {
            const kind = document.createElement("span");
            kind.className = "combobox__kind";
            // A comma for screen readers, which read the option as one line.
            const comma = document.createElement("span");
            comma.className = "visually-hidden";
            comma.textContent = ", ";
            kind.append(comma, suggestion.kind_label);
            text.append(kind);
        }
        item.append(text);
        return item;
    }

    function show(list) {
        suggestions = list.filter((suggestion) => suggestion && suggestion.title && suggestion.url);
        listbox.replaceChildren(...suggestions.map(option));
        highlight(-1);
        if (suggestions.length && document.activeElement === input) {
            open();
        } else {
            close();
        }
        announce(suggestions.length);
    }

    function cancel() {
        clearTimeout(timer);
        if (request) {
            request.abort();
            request = null;
        }
    }

    async function fetchSuggestions(query) {
        const controller = new AbortController();
        request = controller;
        const url = new URL(input.dataset.suggest, window.location.href);
        url.searchParams.set("q", query);
        try {
            const response = await fetch(url, {
                headers: { Accept: "application/json" },
                signal: controller.signal,
            });
            if (!response.ok) {
                throw new Error(String(response.status));
            }
            const data = await response.json();
            if (request === controller && input.value.trim() === query) {
                show(Array.isArray(data.suggestions) ? data.suggestions : []);
            }
        } catch {
            // Aborted, offline or a bad answer: no suggestions; the search itself still works.
            if (request === controller) {
                suggestions = [];
                close();
            }
        } finally {
            if (request === controller) {
                request = null;
            }
        }
    }

    function go(index) {
        const chosen = options()[index];
        if (chosen) {
            close();
            window.location.assign(chosen.dataset.url);
        }
    }

    input.addEventListener("input", () => {
        cancel();
        const query = input.value.trim();
        if (query.length < MIN_LENGTH) {
            suggestions = [];
            listbox.replaceChildren();
            close();
            status.textContent = "";
            return;
        }
        timer = setTimeout(() => fetchSuggestions(query), DELAY);
    });

    input.addEventListener("keydown", (event) => {
        if (event.isComposing || event.ctrlKey || event.metaKey) {
            return;
        }
        const count = options().length;
        const expanded = !listbox.hidden;
        switch (event.key) {
            case "ArrowDown":
                if (!count) {
                    return;
                }
                event.preventDefault();
                if (!expanded) {
                    open();
                    if (!event.altKey) {
                        highlight(0);
                    }
                } else if (!event.altKey) {
                    highlight(active < count - 1 ? active + 1 : 0);
                }
                break;
            case "ArrowUp":
                if (!count) {
                    return;
                }
                event.preventDefault();
                if (!expanded) {
                    open();
                    highlight(count - 1);
                } else if (event.altKey) {
                    close();
                } else {
                    highlight(active > 0 ? active - 1 : count - 1);
                }
                break;
            case "Home":
            case "End":
                // With a suggestion highlighted they move in the list, else in the text.
                if (expanded && active >= 0) {
                    event.preventDefault();
                    highlight(event.key === "Home" ? 0 : count - 1);
                }
                break;
            case "Enter":
                if (expanded && active >= 0) {
                    event.preventDefault();
                    go(active);
                }
                // Otherwise the form submits the words as typed.
                break;
            case "Escape":
                if (expanded) {
                    // Close the list; the words stay (a search box clears on a second Escape).
                    event.preventDefault();
                    close();
                }
                break;
            case "Tab":
                close();
                break;
            default:
                break;
        }
    });

    // Keep focus in the box while the pointer picks a suggestion.
    listbox.addEventListener("mousedown", (event) => event.preventDefault());
    listbox.addEventListener("click", (event) => {
        const chosen = event.target.closest("[role=option]");
        if (chosen) {
            go([...options()].indexOf(chosen));
        }
    });

    input.addEventListener("blur", () => {
        cancel();
        close();
    });
    input.addEventListener("focus", () => {
        if (suggestions.length && input.value.trim().length >= MIN_LENGTH) {
            open();
        }
    });
    // Back from a suggestion's page (bfcache): start closed.
    window.addEventListener("pageshow", close);
}

document.querySelectorAll("input[data-suggest]").forEach(enhance);
