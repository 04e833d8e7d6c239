// The countdown of a timed drill step. The server keeps the real clock: this only shows it,
// and when time is up (plus the server's grace) posts the timeout form so the drill moves on.
(function () {
  "use strict";
  var timer = document.querySelector(".drill-timer");
  if (!timer) return;
  var remaining = parseInt(timer.getAttribute("data-remaining"), 10) || 0;
  var grace = parseInt(timer.getAttribute("data-grace"), 10) || 0;
  var value = timer.querySelector(".drill-timer__value");
  var form = document.getElementById(timer.getAttribute("data-timeout-form"));
  var announcer = document.createElement("p");
  announcer.className = "visually-hidden";
  announcer.setAttribute("aria-live", "assertive");
  timer.parentNode.insertBefore(announcer, timer.nextSibling);
  var deadline = Date.now() + remaining * 1000;
  var sent = false;

  function timeUp() {
    timer.classList.add("drill-timer--up");
    document.querySelectorAll(".drill-choice").forEach(function (button) {
      button.disabled = true;
    });
    announcer.textContent = "Time is up. The drill moves on.";
    if (form && !sent) {
      sent = true;
      // Wait out the server's grace so it sees the step as late, then move on.
      window.setTimeout(function () { form.submit(); }, (grace + 1) * 1000);
    }
  }

  function tick() {
    var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    value.textContent = String(left);
    if (left === 10 || left === 5) announcer.textContent = left + " seconds left.";
    if (left <= 10) timer.classList.add("drill-timer--low");
    if (left === 0) {
      window.clearInterval(handle);
      timeUp();
    }
  }
  var handle = window.setInterval(tick, 250);
  tick();
})();
