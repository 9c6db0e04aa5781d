/* Deep zoom: opens an image's IIIF service (info.json) in OpenSeadragon, in a modal dialog.
 *
 * Progressive enhancement of elements marked data-deep-zoom="<info.json URL>" (with
 * data-deep-zoom-label, the image's description, and a data-deep-zoom-frame child after
 * which the opening button goes). Without this script, or until the reader asks for it, the
 * page keeps its plain image and full-size link. The markup and every word come from the
 * page (portal/includes/deep_zoom_assets.html, translated there); OpenSeadragon's own
 * buttons stay off and ours are real <button>s. OpenSeadragon itself (npm, served as
 * vendor/openseadragon/) is loaded on first use only.
 *
 * Keyboard: Tab moves between the buttons and the image; on the image, the arrow keys pan,
 * + and − zoom, 0 resets (OpenSeadragon's keys); Esc leaves full screen, then closes.
 * With prefers-reduced-motion every zoom and pan is immediate.
 */

const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
const ZOOM_STEP = 1.6;

let library = null;

function loadLibrary(url) {
    if (!library) {
        library = new Promise((resolve, reject) => {
            if (window.OpenSeadragon) {
                resolve(window.OpenSeadragon);
                return;
            }
            const script = document.createElement("script");
            script.src = url;
            script.onload = () => resolve(window.OpenSeadragon);
            script.onerror = () => {
                library = null;
                reject(new Error(`OpenSeadragon did not load from ${url}`));
            };
            document.head.append(script);
        });
    }
    return library;
}

class DeepZoomDialog {
    constructor(template) {
        this.dialog = template.content.firstElementChild.cloneNode(true);
        document.body.append(this.dialog);
        // Dialogs cannot be shown full screen; the frame inside one can.
        this.frame = this.dialog.querySelector(".deep-zoom__frame");
        this.title = this.dialog.querySelector(".deep-zoom__title");
        this.stage = this.dialog.querySelector(".deep-zoom__viewer");
        this.status = this.dialog.querySelector(".deep-zoom__status");
        this.fullScreenButton = this.dialog.querySelector('[data-action="full-screen"]');
        this.viewer = null;
        this.opener = null;

        this.fullScreenButton.hidden = !(document.fullscreenEnabled && this.frame.requestFullscreen);
        this.dialog.addEventListener("click", (event) => {
            const button = event.target.closest("button[data-action]");
            if (button) {
                this.act(button.dataset.action);
            }
        });
        this.dialog.addEventListener("close", () => this.closed());
        document.addEventListener("fullscreenchange", () => {
            const isFull = document.fullscreenElement === this.frame;
            this.fullScreenButton.setAttribute("aria-pressed", String(isFull));
        });
    }

    async open(infoUrl, name, opener) {
        const label = name || this.dialog.dataset.untitled;
        this.opener = opener;
        this.title.textContent = label;
        this.status.textContent = this.dialog.dataset.loading;
        this.dialog.showModal();
        let OpenSeadragon;
        try {
            OpenSeadragon = await loadLibrary(this.dialog.dataset.library);
        } catch {
            this.failed();
            return;
        }
        if (!this.dialog.open) {
            return;
        }
        const immediate = reducedMotion.matches;
        this.viewer = OpenSeadragon({
            element: this.stage,
            tileSources: infoUrl,
            showNavigationControl: false,
            showNavigator: false,
            visibilityRatio: 0.8,
            constrainDuringPan: true,
            maxZoomPixelRatio: 2,
            animationTime: immediate ? 0 : 1.0,
            blendTime: immediate ? 0 : 0.1,
            springStiffness: immediate ? 100 : 6.5,
            immediateRender: immediate,
        });
        const canvas = this.viewer.canvas;
        canvas.setAttribute("role", "application");
        canvas.setAttribute("aria-label", label);
        canvas.setAttribute("aria-describedby", "deep-zoom-help");
        this.viewer.addHandler("open", () => {
            this.status.textContent = "";
            this.dialog.classList.add("deep-zoom--ready");
        });
        this.viewer.addHandler("open-failed", () => this.failed());
        canvas.focus();
    }

    failed() {
        this.status.textContent = this.dialog.dataset.error;
        this.dialog.classList.add("deep-zoom--failed");
    }

    act(action) {
        const immediate = reducedMotion.matches;
        const viewport = this.viewer?.viewport;
        if (action === "close") {
            this.dialog.close();
        } else if (action === "full-screen") {
            this.toggleFullScreen();
        } else if (viewport && action === "zoom-in") {
            viewport.zoomBy(ZOOM_STEP, undefined, immediate);
            viewport.applyConstraints(immediate);
        } else if (viewport && action === "zoom-out") {
            viewport.zoomBy(1 / ZOOM_STEP, undefined, immediate);
            viewport.applyConstraints(immediate);
        } else if (viewport && action === "reset") {
            viewport.goHome(immediate);
        }
    }

    toggleFullScreen() {
        if (document.fullscreenElement) {
            document.exitFullscreen();
        } else {
            this.frame.requestFullscreen().catch(() => {});
        }
    }

    closed() {
        if (document.fullscreenElement === this.frame) {
            document.exitFullscreen();
        }
        if (this.viewer) {
            this.viewer.destroy();
            this.viewer = null;
        }
        this.stage.replaceChildren();
        this.status.textContent = "";
        this.dialog.classList.remove("deep-zoom--ready", "deep-zoom--failed");
        this.opener?.focus();
    }
}

function enhanceAll() {
    const dialogTemplate = document.getElementById("deep-zoom-dialog");
    const openerTemplate = document.getElementById("deep-zoom-opener");
    if (!dialogTemplate || !openerTemplate) {
        return;
    }
    let dialog = null;
    for (const root of document.querySelectorAll("[data-deep-zoom]")) {
        const frame = root.querySelector("[data-deep-zoom-frame]");
        if (!frame || root.dataset.deepZoomReady) {
            continue;
        }
        root.dataset.deepZoomReady = "true";
        const label = root.dataset.deepZoomLabel || "";
        const opener = openerTemplate.content.firstElementChild.cloneNode(true);
        const name = opener.querySelector("[data-deep-zoom-name]");
        if (name && label) {
            name.textContent = `: ${label}`;
        }
        opener.addEventListener("click", () => {
            dialog ??= new DeepZoomDialog(dialogTemplate);
            dialog.open(root.dataset.deepZoom, label, opener);
        });
        frame.after(opener);
    }
}

enhanceAll();
