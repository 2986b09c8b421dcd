// One time format: every <time datetime> shows in the viewer's zone (the profile's, else the
// browser's) with the UTC time on hover; data-relative ones read "12 min ago".
(() => {
  const zoneMeta = document.querySelector('meta[name="fb-zone"]');
  const zone = zoneMeta && zoneMeta.content ? zoneMeta.content : undefined;
  let format;
  try {
    format = new Intl.DateTimeFormat(undefined, {
      year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
      second: "2-digit", hour12: false, timeZone: zone, timeZoneName: "short",
    });
  } catch (e) {
    format = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" });
  }
  const ago = (ms) => {
    const s = Math.max(0, Math.round(ms / 1000));
    if (s < 60) return s + " s ago";
    if (s < 3600) return Math.round(s / 60) + " min ago";
    if (s < 86400) return Math.floor(s / 3600) + " h " + Math.round((s % 3600) / 60) + " min ago";
    return Math.floor(s / 86400) + " d ago";
  };
  const apply = () => {
    document.querySelectorAll("time[datetime]").forEach((el) => {
      const at = new Date(el.getAttribute("datetime"));
      if (isNaN(at)) return;
      el.title = at.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
      el.textContent = el.hasAttribute("data-relative") ? ago(Date.now() - at) : format.format(at);
    });
  };
  document.addEventListener("DOMContentLoaded", apply);
  document.addEventListener("firebreak:refreshed", apply);
  document.addEventListener("htmx:afterSwap", apply);
  setInterval(() => document.querySelectorAll("time[data-relative]").length && apply(), 30000);
})();
