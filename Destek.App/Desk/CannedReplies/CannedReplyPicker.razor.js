// Ctrl+Shift+H focuses the canned reply search of the ticket page. One listener per page, however
// often the picker renders; a chord, so it never fires while typing a reply.
let listening = false;

function onKey(event) {
    if (event.ctrlKey && event.shiftKey && !event.altKey && (event.key === "H" || event.key === "h")) {
        const input = document.getElementById("canned-reply");
        if (input && !input.disabled) {
            event.preventDefault();
            input.focus();
        }
    }
}

export function listen() {
    if (!listening) {
        document.addEventListener("keydown", onKey);
        listening = true;
    }
}

export function focusReply() {
    const reply = document.getElementById("reply");
    if (reply) {
        reply.focus();
        const end = reply.value.length;
        reply.setSelectionRange(end, end);
    }
}
