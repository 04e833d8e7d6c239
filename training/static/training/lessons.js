// Marks a lesson read once its end has stayed on screen for a moment (a reader who reached
// it, not one scrolling past), by sending the lesson's own "Mark as read" form, which works
// without JavaScript too. The server keeps the first reading and ignores repeats.
(function () {
  const outline = document.querySelector("[data-lesson-outline]");
  const ends = document.querySelectorAll("[data-lesson-end]");
  if (!outline || !ends.length || !window.fetch || !window.IntersectionObserver) return;
  const DWELL_MS = 1500;
  const count = outline.querySelector("[data-lessons-read]");
  const timers = new Map();

  function markRead(end) {
    const form = end.querySelector("form");
    if (!form || form.dataset.sending) return;
    form.dataset.sending = "1";
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (!data.read) throw new Error(data.error);
        form.remove();
        end.querySelector("[data-lesson-done]").hidden = false;
        const tick = outline.querySelector('[data-lesson-tick="' + end.dataset.lessonEnd + '"]');
        if (tick && tick.hidden) {
          tick.hidden = false;
          count.textContent = String(Number(count.textContent) + 1);
        }
      })
      // Not recorded (offline, say): the button stays for the reader to press.
      .catch(function () { delete form.dataset.sending; });
  }

  const observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      const end = entry.target;
      if (entry.isIntersecting && !timers.has(end)) {
        timers.set(end, window.setTimeout(function () {
          observer.unobserve(end);
          markRead(end);
        }, DWELL_MS));
      } else if (!entry.isIntersecting && timers.has(end)) {
        window.clearTimeout(timers.get(end));
        timers.delete(end);
      }
    });
  });
  ends.forEach(function (end) {
    if (end.querySelector("form")) observer.observe(end);
  });
})();
