// One time format: every <time datetime> shows in the viewer's zone (the profile's, else the
// browser's) with the UTC time on hover; data-relative ones read "12 min ago", data-clock ones "03:14:05".
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
  // "12 min ago" for the past, "in 4 min" for a time still to come (an escalation's next step).
  let clock;
  try {
    clock = new Intl.DateTimeFormat(undefined, {
      hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false, timeZone: zone,
    });
  } catch (e) {
    clock = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });
  }
  const ago = (ms) => {
    const s = Math.round(Math.abs(ms) / 1000);
    let span;
    if (s < 60) span = s + " s";
    else if (s < 3600) span = Math.round(s / 60) + " min";
    else if (s < 86400) span = Math.floor(s / 3600) + " h " + Math.round((s % 3600) / 60) + " min";
    else span = Math.floor(s / 86400) + " d";
    return ms < -1000 ? "in " + span : span + " ago";
  };
  const apply = () => {
    document.querySelectorAll("time[datetime]").forEach((el) => {
      const at = new Date(el.getAttribute("datetime"));
      if (isNaN(at)) return;
      const utc = at.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
      const relative = el.hasAttribute("data-relative");
      el.title = relative ? format.format(at) + " (" + utc + ")" : utc;
      // data-clock: the time of day only, where the date is already said next to it.
      el.textContent = relative ? ago(Date.now() - at) : el.hasAttribute("data-clock") ? clock.format(at) : format.format(at);
    });
  };
  document.addEventListener("DOMContentLoaded", apply);
  document.addEventListener("firebreak:refreshed", apply);
  document.addEventListener("htmx:afterSwap", apply);
  setInterval(() => document.querySelectorAll("time[data-relative]").length && apply(), 30000);
})();
