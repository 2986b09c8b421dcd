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
