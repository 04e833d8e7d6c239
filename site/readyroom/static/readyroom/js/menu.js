// The Menu button folds the main navigation on narrow screens (site.css decides when; where
// scripts do not run, menu-noscript.css hides the button and keeps the menu open).
(function () {
  "use strict";
  var button = document.querySelector("[data-menu-button]");
  var menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) {
    return;
  }
  function isOpen() {
    return button.getAttribute("aria-expanded") === "true";
  }
  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }
  button.addEventListener("click", function () {
    setOpen(!isOpen());
  });
  // Escape folds the menu again and puts focus back on its button, as a disclosure should;
  // only while the button is on screen (on a wide screen the menu is always shown).
  document.addEventListener("keydown", function (event) {
    var within = menu.contains(document.activeElement) || document.activeElement === button;
    if (event.key === "Escape" && isOpen() && within && button.offsetParent !== null) {
      setOpen(false);
      button.focus();
    }
  });
})();
