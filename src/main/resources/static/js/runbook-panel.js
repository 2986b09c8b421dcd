// The incident page's runbook panel: copy buttons, and each run's output (live while it runs).
document.querySelectorAll("[data-copy]").forEach((button) => {
  button.addEventListener("click", async () => {
    const code = button.closest(".command").querySelector("pre code").textContent;
    try {
      await navigator.clipboard.writeText(code);
      button.textContent = "Copied";
    } catch (e) {
      // No clipboard (plain http, old browser): select the text for Ctrl+C instead.
      const range = document.createRange();
      range.selectNodeContents(button.closest(".command").querySelector("pre code"));
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      button.textContent = "Selected: press Ctrl+C";
    }
    setTimeout(() => (button.textContent = "Copy"), 2000);
  });
});

document.querySelectorAll("pre[data-run-output]").forEach((pre) => {
  const base = pre.dataset.runOutput;
  if (pre.dataset.live !== "true") {
    fetch(base + "/output", { headers: { Accept: "text/plain" } })
      .then((r) => (r.ok ? r.text() : ""))
      .then((text) => (pre.textContent = text));
    return;
  }
  // Chunks arrive numbered and in order; a reconnect would start over, so the text is reset then.
  let next = 0;
  const source = new EventSource(base + "/stream");
  source.addEventListener("output", (event) => {
    const chunk = JSON.parse(event.data);
    if (chunk.seq === 0) {
      pre.textContent = "";
      next = 0;
    }
    if (chunk.seq === next) {
      pre.append(chunk.text);
      next++;
    }
  });
  source.addEventListener("end", (event) => {
    source.close();
    const run = JSON.parse(event.data);
    const badge = pre.closest("li").querySelector(".badge");
    if (badge) {
      badge.textContent = run.state.toLowerCase().replace("_", " ");
    }
  });
});
