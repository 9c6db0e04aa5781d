// Story maps: a Leaflet map above the list of places (portal/blocks/places.py).
//
// The list works without scripts and stays the main way in. When Leaflet (window.L, loaded
// by the page before this module) is there, each map block gets its map, one keyboard-usable
// marker per place, and a "Show on map" button per list item that pans to the place, opens
// its popup and moves focus into it. "Back to the list" in the popup returns focus.
// All texts arrive as data in the block's JSON island and are set as text, never as HTML.

const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

function readData(root) {
    const island = root.querySelector('script[type="application/json"]');
    if (!island) {
        return null;
    }
    try {
        return JSON.parse(island.textContent);
    } catch {
        return null;
    }
}

function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
        node.className = className;
    }
    if (text) {
        node.textContent = text;
    }
    return node;
}

function popupContent(place, labels, backButton) {
    const content = element("div", "map-popup");
    const name = element("p", "map-popup__name", place.name);
    name.tabIndex = -1;
    content.append(name);
    if (place.coordinates) {
        content.append(element("p", "map-popup__coordinates", place.coordinates));
    }
    if (place.description) {
        content.append(element("p", "map-popup__description", place.description));
    }
    if (place.objectUrl) {
        const line = element("p", "map-popup__object", `${labels.object} `);
        const link = element("a", "", place.objectTitle);
        link.href = place.objectUrl;
        if (place.objectLang) {
            link.lang = place.objectLang;
        }
        line.append(link);
        content.append(line);
    }
    if (backButton) {
        const back = element("button", "map-popup__back", labels.backToList);
        back.type = "button";
        back.addEventListener("click", () => backButton.focus());
        content.append(back);
    }
    return content;
}

function initMap(root) {
    const L = window.L;
    const data = readData(root);
    const canvas = root.querySelector("[data-map-canvas]");
    if (!L || !data || !canvas || !Array.isArray(data.places) || !data.places.length) {
        return;
    }
    const labels = data.labels || {};
    const animate = !reducedMotion.matches;
    canvas.hidden = false;

    const map = L.map(canvas, {
        scrollWheelZoom: false, // the page scrolls; zoom with the buttons or + and -
        dragging: !L.Browser.mobile, // one finger scrolls the page on phones
        zoomAnimation: animate,
        fadeAnimation: animate,
        markerZoomAnimation: animate,
        maxZoom: data.maxZoom || 18,
        zoomControl: false,
    });
    L.control
        .zoom({ zoomInTitle: labels.zoomIn || "+", zoomOutTitle: labels.zoomOut || "−" })
        .addTo(map);
    if (data.tileUrl) {
        L.tileLayer(data.tileUrl, {
            attribution: data.attribution || "",
            maxZoom: data.maxZoom || 18,
        }).addTo(map);
    } else {
        canvas.classList.add("map-block__map--plain");
    }

    const icon = L.icon({
        iconUrl: data.icon.url,
        iconRetinaUrl: data.icon.retinaUrl,
        shadowUrl: data.icon.shadowUrl,
        iconSize: [25, 41],
        iconAnchor: [12, 41],
        popupAnchor: [1, -34],
        tooltipAnchor: [16, -28],
        shadowSize: [41, 41],
    });
    const buttons = new Map();
    root.querySelectorAll("[data-map-show]").forEach((button) => {
        buttons.set(Number(button.dataset.mapShow), button);
    });

    const markers = data.places.map((place, index) => {
        const marker = L.marker([place.lat, place.lng], {
            icon,
            alt: place.name,
            title: place.name,
            keyboard: true,
        });
        marker.bindPopup(() => popupContent(place, labels, buttons.get(index)), {
            autoPanPadding: [24, 24],
        });
        marker.on("popupopen", (event) => {
            const close = event.popup.getElement()?.querySelector(".leaflet-popup-close-button");
            if (close && labels.closePopup) {
                close.setAttribute("aria-label", labels.closePopup);
            }
        });
        marker.on("popupclose", (event) => {
            // When focus was in the closing popup (its close button, Escape), it would be lost
            // with the popup: put it on the place's marker instead.
            const active = document.activeElement;
            const popupElement = event.popup.getElement();
            const lost = !active || active === document.body || popupElement?.contains(active);
            if (lost) {
                marker.getElement()?.focus({ preventScroll: true });
            }
        });
        marker.addTo(map);
        return marker;
    });

    // Escape closes the open popup wherever focus is inside the map (Leaflet listens only
    // while the map itself has focus); the popupclose handler then puts focus on the marker.
    canvas.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && canvas.querySelector(".leaflet-popup")) {
            map.closePopup();
        }
    });

    const latLngs = markers.map((marker) => marker.getLatLng());
    if (latLngs.length === 1) {
        map.setView(latLngs[0], Math.min(10, data.maxZoom || 18), { animate: false });
    } else {
        map.fitBounds(L.latLngBounds(latLngs), { padding: [32, 32], maxZoom: 12, animate: false });
    }

    buttons.forEach((button, index) => {
        const marker = markers[index];
        if (!marker) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", () => {
            const smooth = !reducedMotion.matches;
            canvas.scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "nearest" });
            map.setView(marker.getLatLng(), Math.max(map.getZoom(), 8), { animate: smooth });
            marker.openPopup();
            const name = marker.getPopup()?.getElement()?.querySelector(".map-popup__name");
            (name || marker.getElement())?.focus({ preventScroll: true });
        });
    });
}

document.querySelectorAll("[data-map]").forEach(initMap);
