/* The object page's IIIF manifest link: a "Copy the address" button for educators.
 *
 * Without this script (or without the Clipboard API) the button stays hidden and the
 * address can be selected and copied by hand. The confirmation comes from the page
 * (data-copied, translated there) and is announced through a status region.
 */

for (const button of document.querySelectorAll("[data-copy-target]")) {
    const target = document.getElementById(button.dataset.copyTarget);
    const status = button.parentElement.querySelector("[role=status]");
    if (!target || !navigator.clipboard) {
        continue;
    }
    button.hidden = false;
    button.addEventListener("click", async () => {
        try {
            await navigator.clipboard.writeText(target.textContent.trim());
            if (status) {
                status.textContent = button.dataset.copied || "";
            }
        } catch {
            if (status) {
                status.textContent = "";
            }
        }
    });
}
