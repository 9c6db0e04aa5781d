/* Before/after comparison: stacks the two images and lets a native range input move the
 * divider between them.
 *
 * Without this script the two images stand side by side with their labels. With it, the
 * range input (keyboard: arrow keys, Page Up/Down, Home/End) sets the divider, and the
 * images can also be dragged with a mouse, pen or finger. Loaded as a module: it runs once
 * however many comparisons a page has.
 */

const ENHANCED = "comparison--enhanced";
const DRAGGING = "comparison--dragging";

function percentFormatter() {
    const language = document.documentElement.lang || undefined;
    try {
        return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 0 });
    } catch {
        return new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 });
    }
}

function enhance(root, percent) {
    const stage = root.querySelector(".comparison__stage");
    const control = root.querySelector(".comparison__control");
    const input = root.querySelector(".comparison__input");
    if (!stage || !control || !input || root.classList.contains(ENHANCED)) {
        return;
    }
    const beforeLabel = root.dataset.beforeLabel || "";
    const afterLabel = root.dataset.afterLabel || "";

    const divider = document.createElement("div");
    divider.className = "comparison__divider";
    divider.setAttribute("aria-hidden", "true");
    const handle = document.createElement("span");
    handle.className = "comparison__handle";
    divider.append(handle);
    stage.append(divider);

    function update() {
        const value = Number(input.value);
        root.style.setProperty("--position", `${value}%`);
        input.setAttribute(
            "aria-valuetext",
            `${beforeLabel} ${percent.format(value / 100)}, ${afterLabel} ${percent.format(1 - value / 100)}`,
        );
    }

    function moveTo(clientX) {
        const box = stage.getBoundingClientRect();
        if (box.width === 0) {
            return;
        }
        const value = Math.round(((clientX - box.left) / box.width) * 100);
        input.value = String(Math.min(100, Math.max(0, value)));
        update();
    }

    input.addEventListener("input", update);

    stage.addEventListener("pointerdown", (event) => {
        if (event.button !== 0) {
            return;
        }
        // Keep the focus on the slider (no focus change, no image drag, no text selection).
        event.preventDefault();
        stage.setPointerCapture(event.pointerId);
        root.classList.add(DRAGGING);
        moveTo(event.clientX);
        input.focus({ preventScroll: true });
    });
    stage.addEventListener("pointermove", (event) => {
        if (stage.hasPointerCapture(event.pointerId)) {
            moveTo(event.clientX);
        }
    });
    const stop = (event) => {
        if (stage.hasPointerCapture(event.pointerId)) {
            stage.releasePointerCapture(event.pointerId);
        }
        root.classList.remove(DRAGGING);
    };
    stage.addEventListener("pointerup", stop);
    stage.addEventListener("pointercancel", stop);

    control.hidden = false;
    root.classList.add(ENHANCED);
    update();
}

function enhanceAll() {
    const percent = percentFormatter();
    for (const root of document.querySelectorAll("[data-comparison]")) {
        enhance(root, percent);
    }
}

enhanceAll();
