// Live lists: a [data-live] element re-fetches its fragment (data-live-src plus the filter form's
// query) when the server pushes a matching event on /events/incidents, or when a filter changes.
(() => {
  const target = document.querySelector("[data-live]");
  if (!target) {
    return;
  }
  const form = document.querySelector("form[data-live-filter]");
  const wanted = (target.dataset.liveEvents || "incident").split(" ");
  let pending = null;

  const query = () => (form ? new URLSearchParams(new FormData(form)).toString() : "");
  const refresh = () => {
    pending = null;
    fetch(target.dataset.liveSrc + "?" + query(), { headers: { Accept: "text/html" } })
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then((html) => {
        // Ticked rows stay ticked across a refresh: a bulk action is being prepared.
        const ticked = new Set(
          Array.from(target.querySelectorAll("input[type=checkbox]:checked")).map((box) => box.value),
        );
        target.innerHTML = html;
        target.querySelectorAll("input[type=checkbox]").forEach((box) => {
          if (ticked.has(box.value)) {
            box.checked = true;
          }
        });
        document.dispatchEvent(new CustomEvent("firebreak:refreshed"));
        target.dataset.refreshed = String(Number(target.dataset.refreshed || "0") + 1);
      })
      .catch(() => {});
  };
  const soon = () => {
    if (!pending) {
      pending = setTimeout(refresh, 250);
    }
  };

  if (form) {
    form.addEventListener("input", () => {
      history.replaceState(null, "", "?" + query());
      soon();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      soon();
    });
  }
  const source = new EventSource("/events/incidents");
  wanted.forEach((name) => source.addEventListener(name, soon));
  // "ready" starts every stream: on a reconnect (the server dropped a page that fell behind, or a
  // node restarted) whatever changed meanwhile was never pushed, so fetch the list again.
  let connected = false;
  source.addEventListener("ready", () => {
    if (connected) {
      soon();
    }
    connected = true;
    document.body.setAttribute("data-live-connected", "true");
  });
})();
