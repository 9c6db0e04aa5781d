/* Carousel of object cards: previous/next buttons for a scroll-snap list.
 *
 * Without this script the cards form a row that scrolls (by touch, trackpad, or keyboard once
 * the list is focused) and snaps to each card. With it, "Previous" and "Next" buttons move
 * one card at a time, Home and End on the focused list jump to the first and last card, and
 * the buttons say when there is nothing more in their direction. Nothing moves on its own;
 * scrolling is instant when the reader prefers reduced motion. Loaded as a module: it runs
 * once however many carousels a page has.
 */

const READY = "carouselReady";
const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

function behaviour() {
    return reducedMotion.matches ? "auto" : "smooth";
}

function enhance(root) {
    const track = root.querySelector(".carousel__track");
    const controls = root.querySelector("[data-carousel-controls]");
    const previous = root.querySelector("[data-carousel-prev]");
    const next = root.querySelector("[data-carousel-next]");
    if (!track || !controls || !previous || !next || root.dataset[READY]) {
        return;
    }
    root.dataset[READY] = "true";
    // Right-to-left pages scroll towards negative offsets.
    const direction = getComputedStyle(track).direction === "rtl" ? -1 : 1;

    function step() {
        const item = track.querySelector(":scope > li");
        if (!item) {
            return track.clientWidth;
        }
        const gap = parseFloat(getComputedStyle(track).columnGap) || 0;
        return item.getBoundingClientRect().width + gap;
    }

    function update() {
        const range = track.scrollWidth - track.clientWidth;
        const position = Math.abs(track.scrollLeft);
        controls.hidden = range <= 1;
        // aria-disabled rather than disabled: a focused button keeps focus at the end.
        previous.setAttribute("aria-disabled", String(position <= 1));
        next.setAttribute("aria-disabled", String(position >= range - 1));
    }

    function move(items) {
        track.scrollBy({ left: items * step() * direction, behavior: behaviour() });
    }

    previous.addEventListener("click", () => {
        if (previous.getAttribute("aria-disabled") !== "true") {
            move(-1);
        }
    });
    next.addEventListener("click", () => {
        if (next.getAttribute("aria-disabled") !== "true") {
            move(1);
        }
    });
    track.addEventListener("keydown", (event) => {
        if (event.target !== track || event.altKey || event.ctrlKey || event.metaKey) {
            return;
        }
        if (event.key === "Home" || event.key === "End") {
            event.preventDefault();
            const end = (track.scrollWidth - track.clientWidth) * direction;
            track.scrollTo({ left: event.key === "Home" ? 0 : end, behavior: behaviour() });
        }
    });

    let frame = 0;
    track.addEventListener(
        "scroll",
        () => {
            cancelAnimationFrame(frame);
            frame = requestAnimationFrame(update);
        },
        { passive: true },
    );
    if ("ResizeObserver" in window) {
        new ResizeObserver(update).observe(track);
    } else {
        window.addEventListener("resize", update);
    }
    update();
}

document.querySelectorAll("[data-carousel]").forEach(enhance);
