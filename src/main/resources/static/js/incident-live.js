// The incident page follows its incident: on an "incident" event for this id (the list's stream,
// /events/incidents) it fetches the page again and swaps the parts that only show state, never a
// form somebody may be typing in.
(() => {
  const root = document.querySelector("[data-incident-live]");
  if (!root) {
    return;
  }
  const id = root.dataset.incidentLive;
  const parts = ["incident-actions", "incident-facts", "escalation", "notifications", "alerts", "timeline", "postmortem"]; // #timeline is the list only, not the note form above it;
  let pending = null;
  const refresh = () => {
    pending = null;
    fetch(location.pathname, { headers: { Accept: "text/html" } })
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then((html) => {
        const next = new DOMParser().parseFromString(html, "text/html");
        parts.forEach((part) => {
          const now = document.getElementById(part);
          const fresh = next.getElementById(part);
          if (now && fresh) {
            now.replaceWith(document.importNode(fresh, true));
          }
        });
        root.dataset.refreshed = String(Number(root.dataset.refreshed || "0") + 1);
        document.dispatchEvent(new CustomEvent("firebreak:refreshed"));
      })
      .catch(() => {});
  };
  const soon = () => {
    if (!pending) {
      pending = setTimeout(refresh, 250);
    }
  };
  const source = new EventSource("/events/incidents");
  source.addEventListener("incident", (event) => {
    if (String(event.data).trim() === id) {
      soon();
    }
  });
  let connected = false;
  source.addEventListener("ready", () => {
    if (connected) {
      soon(); // reconnected: what changed meanwhile was never pushed
    }
    connected = true;
    root.setAttribute("data-live-connected", "true");
  });

  // Keys for the hands on the keyboard: a acknowledge, r resolve, n note (not while typing).
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest("input, textarea, select, [contenteditable]");
    if (typing || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const click = (selector) => {
      const button = document.querySelector(selector);
      if (button) {
        event.preventDefault();
        button.click();
      }
    };
    if (event.key === "a") {
      click("#acknowledge");
    } else if (event.key === "r") {
      click("#resolve");
    } else if (event.key === "n") {
      const note = document.getElementById("note");
      if (note) {
        event.preventDefault();
        note.focus();
      }
    }
  });
})();
