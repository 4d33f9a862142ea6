// Reply drafts kept in this browser until sent, so a lost connection or a server restart loses nothing.
// The page marks a wrapper with data-draft-key; typing is saved here, in the browser, without a round
// trip to the server (which may be gone at that moment).
const prefix = "destek.draft.";

function save(event) {
    const field = event.target;
    const holder = field instanceof HTMLTextAreaElement ? field.closest("[data-draft-key]") : null;
    if (!holder) {
        return;
    }

    try {
        const key = prefix + holder.dataset.draftKey;
        if (field.value.trim() === "") {
            localStorage.removeItem(key);
        } else {
            localStorage.setItem(key, field.value);
        }
    } catch {
        // Storage full or disabled (private mode): the draft simply is not kept.
    }
}

document.addEventListener("input", save);

export function restore(draftKey) {
    try {
        return localStorage.getItem(prefix + draftKey);
    } catch {
        return null;
    }
}

export function clear(draftKey) {
    try {
        localStorage.removeItem(prefix + draftKey);
    } catch {
        // Nothing kept, nothing to clear.
    }
}
