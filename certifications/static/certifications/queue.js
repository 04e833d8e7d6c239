// The verification queue: "Select all" with a live count of the selection, and (there and on
// a card's record) a plain message where the server could not draw a card's preview. Without
// this script every card's own checkbox still works and the select-all control stays hidden.
(function () {
  "use strict";

  function setUpSelectAll(form) {
    var all = form.querySelector("#pick-all");
    var count = document.getElementById("picked-count");
    if (!all || !count) return;
    var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="records"]'));

    function update() {
      var picked = boxes.filter(function (box) { return box.checked; }).length;
      all.checked = picked > 0 && picked === boxes.length;
      // Some but not all: the header box shows a dash, and a click selects the rest.
      all.indeterminate = picked > 0 && picked < boxes.length;
      count.textContent = picked + " of " + boxes.length + " selected";
    }

    all.addEventListener("change", function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
      update();
    });
    form.addEventListener("change", function (event) {
      if (event.target.name === "records") update();
    });

    var fallbackName = form.querySelector("[data-without-script]");
    if (fallbackName) fallbackName.remove();
    [all, form.querySelector('label[for="pick-all"]'), count].forEach(function (element) {
      element.hidden = false;
    });
    update();
  }

  function explainMissingPreviews() {
    // The preview answers 404 with a message when it cannot draw the card: show the message
    // instead of a broken image (the download link stays beside it).
    document.querySelectorAll("img.card-preview__image").forEach(function (image) {
      image.addEventListener("error", function () {
        image.hidden = true;
        var message = image.parentElement.querySelector(".card-preview__none");
        if (message) message.hidden = false;
      });
    });
  }

  var form = document.querySelector("form.bulk-verify");
  if (form) setUpSelectAll(form);
  explainMissingPreviews();
})();
