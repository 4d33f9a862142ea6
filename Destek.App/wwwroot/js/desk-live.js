// The desk's live helpers, one ES module (no inline script, so the CSP holds): keyboard shortcuts for the queue and
// the ticket page (Desk/Shortcuts/DeskShortcuts.razor) and the ticket page's presence signals
// (Desk/Presence/TicketPresence.razor). The server decides nothing here: keys move focus or click what a mouse would.

const boxes = ["reply", "note"];
const textTypes = ["checkbox", "radio", "button", "submit", "reset", "file", "range", "color", "image"];
let queueIndex = -1;

/** True while the person types somewhere: shortcuts never take a letter meant for a field. */
function typing(target) {
    if (!(target instanceof Element)) {
        return false;
    }

    if (target.isContentEditable || target.closest("[contenteditable='true'], [contenteditable='']")) {
        return true;
    }

    if (target instanceof HTMLInputElement) {
        return !textTypes.includes(target.type);
    }

    return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function queueRows() {
    return Array.from(document.querySelectorAll(".queue-grid tbody tr")).filter(row => row.querySelector("a[href*='masa/talepler/']"));
}

function markRow(rows, index) {
    rows.forEach((row, i) => {
        if (i === index) {
            row.setAttribute("aria-current", "true");
            row.classList.add("kbd-current");
            row.tabIndex = -1;
            // Set through the CSSOM, which the CSP allows: the focused row is outlined, not only coloured.
            row.style.outline = "3px solid #1565c0";
            row.style.outlineOffset = "-3px";
            row.focus();
            row.scrollIntoView({ block: "nearest" });
        } else if (row.hasAttribute("aria-current")) {
            row.removeAttribute("aria-current");
            row.classList.remove("kbd-current");
            row.style.outline = "";
            row.style.outlineOffset = "";
        }
    });
    queueIndex = index;
}

function currentRow(rows) {
    const marked = rows.findIndex(row => row.getAttribute("aria-current") === "true");
    return marked >= 0 ? marked : (queueIndex >= 0 && queueIndex < rows.length ? queueIndex : -1);
}

function queueKey(event) {
    const rows = queueRows();
    if (rows.length === 0) {
        return false;
    }

    const at = currentRow(rows);
    switch (event.key) {
        case "j":
            markRow(rows, at < 0 ? 0 : Math.min(at + 1, rows.length - 1));
            return true;
        case "k":
            markRow(rows, at < 0 ? 0 : Math.max(at - 1, 0));
            return true;
        case "o":
        case "Enter": {
            // Enter opens only from the marked row itself; on a link or a button it does what it always does.
            if (at < 0 || (event.key === "Enter" && document.activeElement !== rows[at])) {
                return false;
            }

            rows[at].querySelector("a[href*='masa/talepler/']").click();
            return true;
        }
        case "x": {
            if (at < 0) {
                return false;
            }

            const box = rows[at].querySelector("input[type='checkbox']");
            box?.click();
            rows[at].focus();
            return true;
        }
        default:
            return false;
    }
}

function ticketKey(event) {
    const target = event.key === "r" ? "reply" : event.key === "n" ? "note" : null;
    const box = target ? document.getElementById(target) : null;
    if (!box || box.disabled) {
        return false;
    }

    box.focus();
    return true;
}

/** Listens for the desk's shortcuts; scope is "queue" or "ticket". Dispose the result to stop. */
export function attachShortcuts(dotnet, scope) {
    const onKey = event => {
        if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) {
            return;
        }

        const target = event.target;
        if (event.key === "Escape" && target instanceof HTMLElement && boxes.includes(target.id)) {
            // Leaves the box without losing what was typed; the next shortcut works at once.
            target.blur();
            return;
        }

        // A dialog or a field has the keyboard to itself.
        if (typing(target) || document.querySelector(".mud-dialog-container")) {
            return;
        }

        let handled = false;
        if (event.key === "?") {
            dotnet.invokeMethodAsync("ShowHelp");
            handled = true;
        } else if (!event.shiftKey || event.key === "Enter") {
            handled = scope === "queue" ? queueKey(event) : scope === "ticket" ? ticketKey(event) : false;
        }

        if (handled) {
            // Also keeps the letter out of the box that r or n just focused.
            event.preventDefault();
        }
    };

    document.addEventListener("keydown", onKey);
    // Tells tests (and anyone curious) that the keys are live.
    document.documentElement.dataset.deskShortcuts = scope;
    return {
        dispose() {
            document.removeEventListener("keydown", onKey);
            delete document.documentElement.dataset.deskShortcuts;
        },
    };
}

/** The ticket page's presence: a heartbeat while open, and "typing" at most once per throttle while the reply or note box changes. */
export function watchPresence(dotnet, beatMs, throttleMs) {
    let last = 0;
    const onInput = event => {
        if (!(event.target instanceof HTMLElement) || !boxes.includes(event.target.id)) {
            return;
        }

        const now = Date.now();
        if (now - last < throttleMs) {
            return;
        }

        last = now;
        dotnet.invokeMethodAsync("Typing").catch(() => { });
    };

    document.addEventListener("input", onInput, true);
    const timer = setInterval(() => dotnet.invokeMethodAsync("Beat").catch(() => { }), beatMs);
    document.documentElement.dataset.deskPresence = "on";
    return {
        dispose() {
            delete document.documentElement.dataset.deskPresence;
            document.removeEventListener("input", onInput, true);
            clearInterval(timer);
        },
    };
}
