// Audio and video blocks: the WebVTT chapters track as a list of buttons that seek.
//
// The browser parses the chapters file (<track kind="chapters">); this module lists its
// cues in the block's [data-media-chapters] group, marks the chapter that is playing with
// aria-current and leaves the group hidden when there is nothing to list. Without scripts the
// player, its captions and the transcript work as they are.

function clockTime(seconds) {
    const total = Math.max(0, Math.floor(seconds));
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const secs = String(total % 60).padStart(2, "0");
    return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${secs}` : `${minutes}:${secs}`;
}

function isoDuration(seconds) {
    const total = Math.max(0, Math.floor(seconds));
    return `PT${Math.floor(total / 3600)}H${Math.floor((total % 3600) / 60)}M${total % 60}S`;
}

function cueText(cue) {
    // Cue text may carry WebVTT markup (<b>, <v Speaker>): keep the words only.
    const fragment = typeof cue.getCueAsHTML === "function" ? cue.getCueAsHTML() : null;
    return (fragment ? fragment.textContent : cue.text || "").trim();
}

function initChapters(root) {
    const player = root.querySelector("video, audio");
    const group = root.querySelector("[data-media-chapters]");
    const trackElement = player?.querySelector('track[kind="chapters"]');
    const list = group?.querySelector("ol");
    if (!player || !group || !trackElement || !list) {
        return;
    }
    const track = trackElement.track;
    const buttons = [];

    const markCurrent = () => {
        const active = new Set(Array.from(track.activeCues || []));
        for (const { button, cue } of buttons) {
            if (active.has(cue)) {
                button.setAttribute("aria-current", "true");
            } else {
                button.removeAttribute("aria-current");
            }
        }
    };

    const render = () => {
        const cues = Array.from(track.cues || []);
        if (!cues.length || buttons.length) {
            return;
        }
        for (const cue of cues) {
            const item = document.createElement("li");
            const button = document.createElement("button");
            button.type = "button";
            button.className = "media-block__chapter";
            const time = document.createElement("time");
            time.className = "media-block__chapter-time";
            time.dateTime = isoDuration(cue.startTime);
            time.textContent = clockTime(cue.startTime);
            const title = document.createElement("span");
            title.className = "media-block__chapter-title";
            title.textContent = cueText(cue);
            button.append(time, " ", title);
            button.addEventListener("click", () => {
                player.currentTime = cue.startTime;
                if (player.paused) {
                    player.play().catch(() => {
                        // Playback needs another gesture (browser policy): the seek stands.
                    });
                }
            });
            item.append(button);
            list.append(item);
            buttons.push({ button, cue });
        }
        group.hidden = false;
        markCurrent();
    };

    track.mode = "hidden"; // load the cues without showing them over the video
    track.addEventListener("cuechange", markCurrent);
    trackElement.addEventListener("load", render);
    if (trackElement.readyState === HTMLTrackElement.LOADED) {
        render();
    }
}

document.querySelectorAll("[data-media]").forEach(initChapters);
