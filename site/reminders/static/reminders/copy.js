// A Copy button beside a readonly field: puts the field's text on the clipboard and says so in
// a status line (read out by screen readers). The button ships hidden, so without JavaScript
// nobody sees a button that does nothing; the field stays selectable either way.
(function () {
  "use strict";
  var DONE = "Copied";
  var FAILED = "Could not copy: select the address and copy it.";

  function copyBySelection(field) {
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var name = button.getAttribute("data-copy");
    var field = document.getElementById(name);
    var status = document.querySelector('[data-copy-status="' + name + '"]');
    if (!field || !status) {
      return;
    }
    function say(copied) {
      // Cleared first, so saying "Copied" a second time is announced again.
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = copied ? DONE : FAILED;
      }, 50);
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(
          function () { say(true); },
          function () { say(copyBySelection(field)); }
        );
      } else {
        say(copyBySelection(field));
      }
    });
  });
})();
