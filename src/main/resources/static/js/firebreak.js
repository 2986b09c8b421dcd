// Sends the CSRF token with every htmx request (forms carry it as a hidden field already).
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// On phones the navigation starts folded behind the menu button.
document.addEventListener("DOMContentLoaded", () => {
  const menu = document.querySelector("details.menu");
  if (menu && window.matchMedia("(max-width: 720px)").matches) {
    menu.removeAttribute("open");
  }
});

// A form with data-confirm asks before it is sent (bulk acknowledge and resolve); data-back
// fields carry the page's own address, so the answer comes back to the same filters.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) {
    return;
  }
  form.querySelectorAll("input[data-back]").forEach((field) => {
    field.value = location.pathname + location.search;
  });
  const ask = form.dataset.confirm;
  if (ask) {
    // getAttribute: form.id would be the checkboxes named "id" that belong to the form.
    const ticked = document.querySelectorAll('input[type=checkbox][form="' + form.getAttribute("id") + '"]:checked').length;
    const action = event.submitter ? event.submitter.textContent.trim() : "Go on";
    if (!window.confirm(action + ": " + ticked + " incident(s). " + ask)) {
      event.preventDefault();
    }
  }
});
