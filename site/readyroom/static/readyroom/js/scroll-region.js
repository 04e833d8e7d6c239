// A wide table scrolls inside its own frame (a keyboard-focusable region) instead of widening
// the page. This marks the frame with what is out of sight, so site.css can shade the edge
// that has more behind it, and shows the frame's hint only when there is something to scroll.
(function () {
  "use strict";
  function update(region, frame, hint) {
    var hidden = region.scrollWidth - region.clientWidth;
    // Sub-pixel widths: a pixel's difference is rounding, not a hidden column.
    var overflowing = hidden > 1;
    frame.toggleAttribute("data-more-start", overflowing && region.scrollLeft > 1);
    frame.toggleAttribute("data-more-end", overflowing && region.scrollLeft < hidden - 1);
    if (hint) {
      hint.hidden = !overflowing;
    }
  }
  document.querySelectorAll("[data-scroll-frame]").forEach(function (frame) {
    var region = frame.querySelector(".scroll-region");
    if (!region) {
      return;
    }
    var hintId = region.getAttribute("aria-describedby");
    var hint = hintId && document.getElementById(hintId);
    var refresh = function () {
      update(region, frame, hint);
    };
    region.addEventListener("scroll", refresh, { passive: true });
    if ("ResizeObserver" in window) {
      new ResizeObserver(refresh).observe(region);
    } else {
      window.addEventListener("resize", refresh);
    }
    refresh();
  });
})();
